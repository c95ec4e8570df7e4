/* suggest: the closest known name to a mistyped one. */
#include <string.h>
#include <glib.h>
#include "core/suggest.h"

/* Characters of s as code points (owned), their count in *n. */
static gunichar *suggest_chars(const char *s, size_t *n)
{
	glong len = 0;
	gunichar *u = g_utf8_validate(s, -1, NULL) ? g_utf8_to_ucs4_fast(s, -1, &len) : NULL;
	if (!u) { /* not UTF-8: compare bytes */
		len = (glong)strlen(s);
		u = g_new(gunichar, len + 1);
		for (glong i = 0; i < len; i++)
			u[i] = (unsigned char)s[i];
	}
	*n = (size_t)len;
	return u;
}

size_t suggest_distance(const char *a, const char *b)
{
	size_t n, m;
	gunichar *x = suggest_chars(a, &n), *y = suggest_chars(b, &m);
	/* Three rows suffice: the one before, the current and the one before that. */
	size_t *rows = g_new(size_t, 3 * (m + 1));
	size_t *prev2 = rows, *prev = rows + m + 1, *cur = rows + 2 * (m + 1);
	for (size_t j = 0; j <= m; j++)
		prev[j] = j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = x[i - 1] != y[j - 1];
			size_t best = MIN(prev[j] + 1, cur[j - 1] + 1);
			best = MIN(best, prev[j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
				best = MIN(best, prev2[j - 2] + 1);
			cur[j] = best;
		}
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	size_t d = prev[m];
	g_free(rows);
	g_free(x);
	g_free(y);
	return d;
}

const char *suggest_closest(const char *word, const char *const *candidates, size_t n)
{
	if (!word || !*word || !candidates)
		return NULL;
	size_t len = (size_t)g_utf8_strlen(word, -1);
	size_t limit = MAX(1, len / 3), best_d = limit + 1;
	const char *best = NULL;
	for (size_t i = 0; i < n && candidates[i]; i++) {
		if (!strcmp(candidates[i], word))
			return NULL; /* it is known: nothing to suggest */
		size_t d = suggest_distance(word, candidates[i]);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	return best;
}
