/*
 * Blocks that open and close in pairs (.RS/.RE, .EX/.EE, .nf/.fi,
 * .UR/.UE, .MT/.ME, .SY/.YS, .in +N/.in), control lines that name no
 * known macro, and unterminated quoted arguments.  tbl and eqn
 * regions are paired by the parser, which reads them whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "util.h"

enum kind {
	K_RS, K_EX, K_NF, K_UR, K_MT, K_SY, K_IN,
	K__COUNT
};

/* How a block is named in messages. */
static const struct {
	const char	*open;
	const char	*close;
	int		 nests;	/* may hold a block of its own kind */
} kinds[K__COUNT] = {
	[K_RS] = { ".RS", ".RE", 1 },
	[K_EX] = { ".EX", ".EE", 0 },
	[K_NF] = { ".nf", ".fi", 0 },
	[K_UR] = { ".UR", ".UE", 0 },
	[K_MT] = { ".MT", ".ME", 0 },
	[K_SY] = { ".SY", ".YS", 0 },
	[K_IN] = { ".in", ".in", 1 },
};

/*
 * The open blocks of each kind, innermost last, and whether a line of
 * that kind was seen in a conditional since the last heading.
 */
struct blocks {
	struct ctx		 *c;
	const struct node	**open[K__COUNT];
	int			  nopen[K__COUNT];
	int			  cap[K__COUNT];
	int			  cond[K__COUNT];
};

static void
unclosed(struct blocks *b, enum kind k, const struct node *n,
    const char *where)
{
	if (k == K_IN)
		report(b->c, n, 0, R_BLOCK_UNCLOSED, ".in %s is not undone "
		    "%s; add a plain .in to restore the indentation",
		    n->args[0].s, where);
	else
		report(b->c, n, 0, R_BLOCK_UNCLOSED, "%s is not closed %s; "
		    "add %s", kinds[k].open, where, kinds[k].close);
}

static void
push(struct blocks *b, enum kind k, const struct node *n)
{
	char	 where[32];

	if (!kinds[k].nests && b->nopen[k] > 0) {
		snprintf(where, sizeof(where), "before the next %s",
		    kinds[k].open);
		unclosed(b, k, b->open[k][0], where);
		b->open[k][0] = n;
		return;
	}
	if (b->nopen[k] == b->cap[k]) {
		b->cap[k] = b->cap[k] ? b->cap[k] * 2 : 4;
		b->open[k] = xreallocarray(b->open[k], b->cap[k],
		    sizeof(*b->open[k]));
	}
	b->open[k][b->nopen[k]++] = n;
}

static void
pop(struct blocks *b, enum kind k, const struct node *n)
{
	if (b->nopen[k] > 0) {
		b->nopen[k]--;
		return;
	}
	if (b->cond[k])
		return;
	switch (k) {
	case K_RS:
		report(b->c, n, 0, R_BLOCK_STRAY_CLOSE, ".RE closes no .RS "
		    "opened in this section; remove it, or add .RS where "
		    "the indented part starts");
		break;
	case K_IN:
		report(b->c, n, 0, R_BLOCK_STRAY_CLOSE, "plain .in restores "
		    "no indentation set in this section; remove it, or add "
		    ".in +4n where the indented part starts");
		break;
	default:
		report(b->c, n, 0, R_BLOCK_STRAY_CLOSE, "%s without an open "
		    "%s; remove it, or add %s where the block starts",
		    kinds[k].close, kinds[k].open, kinds[k].open);
		break;
	}
}

/*
 * Report every open block as left open, and forget them.  A kind that
 * was opened or closed in a conditional is not judged: which branch
 * runs depends on the formatter.
 */
static void
close_all(struct blocks *b, const char *where)
{
	int	 k, i;

	for (k = 0; k < K__COUNT; k++) {
		for (i = 0; i < b->nopen[k] && !b->cond[k]; i++)
			unclosed(b, k, b->open[k][i], where);
		b->nopen[k] = 0;
		b->cond[k] = 0;
	}
}

/*
 * groff keeps one previous indentation: a plain .in goes back to it.
 * So .in N, .in +N and .in -N each open an indentation that a plain
 * .in closes; .in with the opposite sign of the open one undoes it.
 */
static int
in_opens(const struct blocks *b, const struct node *n)
{
	const struct node	*top;
	char			 sign;

	if (n->nargs == 0)
		return 0;
	sign = n->args[0].s[0];
	if (b->nopen[K_IN] == 0 || (sign != '+' && sign != '-'))
		return 1;
	top = b->open[K_IN][b->nopen[K_IN] - 1];
	return (sign == '+' ? '-' : '+') != top->args[0].s[0];
}

/* The kind of block a line opens or closes, or -1. */
static int
kind_of(const struct blocks *b, const struct node *n, int *opens)
{
	*opens = 1;
	switch (n->tok) {
	case M_RE:
		*opens = 0;
		/* FALLTHROUGH */
	case M_RS:
		return K_RS;
	case M_EE:
		*opens = 0;
		/* FALLTHROUGH */
	case M_EX:
		return K_EX;
	case R_fi:
		*opens = 0;
		/* FALLTHROUGH */
	case R_nf:
		return K_NF;
	case M_UE:
		*opens = 0;
		/* FALLTHROUGH */
	case M_UR:
		return K_UR;
	case M_ME:
		*opens = 0;
		/* FALLTHROUGH */
	case M_MT:
		return K_MT;
	case M_YS:
		*opens = 0;
		/* FALLTHROUGH */
	case M_SY:
		return K_SY;
	case R_in:
		*opens = in_opens(b, n);
		return K_IN;
	default:
		return -1;
	}
}

static void
block_line(struct blocks *b, const struct node *n)
{
	int	 k, opens;

	if (n->tok == M_SH || n->tok == M_SS) {
		close_all(b, n->tok == M_SH ? "before .SH" : "before .SS");
		return;
	}
	if ((k = kind_of(b, n, &opens)) == -1)
		return;
	if (n->flags & NF_COND)
		b->cond[k] = 1;
	else if (opens)
		push(b, k, n);
	else
		pop(b, k, n);
}

/*
 * A man(7) macro or a breaking request (.nf, .in...) whose name
 * differs only in case, or NULL.  Other requests make poor guesses:
 * .IT is not meant as .it.
 */
static const char *
near_name(const char *name)
{
	int	 i;

	for (i = 0; i < TOK__COUNT; i++)
		if (strcasecmp(mac_table[i].name, name) == 0 &&
		    (!(mac_table[i].flags & MF_REQUEST) ||
		    (mac_table[i].flags & MF_BREAK)))
			return mac_table[i].name;
	return NULL;
}

/*
 * If name is a known macro glued to a character past ASCII (a no-break
 * space, say), the length of the known part; else 0.
 */
static size_t
glued_name(const char *name)
{
	size_t	 i;

	for (i = 0; name[i] != '\0'; i++)
		if ((unsigned char)name[i] >= 0x80)
			break;
	if (i == 0 || name[i] == '\0' || mac_lookup(name, i) == TOK_UNKNOWN)
		return 0;
	return i;
}

/* The code point of the UTF-8 sequence at s, or -1. */
static long
utf8_char(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	long			 cp;
	int			 n, i;

	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		n = 1;
		cp = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 2;
		cp = u[0] & 0x0f;
	} else
		return -1;
	for (i = 1; i <= n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (u[i] & 0x3f);
	}
	return cp;
}

static void
unknown(struct ctx *c, const struct node *n)
{
	const char	*near;
	size_t		 len;
	long		 cp;

	if (n->cc == '\'') {
		report(c, n, 0, R_APOSTROPHE_CONTROL, "line starting with ' "
		    "is read as the unknown request '%s and vanishes; write "
		    "\\&' at the start of the line", n->name);
		return;
	}
	if ((len = glued_name(n->name)) > 0 &&
	    (cp = utf8_char(n->name + len)) != -1)
		report(c, n, 0, R_MACRO_UNKNOWN, "unknown macro: .%.*s is "
		    "followed by U+%04lX, not by a plain space; write a plain "
		    "space", (int)len, n->name, cp);
	else if ((near = near_name(n->name)) != NULL)
		report(c, n, 0, R_MACRO_UNKNOWN, "unknown macro .%s; write "
		    ".%s (macro names are case-sensitive)", n->name, near);
	else if (!asc_alpha(n->name[0]))
		report(c, n, 0, R_MACRO_UNKNOWN, "text line starting with a "
		    "period is read as a control line (unknown macro .%s) and "
		    "vanishes; write \\& before the period", n->name);
	else
		report(c, n, 0, R_MACRO_UNKNOWN, "unknown macro .%s; check "
		    "the spelling, or write \\&.%s if the line is text",
		    n->name, n->name);
}

/*
 * Requests take their arguments their own way (.ds keeps a leading
 * quote), so only macro calls are checked for unterminated quotes.
 * An unterminated quote runs to the end of the line, so only the last
 * argument can have one.
 */
static void
quotes(struct ctx *c, const struct node *n)
{
	int	 i = n->nargs - 1;

	if (i < 0 || !n->args[i].unterminated ||
	    (n->tok < TOK__COUNT && (mac_table[n->tok].flags & MF_REQUEST)))
		return;
	report_arg(c, n, i, R_QUOTE_UNTERMINATED, "quoted argument of .%s "
	    "has no closing quote, so it runs to the end of the line; add "
	    "the closing \"", n->name);
}

void
check_blocks(struct ctx *c)
{
	struct blocks		 b;
	const struct node	*n;
	int			 i, k;

	memset(&b, 0, sizeof(b));
	b.c = c;
	for (i = 0; i < c->macros.n; i++) {
		n = c->macros.v[i];
		if (n->flags & NF_REGION)
			continue;
		quotes(c, n);
		if (n->tok == TOK_UNKNOWN && !(n->flags & NF_COND))
			unknown(c, n);
		block_line(&b, n);
	}
	close_all(&b, "at the end of the page");
	for (k = 0; k < K__COUNT; k++)
		free(b.open[k]);
}
