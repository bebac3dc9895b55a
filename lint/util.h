/*
 * Allocation that cannot fail (it exits with a message), and small
 * string helpers.
 */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 has_prefix(const char *, size_t, const char *);
char	*path_join(const char *dir, const char *name);	/* "dir/name" */

#endif
