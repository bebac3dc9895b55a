/*
 * Paragraphs and the lines between them: para-after-heading,
 * para-empty, break-beside-para, tp-no-tag, blank-line,
 * text-leading-space.
 */
#include <string.h>

#include "check.h"
#include "src.h"

/*
 * Lines inside definitions, ignore blocks, tables and conditional
 * bodies are judged elsewhere or depend on the formatter.
 */
static int
is_live(const struct node *n)
{
	return n->type != N_RAW && (n->flags & (NF_REGION | NF_COND)) == 0;
}

/* .PP, .P and .LP: plain paragraphs. */
static int
is_plain_para(const struct node *n)
{
	return is_tok(n, M_PP) || is_tok(n, M_P) || is_tok(n, M_LP);
}

/* A paragraph macro other than .TQ, which continues a .TP. */
static int
is_para(const struct node *n)
{
	return has_flag(n, MF_PARA) && !is_tok(n, M_TQ);
}

static int
is_heading(const struct node *n)
{
	return has_flag(n, MF_HEADING);
}

static int
is_silent(const struct node *n)
{
	return n->type == N_COMMENT || n->type == N_RAW ||
	    (n->flags & NF_REGION) || is_definition(n);
}

/*
 * The neighbours of a line, passing over comments and definitions.
 * A conditional is returned as it is: what it does is not known, so
 * callers take it as content.
 */
static const struct node *
next_line(const struct node *n)
{
	for (n = n->lnext; n != NULL && is_silent(n); n = n->lnext)
		continue;
	return n;
}

static const struct node *
prev_line(const struct node *n)
{
	for (n = n->lprev; n != NULL && is_silent(n); n = n->lprev)
		continue;
	return n;
}

/* The heading whose text is line t, when it has no arguments. */
static const struct node *
heading_of(const struct node *t)
{
	const struct node	*h;

	if ((h = node_prev_real(t)) == NULL || !is_heading(h) ||
	    heading_line(h) != t)
		return NULL;
	return h;
}

/* The heading that p directly follows, or NULL. */
static const struct node *
after_heading(const struct node *p)
{
	const struct node	*h;

	if (p == NULL || !is_live(p))
		return NULL;
	if (is_heading(p))
		return p;
	if ((h = heading_of(p)) != NULL && is_live(h))
		return h;
	return NULL;
}

static void
para_after_heading(struct ctx *c, const struct node *n)
{
	const struct node	*h;

	if ((h = after_heading(prev_line(n))) != NULL)
		report(c, n, 0, R_PARA_AFTER_HEADING, ".%s right after .%s "
		    "does nothing; remove it", n->name, h->name);
}

/*
 * A paragraph with nothing before the next paragraph or heading.  An
 * .IP with a tag still prints the tag, so it is not empty.
 */
static void
para_empty(struct ctx *c, const struct node *n)
{
	const struct node	*x;

	if (is_tok(n, M_TP) || (is_tok(n, M_IP) && n->nargs > 0))
		return;
	x = next_line(n);
	if (x == NULL)
		report(c, n, 0, R_PARA_EMPTY, ".%s at the end of the page "
		    "starts an empty paragraph; remove it", n->name);
	else if (is_live(x) && (is_para(x) || is_heading(x)))
		report(c, n, 0, R_PARA_EMPTY, ".%s is followed at once by "
		    ".%s, so its paragraph is empty; remove it", n->name,
		    x->name);
}

/*
 * Does n follow a table, with only requests that neither print nor
 * break in between?
 */
static int
after_table(const struct node *n)
{
	for (n = n->lprev; n != NULL; n = n->lprev) {
		if (n->flags & NF_TBL)
			return 1;
		if (n->type != N_COMMENT && (!has_flag(n, MF_REQUEST) ||
		    has_flag(n, MF_BREAK)))
			return 0;
	}
	return 0;
}

/*
 * .br or .sp beside a paragraph macro or heading.  The line after
 * .TP is its tag, which tp-no-tag judges.  man-pages ends tables
 * with ".sp 1" to set them off from what follows, even a heading.
 * After ".PD 0" paragraphs have no space between them, and .sp
 * before one is how a list is split into groups.
 */
static void
break_beside(struct ctx *c, const struct node *n, int pd0)
{
	const struct node	*p, *x;

	if (is_tok(n, R_sp) && after_table(n))
		return;
	p = prev_line(n);
	if (is_tok(p, M_TP) || is_tok(p, M_TQ))
		return;
	if ((x = after_heading(p)) == NULL && p != NULL && is_live(p) &&
	    is_para(p))
		x = p;
	if (x != NULL) {
		report(c, n, 0, R_BREAK_BESIDE_PARA, ".%s after .%s, which "
		    "sets its own spacing; remove .%s", n->name, x->name,
		    n->name);
		return;
	}
	x = next_line(n);
	if (x == NULL || !is_live(x) || !(is_para(x) || is_heading(x)))
		return;
	if (!pd0 || is_heading(x) || is_tok(n, R_br))
		report(c, n, 0, R_BREAK_BESIDE_PARA, ".%s before .%s, which "
		    "sets its own spacing; remove .%s", n->name, x->name,
		    n->name);
}

/*
 * .TP and .TQ take the next text line as the tag.  Formatters pass
 * over blank lines (blank-line reports them) and requests that print
 * nothing and cause no break (.PD, .ft, .nf); a line that breaks ends
 * the tag before it starts.
 */
static void
tp_no_tag(struct ctx *c, const struct node *n)
{
	const struct node	*x;

	for (x = next_line(n); x != NULL && x->type == N_BLANK;
	    x = next_line(x))
		continue;
	if (x == NULL)
		report(c, n, 0, R_TP_NO_TAG, ".%s at the end of the page has "
		    "no tag; remove it", n->name);
	else if (is_live(x) && has_flag(x, MF_BREAK) && !is_tok(x, R_nf) &&
	    !is_tok(x, R_fi))
		report(c, n, 0, R_TP_NO_TAG, ".%s is followed by .%s instead "
		    "of a tag; write the tag on the line after .%s", n->name,
		    x->name, n->name);
}

/*
 * How many plain paragraph macros follow a heading directly.  Old
 * pages put .PP after every heading; that habit of the whole page is
 * not worth a report at each heading, while a single one is a slip.
 */
#define AFTER_HEADING_SLIPS	1

static int
count_after_heading(const struct ctx *c)
{
	const struct node	*n;
	int			 i, k = 0;

	for (i = 0; i < c->macros.n; i++)
		if (is_live(n = c->macros.v[i]) && is_plain_para(n) &&
		    after_heading(prev_line(n)) != NULL)
			k++;
	return k;
}

static void
check_macro(struct ctx *c, const struct node *n, int pd0, int habit)
{
	switch (n->tok) {
	case M_PP:
	case M_P:
	case M_LP:
		if (!habit)
			para_after_heading(c, n);
		para_empty(c, n);
		break;
	case M_TP:
		para_empty(c, n);
		tp_no_tag(c, n);
		break;
	case M_TQ:
		tp_no_tag(c, n);
		break;
	case M_IP:
	case M_HP:
		para_empty(c, n);
		break;
	case R_br:
	case R_sp:
		break_beside(c, n, pd0);
		break;
	default:
		break;
	}
}

/* Does the source line of n hold a comment escape? */
static int
has_comment(const struct node *n)
{
	const struct srcline	*sl;
	const char		*s;

	if (n->line < 1 || n->line > n->file->nlines)
		return 0;
	sl = &n->file->lines[n->line - 1];
	s = n->file->buf + sl->off;
	return memchr(s, '\\', sl->len) != NULL;
}

/*
 * In no-fill mode (.nf, .EX) a blank line is an empty line of the
 * display, which is how code examples separate their parts; only
 * blank lines in filled text count.  A stray one is a slip; a page
 * with more separates its paragraphs that way throughout, the
 * habit of pages written before man-pages settled on .PP, and one
 * report would not change that, so such pages are left alone.
 * A comment whose dot is missing is a defect of its own, reported
 * where it is.
 */
static void
blank_line(struct ctx *c, const struct node *n, const struct node **first,
    int *count)
{
	if (n->flags & NF_NOFILL)
		return;
	if (has_comment(n)) {
		report(c, n, 0, R_BLANK_LINE, "a comment line without the "
		    "leading . prints an empty line; start it with .\\\"");
		return;
	}
	if (*first == NULL)
		*first = n;
	(*count)++;
}

#define BLANK_SLIPS	1

static void
blank_report(struct ctx *c, const struct node *first, int count)
{
	const struct node	*n;

	if (count == 0 || count > BLANK_SLIPS)
		return;
	for (n = first; n != NULL; n = n->lnext)
		if (n->type == N_BLANK && !(n->flags & (NF_NOFILL |
		    NF_REGION | NF_COND)) && !has_comment(n))
			report(c, n, 0, R_BLANK_LINE, "blank line in filled "
			    "text prints an empty line; use .PP to start a "
			    "paragraph, or remove it");
}

static void
leading_space(struct ctx *c, const struct node *n)
{
	if ((n->flags & NF_NOFILL) || (n->text[0] != ' ' &&
	    n->text[0] != '\t'))
		return;
	report(c, n, 0, R_TEXT_LEADING_SPACE, "text line starts with white "
	    "space, which breaks and indents it; remove the space, or use "
	    ".RS/.RE or .EX/.EE for an indented block");
}

void
check_paragraphs(struct ctx *c)
{
	const struct node	*n, *blank = NULL;
	int			 i, pd0 = 0, nblank = 0, habit;

	habit = count_after_heading(c) > AFTER_HEADING_SLIPS;
	for (i = 0; i < c->macros.n; i++) {
		if (!is_live(n = c->macros.v[i]))
			continue;
		if (is_tok(n, M_PD))
			pd0 = n->nargs > 0 && strcmp(n->args[0].s, "0") == 0;
		check_macro(c, n, pd0, habit);
	}
	for (i = 0; i < c->texts.n; i++)
		if (is_live(n = c->texts.v[i]))
			leading_space(c, n);
	for (i = 0; i < c->rest.n; i++)
		if ((n = c->rest.v[i])->type == N_BLANK && is_live(n))
			blank_line(c, n, &blank, &nblank);
	blank_report(c, blank, nblank);
}
