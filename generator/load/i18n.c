/* i18n: UI strings and ICU-backed locale formats. */
#include <string.h>
#include <glib.h>
#include <unicode/ucol.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>
#include "load/i18n.h"

struct i18n_set {
	const site_config *config;  /* borrowed */
	GHashTable *langs;          /* lang -> GHashTable key -> text */
	GPtrArray *keys;            /* every key, sorted */
	GHashTable *known;          /* the same keys as a set (borrowed from keys) */
};

/* Flattens nested maps to dotted keys: {nav: {home: …}} → nav.home. */
static void i18n_flatten(const yt_node *n, const char *prefix, GHashTable *out,
                         const char *file, diag_list *d)
{
	for (size_t i = 0; i < n->count; i++) {
		char *key = prefix ? g_strdup_printf("%s.%s", prefix, n->keys[i])
		                   : g_strdup(n->keys[i]);
		const yt_node *v = n->items[i];
		if (v->kind == YT_MAP)
			i18n_flatten(v, key, out, file, d);
		else if (v->kind == YT_SCALAR)
			g_hash_table_insert(out, g_strdup(key), g_strdup(v->value));
		else
			diag_error(d, file, v->line, v->col, "write 'key: text'",
			           "UI string '%s' must be text", key);
		g_free(key);
	}
}

static gint i18n_cmp_key(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

i18n_set *i18n_load(const char *dir, const site_config *c, diag_list *d)
{
	i18n_set *s = g_new0(i18n_set, 1);
	s->config = c;
	s->langs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                 (GDestroyNotify)g_hash_table_destroy);
	GHashTable *all = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; i < c->nlangs; i++) {
		const char *lang = c->langs[i].code;
		char *name = g_strdup_printf("%s.yaml", lang);
		char *path = g_build_filename(dir, name, NULL);
		GHashTable *strings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		if (g_file_test(path, G_FILE_TEST_EXISTS)) {
			yt_node *root = yt_parse_file(path, d);
			if (root && root->kind == YT_MAP)
				i18n_flatten(root, NULL, strings, path, d);
			yt_free(root);
		} else if (c->langs[i].build) {
			diag_warn(d, path, 0, 0, "copy en.yaml and translate it",
			          "no UI strings for language '%s'; they fall back", lang);
		}
		GHashTableIter it;
		gpointer k;
		g_hash_table_iter_init(&it, strings);
		while (g_hash_table_iter_next(&it, &k, NULL))
			g_hash_table_add(all, k);
		g_hash_table_insert(s->langs, g_strdup(lang), strings);
		g_free(path);
		g_free(name);
	}
	s->keys = g_ptr_array_new_with_free_func(g_free);
	GHashTableIter it;
	gpointer k;
	g_hash_table_iter_init(&it, all);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_ptr_array_add(s->keys, g_strdup(k));
	g_ptr_array_sort(s->keys, i18n_cmp_key);
	g_hash_table_destroy(all);
	s->known = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < s->keys->len; i++)
		g_hash_table_add(s->known, s->keys->pdata[i]);
	/* A language with its file but not every string: those fall back. */
	for (size_t i = 0; i < c->nlangs; i++) {
		const char *lang = c->langs[i].code;
		GHashTable *t = g_hash_table_lookup(s->langs, lang);
		if (!c->langs[i].build || !t || !g_hash_table_size(t))
			continue;
		GPtrArray *miss = i18n_missing(s, lang);
		if (miss->len) {
			char *path = g_strdup_printf("%s/%s.yaml", dir, lang);
			char *hint = g_strdup_printf("'kitgen i18n export %s' gives them to a translator", lang);
			diag_warn(d, path, 0, 0, hint, "%u UI string%s missing in '%s' (the first: '%s'); "
			          "readers see the fallback language's", miss->len,
			          miss->len == 1 ? "" : "s", lang, (const char *)miss->pdata[0]);
			g_free(hint);
			g_free(path);
		}
		g_ptr_array_free(miss, TRUE);
	}
	return s;
}

void i18n_free(i18n_set *s)
{
	if (!s)
		return;
	g_hash_table_destroy(s->langs);
	g_hash_table_destroy(s->known);
	g_ptr_array_free(s->keys, TRUE);
	g_free(s);
}

const char *i18n_get(const i18n_set *s, const char *lang, const char *key)
{
	const cfg_language *l = lang ? config_language(s->config, lang) : NULL;
	for (size_t i = 0; l && l->chain[i]; i++) {
		GHashTable *t = g_hash_table_lookup(s->langs, l->chain[i]);
		const char *v = t ? g_hash_table_lookup(t, key) : NULL;
		if (v)
			return v;
	}
	GHashTable *def = s->config->default_lang
	                          ? g_hash_table_lookup(s->langs, s->config->default_lang)
	                          : NULL;
	const char *v = def ? g_hash_table_lookup(def, key) : NULL;
	return v ? v : key;
}

const char *i18n_ui_lang(const i18n_set *s, const char *lang)
{
	const cfg_language *l = lang ? config_language(s->config, lang) : NULL;
	for (size_t i = 0; l && l->chain[i]; i++) {
		GHashTable *t = g_hash_table_lookup(s->langs, l->chain[i]);
		if (t && g_hash_table_size(t))
			return l->chain[i];
	}
	return s->config->default_lang ? s->config->default_lang : lang;
}

const char *i18n_find(const i18n_set *s, const char *lang, const char *key)
{
	return g_hash_table_contains(s->known, key) ? i18n_get(s, lang, key) : NULL;
}

char *i18n_digest(const i18n_set *s)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	for (size_t i = 0; i < s->config->nlangs; i++) {
		const char *lang = s->config->langs[i].code;
		g_checksum_update(sum, (const guchar *)lang, (gssize)strlen(lang) + 1);
		for (guint k = 0; k < s->keys->len; k++) {
			const char *key = s->keys->pdata[k], *v = i18n_get(s, lang, key);
			g_checksum_update(sum, (const guchar *)key, (gssize)strlen(key) + 1);
			g_checksum_update(sum, (const guchar *)v, (gssize)strlen(v) + 1);
		}
	}
	char *out = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return out;
}

void i18n_add_strings(const i18n_set *s, const char *lang, xmlNodePtr parent)
{
	for (guint i = 0; i < s->keys->len; i++) {
		const char *k = s->keys->pdata[i];
		xmlNodePtr e = xmlNewTextChild(parent, NULL, BAD_CAST "s",
		                               BAD_CAST i18n_get(s, lang, k));
		xmlSetProp(e, BAD_CAST "k", BAD_CAST k);
	}
}

GPtrArray *i18n_keys(const i18n_set *s)
{
	return s->keys;
}

const char *i18n_own(const i18n_set *s, const char *lang, const char *key)
{
	GHashTable *t = g_hash_table_lookup(s->langs, lang);
	return t ? g_hash_table_lookup(t, key) : NULL;
}

GPtrArray *i18n_missing(const i18n_set *s, const char *lang)
{
	GPtrArray *out = g_ptr_array_new();
	GHashTable *t = g_hash_table_lookup(s->langs, lang);
	for (guint i = 0; i < s->keys->len; i++)
		if (!t || !g_hash_table_contains(t, s->keys->pdata[i]))
			g_ptr_array_add(out, s->keys->pdata[i]);
	return out;
}

/* ICU wants "zh_Hant"; BCP 47 writes "zh-Hant". Digits are Latin in
 * every language: the catalogue's texts write their numbers (years, phone
 * numbers, amounts) with them, Nepali included, and a document holds one
 * numeral system — ICU's default for ne (Devanagari) put ०-९ in dates
 * and tables beside the text's 0-9. */
static char *i18n_icu_locale(const char *lang)
{
	char *l = g_strconcat(lang, "@numbers=latn", NULL);
	g_strdelimit(l, "-", '_');
	return l;
}

/* Opening an ICU formatter costs far more than formatting: one per thread
 * and language, kept for the life of the thread. */
static GPrivate i18n_date_formats = G_PRIVATE_INIT((GDestroyNotify)g_hash_table_destroy);

static UDateFormat *i18n_date_format(const char *lang)
{
	GHashTable *t = g_private_get(&i18n_date_formats);
	if (!t) {
		t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)udat_close);
		g_private_set(&i18n_date_formats, t);
	}
	UDateFormat *f = g_hash_table_lookup(t, lang);
	if (!f) {
		UErrorCode err = U_ZERO_ERROR;
		char *loc = i18n_icu_locale(lang);
		UChar tz[] = {'U', 'T', 'C', 0};
		f = udat_open(UDAT_NONE, UDAT_LONG, loc, tz, -1, NULL, 0, &err);
		g_free(loc);
		if (U_FAILURE(err))
			return NULL;
		g_hash_table_insert(t, g_strdup(lang), f);
	}
	return f;
}

char *i18n_format_date(const char *lang, const char *iso)
{
	if (!iso || strlen(iso) != 10)
		return g_strdup(iso);
	int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
	GDateTime *dt = g_date_time_new_utc(y, m, d, 12, 0, 0);
	if (!dt)
		return g_strdup(iso);
	UDate when = (UDate)g_date_time_to_unix(dt) * 1000.0;
	g_date_time_unref(dt);
	UErrorCode err = U_ZERO_ERROR;
	UDateFormat *f = i18n_date_format(lang);
	UChar buf[128];
	int32_t n = f ? udat_format(f, when, buf, 128, NULL, &err) : 0;
	if (!f || U_FAILURE(err))
		return g_strdup(iso);
	char out[512];
	int32_t len = 0;
	u_strToUTF8(out, sizeof out, &len, buf, n, &err);
	return U_SUCCESS(err) ? g_strndup(out, (gsize)len) : g_strdup(iso);
}

static char *i18n_utf8(const UChar *buf, int32_t n)
{
	UErrorCode err = U_ZERO_ERROR;
	char out[256];
	int32_t len = 0;
	u_strToUTF8(out, sizeof out, &len, buf, n, &err);
	return U_SUCCESS(err) ? g_strndup(out, (gsize)len) : NULL;
}

char *i18n_format_currency(const char *lang, double amount, const char *currency)
{
	UErrorCode err = U_ZERO_ERROR;
	char *loc = i18n_icu_locale(lang);
	UNumberFormat *f = unum_open(UNUM_CURRENCY, NULL, 0, loc, NULL, &err);
	g_free(loc);
	UChar code[4] = {0};
	for (int i = 0; i < 3 && currency && currency[i]; i++)
		code[i] = (UChar)currency[i];
	UChar buf[128];
	int32_t n = 0;
	if (U_SUCCESS(err)) {
		/* Whole units: budgets of this size are never written with cents. */
		unum_setAttribute(f, UNUM_MAX_FRACTION_DIGITS, 0);
		unum_setAttribute(f, UNUM_MIN_FRACTION_DIGITS, 0);
		n = unum_formatDoubleCurrency(f, amount, code, buf, 128, NULL, &err);
	}
	if (f)
		unum_close(f);
	char *s = U_SUCCESS(err) ? i18n_utf8(buf, n) : NULL;
	return s ? s : g_strdup_printf("%s %.0f", currency ? currency : "", amount);
}

char *i18n_format_number(const char *lang, double v)
{
	return i18n_format_decimal(lang, v, -1);
}

char *i18n_format_decimal(const char *lang, double v, int digits)
{
	UErrorCode err = U_ZERO_ERROR;
	char *loc = i18n_icu_locale(lang);
	UNumberFormat *f = unum_open(UNUM_DECIMAL, NULL, 0, loc, NULL, &err);
	g_free(loc);
	if (U_SUCCESS(err) && digits >= 0) {
		unum_setAttribute(f, UNUM_MAX_FRACTION_DIGITS, digits);
		unum_setAttribute(f, UNUM_MIN_FRACTION_DIGITS, digits);
	}
	UChar buf[128];
	int32_t n = U_SUCCESS(err) ? unum_formatDouble(f, v, buf, 128, NULL, &err) : 0;
	if (f)
		unum_close(f);
	char *s = U_SUCCESS(err) ? i18n_utf8(buf, n) : NULL;
	return s ? s : g_strdup_printf("%g", v);
}

char *i18n_language_name(const char *code, const char *in_lang)
{
	char id[ULOC_FULLNAME_CAPACITY], in[ULOC_FULLNAME_CAPACITY];
	UErrorCode err = U_ZERO_ERROR;
	uloc_forLanguageTag(code, id, sizeof id, NULL, &err);
	uloc_forLanguageTag(in_lang, in, sizeof in, NULL, &err);
	UChar buf[128];
	int32_t n = U_SUCCESS(err) ? uloc_getDisplayName(id, in, buf, 128, &err) : 0;
	/* without data for code ICU echoes the code back: no name, then */
	if (U_FAILURE(err) || err == U_USING_DEFAULT_WARNING || n <= 0)
		return NULL;
	char *name = i18n_utf8(buf, n);
	if (name && !g_ascii_strcasecmp(name, id)) {
		g_free(name);
		return NULL;
	}
	return name;
}

/* One collator per thread and language: opening one costs more than many
 * comparisons. */
static GPrivate i18n_collators = G_PRIVATE_INIT((GDestroyNotify)g_hash_table_destroy);

int i18n_collate(const char *lang, const char *a, const char *b)
{
	GHashTable *t = g_private_get(&i18n_collators);
	if (!t) {
		t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		                          (GDestroyNotify)ucol_close);
		g_private_set(&i18n_collators, t);
	}
	UCollator *c = g_hash_table_lookup(t, lang);
	if (!c) {
		UErrorCode err = U_ZERO_ERROR;
		char *loc = i18n_icu_locale(lang);
		c = ucol_open(loc, &err);
		g_free(loc);
		if (U_FAILURE(err))
			return g_utf8_collate(a, b);
		g_hash_table_insert(t, g_strdup(lang), c);
	}
	UErrorCode err = U_ZERO_ERROR;
	UCollationResult r = ucol_strcollUTF8(c, a, -1, b, -1, &err);
	return U_FAILURE(err) ? strcmp(a, b) : (int)r;
}
