/* out: everything kitgen writes goes through here — into a fresh staging
 * folder that replaces the previous output in one rename, so a failed or
 * interrupted build never leaves out/ half-written. */
#ifndef KITGEN_OUT_H
#define KITGEN_OUT_H

#include <glib.h>
#include <stdbool.h>

/* Writes a file, creating its folders. */
bool out_write_file(const char *path, const char *data, size_t len, GError **err);

/* Creates an empty staging folder beside target (TARGET.tmp-XXXXXX). */
char *out_stage_begin(const char *target, GError **err);
/* Puts staging in place of target atomically; the old output, if there
 * was one, is then at staging (*old_at_staging). */
bool out_stage_swap(const char *staging, const char *target, bool *old_at_staging,
                    GError **err);
/* Puts staging in place of target atomically, then removes the old output. */
bool out_stage_commit(const char *staging, const char *target, GError **err);
/* Removes staging folders left by interrupted builds (TARGET.tmp-*). */
void out_stage_clean(const char *target);
/* Removes a staging folder after a failed build. */
void out_stage_abort(const char *staging);

/* Hard-links every regular file under from into to (same relative paths),
 * except under the top-level folders named in skip (NULL-terminated). */
bool out_link_tree(const char *from, const char *to, const char *const *skip, GError **err);

/* Removes a folder tree (no symlinks followed). */
void out_remove_tree(const char *path);

#endif
