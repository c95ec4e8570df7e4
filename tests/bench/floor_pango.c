/* floor_pango: the typesetting floor of a PDF build. Takes the Markdown of
 * a report (gencorpus --report) and sets its text on A4 pages with Pango
 * and Cairo the way the default theme does: headings in Noto Sans bold,
 * body in Noto Serif 10.5pt justified at a 1.6 pitch, Hangul falling back
 * to Noto Sans CJK KR, fonts from the project's private fontconfig
 * (fonts/fonts.conf, as generator/fonts.c loads it). Lists and footnotes
 * are set as indented or small paragraphs; tables, the TOC, keeps, running
 * heads and links are left out. No PDF build of the same text can do less
 * shaping, breaking and drawing than this.
 *
 *   floor_pango FILE.md OUT.pdf [FONTS.CONF [CACHEDIR]]
 *   prints "floor_pango: PAGES pages, BLOCKS blocks, S s" */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#define FP_PT_MM (72.0 / 25.4)

typedef enum { FP_BODY, FP_H2, FP_H3, FP_ITEM, FP_NOTE } fp_kind;

typedef struct {
	const char *font;
	double size, pitch, before, after, indent;
	gboolean justify;
} fp_style;

/* From themes/default/print/style.yaml: body, h1 (chapters are the
 * body's h2), h2, li, footnote. */
static const fp_style fp_styles[] = {
	[FP_BODY] = {"Noto Serif, Noto Sans CJK KR", 10.5, 1.6, 0, 7, 0, TRUE},
	[FP_H2] = {"Noto Sans, Noto Sans CJK KR Bold", 21, 1.25, 4, 14, 0, FALSE},
	[FP_H3] = {"Noto Sans, Noto Sans CJK KR Bold", 14.5, 1.3, 18, 6, 0, FALSE},
	[FP_ITEM] = {"Noto Serif, Noto Sans CJK KR", 10.5, 1.6, 0, 3, 18, FALSE},
	[FP_NOTE] = {"Noto Serif, Noto Sans CJK KR", 8, 1.35, 0, 2, 0, FALSE},
};

typedef struct {
	cairo_t *cr;
	PangoContext *pctx;
	PangoFontDescription *fonts[G_N_ELEMENTS(fp_styles)];
	double page_w, page_h, top, bottom, left, right;
	double y; /* next free y on the current page */
	int pages, blocks;
} fp_doc;

/* Inline Markdown down to its text: emphasis and code marks dropped, a
 * link to its text, footnote marks removed. */
static char *fp_plain(const char *s)
{
	GString *out = g_string_sized_new(strlen(s));
	for (const char *p = s; *p; p++) {
		if (*p == '*' || *p == '`')
			continue;
		if (p[0] == '[' && p[1] == '^') {
			const char *e = strchr(p, ']');
			if (e) {
				p = e;
				continue;
			}
		}
		if (*p == '[')
			continue;
		if (p[0] == ']' && p[1] == '(') {
			const char *e = strchr(p, ')');
			if (e) {
				p = e;
				continue;
			}
		}
		g_string_append_c(out, *p);
	}
	return g_string_free(out, FALSE);
}

static void fp_new_page(fp_doc *d)
{
	if (d->pages)
		cairo_show_page(d->cr);
	d->pages++;
	d->y = d->top;
}

/* One block: laid out at the measure, its lines drawn one by one and
 * carried over to a new page where they do not fit. */
static void fp_block(fp_doc *d, fp_kind k, const char *text)
{
	const fp_style *st = &fp_styles[k];
	double width = d->page_w - d->left - d->right - st->indent;
	PangoLayout *l = pango_layout_new(d->pctx);
	pango_layout_set_font_description(l, d->fonts[k]);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_justify(l, st->justify);
	PangoAttrList *attrs = pango_attr_list_new();
	pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(
	                                  (int)(st->size * st->pitch * PANGO_SCALE)));
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_text(l, text, -1);

	if (d->y > d->top)
		d->y += st->before;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		double h = (y1 - y0) / (double)PANGO_SCALE;
		if (d->y + h > d->page_h - d->bottom)
			fp_new_page(d);
		double base = (pango_layout_iter_get_baseline(it) - y0) / (double)PANGO_SCALE;
		PangoRectangle ext;
		pango_layout_iter_get_line_extents(it, NULL, &ext);
		cairo_move_to(d->cr, d->left + st->indent + ext.x / (double)PANGO_SCALE, d->y + base);
		pango_cairo_show_layout_line(d->cr, pango_layout_iter_get_line_readonly(it));
		d->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
	d->y += st->after;
	d->blocks++;
}

/* "12. text": an ordered list item, kept with its number. */
static bool fp_ordered_item(const char *ln)
{
	size_t digits = strspn(ln, "0123456789");
	return digits > 0 && ln[digits] == '.' && ln[digits + 1] == ' ';
}

/* The body line by line: headings, list items, footnote texts and
 * paragraphs (runs of other lines); table rows are skipped. */
static void fp_markdown(fp_doc *d, const char *body)
{
	char **lines = g_strsplit(body, "\n", -1);
	GString *para = g_string_new(NULL);
	for (char **lp = lines;; lp++) {
		const char *ln = *lp;
		bool special = !ln || !*ln || ln[0] == '#' || ln[0] == '|' ||
		               g_str_has_prefix(ln, "- ") || g_str_has_prefix(ln, "[^") ||
		               fp_ordered_item(ln);
		if (special && para->len) {
			char *t = fp_plain(para->str);
			fp_block(d, FP_BODY, t);
			g_free(t);
			g_string_truncate(para, 0);
		}
		if (!ln)
			break;
		if (!special) {
			if (para->len)
				g_string_append_c(para, ' ');
			g_string_append(para, ln);
			continue;
		}
		if (!*ln || ln[0] == '|')
			continue;
		fp_kind k = FP_ITEM;
		const char *text = ln;
		if (g_str_has_prefix(ln, "### ")) {
			k = FP_H3;
			text = ln + 4;
		} else if (g_str_has_prefix(ln, "## ")) {
			k = FP_H2;
			text = ln + 3;
		} else if (ln[0] == '#') {
			k = FP_H2;
			text = ln + strspn(ln, "# ");
		} else if (g_str_has_prefix(ln, "[^")) {
			k = FP_NOTE;
		} else if (g_str_has_prefix(ln, "- ")) {
			text = NULL;
		}
		char *t = fp_plain(text ? text : ln + 2);
		if (!text) {
			char *b = g_strconcat("\xe2\x80\xa2 ", t, NULL); /* bullet */
			g_free(t);
			t = b;
		}
		fp_block(d, k, t);
		g_free(t);
	}
	g_string_free(para, TRUE);
	g_strfreev(lines);
}

/* fonts.conf with a <cachedir> spliced in, as generator/fonts.c does. */
static FcConfig *fp_fontconfig(const char *conf_path, const char *cache_dir)
{
	char *conf;
	if (!g_file_get_contents(conf_path, &conf, NULL, NULL)) {
		fprintf(stderr, "floor_pango: cannot read %s\n", conf_path);
		return NULL;
	}
	const char *end = strstr(conf, "</fontconfig>");
	char *text = conf;
	if (end && cache_dir) {
		g_mkdir_with_parents(cache_dir, 0755);
		char *abs = g_canonicalize_filename(cache_dir, NULL);
		char *esc = g_markup_escape_text(abs, -1);
		text = g_strdup_printf("%.*s  <cachedir>%s</cachedir>\n%s", (int)(end - conf), conf,
		                       esc, end);
		g_free(esc);
		g_free(abs);
		g_free(conf);
	}
	FcConfig *cfg = FcConfigCreate();
	FcBool ok = FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)text, FcTrue);
	g_free(text);
	if (!ok || !FcConfigBuildFonts(cfg)) {
		fprintf(stderr, "floor_pango: fontconfig cannot load %s\n", conf_path);
		FcConfigDestroy(cfg);
		return NULL;
	}
	return cfg;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 5) {
		fputs("usage: floor_pango FILE.md OUT.pdf [FONTS.CONF [CACHEDIR]]\n", stderr);
		return 2;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *md;
	gsize len;
	if (!g_file_get_contents(argv[1], &md, &len, NULL)) {
		fprintf(stderr, "floor_pango: cannot read %s\n", argv[1]);
		return 1;
	}
	const char *body = md;
	if (g_str_has_prefix(md, "---\n")) {
		const char *e = strstr(md + 3, "\n---\n");
		if (e)
			body = e + 5;
	}
	FcConfig *cfg = fp_fontconfig(argc > 3 ? argv[3] : "fonts/fonts.conf",
	                              argc > 4 ? argv[4] : "build/bench/fontcache");
	if (!cfg)
		return 1;
	PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), cfg);
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0);

	fp_doc d = {.page_w = 595.2756, .page_h = 841.8898, .top = 27 * FP_PT_MM,
	            .bottom = 25 * FP_PT_MM, .left = 24 * FP_PT_MM, .right = 24 * FP_PT_MM};
	cairo_surface_t *surf = cairo_pdf_surface_create(argv[2], d.page_w, d.page_h);
	d.cr = cairo_create(surf);
	d.pctx = pango_font_map_create_context(map);
	pango_cairo_update_context(d.cr, d.pctx);
	pango_context_set_language(d.pctx, pango_language_from_string("en"));
	for (size_t i = 0; i < G_N_ELEMENTS(fp_styles); i++) {
		char *desc = g_strdup_printf("%s %g", fp_styles[i].font, fp_styles[i].size);
		d.fonts[i] = pango_font_description_from_string(desc);
		g_free(desc);
	}
	cairo_set_source_rgb(d.cr, 0.11, 0.14, 0.19);
	fp_new_page(&d);
	fp_markdown(&d, body);
	cairo_destroy(d.cr);
	cairo_surface_finish(surf);
	cairo_status_t status = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	for (size_t i = 0; i < G_N_ELEMENTS(fp_styles); i++)
		pango_font_description_free(d.fonts[i]);
	g_object_unref(d.pctx);
	g_object_unref(map);
	FcConfigDestroy(cfg);
	g_free(md);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (status != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "floor_pango: %s\n", cairo_status_to_string(status));
		return 1;
	}
	printf("floor_pango: %d pages, %d blocks, %.3f s\n", d.pages, d.blocks,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
