/*
 * Checks of the words rule group that need the source rather than the
 * prose text: error names in ERRORS tags set in roman (errno-roman),
 * and hyphens where a minus sign is meant (minus-hyphen), which the
 * prose text cannot tell apart because \- and - both become "-" there.
 */
#include <string.h>

#include "check.h"
#include "esc.h"

/* Is the node a line that formatters see, outside regions and ifs? */
static int
is_live(const struct node *n)
{
	return (n->flags & (NF_REGION | NF_COND)) == 0;
}

/*
 * The tag of an entry of ERRORS names the error; written as a plain
 * text line it is set in roman.  An error name is E and at least two
 * capitals or digits, the whole first word of the line.
 */
static void
check_errno_tag(struct ctx *c, const struct node *n)
{
	const struct node	*t;
	size_t			 i;

	if (n->sh == NULL || n->sh->sec != SEC_ERRORS ||
	    (!is_tok(n, M_TP) && !is_tok(n, M_TQ)) || !is_live(n))
		return;
	t = node_next_real(n);
	if (t == NULL || t->type != N_TEXT || !is_live(t) ||
	    t->len < 3 || t->text[0] != 'E')
		return;
	for (i = 1; i < t->len && (asc_upper(t->text[i]) ||
	    asc_digit(t->text[i])); i++)
		continue;
	if (i < 3 || (i < t->len && t->text[i] != ' ' && t->text[i] != ','))
		return;
	report(c, t, 0, R_ERRNO_ROMAN, "error name \"%.*s\" is set in roman; "
	    "write \".B %.*s\"", (int)i, t->text, (int)i, t->text);
}

/*
 * Does the hyphen before s start a negative number or an option, as
 * in -1, -.5, -v and --verbose?
 */
static int
is_minus(const char *s, size_t len)
{
	if (len > 0 && s[0] == '-') {
		s++;
		len--;
	}
	if (len > 1 && s[0] == '.' && asc_digit(s[1]))
		return 1;
	return len > 0 && asc_alnum(s[0]);
}

/* Does a word start after the character ch? */
static int
opens_word(char ch)
{
	switch (ch) {
	case ' ':
	case '\t':
	case '(':
	case '[':
	case '{':
	case '|':
	case '"':
		return 1;
	default:
		return 0;
	}
}

/*
 * find_hyphen() for a string that holds escapes: each is parsed, and
 * font escapes and zero-width escapes before a hyphen still leave it
 * at the start of the word, as in \fB-v\fP.
 */
static size_t
find_hyphen_escaped(const char *s, size_t len, int start)
{
	struct esc	 e;
	size_t		 i;

	for (i = 0; i < len; ) {
		if (s[i] == '\\') {
			esc_parse(s + i, len - i, &e);
			if (e.len == 0)
				e.len = 1;
			if (e.kind == ESC_SPACE)
				start = 1;
			else if (e.kind != ESC_FONT && e.kind != ESC_ZERO)
				start = 0;
			i += e.len;
			continue;
		}
		if (s[i] == '-' && start && is_minus(s + i + 1, len - i - 1))
			return i;
		start = opens_word(s[i]);
		i++;
	}
	return len;
}

/*
 * The offset in s of the first hyphen that starts a word and is meant
 * as a minus sign, or len if there is none; start says whether s
 * itself starts a word.  Most lines hold no hyphen, and few an escape:
 * without one, only the character before each hyphen needs a look.
 */
static size_t
find_hyphen(const char *s, size_t len, int start)
{
	const char	*p;
	size_t		 i;

	if ((p = memchr(s, '-', len)) == NULL)
		return len;
	if (memchr(s, '\\', len) != NULL)
		return find_hyphen_escaped(s, len, start);
	for (; p != NULL; p = memchr(p + 1, '-', s + len - p - 1)) {
		i = p - s;
		if ((i == 0 ? start : opens_word(s[i - 1])) &&
		    is_minus(p + 1, len - i - 1))
			return i;
	}
	return len;
}

/* Report the word at s, which starts with a hyphen, and its fix. */
static void
report_hyphen(struct ctx *c, const struct node *n, int line, int col,
    const char *s, size_t len)
{
	char	 fix[64];
	size_t	 k, o = 0;

	for (k = 0; k < len && k < 24 && (asc_alnum(s[k]) ||
	    (s[k] != '\0' && strchr("-._", s[k]) != NULL)); k++) {
		if (s[k] == '-')
			fix[o++] = '\\';
		fix[o++] = s[k];
	}
	fix[o] = '\0';
	diag_add(c->dl, c->cfg, n->file, line, col, R_MINUS_HYPHEN,
	    "\"%.*s\" starts with a hyphen, not a minus sign; write \"%s\"",
	    (int)k, s, fix);
}

/* At most one report a line: a line of code may hold many. */
static void
minus_line(struct ctx *c, const struct node *n)
{
	size_t	 off, len;
	int	 i, line, col, start = 1;

	if (!is_live(n))
		return;
	if (n->type == N_TEXT) {
		if ((off = find_hyphen(n->text, n->len, 1)) < n->len) {
			node_pos(n, off, &line, &col);
			report_hyphen(c, n, line, col, n->text + off,
			    n->len - off);
		}
		return;
	}
	/* An argument holds a hyphen only if the line does. */
	if (n->type != N_MACRO || n->tok >= TOK__COUNT ||
	    !(mac_table[n->tok].flags & (MF_FONT | MF_ALTFONT)) ||
	    memchr(n->text, '-', n->len) == NULL)
		return;
	for (i = 0, len = 0; i < n->nargs; i++) {
		/* The words of .BR and the like are joined with nothing. */
		if (i > 0 && (mac_table[n->tok].flags & MF_ALTFONT))
			start = opens_word(len == 0 ? ' ' :
			    n->args[i - 1].s[len - 1]);
		len = n->args[i].len;
		if ((off = find_hyphen(n->args[i].s, len, start)) < len) {
			report_hyphen(c, n, n->args[i].line, n->args[i].col +
			    n->args[i].quoted + (int)off, n->args[i].s + off,
			    len - off);
			return;
		}
	}
}

/*
 * Most lines are known to hold no hyphen at all: that is asked here,
 * inline, before a call.
 */
static inline void
check_minus(struct ctx *c, const struct node *n)
{
	if (!(n->flags & NF_NOHYPHEN))
		minus_line(c, n);
}

/*
 * Does the line start the list of feature test macros in a SYNOPSIS?
 * man-pages sets that list, compiler options included, in roman by
 * convention, so its hyphens are not checked.
 */
static int
starts_ftm(const struct node *n)
{
	static const char	 head[] = "Feature Test Macro Requirements";

	return n->type == N_TEXT && n->len >= sizeof(head) - 1 &&
	    strncmp(n->text, head, sizeof(head) - 1) == 0;
}

static int
in_synopsis(const struct node *n)
{
	return n->sh != NULL && n->sh->sec == SEC_SYNOPSIS;
}

/* The lines of a SYNOPSIS, in order, up to the feature test macros. */
static void
synopsis_minus(struct ctx *c, const struct node *n)
{
	for (; n != NULL && in_synopsis(n) && !starts_ftm(n); n = n->lnext)
		check_minus(c, n);
}

void
check_words(struct ctx *c)
{
	const struct node	*n, *x;
	int			 i, minus;

	minus = c->cfg->enabled[R_MINUS_HYPHEN];
	for (i = 0; i < c->heads.n; i++) {
		n = c->heads.v[i];
		if (starts_run(n, SEC_ERRORS))
			for (x = n; x != NULL && x->sh != NULL &&
			    x->sh->sec == SEC_ERRORS; x = x->lnext)
				check_errno_tag(c, x);
		if (minus && starts_run(n, SEC_SYNOPSIS))
			synopsis_minus(c, n);
	}
	if (!minus)
		return;
	for (i = 0; i < c->fonts.n; i++)
		if (!in_synopsis(n = c->fonts.v[i]))
			check_minus(c, n);
	for (i = 0; i < c->texts.n; i++)
		if (!in_synopsis(n = c->texts.v[i]))
			check_minus(c, n);
}
