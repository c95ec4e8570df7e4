/* outfile: files written for a user (-o) and files copied into the site:
 * no device or FIFO replaced, no sparse file filled in. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/fs.h>
#include <glib/gstdio.h>
#include "build/outfile.h"

static void outfile_errno(GError **err, const char *what, const char *path)
{
	int e = errno;
	g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "%s %s: %s", what, path,
	            g_strerror(e));
}

static bool outfile_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* -o /dev/stdout and its kin name an fd this process already has: write
 * into it, whatever it is (a pipe, a terminal, a file the shell opened). */
static int outfile_std_fd(const char *path)
{
	if (!strcmp(path, "/dev/stdout") || !strcmp(path, "-"))
		return 1;
	if (!strcmp(path, "/dev/stderr"))
		return 2;
	const char *prefixes[] = {"/dev/fd/", "/proc/self/fd/"};
	for (int i = 0; i < 2; i++)
		if (g_str_has_prefix(path, prefixes[i])) {
			const char *n = path + strlen(prefixes[i]);
			if (*n && strspn(n, "0123456789") == strlen(n) && strlen(n) < 6)
				return atoi(n);
		}
	return -1;
}

bool outfile_write_target(const char *path, const char *data, size_t len, GError **err)
{
	int fd = outfile_std_fd(path);
	char *to = fd < 0 ? g_file_read_link(path, NULL) : NULL; /* a link to /dev/stdout */
	for (int hops = 0; to && fd < 0 && hops < 8; hops++) {
		fd = outfile_std_fd(to);
		char *next = fd < 0 ? g_file_read_link(to, NULL) : NULL;
		g_free(to);
		to = next;
	}
	g_free(to);
	if (fd >= 0) {
		if (!outfile_write_all(fd, data, len)) {
			outfile_errno(err, "cannot write", path);
			return false;
		}
		return true;
	}
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
		            "cannot write %s: it is a folder; give -o a file name", path);
		return false;
	}
	if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
		/* a pipe, a terminal, /dev/null: written into, never replaced */
		fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		bool ok = fd >= 0 && outfile_write_all(fd, data, len);
		if (!ok)
			outfile_errno(err, "cannot write", path);
		if (fd >= 0 && close(fd) != 0 && ok) {
			outfile_errno(err, "cannot write", path);
			ok = false;
		}
		return ok;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
		            "cannot write %s: it is not a regular file (a device or socket); give "
		            "-o a file name",
		            path);
		return false;
	}
	struct stat lst;
	if (!exists && lstat(path, &lst) == 0) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_NOENT,
		            "cannot write %s: it is a symbolic link to nothing; give -o a file name",
		            path);
		return false;
	}
	/* A link stays a link: its target is what is replaced. */
	char *real = exists ? realpath(path, NULL) : NULL;
	char *target = real ? g_strdup(real) : g_strdup(path);
	free(real);
	char *dir = g_path_get_dirname(target), *base = g_path_get_basename(target);
	if (g_mkdir_with_parents(dir, 0755) != 0) {
		outfile_errno(err, "cannot create", dir);
		g_free(dir);
		g_free(base);
		g_free(target);
		return false;
	}
	char *tmp = g_strdup_printf("%s/.%s.tmp-XXXXXX", dir, base);
	fd = g_mkstemp_full(tmp, O_RDWR | O_CLOEXEC, 0600);
	mode_t mask = umask(0);
	umask(mask);
	bool ok = fd >= 0 && fchmod(fd, exists ? st.st_mode & 07777 : 0666 & ~mask) == 0 &&
	          outfile_write_all(fd, data, len);
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	if (ok && rename(tmp, target) != 0)
		ok = false;
	if (!ok) {
		outfile_errno(err, "cannot write", path);
		g_unlink(tmp);
	}
	g_free(tmp);
	g_free(dir);
	g_free(base);
	g_free(target);
	return ok;
}

/* Copies the data extents of in to out (a new, empty file) and gives out
 * in's size: the holes between them stay holes. */
static bool outfile_copy_extents(int in, int out, off_t size)
{
	off_t pos = 0;
	while (pos < size) {
		off_t data = lseek(in, pos, SEEK_DATA);
		if (data < 0)
			break; /* ENXIO: only a hole is left */
		off_t hole = lseek(in, data, SEEK_HOLE);
		if (hole < 0)
			hole = size;
		off_t a = data, b = data;
		while (a < hole) {
			ssize_t n = copy_file_range(in, &a, out, &b, (size_t)(hole - a), 0);
			if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EINVAL)) {
				char buf[65536];
				ssize_t r = pread(in, buf, MIN((off_t)sizeof buf, hole - a), a);
				if (r <= 0 || pwrite(out, buf, (size_t)r, b) != r)
					return false;
				a += r;
				b += r;
			} else if (n <= 0) {
				return n == 0; /* 0: the file shrank under us */
			}
		}
		pos = hole;
	}
	return ftruncate(out, size) == 0;
}

bool outfile_copy(const char *src, const char *dst, GError **err)
{
	int in = open(src, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	if (in < 0 || fstat(in, &st) != 0) {
		outfile_errno(err, "cannot read", src);
		if (in >= 0)
			close(in);
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
		            "cannot publish %s: it is not a regular file (a FIFO, device or "
		            "folder); put a file there",
		            src);
		close(in);
		return false;
	}
	char *dir = g_path_get_dirname(dst);
	g_mkdir_with_parents(dir, 0755);
	g_free(dir);
	/* A new file, never a write through an old name: a staging folder's
	 * files may be hard links into the live site. */
	g_unlink(dst);
	int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
	bool ok = out >= 0 && (ioctl(out, FICLONE, in) == 0 || outfile_copy_extents(in, out, st.st_size));
	if (out >= 0 && close(out) != 0)
		ok = false;
	if (!ok) {
		outfile_errno(err, "cannot write", dst);
		g_unlink(dst);
	}
	close(in);
	return ok;
}
