/* search_tokens: search_tokenize (search.h) — folding with ICU's
 * normalizer, words by its break iterator, bigrams for Han and Hangul. */
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include "site/search.h"

#define SEARCH_MAX_WORD 40 /* longer words are not tokens (hashes, URLs) */

/* Scripts written without spaces between words, or (Hangul) with particles
 * attached to them: searched by character bigrams. */
static bool search_is_cjk(UChar32 c)
{
	return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3040 && c <= 0x30FF) ||
	       (c >= 0x3130 && c <= 0x318F) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* NFD, without the combining accents of U+0300–U+036F (Latin, Cyrillic and
 * Greek diacritics; Devanagari and Ethiopic signs are kept), NFC, lower case
 * in the root locale (never the machine's: a Turkish locale would fold I to
 * ı). search.js does the same with String.normalize and toLowerCase. */
static UChar *search_fold(const char *text, int32_t *len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;
	u_strFromUTF8Lenient(NULL, 0, &n, text, -1, &st);
	st = U_ZERO_ERROR;
	UChar *src = g_new(UChar, n + 1);
	u_strFromUTF8Lenient(src, n + 1, &n, text, -1, &st);
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st), *nfc = unorm2_getNFCInstance(&st);
	int32_t cap = 4 * n + 16;
	UChar *a = g_new(UChar, cap), *b = g_new(UChar, cap);
	int32_t m = unorm2_normalize(nfd, src, n, a, cap, &st), k = 0;
	for (int32_t i = 0; i < m && U_SUCCESS(st); i++)
		if (a[i] < 0x300 || a[i] > 0x36F)
			a[k++] = a[i];
	m = unorm2_normalize(nfc, a, k, b, cap, &st);
	m = u_strToLower(a, cap, b, m, "", &st);
	g_free(src);
	g_free(b);
	if (U_FAILURE(st)) { /* never for valid text: the index just misses it */
		m = 0;
	}
	*len = m;
	return a;
}

typedef struct {
	GArray *cps; /* UChar32 of the run */
	bool cjk;
	int32_t end; /* where it ended in the folded text */
	void (*emit)(const char *, void *);
	void *data;
} search_run;

static void search_emit_cps(search_run *r, const UChar32 *cps, glong n)
{
	char *s = g_ucs4_to_utf8((const gunichar *)cps, n, NULL, NULL, NULL);
	if (s)
		r->emit(s, r->data);
	g_free(s);
}

static void search_flush(search_run *r)
{
	const UChar32 *c = (const UChar32 *)r->cps->data;
	guint n = r->cps->len;
	if (r->cjk && n == 1)
		search_emit_cps(r, c, 1);
	else if (r->cjk)
		for (guint i = 0; i + 1 < n; i++)
			search_emit_cps(r, c + i, 2);
	else if (n >= 2 && n <= SEARCH_MAX_WORD)
		search_emit_cps(r, c, n);
	g_array_set_size(r->cps, 0);
}

void search_tokenize(const char *text, void (*emit)(const char *token, void *data), void *data)
{
	if (!text || !*text)
		return;
	int32_t n;
	UChar *s = search_fold(text, &n);
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_WORD, "", s, n, &st);
	if (U_FAILURE(st)) {
		g_free(s);
		return;
	}
	search_run r = {g_array_new(FALSE, FALSE, sizeof(UChar32)), false, -1, emit, data};
	int32_t start = ubrk_first(bi);
	for (int32_t end = ubrk_next(bi); end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
		if (ubrk_getRuleStatus(bi) < UBRK_WORD_NONE_LIMIT) /* spaces, punctuation */
			continue;
		for (int32_t i = start; i < end;) {
			int32_t p = i;
			UChar32 c;
			U16_NEXT(s, i, end, c);
			bool cjk = search_is_cjk(c);
			/* A run of Han or Hangul goes on across word boundaries that
			 * touch (ICU splits Chinese by dictionary), other words end
			 * at theirs. */
			bool goes_on = r.cps->len && r.cjk == cjk && p == r.end && (cjk || p != start);
			if (!goes_on && r.cps->len)
				search_flush(&r);
			r.cjk = cjk;
			g_array_append_val(r.cps, c);
			r.end = i;
		}
	}
	if (r.cps->len)
		search_flush(&r);
	g_array_free(r.cps, TRUE);
	ubrk_close(bi);
	g_free(s);
}
