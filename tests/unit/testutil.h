/* testutil: helpers shared by the unit tests: fixture paths, temporary
 * files, pages built from text, and assertions on recorded diagnostics. */
#ifndef KITGEN_TESTUTIL_H
#define KITGEN_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "load/content.h"
#include "core/diag.h"

/* tests/unit/fixtures/NAME. Tests run from the top of the tree (make test);
 * KITGEN_SRCDIR names the tree when they are run from elsewhere. Owned. */
static inline char *tu_fixture(const char *name)
{
	const char *top = g_getenv("KITGEN_SRCDIR");
	char *here = g_path_get_dirname(__FILE__);
	char *path = top && !g_path_is_absolute(here)
	                     ? g_build_filename(top, here, "fixtures", name, NULL)
	                     : g_build_filename(here, "fixtures", name, NULL);
	g_free(here);
	if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
		print_error("fixture %s not found; run from the top of the tree or set "
		            "KITGEN_SRCDIR\n", path);
		fail();
	}
	return path;
}

/* A new empty folder under /tmp. Owned; remove with tu_rmtree. */
static inline char *tu_tmpdir(void)
{
	char *dir = g_dir_make_tmp("kitgen-test-XXXXXX", NULL);
	assert_non_null(dir);
	return dir;
}

/* Writes len bytes (or the whole string when len < 0) to DIR/NAME, making
 * folders on the way. Returns the path, owned. */
static inline char *tu_write(const char *dir, const char *name, const char *text,
                             gssize len)
{
	char *path = g_build_filename(dir, name, NULL);
	char *parent = g_path_get_dirname(path);
	assert_int_equal(g_mkdir_with_parents(parent, 0755), 0);
	g_free(parent);
	assert_true(g_file_set_contents(path, text, len, NULL));
	return path;
}

static inline void tu_rmtree(const char *path)
{
	GDir *d = g_dir_open(path, 0, NULL);
	if (d) {
		const char *n;
		while ((n = g_dir_read_name(d))) {
			char *p = g_build_filename(path, n, NULL);
			tu_rmtree(p);
			g_free(p);
		}
		g_dir_close(d);
	}
	g_remove(path);
}

/* A page as content_load would make it from text, without the walk:
 * relpath is where it sits inside content/ (systems/x/index.en.md); path,
 * for messages, is ROOT/relpath. Returns NULL when the text has no valid
 * front matter (the error is in d). Free with tu_item_free. */
static inline content_item *tu_item(content_kind kind, const char *root,
                                    const char *relpath, const char *text,
                                    diag_list *d)
{
	size_t yoff, ylen, boff;
	int bline;
	char *path = g_build_filename(root, relpath, NULL);
	if (!content_split(text, strlen(text), path, &yoff, &ylen, &boff, &bline, d)) {
		g_free(path);
		return NULL;
	}
	yt_node *fm = yt_parse(text + yoff, ylen, path, 2, d);
	if (!fm) {
		g_free(path);
		return NULL;
	}
	content_item *it = g_new0(content_item, 1);
	char **parts = g_strsplit(relpath, "/", -1);
	char *base = g_path_get_basename(relpath);
	char **dots = g_strsplit(base, ".", -1);
	it->kind = kind;
	it->slug = g_strdup(g_strv_length(parts) == 3 ? parts[1] : dots[0]);
	it->lang = g_strdup(g_strv_length(dots) == 3 ? dots[1] : "en");
	it->path = path;
	it->dir = g_path_get_dirname(path);
	it->relpath = g_strdup(relpath);
	it->fm = fm;
	it->body = g_strdup(text + boff);
	it->body_len = strlen(it->body);
	it->body_line = bline;
	g_strfreev(dots);
	g_free(base);
	g_strfreev(parts);
	return it;
}

static inline void tu_item_free(content_item *it)
{
	if (!it)
		return;
	g_free(it->slug);
	g_free(it->lang);
	g_free(it->path);
	g_free(it->dir);
	g_free(it->relpath);
	yt_free(it->fm);
	g_free(it->body);
	g_free(it);
}

/* The first diagnostic matching every given criterion: sev (or -1), a path
 * ending with file (or NULL), line and col (or -1), a message containing
 * text (or NULL). */
static inline const diag_entry *tu_find(const diag_list *d, int sev, const char *file,
                                        int line, int col, const char *text)
{
	for (size_t i = 0; i < d->count; i++) {
		const diag_entry *e = &d->entries[i];
		if ((sev < 0 || (int)e->severity == sev) &&
		    (!file || (e->file && g_str_has_suffix(e->file, file))) &&
		    (line < 0 || e->line == line) && (col < 0 || e->col == col) &&
		    (!text || strstr(e->message, text)))
			return e;
	}
	return NULL;
}

static inline void tu_print_diags(const diag_list *d)
{
	for (size_t i = 0; i < d->count; i++)
		print_error("  %s %s:%d:%d: %s\n",
		            d->entries[i].severity == DIAG_ERROR ? "error" : "warning",
		            d->entries[i].file ? d->entries[i].file : "-", d->entries[i].line,
		            d->entries[i].col, d->entries[i].message);
}

/* Whether a matching diagnostic exists; when not, says what was expected
 * and lists what was recorded. For tests that free before they assert. */
static inline bool tu_has_diag(const diag_list *d, int sev, const char *file, int line,
                               int col, const char *text)
{
	if (tu_find(d, sev, file, line, col, text))
		return true;
	print_error("expected %s at %s:%d:%d containing \"%s\"; recorded:\n",
	            sev == DIAG_ERROR ? "an error" : sev == DIAG_WARNING ? "a warning"
	                                                                 : "a diagnostic",
	            file ? file : "*", line, col, text ? text : "");
	tu_print_diags(d);
	return false;
}

static inline void tu_assert_diag(const diag_list *d, int sev, const char *file, int line,
                                  int col, const char *text, const char *src, int srcline)
{
	if (!tu_has_diag(d, sev, file, line, col, text))
		_fail(src, srcline);
}

/* Fails, listing what was recorded, unless a matching diagnostic exists. */
#define assert_diag(d, sev, file, line, col, text) \
	tu_assert_diag((d), (sev), (file), (line), (col), (text), __FILE__, __LINE__)

static inline void tu_assert_clean(const diag_list *d, const char *src, int srcline)
{
	if (!d->count)
		return;
	print_error("expected no diagnostics; recorded:\n");
	tu_print_diags(d);
	_fail(src, srcline);
}

/* Fails, listing what was recorded, unless nothing was. */
#define assert_no_diags(d) tu_assert_clean((d), __FILE__, __LINE__)

/* A fixture catalogue loaded as kitgen loads one: site.yaml and content
 * (one thread, no cache); problems in d. */
typedef struct {
	char *root;
	site_config *config;
	content_set *set;
	diag_list *d;
} tu_catalogue;

static inline bool tu_catalogue_open(tu_catalogue *c, const char *fixture)
{
	c->root = tu_fixture(fixture);
	c->d = diag_new();
	char *site = g_build_filename(c->root, "site.yaml", NULL);
	c->config = config_load(site, c->d);
	g_free(site);
	c->set = c->config ? content_load(c->root, c->config, 1, NULL, c->d) : NULL;
	return c->set != NULL;
}

static inline void tu_catalogue_close(tu_catalogue *c)
{
	content_free(c->set);
	config_free(c->config);
	diag_free(c->d);
	g_free(c->root);
}

#endif
