/* limits: the most a page, a YAML map or a media file may ask of kitgen
 * (pixels, cells, headings, keys, word length, bytes, depth), with defaults
 * and the bounds site.yaml may set them within. */
#ifndef KITGEN_LIMITS_H
#define KITGEN_LIMITS_H

#include <stdbool.h>
#include <stddef.h>
#include "core/diag.h"
#include "core/yamltree.h"

typedef struct {
	long long image_pixels; /* width x height of one picture */
	long long media_bytes;  /* a file a page links or names */
	long long page_bytes;   /* a Markdown file */
	long long table_cells;  /* rows x columns of one table */
	long long headings;     /* per page */
	long long yaml_keys;    /* per YAML map */
	long long word_chars;   /* characters of one unbreakable word */
	long long depth;        /* nesting of lists, quotes and YAML */
} kg_limits;

/* The limits in force: the defaults until limits_set (config_load, before
 * any thread starts) changes them. Borrowed. */
const kg_limits *limits_get(void);

/* Reads site.yaml's `limits:` map (node may be NULL): each key within its
 * bounds, else an error at its line and column. Applies them when all are
 * good. */
bool limits_set(const yt_node *node, const char *file, diag_list *d);

/* Puts the defaults back (tests). */
void limits_reset(void);

/* Why a word cannot be laid out: longer than max characters without a
 * space or line break, or more than 30 combining marks on one character
 * (Unicode's stream-safe limit). */
enum { LIMITS_TOO_LONG = 1, LIMITS_TOO_MANY_MARKS = 2 };

typedef struct {
	long long chars, marks; /* of the word so far; start at {0, 0} */
} limits_run;

/* Feeds text that comes in pieces (the inline nodes of a paragraph) to a
 * run that carries the word so far from one piece to the next: 0, or why
 * the word cannot be laid out. Linear in s. */
int limits_word_feed(limits_run *run, const char *s, long long max);

/* The same over the whole of s (NULL reads as ""): 0, or why, with *at the
 * byte offset where that word starts. */
int limits_long_word(const char *s, long long max, long long *at);

#endif
