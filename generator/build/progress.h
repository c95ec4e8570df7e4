/* progress: what a long run is doing — a one-line bar with counts and the
 * current item on a terminal, a line per output with --verbose, nothing
 * otherwise. Every call is thread-safe: build threads report as they go. */
#ifndef KITGEN_PROGRESS_H
#define KITGEN_PROGRESS_H

#include <stdbool.h>

typedef enum {
	PROGRESS_SILENT, /* not a terminal, or --quiet */
	PROGRESS_BAR,    /* a bar on stderr, redrawn in place */
	PROGRESS_LIST,   /* --verbose: "wrote PATH" on stdout for every output */
	PROGRESS_BOTH,   /* --verbose on a terminal: the list above the bar */
} progress_mode;

typedef struct progress progress;

/* The mode for a run: the bar only when stderr is a terminal (and TERM is
 * not "dumb"); the list with verbose; nothing with quiet. */
progress_mode progress_mode_for(bool quiet, bool verbose);

/* total: outputs expected (an estimate is fine: the bar never passes the
 * end, the count shows the truth). Owned by the caller; progress_done frees. */
progress *progress_new(int total, progress_mode mode);

/* One more output done; label: what it was (a path inside the site).
 * p may be NULL: nothing happens. */
void progress_step(progress *p, const char *label);

/* The same, in the shape of site_job/publish_job's on_output callback. */
void progress_on_output(void *p, const char *label);

/* Clears the bar, leaving the terminal as it was; frees p. NULL is fine. */
void progress_done(progress *p);

/* The bar for done of total with label, width columns wide, without
 * escapes (owned; for tests and for progress_step). */
char *progress_line(int done, int total, const char *label, int width);

#endif
