/* edit_at: an LD_PRELOAD shim that edits a content file at one moment of a
 * build, for tests/run.sh: an author saving while kitgen builds, every
 * time instead of by luck. KG_EDIT_FILE names the file; the edit (a line
 * appended) happens when the build makes its staging folder, after every
 * file was read and before any page is made.
 *
 * cc -shared -fPIC -o edit_at.so edit_at.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int mkdir(const char *path, mode_t mode)
{
	static int (*real)(const char *, mode_t);
	static int done;
	if (!real)
		real = (int (*)(const char *, mode_t))dlsym(RTLD_NEXT, "mkdir");
	const char *file = getenv("KG_EDIT_FILE");
	const char *base = strrchr(path, '/');
	if (file && !done && !strncmp(base ? base + 1 : path, "site.tmp-", 9)) {
		FILE *f = fopen(file, "a");
		if (f) {
			fputs("\nA sentence saved while kitgen was building.\n", f);
			fclose(f);
		}
		done = 1;
	}
	return real(path, mode);
}
