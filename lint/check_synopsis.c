/*
 * The SYNOPSIS: fonts and spacing of C prototypes (sections 2 and 3),
 * placeholders of commands (sections 1, 6 and 8), line breaks and
 * breakable operators in filled text; and, anywhere, one C token
 * split over two arguments of an alternating font macro.
 * synopsis-param-roman, synopsis-star, synopsis-glued,
 * synopsis-func-space, synopsis-comment-bold,
 * synopsis-placeholder-caps, synopsis-break, op-breakable, alt-split.
 */
#include <ctype.h>
#include <string.h>

#include "check.h"
#include "esc.h"

/* The longest line and the most arguments a check looks at. */
#define SHOWN_MAX	1024
#define SHOWN_ARGS	64

/* Marks an escape that prints something other than a letter. */
#define SEP	'\001'

/*
 * A synopsis line as it prints: its characters with escapes resolved,
 * the font of each ('B', 'I' or 'R'), and where each argument of a
 * font macro begins.  A text line is one argument.
 */
struct shown {
	char	 text[SHOWN_MAX];
	char	 font[SHOWN_MAX];
	size_t	 start[SHOWN_ARGS + 1];
	int	 nargs;
	size_t	 len;
};

static int
is_ident_char(char ch)
{
	return asc_alnum(ch) || ch == '_';
}

static int
is_ident_start(char ch)
{
	return asc_alpha(ch) || ch == '_';
}

/* The font, 'B', 'I' or 'R', that font macro n gives argument i. */
static char
arg_font(const struct node *n, int i)
{
	switch (n->tok) {
	case M_B:
	case M_SB:
		return 'B';
	case M_I:
		return 'I';
	case M_BR:
		return i % 2 ? 'R' : 'B';
	case M_BI:
		return i % 2 ? 'I' : 'B';
	case M_IB:
		return i % 2 ? 'B' : 'I';
	case M_IR:
		return i % 2 ? 'R' : 'I';
	case M_RB:
		return i % 2 ? 'B' : 'R';
	case M_RI:
		return i % 2 ? 'I' : 'R';
	default:
		return 'R';
	}
}

/* The font a \f escape selects: 'B', 'I', 'R', 'P' for back, or 0. */
static char
esc_font(const struct esc *e)
{
	if (e->namelen == 0)
		return 'P';
	if (e->namelen != 1)
		return e->namelen == 2 && memcmp(e->name, "CW", 2) == 0 ?
		    'B' : 0;
	switch (e->name[0]) {
	case 'B':
	case '3':
		return 'B';
	case 'I':
	case '2':
		return 'I';
	case 'R':
	case '1':
		return 'R';
	case 'P':
		return 'P';
	default:
		return 0;
	}
}

/* Add one character in font f to sh. */
static void
put(struct shown *sh, char ch, char f)
{
	if (sh->len + 1 >= SHOWN_MAX)
		return;
	sh->text[sh->len] = ch;
	sh->font[sh->len++] = f;
	sh->text[sh->len] = '\0';
}

/* Add the n characters of s in font f to sh, as put() would one by one. */
static void
put_run(struct shown *sh, const char *s, size_t n, char f)
{
	size_t	 room = SHOWN_MAX - 1 - sh->len;

	if (n > room)
		n = room;
	memcpy(sh->text + sh->len, s, n);
	memset(sh->font + sh->len, f, n);
	sh->len += n;
	sh->text[sh->len] = '\0';
}

/*
 * Add the printed characters of s, which starts in font base after
 * font prev (where \fP goes back to): escapes that print a space, a
 * dash or a backslash become one, those that print nothing vanish,
 * and every other one leaves SEP.
 */
static void
put_string(struct shown *sh, const char *s, char base, char prev)
{
	struct esc	 e;
	const char	*p;
	size_t		 len = strlen(s), i = 0, k;
	char		 cur = base, f;

	while (i < len) {
		if (s[i] != '\\') {
			/* The characters up to the next escape, at once. */
			p = memchr(s + i, '\\', len - i);
			k = p != NULL ? (size_t)(p - s) : len;
			put_run(sh, s + i, k - i, cur);
			i = k;
			continue;
		}
		esc_parse(s + i, len - i, &e);
		i += e.len > 0 ? e.len : 1;
		switch (e.kind) {
		case ESC_FONT:
			if ((f = esc_font(&e)) == 'P')
				f = prev;
			else if (f == 0)
				f = 'R';
			prev = cur;
			cur = f;
			break;
		case ESC_MINUS:
			put(sh, '-', cur);
			break;
		case ESC_SPACE:
			put(sh, ' ', cur);
			break;
		case ESC_BACKSLASH:
			put(sh, '\\', cur);
			break;
		case ESC_CHAR:
			put(sh, e.len > 1 ? s[i - 1] : SEP, cur);
			break;
		case ESC_THIN:
		case ESC_ZERO:
		case ESC_NOSPACE:
		case ESC_COMMENT:
			break;
		default:
			put(sh, SEP, cur);
			break;
		}
	}
}

/*
 * How n prints.  .B and .I join their arguments with spaces; the
 * alternating macros join them with nothing.  A macro selects the
 * font of each argument in turn, so \fP goes back to the font of the
 * argument before, or to roman.
 */
static void
show(const struct node *n, struct shown *sh)
{
	int	 i, single = has_flag(n, MF_FONT);

	sh->len = 0;
	sh->text[0] = '\0';
	if (n->type == N_TEXT) {
		sh->nargs = 1;
		sh->start[0] = 0;
		put_string(sh, n->text, 'R', 'R');
		sh->start[1] = sh->len;
		return;
	}
	for (i = 0; i < n->nargs && i < SHOWN_ARGS; i++) {
		if (i > 0 && single)
			put(sh, ' ', arg_font(n, i));
		sh->start[i] = sh->len;
		put_string(sh, n->args[i].s, arg_font(n, i),
		    i > 0 && !single ? arg_font(n, i - 1) : 'R');
	}
	sh->nargs = i;
	sh->start[i] = sh->len;
}

/*
 * The argument that holds byte o of the shown line, for report_arg().
 * A text line has no arguments; n->nargs makes report_arg() point at
 * the start of the line.
 */
static int
arg_at(const struct node *n, const struct shown *sh, size_t o)
{
	int	 i;

	if (n->type == N_TEXT)
		return n->nargs;
	for (i = 0; i + 1 < sh->nargs && sh->start[i + 1] <= o; i++)
		continue;
	return i;
}

/* Copy argument i of the shown line into buf. */
static void
arg_text(const struct shown *sh, int i, char *buf, size_t bufsz)
{
	size_t	 len = sh->start[i + 1] - sh->start[i];

	if (len >= bufsz)
		len = bufsz - 1;
	memcpy(buf, sh->text + sh->start[i], len);
	buf[len] = '\0';
}

/* Length of the C identifier at the start of s, or 0. */
static int
ident_len(const char *s)
{
	int	 len = 0;

	if (!is_ident_start(*s))
		return 0;
	while (is_ident_char(s[len]))
		len++;
	return len;
}

/* Is s a bare C identifier? */
static int
is_ident(const char *s)
{
	int	 len = ident_len(s);

	return len > 0 && s[len] == '\0';
}

/*
 * Does bold text t end where a parameter name should follow: after an
 * asterisk, an opening parenthesis, a comma and a space, or a word and
 * a space (a type)?
 */
static int
before_param(const char *t)
{
	size_t	 len = strlen(t);

	if (len == 0)
		return 0;
	if (t[len - 1] == '*' || t[len - 1] == '(')
		return 1;
	if (t[len - 1] != ' ')
		return 0;
	while (len > 0 && t[len - 1] == ' ')
		len--;
	return len > 0 && (t[len - 1] == ',' || is_ident_char(t[len - 1]));
}

/*
 * .BR "int foo(char *" name );  The roman argument after the type is a
 * parameter name, which is italic: that is .BI.
 */
static void
check_param_roman(struct ctx *c, const struct node *n,
    const struct shown *sh)
{
	char	 b[SHOWN_MAX], r[SHOWN_MAX];
	int	 i;

	for (i = 0; i + 1 < sh->nargs; i++) {
		if (arg_font(n, i) != 'B' || arg_font(n, i + 1) != 'R')
			continue;
		arg_text(sh, i, b, sizeof(b));
		arg_text(sh, i + 1, r, sizeof(r));
		if (!is_ident(r) || sh->font[sh->start[i + 1]] != 'R' ||
		    !before_param(b))
			continue;
		report_arg(c, n, i + 1, R_SYN_PARAM_ROMAN,
		    "parameter \"%s\" is set in roman; parameter names are "
		    "italic: use .BI instead of .%s", r, n->name);
		return;
	}
}

/*
 * Between the bold type and the italic name of a parameter: the
 * asterisk belongs to the type, with no space after it, and the type
 * must end in a space or an asterisk so the two do not run together.
 */
static void
check_param_join(struct ctx *c, const struct node *n,
    const struct shown *sh)
{
	char	 b[SHOWN_MAX], it[SHOWN_MAX];
	size_t	 len, stars;
	int	 i, k;

	for (i = 0; i + 1 < sh->nargs; i++) {
		if (arg_font(n, i) != 'B' || arg_font(n, i + 1) != 'I')
			continue;
		arg_text(sh, i, b, sizeof(b));
		arg_text(sh, i + 1, it, sizeof(it));
		if ((len = strlen(b)) == 0 || it[0] == '\0' ||
		    sh->font[sh->start[i + 1] - 1] != 'B' ||
		    sh->font[sh->start[i + 1]] != 'I')
			continue;
		stars = strspn(it, "*");
		if (stars > 0 && (k = ident_len(it + stars)) > 0) {
			report_arg(c, n, i + 1, R_SYN_STAR, "\"*\" is set in "
			    "italic with the parameter \"%.*s\"; end the bold "
			    "type with it: \"...*\" %.*s", (int)stars + k, it,
			    k, it + stars);
			return;
		}
		if ((k = ident_len(it)) == 0)
			continue;
		if (is_ident_char(b[len - 1])) {
			report_arg(c, n, i + 1, R_SYN_GLUED, "the type and "
			    "the parameter \"%.*s\" print as one word; end "
			    "the bold argument with a space", k, it);
			return;
		}
		while (len > 0 && b[len - 1] == ' ')
			len--;
		if (len > 0 && b[len - 1] == '*' && b[len] == ' ' &&
		    (len == 1 || b[len - 2] != '/')) {
			report_arg(c, n, i, R_SYN_STAR, "space between \"*\" "
			    "and the parameter \"%.*s\"; write \"...*\" %.*s",
			    k, it, k, it);
			return;
		}
	}
}

/* Words that may stand before a parenthesis with a space. */
static int
is_keyword(const char *s, size_t len)
{
	static const char *const words[] = {
		"sizeof", "return", "if", "while", "for", "switch",
		"typeof", "__typeof__", "alignof", "_Alignof", "alignas",
		"_Alignas", "__attribute__", "__attribute", "asm",
		"__asm__", "_Generic", "_Static_assert", "static_assert",
		"_Atomic", "void", "char", "short", "int", "long",
		"unsigned", "signed", "float", "double", "const",
		"volatile", "restrict", "struct", "union", "enum", NULL
	};

	return is_listed(words, s, len);
}

/* Where the line's code ends: at a comment, or at its end. */
static size_t
code_len(const struct shown *sh)
{
	const char	*p = strstr(sh->text, "/*");

	return p != NULL ? (size_t)(p - sh->text) : sh->len;
}

/*
 * "int foo (int x)": a function name and its parenthesis are written
 * together in C.  A space before "(*" is a pointer declarator, and
 * preprocessor lines and comments are left alone.
 */
static void
check_func_space(struct ctx *c, const struct node *n,
    const struct shown *sh)
{
	const char	*t = sh->text;
	size_t		 o, w, e, end = code_len(sh);

	if (t[strspn(t, " ")] == '#')
		return;
	for (o = 0; o < end; o++) {
		if (!is_ident_start(t[o]) || (o > 0 && is_ident_char(t[o - 1])))
			continue;
		for (w = o; o < end && is_ident_char(t[o]); o++)
			continue;
		e = o;
		if (sh->font[w] != 'B' || o == end || t[o] != ' ')
			continue;
		while (o + 1 < end && t[o + 1] == ' ')
			o++;
		/* The list of keywords last: few words come to it. */
		if (t[o + 1] != '(' || t[o + 2] == '*' || t[o + 2] == '^' ||
		    is_keyword(t + w, e - w))
			continue;
		report_arg(c, n, arg_at(n, sh, w), R_SYN_FUNC_SPACE,
		    "space between \"%.*s\" and its parenthesis; write "
		    "%.*s(", (int)(e - w), t + w, (int)(e - w), t + w);
		return;
	}
}

/*
 * A comment after a declaration or on a preprocessor line, set in
 * bold.  Comments are roman so that they stand apart from the code.
 * A comment that stands for code left out, as in "... /\* arg *\/);",
 * is part of the prototype and stays bold.
 */
static void
check_comment_bold(struct ctx *c, const struct node *n,
    const struct shown *sh)
{
	const char	*t = sh->text, *p;
	size_t		 o, k;

	for (p = t; (p = strstr(p, "/*")) != NULL; p += 2) {
		o = p - t;
		for (k = o; k > 0 && t[k - 1] == ' '; k--)
			continue;
		if (sh->font[o] != 'B' || (t[strspn(t, " ")] != '#' &&
		    (k == 0 || t[k - 1] != ';')))
			continue;
		if (t[strspn(t, " ")] == '#')
			report_arg(c, n, arg_at(n, sh, o), R_SYN_COMMENT_BOLD,
			    "comment set in bold; comments in a synopsis are "
			    "roman: write .BR \"%.*s\" \"  /* ... */\"",
			    (int)k, t);
		else
			report_arg(c, n, arg_at(n, sh, o), R_SYN_COMMENT_BOLD,
			    "comment set in bold; comments in a synopsis are "
			    "roman: end the bold argument before \"/*\" and "
			    "start the comment with \\fR");
		return;
	}
}

/* Is the character at o of the shown line part of a capitals word? */
static int
is_caps_char(const struct shown *sh, size_t o)
{
	char	 ch = sh->text[o];

	return sh->font[o] != 'B' && (asc_upper(ch) ||
	    asc_digit(ch) || ch == '_' || ch == '-');
}

/*
 * Two lowercase words in a row, outside bold, make the line prose
 * that happens to stand in the SYNOPSIS, not a usage line.
 */
static int
is_prose(const struct shown *sh)
{
	const char	*t = sh->text;
	size_t		 o, w, words = 0;

	for (o = 0; o < sh->len; o++) {
		if (sh->font[o] == 'B' || !asc_lower(t[o]) ||
		    (o > 0 && !asc_space(t[o - 1]))) {
			words = 0;
			continue;
		}
		for (w = o; o < sh->len && asc_lower(t[o]) &&
		    sh->font[o] != 'B'; o++)
			continue;
		if (o - w < 2 || (o < sh->len && t[o] != ' ')) {
			words = 0;
			continue;
		}
		if (++words == 2)
			return 1;
	}
	return 0;
}

/*
 * A placeholder of a command written in capitals, FILE or [OPTION]:
 * a word of three or more capitals outside bold, not an assignment
 * (NAME=value) or a call.
 */
static void
check_placeholders(struct ctx *c, const struct node *n,
    const struct shown *sh)
{
	const char	*t = sh->text;
	char		 low[SHOWN_MAX];
	size_t		 o, w, caps, k;

	if (is_prose(sh))
		return;
	for (o = 0; o < sh->len; o++) {
		if (!asc_upper(t[o]) || sh->font[o] == 'B' ||
		    (o > 0 && (is_ident_char(t[o - 1]) || t[o - 1] == '-' ||
		    t[o - 1] == '=' || t[o - 1] == '$')))
			continue;
		caps = 0;
		for (w = o; o < sh->len && is_caps_char(sh, o); o++)
			caps += asc_upper(t[o]) != 0;
		if (caps < 3 || asc_alnum(t[o]) ||
		    t[o] == '=' || t[o] == '(')
			continue;
		for (k = 0; k < o - w; k++)
			low[k] = tolower((unsigned char)t[w + k]);
		report_arg(c, n, arg_at(n, sh, w), R_SYN_PLACEHOLDER_CAPS,
		    "placeholder \"%.*s\" in capitals; write what the user "
		    "supplies in lowercase italic, as \\fI%.*s\\fP",
		    (int)(o - w), t + w, (int)(o - w), low);
		return;
	}
}

/* Does the text line n start with the word "or"? */
static int
starts_or(const struct node *n)
{
	return n != NULL && n->type == N_TEXT &&
	    strncmp(n->text, "or", 2) == 0 &&
	    !asc_alnum(n->text[2]);
}

/*
 * .br in a filled SYNOPSIS, where it does the job of no-fill mode
 * line by line.  A .br before "or" parts two alternatives of the
 * feature test macro requirements, as a list would.  Next to .nf,
 * .fi and paragraph macros a .br does nothing, which br-nofill and
 * break-beside-para report.
 */
static void
check_break(struct ctx *c, const struct node *n)
{
	const struct node	*p = node_prev_real(n), *x = node_next_real(n);

	if (n->nargs > 0 || starts_or(x) || is_tok(p, R_fi) ||
	    is_tok(p, M_EE) || is_tok(p, R_TE) || is_tok(x, R_nf) ||
	    is_tok(x, M_EX) || is_tok(x, R_TS) ||
	    has_flag(x, MF_PARA | MF_HEADING) ||
	    has_flag(p, MF_PARA | MF_HEADING))
		return;
	report(c, n, 0, R_SYN_BREAK, ".br in a filled SYNOPSIS; set the "
	    "synopsis in no-fill mode (.nf ... .fi) and drop the .br");
}

/* Length of a comparison or logical operator at s, or 0. */
static size_t
op_len(const char *s)
{
	if ((s[0] == '>' || s[0] == '<' || s[0] == '=' || s[0] == '!') &&
	    s[1] == '=')
		return 2;
	if (s[0] == '&' && s[1] == '&')
		return 2;
	if (s[0] == '<' || s[0] == '>')
		return 1;
	return 0;
}

/* The space that ends before byte i of s: 0 none, 1 plain, 2 "\ ". */
static int
space_before(const char *s, size_t i)
{
	if (i < 1 || s[i - 1] != ' ')
		return 0;
	return i >= 2 && s[i - 2] == '\\' ? 2 : 1;
}

/* The space that starts at s: 0 none, 1 plain, 2 "\ ". */
static int
space_at(const char *s)
{
	if (s[0] == ' ')
		return 1;
	return s[0] == '\\' && s[1] == ' ' ? 2 : 0;
}

/* Is ch one of the characters of a comparison operator? */
static int
is_cmp_char(char ch)
{
	return ch == '<' || ch == '>' || ch == '=' || ch == '!';
}

/*
 * Is the operand that ends before byte i of s compared with something
 * before it, as 500 is in "_XOPEN_SOURCE >= 500"?
 */
static int
compared_before(const char *s, size_t i)
{
	while (i > 0 && is_ident_char(s[i - 1]))
		i--;
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\\'))
		i--;
	return i > 0 && is_cmp_char(s[i - 1]);
}

/* Is the operand that starts at s compared with something after it? */
static int
compared_after(const char *s)
{
	while (is_ident_char(*s))
		s++;
	while (*s == ' ' || *s == '\\')
		s++;
	return is_cmp_char(*s);
}

/*
 * "_XOPEN_SOURCE >= 500" in filled text may break at either space.
 * Report each operator between two names or numbers that has a plain
 * space on at least one side.  An operator next to a parenthesis, or
 * an "&&" between comparisons, joins groups, and a break there reads
 * well.
 */
static void
check_ops(struct ctx *c, const struct node *n)
{
	const char	*s = n->text;
	size_t		 i, k;
	int		 l, r;

	for (i = 0; i < n->len; i += k > 0 ? k : 1) {
		if ((k = op_len(s + i)) == 0 || op_len(s + i + k) != 0)
			continue;
		l = space_before(s, i);
		r = space_at(s + i + k);
		if (l == 0 || r == 0 || (l == 2 && r == 2) ||
		    i < (size_t)l + 1 || !is_ident_char(s[i - l - 1]) ||
		    !is_ident_char(s[i + k + r]))
			continue;
		if (s[i] == '&' && (compared_before(s, i - l) ||
		    compared_after(s + i + k + r)))
			continue;
		report(c, n, i, R_OP_BREAKABLE, "\"%.*s\" between breakable "
		    "spaces lets the line break inside the expression; "
		    "write the spaces around it as \"\\ \"", (int)k, s + i);
	}
}

/* Opening parentheses in s less closing ones. */
static int
paren_depth(const char *s)
{
	int	 d = 0;

	for (; *s != '\0'; s++)
		d += (*s == '(') - (*s == ')');
	return d;
}

/* Does s hold a call, a name and "(", that it does not close? */
static int
opens_call(const char *s)
{
	const char	*p;

	/* Most arguments hold no parenthesis to count. */
	if (strchr(s, '(') == NULL || paren_depth(s) <= 0)
		return 0;
	for (p = s + 1; (p = strchr(p, '(')) != NULL; p++)
		if (is_ident_char(p[-1]))
			return 1;
	return 0;
}

/*
 * One C token in two arguments of an alternating macro, so that its
 * halves come out in two fonts: "#include" alone before the header
 * name, or an unquoted "sizeof(unsigned" before "short)".
 */
static void
check_split(struct ctx *c, const struct node *n)
{
	const char	*a, *b;
	int		 i;

	for (i = 0; i + 1 < n->nargs; i++) {
		a = n->args[i].s;
		b = n->args[i + 1].s;
		if (a[0] == '#' && (strcmp(a, "#include") == 0 ||
		    strcmp(a, "#define") == 0)) {
			report_arg(c, n, i, R_ALT_SPLIT, "\"%s\" and \"%s\" "
			    "are set in different fonts; quote the whole "
			    "line as one argument: \"%s %s\"", a, b, a, b);
			return;
		}
		if (!n->args[i].quoted && opens_call(a) &&
		    is_ident_start(*b) && paren_depth(b) < 0) {
			report_arg(c, n, i, R_ALT_SPLIT, "the expression "
			    "\"%s %s\" is split over two arguments in "
			    "different fonts; quote it as one argument",
			    a, b);
			return;
		}
	}
}

static int
is_alt_macro(const struct node *n)
{
	return has_flag(n, MF_ALTFONT);
}

static int
is_font_macro(const struct node *n)
{
	return has_flag(n, MF_FONT | MF_ALTFONT);
}

/* The checks of one line of the SYNOPSIS. */
static void
synopsis_line(struct ctx *c, const struct node *n, int proto, int command)
{
	struct shown	 sh;

	if (is_tok(n, R_br) && !(n->flags & NF_NOFILL))
		check_break(c, n);
	if (n->type == N_TEXT && !(n->flags & NF_NOFILL))
		check_ops(c, n);
	if (n->type != N_TEXT && (!is_font_macro(n) || n->nargs == 0))
		return;
	show(n, &sh);
	check_comment_bold(c, n, &sh);
	if (command)
		check_placeholders(c, n, &sh);
	if (!proto || n->type == N_TEXT)
		return;
	if (n->tok == M_BR || n->tok == M_RB)
		check_param_roman(c, n, &sh);
	if (n->tok == M_BI || n->tok == M_IB)
		check_param_join(c, n, &sh);
	check_func_space(c, n, &sh);
}

static int
in_synopsis(const struct node *n)
{
	return n->sh != NULL && n->sh->sec == SEC_SYNOPSIS;
}

void
check_synopsis(struct ctx *c)
{
	const struct node	*n, *x;
	const char		*sec = c->section != NULL ? c->section : "";
	int			 i, proto, command;

	proto = sec[0] == '2' || sec[0] == '3';
	command = sec[0] == '1' || sec[0] == '6' || sec[0] == '8';
	for (i = 0; i < c->fonts.n; i++) {
		n = c->fonts.v[i];
		if (!(n->flags & (NF_REGION | NF_COND)) && is_alt_macro(n))
			check_split(c, n);
	}
	for (i = 0; i < c->heads.n; i++) {
		if (!starts_run(n = c->heads.v[i], SEC_SYNOPSIS))
			continue;
		for (x = n; x != NULL && in_synopsis(x); x = x->lnext)
			if ((x->type == N_MACRO || x->type == N_TEXT) &&
			    !(x->flags & (NF_REGION | NF_COND)))
				synopsis_line(c, x, proto, command);
	}
}
