/* svg: an SVG file made inert before it is published — no script, event
 * handlers, foreign objects, animations or references outside the file. */
#ifndef KITGEN_SVG_H
#define KITGEN_SVG_H

#include <stddef.h>

/* The cleaned document (owned, *out_len bytes), or NULL when data is not a
 * well-formed SVG; then *why (owned) says what is wrong. */
char *svg_clean(const char *data, size_t len, size_t *out_len, char **why);

#endif
