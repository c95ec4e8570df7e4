/* guard: locks, markers and careful file operations for OUT. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <glib/gstdio.h>
#include "build/guard.h"

/* The file that says a folder's site/ is kitgen's to replace. */
#define GUARD_MARKER ".kitgen"
#define GUARD_MARKER_TEXT "This folder holds kitgen's output; kitgen replaces site/ in it.\n"

static void guard_errno(GError **err, const char *what, const char *path)
{
	int e = errno;
	g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "%s %s: %s", what, path,
	            g_strerror(e));
}

int guard_lock(const char *out_dir, GError **err)
{
	if (g_mkdir_with_parents(out_dir, 0755) != 0) {
		guard_errno(err, "cannot create", out_dir);
		return -1;
	}
	char *path = g_build_filename(out_dir, ".lock", NULL);
	int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0 || errno == ELOOP)
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
			            "cannot lock %s: it is not a regular file (a link, FIFO or "
			            "folder); remove it",
			            path);
		else
			guard_errno(err, "cannot lock", path);
		if (fd >= 0)
			close(fd);
		g_free(path);
		return -1;
	}
	/* A build that was just stopped lets go when its workers have died
	 * (a moment later): wait that long, not for a whole build. */
	int tries = 0, rc;
	while ((rc = flock(fd, LOCK_EX | LOCK_NB)) != 0 && errno == EWOULDBLOCK && ++tries < 30)
		g_usleep(100000);
	if (rc != 0 && errno != EWOULDBLOCK) {
		guard_errno(err, "cannot lock", path);
		close(fd);
		g_free(path);
		return -1;
	}
	if (rc != 0) {
		char pid[32] = "";
		ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
		pid[n > 0 ? n : 0] = 0;
		g_strchomp(pid);
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_EXIST,
		            "another build is running (pid %s) in %s; wait for it to finish",
		            *pid && strspn(pid, "0123456789") == strlen(pid) ? pid : "unknown",
		            out_dir);
		close(fd);
		g_free(path);
		return -1;
	}
	char pid[32];
	int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n) {
		/* the pid is only for the message above: the lock holds anyway */
	}
	g_free(path);
	return fd;
}

void guard_unlock(int fd)
{
	if (fd >= 0)
		close(fd); /* releases the flock */
}

/* The real path of path, or of its nearest existing parent with the rest
 * appended (the output folder may not exist yet). Owned. */
static char *guard_real(const char *path)
{
	char *abs = g_canonicalize_filename(path, NULL);
	char *rest = NULL;
	for (;;) {
		char *real = realpath(abs, NULL);
		if (real) {
			char *out = rest ? g_build_filename(real, rest, NULL) : g_strdup(real);
			free(real);
			g_free(abs);
			g_free(rest);
			return out;
		}
		char *base = g_path_get_basename(abs), *dir = g_path_get_dirname(abs);
		char *r = rest ? g_build_filename(base, rest, NULL) : g_strdup(base);
		g_free(rest);
		g_free(base);
		rest = r;
		bool top = !strcmp(dir, abs);
		g_free(abs);
		abs = dir;
		if (top)
			break;
	}
	g_free(abs);
	return rest;
}

/* a is b or a folder inside it */
static bool guard_within(const char *a, const char *b)
{
	size_t n = strlen(b);
	return !strncmp(a, b, n) && (a[n] == 0 || a[n] == '/' || (n == 1 && b[0] == '/'));
}

/* The output folder and the folders kitgen reads must not hold each other:
 * a build would read its own output, or replace its own input. */
bool guard_out_placed(const char *out_dir, const char *content_dir, const char *theme_dir,
                      GError **err)
{
	char *out = guard_real(out_dir);
	const char *names[] = {"content", "theme"};
	const char *dirs[] = {content_dir, theme_dir};
	bool ok = true;
	for (int i = 0; i < 2 && ok; i++) {
		if (!dirs[i])
			continue;
		char *in = guard_real(dirs[i]);
		if (guard_within(out, in) || guard_within(in, out)) {
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
			            "--out %s and the %s folder %s hold each other; choose an output "
			            "folder outside the %s folder (the default is out)",
			            out_dir, names[i], dirs[i], names[i]);
			ok = false;
		}
		g_free(in);
	}
	g_free(out);
	return ok;
}

bool guard_out_dir(const char *out_dir, GError **err)
{
	char *site = g_build_filename(out_dir, "site", NULL);
	char *marker = g_build_filename(out_dir, GUARD_MARKER, NULL);
	char *keys = g_build_filename(out_dir, ".cache", "outputs.tsv", NULL);
	struct stat st, mk;
	bool ok = true;
	bool marked = lstat(marker, &mk) == 0 && S_ISREG(mk.st_mode);
	if (lstat(site, &st) == 0) {
		struct stat ks; /* output of a kitgen from before the marker */
		bool legacy = lstat(keys, &ks) == 0 && S_ISREG(ks.st_mode);
		if (S_ISLNK(st.st_mode)) {
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_EXIST,
			            "%s is a symbolic link; kitgen replaces that folder and never "
			            "follows a link there: remove the link, or choose another --out",
			            site);
			ok = false;
		} else if (!S_ISDIR(st.st_mode) || (!marked && !legacy)) {
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_EXIST,
			            "%s was not made by kitgen (no %s beside it); kitgen would replace "
			            "it: move it away, or choose another --out",
			            site, marker);
			ok = false;
		}
	}
	if (ok && !marked &&
	    !g_file_set_contents(marker, GUARD_MARKER_TEXT, -1, err))
		ok = false;
	g_free(keys);
	g_free(marker);
	g_free(site);
	return ok;
}

void guard_clean_temps(const char *out_dir)
{
	static const char *const names[] = {"outputs.tsv.", "site-spare.tsv.", "checked.tsv.",
	                                    "frontmatter.bin.", "pdf-base-url.", NULL};
	char *dir = g_build_filename(out_dir, ".cache", NULL);
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *n;
	while (d && (n = g_dir_read_name(d)))
		for (int i = 0; names[i]; i++)
			if (g_str_has_prefix(n, names[i]) && strlen(n) == strlen(names[i]) + 6) {
				char *p = g_build_filename(dir, n, NULL);
				struct stat st;
				if (lstat(p, &st) == 0 && !S_ISDIR(st.st_mode))
					g_unlink(p);
				g_free(p);
			}
	if (d)
		g_dir_close(d);
	g_free(dir);
}

int guard_open_advisory(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		fd = -1;
	}
	return fd;
}

bool guard_read_advisory(const char *path, gsize max, char **text, gsize *len)
{
	*text = NULL;
	*len = 0;
	int fd = guard_open_advisory(path);
	struct stat st;
	if (fd < 0)
		return false;
	if (fstat(fd, &st) != 0 || (guint64)st.st_size > max) {
		close(fd);
		return false;
	}
	gsize size = (gsize)st.st_size, got = 0;
	char *buf = g_malloc(size + 1);
	while (got < size) {
		ssize_t n = read(fd, buf + got, size - got);
		if (n <= 0)
			break;
		got += (gsize)n;
	}
	close(fd);
	if (got != size) {
		g_free(buf);
		return false;
	}
	buf[size] = 0;
	*text = buf;
	*len = size;
	return true;
}

static bool guard_read_secret(const char *path, guint8 out[GUARD_SECRET_LEN])
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	bool ok = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	          st.st_uid == geteuid() && !(st.st_mode & 077) &&
	          read(fd, out, GUARD_SECRET_LEN) == GUARD_SECRET_LEN;
	if (fd >= 0)
		close(fd);
	return ok;
}

bool guard_user_secret(guint8 out[GUARD_SECRET_LEN])
{
	char *dir = g_build_filename(g_get_user_cache_dir(), "kitgen", NULL);
	char *path = g_build_filename(dir, "cache-secret", NULL);
	bool ok = guard_read_secret(path, out);
	if (!ok && g_mkdir_with_parents(dir, 0700) == 0) {
		/* made under another name and linked in: two builds at once
		 * agree on the first one */
		char *tmp = g_strdup_printf("%s.XXXXXX", path);
		int fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0600);
		guint8 secret[GUARD_SECRET_LEN];
		int rnd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
		bool made = fd >= 0 && rnd >= 0 &&
		            read(rnd, secret, sizeof secret) == (ssize_t)sizeof secret &&
		            write(fd, secret, sizeof secret) == (ssize_t)sizeof secret;
		if (rnd >= 0)
			close(rnd);
		if (fd >= 0 && close(fd) != 0)
			made = false;
		if (made)
			(void)link(tmp, path);
		g_unlink(tmp);
		g_free(tmp);
		ok = guard_read_secret(path, out);
	}
	g_free(path);
	g_free(dir);
	return ok;
}

bool guard_sign(const guint8 secret[GUARD_SECRET_LEN], const guint8 *data, gsize len,
                guint8 out[GUARD_SIGN_LEN])
{
	/* OpenSSL's SHA-256, not GLib's: five times faster where the CPU has
	 * SHA instructions, and the front-matter cache of 10,000 pages is 8 MB */
	unsigned int n = GUARD_SIGN_LEN;
	return HMAC(EVP_sha256(), secret, GUARD_SECRET_LEN, data, len, out, &n) &&
	       n == GUARD_SIGN_LEN;
}

#define GUARD_SIGNED "#signed "

bool guard_sign_text(GString *text)
{
	guint8 secret[GUARD_SECRET_LEN], sign[GUARD_SIGN_LEN];
	if (!guard_user_secret(secret) ||
	    !guard_sign(secret, (const guint8 *)text->str, text->len, sign))
		return false;
	g_string_append(text, GUARD_SIGNED);
	for (int i = 0; i < GUARD_SIGN_LEN; i++)
		g_string_append_printf(text, "%02x", sign[i]);
	g_string_append_c(text, '\n');
	return true;
}

bool guard_check_text(const char *text, gsize *len)
{
	gsize tail = strlen(GUARD_SIGNED) + 2 * GUARD_SIGN_LEN + 1;
	guint8 secret[GUARD_SECRET_LEN], sign[GUARD_SIGN_LEN];
	if (*len < tail || !guard_user_secret(secret))
		return false;
	gsize body = *len - tail;
	const char *line = text + body;
	if (strncmp(line, GUARD_SIGNED, strlen(GUARD_SIGNED)) || line[tail - 1] != '\n' ||
	    !guard_sign(secret, (const guint8 *)text, body, sign))
		return false;
	char hex[2 * GUARD_SIGN_LEN + 1];
	for (int i = 0; i < GUARD_SIGN_LEN; i++)
		snprintf(hex + 2 * i, 3, "%02x", sign[i]);
	if (CRYPTO_memcmp(hex, line + strlen(GUARD_SIGNED), 2 * GUARD_SIGN_LEN))
		return false;
	*len = body;
	return true;
}

bool guard_rel_ok(const char *rel)
{
	if (!rel || !*rel || *rel == '/')
		return false;
	for (const char *p = rel; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return false;
	char **parts = g_strsplit(rel, "/", -1);
	bool ok = true;
	for (char **p = parts; *p && ok; p++)
		ok = **p && strcmp(*p, ".") && strcmp(*p, "..");
	g_strfreev(parts);
	return ok;
}

/* The folder holding root/rel's last part, opened without following a
 * link (created when create): an fd, *base its last part (owned). */
static int guard_parent_at(const char *root, const char *rel, bool create, char **base)
{
	*base = NULL;
	if (!guard_rel_ok(rel))
		return -1;
	int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	char **parts = g_strsplit(rel, "/", -1);
	guint n = g_strv_length(parts);
	for (guint i = 0; fd >= 0 && i + 1 < n; i++) {
		int next = openat(fd, parts[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		/* EEXIST: another worker made the folder since openat; use it. */
		if (next < 0 && errno == ENOENT && create &&
		    (mkdirat(fd, parts[i], 0755) == 0 || errno == EEXIST))
			next = openat(fd, parts[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(fd);
		fd = next;
	}
	if (fd >= 0)
		*base = g_strdup(parts[n - 1]);
	g_strfreev(parts);
	return fd;
}

void guard_remove_under(const char *root, const char *rel)
{
	char *base;
	int fd = guard_parent_at(root, rel, false, &base);
	if (fd < 0)
		return;
	struct stat st;
	if (fstatat(fd, base, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode))
		unlinkat(fd, base, 0);
	close(fd);
	g_free(base);
	/* then the folders that held it, while they are empty */
	char *dir = g_strdup(rel);
	for (char *slash = strrchr(dir, '/'); slash; slash = strrchr(dir, '/')) {
		*slash = 0;
		char *last;
		int at = guard_parent_at(root, dir, false, &last);
		bool gone = at >= 0 && unlinkat(at, last, AT_REMOVEDIR) == 0;
		if (at >= 0)
			close(at);
		g_free(last);
		if (!gone)
			break;
	}
	g_free(dir);
}

bool guard_link_under(const char *from_root, const char *to_root, const char *rel)
{
	char *from_base, *to_base;
	int from = guard_parent_at(from_root, rel, false, &from_base);
	int to = from >= 0 ? guard_parent_at(to_root, rel, true, &to_base) : -1;
	struct stat st;
	bool ok = to >= 0 && fstatat(from, from_base, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	          S_ISREG(st.st_mode) && linkat(from, from_base, to, to_base, 0) == 0;
	if (to >= 0) {
		close(to);
		g_free(to_base);
	}
	if (from >= 0) {
		close(from);
		g_free(from_base);
	}
	return ok;
}
