/* chart: a phase timeline (Gantt-style), sized from its data. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include "model/chart.h"
#include "print/fonts.h"
#include "load/i18n.h"

#define CHART_W 640.0
#define CHART_LABEL_W 210.0
#define CHART_ROW 26.0
#define CHART_TOP 30.0
#define CHART_BOTTOM 12.0

static const double ink[3] = {0.114, 0.141, 0.188};
static const double accent[3] = {0.043, 0.227, 0.431};
static const double light[3] = {0.906, 0.933, 0.965};
static const double rule[3] = {0.761, 0.796, 0.843};

void chart_timeline_size(size_t n, double *width, double *height)
{
	*width = CHART_W;
	*height = CHART_TOP + CHART_ROW * (double)(n ? n : 1) + CHART_BOTTOM;
}

static void chart_text_full(cairo_t *cr, PangoFontMap *fm, const char *lang, const char *text,
                            double x, double y, double w, double size, bool bold,
                            PangoAlignment align, bool wrap, const double rgb[3]);

static void chart_text(cairo_t *cr, PangoFontMap *fm, const char *lang, const char *text,
                       double x, double y, double w, double size, bool bold, bool centre,
                       const double rgb[3])
{
	chart_text_full(cr, fm, lang, text, x, y, w, size, bold,
	                centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, false, rgb);
}

/* Text centred vertically on y, w wide: cut with an ellipsis, or (wrap)
 * broken into lines, never cut. */
static void chart_text_full(cairo_t *cr, PangoFontMap *fm, const char *lang, const char *text,
                            double x, double y, double w, double size, bool bold,
                            PangoAlignment align, bool wrap, const double rgb[3])
{
	PangoContext *ctx = pango_font_map_create_context(fm);
	pango_cairo_update_context(cr, ctx);
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, fonts_default_family(lang, "sans"));
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_context_set_language(ctx, pango_language_from_string(lang));
	pango_layout_set_width(l, (int)(w * PANGO_SCALE));
	if (wrap)
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	else
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text, -1);
	int th;
	pango_layout_get_pixel_size(l, NULL, &th);
	cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
	cairo_move_to(cr, x, y - th / 2.0);
	pango_cairo_show_layout(cr, l);
	pango_font_description_free(fd);
	g_object_unref(l);
	g_object_unref(ctx);
}

void chart_timeline_draw(cairo_t *cr, PangoFontMap *fm, const char *lang,
                         const chart_phase *p, size_t n)
{
	double w, h;
	chart_timeline_size(n, &w, &h);
	if (!n)
		return;
	/* Months counted from January of the first year, so year lines fall on
	 * whole columns. */
	int first = p[0].year, last_month = 0;
	for (size_t i = 0; i < n; i++)
		first = p[i].year < first ? p[i].year : first;
	for (size_t i = 0; i < n; i++) {
		int end = (p[i].year - first) * 12 + p[i].month - 1 + p[i].months;
		last_month = end > last_month ? end : last_month;
	}
	int years = (last_month + 11) / 12;
	if (years < 1 || years > 50)
		years = years < 1 ? 1 : 50; /* the schema caps plans; never draw without bound */
	double x0 = CHART_LABEL_W, span = w - x0 - 4, per = span / (years * 12.0);
	cairo_save(cr);
	cairo_set_line_width(cr, 0.6);
	for (int y = 0; y <= years; y++) {
		double x = x0 + y * 12 * per;
		cairo_set_source_rgb(cr, rule[0], rule[1], rule[2]);
		cairo_move_to(cr, x, CHART_TOP - 6);
		cairo_line_to(cr, x, h - CHART_BOTTOM + 2);
		cairo_stroke(cr);
		if (y < years) {
			char label[16];
			snprintf(label, sizeof label, "%d", first + y);
			chart_text(cr, fm, lang, label, x, CHART_TOP - 16, 12 * per, 9.5, true, true, ink);
		}
	}
	for (size_t i = 0; i < n; i++) {
		double cy = CHART_TOP + CHART_ROW * ((double)i + 0.5);
		if (i % 2 == 0) {
			cairo_set_source_rgb(cr, light[0], light[1], light[2]);
			cairo_rectangle(cr, 0, cy - CHART_ROW / 2, w, CHART_ROW);
			cairo_fill(cr);
		}
		char *label = g_strdup_printf("%zu. %s", i + 1, p[i].name);
		chart_text(cr, fm, lang, label, 4, cy, x0 - 12, 9.5, false, false, ink);
		g_free(label);
		int start = (p[i].year - first) * 12 + p[i].month - 1;
		double bx = x0 + start * per, bw = p[i].months * per;
		cairo_set_source_rgb(cr, accent[0], accent[1], accent[2]);
		cairo_rectangle(cr, bx, cy - 7, bw, 14);
		cairo_fill(cr);
		char months[16];
		snprintf(months, sizeof months, "%d", p[i].months);
		static const double white[3] = {1, 1, 1};
		if (bw > 18)
			chart_text(cr, fm, lang, months, bx, cy, bw, 8.5, true, true, white);
	}
	cairo_restore(cr);
}

#define RADAR_W 560.0
#define RADAR_H 400.0
#define RADAR_R 120.0

void chart_radar_size(double *width, double *height)
{
	*width = RADAR_W;
	*height = RADAR_H;
}

void chart_radar_draw(cairo_t *cr, PangoFontMap *fm, const char *lang, const char *const *labels,
                      const double *values, size_t n, double ref, const char *ref_label)
{
	if (n < 3)
		return; /* a radar needs three axes */
	double cx = RADAR_W / 2, cy = RADAR_H / 2 - 6;
	static const double muted[3] = {0.357, 0.400, 0.459};
	cairo_save(cr);
	cairo_set_line_width(cr, 0.6);
	/* Rings at 25, 50, 75 and 100, then the axes. */
	for (int ring = 1; ring <= 4; ring++) {
		double r = RADAR_R * ring / 4.0;
		for (size_t i = 0; i <= n; i++) {
			double a = -M_PI / 2 + 2 * M_PI * (double)(i % n) / (double)n;
			double x = cx + r * cos(a), y = cy + r * sin(a);
			i ? cairo_line_to(cr, x, y) : cairo_move_to(cr, x, y);
		}
		cairo_set_source_rgb(cr, rule[0], rule[1], rule[2]);
		cairo_stroke(cr);
	}
	for (size_t i = 0; i < n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n;
		cairo_move_to(cr, cx, cy);
		cairo_line_to(cr, cx + RADAR_R * cos(a), cy + RADAR_R * sin(a));
		cairo_stroke(cr);
	}
	/* The reference: the next stage's threshold, a dashed ring the
	 * scores are read against. */
	if (ref > 0 && ref <= 100) {
		double r = RADAR_R * ref / 100.0, dash[] = {4, 3};
		for (size_t i = 0; i <= n; i++) {
			double a = -M_PI / 2 + 2 * M_PI * (double)(i % n) / (double)n;
			double x = cx + r * cos(a), y = cy + r * sin(a);
			i ? cairo_line_to(cr, x, y) : cairo_move_to(cr, x, y);
		}
		cairo_set_dash(cr, dash, 2, 0);
		cairo_set_line_width(cr, 1.2);
		cairo_set_source_rgb(cr, 0.761, 0.255, 0.047);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
	}
	for (size_t i = 0; i <= n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * (double)(i % n) / (double)n;
		double v = values[i % n] < 0 ? 0 : values[i % n] > 100 ? 100 : values[i % n];
		double x = cx + RADAR_R * v / 100.0 * cos(a), y = cy + RADAR_R * v / 100.0 * sin(a);
		i ? cairo_line_to(cr, x, y) : cairo_move_to(cr, x, y);
	}
	cairo_set_source_rgba(cr, accent[0], accent[1], accent[2], 0.25);
	cairo_fill_preserve(cr);
	cairo_set_source_rgb(cr, accent[0], accent[1], accent[2]);
	cairo_set_line_width(cr, 1.6);
	cairo_stroke(cr);
	/* Scale labels on the upward axis, over the rings: legible grey on a
	 * white patch, not the rule colour. */
	for (int ring = 1; ring <= 4; ring++) {
		double r = RADAR_R * ring / 4.0;
		char *label = i18n_format_decimal(lang, ring * 25, 0);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_rectangle(cr, cx + 2, cy - r - 5, 16, 10);
		cairo_fill(cr);
		chart_text(cr, fm, lang, label, cx + 3, cy - r, 24, 8, false, false, muted);
		g_free(label);
	}
	/* Labels wrap in their column beside the chart: never cut. */
	for (size_t i = 0; i < n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n;
		double lx = cx + (RADAR_R + 14) * cos(a), ly = cy + (RADAR_R + 14) * sin(a);
		char *num = i18n_format_decimal(lang, values[i], 0);
		char *label = g_strdup_printf("%s %s", labels[i], num);
		double w = cos(a) > 0.3 ? RADAR_W - lx - 4 : cos(a) < -0.3 ? lx - 4 : 150;
		w = w > 150 ? 150 : w;
		double x = cos(a) > 0.3 ? lx : cos(a) < -0.3 ? lx - w : lx - w / 2;
		PangoAlignment al = cos(a) > 0.3 ? PANGO_ALIGN_LEFT
		                  : cos(a) < -0.3 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
		/* above and below the chart, the text grows away from it */
		double y = ly + (sin(a) < -0.9 ? -8 : sin(a) > 0.9 ? 8 : 0);
		chart_text_full(cr, fm, lang, label, x, y, w, 9, true, al, true, ink);
		g_free(label);
		g_free(num);
	}
	if (ref > 0 && ref_label) {
		static const double ref_rgb[3] = {0.761, 0.255, 0.047};
		double dash[] = {4, 3};
		cairo_set_dash(cr, dash, 2, 0);
		cairo_set_line_width(cr, 1.2);
		cairo_set_source_rgb(cr, ref_rgb[0], ref_rgb[1], ref_rgb[2]);
		cairo_move_to(cr, 8, RADAR_H - 12);
		cairo_line_to(cr, 32, RADAR_H - 12);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		chart_text_full(cr, fm, lang, ref_label, 38, RADAR_H - 12, RADAR_W - 46, 8.5, false,
		                PANGO_ALIGN_LEFT, true, ref_rgb);
	}
	cairo_restore(cr);
}

/* A cairo context drawing into a new SVG file (folders created). */
static cairo_t *chart_svg_begin(const char *path, double w, double h)
{
	char *dir = g_path_get_dirname(path);
	g_mkdir_with_parents(dir, 0755);
	g_free(dir);
	cairo_surface_t *s = cairo_svg_surface_create(path, w, h);
	cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
	cairo_t *cr = cairo_create(s);
	cairo_surface_destroy(s); /* the context keeps it */
	return cr;
}

/* Finishes the file; false (err set) when cairo could not write it. */
static bool chart_svg_end(cairo_t *cr, const char *path, GError **err)
{
	cairo_surface_t *s = cairo_get_target(cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_destroy(cr);
	if (st != CAIRO_STATUS_SUCCESS) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot write %s: %s", path,
		            cairo_status_to_string(st));
		return false;
	}
	return true;
}

bool chart_radar_svg(const char *path, PangoFontMap *fm, const char *lang,
                     const char *const *labels, const double *values, size_t n, double ref,
                     const char *ref_label, GError **err)
{
	cairo_t *cr = chart_svg_begin(path, RADAR_W, RADAR_H);
	chart_radar_draw(cr, fm, lang, labels, values, n, ref, ref_label);
	return chart_svg_end(cr, path, err);
}

bool chart_timeline_svg(const char *path, PangoFontMap *fm, const char *lang,
                        const chart_phase *p, size_t n, GError **err)
{
	double w, h;
	chart_timeline_size(n, &w, &h);
	cairo_t *cr = chart_svg_begin(path, w, h);
	chart_timeline_draw(cr, fm, lang, p, n);
	return chart_svg_end(cr, path, err);
}

/* The dark modules of a QR code as one SVG path of unit squares, at
 * (x, y), size points square with the four-unit quiet zone the standard
 * asks for. Level M survives a crease or a smudge on a printed flyer. */
static bool chart_qr_path(GString *svg, const char *text, double x, double y, double size)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return false;
	double u = size / (q->width + 8);
	g_string_append_printf(svg, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
	                       "fill=\"#fff\"/>\n<path fill=\"#000\" d=\"", x, y, size, size);
	for (int r = 0; r < q->width; r++)
		for (int c = 0; c < q->width; c++)
			if (q->data[r * q->width + c] & 1)
				g_string_append_printf(svg, "M%.2f %.2fh%.2fv%.2fh-%.2fz", x + (c + 4) * u,
				                       y + (r + 4) * u, u, u, u);
	g_string_append(svg, "\"/>\n");
	QRcode_free(q);
	return true;
}

static void chart_svg_text(GString *svg, const char *family, double x, double y, double size,
                           const char *weight, const char *fill, const char *text)
{
	char *t = g_markup_escape_text(text ? text : "", -1), *f = g_markup_escape_text(family, -1);
	g_string_append_printf(svg, "<text x=\"%.2f\" y=\"%.2f\" font-family=\"%s\" "
	                       "font-size=\"%.2f\" font-weight=\"%s\" fill=\"%s\">%s</text>\n",
	                       x, y, f, size, weight, fill, t);
	g_free(t);
	g_free(f);
}

/* A contact card: label, organisation, site and address on the left in
 * the language's sans face, the QR code of url on the right. SVG text
 * (not outlines), so the PDF and the web page keep it as text. */
bool chart_contact_svg(const char *path, const char *lang, const char *const lines[4],
                       const char *url, double width, double qr, GError **err)
{
	GString *svg = g_string_new(NULL);
	/* width and height in CSS pixels (0.75 pt), drawing units in points */
	g_string_append_printf(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.2f\" "
	                       "height=\"%.2f\" viewBox=\"0 0 %.2f %.2f\">\n",
	                       width / 0.75, qr / 0.75, width, qr);
	const char *family = fonts_default_family(lang, "sans");
	static const double size[4] = {7, 10, 9, 8}, base[4] = {14, 32, 47, 63};
	static const char *const weight[4] = {"normal", "bold", "normal", "normal"};
	static const char *const fill[4] = {"#5b6675", "#0b3a6e", "#1d2430", "#0b3a6e"};
	for (int i = 0; i < 4; i++)
		chart_svg_text(svg, family, 0, base[i], size[i], weight[i], fill[i], lines[i]);
	bool ok = chart_qr_path(svg, url, width - qr, 0, qr);
	g_string_append(svg, "</svg>\n");
	GError *e = NULL;
	char *dir = g_path_get_dirname(path);
	g_mkdir_with_parents(dir, 0755);
	g_free(dir);
	if (!ok)
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot encode '%s' as a QR code",
		            url);
	else if (!g_file_set_contents(path, svg->str, (gssize)svg->len, &e)) {
		g_propagate_error(err, e);
		ok = false;
	}
	g_string_free(svg, TRUE);
	return ok;
}
