/*
 * The frame of a page: its .TH line, the NAME section and the
 * sections around it.  Rules: th-missing, th-repeated, th-args,
 * th-section-mismatch, th-not-first, name-first, name-format,
 * section-order, section-repeated, section-empty, heading-empty,
 * heading-case, heading-standard-ss.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "esc.h"
#include "src.h"
#include "util.h"

/* The headings of the page, in order, with their text. */
struct heads {
	struct node	**v;
	const char	**text;	/* from c->headtext */
	int		  n;
	int		  cap;
};

/*
 * Lines inside definitions, ignore blocks, tables and conditional
 * bodies do not shape the page, or only on some formatters.
 */
static int
is_live(const struct node *n)
{
	return n->type != N_RAW && (n->flags & (NF_REGION | NF_COND)) == 0;
}

static void
th_args(struct ctx *c, const struct node *th)
{
	if (th->nargs < 2 || th->nargs > 5)
		report(c, th, 0, R_TH_ARGS, ".TH has %d argument%s, but it "
		    "takes 2 to 5: title, section, date, source, manual%s",
		    th->nargs, th->nargs == 1 ? "" : "s", th->nargs > 5 ?
		    "; quote arguments that hold spaces" : "");
	else if (th->nargs < 4)
		report(c, th, 0, R_TH_ARGS, ".TH has %d arguments; "
		    "man-pages writes title, section, date and source",
		    th->nargs);
}

static void
th_section(struct ctx *c, const struct node *th)
{
	const char	*fsec, *tsec;
	char		 buf[64];

	if (th->nargs < 2 || strcmp(th->file->path, "-") == 0)
		return;
	fsec = src_name_section(th->file->path, buf, sizeof(buf));
	tsec = th->args[1].s;
	/* A section set through a string or register cannot be judged. */
	if (fsec == NULL || tsec[0] == '\0' || tsec[0] == '\\')
		return;
	/* Suffixes vary (3p, 3pm, 3type); the digit names the section. */
	if (tsec[0] != fsec[0])
		report_arg(c, th, 1, R_TH_SECTION_MISMATCH, ".TH names "
		    "section %s, but the file name says section %s; make "
		    "them agree", tsec, fsec);
}

/*
 * Before .TH only comments, definitions and requests that neither
 * print nor break may come.  Report the first line that does more.
 */
static void
th_first(struct ctx *c, const struct node *th)
{
	const struct node	*n;

	for (n = c->pg->first; n != NULL && n != th; n = n->lnext) {
		if (n->type == N_COMMENT || n->type == N_BLANK ||
		    n->type == N_RAW || (n->flags & NF_REGION))
			continue;
		if (n->type == N_TEXT) {
			report(c, n, 0, R_TH_NOT_FIRST, "text before .TH is "
			    "set without the page header; move it after "
			    ".TH or remove it");
			return;
		}
		if (n->tok >= TOK__COUNT)
			continue;
		if (!has_flag(n, MF_REQUEST) || has_flag(n, MF_BREAK)) {
			report(c, n, 0, R_TH_NOT_FIRST, ".%s before .TH; "
			    "start the page with .TH", n->name);
			return;
		}
	}
}

/* Does the main file include another page with .so? */
static int
has_so(const struct ctx *c)
{
	const struct node	*n;
	int			 i;

	for (i = 0; i < c->macros.n; i++)
		if ((n = c->macros.v[i])->file == c->pg->main &&
		    is_tok(n, R_so) && is_live(n))
			return 1;
	return 0;
}

static void
check_th(struct ctx *c)
{
	struct node	*n, *th = NULL;
	int		 i, any = 0;

	for (i = 0; i < c->macros.n; i++) {
		n = c->macros.v[i];
		if (!is_tok(n, M_TH) || (n->flags & NF_REGION))
			continue;
		any = 1;
		if (n->flags & NF_COND)
			continue;
		if (th != NULL) {
			report(c, n, 0, R_TH_REPEATED, "second .TH (the first "
			    "is at line %d); remove it", th->line);
			continue;
		}
		th = n;
		th_args(c, n);
		th_section(c, n);
	}
	if (th != NULL)
		th_first(c, th);
	/* A page that only includes another gets its .TH from there. */
	else if (!any && !has_so(c))
		diag_add(c->dl, c->cfg, c->pg->main, 1, 1, R_TH_MISSING,
		    "no .TH line; start the page with .TH title section "
		    "date source");
}

static void
heads_collect(struct heads *h, const struct ctx *c)
{
	struct node	*n;
	int		 i;

	memset(h, 0, sizeof(*h));
	for (i = 0; i < c->heads.n; i++) {
		if (!is_live(n = c->heads.v[i]))
			continue;
		if (h->n == h->cap) {
			h->cap = h->cap ? h->cap * 2 : 16;
			h->v = xreallocarray(h->v, h->cap, sizeof(*h->v));
			h->text = xreallocarray(h->text, h->cap,
			    sizeof(*h->text));
		}
		h->v[h->n] = n;
		h->text[h->n++] = c->headtext[i];
	}
}

static void
heads_free(struct heads *h)
{
	free(h->text);
	free(h->v);
}

/*
 * Find a plain hyphen or a dash written where "\-" belongs: " - ",
 * " -- ", "\(em" and the like.  Return its offset, or -1.
 */
static long
wrong_dash(const char *s)
{
	static const char *const dashes[] = {
		"\\(em", "\\(en", "\\[em]", "\\[en]", "\\(hy", "\\[hy]"
	};
	size_t	 i, k;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '\\') {
			for (k = 0; k < sizeof(dashes) / sizeof(dashes[0]);
			    k++)
				if (strncmp(s + i, dashes[k],
				    strlen(dashes[k])) == 0)
					return (long)i;
			if (s[i + 1] != '\0')
				i++;
			continue;
		}
		if (s[i] == '-' && i > 0 && s[i - 1] == ' ') {
			k = i;
			while (s[k] == '-')
				k++;
			if (s[k] == ' ' || s[k] == '\0')
				return (long)i;
		}
	}
	return -1;
}

/*
 * The NAME section must hold "\-" between the names and the summary.
 * Macros the page defined may produce it, so they end the search.
 */
static void
name_format(struct ctx *c, const struct node *sh)
{
	const struct node	*n, *hl, *bad = NULL;
	long			 off = -1;
	int			 text = 0;

	hl = heading_line(sh);
	for (n = sh->lnext; n != NULL && !(is_tok(n, M_SH) && is_live(n));
	    n = n->lnext) {
		if (n == hl || n->type == N_RAW || (n->flags & NF_REGION))
			continue;
		if (n->type == N_MACRO && n->tok >= TOK__COUNT)
			return;
		if (n->type != N_TEXT && !has_flag(n, MF_FONT | MF_ALTFONT))
			continue;
		text = 1;
		if (strstr(n->text, "\\-") != NULL)
			return;
		if (bad == NULL && (off = wrong_dash(n->text)) >= 0)
			bad = n;
	}
	if (bad != NULL)
		report(c, bad, (size_t)off, R_NAME_FORMAT, "write \\- between "
		    "the names and the summary");
	else if (text)
		report(c, sh, 0, R_NAME_FORMAT, "NAME section has no \\-; "
		    "write it as \"name \\- summary\"");
}

static void
check_name(struct ctx *c, const struct heads *h)
{
	const struct node	*th;
	int			 i;

	for (i = 0; i < h->n && !is_tok(h->v[i], M_SH); i++)
		continue;
	if (i == h->n) {
		/* No section at all: say so at .TH, if there is one. */
		for (th = c->pg->first; th != NULL; th = th->lnext)
			if (is_tok(th, M_TH) && is_live(th))
				break;
		if (th != NULL)
			report(c, th, 0, R_NAME_FIRST, "the page has no "
			    "sections; add .SH NAME after .TH");
		return;
	}
	if (h->v[i]->sec != SEC_NAME) {
		if (h->text[i][0] == '\0')
			report(c, h->v[i], 0, R_NAME_FIRST, "first section has "
			    "no heading; start the page with .SH NAME");
		else
			report(c, h->v[i], 0, R_NAME_FIRST, "first section is "
			    "\"%s\"; start the page with .SH NAME", h->text[i]);
		return;
	}
	name_format(c, h->v[i]);
}

/* ATTRIBUTES and VERSIONS may come in either order. */
static int
sec_rank(enum sec s)
{
	return s == SEC_VERSIONS ? SEC_ATTRIBUTES : (int)s;
}

/*
 * Keep the longest run of standard sections that is in order and
 * report the others, so that one misplaced section is reported once
 * rather than everything after it.  idx lists the standard .SH
 * headings among h->v.
 */
static void
order_report(struct ctx *c, const struct heads *h, const int *idx, int n)
{
	int	*tail, *prev, *keep, len = 0, lo, hi, mid, i, j, r;

	tail = xcalloc(n + 1, sizeof(int));
	prev = xcalloc(n, sizeof(int));
	keep = xcalloc(n, sizeof(int));
	for (i = 0; i < n; i++) {
		r = sec_rank(h->v[idx[i]]->sec);
		for (lo = 0, hi = len; lo < hi;) {
			mid = (lo + hi) / 2;
			if (sec_rank(h->v[idx[tail[mid]]]->sec) <= r)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tail[lo - 1] : -1;
		tail[lo] = i;
		if (lo == len)
			len++;
	}
	for (i = len > 0 ? tail[len - 1] : -1; i >= 0; i = prev[i])
		keep[i] = 1;
	for (i = 0; i < n; i++) {
		if (keep[i])
			continue;
		r = sec_rank(h->v[idx[i]]->sec);
		for (j = 0; j < i; j++)
			if (sec_rank(h->v[idx[j]]->sec) > r)
				break;
		if (j < i) {
			report(c, h->v[idx[i]], 0, R_SECTION_ORDER, "%s after "
			    "%s; man-pages puts it before", h->text[idx[i]],
			    h->text[idx[j]]);
			continue;
		}
		for (j = i + 1; j < n; j++)
			if (sec_rank(h->v[idx[j]]->sec) < r)
				break;
		if (j < n)
			report(c, h->v[idx[i]], 0, R_SECTION_ORDER, "%s before "
			    "%s; man-pages puts it after", h->text[idx[i]],
			    h->text[idx[j]]);
	}
	free(tail);
	free(prev);
	free(keep);
}

static void
check_order(struct ctx *c, const struct heads *h)
{
	int	*idx, n = 0, i;

	if (!c->cfg->enabled[R_SECTION_ORDER])
		return;
	idx = xcalloc(h->n + 1, sizeof(int));
	for (i = 0; i < h->n; i++)
		if (is_tok(h->v[i], M_SH) && h->v[i]->sec != SEC_NONE)
			idx[n++] = i;
	order_report(c, h, idx, n);
	free(idx);
}

/*
 * Two .SH headings repeat when they name the same standard section
 * (EXAMPLE and EXAMPLES too) or have the same text; .SS headings
 * repeat within one section.  Case matters for .SS, which often
 * names options such as -i and -I.
 */
static int
same_heading(const struct heads *h, int i, int j)
{
	const struct node	*a = h->v[i], *b = h->v[j];

	if (a->tok != b->tok || h->text[i][0] == '\0')
		return 0;
	if (a->tok == M_SH)
		return a->sec != SEC_NONE ? a->sec == b->sec :
		    strcasecmp(h->text[i], h->text[j]) == 0;
	return a->sh == b->sh && strcmp(h->text[i], h->text[j]) == 0;
}

static void
check_repeated(struct ctx *c, const struct heads *h)
{
	int	 i, j;

	for (i = 0; i < h->n; i++) {
		for (j = 0; j < i; j++)
			if (same_heading(h, j, i))
				break;
		if (j == i)
			continue;
		if (is_tok(h->v[i], M_SH))
			report(c, h->v[i], 0, R_SECTION_REPEATED, "section %s "
			    "appears twice (first at line %d); merge them",
			    h->text[i], h->v[j]->line);
		else
			report(c, h->v[i], 0, R_SECTION_REPEATED, "subsection "
			    "%s appears twice in this section (first at line "
			    "%d); merge them or rename one", h->text[i],
			    h->v[j]->line);
	}
}

/*
 * Is s written in lower or mixed case: more lower-case letters than
 * capitals, escapes aside?  A name in a capitals heading, as in
 * "THE [options] STANZA", leaves it a heading in capitals.
 */
static int
is_lower_case(const char *s)
{
	struct esc	 e;
	size_t		 i, len = strlen(s);
	int		 lower = 0, upper = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\\') {
			esc_parse(s + i, len - i, &e);
			i += e.len - 1;
			continue;
		}
		if (asc_lower(s[i]))
			lower++;
		else if (asc_upper(s[i]))
			upper++;
	}
	return lower > upper;
}

/*
 * .SH and .SS without arguments take the next line as the heading.
 * For .SS a sentence-case line is usual, but a .SH line that is not
 * in capitals means the heading was left out and the first line of
 * the text took its place.
 */
static int
lost_heading(const struct node *hd, const char *text)
{
	const struct node	*hl;

	return hd->nargs == 0 && is_tok(hd, M_SH) &&
	    (hl = heading_line(hd)) != NULL && hl->type == N_TEXT &&
	    is_lower_case(text);
}

/*
 * A heading is empty when the next thing that can print is a heading
 * of the same or a higher level, or the end of the page.
 */
static void
check_empty(struct ctx *c, const struct heads *h)
{
	const struct node	*hd, *hl, *n;
	int			 i;

	for (i = 0; i < h->n; i++) {
		hd = h->v[i];
		hl = heading_line(hd);
		for (n = hd->lnext; n != NULL; n = n->lnext)
			if (n != hl && n->type != N_COMMENT &&
			    n->type != N_BLANK && n->type != N_RAW &&
			    !(n->flags & NF_REGION) && !is_definition(n))
				break;
		if (n != NULL && !(is_live(n) && (is_tok(n, M_SH) ||
		    (is_tok(n, M_SS) && is_tok(hd, M_SS)))))
			continue;
		/* heading-empty says what went wrong there. */
		if (lost_heading(hd, h->text[i]))
			continue;
		report(c, hd, 0, R_SECTION_EMPTY, "%s%s%s is empty; add text "
		    "or remove the heading", is_tok(hd, M_SH) ? "section" :
		    "subsection", h->text[i][0] != '\0' ? " " : " with no "
		    "heading", h->text[i]);
	}
}

/* A heading without text, or one whose text went missing. */
static void
heading_empty(struct ctx *c, const struct heads *h, int i)
{
	const struct node	*hd = h->v[i];

	if (h->text[i][0] == '\0')
		report(c, hd, 0, R_HEADING_EMPTY, ".%s has no text; write "
		    "the heading on the .%s line", hd->name, hd->name);
	else if (lost_heading(hd, h->text[i]))
		report(c, hd, 0, R_HEADING_EMPTY, ".SH has no text, so the "
		    "next line, \"%s\", becomes the heading; write the "
		    "heading on the .SH line", h->text[i]);
}

static void
check_headings(struct ctx *c, const struct heads *h)
{
	const struct node	*hd;
	int			 i;

	for (i = 0; i < h->n; i++) {
		hd = h->v[i];
		heading_empty(c, h, i);
		if (is_tok(hd, M_SH) && hd->nargs > 0 &&
		    is_lower_case(h->text[i]))
			report(c, hd, 0, R_HEADING_CASE, "section heading "
			    "\"%s\" is not in capitals; write section "
			    "headings in capitals, or use .SS for a "
			    "subsection", h->text[i]);
		/*
		 * man-pages(7) describes the standard sections in
		 * subsections of a section of its own, so only the
		 * subsections of standard sections are judged.
		 */
		if (is_tok(hd, M_SS) && sec_lookup(h->text[i]) != SEC_NONE &&
		    hd->sh != NULL && hd->sh->sec != SEC_NONE)
			report(c, hd, 0, R_HEADING_STANDARD_SS, "subsection "
			    "%s has the name of a standard section; make it a "
			    "section: .SH %s", h->text[i], h->text[i]);
	}
}

void
check_structure(struct ctx *c)
{
	struct heads	 h;

	check_th(c);
	heads_collect(&h, c);
	check_name(c, &h);
	check_order(c, &h);
	check_repeated(c, &h);
	check_empty(c, &h);
	check_headings(c, &h);
	heads_free(&h);
}
