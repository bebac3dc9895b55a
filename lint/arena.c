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

/* Room for n bytes, not cleared. */
static void *
arena_take(struct arena *a, size_t n)
{
	struct arena_block	*b = a->head;
	size_t			 size;
	void			*p;

	n = (n + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
	if (b == NULL || b->size - b->used < n) {
		size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
		b = xmalloc(sizeof(*b) + size);
		b->used = 0;
		b->size = size;
		/* A large request gets its own block behind the head. */
		if (a->head != NULL && size > BLOCK_SIZE) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += n;
	return p;
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
	struct arena_block	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}
