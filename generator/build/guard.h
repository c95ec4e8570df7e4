/* guard: what kitgen may touch on disk — one build per output folder, only
 * folders kitgen made, cache files read as untrusted hints, -o targets. */
#ifndef KITGEN_GUARD_H
#define KITGEN_GUARD_H

#include <glib.h>
#include <stdbool.h>

/* Takes the lock of out_dir (OUT/.lock, created with the folder): the fd
 * to keep open while the build runs, or -1 with err set ("another build
 * is running (pid N)") when another process still holds it after 3 s. */
int guard_lock(const char *out_dir, GError **err);
/* Releases a lock taken by guard_lock (fd < 0: nothing). */
void guard_unlock(int fd);

/* Before anything is made in out_dir (the lock included): refuses an
 * output folder inside the content or theme folder, or around the content
 * folder (--out content, --out ..). */
bool guard_out_placed(const char *out_dir, const char *content_dir, const char *theme_dir,
                      GError **err);
/* Before a build writes into out_dir: refuses an OUT/site that is a
 * symbolic link or that kitgen did not make (no marker OUT/.kitgen).
 * Marks out_dir as kitgen's. Call with the lock held. */
bool guard_out_dir(const char *out_dir, GError **err);

/* Removes temporary files that a killed build left in OUT/.cache (a
 * cache write's NAME.XXXXXX). Call with the lock held. */
void guard_clean_temps(const char *out_dir);

/* Reads a cache file, which is only ever a hint: opened without blocking
 * (a FIFO in its place reads nothing) and used only when it is a regular
 * file no larger than max bytes. false when it is not. */
bool guard_read_advisory(const char *path, gsize max, char **text, gsize *len);
/* The same, as an fd to map or read (or -1). */
int guard_open_advisory(const char *path);

/* This user's secret for signing cache files (32 random bytes, made once
 * in the user's cache folder, mode 0600): a cache file copied from
 * elsewhere or forged does not carry its signature. false when there is
 * none and none can be made: then no signed cache is used. */
#define GUARD_SECRET_LEN 32
bool guard_user_secret(guint8 out[GUARD_SECRET_LEN]);
/* The signature of data with that secret (GUARD_SIGN_LEN bytes); false
 * when it cannot be computed. */
#define GUARD_SIGN_LEN 32
bool guard_sign(const guint8 secret[GUARD_SECRET_LEN], const guint8 *data, gsize len,
                guint8 out[GUARD_SIGN_LEN]);

/* A text cache signed in its last line, "#signed HEX": guard_sign_text
 * appends it (false when there is no secret: then write nothing);
 * guard_check_text is true when text ends with a good one, and cuts *len
 * to the text it signs. */
bool guard_sign_text(GString *text);
bool guard_check_text(const char *text, gsize *len);

/* rel is a path kitgen may have written under a folder: relative, no
 * empty, "." or ".." part, no control characters. */
bool guard_rel_ok(const char *rel);

/* Removes root/rel and then its folders up to root while they are empty;
 * never follows a symbolic link on the way (openat, O_NOFOLLOW). */
void guard_remove_under(const char *root, const char *rel);

/* Hard-links from_root/rel to to_root/rel (creating folders) when it is a
 * regular file; no symbolic link is followed on either side. */
bool guard_link_under(const char *from_root, const char *to_root, const char *rel);

#endif
