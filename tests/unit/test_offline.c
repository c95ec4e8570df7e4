/* test_offline: the offline copy's links — a link or form action to a
 * folder of the site names its index.html (file:// shows no index), and
 * nothing else changes: other sites, anchors, files. */
#include "testutil.h"
#include "site/offline.h"

static void check(const char *html, const char *want)
{
	size_t n;
	char *got = offline_rewrite_html(html, strlen(html), &n);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));
	g_free(got);
}

static void folders_get_index(void **state)
{
	(void)state;
	check("<a href=\"../en/systems/\">x</a>", "<a href=\"../en/systems/index.html\">x</a>");
	check("<a href=\"../cio/#policy\">", "<a href=\"../cio/index.html#policy\">");
	check("<form action=\"../../en/search/\" method=\"get\">",
	      "<form action=\"../../en/search/index.html\" method=\"get\">");
	check("<a href=\"en/\" hreflang=\"en\">", "<a href=\"en/index.html\" hreflang=\"en\">");
	check("<a href=\"../x/?q=1\">", "<a href=\"../x/index.html?q=1\">");
}

static void the_rest_unchanged(void **state)
{
	(void)state;
	const char *same[] = {
		"<link rel=\"canonical\" href=\"https://example.org/en/\">",
		"<a href=\"mailto:a@example.org\">", "<a href=\"#main\">",
		"<a href=\"../pdf/en/kit.pdf\">", "<a href=\"/en/\">", "<a href=\"\">",
		"<p>href=\"x/\" in text</p>",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(same); i++)
		check(same[i], same[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(folders_get_index),
		cmocka_unit_test(the_rest_unchanged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
