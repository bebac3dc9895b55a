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
 * Where the next backslash (or tab, or hyphen) of a file is.  Escapes
 * are rare in manual pages, tabs rarer, and few lines hold a hyphen, so
 * rather than search each line, one search finds the next one and
 * answers for every line before it.  A file is read front to back from
 * its first line, which always searches anew (the memory of a file
 * done with may hold the next one); reading may switch to an included
 * file and back, and a line the cursor does not cover is searched from
 * anew as well.
 */
struct cursor {
	int			 ch;	/* the byte looked for */
	const struct srcfile	*f;
	size_t			 from;	/* no ch from here ... */
	size_t			 next;	/* ... to this one, or to f->len */
};

/* One set per thread: pages are parsed on several at a time. */
static _Thread_local struct cursor bs_cursor = { '\\', NULL, 0, 0 };
static _Thread_local struct cursor tab_cursor = { '\t', NULL, 0, 0 };
static _Thread_local struct cursor hyphen_cursor = { '-', NULL, 0, 0 };

/* Does the physical line at byte off, len bytes long, hold c->ch? */
static inline int
has_byte(struct cursor *c, const struct srcfile *f, int ln, size_t off,
    size_t len)
{
	const char	*p;

	if (ln == 0 || c->f != f || off < c->from || off > c->next) {
		p = memchr(f->buf + off, c->ch, f->len - off);
		c->f = f;
		c->from = off;
		c->next = p != NULL ? (size_t)(p - f->buf) : f->len;
	}
	return c->next < off + len;
}

/*
 * The nearest byte any cursor looks for: the lines of f from "from"
 * up to it hold none of them, which one comparison tells.  Most lines
 * are such lines.  It is a fact about the bytes of f, so it holds
 * whatever the cursors do, and is set anew where they are asked.  One
 * per thread, as the cursors.
 */
static _Thread_local struct {
	const struct srcfile	*f;
	size_t			 from;
	size_t			 next;
} nearest;

/* Set what of the bytes looked for physical line ln of f holds. */
static inline void
line_bytes(const struct srcfile *f, int ln, struct lline *l)
{
	const struct srcline	*sl = &f->lines[ln];
	size_t			 next;

	if (ln != 0 && nearest.f == f && sl->off >= nearest.from &&
	    sl->off + sl->len <= nearest.next) {
		l->holds = 0;
		return;
	}
	l->holds = has_byte(&tab_cursor, f, ln, sl->off, sl->len) * LL_TAB |
	    has_byte(&bs_cursor, f, ln, sl->off, sl->len) * LL_BACKSLASH |
	    has_byte(&hyphen_cursor, f, ln, sl->off, sl->len) * LL_HYPHEN;
	next = tab_cursor.next;
	if (bs_cursor.next < next)
		next = bs_cursor.next;
	if (hyphen_cursor.next < next)
		next = hyphen_cursor.next;
	nearest.f = f;
	nearest.from = sl->off;
	nearest.next = next;
}

int
roff_getline(const struct srcfile *f, int *pos, struct lline *l)
{
	const struct srcline	*sl;
	size_t			 keep;
	int			 ln = *pos, join;

	if (ln >= f->nlines)
		return 0;
	sl = &f->lines[ln];
	l->line = ln + 1;
	l->comment = 0;
	l->comment_col = 0;
	l->open_braces = l->close_braces = 0;
	line_bytes(f, ln, l);
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
	l->whole = 0;
	l->len = 0;
	l->nsegs = 0;
	do {
		sl = &f->lines[ln];
		join = 0;
		keep = sl->len;
		if (has_byte(&tab_cursor, f, ln, sl->off, sl->len))
			l->holds |= LL_TAB;
		if (has_byte(&hyphen_cursor, f, ln, sl->off, sl->len))
			l->holds |= LL_HYPHEN;
		if (has_byte(&bs_cursor, f, ln, sl->off, sl->len))
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
