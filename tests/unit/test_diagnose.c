/* test_diagnose: the city self-diagnosis scorer (diagnose.c, diagnose_model.c)
 * against expectations computed by hand from model.yaml's formulas: field
 * scores and the index, normalisation and its caps, stages, the ranking of
 * systems, and the errors a model or a diagnosis gets, at their positions.
 * The catalogue is tests/unit/fixtures/diagnose/catalogue: the real systems'
 * problems and requirements and a copy of the model, so content edits do not
 * move these numbers. */
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

/* The Maputo sample's values (content/diagnostics/maputo-2013.en.md). */
static const char *const maputo[][2] = {
	{"gdp_per_capita", "600"}, {"adult_literacy", "60"}, {"school_enrolment", "55"},
	{"internet_users", "10"}, {"mobile_subscriptions", "45"}, {"mobile_broadband", "5"},
	{"fixed_broadband", "0.5"}, {"e_admin", "1"}, {"e_life", "0"}, {"e_industry", "0"},
	{"e_infra", "1"}, {"svc_complaints_online", "no"}, {"svc_status_tracking", "no"},
	{"svc_contact_center", "no"}, {"svc_e_participation", "no"}, {"svc_open_data", "no"},
	{"svc_e_payment", "no"}, {"svc_map_portal", "no"}, {"inst_strategy", "yes"},
	{"inst_cio", "no"}, {"inst_e_document_law", "no"}, {"inst_data_protection", "no"},
	{"inst_it_staff", "yes"}};
#define NVALUES (sizeof maputo / sizeof maputo[0])

/* A diagnosis file's text: Maputo's values changed by "id=value" overrides
 * ("id=" drops the line, "+id=value" adds one before the others). The first
 * value sits on line 8: "  gdp_per_capita: 600" (key at column 3). */
static char *diagnosis_text(const char *problems, const char *const *over)
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
	for (size_t i = 0; i < NVALUES; i++) {
		const char *v = maputo[i][1];
		for (size_t o = 0; over && over[o]; o++) {
			size_t n = strlen(maputo[i][0]);
			if (!strncmp(over[o], maputo[i][0], n) && over[o][n] == '=')
				v = over[o] + n + 1;
		}
		if (*v)
			g_string_append_printf(t, "  %s: %s\n", maputo[i][0], v);
	}
	g_string_append(t, "---\n\nBody.\n");
	return g_string_free(t, FALSE);
}

/* Scores a diagnosis; NULL (errors in f->ed) when it is refused. */
static dx_result *evaluate(fixture *f, const char *problems, const char *const *over)
{
	forget(f);
	char *text = diagnosis_text(problems, over);
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

static const dx_rec *rec(const dx_result *r, const char *slug)
{
	for (size_t i = 0; i < r->nrecs; i++)
		if (!strcmp(r->recs[i].slug, slug))
			return &r->recs[i];
	fail_msg("no recommendation %s", slug);
	return NULL;
}

static void near(double got, double want, double eps, const char *what, int line)
{
	if (fabs(got - want) > eps) {
		print_error("%s: got %.10f, want %.10f (± %g)\n", what, got, want, eps);
		_fail(__FILE__, line);
	}
}
#define assert_near(got, want, eps) near((got), (want), (eps), #got, __LINE__)

static const char *ids(GPtrArray *a, char *buf, size_t size)
{
	buf[0] = '\0';
	for (guint i = 0; i < a->len; i++) {
		if (i)
			g_strlcat(buf, ",", size);
		g_strlcat(buf, a->pdata[i], size);
	}
	return buf;
}

/* ---- normalisation -------------------------------------------------------- */

static void test_normalise(void **state)
{
	(void)state;
	dx_indicator lin = {.method = DX_LINEAR, .nmin = 0, .nmax = 120};
	assert_near(dx_normalise(&lin, 45), 0.375, 1e-12);
	assert_near(dx_normalise(&lin, 120), 1.0, 0);
	assert_near(dx_normalise(&lin, 400), 1.0, 0); /* capped, as the EGDI caps at 120 */
	dx_indicator shifted = {.method = DX_LINEAR, .nmin = 10, .nmax = 20};
	assert_near(dx_normalise(&shifted, 5), 0.0, 0); /* below min: 0, not negative */
	assert_near(dx_normalise(&shifted, 15), 0.5, 1e-12);
	dx_indicator lg = {.method = DX_LOG, .nmin = 300, .nmax = 30000};
	assert_near(dx_normalise(&lg, 600), log(2) / log(100), 1e-12);
	assert_near(dx_normalise(&lg, 3000), 0.5, 1e-12);
	assert_near(dx_normalise(&lg, 300), 0.0, 0);
	assert_near(dx_normalise(&lg, 100), 0.0, 0);   /* below min: 0 */
	assert_near(dx_normalise(&lg, 0), 0.0, 0);     /* log(0) never taken */
	assert_near(dx_normalise(&lg, 200000), 1.0, 0);
	dx_indicator yn = {.method = DX_YESNO};
	assert_near(dx_normalise(&yn, 0), 0.0, 0);
	assert_near(dx_normalise(&yn, 0.49), 0.0, 0);
	assert_near(dx_normalise(&yn, 0.5), 1.0, 0);
	assert_near(dx_normalise(&yn, 1), 1.0, 0);
}

/* ---- scores --------------------------------------------------------------- */

/* Maputo by hand:
 *   economy        100·ln(600/300)/ln(30000/300)             = 15.05
 *   society        100·(0.5·60/100 + 0.5·55/100)              = 57.5
 *   infrastructure 100·(0.3·0.10 + 0.3·45/120 + 0.2·5/120 + 0.2·0.5/40) = 15.33
 *   systems        100·(0.25·1/3 + 0.25·1/3)                  = 16.67
 *   services       0 (no online service)
 *   institutions   100·(0.2 + 0.2) (strategy, IT staff)       = 40
 *   index          0.10·15.05 + 0.15·57.5 + 0.20·15.33 + 0.20·16.67 + 0 + 0.15·40 = 22.53 */
static void test_maputo_scores(void **state)
{
	fixture *f = *state;
	dx_result *r = evaluate_ok(f, "[waste, complaints]", NULL);
	double economy = 100.0 * log(600.0 / 300.0) / log(30000.0 / 300.0);
	assert_near(field(f, r, "economy"), economy, 1e-9);
	assert_near(field(f, r, "economy"), 15.05, 0.005);
	assert_near(field(f, r, "society"), 57.5, 1e-9);
	assert_near(field(f, r, "infrastructure"), 100.0 * (0.03 + 0.1125 + 0.2 * 5 / 120 + 0.0025), 1e-9);
	assert_near(field(f, r, "infrastructure"), 15.33, 0.005);
	assert_near(field(f, r, "systems"), 100.0 / 6, 1e-9);
	assert_near(field(f, r, "services"), 0.0, 0);
	assert_near(field(f, r, "institutions"), 40.0, 1e-9);
	assert_near(r->index, 0.1 * economy + 8.625 + 0.2 * 46.0 / 3 + 0.2 * 100.0 / 6 + 6.0, 1e-9);
	assert_near(dx_result_index(r), 22.53, 0.005);
	assert_string_equal(stage(f, r), "e-gov");
	char *json = dx_result_json(f->m, r);
	assert_string_equal(json, "{\"index\":22.5,\"stage\":\"e-gov\",\"fields\":{\"economy\":15.1,"
	                          "\"society\":57.5,\"infrastructure\":15.3,\"systems\":16.7,"
	                          "\"services\":0.0,\"institutions\":40.0},\"recommend\":["
	                          "{\"system\":\"civil-complaints\",\"priority\":0.875},"
	                          "{\"system\":\"smart-complaint-app\",\"priority\":0.688},"
	                          "{\"system\":\"dasan-120\",\"priority\":0.562}]}");
	g_free(json);
}

/* Values beyond the normalisation caps score 100, not more. */
static void test_clamping_at_caps(void **state)
{
	fixture *f = *state;
	static const char *const top[] = {
		"gdp_per_capita=200000", "adult_literacy=100", "school_enrolment=150",
		"internet_users=100", "mobile_subscriptions=400", "mobile_broadband=400",
		"fixed_broadband=100", "e_admin=3", "e_life=3", "e_industry=3", "e_infra=3",
		"svc_complaints_online=yes", "svc_status_tracking=yes", "svc_contact_center=yes",
		"svc_e_participation=yes", "svc_open_data=yes", "svc_e_payment=yes",
		"svc_map_portal=yes", "inst_cio=yes", "inst_e_document_law=yes",
		"inst_data_protection=yes", NULL};
	dx_result *r = evaluate_ok(f, "[]", top);
	for (size_t i = 0; i < f->m->nfields; i++)
		assert_near(r->field[i], 100.0, 1e-9);
	assert_near(r->index, 100.0, 1e-9);
	assert_string_equal(stage(f, r), "smart");
	/* Just past each cap is the same as at it. */
	static const char *const caps[] = {"mobile_subscriptions=120", "mobile_broadband=121",
	                                   "fixed_broadband=40", "school_enrolment=100", NULL};
	dx_result *at = evaluate_ok(f, "[]", caps);
	assert_near(field(f, at, "society"), 100.0 * (0.5 * 0.6 + 0.5), 1e-9);
	assert_near(field(f, at, "infrastructure"), 100.0 * (0.03 + 0.3 + 0.2 + 0.2), 1e-9);
}

static void test_log_below_minimum(void **state)
{
	fixture *f = *state;
	static const char *const poor[] = {"gdp_per_capita=100", NULL};
	assert_near(field(f, evaluate_ok(f, "[]", poor), "economy"), 0.0, 0);
	static const char *const zero[] = {"gdp_per_capita=0", NULL};
	assert_near(field(f, evaluate_ok(f, "[]", zero), "economy"), 0.0, 0);
	static const char *const at_min[] = {"gdp_per_capita=300", NULL};
	assert_near(field(f, evaluate_ok(f, "[]", at_min), "economy"), 0.0, 0);
	static const char *const mid[] = {"gdp_per_capita=3000", NULL};
	assert_near(field(f, evaluate_ok(f, "[]", mid), "economy"), 50.0, 1e-9);
	static const char *const rich[] = {"gdp_per_capita=50000", NULL};
	assert_near(field(f, evaluate_ok(f, "[]", rich), "economy"), 100.0, 0);
}

/* yes/no indicators take yes/no, true/false and 1/0 alike. */
static void test_yes_no_words(void **state)
{
	fixture *f = *state;
	static const char *const words[] = {"svc_complaints_online=true", "svc_status_tracking=1",
	                                    "svc_contact_center=yes", "svc_open_data=false",
	                                    "svc_e_payment=0", "inst_strategy=1", "inst_cio=true",
	                                    NULL};
	dx_result *r = evaluate_ok(f, "[]", words);
	assert_near(field(f, r, "services"), 45.0, 1e-9);
	assert_near(field(f, r, "institutions"), 60.0, 1e-9);
	static const char *const same[] = {"svc_complaints_online=yes", "svc_status_tracking=yes",
	                                   "svc_contact_center=yes", "inst_cio=yes", NULL};
	double index = r->index;
	assert_near(evaluate_ok(f, "[]", same)->index, index, 0);
}

/* ---- stages --------------------------------------------------------------- */

/* A well-equipped city without open data or e-participation. */
static const char *const no_open_data[] = {
	"gdp_per_capita=3000", "adult_literacy=90", "school_enrolment=80", "internet_users=45",
	"mobile_subscriptions=100", "mobile_broadband=40", "fixed_broadband=8", "e_admin=2",
	"e_life=2", "e_industry=1", "e_infra=2", "svc_complaints_online=yes",
	"svc_status_tracking=yes", "svc_contact_center=yes", "svc_e_payment=yes", "inst_cio=yes",
	"inst_e_document_law=yes", NULL};

static void test_stage_needs_its_conditions(void **state)
{
	fixture *f = *state;
	dx_result *r = evaluate_ok(f, "[]", no_open_data);
	/* index about 60, above Open Gov's 55, but no open data: Joined-up */
	assert_true(r->index >= 55 && r->index < 75);
	assert_near(r->index, 62.2, 0.05);
	assert_string_equal(stage(f, r), "joined-up");

	const char *with[G_N_ELEMENTS(no_open_data) + 1];
	memcpy(with, no_open_data, sizeof no_open_data);
	with[G_N_ELEMENTS(no_open_data) - 1] = "svc_open_data=yes";
	with[G_N_ELEMENTS(no_open_data)] = NULL;
	assert_string_equal(stage(f, evaluate_ok(f, "[]", with)), "open");
}

/* Stages are climbed in order: Smart's conditions and index do not help a
 * city that misses Joined-up's (no contact center, no online complaints). */
static void test_stages_in_order(void **state)
{
	fixture *f = *state;
	static const char *const skip[] = {
		"gdp_per_capita=30000", "adult_literacy=100", "school_enrolment=100",
		"internet_users=100", "mobile_subscriptions=120", "mobile_broadband=120",
		"fixed_broadband=40", "e_admin=3", "e_life=3", "e_industry=3", "e_infra=3",
		"svc_status_tracking=yes", "svc_e_participation=yes", "svc_open_data=yes",
		"svc_e_payment=yes", "svc_map_portal=yes", "inst_cio=yes", "inst_e_document_law=yes",
		"inst_data_protection=yes", NULL};
	dx_result *r = evaluate_ok(f, "[]", skip);
	assert_true(r->index >= 75);
	assert_string_equal(stage(f, r), "e-gov");
	/* A contact center alone does not lift Maputo (index below 35). */
	static const char *const low[] = {"svc_contact_center=yes", NULL};
	r = evaluate_ok(f, "[]", low);
	assert_true(r->index < 35);
	assert_string_equal(stage(f, r), "e-gov");
}

/* A city exactly at a stage's minimum reaches it. In exact arithmetic this
 * one scores 10 + 9 + 15.33 + 6.67 + 14 + 0 = 55 and has open data and
 * e-participation; summed in doubles the index is 54.99999999999999, shown
 * as "55.0", and dx_score compares the raw sum with 55: Joined-up, under a
 * ladder that says Open Gov starts at 55. (Fixture
 * tests/diagnose/fixtures/index-exactly-55.en.md; the browser scorer copies
 * the C side, bug included, until it is fixed there.) */
static void test_stage_at_exact_minimum(void **state)
{
	fixture *f = *state;
	static const char *const at55[] = {
		"gdp_per_capita=30000", "adult_literacy=45", "school_enrolment=75",
		"internet_users=100", "mobile_subscriptions=50", "mobile_broadband=85",
		"fixed_broadband=50", "e_admin=1", "e_life=0", "e_industry=2", "e_infra=1",
		"svc_complaints_online=yes", "svc_contact_center=yes", "svc_e_participation=yes",
		"svc_open_data=yes", "svc_e_payment=yes", "inst_strategy=no", "inst_it_staff=no", NULL};
	dx_result *r = evaluate_ok(f, "[]", at55);
	assert_near(r->index, 55.0, 1e-9);
	char *json = dx_result_json(f->m, r);
	assert_true(g_str_has_prefix(json, "{\"index\":55.0,"));
	g_free(json);
	assert_string_equal(stage(f, r), "open");
}

/* ---- recommendations ------------------------------------------------------ */

/* Maputo states waste and complaints. civil-complaints answers both:
 * need 2/2 + 0.5·2/2 = 1.5; gap 1; requirements: mobile subscriptions
 * (45 < 50) and Internet (10% < 20%) missing, routing rules unassessed →
 * readiness 0.5/3; priority 1.5 × 1 × (0.5 + 0.5/6) = 0.875. */
static void test_recommend_maputo(void **state)
{
	fixture *f = *state;
	char buf[256];
	dx_result *r = evaluate_ok(f, "[waste, complaints]", NULL);
	assert_string_equal(dx_result_system(r, 0), "civil-complaints");
	assert_string_equal(dx_result_system(r, 1), "smart-complaint-app");
	assert_string_equal(dx_result_system(r, 2), "dasan-120");
	assert_null(dx_result_system(r, 3)); /* the rest answer no stated problem */
	const dx_rec *cc = rec(r, "civil-complaints");
	assert_near(cc->need, 1.5, 1e-12);
	assert_near(cc->gap, 1.0, 0);
	assert_near(cc->readiness, 1.0 / 6, 1e-12);
	assert_near(cc->priority, 0.875, 1e-12);
	assert_string_equal(ids(cc->problems, buf, sizeof buf), "complaints,waste");
	assert_string_equal(ids(cc->missing, buf, sizeof buf), "mobile-subscriptions,internet-access");
	assert_string_equal(ids(cc->unknown, buf, sizeof buf), "complaint-routing-rules");
	assert_int_equal(cc->met->len, 0);
	/* smart-complaint-app: need 1/2 + 0.5; the base map is there (e_infra 1);
	 * readiness (1 + 0.5)/4 */
	const dx_rec *app = rec(r, "smart-complaint-app");
	assert_near(app->priority, 1.0 * (0.5 + 0.5 * 0.375), 1e-12);
	assert_string_equal(ids(app->met, buf, sizeof buf), "gis-base-map");
	/* dasan-120: need 1/2 + 0.5·1/2, nothing assessable: readiness 0.5 */
	assert_near(rec(r, "dasan-120")->priority, 0.75 * 0.75, 1e-12);
	/* A system the city already has: no gap, no priority. */
	static const char *const has[] = {"svc_complaints_online=yes", NULL};
	r = evaluate_ok(f, "[waste, complaints]", has);
	assert_near(rec(r, "civil-complaints")->gap, 0.0, 0);
	assert_string_equal(dx_result_system(r, 0), "dasan-120");
}

/* Addis Ababa states paper administration. e-approval comes first: need
 * 1.5, gap 1 (no e-Admin), readiness 0.5/4 (e-document law, Internet and
 * data center missing, staff training unassessed), and mobile office needs
 * the electronic approval it provides: × (1 + 0.25). */
static void test_recommend_addis_ababa(void **state)
{
	fixture *f = *state;
	static const char *const addis[] = {
		"gdp_per_capita=700", "adult_literacy=52", "school_enrolment=60", "internet_users=15",
		"mobile_subscriptions=40", "mobile_broadband=8", "e_admin=0", "e_life=1",
		"inst_it_staff=no", NULL};
	dx_result *r = evaluate_ok(f, "[paper-administration]", addis);
	assert_string_equal(dx_result_system(r, 0), "e-approval");
	const dx_rec *ea = rec(r, "e-approval");
	assert_int_equal(ea->provides_to, 1);
	assert_near(ea->priority, 1.5 * 1.0 * (0.5 + 0.5 * 0.125) * 1.25, 1e-12);
	assert_string_equal(dx_result_system(r, 1), "mobile-office");
	assert_near(rec(r, "mobile-office")->priority, 1.5 * 1.0 * (0.5 + 0.5 * 0.1), 1e-12);
	char *json = dx_result_json(f->m, r);
	assert_string_equal(json, "{\"index\":19.8,\"stage\":\"e-gov\",\"fields\":{\"economy\":18.4,"
	                          "\"society\":56.0,\"infrastructure\":16.1,\"systems\":16.7,"
	                          "\"services\":0.0,\"institutions\":20.0},\"recommend\":["
	                          "{\"system\":\"e-approval\",\"priority\":1.055},"
	                          "{\"system\":\"mobile-office\",\"priority\":0.825},"
	                          "{\"system\":\"cio\",\"priority\":0.781},"
	                          "{\"system\":\"data-center\",\"priority\":0.729}]}");
	g_free(json);
}

/* No stated problem: no need, nothing recommended. */
static void test_recommend_nothing_without_problems(void **state)
{
	fixture *f = *state;
	dx_result *r = evaluate_ok(f, "[]", NULL);
	assert_null(dx_result_system(r, 0));
	char *json = dx_result_json(f->m, r);
	assert_true(g_str_has_suffix(json, "\"recommend\":[]}"));
	g_free(json);
}

/* Equal priorities are ordered by name, and at most 'top' are listed. */
static void test_recommend_ties_and_top(void **state)
{
	fixture *f = *state;
	static const char *const zero[] = {"gdp_per_capita=0", "adult_literacy=0", "school_enrolment=0",
	                                   "internet_users=0", "mobile_subscriptions=0",
	                                   "mobile_broadband=0", "fixed_broadband=0", "e_admin=0",
	                                   "e_infra=0", "inst_strategy=no", "inst_it_staff=no", NULL};
	dx_result *r = evaluate_ok(f, "[complaints, waste, paper-administration, participation, "
	                              "transparency, traffic, information-access]", zero);
	for (size_t i = 1; i < r->nrecs; i++) {
		const dx_rec *a = &r->recs[i - 1], *b = &r->recs[i];
		assert_true(a->priority > b->priority ||
		            (a->priority == b->priority && strcmp(a->slug, b->slug) < 0));
	}
	char *json = dx_result_json(f->m, r);
	size_t shown = 0;
	for (const char *p = json; (p = strstr(p, "\"system\":")); p++)
		shown++;
	assert_int_equal(shown, f->m->top);
	g_free(json);
}

/* ---- errors --------------------------------------------------------------- */

static void test_model_weights_must_sum_to_one(void **state)
{
	(void)state;
	char *path = tu_fixture("diagnose/bad-weights.yaml");
	diag_list *d = diag_new();
	assert_null(dx_model_load(path, d));
	/* the field's entry starts on line 3 */
	assert_diag(d, DIAG_ERROR, "diagnose/bad-weights.yaml", 3, -1, "weights of a sum to 0.900, not 1");
	diag_free(d);
	g_free(path);

	path = tu_fixture("diagnose/bad-field-weights.yaml");
	d = diag_new();
	assert_null(dx_model_load(path, d));
	assert_diag(d, DIAG_ERROR, "diagnose/bad-field-weights.yaml", 3, -1,
	            "weights of the fields sum to 0.900, not 1");
	diag_free(d);
	g_free(path);
}

static void test_model_unknown_references(void **state)
{
	(void)state;
	char *path = tu_fixture("diagnose/bad-references.yaml");
	diag_list *d = diag_new();
	assert_null(dx_model_load(path, d));
	assert_diag(d, DIAG_ERROR, "bad-references.yaml", 11, 20, "bad normalisation bounds");
	assert_diag(d, DIAG_ERROR, "bad-references.yaml", 20, -1, "unknown indicator 'nope'");
	assert_diag(d, DIAG_ERROR, "bad-references.yaml", 22, -1, "requirement 'thing' names unknown indicator");
	assert_diag(d, DIAG_ERROR, "bad-references.yaml", 24, -1, "'has' names unknown indicator 'not_there'");
	diag_free(d);
	g_free(path);
}

static void test_unknown_indicator(void **state)
{
	fixture *f = *state;
	static const char *const extra[] = {"+gdp_growth=3", NULL};
	assert_null(evaluate(f, "[]", extra));
	/* "  gdp_growth: 3" on line 8, its key at column 3 */
	assert_diag(f->ed, DIAG_ERROR, "diagnostics/t.en.md", 8, 3, "unknown indicator 'gdp_growth'");
}

static void test_value_out_of_range(void **state)
{
	fixture *f = *state;
	static const char *const high[] = {"adult_literacy=101", NULL};
	assert_null(evaluate(f, "[]", high));
	/* "  adult_literacy: 101" on line 9, the value at column 19 */
	assert_diag(f->ed, DIAG_ERROR, "diagnostics/t.en.md", 9, 19,
	            "value of 'adult_literacy' is out of range: '101'");
	assert_int_equal(f->ed->errors, 1);

	static const char *const negative[] = {"gdp_per_capita=-5", NULL};
	assert_null(evaluate(f, "[]", negative));
	assert_diag(f->ed, DIAG_ERROR, "diagnostics/t.en.md", 8, 19, "out of range: '-5'");

	static const char *const yn[] = {"inst_cio=2", "svc_open_data=maybe", NULL};
	assert_null(evaluate(f, "[]", yn));
	assert_diag(f->ed, DIAG_ERROR, NULL, -1, -1, "value of 'inst_cio' is out of range: '2'");
	assert_diag(f->ed, DIAG_ERROR, NULL, -1, -1, "value of 'svc_open_data' is out of range: 'maybe'");

	/* "yes" is a yes/no word, not a number */
	static const char *const word[] = {"internet_users=yes", NULL};
	assert_null(evaluate(f, "[]", word));
	assert_diag(f->ed, DIAG_ERROR, NULL, -1, -1, "value of 'internet_users' is out of range: 'yes'");
}

static void test_missing_indicator(void **state)
{
	fixture *f = *state;
	static const char *const gone[] = {"e_life=", "inst_cio=", NULL};
	assert_null(evaluate(f, "[]", gone));
	assert_diag(f->ed, DIAG_ERROR, "diagnostics/t.en.md", -1, -1, "missing indicator 'e_life'");
	assert_diag(f->ed, DIAG_ERROR, "diagnostics/t.en.md", -1, -1, "missing indicator 'inst_cio'");
	assert_int_equal(f->ed->errors, 2);
}

/* ---- the public API --------------------------------------------------------- */

static void test_api_result_stage(void **state)
{
	fixture *f = *state;
	dx_result *r = evaluate_ok(f, "[]", no_open_data);
	assert_string_equal(dx_result_stage(r), "joined-up");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_maputo_scores),
		cmocka_unit_test(test_clamping_at_caps),
		cmocka_unit_test(test_log_below_minimum),
		cmocka_unit_test(test_yes_no_words),
		cmocka_unit_test(test_stage_needs_its_conditions),
		cmocka_unit_test(test_stages_in_order),
		cmocka_unit_test(test_stage_at_exact_minimum),
		cmocka_unit_test(test_recommend_maputo),
		cmocka_unit_test(test_recommend_addis_ababa),
		cmocka_unit_test(test_recommend_nothing_without_problems),
		cmocka_unit_test(test_recommend_ties_and_top),
		cmocka_unit_test(test_model_weights_must_sum_to_one),
		cmocka_unit_test(test_model_unknown_references),
		cmocka_unit_test(test_unknown_indicator),
		cmocka_unit_test(test_value_out_of_range),
		cmocka_unit_test(test_missing_indicator),
		cmocka_unit_test(test_api_result_stage),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
