/* diag: a collector of diagnostics (file:line:col, severity, message, hint).
 * Library code records problems here and returns; only main prints and exits. */
#ifndef KITGEN_DIAG_H
#define KITGEN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <glib.h>

typedef enum { DIAG_WARNING, DIAG_ERROR } diag_severity;

typedef struct {
	diag_severity severity;
	char *file;    /* owned; may be NULL for whole-run problems */
	int line, col; /* 1-based; 0 when unknown */
	char *message; /* owned */
	char *hint;    /* owned; what to do about it, may be NULL */
} diag_entry;

typedef struct {
	diag_entry *entries;
	size_t count, cap;
	int errors, warnings;
	GMutex lock; /* diag_add may be called from several build threads */
} diag_list;

diag_list *diag_new(void);
void diag_free(diag_list *d);

/* Records one diagnostic. fmt is printf-like; hint may be NULL. */
void diag_add(diag_list *d, diag_severity sev, const char *file, int line,
              int col, const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

#define diag_error(d, f, l, c, hint, ...) \
	diag_add((d), DIAG_ERROR, (f), (l), (c), (hint), __VA_ARGS__)
#define diag_warn(d, f, l, c, hint, ...) \
	diag_add((d), DIAG_WARNING, (f), (l), (c), (hint), __VA_ARGS__)

/* Sorts by file, line, column so output is stable whatever the load order,
 * and keeps one of entries that say the same. */
void diag_sort(diag_list *d);

/* Keeps the entries keep() says yes to and forgets the others; returns how
 * many errors were forgotten (a single document set apart from problems in
 * files it does not use). */
int diag_keep_if(diag_list *d, bool (*keep)(const diag_entry *e, void *ctx), void *ctx);

/* Prints every entry as "file:line:col: error: message", then the source
 * line with a caret and the hint. colour: use ANSI colours. */
void diag_print(const diag_list *d, FILE *out, int colour);

#endif
