/* model_reads: the names of what a page reads from the model (a field of
 * a page's front matter, a body, which translation a language shows, the
 * order of a list, the catalogue's settings and files) and their values,
 * for keys made from what each output read (build/reads.h). */
#ifndef KITGEN_MODEL_READS_H
#define KITGEN_MODEL_READS_H

#include <stdbool.h>
#include <glib.h>
#include "model/model.h"

/* The value of a read name of the model ("fm|REL|KEY", "keys|REL",
 * "body|REL", "pick|KIND|SLUG|LANG", "order|KIND|LANG",
 * "studies|KIND|SLUG|LANG" (a city's or system's studies), "catalogue",
 * "heads"), added to sum; false for a name it does not know. A
 * reads_value_fn with the model as ctx. */
bool model_read_value(void *m, const char *name, GChecksum *sum);

/* Records (reads.h) that the running task reads key of it's front matter. */
void model_read_fm(const content_item *it, const char *key);

/* Records that it reads everything of the catalogue's frame: site.yaml,
 * the languages built, the pages that exist and every other file under
 * content/ (by size and time). */
void model_read_catalogue(void);

/* What a theme's templates show of the items they get, from its
 * settings.xml: <list-keys layout="L" [kind="K" | on="L2" | slug="S"]
 * [downloads="true"] [fallback="false"] [size="N" [paged="true"]]
 * [newest="KEY"]>KEY …</list-keys> (docs/theme.md). */
typedef struct model_shown {
	GHashTable *keys;         /* "L", "L kind=K", "L on=L2", "L slug=S" -> keys (char **) */
	GHashTable *no_downloads; /* layouts whose lists hold no <downloads> */
	GHashTable *no_fallback;  /* layouts whose lists leave fallback items out */
	GHashTable *sizes;        /* layout -> its size * 2 + paged (GINT_TO_POINTER) */
	GHashTable *newest;       /* layout -> the date key its list is ordered by, newest first */
} model_shown;

/* How many items of each kind a page of layout lists: 0 for every one.
 * *paged: the rest go on further pages (else the page links the full
 * list). A bound keeps a page, and the memory that makes it, the same
 * size whatever the catalogue's. */
int model_shown_size(const model_shown *s, const char *layout, bool *paged);

/* The front-matter key (a date) whose newest values a layout's list
 * shows first, instead of the lists' order; NULL for none. */
const char *model_shown_newest(const model_shown *s, const char *layout);

/* Reads path (a missing file declares nothing: every key is shown). */
model_shown *model_shown_load(const char *path);
void model_shown_free(model_shown *s);

/* The keys layout shows (NULL: every key; for model_item_keys) as
 * declared for "LAYOUT QUALIFIER" or, when exact is false and that is not
 * declared, for the whole layout. qualifier: "kind=K", "on=L", "slug=S"
 * or "" (the layout's own entry). */
const char *const *model_shown_keys(const model_shown *s, const char *layout,
                                    const char *qualifier, bool exact);

#endif
