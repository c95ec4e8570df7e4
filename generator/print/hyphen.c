/* print hyphen: soft hyphens (U+00AD) at the break points of a language's
 * hyphenation dictionary (libhyphen, Debian's hyphen-* packages), so that
 * Pango can break long words of justified text and draw the hyphen. */
#include "print_int.h"

#include <hyphen.h>
#include <string.h>
#include <unicode/uloc.h>

#ifndef PRINT_HYPHEN_DIR
#define PRINT_HYPHEN_DIR "/usr/share/hyphen" /* where Debian installs them */
#endif
#define PRINT_HYPHEN_MIN_WORD 6   /* shorter words are never broken */
#define PRINT_HYPHEN_MAX_WORD 64  /* longer "words" are codes, not words */
#define PRINT_HYPHEN_LEFT 3       /* letters kept before a break, at least */
#define PRINT_HYPHEN_RIGHT 3      /* ... and after it */

/* lang -> HyphenDict* (NULL: the language has no dictionary). Loaded on
 * first use, kept for the life of the process: a dictionary is read-only
 * once loaded, so documents on any thread share it. */
G_LOCK_DEFINE_STATIC(print_hyphen);
static GHashTable *print_hyphen_dicts;

static HyphenDict *print_hyphen_try(const char *dir, const char *name)
{
	char *file = g_strdup_printf("hyph_%s.dic", name);
	char *path = g_build_filename(dir, file, NULL);
	HyphenDict *d = g_file_test(path, G_FILE_TEST_IS_REGULAR) ? hnj_hyphen_load(path) : NULL;
	g_free(path);
	g_free(file);
	return d;
}

/* The file for a tag: its language and region (pt-BR: hyph_pt_BR), the
 * language alone (pt: hyph_pt, Debian's link to the main variant), then
 * the region ICU thinks most likely (ru: hyph_ru_RU). */
static HyphenDict *print_hyphen_find(const char *lang)
{
	const char *env = g_getenv("KITGEN_HYPHEN_DIR");
	const char *dir = env && *env ? env : PRINT_HYPHEN_DIR;
	char id[ULOC_FULLNAME_CAPACITY], full[ULOC_FULLNAME_CAPACITY];
	char lg[ULOC_LANG_CAPACITY], rg[ULOC_COUNTRY_CAPACITY];
	UErrorCode e = U_ZERO_ERROR;
	uloc_forLanguageTag(lang, id, sizeof id, NULL, &e);
	if (U_FAILURE(e) || uloc_getLanguage(id, lg, sizeof lg, &e) <= 0 || U_FAILURE(e))
		return NULL;
	HyphenDict *d = NULL;
	if (uloc_getCountry(id, rg, sizeof rg, &e) > 0 && U_SUCCESS(e)) {
		char *name = g_strdup_printf("%s_%s", lg, rg);
		d = print_hyphen_try(dir, name);
		g_free(name);
	}
	if (!d)
		d = print_hyphen_try(dir, lg);
	e = U_ZERO_ERROR;
	if (!d && uloc_addLikelySubtags(id, full, sizeof full, &e) > 0 && U_SUCCESS(e) &&
	    uloc_getCountry(full, rg, sizeof rg, &e) > 0 && U_SUCCESS(e)) {
		char *name = g_strdup_printf("%s_%s", lg, rg);
		d = print_hyphen_try(dir, name);
		g_free(name);
	}
	return d;
}

static HyphenDict *print_hyphen_dict(const char *lang)
{
	gpointer v = NULL;
	G_LOCK(print_hyphen);
	if (!print_hyphen_dicts)
		print_hyphen_dicts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (!g_hash_table_lookup_extended(print_hyphen_dicts, lang, NULL, &v)) {
		v = print_hyphen_find(lang);
		g_hash_table_insert(print_hyphen_dicts, g_strdup(lang), v);
		if (!v && g_getenv("KITGEN_DEBUG"))
			g_printerr("kitgen: no hyphenation dictionary for '%s': not hyphenated\n", lang);
	}
	G_UNLOCK(print_hyphen);
	return v;
}

static bool print_hyphen_letter(gunichar u)
{
	return g_unichar_isalpha(u) || g_unichar_ismark(u);
}

/* A token (between spaces) that looks like an address, a path or a code
 * is left whole: breaking "seoul.go.kr" would change what it says. */
static bool print_hyphen_token_ok(const char *s, const char *end)
{
	for (const char *p = s; p < end; p++) {
		if (*p == '/' || *p == '@' || *p == '_' || *p == '\\')
			return false;
		if (*p == '.' && p + 1 < end && g_ascii_isalnum(p[1]))
			return false;
	}
	return true;
}

/* True when the word at w opens a sentence of text: only spaces and
 * opening quotes or brackets between it and a full stop, question or
 * exclamation mark. At the start of text it cannot be told (the text may
 * follow an emphasis inside a sentence): false. */
static bool print_hyphen_sentence(const char *text, const char *w)
{
	const char *p = w;
	while (p > text) {
		p = g_utf8_prev_char(p);
		gunichar u = g_utf8_get_char(p);
		if (g_unichar_isspace(u) || u == '(' || u == '"' || u == 0x201C ||
		    u == 0x00AB || u == 0x2018 || u == '\'')
			continue;
		return u == '.' || u == '!' || u == '?' || u == 0x3002 || u == 0x0964 ||
		       u == 0x1362 || u == 0x061F;
	}
	return false;
}

/* Marks in brk[i] the characters of the word u[0..n) after which the
 * dictionary allows a break. False when it allows none. */
static bool print_hyphen_word(HyphenDict *d, const gunichar *u, int n, bool *brk)
{
	/* the patterns are lowercase; acronyms and CamelCase stay whole */
	for (int i = 1; i < n; i++)
		if (g_unichar_isupper(u[i]))
			return false;
	GString *w = g_string_new(NULL);
	for (int i = 0; i < n; i++)
		g_string_append_unichar(w, g_unichar_tolower(u[i]));
	char *word = w->str;
	gsize len = w->len;
	char *conv = NULL;
	if (!d->utf8) { /* an 8-bit dictionary (ru: KOI8-R): one byte a letter */
		conv = g_convert(w->str, (gssize)w->len, d->cset, "UTF-8", NULL, &len, NULL);
		if (!conv || (int)len != n) {
			g_free(conv);
			g_string_free(w, TRUE);
			return false;
		}
		word = conv;
	}
	char *hyph = g_malloc0(len + 5);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	int lmin = MAX(d->lhmin, PRINT_HYPHEN_LEFT), rmin = MAX(d->rhmin, PRINT_HYPHEN_RIGHT);
	bool any = false;
	if (hnj_hyphen_hyphenate2(d, word, (int)len, hyph, NULL, &rep, &pos, &cut) == 0) {
		/* hyph is indexed by letter (UTF-8 dictionaries count characters);
		 * breaks that rewrite the word (rep: German ck -> k-k) are skipped */
		for (int i = 0; i < n; i++) {
			brk[i] = (hyph[i] & 1) && i + 1 >= lmin && n - i - 1 >= rmin &&
			         !(rep && rep[i]) && !g_unichar_ismark(u[i + 1 < n ? i + 1 : i]);
			any |= brk[i];
		}
	}
	if (rep) {
		for (int i = 0; i < (int)len; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	g_free(hyph);
	g_free(conv);
	g_string_free(w, TRUE);
	return any;
}

char *print_hyphen_text(const char *lang, const char *text)
{
	if (!lang || !*lang || !text)
		return NULL;
	HyphenDict *d = print_hyphen_dict(lang);
	if (!d)
		return NULL;
	GString *out = NULL;
	const char *s = text, *copied = text;
	gunichar u[PRINT_HYPHEN_MAX_WORD];
	bool brk[PRINT_HYPHEN_MAX_WORD];
	while (*s) {
		/* the token around here, for print_hyphen_token_ok */
		const char *tok = s;
		while (*s && !g_unichar_isspace(g_utf8_get_char(s)))
			s = g_utf8_next_char(s);
		const char *tok_end = s;
		bool tok_ok = print_hyphen_token_ok(tok, tok_end);
		for (const char *p = tok; tok_ok && p < tok_end;) {
			if (!print_hyphen_letter(g_utf8_get_char(p))) {
				p = g_utf8_next_char(p);
				continue;
			}
			const char *w = p;
			int n = 0;
			while (p < tok_end && print_hyphen_letter(g_utf8_get_char(p))) {
				if (n < PRINT_HYPHEN_MAX_WORD)
					u[n] = g_utf8_get_char(p);
				n++;
				p = g_utf8_next_char(p);
			}
			/* letters glued to digits (A4, 3rd) are not a word */
			bool digits = (w > tok && g_ascii_isdigit(w[-1])) ||
			              (p < tok_end && g_ascii_isdigit(*p));
			/* a capital inside a sentence starts a name (Maputo, Seoul):
			 * names stay whole; the first word of a sentence may break */
			bool name = n > 0 && g_unichar_isupper(u[0]) && !print_hyphen_sentence(text, w);
			if (n < PRINT_HYPHEN_MIN_WORD || n > PRINT_HYPHEN_MAX_WORD || digits || name ||
			    !print_hyphen_word(d, u, n, brk))
				continue;
			if (!out)
				out = g_string_sized_new(strlen(text) + 16);
			g_string_append_len(out, copied, w - copied);
			const char *q = w;
			for (int i = 0; i < n; i++) {
				const char *next = g_utf8_next_char(q);
				g_string_append_len(out, q, next - q);
				if (brk[i])
					g_string_append(out, "\xc2\xad");
				q = next;
			}
			copied = p;
		}
		while (*s && g_unichar_isspace(g_utf8_get_char(s)))
			s = g_utf8_next_char(s);
	}
	if (!out)
		return NULL;
	g_string_append(out, copied);
	return g_string_free(out, FALSE);
}
