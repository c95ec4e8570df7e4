/* print artifact: rewrites a page's content stream for finishing. What
 * cairo left outside any marked-content sequence (running heads, page
 * numbers, rules, panels, repeated table heads) becomes an /Artifact, and
 * the ActualText of a ligature loses the soft hyphens of hyphenation. */
#include "print_int.h"

#include <string.h>

static bool pdf_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool pdf_delim(char c)
{
	return strchr("()<>[]{}/%", c) != NULL;
}

/* The end of the token that starts at i (i is not whitespace). */
static size_t pdf_token_end(const char *s, size_t n, size_t i)
{
	char c = s[i];
	if (c == '(') { /* literal string: balanced parentheses, \-escapes */
		int level = 0;
		for (; i < n; i++) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '(')
				level++;
			else if (s[i] == ')' && --level == 0)
				return i + 1;
		}
		return n;
	}
	if (c == '<' && i + 1 < n && s[i + 1] == '<')
		return i + 2;
	if (c == '>' && i + 1 < n && s[i + 1] == '>')
		return i + 2;
	if (c == '<') { /* hex string */
		const char *e = memchr(s + i, '>', n - i);
		return e ? (size_t)(e - s) + 1 : n;
	}
	if (c == '%') { /* comment to the end of the line */
		while (i < n && s[i] != '\n' && s[i] != '\r')
			i++;
		return i;
	}
	if (strchr("[]{}", c))
		return i + 1;
	size_t j = i + 1; /* a name (after its /), a number or an operator */
	while (j < n && !pdf_space(s[j]) && !pdf_delim(s[j]))
		j++;
	return j;
}

static bool pdf_is_op(const char *s, size_t a, size_t b)
{
	char c = s[a];
	if (!(g_ascii_isalpha(c) || c == '\'' || c == '"'))
		return false;
	size_t n = b - a;
	return !(n == 4 && !memcmp(s + a, "true", 4)) && !(n == 5 && !memcmp(s + a, "false", 5)) &&
	       !(n == 4 && !memcmp(s + a, "null", 4));
}

/* The end of an inline image's data: after the "EI" that follows it. */
static size_t pdf_inline_image_end(const char *s, size_t n, size_t i)
{
	const char *id = g_strstr_len(s + i, (gssize)(n - i), "ID");
	size_t j = id ? (size_t)(id - s) + 3 : n;
	for (; j + 2 <= n; j++)
		if (s[j] == 'E' && s[j + 1] == 'I' && pdf_space(s[j - 1]) &&
		    (j + 2 == n || pdf_space(s[j + 2])))
			return j + 2;
	return n;
}

static int pdf_hex(char c)
{
	return g_ascii_xdigit_value(c);
}

/* A BDC's operands with "/ActualText <FEFF...>": a text of more than one
 * character loses its U+00AD (a hyphenation point inside a ligature); a
 * lone soft hyphen is a hyphen drawn at a line's end and stays. */
static void print_clean_actual_text(GString *out, const char *s, size_t a, size_t b)
{
	const char *key = g_strstr_len(s + a, (gssize)(b - a), "/ActualText");
	const char *lt = key ? memchr(key, '<', (size_t)(s + b - key)) : NULL;
	const char *gt = lt ? memchr(lt, '>', (size_t)(s + b - lt)) : NULL;
	if (!gt || lt[1] == '<') {
		g_string_append_len(out, s + a, (gssize)(b - a));
		return;
	}
	GString *hex = g_string_new(NULL);
	for (const char *p = lt + 1; p < gt; p++)
		if (g_ascii_isxdigit(*p))
			g_string_append_c(hex, *p);
	size_t units = hex->len / 4;
	GString *keep = g_string_new(NULL);
	for (size_t u = 0; u < units; u++) {
		const char *h = hex->str + 4 * u;
		int v = pdf_hex(h[0]) << 12 | pdf_hex(h[1]) << 8 | pdf_hex(h[2]) << 4 | pdf_hex(h[3]);
		/* the BOM and one real character: nothing to clean */
		if (v == 0xAD && units > 2)
			continue;
		g_string_append_len(keep, h, 4);
	}
	g_string_append_len(out, s + a, lt + 1 - (s + a));
	g_string_append_len(out, keep->str, (gssize)keep->len);
	g_string_append_len(out, gt, (gssize)(s + b - gt));
	g_string_free(hex, TRUE);
	g_string_free(keep, TRUE);
}

GString *print_content_finish(const char *s, size_t n, bool artifacts)
{
	GString *out = g_string_sized_new(n + n / 16 + 32);
	size_t i = 0, op_start = (size_t)-1, copied = 0;
	int depth = 0;
	bool in_art = false;
	while (i < n) {
		if (pdf_space(s[i])) {
			i++;
			continue;
		}
		size_t e = pdf_token_end(s, n, i);
		if (op_start == (size_t)-1)
			op_start = i;
		if (!pdf_is_op(s, i, e)) {
			i = e;
			continue;
		}
		size_t len = e - i;
		bool bi = len == 2 && !memcmp(s + i, "BI", 2);
		if (bi)
			e = pdf_inline_image_end(s, n, e);
		bool begin = len == 3 && (!memcmp(s + i, "BDC", 3) || !memcmp(s + i, "BMC", 3));
		bool end = len == 3 && !memcmp(s + i, "EMC", 3);
		g_string_append_len(out, s + copied, (gssize)(op_start - copied));
		copied = op_start;
		/* a sequence with an MCID is content of a structure element; one
		 * without (cairo's ActualText spans) is content like any other */
		bool mcid = begin && g_strstr_len(s + op_start, (gssize)(e - op_start), "/MCID");
		if (mcid) {
			if (depth == 0 && in_art) {
				g_string_append(out, "EMC\n");
				in_art = false;
			}
			depth++;
		} else if (begin) {
			if (depth == 0 && !in_art && artifacts) {
				g_string_append(out, "/Artifact BMC\n");
				in_art = true;
			}
			depth++;
		} else if (end) {
			if (depth > 0)
				depth--;
		} else if (depth == 0 && !in_art && artifacts) {
			g_string_append(out, "/Artifact BMC\n");
			in_art = true;
		}
		if (begin && len == 3 && s[i + 1] == 'D')
			print_clean_actual_text(out, s, op_start, e);
		else
			g_string_append_len(out, s + op_start, (gssize)(e - op_start));
		copied = e;
		op_start = (size_t)-1;
		i = e;
	}
	g_string_append_len(out, s + copied, (gssize)(n - copied));
	if (in_art)
		g_string_append(out, "\nEMC\n");
	return out;
}
