/* peakrss: runs a command and says how much memory its processes held at
 * their peak — the command itself and, separately, the largest process it
 * forked (kitgen's chart and PDF workers). GNU time's %M gives only the
 * largest of all of them; the memory target is about that one, and this
 * says which process it was.
 *
 *   peakrss OUTFILE CMD [ARG...]
 *
 * OUTFILE gets one line: "ALL PARENT CHILD NCHILD" in KB, where ALL is the
 * kernel's figure from wait4 (the largest peak among the command and every
 * descendant it waited for, exact), PARENT and CHILD the largest VmHWM
 * seen by polling /proc every 5 ms (a worker that peaks in its last 5 ms
 * can be missed; ALL cannot). The command's own output is left alone; its
 * exit status is peakrss's. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXPROC 4096

static pid_t seen[MAXPROC];
static long seen_hwm[MAXPROC];
static int nseen;

/* VmHWM of pid in KB, 0 when it is gone (or a zombie, which has no mm). */
static long hwm_of(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long v = 0;
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, "VmHWM:", 6)) {
			v = strtol(line + 6, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

static void note(pid_t pid, long v)
{
	for (int i = 0; i < nseen; i++)
		if (seen[i] == pid) {
			if (v > seen_hwm[i])
				seen_hwm[i] = v;
			return;
		}
	if (nseen < MAXPROC) {
		seen[nseen] = pid;
		seen_hwm[nseen++] = v;
	}
}

/* Polls pid and, through /proc/PID/task/TID/children, its descendants. */
static void poll_tree(pid_t pid, int depth)
{
	note(pid, hwm_of(pid));
	if (depth > 8)
		return;
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	DIR *d = opendir(path);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char cpath[320];
		snprintf(cpath, sizeof cpath, "/proc/%d/task/%s/children", (int)pid, e->d_name);
		FILE *f = fopen(cpath, "r");
		if (!f)
			continue;
		long c;
		while (fscanf(f, "%ld", &c) == 1)
			poll_tree((pid_t)c, depth + 1);
		fclose(f);
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: peakrss OUTFILE CMD [ARG...]\n");
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("peakrss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror("peakrss: exec");
		_exit(127);
	}
	int status = 0;
	struct rusage ru;
	struct timespec ts = {0, 5 * 1000 * 1000};
	for (;;) {
		poll_tree(pid, 0);
		pid_t r = wait4(pid, &status, WNOHANG, &ru);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			perror("peakrss: wait4");
			return 2;
		}
		nanosleep(&ts, NULL);
	}
	long parent = 0, child = 0;
	for (int i = 0; i < nseen; i++) {
		if (seen[i] == pid)
			parent = seen_hwm[i];
		else if (seen_hwm[i] > child)
			child = seen_hwm[i];
	}
	FILE *out = fopen(argv[1], "w");
	if (!out) {
		perror(argv[1]);
		return 2;
	}
	fprintf(out, "%ld %ld %ld %d\n", ru.ru_maxrss, parent, child, nseen > 0 ? nseen - 1 : 0);
	fclose(out);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
