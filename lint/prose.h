/*
 * Prose rules: PCRE2 patterns over the text of a page with the markup
 * removed (ptext.h), loaded from rule files whose format manlint-prose(5)
 * describes.  Each rule becomes a registered rule (rules.h).
 */
#ifndef PROSE_H
#define PROSE_H

#include <stdio.h>

struct ctx;

/*
 * Load the rules of a file and register them.  On a syntax error or
 * a pattern that does not compile, print FILE:LINE: and the problem
 * to err and return -1.
 */
int	 prose_load(const char *path, FILE *err);

/* The rule file installed with manlint, or NULL if none is found. */
const char *prose_default_path(const char *argv0);

/* Match every loaded rule against the page. */
void	 check_prose(struct ctx *);

/*
 * Free what checking pages kept on the calling thread: match data and
 * text buffers.  prose_free() does it for the main thread, and frees
 * the compiled patterns at the end of a run.
 */
void	 prose_thread_free(void);
void	 prose_free(void);

#endif
