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
};

void	*arena_alloc(struct arena *, size_t);	/* zeroed */
void	*arena_take(struct arena *, size_t);	/* not cleared */
char	*arena_strndup(struct arena *, const char *, size_t);
void	 arena_free(struct arena *);	/* keeps some blocks for reuse */
void	 arena_release(void);		/* frees the blocks kept */

#endif
