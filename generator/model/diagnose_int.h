/* diagnose internals shared by diagnose_model.c (loading, JSON) and
 * diagnose.c (scoring, XML). */
#ifndef KITGEN_DIAGNOSE_INT_H
#define KITGEN_DIAGNOSE_INT_H

#include "model/diagnose.h"

typedef enum { DX_LINEAR, DX_LOG, DX_YESNO } dx_method;

typedef struct {
	const char *id, *unit, *source;
	const yt_node *name; /* {LANG: text} */
	double lo, hi;       /* valid range of values */
	dx_method method;
	double nmin, nmax;   /* normalisation bounds */
	double weight;
	size_t field;        /* index of its field */
} dx_indicator;

typedef struct {
	const char *id;
	const yt_node *name;
	double weight;
	size_t first, count; /* its indicators in dx_model.ind */
} dx_field;

typedef struct {
	const char *indicator;
	double min;
} dx_cond;

typedef struct {
	const char *id;
	const yt_node *name;
	double min;
	GArray *any, *all; /* dx_cond */
} dx_stage;

typedef struct {
	const char *has;      /* indicator id, or NULL */
	const yt_node *provides;
} dx_system;

struct dx_model {
	char *path;
	yt_node *root;
	dx_field *fields;
	size_t nfields;
	dx_indicator *ind;
	size_t nind;
	dx_stage *stages;
	size_t nstages;
	GHashTable *requirements; /* id -> dx_cond* */
	GHashTable *systems;      /* slug -> dx_system* */
	double foundation;
	int top;
};

typedef struct {
	const char *slug;
	double need, gap, readiness, priority;
	GPtrArray *problems, *met, *missing, *unknown; /* borrowed ids */
	int provides_to;
} dx_rec;

struct dx_result {
	double *value, *norm; /* per indicator */
	double *field;        /* per field, 0–100 */
	double index;
	size_t stage;         /* highest reached */
	const char *stage_id; /* its id, borrowed from the model */
	dx_rec *recs;
	size_t nrecs;
};

/* Index of an indicator id, or -1. */
int dx_indicator_index(const dx_model *m, const char *id);
/* Normalised 0–1 value of indicator i for a raw value. */
double dx_normalise(const dx_indicator *ind, double v);
/* Text of a {LANG: text} map along lang's chain. */
const char *dx_text(const yt_node *name, const site_config *c, const char *lang);

#endif
