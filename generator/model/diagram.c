/* diagram: a flow of steps from front matter to SVG text and shapes. */
#include <string.h>
#include <pango/pangocairo.h>
#include "model/diagram.h"
#include "print/fonts.h"

/* The theme's colours (themes/default/print/style.yaml) and the radar's
 * orange for what the note points out. */
#define INK "#1d2430"
#define ACCENT "#0b3a6e"
#define LIGHT "#e7eef6"
#define MUTED "#5b6675"
#define NOTE "#c2410c"

#define BOX_TOP 40.0
#define BOX_H 78.0
#define GAP 34.0 /* between boxes, for the arrow */

char *diagram_media_path(const char *slug, const char *lang)
{
	return g_strdup_printf("diagrams/%s.%s.svg", slug, lang);
}

bool diagram_in(const yt_node *fm)
{
	const yt_node *s = yt_get(fm, "diagram_steps");
	return s && s->kind == YT_SEQ && s->count > 0;
}

typedef struct {
	PangoContext *ctx;
	const char *family;
	GString *svg;
} diagram_pen;

/* text broken into lines no wider than w at size px: the lines, owned */
static GPtrArray *diagram_lines(diagram_pen *p, const char *text, double size, bool bold,
                                double w)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	PangoLayout *l = pango_layout_new(p->ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, p->family);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_layout_set_width(l, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text ? text : "", -1);
	for (GSList *it = pango_layout_get_lines_readonly(l); it; it = it->next) {
		const PangoLayoutLine *line = it->data;
		char *s = g_strndup(pango_layout_get_text(l) + line->start_index, (gsize)line->length);
		g_ptr_array_add(out, g_strstrip(s));
	}
	pango_font_description_free(fd);
	g_object_unref(l);
	return out;
}

/* Lines of text centred on x (anchor "middle") or from x ("start"),
 * the first baseline at y, size px, within w: the size shrinks (to 70 %)
 * until the text takes at most max lines. Returns the baseline after. */
static double diagram_text(diagram_pen *p, const char *text, double x, double y, double w,
                           double size, bool bold, const char *fill, const char *anchor,
                           guint max)
{
	GPtrArray *lines = NULL;
	double s = size;
	for (;; s *= 0.92) {
		if (lines)
			g_ptr_array_free(lines, TRUE);
		lines = diagram_lines(p, text, s, bold, w);
		if (lines->len <= max || s < size * 0.7)
			break;
	}
	char *fam = g_markup_escape_text(p->family, -1);
	for (guint i = 0; i < lines->len; i++) {
		char *t = g_markup_escape_text(lines->pdata[i], -1);
		g_string_append_printf(p->svg,
		                       "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" "
		                       "font-family=\"%s, sans-serif\" font-size=\"%.1f\"%s "
		                       "fill=\"%s\">%s</text>\n",
		                       x, y, anchor, fam, s, bold ? " font-weight=\"bold\"" : "", fill,
		                       t);
		g_free(t);
		y += s * 1.25;
	}
	g_free(fam);
	g_ptr_array_free(lines, TRUE);
	return y;
}

static void diagram_arrow(GString *svg, double x1, double x2, double y)
{
	g_string_append_printf(svg,
	                       "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" ACCENT
	                       "\" stroke-width=\"2\"/>\n<polygon points=\"%.1f,%.1f %.1f,%.1f "
	                       "%.1f,%.1f\" fill=\"" ACCENT "\"/>\n",
	                       x1, y, x2 - 8, y, x2, y, x2 - 9, y - 5, x2 - 9, y + 5);
}

bool diagram_svg(const char *path, PangoFontMap *fm, const char *lang, const yt_node *front,
                 GError **err)
{
	const yt_node *steps = yt_get(front, "diagram_steps");
	size_t n = steps && steps->kind == YT_SEQ ? steps->count : 0;
	if (!n) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "no diagram_steps to draw");
		return false;
	}
	diagram_pen p = {pango_font_map_create_context(fm), fonts_default_family(lang, "sans"),
	                 g_string_new(NULL)};
	pango_context_set_language(p.ctx, pango_language_from_string(lang));
	g_string_append_printf(p.svg,
	                       "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
	                       "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\">\n",
	                       DIAGRAM_W, DIAGRAM_H, DIAGRAM_W, DIAGRAM_H);
	const char *title = yt_str(front, "diagram_title");
	if (title)
		diagram_text(&p, title, 2, 20, DIAGRAM_W - 4, 15, true, INK, "start", 1);
	double bw = (DIAGRAM_W - 4 - GAP * (double)(n - 1)) / (double)n;
	double mid = BOX_TOP + BOX_H / 2;
	for (size_t i = 0; i < n; i++) {
		double x = 2 + (double)i * (bw + GAP), cx = x + bw / 2;
		g_string_append_printf(p.svg,
		                       "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
		                       "rx=\"7\" fill=\"" LIGHT "\" stroke=\"" ACCENT
		                       "\" stroke-width=\"1.6\"/>\n",
		                       x, BOX_TOP, bw, BOX_H);
		const char *label = yt_str(steps->items[i], "label");
		const char *detail = yt_str(steps->items[i], "detail");
		GPtrArray *ll = diagram_lines(&p, label, 13.5, true, bw - 12);
		double top = detail ? mid - 8 - 8 * ((double)MIN(ll->len, 2) - 1) : mid + 5 -
		             8 * ((double)MIN(ll->len, 2) - 1);
		g_ptr_array_free(ll, TRUE);
		double y = diagram_text(&p, label, cx, top, bw - 12, 13.5, true, INK, "middle", 2);
		if (detail)
			diagram_text(&p, detail, cx, y + 1, bw - 12, 11, false, MUTED, "middle", 2);
		if (i + 1 < n)
			diagram_arrow(p.svg, x + bw + 3, x + bw + GAP - 3, mid);
	}
	double below = BOX_TOP + BOX_H;
	const yt_node *back = yt_get(front, "diagram_back");
	if (back && yt_is_true(back) && n > 1) {
		/* the result goes back to where it started: a dashed return */
		double x0 = 2 + bw / 2, x1 = 2 + (double)(n - 1) * (bw + GAP) + bw / 2;
		g_string_append_printf(p.svg,
		                       "<path d=\"M%.1f %.1fV%.1fH%.1fV%.1f\" fill=\"none\" stroke=\"" NOTE
		                       "\" stroke-width=\"1.6\" stroke-dasharray=\"5 4\"/>\n"
		                       "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"" NOTE
		                       "\"/>\n",
		                       x1, below + 2, below + 20, x0, below + 10, x0, below + 2, x0 - 5,
		                       below + 11, x0 + 5, below + 11);
	}
	const char *note = yt_str(front, "diagram_note");
	if (note)
		diagram_text(&p, note, DIAGRAM_W / 2, below + 42, DIAGRAM_W - 40, 12.5, false, NOTE,
		             "middle", 2);
	g_string_append(p.svg, "</svg>\n");
	g_object_unref(p.ctx);
	char *dir = g_path_get_dirname(path);
	g_mkdir_with_parents(dir, 0755);
	g_free(dir);
	bool ok = g_file_set_contents(path, p.svg->str, (gssize)p.svg->len, err);
	g_string_free(p.svg, TRUE);
	return ok;
}
