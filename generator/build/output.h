/* output: the one interface every kind of build output implements — site
 * pages, list pages, feeds, the sitemap, PDFs, a search index — and the
 * driver that plans them and runs them in the order their needs declare. */
#ifndef KITGEN_OUTPUT_H
#define KITGEN_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include "core/diag.h"

/* A kind of output. self is the output's own state (a site_job, a
 * publish_job, …), given back to each call. */
typedef struct {
	const char *name; /* "pdf", "pages", … as other outputs' after names it */
	/* Outputs whose results this one reads (the PDFs a page lists for
	 * download): they are emitted first. NULL-ended; may be NULL. A name
	 * that is not part of this build (kitgen build --only) is ignored. */
	const char *const *after;
	/* Enumerates the tasks of this build, before any output is emitted;
	 * returns how many files it will report through on_output (progress). */
	int (*plan)(void *self);
	/* Makes every task's file, or keeps it from the previous build when
	 * its cache key (from what the task reads) is unchanged. false when one
	 * failed, with the errors in the build's diagnostics. */
	bool (*emit)(void *self);
} output_def;

typedef struct {
	const output_def *def;
	void *self;
} output;

/* Puts outs (n of them) in an order where each comes after every output
 * its after names, keeping the given order otherwise. false, with an error
 * in d, when the needs form a cycle. */
bool output_order(output *outs, size_t n, diag_list *d);

/* Plans every output: the sum of their counts. */
int output_plan(output *outs, size_t n);

/* Emits them in order; stops at the first that fails (false). */
bool output_emit(output *outs, size_t n);

#endif
