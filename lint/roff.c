/*
 * Logical lines and argument splitting.
 */
#include <string.h>
#include <stdlib.h>

#include "arena.h"
#include "esc.h"
#include "roff.h"
#include "src.h"
#include "util.h"

static void
lline_reserve(struct lline *l, size_t more)
{
	if (l->len + more + 1 <= l->cap)
		return;
	while (l->len + more + 1 > l->cap)
		l->cap = l->cap ? l->cap * 2 : 256;
	l->buf = xrealloc(l->buf, l->cap);
}

static void
lline_addseg(struct lline *l, int line, int col)
{
	if (l->nsegs == l->segcap) {
		l->segcap = l->segcap ? l->segcap * 2 : 4;
		l->segs = xreallocarray(l->segs, l->segcap, sizeof(*l->segs));
	}
	l->segs[l->nsegs].off = l->len;
	l->segs[l->nsegs].line = line;
	l->segs[l->nsegs].col = col;
	l->nsegs++;
}

/*
 * Scan one physical line p (n bytes) for a comment or an escaped
 * newline.  Return the number of bytes that belong to the logical
 * line; set *join when the next physical line continues it.
 */
static size_t
scan_physical(struct lline *l, const char *p, size_t n, int *join)
{
	size_t		 i = 0;
	const char	*bs;
	struct esc	 e;

	*join = 0;
	while (i < n) {
		if ((bs = memchr(p + i, '\\', n - i)) == NULL)
			return n;
		i = bs - p;
		if (i + 1 == n) {
			*join = 1;
			return i;
		}
		if (p[i + 1] == '"' || p[i + 1] == '#') {
			l->comment = 1;
			l->comment_col = (int)i + 1;
			*join = p[i + 1] == '#';
			return i;
		}
		if (p[i + 1] == '{')
			l->open_braces++;
		else if (p[i + 1] == '}')
			l->close_braces++;
		esc_parse(p + i, n - i, &e);
		i += e.len > 1 ? e.len : 2;
	}
	return n;
}

/*
 * Where the next backslash, tab and hyphen of a file are.  Escapes
 * are rare in manual pages, tabs rarer, and few lines hold a hyphen, so
 * rather than search each line, one search finds the next of a byte
 * and answers for every line before it; the nearest of the three
 * answers for all at once, which is one comparison for most lines.  A
 * file is read front to back from its first line, which always
 * searches anew (the memory of a file done with may hold the next
 * one); reading may switch to an included file and back, which
 * searches anew as well.  A byte whose next one a line has passed is
 * searched for from that line.
 */
static const char looked_for[3] = { '\\', '\t', '-' };	/* LL_* order */

/* One per thread: pages are parsed on several at a time. */
static _Thread_local struct {
	const struct srcfile	*f;
	size_t			 from;		/* none of the bytes here */
	size_t			 next[3];	/* up to the next of each */
	size_t			 nearest;	/* and the least of them */
} cursor;

static void
cursor_find(const struct srcfile *f, size_t off, int all)
{
	const char	*p;
	size_t		 least = f->len;
	int		 k;

	for (k = 0; k < 3; k++) {
		if (all || cursor.next[k] < off) {
			p = memchr(f->buf + off, looked_for[k], f->len - off);
			cursor.next[k] = p != NULL ? (size_t)(p - f->buf) :
			    f->len;
		}
		if (cursor.next[k] < least)
			least = cursor.next[k];
	}
	cursor.f = f;
	cursor.nearest = least;
}

/* The LL_* bytes physical line ln of f holds. */
static inline int
line_holds(const struct srcfile *f, int ln)
{
	const struct srcline	*sl = &f->lines[ln];
	size_t			 end = sl->off + sl->len;

	if (ln == 0 || cursor.f != f || sl->off < cursor.from)
		cursor_find(f, sl->off, 1);
	else if (cursor.nearest < sl->off)
		cursor_find(f, sl->off, 0);
	cursor.from = sl->off;
	if (end <= cursor.nearest)
		return 0;
	return (cursor.next[0] < end) * LL_BACKSLASH |
	    (cursor.next[1] < end) * LL_TAB |
	    (cursor.next[2] < end) * LL_HYPHEN;
}

/*
 * Read a logical line from physical line ln on, one holding a
 * backslash: it may continue onto the next lines or carry a comment.
 * Apart from roff_getline(), which then needs fewer registers saved
 * for the lines without.
 */
static __attribute__((noinline)) void
getline_escaped(const struct srcfile *f, int *pos, struct lline *l)
{
	const struct srcline	*sl;
	size_t			 keep;
	int			 ln = *pos, join, holds;

	l->whole = 0;
	l->len = 0;
	l->nsegs = 0;
	do {
		sl = &f->lines[ln];
		join = 0;
		keep = sl->len;
		holds = line_holds(f, ln);
		l->holds |= holds;
		if (holds & LL_BACKSLASH)
			keep = scan_physical(l, f->buf + sl->off, sl->len,
			    &join);
		lline_addseg(l, ++ln, 1);
		/* Escapes but no joining and no comment: left in place too. */
		if (l->len == 0 && !join && keep == sl->len) {
			l->whole = 1;
			l->len = keep;
			break;
		}
		/* Room for the NUL too. */
		lline_reserve(l, keep);
		memcpy(l->buf + l->len, f->buf + sl->off, keep);
		l->len += keep;
	} while (join && ln < f->nlines);
	if (!l->whole)
		l->buf[l->len] = '\0';
	l->lastline = ln;
	*pos = ln;
}

int
roff_getline(const struct srcfile *f, int *pos, struct lline *l)
{
	const struct srcline	*sl;
	int			 ln = *pos;

	if (ln >= f->nlines)
		return 0;
	sl = &f->lines[ln];
	l->line = ln + 1;
	l->comment = 0;
	l->comment_col = 0;
	l->open_braces = l->close_braces = 0;
	l->holds = line_holds(f, ln);
	if (l->segcap == 0) {
		l->segcap = 4;
		l->segs = xreallocarray(NULL, l->segcap, sizeof(*l->segs));
	}
	/* Most lines hold no backslash: one whole line, left in place. */
	if (!(l->holds & LL_BACKSLASH)) {
		l->whole = 1;
		l->len = sl->len;
		l->segs[0].off = 0;
		l->segs[0].line = ln + 1;
		l->segs[0].col = 1;
		l->nsegs = 1;
		l->lastline = *pos = ln + 1;
		return 1;
	}
	getline_escaped(f, pos, l);
	return 1;
}

void
roff_lline_free(struct lline *l)
{
	free(l->buf);
	free(l->segs);
	memset(l, 0, sizeof(*l));
}

void
roff_pos(const struct seg *segs, int nsegs, size_t off, int *line, int *col)
{
	int	 i;

	for (i = nsegs - 1; i > 0; i--)
		if (segs[i].off <= off)
			break;
	if (nsegs == 0) {
		*line = *col = 0;
		return;
	}
	*line = segs[i].line;
	*col = segs[i].col + (int)(off - segs[i].off);
}

/*
 * The bytes that end a run of plain bytes in an argument, unquoted and
 * quoted.  The NUL after the line is one, so that a run is scanned
 * without a test of the length at each byte.
 */
static const unsigned char argstop[256] = {
	['\0'] = 1, [' '] = 1, ['\t'] = 1, ['\\'] = 1
};
static const unsigned char quotstop[256] = {
	['\0'] = 1, ['"'] = 1, ['\\'] = 1
};

/*
 * Read one argument starting at s[*i] into o, which has room for the
 * rest of the line; advance *i past it.  Return the end of what was
 * written, where the NUL goes.
 */
static char *
read_arg(const char *s, size_t len, size_t *i, struct arg *a, char *o)
{
	size_t		 j = *i, k;
	struct esc	 e;

	if (s[j] == '"') {
		a->quoted = 1;
		j++;
		for (;;) {
			if (j >= len) {
				a->unterminated = 1;
				break;
			}
			if (s[j] == '"') {
				if (j + 1 < len && s[j + 1] == '"') {
					*o++ = '"';
					j += 2;
					continue;
				}
				j++;
				break;
			}
			if (s[j] == '\\') {
				esc_parse(s + j, len - j, &e);
				memcpy(o, s + j, e.len);
				o += e.len;
				j += e.len;
				continue;
			}
			for (k = j + 1; !quotstop[(unsigned char)s[k]]; k++)
				continue;
			memcpy(o, s + j, k - j);
			o += k - j;
			j = k;
		}
	} else {
		/*
		 * Escapes are kept as they are written: only the end of
		 * the argument is looked for, and it is copied at once.
		 */
		for (k = j; k < len; ) {
			while (!argstop[(unsigned char)s[k]])
				k++;
			if (k >= len || s[k] == ' ' || s[k] == '\t')
				break;
			if (s[k] == '\\') {
				esc_parse(s + k, len - k, &e);
				k += e.len;
			} else
				k++;	/* a NUL inside the line */
		}
		memcpy(o, s + j, k - j);
		o += k - j;
		j = k;
	}
	*o = '\0';
	*i = j;
	return o;
}

/* Scratch space for the argument list, reused from line to line. */
static _Thread_local struct arg	*argv_tmp;
static _Thread_local int	 argv_cap;

void
roff_thread_free(void)
{
	free(argv_tmp);
	argv_tmp = NULL;
	argv_cap = 0;
}

/*
 * The arguments are written straight into one arena buffer of len + 1
 * bytes.  That is always enough: an argument never prints longer than
 * the input it was read from, and each one's NUL takes the place of
 * the space or the quote after it, or of the end of the line.
 */
int
roff_args(struct arena *ar, const char *s, size_t len,
    const struct seg *segs, int nsegs, size_t base, struct arg **args)
{
	char	*o;
	int	 n = 0;
	size_t	 i = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= len) {
		*args = NULL;
		return 0;
	}
	o = arena_take(ar, len - i + 1);
	for (;;) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= len)
			break;
		if (n == argv_cap) {
			argv_cap = argv_cap ? argv_cap * 2 : 16;
			argv_tmp = xreallocarray(argv_tmp, argv_cap,
			    sizeof(*argv_tmp));
		}
		roff_pos(segs, nsegs, base + i, &argv_tmp[n].line,
		    &argv_tmp[n].col);
		argv_tmp[n].quoted = argv_tmp[n].unterminated = 0;
		argv_tmp[n].s = o;
		o = read_arg(s, len, &i, &argv_tmp[n], o);
		argv_tmp[n].len = o - argv_tmp[n].s;
		o++;
		n++;
	}
	*args = arena_take(ar, n * sizeof(**args));
	memcpy(*args, argv_tmp, n * sizeof(**args));
	return n;
}
