/*
 * A bump allocator: a page's nodes, strings and arguments are all
 * freed at once when the page is done, so they come from one arena.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	unsigned char	*next;	/* free room in the head block ... */
	unsigned char	*end;	/* ... up to here */
};

#define ARENA_ALIGN	16

void	*arena_alloc(struct arena *, size_t);	/* zeroed */
void	*arena_grow(struct arena *, size_t);	/* arena_take()'s slow path */
char	*arena_strndup(struct arena *, const char *, size_t);
void	 arena_free(struct arena *);	/* keeps some blocks for reuse */
void	 arena_release(void);		/* frees the blocks kept */

/*
 * Room for n bytes (n > 0), not cleared.  Every node, string and
 * argument of a page comes from here, so the common case is inline.
 */
static inline void *
arena_take(struct arena *a, size_t n)
{
	void	*p;

	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if ((size_t)(a->end - a->next) < n)
		return arena_grow(a, n);
	p = a->next;
	a->next += n;
	return p;
}

#endif
