/* derive: what kitgen computes from the content rather than reads —
 * budget totals per phase and overall, the implementation timeline and
 * its chart. Never typed by hand, so never out of step with the figures. */
#ifndef KITGEN_DERIVE_H
#define KITGEN_DERIVE_H

#include <pango/pango.h>
#include "build/cache.h"
#include "model/chart.h"
#include "print/fonts.h"
#include "model/model.h"

/* The phases of a study translation; *n = 0 when it has none. Owned array,
 * names borrowed from the item. */
chart_phase *derive_phases(const content_item *it, size_t *n);

/* Site path of the timeline chart of a study translation. Owned. */
char *derive_chart_path(const content_item *it);

/* Adds <budget> and <timeline> to a study's <item> as lang reads it. */
void derive_study(const content_item *it, const char *lang, xmlNodePtr item);

/* Adds <radar> (the chart of field scores) to a diagnosis's <item>. */
void derive_diagnosis(const content_item *it, xmlNodePtr item);

/* Writes every study's timeline and every diagnosis's radar chart under
 * out_dir/media/charts/, with the fonts of fonts_conf (loaded only if a
 * chart has to be drawn). A chart whose inputs did not change since the
 * build cached in cache (may be NULL) is linked instead of drawn. Timelines
 * are drawn in up to jobs worker processes. */
bool derive_write_charts(const model *m, const char *out_dir, const char *fonts_conf,
                         const char *font_cache, out_cache *cache, int jobs, diag_list *d);

#endif
