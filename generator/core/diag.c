/* diag: collect, sort and print diagnostics like a compiler does. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib.h>
#include "core/diag.h"

diag_list *diag_new(void)
{
	diag_list *d = g_new0(diag_list, 1);
	g_mutex_init(&d->lock);
	return d;
}

void diag_free(diag_list *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->count; i++) {
		g_free(d->entries[i].file);
		g_free(d->entries[i].message);
		g_free(d->entries[i].hint);
	}
	g_free(d->entries);
	g_mutex_clear(&d->lock);
	g_free(d);
}

void diag_add(diag_list *d, diag_severity sev, const char *file, int line,
              int col, const char *hint, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	g_mutex_lock(&d->lock);
	if (d->count == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->entries = g_renew(diag_entry, d->entries, d->cap);
	}
	diag_entry *e = &d->entries[d->count++];
	e->severity = sev;
	e->file = g_strdup(file);
	e->line = line;
	e->col = col;
	e->message = g_strdup_vprintf(fmt, ap);
	e->hint = g_strdup(hint);
	va_end(ap);
	if (sev == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	g_mutex_unlock(&d->lock);
}

static int diag_cmp(const void *a, const void *b)
{
	const diag_entry *x = a, *y = b;
	int c = g_strcmp0(x->file, y->file);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line - y->line;
	if (x->col != y->col)
		return x->col - y->col;
	if ((c = g_strcmp0(x->message, y->message)))
		return c;
	if (x->severity != y->severity)
		return (int)x->severity - (int)y->severity;
	return g_strcmp0(x->hint, y->hint);
}

static gboolean diag_same(const diag_entry *x, const diag_entry *y)
{
	return !diag_cmp(x, y);
}

void diag_sort(diag_list *d)
{
	if (d->count < 2)
		return;
	qsort(d->entries, d->count, sizeof *d->entries, diag_cmp);
	/* The same problem met twice (a page and its PDF read the same file)
	 * is told once. */
	size_t kept = 1;
	for (size_t i = 1; i < d->count; i++) {
		diag_entry *e = &d->entries[i];
		if (diag_same(e, &d->entries[kept - 1])) {
			e->severity == DIAG_ERROR ? d->errors-- : d->warnings--;
			g_free(e->file);
			g_free(e->message);
			g_free(e->hint);
		} else {
			d->entries[kept++] = *e;
		}
	}
	d->count = kept;
}

/* The text of line n of a file, or NULL. Read again for each message: errors
 * are few, and keeping every source in memory for them is not worth it. */
static char *diag_source_line(const char *file, int n)
{
	char *text = NULL;
	gsize len;
	struct stat st;
	/* Only regular files: a message about a symlink or a FIFO must not read it. */
	if (!file || n < 1 || lstat(file, &st) != 0 || !S_ISREG(st.st_mode) ||
	    !g_file_get_contents(file, &text, &len, NULL))
		return NULL;
	char *p = text, *end = text + len;
	for (int i = 1; i < n && p < end; i++) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	char *line = NULL;
	if (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = (size_t)((nl ? nl : end) - p);
		if (l && p[l - 1] == '\r')
			l--;
		line = g_strndup(p, l);
		if (!g_utf8_validate(line, -1, NULL))
			line = (g_free(line), g_strdup("(line is not valid UTF-8)"));
		/* Content must not drive the terminal: control bytes become '?'. */
		for (char *c = line; *c; c++)
			if (((unsigned char)*c < 0x20 && *c != '\t') || *c == 0x7f)
				*c = '?';
	}
	g_free(text);
	return line;
}

/* Moves a byte offset in UTF-8 text back to the start of its character. */
static size_t diag_char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* The source line with a caret under column col (in bytes). A long line is
 * cut to a window around the column, with an ellipsis where it is cut. */
static void diag_print_excerpt(FILE *out, int line, int col, const char *src,
                               const char *green, const char *off)
{
	enum { WINDOW = 160, BEFORE = 80 };
	size_t len = strlen(src), at = col > 1 ? (size_t)col - 1 : 0;
	if (at > len)
		at = len;
	size_t start = 0, stop = len;
	if (len > WINDOW) {
		start = diag_char_start(src, at > BEFORE ? at - BEFORE : 0);
		stop = start + WINDOW < len ? diag_char_start(src, start + WINDOW) : len;
		if (at > stop)
			at = stop;
	}
	fprintf(out, " %5d | %s%.*s%s\n       | ", line, start ? "…" : "", (int)(stop - start),
	        src + start, stop < len ? "…" : "");
	if (start)
		fputc(' ', out); /* under the ellipsis */
	/* Pad with the width of the text before the column, so the caret sits
	 * under it in a terminal: wide (Hangul, Han) characters take two. */
	for (const char *p = src + start; p < src + at && *p; p = g_utf8_next_char(p)) {
		gunichar u = g_utf8_get_char(p);
		fputs(u == '\t' ? "\t" : g_unichar_iswide(u) ? "  " : " ", out);
	}
	fprintf(out, "%s^%s\n", green, off);
}

/* Entries keep byte columns (what parsers give and the excerpt needs);
 * people and editors count characters: "44:9" on a Cyrillic line, not
 * "44:16". Without the line (unreadable, not UTF-8) the byte column. */
static int diag_char_col(const char *src, int col)
{
	if (col < 1)
		return 1;
	if (!src || !g_utf8_validate(src, -1, NULL))
		return col;
	size_t at = MIN((size_t)col - 1, strlen(src));
	return (int)g_utf8_strlen(src, (gssize)diag_char_start(src, at)) + 1 +
	       (int)((size_t)col - 1 - MIN((size_t)col - 1, strlen(src)));
}

void diag_print(const diag_list *d, FILE *out, int colour)
{
	const char *bold = colour ? "\033[1m" : "", *red = colour ? "\033[1;31m" : "",
		   *mag = colour ? "\033[1;35m" : "", *green = colour ? "\033[1;32m" : "",
		   *off = colour ? "\033[0m" : "";
	for (size_t i = 0; i < d->count; i++) {
		const diag_entry *e = &d->entries[i];
		const char *what = e->severity == DIAG_ERROR ? "error" : "warning";
		const char *c = e->severity == DIAG_ERROR ? red : mag;
		char *src = diag_source_line(e->file, e->line);
		fputs(bold, out);
		if (e->file && e->line > 0)
			fprintf(out, "%s:%d:%d: ", e->file, e->line, diag_char_col(src, e->col));
		else if (e->file)
			fprintf(out, "%s: ", e->file);
		else
			fputs("kitgen: ", out);
		fprintf(out, "%s%s:%s%s %s%s\n", c, what, off, bold, e->message, off);
		if (src) {
			diag_print_excerpt(out, e->line, e->col, src, green, off);
			g_free(src);
		}
		if (e->hint)
			fprintf(out, "       = hint: %s\n", e->hint);
	}
}

int diag_keep_if(diag_list *d, bool (*keep)(const diag_entry *e, void *ctx), void *ctx)
{
	int dropped = 0;
	size_t kept = 0;
	g_mutex_lock(&d->lock);
	for (size_t i = 0; i < d->count; i++) {
		diag_entry *e = &d->entries[i];
		if (keep(e, ctx)) {
			d->entries[kept++] = *e;
			continue;
		}
		if (e->severity == DIAG_ERROR) {
			d->errors--;
			dropped++;
		} else {
			d->warnings--;
		}
		g_free(e->file);
		g_free(e->message);
		g_free(e->hint);
	}
	d->count = kept;
	g_mutex_unlock(&d->lock);
	return dropped;
}
