/* print style: themes/<theme>/print/style.yaml over built-in defaults, and
 * the cascade that computes an element's style from its selectors. */
#include "print_int.h"
#include "core/yamltree.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define P_BIT(n) ((uint64_t)1 << (n))
enum {
	P_ROLE, P_SIZE, P_WEIGHT, P_ITALIC, P_COLOR, P_LH, P_ALIGN, P_SB, P_SA,
	P_INDENT, P_ML, P_MR, P_KWN, P_BB, P_KT, P_BG, P_PAD, P_BL, P_BBOT, P_BC,
	P_UPPER, P_BTOP, P_COLS, P_CGAP, P_CSPAN, P_BLEED, P_POS, P_BARE, P_MINH,
	P_WIDTH, P_MAXW, P_MAXH, P_HYPH
};

/* The structural minimum, so that a theme without a style still prints
 * sensibly; the theme's style.yaml gives the look. */
static const char print_builtin_yaml[] =
	"styles:\n"
	"  body: {font: serif, size: 10.5pt, line-height: 1.45, align: justify}\n"
	"  h1: {font: sans, size: 20pt, weight: bold, space-before: 18pt, space-after: 8pt, keep-with-next: true, align: left}\n"
	"  h2: {font: sans, size: 15pt, weight: bold, space-before: 14pt, space-after: 6pt, keep-with-next: true, align: left}\n"
	"  h3: {font: sans, size: 12pt, weight: bold, space-before: 10pt, space-after: 4pt, keep-with-next: true, align: left}\n"
	"  h4: {font: sans, size: 10.5pt, weight: bold, space-before: 8pt, space-after: 3pt, keep-with-next: true, align: left}\n"
	"  h5: {font: sans, weight: bold, keep-with-next: true, align: left}\n"
	"  h6: {font: sans, weight: bold, keep-with-next: true, align: left}\n"
	"  p: {space-after: 6pt}\n"
	"  ul: {space-after: 6pt, margin-left: 16pt}\n"
	"  ol: {space-after: 6pt, margin-left: 16pt}\n"
	"  li: {space-after: 2pt}\n"
	"  blockquote: {margin-left: 14pt, space-after: 6pt, border-left: 2pt, italic: true}\n"
	"  pre: {font: mono, size: 0.85em, align: left, space-after: 6pt, padding: 6pt}\n"
	"  code: {font: mono, size: 0.9em}\n"
	"  hr: {space-before: 6pt, space-after: 6pt}\n"
	"  table: {size: 0.9em, space-after: 8pt, line-height: 1.25, align: left}\n"
	"  th: {font: sans, weight: bold}\n"
	"  figure: {keep-together: true, space-after: 8pt}\n"
	"  figcaption: {size: 0.9em, align: center, space-before: 4pt}\n"
	"  page-header: {font: sans, size: 8pt, align: left}\n"
	"  page-footer: {font: sans, size: 8pt, align: center}\n"
	"  footnote: {size: 8pt, line-height: 1.3, align: left, space-after: 2pt}\n"
	"  toc: {align: left, space-after: 2pt}\n"
	"  em: {italic: true}\n"
	"  i: {italic: true}\n"
	"  cite: {italic: true}\n"
	"  strong: {weight: bold}\n"
	"  b: {weight: bold}\n"
	"  kbd: {font: mono, size: 0.9em}\n"
	"  a: {color: accent}\n";

static const struct { const char *name; double w, h; } print_sizes[] = {
	{"A4", 595.2756, 841.8898}, {"A5", 419.5276, 595.2756},
	{"Letter", 612, 792},       {"Legal", 612, 1008},
};

/* "12pt", "20mm", "1in", "2cm", "12" (pt); *em set for "0.9em". */
static bool print_parse_len(const char *s, double *out, bool *em)
{
	if (!s)
		return false;
	char *end;
	double v = g_ascii_strtod(s, &end);
	if (end == s || !isfinite(v))
		return false;
	while (*end == ' ')
		end++;
	if (em)
		*em = false;
	if (!*end || !strcmp(end, "pt"))
		*out = v;
	else if (!strcmp(end, "mm"))
		*out = v * 72.0 / 25.4;
	else if (!strcmp(end, "cm"))
		*out = v * 72.0 / 2.54;
	else if (!strcmp(end, "in"))
		*out = v * 72.0;
	else if (!strcmp(end, "em") && em) {
		*out = v;
		*em = true;
	} else
		return false;
	return true;
}

static bool print_parse_color(const print_style *s, const char *v, uint32_t *out)
{
	if (!v)
		return false;
	if (!strcmp(v, "text")) { *out = s->text; return true; }
	if (!strcmp(v, "accent")) { *out = s->accent; return true; }
	if (!strcmp(v, "accent-light")) { *out = s->accent_light; return true; }
	if (!strcmp(v, "rule")) { *out = s->rule_color; return true; }
	if (!strcmp(v, "muted")) { *out = s->muted; return true; }
	if (!strcmp(v, "white")) { *out = 0xffffff; return true; }
	if (!strcmp(v, "black")) { *out = 0; return true; }
	if (v[0] != '#' || strlen(v) != 7)
		return false;
	char *end;
	unsigned long c = strtoul(v + 1, &end, 16);
	if (*end)
		return false;
	*out = (uint32_t)c;
	return true;
}

static void print_bad(diag_list *d, const print_style *s, const yt_node *n,
                      const char *key, const char *what)
{
	diag_warn(d, s->file, n ? n->line : 0, n ? n->col : 0, what,
	          "print style: bad value for '%s', default kept", key);
}

/* One rule's properties from a YAML map. */
static void print_rule_read(print_style *s, print_rule *r, const yt_node *m,
                            diag_list *d)
{
	for (size_t i = 0; i < m->count; i++) {
		const char *k = m->keys[i];
		const yt_node *n = m->items[i];
		const char *v = n->kind == YT_SCALAR ? n->value : NULL;
		print_cstyle *c = &r->v;
		double len;
		bool em;
		if (!v) {
			print_bad(d, s, n, k, "give a single value");
		} else if (!strcmp(k, "font")) {
			c->role = !strcmp(v, "sans") ? PRINT_ROLE_SANS
			        : !strcmp(v, "mono") ? PRINT_ROLE_MONO : PRINT_ROLE_SERIF;
			if (strcmp(v, "sans") && strcmp(v, "mono") && strcmp(v, "serif"))
				print_bad(d, s, n, k, "use serif, sans or mono");
			else
				r->set |= P_BIT(P_ROLE);
		} else if (!strcmp(k, "size")) {
			if (print_parse_len(v, &len, &em) && len > 0) {
				c->size = len;
				r->size_em = em;
				r->set |= P_BIT(P_SIZE);
			} else
				print_bad(d, s, n, k, "write e.g. 10.5pt or 0.9em");
		} else if (!strcmp(k, "weight")) {
			int w = !strcmp(v, "bold") ? PANGO_WEIGHT_BOLD
			      : !strcmp(v, "semibold") ? PANGO_WEIGHT_SEMIBOLD
			      : !strcmp(v, "normal") ? PANGO_WEIGHT_NORMAL
			      : !strcmp(v, "light") ? PANGO_WEIGHT_LIGHT : atoi(v);
			if (w >= 100 && w <= 1000) {
				c->weight = w;
				r->set |= P_BIT(P_WEIGHT);
			} else
				print_bad(d, s, n, k, "use normal, semibold, bold or 100..900");
		} else if (!strcmp(k, "italic") || !strcmp(k, "style")) {
			c->italic = yt_is_true(n) || !strcmp(v, "italic");
			r->set |= P_BIT(P_ITALIC);
		} else if (!strcmp(k, "color") || !strcmp(k, "colour")) {
			if (print_parse_color(s, v, &c->color))
				r->set |= P_BIT(P_COLOR);
			else
				print_bad(d, s, n, k, "write \"#rrggbb\" (quoted) or a colour name");
		} else if (!strcmp(k, "background")) {
			if (!strcmp(v, "none")) { /* undoes a less specific rule's */
				c->has_bg = false;
				r->set |= P_BIT(P_BG);
			} else if (print_parse_color(s, v, &c->bg)) {
				c->has_bg = true;
				r->set |= P_BIT(P_BG);
			} else
				print_bad(d, s, n, k, "write \"#rrggbb\" (quoted) or a colour name");
		} else if (!strcmp(k, "border-color")) {
			if (print_parse_color(s, v, &c->border_color))
				r->set |= P_BIT(P_BC);
			else
				print_bad(d, s, n, k, "write \"#rrggbb\" (quoted) or a colour name");
		} else if (!strcmp(k, "line-height")) {
			double f = g_ascii_strtod(v, NULL);
			if (f >= 0.8 && f <= 4) {
				c->line_height = f;
				r->set |= P_BIT(P_LH);
			} else
				print_bad(d, s, n, k, "a factor between 0.8 and 4, e.g. 1.45");
		} else if (!strcmp(k, "align")) {
			/* left and right are the start and the end of a line: a
			 * right-to-left paragraph mirrors them */
			c->align = !strcmp(v, "justify") ? PRINT_ALIGN_JUSTIFY
			         : !strcmp(v, "center") ? PRINT_ALIGN_CENTER
			         : !strcmp(v, "right") || !strcmp(v, "end") ? PRINT_ALIGN_RIGHT
			                                                     : PRINT_ALIGN_LEFT;
			r->set |= P_BIT(P_ALIGN);
		} else if (!strcmp(k, "hyphenate")) {
			c->hyphenate = !strcmp(v, "auto") ? -1 : yt_is_true(n) ? 1 : 0;
			if (strcmp(v, "auto") && !yt_is_true(n) && strcmp(v, "false"))
				print_bad(d, s, n, k, "use true, false or auto (justified text only)");
			else
				r->set |= P_BIT(P_HYPH);
		} else if (!strcmp(k, "keep-with-next")) {
			c->keep_with_next = yt_is_true(n);
			r->set |= P_BIT(P_KWN);
		} else if (!strcmp(k, "break-before")) {
			c->break_before = yt_is_true(n) || !strcmp(v, "page");
			r->set |= P_BIT(P_BB);
		} else if (!strcmp(k, "keep-together")) {
			c->keep_together = yt_is_true(n);
			r->set |= P_BIT(P_KT);
		} else if (!strcmp(k, "uppercase") || !strcmp(k, "letter-spaced")) {
			c->upper = yt_is_true(n);
			r->set |= P_BIT(P_UPPER);
		} else if (!strcmp(k, "columns")) {
			int nc = atoi(v);
			if (nc >= 1 && nc <= 4) {
				c->columns = nc;
				r->set |= P_BIT(P_COLS);
			} else
				print_bad(d, s, n, k, "a number of columns from 1 to 4");
		} else if (!strcmp(k, "column-span")) {
			c->column_span = !strcmp(v, "all") || yt_is_true(n);
			r->set |= P_BIT(P_CSPAN);
		} else if (!strcmp(k, "bleed")) {
			c->bleed = yt_is_true(n);
			r->set |= P_BIT(P_BLEED);
		} else if (!strcmp(k, "position")) {
			c->at_bottom = !strcmp(v, "bottom");
			if (strcmp(v, "bottom") && strcmp(v, "static"))
				print_bad(d, s, n, k, "use bottom or static");
			else
				r->set |= P_BIT(P_POS);
		} else if (!strcmp(k, "furniture")) {
			c->bare = !strcmp(v, "none") || !strcmp(v, "false");
			r->set |= P_BIT(P_BARE);
		} else if (!strcmp(k, "width") || !strcmp(k, "max-width")) {
			bool max = k[0] == 'm';
			size_t vl = strlen(v);
			bool pct = vl > 1 && v[vl - 1] == '%';
			char *end = NULL;
			double x = pct ? g_ascii_strtod(v, &end) : 0;
			if (pct ? (end == v + vl - 1 && x > 0 && x <= 100)
			        : (print_parse_len(v, &x, NULL) && x > 0)) {
				*(max ? &c->max_width : &c->width) = x;
				*(max ? &c->max_width_pct : &c->width_pct) = pct;
				r->set |= P_BIT(max ? P_MAXW : P_WIDTH);
			} else
				print_bad(d, s, n, k, "a length such as 28mm, or a percentage such as 70%");
		} else {
			static const struct { const char *k; uint64_t bit; size_t off; } lens[] = {
				{"space-before", P_BIT(P_SB), offsetof(print_cstyle, space_before)},
				{"space-after", P_BIT(P_SA), offsetof(print_cstyle, space_after)},
				{"indent", P_BIT(P_INDENT), offsetof(print_cstyle, indent)},
				{"margin-left", P_BIT(P_ML), offsetof(print_cstyle, margin_left)},
				{"margin-right", P_BIT(P_MR), offsetof(print_cstyle, margin_right)},
				{"padding", P_BIT(P_PAD), offsetof(print_cstyle, padding)},
				{"border-left", P_BIT(P_BL), offsetof(print_cstyle, border_left)},
				{"border-bottom", P_BIT(P_BBOT), offsetof(print_cstyle, border_bottom)},
				{"border-top", P_BIT(P_BTOP), offsetof(print_cstyle, border_top)},
				{"column-gap", P_BIT(P_CGAP), offsetof(print_cstyle, column_gap)},
				{"min-height", P_BIT(P_MINH), offsetof(print_cstyle, min_height)},
				{"max-height", P_BIT(P_MAXH), offsetof(print_cstyle, max_height)},
			};
			size_t j;
			for (j = 0; j < G_N_ELEMENTS(lens); j++)
				if (!strcmp(k, lens[j].k))
					break;
			if (j == G_N_ELEMENTS(lens)) {
				diag_warn(d, s->file, m->key_lines[i], m->key_cols[i],
				          "see the comment at the top of style.yaml",
				          "print style: unknown property '%s'", k);
			} else if (print_parse_len(v, &len, NULL)) {
				*(double *)((char *)c + lens[j].off) = len;
				r->set |= lens[j].bit;
			} else
				print_bad(d, s, n, k, "write e.g. 6pt or 4mm");
		}
	}
}

static void print_rule_add(print_style *s, const char *sel, const yt_node *m,
                           diag_list *d)
{
	print_rule r = {0};
	const char *sp = strchr(sel, ' ');
	if (sel[0] == '.' && sp) {
		r.anc = g_strndup(sel + 1, (gsize)(sp - sel - 1));
		sel = sp + 1;
		while (*sel == ' ')
			sel++;
		r.specificity += 100;
	}
	const char *dot = strchr(sel, '.');
	if (dot) {
		r.cls = g_strdup(dot + 1);
		r.specificity += 10;
	}
	if (dot != sel) {
		r.tag = dot ? g_strndup(sel, (gsize)(dot - sel)) : g_strdup(sel);
		r.specificity += 1;
	}
	/* order within one specificity: built-ins, then the file, top down */
	r.specificity = r.specificity * 100000 + (int)s->n_rules;
	print_rule_read(s, &r, m, d);
	s->rules = g_renew(print_rule, s->rules, s->n_rules + 1);
	s->rules[s->n_rules++] = r;
}

bool print_style_paper(const char *name, double *w, double *h)
{
	for (size_t j = 0; name && j < G_N_ELEMENTS(print_sizes); j++)
		if (!g_ascii_strcasecmp(name, print_sizes[j].name)) {
			*w = print_sizes[j].w;
			*h = print_sizes[j].h;
			return true;
		}
	return false;
}

static void print_page_read(print_style *s, const yt_node *m, diag_list *d)
{
	for (size_t i = 0; m && m->kind == YT_MAP && i < m->count; i++) {
		const char *k = m->keys[i];
		const yt_node *n = m->items[i];
		double v;
		if (!strcmp(k, "size")) {
			/* a size the theme names beats the one of the language */
			double w, h;
			if ((n->kind == YT_SEQ && n->count == 2 &&
			     print_parse_len(n->items[0]->value, &w, NULL) &&
			     print_parse_len(n->items[1]->value, &h, NULL) && w >= 72 && h >= 72) ||
			    print_style_paper(n->value, &w, &h)) {
				s->page_w = w;
				s->page_h = h;
				s->page_size_set = true;
			} else /* printing on a paper nobody meant is worse than stopping */
				diag_error(d, s->file, n->line, n->col,
				           "use A4, A5, Letter, Legal or [width, height], e.g. [210mm, 297mm]",
				           "print style: unknown paper size '%s'",
				           n->value ? n->value : "(not a single value)");
			continue;
		}
		double *dst = !strcmp(k, "margin-top") ? &s->m_top
		            : !strcmp(k, "margin-bottom") ? &s->m_bottom
		            : !strcmp(k, "margin-left") ? &s->m_left
		            : !strcmp(k, "margin-right") ? &s->m_right
		            : !strcmp(k, "header-y") ? &s->header_y
		            : !strcmp(k, "footer-y") ? &s->footer_y
		            : !strcmp(k, "cover-top") ? &s->cover_top : NULL;
		if (!dst)
			diag_warn(d, s->file, m->key_lines[i], m->key_cols[i], NULL,
			          "print style: unknown page setting '%s'", k);
		else if (n->kind == YT_SCALAR && print_parse_len(n->value, &v, NULL) && v >= 0)
			*dst = v;
		else
			print_bad(d, s, n, k, "a length such as 25mm");
	}
}

static void print_style_read(print_style *s, const yt_node *root, diag_list *d)
{
	if (!root || root->kind != YT_MAP)
		return;
	print_page_read(s, yt_get(root, "page"), d);
	const yt_node *n = yt_get(root, "layout");
	for (size_t i = 0; n && i < n->count; i++) {
		int v = n->items[i]->value ? atoi(n->items[i]->value) : -1;
		int *dst = !strcmp(n->keys[i], "widows") ? &s->widows
		         : !strcmp(n->keys[i], "orphans") ? &s->orphans
		         : !strcmp(n->keys[i], "toc-depth") ? &s->toc_depth
		         : !strcmp(n->keys[i], "outline-depth") ? &s->outline_depth : NULL;
		if (dst && v >= 0 && v <= 9)
			*dst = v;
		else
			print_bad(d, s, n->items[i], n->keys[i], "a small whole number");
	}
	n = yt_get(root, "colors");
	for (size_t i = 0; n && i < n->count; i++) {
		const char *k = n->keys[i];
		uint32_t *dst = !strcmp(k, "text") ? &s->text
		              : !strcmp(k, "accent") ? &s->accent
		              : !strcmp(k, "accent-light") ? &s->accent_light
		              : !strcmp(k, "rule") ? &s->rule_color
		              : !strcmp(k, "muted") ? &s->muted : NULL;
		if (!dst || !print_parse_color(s, n->items[i]->value, dst))
			print_bad(d, s, n->items[i], k,
			          "colours are text, accent, accent-light, rule, muted: \"#rrggbb\"");
	}
	n = yt_get(root, "fonts");
	for (size_t i = 0; n && i < n->count; i++) {
		const yt_node *f = n->items[i];
		print_stack st = {0};
		st.lang = strcmp(n->keys[i], "default") ? g_strdup(n->keys[i]) : NULL;
		static const char *roles[3] = {"serif", "sans", "mono"};
		for (int r = 0; r < 3; r++) {
			const char *fam = f->kind == YT_MAP ? yt_str(f, roles[r])
			                : f->kind == YT_SCALAR ? f->value : NULL;
			st.family[r] = g_strdup(fam ? fam : fonts_default_family(st.lang, roles[r]));
		}
		s->stacks = g_renew(print_stack, s->stacks, s->n_stacks + 1);
		s->stacks[s->n_stacks++] = st;
	}
	n = yt_get(root, "styles");
	for (size_t i = 0; n && i < n->count; i++) {
		if (n->items[i]->kind != YT_MAP)
			print_bad(d, s, n->items[i], n->keys[i], "a map of properties");
		else
			print_rule_add(s, n->keys[i], n->items[i], d);
	}
}

static int print_rule_cmp(const void *a, const void *b)
{
	const print_rule *x = a, *y = b;
	return x->specificity - y->specificity;
}

print_style *print_style_load(const char *yaml_path, diag_list *d)
{
	print_style *s = g_new0(print_style, 1);
	s->page_w = print_sizes[0].w;
	s->page_h = print_sizes[0].h;
	s->m_top = s->m_bottom = 25 * 72 / 25.4;
	s->m_left = s->m_right = 22 * 72 / 25.4;
	s->header_y = 14 * 72 / 25.4;
	s->footer_y = 13 * 72 / 25.4;
	s->cover_top = 70 * 72 / 25.4;
	s->widows = s->orphans = 2;
	s->toc_depth = s->outline_depth = 3;
	s->text = 0x1b1f24;
	s->accent = 0x0b3a6e;
	s->accent_light = 0xe8eef6;
	s->rule_color = 0xb7c2d0;
	s->muted = 0x5a6472;
	s->fonts_conf = g_strdup("fonts/fonts.conf");
	s->font_cache = g_strdup("out/.cache/fontconfig");
	s->layout_budget = getenv("KITGEN_LAYOUT_BUDGET") ? (size_t)atol(getenv("KITGEN_LAYOUT_BUDGET")) : 48u << 20;
	s->file = g_strdup("(built-in print style)");
	yt_node *b = yt_parse(print_builtin_yaml, sizeof print_builtin_yaml - 1,
	                      s->file, 1, d);
	print_style_read(s, b, d);
	yt_free(b);
	if (yaml_path) {
		g_free(s->file);
		s->file = g_strdup(yaml_path);
		yt_node *root = yt_parse_file(yaml_path, d);
		if (!root) {
			print_style_free(s);
			return NULL;
		}
		print_style_read(s, root, d);
		yt_free(root);
	}
	qsort(s->rules, s->n_rules, sizeof *s->rules, print_rule_cmp);
	if (s->page_w - s->m_left - s->m_right < 72 ||
	    s->page_h - s->m_top - s->m_bottom < 72) {
		diag_error(d, s->file, 0, 0, "make the margins smaller",
		           "print style: the margins leave less than 1 inch of body");
		print_style_free(s);
		return NULL;
	}
	return s;
}

void print_style_set_date(print_style *s, gint64 epoch)
{
	s->date = epoch < 0 ? 0 : epoch;
	s->date_set = true;
}

void print_style_set_fonts(print_style *s, const char *conf, const char *cache)
{
	g_free(s->fonts_conf);
	g_free(s->font_cache);
	s->fonts_conf = g_strdup(conf);
	s->font_cache = g_strdup(cache);
	print_lock();
	fonts_free(s->fonts);
	print_unlock();
	s->fonts = NULL;
}

fonts_ctx *print_style_fonts(const print_style *cs, diag_list *d)
{
	print_style *s = (print_style *)cs; /* a cache, not the style */
	print_lock();
	if (!s->fonts)
		s->fonts = fonts_new(s->fonts_conf, s->font_cache, d);
	print_unlock();
	return s->fonts;
}

void print_style_free(print_style *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_rules; i++) {
		g_free(s->rules[i].anc);
		g_free(s->rules[i].tag);
		g_free(s->rules[i].cls);
	}
	for (size_t i = 0; i < s->n_stacks; i++) {
		g_free(s->stacks[i].lang);
		for (int r = 0; r < 3; r++)
			g_free(s->stacks[i].family[r]);
	}
	g_free(s->rules);
	g_free(s->stacks);
	g_free(s->fonts_conf);
	g_free(s->font_cache);
	g_free(s->file);
	print_lock();
	fonts_free(s->fonts);
	print_unlock();
	g_free(s);
}

bool print_has_class(const char *classes, const char *cls)
{
	size_t n = strlen(cls);
	for (const char *p = classes; p && *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		size_t len = strcspn(p, " \t\n");
		if (len == n && !strncmp(p, cls, n))
			return true;
		p += len;
	}
	return false;
}

/* The classes a theme uses to shape pages, not only to style them. */
static const struct {
	const char *tags; /* space-separated */
	const char *cls;
	print_role role;
} print_roles[] = {
	{"section", "cover", PRINT_ROLE_COVER},
	{"section", "part", PRINT_ROLE_PART},
	{"section", "chapter", PRINT_ROLE_CHAPTER},
	{"nav", "toc", PRINT_ROLE_TOC},
	{"div hr", "page-break", PRINT_ROLE_PAGE_BREAK},
	{"span", "fn", PRINT_ROLE_FOOTNOTE},
};

print_role print_role_of(const char *tag, const char *classes)
{
	if (!classes)
		return PRINT_ROLE_NONE;
	for (size_t i = 0; i < G_N_ELEMENTS(print_roles); i++)
		if (print_has_class(print_roles[i].tags, tag) &&
		    print_has_class(classes, print_roles[i].cls))
			return print_roles[i].role;
	return PRINT_ROLE_NONE;
}

void print_style_base(const print_style *s, print_cstyle *out)
{
	memset(out, 0, sizeof *out);
	out->size = 10.5;
	out->weight = PANGO_WEIGHT_NORMAL;
	out->color = s->text;
	out->line_height = 1.4;
	out->align = PRINT_ALIGN_LEFT;
	out->hyphenate = -1;
	out->border_color = s->rule_color;
}

void print_style_compute(const print_style *s, const print_cstyle *parent,
                         const char *tag, const char *classes,
                         const char *const *anc, size_t n_anc,
                         print_cstyle *out)
{
	print_cstyle c;
	print_style_base(s, &c);
	if (parent) {
		c.role = parent->role;
		c.size = parent->size;
		c.weight = parent->weight;
		c.italic = parent->italic;
		c.color = parent->color;
		c.line_height = parent->line_height;
		c.align = parent->align;
		c.rtl = parent->rtl;
		c.hyphenate = parent->hyphenate;
	}
	double psize = c.size;
	for (size_t i = 0; i < s->n_rules; i++) {
		const print_rule *r = &s->rules[i];
		if (r->tag && (!tag || strcmp(r->tag, tag)))
			continue;
		if (r->cls && !print_has_class(classes, r->cls))
			continue;
		if (r->anc) {
			size_t j;
			for (j = 0; j < n_anc; j++)
				if (print_has_class(anc[j], r->anc))
					break;
			if (j == n_anc)
				continue;
		}
		const print_cstyle *v = &r->v;
		uint64_t m = r->set;
		if (m & P_BIT(P_ROLE)) c.role = v->role;
		if (m & P_BIT(P_SIZE)) c.size = r->size_em ? psize * v->size : v->size;
		if (m & P_BIT(P_WEIGHT)) c.weight = v->weight;
		if (m & P_BIT(P_ITALIC)) c.italic = v->italic;
		if (m & P_BIT(P_COLOR)) c.color = v->color;
		if (m & P_BIT(P_LH)) c.line_height = v->line_height;
		if (m & P_BIT(P_ALIGN)) c.align = v->align;
		if (m & P_BIT(P_HYPH)) c.hyphenate = v->hyphenate;
		if (m & P_BIT(P_SB)) c.space_before = v->space_before;
		if (m & P_BIT(P_SA)) c.space_after = v->space_after;
		if (m & P_BIT(P_INDENT)) c.indent = v->indent;
		if (m & P_BIT(P_ML)) c.margin_left = v->margin_left;
		if (m & P_BIT(P_MR)) c.margin_right = v->margin_right;
		if (m & P_BIT(P_KWN)) c.keep_with_next = v->keep_with_next;
		if (m & P_BIT(P_BB)) c.break_before = v->break_before;
		if (m & P_BIT(P_KT)) c.keep_together = v->keep_together;
		if (m & P_BIT(P_BG)) { c.has_bg = v->has_bg; c.bg = v->bg; }
		if (m & P_BIT(P_PAD)) c.padding = v->padding;
		if (m & P_BIT(P_BL)) c.border_left = v->border_left;
		if (m & P_BIT(P_BBOT)) c.border_bottom = v->border_bottom;
		if (m & P_BIT(P_BC)) c.border_color = v->border_color;
		if (m & P_BIT(P_UPPER)) c.upper = v->upper;
		if (m & P_BIT(P_BTOP)) c.border_top = v->border_top;
		if (m & P_BIT(P_COLS)) c.columns = v->columns;
		if (m & P_BIT(P_CGAP)) c.column_gap = v->column_gap;
		if (m & P_BIT(P_CSPAN)) c.column_span = v->column_span;
		if (m & P_BIT(P_BLEED)) c.bleed = v->bleed;
		if (m & P_BIT(P_POS)) c.at_bottom = v->at_bottom;
		if (m & P_BIT(P_BARE)) c.bare = v->bare;
		if (m & P_BIT(P_MINH)) c.min_height = v->min_height;
		if (m & P_BIT(P_MAXH)) c.max_height = v->max_height;
		if (m & P_BIT(P_WIDTH)) { c.width = v->width; c.width_pct = v->width_pct; }
		if (m & P_BIT(P_MAXW)) { c.max_width = v->max_width; c.max_width_pct = v->max_width_pct; }
	}
	if (c.rtl) { /* margins are the start and the end side too */
		double ml = c.margin_left;
		c.margin_left = c.margin_right;
		c.margin_right = ml;
	}
	*out = c;
}

/* Stacks are looked up by exact tag, then by its first subtag. */
const char *print_style_family(const print_style *s, const char *lang, int role)
{
	static const char *roles[3] = {"serif", "sans", "mono"};
	const print_stack *hit = NULL, *def = NULL;
	size_t plen = lang ? strcspn(lang, "-_") : 0;
	for (size_t i = 0; i < s->n_stacks; i++) {
		const print_stack *st = &s->stacks[i];
		if (!st->lang)
			def = st;
		else if (lang && !g_ascii_strcasecmp(st->lang, lang))
			hit = st;
	}
	for (size_t i = 0; !hit && lang && i < s->n_stacks; i++) {
		const print_stack *st = &s->stacks[i];
		if (st->lang && strlen(st->lang) == plen &&
		    !g_ascii_strncasecmp(st->lang, lang, plen))
			hit = st;
	}
	if (!hit)
		hit = def;
	if (hit)
		return hit->family[role];
	return fonts_default_family(lang, roles[role]);
}

PangoFontDescription *print_style_font(const print_style *s,
                                       const print_cstyle *cs, const char *lang)
{
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, print_style_family(s, lang, cs->role));
	pango_font_description_set_size(fd, (gint)(cs->size * PANGO_SCALE + 0.5));
	pango_font_description_set_weight(fd, (PangoWeight)cs->weight);
	pango_font_description_set_style(fd, cs->italic ? PANGO_STYLE_ITALIC
	                                                : PANGO_STYLE_NORMAL);
	return fd;
}
