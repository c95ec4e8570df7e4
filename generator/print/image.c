/* print image: img src resolved inside the base dir, sized to fit, drawn
 * as vectors (SVG via librsvg) or as a bitmap (PNG, JPEG via gdk-pixbuf;
 * JPEG data is embedded as is). */
#include "print_int.h"

#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#define PX_TO_PT 0.75 /* CSS pixels */

/* Only relative paths that stay inside base_dir: content names images, and
 * nothing outside content/ and the theme may be read through such a name. */
char *print_image_resolve(print_doc *pd, const char *src, int line)
{
	if (!src || !*src) {
		diag_error(pd->d, pd->file, line, 0, "give the image a src",
		           "print: image without src");
		return NULL;
	}
	if (strstr(src, "://") || !strncmp(src, "data:", 5)) {
		diag_error(pd->d, pd->file, line, 0,
		           "put the image beside the content and use a relative path",
		           "print: remote image '%s' is not fetched", src);
		return NULL;
	}
	if (src[0] == '/') {
		diag_error(pd->d, pd->file, line, 0, "use a path relative to the content",
		           "print: absolute image path '%s'", src);
		return NULL;
	}
	int depth = 0;
	gchar **parts = g_strsplit(src, "/", -1);
	for (int i = 0; parts[i]; i++) {
		if (!strcmp(parts[i], ".."))
			depth--;
		else if (*parts[i] && strcmp(parts[i], "."))
			depth++;
		if (depth < 0)
			break;
	}
	g_strfreev(parts);
	if (depth < 0) {
		diag_error(pd->d, pd->file, line, 0, "keep images inside the content folder",
		           "print: image path '%s' leaves the base folder", src);
		return NULL;
	}
	char *path = g_build_filename(pd->base_dir ? pd->base_dir : ".", src, NULL);
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		diag_error(pd->d, pd->file, line, 0, "check the file name and its folder",
		           "print: image '%s' not found", path);
		g_free(path);
		return NULL;
	}
	return path;
}

static bool print_svg_size(const char *path, double *w, double *h)
{
	RsvgHandle *hd = rsvg_handle_new_from_file(path, NULL);
	if (!hd)
		return false;
	rsvg_handle_set_dpi(hd, 96);
	gdouble pw = 0, ph = 0;
	bool ok = rsvg_handle_get_intrinsic_size_in_pixels(hd, &pw, &ph);
	if (!ok) {
		gboolean has_vb;
		RsvgRectangle vb;
		rsvg_handle_get_intrinsic_dimensions(hd, NULL, NULL, NULL, NULL, &has_vb, &vb);
		if (has_vb) {
			pw = vb.width;
			ph = vb.height;
			ok = pw > 0 && ph > 0;
		}
	}
	g_object_unref(hd);
	*w = pw;
	*h = ph;
	return ok && pw > 0 && ph > 0;
}

void print_image_measure(print_doc *pd, print_block *b, double max_h)
{
	double w = 0, h = 0;
	bool ok = false;
	if (b->img_path) {
		if (b->img_svg)
			ok = print_svg_size(b->img_path, &w, &h);
		else {
			int iw = 0, ih = 0;
			ok = gdk_pixbuf_get_file_info(b->img_path, &iw, &ih) != NULL;
			w = iw;
			h = ih;
		}
		if (!ok)
			diag_error(pd->d, pd->file, b->src_line, 0,
			           "use PNG, JPEG or SVG with a size or viewBox",
			           "print: cannot read image '%s'", b->img_path);
	}
	if (!ok || w <= 0 || h <= 0) {
		b->img_broken = true;
		b->img_w = b->w;
		b->img_h = b->height = 36;
		return;
	}
	w *= PX_TO_PT;
	h *= PX_TO_PT;
	/* the style's width (which may enlarge), else the intrinsic size; then
	 * max-width, the measure and max-height, which only reduce */
	const print_cstyle *cs = &b->cs;
	double s = 1, max_w = b->w;
	if (cs->width > 0)
		s = (cs->width_pct ? b->w * cs->width / 100 : cs->width) / w;
	if (cs->max_width > 0) {
		double mw = cs->max_width_pct ? b->w * cs->max_width / 100 : cs->max_width;
		if (mw < max_w)
			max_w = mw;
	}
	if (cs->max_height > 0 && cs->max_height < max_h)
		max_h = cs->max_height;
	if (w * s > max_w)
		s = max_w / w;
	if (h * s > max_h)
		s = max_h / h;
	b->img_w = w * s;
	b->img_h = b->height = h * s;
}

/* gdk-pixbuf's RGBA to cairo's premultiplied native-endian ARGB. */
static cairo_surface_t *print_pixbuf_surface(GdkPixbuf *pb)
{
	int w = gdk_pixbuf_get_width(pb), h = gdk_pixbuf_get_height(pb);
	int nch = gdk_pixbuf_get_n_channels(pb), rs = gdk_pixbuf_get_rowstride(pb);
	bool alpha = gdk_pixbuf_get_has_alpha(pb);
	cairo_surface_t *s = cairo_image_surface_create(
		alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		return s;
	cairo_surface_flush(s);
	const guint8 *src = gdk_pixbuf_read_pixels(pb);
	guint8 *dst = cairo_image_surface_get_data(s);
	int ds = cairo_image_surface_get_stride(s);
	for (int y = 0; y < h; y++) {
		const guint8 *p = src + (size_t)y * rs;
		guint32 *q = (guint32 *)(dst + (size_t)y * ds);
		for (int x = 0; x < w; x++, p += nch) {
			guint32 a = alpha ? p[3] : 255;
			guint32 r = p[0] * a / 255, g = p[1] * a / 255, bl = p[2] * a / 255;
			q[x] = (a << 24) | (r << 16) | (g << 8) | bl;
		}
	}
	cairo_surface_mark_dirty(s);
	return s;
}

static void print_placeholder(print_doc *pd, cairo_t *cr, const print_block *b,
                              double x, double y)
{
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(cr, 0.5);
	cairo_rectangle(cr, x, y, b->img_w, b->img_h);
	cairo_stroke(cr);
	PangoLayout *l = pango_layout_new(pd->pctx);
	PangoFontDescription *fd = print_style_font(pd->st, &b->cs, b->lang);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)((b->img_w - 8) * PANGO_SCALE));
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_text(l, b->plain && *b->plain ? b->plain : "image", -1);
	cairo_move_to(cr, x + 4, y + 4);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	cairo_restore(cr);
}

void print_image_draw(print_doc *pd, cairo_t *cr, const print_block *b,
                      double x, double y)
{
	if (b->img_broken || !b->img_path) {
		print_placeholder(pd, cr, b, x, y);
		return;
	}
	if (b->img_svg) {
		RsvgHandle *hd = rsvg_handle_new_from_file(b->img_path, NULL);
		if (hd) {
			rsvg_handle_set_dpi(hd, 96);
			RsvgRectangle vp = {x, y, b->img_w, b->img_h};
			GError *err = NULL;
			cairo_save(cr);
			if (!rsvg_handle_render_document(hd, cr, &vp, &err)) {
				diag_error(pd->d, pd->file, b->src_line, 0, NULL,
				           "print: cannot draw SVG '%s': %s", b->img_path,
				           err ? err->message : "?");
				g_clear_error(&err);
			}
			cairo_restore(cr);
			g_object_unref(hd);
		}
		return;
	}
	GError *err = NULL;
	GdkPixbuf *pb = gdk_pixbuf_new_from_file(b->img_path, &err);
	if (!pb) { /* its header read well (measure), its pixels do not */
		char *name = g_path_get_basename(b->img_path);
		diag_error(pd->d, pd->file, b->src_line, 0, "save the picture again from its source",
		           "print: image '%s' is damaged: its pixels cannot be read", name);
		g_free(name);
		g_clear_error(&err);
		print_placeholder(pd, cr, b, x, y);
		return;
	}
	cairo_surface_t *s = print_pixbuf_surface(pb);
	GdkPixbufFormat *fmt = gdk_pixbuf_get_file_info(b->img_path, NULL, NULL);
	gchar *fname = fmt ? gdk_pixbuf_format_get_name(fmt) : NULL;
	if (fname && !strcmp(fname, "jpeg")) {
		gchar *data;
		gsize len;
		if (g_file_get_contents(b->img_path, &data, &len, NULL))
			cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG,
			                            (unsigned char *)data, len, g_free, data);
	}
	g_free(fname);
	double pw = gdk_pixbuf_get_width(pb), ph = gdk_pixbuf_get_height(pb);
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, b->img_w / pw, b->img_h / ph);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_rectangle(cr, 0, 0, pw, ph);
	cairo_fill(cr);
	cairo_restore(cr);
	cairo_surface_destroy(s);
	g_object_unref(pb);
}
