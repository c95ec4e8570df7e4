/* test_xslt: the functions kitgen gives themes. kg:s finds a UI string in
 * the page's language along its fallback chain, as the strings once copied
 * into every page document did; kg:strings gives them all as nodes. */
#include "testutil.h"
#include "load/config.h"
#include "load/i18n.h"
#include "site/xslt.h"

typedef struct {
	site_config *config;
	i18n_set *strings;
	char *dir;
	xslt_sheet *sheet;
	diag_list *d;
} fixture;

/* The unit-test catalogue's languages: ko (default), en, mn → [ru, en],
 * ru → [en], de. Strings: ko and en have nav.home; en alone has
 * nav.about; ko alone has footer; ru has nav.home; de has only.de and an
 * empty one; mn has none. */
static const char *const fixture_strings[][2] = {
	{"ko.yaml", "nav:\n  home: 홈\nfooter: 서울에서 만듦\n"},
	{"en.yaml", "nav:\n  home: Home\n  about: About\n"},
	{"ru.yaml", "nav:\n  home: Главная\n"},
	{"de.yaml", "only:\n  de: Nur hier\nempty: \"\"\n"},
};

/* Each line is one call, its result between brackets. */
static const char fixture_sheet[] =
	"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'\n"
	"    xmlns:kg='urn:kitgen' exclude-result-prefixes='kg'>\n"
	"  <xsl:output method='text' encoding='utf-8'/>\n"
	"  <xsl:template match='/'>\n"
	"    <xsl:variable name='s' select='kg:strings()'/>\n"
	"    <xsl:value-of select=\"concat('s=[', kg:s('nav.home'), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('about=[', kg:s('nav.about'), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('footer=[', kg:s('footer'), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('only=[', kg:s('only.de'), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('none=[', kg:s('no.such.key'), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('none2=[', kg:s('no.such.key', 'x-y'), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('home2=[', kg:s('nav.home', 'x-y'), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('empty2=[', kg:s('empty', 'x-y'), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('empty?=[', boolean(kg:s('empty')), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('n=[', count($s), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('first=[', $s[1]/@k, ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('nav=[', count($s[starts-with(@k, 'nav.')]), ']&#10;')\"/>\n"
	"    <xsl:value-of select=\"concat('snav=[', $s[@k = 'nav.home'], ']&#10;')\"/>\n"
	"  </xsl:template>\n"
	"</xsl:stylesheet>\n";

static int setup(void **state)
{
	fixture *f = g_new0(fixture, 1);
	char *root = tu_fixture("catalogue");
	char *site = g_build_filename(root, "site.yaml", NULL);
	f->d = diag_new();
	f->dir = tu_tmpdir();
	for (size_t i = 0; i < G_N_ELEMENTS(fixture_strings); i++)
		g_free(tu_write(f->dir, fixture_strings[i][0], fixture_strings[i][1], -1));
	char *xsl = tu_write(f->dir, "t.xsl", fixture_sheet, -1);
	f->config = config_load(site, f->d);
	if (f->config)
		f->strings = i18n_load(f->dir, f->config, f->d);
	if (f->strings)
		f->sheet = xslt_load(xsl, f->strings, f->d);
	if (!f->sheet)
		tu_print_diags(f->d);
	g_free(xsl);
	g_free(site);
	g_free(root);
	*state = f;
	return f->sheet ? 0 : -1;
}

static int teardown(void **state)
{
	fixture *f = *state;
	xslt_free(f->sheet);
	i18n_free(f->strings);
	config_free(f->config);
	diag_free(f->d);
	tu_rmtree(f->dir);
	g_free(f->dir);
	g_free(f);
	return 0;
}

/* The sheet's output for a <page lang="LANG"/> (no lang attribute when
 * lang is NULL). Owned. */
static char *run(fixture *f, const char *lang)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr page = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
	xmlDocSetRootElement(doc, page);
	if (lang)
		xmlSetProp(page, BAD_CAST "lang", BAD_CAST lang);
	size_t len = 0;
	char *out = xslt_apply(f->sheet, doc, &len, "test", f->d);
	xmlFreeDoc(doc);
	assert_non_null(out);
	return out;
}

static void expect(const char *out, const char *line)
{
	char *want = g_strdup_printf("%s\n", line);
	if (!strstr(out, want))
		print_error("expected \"%s\" in:\n%s", line, out);
	assert_non_null(strstr(out, want));
	g_free(want);
}

static void test_s_own_language(void **state)
{
	fixture *f = *state;
	char *out = run(f, "en");
	expect(out, "s=[Home]");
	expect(out, "about=[About]");
	/* en → ko (the default language) */
	expect(out, "footer=[서울에서 만듦]");
	g_free(out);
	out = run(f, "ko");
	expect(out, "s=[홈]");
	/* the default language lacks it: not its chain's, but the default's */
	expect(out, "about=[nav.about]");
	g_free(out);
}

static void test_s_fallback_chain(void **state)
{
	fixture *f = *state;
	/* mn has no strings: ru, then en, then ko */
	char *out = run(f, "mn");
	expect(out, "s=[Главная]");
	expect(out, "about=[About]");
	expect(out, "footer=[서울에서 만듦]");
	g_free(out);
	/* de has no chain: straight to ko */
	out = run(f, "de");
	expect(out, "s=[홈]");
	expect(out, "only=[Nur hier]");
	expect(out, "about=[nav.about]");
	g_free(out);
	/* a page without a language reads the default language */
	out = run(f, NULL);
	expect(out, "s=[홈]");
	g_free(out);
}

/* A key some language has but the reader's chain does not is shown as
 * itself; a key no language has is empty, or the second argument. An
 * empty string that exists stays empty, and is false in a test. */
static void test_s_missing(void **state)
{
	fixture *f = *state;
	size_t before = f->d->count;
	char *out = run(f, "en");
	expect(out, "only=[only.de]");
	expect(out, "none=[]");
	expect(out, "none2=[x-y]");
	expect(out, "home2=[Home]");
	g_free(out);
	out = run(f, "de");
	expect(out, "empty2=[]");
	expect(out, "empty?=[false]");
	g_free(out);
	assert_int_equal(f->d->count, before); /* none is an error */
}

/* Every key of every language, in key order, in the reader's language. */
static void test_strings(void **state)
{
	fixture *f = *state;
	char *out = run(f, "mn");
	expect(out, "n=[5]");
	expect(out, "first=[empty]");
	expect(out, "nav=[2]");
	expect(out, "snav=[Главная]");
	g_free(out);
}

int main(void)
{
	xmlInitParser();
	xslt_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_s_own_language, setup, teardown),
		cmocka_unit_test_setup_teardown(test_s_fallback_chain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_s_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strings, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
