/* model: the document model. Each page of content becomes an <item> element
 * (front matter typed by its schema, references resolved to titles in the
 * reader's language, Markdown body as XML), the one tree that the site and
 * print renderers read. */
#ifndef KITGEN_MODEL_H
#define KITGEN_MODEL_H

#include <libxml/tree.h>
#include "load/content.h"
#include "load/i18n.h"
#include "model/diagnose.h"
#include "load/markdown.h"

typedef struct {
	const site_config *config;
	const content_set *set;
	const i18n_set *strings;
	media_set *media;
	diag_list *d;
	dx_model *dx;       /* the diagnosis model, NULL without diagnostics */
	GHashTable *dx_results; /* content_item* -> dx_result* */
	GHashTable *studies_by_lang; /* lang -> studies index (model.c), made on first use */
	GMutex lock;                 /* guards studies_by_lang, by_relpath */
	GHashTable *by_relpath;      /* relpath -> content_item* (model_reads.c), made on first use */
	struct checked_set *checked; /* bodies checked clean before (build), or NULL */
	gint64 source_date; /* the date outputs carry (seconds since 1970), set by the
	                     * command (SOURCE_DATE_EPOCH, else the newest 'updated');
	                     * -1 (model_new): none */
} model;

model *model_new(const site_config *c, const content_set *s, const i18n_set *strings,
                 media_set *media, diag_list *d);
void model_free(model *m);

/* Renders every page's Markdown once, checking its links (model_item
 * renders a body again when a page needs it: none is kept); also checks
 * every page's front matter and scores every diagnosis (with the model of
 * content/diagnostics/model.yaml), on jobs threads. Errors go to the
 * model's diag list. */
void model_load_bodies(model *m, int jobs);
/* Warns, per language built, about printed documents a reader would get
 * unfinished: draft translations, kits with chapters in another language.
 * only / only_lang (when not NULL) narrow it to one document, as the
 * one-document commands make it. */
void model_check_unfinished(model *m, const content_group *only, const char *only_lang);

/* The address of a page in lang, inside the site: "en/systems/x/". */
char *model_page_path(content_kind k, const char *slug, const char *lang);

/* Kinds that get a web page of their own. */
bool model_kind_has_page(content_kind k);

/* A new <item> for group g as a reader of lang sees it, in doc. full adds
 * the body, table of contents and derived lists. */
xmlNodePtr model_item(model *m, const content_group *g, const char *lang, xmlDocPtr doc,
                      bool full);

/* model_item with only the front-matter keys named in keys (NULL-ended;
 * NULL: every key; "a|b": b when there is no a; "*": every key but those
 * written "-c"): what a page shows of it, as the theme declares
 * (site/settings.xml), so that only those are read. */
xmlNodePtr model_item_keys(model *m, const content_group *g, const char *lang, xmlDocPtr doc,
                           bool full, const char *const *keys);

/* A new <page layout lang dir> document with what every renderer needs
 * around the content: <site> texts (title, description, organisation,
 * base-url, default-lang, generator). The themes read the UI strings of
 * lang through kg:s (xslt.h), not from the document. */
xmlDocPtr model_page_new(model *m, const char *layout, const char *lang,
                         const char *generator, xmlNodePtr *page, xmlNodePtr *site);

/* The recommended systems of a diagnosis (slug, borrowed), best first;
 * NULL when it has none or does not exist. */
GPtrArray *model_recommended(model *m, const char *diagnosis, size_t max);

/* The studies (content_item*, borrowed, or NULL) that name city slug (k:
 * KIND_CITY) or propose system slug, oldest first, as lang reads them. */
GPtrArray *model_studies_of(model *m, content_kind k, const char *slug, const char *lang);

/* Sort key order of a kind's groups for lang: weight, then title (ICU). */
GPtrArray *model_sorted_groups(model *m, content_kind k, const char *lang);

#endif
