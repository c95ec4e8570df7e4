/* print inline: the inline content of a block (text, em, strong, code, a,
 * sup, sub, del, span lang, footnotes) to one string and Pango attributes. */
#include "print_int.h"

#include <string.h>

typedef struct {
	print_doc *pd;
	print_itext *t;
	bool pre, space;
	const char *lang;
	print_cstyle cs;
} print_ictx;

static const char *const print_inline_tags[] = {
	"a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data",
	"del", "dfn", "em", "font", "i", "img", "ins", "kbd", "mark", "q", "s",
	"samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
	"u", "var", "wbr", NULL};

bool print_is_inline(const char *tag)
{
	for (int i = 0; print_inline_tags[i]; i++)
		if (!strcmp(tag, print_inline_tags[i]))
			return true;
	return false;
}

const char *print_prop(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr a = n ? n->properties : NULL; a; a = a->next) {
		if (strcmp((const char *)a->name, name))
			continue;
		if (a->ns && strcmp(name, "lang") &&
		    !(a->ns->href && !strcmp((const char *)a->ns->href,
		                             "http://www.w3.org/1999/xhtml")))
			continue;
		if (a->children && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

/* A label (style uppercase): capitals, letter-spaced. */
void print_itext_upper(print_itext *t, const print_cstyle *cs)
{
	if (!cs->upper)
		return;
	PangoAttribute *a = pango_attr_letter_spacing_new((int)(cs->size * 0.08 * PANGO_SCALE));
	pango_attr_list_insert_before(t->attrs, a);
	a = pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE);
	pango_attr_list_insert_before(t->attrs, a);
}

void print_itext_init(print_itext *t)
{
	t->text = g_string_new(NULL);
	t->attrs = pango_attr_list_new();
	t->links = g_array_new(FALSE, FALSE, sizeof(print_link));
	t->anchors = g_array_new(FALSE, FALSE, sizeof(print_anchor));
	t->fnrefs = g_array_new(FALSE, FALSE, sizeof(print_fnref));
	t->line_height = NULL;
}

void print_itext_clear(print_itext *t)
{
	if (!t->text)
		return;
	g_string_free(t->text, TRUE);
	pango_attr_list_unref(t->attrs);
	for (guint i = 0; i < t->links->len; i++)
		g_free(g_array_index(t->links, print_link, i).href);
	for (guint i = 0; i < t->anchors->len; i++)
		g_free(g_array_index(t->anchors, print_anchor, i).id);
	g_array_free(t->links, TRUE);
	g_array_free(t->anchors, TRUE);
	g_array_free(t->fnrefs, TRUE);
	memset(t, 0, sizeof *t);
}

static bool print_is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Hyphenation is for the even right edge of justified text (or where a
 * style asks for it); never in code, whose words must stay as written. */
static bool print_hyphenates(const print_ictx *c)
{
	if (c->pre || c->cs.role == PRINT_ROLE_MONO || !c->lang)
		return false;
	return c->cs.hyphenate > 0 ||
	       (c->cs.hyphenate < 0 && c->cs.align == PRINT_ALIGN_JUSTIFY);
}

static void print_text(print_ictx *c, const char *s)
{
	GString *g = c->t->text;
	char *hy = print_hyphenates(c) ? print_hyphen_text(c->lang, s) : NULL;
	if (hy)
		s = hy;
	if (c->pre) {
		for (; *s; s++)
			if (*s != '\r')
				g_string_append_c(g, *s == '\t' ? ' ' : *s);
		return;
	}
	for (; *s; s++) {
		if (print_is_ws((unsigned char)*s)) {
			c->space = true;
			continue;
		}
		if (c->space && g->len > 0 && g->str[g->len - 1] != ' ' &&
		    !(g->len >= 3 && !memcmp(g->str + g->len - 3, "\xe2\x80\xa8", 3)))
			g_string_append_c(g, ' ');
		c->space = false;
		g_string_append_c(g, *s);
	}
	g_free(hy);
}

/* An attribute over [start, end of the element): inserted now so it comes
 * before its children's (the inner one wins), closed after them. */
static PangoAttribute *print_open(print_ictx *c, PangoAttribute *a)
{
	a->start_index = (guint)c->t->text->len;
	a->end_index = G_MAXUINT;
	pango_attr_list_insert(c->t->attrs, a);
	return a;
}

static PangoAttribute *print_color_attr(print_ictx *c, uint32_t col)
{
	return print_open(c, pango_attr_foreground_new((guint16)(((col >> 16) & 255) * 257),
	                                        (guint16)(((col >> 8) & 255) * 257),
	                                        (guint16)((col & 255) * 257)));
}

static void print_inline_nodes(print_ictx *c, xmlNodePtr first, xmlNodePtr stop);

static void print_inline_children(print_ictx *c, xmlNodePtr n)
{
	print_inline_nodes(c, n->children, NULL);
}

static void print_footnote(print_ictx *c, xmlNodePtr n)
{
	print_doc *pd = c->pd;
	if (pd->n_fnotes == pd->cap_fnotes) {
		pd->cap_fnotes = pd->cap_fnotes ? 2 * pd->cap_fnotes : 16;
		pd->fnotes = g_renew(print_block, pd->fnotes, pd->cap_fnotes);
	}
	int num = (int)pd->n_fnotes + 1;
	print_block *fb = &pd->fnotes[pd->n_fnotes++];
	memset(fb, 0, sizeof *fb);
	fb->kind = PB_TEXT;
	fb->tag = g_intern_static_string("footnote");
	fb->lang = c->lang;
	fb->src_line = (int)xmlGetLineNo(n);
	fb->bar_x = -1;
	fb->table = -1;
	fb->chapter = -1;
	print_style_compute(pd->st, &pd->body_cs, "footnote", NULL, NULL, 0, &fb->cs);
	fb->w = pd->body_w;
	fb->marker = g_strdup_printf("%d", num);
	/* collected aside: a footnote inside this one moves pd->fnotes */
	print_itext t;
	print_cstyle fcs = fb->cs;
	print_itext_init(&t);
	print_inline_collect(pd, n, &fcs, c->lang, false, &t);
	print_inline_finish(pd, &t, c->lang);
	pd->fnotes[num - 1].t = t;

	/* the reference mark */
	char num_s[16];
	snprintf(num_s, sizeof num_s, "%d", num);
	if (c->space && c->t->text->len) /* no space before the mark */
		c->space = false;
	/* a word joiner: the mark never starts a line on its own */
	g_string_append(c->t->text, "\xe2\x81\xa0");
	print_fnref r = {(int)c->t->text->len, num, 0};
	PangoAttribute *a1 = print_open(c, pango_attr_baseline_shift_new(PANGO_BASELINE_SHIFT_SUPERSCRIPT));
	PangoAttribute *a2 = print_open(c, pango_attr_font_scale_new(PANGO_FONT_SCALE_SUPERSCRIPT));
	PangoAttribute *a3 = print_color_attr(c, pd->st->accent);
	g_string_append(c->t->text, num_s);
	a1->end_index = a2->end_index = a3->end_index = (guint)c->t->text->len;
	g_array_append_val(c->t->fnrefs, r);
}

static void print_inline_elem(print_ictx *c, xmlNodePtr n)
{
	const char *tag = (const char *)n->name;
	const char *cls = print_prop(n, "class");
	if (!strcmp(tag, "script") || !strcmp(tag, "style"))
		return;
	if (print_role_of(tag, cls) == PRINT_ROLE_FOOTNOTE) {
		print_footnote(c, n);
		return;
	}
	if (!strcmp(tag, "br")) {
		g_string_append(c->t->text, "\xe2\x80\xa8");
		c->space = false;
		return;
	}
	if (!strcmp(tag, "img")) {
		const char *alt = print_prop(n, "alt");
		if (alt && *alt) {
			print_text(c, "[");
			print_text(c, alt);
			print_text(c, "]");
		}
		return;
	}
	if (c->space && c->t->text->len && !c->pre) {
		g_string_append_c(c->t->text, ' '); /* the space is not inside */
		c->space = false;
	}
	const char *id = print_prop(n, "id");
	if (id && *id) {
		print_anchor an = {(int)c->t->text->len, g_strdup(id)};
		g_array_append_val(c->t->anchors, an);
	}
	print_ictx sub = *c;
	GPtrArray *open = g_ptr_array_new();
	print_cstyle cs;
	print_style_compute(c->pd->st, &c->cs, tag, cls, NULL, 0, &cs);
	const char *lang = print_prop(n, "lang");
	if (lang && *lang) {
		sub.lang = g_intern_string(lang);
		g_ptr_array_add(open, print_open(c, pango_attr_language_new(
			pango_language_from_string(lang))));
	}
	if (cs.role != c->cs.role || sub.lang != c->lang)
		g_ptr_array_add(open, print_open(c, pango_attr_family_new(
			print_style_family(c->pd->st, sub.lang, cs.role))));
	if (cs.size != c->cs.size)
		g_ptr_array_add(open, print_open(c, pango_attr_scale_new(cs.size / c->cs.size)));
	if (cs.weight != c->cs.weight)
		g_ptr_array_add(open, print_open(c, pango_attr_weight_new((PangoWeight)cs.weight)));
	if (cs.italic != c->cs.italic)
		g_ptr_array_add(open, print_open(c, pango_attr_style_new(
			cs.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)));
	if (cs.color != c->cs.color)
		g_ptr_array_add(open, print_color_attr(c, cs.color));
	if (!strcmp(tag, "sup") || !strcmp(tag, "sub")) {
		bool up = tag[2] == 'p';
		g_ptr_array_add(open, print_open(c, pango_attr_baseline_shift_new(
			up ? PANGO_BASELINE_SHIFT_SUPERSCRIPT : PANGO_BASELINE_SHIFT_SUBSCRIPT)));
		g_ptr_array_add(open, print_open(c, pango_attr_font_scale_new(
			up ? PANGO_FONT_SCALE_SUPERSCRIPT : PANGO_FONT_SCALE_SUBSCRIPT)));
	} else if (!strcmp(tag, "del") || !strcmp(tag, "s") || !strcmp(tag, "strike")) {
		g_ptr_array_add(open, print_open(c, pango_attr_strikethrough_new(TRUE)));
	} else if (!strcmp(tag, "u") || !strcmp(tag, "ins")) {
		g_ptr_array_add(open, print_open(c, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE)));
	} else if (!strcmp(tag, "mark")) {
		g_ptr_array_add(open, print_open(c, pango_attr_background_new(0xffff, 0xf3f3, 0xb0b0)));
	}
	int start = (int)c->t->text->len;
	sub.cs = cs;
	if (!strcmp(tag, "code") || !strcmp(tag, "kbd") || !strcmp(tag, "samp"))
		sub.pre = false;
	print_inline_children(&sub, n);
	c->space = sub.space;
	guint end = (guint)c->t->text->len;
	for (guint i = 0; i < open->len; i++)
		((PangoAttribute *)open->pdata[i])->end_index = end;
	g_ptr_array_free(open, TRUE);
	if (!strcmp(tag, "a")) {
		const char *href = print_prop(n, "href");
		if (href && *href && (int)end > start) {
			print_link l = {start, (int)end, g_strdup(href), (int)xmlGetLineNo(n)};
			g_array_append_val(c->t->links, l);
		}
	}
}

static void print_inline_nodes(print_ictx *c, xmlNodePtr first, xmlNodePtr stop)
{
	for (xmlNodePtr k = first; k && k != stop; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
			print_text(c, (const char *)k->content);
		else if (k->type == XML_ENTITY_REF_NODE)
			print_inline_children(c, k);
		else if (k->type == XML_ELEMENT_NODE) {
			const char *tag = (const char *)k->name;
			bool block = !print_is_inline(tag) &&
			             strcmp(tag, "font") && strcmp(tag, "span");
			/* blocks met inside inline content (a p in a table cell):
			 * keep them apart with a line break */
			if (block && c->t->text->len && !c->pre) {
				g_string_append(c->t->text, "\xe2\x80\xa8");
				c->space = false;
			}
			print_inline_elem(c, k);
		}
	}
}

void print_inline_collect(print_doc *pd, xmlNodePtr node, const print_cstyle *cs,
                          const char *lang, bool pre, print_itext *t)
{
	print_inline_range(pd, node->children, NULL, cs, lang, pre, t);
}

void print_inline_range(print_doc *pd, xmlNodePtr first, xmlNodePtr stop,
                        const print_cstyle *cs, const char *lang, bool pre,
                        print_itext *t)
{
	print_ictx c = {pd, t, pre, false, lang, *cs};
	print_inline_nodes(&c, first, stop);
}

static bool print_is_hangul(gunichar u)
{
	return (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0x1100 && u <= 0x11FF) ||
	       (u >= 0x3130 && u <= 0x318F) || (u >= 0xA960 && u <= 0xA97F) ||
	       (u >= 0xD7B0 && u <= 0xD7FF);
}

void print_inline_finish(print_doc *pd, print_itext *t, const char *lang)
{
	(void)pd;
	GString *g = t->text;
	if (lang) { /* Han glyphs follow the language: KR, TC, SC, JP */
		PangoAttribute *la = pango_attr_language_new(pango_language_from_string(lang));
		la->start_index = 0;
		la->end_index = G_MAXUINT;
		pango_attr_list_insert_before(t->attrs, la);
	}
	/* trailing line breaks and spaces carry nothing */
	while (g->len && (g->str[g->len - 1] == ' ' ||
	                  (g->len >= 3 && !memcmp(g->str + g->len - 3, "\xe2\x80\xa8", 3))))
		g_string_truncate(g, g->str[g->len - 1] == ' ' ? g->len - 1 : g->len - 3);
	/* the last word of a paragraph (and of a line ended by a line break)
	 * is never broken: its second half alone on the last line */
	for (int i = (int)g->len - 2, word = 1; i >= 0; i--) {
		if (g->str[i] == ' ' || (i >= 2 && !memcmp(g->str + i - 2, "\xe2\x80\xa8", 3)))
			word = g->str[i] != ' ';
		else if (word && !memcmp(g->str + i, "\xc2\xad", 2))
			print_itext_delete(t, i, 2);
	}
	print_cjk_punct(t);
	/* Korean keep-all: a space-separated word holding Hangul is one word for
	 * the line breaker; WRAP_WORD_CHAR still breaks one too long for a line */
	const char *s = g->str, *end = g->str + g->len;
	while (s < end) {
		while (s < end && (*s == ' ' || *s == '\n'))
			s++;
		const char *w = s;
		bool hangul = false;
		while (s < end && *s != ' ' && *s != '\n') {
			gunichar u = g_utf8_get_char(s);
			if (u == 0x2028)
				break;
			hangul |= print_is_hangul(u);
			s = g_utf8_next_char(s);
		}
		if (hangul && s - w > 3) {
			PangoAttribute *a = pango_attr_word_new();
			a->start_index = (guint)(w - g->str);
			a->end_index = (guint)(s - g->str);
			pango_attr_list_insert(t->attrs, a);
		}
		if (s < end && *s != ' ' && *s != '\n')
			s = g_utf8_next_char(s); /* the line separator */
	}
}

static void print_plain_walk(xmlNodePtr n, GString *g)
{
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			for (const char *s = (const char *)k->content; *s; s++) {
				if (print_is_ws((unsigned char)*s)) {
					if (g->len && g->str[g->len - 1] != ' ')
						g_string_append_c(g, ' ');
				} else
					g_string_append_c(g, *s);
			}
		} else if (k->type == XML_ELEMENT_NODE) {
			const char *cls = print_prop(k, "class");
			if (print_role_of((const char *)k->name, cls) == PRINT_ROLE_FOOTNOTE)
				continue;
			print_plain_walk(k, g);
		}
	}
}

char *print_inline_plain(xmlNodePtr node)
{
	GString *g = g_string_new(NULL);
	print_plain_walk(node, g);
	while (g->len && g->str[g->len - 1] == ' ')
		g_string_truncate(g, g->len - 1);
	char *s = g->str;
	if (*s == ' ')
		memmove(s, s + 1, g->len);
	return g_string_free(g, FALSE);
}
