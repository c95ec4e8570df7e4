/* test_diag: how a message shows its source line — whole characters only,
 * a window around the column on long lines, the caret under the column
 * with wide (Hangul) characters counted as two; the same problem told once. */
#include "testutil.h"

/* What diag_print writes for one error at line 1, col in a file of text. */
static char *printed(const char *text, int col)
{
	char *dir = g_dir_make_tmp("kitgen-diag-XXXXXX", NULL);
	char *file = g_build_filename(dir, "page.ko.md", NULL);
	g_file_set_contents(file, text, -1, NULL);
	diag_list *d = diag_new();
	diag_error(d, file, 1, col, NULL, "a problem");
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	diag_print(d, f, 0);
	fclose(f);
	diag_free(d);
	g_unlink(file);
	g_rmdir(dir);
	g_free(file);
	g_free(dir);
	return out;
}

/* The excerpt and caret lines of a message. */
static void lines_of(const char *out, char **excerpt, char **caret)
{
	char **l = g_strsplit(out, "\n", -1);
	assert_true(g_strv_length(l) >= 3);
	*excerpt = g_strdup(l[1]);
	*caret = g_strdup(l[2]);
	g_strfreev(l);
}

static void short_line_whole(void **state)
{
	(void)state;
	char *out = printed("title: [unclosed\n", 8), *ex, *ca;
	lines_of(out, &ex, &ca);
	assert_string_equal(ex, "     1 | title: [unclosed");
	assert_string_equal(ca, "       |        ^");
	g_free(ex);
	g_free(ca);
	free(out);
}

/* A long Korean line: cut to valid UTF-8 around the column (never "not
 * valid UTF-8"), and the caret under the bracket the column names. */
static void long_hangul_line_window(void **state)
{
	(void)state;
	GString *t = g_string_new(NULL);
	for (int i = 0; i < 60; i++)
		g_string_append(t, "서울시 ");
	size_t at = t->len;
	g_string_append(t, "[링크](없는-쪽.ko.md)");
	for (int i = 0; i < 60; i++)
		g_string_append(t, " 전자정부");
	char *out = printed(t->str, (int)at + 1), *ex, *ca;
	lines_of(out, &ex, &ca);
	assert_true(g_utf8_validate(ex, -1, NULL));
	assert_null(strstr(out, "not valid UTF-8"));
	assert_non_null(strstr(ex, "…"));
	assert_non_null(strstr(ex, "[링크]"));
	/* Display width of the excerpt before '[' equals the caret's column. */
	const char *text = strstr(ex, "| ") + 2, *bracket = strstr(text, "[링크]");
	int width = 0;
	for (const char *p = text; p < bracket; p = g_utf8_next_char(p))
		width += g_unichar_iswide(g_utf8_get_char(p)) ? 2 : 1;
	const char *c = strstr(ca, "| ") + 2;
	assert_int_equal((int)(strchr(c, '^') - c), width);
	g_free(ex);
	g_free(ca);
	free(out);
	g_string_free(t, TRUE);
}

/* The same problem met twice (a page and its PDF read one file) is told
 * once and counted once; problems that differ in anything stay. */
static void same_problem_told_once(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	diag_error(d, "b.md", 3, 1, "fix it", "changed");
	diag_error(d, "a.md", 1, 1, "fix it", "changed");
	diag_error(d, "b.md", 3, 1, "fix it", "changed");
	diag_warn(d, "b.md", 3, 1, "fix it", "changed");
	diag_error(d, "b.md", 3, 1, "another hint", "changed");
	diag_error(d, "b.md", 3, 1, "fix it", "changed");
	diag_sort(d);
	assert_int_equal(d->count, 4);
	assert_int_equal(d->errors, 3);
	assert_int_equal(d->warnings, 1);
	assert_string_equal(d->entries[0].file, "a.md");
	for (size_t i = 1; i < d->count; i++)
		assert_string_equal(d->entries[i].file, "b.md");
	diag_free(d);
}

/* Lines at the ends of int's range (a damaged cache may name any) sort in
 * order: compared, never subtracted (UBSan found the overflow). */
static void extreme_lines_sort(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	diag_error(d, "a.md", 2147483647, 1, NULL, "last");
	diag_error(d, "a.md", -2147483647 - 1, 1, NULL, "first");
	diag_error(d, "a.md", 5, 2147483647, NULL, "middle, last column");
	diag_error(d, "a.md", 5, -2147483647 - 1, NULL, "middle, first column");
	diag_sort(d);
	assert_string_equal(d->entries[0].message, "first");
	assert_string_equal(d->entries[1].message, "middle, first column");
	assert_string_equal(d->entries[2].message, "middle, last column");
	assert_string_equal(d->entries[3].message, "last");
	diag_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(short_line_whole),
		cmocka_unit_test(long_hangul_line_window),
		cmocka_unit_test(same_problem_told_once),
		cmocka_unit_test(extreme_lines_sort),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
