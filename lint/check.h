/*
 * Validation: passes over a parsed page, each in its own file, run in
 * the order of the table in check.c.
 */
#ifndef CHECK_H
#define CHECK_H

#include "diag.h"
#include "tree.h"

struct ctx {
	struct page	*pg;
	struct diaglist	*dl;
	const struct config *cfg;
	const char	*title;		/* first .TH argument, or NULL */
	const char	*section;	/* second .TH argument, or NULL */
	char		**names;	/* names in the NAME section */
	int		 nnames;
	int		 generated;	/* written by a program, not by hand */
};

void	check_page(struct page *, struct diaglist *, const struct config *);

/* Report at byte off of node n. */
void	report(struct ctx *, const struct node *, size_t off, int rule,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Report at argument i of node n. */
void	report_arg(struct ctx *, const struct node *, int i, int rule,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* A heading's text: its arguments, or the next line; free it. */
char	*heading_text(const struct node *);
/* The line that holds the text of a heading without arguments. */
const struct node *heading_line(const struct node *);
/* Does the line only define or set something, printing nothing? */
int	 is_definition(const struct node *);

/* Is name one of the page's own names (from .TH and NAME)? */
int	is_self(const struct ctx *, const char *name, size_t len);

/* The passes. */
void	check_structure(struct ctx *);
void	check_paragraphs(struct ctx *);
void	check_blocks(struct ctx *);
void	check_fonts(struct ctx *);
void	check_xrefs(struct ctx *);
void	check_text(struct ctx *);
void	check_synopsis(struct ctx *);
void	check_args(struct ctx *);
void	check_words(struct ctx *);
void	check_requests(struct ctx *);

#endif
