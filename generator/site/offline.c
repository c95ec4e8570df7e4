/* offline: walk the site in name order, rewrite folder links, write a ZIP
 * with libzip. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <zip.h>
#include <glib/gstdio.h>
#include <glib.h>
#include "site/offline.h"

/* A link the browser resolves inside the site: no scheme, not the page
 * itself (#…), not from the host's root. */
static bool offline_relative(const char *v, size_t n)
{
	if (n == 0 || v[0] == '#' || v[0] == '/' || v[0] == '?')
		return false;
	for (size_t i = 0; i < n && v[i] != '/' && v[i] != '#' && v[i] != '?'; i++)
		if (v[i] == ':')
			return false; /* https:, mailto: */
	return true;
}

char *offline_rewrite_html(const char *html, size_t len, size_t *out_len)
{
	static const char *const attrs[] = {" href=\"", " action=\""};
	GString *out = g_string_sized_new(len + len / 16);
	size_t i = 0;
	while (i < len) {
		size_t at = len, alen = 0;
		for (size_t a = 0; a < G_N_ELEMENTS(attrs); a++) {
			const char *p = g_strstr_len(html + i, (gssize)(len - i), attrs[a]);
			if (p && (size_t)(p - html) < at) {
				at = (size_t)(p - html);
				alen = strlen(attrs[a]);
			}
		}
		if (at == len) {
			g_string_append_len(out, html + i, (gssize)(len - i));
			break;
		}
		size_t v = at + alen;
		const char *q = memchr(html + v, '"', len - v);
		size_t end = q ? (size_t)(q - html) : len;
		/* The path part of the value: before any ?query or #fragment. */
		size_t path_end = v;
		while (path_end < end && html[path_end] != '?' && html[path_end] != '#')
			path_end++;
		g_string_append_len(out, html + i, (gssize)(path_end - i));
		if (offline_relative(html + v, end - v) && path_end > v && html[path_end - 1] == '/')
			g_string_append(out, "index.html");
		i = path_end;
	}
	*out_len = out->len;
	return g_string_free(out, FALSE);
}

/* Every file under dir, as paths relative to the site, in name order. */
static void offline_list(const char *root, const char *rel, GPtrArray *files)
{
	char *dir = g_build_filename(root, rel, NULL);
	GDir *d = g_dir_open(dir, 0, NULL);
	g_free(dir);
	if (!d)
		return;
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *n;
	while ((n = g_dir_read_name(d)))
		g_ptr_array_add(names, g_strdup(n));
	g_dir_close(d);
	g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
	for (guint i = 0; i < names->len; i++) {
		const char *name = *(char **)&names->pdata[i];
		char *r = *rel ? g_strconcat(rel, "/", name, NULL) : g_strdup(name);
		char *full = g_build_filename(root, r, NULL);
		if (g_file_test(full, G_FILE_TEST_IS_SYMLINK))
			g_free(r); /* never followed */
		else if (g_file_test(full, G_FILE_TEST_IS_DIR)) {
			offline_list(root, r, files);
			g_free(r);
		} else
			g_ptr_array_add(files, r);
		g_free(full);
	}
	g_ptr_array_free(names, TRUE);
}

static int offline_cmp(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static time_t offline_time(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long t = e ? strtoll(e, &end, 10) : 0;
	if (!e || *end || t < 315532800) /* 1980-01-01: the first time a ZIP can hold */
		t = 315532800;
	return (time_t)t;
}

bool offline_zip(const char *site_dir, const char *zip_path, diag_list *d)
{
	char *index = g_build_filename(site_dir, "index.html", NULL);
	bool built = g_file_test(index, G_FILE_TEST_IS_REGULAR);
	g_free(index);
	if (!built) {
		diag_error(d, site_dir, 0, 0, "run kitgen build first", "no built site here");
		return false;
	}
	char *tmp = g_strconcat(zip_path, ".tmp", NULL);
	g_unlink(tmp);
	int err = 0;
	zip_t *z = zip_open(tmp, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!z) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, err);
		diag_error(d, zip_path, 0, 0, NULL, "cannot write the ZIP: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		g_free(tmp);
		return false;
	}
	/* The folder the ZIP unpacks to: its own name. */
	char *base = g_path_get_basename(zip_path);
	if (g_str_has_suffix(base, ".zip"))
		base[strlen(base) - 4] = '\0';
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	offline_list(site_dir, "", files);
	g_ptr_array_sort(files, offline_cmp);
	time_t when = offline_time();
	bool ok = true;
	for (guint i = 0; i < files->len && ok; i++) {
		const char *rel = files->pdata[i];
		char *full = g_build_filename(site_dir, rel, NULL), *text;
		gsize len;
		ok = g_file_get_contents(full, &text, &len, NULL);
		g_free(full);
		if (!ok) {
			diag_error(d, rel, 0, 0, NULL, "cannot read it for the ZIP");
			break;
		}
		if (g_str_has_suffix(rel, ".html")) {
			size_t n;
			char *html = offline_rewrite_html(text, len, &n);
			g_free(text);
			text = html;
			len = n;
		}
		/* libzip frees the copy when the archive is written. */
		void *copy = malloc(len ? len : 1);
		memcpy(copy, text, len);
		g_free(text);
		zip_source_t *src = zip_source_buffer(z, copy, len, 1);
		char *name = g_strconcat(base, "/", rel, NULL);
		zip_int64_t idx = src ? zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			if (src)
				zip_source_free(src);
			diag_error(d, rel, 0, 0, NULL, "cannot add it to the ZIP: %s", zip_strerror(z));
			ok = false;
		} else {
			/* PDFs and images are compressed already: stored, not deflated. */
			bool packed = g_str_has_suffix(rel, ".pdf") || g_str_has_suffix(rel, ".png") ||
			              g_str_has_suffix(rel, ".jpg") || g_str_has_suffix(rel, ".webp");
			zip_set_file_compression(z, (zip_uint64_t)idx, packed ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
			zip_file_set_mtime(z, (zip_uint64_t)idx, when, 0);
			zip_file_set_external_attributes(z, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX, 0100644u << 16);
		}
		g_free(name);
	}
	if (ok && zip_close(z) < 0) {
		diag_error(d, zip_path, 0, 0, NULL, "cannot write the ZIP: %s", zip_strerror(z));
		zip_discard(z);
		ok = false;
	} else if (!ok)
		zip_discard(z);
	if (ok && g_rename(tmp, zip_path) != 0) {
		diag_error(d, zip_path, 0, 0, NULL, "cannot write the ZIP: %s", g_strerror(errno));
		ok = false;
	}
	if (!ok)
		g_unlink(tmp);
	g_ptr_array_free(files, TRUE);
	g_free(base);
	g_free(tmp);
	return ok;
}
