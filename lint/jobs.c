/*
 * A pool of worker threads over an array of items.  The threads take
 * items in order; the caller gets them back in the same order, each
 * once its work is done.  The window keeps the threads from running
 * far ahead of the caller, which bounds the memory the finished but
 * not yet handed back items hold.
 */
#define _GNU_SOURCE	/* sched_getaffinity(2), CPU_COUNT */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobs.h"
#include "util.h"

struct jobs {
	pthread_mutex_t	 mu;
	pthread_cond_t	 finished_one;	/* an item's work is done */
	pthread_cond_t	 moved;		/* an item was handed back */
	void		**items;
	unsigned char	*finished;	/* one per item */
	size_t		 n;
	size_t		 next;		/* the next item to start */
	size_t		 handed;	/* items handed back */
	size_t		 window;
	void		(*work)(void *);
	void		(*done)(void);
	pthread_t	*threads;
	int		 nthreads;
};

static void *
worker(void *arg)
{
	struct jobs	*j = arg;
	size_t		 i;

	pthread_mutex_lock(&j->mu);
	for (;;) {
		while (j->next < j->n && j->next >= j->handed + j->window)
			pthread_cond_wait(&j->moved, &j->mu);
		if (j->next >= j->n)
			break;
		i = j->next++;
		pthread_mutex_unlock(&j->mu);
		j->work(j->items[i]);
		pthread_mutex_lock(&j->mu);
		j->finished[i] = 1;
		pthread_cond_signal(&j->finished_one);
	}
	pthread_mutex_unlock(&j->mu);
	j->done();
	return NULL;
}

struct jobs *
jobs_start(void **items, size_t n, int nthreads, size_t window,
    void (*work)(void *), void (*done)(void))
{
	struct jobs	*j;
	int		 i, e;

	j = xcalloc(1, sizeof(*j));
	j->items = items;
	j->n = n;
	j->window = window > 0 ? window : 1;
	j->work = work;
	j->done = done;
	j->finished = xcalloc(n > 0 ? n : 1, 1);
	j->threads = xcalloc(nthreads > 1 ? nthreads - 1 : 1,
	    sizeof(*j->threads));
	pthread_mutex_init(&j->mu, NULL);
	pthread_cond_init(&j->finished_one, NULL);
	pthread_cond_init(&j->moved, NULL);
	/* The caller's thread is one of them: see jobs_next(). */
	for (i = 1; i < nthreads; i++) {
		if ((e = pthread_create(&j->threads[j->nthreads], NULL,
		    worker, j)) != 0) {
			/* Fewer threads do the same work, only slower. */
			fprintf(stderr, "manlint: cannot start a thread: "
			    "%s\n", strerror(e));
			break;
		}
		j->nthreads++;
	}
	return j;
}

/*
 * Rather than wait for the next item, the caller works on one that is
 * not started yet: the caller is busy instead of idle, and the threads
 * wake it only when it has nothing else to do.
 */
void *
jobs_next(struct jobs *j)
{
	void	*item;
	size_t	 i;

	pthread_mutex_lock(&j->mu);
	for (;;) {
		if (j->handed >= j->n) {
			pthread_mutex_unlock(&j->mu);
			return NULL;
		}
		if (j->finished[j->handed])
			break;
		if (j->next < j->n && j->next < j->handed + j->window) {
			i = j->next++;
			pthread_mutex_unlock(&j->mu);
			j->work(j->items[i]);
			pthread_mutex_lock(&j->mu);
			j->finished[i] = 1;
			continue;
		}
		pthread_cond_wait(&j->finished_one, &j->mu);
	}
	item = j->items[j->handed++];
	pthread_cond_broadcast(&j->moved);
	pthread_mutex_unlock(&j->mu);
	return item;
}

void
jobs_end(struct jobs *j)
{
	int	 i;

	for (i = 0; i < j->nthreads; i++)
		pthread_join(j->threads[i], NULL);
	pthread_cond_destroy(&j->moved);
	pthread_cond_destroy(&j->finished_one);
	pthread_mutex_destroy(&j->mu);
	free(j->threads);
	free(j->finished);
	free(j);
}

int
jobs_cpus(void)
{
	cpu_set_t	 set;
	long		 n;

	/* taskset(1) and cgroup cpusets narrow what the machine has. */
	if (sched_getaffinity(0, sizeof(set), &set) == 0 &&
	    CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}
