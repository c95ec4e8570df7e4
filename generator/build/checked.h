/* checked: pages whose Markdown was checked clean by an earlier build.
 * Rendering every body to check its links is most of a rebuild; a body
 * that did not change, in a catalogue whose files and settings did not
 * change, checks the same, so its check is skipped and only the media it
 * uses are noted again. Kept in OUT/.cache/checked.tsv. */
#ifndef KITGEN_CHECKED_H
#define KITGEN_CHECKED_H

#include <stdbool.h>
#include "load/content.h"

typedef struct checked_set checked_set;

/* Reads OUT/.cache/checked.tsv; universe sums what every check reads
 * besides the page itself (checked_universe). */
checked_set *checked_open(const char *out_dir, const char *universe);
void checked_free(checked_set *c);

/* What a body's check reads besides its own text: kitgen, site.yaml and
 * the name of every file under content/. Owned. */
char *checked_universe(const content_set *s, const char *site_yaml);

/* The media the page's body uses when it was checked clean before, else
 * NULL (borrowed; NULL-terminated). Thread-safe. */
char **checked_lookup(checked_set *c, const content_item *it);

/* Remembers a clean check with the media the body uses. Thread-safe. */
void checked_add(checked_set *c, const content_item *it, GPtrArray *media);

/* Writes the pages checked clean in this run. */
bool checked_save(checked_set *c);

#endif
