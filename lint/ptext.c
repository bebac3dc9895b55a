/*
 * Building the prose text.  Code (SYNOPSIS, .EX, .nf), tables,
 * comments, conditionals and definitions are left out; paragraph
 * macros become breaks, and headings breaks around their words.
 * Escapes turn into the characters they print, in plain ASCII where
 * that is close enough.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "check.h"
#include "esc.h"
#include "ptext.h"
#include "tree.h"
#include "util.h"

static void
grow_text(struct ptext *pt, size_t n)
{
	while (pt->len + n + 1 > pt->cap)
		pt->cap = pt->cap ? pt->cap * 2 : 4096;
	pt->s = xrealloc(pt->s, pt->cap);
	pt->font = xrealloc(pt->font, pt->cap);
}

/* Room for n more bytes and the NUL: asked for by every put. */
static inline void
reserve(struct ptext *pt, size_t n)
{
	if (pt->len + n + 1 > pt->cap)
		grow_text(pt, n);
}

static void
grow_segs(struct ptext *pt)
{
	pt->segcap = pt->segcap ? pt->segcap * 2 : 256;
	pt->seg = xreallocarray(pt->seg, pt->segcap, sizeof(*pt->seg));
}

/*
 * The next byte comes from at: a new segment, unless the last one goes
 * on there.  A segment emptied by put_break() is reused.  Every put
 * asks, so the array's growth is kept out of the way of inlining.
 */
static inline void
mark(struct ptext *pt, const struct ppos *at)
{
	struct pseg	*l;

	if (pt->nseg > 0) {
		l = &pt->seg[pt->nseg - 1];
		if (l->at.file == at->file && l->at.line == at->line &&
		    l->at.col + (int)(pt->len - l->off) == at->col)
			return;
		if (l->off == pt->len) {
			l->at = *at;
			return;
		}
	}
	if (pt->nseg == pt->segcap)
		grow_segs(pt);
	pt->seg[pt->nseg].off = pt->len;
	pt->seg[pt->nseg++].at = *at;
}

/*
 * Copy the n bytes of s to d and set the n bytes of f to font.  Runs
 * are short, a line or an argument: pieces of fixed size, the last
 * overlapping the one before, cost less than calls of memcpy(3) and
 * memset(3), and read and write no byte outside the n.
 */
static inline void
copy_run(char *d, unsigned char *f, const char *s, size_t n, int font)
{
	uint64_t	 w8, f8 = 0x0101010101010101ull * (unsigned char)font;
	uint32_t	 w4;
	size_t		 i;

#ifdef __SSE2__
	if (n >= 16) {
		__m128i	 f16 = _mm_set1_epi8((char)font);

		for (i = 0; i + 16 < n; i += 16) {
			_mm_storeu_si128((__m128i *)(d + i),
			    _mm_loadu_si128((const __m128i *)(s + i)));
			_mm_storeu_si128((__m128i *)(f + i), f16);
		}
		_mm_storeu_si128((__m128i *)(d + n - 16),
		    _mm_loadu_si128((const __m128i *)(s + n - 16)));
		_mm_storeu_si128((__m128i *)(f + n - 16), f16);
		return;
	}
#endif
	if (n >= 8) {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&w8, s + i, 8);
			memcpy(d + i, &w8, 8);
			memcpy(f + i, &f8, 8);
		}
		memcpy(&w8, s + n - 8, 8);
		memcpy(d + n - 8, &w8, 8);
		memcpy(f + n - 8, &f8, 8);
	} else if (n >= 4) {
		memcpy(&w4, s, 4);
		memcpy(d, &w4, 4);
		memcpy(f, &f8, 4);
		memcpy(&w4, s + n - 4, 4);
		memcpy(d + n - 4, &w4, 4);
		memcpy(f + n - 4, &f8, 4);
	} else
		for (i = 0; i < n; i++) {
			d[i] = s[i];
			f[i] = font;
		}
}

/*
 * Append n bytes of s in a font, the first from at, the others from
 * the columns after it.  Every byte of every page passes here: plain
 * text goes in whole runs, so that the common case is a copy.
 */
static inline void
put_run(struct ptext *pt, const char *s, size_t n, const struct ppos *at,
    int font)
{
	reserve(pt, n);
	mark(pt, at);
	copy_run(pt->s + pt->len, pt->font + pt->len, s, n, font);
	pt->len += n;
	pt->s[pt->len] = '\0';
}

/* A byte of its own: a line's end, a break, an escape's character. */
static inline void
put(struct ptext *pt, char ch, const struct ppos *at, int font)
{
	reserve(pt, 1);
	mark(pt, at);
	pt->font[pt->len] = font;
	pt->s[pt->len++] = ch;
	pt->s[pt->len] = '\0';
}

static void
puts_at(struct ptext *pt, const char *t, const struct ppos *at, int font)
{
	for (; *t != '\0'; t++)
		put(pt, *t, at, font);
}

static void
put_break(struct ptext *pt, const struct ppos *at)
{
	if (pt->len > 0 && pt->s[pt->len - 1] != PT_BREAK) {
		if (pt->s[pt->len - 1] == ' ' || pt->s[pt->len - 1] == '\n')
			pt->len--;
		put(pt, PT_BREAK, at, PF_ROMAN);
	}
}

/* The characters a special character name prints, near enough. */
static const char *
special(const char *name, size_t len)
{
	static const struct {
		const char	*name;
		const char	*text;
	} map[] = {
		{ "em", "--" }, { "en", "-" }, { "hy", "-" }, { "mi", "-" },
		{ "aq", "'" }, { "cq", "'" }, { "oq", "'" }, { "dq", "\"" },
		{ "lq", "\"" }, { "rq", "\"" }, { "ti", "~" }, { "ha", "^" },
		{ "rs", "\\" }, { "ga", "`" }, { "bu", "*" }, { "at", "@" },
		{ "sh", "#" }, { "Do", "$" }, { "bv", "|" }, { "ba", "|" },
		{ "lB", "[" }, { "rB", "]" }, { "lC", "{" }, { "rC", "}" },
		{ "co", "(C)" }, { "rg", "(R)" }, { "tm", "(TM)" },
		{ "de", "o" }, { "mu", "x" }, { "di", "/" }, { "pl", "+" },
		{ "eq", "=" }, { "<=", "<=" }, { ">=", ">=" }, { "!=", "!=" },
		{ "->", "->" }, { "<-", "<-" }, { "sl", "/" }, { "ul", "_" },
		{ "u00A0", " " }, { NULL, NULL }
	};
	int	 i;

	for (i = 0; map[i].name != NULL; i++)
		if (strlen(map[i].name) == len &&
		    memcmp(map[i].name, name, len) == 0)
			return map[i].text;
	return "?";
}

static int
font_of(const struct esc *e, int cur, int *prev)
{
	int	 f;

	if (e->namelen == 0)
		f = *prev;
	else if (e->name[0] == 'B' || e->name[0] == '3')
		f = PF_BOLD;
	else if (e->name[0] == 'I' || e->name[0] == '2')
		f = PF_ITALIC;
	else if (e->name[0] == 'P')
		f = *prev;
	else
		f = PF_ROMAN;
	*prev = cur;
	return f;
}

/* Does the node's line hold neither escapes nor tabs? */
static inline int
is_plain(const struct node *n)
{
	return (n->flags & (NF_PLAIN | NF_NOTAB)) == (NF_PLAIN | NF_NOTAB);
}

/*
 * Append the roff text s (len bytes), whose byte i sits at line:col+i,
 * in font *font, which escapes may change.
 */
static void
put_roff(struct ptext *pt, const char *s, size_t len, const struct node *n,
    int line, int col, const struct seg *segs, int nsegs, int *font)
{
	struct ppos	 at;
	struct esc	 e;
	const char	*p;
	size_t		 i, end;
	int		 k = 0, prev = PF_ROMAN;

	at.file = n->file;
	at.line = at.col = 0;
	for (i = 0; i < len; i += e.len) {
		/* As roff_pos() would say, without a search for each byte. */
		if (segs == NULL) {
			at.line = line;
			at.col = col + (int)i;
		} else if (nsegs > 0) {
			while (k + 1 < nsegs && segs[k + 1].off <= i)
				k++;
			at.line = segs[k].line;
			at.col = segs[k].col + (int)(i - segs[k].off);
		}
		e.len = 1;
		if (s[i] == '\t') {
			put(pt, ' ', &at, *font);
			continue;
		}
		if (s[i] != '\\') {
			/* Plain bytes, up to an escape, a tab or a new line. */
			end = len;
			if (segs != NULL && k + 1 < nsegs && segs[k + 1].off < end)
				end = segs[k + 1].off;
			if (!(n->flags & NF_PLAIN) &&
			    (p = memchr(s + i, '\\', end - i)) != NULL)
				end = p - s;
			if (!(n->flags & NF_NOTAB) &&
			    (p = memchr(s + i, '\t', end - i)) != NULL)
				end = p - s;
			put_run(pt, s + i, end - i, &at, *font);
			e.len = end - i;
			continue;
		}
		esc_parse(s + i, len - i, &e);
		if (e.len == 0)
			e.len = 1;
		switch (e.kind) {
		case ESC_BACKSLASH:
			put(pt, '\\', &at, *font);
			break;
		case ESC_MINUS:
			put(pt, '-', &at, *font);
			break;
		case ESC_SPACE:
			put(pt, ' ', &at, *font);
			break;
		case ESC_CHAR:
			/* \' is an acute accent, not an apostrophe. */
			if (s[i + 1] == '\'')
				puts_at(pt, "\xc2\xb4", &at, *font);
			else
				put(pt, s[i + 1], &at, *font);
			break;
		case ESC_FONT:
			*font = font_of(&e, *font, &prev);
			break;
		case ESC_SPECIAL:
			puts_at(pt, special(e.name, e.namelen), &at, *font);
			break;
		case ESC_STRING:
		case ESC_UNKNOWN:
			put(pt, '?', &at, *font);
			break;
		default:
			break;
		}
	}
}

static int
is_font_macro(const struct node *n)
{
	return n->tok < TOK__COUNT &&
	    (mac_table[n->tok].flags & (MF_FONT | MF_ALTFONT)) != 0;
}

/* The font of argument i of a font macro or heading. */
static int
arg_font(const struct node *n, int i)
{
	const char	*name = n->name;
	char		 c;

	if (mac_table[n->tok].flags & MF_HEADING)
		return PF_BOLD;
	if (mac_table[n->tok].flags & MF_FONT)
		c = name[0] == 'S' ? name[1] : name[0];
	else
		c = name[i % 2];
	return c == 'B' ? PF_BOLD : c == 'I' ? PF_ITALIC : PF_ROMAN;
}

/* The words of a font macro or heading; all in bold with bold set. */
static void
put_macro(struct ptext *pt, const struct node *n, int bold)
{
	const struct arg	*a;
	struct ppos		 at;
	int			 i, font;

	at.file = n->file;
	for (i = 0; i < n->nargs; i++) {
		a = &n->args[i];
		/* .B, .I and headings join their words with spaces; .BR
		 * and the other alternating macros join them with nothing. */
		if (i > 0 && (mac_table[n->tok].flags &
		    (MF_FONT | MF_HEADING))) {
			at.line = a->line;
			at.col = a->col;
			put(pt, ' ', &at, PF_ROMAN);
		}
		font = bold ? PF_BOLD : arg_font(n, i);
		/* Most arguments are plain: they go in as they are. */
		if (is_plain(n) && a->len > 0) {
			at.line = a->line;
			at.col = a->col + a->quoted;
			put_run(pt, a->s, a->len, &at, font);
		} else
			put_roff(pt, a->s, a->len, n, a->line,
			    a->col + a->quoted, NULL, 0, &font);
	}
}

/* Is the line in the part of the page whose text is prose? */
static int
in_prose(const struct node *n)
{
	return !(n->flags & (NF_REGION | NF_COND | NF_NOFILL)) &&
	    (n->sh == NULL || (n->sh->sec != SEC_SYNOPSIS &&
	    n->sh->sec != SEC_NAME));
}

/*
 * Is the node part of the text wanted: the prose, or with synopsis
 * set the SYNOPSIS section, whose lines are usually in no-fill mode?
 */
static int
is_wanted(const struct node *n, int synopsis)
{
	if (n->flags & (NF_REGION | NF_COND))
		return 0;
	if (synopsis) {
		if (n->sh == NULL || n->sh->sec != SEC_SYNOPSIS)
			return 0;
	} else if (!in_prose(n))
		return 0;
	return n->type == N_TEXT || (n->type == N_MACRO &&
	    is_font_macro(n) && n->nargs > 0);
}

/*
 * A line of a macro the page defines, or of one manlint does not know:
 * what it prints is not known, so the text on either side of it is
 * not taken to run on.
 */
static int
is_opaque(const struct node *n)
{
	return n->type == N_MACRO && (n->tok == TOK_USER ||
	    n->tok == TOK_UNKNOWN) && in_prose(n);
}

/* Does the text line end in \c, which joins it to the next? */
static int
joins_next(const struct node *n)
{
	return n->type == N_TEXT && n->len >= 2 &&
	    n->text[n->len - 2] == '\\' && n->text[n->len - 1] == 'c';
}

static int
is_break(const struct node *n)
{
	return n->type == N_BLANK || (n->type == N_MACRO &&
	    n->tok < TOK__COUNT && (mac_table[n->tok].flags &
	    (MF_PARA | MF_HEADING | MF_BREAK)) != 0);
}

/*
 * The words of a heading: its arguments, or, without any, the line
 * after it, which the heading then takes for its own (heading_line()),
 * returned so that it is not taken for prose too.
 */
static const struct node *
put_heading(struct ptext *pt, const struct node *n)
{
	const struct node	*t;
	int			 font = PF_BOLD;

	if (n->nargs > 0) {
		put_macro(pt, n, 1);
		return NULL;
	}
	if ((t = heading_line(n)) == NULL)
		return NULL;
	if (t->type == N_TEXT)
		put_roff(pt, t->text, t->len, t, 0, 0, t->segs, t->nsegs,
		    &font);
	else
		put_macro(pt, t, 1);
	return t;
}

static void
build(struct ptext *pt, const struct page *pg, int synopsis)
{
	const struct node	*n, *head = NULL;
	struct ppos		 at;
	int			 font = PF_ROMAN, tag = 0;

	pt->len = 0;
	pt->nseg = 0;
	at.file = pg->main;
	at.line = at.col = 1;
	for (n = pg->first; n != NULL; n = n->lnext) {
		/* Only one SYNOPSIS is wanted, and it comes early. */
		if (synopsis && pt->len > 0 && n->type == N_MACRO &&
		    n->tok == M_SH && n->sec != SEC_SYNOPSIS)
			break;
		at.file = n->file;
		at.line = n->line;
		at.col = 1;
		if (is_break(n) && !(n->flags & (NF_REGION | NF_COND))) {
			put_break(pt, &at);
			font = PF_ROMAN;
			/* The next line is a tag: no pattern runs from it
			 * into the paragraph it heads. */
			tag = !synopsis && (n->tok == M_TP || n->tok == M_TQ);
			/* A heading's words are a paragraph of their own. */
			if (!synopsis && n->type == N_MACRO &&
			    (mac_table[n->tok].flags & MF_HEADING)) {
				head = put_heading(pt, n);
				put_break(pt, &at);
			}
			continue;
		}
		if (n == head)
			continue;
		if (!synopsis && is_opaque(n)) {
			put_break(pt, &at);
			tag = 0;
			continue;
		}
		if (!is_wanted(n, synopsis))
			continue;
		if (n->type == N_TEXT && is_plain(n) && n->nsegs == 1 &&
		    n->len > 0) {
			/* A line of plain text from one line of the file. */
			at.line = n->segs[0].line;
			at.col = n->segs[0].col - (int)n->segs[0].off;
			put_run(pt, n->text, n->len, &at, font);
		} else if (n->type == N_TEXT)
			put_roff(pt, n->text, n->len, n, 0, 0, n->segs,
			    n->nsegs, &font);
		else
			put_macro(pt, n, 0);
		/* A line ends in a space, unless \c joins it to the next. */
		if (pt->len > 0 && !joins_next(n)) {
			at.line = n->lastline;
			at.col = 1;
			put(pt, '\n', &at, PF_ROMAN);
			if (tag)
				put_break(pt, &at);
			tag = 0;
		}
	}
	if (pt->len == 0)
		put(pt, PT_BREAK, &at, PF_ROMAN);
	reserve(pt, PT_PAD);
	memset(pt->s + pt->len, 0, PT_PAD + 1);
}

void
ptext_build(struct ptext *pt, const struct page *pg)
{
	build(pt, pg, 0);
}

void
ptext_synopsis(struct ptext *pt, const struct page *pg)
{
	build(pt, pg, 1);
}

void
ptext_pos(const struct ptext *pt, size_t off, struct ppos *at)
{
	size_t	 lo = 0, hi = pt->nseg, mid;

	/* The last segment that starts at off or before. */
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (pt->seg[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	*at = pt->seg[lo].at;
	at->col += (int)(off - pt->seg[lo].off);
}

void
ptext_free(struct ptext *pt)
{
	free(pt->s);
	free(pt->font);
	free(pt->seg);
	memset(pt, 0, sizeof(*pt));
}
