/* fuzz: what the libFuzzer harnesses share — where the tree is, pages made
 * from input bytes as content_load would make them, a scratch folder, and
 * silence for the libraries that print. Built by `make fuzz`
 * (tests/quality.mk); each harness is one fuzz_NAME.c. */
#ifndef KITGEN_FUZZ_H
#define KITGEN_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "load/content.h"
#include "load/media.h"
#include "core/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The top of the tree: KITGEN_SRCDIR, else the current folder (make fuzz
 * runs from the top). Borrowed. */
static inline const char *fz_top(void)
{
	const char *top = g_getenv("KITGEN_SRCDIR");
	return top && *top ? top : ".";
}

/* TOP/rel, owned; aborts when it is missing (a harness without its inputs
 * would fuzz nothing and say nothing). */
static inline char *fz_path(const char *rel)
{
	char *p = g_build_filename(fz_top(), rel, NULL);
	if (!g_file_test(p, G_FILE_TEST_EXISTS)) {
		fprintf(stderr, "fuzz: %s not found; run from the top of the tree or set "
		                "KITGEN_SRCDIR\n", p);
		abort();
	}
	return p;
}

/* A scratch folder for the life of the process; removed at exit. */
static char *fz_scratch_dir;
static void fz_rmtree(const char *path)
{
	GDir *d = g_file_test(path, G_FILE_TEST_IS_SYMLINK) ? NULL : g_dir_open(path, 0, NULL);
	if (d) {
		const char *n;
		while ((n = g_dir_read_name(d))) {
			char *p = g_build_filename(path, n, NULL);
			fz_rmtree(p);
			g_free(p);
		}
		g_dir_close(d);
	}
	g_remove(path);
}
static void fz_scratch_remove(void)
{
	if (fz_scratch_dir)
		fz_rmtree(fz_scratch_dir);
	g_free(fz_scratch_dir);
	fz_scratch_dir = NULL;
}
static inline const char *fz_scratch(void)
{
	if (!fz_scratch_dir) {
		fz_scratch_dir = g_dir_make_tmp("kitgen-fuzz-XXXXXX", NULL);
		if (!fz_scratch_dir)
			abort();
		atexit(fz_scratch_remove);
	}
	return fz_scratch_dir;
}

/* Writes text to SCRATCH/rel (folders made on the way); returns the path,
 * owned. */
static inline char *fz_write(const char *rel, const char *text, gssize len)
{
	char *path = g_build_filename(fz_scratch(), rel, NULL);
	char *dir = g_path_get_dirname(path);
	g_mkdir_with_parents(dir, 0755);
	g_free(dir);
	if (!g_file_set_contents(path, text, len, NULL))
		abort();
	return path;
}

/* The input as a C string (a NUL ends it early, as a text file would be
 * refused with one). Owned. */
static inline char *fz_text(const uint8_t *data, size_t size)
{
	return g_strndup((const char *)data, size);
}

/* A page as content_load makes it from text — UTF-8 check, front matter
 * split, YAML parsed into a map — placed at ROOT/relpath. NULL, with the
 * error in d, where content_load would refuse the file. Free with
 * fz_item_free. */
static inline content_item *fz_item(content_kind kind, const char *root,
                                    const char *relpath, const char *text, size_t len,
                                    diag_list *d)
{
	if (!g_utf8_validate(text, (gssize)len, NULL) || memchr(text, '\0', len))
		return NULL;
	size_t yoff, ylen, boff;
	int bline;
	char *path = g_build_filename(root, relpath, NULL);
	yt_node *fm = NULL;
	if (content_split(text, len, path, &yoff, &ylen, &boff, &bline, d))
		fm = yt_parse(text + yoff, ylen, path, 2, d);
	if (!fm || fm->kind != YT_MAP) {
		yt_free(fm);
		g_free(path);
		return NULL;
	}
	content_item *it = g_new0(content_item, 1);
	char *base = g_path_get_basename(relpath);
	char **dots = g_strsplit(base, ".", -1);
	char **parts = g_strsplit(relpath, "/", -1);
	it->kind = kind;
	it->slug = g_strdup(g_strv_length(parts) == 3 ? parts[1] : dots[0]);
	it->lang = g_strdup(g_strv_length(dots) == 3 ? dots[1] : "en");
	it->path = path;
	it->dir = g_path_get_dirname(path);
	it->relpath = g_strdup(relpath);
	it->fm = fm;
	it->body = g_strndup(text + boff, len - boff);
	it->body_len = len - boff;
	it->body_line = bline;
	g_strfreev(parts);
	g_strfreev(dots);
	g_free(base);
	return it;
}

static inline void fz_item_free(content_item *it)
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

/* A tiny catalogue written to the scratch folder: three systems (one with
 * an image, a text file and an SVG beside it), a city, a study, a free page,
 * in English and Korean; enough for links, images and references to
 * resolve or fail. config trusts raw HTML when trusted is set. */
typedef struct {
	char *root;
	site_config *config, *trusted;
	content_set *set;
	media_set *media;
} fz_catalogue;

static const unsigned char fz_png[] =
	"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02"
	"\x00\x00\x00\x01\x08\x02\x00\x00\x00\x7b\x40\xe8\xdd\x00\x00\x00\x0d\x49\x44\x41"
	"\x54\x78\x9c\x63\xf8\xcf\x00\x04\xff\x01\x07\x00\x01\xff\xe2\x23\x9e\x59\x00\x00"
	"\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

static inline void fz_catalogue_open(fz_catalogue *k)
{
	static const char *const files[][2] = {
		{"content/site.yaml",
		 "title: {ko: 퍼즈, en: Fuzz}\nbase_url: https://fuzz.example.org/\n"
		 "default_language: en\ntrusted_html: false\nlanguages:\n"
		 "  - {code: en, name: English, dir: ltr, fallback: [ko]}\n"
		 "  - {code: ko, name: 한국어, dir: ltr, fallback: [en]}\n"
		 "  - {code: ar, name: العربية, dir: rtl, fallback: [en]}\n"
		 "fields:\n  - id: spatial\n    name: {en: Spatial, ko: 공간}\n"
		 "  - id: services\n    name: {en: Services}\n"},
		{"content/systems/a/index.en.md",
		 "---\ntitle: System A\nsummary: The page under test.\nfield: spatial\n"
		 "image: diagram.png\nimage_alt: Two pixels\n---\n\nSee [b](../b/index.en.md).\n"},
		{"content/systems/a/index.ko.md",
		 "---\ntitle: 시스템 A\nsummary: 시험 쪽.\nfield: spatial\n---\n\n본문.\n"},
		{"content/systems/a/notes.txt", "notes\n"},
		{"content/systems/a/d.svg",
		 "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='5'>"
		 "<rect width='10' height='5'/></svg>\n"},
		{"content/systems/b/index.en.md",
		 "---\ntitle: System B\nsummary: A target.\nfield: services\n---\n\n"
		 "## Usage\n\nText.\n"},
		{"content/systems/c/index.en.md",
		 "---\ntitle: System C\nsummary: Another.\nfield: spatial\n"
		 "problems: [waste]\n---\n"},
		{"content/cities/x.en.md",
		 "---\ntitle: City X\nsummary: A city.\ncountry: Nowhere\n---\n"},
		{"content/studies/x-2013.en.md",
		 "---\ntitle: X study\nsummary: A study.\ncity: x\nyear: 2013\n---\n"},
		{"content/pages/about.en.md", "---\ntitle: About\nsummary: About.\n---\n"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(files); i++)
		g_free(fz_write(files[i][0], files[i][1], -1));
	g_free(fz_write("content/systems/a/diagram.png", (const char *)fz_png,
	                sizeof fz_png - 1));
	char *site = g_build_filename(fz_scratch(), "content", "site.yaml", NULL);
	char *text;
	g_file_get_contents(site, &text, NULL, NULL);
	GString *t = g_string_new(text);
	g_string_replace(t, "trusted_html: false", "trusted_html: true", 1);
	char *trusted_text = g_string_free(t, FALSE);
	char *trusted = fz_write("content/trusted.yaml", trusted_text, -1);
	diag_list *d = diag_new();
	k->root = g_build_filename(fz_scratch(), "content", NULL);
	k->config = config_load(site, d);
	k->trusted = config_load(trusted, d);
	k->set = k->config ? content_load(k->root, k->config, 1, NULL, d) : NULL;
	k->media = media_new(k->root);
	if (!k->config || !k->trusted || !k->set || d->errors) {
		diag_print(d, stderr, 0);
		fprintf(stderr, "fuzz: the catalogue in %s does not load\n", k->root);
		abort();
	}
	diag_free(d);
	g_free(text);
	g_free(trusted_text);
	g_free(trusted);
	g_free(site);
}

/* Prints d where nobody reads it: diag_print runs (it reads the source
 * line back and places the caret) without filling the fuzzer's log. */
static inline void fz_print_diags(const diag_list *d)
{
	static FILE *null;
	if (!null)
		null = fopen("/dev/null", "w");
	if (null)
		diag_print(d, null, 1);
}

static void fz_xml_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Every GLib-style message of the process (GLib, Pango, librsvg…) comes
 * here. Warnings the fuzzer provokes on purpose are dropped; a critical (a
 * library called wrongly) or Pango's "Invalid UTF-8" (text cut inside a
 * character) is a finding and aborts. FUZZ_VERBOSE=1 shows everything. */
static GLogWriterOutput fz_writer(GLogLevelFlags level, const GLogField *fields, gsize n,
                                  gpointer data)
{
	const char *msg = "";
	for (gsize i = 0; i < n; i++)
		if (!strcmp(fields[i].key, "MESSAGE") && fields[i].length < 0)
			msg = fields[i].value;
	bool fatal = (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) ||
	             strstr(msg, "Invalid UTF-8");
	if (fatal || g_getenv("FUZZ_VERBOSE"))
		g_log_writer_standard_streams(level, fields, n, data);
	if (fatal)
		abort();
	return G_LOG_WRITER_HANDLED;
}

/* Known bugs, reported and not fixed yet (tests/fuzz/KNOWN_FAILURES): while
 * one is listed, the harness's check for it also asks !fz_skip_known(), so
 * that `make fuzz` (which sets FUZZ_SKIP_KNOWN) looks for new ones; `make
 * fuzz-regress` replays it without and tells when it is fixed. Take the
 * condition out with the fix. */
static inline bool fz_skip_known(void)
{
	return g_getenv("FUZZ_SKIP_KNOWN") != NULL;
}

/* Whether text has a character that XML 1.0 cannot carry (C0 controls but
 * tab, LF and CR; U+FFFE, U+FFFF), as UTF-8. */
static inline bool fz_xml_bad_chars(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    (c == 0xEF && i + 2 < len && (unsigned char)text[i + 1] == 0xBF &&
		     ((unsigned char)text[i + 2] == 0xBE || (unsigned char)text[i + 2] == 0xBF)))
			return true;
	}
	return false;
}

/* libxml2's messages back on stderr, to explain a finding. */
static inline void fz_loud(void)
{
	xmlSetGenericErrorFunc(NULL, NULL);
}

/* libxml2's messages are dropped too: the fuzzer makes broken XML. */
static inline void fz_quiet(void)
{
	xmlSetGenericErrorFunc(NULL, fz_xml_silent);
	g_log_set_writer_func(fz_writer, NULL, NULL);
}

#endif
