/*
 * The arguments of the font macros against the fonts they get:
 * font-extra-arg, font-arg-space, font-phrase, alt-swapped, alt-prose,
 * alt-paren-glued, alt-comma-glued, quote-stray, const-italic,
 * path-bold, func-italic, font-mixed, word-font.
 *
 * A first pass over the page counts how it sets each name (bold or
 * italic) and which names are parameters in its SYNOPSIS, so that the
 * rules comparing a use with the page's habit stay linear.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "esc.h"
#include "util.h"

#define NBUCKETS	256

/* How often the page sets one name in bold and in italic. */
struct use {
	struct use	*next;
	char		*name;
	size_t		 len;
	int		 bold, italic;
	int		 func_bold;	/* in bold before "()" or a section */
	int		 func_italic;	/* in italic before "()" */
	int		 called;	/* before "()" anywhere */
	int		 param;		/* an italic parameter in SYNOPSIS */
};

/*
 * The names of the page, and the entry each argument of a font macro
 * line outside the SYNOPSIS was counted for, in the order of the
 * lines: the second walk over them finds its entries there.
 */
struct uses {
	struct use	*bucket[NBUCKETS];
	struct use	**at;
	size_t		 nat;
	size_t		 capat;
	int		 consts;	/* the page's constants are C's */
	int		 cmds;		/* the page documents commands */
};

static int
is_font_macro(const struct node *n)
{
	return n->type == N_MACRO && n->tok < TOK__COUNT &&
	    (mac_table[n->tok].flags & (MF_FONT | MF_ALTFONT)) != 0;
}

static int
is_alt(const struct node *n)
{
	return (mac_table[n->tok].flags & MF_ALTFONT) != 0;
}

static int
in_sec(const struct node *n, enum sec s)
{
	return n->sh != NULL && n->sh->sec == s;
}

/*
 * The font of argument i: 'B', 'I' or 'R'.  The alternating macros
 * are named after their two fonts.
 */
static int
arg_font(const struct node *n, int i)
{
	if (is_alt(n))
		return n->name[i % 2];
	return n->tok == M_I ? 'I' : n->tok == M_B || n->tok == M_SB ?
	    'B' : 'R';
}

static const char *
font_word(int f)
{
	return f == 'B' ? "bold" : f == 'I' ? "italic" : "roman";
}

static int
is_punct_char(char ch)
{
	switch (ch) {
	case '(':
	case ')':
	case '[':
	case ']':
	case ',':
	case '.':
	case ';':
	case ':':
	case '!':
	case '?':
		return 1;
	default:
		return 0;
	}
}

/*
 * Is s punctuation only ("," or "()" or ").")?  Escapes that print
 * nothing may stand beside it.  An ellipsis stands for something left
 * out and is not counted.
 */
static int
punct_only(const char *s)
{
	int	 dots = 0, seen = 0;

	for (; *s != '\0'; s++) {
		if (s[0] == '\\' && (s[1] == '&' || s[1] == '|' ||
		    s[1] == '^')) {
			s++;
			dots = 0;
			continue;
		}
		if (!is_punct_char(*s))
			return 0;
		dots = *s == '.' ? dots + 1 : 0;
		if (dots == 3)
			return 0;
		seen = 1;
	}
	return seen;
}

/*
 * punct_only(), asked inline of the first byte: most arguments start
 * with a letter or a digit and are answered without a call.
 */
static inline int
is_punct(const char *s)
{
	return (s[0] == '\\' || is_punct_char(s[0])) && punct_only(s);
}

/*
 * Punctuation that ends what comes before it: "()" of a function, or
 * ',' '.' ';' ':' '!' '?' ')'.  "[]" may be part of a type.
 */
static int
is_trailer(const char *s)
{
	if (strcmp(s, "()") == 0)
		return 1;
	return s[0] != '\0' && strstr(s, "..") == NULL &&
	    strspn(s, ",.;:!?)") == strlen(s);
}

/* A section reference, "(2)" or "(3p)", maybe with punctuation. */
static int
is_section(const char *s)
{
	size_t	 i;

	if (s[0] != '(' || s[1] < '1' || s[1] > '9')
		return 0;
	for (i = 2; asc_alnum(s[i]); i++)
		continue;
	return s[i] == ')';
}

static int
is_ident_char(char ch)
{
	return asc_alnum(ch) || ch == '_';
}

/* Is s a lower-case word, maybe with a comma or period after it? */
static int
is_lower_word(const char *s)
{
	size_t	 i;

	for (i = 0; asc_lower(s[i]); i++)
		continue;
	if (i == 0)
		return 0;
	if (s[i] != '\0' && strchr(",.;", s[i]) != NULL)
		i++;
	return s[i] == '\0';
}

/* Does the page's section start with one of the digits in set? */
static int
page_section(const struct ctx *c, const char *set)
{
	return c->section != NULL && c->section[0] != '\0' &&
	    strchr(set, c->section[0]) != NULL;
}

/* Punctuation that may follow a word: ".,;:". */
static int
is_mark(char ch)
{
	return ch == '.' || ch == ',' || ch == ';' || ch == ':';
}

/* --- the names of the page --- */

static unsigned int
hash(const char *s, size_t len)
{
	unsigned int	 h = 2166136261u;
	size_t		 i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h % NBUCKETS;
}

static struct use *
use_find(struct ctx *c, struct uses *u, const char *s, size_t len,
    int add)
{
	struct use	*e;
	unsigned int	 h = hash(s, len);

	for (e = u->bucket[h]; e != NULL; e = e->next)
		if (e->len == len && memcmp(e->name, s, len) == 0)
			return e;
	if (!add)
		return NULL;
	e = arena_alloc(&c->pg->arena, sizeof(*e));
	e->name = arena_strndup(&c->pg->arena, s, len);
	e->len = len;
	e->next = u->bucket[h];
	u->bucket[h] = e;
	return e;
}

/*
 * The name an argument stands for when the page's habit is counted:
 * an identifier with an underscore, a digit or a member access
 * (futex_op, buf.offset, p->len), punctuation after it cut off.  A
 * plain word may name two things, a JSON key and a placeholder, and
 * is not counted.  Returns its length, or 0.
 */
static size_t
use_key(const struct arg *a)
{
	const char	*s = a->s;
	size_t		 i, len;
	int		 marked = 0;

	if (!(asc_alpha(s[0]) || s[0] == '_'))
		return 0;
	/*
	 * A parenthesis is not cut off, so one anywhere leaves the word
	 * out: it is part of an expression or a call ("x)" has its "("
	 * elsewhere).
	 */
	len = a->len;
	while (len > 0 && is_mark(s[len - 1]))
		len--;
	if (len < 3)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '_' || s[i] == '.' ||
		    asc_digit(s[i]) ||
		    (s[i] == '-' && s[i + 1] == '>'))
			marked = 1;
		else if (!asc_alpha(s[i]) && s[i] != '>')
			return 0;
	}
	return marked ? len : 0;
}

/* The length of s when it is one C identifier, else 0. */
static size_t
ident_len(const char *s)
{
	size_t	 k;

	for (k = 0; is_ident_char(s[k]); k++)
		continue;
	return s[k] == '\0' ? k : 0;
}

/*
 * Is argument i followed by "()" or a section, making it a function
 * or a reference rather than a name of the page's own?
 */
static int
before_call(const struct node *n, int i)
{
	return i + 1 < n->nargs && ((n->args[i + 1].s[0] == '(' &&
	    n->args[i + 1].s[1] == ')') || is_section(n->args[i + 1].s));
}

/* Is n the tag of a .TP item, which has typography of its own? */
static int
is_tag(const struct node *n)
{
	const struct node	*p = node_prev_real(n);

	return p != NULL && p->type == N_MACRO &&
	    (p->tok == M_TP || p->tok == M_TQ);
}

/*
 * Does the line set names one by one?  Several arguments of .B or .I
 * are a phrase, an expression or a title, and tags, SEE ALSO and NAME
 * follow conventions of their own.
 */
static int
sets_names(const struct node *n)
{
	return !in_sec(n, SEC_SEE_ALSO) && !in_sec(n, SEC_NAME) &&
	    !in_sec(n, SEC_SYNOPSIS) && !is_tag(n) &&
	    !((n->tok == M_B || n->tok == M_I) && n->nargs > 1);
}

/* Parameters: the italic arguments of .BI and .IB in SYNOPSIS. */
static void
count_param(struct ctx *c, struct uses *u, const struct node *n)
{
	const char	*s;
	size_t		 k;
	int		 i;

	if (n->tok != M_BI && n->tok != M_IB)
		return;
	for (i = 0; i < n->nargs; i++) {
		if (arg_font(n, i) != 'I')
			continue;
		for (s = n->args[i].s; *s == '*'; s++)
			continue;
		for (k = 0; is_ident_char(s[k]); k++)
			continue;
		if (k > 0)
			use_find(c, u, s, k, 1)->param = 1;
	}
}

/* A function or a reference: the name before "()" or "(2)". */
static void
count_call(struct ctx *c, struct uses *u, const struct node *n, int i)
{
	struct use	*e;
	size_t		 k;
	int		 f = arg_font(n, i), call;

	call = strncmp(n->args[i + 1].s, "()", 2) == 0;
	if ((k = ident_len(n->args[i].s)) == 0)
		return;
	e = use_find(c, u, n->args[i].s, k, 1);
	e->called |= call;
	if (f == 'B')
		e->func_bold++;
	else if (call && f == 'I')
		e->func_italic++;
}

static void
count_uses(struct ctx *c, struct uses *u, const struct node *n)
{
	struct use	*e;
	size_t		 k;
	int		 i, f, names = sets_names(n);

	while (u->nat + n->nargs > u->capat) {
		u->capat = u->capat ? u->capat * 2 : 256;
		u->at = xreallocarray(u->at, u->capat, sizeof(*u->at));
	}
	for (i = 0; i < n->nargs; i++) {
		u->at[u->nat + i] = NULL;
		if ((f = arg_font(n, i)) == 'R')
			continue;
		if (before_call(n, i))
			count_call(c, u, n, i);
		else if (names && (k = use_key(&n->args[i])) > 0) {
			e = use_find(c, u, n->args[i].s, k, 1);
			if (f == 'B')
				e->bold++;
			else
				e->italic++;
			u->at[u->nat + i] = e;
		}
	}
	u->nat += n->nargs;
}

/* Is n, a line of c->fonts (font macros only), one to judge? */
static int
is_checked(const struct node *n)
{
	/* Examples may show markup as it appears elsewhere. */
	return n->nargs > 0 &&
	    (n->flags & (NF_REGION | NF_COND | NF_EX)) == 0;
}

static void
collect(struct ctx *c, struct uses *u)
{
	const struct node	*n;
	int			 i;

	for (i = 0; i < c->fonts.n; i++) {
		n = c->fonts.v[i];
		if (!is_checked(n))
			continue;
		if (in_sec(n, SEC_SYNOPSIS))
			count_param(c, u, n);
		else
			count_uses(c, u, n);
	}
}

/* --- .B and .I with more than one argument --- */

/*
 * A C name or a path: the kind of word that .B or .I sets alone, so
 * that words after it on the line are running text.  Words in
 * capitals without an underscore may start a title ("IUCV protocol
 * overview") and are left alone.
 */
static int
is_name_like(const char *s)
{
	return strchr(s, '_') != NULL || s[0] == '/';
}

static void
single_font(struct ctx *c, const struct node *n)
{
	const char	*a, *prev, *q;
	int		 i, words = 0;
	char		 f = n->name[0];

	for (i = 1; i < n->nargs; i++) {
		a = n->args[i].s;
		prev = n->args[i - 1].s;
		if (is_trailer(a)) {
			/* Functions are bold, whatever the font here. */
			q = strchr(prev, ' ') != NULL ? "\"" : "";
			report_arg(c, n, i, R_FONT_EXTRA_ARG, ".%s sets \"%s\" "
			    "in %s after a space; write .%s %s%s%s %s",
			    n->name, a, font_word(f), strcmp(a, "()") == 0 ||
			    f == 'B' ? "BR" : "IR", q, prev, q, a);
			return;
		}
		if (n->args[i].quoted && (a[0] == ' ' || a[0] == '\t')) {
			report_arg(c, n, i, R_FONT_ARG_SPACE, ".%s sets "
			    "\"%s\" in %s too; to set it in roman, write .%cR",
			    n->name, a, font_word(f), f);
			return;
		}
		if (!n->args[i].quoted && is_lower_word(a))
			words++;
	}
	if (words >= 2 && !n->args[0].quoted && is_name_like(n->args[0].s))
		report_arg(c, n, 1, R_FONT_PHRASE, "the words after \"%s\" "
		    "are set in %s too; end the .%s line after it and "
		    "continue on a text line", n->args[0].s, font_word(f),
		    n->name);
}

/* --- alternating macros --- */

static int
has_alpha(const char *s)
{
	for (; *s != '\0'; s++)
		if (asc_alpha(*s))
			return 1;
	return 0;
}

/*
 * Only brackets and punctuation in bold or italic, and a word in
 * roman.  Dots alone may be the names "." and "..", and "\&." a
 * decimal point shown in bold, so a bracket must be among them.
 */
static void
swapped(struct ctx *c, const struct node *n)
{
	const char	*a;
	int		 i, styled = 0, word = 0;

	if (n->tok == M_BI || n->tok == M_IB)
		return;
	for (i = 0; i < n->nargs; i++) {
		a = n->args[i].s;
		if (arg_font(n, i) == 'R')
			word |= has_alpha(a);
		else if (!is_punct(a))
			return;
		else if (strpbrk(a, "()[]") != NULL)
			styled = 1;
	}
	if (styled && word)
		report(c, n, 0, R_ALT_SWAPPED, ".%s sets only the punctuation "
		    "in %s and the words in roman; write .%c%c", n->name,
		    font_word(n->name[0] == 'R' ? n->name[1] : n->name[0]),
		    n->name[1], n->name[0]);
}

/* Up to four bytes as one number, the first the lowest. */
#define W4(a, b, c, d)	((uint32_t)(a) | (uint32_t)(b) << 8 | \
			    (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

static int
is_function_word(const struct arg *a)
{
	size_t		 len = a->len, i;
	uint32_t	 w = 0;

	while (len > 0 && is_mark(a->s[len - 1]))
		len--;
	/* None is longer than four letters; most arguments are. */
	if (len == 0 || len > 4)
		return 0;
	for (i = 0; i < len; i++)
		w |= (uint32_t)(unsigned char)a->s[i] << 8 * i;
	switch (w) {
	case W4('a', 'n', 'd', 0): case W4('a', 'r', 'e', 0):
	case W4('a', 's', 0, 0): case W4('b', 'e', 0, 0):
	case W4('b', 'y', 0, 0): case W4('f', 'o', 'r', 0):
	case W4('i', 'f', 0, 0): case W4('i', 'n', 0, 0):
	case W4('i', 's', 0, 0): case W4('n', 'o', 't', 0):
	case W4('o', 'f', 0, 0): case W4('o', 'n', 0, 0):
	case W4('o', 'r', 0, 0): case W4('s', 'e', 'e', 0):
	case W4('t', 'h', 'a', 't'): case W4('t', 'h', 'e', 0):
	case W4('T', 'h', 'e', 0): case W4('t', 'o', 0, 0):
	case W4('w', 'a', 's', 0): case W4('w', 'i', 't', 'h'):
		return 1;
	default:
		return 0;
	}
}

/* Running text given as arguments: ".BR crypt_r () is a GNU extension." */
static int
prose(struct ctx *c, const struct node *n)
{
	const char	*prev, *next;
	int		 i;

	if (n->tok == M_BI || n->tok == M_IB || in_sec(n, SEC_SYNOPSIS))
		return 0;
	for (i = 1; i < n->nargs; i++) {
		prev = n->args[i - 1].s;
		next = i + 1 < n->nargs ? n->args[i + 1].s : NULL;
		if (n->args[i].quoted || !is_function_word(&n->args[i]))
			continue;
		/*
		 * Spaces around it in the arguments beside it:
		 * ".IR "/etc/hosts " and " /etc/resolv.conf"" is right.
		 */
		if (prev[0] != '\0' && prev[strlen(prev) - 1] == ' ' &&
		    (next == NULL || next[0] == ' '))
			continue;
		/*
		 * "bitwise- or" breaks a word on purpose, ".RB ( in )"
		 * names the request "in", and a last word in italic,
		 * ".RI ( not", is emphasis.
		 */
		if ((prev[0] != '\0' && prev[strlen(prev) - 1] == '-') ||
		    (strcmp(prev, "(") == 0 && next != NULL &&
		    next[0] == ')') ||
		    (next == NULL && arg_font(n, i) == 'I'))
			continue;
		report_arg(c, n, i, R_ALT_PROSE, "\"%s\" is an argument of "
		    ".%s, set in %s with no space around it; end the macro "
		    "line before it and continue on a text line",
		    n->args[i].s, n->name, font_word(arg_font(n, i)));
		return 1;
	}
	return 0;
}

/*
 * "(since Linux 2.6)" glued to the name before it: an argument that
 * opens a parenthesis on a word and is more than a call's arguments.
 */
static void
paren_glued(struct ctx *c, const struct node *n)
{
	const char	*a, *prev;
	int		 i;

	/* In a prototype the parenthesis after a name is C's. */
	if (n->tok == M_BI || n->tok == M_IB || in_sec(n, SEC_SYNOPSIS))
		return;
	for (i = 1; i < n->nargs; i++) {
		a = n->args[i].s;
		prev = n->args[i - 1].s;
		if (a[0] != '(' || !asc_alpha(a[1]) ||
		    (strchr(a, ' ') == NULL && strchr(a, ')') != NULL) ||
		    prev[0] == '\0' || !is_ident_char(prev[strlen(prev) - 1]))
			continue;
		report_arg(c, n, i, R_ALT_PAREN_GLUED, "\"%s\" is printed "
		    "right after \"%s\" with no space; start the argument "
		    "with a space, or put it on the next line", a, prev);
		return;
	}
}

/*
 * A comma of its own, then the next argument with no space.  Inside
 * braces it is a shell pattern, "{pid,user}", that has no spaces.
 */
static void
comma_glued(struct ctx *c, const struct node *n)
{
	const char	*a, *next;
	int		 i;

	/* No comma on the line, no argument of one. */
	if (memchr(n->text, ',', n->len) == NULL)
		return;
	for (i = 0; i + 1 < n->nargs; i++) {
		a = n->args[i].s;
		next = n->args[i + 1].s;
		if (strchr(a, '{') != NULL)
			return;
		if (a[0] != ',' || a[1] != '\0' || next[0] == '\0' ||
		    next[0] == ' ' || next[0] == '\t' || next[0] == '\\')
			continue;
		report_arg(c, n, i, R_ALT_COMMA_GLUED, "the comma is printed "
		    "with \"%s\" right after it; write \", \" with the space",
		    next);
		return;
	}
}

/* --- every font macro --- */

/*
 * A double quote printed by mistake: an odd number of them in an
 * argument, one left over from quoting that went wrong.  A pair is a
 * C string ("%"PRId64), "\&"" asks for the quote, "\e"" shows the
 * escape, and a quote after sentence punctuation closes a quotation
 * that the text before opened.
 */
static void
quote_stray(struct ctx *c, const struct node *n)
{
	struct esc	 e;
	const char	*s;
	size_t		 j, len;
	int		 i, quotes, closing;

	/* An argument holds a quote only if the line does. */
	if (memchr(n->text, '"', n->len) == NULL)
		return;
	for (i = 0; i < n->nargs; i++) {
		s = n->args[i].s;
		if (strchr(s, '"') == NULL || strstr(s, "\\&\"") != NULL)
			continue;
		len = n->args[i].len;
		quotes = closing = 0;
		for (j = 0; j < len; j += e.len) {
			e.len = 1;
			if (s[j] == '\\') {
				esc_parse(s + j, len - j, &e);
				if (e.len == 0)
					e.len = 1;
				else if (s[j + 1] == 'e' && s[j + 2] == '"')
					e.len++;
			} else if (s[j] == '"') {
				quotes++;
				closing = j > 0 && strchr(".,;?!", s[j - 1]);
			}
		}
		if (quotes % 2 == 0 || closing)
			continue;
		report_arg(c, n, i, R_QUOTE_STRAY, "argument %d of .%s prints "
		    "a double quote left over from quoting; quote the whole "
		    "argument, or write \\(dq for a quote that is meant",
		    i + 1, n->name);
		return;
	}
}

static int
errno_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Error numbers, sorted, for bsearch. */
static int
is_errno(const char *s)
{
	static const char *const names[] = {
		"E2BIG", "EACCES", "EADDRINUSE", "EADDRNOTAVAIL",
		"EAFNOSUPPORT", "EAGAIN", "EALREADY", "EBADE", "EBADF",
		"EBADFD", "EBADMSG", "EBADR", "EBADRQC", "EBADSLT", "EBUSY",
		"ECANCELED", "ECHILD", "ECHRNG", "ECOMM", "ECONNABORTED",
		"ECONNREFUSED", "ECONNRESET", "EDEADLK", "EDEADLOCK",
		"EDESTADDRREQ", "EDOM", "EDQUOT", "EEXIST", "EFAULT",
		"EFBIG", "EHOSTDOWN", "EHOSTUNREACH", "EHWPOISON", "EIDRM",
		"EILSEQ", "EINPROGRESS", "EINTR", "EINVAL", "EIO",
		"EISCONN", "EISDIR", "EISNAM", "EKEYEXPIRED",
		"EKEYREJECTED", "EKEYREVOKED", "ELIBACC", "ELIBBAD",
		"ELIBEXEC", "ELIBMAX", "ELIBSCN", "ELOOP", "EMEDIUMTYPE",
		"EMFILE", "EMLINK", "EMSGSIZE", "EMULTIHOP",
		"ENAMETOOLONG", "ENETDOWN", "ENETRESET", "ENETUNREACH",
		"ENFILE", "ENOBUFS", "ENODATA", "ENODEV", "ENOENT",
		"ENOEXEC", "ENOKEY", "ENOLCK", "ENOLINK", "ENOMEDIUM",
		"ENOMEM", "ENOMSG", "ENONET", "ENOPKG", "ENOPROTOOPT",
		"ENOSPC", "ENOSR", "ENOSTR", "ENOSYS", "ENOTBLK",
		"ENOTCONN", "ENOTDIR", "ENOTEMPTY", "ENOTRECOVERABLE",
		"ENOTSOCK", "ENOTSUP", "ENOTTY", "ENOTUNIQ", "ENXIO",
		"EOPNOTSUPP", "EOVERFLOW", "EOWNERDEAD", "EPERM",
		"EPFNOSUPPORT", "EPIPE", "EPROTO", "EPROTONOSUPPORT",
		"EPROTOTYPE", "ERANGE", "EREMCHG", "EREMOTE", "EREMOTEIO",
		"ERESTART", "ERFKILL", "EROFS", "ESHUTDOWN",
		"ESOCKTNOSUPPORT", "ESPIPE", "ESRCH", "ESTALE", "ESTRPIPE",
		"ETIME", "ETIMEDOUT", "ETOOMANYREFS", "ETXTBSY", "EUCLEAN",
		"EUNATCH", "EUSERS", "EWOULDBLOCK", "EXDEV", "EXFULL"
	};

	return bsearch(&s, names, sizeof(names) / sizeof(names[0]),
	    sizeof(names[0]), errno_cmp) != NULL;
}

/*
 * Is the word s (len bytes, followed by *end) a constant: capitals
 * with an underscore (O_RDONLY, _SC_PAGESIZE, CAP_* with the star), a
 * signal or an error number?
 */
static int
is_constant(const char *s, size_t len, char end)
{
	char	 buf[32];
	size_t	 i, start = s[0] == '_';
	int	 under = 0;

	if (len <= start || !asc_upper(s[start]))
		return 0;
	for (i = start; i < len; i++) {
		if (s[i] == '_')
			under = 1;
		else if (!asc_upper(s[i]) && !asc_digit(s[i]))
			return 0;
	}
	if (under)
		return s[len - 1] != '_' || end == '*';
	if (len >= sizeof(buf))
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return (len > 4 && strncmp(s, "SIG", 3) == 0) ||
	    strcmp(buf, "EOF") == 0 || is_errno(buf);
}

/*
 * What an italic argument holds: 'c' for one constant, maybe in
 * parentheses or with punctuation after it, 'n' for NULL, 0 for
 * anything else.  Expressions ("LONG_MAX / HZ") are set in italic
 * by rule and are left alone.
 */
static int
constant_kind(const char **sp, size_t *lenp)
{
	const char	*s = *sp;
	size_t		 len;

	while (*s == '(')
		s++;
	len = strlen(s);
	while (len > 0 && strchr(".,;:)", s[len - 1]) != NULL)
		len--;
	*sp = s;
	*lenp = len;
	if (len == 4 && strncmp(s, "NULL", 4) == 0)
		return 'n';
	if (len > 0 && s[len - 1] == '*')
		return is_constant(s, --*lenp, '*') ? 'c' : 0;
	return len > 0 && is_constant(s, len, s[len]) ? 'c' : 0;
}

/* Is s an operator between spaces, as " \- " or " | "? */
static int
is_operator(const char *s)
{
	int	 op = 0;

	for (; *s != '\0'; s++) {
		if (s[0] == '\\' && s[1] == '-') {
			op = 1;
			s++;
		} else if (strchr("+-*/%|&^<>=!", *s) != NULL)
			op = 1;
		else if (*s != ' ' && *s != '\t')
			return 0;
	}
	return op;
}

/* Is argument i an operand, with an operator argument beside it? */
static int
in_expression(const struct node *n, int i)
{
	return (i > 0 && is_operator(n->args[i - 1].s)) ||
	    (i + 1 < n->nargs && is_operator(n->args[i + 1].s));
}

/*
 * Constants in italic.  Section 5 pages set the keywords of a file
 * format in italic by choice, so only sections 2, 3, 4 and 7, whose
 * constants are C's, are checked.  A name the page also calls, as
 * LIST_HEAD(), is a macro that makes a type, and types are italic.
 */
static int
const_italic(struct ctx *c, struct uses *u, const struct node *n, int i,
    int f)
{
	const struct use	*e;
	const char		*a = n->args[i].s, *name = a;
	size_t			 len;
	int			 kind;

	if (f != 'I' || before_call(n, i) ||
	    (n->tok == M_I && n->nargs > 1) || in_expression(n, i) ||
	    (kind = constant_kind(&name, &len)) == 0)
		return 0;
	if ((e = use_find(c, u, name, len, 0)) != NULL &&
	    (e->called || e->param))
		return 0;
	if (kind == 'n')
		report_arg(c, n, i, R_CONST_ITALIC, "NULL is set in italic; "
		    "man-pages sets NULL in roman");
	else
		report_arg(c, n, i, R_CONST_ITALIC, "the constant \"%s\" is "
		    "set in italic; constants are set in bold", a);
	return 1;
}

static int
path_bold(struct ctx *c, const struct node *n, int i, int f)
{
	const char	*a = n->args[i].s;

	if (f != 'B' || a[0] != '/' ||
	    !asc_alpha(a[1]))
		return 0;
	report_arg(c, n, i, R_PATH_BOLD, "the pathname \"%s\" is set in "
	    "bold; pathnames are set in italic", a);
	return 1;
}

/*
 * A function in italic that the page documents, or sets in bold at
 * least as often.  Functions the page does not set in bold (main(),
 * kernel functions, callbacks) are italic by man-pages' custom, and
 * so is a SYNOPSIS parameter that points to a function.
 */
static int
func_italic(struct ctx *c, struct uses *u, const struct node *n, int i,
    int f)
{
	const struct use	*e;
	const char		*a = n->args[i].s;
	size_t			 k;

	if (f != 'I' || i + 1 >= n->nargs ||
	    strncmp(n->args[i + 1].s, "()", 2) != 0 ||
	    (k = ident_len(a)) == 0)
		return 0;
	e = use_find(c, u, a, k, 0);
	if (e != NULL && e->param)
		return 0;
	if (!is_self(c, a, k) && (e == NULL || e->func_bold == 0 ||
	    e->func_bold < e->func_italic))
		return 0;
	report_arg(c, n, i, R_FUNC_ITALIC, "the function \"%s\" is set in "
	    "italic; write .BR %s ()", a, a);
	return 1;
}

/* Is s, exactly, one of the names in the NAME section? */
static int
is_named(const struct ctx *c, const char *s)
{
	int	 i;

	for (i = 0; i < c->nnames; i++)
		if (strcmp(c->names[i], s) == 0)
			return 1;
	return 0;
}

/*
 * The command a page of section 1 or 8 documents, in italic: commands
 * are bold.  A word after it ("locale categories") makes it something
 * else, as may a use in a .TP tag.
 */
static int
cmd_italic(struct ctx *c, struct uses *u, const struct node *n, int i,
    int f)
{
	const char	*a = n->args[i].s;

	if (!u->cmds || f != 'I' || is_tag(n) ||
	    (n->tok == M_I && n->nargs > 1) ||
	    (i + 1 < n->nargs && !is_punct(n->args[i + 1].s)) ||
	    !is_named(c, a))
		return 0;
	report_arg(c, n, i, R_FUNC_ITALIC, "the command \"%s\" is set in "
	    "italic; commands are set in bold", a);
	return 1;
}

/* A name set in the other font at least three times as often. */
static int
font_mixed(struct ctx *c, const struct node *n, int i, int f,
    const struct use *e)
{
	int	 here, there;

	if (e == NULL)
		return 0;
	here = f == 'B' ? e->bold : e->italic;
	there = f == 'B' ? e->italic : e->bold;
	if (here > 2 || there < 3 || there < 3 * here)
		return 0;
	report_arg(c, n, i, R_FONT_MIXED, "\"%s\" is set in %s here, but "
	    "in %s %d times elsewhere in the page", e->name, font_word(f),
	    font_word(f == 'B' ? 'I' : 'B'), there);
	return 1;
}

/*
 * The per-argument checks of the font f a word is set in, which is
 * found once here for all of them.
 */
static void
word_kinds(struct ctx *c, struct uses *u, const struct node *n,
    struct use *const *at)
{
	int	 i, f, consts, paths, funcs, mixed;

	if (in_sec(n, SEC_NAME))
		return;
	consts = u->consts;
	paths = funcs = mixed = 1;
	for (i = 0; i < n->nargs; i++) {
		/* Each of them judges a word in bold or italic. */
		if ((f = arg_font(n, i)) == 'R')
			continue;
		if (consts && const_italic(c, u, n, i, f))
			consts = mixed = 0;
		else if (paths && path_bold(c, n, i, f))
			paths = mixed = 0;
		else if (funcs && (func_italic(c, u, n, i, f) ||
		    cmd_italic(c, u, n, i, f)))
			funcs = mixed = 0;
		else if (mixed && font_mixed(c, n, i, f, at[i]))
			mixed = 0;
	}
}

/* Is n between two font macro lines? */
static int
among_macros(const struct node *n)
{
	const struct node	*prev = node_prev_real(n);
	const struct node	*next = node_next_real(n);

	return prev != NULL && next != NULL && is_font_macro(prev) &&
	    is_font_macro(next);
}

/*
 * An ordinary word alone in bold or italic, among font macro lines or
 * with an alternating macro that has nothing to alternate with
 * (".BR The"): a word that lost its place among the macro lines.
 * Italic is also emphasis, so only "or" and "and" count there.
 */
static void
word_font(struct ctx *c, const struct node *n)
{
	static const char *const bold[] = {
		"The", "the", "or", "and", "is", "are", "of", "to", "see",
		"See", NULL
	};
	const char	*a = n->args[0].s;
	int		 f = arg_font(n, 0);

	if (f == 'R' || n->args[0].quoted ||
	    (n->nargs == 2 && !is_punct(n->args[1].s)) || n->nargs > 2)
		return;
	if (f == 'B') {
		/* None of the words has more than three letters. */
		if (n->args[0].len > 3 ||
		    !is_listed(bold, a, n->args[0].len) ||
		    (!is_alt(n) && !among_macros(n)))
			return;
	} else if ((strcmp(a, "or") != 0 && strcmp(a, "and") != 0) ||
	    !among_macros(n))
		return;
	report(c, n, 0, R_WORD_FONT, "the word \"%s\" is set in %s; it "
	    "belongs in the roman text", a, font_word(f));
}

void
check_args(struct ctx *c)
{
	struct uses	 u;
	const struct node *n;
	size_t		 at = 0;
	int		 i;

	memset(&u, 0, sizeof(u));
	u.consts = page_section(c, "2347");
	u.cmds = page_section(c, "18");
	collect(c, &u);
	for (i = 0; i < c->fonts.n; i++) {
		n = c->fonts.v[i];
		if (!is_checked(n))
			continue;
		if (n->tok == M_B || n->tok == M_I)
			single_font(c, n);
		else if (is_alt(n) && n->nargs >= 2) {
			swapped(c, n);
			if (!prose(c, n))
				paren_glued(c, n);
			comma_glued(c, n);
		}
		quote_stray(c, n);
		/* collect() counted the lines outside the SYNOPSIS. */
		if (!in_sec(n, SEC_SYNOPSIS)) {
			word_kinds(c, &u, n, u.at + at);
			at += n->nargs;
		}
		word_font(c, n);
	}
	free(u.at);
}
