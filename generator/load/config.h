/* config: content/site.yaml — site title, languages and their fallback
 * chains, the fields that group systems. */
#ifndef KITGEN_CONFIG_H
#define KITGEN_CONFIG_H

#include <stdbool.h>
#include "core/yamltree.h"

typedef struct {
	const char *code, *name, *dir; /* borrowed from the YAML tree */
	const char *paper;             /* its print paper (a4, letter, ...), or NULL */
	const char **chain;            /* code, then its fallbacks; NULL-terminated */
	bool build;                    /* selected for this run (--lang) */
} cfg_language;

typedef struct {
	const char *id;
	const yt_node *name; /* {LANG: text} */
} cfg_field;

typedef struct {
	char *path;    /* site.yaml, for messages */
	yt_node *root; /* owned; everything else borrows from it */
	const char *base_url; /* ends with '/' */
	const char *default_lang;
	bool trusted_html;
	bool drafts;                   /* this run includes draft: true pages (--drafts) */
	cfg_language *langs;
	size_t nlangs;
	cfg_field *fields;
	size_t nfields;
} site_config;

site_config *config_load(const char *path, diag_list *d);
void config_free(site_config *c);

/* Builds only the languages in the comma-separated list (--lang ko,en);
 * records an error for a code the site does not define. */
bool config_select_languages(site_config *c, const char *list, diag_list *d);

const cfg_language *config_language(const site_config *c, const char *code);
const cfg_field *config_field(const site_config *c, const char *id);
/* site.yaml text for a language, e.g. config_text(c, "title", "ko"). */
const char *config_text(const site_config *c, const char *key, const char *lang);

/* What a published site must not lack, as warnings (errors with
 * --strict): TODO placeholders, and the site's texts (title,
 * description, organisation, field names) in each of its languages. */
void config_check_complete(const site_config *c, diag_list *d);

#endif
