/* reads: what a build task read from the model, recorded as it runs (each
 * accessor names what it reads), and the cache key made of those reads'
 * current values; a later build recomputes the key from the names alone. */
#ifndef KITGEN_READS_H
#define KITGEN_READS_H

#include <stdbool.h>
#include <glib.h>

/* Adds the current value of the read called name to sum; false for a name
 * it does not know (the key is then unknown and the output is made). */
typedef bool (*reads_value_fn)(void *ctx, const char *name, GChecksum *sum);

typedef struct reads_book reads_book;

/* One per build: value looks up what a name reads now; each name's value
 * is summed once per build (a memo shared by the build's threads). */
reads_book *reads_book_new(reads_value_fn value, void *ctx);
void reads_book_free(reads_book *b);

/* This thread records from here on what it reads (reads_use) ... */
void reads_begin(void);
/* ... until this: the names it read, sorted, each once, tab-separated
 * (owned; "" when none). */
char *reads_end(void);

/* Records a read (printf-style name: "fm|systems/x/index.en.md|title")
 * when this thread records; otherwise nothing. */
void reads_use(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* Sums names (tab-separated) with their values now into a new checksum
 * (owned), or NULL when a name is unknown. Thread-safe. */
GChecksum *reads_sum(reads_book *b, const char *names);

#endif
