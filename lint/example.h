/*
 * Example programs (--examples): the C files between the comments
 * SRC BEGIN (name.c) and SRC END, or whole programs in .EX blocks
 * under EXAMPLES; the shell sessions that run them; and the libraries
 * the LIBRARY section names.  Every byte of extracted text knows the
 * page line and column it came from.
 */
#ifndef EXAMPLE_H
#define EXAMPLE_H

#include <stddef.h>

struct config;
struct diaglist;
struct page;
struct srcfile;
struct exbuild;

struct expos {
	int		 line;
	int		 col;
};

/* A line of extracted text, and where each of its bytes came from. */
struct exline {
	char		*s;
	size_t		 len;
	const struct srcfile *file;
	struct expos	*pos;		/* len + 1 entries: the last one is
					   just after the end of the line */
};

struct exfile {
	char		*name;		/* "mmap.c", "pshm_ucase.h" */
	int		 header;	/* written beside every program */
	const struct srcfile *file;
	int		 line;		/* the SRC BEGIN comment or the .EX */
	struct exline	*lines;
	int		 nlines;
	struct exbuild	*build;		/* for a program: kept by build.c */
};

/* A command of a shell session, and the output the page shows. */
struct excmd {
	struct exline	 cmd;		/* what follows "$ " */
	struct exline	*out;
	int		 nout;
	int		 endline;	/* where output the page lacks goes */
};

struct exsession {
	const struct srcfile *file;
	int		 line;		/* the .EX */
	int		 varies;	/* output-varies: run, not compared */
	int		 aout;		/* files[] index that ./a.out runs */
	struct excmd	*cmds;
	int		 ncmds;
};

struct expage {
	const struct srcfile *file;
	char		*base;		/* the page's file name: "mmap.2" */
	struct exfile	*files;		/* programs and headers, in order */
	int		 nfiles;
	int		 nprogs;	/* the .c files among them */
	char		**libs;		/* "-lm", from LIBRARY */
	int		 nlibs;
	struct exsession *sess;
	int		 nsess;
};

/*
 * Find the programs and sessions of a page.  Returns NULL when the page
 * has none; problems go to dl under example-extract.
 */
struct expage	*example_extract(const struct page *, struct diaglist *,
		    const struct config *);
void		 example_free(struct expage *);

/* The text of an extracted file, lines joined by newlines; free it. */
char		*example_text(const struct exfile *, size_t *len);

/* The name a program runs as in a session: its file name less ".c". */
char		*example_progname(const struct exfile *);

/*
 * Write the page's files into dir/BASE/ (--extract-examples).  Returns
 * -1 and says why on standard error on failure.
 */
int		 example_write(const struct expage *, const char *dir);

/* The page position of 1-based byte column col of an extracted line. */
struct expos	 exline_pos(const struct exline *, int col);

#endif
