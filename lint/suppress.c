/*
 * Suppression comments, read from the source lines of a file.  Most
 * pages have none, so the buffer is searched for "manlint:" first and
 * only the lines holding it are parsed.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "src.h"
#include "suppress.h"
#include "util.h"

#define ALL_RULES	(-1)
#define UNKNOWN		(-2)

enum kind {
	S_DISABLE,
	S_ENABLE,
	S_NEXT_LINE
};

struct entry {
	int		 line;
	enum kind	 kind;
	int		 rule;		/* a rule, ALL_RULES or UNKNOWN */
	int		 col;		/* of the rule's name */
	const char	*name;		/* into the file's buffer */
	size_t		 len;
};

struct supp {
	struct entry	*v;
	size_t		 n;
};

static const struct {
	const char	*word;
	enum kind	 kind;
} directives[] = {
	{ "disable", S_DISABLE },
	{ "enable", S_ENABLE },
	{ "disable-next-line", S_NEXT_LINE },
};

/* The line (from 0) that holds byte off, by bisection. */
static int
line_of(const struct srcfile *f, size_t off)
{
	int	 lo = 0, hi = f->nlines - 1, mid;

	while (lo < hi) {
		mid = (lo + hi + 1) / 2;
		if (f->lines[mid].off <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

static int
is_blank(int ch)
{
	return ch == ' ' || ch == '\t';
}

/*
 * Where the text of a comment line starts: after .\" or '\" or a
 * bare \" at the start of the line, and the blanks after it.  NULL if
 * the line is not a comment.
 */
static const char *
comment_text(const char *p, const char *end)
{
	if (p < end && (*p == '.' || *p == '\''))
		p++;
	while (p < end && is_blank(*p))
		p++;
	if (end - p < 2 || p[0] != '\\' || (p[1] != '"' && p[1] != '#'))
		return NULL;
	for (p += 2; p < end && is_blank(*p); p++)
		continue;
	return p;
}

static void
add(struct supp *s, const struct entry *e)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = *e;
}

/* Parse one line; add an entry for each rule it names. */
static void
parse_line(struct supp *s, const struct srcfile *f, int ln)
{
	const char	*start = f->buf + f->lines[ln].off;
	const char	*end = start + f->lines[ln].len, *p, *w;
	struct entry	 e;
	size_t		 i, len;
	char		*id;

	if ((p = comment_text(start, end)) == NULL ||
	    (size_t)(end - p) < 8 || strncmp(p, "manlint:", 8) != 0)
		return;
	for (p += 8; p < end && is_blank(*p); p++)
		continue;
	for (w = p; p < end && !is_blank(*p); p++)
		continue;
	len = (size_t)(p - w);
	for (i = 0; i < sizeof(directives) / sizeof(directives[0]); i++)
		if (strlen(directives[i].word) == len &&
		    strncmp(directives[i].word, w, len) == 0)
			break;
	if (i == sizeof(directives) / sizeof(directives[0]))
		return;		/* another directive, as output-varies */
	e.line = ln + 1;
	e.kind = directives[i].kind;
	while (p < end) {
		while (p < end && (is_blank(*p) || *p == ','))
			p++;
		for (w = p; p < end && !is_blank(*p) && *p != ','; p++)
			continue;
		if (p == w)
			break;
		e.name = w;
		e.len = (size_t)(p - w);
		e.col = (int)(w - start) + 1;
		id = xstrndup(w, e.len);
		if (strcmp(id, "all") == 0)
			e.rule = ALL_RULES;
		else if ((e.rule = rule_lookup(id)) == -1)
			e.rule = UNKNOWN;
		free(id);
		add(s, &e);
	}
}

/* The next "manlint:" in [p, end), or NULL. */
static const char *
find(const char *p, const char *end)
{
	while ((p = memchr(p, 'm', (size_t)(end - p))) != NULL) {
		if (end - p >= 8 && memcmp(p, "manlint:", 8) == 0)
			return p;
		p++;
	}
	return NULL;
}

static void
scan(struct supp *s, const struct srcfile *f)
{
	const char	*p = f->buf, *end = f->buf + f->len, *hit;
	int		 ln;

	s->v = NULL;
	s->n = 0;
	if (f->binary || f->nlines == 0)
		return;
	while ((hit = find(p, end)) != NULL) {
		ln = line_of(f, (size_t)(hit - f->buf));
		parse_line(s, f, ln);
		if (ln + 1 >= f->nlines)
			break;
		p = f->buf + f->lines[ln + 1].off;
	}
}

struct supp *
supp_scan(const struct srcfile *f)
{
	struct supp	 s, *sp;

	scan(&s, f);
	if (s.n == 0)
		return NULL;
	sp = xmalloc(sizeof(*sp));
	*sp = s;
	return sp;
}

void
supp_free(struct supp *s)
{
	if (s == NULL)
		return;
	free(s->v);
	free(s);
}

/*
 * The entries are in line order: the last disable or enable before
 * the line decides, and disable-next-line covers the line after its
 * own.
 */
int
supp_hides(const struct supp *s, int line, int r)
{
	const struct entry	*e;
	size_t			 i;
	int			 off = 0;

	for (i = 0; i < s->n && s->v[i].line < line; i++) {
		e = &s->v[i];
		if (e->rule != r && e->rule != ALL_RULES)
			continue;
		if (e->kind == S_DISABLE)
			off = 1;
		else if (e->kind == S_ENABLE)
			off = 0;
		else if (e->line == line - 1)
			return 1;
	}
	return off;
}

void
supp_check(const struct srcfile *f, struct diaglist *dl,
    const struct config *cfg)
{
	struct supp	 s;
	size_t		 i;

	scan(&s, f);
	for (i = 0; i < s.n; i++)
		if (s.v[i].rule == UNKNOWN)
			diag_add(dl, cfg, f, s.v[i].line, s.v[i].col,
			    R_SUPPRESS_UNKNOWN, "\"%.*s\" is not a rule, so "
			    "this comment turns nothing off; see "
			    "manlint --list-rules", (int)s.v[i].len,
			    s.v[i].name);
	free(s.v);
}
