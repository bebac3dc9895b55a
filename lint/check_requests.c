/*
 * Requests and macro lines that do not do what they were written
 * for: adjustment (.ad, .na), .br and .ti, .TP widths and indentation
 * units, macro names mistyped or left without their dot, a period or
 * a punctuation mark on a line of its own, tabs on font macro lines,
 * macros man-pages does not use, and macros that call themselves.
 * Rules: ad-mode, ad-redundant, br-args, br-nofill, ti-request,
 * tp-width, indent-unit, text-macro-name, lone-dot, next-line-punct,
 * macro-tab, macro-discouraged, macro-recursion.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "src.h"
#include "util.h"

/* The adjustment .ad and .na have left in effect. */
enum adj {
	ADJ_DEFAULT,	/* as the page began: the formatter's or reader's */
	ADJ_LEFT,	/* .ad l */
	ADJ_OFF,	/* .na */
	ADJ_FORCED,	/* .ad with another mode */
	ADJ_UNKNOWN	/* changed by a conditional */
};

/* What the walk over the page carries from line to line. */
struct walk {
	enum adj		 adj;
	int			 adjline;	/* of the request that set it */
	const struct node	*nfbr;		/* first .br in no-fill text */
	int			 nnfbr;		/* .br in that no-fill block */
	int			 inblock;	/* in a tbl text block */
};

static int
is_font_macro(const struct node *n)
{
	return has_flag(n, MF_FONT | MF_ALTFONT);
}

static int
is_live(const struct node *n)
{
	return n->type != N_RAW && (n->flags & (NF_REGION | NF_COND)) == 0;
}

/* The physical line n starts on, and its length. */
static const char *
src_line(const struct node *n, size_t *len)
{
	const struct srcline	*sl;

	if (n->line < 1 || n->line > n->file->nlines) {
		*len = 0;
		return "";
	}
	sl = &n->file->lines[n->line - 1];
	*len = sl->len;
	return n->file->buf + sl->off;
}

/*
 * .ad with b, n, c or r forces a way of adjusting that the formatter
 * (groff lets the reader choose one) should decide; man-pages only
 * turns adjustment to the left margin and back with ".ad l" and ".ad".
 */
static void
ad_mode(struct ctx *c, const struct node *n, struct walk *st)
{
	const char	*m = n->args[0].s, *what;

	if (m[0] == '\\') {
		st->adj = ADJ_UNKNOWN;
		return;
	}
	if (strcmp(m, "l") == 0) {
		if (st->adj == ADJ_LEFT)
			report_arg(c, n, 0, R_AD_REDUNDANT, ".ad l, but text "
			    "is still adjusted to the left margin by .ad l at "
			    "line %d; remove it, or end that one with .ad",
			    st->adjline);
		st->adj = ADJ_LEFT;
		st->adjline = n->line;
		return;
	}
	if (strcmp(m, "b") == 0 || strcmp(m, "n") == 0)
		what = "justifies both margins";
	else if (strcmp(m, "c") == 0)
		what = "centres every line";
	else if (strcmp(m, "r") == 0)
		what = "adjusts text to the right margin";
	else
		what = "names no adjustment mode";
	report_arg(c, n, 0, R_AD_MODE, ".ad %s %s; write .ad without an "
	    "argument to return to the default adjustment, or .ad l to "
	    "leave the right margin ragged", m, what);
	st->adj = ADJ_FORCED;
	st->adjline = n->line;
}

static void
adjust(struct ctx *c, const struct node *n, struct walk *st)
{
	if (n->flags & NF_COND) {
		st->adj = ADJ_UNKNOWN;
		return;
	}
	if (is_tok(n, R_na)) {
		if (st->adj == ADJ_OFF || st->adj == ADJ_LEFT)
			report(c, n, 0, R_AD_REDUNDANT, ".na, but the right "
			    "margin is already ragged (.%s at line %d); "
			    "remove it", st->adj == ADJ_OFF ? "na" : "ad l",
			    st->adjline);
		st->adj = ADJ_OFF;
		st->adjline = n->line;
		return;
	}
	if (n->nargs > 0) {
		ad_mode(c, n, st);
		return;
	}
	if (st->adj == ADJ_DEFAULT && st->adjline > 0)
		report(c, n, 0, R_AD_REDUNDANT, ".ad restores the default "
		    "adjustment, which .ad at line %d already restored; "
		    "remove it", st->adjline);
	else if (st->adj == ADJ_DEFAULT)
		report(c, n, 0, R_AD_REDUNDANT, ".ad restores the default "
		    "adjustment, which nothing before it changed; remove it");
	st->adj = ADJ_DEFAULT;
	st->adjline = n->line;
}

/* Is n a .br that breaks, not one that closes a brace group? */
static int
is_plain_br(const struct node *n)
{
	return is_tok(n, R_br) && (n->nargs == 0 ||
	    strncmp(n->args[0].s, "\\}", 2) == 0);
}

static void
br_args(struct ctx *c, const struct node *n)
{
	char	 buf[128];
	size_t	 len = 0;
	int	 i;

	if (n->nargs == 0 || strncmp(n->args[0].s, "\\}", 2) == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < n->nargs && len < sizeof(buf); i++)
		len += snprintf(buf + len, sizeof(buf) - len, "%s%s",
		    i > 0 ? " " : "", n->args[i].s);
	report_arg(c, n, 0, R_BR_ARGS, ".br takes no arguments, so \"%s\" "
	    "is not printed; .BR was probably meant", buf);
}

/* Requests and macros that break the line by themselves. */
static int
breaks_nofill(const struct node *n)
{
	return is_tok(n, R_nf) || is_tok(n, R_fi) || is_tok(n, M_EX) ||
	    is_tok(n, M_EE) || is_tok(n, R_TS);
}

/*
 * .br in no-fill text, or beside a request that breaks anyway.  Next
 * to a paragraph macro or a heading it is break-beside-para's case.
 */
static void
br_nofill(struct ctx *c, const struct node *n, struct walk *st)
{
	const struct node	*p, *x;

	p = node_prev_real(n);
	x = node_next_real(n);
	if (has_flag(p, MF_PARA | MF_HEADING) ||
	    has_flag(x, MF_PARA | MF_HEADING))
		return;
	/*
	 * The lines of a table, .TE too, hang under .TS and are passed
	 * over, so .TS before n means the table is.
	 */
	if (is_tok(p, R_TS))
		report(c, n, 0, R_BR_NOFILL, ".br after a table does nothing: "
		    "the table ends the line; remove it");
	else if (breaks_nofill(p) && !is_tok(p, R_nf) && !is_tok(p, M_EX))
		report(c, n, 0, R_BR_NOFILL, ".br after .%s does nothing: "
		    ".%s breaks the line; remove it", p->name, p->name);
	else if (breaks_nofill(x) && !is_tok(x, R_fi) && !is_tok(x, M_EE))
		report(c, n, 0, R_BR_NOFILL, ".br before .%s does nothing: "
		    ".%s breaks the line; remove it", x->name, x->name);
	else if (n->flags & NF_NOFILL) {
		if (st->nfbr == NULL)
			st->nfbr = n;
		st->nnfbr++;
	}
}

/*
 * Old SYNOPSIS blocks put .br after every line of a .nf block; one
 * report per block says it.
 */
static void
br_nofill_flush(struct ctx *c, struct walk *st)
{
	if (st->nnfbr == 1)
		report(c, st->nfbr, 0, R_BR_NOFILL, ".br in no-fill text does "
		    "nothing: every input line is an output line; remove it");
	else if (st->nnfbr > 1)
		report(c, st->nfbr, 0, R_BR_NOFILL, ".br in no-fill text does "
		    "nothing: every input line is an output line; remove it "
		    "and the %d other%s in this block", st->nnfbr - 1,
		    st->nnfbr > 2 ? "s" : "");
	st->nfbr = NULL;
	st->nnfbr = 0;
}

static void
ti_request(struct ctx *c, const struct node *n)
{
	if (n->sh != NULL && n->sh->sec == SEC_SYNOPSIS)
		report(c, n, 0, R_TI_REQUEST, ".ti indents only the next "
		    "output line, by a fixed amount; write the synopsis in "
		    ".nf and indent continuation lines with spaces");
	else
		report(c, n, 0, R_TI_REQUEST, ".ti indents only the next "
		    "output line, by a fixed amount; indent with .RS and .RE, "
		    "or .IP");
}

/* .TP EINVAL: a word where the width goes. */
static void
tp_width(struct ctx *c, const struct node *n)
{
	const char	*s;
	int		 alpha = 0;

	if (n->nargs == 0)
		return;
	for (s = n->args[0].s; *s != '\0'; s++) {
		if (asc_digit(*s) || *s == '\\')
			return;
		if (asc_alpha(*s))
			alpha = 1;
	}
	if (!alpha)
		return;
	report_arg(c, n, 0, R_TP_WIDTH, ".TP takes an indentation width, "
	    "not the tag, so \"%s\" is lost; write the tag on the line "
	    "after .TP", n->args[0].s);
}

/* The width argument of an indenting macro or request, or -1. */
static int
width_arg(const struct node *n)
{
	if (n->type != N_MACRO)
		return -1;
	switch (n->tok) {
	case M_TP:
	case M_HP:
	case M_RS:
	case R_in:
		return n->nargs > 0 ? 0 : -1;
	case M_IP:
		return n->nargs > 1 ? 1 : -1;
	default:
		return -1;
	}
}

/*
 * A width in inches, centimetres, points or picas.  On a terminal an
 * en is a character cell, a tenth of an inch, so the same amount is
 * offered in ens.
 */
static void
indent_unit(struct ctx *c, const struct node *n, int i)
{
	static const char	 units[] = "icpP";
	static const double	 ens[] = { 10.0, 10.0 / 2.54, 10.0 / 72,
				    10.0 / 6 };
	const char		*s = n->args[i].s, *u = NULL, *k;
	char			*end;
	double			 v;
	int			 sign;

	if (strchr(s, '\\') != NULL)
		return;
	for (k = s; *k != '\0'; k++)
		if (strchr(units, *k) != NULL && k > s &&
		    (asc_digit(k[-1]) || k[-1] == '.')) {
			u = k;
			break;
		}
	if (u == NULL)
		return;
	sign = s[0] == '+' || s[0] == '-';
	v = strtod(s + sign, &end);
	if (end == u && u[1] == '\0' && v > 0)
		report_arg(c, n, i, R_INDENT_UNIT, "width %s is in an absolute "
		    "unit; give it in ens, which follow the font: %.*s%ldn", s,
		    sign, s, (long)(v * ens[strchr(units, *u) - units] + 0.5));
	else
		report_arg(c, n, i, R_INDENT_UNIT, "width %s is in an absolute "
		    "unit; give it in ens (n), which follow the font", s);
}

/*
 * Macros man-pages does not use.  groff knows R only as a string (the
 * registered sign) and warns; mandoc takes it as a roman font macro.
 */
static void
discouraged(struct ctx *c, const struct node *n)
{
	switch (n->tok) {
	case M_SB:
		report(c, n, 0, R_MACRO_DISCOURAGED, ".SB sets small bold "
		    "type, which man-pages does not use; write .B");
		break;
	case M_SM:
		report(c, n, 0, R_MACRO_DISCOURAGED, ".SM sets a smaller "
		    "type size, which terminals cannot show and man-pages "
		    "does not use; write the text plainly");
		break;
	case M_R:
		report(c, n, 0, R_MACRO_DISCOURAGED, ".R is not a man(7) "
		    "macro in groff, which warns about it; write the text "
		    "as a plain text line");
		break;
	default:
		break;
	}
}

/*
 * The offset of a tab that ends up inside an argument of a font macro
 * line: after the first argument has begun, outside quotes, with more
 * text after it.  Formatters split arguments only at spaces.
 */
static long
arg_tab(const struct node *n)
{
	const char	*s = n->text;
	size_t		 i = 1, len = n->len;
	int		 quoted = 0, start = 1;

	/* Most lines hold no tab at all; the parser marks most. */
	if ((n->flags & NF_NOTAB) || memchr(s, '\t', len) == NULL)
		return -1;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\\')
		i++;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	for (; i < len; i++) {
		if (s[i] == '\\') {
			i++;
			start = 0;
			continue;
		}
		if (quoted) {
			if (s[i] == '"' && i + 1 < len && s[i + 1] == '"')
				i++;
			else if (s[i] == '"')
				quoted = 0;
			continue;
		}
		if (s[i] == '"' && start) {
			quoted = 1;
			start = 0;
			continue;
		}
		if (s[i] == '\t' && strspn(s + i, " \t") < len - i)
			return (long)i;
		start = s[i] == ' ';
	}
	return -1;
}

/*
 * In no-fill text a tab on a .B or .I line lines up a column, as it
 * was meant to; for the alternating macros it still moves a word
 * into the wrong font.
 */
static void
macro_tab(struct ctx *c, const struct node *n)
{
	long	 off;

	if ((n->flags & NF_NOFILL) && !has_flag(n, MF_ALTFONT))
		return;
	if ((off = arg_tab(n)) < 0)
		return;
	report(c, n, (size_t)off, R_MACRO_TAB, "tab between the words of "
	    "a .%s line: formatters split arguments only at spaces, so "
	    "the tab stays inside the argument; use a space, or quote the "
	    "argument if the tab is meant", n->name);
}

/* A name that a line could have been meant to call. */
static int
is_macro_name(const char *s, size_t len, int single)
{
	enum tok	 t;

	if (len == 0 || (len == 1 && !single))
		return 0;
	/* "in" is an English word on a line of its own. */
	if (len == 2 && strncmp(s, "in", 2) == 0)
		return 0;
	if ((t = mac_lookup(s, len)) == TOK_UNKNOWN)
		return 0;
	return !(mac_table[t].flags & MF_REQUEST) ||
	    (!single && (mac_table[t].flags & MF_BREAK));
}

/* Is n the tag line of a .TP or .TQ? */
static int
is_tag(const struct node *n)
{
	const struct node	*p;

	if (n->type != N_TEXT)
		return 0;
	p = node_prev_real(n);
	return is_tok(p, M_TP) || is_tok(p, M_TQ);
}

static int
is_para_name(const char *s, size_t len)
{
	enum tok	 t;

	return len > 0 && (t = mac_lookup(s, len)) < TOK__COUNT &&
	    (mac_table[t].flags & MF_PARA) != 0;
}

/*
 * Could text line n be one of text_macro_name()?  Most text lines are
 * longer than any name, max, and end in no blank, and start with no
 * mistyped control character: none of either.  Asked inline, it saves
 * a call for each of them.
 */
static inline int
may_name_macro(const struct node *n, size_t max)
{
	const char	*s = n->text;
	size_t		 len = n->len;

	return len <= max || s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[0] == ',' || s[0] == ';' || s[0] == '/';
}

/*
 * A text line that is only a macro name ("TP", "br"), or one whose
 * control character was mistyped (",I comm"); asked of the lines
 * may_name_macro() lets through.
 */
static void
text_macro_name(struct ctx *c, const struct node *n)
{
	const char	*s = n->text;
	size_t		 len = n->len, k;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (is_macro_name(s, len, 0)) {
		/*
		 * The tag of a .TP may name anything, a variable SS say;
		 * a tag "TP" is still a .TP that lost its dot.
		 */
		if (is_tag(n) && !is_para_name(s, len))
			return;
		report(c, n, 0, R_TEXT_MACRO_NAME, "text line \"%.*s\" is a "
		    "macro name without its dot, so the name is printed; "
		    "write .%.*s", (int)len, s, (int)len, s);
		return;
	}
	if (n->type == N_RAW || len < 2 ||
	    (s[0] != ',' && s[0] != ';' && s[0] != '/'))
		return;
	for (k = 1; k < len && s[k] != ' '; k++)
		continue;
	if (is_macro_name(s + 1, k - 1, 1))
		report(c, n, 0, R_TEXT_MACRO_NAME, "text line starts with "
		    "\"%.*s\": the control character is mistyped, so the "
		    "macro is printed; write .%.*s", (int)k, s, (int)(k - 1),
		    s + 1);
}

/*
 * The visible end of a text or font macro line: the last byte that
 * is not white space, a closing quote or parenthesis, or an escape
 * that prints nothing.  Returns 0 when the line ends in \c.
 */
static int
last_char(const struct node *n)
{
	const char	*s;
	size_t		 len;

	if (n->type == N_TEXT) {
		s = n->text;
		len = n->len;
	} else {
		s = n->args[n->nargs - 1].s;
		len = strlen(s);
	}
	for (;;) {
		while (len > 0 && strchr(" \t)]\"'", s[len - 1]) != NULL)
			len--;
		if (len >= 2 && s[len - 2] == '\\' &&
		    strchr("&c", s[len - 1]) != NULL) {
			if (s[len - 1] == 'c')
				return 0;
			len -= 2;
			continue;
		}
		return len > 0 ? (unsigned char)s[len - 1] : 0;
	}
}

/* Does n print words, as a text line or a font macro with arguments? */
static int
prints_words(const struct node *n)
{
	if (n == NULL || (n->flags & (NF_REGION | NF_COND)))
		return 0;
	return n->type == N_TEXT || (is_font_macro(n) && n->nargs > 0);
}

/*
 * A line holding only a period is an empty request.  Written after
 * words that end no sentence, and followed by more text of the same
 * paragraph, it was meant as the period.  Before a macro or a blank
 * line it is how groff's own pages space their source.
 */
static void
lone_dot(struct ctx *c, const struct node *n)
{
	const char	*s;
	size_t		 len;
	int		 e;

	s = src_line(n, &len);
	while (len > 1 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len != 1 || s[0] != '.' || !prints_words(n->lprev) ||
	    n->lprev->file != n->file || !prints_words(n->lnext))
		return;
	e = last_char(n->lprev);
	if (e == 0 || strchr(".!?:;,", e) != NULL)
		return;
	report(c, n, 0, R_LONE_DOT, "a line holding only \".\" is an empty "
	    "request, so the period after the previous line is lost; put it "
	    "on that line%s", is_font_macro(n->lprev) ? " as an argument in "
	    "roman" : "");
}

/*
 * Is the line nothing but marks that end a clause, as text-lone-punct
 * takes it?  A parenthesis is left to this check.
 */
static int
only_punct(const char *s)
{
	if (strstr(s, "..") != NULL)
		return 0;
	for (; *s != '\0'; s++) {
		if (s[0] == '\\' && s[1] == '&') {
			s++;
			continue;
		}
		if (strchr(" \t,;:.!?", *s) == NULL)
			return 0;
	}
	return 1;
}

/*
 * ".I size" then ")." prints "size )."; the mark belongs on the macro
 * line, as a roman argument.  A line of nothing but punctuation
 * between two macro lines is text-lone-punct's case.
 */
static void
next_line_punct(struct ctx *c, const struct node *n)
{
	const struct node	*p, *x;

	if (n->flags & NF_NOFILL)
		return;
	switch (n->text[0]) {
	case ')':
	case ',':
	case ';':
	case ':':
	case '?':
	case '!':
		break;
	default:
		return;
	}
	p = node_prev_real(n);
	if (p == NULL || !is_font_macro(p) || p->nargs == 0 ||
	    (p->flags & NF_COND) || last_char(p) == 0)
		return;
	x = node_next_real(n);
	if (only_punct(n->text) && x != NULL && x->type == N_MACRO)
		return;
	report(c, n, 0, R_NEXT_LINE_PUNCT, "line starts with '%c' after a "
	    ".%s line, so a space is printed before it; put the mark on "
	    "the macro line as an argument in roman", n->text[0], p->name);
}

static void
check_macro(struct ctx *c, const struct node *n, struct walk *st)
{
	int	 i;

	if (is_tok(n, M_TH) && !(n->flags & NF_COND)) {
		st->adj = ADJ_DEFAULT;
		st->adjline = 0;
	}
	if (is_tok(n, R_ad) || is_tok(n, R_na))
		adjust(c, n, st);
	if (n->flags & NF_COND)
		return;
	if (is_tok(n, R_br)) {
		br_args(c, n);
		if (is_plain_br(n))
			br_nofill(c, n, st);
	}
	if (is_tok(n, R_ti))
		ti_request(c, n);
	if (is_tok(n, M_TP))
		tp_width(c, n);
	if ((i = width_arg(n)) >= 0)
		indent_unit(c, n, i);
	discouraged(c, n);
	if (is_font_macro(n))
		macro_tab(c, n);
}

/*
 * Lines inside a tbl text block (T{ to T}) are filled text, where a
 * macro name without its dot is as wrong as anywhere.
 */
static void
check_tbl_line(struct ctx *c, const struct node *n, struct walk *st)
{
	size_t	 len = n->len;

	while (len > 0 && (n->text[len - 1] == ' ' ||
	    n->text[len - 1] == '\t'))
		len--;
	if (st->inblock && strncmp(n->text, "T}", 2) == 0)
		st->inblock = 0;
	else if (st->inblock && may_name_macro(n, mac_name_max()))
		text_macro_name(c, n);
	if (len >= 2 && strncmp(n->text + len - 2, "T{", 2) == 0)
		st->inblock = 1;
}

/*
 * Whether text is filled changes only at control lines (.nf, .fi,
 * .EX, .EE, headings), so the no-fill blocks that br-nofill counts in
 * are bounded by control lines, and the passes over control lines
 * and over text lines can be apart.
 */
/*
 * The macros a page defines, and which of them each calls outside a
 * condition.  Past MDEF_MAX macros, only direct calls are looked for,
 * so that the search stays linear on a hostile page.
 */
#define MDEF_MAX	256

struct mdef {
	const char		*name;
	const struct node	*de;	/* the first .de of it */
	int			*calls;	/* indexes into the table */
	int			 ncalls;
	int			 self;	/* a line calls the macro itself */
};

static int
mdef_find(const struct mdef *v, int n, const char *name, size_t len)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (strncmp(v[i].name, name, len) == 0 &&
		    v[i].name[len] == '\0')
			return i;
	return -1;
}

/* The name a body line calls, or NULL for text and conditionals. */
static const char *
called(const struct node *n, size_t *len)
{
	const char	*s = n->text;
	size_t		 i = 1, j;

	if (n->len == 0 || (s[0] != '.' && s[0] != '\''))
		return NULL;
	while (i < n->len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	for (j = i; j < n->len && s[j] != ' ' && s[j] != '\t' &&
	    s[j] != '\\'; j++)
		continue;
	*len = j - i;
	if (*len == 0 || (*len == 2 && (strncmp(s + i, "if", 2) == 0 ||
	    strncmp(s + i, "ie", 2) == 0 || strncmp(s + i, "el", 2) == 0)) ||
	    (*len == 5 && strncmp(s + i, "while", 5) == 0))
		return NULL;
	return s + i;
}

/* Add the calls of the body of definition de (.de or .am) to m. */
static void
mdef_calls(struct mdef *v, int n, struct mdef *m, const struct node *de)
{
	const struct node	*l;
	const char		*name;
	size_t			 len;
	int			 k;

	for (l = de->child; l != NULL; l = l->next) {
		if ((l->flags & NF_CLOSER) || (name = called(l, &len)) == NULL)
			continue;
		if (strncmp(m->name, name, len) == 0 && m->name[len] == '\0')
			m->self = 1;
		else if ((k = mdef_find(v, n, name, len)) != -1) {
			m->calls = xreallocarray(m->calls, m->ncalls + 1,
			    sizeof(*m->calls));
			m->calls[m->ncalls++] = k;
		}
	}
}

/* The macro v[from] calls first on a way back to itself, or -1. */
static int
mdef_cycle(const struct mdef *v, int n, int from, char *seen, int *stack)
{
	int	 i, j, k, first, sp;

	memset(seen, 0, n);
	for (i = 0; i < v[from].ncalls; i++) {
		first = v[from].calls[i];
		if (seen[first])
			continue;
		seen[first] = 1;
		stack[0] = first;
		sp = 1;
		while (sp > 0) {
			if ((k = stack[--sp]) == from)
				return first;
			for (j = 0; j < v[k].ncalls; j++)
				if (!seen[v[k].calls[j]]) {
					seen[v[k].calls[j]] = 1;
					stack[sp++] = v[k].calls[j];
				}
		}
	}
	return -1;
}

static int
is_define(const struct node *n)
{
	return n->nargs > 0 && (n->tok == R_de || n->tok == R_de1 ||
	    n->tok == R_am || n->tok == R_am1);
}

/*
 * A macro whose body calls it, directly or through other macros of
 * the page, outside a condition.  On a page with more than MDEF_MAX
 * definitions, only direct calls are looked for.
 */
static void
macro_recursion(struct ctx *c)
{
	struct mdef		*v, one;
	const struct node	*n;
	char			*seen;
	int			*stack, i, k, nv = 0, ndefs = 0, via;

	/* The parser noted every definition: most pages have none. */
	if (c->pg->ndefs == 0)
		return;
	for (i = 0; i < c->macros.n; i++)
		ndefs += is_define(c->macros.v[i]);
	if (ndefs == 0)
		return;
	if (ndefs > MDEF_MAX) {
		for (i = 0; i < c->macros.n; i++) {
			if (!is_define(n = c->macros.v[i]))
				continue;
			memset(&one, 0, sizeof(one));
			one.name = n->args[0].s;
			mdef_calls(NULL, 0, &one, n);
			if (one.self)
				report_arg(c, n, 0, R_MACRO_RECURSION, "macro "
				    "%s calls itself; expanding it never ends",
				    one.name);
		}
		return;
	}
	v = xcalloc(ndefs, sizeof(*v));
	for (i = 0; i < c->macros.n; i++) {
		n = c->macros.v[i];
		if (is_define(n) && mdef_find(v, nv, n->args[0].s,
		    strlen(n->args[0].s)) == -1) {
			v[nv].name = n->args[0].s;
			v[nv++].de = n;
		}
	}
	/* .am adds to the body of the macro of the same name. */
	for (i = 0; i < c->macros.n; i++)
		if (is_define(n = c->macros.v[i]))
			mdef_calls(v, nv, &v[mdef_find(v, nv, n->args[0].s,
			    strlen(n->args[0].s))], n);
	seen = xmalloc(nv);
	stack = xreallocarray(NULL, nv, sizeof(*stack));
	for (i = 0; i < nv; i++) {
		if (v[i].self)
			report_arg(c, v[i].de, 0, R_MACRO_RECURSION, "macro %s "
			    "calls itself; expanding it never ends", v[i].name);
		else if ((via = mdef_cycle(v, nv, i, seen, stack)) != -1)
			report_arg(c, v[i].de, 0, R_MACRO_RECURSION, "macro %s "
			    "calls itself through %s; expanding it never ends",
			    v[i].name, v[via].name);
	}
	for (k = 0; k < nv; k++)
		free(v[k].calls);
	free(v);
	free(seen);
	free(stack);
}

void
check_requests(struct ctx *c)
{
	const struct node	*n;
	struct walk		 st;
	size_t			 max = mac_name_max();
	int			 i;

	memset(&st, 0, sizeof(st));
	for (i = 0; i < c->rest.n; i++) {
		n = c->rest.v[i];
		if (n->type == N_RAW && (n->flags & NF_TBL) &&
		    n->aux == TBL_DATA && !(n->flags & NF_COND))
			check_tbl_line(c, n, &st);
		else if (n->type == N_COMMENT && is_live(n))
			lone_dot(c, n);
	}
	for (i = 0; i < c->macros.n; i++) {
		n = c->macros.v[i];
		if (!(n->flags & NF_NOFILL) && st.nnfbr > 0)
			br_nofill_flush(c, &st);
		if (!(n->flags & NF_REGION))
			check_macro(c, n, &st);
	}
	br_nofill_flush(c, &st);
	macro_recursion(c);
	for (i = 0; i < c->texts.n; i++) {
		n = c->texts.v[i];
		if (is_live(n) && !(n->flags & NF_NOFILL)) {
			if (may_name_macro(n, max))
				text_macro_name(c, n);
			next_line_punct(c, n);
		}
	}
}
