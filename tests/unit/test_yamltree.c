/* test_yamltree: the YAML tree keeps every node's line:col, tells quoted
 * from plain scalars, and turns bad input into diagnostics, never a crash. */
#include "testutil.h"
#include "core/yamltree.h"

static yt_node *parse(const char *text, int first_line, diag_list *d)
{
	return yt_parse(text, strlen(text), "t.yaml", first_line, d);
}

/* Columns counted by hand from the text below (1-based, bytes). */
static const char *const doc =
	"title: Hello\n"          /* 1: value at col 8 */
	"tags:\n"                 /* 2 */
	"  - one\n"               /* 3: '-' at col 3, 'one' at col 5 */
	"  - \"two\"\n"           /* 4: the quote at col 5 */
	"nested:\n"               /* 5 */
	"  inner: 'x'\n"          /* 6: key at col 3, value at col 10 */
	"flow: [a, {b: c}]\n";    /* 7: '[' at col 7, 'a' at 8, '{' at 11, 'c' at 15 */

static void check_positions(int first_line)
{
	diag_list *d = diag_new();
	yt_node *root = parse(doc, first_line, d);
	int o = first_line - 1;
	assert_non_null(root);
	assert_no_diags(d);
	assert_int_equal(root->kind, YT_MAP);
	assert_int_equal(root->count, 4);
	assert_int_equal(root->line, 1 + o);
	assert_int_equal(root->col, 1);

	yt_node *title = yt_get(root, "title");
	assert_non_null(title);
	assert_int_equal(title->kind, YT_SCALAR);
	assert_string_equal(title->value, "Hello");
	assert_int_equal(title->line, 1 + o);
	assert_int_equal(title->col, 8);
	assert_string_equal(root->keys[0], "title");
	assert_int_equal(root->key_lines[0], 1 + o);
	assert_int_equal(root->key_cols[0], 1);

	yt_node *tags = yt_get(root, "tags");
	assert_non_null(tags);
	assert_int_equal(tags->kind, YT_SEQ);
	assert_int_equal(tags->count, 2);
	assert_int_equal(tags->line, 3 + o);
	assert_int_equal(tags->col, 3);
	assert_string_equal(tags->items[0]->value, "one");
	assert_int_equal(tags->items[0]->line, 3 + o);
	assert_int_equal(tags->items[0]->col, 5);
	assert_string_equal(tags->items[1]->value, "two");
	assert_int_equal(tags->items[1]->line, 4 + o);
	assert_int_equal(tags->items[1]->col, 5);
	assert_int_equal(root->key_lines[1], 2 + o);

	yt_node *nested = yt_get(root, "nested");
	assert_non_null(nested);
	assert_int_equal(nested->kind, YT_MAP);
	assert_int_equal(nested->line, 6 + o);
	assert_int_equal(nested->col, 3);
	assert_int_equal(nested->key_lines[0], 6 + o);
	assert_int_equal(nested->key_cols[0], 3);
	yt_node *inner = yt_get(nested, "inner");
	assert_string_equal(inner->value, "x");
	assert_int_equal(inner->line, 6 + o);
	assert_int_equal(inner->col, 10);

	yt_node *flow = yt_get(root, "flow");
	assert_int_equal(flow->kind, YT_SEQ);
	assert_int_equal(flow->line, 7 + o);
	assert_int_equal(flow->col, 7);
	assert_int_equal(flow->count, 2);
	assert_int_equal(flow->items[0]->col, 8);
	assert_int_equal(flow->items[1]->kind, YT_MAP);
	assert_int_equal(flow->items[1]->col, 11);
	assert_int_equal(yt_get(flow->items[1], "b")->col, 15);
	assert_string_equal(yt_str(flow->items[1], "b"), "c");

	yt_free(root);
	diag_free(d);
}

static void test_positions_file(void **state)
{
	(void)state;
	check_positions(1);
}

/* Front matter starts on line 2 of its file: every line moves by one. */
static void test_positions_first_line(void **state)
{
	(void)state;
	check_positions(2);
	check_positions(40);
}

/* Columns count bytes, as diag_print and the Markdown and front-matter
 * checks do: after "a: [서울, " (4 + 6 + 2 bytes, but 8 characters) 'b'
 * is at byte column 13. */
static void test_positions_multibyte(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	yt_node *root = parse("a: [서울, b]\n서울: x\n", 1, d);
	assert_non_null(root);
	assert_no_diags(d);
	yt_node *a = yt_get(root, "a");
	assert_int_equal(a->items[0]->col, 5);
	assert_int_equal(a->items[1]->col, 13);
	/* the value after a Hangul key: "서울: " is 6 + 2 bytes */
	assert_int_equal(yt_get(root, "서울")->col, 9);
	yt_free(root);
	diag_free(d);

	/* an error after multibyte text is placed in bytes too: the second
	 * ':' of "키: b: c" is byte 7 (키 is 3 bytes, then ": b") */
	d = diag_new();
	root = parse("키: b: c\n", 1, d);
	assert_null(root);
	assert_diag(d, DIAG_ERROR, "t.yaml", 1, 7, "invalid YAML");
	diag_free(d);
}

static void test_lookups(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	yt_node *root = parse("a: 1\nlist: [x]\nmap: {k: v}\n", 1, d);
	assert_non_null(root);
	assert_null(yt_get(root, "missing"));
	assert_null(yt_str(root, "missing"));
	assert_string_equal(yt_str(root, "a"), "1");
	/* yt_str is for scalars only */
	assert_null(yt_str(root, "list"));
	assert_null(yt_str(root, "map"));
	/* yt_get on something that is not a map */
	assert_null(yt_get(yt_get(root, "list"), "x"));
	assert_null(yt_get(NULL, "a"));
	yt_free(root);
	diag_free(d);
}

static void test_quoted(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	yt_node *root = parse("plain: true\n"
	                      "double: \"true\"\n"
	                      "single: 'yes'\n"
	                      "number: 42\n"
	                      "qnumber: \"42\"\n"
	                      "empty: \"\"\n",
	                      1, d);
	assert_non_null(root);
	assert_no_diags(d);
	assert_false(yt_get(root, "plain")->quoted);
	assert_true(yt_get(root, "double")->quoted);
	assert_true(yt_get(root, "single")->quoted);
	assert_false(yt_get(root, "number")->quoted);
	assert_true(yt_get(root, "qnumber")->quoted);
	assert_true(yt_get(root, "empty")->quoted);
	assert_string_equal(yt_str(root, "double"), "true");
	assert_string_equal(yt_str(root, "empty"), "");
	/* A quoted "true" is text, so never a boolean. */
	assert_true(yt_is_true(yt_get(root, "plain")));
	assert_false(yt_is_true(yt_get(root, "double")));
	assert_false(yt_is_true(yt_get(root, "single")));
	assert_false(yt_is_true(yt_get(root, "number")));
	assert_false(yt_is_true(NULL));
	yt_free(root);
	diag_free(d);
}

static void test_lang_str(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	yt_node *root = parse("title: {ko: 서울, en: Seoul}\n"
	                      "name: Same in every language\n"
	                      "list: [a, b]\n",
	                      1, d);
	assert_non_null(root);
	yt_node *title = yt_get(root, "title");
	assert_string_equal(yt_lang_str(title, "ko"), "서울");
	assert_string_equal(yt_lang_str(title, "en"), "Seoul");
	assert_null(yt_lang_str(title, "fr"));
	/* a plain scalar is the text for every language */
	assert_string_equal(yt_lang_str(yt_get(root, "name"), "ko"), "Same in every language");
	assert_string_equal(yt_lang_str(yt_get(root, "name"), "fr"), "Same in every language");
	assert_null(yt_lang_str(yt_get(root, "list"), "en"));
	assert_null(yt_lang_str(NULL, "en"));
	yt_free(root);
	diag_free(d);
}

static void test_duplicate_key(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	yt_node *root = parse("title: One\nsummary: x\ntitle: Two\n", 2, d);
	/* The second 'title' is line 3 of the text, so line 4 of the file; the
	 * message names the first one's line. */
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, "t.yaml", 4, 1, "'title'");
	assert_diag(d, DIAG_ERROR, "t.yaml", 4, 1, "line 2");
	yt_free(root);
	diag_free(d);
}

static void test_duplicate_key_nested(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	yt_node *root = parse("outer:\n  a: 1\n  b: 2\n  a: 3\nother: {a: 1}\n", 1, d);
	/* 'a' repeats inside 'outer' (line 4, col 3); the 'a' in 'other' is a
	 * different map and no repeat. */
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, "t.yaml", 4, 3, "'a'");
	yt_free(root);
	diag_free(d);
}

static void test_malformed(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	/* "b: c" cannot be a value on the same line: libyaml stops at the
	 * second ':' (col 5 of text line 2 → file line 3). */
	yt_node *root = parse("ok: 1\na: b: c\n", 2, d);
	assert_null(root);
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, "t.yaml", 3, 5, "invalid YAML");
	assert_non_null(d->entries[0].hint);
	diag_free(d);

	/* A tab cannot indent YAML: reported at the tab. */
	d = diag_new();
	root = parse("a:\n\tb: 1\n", 1, d);
	assert_null(root);
	assert_diag(d, DIAG_ERROR, "t.yaml", 2, 1, "invalid YAML");
	diag_free(d);

	/* An unclosed flow list: an error somewhere after its '[', not a tree. */
	d = diag_new();
	root = parse("a: [1, 2\nb: 3\n", 1, d);
	assert_null(root);
	assert_int_equal(d->errors, 1);
	assert_true(d->entries[0].line >= 1 && d->entries[0].col >= 1);
	diag_free(d);
}

static void test_alias_rejected(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	yt_node *root = parse("a: &x 1\nb: *x\n", 1, d);
	assert_null(root);
	assert_diag(d, DIAG_ERROR, "t.yaml", 2, 4, "alias");
	diag_free(d);

	/* An alias as a key is no better. */
	d = diag_new();
	root = parse("a: &k key\n*k : 2\n", 1, d);
	assert_null(root);
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, "t.yaml", 2, 1, NULL);
	diag_free(d);
}

/* Escapes make characters no page can hold: refused where they are
 * written (found by fuzz_frontmatter). */
static void test_escapes_xml_cannot_carry(void **state)
{
	(void)state;
	const char *bad[] = {"t: \"a\\x1bb\"\n", "t: \"a\\uFFFFb\"\n", "t: [\"\\uFFFE\"]\n"};
	const char *what[] = {"control character 0x1B", "U+FFFF", "U+FFFE"};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		diag_list *d = diag_new();
		assert_null(parse(bad[i], 1, d));
		assert_int_equal(d->errors, 1);
		assert_diag(d, DIAG_ERROR, "t.yaml", 1, i == 2 ? 5 : 4, what[i]);
		diag_free(d);
	}
	/* Characters next to them are fine. */
	diag_list *d = diag_new();
	yt_node *root = parse("t: \"\\uFFFD \\uFFEF\\t\"\n", 1, d);
	assert_non_null(root);
	assert_string_equal(yt_str(root, "t"), "\xEF\xBF\xBD \xEF\xBF\xAF\t");
	yt_free(root);
	diag_free(d);
}

static char *nested_lists(int depth)
{
	GString *s = g_string_new("a: ");
	for (int i = 0; i < depth; i++)
		g_string_append_c(s, '[');
	for (int i = 0; i < depth; i++)
		g_string_append_c(s, ']');
	g_string_append_c(s, '\n');
	return g_string_free(s, FALSE);
}

static void test_depth_limit(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	char *text = nested_lists(500);
	yt_node *root = parse(text, 1, d);
	assert_null(root);
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, "t.yaml", 1, -1, "nested");
	/* the error points inside the brackets, not at the start */
	assert_true(d->entries[0].col > 4 && d->entries[0].col <= 504);
	g_free(text);
	diag_free(d);

	/* nested maps too */
	d = diag_new();
	GString *s = g_string_new(NULL);
	for (int i = 0; i < 500; i++)
		g_string_append(s, "{a: ");
	g_string_append(s, "1");
	for (int i = 0; i < 500; i++)
		g_string_append_c(s, '}');
	root = parse(s->str, 1, d);
	assert_null(root);
	assert_diag(d, DIAG_ERROR, "t.yaml", 1, -1, "nested");
	g_string_free(s, TRUE);
	diag_free(d);
}

/* The limit is not so low that reasonable nesting fails. */
static void test_depth_reasonable(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	char *text = nested_lists(50);
	yt_node *root = parse(text, 1, d);
	assert_non_null(root);
	assert_no_diags(d);
	int depth = 0;
	for (yt_node *n = yt_get(root, "a"); n && n->kind == YT_SEQ;
	     n = n->count ? n->items[0] : NULL)
		depth++;
	assert_int_equal(depth, 50);
	yt_free(root);
	g_free(text);
	diag_free(d);
}

static void test_empty_input(void **state)
{
	(void)state;
	static const char *const empties[] = {"", "\n\n", "# only a comment\n", "   \n"};
	for (size_t i = 0; i < G_N_ELEMENTS(empties); i++) {
		diag_list *d = diag_new();
		yt_node *root = parse(empties[i], 2, d);
		assert_non_null(root);
		assert_no_diags(d);
		assert_int_equal(root->kind, YT_MAP);
		assert_int_equal(root->count, 0);
		assert_null(yt_get(root, "title"));
		yt_free(root);
		diag_free(d);
	}
}

static void test_two_documents(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	yt_node *root = parse("a: 1\n---\nb: 2\n", 1, d);
	assert_null(root);
	assert_diag(d, DIAG_ERROR, "t.yaml", 3, 1, "more than one");
	diag_free(d);
}

static void test_file_invalid_utf8(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	/* 0xE9 is 'é' in Latin-1: line 2, after "b: caf" (6 bytes) → col 7. */
	char *path = tu_write(dir, "latin1.yaml", "a: ok\nb: caf\xE9\n", -1);
	diag_list *d = diag_new();
	yt_node *root = yt_parse_file(path, d);
	assert_null(root);
	assert_int_equal(d->errors, 1);
	assert_diag(d, DIAG_ERROR, "latin1.yaml", 2, 7, "UTF-8");
	assert_diag(d, DIAG_ERROR, "latin1.yaml", 2, 7, "0xE9");
	diag_free(d);

	/* valid UTF-8 with multibyte text reads fine, lines from 1 */
	char *good = tu_write(dir, "good.yaml", "a: 서울\nb: café\n", -1);
	d = diag_new();
	root = yt_parse_file(good, d);
	assert_non_null(root);
	assert_no_diags(d);
	assert_string_equal(yt_str(root, "b"), "café");
	assert_int_equal(yt_get(root, "b")->line, 2);
	yt_free(root);
	diag_free(d);

	/* a missing file is a run-wide error naming it, not a crash */
	char *missing = g_build_filename(dir, "missing.yaml", NULL);
	d = diag_new();
	assert_null(yt_parse_file(missing, d));
	assert_diag(d, DIAG_ERROR, NULL, -1, -1, "missing.yaml");
	assert_diag(d, DIAG_ERROR, NULL, -1, -1, "cannot read");
	diag_free(d);

	g_free(missing);
	g_free(good);
	g_free(path);
	tu_rmtree(dir);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions_file),
		cmocka_unit_test(test_positions_first_line),
		cmocka_unit_test(test_positions_multibyte),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_lang_str),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_duplicate_key_nested),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_alias_rejected),
		cmocka_unit_test(test_escapes_xml_cannot_carry),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_depth_reasonable),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_two_documents),
		cmocka_unit_test(test_file_invalid_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
