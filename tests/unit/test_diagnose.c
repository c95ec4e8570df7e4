/* test_diagnose: the city self-diagnosis scorer (diagnose.c, diagnose_model.c)
 * against expectations computed by hand from model.yaml's formulas: field
 * scores and the index, normalisation and its caps, LOSI's share scoring,
 * the ranking of systems, and the errors a model or a diagnosis gets, at
 * their positions. Stages, the schema check and the Seoul reference are in
 * test_diagnose_stages.c. */
#include "dxtest.h"

/* ---- normalisation -------------------------------------------------------- */

static void test_normalise(void **state)
{
	(void)state;
	dx_indicator lin = {.method = DX_LINEAR, .nmin = 0, .nmax = 120};
	assert_near(dx_normalise(&lin, 45), 0.375, 1e-12);
	assert_near(dx_normalise(&lin, 120), 1.0, 0);
	assert_near(dx_normalise(&lin, 400), 1.0, 0); /* capped at this model's 120 */
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
 *   economy        100·ln(600/300)/ln(30000/300)                    = 15.05
 *   society        100·(0.5·60/100 + 0.5·55/100)                     = 57.5
 *   infrastructure 100·0.25·(10/100 + 45/120 + 5/120 + 0.5/120)       = 13.02
 *   systems        100·(0.25·1/3 + 0.25·1/3)                         = 16.67
 *   institutions   100·(0.2 + 0.2) (strategy, IT staff)              = 40
 *   practice       0 (no linked back office, publishing or data use)
 *   services       100·2/86 (contacts and news on the portal)        = 2.33
 *   index          0.10·15.05 + 0.10·57.5 + 0.20·13.02 + 0.15·16.67
 *                  + 0.10·40 + 0.20·0 + 0.15·2.33                    = 16.71 */
static void test_maputo_scores(void **state)
{
	fixture *f = *state;
	dx_result *r = evaluate_ok(f, "[waste, complaints]", NULL);
	double economy = 100.0 * log(600.0 / 300.0) / log(30000.0 / 300.0);
	double infra = 25.0 * (0.1 + 45.0 / 120 + 5.0 / 120 + 0.5 / 120);
	assert_near(field(f, r, "economy"), economy, 1e-9);
	assert_near(field(f, r, "society"), 57.5, 1e-9);
	assert_near(field(f, r, "infrastructure"), infra, 1e-9);
	assert_near(field(f, r, "infrastructure"), 13.02, 0.005);
	assert_near(field(f, r, "systems"), 100.0 / 6, 1e-9);
	assert_near(field(f, r, "institutions"), 40.0, 1e-9);
	assert_near(field(f, r, "practice"), 0.0, 0);
	assert_near(field(f, r, "services"), 200.0 / 86, 1e-9);
	assert_near(r->index, 0.1 * economy + 5.75 + 0.2 * infra + 2.5 + 4.0 + 0.15 * 200.0 / 86,
	            1e-9);
	assert_near(dx_result_index(r), 16.71, 0.005);
	assert_string_equal(stage(f, r), "e-gov");
	char *json = dx_result_json(f->m, r);
	assert_string_equal(json, "{\"index\":16.7,\"stage\":\"e-gov\",\"fields\":{\"economy\":15.1,"
	                          "\"society\":57.5,\"infrastructure\":13.0,\"systems\":16.7,"
	                          "\"institutions\":40.0,\"practice\":0.0,\"services\":2.3},"
	                          "\"criteria\":{\"services\":{\"total\":0.0233,\"institutional\":0.0000,"
	                          "\"content\":0.0800,\"services\":0.0000,\"participation\":0.0000,"
	                          "\"technology\":0.0000}},\"recommend\":["
	                          "{\"system\":\"civil-complaints\",\"priority\":0.875},"
	                          "{\"system\":\"smart-complaint-app\",\"priority\":0.688},"
	                          "{\"system\":\"dasan-120\",\"priority\":0.562}]}");
	g_free(json);
}

/* LOSI's structure: 86 items in five criteria of 8, 25, 18, 17 and 18, each
 * item the same weight, the score present / total overall and per
 * criterion. */
static void test_losi_structure(void **state)
{
	fixture *f = *state;
	static const struct { const char *id; size_t size; } want[] = {
		{"institutional", 8}, {"content", 25}, {"services", 18}, {"participation", 17},
		{"technology", 18}};
	assert_int_equal(f->m->ngroups, G_N_ELEMENTS(want));
	const dx_field *svc = NULL;
	for (size_t i = 0; i < f->m->nfields; i++)
		if (f->m->fields[i].share)
			svc = &f->m->fields[i];
	assert_non_null(svc);
	assert_string_equal(svc->id, "services");
	assert_int_equal(svc->count, 86);
	for (size_t g = 0; g < G_N_ELEMENTS(want); g++) {
		assert_string_equal(f->m->groups[g].id, want[g].id);
		assert_int_equal(f->m->groups[g].size, want[g].size);
		size_t n = 0;
		for (size_t k = svc->first; k < svc->first + svc->count; k++) {
			n += f->m->ind[k].group == (int)g;
			assert_string_equal(f->m->ind[k].source, "losi");
			assert_near(f->m->ind[k].weight, 1.0 / 86, 1e-15);
		}
		assert_int_equal(n, want[g].size);
	}
	/* The contact center is a phone line: not LOSI's, which looks at
	 * websites only. */
	assert_string_equal(f->m->ind[dx_indicator_index(f->m, "svc_contact_center")].source, "model");
	/* Three of the eight institutional items: 3/8 there, 3/86 overall. */
	static const char *const three[] = {"if_strategy=yes", "if_privacy_law=yes",
	                                    "if_open_data_policy=yes", "ct_contact=no", "ct_news=no", NULL};
	dx_result *r = evaluate_ok(f, "[]", three);
	assert_near(r->group[0], 3.0 / 8, 0);
	assert_near(r->group[1], 0.0, 0);
	assert_near(field(f, r, "services"), 300.0 / 86, 1e-12);
}

/* Values beyond the normalisation caps score 100, not more. */
static void test_clamping_at_caps(void **state)
{
	fixture *f = *state;
	GPtrArray *top = g_ptr_array_new_with_free_func(g_free);
	static const char *const numbers[] = {
		"gdp_per_capita=200000", "adult_literacy=100", "school_enrolment=150",
		"internet_users=100", "mobile_subscriptions=400", "mobile_broadband=400",
		"fixed_broadband=400", "e_admin=3", "e_life=3", "e_industry=3", "e_infra=3"};
	for (size_t i = 0; i < G_N_ELEMENTS(numbers); i++)
		g_ptr_array_add(top, g_strdup(numbers[i]));
	for (size_t k = 0; k < f->m->nind; k++)
		if (f->m->ind[k].method == DX_YESNO)
			g_ptr_array_add(top, g_strconcat(f->m->ind[k].id, "=yes", NULL));
	g_ptr_array_add(top, NULL);
	dx_result *r = evaluate_ok(f, "[]", (const char *const *)top->pdata);
	g_ptr_array_free(top, TRUE);
	for (size_t i = 0; i < f->m->nfields; i++)
		assert_near(r->field[i], 100.0, 1e-9);
	assert_near(r->index, 100.0, 1e-9);
	assert_string_equal(stage(f, r), "smart");
	/* Just past each cap is the same as at it; the four ITU indicators
	 * weigh the same (the EGDI's telecom index is a plain mean). */
	static const char *const caps[] = {"mobile_subscriptions=120", "mobile_broadband=121",
	                                   "fixed_broadband=120", "school_enrolment=100",
	                                   "internet_users=100", NULL};
	dx_result *at = evaluate_ok(f, "[]", caps);
	assert_near(field(f, at, "society"), 100.0 * (0.5 * 0.6 + 0.5), 1e-9);
	assert_near(field(f, at, "infrastructure"), 100.0, 1e-9);
	static const char *const one[] = {"internet_users=0", "mobile_subscriptions=120", NULL};
	assert_near(field(f, evaluate_ok(f, "[]", one), "infrastructure"),
	            25.0 * (1.0 + 5.0 / 120 + 0.5 / 120), 1e-9);
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
	                                    "ct_contact=false", "ct_news=0", NULL};
	dx_result *r = evaluate_ok(f, "[]", words);
	assert_near(field(f, r, "services"), 200.0 / 86, 1e-12);
	assert_near(field(f, r, "practice"), 10.0, 1e-9);
	assert_near(field(f, r, "institutions"), 60.0, 1e-9);
	static const char *const same[] = {"svc_complaints_online=yes", "svc_status_tracking=yes",
	                                   "svc_contact_center=yes", "inst_cio=yes", "ct_contact=no",
	                                   "ct_news=no", NULL};
	double index = r->index;
	assert_near(evaluate_ok(f, "[]", same)->index, index, 0);
}

/* ---- recommendations ------------------------------------------------------ */

static const dx_rec *rec(const dx_result *r, const char *slug)
{
	for (size_t i = 0; i < r->nrecs; i++)
		if (!strcmp(r->recs[i].slug, slug))
			return &r->recs[i];
	fail_msg("no recommendation %s", slug);
	return NULL;
}

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

/* Addis Ababa states paper administration. The order the rules give:
 *   e-approval   need 1 + 0.5·1/1 = 1.5, gap 1 (no electronic approval),
 *                readiness 0.5/4 (e-document law, Internet and data center
 *                missing, staff training unassessed):
 *                1.5 × (0.5 + 0.5·0.125) = 0.844
 *   cio          answers paper administration and information access:
 *                need 1 + 0.5·1/2 = 1.25, readiness 0 (its mandate, IT
 *                staff and a data center all missing), and the data center
 *                needs the CIO mandate it provides: 1.25 × 0.5 × 1.25 = 0.781
 *   data-center  need 1.25, readiness 0: 1.25 × 0.5 = 0.625
 * Mobile office answers no problem of the catalogue (it only makes sense
 * once work inside the office is electronic): need 0, not ranked. Before
 * its tag was fixed it came second, and e-approval got a foundation bonus
 * for it. */
static void test_recommend_addis_ababa(void **state)
{
	fixture *f = *state;
	static const char *const addis[] = {
		"gdp_per_capita=700", "adult_literacy=52", "school_enrolment=60", "internet_users=15",
		"mobile_subscriptions=40", "mobile_broadband=8", "e_admin=0", "e_life=1",
		"inst_it_staff=no", "ct_news=no", NULL};
	dx_result *r = evaluate_ok(f, "[paper-administration]", addis);
	assert_string_equal(dx_result_system(r, 0), "e-approval");
	assert_string_equal(dx_result_system(r, 1), "cio");
	assert_string_equal(dx_result_system(r, 2), "data-center");
	assert_null(dx_result_system(r, 3));
	const dx_rec *ea = rec(r, "e-approval");
	assert_int_equal(ea->provides_to, 0);
	assert_near(ea->priority, 1.5 * 1.0 * (0.5 + 0.5 * 0.125), 1e-12);
	const dx_rec *cio = rec(r, "cio");
	assert_near(cio->readiness, 0.0, 0);
	assert_int_equal(cio->provides_to, 1);
	assert_near(cio->priority, 1.25 * 0.5 * 1.25, 1e-12);
	assert_near(rec(r, "data-center")->priority, 1.25 * 0.5, 1e-12);
	const dx_rec *mo = rec(r, "mobile-office");
	assert_near(mo->need, 0.0, 0);
	assert_near(mo->priority, 0.0, 0);
	char *json = dx_result_json(f->m, r);
	assert_true(g_str_has_suffix(json, "\"recommend\":["
	                                   "{\"system\":\"e-approval\",\"priority\":0.844},"
	                                   "{\"system\":\"cio\",\"priority\":0.781},"
	                                   "{\"system\":\"data-center\",\"priority\":0.625}]}"));
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
	assert_int_equal(d->errors, 1);
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
	assert_diag(d, DIAG_ERROR, "bad-references.yaml", 12, 20, "bad normalisation bounds");
	assert_diag(d, DIAG_ERROR, "bad-references.yaml", 22, -1, "unknown indicator 'nope'");
	assert_diag(d, DIAG_ERROR, "bad-references.yaml", 24, -1, "requirement 'thing' names unknown indicator");
	assert_diag(d, DIAG_ERROR, "bad-references.yaml", 26, -1, "'has' names unknown indicator 'not_there'");
	assert_int_equal(d->errors, 4); /* and nothing else: the schema check is quiet */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_maputo_scores),
		cmocka_unit_test(test_losi_structure),
		cmocka_unit_test(test_clamping_at_caps),
		cmocka_unit_test(test_log_below_minimum),
		cmocka_unit_test(test_yes_no_words),
		cmocka_unit_test(test_recommend_maputo),
		cmocka_unit_test(test_recommend_addis_ababa),
		cmocka_unit_test(test_recommend_nothing_without_problems),
		cmocka_unit_test(test_recommend_ties_and_top),
		cmocka_unit_test(test_model_weights_must_sum_to_one),
		cmocka_unit_test(test_model_unknown_references),
		cmocka_unit_test(test_unknown_indicator),
		cmocka_unit_test(test_value_out_of_range),
		cmocka_unit_test(test_missing_indicator),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
