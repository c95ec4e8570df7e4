/* workers: independent tasks in child processes. For work whose libraries
 * are not safe in two threads at once (cairo 1.16 opens FreeType faces on
 * one shared FT_Library without a lock): each process has its own copy of
 * everything, and the parent gets back one record per task. */
#ifndef KITGEN_WORKERS_H
#define KITGEN_WORKERS_H

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

/* In a child: does task i, appending what the parent must know to rec. */
typedef void (*workers_task_fn)(void *shared, size_t i, GString *rec);
/* In the parent: takes task i's record, in the order tasks finish. */
typedef void (*workers_done_fn)(void *shared, size_t i, const char *rec, size_t len);

/* Runs tasks 0..n-1 in procs child processes (task i in child i % procs).
 * Returns false when a child died before reporting all its tasks; *lost
 * (if not NULL) then counts the tasks that never reported. With procs < 2
 * or when fork fails, runs every task in this process. */
bool workers_run(int procs, size_t n, workers_task_fn task, workers_done_fn done,
                 void *shared, size_t *lost);

#endif
