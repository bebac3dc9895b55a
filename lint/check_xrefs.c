/*
 * Cross references and font-macro punctuation:
 * xref-no-space, xref-wrong-macro, xref-punct-glued,
 * xref-self-section, text-lone-punct.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "src.h"

static int
is_font_macro(const struct node *n)
{
	return n->type == N_MACRO && n->tok < TOK__COUNT &&
	    (mac_table[n->tok].flags & (MF_FONT | MF_ALTFONT)) != 0;
}

static int
is_checked(const struct node *n)
{
	return (n->flags & (NF_REGION | NF_COND)) == 0;
}

/*
 * Name characters as bits: letters, digits and "_.-+:".  Every
 * argument of a reference line is measured with these, so a lookup
 * takes the place of a chain of comparisons.
 */
static int
is_name_char(char c)
{
	static const unsigned long long bits[2] = {
		/* '+', '-', '.', '0' to '9', ':' */
		1ULL << '+' | 1ULL << '-' | 1ULL << '.' |
		    0x3ffULL << '0' | 1ULL << ':',
		/* 'A' to 'Z', '_', 'a' to 'z', less 64 */
		0x3ffffffULL << ('A' - 64) | 1ULL << ('_' - 64) |
		    0x3ffffffULL << ('a' - 64)
	};
	unsigned char	 u = (unsigned char)c;

	return u < 128 && (bits[u >> 6] >> (u & 63) & 1) != 0;
}

/* Punctuation that may end a name: ",.;:)". */
static int
is_closer(char c)
{
	return c == ',' || c == '.' || c == ';' || c == ':' || c == ')';
}

/*
 * Length of a section reference "(N)" or "(Nsuffix)" at s, or 0.
 * Sections are 1 to 9, optionally followed by letters (3p, 1ssl).
 */
static size_t
section_ref(const char *s)
{
	size_t	 i = 1;

	if (s[0] != '(' || s[1] < '1' || s[1] > '9')
		return 0;
	for (i = 2; asc_alnum(s[i]); i++)
		continue;
	return s[i] == ')' ? i + 1 : 0;
}

/* Length of the name at the start of s: name characters and \- . */
static size_t
name_len(const char *s)
{
	size_t	 i = 0;

	/* A name byte first, the common case; the NUL is none. */
	for (;;) {
		if (is_name_char(s[i]))
			i++;
		else if (s[i] == '\\' && s[i + 1] == '-')
			i += 2;
		else
			break;
	}
	return i;
}

/* Is the argument a bare section reference, "(2)" with punctuation? */
static int
is_section_arg(const char *s)
{
	size_t	 k;

	if ((k = section_ref(s)) == 0)
		return 0;
	for (s += k; *s != '\0'; s++)
		if (!ispunct((unsigned char)*s) && *s != '\\' && *s != '&')
			return 0;
	return 1;
}

/* Does the section in "(2)" name the page's own section? */
static int
same_section(const struct ctx *c, const char *ref)
{
	size_t	 k = section_ref(ref);

	if (c->section == NULL || k == 0)
		return 0;
	return strlen(c->section) == k - 2 &&
	    strncmp(c->section, ref + 1, k - 2) == 0;
}

/* The file name without directories and without ".gz". */
static void
page_base(const char *path, char *buf, size_t bufsz)
{
	const char	*b = strrchr(path, '/');
	size_t		 n;

	b = b ? b + 1 : path;
	n = strlen(b);
	if (n > 3 && strcmp(b + n - 3, ".gz") == 0)
		n -= 3;
	snprintf(buf, bufsz, "%.*s", (int)n, b);
}

/* Does the page file at path stand for the page being checked? */
static int
links_here(const struct ctx *c, const char *path)
{
	struct stat	 st;
	struct srcfile	*f;
	char		 a[PATH_MAX], b[PATH_MAX], err[256], *so, *nl;
	int		 here = 0;

	if (lstat(path, &st) == -1)
		return -1;
	if (S_ISLNK(st.st_mode))
		return realpath(path, a) != NULL &&
		    realpath(c->pg->main->path, b) != NULL &&
		    strcmp(a, b) == 0;
	if ((f = src_read(path, err, sizeof(err))) == NULL)
		return 0;
	if (!f->binary && (so = strstr(f->buf, ".so ")) != NULL &&
	    (so == f->buf || so[-1] == '\n')) {
		so += 4;
		if ((nl = strchr(so, '\n')) != NULL)
			*nl = '\0';
		page_base(so, a, sizeof(a));
		page_base(c->pg->main->path, b, sizeof(b));
		here = strcmp(a, b) == 0;
	}
	src_free(f);
	return here;
}

/*
 * Would a reference to name in the page's own section lead back to
 * this page?  It does for the page's title.  For another name from
 * NAME it does unless a page of that name exists beside this one and
 * is neither a link nor a .so to it (select_tut.2 names select, but
 * select.2 is a page of its own).
 */
static int
refers_to_self(const struct ctx *c, const char *name, size_t len,
    const char *ref)
{
	char		 dir[PATH_MAX], path[PATH_MAX + 64];
	const char	*slash;
	int		 r;

	if (!same_section(c, ref) || !is_self(c, name, len))
		return 0;
	if (c->title != NULL && strlen(c->title) == len &&
	    strncasecmp(c->title, name, len) == 0)
		return 1;
	if (strcmp(c->pg->main->path, "-") == 0)
		return 1;
	slash = strrchr(c->pg->main->path, '/');
	snprintf(dir, sizeof(dir), "%.*s", slash ?
	    (int)(slash - c->pg->main->path) : 1, slash ?
	    c->pg->main->path : ".");
	snprintf(path, sizeof(path), "%s/%.*s.%s", dir, (int)len, name,
	    c->section);
	if ((r = links_here(c, path)) != -1)
		return r;
	snprintf(path, sizeof(path), "%s/%.*s.%s.gz", dir, (int)len, name,
	    c->section);
	return links_here(c, path) != 0;
}

/* The font letter of argument i of a font macro: B, I or R. */
static char
arg_font(const struct node *n, int i)
{
	if (mac_table[n->tok].flags & MF_ALTFONT)
		return n->name[i % 2];
	return n->tok == M_I ? 'I' : n->tok == M_B || n->tok == M_SB ?
	    'B' : 'R';
}

/*
 * "name(2)" in an argument: the name and the section in one font.
 * The first argument is looked at in any font, the others when they
 * are bold or italic.  Set with a macro other than .BR, the reference
 * is also in the wrong fonts, which a fix may mend apart.
 */
static void
check_glued_ref(struct ctx *c, const struct node *n)
{
	const char	*a, *p;
	size_t		 k, s;
	int		 i;

	for (i = 0; i < n->nargs; i++) {
		a = n->args[i].s;
		/*
		 * The name runs up to the first parenthesis, which no name
		 * holds: most arguments have none and are passed over.
		 */
		if ((i > 0 && arg_font(n, i) == 'R') ||
		    (p = strchr(a, '(')) == NULL || p == a ||
		    (k = name_len(a)) != (size_t)(p - a) ||
		    (s = section_ref(p)) == 0)
			continue;
		if (refers_to_self(c, a, k, a + k)) {
			report_arg(c, n, i, R_XREF_SELF_SECTION,
			    "self-reference carries a section; "
			    "write .BR %.*s ()", (int)k, a);
			return;
		}
		report_arg(c, n, i, R_XREF_NO_SPACE,
		    "no space between name and section; write "
		    ".BR %.*s %.*s", (int)k, a, (int)s, a + k);
		if (i == 0 && n->tok != M_BR && n->tok != M_RB &&
		    n->tok != M_RI)
			report(c, n, 0, R_XREF_WRONG_MACRO,
			    "reference set with .%s; the name goes in bold "
			    "and the section in roman, as .BR %.*s %.*s",
			    n->name, (int)k, a, (int)s, a + k);
		return;
	}
}

/* Length of the punctuation at the start of s: ",", ").". */
static size_t
punct_len(const char *s)
{
	size_t	 k = 0;

	while (is_closer(s[k]))
		k++;
	return k;
}

static int
has_alnum(const char *s)
{
	for (; *s != '\0'; s++)
		if (asc_alnum(*s))
			return 1;
	return 0;
}

/*
 * Punctuation around the section of .BR name (2): before it, as in
 * ".BR pthreads ,(7)", or as a third argument, which is bold.
 */
static void
check_ref_punct(struct ctx *c, const struct node *n, const char *a)
{
	const char	*sec = n->args[1].s;
	size_t		 k;

	if ((k = punct_len(sec)) > 0 && section_ref(sec + k) > 0) {
		report_arg(c, n, 1, R_XREF_PUNCT_GLUED, "\"%.*s\" comes "
		    "between the name and its section; write .BR %s %s%.*s",
		    (int)k, sec, a, sec + k, (int)k, sec);
		return;
	}
	if (n->nargs < 3 || !is_section_arg(sec) || has_alnum(n->args[2].s))
		return;
	if (n->args[2].s[punct_len(n->args[2].s)] == '\0')
		report_arg(c, n, 2, R_XREF_PUNCT_GLUED, "\"%s\" after the "
		    "section is set in bold; write .BR %s %s%s", n->args[2].s,
		    a, sec, n->args[2].s);
	else
		report_arg(c, n, 2, R_XREF_PUNCT_GLUED, "\"%s\" after the "
		    "section is set in bold; put it on the next line",
		    n->args[2].s);
}

static void
check_ref_args(struct ctx *c, const struct node *n)
{
	const char	*a = n->args[0].s, *sec;
	size_t		 k;

	if (n->nargs < 2 || (k = name_len(a)) == 0 || a[k] != '\0')
		return;
	sec = n->args[1].s;
	if (n->tok == M_BR)
		check_ref_punct(c, n, a);
	if (!is_section_arg(sec))
		return;
	if (refers_to_self(c, a, k, sec))
		report_arg(c, n, 1, R_XREF_SELF_SECTION,
		    "self-reference carries a section; "
		    "write .BR %s ()", a);
	else if (n->tok != M_BR)
		report(c, n, 0, R_XREF_WRONG_MACRO,
		    "reference set with .%s; write .BR %s %s",
		    n->name, a, sec);
}

static void
check_mr(struct ctx *c, const struct node *n)
{
	char	 ref[64];

	if (n->nargs < 2)
		return;
	snprintf(ref, sizeof(ref), "(%s)", n->args[1].s);
	if (refers_to_self(c, n->args[0].s, n->args[0].len, ref))
		report_arg(c, n, 1, R_XREF_SELF_SECTION,
		    "self-reference carries a section; "
		    "write .BR %s ()", n->args[0].s);
}

static int
is_abbrev(const char *s, size_t len)
{
	static const char *const abbrevs[] = {
		"e.g.", "i.e.", "etc.", "vs.", "cf.", "al.", "approx.",
		"resp.", "Inc.", "Ltd.", NULL
	};
	int	 i;
	size_t	 m;

	for (i = 0; abbrevs[i] != NULL; i++) {
		m = strlen(abbrevs[i]);
		if (len >= m && strcmp(s + len - m, abbrevs[i]) == 0)
			return 1;
	}
	return len >= 3 && strcmp(s + len - 3, "...") == 0;
}

/*
 * What a[0..len) is, as a word that punctuation may be glued to: 'n'
 * for a name, 'p' for a path or pattern ("/dev/sda", "mq_*"), which
 * also takes '/', '*', '[' and ']', 0 for anything else.
 */
static int
glued_name(const char *a, size_t len)
{
	size_t	 i;
	int	 kind = 'n';

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		if (a[i] == '\\' && a[i + 1] == '-')
			i++;
		else if (a[i] == '/' || a[i] == '*' || a[i] == '[' ||
		    a[i] == ']')
			kind = 'p';
		else if (!is_name_char(a[i]))
			return 0;
	}
	if (asc_alnum(a[len - 1]) || a[len - 1] == '_' ||
	    (kind == 'p' && (a[len - 1] == '*' || a[len - 1] == ']')))
		return kind;
	return 0;
}

/* Does s start as a name, a path or a dot file does? */
static int
starts_name(const char *s)
{
	return asc_alpha(s[0]) || s[0] == '_' || s[0] == '/' ||
	    s[0] == '.';
}

static size_t
count_char(const char *s, char ch)
{
	size_t	 k = 0;

	for (; *s != '\0'; s++)
		k += *s == ch;
	return k;
}

/*
 * A bold or italic argument that is one name with punctuation glued
 * to its end: ".B FOO," sets the comma in bold.  One ',' '.' or ';'
 * after a name may be glued anywhere; a run of closers such as ");"
 * needs a ')' that closes nothing in the argument, and both it and a
 * path must end the line: ".IB /lib/libnss_nis.so. X" is meant.
 */
static int
glued_punct(const struct node *n, int i, size_t *namelen)
{
	const char	*a = n->args[i].s;
	size_t		 len = n->args[i].len, k = len;
	int		 kind;

	/* "name()" outside the SYNOPSIS: a function, and "()" is roman. */
	if (len > 2 && strcmp(a + len - 2, "()") == 0 && (n->sh == NULL ||
	    n->sh->sec != SEC_SYNOPSIS) && starts_name(a) &&
	    glued_name(a, len - 2) != 0) {
		*namelen = len - 2;
		return 1;
	}
	while (k > 0 && is_closer(a[k - 1]))
		k--;
	if (k == len || is_abbrev(a, len) || (kind = glued_name(a, k)) == 0)
		return 0;
	*namelen = k;
	/*
	 * A name and the argument after it with no space between may be
	 * one word: ".IR _persistent. UID".
	 */
	if (a[k] == '.' && i + 1 < n->nargs &&
	    !asc_space(n->args[i + 1].s[0]))
		return 0;
	/* A colon after a label ("Note:") is set with it on purpose. */
	if (len - k == 1 && strchr(",.;", a[k]) != NULL && kind == 'n')
		return 1;
	/* Longer forms; "[3]);" in a SYNOPSIS is C. */
	if (i != n->nargs - 1 || !starts_name(a))
		return 0;
	return len - k == 1 && strchr(",.;", a[k]) != NULL ? 1 :
	    count_char(a, ')') > count_char(a, '(');
}

static void
check_punct(struct ctx *c, const struct node *n)
{
	const char	*a;
	size_t		 k;
	int		 i;
	char		 f;

	/*
	 * Several arguments to .B or .I are a phrase, not a name; and
	 * alt-font-one-arg tells of ".BR name," that a space is missing.
	 */
	if ((n->nargs > 1 && (mac_table[n->tok].flags & MF_FONT)) ||
	    (n->nargs == 1 && (mac_table[n->tok].flags & MF_ALTFONT) &&
	    c->cfg->enabled[R_ALT_FONT_ONE_ARG]))
		return;
	for (i = 0; i < n->nargs; i++) {
		/* C punctuation in a SYNOPSIS is bold. */
		if ((f = arg_font(n, i)) == 'R' || (f == 'B' &&
		    n->sh != NULL && n->sh->sec == SEC_SYNOPSIS) ||
		    !glued_punct(n, i, &k))
			continue;
		a = n->args[i].s;
		if (n->tok == M_BI || n->tok == M_IB)
			report(c, n, 0, R_XREF_PUNCT_GLUED, "\"%s\" is set "
			    "in %s with \"%.*s\"; end the argument after the "
			    "name and give the punctuation an argument of its "
			    "own", a + k, f == 'B' ? "bold" : "italic",
			    (int)k, a);
		else
			report(c, n, 0, R_XREF_PUNCT_GLUED, "\"%s\" is set "
			    "in %s with \"%.*s\"; put it in the next roman "
			    "argument, as .%cR %.*s %s", a + k, f == 'B' ?
			    "bold" : "italic", (int)k, a, f, (int)k, a, a + k);
		return;
	}
}

/*
 * Text that is only operators or punctuation, escapes aside: return
 * 'p' when it holds punctuation that ends a clause, 'o' for operators,
 * 0 otherwise.
 */
static int
lone_punct_kind(const char *s)
{
	const char	*start = s;
	int		 kind = 0;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && (s[1] == '&' || s[1] == '|' ||
		    s[1] == '^')) {
			s++;
			continue;
		}
		switch (*s) {
		case ' ':
		case '\t':
			break;
		case ',':
		case ';':
		case ':':
		case '.':
		case '!':
		case '?':
			kind = 'p';
			break;
		case '+':
		case '/':
		case '|':
		case '&':
		case '*':
		case '=':
		case '<':
		case '>':
		case '-':
			if (kind == 0)
				kind = 'o';
			break;
		default:
			return 0;
		}
	}
	/* An ellipsis stands for words left out. */
	return strstr(start, "..") != NULL ? 0 : kind;
}

/* A macro line that names a function or a page: .BR name (2) or (). */
static int
is_ref_line(const struct node *n)
{
	return is_font_macro(n) && n->nargs >= 2 &&
	    n->args[1].s[0] == '(';
}

static void
check_lone(struct ctx *c, const struct node *n)
{
	const struct node	*prev, *next;
	int			 kind;

	if (n->flags & NF_NOFILL || (n->sh != NULL &&
	    n->sh->sec == SEC_SYNOPSIS) ||
	    (kind = lone_punct_kind(n->text)) == 0)
		return;
	prev = node_prev_real(n);
	next = node_next_real(n);
	if (prev == NULL || !is_font_macro(prev) || next == NULL ||
	    next->type != N_MACRO)
		return;
	/* "x + y" between operands is arithmetic; between references it
	 * stands for a word. */
	if (kind == 'o' && (!is_ref_line(prev) || !is_ref_line(next)))
		return;
	report(c, n, 0, R_TEXT_LONE_PUNCT,
	    "text line holding only \"%s\" renders as a fragment between "
	    "the macro lines; write out what it means, or attach it to a "
	    "macro argument", n->text);
}

void
check_xrefs(struct ctx *c)
{
	const struct node	*n;
	int			 i;

	for (i = 0; i < c->texts.n; i++)
		if (is_checked(n = c->texts.v[i]))
			check_lone(c, n);
	for (i = 0; i < c->macros.n; i++)
		if ((n = c->macros.v[i])->tok == M_MR && is_checked(n))
			check_mr(c, n);
	for (i = 0; i < c->fonts.n; i++) {
		n = c->fonts.v[i];
		/* Examples may show references as they appear elsewhere. */
		if (!is_checked(n) || n->nargs == 0 || n->flags & NF_EX)
			continue;
		check_glued_ref(c, n);
		check_ref_args(c, n);
		check_punct(c, n);
	}
}
