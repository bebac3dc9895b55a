#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

#define BLOCK_SIZE	(256 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t		 size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

/*
 * Blocks of the standard size are kept for the next page instead of
 * going back to the system: mapping fresh memory for every page costs
 * more in page faults than the whole parse.  Pages are parsed on
 * worker threads and freed on the main one, so the spare blocks are
 * shared, under a lock taken once a block.
 */
#define SPARE_MAX	64

static pthread_mutex_t		 spare_lock = PTHREAD_MUTEX_INITIALIZER;
static struct arena_block	*spare;
static int			 nspare;

static struct arena_block *
block_new(size_t size)
{
	struct arena_block	*b = NULL;

	if (size == BLOCK_SIZE) {
		pthread_mutex_lock(&spare_lock);
		if ((b = spare) != NULL) {
			spare = b->next;
			nspare--;
		}
		pthread_mutex_unlock(&spare_lock);
	}
	if (b == NULL)
		b = xmalloc(sizeof(*b) + size);
	b->size = size;
	return b;
}

/*
 * Start a new block with room for n bytes (already aligned) and take
 * them.  A large request gets its own block behind the head, so that
 * the head keeps serving small ones.
 */
void *
arena_grow(struct arena *a, size_t n)
{
	struct arena_block	*b;
	size_t			 size;

	size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
	b = block_new(size);
	if (a->head != NULL && size > BLOCK_SIZE) {
		b->next = a->head->next;
		a->head->next = b;
	} else {
		b->next = a->head;
		a->head = b;
		a->next = b->data + n;
		a->end = b->data + size;
	}
	return b->data;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void	*p;

	p = arena_take(a, n);
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	p = arena_take(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_block	*b, *next, *gone = NULL;

	pthread_mutex_lock(&spare_lock);
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (b->size == BLOCK_SIZE && nspare < SPARE_MAX) {
			b->next = spare;
			spare = b;
			nspare++;
		} else {
			b->next = gone;
			gone = b;
		}
	}
	pthread_mutex_unlock(&spare_lock);
	/* free(3) outside the lock: it may take long. */
	for (b = gone; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->next = a->end = NULL;
}

void
arena_release(void)
{
	struct arena_block	*b;

	/* At the end of a run, when no other thread is left. */
	while ((b = spare) != NULL) {
		spare = b->next;
		free(b);
	}
	nspare = 0;
}
