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
	int group;           /* index in dx_model.groups, or -1 */
} dx_indicator;

/* A criterion of a 'scoring: share' field (LOSI's five): its items count
 * the same, its score is present / size. */
typedef struct {
	const char *id;
	const yt_node *name;
	size_t size;  /* items it must have (LOSI's published counts) */
	size_t field; /* index of its field */
} dx_group;

typedef struct {
	const char *id;
	const yt_node *name, *shortname; /* shortname: the chart's label, or NULL */
	double weight;
	bool share;          /* every item weighs 1/count (scoring: share) */
	bool own;            /* weight of this model's choosing */
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
	bool own;                  /* minimum and floor are this model's choice */
	GArray *any, *all, *floor; /* dx_cond; floor: infrastructure it needs */
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
	dx_group *groups;
	size_t ngroups;
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
	double *group;        /* per dx_model.groups, present / size (0–1) */
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
/* Checks the model's keys and names (diagnose_schema.c): every key known,
 * no empty value, every name in ko and en. */
void dx_schema_check(const char *path, const yt_node *root, diag_list *d);
/* Checks that the model reproduces the published values of 'reference'. */
void dx_reference_check(const dx_model *m, diag_list *d);
/* Id of the EGDI band a value falls in ("very-high", …), or NULL. */
const char *dx_egdi_band(const dx_model *m, double value);
/* Text of a {LANG: text} map along lang's chain. */
const char *dx_text(const yt_node *name, const site_config *c, const char *lang);

#endif
