/* test_artifact: finishing a page's content stream. What lies outside any
 * structure element becomes an artifact, what is inside stays as it was,
 * strings and inline images that look like operators are not taken for
 * them, and a ligature's ActualText loses its soft hyphen while a hyphen
 * drawn at a line's end keeps it. */
#include "testutil.h"
#include "print/print_int.h"

static char *finish(const char *in)
{
	GString *g = print_content_finish(in, strlen(in), true);
	return g_string_free(g, FALSE);
}

static void unmarked_becomes_artifact(void **state)
{
	(void)state;
	char *out = finish("q 1 0 0 1 0 0 cm\n/P << /MCID 0 >> BDC\nBT (a) Tj ET\nEMC\n"
	                   "10 10 5 5 re f\nQ\n");
	assert_string_equal(out, "/Artifact BMC\nq 1 0 0 1 0 0 cm\nEMC\n/P << /MCID 0 >> BDC\n"
	                         "BT (a) Tj ET\nEMC\n/Artifact BMC\n10 10 5 5 re f\nQ\n\nEMC\n");
	g_free(out);
}

static void strings_are_not_operators(void **state)
{
	(void)state;
	/* "EMC" and ">>" inside a string, a BDC-like name in an inline image */
	char *out = finish("/Span << /MCID 3 >> BDC\nBT (EMC \\) BDC) Tj <454d43> Tj ET\n"
	                   "BI /W 1 /H 1 ID xEMCx EI\nEMC\n");
	assert_string_equal(out, "/Span << /MCID 3 >> BDC\nBT (EMC \\) BDC) Tj <454d43> Tj ET\n"
	                         "BI /W 1 /H 1 ID xEMCx EI\nEMC\n");
	g_free(out);
}

static void actual_text_soft_hyphen(void **state)
{
	(void)state;
	char *out = finish("/P << /MCID 0 >> BDC\n/Span << /ActualText <feff006600ad00660069> >> BDC\n"
	                   "BT <01> Tj ET\nEMC\n/Span << /ActualText <feff00ad> >> BDC\n"
	                   "BT <02> Tj ET\nEMC\nEMC\n");
	assert_non_null(strstr(out, "<feff006600660069>")); /* "ffi" */
	assert_non_null(strstr(out, "<feff00ad>"));
	assert_null(strstr(out, "006600ad"));
	g_free(out);
}

static void span_outside_structure_is_artifact(void **state)
{
	(void)state;
	/* cairo's ActualText span in a running head, outside any element */
	char *out = finish("/Span << /ActualText <feff0066> >> BDC\nBT <01> Tj ET\nEMC\n");
	assert_true(g_str_has_prefix(out, "/Artifact BMC\n/Span"));
	assert_true(g_str_has_suffix(out, "EMC\n\nEMC\n"));
	g_free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unmarked_becomes_artifact),
		cmocka_unit_test(strings_are_not_operators),
		cmocka_unit_test(actual_text_soft_hyphen),
		cmocka_unit_test(span_outside_structure_is_artifact),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
