/* die_at: an LD_PRELOAD shim that kills the process with SIGKILL at a
 * chosen moment of a build, for tests/interrupt/run.sh: what a power cut
 * or `kill -9` does there, every time, instead of by luck.
 *
 *   KG_DIE_BEFORE=renameat2  just before OUT/site is swapped for the staging
 *   KG_DIE_AFTER=renameat2   just after the swap, before anything else
 *   KG_FAIL=renameat2        the swap fails (EIO), as on a failing disk
 *
 * cc -shared -fPIC -o die_at.so die_at.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int when(const char *var, const char *fn)
{
	const char *v = getenv(var);
	return v && !strcmp(v, fn);
}

int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
              unsigned int flags)
{
	static int (*real)(int, const char *, int, const char *, unsigned int);
	if (!real)
		real = (int (*)(int, const char *, int, const char *, unsigned int))dlsym(
			RTLD_NEXT, "renameat2");
	if (when("KG_DIE_BEFORE", "renameat2"))
		kill(getpid(), SIGKILL);
	if (when("KG_FAIL", "renameat2")) {
		errno = EIO;
		return -1;
	}
	int r = real(olddirfd, oldpath, newdirfd, newpath, flags);
	if (when("KG_DIE_AFTER", "renameat2"))
		kill(getpid(), SIGKILL);
	return r;
}

int rename(const char *oldpath, const char *newpath)
{
	static int (*real)(const char *, const char *);
	if (!real)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
	/* The first build of an OUT has no site to swap with: a plain rename
	 * of OUT/site.tmp-XXXXXX itself (not of a file inside it). */
	const char *base = strrchr(oldpath, '/');
	int site = !strncmp(base ? base + 1 : oldpath, "site.tmp-", 9);
	if (site && when("KG_DIE_BEFORE", "renameat2"))
		kill(getpid(), SIGKILL);
	if (site && when("KG_FAIL", "renameat2")) {
		errno = EIO;
		return -1;
	}
	int r = real(oldpath, newpath);
	if (site && when("KG_DIE_AFTER", "renameat2"))
		kill(getpid(), SIGKILL);
	return r;
}
