#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

#define BLOCK_SIZE	(256 * 1024)
#define ALIGNMENT	16

struct arena_block {
	struct arena_block *next;
	size_t		 used;
	size_t		 size;
	_Alignas(ALIGNMENT) unsigned char data[];
};

/*
 * Blocks of the standard size are kept for the next page instead of
 * going back to the system: mapping fresh memory for every page costs
 * more in page faults than the whole parse.
 */
#define SPARE_MAX	64

static struct arena_block	*spare;
static int			 nspare;

static struct arena_block *
block_new(size_t size)
{
	struct arena_block	*b;

	if (size == BLOCK_SIZE && spare != NULL) {
		b = spare;
		spare = b->next;
		nspare--;
	} else
		b = xmalloc(sizeof(*b) + size);
	b->used = 0;
	b->size = size;
	return b;
}

/*
 * Start a new block with room for n bytes (already aligned).  A large
 * request gets its own block behind the head, so that the head keeps
 * serving small ones.
 */
static struct arena_block *
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
	}
	return b;
}

/*
 * Room for n bytes, not cleared.  Every node, string and argument of
 * a page comes from here, so the common case stays short enough to
 * be inlined.
 */
static inline void *
take(struct arena *a, size_t n)
{
	struct arena_block	*b = a->head;
	void			*p;

	n = (n + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
	if (b == NULL || b->size - b->used < n)
		b = arena_grow(a, n);
	p = b->data + b->used;
	b->used += n;
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void	*p;

	p = take(a, n);
	memset(p, 0, n);
	return p;
}

void *
arena_take(struct arena *a, size_t n)
{
	return take(a, n);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	p = take(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_block	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (b->size == BLOCK_SIZE && nspare < SPARE_MAX) {
			b->next = spare;
			spare = b;
			nspare++;
		} else
			free(b);
	}
	a->head = NULL;
}

void
arena_release(void)
{
	struct arena_block	*b;

	while ((b = spare) != NULL) {
		spare = b->next;
		free(b);
	}
	nspare = 0;
}
