/* test_i18n: dates and sorting as each locale writes them (ICU), and UI
 * strings that fall back along the reader's language chain. */
#include <stdlib.h>
#include <time.h>
#include "testutil.h"
#include "load/i18n.h"

static void expect_date(const char *lang, const char *iso, const char *want)
{
	char *got = i18n_format_date(lang, iso);
	assert_non_null(got);
	if (strcmp(got, want))
		print_error("i18n_format_date(%s, %s)\n", lang, iso);
	assert_string_equal(got, want);
	g_free(got);
}

/* The long date forms of CLDR:
 * - Korean writes year 년, month 월, day 일, with spaces: 2013년 4월 15일.
 * - "en" is CLDR's American English (en_US is its default region): month
 *   first, "April 15, 2013". British readers would want en-GB (day
 *   first); a site that wants that can name its language en-GB.
 * - Portuguese: "15 de abril de 2013", month in lower case.
 * - German puts a full stop after the day: "15. April 2013". */
static void test_format_date(void **state)
{
	(void)state;
	expect_date("ko", "2013-04-15", "2013년 4월 15일");
	expect_date("en", "2013-04-15", "April 15, 2013");
	expect_date("pt", "2013-04-15", "15 de abril de 2013");
	expect_date("en-GB", "2013-04-15", "15 April 2013");
	expect_date("de", "2013-04-15", "15. April 2013");
}

/* The day is the day written, whatever the machine's time zone: a date
 * has no time, and midnight UTC is the previous evening in America. */
static void test_format_date_time_zone(void **state)
{
	(void)state;
	const char *saved = g_getenv("TZ");
	char *old = g_strdup(saved);
	static const char *const zones[] = {"Pacific/Kiritimati", "Pacific/Pago_Pago",
	                                    "America/Los_Angeles", "Asia/Seoul"};
	for (size_t i = 0; i < G_N_ELEMENTS(zones); i++) {
		g_setenv("TZ", zones[i], TRUE);
		tzset();
		expect_date("en", "2013-01-01", "January 1, 2013");
		expect_date("en", "2012-12-31", "December 31, 2012");
		expect_date("ko", "2013-01-01", "2013년 1월 1일");
	}
	if (old)
		g_setenv("TZ", old, TRUE);
	else
		g_unsetenv("TZ");
	tzset();
	g_free(old);
}

/* What is not a full date stays as written: a year alone (ST_DATE_YEAR),
 * or something the schema would have rejected. */
static void test_format_date_passthrough(void **state)
{
	(void)state;
	expect_date("ko", "2013", "2013");
	expect_date("en", "2013-02-30", "2013-02-30");
	expect_date("en", "2013-13-01", "2013-13-01");
	expect_date("en", "", "");
	char *n = i18n_format_date("en", NULL);
	assert_null(n);
}

static void test_collate(void **state)
{
	(void)state;
	/* Hangul in dictionary order: 가 before 나 before 다 */
	assert_true(i18n_collate("ko", "가", "나") < 0);
	assert_true(i18n_collate("ko", "나", "가") > 0);
	assert_true(i18n_collate("ko", "다", "나") > 0);
	assert_int_equal(i18n_collate("ko", "서울", "서울"), 0);
	/* not byte order: "apple" before "Banana" in English, though 'B' < 'a' */
	assert_true(strcmp("apple", "Banana") > 0);
	assert_true(i18n_collate("en", "apple", "Banana") < 0);
	/* the language matters: Swedish puts ö after z, German with o */
	assert_true(i18n_collate("sv", "ö", "z") > 0);
	assert_true(i18n_collate("de", "ö", "z") < 0);
	/* the same language again (the cached collator) gives the same answer */
	assert_true(i18n_collate("sv", "ö", "z") > 0);
}

/* --- UI strings ------------------------------------------------------- */

typedef struct {
	site_config *config;
	i18n_set *strings;
	diag_list *d;
} fixture;

/* The catalogue's languages: ko (default), en, mn → [ru, en], ru → [en],
 * de; and strings for ko, en, ru and de (fixtures/i18n), none for mn. */
static int setup(void **state)
{
	fixture *f = g_new0(fixture, 1);
	char *root = tu_fixture("catalogue");
	char *site = g_build_filename(root, "site.yaml", NULL);
	char *dir = tu_fixture("i18n");
	f->d = diag_new();
	f->config = config_load(site, f->d);
	if (f->config)
		f->strings = i18n_load(dir, f->config, f->d);
	g_free(dir);
	g_free(site);
	g_free(root);
	*state = f;
	return f->strings ? 0 : -1;
}

static int teardown(void **state)
{
	fixture *f = *state;
	i18n_free(f->strings);
	config_free(f->config);
	diag_free(f->d);
	g_free(f);
	return 0;
}

static void test_load(void **state)
{
	fixture *f = *state;
	/* mn has no file: a warning naming it, not an error; a language with
	 * a file that lacks some strings: a warning counting them */
	assert_int_equal(f->d->errors, 0);
	assert_diag(f->d, DIAG_WARNING, "mn.yaml", -1, -1, "no UI strings for language 'mn'");
	assert_diag(f->d, DIAG_WARNING, "ru.yaml", -1, -1, "2 UI strings missing in 'ru'");
}

static void test_get(void **state)
{
	fixture *f = *state;
	const i18n_set *s = f->strings;
	/* nested keys are dotted */
	assert_string_equal(i18n_get(s, "ko", "nav.home"), "홈");
	assert_string_equal(i18n_get(s, "en", "nav.home"), "Home");
	assert_string_equal(i18n_get(s, "ru", "nav.home"), "Главная");
	/* mn has no strings: its first fallback, ru, has the key */
	assert_string_equal(i18n_get(s, "mn", "nav.home"), "Главная");
	/* ru lacks nav.about: mn → ru → en */
	assert_string_equal(i18n_get(s, "mn", "nav.about"), "About");
	assert_string_equal(i18n_get(s, "ru", "nav.about"), "About");
	assert_string_equal(i18n_get(s, "ru", "footer"), "Made in Seoul");
	/* a key nobody has is shown as itself, so the gap is visible */
	assert_string_equal(i18n_get(s, "mn", "no.such.key"), "no.such.key");
	assert_string_equal(i18n_get(s, "ko", "no.such.key"), "no.such.key");
	/* a parent of nested keys is not a string */
	assert_string_equal(i18n_get(s, "en", "nav"), "nav");
}

static void test_missing(void **state)
{
	fixture *f = *state;
	GPtrArray *m = i18n_missing(f->strings, "ru");
	/* ru has only nav.home of nav.about, nav.home and footer */
	assert_int_equal(m->len, 2);
	bool about = false, footer = false;
	for (guint i = 0; i < m->len; i++) {
		about |= !strcmp(m->pdata[i], "nav.about");
		footer |= !strcmp(m->pdata[i], "footer");
	}
	assert_true(about && footer);
	g_ptr_array_free(m, TRUE);
	m = i18n_missing(f->strings, "ko");
	assert_int_equal(m->len, 0);
	g_ptr_array_free(m, TRUE);
	/* mn has nothing of its own */
	m = i18n_missing(f->strings, "mn");
	assert_int_equal(m->len, 3);
	g_ptr_array_free(m, TRUE);
}

static void test_add_strings(void **state)
{
	fixture *f = *state;
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "strings", NULL);
	xmlDocSetRootElement(doc, root);
	i18n_add_strings(f->strings, "mn", root);
	/* every key once, in the reader's language or its fallback */
	int n = 0;
	bool home = false;
	for (xmlNodePtr c = root->children; c; c = c->next, n++) {
		xmlChar *k = xmlGetProp(c, BAD_CAST "k");
		xmlChar *t = xmlNodeGetContent(c);
		if (!xmlStrcmp(k, BAD_CAST "nav.home"))
			home = !xmlStrcmp(t, BAD_CAST "Главная");
		xmlFree(k);
		xmlFree(t);
	}
	assert_int_equal(n, 3);
	assert_true(home);
	xmlFreeDoc(doc);
}

/* A malformed strings file is an error at its place. */
static void test_load_malformed(void **state)
{
	fixture *f = *state;
	char *dir = tu_tmpdir();
	char *p1 = tu_write(dir, "en.yaml", "nav:\n  home: [Home\n", -1);
	char *p2 = tu_write(dir, "ko.yaml", "nav:\n  home: [홈, 집]\n", -1);
	diag_list *d = diag_new();
	i18n_set *s = i18n_load(dir, f->config, d);
	assert_non_null(s);
	assert_diag(d, DIAG_ERROR, "en.yaml", -1, -1, "YAML");
	/* a list is not a string: line 2, col 9 */
	assert_diag(d, DIAG_ERROR, "ko.yaml", 2, 9, "'nav.home'");
	i18n_free(s);
	diag_free(d);
	g_free(p1);
	g_free(p2);
	tu_rmtree(dir);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_date),
		cmocka_unit_test(test_format_date_time_zone),
		cmocka_unit_test(test_format_date_passthrough),
		cmocka_unit_test(test_collate),
		cmocka_unit_test_setup_teardown(test_load, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_strings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_malformed, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
