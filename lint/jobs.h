/*
 * Work on worker threads, handed back in order: the pages of a run are
 * checked at the same time, and their diagnostics printed one page
 * after the other, as a run on one thread prints them.
 */
#ifndef JOBS_H
#define JOBS_H

#include <stddef.h>

struct jobs;

/*
 * Work on items[0..n-1] with work(), on nthreads threads: the caller's
 * and nthreads - 1 started here (fewer if the system refuses some), at
 * most window items ahead of the one jobs_next() last handed back.
 * Each started thread calls done() before it ends, to free what it
 * kept for itself.
 */
struct jobs	*jobs_start(void **items, size_t n, int nthreads,
		    size_t window, void (*work)(void *), void (*done)(void));

/*
 * The next item in order, once its work is done (done by the caller
 * while it waits, if need be); NULL after the last.
 */
void		*jobs_next(struct jobs *);

/* Wait for the threads to end (all items handed back) and free. */
void		 jobs_end(struct jobs *);

/* How many threads a run should use: the CPUs this process may use. */
int		 jobs_cpus(void);

#endif
