/*
 * The parser: logical lines in, a tree of nodes out.  roff-level
 * constructs (definitions, ignore blocks, conditionals, .so, tbl and
 * eqn regions) are resolved here; man(7) structure is built by
 * insert().  Nothing here judges style: that is the checks' job.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "enc.h"
#include "src.h"
#include "tree.h"
#include "util.h"

#define SO_MAX_DEPTH	8
/* Files one page may include, every inclusion counted: .so fans out. */
#define SO_MAX_FILES	64
/* Conditionals nested on one line; each level is a recursion. */
#define COND_MAX_DEPTH	100

struct parser {
	struct page	*pg;
	struct diaglist	*dl;
	const struct config *cfg;
	struct node	*cur;		/* innermost open container */
	struct node	*group;		/* conditional owning a \{ group */
	int		 braces;	/* \{ nesting inside that group */
	int		 nofill;	/* .nf in effect */
	int		 ex;		/* .EX in effect */
	int		 mode;		/* NF_NOFILL, NF_EX, NF_TABSTOPS */
	int		 known;		/* NF_PLAIN...: of the line read */
	char		*so_stack[SO_MAX_DEPTH + 1];
	int		 so_depth;
	int		 so_files;	/* files included so far */
	int		 cond_depth;	/* conditionals open on this line */
};

static void	parse_file(struct parser *, struct srcfile *);
static void	process(struct parser *, struct srcfile *, int *,
		    char *, size_t, const struct seg *, int,
		    struct node *);

static const char *const sec_names[SEC__COUNT] = {
	NULL, "NAME", "LIBRARY", "SYNOPSIS", "CONFIGURATION",
	"DESCRIPTION", "OPTIONS", "EXIT STATUS", "RETURN VALUE", "ERRORS",
	"ENVIRONMENT", "FILES", "ATTRIBUTES", "VERSIONS", "STANDARDS",
	"HISTORY", "NOTES", "CAVEATS", "BUGS", "EXAMPLES", "AUTHORS",
	"REPORTING BUGS", "COPYRIGHT", "SEE ALSO"
};

enum sec
sec_lookup(const char *s)
{
	int	 i;

	for (i = 1; i < SEC__COUNT; i++)
		if (s[0] == sec_names[i][0] && strcmp(s, sec_names[i]) == 0)
			return i;
	/* Older names man-pages used for the same sections. */
	if (strcmp(s, "CONFORMING TO") == 0)
		return SEC_STANDARDS;
	if (strcmp(s, "EXAMPLE") == 0)
		return SEC_EXAMPLES;
	if (strcmp(s, "AUTHOR") == 0)
		return SEC_AUTHORS;
	return SEC_NONE;
}

const char *
sec_name(enum sec s)
{
	return s > SEC_NONE && s < SEC__COUNT ? sec_names[s] : "";
}

void
node_pos(const struct node *n, size_t off, int *line, int *col)
{
	roff_pos(n->segs, n->nsegs, off, line, col);
}

static int
is_skippable(const struct node *n)
{
	return n->type == N_COMMENT || n->type == N_RAW ||
	    (n->flags & (NF_REGION | NF_COND)) != 0 ||
	    (n->type == N_MACRO && (n->tok == R_de || n->tok == R_am ||
	    n->tok == R_ig || n->tok == R_ds || n->tok == R_as ||
	    n->tok == R_nr || n->tok == R_if || n->tok == R_ie ||
	    n->tok == R_el || n->tok == R_de1 || n->tok == R_am1));
}

struct node *
node_next_real(const struct node *n)
{
	for (n = n->lnext; n != NULL && is_skippable(n); n = n->lnext)
		continue;
	return (struct node *)n;
}

struct node *
node_prev_real(const struct node *n)
{
	for (n = n->lprev; n != NULL && is_skippable(n); n = n->lprev)
		continue;
	return (struct node *)n;
}

static void
append(struct node *parent, struct node *n)
{
	n->parent = parent;
	n->prev = parent->last;
	if (parent->last != NULL)
		parent->last->next = n;
	else
		parent->child = n;
	parent->last = n;
	if (n->sh == NULL)
		n->sh = parent->sh;
	if (n->ss == NULL && n->tok != M_SH)
		n->ss = parent->ss;
}

static void
link_doc(struct page *pg, struct node *n)
{
	n->lprev = pg->lastnode;
	if (pg->lastnode != NULL)
		pg->lastnode->lnext = n;
	else
		pg->first = n;
	pg->lastnode = n;
	pg->nnodes++;
}

static int
is_para(const struct node *n)
{
	return n->type == N_MACRO && n->tok < TOK__COUNT &&
	    (mac_table[n->tok].flags & MF_PARA);
}

/* Place a node in the man(7) structure. */
static void
insert(struct parser *p, struct node *n)
{
	struct node	*c;

	if (n->type != N_MACRO) {
		append(p->cur, n);
		return;
	}
	switch (n->tok) {
	case M_SH:
		n->sh = n;
		append(p->pg->root, n);
		p->cur = n;
		return;
	case M_SS:
		while (p->cur->tok != M_SH && p->cur->type != N_ROOT)
			p->cur = p->cur->parent;
		n->ss = n;
		append(p->cur, n);
		p->cur = n;
		return;
	case M_RS:
		append(p->cur, n);
		p->cur = n;
		return;
	case M_RE:
		for (c = p->cur; c->type != N_ROOT && c->tok != M_SH &&
		    c->tok != M_SS; c = c->parent)
			if (c->tok == M_RS)
				break;
		if (c->tok == M_RS)
			p->cur = c->parent;
		append(p->cur, n);
		return;
	default:
		break;
	}
	if (is_para(n)) {
		if (is_para(p->cur))
			p->cur = p->cur->parent;
		append(p->cur, n);
		p->cur = n;
		return;
	}
	append(p->cur, n);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Copy segments, shifted so that offset off of the line becomes 0. */
static struct seg *
shift_segs(struct arena *a, const struct seg *segs, int nsegs, size_t off,
    int *nout)
{
	struct seg	*v;
	int		 i, n = 0;

	v = arena_alloc(a, nsegs * sizeof(*v));
	if (nsegs == 1) {
		v[0] = segs[0];
		v[0].col += (int)off;
		v[0].off = 0;
		*nout = 1;
		return v;
	}
	for (i = 0; i < nsegs; i++) {
		if (i + 1 < nsegs && segs[i + 1].off <= off)
			continue;
		v[n] = segs[i];
		if (v[n].off <= off) {
			v[n].col += (int)(off - v[n].off);
			v[n].off = 0;
		} else
			v[n].off -= off;
		n++;
	}
	*nout = n;
	return v;
}

static void
register_def(struct page *pg, const char *name)
{
	pg->defs = xreallocarray(pg->defs, pg->ndefs + 1, sizeof(char *));
	pg->defs[pg->ndefs++] = xstrdup(name);
}

static int
is_def(const struct page *pg, const char *name, size_t len)
{
	int	 i;

	for (i = 0; i < pg->ndefs; i++)
		if (strlen(pg->defs[i]) == len &&
		    memcmp(pg->defs[i], name, len) == 0)
			return 1;
	return 0;
}

/*
 * The text a node keeps for the page: a logical line that is one
 * whole physical line stays where it is in the file buffer, ended by
 * a NUL in place of its newline, and only other lines are copied.
 * Every line of a page becomes a node, so this saves much copying.
 */
static inline char *
line_text(struct parser *p, struct srcfile *f, const struct lline *l)
{
	const struct srcline	*sl = &f->lines[l->line - 1];

	if (l->whole) {
		f->buf[sl->off + sl->len] = '\0';
		return f->buf + sl->off;
	}
	return arena_strndup(&p->pg->arena, l->buf, l->len);
}

/*
 * A node and its segments come in one piece; its text, NUL-terminated,
 * lives as long as the page (see line_text()).  Segments that hold
 * nothing before the text starts (a line that only continued onto the
 * next) are left out, so the node starts where its text does.
 */
static inline struct node *
new_node(struct parser *p, const struct srcfile *f, enum ntype type,
    char *text, size_t len, const struct seg *segs, int nsegs)
{
	struct node	*n;

	while (nsegs > 1 && segs[1].off == 0) {
		segs++;
		nsegs--;
	}
	n = arena_take(&p->pg->arena, sizeof(*n) + nsegs * sizeof(*segs));
	n->segs = (struct seg *)(n + 1);
	if (nsegs == 1)
		n->segs[0] = segs[0];
	else
		memcpy(n->segs, segs, nsegs * sizeof(*segs));
	/*
	 * Every field is written here, none twice: clearing the node
	 * first compiles to a string instruction slow to start on a
	 * block this size, and every line of a page is a node.
	 */
	n->type = type;
	n->tok = TOK_NONE;
	n->name = NULL;
	n->file = f;
	n->line = segs[0].line;
	n->col = segs[0].col;
	n->lastline = segs[nsegs - 1].line;
	n->cc = '\0';
	n->text = text;
	n->len = len;
	n->nsegs = nsegs;
	n->args = NULL;
	n->nargs = 0;
	n->comment = 0;
	n->flags = p->known | p->mode;
	n->sec = SEC_NONE;
	n->aux = 0;
	n->parent = n->child = n->last = n->next = n->prev = NULL;
	n->lnext = n->lprev = NULL;
	n->sh = n->ss = NULL;
	return n;
}

/* The node flags are the LL_* bits of roff.h, moved and negated. */
_Static_assert(NF_NOTAB == LL_TAB * NF_PLAIN &&
    NF_NOHYPHEN == LL_HYPHEN * NF_PLAIN && LL_BACKSLASH == 1,
    "NF_PLAIN, NF_NOTAB, NF_NOHYPHEN follow LL_* in order");

/* What the nodes of the logical line l are known not to hold. */
static int
line_known(const struct lline *l)
{
	return (~l->holds & (LL_BACKSLASH | LL_TAB | LL_HYPHEN)) * NF_PLAIN;
}

/* Is s a control line whose name is name (as "TE" or ".")? */
static int
is_end_line(const char *s, size_t len, const char *name)
{
	size_t	 i = 1, m = strlen(name);

	if (len == 0 || (s[0] != '.' && s[0] != '\''))
		return 0;
	while (i < len && is_space(s[i]))
		i++;
	return len - i >= m && memcmp(s + i, name, m) == 0 &&
	    (i + m == len || is_space(s[i + m]));
}

/* A tbl options line ends in ';'; read its tab(x) option. */
static int
tbl_tab(const char *s)
{
	const char	*t;

	if ((t = strstr(s, "tab(")) != NULL && t[4] != '\0' && t[5] == ')')
		return (unsigned char)t[4];
	if ((t = strstr(s, "tab (")) != NULL && t[5] != '\0' && t[6] == ')')
		return (unsigned char)t[5];
	return '\t';
}

/*
 * Read the lines of a region (.de, .ig, .TS, .EQ) up to its end
 * marker and hang them under the region's node.
 */
static void
read_region(struct parser *p, struct srcfile *f, int *pos, struct node *r,
    const char *end, int flag)
{
	struct lline	 l;
	struct node	*n;
	int		 tblpart = TBL_OPTIONS;
	size_t		 e;

	memset(&l, 0, sizeof(l));
	r->aux = '\t';
	while (roff_getline(f, pos, &l)) {
		p->known = line_known(&l);
		n = new_node(p, f, N_RAW, line_text(p, f, &l), l.len, l.segs,
		    l.nsegs);
		p->known = 0;
		n->comment = l.comment;
		n->flags |= flag | (r->flags & NF_COND);
		link_doc(p->pg, n);
		append(r, n);
		if (is_end_line(n->text, l.len, end)) {
			n->flags |= NF_CLOSER;
			roff_lline_free(&l);
			return;
		}
		if (flag != NF_TBL)
			continue;
		/* tbl: options (optional), format lines, then data. */
		e = l.len;
		while (e > 0 && is_space(n->text[e - 1]))
			e--;
		if (tblpart == TBL_OPTIONS && e > 0 && n->text[e - 1] == ';') {
			n->aux = TBL_OPTIONS;
			r->aux = tbl_tab(n->text);
			tblpart = TBL_FORMAT;
			continue;
		}
		if (tblpart != TBL_DATA) {
			n->aux = TBL_FORMAT;
			tblpart = e > 0 && n->text[e - 1] == '.' ? TBL_DATA :
			    TBL_FORMAT;
			continue;
		}
		n->aux = TBL_DATA;
	}
	roff_lline_free(&l);
	if (flag == NF_TBL || flag == NF_EQN)
		diag_add(p->dl, p->cfg, r->file, r->line, r->col,
		    R_BLOCK_UNCLOSED, ".%s is not closed; add .%s",
		    r->name, end);
	else
		diag_add(p->dl, p->cfg, r->file, r->line, r->col,
		    R_ROFF_UNCLOSED, ".%s is not closed; add a line "
		    "holding .%s", r->name, end);
}

/*
 * Skip the condition of .if or .ie starting at s[i]; return the offset
 * of the body.
 */
static size_t
skip_condition(const char *s, size_t len, size_t i)
{
	int	 depth = 0, k;
	char	 d;

	while (i < len && is_space(s[i]))
		i++;
	if (i < len && s[i] == '!')
		i++;
	if (i >= len)
		return i;
	if (strchr("ntoe", s[i]) != NULL &&
	    (i + 1 == len || is_space(s[i + 1]) || s[i + 1] == '\\'))
		return i + 1;
	if (strchr("drcmFSv", s[i]) != NULL && i + 1 < len &&
	    is_space(s[i + 1])) {
		for (i++; i < len && is_space(s[i]); i++)
			continue;
		while (i < len && !is_space(s[i]))
			i++;
		return i;
	}
	d = s[i];
	if (!(d >= '0' && d <= '9') && strchr("(\\+-.|", d) == NULL &&
	    !(d >= 'a' && d <= 'z') && !(d >= 'A' && d <= 'Z')) {
		/* String comparison: 'a'b' */
		for (k = 0, i++; i < len && k < 2; i++)
			if (s[i] == d)
				k++;
		return i;
	}
	for (; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len) {
			i++;
			continue;
		}
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')')
			depth--;
		else if (is_space(s[i]) && depth <= 0)
			break;
	}
	return i;
}

/* Parse the body of a conditional as a line of its own. */
static void
cond_body(struct parser *p, struct srcfile *f, int *pos, struct node *n,
    size_t off)
{
	struct seg	*segs;
	int		 nsegs;

	while (off < n->len && is_space(n->text[off]))
		off++;
	if (off + 1 < n->len && n->text[off] == '\\' &&
	    n->text[off + 1] == '{') {
		off += 2;
		while (off < n->len && is_space(n->text[off]))
			off++;
	}
	if (off >= n->len)
		return;
	if (p->cond_depth >= COND_MAX_DEPTH) {
		diag_add(p->dl, p->cfg, n->file, n->line, n->col,
		    R_INPUT_LIMIT, "conditionals nested over %d deep; the "
		    "rest of the line is not checked", COND_MAX_DEPTH);
		return;
	}
	segs = shift_segs(&p->pg->arena, n->segs, n->nsegs, off, &nsegs);
	p->cond_depth++;
	process(p, f, pos, n->text + off, n->len - off, segs, nsegs, n);
	p->cond_depth--;
}

static int
so_outside(const char *t)
{
	size_t	 n = strlen(t);

	return t[0] == '/' || strcmp(t, "..") == 0 ||
	    strncmp(t, "../", 3) == 0 || strstr(t, "/../") != NULL ||
	    (n >= 3 && strcmp(t + n - 3, "/..") == 0);
}

/* Is the last component of dir named like a section directory? */
static int
is_mandir(const char *dir)
{
	const char	*base = strrchr(dir, '/');

	base = base ? base + 1 : dir;
	return strncmp(base, "man", 3) == 0 && base[3] != '\0';
}

/*
 * The manual root for a page: the parent of its manN directory, or
 * the page's own directory when it is not in one.  A directory named
 * "." or ".." is resolved first, so ./page.2 inside man2 works.
 */
static char *
so_root(const char *path)
{
	char		*dir, *slash, real[PATH_MAX];
	const char	*sep = strrchr(path, '/');

	dir = sep ? xstrndup(path, sep - path) : xstrdup(".");
	if (!is_mandir(dir) && realpath(dir, real) != NULL &&
	    is_mandir(real)) {
		free(dir);
		dir = xstrdup(real);
	}
	if (is_mandir(dir)) {
		if ((slash = strrchr(dir, '/')) == NULL) {
			free(dir);
			return xstrdup(".");
		}
		slash[slash == dir] = '\0';
	}
	return dir;
}

/* Is the canonical path real inside the directory root? */
static int
so_inside(const char *root, const char *real)
{
	char	 top[PATH_MAX];
	size_t	 n;

	if (realpath(*root ? root : ".", top) == NULL)
		return 0;
	n = strlen(top);
	if (n == 1)
		return 1;
	return strncmp(real, top, n) == 0 && real[n] == '/';
}

static void
include(struct parser *p, struct node *n)
{
	struct srcfile	*f;
	char		*root, path[PATH_MAX], real[PATH_MAX], err[256];
	int		 i;

	if (n->nargs < 1)
		return;
	if (so_outside(n->args[0].s)) {
		diag_add(p->dl, p->cfg, n->file, n->line, n->args[0].col,
		    R_SO_OUTSIDE, "refusing .so %s: name a page relative to "
		    "the manual root, as man2/page.2", n->args[0].s);
		return;
	}
	root = so_root(n->file->path);
	/* Name the file as a user would, without a leading "./". */
	if (strcmp(root, ".") == 0)
		root[0] = '\0';
	snprintf(path, sizeof(path), "%s%s%s", root, *root ? "/" : "",
	    n->args[0].s);
	if (access(path, R_OK) == -1)
		snprintf(path, sizeof(path), "%s%s%s.gz", root,
		    *root ? "/" : "", n->args[0].s);
	if (access(path, R_OK) == -1 || realpath(path, real) == NULL) {
		free(root);
		diag_add(p->dl, p->cfg, n->file, n->line, n->args[0].col,
		    R_SO_MISSING, ".so %s: no such page under the manual "
		    "root", n->args[0].s);
		return;
	}
	if (!so_inside(root, real)) {
		free(root);
		diag_add(p->dl, p->cfg, n->file, n->line, n->args[0].col,
		    R_SO_OUTSIDE, "refusing .so %s: a symbolic link takes it "
		    "out of the manual tree, to %s", n->args[0].s, real);
		return;
	}
	free(root);
	/* The page's own path, found only now that a .so asks. */
	if (p->so_stack[0] == NULL)
		p->so_stack[0] = xstrdup(src_real(p->pg->main));
	for (i = 0; i < p->so_depth; i++)
		if (strcmp(p->so_stack[i], real) == 0)
			break;
	if (i < p->so_depth || p->so_depth >= SO_MAX_DEPTH) {
		diag_add(p->dl, p->cfg, n->file, n->line, n->args[0].col,
		    R_SO_LOOP, ".so %s: %s", n->args[0].s, i < p->so_depth ?
		    "the page includes itself" : "too deeply nested");
		return;
	}
	/* Said once: the further requests are skipped in silence. */
	if (p->so_files > SO_MAX_FILES)
		return;
	if (++p->so_files > SO_MAX_FILES) {
		diag_add(p->dl, p->cfg, n->file, n->line, n->args[0].col,
		    R_INPUT_LIMIT, ".so %s: the page has included %d files "
		    "already; this and later .so requests are not read",
		    n->args[0].s, SO_MAX_FILES);
		return;
	}
	if ((f = src_read(path, err, sizeof(err))) == NULL) {
		diag_add(p->dl, p->cfg, n->file, n->line, n->args[0].col,
		    R_SO_MISSING, ".so %s: %s", n->args[0].s, err);
		return;
	}
	p->pg->files = xreallocarray(p->pg->files, p->pg->nfiles + 1,
	    sizeof(*p->pg->files));
	p->pg->files[p->pg->nfiles++] = f;
	if (f->binary || f->toolarge) {
		diag_add(p->dl, p->cfg, n->file, n->line, n->args[0].col,
		    f->binary ? R_FILE_BINARY : R_FILE_TOO_LARGE,
		    ".so %s: not a text file of usable size", n->args[0].s);
		return;
	}
	enc_check(f, p->dl, p->cfg);
	p->so_stack[p->so_depth++] = xstrdup(real);
	parse_file(p, f);
	free(p->so_stack[--p->so_depth]);
}

/* The fill mode changes; every node made after takes its flags. */
static void
set_fill(struct parser *p, int nofill, int ex)
{
	p->nofill = nofill;
	p->ex = ex;
	p->mode = (p->mode & NF_TABSTOPS) |
	    (nofill || ex ? NF_NOFILL : 0) | (ex ? NF_EX : 0);
}

/*
 * Tab stops set in filled text hold for the lines after, up to the
 * next heading; set in no-fill text, they are a table's, left over.
 */
static void
set_tabstops(struct parser *p, int on)
{
	p->mode = (p->mode & ~NF_TABSTOPS) | (on ? NF_TABSTOPS : 0);
}

/* Handle what a control line does beyond being a node. */
static void
control(struct parser *p, struct srcfile *f, int *pos, struct node *n,
    size_t argoff)
{
	switch (n->tok) {
	case R_de:
	case R_am:
	case R_de1:
	case R_am1:
		if (n->nargs > 0)
			register_def(p->pg, n->args[0].s);
		read_region(p, f, pos, n, n->nargs > 1 ? n->args[1].s : ".",
		    NF_DEF);
		break;
	case R_ig:
		read_region(p, f, pos, n, n->nargs > 0 ? n->args[0].s : ".",
		    NF_IGN);
		break;
	case R_TS:
		read_region(p, f, pos, n, "TE", NF_TBL);
		break;
	case R_EQ:
		read_region(p, f, pos, n, "EN", NF_EQN);
		break;
	case R_ds:
	case R_ds1:
	case R_als:
		if (n->nargs > 0)
			register_def(p->pg, n->args[0].s);
		break;
	case R_rn:
		if (n->nargs > 1)
			register_def(p->pg, n->args[1].s);
		break;
	case R_if:
	case R_ie:
		cond_body(p, f, pos, n, skip_condition(n->text, n->len,
		    argoff));
		break;
	case R_el:
		cond_body(p, f, pos, n, argoff);
		break;
	case R_so:
		include(p, n);
		break;
	case R_nf:
		set_fill(p, 1, p->ex);
		break;
	case R_fi:
		set_fill(p, 0, p->ex);
		break;
	case M_EX:
		set_fill(p, p->nofill, 1);
		break;
	case M_EE:
		set_fill(p, p->nofill, 0);
		break;
	case M_SH:
	case M_SS:
		set_fill(p, 0, p->ex);
		set_tabstops(p, 0);
		break;
	case R_ta:
		set_tabstops(p, n->nargs > 0 && !(n->flags & NF_NOFILL));
		break;
	default:
		break;
	}
}

/* Build the node for one line: blank, comment, control or text. */
static struct node *
classify(struct parser *p, const struct srcfile *f, char *s,
    size_t len, const struct seg *segs, int nsegs, size_t *argoff)
{
	struct node	*n;
	enum ntype	 type;
	size_t		 i = 0, j = 0;

	/* s[len] is a NUL, which ends the blanks. */
	if (s[0] != '.' && s[0] != '\'') {
		while (is_space(s[i]))
			i++;
		type = i == len ? N_BLANK : N_TEXT;
	} else {
		for (i = 1; i < len && is_space(s[i]); i++)
			continue;
		for (j = i; j < len && !is_space(s[j]) && s[j] != '\\'; j++)
			continue;
		type = j == i ? N_COMMENT : N_MACRO;
	}
	/* One call, so that the compiler may inline it. */
	n = new_node(p, f, type, s, len, segs, nsegs);
	if (type == N_COMMENT && j < len && s[j] == '\\')
		n->flags |= NF_CLOSER;
	if (type != N_MACRO)
		return n;
	n->cc = s[0];
	/* A name found in the table is spelt as there: no copy is needed. */
	n->tok = mac_lookup(s + i, j - i);
	if (n->tok < TOK__COUNT)
		n->name = mac_table[n->tok].name;
	else
		n->name = arena_strndup(&p->pg->arena, s + i, j - i);
	if (n->tok == TOK_UNKNOWN && is_def(p->pg, s + i, j - i))
		n->tok = TOK_USER;
	*argoff = j;
	/* Conditions and definitions are not split like arguments. */
	if (n->tok != R_if && n->tok != R_ie && n->tok != R_el)
		n->nargs = roff_args(&p->pg->arena, s + j, len - j, n->segs,
		    n->nsegs, j, &n->args);
	return n;
}

/*
 * Turn one line into a node, place it, and act on it.  The node keeps
 * s as its text.  A line in a conditional body has condparent set.
 */
static void
process(struct parser *p, struct srcfile *f, int *pos, char *s,
    size_t len, const struct seg *segs, int nsegs, struct node *condparent)
{
	struct node	*n;
	size_t		 argoff = 0;

	n = classify(p, f, s, len, segs, nsegs, &argoff);
	link_doc(p->pg, n);
	if (condparent != NULL) {
		n->flags |= NF_COND;
		append(condparent, n);
	} else if (p->group != NULL) {
		n->flags |= NF_COND;
		append(p->group, n);
	} else
		insert(p, n);
	if (n->type == N_MACRO && n->name[0] == '.' && n->name[1] == '\0')
		diag_add(p->dl, p->cfg, f, n->line, n->col,
		    R_ROFF_STRAY_CLOSE, ".. ends no definition or ignore "
		    "block; remove it");
	else if (n->type == N_MACRO)
		control(p, f, pos, n, argoff);
}

static void
parse_file(struct parser *p, struct srcfile *f)
{
	struct lline	 l;
	struct node	*start;
	int		 pos = 0;

	memset(&l, 0, sizeof(l));
	while (roff_getline(f, &pos, &l)) {
		start = p->pg->lastnode;
		/* Its nodes are marked; those of lines read while it is
		 * processed (regions, .so) have their own say, and nodes
		 * made after those are not marked. */
		p->known = line_known(&l);
		process(p, f, &pos, line_text(p, f, &l), l.len, l.segs,
		    l.nsegs, NULL);
		p->known = 0;
		if (p->group == NULL && l.open_braces > l.close_braces) {
			/* The first node of this line owns the group. */
			p->group = start ? start->lnext : p->pg->first;
			p->braces = l.open_braces - l.close_braces;
		} else if (p->group != NULL) {
			p->braces += l.open_braces - l.close_braces;
			if (p->braces <= 0)
				p->group = NULL;
		} else if (l.close_braces > l.open_braces)
			diag_add(p->dl, p->cfg, f, l.line, 1,
			    R_ROFF_STRAY_CLOSE, "\\} closes no \\{ group; "
			    "remove it");
	}
	roff_lline_free(&l);
}

struct page *
page_parse(struct srcfile *f, struct diaglist *dl, const struct config *cfg)
{
	struct parser	 p;
	struct page	*pg;

	pg = xcalloc(1, sizeof(*pg));
	pg->main = f;
	pg->files = xmalloc(sizeof(*pg->files));
	pg->files[0] = f;
	pg->nfiles = 1;
	pg->root = arena_alloc(&pg->arena, sizeof(*pg->root));
	pg->root->type = N_ROOT;
	pg->root->tok = TOK_NONE;
	pg->root->file = f;
	memset(&p, 0, sizeof(p));
	p.pg = pg;
	p.dl = dl;
	p.cfg = cfg;
	p.cur = pg->root;
	enc_check(f, dl, cfg);
	p.so_stack[p.so_depth++] = NULL;	/* src_real(f), when asked */
	parse_file(&p, f);
	if (p.group != NULL)
		diag_add(dl, cfg, p.group->file, p.group->line, p.group->col,
		    R_ROFF_UNCLOSED, "\\{ group is not closed; add \\}");
	free(p.so_stack[0]);
	return pg;
}

void
page_free(struct page *pg)
{
	int	 i;

	if (pg == NULL)
		return;
	arena_free(&pg->arena);
	for (i = 1; i < pg->nfiles; i++)
		src_free(pg->files[i]);
	free(pg->files);
	for (i = 0; i < pg->ndefs; i++)
		free(pg->defs[i]);
	free(pg->defs);
	free(pg);
}
