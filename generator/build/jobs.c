/* jobs: a shared counter hands out task numbers; no queue to lock. */
#include <glib.h>
#include "build/jobs.h"

typedef struct {
	bool (*run)(void *shared, int thread, size_t task);
	void *shared;
	size_t ntasks;
	gint next;   /* next task to take */
	gint failed; /* any task failed */
} jobs_state;

typedef struct {
	jobs_state *st;
	int index;
} jobs_thread;

static gpointer jobs_worker(gpointer data)
{
	jobs_thread *t = data;
	jobs_state *st = t->st;
	for (;;) {
		size_t task = (size_t)g_atomic_int_add(&st->next, 1);
		if (task >= st->ntasks)
			break;
		if (!st->run(st->shared, t->index, task))
			g_atomic_int_set(&st->failed, 1);
	}
	return NULL;
}

bool jobs_run(int nthreads, size_t ntasks, bool (*run)(void *shared, int thread, size_t task),
              void *shared)
{
	jobs_state st = {run, shared, ntasks, 0, 0};
	if (nthreads < 1)
		nthreads = 1;
	if ((size_t)nthreads > ntasks)
		nthreads = ntasks ? (int)ntasks : 1;
	jobs_thread *t = g_new0(jobs_thread, nthreads);
	GThread **threads = g_new0(GThread *, nthreads);
	/* The calling thread is worker 0: one thread needs no new thread. */
	for (int i = 1; i < nthreads; i++) {
		t[i] = (jobs_thread){&st, i};
		threads[i] = g_thread_new("kitgen-job", jobs_worker, &t[i]);
	}
	t[0] = (jobs_thread){&st, 0};
	jobs_worker(&t[0]);
	for (int i = 1; i < nthreads; i++)
		g_thread_join(threads[i]);
	g_free(threads);
	g_free(t);
	return !st.failed;
}

int jobs_default(void)
{
	return (int)g_get_num_processors();
}
