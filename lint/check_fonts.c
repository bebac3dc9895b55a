/*
 * Fonts: font macros without the text they should set, unknown
 * escapes, and \f escapes in text lines that are left open at the end
 * of a paragraph or that go back to a font never left.
 */
#include <string.h>

#include "check.h"
#include "esc.h"

/*
 * A font, the escape that selected it (n is NULL when .ft did), and
 * the \fP that last went back to it.
 */
struct font {
	const char		*name;
	size_t			 len;
	const struct node	*n;
	size_t			 off;	/* the escape in n's text */
	size_t			 esclen;
	const struct node	*back;
	size_t			 backoff;
};

/* The font state of the current paragraph. */
struct fonts {
	struct ctx	*c;
	struct font	 cur, prev;
	int		 changed;	/* a font was selected */
	int		 arg;		/* on a control line: which argument */
	int		 plain;		/* single-word alternating macros */
};

static const struct font roman = { "R", 1, NULL, 0, 0, NULL, 0 };

static int
is_roman(const struct font *f)
{
	return f->len == 1 && (f->name[0] == 'R' || f->name[0] == '1');
}

static int
is_fmacro(const struct node *n, int flag)
{
	return n->type == N_MACRO && n->tok < TOK__COUNT &&
	    (mac_table[n->tok].flags & flag);
}

static int
font_is(const struct font *f, const char *name, const char *number)
{
	return (f->len == strlen(name) && memcmp(f->name, name, f->len) == 0) ||
	    (f->len == 1 && f->name[0] == number[0]);
}

static const char *
font_desc(const struct font *f)
{
	if (font_is(f, "B", "3"))
		return "bold ";
	if (font_is(f, "I", "2"))
		return "italic ";
	if (font_is(f, "BI", "4"))
		return "bold italic ";
	return "";
}

/* End the paragraph: a font other than roman leaks into what follows. */
static void
para_end(struct fonts *fs, const char *where)
{
	const struct font	*f = &fs->cur;
	int			 line, col;

	if (is_roman(f) || f->n == NULL) {
		/* Roman, or selected by .ft: nothing to say. */
	} else if (f->back != NULL) {
		node_pos(f->n, f->off, &line, &col);
		report(fs->c, f->back, f->backoff, R_FONT_OPEN, "\\fP goes "
		    "back to the font of the %.*s at %d:%d, not to roman, "
		    "and that font is still in effect %s; write \\fR "
		    "instead", (int)f->esclen, f->n->text + f->off, line, col,
		    where);
	} else
		report(fs->c, f->n, f->off, R_FONT_OPEN, "%.*s is still in "
		    "effect %s; add \\fR where the %stext ends",
		    (int)f->esclen, f->n->text + f->off, where,
		    font_desc(f));
	fs->cur = fs->prev = roman;
	fs->changed = 0;
}

/* \fP and \f[] go back to the previous font. */
static int
is_prev(const struct font *f)
{
	return f->len == 0 || (f->len == 1 && f->name[0] == 'P');
}

/* Select a font; going back swaps the current and previous fonts. */
static void
select_font(struct fonts *fs, const struct font *f)
{
	struct font	 t;

	if (is_prev(f)) {
		t = fs->cur;
		fs->cur = fs->prev;
		fs->prev = t;
		fs->cur.back = f->n;
		fs->cur.backoff = f->off;
	} else {
		fs->prev = fs->cur;
		fs->cur = *f;
	}
	fs->changed = 1;
}

/*
 * \fP or \f[] with no font selected before it.  On a font macro line,
 * that goes back to the font before the macro, which is what it means;
 * but in a later argument of an alternating macro it goes back to the
 * font of the argument before.
 */
static void
prev_nochange(struct fonts *fs, const struct node *n, size_t off,
    size_t len)
{
	if (n->type == N_TEXT)
		report(fs->c, n, off, R_FONT_PREV_NOCHANGE, "%.*s goes back "
		    "to a font that was never left in this paragraph; "
		    "remove it", (int)len, n->text + off);
	else if (is_fmacro(n, MF_ALTFONT) && fs->arg > 0)
		report(fs->c, n, off, R_FONT_PREV_NOCHANGE, "%.*s in an "
		    "argument of .%s goes back to the font of the argument "
		    "before it; write \\fR, or remove it", (int)len,
		    n->text + off, n->name);
	else if (!is_fmacro(n, MF_FONT | MF_ALTFONT) && n->tok != TOK_USER)
		report(fs->c, n, off, R_FONT_PREV_NOCHANGE, "%.*s on a .%s "
		    "line with no font selected before it; remove it",
		    (int)len, n->text + off, n->name);
}

/* A font escape at off in n's text. */
static void
font_escape(struct fonts *fs, const struct node *n, size_t off,
    const struct esc *e)
{
	struct font	 f;

	if (e->malformed)
		return;
	memset(&f, 0, sizeof(f));
	f.name = e->name;
	f.len = e->namelen;
	f.n = n;
	f.off = off;
	f.esclen = e->len;
	if (is_prev(&f) && !fs->changed)
		prev_nochange(fs, n, off, e->len);
	else
		select_font(fs, &f);
}

/*
 * On a control line, note where a new argument starts at byte i.  The
 * fonts of an alternating font macro start afresh in each argument.
 * Return the number of bytes that need no more attention.
 */
static size_t
arg_step(struct fonts *fs, const struct node *n, size_t i, int *quoted,
    int *inarg)
{
	char	 ch = n->text[i];

	if (*quoted) {
		if (ch != '"')
			return 0;
		if (n->text[i + 1] == '"')
			return 2;
		*quoted = 0;
		return 1;
	}
	if (ch == ' ' || ch == '\t') {
		*inarg = 0;
		return 1;
	}
	if (*inarg)
		return 0;
	*inarg = 1;
	fs->arg++;
	if (is_fmacro(n, MF_ALTFONT)) {
		fs->cur = fs->prev = roman;
		fs->changed = 0;
	}
	*quoted = ch == '"';
	return *quoted;
}

/* The escape at off is unknown; name the whole character after it. */
static void
unknown_escape(struct ctx *c, const struct node *n, size_t off)
{
	const char	*ch = n->text + off + 1;
	unsigned char	 lead = *ch;
	int		 len;

	len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	if ((size_t)len > n->len - off - 1)
		len = (int)(n->len - off - 1);
	report(c, n, off, R_ESCAPE_UNKNOWN, "unknown escape \\%.*s prints "
	    "a plain %.*s; write \\e%.*s for a backslash followed by %.*s",
	    len, ch, len, ch, len, ch, len, ch);
}

/* Scan n's text from byte off for unknown escapes and font escapes. */
static void
scan(struct fonts *fs, const struct node *n, size_t off)
{
	struct esc	 e;
	const char	*p;
	size_t		 i, skip;
	int		 quoted = 0, inarg = 0;

	fs->arg = -1;
	for (i = off; i < n->len; i += e.len) {
		e.len = 1;
		if (n->type == N_MACRO &&
		    (skip = arg_step(fs, n, i, &quoted, &inarg)) > 0) {
			e.len = skip;
			continue;
		}
		if (n->text[i] != '\\') {
			if (n->type == N_MACRO)
				continue;
			/* A text line has no arguments: on to its next escape. */
			if ((p = memchr(n->text + i, '\\', n->len - i)) == NULL)
				break;
			i = p - n->text;
		}
		esc_parse(n->text + i, n->len - i, &e);
		if (e.kind == ESC_UNKNOWN)
			unknown_escape(fs->c, n, i);
		else if (e.kind == ESC_FONT)
			font_escape(fs, n, i, &e);
		if (e.len == 0)
			e.len = 1;
	}
}

/*
 * Most lines hold no escape at all, and need no scan; the parser
 * marks most of those.
 */
static int
has_escape(const struct node *n)
{
	return !(n->flags & NF_PLAIN) &&
	    memchr(n->text, '\\', n->len) != NULL;
}

/* Offset of the arguments in a control line's text. */
static size_t
args_off(const struct node *n)
{
	size_t	 i = 1;

	while (i < n->len && (n->text[i] == ' ' || n->text[i] == '\t'))
		i++;
	return i + strlen(n->name);
}

/* Does s hold a name and a section in parentheses, as "mlock(2)"? */
static int
is_xref(const char *s)
{
	const char	*p = strchr(s, '(');

	return p != NULL && p > s && p[1] >= '1' && p[1] <= '9' &&
	    strchr(p, ')') != NULL;
}

/*
 * What a single argument of an alternating macro ends in when a space
 * was left out: "()" of a function (returns 'f'), or punctuation that
 * belongs in the other font (returns 'p').  A single word alone, as
 * ".BR EINVAL", prints as it should.
 */
static int
one_arg_end(const char *s)
{
	size_t	 len = strlen(s);

	if (len > 2 && strcmp(s + len - 2, "()") == 0)
		return 'f';
	if (len > 1 && strchr(",.;:)", s[len - 1]) != NULL &&
	    strcmp(s + len - 2, "..") != 0)
		return 'p';
	return 0;
}

/*
 * ".BR NAME" with a plain word renders as bold NAME.  Alone in a page
 * it is a slip of the pen (the patch this project started from had
 * one); a page that writes it throughout follows an old habit of the
 * whole page, which is left alone.
 */
static void
plain_one_arg(struct fonts *fs, const struct node *n)
{
	if (fs->plain == 1)
		report(fs->c, n, 0, R_ALT_FONT_ONE_ARG, ".%s with one "
		    "argument alternates with nothing; write .%c %s",
		    n->name, n->name[0] == 'R' ? n->name[1] : n->name[0],
		    n->args[0].s);
}

/* Count the single-word alternating macros of the page. */
static int
count_plain(const struct ctx *c)
{
	const struct node	*n;
	int			 i, k = 0;

	for (i = 0; i < c->fonts.n; i++)
		if ((n = c->fonts.v[i])->nargs == 1 &&
		    !(n->flags & (NF_REGION | NF_COND)) &&
		    is_fmacro(n, MF_ALTFONT) && !n->args[0].unterminated &&
		    one_arg_end(n->args[0].s) == 0 && !is_xref(n->args[0].s))
			k++;
	return k;
}

static void
one_arg(struct fonts *fs, const struct node *n)
{
	struct ctx	*c = fs->c;
	const char	*a = n->args[0].s;
	size_t		 len = n->args[0].len;
	int		 end;

	/* xref-no-space has the better message for ".BR name(2)". */
	if (is_xref(a) && c->cfg->enabled[R_XREF_NO_SPACE])
		return;
	if ((end = one_arg_end(a)) == 0 && !n->args[0].unterminated) {
		plain_one_arg(fs, n);
		return;
	}
	if (n->args[0].unterminated)
		report(c, n, 0, R_ALT_FONT_ONE_ARG, ".%s with one argument, "
		    "an unterminated quote that swallowed the others, sets "
		    "everything in one font; close the quote and split the "
		    "arguments", n->name);
	else if ((n->tok == M_BI || n->tok == M_IB) && strchr(a, ' ') != NULL)
		report(c, n, 0, R_ALT_FONT_ONE_ARG, ".%s with one argument "
		    "sets all of it in %s; split it so that the parameter "
		    "names are arguments of their own, in italic", n->name,
		    n->tok == M_BI ? "bold" : "italic");
	else if (end == 'f')
		report(c, n, 0, R_ALT_FONT_ONE_ARG, ".%s with one argument "
		    "sets the parentheses in the same font as the name; "
		    "write .%s %.*s ()", n->name, n->name, (int)len - 2, a);
	else if (n->name[0] == 'R')
		report(c, n, 0, R_ALT_FONT_ONE_ARG, ".%s with one argument "
		    "sets it all in roman; split it into arguments, as in "
		    ".%s ( name ), or write a text line", n->name, n->name);
	else
		report(c, n, 0, R_ALT_FONT_ONE_ARG, ".%s with one argument "
		    "sets \"%c\" in the font of the name; write .%s %.*s %c",
		    n->name, a[len - 1], n->name, (int)len - 1, a,
		    a[len - 1]);
}

static void
font_macro(struct fonts *fs, const struct node *n)
{
	struct ctx	*c = fs->c;
	const struct node	*next;

	if (is_fmacro(n, MF_ALTFONT) && n->nargs == 0) {
		report(c, n, 0, R_FONT_MACRO_EMPTY, ".%s without arguments "
		    "does nothing; remove it, or give it the words to set",
		    n->name);
		return;
	}
	if (is_fmacro(n, MF_ALTFONT) && n->nargs == 1) {
		one_arg(fs, n);
		return;
	}
	if (!is_fmacro(n, MF_FONT) || n->nargs > 0)
		return;
	next = node_next_real(n);
	if (next == NULL || next->type != N_TEXT)
		report(c, n, 0, R_FONT_MACRO_EMPTY, ".%s without arguments "
		    "applies to the next text line, but %s; put the words "
		    "on the .%s line", n->name, next == NULL ?
		    "the page ends" : "a control line follows", n->name);
}

static void
control_line(struct fonts *fs, const struct node *n)
{
	struct fonts	 line;
	struct font	 f;
	int		 flags;

	flags = n->tok < TOK__COUNT ? mac_table[n->tok].flags : 0;
	/* .EE goes back to the font in use at .EX. */
	if ((flags & (MF_PARA | MF_HEADING)) || n->tok == M_TH ||
	    n->tok == M_EE)
		para_end(fs, n->tok == M_SH ? "at .SH" : n->tok == M_SS ?
		    "at .SS" : n->tok == M_EE ? "at .EE" :
		    "at the next paragraph");
	else if (n->tok == R_ft) {
		memset(&f, 0, sizeof(f));
		f.name = n->nargs > 0 ? n->args[0].s : "";
		f.len = strlen(f.name);
		select_font(fs, &f);
	}
	if (flags & (MF_FONT | MF_ALTFONT))
		font_macro(fs, n);
	if (((n->tok < TOK__COUNT && !(flags & MF_REQUEST)) ||
	    n->tok == TOK_USER) && has_escape(n)) {
		memset(&line, 0, sizeof(line));
		line.c = fs->c;
		line.cur = line.prev = roman;
		scan(&line, n, args_off(n));
	}
}

/* tbl data lines hold text; their control lines do not. */
static void
table_line(struct ctx *c, const struct node *n)
{
	struct fonts	 cell;

	if (!(n->flags & NF_TBL) || n->aux != TBL_DATA ||
	    (n->flags & (NF_CLOSER | NF_COND)) || n->len == 0 ||
	    n->text[0] == '.' || n->text[0] == '\'' || !has_escape(n))
		return;
	/* tbl sets each cell apart; only unknown escapes are judged. */
	memset(&cell, 0, sizeof(cell));
	cell.c = c;
	cell.cur = cell.prev = roman;
	cell.changed = 1;
	scan(&cell, n, 0);
}

void
check_fonts(struct ctx *c)
{
	struct fonts	 fs;
	struct node	*n;
	int		 i;

	memset(&fs, 0, sizeof(fs));
	fs.c = c;
	fs.cur = fs.prev = roman;
	fs.plain = count_plain(c);
	for (i = 0; i < c->rest.n; i++)
		if ((n = c->rest.v[i])->type == N_RAW)
			table_line(c, n);
	for (i = 0; i < c->all.n; i++) {
		n = c->all.v[i];
		if (n->flags & (NF_REGION | NF_COND))
			continue;
		if (n->type == N_TEXT) {
			if (has_escape(n))
				scan(&fs, n, 0);
		}
		else if (n->type == N_BLANK && !(n->flags & NF_NOFILL))
			/* In fill mode, a blank line separates paragraphs. */
			para_end(&fs, "at the blank line");
		else if (n->type == N_MACRO)
			control_line(&fs, n);
	}
	para_end(&fs, "at the end of the page");
}
