/* chart: charts drawn with Cairo and Pango on any surface — the same code
 * makes the SVG for the website and the vector figure in the PDF. */
#ifndef KITGEN_CHART_H
#define KITGEN_CHART_H

#include <stdbool.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

typedef struct {
	const char *name; /* borrowed */
	int year, month;  /* start */
	int months;       /* duration */
} chart_phase;

/* Size in points of a timeline of n phases. */
void chart_timeline_size(size_t n, double *width, double *height);

/* Draws a timeline (one bar per phase on a month axis) at cr's origin.
 * fm: a Pango font map bound to the private fonts; lang picks the face. */
void chart_timeline_draw(cairo_t *cr, PangoFontMap *fm, const char *lang,
                         const chart_phase *p, size_t n);

/* Writes the timeline as an SVG file. */
bool chart_timeline_svg(const char *path, PangoFontMap *fm, const char *lang,
                        const chart_phase *p, size_t n, GError **err);

/* Size in points of a radar chart. */
void chart_radar_size(double *width, double *height);

/* Draws a radar (spider) chart of n values 0–100 with their labels
 * (wrapped, never cut), and, when ref > 0, a dashed reference ring at ref
 * (the next stage's threshold) explained by ref_label below the chart. */
void chart_radar_draw(cairo_t *cr, PangoFontMap *fm, const char *lang, const char *const *labels,
                      const double *values, size_t n, double ref, const char *ref_label);

bool chart_radar_svg(const char *path, PangoFontMap *fm, const char *lang,
                     const char *const *labels, const double *values, size_t n, double ref,
                     const char *ref_label, GError **err);

/* Writes a contact card as an SVG file, width by qr points: four lines
 * (label, organisation, site, address) in lang's sans face on the left,
 * the QR code of url, qr points square, on the right. */
bool chart_contact_svg(const char *path, const char *lang, const char *const lines[4],
                       const char *url, double width, double qr, GError **err);

#endif
