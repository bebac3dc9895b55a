/*
 * Validation: passes over a parsed page, each in its own file, run in
 * the order of the table in check.c.
 */
#ifndef CHECK_H
#define CHECK_H

#include "diag.h"
#include "tree.h"

/*
 * Nodes of a page in document order.  The passes walk these arrays
 * rather than the chain of nodes: following the links makes each step
 * wait for the one before, and most passes want one kind of line only.
 */
struct nodes {
	struct node	**v;
	int		  n;
};

struct ctx {
	struct page	*pg;
	struct nodes	 all;		/* every node */
	struct nodes	 macros;	/* control lines, N_MACRO */
	struct nodes	 texts;		/* text lines, N_TEXT */
	struct nodes	 fonts;		/* font macro lines, .B, .BR... */
	struct nodes	 heads;		/* .SH and .SS lines */
	const char	**headtext;	/* the text of each of heads */
	struct nodes	 rest;		/* blank lines, comments, regions */
	struct diaglist	*dl;
	const struct config *cfg;
	const char	*title;		/* first .TH argument, or NULL */
	const char	*section;	/* second .TH argument, or NULL */
	char		**names;	/* names in the NAME section */
	int		 nnames;
	int		 generated;	/* written by a program, not by hand */
};

void	check_page(struct page *, struct diaglist *, const struct config *);

/*
 * Character classes of ASCII.  manlint runs in the C locale, where
 * these agree with <ctype.h>, but they need no call: the rules ask
 * them of most bytes of a page.  Bytes past ASCII are in none.
 */
static inline int
asc_upper(int ch)
{
	return ch >= 'A' && ch <= 'Z';
}

static inline int
asc_lower(int ch)
{
	return ch >= 'a' && ch <= 'z';
}

static inline int
asc_alpha(int ch)
{
	return asc_upper(ch) || asc_lower(ch);
}

static inline int
asc_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

static inline int
asc_alnum(int ch)
{
	return asc_alpha(ch) || asc_digit(ch);
}

static inline int
asc_space(int ch)
{
	return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

/* Report at byte off of node n. */
void	report(struct ctx *, const struct node *, size_t off, int rule,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Report at argument i of node n. */
void	report_arg(struct ctx *, const struct node *, int i, int rule,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The line that holds the text of a heading without arguments. */
const struct node *heading_line(const struct node *);
/* Does the line only define or set something, printing nothing? */
int	 is_definition(const struct node *);

/*
 * Is s[0..len) one of the words of list, which ends in NULL?  The
 * first letters are compared before anything else, so that a rule
 * may ask it of every word it sees.
 */
int	is_listed(const char *const *list, const char *s, size_t len);

/*
 * Does a run of the lines of section s start at n?  Lines belong to
 * the section of the last heading placed before them, so such a run
 * starts at a heading and holds the lines up to the next heading of
 * another section: walking it from there with lnext visits one
 * section without looking at the rest of the page.
 */
int	starts_run(const struct node *, enum sec s);

/* Is name one of the page's own names (from .TH and NAME)? */
int	is_self(const struct ctx *, const char *name, size_t len);

/* Is n the macro or request t? */
static inline int
is_tok(const struct node *n, enum tok t)
{
	return n != NULL && n->type == N_MACRO && n->tok == t;
}

/* Is n a known macro or request with the MF_* flag? */
static inline int
has_flag(const struct node *n, int flag)
{
	return n != NULL && n->type == N_MACRO && n->tok < TOK__COUNT &&
	    (mac_table[n->tok].flags & flag) != 0;
}

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
