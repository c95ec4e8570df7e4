/* cache: incremental builds. Every output is remembered with a key — a
 * hash of everything that made it: the XML document handed to the theme,
 * the theme's files, fonts setup, kitgen's version and the caller's salt
 * (the UI strings, the date PDFs carry).
 * When the next build computes the same key for the same output, the
 * previous file is hard-linked into the new site instead of made again. */
#ifndef KITGEN_CACHE_H
#define KITGEN_CACHE_H

#include <stdbool.h>
#include <libxml/tree.h>
#include <glib.h>
#include "build/reads.h"

typedef struct out_cache out_cache;

/* Reads OUT/.cache/outputs.tsv (if any) and fingerprints the theme and
 * fonts. previous_site: the live OUT/site the reused files come from. */
out_cache *cache_open(const char *out_dir, const char *theme_dir, const char *fonts_conf,
                      const char *extra_salt);
void cache_free(out_cache *c);

/* --force: remember every key, but reuse nothing. */
void cache_set_force(out_cache *c);

/* Adds this kitgen binary (its size and time) to sum: what a rebuilt
 * kitgen makes or checks may differ. */
void cache_sum_binary(GChecksum *sum);

/* The key of an output made from doc (owned). */
char *cache_key(const out_cache *c, const char *kind, xmlDocPtr doc);

/* The key of an output of this kind made from inputs summed into sum (a
 * caller's checksum of everything the output reads): lets a caller know an
 * output is unchanged without building its document. Frees sum. */
char *cache_key_sum(const out_cache *c, const char *kind, GChecksum *sum);

/* What the previous build's rel was made from: the names of its reads
 * (reads.h), tab-separated, or NULL (borrowed; none with --force). */
const char *cache_reads_of(const out_cache *c, const char *rel);

/* The key of an output of this kind that read names (their values now,
 * looked up in b); NULL when one cannot be read any more. */
char *cache_key_reads(const out_cache *c, const char *kind, reads_book *b, const char *names);

/* The key of a copy of the file src (a theme asset, a picture): its path,
 * size, time and inode, what git's index trusts; NULL when it is not a
 * regular file. */
char *cache_key_file(const out_cache *c, const char *kind, const char *src);

/* Whether key is the key the previous build gave rel (never with --force). */
bool cache_unchanged(const out_cache *c, const char *rel, const char *key);

/* cache_reuse, remembering names as what rel was made from. */
bool cache_reuse_reads(out_cache *c, const char *rel, const char *key, const char *names,
                       const char *staging);

/* Links the previous build's rel into staging when its key matches; true
 * then. Either way, remembers key for rel in this build. Thread-safe. */
bool cache_reuse(out_cache *c, const char *rel, const char *key, const char *staging);

/* The staging folder for a build of target (OUT/site): the spare — the
 * site the last build replaced, kept with its keys — when there is one and
 * --force is not set, with its files that have no key removed (on jobs
 * threads), and the folder other_half (if not NULL) removed for the caller
 * to fill; otherwise an empty folder. NULL with err set when neither can be
 * made. */
char *cache_stage_begin(out_cache *c, const char *target, const char *other_half, int jobs,
                        GError **err);

/* Says that this build writes the whole site and that every file it puts
 * there has a key (cache_reuse, cache_note) except the copies under
 * assets/ and media/: when this site is recycled, only those two folders
 * are searched for files to remove. A writer of anything else without a
 * key must not call it (--only builds, which link the other half in, use
 * cache_carry). */
void cache_set_complete(out_cache *c);

/* For an --only build: the files under prefix, linked in from OUT/site,
 * keep the keys they had there, and this site is complete if that one
 * was. */
void cache_carry(out_cache *c, const char *prefix);

/* When the build is done: removes from a recycled staging folder the
 * outputs this build did not make (pages of deleted content). */
void cache_stage_finish(out_cache *c, const char *staging);

/* After the swap, old_site holds the site that was replaced: keeps it as
 * the spare for the next build (or removes it when its keys are unknown). */
void cache_keep_spare(out_cache *c, const char *old_site);

/* Records what another process's cache_reuse decided for rel. */
void cache_note(out_cache *c, const char *rel, const char *key, bool reused);

/* Just before the new site replaces OUT/site: forgets the previous build's
 * keys, so that a build killed between the swap and cache_save leaves no
 * keys naming files the swap replaced (the next build remakes everything).
 * false when they cannot be removed: then the swap must not happen. */
bool cache_forget(out_cache *c, GError **err);

/* After the new site is in place: write the keys of this build. */
bool cache_save(out_cache *c, GError **err);

/* How many outputs were reused and made in this build. */
void cache_counts(const out_cache *c, int *reused, int *made);

#endif
