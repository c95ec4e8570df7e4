/* suggest: "did you mean …?" — the known name closest to a mistyped one,
 * by edit distance over characters (a swap of two neighbours costs one). */
#ifndef KITGEN_SUGGEST_H
#define KITGEN_SUGGEST_H

#include <stddef.h>

/* The candidate closest to word, or NULL when none is close enough to be a
 * typo (distance at most a third of the word's length, and at least 1).
 * Borrowed from candidates; NULL-terminated or n entries (n = (size_t)-1:
 * up to the NULL). An exact match is never suggested. */
const char *suggest_closest(const char *word, const char *const *candidates, size_t n);

/* Damerau-Levenshtein distance (optimal string alignment) in characters. */
size_t suggest_distance(const char *a, const char *b);

#endif
