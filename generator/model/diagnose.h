/* diagnose: the city self-diagnosis. A model (content/diagnostics/
 * model.yaml: fields, indicators, weights, stages, requirements) scores a
 * diagnosis (one city's indicator values and stated problems) into field
 * scores, an index, a stage on Seoul's path, and a ranked list of the
 * catalogue's systems with the reasons for each. */
#ifndef KITGEN_DIAGNOSE_H
#define KITGEN_DIAGNOSE_H

#include <libxml/tree.h>
#include "load/content.h"
#include "load/i18n.h"

typedef struct dx_model dx_model;

/* Loads and checks the model: weights sum to 1 (±0.001), ranges and
 * normalisations make sense, stages and requirements name indicators.
 * NULL (errors recorded) when unusable. */
dx_model *dx_model_load(const char *path, diag_list *d);
void dx_model_free(dx_model *m);

typedef struct dx_result dx_result;

/* Scores one diagnosis translation. Missing, unknown or out-of-range values
 * are errors at their line:col; NULL then. */
dx_result *dx_evaluate(const dx_model *m, const content_item *it, const content_set *s,
                       const site_config *c, diag_list *d);
void dx_result_free(dx_result *r);

double dx_result_index(const dx_result *r);
/* Id of the highest stage reached ("e-gov", "joined-up", …). */
const char *dx_result_stage(const dx_result *r);
/* Slug of the n-th recommended system, NULL past the end. */
const char *dx_result_system(const dx_result *r, size_t n);

/* Adds <diagnosis> (fields, indicators, stages, recommendations with
 * reasons) to an <item>, texts in lang. */
void dx_result_xml(const dx_model *m, const dx_result *r, const content_set *s,
                   const site_config *c, const i18n_set *strings, const char *lang,
                   xmlNodePtr item);

/* Adds <dxmodel> for the self-assessment form: fields and indicators with
 * their names in lang, and the model as JSON for the browser scorer. */
void dx_model_xml(const dx_model *m, const content_set *s, const site_config *c,
                  const char *lang, xmlNodePtr parent);

/* The scores as JSON (stable key order, fixed decimals), for tests and for
 * comparing with the browser scorer. */
char *dx_result_json(const dx_model *m, const dx_result *r);

#endif
