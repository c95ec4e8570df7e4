/* i18n: the theme's UI strings per language with fallback along the
 * language chain, and ICU for what differs by locale (dates, sorting). */
#ifndef KITGEN_I18N_H
#define KITGEN_I18N_H

#include <libxml/tree.h>
#include "load/config.h"

typedef struct i18n_set i18n_set;

/* Loads DIR/LANG.yaml for every site language; a missing file is a warning
 * (its strings fall back), a malformed one an error. */
i18n_set *i18n_load(const char *dir, const site_config *c, diag_list *d);
void i18n_free(i18n_set *s);

/* The string for key in lang, following lang's chain, then the default
 * language (lang may be NULL: the default language alone); the key itself
 * if none has it. */
const char *i18n_get(const i18n_set *s, const char *lang, const char *key);

/* As i18n_get, but NULL when no language has key (the themes' kg:s). */
const char *i18n_find(const i18n_set *s, const char *lang, const char *key);

/* The language a page in lang reads its UI strings in: lang itself, or
 * the first of its chain that has strings of its own (borrowed). */
const char *i18n_ui_lang(const i18n_set *s, const char *lang);

/* A digest of every string of every site language as i18n_get finds it:
 * what the themes can read besides the page document (cache keys). Owned. */
char *i18n_digest(const i18n_set *s);

/* Appends <s k="KEY">text</s> for every key known in any language, in key
 * order (the themes' kg:strings). */
void i18n_add_strings(const i18n_set *s, const char *lang, xmlNodePtr parent);

/* Every key any language has, sorted (borrowed). */
GPtrArray *i18n_keys(const i18n_set *s);
/* lang's own string for key, without fallback; NULL when it has none. */
const char *i18n_own(const i18n_set *s, const char *lang, const char *key);

/* Keys a language lacks (that the first language has), for coverage. */
GPtrArray *i18n_missing(const i18n_set *s, const char *lang);

/* "2013-04-15" → "2013년 4월 15일" (ko), "April 15, 2013" (en); "2013" stays. Owned. */
char *i18n_format_date(const char *lang, const char *iso);

/* 1234567 in currency "USD" as lang writes it: "US$1,234,567" (en),
 * "US$1,234,567" (ko), "1.234.567 US$" (pt). Owned. */
char *i18n_format_currency(const char *lang, double amount, const char *currency);

/* 1234567 as lang writes numbers. Owned. */
char *i18n_format_number(const char *lang, double n);

/* v with exactly digits decimals (digits < 0: as ICU rounds), as lang
 * writes it: 22.5 (en), 22,5 (pt), Latin digits. Owned. */
char *i18n_format_decimal(const char *lang, double v, int digits);

/* The name of language code as a reader of in_lang calls it (ICU's
 * locale data): "Korean" in en, "coreano" in pt, "中文（繁體）" for zh-Hant
 * in zh-Hant. NULL when ICU has no name for it. Owned. */
char *i18n_language_name(const char *code, const char *in_lang);

/* Compares two strings as lang sorts them (ICU collation). */
int i18n_collate(const char *lang, const char *a, const char *b);

#endif
