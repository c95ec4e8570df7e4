/* schema: the documented front-matter keys of every kind of content, and
 * the checks that hold a page to them (types, required keys, references). */
#ifndef KITGEN_SCHEMA_H
#define KITGEN_SCHEMA_H

#include "load/content.h"

/* The keys of a kind (its kinds.c entry), ending with a zeroed entry.
 * Shared keys come first. */
const schema_key *schema_keys(content_kind k);

/* Checks one page's front matter against its kind's schema and the rest of
 * the content (references). Records errors and warnings in d. */
void schema_check(const content_item *it, const content_set *s, const site_config *c,
                  diag_list *d);

/* What `kitgen new` found in the catalogue for a new page's required keys;
 * each NULL when unknown. */
typedef struct {
	const char *field; /* a system's field: the first of site.yaml */
	const char *city;  /* an existing city the page is about */
	const char *year;  /* a study's year, YYYY */
	const char *date;  /* a kit's or diagnosis's date, YYYY-MM-DD */
	const char *values; /* a diagnosis's values: "  id: value\n" lines */
	const char *const *headings; /* the kind's sections in the page's language
	                              * (NULL-ended), else its English ones */
	const char *problems; /* the problem ids systems answer: "a, b, c" */
} schema_hints;

/* Writes a new page with every key, commented, for `kitgen new`; required
 * keys hold values that build where h (may be NULL) or the schema knows one,
 * "TODO: …" text otherwise. */
char *schema_scaffold_with(content_kind k, const char *slug, const char *lang,
                           const schema_hints *h);
char *schema_scaffold(content_kind k, const char *slug, const char *lang);

#endif
