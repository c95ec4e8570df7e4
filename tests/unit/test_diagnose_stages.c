/* test_diagnose_stages: what the diagnosis model stands on. Each stage of
 * Seoul's path at its boundaries (the index at its minimum and just under,
 * each condition of what the stage means, each infrastructure floor at and
 * just under it); the schema check of model.yaml (the comma bug it exists
 * for); and the Seoul reference: the model reproduces Seoul's published
 * LOSI 2022 values from the published counts. */
#include "dxtest.h"

/* ---- cities on the ladder --------------------------------------------------- */

/* A city that meets every condition and floor up to Joined-up Gov, with an
 * index before economy between 25 and 35 (see at_index). */
static const char *const joined_up[] = {
	"adult_literacy=70", "school_enrolment=60", "internet_users=20", "mobile_subscriptions=60",
	"mobile_broadband=10", "fixed_broadband=2", "e_admin=2", "e_life=1", "e_industry=0",
	"e_infra=1", "inst_strategy=yes", "inst_cio=yes", "inst_e_document_law=yes",
	"inst_it_staff=no", "bo_shared_data=yes", "bo_e_approval=yes", NULL};

/* ... up to Open Gov, index before economy between 40 and 50. */
static const char *const open_gov[] = {
	"adult_literacy=90", "school_enrolment=85", "internet_users=40", "mobile_subscriptions=100",
	"mobile_broadband=40", "fixed_broadband=10", "e_admin=1", "e_life=1", "e_industry=1",
	"e_infra=1", "inst_strategy=yes", "inst_cio=yes", "inst_e_document_law=yes",
	"inst_data_protection=yes", "inst_it_staff=no", "bo_shared_data=yes", "bo_e_approval=yes",
	"op_publishing=yes", "op_participation=yes", NULL};

/* ... up to Smart Gov, index before economy between 55 and 65. */
static const char *const smart_gov[] = {
	"adult_literacy=95", "school_enrolment=90", "internet_users=60", "mobile_subscriptions=110",
	"mobile_broadband=50", "fixed_broadband=20", "e_admin=2", "e_life=2", "e_industry=2",
	"e_infra=2", "inst_strategy=yes", "inst_cio=yes", "inst_e_document_law=yes",
	"inst_data_protection=yes", "inst_it_staff=yes", "bo_shared_data=yes", "bo_e_approval=yes",
	"op_publishing=yes", "op_participation=yes", "sm_data_use=yes", "sm_anticipatory=yes", NULL};

/* The overrides of base, then the first nlosi LOSI items "yes" (the rest
 * "no"), then extra: later entries win. */
static GPtrArray *city(const fixture *f, const char *const *base, size_t nlosi,
                       const char *extra)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; base[i]; i++)
		g_ptr_array_add(a, g_strdup(base[i]));
	size_t n = 0;
	for (size_t k = 0; k < f->m->nind; k++)
		if (f->m->fields[f->m->ind[k].field].share)
			g_ptr_array_add(a, g_strconcat(f->m->ind[k].id, n++ < nlosi ? "=yes" : "=no", NULL));
	if (extra)
		g_ptr_array_add(a, g_strdup(extra));
	return a;
}

/* Scores the city with the GDP that puts its index at target × factor's
 * worth: economy (weight 0.10, log from 300 to 30000 US$) fills the gap
 * between the index without it and the target, so a test can sit exactly
 * at a stage's minimum, or just under it (factor < 1). The city's other
 * values must leave a gap of 0 to 10 points. Returns the stage reached. */
static const char *at_index(fixture *f, GPtrArray *over, double target, double factor)
{
	g_ptr_array_add(over, g_strdup("gdp_per_capita=300"));
	g_ptr_array_add(over, NULL);
	double base = evaluate_ok(f, "[]", (const char *const *)over->pdata)->index;
	g_ptr_array_remove_index(over, over->len - 1);
	g_ptr_array_remove_index(over, over->len - 1);
	if (!(base < target && base > target - 10))
		fail_msg("index without economy %.3f is not within 10 points under %g", base, target);
	double gdp = 300.0 * pow(100.0, (target - base) / 10.0) * factor;
	char buf[64];
	g_ascii_formatd(buf, sizeof buf, "%.17g", gdp);
	g_ptr_array_add(over, g_strconcat("gdp_per_capita=", buf, NULL));
	g_ptr_array_add(over, NULL);
	dx_result *r = evaluate_ok(f, "[]", (const char *const *)over->pdata);
	g_ptr_array_free(over, TRUE);
	if (factor == 1.0)
		assert_near(r->index, target, 1e-9);
	else
		assert_true(r->index < target);
	return stage(f, r);
}

/* ---- stages ----------------------------------------------------------------- */

/* Joined-up Gov means a linked back office: departments share data and
 * approve electronically, with at least 20 % of people online. A call
 * center or online complaints (front office) are not enough. */
static void test_joined_up_boundaries(void **state)
{
	fixture *f = *state;
	assert_string_equal(at_index(f, city(f, joined_up, 20, NULL), 35, 1.0), "joined-up");
	assert_string_equal(at_index(f, city(f, joined_up, 20, NULL), 35, 0.999), "e-gov");
	assert_string_equal(at_index(f, city(f, joined_up, 20, "bo_shared_data=no"), 35, 1.0), "e-gov");
	assert_string_equal(at_index(f, city(f, joined_up, 20, "bo_e_approval=no"), 35, 1.0), "e-gov");
	assert_string_equal(at_index(f, city(f, joined_up, 20, "internet_users=19.9"), 35, 1.0), "e-gov");
	/* front office alone */
	GPtrArray *front = city(f, joined_up, 20, "bo_shared_data=no");
	g_ptr_array_add(front, g_strdup("bo_e_approval=no"));
	g_ptr_array_add(front, g_strdup("svc_contact_center=yes"));
	g_ptr_array_add(front, g_strdup("svc_complaints_online=yes"));
	assert_string_equal(at_index(f, front, 35, 1.0), "e-gov");
}

/* Open Gov means publishing and participation: the city publishes its
 * records and citizens' online votes count; at least 40 % of people
 * online. */
static void test_open_boundaries(void **state)
{
	fixture *f = *state;
	assert_string_equal(at_index(f, city(f, open_gov, 30, NULL), 50, 1.0), "open");
	assert_string_equal(at_index(f, city(f, open_gov, 30, NULL), 50, 0.999), "joined-up");
	assert_string_equal(at_index(f, city(f, open_gov, 30, "op_publishing=no"), 50, 1.0), "joined-up");
	assert_string_equal(at_index(f, city(f, open_gov, 30, "op_participation=no"), 50, 1.0), "joined-up");
	assert_string_equal(at_index(f, city(f, open_gov, 30, "internet_users=39.9"), 50, 1.0), "joined-up");
	/* LOSI's open data item is not the stage's condition: publishing is. */
	assert_string_equal(at_index(f, city(f, open_gov, 30, "svc_open_data=yes"), 50, 1.0), "open");
}

/* Smart Gov means data use and services that anticipate needs, with at
 * least 60 % online and 50 mobile-broadband subscriptions per 100. */
static void test_smart_boundaries(void **state)
{
	fixture *f = *state;
	assert_string_equal(at_index(f, city(f, smart_gov, 40, NULL), 65, 1.0), "smart");
	assert_string_equal(at_index(f, city(f, smart_gov, 40, NULL), 65, 0.999), "open");
	assert_string_equal(at_index(f, city(f, smart_gov, 40, "sm_data_use=no"), 65, 1.0), "open");
	assert_string_equal(at_index(f, city(f, smart_gov, 40, "sm_anticipatory=no"), 65, 1.0), "open");
	assert_string_equal(at_index(f, city(f, smart_gov, 40, "internet_users=59.9"), 65, 1.0), "open");
	assert_string_equal(at_index(f, city(f, smart_gov, 40, "mobile_broadband=49.9"), 65, 1.0), "open");
}

/* Stages are climbed in order: a city with everything Smart asks but no
 * linked back office is not past e-Gov, whatever its index. And a city
 * with 10 % online and every service ticked stays at e-Gov. */
static void test_stages_in_order_and_floors(void **state)
{
	fixture *f = *state;
	GPtrArray *skip = city(f, smart_gov, 86, "bo_shared_data=no");
	g_ptr_array_add(skip, g_strdup("gdp_per_capita=30000"));
	g_ptr_array_add(skip, NULL);
	dx_result *r = evaluate_ok(f, "[]", (const char *const *)skip->pdata);
	g_ptr_array_free(skip, TRUE);
	assert_true(r->index >= 65);
	assert_string_equal(stage(f, r), "e-gov");

	GPtrArray *ticked = city(f, smart_gov, 86, "internet_users=10");
	g_ptr_array_add(ticked, g_strdup("gdp_per_capita=30000"));
	g_ptr_array_add(ticked, NULL);
	r = evaluate_ok(f, "[]", (const char *const *)ticked->pdata);
	g_ptr_array_free(ticked, TRUE);
	assert_true(r->index >= 65);
	assert_string_equal(stage(f, r), "e-gov");
	assert_string_equal(dx_result_stage(r), "e-gov");
}

/* Every threshold above e-Gov comes from no published source, and says so. */
static void test_stage_thresholds_are_labelled(void **state)
{
	fixture *f = *state;
	assert_false(f->m->stages[0].own);
	for (size_t i = 1; i < f->m->nstages; i++) {
		assert_true(f->m->stages[i].own);
		assert_true(f->m->stages[i].floor->len > 0);
		assert_true(f->m->stages[i].all->len == 2);
	}
	dx_result *r = evaluate_ok(f, "[]", NULL);
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr item = xmlNewNode(NULL, BAD_CAST "item");
	xmlDocSetRootElement(doc, item);
	i18n_set *strings = NULL;
	dx_result_xml(f->m, r, f->set, f->config, strings, "en", item);
	xmlChar *xml;
	int len;
	xmlDocDumpMemory(doc, &xml, &len);
	const char *s = (const char *)xml;
	assert_non_null(strstr(s, "<stage id=\"joined-up\" name=\"Joined-up Gov\" min=\"35\" own=\"true\">"));
	assert_non_null(strstr(s, "<condition kind=\"floor\" indicator=\"internet_users\""));
	assert_non_null(strstr(s, "<egdi country=\"Republic of Korea\" year=\"2022\" value=\"0.9529\" band=\"very-high\""));
	assert_non_null(strstr(s, "<criterion id=\"content\" name=\"Content provision\" score=\"0.0800\" present=\"2\" size=\"25\"/>"));
	xmlFree(xml);
	xmlFreeDoc(doc);
}

/* ---- the schema check ------------------------------------------------------- */

static void test_schema_catches_the_comma_bug(void **state)
{
	(void)state;
	char *path = tu_fixture("diagnose/bad-schema.yaml");
	diag_list *d = diag_new();
	assert_null(dx_model_load(path, d));
	/* {ko: 행정 내부 시스템(e-Admin, 예 전자결재) 0–3, …}: the cut-off part is a
	 * key, just after ", " (column 53 in bytes, as yamltree counts them: the
	 * Hangul before it takes three bytes a syllable) */
	assert_diag(d, DIAG_ERROR, "bad-schema.yaml", 12, 53,
	            "'예 전자결재) 0–3' in the name of 'e_admin' is not a language code");
	assert_diag(d, DIAG_ERROR, "bad-schema.yaml", 18, 9, "unknown key 'colour' in an indicator");
	assert_diag(d, DIAG_ERROR, "bad-schema.yaml", 20, 15, "'e_life' has no ko name");
	assert_diag(d, DIAG_ERROR, "bad-schema.yaml", 21, 9, "'unit' in an indicator is empty");
	assert_int_equal(d->errors, 4);
	diag_free(d);
	g_free(path);
}

/* A copy of the real model with one line changed; the errors it gets. */
static diag_list *load_changed(const char *from, const char *to)
{
	char *model = tu_fixture("diagnose/catalogue/diagnostics/model.yaml"), *text;
	assert_true(g_file_get_contents(model, &text, NULL, NULL));
	assert_non_null(strstr(text, from));
	GString *s = g_string_new(text);
	g_string_replace(s, from, to, 1);
	char *dir = g_dir_make_tmp("kitgen-dx-XXXXXX", NULL);
	char *path = g_build_filename(dir, "model.yaml", NULL);
	assert_true(g_file_set_contents(path, s->str, -1, NULL));
	diag_list *d = diag_new();
	dx_model *m = dx_model_load(path, d);
	if (d->errors)
		assert_null(m);
	dx_model_free(m);
	g_remove(path);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
	g_string_free(s, TRUE);
	g_free(text);
	g_free(model);
	return d;
}

static void test_schema_on_the_real_model(void **state)
{
	(void)state;
	/* the model as it is loads clean (setup fails otherwise); these edits
	 * do not */
	diag_list *d = load_changed("name: {ko: \"성인 문해율, 15세 이상(%)\",",
	                            "name: {ko: 성인 문해율, 15세 이상(%),");
	assert_diag(d, DIAG_ERROR, "model.yaml", -1, -1,
	            "'15세 이상(%)' in the name of 'adult_literacy' is not a language code");
	diag_free(d);
	d = load_changed("{id: institutional, size: 8,", "{id: institutional, size: 9,");
	assert_diag(d, DIAG_ERROR, "model.yaml", -1, -1, "criterion 'institutional' has 8 items, not 9");
	diag_free(d);
	d = load_changed("    min: 35\n    own: true\n", "    min: 35\n");
	assert_diag(d, DIAG_ERROR, "model.yaml", -1, -1, "stage 'joined-up': say whose threshold it is");
	diag_free(d);
	d = load_changed("source: model\n", "source: nobody\n");
	assert_diag(d, DIAG_ERROR, "model.yaml", -1, -1, "unknown source 'nobody'");
	diag_free(d);
}

/* ---- the Seoul reference ------------------------------------------------------ */

/* Seoul, LOSI 2022 (UN E-Government Survey 2022): 66 of 86 items, 0.7674;
 * services provision 7 of 18, 0.3889. The model reproduces both from the
 * counts, and refuses a reference it does not reproduce. */
static void test_seoul_reference(void **state)
{
	fixture *f = *state;
	/* A portal with 66 items: which 66 is not published; these are the
	 * first 7 services items and 59 others, only the counts matter. */
	GPtrArray *over = g_ptr_array_new_with_free_func(g_free);
	size_t in_services = 0, others = 0;
	for (size_t k = 0; k < f->m->nind; k++) {
		const dx_indicator *ind = &f->m->ind[k];
		if (!f->m->fields[ind->field].share)
			continue;
		bool svc = !strcmp(f->m->groups[ind->group].id, "services");
		bool yes = svc ? in_services++ < 7 : others++ < 59;
		g_ptr_array_add(over, g_strconcat(ind->id, yes ? "=yes" : "=no", NULL));
	}
	g_ptr_array_add(over, NULL);
	dx_result *r = evaluate_ok(f, "[]", (const char *const *)over->pdata);
	g_ptr_array_free(over, TRUE);
	char *json = dx_result_json(f->m, r);
	assert_non_null(strstr(json, "\"criteria\":{\"services\":{\"total\":0.7674,"));
	assert_non_null(strstr(json, "\"services\":0.3889,"));
	g_free(json);
	assert_near(field(f, r, "services"), 6600.0 / 86, 1e-12);

	diag_list *d = load_changed("published: {total: 0.7674,", "published: {total: 0.7700,");
	assert_diag(d, DIAG_ERROR, "model.yaml", -1, -1,
	            "reference: 66 of 86 items gives 0.7674 for 'total', published 0.7700");
	diag_free(d);
	d = load_changed("present: {total: 66, services: 7}", "present: {total: 66, services: 8}");
	assert_diag(d, DIAG_ERROR, "model.yaml", -1, -1,
	            "reference: 8 of 18 items gives 0.4444 for 'services', published 0.3889");
	diag_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_joined_up_boundaries),
		cmocka_unit_test(test_open_boundaries),
		cmocka_unit_test(test_smart_boundaries),
		cmocka_unit_test(test_stages_in_order_and_floors),
		cmocka_unit_test(test_stage_thresholds_are_labelled),
		cmocka_unit_test(test_schema_catches_the_comma_bug),
		cmocka_unit_test(test_schema_on_the_real_model),
		cmocka_unit_test(test_seoul_reference),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
