/*
 * The parse tree of a man(7) page.
 *
 * Every logical input line becomes a node that knows its file, line
 * and column.  Headings, paragraph macros and .RS own the lines that
 * follow them, so the tree reads ROOT > SH > SS > RS > paragraph >
 * line.  Conditional bodies hang under their request; the lines of
 * .de, .ig, tbl and eqn regions hang under the region's opening line.
 * All nodes are also chained in document order (lnext, lprev).
 */
#ifndef TREE_H
#define TREE_H

#include <stddef.h>

#include "arena.h"
#include "mac.h"
#include "roff.h"

struct srcfile;
struct diaglist;
struct config;

enum ntype {
	N_ROOT,
	N_MACRO,	/* control line: a macro or request */
	N_TEXT,		/* text line */
	N_COMMENT,	/* comment-only line, or an empty request */
	N_BLANK,	/* empty line */
	N_RAW		/* a line inside a region, kept as it is */
};

/* Node flags. */
#define NF_NOFILL	0x0001	/* in .nf or .EX */
#define NF_EX		0x0002	/* in .EX */
#define NF_COND		0x0004	/* in a conditional body */
#define NF_DEF		0x0008	/* in .de or .am */
#define NF_IGN		0x0010	/* in .ig */
#define NF_TBL		0x0020	/* in .TS */
#define NF_EQN		0x0040	/* in .EQ */
#define NF_CLOSER	0x0080	/* ".." or "\}" closing a region */
#define NF_PLAIN	0x0100	/* no backslash in text (unset: not known) */
#define NF_NOTAB	0x0200	/* no tab in text (unset: not known) */
#define NF_NOHYPHEN	0x0400	/* no '-' in text (unset: not known) */
#define NF_TABSTOPS	0x0800	/* after .ta in filled text, to a heading */

#define NF_REGION	(NF_DEF | NF_IGN | NF_TBL | NF_EQN)

/* Parts of a tbl region, in the aux field of its lines. */
#define TBL_OPTIONS	1
#define TBL_FORMAT	2
#define TBL_DATA	3

enum sec {
	SEC_NONE,	/* not a standard section name */
	SEC_NAME, SEC_LIBRARY, SEC_SYNOPSIS, SEC_CONFIGURATION,
	SEC_DESCRIPTION, SEC_OPTIONS, SEC_EXIT_STATUS, SEC_RETURN_VALUE,
	SEC_ERRORS, SEC_ENVIRONMENT, SEC_FILES, SEC_ATTRIBUTES,
	SEC_VERSIONS, SEC_STANDARDS, SEC_HISTORY, SEC_NOTES, SEC_CAVEATS,
	SEC_BUGS, SEC_EXAMPLES, SEC_AUTHORS, SEC_REPORTING_BUGS,
	SEC_COPYRIGHT, SEC_SEE_ALSO,
	SEC__COUNT
};

/* new_node() in parse.c writes each field: a new one is set there. */
struct node {
	enum ntype	 type;
	enum tok	 tok;
	const char	*name;	/* macro name as written */
	const struct srcfile *file;
	int		 line;
	int		 col;
	int		 lastline;
	char		 cc;	/* control character, '.' or '\'' */
	char		*text;	/* the logical line, comment removed */
	size_t		 len;
	struct seg	*segs;	/* maps offsets in text to line:column */
	int		 nsegs;
	struct arg	*args;
	int		 nargs;
	int		 comment;	/* the line carried a comment */
	int		 flags;
	enum sec	 sec;	/* for SH: which standard section */
	int		 aux;	/* .TS: the tab character; tbl lines: TBL_* */
	struct node	*parent, *child, *last, *next, *prev;
	struct node	*lnext, *lprev;
	struct node	*sh;	/* enclosing .SH, or NULL */
	struct node	*ss;	/* enclosing .SS, or NULL */
};

struct page {
	struct arena	 arena;		/* nodes, their text and arguments */
	struct srcfile	*main;
	struct srcfile	**files;	/* every file read, main first */
	int		 nfiles;
	struct node	*root;
	struct node	*first;		/* document order */
	struct node	*lastnode;
	size_t		 nnodes;	/* in the document-order chain */
	char		**defs;		/* macros the page defines */
	int		 ndefs;
};

/* Parse a page.  Problems found while reading go to dl. */
struct page	*page_parse(struct srcfile *, struct diaglist *,
		    const struct config *);
void		 page_free(struct page *);

/* The standard section a heading names, or SEC_NONE. */
enum sec	 sec_lookup(const char *);
const char	*sec_name(enum sec);

/* Position of byte off of a node's text. */
void		 node_pos(const struct node *, size_t off, int *line, int *col);

/* Document-order neighbours that are not comments or regions. */
struct node	*node_next_real(const struct node *);
struct node	*node_prev_real(const struct node *);

#endif
