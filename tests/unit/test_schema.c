/* test_schema: front matter held to its kind's keys — required keys, value
 * types, references to other pages and to site.yaml — with every problem
 * reported where it is written. */
#include "testutil.h"
#include "load/schema.h"

typedef struct {
	char *root;
	site_config *config;
	content_set *set;
	diag_list *d;
} fixture;

/* The links fixture: fields spatial and participation, systems a and
 * other, city x, and systems/a/diagram.png. */
static int setup(void **state)
{
	fixture *f = g_new0(fixture, 1);
	f->root = tu_fixture("links");
	char *site = g_build_filename(f->root, "site.yaml", NULL);
	f->d = diag_new();
	f->config = config_load(site, f->d);
	g_free(site);
	if (!f->config)
		return -1;
	f->set = content_load(f->root, f->config, 0, NULL, f->d);
	*state = f;
	return f->d->count ? -1 : 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	content_free(f->set);
	config_free(f->config);
	diag_free(f->d);
	g_free(f->root);
	g_free(f);
	return 0;
}

/* Checks front matter text as a page of kind at relpath; returns the
 * diagnostics (owned). */
static diag_list *check(fixture *f, content_kind kind, const char *relpath,
                        const char *fm_lines)
{
	char *text = g_strdup_printf("---\n%s---\nBody.\n", fm_lines);
	diag_list *d = diag_new();
	content_item *it = tu_item(kind, f->root, relpath, text, d);
	g_free(text);
	assert_non_null(it);
	assert_no_diags(d);
	schema_check(it, f->set, f->config, d);
	tu_item_free(it);
	return d;
}

#define SYS "systems/a/index.en.md"
#define STUDY "studies/s.en.md"
/* Lines 2-4 of a valid system page; what a test adds starts on line 5. */
#define SYSTEM_BASE "title: A system\nsummary: What it does.\nfield: spatial\n"
#define STUDY_BASE "title: A study\nsummary: What it found.\ncity: x\nyear: 2013\n"

static void test_valid_pages(void **state)
{
	fixture *f = *state;
	diag_list *d = check(f, KIND_SYSTEM, SYS,
	                     SYSTEM_BASE "updated: 2013-04-15\n"
	                                 "sample: true\n"
	                                 "translation: reviewed\n"
	                                 "sources: [Seoul, 'Report, 2013']\n"
	                                 "weight: -3\n"
	                                 "launched: 2002\n"
	                                 "problems: [complaints, waste-2]\n"
	                                 "image: diagram.png\n"
	                                 "image_alt: A red rectangle\n");
	assert_no_diags(d);
	diag_free(d);

	d = check(f, KIND_STUDY, STUDY,
	          STUDY_BASE "scope: focused\nproposed: [a, other]\n");
	assert_no_diags(d);
	diag_free(d);

	d = check(f, KIND_CITY, "cities/y.en.md",
	          "title: Y\nsummary: S\ncountry: Z\nlanguage: pt\nmou: 2012\n");
	assert_no_diags(d);
	diag_free(d);

	d = check(f, KIND_KIT, "kits/k.en.md",
	          "title: K\nsummary: S\ncity: x\ndelegation: Mayor\ndate: 2012-02-29\n"
	          "systems: [a]\ncontacts: [{name: Kim, role: host, email: k@e.org}]\n");
	assert_no_diags(d);
	diag_free(d);

	d = check(f, KIND_DIAGNOSTIC, "diagnostics/g.en.md",
	          "title: G\nsummary: S\ncity: x\ndate: 2013-04-15\n"
	          "values: {broadband: 42.5, offices: 3}\n");
	assert_no_diags(d);
	diag_free(d);
}

static void test_missing_required(void **state)
{
	fixture *f = *state;
	/* the front matter's first key is on line 2, col 1 */
	diag_list *d = check(f, KIND_SYSTEM, SYS, "title: Only a title\n");
	assert_int_equal(d->errors, 2);
	assert_diag(d, DIAG_ERROR, SYS, 2, 1, "missing required key 'summary'");
	assert_diag(d, DIAG_ERROR, SYS, 2, 1, "missing required key 'field'");
	assert_null(tu_find(d, -1, NULL, -1, -1, "'title'"));
	diag_free(d);

	/* each kind has its own: a study needs a city and a year */
	d = check(f, KIND_STUDY, STUDY, "title: T\nsummary: S\n");
	assert_int_equal(d->errors, 2);
	assert_diag(d, DIAG_ERROR, STUDY, 2, 1, "'city'");
	assert_diag(d, DIAG_ERROR, STUDY, 2, 1, "'year'");
	/* the hint says what to add */
	const diag_entry *e = tu_find(d, DIAG_ERROR, NULL, -1, -1, "'year'");
	assert_non_null(e->hint);
	assert_non_null(strstr(e->hint, "year"));
	diag_free(d);
}

/* Each bad value is reported at the value: line, then the column where the
 * value starts (after "key: "). */
static void test_wrong_types(void **state)
{
	fixture *f = *state;
	diag_list *d = check(f, KIND_SYSTEM, SYS,
	                     SYSTEM_BASE "updated: 2013-13-40\n" /* 5, col 10 */
	                                 "launched: 2013-02-29\n" /* 6, col 11: not a leap year */
	                                 "sample: maybe\n"        /* 7, col 9 */
	                                 "weight: 1.5\n"          /* 8, col 9 */
	                                 "translation: final\n"   /* 9, col 14 */
	                                 "problems: waste\n"      /* 10, col 11: not a list */
	                                 "requires: [Internet]\n" /* 11, col 12: not an id */
	                                 "title_x: 1\n");         /* 12: unknown, a warning */
	assert_diag(d, DIAG_ERROR, SYS, 5, 10, "'updated'");
	assert_diag(d, DIAG_ERROR, SYS, 6, 11, "'launched'");
	assert_diag(d, DIAG_ERROR, SYS, 7, 9, "'sample'");
	assert_diag(d, DIAG_ERROR, SYS, 8, 9, "'weight'");
	assert_diag(d, DIAG_ERROR, SYS, 9, 14, "'translation'");
	assert_diag(d, DIAG_ERROR, SYS, 10, 11, "'problems'");
	assert_diag(d, DIAG_ERROR, SYS, 11, 12, "'Internet'");
	assert_int_equal(d->errors, 7);
	assert_int_equal(d->warnings, 1);
	diag_free(d);

	/* dates a calendar does not have, and dates not written YYYY-MM-DD */
	static const char *const bad_dates[] = {"2013-02-30", "2013-00-10", "2013-4-15",
	                                        "15.04.2013", "2013-04-15T10:00", "20130415"};
	for (size_t i = 0; i < G_N_ELEMENTS(bad_dates); i++) {
		char *line = g_strdup_printf(SYSTEM_BASE "updated: %s\n", bad_dates[i]);
		d = check(f, KIND_SYSTEM, SYS, line);
		assert_int_equal(d->errors, 1);
		assert_diag(d, DIAG_ERROR, SYS, 5, 10, "YYYY-MM-DD");
		diag_free(d);
		g_free(line);
	}
}

static void test_year(void **state)
{
	fixture *f = *state;
	static const char *const bad[] = {"\"13\"", "13", "'2013 '", "2013-04-15", "MMXIII"};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		char *fm = g_strdup_printf("title: T\nsummary: S\ncity: x\nyear: %s\n", bad[i]);
		diag_list *d = check(f, KIND_STUDY, STUDY, fm);
		/* the value starts at col 7 of line 5, quotes and all */
		assert_int_equal(d->errors, 1);
		assert_diag(d, DIAG_ERROR, STUDY, 5, 7, "'year'");
		diag_free(d);
		g_free(fm);
	}
	/* a quoted year is still a year */
	diag_list *d = check(f, KIND_STUDY, STUDY, "title: T\nsummary: S\ncity: x\nyear: '2013'\n");
	assert_no_diags(d);
	diag_free(d);
}

/* `menu: "true"` is the text "true" (yamltree: quoted is never a boolean),
 * and the site's menu reads it with yt_is_true, which says no. Accepting it
 * silently leaves the page out of the menu; the schema must say so. */
static void test_quoted_bool(void **state)
{
	fixture *f = *state;
	diag_list *d = check(f, KIND_PAGE, "pages/p.en.md", "title: P\nsummary: S\nmenu: \"true\"\n");
	bool reported = tu_has_diag(d, DIAG_ERROR, "pages/p.en.md", 4, 7, "'menu'");
	diag_free(d);
	assert_true(reported);
}

static void test_unknown_key(void **state)
{
	fixture *f = *state;
	diag_list *d = check(f, KIND_SYSTEM, SYS, SYSTEM_BASE "colour: red\n  \nsumary: typo\n");
	/* warnings at the keys, not errors */
	assert_int_equal(d->errors, 0);
	assert_int_equal(d->warnings, 2);
	assert_diag(d, DIAG_WARNING, SYS, 5, 1, "'colour'");
	assert_diag(d, DIAG_WARNING, SYS, 7, 1, "'sumary'");
	diag_free(d);

	/* a key of another kind is unknown here: 'city' is not a system's */
	d = check(f, KIND_SYSTEM, SYS, SYSTEM_BASE "city: x\n");
	assert_diag(d, DIAG_WARNING, SYS, 5, 1, "'city'");
	diag_free(d);
}

static void test_field_not_in_site(void **state)
{
	fixture *f = *state;
	diag_list *d = check(f, KIND_SYSTEM, SYS, "title: T\nsummary: S\nfield: weather\n");
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, SYS, 4, 8, "'weather'");
	diag_free(d);

	/* a field id in the wrong case is not the field */
	d = check(f, KIND_SYSTEM, SYS, "title: T\nsummary: S\nfield: Spatial\n");
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, SYS, 4, 8, NULL);
	diag_free(d);
}

static void test_references(void **state)
{
	fixture *f = *state;
	/* the study's city: line 4, col 7 */
	diag_list *d = check(f, KIND_STUDY, STUDY,
	                     "title: T\nsummary: S\ncity: atlantis\nyear: 2013\n");
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, STUDY, 4, 7, "'atlantis'");
	diag_free(d);

	/* 'a' names a system, not a city: kinds do not mix */
	d = check(f, KIND_STUDY, STUDY, "title: T\nsummary: S\ncity: a\nyear: 2013\n");
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, STUDY, 4, 7, "'a'");
	diag_free(d);

	/* proposed systems: each one checked, at its own place (line 6) */
	d = check(f, KIND_STUDY, STUDY, STUDY_BASE "proposed: [a, nope, other, x]\n");
	assert_int_equal(d->errors, 2);
	assert_diag(d, DIAG_ERROR, STUDY, 6, 15, "'nope'");
	/* x is a city, not a system */
	assert_diag(d, DIAG_ERROR, STUDY, 6, 28, "'x'");
	diag_free(d);

	/* a kit names its systems the same way, one per line */
	d = check(f, KIND_KIT, "kits/k.en.md",
	          "title: K\nsummary: S\ncity: x\ndelegation: D\ndate: 2013-04-15\n"
	          "systems:\n  - other\n  - ghost\n");
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, "kits/k.en.md", 9, 5, "'ghost'");
	diag_free(d);
}

static void test_image(void **state)
{
	fixture *f = *state;
	/* the picture exists beside the page; only its description is missing */
	diag_list *d = check(f, KIND_SYSTEM, SYS, SYSTEM_BASE "image: diagram.png\n");
	assert_int_equal(d->errors, 0);
	assert_int_equal(d->warnings, 1);
	assert_diag(d, DIAG_WARNING, SYS, 5, 8, "image_alt");
	diag_free(d);

	/* a picture that is not there */
	d = check(f, KIND_SYSTEM, SYS, SYSTEM_BASE "image: photo.jpg\nimage_alt: A photo\n");
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, SYS, 5, 8, "photo.jpg");
	diag_free(d);

	/* a file elsewhere in content/ is not beside the page */
	d = check(f, KIND_SYSTEM, SYS,
	          SYSTEM_BASE "image: ../other/index.en.md\nimage_alt: Other\n");
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, SYS, 5, 8, "beside");
	diag_free(d);

	/* the same name is not beside a page in another folder */
	d = check(f, KIND_SYSTEM, "systems/other/index.en.md",
	          SYSTEM_BASE "image: diagram.png\nimage_alt: x\n");
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, "systems/other/index.en.md", 5, 8, "diagram.png");
	diag_free(d);
}

static void test_empty_values(void **state)
{
	fixture *f = *state;
	/* "title:" with nothing after it is no title */
	diag_list *d = check(f, KIND_SYSTEM, SYS, "title:\nsummary: \"\"\nfield: spatial\n");
	assert_int_equal(d->errors, 2);
	assert_diag(d, DIAG_ERROR, SYS, 2, -1, "'title'");
	assert_diag(d, DIAG_ERROR, SYS, 3, 10, "'summary'");
	diag_free(d);

	/* a map where a single value belongs */
	d = check(f, KIND_SYSTEM, SYS, "title: {en: T}\nsummary: S\nfield: spatial\n");
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, SYS, 2, 8, "'title'");
	diag_free(d);
}

static void test_scaffold(void **state)
{
	fixture *f = *state;
	/* what `kitgen new` writes must parse and name every required key */
	for (int k = 0; k < KIND_COUNT; k++) {
		char *text = schema_scaffold((content_kind)k, "new-page", "en");
		diag_list *d = diag_new();
		content_item *it = tu_item((content_kind)k, f->root, "x/new-page.en.md", text, d);
		assert_non_null(it);
		assert_no_diags(d);
		for (const schema_key *p = schema_keys((content_kind)k); p->key; p++)
			if (p->required)
				assert_non_null(yt_get(it->fm, p->key));
		assert_string_equal(yt_str(it->fm, "title"), "new-page");
		tu_item_free(it);
		diag_free(d);
		g_free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_valid_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_required, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_types, setup, teardown),
		cmocka_unit_test_setup_teardown(test_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quoted_bool, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_field_not_in_site, setup, teardown),
		cmocka_unit_test_setup_teardown(test_references, setup, teardown),
		cmocka_unit_test_setup_teardown(test_image, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scaffold, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
