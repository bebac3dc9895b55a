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

static int
is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.' ||
	    c == '-' || c == '+' || c == ':';
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
	for (i = 2; isalnum((unsigned char)s[i]); i++)
		continue;
	return s[i] == ')' ? i + 1 : 0;
}

/* Length of the name at the start of s: name characters and \- . */
static size_t
name_len(const char *s)
{
	size_t	 i = 0;

	while (s[i] != '\0') {
		if (s[i] == '\\' && s[i + 1] == '-')
			i += 2;
		else if (is_name_char(s[i]))
			i++;
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

/* Is argument i of a font macro set in bold or italic? */
static int
arg_is_styled(const struct node *n, int i)
{
	switch (n->tok) {
	case M_BR:
	case M_IR:
		return i % 2 == 0;
	case M_RB:
	case M_RI:
		return i % 2 == 1;
	case M_R:
		return 0;
	default:
		return 1;
	}
}

static void
check_glued_ref(struct ctx *c, const struct node *n)
{
	const char	*a = n->args[0].s;
	size_t		 k = name_len(a), s;

	if (k == 0 || (s = section_ref(a + k)) == 0)
		return;
	if (refers_to_self(c, a, k, a + k))
		report_arg(c, n, 0, R_XREF_SELF_SECTION,
		    "self-reference carries a section; "
		    "write .BR %.*s ()", (int)k, a);
	else
		report_arg(c, n, 0, R_XREF_NO_SPACE,
		    "no space between name and section; write "
		    ".BR %.*s %.*s", (int)k, a, (int)s, a + k);
}

static void
check_ref_args(struct ctx *c, const struct node *n)
{
	const char	*a = n->args[0].s, *sec;
	size_t		 k = name_len(a);

	if (k == 0 || a[k] != '\0' || n->nargs < 2)
		return;
	sec = n->args[1].s;
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
	if (refers_to_self(c, n->args[0].s, strlen(n->args[0].s), ref))
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
 * A bold or italic argument that is one name with a punctuation mark
 * glued to its end: ".B FOO," sets the comma in bold.
 */
static void
check_punct(struct ctx *c, const struct node *n)
{
	const char	*a;
	size_t		 len, k;
	int		 i;

	/* Several arguments to .B or .I are a phrase, not a name. */
	if (n->nargs > 1 && (mac_table[n->tok].flags & MF_FONT))
		return;
	for (i = 0; i < n->nargs; i++) {
		if (!arg_is_styled(n, i))
			continue;
		a = n->args[i].s;
		len = strlen(a);
		/* A colon after a label ("Note:") is set with it on purpose. */
		if (len < 2 || strchr(",.;", a[len - 1]) == NULL ||
		    is_abbrev(a, len))
			continue;
		k = name_len(a);
		/* Only a whole name; phrases and code are left alone. */
		if (k + 1 != len && !(k == len && len >= 2))
			continue;
		if (k == len)
			k = len - 1;
		if (!isalnum((unsigned char)a[k - 1]) && a[k - 1] != '_')
			continue;
		report(c, n, 0, R_XREF_PUNCT_GLUED,
		    "'%c' is set in %s with \"%.*s\"; put it in the next "
		    "roman argument, as .%sR %.*s %c", a[len - 1],
		    n->tok == M_I || n->tok == M_IR || n->tok == M_RI ||
		    n->tok == M_IB ? "italic" : "bold", (int)k, a,
		    n->tok == M_I || n->tok == M_IR || n->tok == M_RI ? "I" :
		    "B", (int)k, a, a[len - 1]);
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
		if (*s == ' ' || *s == '\t')
			continue;
		if (strchr(",;:.!?", *s) != NULL)
			kind = 'p';
		else if (strchr("+/|&*=<>-", *s) == NULL)
			return 0;
		else if (kind == 0)
			kind = 'o';
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

	for (n = c->pg->first; n != NULL; n = n->lnext) {
		if (!is_checked(n))
			continue;
		if (n->type == N_TEXT) {
			check_lone(c, n);
			continue;
		}
		if (n->type == N_MACRO && n->tok == M_MR) {
			check_mr(c, n);
			continue;
		}
		/* Examples may show references as they appear elsewhere. */
		if (!is_font_macro(n) || n->nargs == 0 || n->flags & NF_EX)
			continue;
		check_glued_ref(c, n);
		check_ref_args(c, n);
		check_punct(c, n);
	}
}
