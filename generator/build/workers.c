/* workers: fork, one pipe per child, records framed as index, length, bytes. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "build/workers.h"

typedef struct {
	size_t index, len;
} workers_frame;

static bool workers_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		len -= (size_t)w;
	}
	return true;
}

static void workers_child(int fd, int w, int procs, size_t n, workers_task_fn task,
                          void *shared)
{
	GString *rec = g_string_new(NULL);
	for (size_t i = (size_t)w; i < n; i += (size_t)procs) {
		g_string_truncate(rec, 0);
		task(shared, i, rec);
		workers_frame f = {i, rec->len};
		if (!workers_write_all(fd, &f, sizeof f) || !workers_write_all(fd, rec->str, rec->len))
			_exit(3);
	}
	_exit(0); /* no atexit handlers, no stdio flush: the parent owns those */
}

/* Hands every complete frame in buf to done; keeps the rest. */
static size_t workers_take(GByteArray *buf, workers_done_fn done, void *shared)
{
	size_t taken = 0, off = 0;
	while (buf->len - off >= sizeof(workers_frame)) {
		workers_frame f;
		memcpy(&f, buf->data + off, sizeof f);
		if (buf->len - off - sizeof f < f.len)
			break;
		done(shared, f.index, (const char *)buf->data + off + sizeof f, f.len);
		off += sizeof f + f.len;
		taken++;
	}
	g_byte_array_remove_range(buf, 0, (guint)off);
	return taken;
}

static void workers_here(int w, int procs, size_t n, workers_task_fn task,
                         workers_done_fn done, void *shared)
{
	GString *rec = g_string_new(NULL);
	for (size_t i = (size_t)w; i < n; i += (size_t)procs) {
		g_string_truncate(rec, 0);
		task(shared, i, rec);
		done(shared, i, rec->str, rec->len);
	}
	g_string_free(rec, TRUE);
}

/* The threads of this process, from /proc/self/task. */
static int workers_threads(void)
{
	GDir *d = g_dir_open("/proc/self/task", 0, NULL);
	int n = 0;
	while (d && g_dir_read_name(d))
		n++;
	if (d)
		g_dir_close(d);
	return n;
}

/* A child of fork() has only the thread that forked, and every lock the
 * other threads held at that moment stays taken in it forever. GLib keeps
 * idle threads (the pool that ran Pango's fontconfig setup) that take
 * allocator locks as they exit: a worker forked then hung at its first
 * allocation. So the idle threads are let go and waited for (at most
 * 2 s), and workers are forked from a process of one thread. */
static void workers_quiesce(void)
{
	g_thread_pool_stop_unused_threads();
	for (int i = 0; i < 2000 && workers_threads() > 1; i++) {
		g_thread_pool_stop_unused_threads();
		g_usleep(1000);
	}
}

bool workers_run(int procs, size_t n, workers_task_fn task, workers_done_fn done,
                 void *shared, size_t *lost)
{
	if (lost)
		*lost = 0;
	if (procs > (int)n)
		procs = (int)n;
	if (procs < 2) {
		workers_here(0, 1, n, task, done, shared);
		return true;
	}
	fflush(stdout);
	fflush(stderr);
	workers_quiesce();
	int *fd = g_new(int, procs);
	pid_t *pid = g_new(pid_t, procs);
	for (int w = 0; w < procs; w++) {
		int p[2];
		fd[w] = -1;
		pid[w] = -1;
		if (pipe(p) != 0)
			continue;
		pid_t parent = getpid();
		pid[w] = fork();
		if (pid[w] == 0) {
			/* A worker never outlives its build: killed with it, it
			 * cannot write into a staging folder a later build uses. */
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			if (getppid() != parent)
				_exit(1);
			for (int k = 0; k < w; k++)
				if (fd[k] >= 0)
					close(fd[k]);
			close(p[0]);
			workers_child(p[1], w, procs, n, task, shared);
		}
		close(p[1]);
		if (pid[w] < 0)
			close(p[0]);
		else
			fd[w] = p[0];
	}
	size_t reported = 0, expected = 0;
	for (int w = 0; w < procs; w++)
		if (fd[w] >= 0)
			expected += (n - (size_t)w + (size_t)procs - 1) / (size_t)procs;
	GByteArray **buf = g_new(GByteArray *, procs);
	struct pollfd *pfd = g_new(struct pollfd, procs);
	for (int w = 0; w < procs; w++)
		buf[w] = g_byte_array_new();
	for (;;) {
		int open = 0;
		for (int w = 0; w < procs; w++)
			if (fd[w] >= 0)
				pfd[open++] = (struct pollfd){.fd = fd[w], .events = POLLIN};
		if (!open)
			break;
		if (poll(pfd, (nfds_t)open, -1) < 0 && errno != EINTR)
			break;
		for (int w = 0; w < procs; w++) {
			if (fd[w] < 0)
				continue;
			int k = 0;
			while (pfd[k].fd != fd[w])
				k++;
			if (!(pfd[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			guint8 chunk[65536];
			ssize_t r = read(fd[w], chunk, sizeof chunk);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				close(fd[w]);
				fd[w] = -1;
				continue;
			}
			g_byte_array_append(buf[w], chunk, (guint)r);
			reported += workers_take(buf[w], done, shared);
		}
	}
	bool ok = true;
	for (int w = 0; w < procs; w++) {
		int status;
		if (pid[w] < 0) /* no child: its share is done here */
			workers_here(w, procs, n, task, done, shared);
		else if (waitpid(pid[w], &status, 0) < 0 || !WIFEXITED(status) ||
		         WEXITSTATUS(status) != 0)
			ok = false;
		g_byte_array_free(buf[w], TRUE);
	}
	if (reported < expected) {
		ok = false;
		if (lost)
			*lost = expected - reported;
	}
	g_free(buf);
	g_free(pfd);
	g_free(fd);
	g_free(pid);
	return ok;
}
