/* test_search: the tokens the search index and assets/search.js share —
 * a Korean word with its particle found by the bare word's bigram, Chinese
 * as bigrams across ICU's dictionary words, accents folded but Devanagari
 * and Ethiopic signs kept, case folded the same in any locale. */
#include <locale.h>
#include "testutil.h"
#include "site/search.h"

static void add(const char *token, void *data)
{
	g_string_append_printf(data, "%s|", token);
}

/* "t1|t2|…|" */
static char *tokens(const char *text)
{
	GString *s = g_string_new(NULL);
	search_tokenize(text, add, s);
	return g_string_free(s, FALSE);
}

static void check(const char *text, const char *want)
{
	char *got = tokens(text);
	assert_string_equal(got, want);
	g_free(got);
}

static void hangul_bigrams(void **state)
{
	(void)state;
	/* 민원 (the query) is a bigram of 민원을 (the text). */
	check("민원을 신고합니다", "민원|원을|신고|고합|합니|니다|");
	check("민원", "민원|");
}

static void han_bigrams_across_words(void **state)
{
	(void)state;
	check("市民可以在網上提出陳情。", "市民|民可|可以|以在|在網|網上|上提|提出|出陳|陳情|");
	check("陳", "陳|");
}

static void accents_folded(void **state)
{
	(void)state;
	check("Sistema Electrónico", "sistema|electronico|");
	check("Hà Nội", "ha|noi|");
	check("Жалобы, обращения!", "жалобы|обращения|");
}

static void other_scripts_kept(void **state)
{
	(void)state;
	/* Vowel signs (U+093E…) and the virama are not accents. */
	check("नागरिक गुनासो", "नागरिक|गुनासो|");
	check("የዜጎች ቅሬታ።", "የዜጎች|ቅሬታ|");
}

static void short_words_and_locale(void **state)
{
	(void)state;
	check("e-Government of Seoul", "government|of|seoul|");
	/* The machine's locale never changes the folding (Turkish dotless i). */
	setlocale(LC_ALL, "tr_TR.UTF-8");
	check("INFORMATION", "information|");
	setlocale(LC_ALL, "C");
	check("", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hangul_bigrams),
		cmocka_unit_test(han_bigrams_across_words),
		cmocka_unit_test(accents_folded),
		cmocka_unit_test(other_scripts_kept),
		cmocka_unit_test(short_words_and_locale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
