/* cli: what kitgen's commands share — options, loading the catalogue
 * (load → model), writing media, printing diagnostics. Each command lives
 * in a cmd_*.c file; main.c parses options and dispatches. */
#ifndef KITGEN_CLI_H
#define KITGEN_CLI_H

#include <stdbool.h>
#include <glib.h>
#include "build/cache.h"
#include "load/content.h"
#include "load/i18n.h"
#include "model/model.h"

#define KITGEN_VERSION "0.1.0"
#define KG_MAX_JOBS 256

typedef struct {
	const char *content, *theme, *out, *lang, *fonts, *output;
	const char *only; /* "site" or "pdf": build one half, keep the other */
	const char *pdf_standard; /* "ua1-a2a" (default) or "none" */
	const char *from; /* new: start a translation from this language's page */
	const char *zip;  /* build: also write the site as a ZIP here (offline copy) */
	int jobs;         /* threads; 0: one per core; at most KG_MAX_JOBS */
	gboolean strict, quiet, verbose, version, translations, json, force, drafts;
	const char *bind;       /* serve: address to listen on (default 127.0.0.1) */
	int port;               /* serve: 0 picks a free port */
	gboolean allow_remote;  /* serve: a non-loopback --bind is refused without it */
} kg_options;

typedef struct {
	site_config *config;
	content_set *set;
	i18n_set *strings;
	media_set *media;
	model *model;
	fm_cache *front_matter; /* from OUT/.cache, when there is an OUT */
} kg_catalogue;

/* Colour on a terminal unless NO_COLOR is set. */
bool kg_colour(void);
/* Prints problems when the run must stop here; true when it may go on. */
bool kg_report(diag_list *d, const kg_options *o);
/* load → model. extra: a diagnosis file from outside content/ (kitgen
 * diagnose FILE), returned in *extra_item. false on errors. */
bool kg_load_with(kg_catalogue *k, const kg_options *o, const char *extra,
                  content_item **extra_item, diag_list *d);
bool kg_load(kg_catalogue *k, const kg_options *o, diag_list *d);
void kg_catalogue_free(kg_catalogue *k);
/* Theme assets, content media and derived charts into a site folder. */
bool kg_write_media(kg_catalogue *k, const kg_options *o, const char *stage,
                    out_cache *outputs, diag_list *d);

/* A usage error: "kitgen: MESSAGE" and "see 'kitgen help CMD'" on stderr;
 * returns 2, the status of usage errors. cmd may be NULL. */
int kg_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Where a build with o's --lang writes: OUT, or OUT/lang-ko+en for a
 * subset of the languages. Owned. */
char *kg_out_for_langs(const kg_options *o);

int cmd_build(const kg_options *o);
int cmd_check(const kg_options *o);
int cmd_document(const kg_options *o, const char *layout, int argc, char **argv);
int cmd_i18n(const kg_options *o, int argc, char **argv);
int cmd_init(const kg_options *o, int argc, char **argv);
int cmd_list(const kg_options *o, int argc, char **argv);
int cmd_new(const kg_options *o, int argc, char **argv);
int cmd_serve(const kg_options *o);

#endif
