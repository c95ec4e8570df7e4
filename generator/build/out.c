/* out: staged, atomic output. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "build/out.h"

bool out_write_file(const char *path, const char *data, size_t len, GError **err)
{
	char *dir = g_path_get_dirname(path);
	if (g_mkdir_with_parents(dir, 0755) != 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		            "cannot create %s: %s", dir, g_strerror(errno));
		g_free(dir);
		return false;
	}
	/* A folder of the recycled site replaced by a link (the spare is in
	 * OUT/.cache, open to anyone who can write there): never written
	 * through. */
	struct stat st;
	if (lstat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
		            "cannot write %s: %s is a symbolic link, not a folder", path, dir);
		g_free(dir);
		return false;
	}
	g_free(dir);
	/* A new file, never a write through an old name: a staging folder's
	 * files may be hard links into the live site (cache.c). */
	g_unlink(path);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		            "cannot write %s: %s", path, g_strerror(errno));
		return false;
	}
	return true;
}

char *out_stage_begin(const char *target, GError **err)
{
	char *parent = g_path_get_dirname(target);
	if (g_mkdir_with_parents(parent, 0755) != 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		            "cannot create %s: %s", parent, g_strerror(errno));
		g_free(parent);
		return NULL;
	}
	g_free(parent);
	char *tmpl = g_strdup_printf("%s.tmp-XXXXXX", target);
	if (!g_mkdtemp(tmpl)) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		            "cannot create %s: %s", tmpl, g_strerror(errno));
		g_free(tmpl);
		return NULL;
	}
	chmod(tmpl, 0755);
	return tmpl;
}

bool out_stage_swap(const char *staging, const char *target, bool *old_at_staging,
                    GError **err)
{
	/* Swap in one step when target exists, so readers see old or new. */
	*old_at_staging = false;
	if (renameat2(AT_FDCWD, staging, AT_FDCWD, target, RENAME_EXCHANGE) == 0) {
		*old_at_staging = true;
		return true;
	}
	if (errno == ENOENT && rename(staging, target) == 0)
		return true;
	g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
	            "cannot move %s to %s: %s", staging, target, g_strerror(errno));
	return false;
}

bool out_stage_commit(const char *staging, const char *target, GError **err)
{
	bool old;
	if (!out_stage_swap(staging, target, &old, err))
		return false;
	if (old)
		out_remove_tree(staging);
	return true;
}

void out_stage_clean(const char *target)
{
	char *dir = g_path_get_dirname(target), *base = g_path_get_basename(target);
	char *prefix = g_strconcat(base, ".tmp-", NULL);
	GDir *gd = g_dir_open(dir, 0, NULL);
	const char *n;
	while (gd && (n = g_dir_read_name(gd)))
		if (g_str_has_prefix(n, prefix)) {
			char *p = g_build_filename(dir, n, NULL);
			out_remove_tree(p);
			g_free(p);
		}
	if (gd)
		g_dir_close(gd);
	g_free(prefix);
	g_free(base);
	g_free(dir);
}

void out_stage_abort(const char *staging)
{
	if (staging)
		out_remove_tree(staging);
}

static bool out_link_rec(const char *from, const char *to, const char *const *skip, int depth,
                         GError **err)
{
	GDir *d = g_dir_open(from, 0, NULL);
	if (!d)
		return true;
	bool ok = g_mkdir_with_parents(to, 0755) == 0;
	const char *n;
	while (ok && (n = g_dir_read_name(d))) {
		if (depth == 0 && skip && g_strv_contains(skip, n))
			continue;
		char *a = g_build_filename(from, n, NULL), *b = g_build_filename(to, n, NULL);
		struct stat st;
		if (lstat(a, &st) == 0 && S_ISDIR(st.st_mode))
			ok = out_link_rec(a, b, skip, depth + 1, err);
		else if (S_ISREG(st.st_mode) && access(b, F_OK) != 0 && link(a, b) != 0) {
			g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
			            "cannot link %s: %s", b, g_strerror(errno));
			ok = false;
		}
		g_free(a);
		g_free(b);
	}
	g_dir_close(d);
	return ok;
}

bool out_link_tree(const char *from, const char *to, const char *const *skip, GError **err)
{
	return out_link_rec(from, to, skip, 0, err);
}

void out_remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		GDir *d = g_dir_open(path, 0, NULL);
		const char *n;
		while (d && (n = g_dir_read_name(d))) {
			char *c = g_build_filename(path, n, NULL);
			out_remove_tree(c);
			g_free(c);
		}
		if (d)
			g_dir_close(d);
		g_rmdir(path);
	} else {
		g_unlink(path);
	}
}
