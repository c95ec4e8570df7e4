/* progress: a bar redrawn in place on stderr, or a list of outputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <glib.h>
#include "build/progress.h"

struct progress {
	GMutex lock; /* build threads step at once */
	progress_mode mode;
	int total, done;
	gint64 last_draw; /* monotonic µs */
	bool drawn;       /* a bar is on the screen now */
};

progress_mode progress_mode_for(bool quiet, bool verbose)
{
	if (quiet)
		return PROGRESS_SILENT;
	const char *term = getenv("TERM");
	bool tty = isatty(fileno(stderr)) && !(term && !strcmp(term, "dumb"));
	if (verbose)
		return tty ? PROGRESS_BOTH : PROGRESS_LIST;
	return tty ? PROGRESS_BAR : PROGRESS_SILENT;
}

progress *progress_new(int total, progress_mode mode)
{
	progress *p = g_new0(progress, 1);
	g_mutex_init(&p->lock);
	p->mode = mode;
	p->total = total > 0 ? total : 0;
	return p;
}

/* Columns of the terminal on stderr; 80 when it does not say. */
static int progress_columns(void)
{
	struct winsize ws;
	if (ioctl(fileno(stderr), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

char *progress_line(int done, int total, const char *label, int width)
{
	enum { BAR = 24 };
	if (total < done)
		total = done; /* the estimate was short: the count is the truth */
	int fill = total ? (int)((long)BAR * done / total) : 0;
	GString *s = g_string_new(NULL);
	g_string_append_printf(s, "[%.*s%.*s] %d/%d ", fill,
	                       "########################", BAR - fill,
	                       "                        ", done, total);
	/* The label fills what is left of one line, its end kept: the end of
	 * a path says most ("…/gis/index.html"). Never wrap: a wrapped line
	 * cannot be redrawn with a carriage return. */
	long room = width - 1 - (long)g_utf8_strlen(s->str, -1);
	const char *l = label ? label : "";
	long n = g_utf8_validate(l, -1, NULL) ? g_utf8_strlen(l, -1) : 0;
	if (room > 1 && n > room) {
		g_string_append(s, "…");
		g_string_append(s, g_utf8_offset_to_pointer(l, n - room + 1));
	} else if (room > 1) {
		g_string_append(s, n ? l : "");
	}
	return g_string_free(s, FALSE);
}

/* Called with the lock held. */
static void progress_draw(progress *p, const char *label)
{
	char *line = progress_line(p->done, p->total, label, progress_columns());
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
	g_free(line);
	p->drawn = true;
}

void progress_step(progress *p, const char *label)
{
	if (!p)
		return;
	g_mutex_lock(&p->lock);
	p->done++;
	if (p->mode == PROGRESS_LIST || p->mode == PROGRESS_BOTH) {
		if (p->drawn) {
			fputs("\r\033[K", stderr); /* the list line goes above the bar */
			fflush(stderr);
			p->drawn = false;
		}
		printf("wrote %s\n", label ? label : "");
		fflush(stdout);
	}
	if (p->mode == PROGRESS_BAR || p->mode == PROGRESS_BOTH) {
		/* Redraw at most 25 times a second: a terminal is slower than
		 * a build that reuses 800 pages. */
		gint64 now = g_get_monotonic_time();
		if (!p->drawn || now - p->last_draw >= 40000 || p->done == p->total) {
			progress_draw(p, label);
			p->last_draw = now;
		}
	}
	g_mutex_unlock(&p->lock);
}

void progress_on_output(void *p, const char *label)
{
	progress_step(p, label);
}

void progress_done(progress *p)
{
	if (!p)
		return;
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	g_mutex_clear(&p->lock);
	g_free(p);
}
