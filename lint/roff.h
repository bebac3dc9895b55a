/*
 * roff input lines.  A logical line is one or more physical lines
 * joined by escaped newlines, with any comment cut off; it remembers
 * where each piece came from so every byte maps back to line:column.
 */
#ifndef ROFF_H
#define ROFF_H

#include <stddef.h>

struct arena;
struct srcfile;

struct seg {
	size_t		 off;	/* offset in the logical line */
	int		 line;	/* physical line it starts, 1-based */
	int		 col;	/* column of that byte, 1-based */
};

struct lline {
	char		*buf;	/* content, comment removed, NUL-terminated */
	int		 whole;	/* or: the content is physical line "line"
				   of the file, as it is; buf is not set */
	size_t		 len;
	size_t		 cap;
	struct seg	*segs;
	int		 nsegs;
	int		 segcap;
	int		 line;		/* first physical line */
	int		 lastline;	/* last physical line */
	int		 comment;	/* a comment was cut off */
	int		 comment_col;	/* column of the comment on lastline */
	int		 open_braces;	/* \{ escapes seen */
	int		 close_braces;	/* \} escapes seen */
	int		 holds;		/* LL_*: bytes a physical line holds */
};

#define LL_BACKSLASH	0x1
#define LL_TAB		0x2
#define LL_HYPHEN	0x4

struct arg {
	char		*s;	/* the argument, quotes removed */
	size_t		 len;	/* of s */
	int		 line;
	int		 col;
	int		 quoted;
	int		 unterminated;
};

/* Read the logical line starting at physical line *pos (0-based). */
int	 roff_getline(const struct srcfile *, int *pos, struct lline *);
void	 roff_lline_free(struct lline *);

/* Map an offset in a logical line (or a node's copy) to line:column. */
void	 roff_pos(const struct seg *, int nsegs, size_t off,
	    int *line, int *col);

/*
 * Split macro arguments from s (len bytes, s[len] a NUL, as the text
 * of a node has) as roff does, allocating from the arena.  segs map
 * offset base + i of the line to the source.  Returns the number of
 * arguments.
 */
int	 roff_args(struct arena *, const char *s, size_t len,
	    const struct seg *segs, int nsegs, size_t base, struct arg **args);

/* Free the scratch space roff_args() keeps on the calling thread. */
void	 roff_thread_free(void);

#endif
