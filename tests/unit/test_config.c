/* test_config: site.yaml — languages and their fallback chains followed to
 * the end without looping, base_url, and the --lang selection. */
#include "testutil.h"
#include "load/config.h"

typedef struct {
	char *dir, *path;
	site_config *c;
	diag_list *d;
} loaded;

/* Writes site.yaml from text and loads it. */
static loaded *load(const char *text)
{
	loaded *l = g_new0(loaded, 1);
	l->dir = tu_tmpdir();
	l->path = tu_write(l->dir, "site.yaml", text, -1);
	l->d = diag_new();
	l->c = config_load(l->path, l->d);
	return l;
}

static void unload(loaded *l)
{
	config_free(l->c);
	diag_free(l->d);
	tu_rmtree(l->dir);
	g_free(l->dir);
	g_free(l->path);
	g_free(l);
}

/* The chain as "kk ru en". */
static char *chain(const site_config *c, const char *code)
{
	const cfg_language *l = config_language(c, code);
	assert_non_null(l);
	assert_non_null(l->chain);
	char *s = g_strjoinv(" ", (char **)l->chain);
	return s;
}

#define assert_chain(c, code, want)                    \
	do {                                           \
		char *got_ = chain((c), (code));       \
		assert_string_equal(got_, (want));     \
		g_free(got_);                          \
	} while (0)

#define HEAD                                   \
	"title: {ko: 시험, en: Test}\n"        \
	"base_url: https://example.org/site/\n" \
	"default_language: en\n"

static void test_minimal(void **state)
{
	(void)state;
	loaded *l = load(HEAD "languages:\n"
	                      "  - {code: en, name: English}\n"
	                      "  - {code: ko, name: 한국어, dir: ltr}\n"
	                      "  - {code: ar}\n"
	                      "fields:\n"
	                      "  - {id: spatial, name: {en: Spatial}}\n");
	assert_non_null(l->c);
	assert_no_diags(l->d);
	site_config *c = l->c;
	assert_string_equal(c->base_url, "https://example.org/site/");
	assert_string_equal(c->default_lang, "en");
	assert_false(c->trusted_html);
	assert_int_equal(c->nlangs, 3);
	assert_string_equal(c->langs[0].code, "en");
	assert_string_equal(c->langs[1].name, "한국어");
	assert_string_equal(c->langs[1].dir, "ltr");
	/* a language without name or dir: its code, and the direction ICU
	 * knows for it (Arabic: right to left; English: left to right) */
	assert_string_equal(c->langs[2].name, "ar");
	assert_string_equal(c->langs[2].dir, "rtl");
	assert_string_equal(c->langs[0].dir, "ltr");
	assert_null(c->langs[0].paper);
	/* every language is built until --lang says otherwise */
	for (size_t i = 0; i < c->nlangs; i++)
		assert_true(c->langs[i].build);
	/* a language without fallbacks: just itself */
	assert_chain(c, "en", "en");
	assert_null(config_language(c, "fr"));
	assert_non_null(config_field(c, "spatial"));
	assert_null(config_field(c, "nope"));
	assert_string_equal(yt_lang_str(config_field(c, "spatial")->name, "en"), "Spatial");
	assert_string_equal(config_text(c, "title", "ko"), "시험");
	assert_string_equal(config_text(c, "title", "en"), "Test");
	unload(l);
}

static void test_chain_transitive(void **state)
{
	(void)state;
	/* kk names only ru; ru names en; so a Kazakh reader gets kk, ru, en */
	loaded *l = load(HEAD "languages:\n"
	                      "  - {code: en}\n"
	                      "  - {code: ru, fallback: [en]}\n"
	                      "  - {code: kk, fallback: [ru]}\n"
	                      "  - {code: uz, fallback: [kk, en]}\n");
	assert_non_null(l->c);
	assert_no_diags(l->d);
	assert_chain(l->c, "kk", "kk ru en");
	assert_chain(l->c, "ru", "ru en");
	assert_chain(l->c, "en", "en");
	/* each language once, in the order reached: uz, kk, en (its own), ru */
	assert_chain(l->c, "uz", "uz kk en ru");
	unload(l);
}

/* config_text follows the chain: kk has no title, ru does. */
static void test_text_fallback(void **state)
{
	(void)state;
	loaded *l = load("title: {ru: Тест, en: Test}\n"
	                 "base_url: https://example.org/\n"
	                 "default_language: en\n"
	                 "languages:\n"
	                 "  - {code: en}\n"
	                 "  - {code: ru, fallback: [en]}\n"
	                 "  - {code: kk, fallback: [ru]}\n"
	                 "  - {code: de}\n");
	assert_non_null(l->c);
	assert_string_equal(config_text(l->c, "title", "kk"), "Тест");
	assert_string_equal(config_text(l->c, "title", "ru"), "Тест");
	/* de names no fallback; some title is better than none */
	assert_non_null(config_text(l->c, "title", "de"));
	assert_null(config_text(l->c, "no_such_key", "en"));
	unload(l);
}

static void test_chain_cycle(void **state)
{
	(void)state;
	/* a and b fall back to each other (as ko and en do in the real site):
	 * legal, and the chains end */
	loaded *l = load(HEAD "languages:\n"
	                      "  - {code: en}\n"
	                      "  - {code: a, fallback: [b]}\n"
	                      "  - {code: b, fallback: [a]}\n"
	                      "  - {code: c, fallback: [d]}\n"
	                      "  - {code: d, fallback: [e]}\n"
	                      "  - {code: e, fallback: [c, en]}\n");
	assert_non_null(l->c);
	assert_no_diags(l->d);
	assert_chain(l->c, "a", "a b");
	assert_chain(l->c, "b", "b a");
	assert_chain(l->c, "c", "c d e en");
	assert_chain(l->c, "e", "e c en d");
	unload(l);
}

static void test_chain_self(void **state)
{
	(void)state;
	loaded *l = load(HEAD "languages:\n"
	                      "  - code: en\n"
	                      "  - code: ru\n"
	                      "    fallback: [en, ru]\n");
	assert_null(l->c);
	/* the second entry of the list on line 7 of the file, col 20 */
	assert_diag(l->d, DIAG_ERROR, "site.yaml", 7, 20, "itself");
	unload(l);
}

static void test_chain_undefined(void **state)
{
	(void)state;
	loaded *l = load(HEAD "languages:\n"
	                      "  - code: en\n"
	                      "  - code: kk\n"
	                      "    fallback: [ru]\n");
	assert_null(l->c);
	assert_diag(l->d, DIAG_ERROR, "site.yaml", -1, -1, "'ru'");
	unload(l);
}

/* The error about an undefined fallback points at where it is written, as
 * every other site.yaml error does: "ru" is line 7, col 16. */
static void test_chain_undefined_position(void **state)
{
	(void)state;
	loaded *l = load(HEAD "languages:\n"
	                      "  - code: en\n"
	                      "  - code: kk\n"
	                      "    fallback: [ru]\n");
	bool rejected = !l->c;
	bool placed = tu_has_diag(l->d, DIAG_ERROR, "site.yaml", 7, 16, "'ru'");
	unload(l);
	assert_true(rejected);
	assert_true(placed);
}

static void test_base_url(void **state)
{
	(void)state;
	loaded *l = load("title: T\n"
	                 "base_url: https://example.org/site\n"
	                 "default_language: en\n"
	                 "languages: [{code: en}]\n");
	assert_null(l->c);
	assert_int_equal(l->d->errors, 1);
	/* at the value: line 2, col 11 */
	assert_diag(l->d, DIAG_ERROR, "site.yaml", 2, 11, "base_url");
	assert_non_null(l->d->entries[0].hint);
	unload(l);
}

static void test_required_keys(void **state)
{
	(void)state;
	loaded *l = load("languages: [{code: en}]\n");
	assert_null(l->c);
	assert_diag(l->d, DIAG_ERROR, "site.yaml", -1, -1, "'base_url'");
	assert_diag(l->d, DIAG_ERROR, "site.yaml", -1, -1, "'default_language'");
	assert_diag(l->d, DIAG_ERROR, "site.yaml", -1, -1, "'title'");
	unload(l);

	/* a default language that is not among the languages */
	l = load("title: T\nbase_url: https://e.org/\ndefault_language: fr\n"
	         "languages: [{code: en}]\n");
	assert_null(l->c);
	assert_diag(l->d, DIAG_ERROR, "site.yaml", 3, 19, "'fr'");
	unload(l);

	/* no languages */
	l = load("title: T\nbase_url: https://e.org/\ndefault_language: en\nlanguages: []\n");
	assert_null(l->c);
	assert_diag(l->d, DIAG_ERROR, "site.yaml", -1, -1, "languages");
	unload(l);

	/* a bad code and a bad direction */
	l = load(HEAD "languages:\n  - {code: en}\n  - {code: 'e n'}\n  - {code: ar, dir: up}\n");
	assert_null(l->c);
	assert_diag(l->d, DIAG_ERROR, "site.yaml", 6, 5, "code");
	assert_diag(l->d, DIAG_ERROR, "site.yaml", 7, 21, "'up'"); /* at the value */
	unload(l);

	/* one code twice, the second in capitals: at the second code */
	l = load(HEAD "languages:\n  - {code: en}\n  - {code: EN}\n");
	assert_null(l->c);
	assert_diag(l->d, DIAG_ERROR, "site.yaml", 6, 12, "listed twice");
	unload(l);

	/* a paper the paginator does not know, where it is written; a known
	 * one in any case is kept */
	l = load(HEAD "languages:\n  - {code: en, paper: Letter}\n  - {code: es, paper: b7}\n");
	assert_null(l->c);
	assert_diag(l->d, DIAG_ERROR, "site.yaml", 6, 23, "unknown paper size 'b7'");
	unload(l);

	/* not a map at all */
	l = load("- just\n- a list\n");
	assert_null(l->c);
	assert_diag(l->d, DIAG_ERROR, "site.yaml", 1, 1, "map");
	unload(l);
}

static void test_trusted_html(void **state)
{
	(void)state;
	loaded *l = load(HEAD "trusted_html: true\nlanguages: [{code: en}]\n");
	assert_non_null(l->c);
	assert_true(l->c->trusted_html);
	unload(l);
	l = load(HEAD "trusted_html: false\nlanguages: [{code: en}]\n");
	assert_non_null(l->c);
	assert_false(l->c->trusted_html);
	unload(l);
}

static const char *const three = HEAD "languages:\n"
                                      "  - {code: en}\n"
                                      "  - {code: ko}\n"
                                      "  - {code: zh-Hant}\n";

static void test_select_languages(void **state)
{
	(void)state;
	loaded *l = load(three);
	assert_non_null(l->c);
	assert_true(config_select_languages(l->c, "ko,zh-Hant", l->d));
	assert_no_diags(l->d);
	assert_false(config_language(l->c, "en")->build);
	assert_true(config_language(l->c, "ko")->build);
	assert_true(config_language(l->c, "zh-Hant")->build);

	/* a second selection replaces the first */
	assert_true(config_select_languages(l->c, "en", l->d));
	assert_true(config_language(l->c, "en")->build);
	assert_false(config_language(l->c, "ko")->build);
	assert_false(config_language(l->c, "zh-Hant")->build);
	unload(l);
}

static void test_select_unknown(void **state)
{
	(void)state;
	loaded *l = load(three);
	assert_non_null(l->c);
	assert_false(config_select_languages(l->c, "ko,fr", l->d));
	assert_int_equal(l->d->errors, 1);
	assert_diag(l->d, DIAG_ERROR, NULL, -1, -1, "'fr'");
	/* codes are exact: "KO" and "zh" are not ko and zh-Hant */
	assert_false(config_select_languages(l->c, "KO", l->d));
	assert_false(config_select_languages(l->c, "zh", l->d));
	assert_int_equal(l->d->errors, 3);
	unload(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minimal),
		cmocka_unit_test(test_chain_transitive),
		cmocka_unit_test(test_text_fallback),
		cmocka_unit_test(test_chain_cycle),
		cmocka_unit_test(test_chain_self),
		cmocka_unit_test(test_chain_undefined),
		cmocka_unit_test(test_chain_undefined_position),
		cmocka_unit_test(test_base_url),
		cmocka_unit_test(test_required_keys),
		cmocka_unit_test(test_trusted_html),
		cmocka_unit_test(test_select_languages),
		cmocka_unit_test(test_select_unknown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
