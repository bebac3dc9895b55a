/*
 * Unified diffs.  The diff found in a mail is parsed into files and
 * hunks, each hunk is applied to the page it names (found near the
 * line its header says, as patch(1) does, but with exact context so
 * that damage shows), and the result is written to a temporary tree
 * where it is linted.  Each line of a patched page remembers the patch
 * line that added it, so that only diagnostics on those lines are
 * kept.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "format.h"
#include "mail.h"
#include "patch.h"
#include "src.h"
#include "util.h"

static int
starts(const struct mline *l, const char *prefix)
{
	return has_prefix(l->s, l->len, prefix);
}

/* Neither absolute nor climbing out with "..": it stays in the tree. */
static int
safe_path(const char *p)
{
	const char	*c;

	if (*p == '/' || *p == '\0')
		return 0;
	for (c = p;; c++) {
		if (c[0] == '.' && c[1] == '.' && (c[2] == '/' || c[2] == '\0'))
			return 0;
		if ((c = strchr(c, '/')) == NULL)
			return 1;
	}
}

/*
 * A file name from a header line: up to a tab (diff -u adds the time
 * there), without git's quotes and without the a/ or b/ prefix.  NULL
 * for /dev/null, which stands for no file.
 */
static char *
header_path(const char *s, size_t len, char prefix)
{
	const char	*tab = memchr(s, '\t', len);

	if (tab != NULL)
		len = tab - s;
	if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
		s++;
		len -= 2;
	}
	if (len == 9 && memcmp(s, "/dev/null", 9) == 0)
		return NULL;
	if (len > 2 && s[0] == prefix && s[1] == '/') {
		s += 2;
		len -= 2;
	}
	return xstrndup(s, len);
}

static struct pfile *
new_file(struct patch *p, int at)
{
	struct pfile	*pf;

	p->f = xreallocarray(p->f, p->nf + 1, sizeof(*p->f));
	pf = &p->f[p->nf++];
	memset(pf, 0, sizeof(*pf));
	pf->at = at;
	return pf;
}

static void
set_path(char **dst, char *path)
{
	free(*dst);
	*dst = path;
}

/* Names from "diff --git a/X b/Y", for files without --- and +++. */
static void
git_names(struct pfile *pf, const struct mline *l)
{
	const char	*s = l->s + 11, *b;
	size_t		 len = l->len - 11;

	if (l->len < 11 || memcmp(l->s, "diff --git ", 11) != 0 ||
	    (b = strstr(s, " b/")) == NULL || (size_t)(b - s) >= len)
		return;
	set_path(&pf->old, header_path(s, b - s, 'a'));
	set_path(&pf->new, header_path(b + 1, len - (b + 1 - s), 'b'));
}

/* Git's extended header lines, before the hunks of a file. */
static void
git_header(struct pfile *pf, const struct mline *l)
{
	if (starts(l, "rename from ") || starts(l, "copy from ")) {
		pf->renamed = 1;
		set_path(&pf->old, header_path(strchr(l->s, ' ') + 6,
		    l->len - (strchr(l->s, ' ') + 6 - l->s), 0));
	} else if (starts(l, "rename to ") || starts(l, "copy to "))
		set_path(&pf->new, header_path(strchr(l->s, ' ') + 4,
		    l->len - (strchr(l->s, ' ') + 4 - l->s), 0));
	else if (starts(l, "new file mode"))
		set_path(&pf->old, NULL);
	else if (starts(l, "deleted file mode"))
		set_path(&pf->new, NULL);
	else if (starts(l, "Binary files ") || starts(l, "GIT binary patch"))
		pf->binary = 1;
}

/* "START[,COUNT]" after the - or + of a hunk header. */
static int
range(const char **s, const char *end, int *start, int *count)
{
	char	*e;
	long	 v;

	v = strtol(*s, &e, 10);
	if (e == *s || e > end || v < 0 || v > 100000000)
		return -1;
	*start = (int)v;
	*count = 1;
	if (e < end && *e == ',') {
		*s = e + 1;
		v = strtol(*s, &e, 10);
		if (e == *s || e > end || v < 0 || v > 100000000)
			return -1;
		*count = (int)v;
	}
	*s = e;
	return 0;
}

static int
hunk_header(const struct mline *l, struct hunk *h)
{
	const char	*s = l->s + 3, *end = l->s + l->len;

	if (s >= end || *s++ != '-' ||
	    range(&s, end, &h->ostart, &h->olen) == -1 ||
	    s + 2 > end || *s++ != ' ' || *s++ != '+' ||
	    range(&s, end, &h->nstart, &h->nlen) == -1)
		return -1;
	return s + 3 <= end && memcmp(s, " @@", 3) == 0 ? 0 : -1;
}

static void
add_pline(struct hunk *h, char op, const struct mline *l)
{
	struct pline	*pl;

	h->l = xreallocarray(h->l, h->n + 1, sizeof(*h->l));
	pl = &h->l[h->n++];
	pl->op = op;
	pl->at = l->at;
	pl->s = op == '?' || l->len == 0 ? l->s : l->s + 1;
	pl->len = op == '?' || l->len == 0 ? l->len : l->len - 1;
	if (op == '#')
		pl->op = '?';
	pl->miscounted = op == '#';
}

/*
 * Read the lines of a hunk, as many as its header counts.  A line that
 * is no diff line, or that the counts have no room for, is kept as
 * '?': the patch was damaged.  An empty line is an empty context line
 * whose one space a mailer took off, as git takes it too.
 */
static size_t
read_hunk(struct pfile *pf, const struct mail *m, size_t i)
{
	struct hunk	*h;
	const struct mline *l;
	int		 oleft, nleft;
	char		 op;

	pf->h = xreallocarray(pf->h, pf->nh + 1, sizeof(*pf->h));
	h = &pf->h[pf->nh++];
	memset(h, 0, sizeof(*h));
	h->at = m->l[i].at;
	if (hunk_header(&m->l[i], h) == -1) {
		h->short_at = h->at;
		return i + 1;
	}
	oleft = h->olen;
	nleft = h->nlen;
	for (i++; i < m->n && (oleft > 0 || nleft > 0); i++) {
		l = &m->l[i];
		op = l->len > 0 ? l->s[0] : ' ';
		if (op == '\\')
			continue;
		/* A mail's signature ends a hunk that lost lines. */
		if (starts(l, "@@ ") || starts(l, "diff ") ||
		    (l->len == 3 && memcmp(l->s, "-- ", 3) == 0))
			break;
		if (op == ' ' && oleft > 0 && nleft > 0) {
			oleft--;
			nleft--;
		} else if (op == '-' && oleft > 0)
			oleft--;
		else if (op == '+' && nleft > 0)
			nleft--;
		else {
			op = op == ' ' || op == '-' || op == '+' ? '#' : '?';
			oleft -= oleft > 0;
			nleft -= nleft > 0;
		}
		add_pline(h, op, l);
	}
	if (oleft > 0 || nleft > 0)
		h->short_at = i < m->n ? m->l[i].at :
		    m->n > 0 ? m->l[m->n - 1].at + 1 : h->at + 1;
	if (i < m->n && starts(&m->l[i], "\\"))
		i++;
	return i;
}

static void
add_mangle(struct patch *p, int at, int after)
{
	p->m = xreallocarray(p->m, p->nm + 1, sizeof(*p->m));
	p->m[p->nm].at = at;
	p->m[p->nm].after = after;
	p->m[p->nm].file = p->nf - 1;
	p->nm++;
}

/* Is the file a manual page that can be applied inside the tree? */
static void
classify(struct pfile *pf)
{
	const char	*name = pf->new != NULL ? pf->new : pf->old;
	char		 sect[32];

	pf->page = name != NULL && !pf->binary && safe_path(name) &&
	    (pf->old == NULL || safe_path(pf->old)) &&
	    src_name_section(name, sect, sizeof(sect)) != NULL;
}

void
patch_parse(struct patch *p, const struct mail *m)
{
	const struct mline *l;
	struct pfile	*cur = NULL;
	size_t		 i = m->diff, k;
	int		 dashes = 0, after = 0;

	memset(p, 0, sizeof(*p));
	while (i < m->n) {
		l = &m->l[i];
		if (starts(l, "diff ")) {
			cur = new_file(p, l->at);
			git_names(cur, l);
			dashes = after = 0;
			i++;
		} else if (starts(l, "--- ") && i + 1 < m->n &&
		    starts(&m->l[i + 1], "+++ ")) {
			if (cur == NULL || dashes || cur->nh > 0)
				cur = new_file(p, l->at);
			set_path(&cur->old, header_path(l->s + 4, l->len - 4,
			    'a'));
			set_path(&cur->new, header_path(m->l[i + 1].s + 4,
			    m->l[i + 1].len - 4, 'b'));
			dashes = 1;
			after = 0;
			i += 2;
		} else if (starts(l, "@@ ") && cur != NULL) {
			after = l->at;
			i = read_hunk(cur, m, i);
		} else {
			if (cur != NULL && cur->nh == 0)
				git_header(cur, l);
			/*
			 * Lines of a diff right after a hunk that has all
			 * the lines it counts: it was edited by hand.
			 */
			if (after && l->len > 0 && l->s[0] != '\0' &&
			    strchr(" +-", l->s[0]) != NULL &&
			    !(l->len == 3 && memcmp(l->s, "-- ", 3) == 0)) {
				if (l->s[0] == '+')
					add_mangle(p, l->at, after);
			} else
				after = 0;
			i++;
		}
	}
	for (k = 0; k < p->nf; k++)
		classify(&p->f[k]);
}

void
patch_free(struct patch *p)
{
	size_t	 i, j;

	for (i = 0; i < p->nf; i++) {
		for (j = 0; j < p->f[i].nh; j++)
			free(p->f[i].h[j].l);
		free(p->f[i].h);
		free(p->f[i].old);
		free(p->f[i].new);
	}
	free(p->f);
	free(p->m);
}

/* ---- the temporary tree */

/* A page the tree holds, or that a patch of the series deleted. */
struct tentry {
	char		*path;
	int		 gone;
};

struct ptree {
	char		*base;
	char		*dir;
	struct tentry	*e;
	size_t		 ne;
	char		**made;		/* files and directories, in order */
	size_t		 nmade;
};

struct ptree *
ptree_new(const char *base)
{
	struct ptree	*t;
	const char	*tmp = getenv("TMPDIR");
	char		*dir;

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	dir = xmalloc(strlen(tmp) + 32);
	sprintf(dir, "%s/manlint-diff.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		fprintf(stderr, "manlint: %s: cannot make a directory: %s\n",
		    dir, strerror(errno));
		free(dir);
		return NULL;
	}
	t = xcalloc(1, sizeof(*t));
	t->base = xstrdup(base != NULL ? base : ".");
	t->dir = dir;
	return t;
}

void
ptree_free(struct ptree *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = t->nmade; i-- > 0; ) {
		if (remove(t->made[i]) == -1)
			fprintf(stderr, "manlint: cannot remove %s: %s\n",
			    t->made[i], strerror(errno));
		free(t->made[i]);
	}
	if (rmdir(t->dir) == -1)
		fprintf(stderr, "manlint: cannot remove %s: %s\n", t->dir,
		    strerror(errno));
	for (i = 0; i < t->ne; i++)
		free(t->e[i].path);
	free(t->e);
	free(t->made);
	free(t->dir);
	free(t->base);
	free(t);
}

static struct tentry *
tree_find(struct ptree *t, const char *path)
{
	size_t	 i;

	for (i = 0; i < t->ne; i++)
		if (strcmp(t->e[i].path, path) == 0)
			return &t->e[i];
	return NULL;
}

static struct tentry *
tree_entry(struct ptree *t, const char *path)
{
	struct tentry	*e;

	if ((e = tree_find(t, path)) != NULL)
		return e;
	t->e = xreallocarray(t->e, t->ne + 1, sizeof(*t->e));
	e = &t->e[t->ne++];
	e->path = xstrdup(path);
	e->gone = 0;
	return e;
}

static char *
join(const char *dir, const char *path)
{
	char	*s = xmalloc(strlen(dir) + strlen(path) + 2);

	sprintf(s, "%s/%s", dir, path);
	return s;
}

/* The directories above path in the tree, made as needed. */
static int
make_dirs(struct ptree *t, const char *path)
{
	char	*full = join(t->dir, path), *slash;

	for (slash = full + strlen(t->dir) + 1;
	    (slash = strchr(slash, '/')) != NULL; slash++) {
		*slash = '\0';
		if (mkdir(full, 0700) == 0) {
			t->made = xreallocarray(t->made, t->nmade + 1,
			    sizeof(*t->made));
			t->made[t->nmade++] = xstrdup(full);
		} else if (errno != EEXIST) {
			fprintf(stderr, "manlint: %s: %s\n", full,
			    strerror(errno));
			free(full);
			return -1;
		}
		*slash = '/';
	}
	free(full);
	return 0;
}

/* ---- applying */

/* A page's lines as a hunk sees them. */
struct text {
	const char	**s;
	size_t		*len;
	size_t		 n;
};

/* The patched page being built, with the origin of each line. */
struct out {
	char		*buf;
	size_t		 len, cap;
	int		*origin;
	int		 n;
};

static void
emit(struct out *o, const char *s, size_t len, int origin)
{
	while (o->len + len + 1 > o->cap) {
		o->cap = o->cap ? o->cap * 2 : 4096;
		o->buf = xrealloc(o->buf, o->cap);
	}
	memcpy(o->buf + o->len, s, len);
	o->len += len;
	o->buf[o->len++] = '\n';
	o->origin = xreallocarray(o->origin, o->n + 1, sizeof(*o->origin));
	o->origin[o->n++] = origin;
}

static int
same(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

/* Equal but for the amount and kind of white space. */
static int
same_but_space(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t	 i = 0, j = 0;

	for (;;) {
		while (i < alen && (a[i] == ' ' || a[i] == '\t'))
			i++;
		while (j < blen && (b[j] == ' ' || b[j] == '\t'))
			j++;
		if (i == alen || j == blen)
			return i == alen && j == blen;
		if (a[i++] != b[j++])
			return 0;
	}
}

/*
 * Do the hunk's lines stand at line p (0-based) of the page?  All but
 * those of kind skip: '+' to find the old side, '-' the new.
 */
static int
matches(const struct hunk *h, const struct text *old, size_t p, char skip)
{
	size_t	 i;

	for (i = 0; i < h->n; i++) {
		if (h->l[i].op == skip)
			continue;
		if (h->l[i].op == '?' || p >= old->n ||
		    !same(h->l[i].s, h->l[i].len, old->s[p], old->len[p]))
			return 0;
		p++;
	}
	return 1;
}

/* Where the header puts the hunk's side, 0-based. */
static size_t
header_pos(const struct hunk *h, char skip)
{
	int	 start = skip == '+' ? h->ostart : h->nstart;
	int	 len = skip == '+' ? h->olen : h->nlen;

	return len == 0 || start == 0 ? (size_t)start : (size_t)start - 1;
}

/*
 * Find the hunk at its header's line, or the nearest line after the
 * previous hunk where it fits.  Return -1 if it fits nowhere.
 */
static long
locate(const struct hunk *h, const struct text *old, size_t from,
    char skip)
{
	size_t	 want = header_pos(h, skip), d;

	for (d = 0; want + d <= old->n || want >= from + d; d++) {
		if (want + d <= old->n && want + d >= from &&
		    matches(h, old, want + d, skip))
			return (long)(want + d);
		if (d > 0 && want >= from + d &&
		    matches(h, old, want - d, skip))
			return (long)(want - d);
	}
	return -1;
}

struct damage {
	int		 at;
	char		 msg[384];
};

/* Is the line in the page, where it was expected or anywhere? */
static int
in_page(const struct pline *pl, const struct text *old, size_t p)
{
	size_t	 i;

	if (p < old->n && same(pl->s, pl->len, old->s[p], old->len[p]))
		return 1;
	for (i = 0; i < old->n; i++)
		if (pl->len > 0 && same(pl->s, pl->len, old->s[i], old->len[i]))
			return 1;
	return 0;
}

/* A line that is no diff line: say what probably happened to it. */
static void
explain_odd(const struct hunk *h, size_t i, const struct text *old,
    size_t p, struct damage *dmg)
{
	const struct pline *pl = &h->l[i];

	dmg->at = pl->at;
	if (pl->miscounted)
		snprintf(dmg->msg, sizeof(dmg->msg), "the hunk of line %d has "
		    "more lines than its header counts (was it edited by "
		    "hand?): the patch does not apply", h->at);
	else if (in_page(pl, old, p))
		snprintf(dmg->msg, sizeof(dmg->msg), "a context line that "
		    "lost its leading space (a mailer stripped it): the patch "
		    "does not apply");
	else if (i > 0 && h->l[i - 1].len + pl->len >= 60)
		snprintf(dmg->msg, sizeof(dmg->msg), "not a diff line: it "
		    "looks like the end of line %d, wrapped by a mailer; the "
		    "patch does not apply", h->l[i - 1].at);
	else
		snprintf(dmg->msg, sizeof(dmg->msg), "the line does not "
		    "start with a space, + or -: a mailer wrapped or stripped "
		    "lines; the patch does not apply");
}

/* Why a hunk does not fit at its header's line. */
static void
explain_misfit(const struct hunk *h, const struct text *old,
    const char *name, struct damage *dmg)
{
	const struct pline *pl;
	size_t		 i, p = header_pos(h, '+');

	dmg->at = h->at;
	snprintf(dmg->msg, sizeof(dmg->msg), "the hunk overlaps the hunk "
	    "before it");
	for (i = 0; i < h->n; i++) {
		pl = &h->l[i];
		if (pl->op == '+')
			continue;
		if (pl->op == '?') {
			explain_odd(h, i, old, p, dmg);
			return;
		}
		dmg->at = pl->at;
		if (p >= old->n) {
			snprintf(dmg->msg, sizeof(dmg->msg), "%s has only %zu "
			    "lines: the patch is for another version of it "
			    "(see --base)", name, old->n);
			return;
		}
		if (same_but_space(pl->s, pl->len, old->s[p], old->len[p]) &&
		    !same(pl->s, pl->len, old->s[p], old->len[p])) {
			snprintf(dmg->msg, sizeof(dmg->msg), "the line "
			    "differs from %s line %zu only in white space (a "
			    "mailer changed it): the patch does not apply",
			    name, p + 1);
			return;
		}
		if (!same(pl->s, pl->len, old->s[p], old->len[p])) {
			snprintf(dmg->msg, sizeof(dmg->msg), "the line does "
			    "not match %s line %zu: the patch is for another "
			    "version of the page (see --base)", name, p + 1);
			return;
		}
		p++;
	}
}

static int
apply_hunk(const struct hunk *h, const struct text *old, size_t *pos,
    struct out *o, const char *name, struct damage *dmg)
{
	size_t	 i, p;
	long	 at;

	if (h->short_at != 0) {
		for (i = 0; i < h->n && h->l[i].op != '?'; i++)
			continue;
		if (i < h->n) {
			explain_odd(h, i, old, header_pos(h, '+'), dmg);
			return -1;
		}
		dmg->at = h->short_at;
		if (h->short_at == h->at)
			snprintf(dmg->msg, sizeof(dmg->msg), "the hunk header "
			    "is not \"@@ -START,COUNT +START,COUNT @@\": the "
			    "patch does not apply");
		else
			snprintf(dmg->msg, sizeof(dmg->msg), "the hunk of line "
			    "%d ends here, before it has the lines its header "
			    "counts (a mailer dropped or joined lines): the "
			    "patch does not apply", h->at);
		return -1;
	}
	if ((at = locate(h, old, *pos, '+')) == -1) {
		explain_misfit(h, old, name, dmg);
		return -1;
	}
	for (p = *pos; p < (size_t)at; p++)
		emit(o, old->s[p], old->len[p], 0);
	for (i = 0; i < h->n; i++) {
		if (h->l[i].op == '+')
			emit(o, h->l[i].s, h->l[i].len, h->l[i].at);
		else if (h->l[i].op == ' ')
			emit(o, old->s[p], old->len[p], 0);
		p += h->l[i].op != '+';
	}
	*pos = p;
	return 0;
}

/* Did a mailer or an editor leave marks on the hunks? */
static int
damaged(const struct pfile *pf)
{
	size_t	 i, j;

	for (i = 0; i < pf->nh; i++) {
		if (pf->h[i].short_at != 0)
			return 1;
		for (j = 0; j < pf->h[i].n; j++)
			if (pf->h[i].l[j].op == '?')
				return 1;
	}
	return 0;
}

/*
 * The page already holds the patch, as when the diff is of the working
 * tree or the patch is committed: the page is checked as it is, with
 * the lines that the patch adds marked.
 */
static int
find_applied(const struct pfile *pf, const struct text *old, struct out *o)
{
	const struct hunk *h;
	size_t		 i, j, p, pos = 0;
	long		 at;
	int		*origin;

	origin = xcalloc(old->n + 1, sizeof(*origin));
	for (i = 0; i < pf->nh; i++) {
		h = &pf->h[i];
		if ((at = locate(h, old, pos, '-')) == -1) {
			free(origin);
			return -1;
		}
		for (p = (size_t)at, j = 0; j < h->n; j++) {
			if (h->l[j].op == '+')
				origin[p] = h->l[j].at;
			p += h->l[j].op != '-';
		}
		pos = p;
	}
	o->len = 0;
	o->n = 0;
	for (p = 0; p < old->n; p++)
		emit(o, old->s[p], old->len[p], origin[p]);
	free(origin);
	return 0;
}

/* The page as it stands before pf: in the tree, in base, or empty. */
static struct srcfile *
read_old(struct ptree *t, const struct pfile *pf, const char *src,
    struct damage *dmg)
{
	struct tentry	*e = tree_find(t, src);
	struct srcfile	*f;
	char		*path, err[256];

	dmg->at = pf->at;
	if (pf->old == NULL)
		src = "/dev/null";
	else if (e != NULL && e->gone) {
		snprintf(dmg->msg, sizeof(dmg->msg), "%s was deleted by an "
		    "earlier patch: this one does not apply", src);
		return NULL;
	}
	path = pf->old == NULL ? xstrdup(src) : e != NULL ?
	    join(t->dir, src) : strcmp(t->base, ".") == 0 ? xstrdup(src) :
	    join(t->base, src);
	f = src_read(path, err, sizeof(err));
	if (f == NULL)
		snprintf(dmg->msg, sizeof(dmg->msg), "cannot read %s, which "
		    "the patch changes: %s", path, err);
	else if (f->binary || f->toolarge) {
		snprintf(dmg->msg, sizeof(dmg->msg), "%s is not a text file "
		    "of usable size", path);
		src_free(f);
		f = NULL;
	}
	free(path);
	return f;
}

static int
write_page(struct ptree *t, const char *name, const struct out *o,
    char **tmp)
{
	FILE	*fp;
	char	*path;
	int	 fresh;

	if (make_dirs(t, name) == -1)
		return -1;
	path = join(t->dir, name);
	fresh = access(path, F_OK) == -1;
	if ((fp = fopen(path, "w")) == NULL || (o->len > 0 &&
	    fwrite(o->buf, 1, o->len, fp) != o->len) || fclose(fp) == EOF) {
		fprintf(stderr, "manlint: %s: %s\n", path, strerror(errno));
		free(path);
		return -1;
	}
	if (fresh) {
		t->made = xreallocarray(t->made, t->nmade + 1,
		    sizeof(*t->made));
		t->made[t->nmade++] = xstrdup(path);
	}
	*tmp = path;
	return 0;
}

/* Apply one file's hunks to its page; fill pt unless it was deleted. */
static int
apply_file(struct ptree *t, const struct pfile *pf, struct patched *pt,
    struct damage *dmg)
{
	struct srcfile	*f;
	struct text	 old;
	struct out	 o;
	const char	*src = pf->renamed || pf->new == NULL ? pf->old :
			    pf->new;
	size_t		 i, pos = 0;
	int		 rc = 0;

	if ((f = read_old(t, pf, src, dmg)) == NULL)
		return -1;
	memset(&o, 0, sizeof(o));
	old.n = (size_t)f->nlines;
	old.s = xcalloc(old.n + 1, sizeof(*old.s));
	old.len = xcalloc(old.n + 1, sizeof(*old.len));
	for (i = 0; i < old.n; i++) {
		old.s[i] = f->buf + f->lines[i].off;
		old.len[i] = f->lines[i].len;
	}
	for (i = 0; i < pf->nh && rc == 0; i++)
		rc = apply_hunk(&pf->h[i], &old, &pos, &o, src, dmg);
	if (rc == -1 && !damaged(pf) && pf->old != NULL && pf->new != NULL &&
	    find_applied(pf, &old, &o) == 0) {
		rc = 0;
		pos = old.n;
	}
	for (; rc == 0 && pos < old.n; pos++)
		emit(&o, old.s[pos], old.len[pos], 0);
	if (rc == 0 && pf->old != NULL && (pf->new == NULL || pf->renamed))
		tree_entry(t, pf->old)->gone = 1;
	if (rc == 0 && pf->new != NULL) {
		tree_entry(t, pf->new)->gone = 0;
		if (write_page(t, pf->new, &o, &pt->tmp) == -1)
			rc = -2;
		pt->show = xstrdup(pf->new);
		pt->origin = o.origin;
		pt->nlines = o.n;
		o.origin = NULL;
	}
	free(o.buf);
	free(o.origin);
	free(old.s);
	free(old.len);
	src_free(f);
	return rc;
}

static void
patched_clear(struct patched *pt)
{
	free(pt->tmp);
	free(pt->show);
	free(pt->origin);
}

/* An added line that starts with another "+" before a roff request. */
static int
doubled_plus(const struct pline *pl)
{
	return pl->op == '+' && pl->len >= 2 && pl->s[0] == '+' &&
	    (pl->s[1] == '.' || pl->s[1] == '\'');
}

static void
report_mangled(const struct patch *p, size_t k, const struct srcfile *f,
    struct diaglist *dl, const struct config *cfg)
{
	const struct pfile *pf = &p->f[k];
	size_t		 i, j;

	for (i = 0; i < p->nm; i++)
		if (p->m[i].file == k)
			diag_add(dl, cfg, f, p->m[i].at, 1, R_PATCH_MANGLED,
			    "a + line after the hunk of line %d has all the "
			    "lines its header counts: it is not applied (was "
			    "the hunk edited by hand?)", p->m[i].after);
	for (i = 0; i < pf->nh; i++)
		for (j = 0; j < pf->h[i].n; j++)
			if (doubled_plus(&pf->h[i].l[j]))
				diag_add(dl, cfg, f, pf->h[i].l[j].at, 1,
				    R_PATCH_MANGLED, "the added line starts "
				    "with \"+.\": the diff marker is doubled, "
				    "and the page gets a stray +");
}

int
ptree_apply(struct ptree *t, const struct patch *p, const struct srcfile *f,
    struct diaglist *dl, const struct config *cfg, struct patched **out,
    size_t *nout)
{
	struct patched	 pt;
	struct damage	 dmg;
	size_t		 k;
	int		 rc, bad = 0;

	*out = NULL;
	*nout = 0;
	for (k = 0; k < p->nf; k++) {
		if (!p->f[k].page)
			continue;
		memset(&pt, 0, sizeof(pt));
		if ((rc = apply_file(t, &p->f[k], &pt, &dmg)) == -1) {
			diag_add(dl, cfg, f, dmg.at, 1, R_PATCH_DOES_NOT_APPLY,
			    "%s", dmg.msg);
			fprintf(stderr, "manlint: %s: the patch does not apply "
			    "(line %d)\n", f->path, dmg.at);
		} else if (rc == 0)
			report_mangled(p, k, f, dl, cfg);
		if (rc != 0) {
			bad = 1;
			patched_clear(&pt);
			continue;
		}
		if (pt.tmp == NULL)
			continue;
		pt.patch = f->path;
		*out = xreallocarray(*out, *nout + 1, sizeof(**out));
		(*out)[(*nout)++] = pt;
	}
	return bad ? -1 : 0;
}

void
patched_free(struct patched *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		patched_clear(&v[i]);
	free(v);
}

void
patched_show(struct patched *pt, struct srcfile *f)
{
	free(f->path);
	f->path = xstrdup(pt->show);
	pt->file = f;
}

void
patched_filter(const struct patched *pt, struct diaglist *dl)
{
	struct diag	*d;
	const char	*sugg;
	size_t		 i, n = 0;
	int		 at, len;
	char		*msg;

	for (i = 0; i < dl->n; i++) {
		d = &dl->v[i];
		at = d->file == pt->file && d->line >= 1 &&
		    d->line <= pt->nlines ? pt->origin[d->line - 1] : 0;
		if (at == 0) {
			free(d->msg);
			continue;
		}
		msg = xmalloc(strlen(d->msg) + strlen(pt->patch) + 32);
		/* Before the suggestion, which the formats take apart. */
		sugg = format_suggestion(d->msg);
		len = sugg != NULL ? (int)(sugg - 2 - d->msg) :
		    (int)strlen(d->msg);
		if (strcmp(pt->patch, "-") == 0)
			sprintf(msg, "%.*s (from patch line %d)%s", len, d->msg,
			    at, d->msg + len);
		else
			sprintf(msg, "%.*s (from %s:%d)%s", len, d->msg,
			    pt->patch, at, d->msg + len);
		free(d->msg);
		d->msg = msg;
		dl->v[n++] = *d;
	}
	dl->n = n;
}
