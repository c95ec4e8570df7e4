/* fmcache: every page's front matter as the last build parsed it, so that a
 * rebuild reads and parses only the files that changed. An entry is used
 * when its file has the same size, times and inode as then (what git's
 * index trusts); a file changed within a second of that build's start is
 * read again, since its time may not show a second change. Kept in
 * OUT/.cache/frontmatter.bin, valid for the kitgen binary that wrote
 * it. */
#ifndef KITGEN_FMCACHE_H
#define KITGEN_FMCACHE_H

#include <stdbool.h>
#include <sys/stat.h>
#include "load/content.h"


/* Reads OUT/.cache/frontmatter.bin; an empty cache when it is missing,
 * damaged or from another kitgen. */
fm_cache *fm_cache_open(const char *out_dir);
/* The same from a whole file's bytes (borrowed: they must outlive the
 * cache); what the fuzzer reads. */
fm_cache *fm_cache_open_bytes(const guint8 *data, size_t len);
/* The entries from the signed part of a file's bytes (borrowed: they must
 * outlive the cache), no signature asked; what the fuzzer reads. */
fm_cache *fm_cache_open_bytes(const guint8 *data, size_t len);
void fm_cache_free(fm_cache *c);

/* Sets it's fm, digests and body position (not its body) from the entry
 * of rel when the file is still as st says. Thread-safe. */
bool fm_cache_get(fm_cache *c, const char *rel, const struct stat *st, content_item *it);

/* How many pages this run took from the cache. */
guint fm_cache_hits(const fm_cache *c);

/* Writes the entries of every page of s (unchanged ones copied as they
 * were), when anything changed. */
bool fm_cache_save(fm_cache *c, const content_set *s, GError **err);

#endif
