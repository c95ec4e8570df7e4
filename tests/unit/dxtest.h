/* dxtest: what the diagnosis tests share (test_diagnose.c,
 * test_diagnose_stages.c): the fixture catalogue (the real systems'
 * problems and requirements and a copy of the model, so content edits do
 * not move the numbers), and diagnoses written as files from overrides of
 * the Maputo sample. */
#ifndef KITGEN_DXTEST_H
#define KITGEN_DXTEST_H

#include <math.h>
#include "testutil.h"
#include "model/diagnose_int.h"

typedef struct {
	char *root;
	site_config *config;
	content_set *set;
	dx_model *m;
	diag_list *d;     /* loading */
	diag_list *ed;    /* the test's own diagnosis */
	content_item *it; /* the last diagnosis, freed by the next or by teardown */
	dx_result *r;
} fixture;

static int setup(void **state)
{
	fixture *f = g_new0(fixture, 1);
	*state = f;
	f->root = tu_fixture("diagnose/catalogue");
	f->d = diag_new();
	f->ed = diag_new();
	char *site = g_build_filename(f->root, "site.yaml", NULL);
	f->config = config_load(site, f->d);
	g_free(site);
	if (!f->config)
		return -1;
	f->set = content_load(f->root, f->config, 0, NULL, f->d);
	char *model = g_build_filename(f->root, "diagnostics", "model.yaml", NULL);
	f->m = dx_model_load(model, f->d);
	g_free(model);
	if (f->d->count)
		tu_print_diags(f->d);
	return f->m && !f->d->count ? 0 : -1;
}

static void forget(fixture *f)
{
	dx_result_free(f->r);
	tu_item_free(f->it);
	f->r = NULL;
	f->it = NULL;
	diag_free(f->ed);
	f->ed = diag_new();
}

static int teardown(void **state)
{
	fixture *f = *state;
	forget(f);
	dx_model_free(f->m);
	content_free(f->set);
	config_free(f->config);
	diag_free(f->d);
	diag_free(f->ed);
	g_free(f->root);
	g_free(f);
	return 0;
}

/* The Maputo sample (content/diagnostics/maputo-2013.en.md): these values,
 * every other indicator "no". */
static const char *const maputo[][2] = {
	{"gdp_per_capita", "600"}, {"adult_literacy", "60"}, {"school_enrolment", "55"},
	{"internet_users", "10"}, {"mobile_subscriptions", "45"}, {"mobile_broadband", "5"},
	{"fixed_broadband", "0.5"}, {"e_admin", "1"}, {"e_life", "0"}, {"e_industry", "0"},
	{"e_infra", "1"}, {"inst_strategy", "yes"}, {"inst_it_staff", "yes"},
	{"ct_contact", "yes"}, {"ct_news", "yes"}};

static const char *dx_maputo_value(const char *id)
{
	for (size_t i = 0; i < G_N_ELEMENTS(maputo); i++)
		if (!strcmp(maputo[i][0], id))
			return maputo[i][1];
	return "no";
}

/* A diagnosis file's text: Maputo's values, in the model's order, changed
 * by "id=value" overrides ("id=" drops the line, "+id=value" adds one
 * before the others). The first value sits on line 8: "  gdp_per_capita:
 * 600" (key at column 3), adult_literacy on line 9. */
static char *diagnosis_text(const dx_model *m, const char *problems, const char *const *over)
{
	GString *t = g_string_new("---\ntitle: Test\nsummary: A test diagnosis.\ncity: maputo\n"
	                          "date: 2013-10-01\n");
	g_string_append_printf(t, "problems: %s\nvalues:\n", problems);
	for (size_t o = 0; over && over[o]; o++)
		if (over[o][0] == '+') {
			char **kv = g_strsplit(over[o] + 1, "=", 2);
			g_string_append_printf(t, "  %s: %s\n", kv[0], kv[1]);
			g_strfreev(kv);
		}
	for (size_t i = 0; i < m->nind; i++) {
		const char *id = m->ind[i].id, *v = dx_maputo_value(id);
		size_t n = strlen(id);
		for (size_t o = 0; over && over[o]; o++)
			if (!strncmp(over[o], id, n) && over[o][n] == '=')
				v = over[o] + n + 1;
		if (*v)
			g_string_append_printf(t, "  %s: %s\n", id, v);
	}
	g_string_append(t, "---\n\nBody.\n");
	return g_string_free(t, FALSE);
}

/* Scores a diagnosis; NULL (errors in f->ed) when it is refused. */
static dx_result *evaluate(fixture *f, const char *problems, const char *const *over)
{
	forget(f);
	char *text = diagnosis_text(f->m, problems, over);
	f->it = tu_item(KIND_DIAGNOSTIC, f->root, "diagnostics/t.en.md", text, f->ed);
	g_free(text);
	assert_non_null(f->it);
	f->r = dx_evaluate(f->m, f->it, f->set, f->config, f->ed);
	return f->r;
}

static dx_result *evaluate_ok(fixture *f, const char *problems, const char *const *over)
{
	dx_result *r = evaluate(f, problems, over);
	assert_no_diags(f->ed);
	assert_non_null(r);
	return r;
}

static double field(const fixture *f, const dx_result *r, const char *id)
{
	for (size_t i = 0; i < f->m->nfields; i++)
		if (!strcmp(f->m->fields[i].id, id))
			return r->field[i];
	fail_msg("no field %s", id);
	return NAN;
}

static const char *stage(const fixture *f, const dx_result *r)
{
	return f->m->stages[r->stage].id;
}

static void near(double got, double want, double eps, const char *what, int line)
{
	if (fabs(got - want) > eps) {
		print_error("%s: got %.10f, want %.10f (± %g)\n", what, got, want, eps);
		_fail(__FILE__, line);
	}
}
#define assert_near(got, want, eps) near((got), (want), (eps), #got, __LINE__)

#endif
