/* staging: the life of a build's staging folder around the output cache —
 * started from the recycled site or empty, the other half linked in for
 * --only, then put in place of OUT/site with the keys saved — in the one
 * order that never leaves keys naming files that are not there. */
#ifndef KITGEN_STAGING_H
#define KITGEN_STAGING_H

#include <stdbool.h>
#include "build/cache.h"
#include "core/diag.h"

/* Which part of the site a build makes; the other is kept as it was. */
typedef enum { STAGING_WHOLE, STAGING_ONLY_PDF, STAGING_ONLY_SITE } staging_part;

/* The folder the outputs of a build of target (OUT/site) are written into,
 * ready for them: the recycled spare or an empty folder; with --only, the
 * other part of target linked in (and, for the site, the PDFs' keys
 * carried). Marks c complete when the build makes every file. NULL with
 * err set when it cannot be made. */
char *staging_begin(out_cache *c, const char *target, staging_part part, int jobs,
                    GError **err);

/* After the outputs: when ok, puts stage in place of target (outputs this
 * build did not make removed, the previous keys forgotten first, the
 * replaced site kept as the next spare, this build's keys saved — a
 * failure to save them is a warning in d); otherwise, or when the swap
 * fails (err set), removes stage. *swapped: target was replaced. */
bool staging_end(out_cache *c, char *stage, const char *target, bool ok, bool *swapped,
                 diag_list *d, GError **err);

#endif
