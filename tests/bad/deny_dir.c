/* deny_dir: an LD_PRELOAD shim for tests/steps/failure.sh: opendir fails
 * with EACCES on the folder KG_DENY_DIR names, as for a folder without
 * read permission, even when the tests run as root (who may list any).
 *
 * cc -shared -fPIC -o deny_dir.so deny_dir.c -ldl */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

DIR *opendir(const char *path)
{
	static DIR *(*real)(const char *);
	if (!real)
		real = (DIR * (*)(const char *)) dlsym(RTLD_NEXT, "opendir");
	const char *deny = getenv("KG_DENY_DIR");
	if (deny && !strcmp(path, deny)) {
		errno = EACCES;
		return NULL;
	}
	return real(path);
}
