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
 * "body|REL", "pick|KIND|SLUG|LANG", "order|KIND|LANG", "catalogue",
 * "heads"), added to sum; false for a name it does not know. A
 * reads_value_fn with the model as ctx. */
bool model_read_value(void *m, const char *name, GChecksum *sum);

/* Records (reads.h) that the running task reads key of it's front matter. */
void model_read_fm(const content_item *it, const char *key);

/* Records that it reads everything of the catalogue's frame: site.yaml,
 * the languages built, the pages that exist and every other file under
 * content/ (by size and time). */
void model_read_catalogue(void);

#endif
