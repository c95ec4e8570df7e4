/* yamltree: YAML (front matter, site.yaml, theme.yaml, i18n) parsed with
 * libyaml into a small typed tree whose every node knows its line:col. */
#ifndef KITGEN_YAMLTREE_H
#define KITGEN_YAMLTREE_H

#include <stdbool.h>
#include <stddef.h>
#include "core/diag.h"

typedef enum { YT_SCALAR, YT_SEQ, YT_MAP } yt_kind;

typedef struct yt_node yt_node;
struct yt_node {
	yt_kind kind;
	int line, col;     /* 1-based position in the file */
	char *value;       /* YT_SCALAR: the text (owned) */
	bool quoted;       /* YT_SCALAR: written in quotes (so never a number/bool) */
	char **keys;       /* YT_MAP: keys (owned), parallel to items */
	yt_node **items;   /* YT_MAP values or YT_SEQ elements (owned) */
	int *key_lines, *key_cols; /* YT_MAP: where each key is */
	size_t count;
};

/* Parses len bytes of YAML. file names the source for diagnostics and
 * first_line is the line number of the text's first line in that file (front
 * matter starts on line 2). Returns NULL and records an error on failure. */
yt_node *yt_parse(const char *text, size_t len, const char *file,
                  int first_line, diag_list *d);
yt_node *yt_parse_file(const char *path, diag_list *d);
void yt_free(yt_node *n);

/* Lookups return borrowed nodes, NULL when absent or of another kind. */
yt_node *yt_get(const yt_node *map, const char *key);
const char *yt_str(const yt_node *map, const char *key); /* scalar text */
/* Scalar of a map like {ko: …, en: …} for lang, else the scalar itself. */
const char *yt_lang_str(const yt_node *n, const char *lang);
bool yt_is_true(const yt_node *scalar);

/* "TODO" as a word in text (what scaffolds leave for the author), or NULL. */
const char *yt_find_todo(const char *s);
/* A warning for every scalar under n that still holds a TODO: --strict
 * then stops on an unfinished file. */
void yt_warn_placeholders(const yt_node *n, const char *path, diag_list *d);

#endif
