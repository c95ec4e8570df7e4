/* jobs: run independent tasks on N threads. Each thread has an index so a
 * caller can give it its own resources (compiled stylesheets, font maps),
 * prepared before the threads start. Outputs are files of their own, so
 * the order tasks run in never shows in the result. */
#ifndef KITGEN_JOBS_H
#define KITGEN_JOBS_H

#include <stdbool.h>
#include <stddef.h>

/* Runs run(shared, thread, task) for task = 0 … ntasks−1 on nthreads
 * threads (thread = 0 … nthreads−1). true when every call returned true. */
bool jobs_run(int nthreads, size_t ntasks, bool (*run)(void *shared, int thread, size_t task),
              void *shared);

/* The number of threads to use by default: the machine's cores. */
int jobs_default(void);

#endif
