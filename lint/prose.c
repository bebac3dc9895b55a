/*
 * Prose rules.  A rule file is a sequence of rules; each starts with a
 * "rule ID" line, followed by "key value" lines:
 *
 *	rule	 the rule's ID (kebab-case)
 *	level	 style, warning or error (default warning)
 *	profile	 portable or man-pages (default man-pages)
 *	pattern	 a PCRE2 pattern; ${NAMES} stands for the page's names,
 *		 ${PARAMS} for the italic words of its SYNOPSIS
 *	font	 roman, bold, italic or any: the font the match must start in
 *	message	 what is wrong; $0 is the matched text, $1..$9 its groups
 *	suggest	 what to write instead (optional)
 *	word	 "WRONG -> RIGHT": instead of a pattern, a list of words or
 *		 phrases to replace; may repeat; $0 in suggest is RIGHT
 *	case	 "insensitive" to match words in any case
 *	unless-font  a font: no byte of the match may be in it
 *	except	 words whose match (group 1, or the whole match) is fine,
 *		 as "that long"; compared without case
 *	elsewhere-font  fonts, as "bold italic": report a match only if
 *		 the page sets its word (as for except) in one of them
 *		 somewhere
 *	elsewhere-prefix  a character: for elsewhere-font, a word that
 *		 starts like the match up to this character will do
 *	unless-quoted  "phrase": no report when the page quotes the match
 *		 with the words around it (a term the page defines);
 *		 "here": nor when the match is between quotes on its line
 *	sections the manual sections the rule applies to, as "2 3"
 *		 (default: all)
 *	per-file at most this many reports in one file (below the
 *		 --max-per-rule limit), for rules whose findings in a page
 *		 are one habit of its author
 *	summary	 one line for --list-rules (default: the message)
 *	explain	 a paragraph for --explain; may repeat, lines are joined
 *
 * Lines starting with # and blank lines are ignored.
 *
 * Every pattern is compiled once, when it is loaded.  The rules run on
 * every page, so the costs that matter are per page: a placeholder
 * becomes a group matching any word and a callout that accepts only
 * the page's words; a pattern that holds a literal is tried only near
 * its occurrences (see "Where a pattern can match"); a word list is a
 * hash table.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "check.h"
#include "prose.h"
#include "ptext.h"
#include "rules.h"
#include "util.h"

#ifndef DATADIR
#define DATADIR	"/usr/local/share/manlint"
#endif

#define FONT_ANY	(-1)

#define QUOTED_PHRASE	1	/* unless-quoted phrase */
#define QUOTED_HERE	2	/* unless-quoted here */

/* The placeholders a pattern may hold. */
enum ph {
	PH_NAMES,
	PH_PARAMS,
	PH__COUNT
};

static const char *const ph_text[PH__COUNT] = { "${NAMES}", "${PARAMS}" };

/*
 * What stands for a placeholder in the compiled pattern: a group that
 * matches any word the placeholder can stand for, then a callout that
 * lets the match go on only if the group holds one of the page's words
 * (ph_callout).  A callout before the group saves trying each length
 * of the group where none of the words starts.  The page's names are
 * made of the characters of PH_CLASS (check.c), its parameters of
 * fewer.  In a caseless part, k and s also match the Kelvin sign and
 * the long s, as they would in a literal.
 */
#define PH_GROUP	"manlint_ph"
#define PH_CALLOUT	"manlint"	/* and a digit, ph_callout() */
#define PH_CLASS	"[\\w.+:@-]"
#define PH_CLASS_I	"[\\w.+:@\\x{17f}\\x{212a}-]"
#define MAX_PH		16

#define MAX_LITS	8
#define LIT_MAX		16	/* longest literal kept, with its NUL */

/*
 * Where a pattern can match.  Take the text a match spans to be what
 * it consumes, plus the text some of its positive lookaheads look at
 * (which starts inside the match, so the whole is one stretch).  Then
 * set holds every byte that text can hold, and, when nlit > 0, it
 * always holds one of the literals lit.  A match then starts in the
 * run of bytes of set around an occurrence of a literal, and need be
 * tried nowhere else; nor where the run holds no word of a placeholder
 * that every match holds (phreq: those where case matters), nor, when
 * every match starts with such a word (phfirst), anywhere but at one.
 * Nor need an occurrence of a literal be counted where the byte after
 * it is not in its follow set, when the pattern goes on after it with
 * an item that always takes a byte (solid), the first in its lead set;
 * nor where the byte before it is not in its precede set, when what
 * comes before it in the pattern is solid, its last byte in its trail.
 */
struct reach {
	unsigned char	 set[32];
	char		 lit[MAX_LITS][LIT_MAX];
	unsigned char	 follow[MAX_LITS][32];	/* bytes after lit */
	unsigned char	 precede[MAX_LITS][32];	/* bytes before it */
	unsigned int	 fstrict;	/* bit i: follow[i] is not all */
	unsigned int	 pstrict;	/* bit i: precede[i] is not all */
	int		 nlit;
	size_t		 key[MAX_LITS];	/* the byte of lit to look for */
	size_t		 len[MAX_LITS];	/* of lit, looked for many times */
	int		 phreq;		/* bit k: spans a word of ph k */
	int		 phfirst;	/* bit k: starts with one */
	int		 solid;		/* a match takes a byte at least */
	unsigned char	 lead[32];	/* if solid, its first byte */
	unsigned char	 trail[32];	/* and its last */
};

/* One entry of a word list. */
struct wentry {
	const char	*w;
	size_t		 len;
	size_t		 flen;	/* length of the first word */
	int		 next;	/* the next entry of its bucket, or -1 */
};

struct prule {
	struct rule_info info;
	char		*pattern;
	char		*message;
	char		*suggest;
	int		 font;
	char		**wrong;	/* word lists: what to replace */
	char		**right;	/* and with what */
	int		 nwords;
	struct wentry	*entries;	/* the words, in list order */
	int		*bucket;	/* first entry by hash of first word */
	unsigned int	 mask;		/* of the bucket index */
	int		 nocase;
	char		*sections;	/* NULL for all */
	int		 unless_font;	/* FONT_ANY for none */
	char		*except;	/* words separated by spaces */
	int		 elsewhere;	/* bit PF_*: elsewhere-font */
	int		 prefix;	/* elsewhere-prefix, or 0 */
	int		 unquoted;	/* unless-quoted: QUOTED_* bits */
	int		 number;	/* in the rule registry */
	int		 uses[PH__COUNT];	/* the placeholders it holds */
	int		 group[10];	/* group of $N in code, or -1 */
	struct reach	 reach;
	unsigned char	 inset[256];	/* reach.set, a byte for each byte */
	int		 windows;	/* matches are looked for near reach.lit */
	pcre2_code	*code;
	const uint8_t	*firstmap;	/* bytes a match can start with */
	const char	*file;
	int		 line;
};

/* Words a placeholder of a pattern stands for on one page. */
struct words {
	char		**w;
	int		  n;
	uint64_t	  lens;	/* bit n: a word of n bytes (63: longer) */
	unsigned char	  first[32];	/* the first bytes of the words */
};


static struct prule	**prules;
static int		  nprules;
static unsigned char	  wordtab[256];	/* is_wordch() */
static unsigned char	  listed[65536];	/* 1 where a listed word hashes */
/* What a page's checking keeps, one set per thread checking pages. */
static _Thread_local size_t	 *bounds;	/* split_words() */
static _Thread_local unsigned int *hashes;
static _Thread_local size_t	 *cands;	/* words that may start an entry */
static _Thread_local size_t	  ncands;
static _Thread_local size_t	  boundcap;
static _Thread_local pcre2_match_data *match;
static _Thread_local pcre2_match_context *mctx;
static _Thread_local struct words phwords[PH__COUNT];
static _Thread_local struct ptext text, syntext;	/* kept page to page */
static _Thread_local char	 *styled_s;	/* styled() */
static _Thread_local size_t	  styledcap;
static _Thread_local int	  styled_ok;	/* made for this page */
static _Thread_local size_t	  styled_count[256];

/* An answer of set_elsewhere() for the page's word at off. */
struct memo {
	size_t		 off;
	size_t		 len;
	int		 mask;
	int		 prefix;
	int		 yes;
};

#define MAX_MEMO	64

static _Thread_local struct memo  memo[MAX_MEMO];	/* elsewhere_memo() */
static _Thread_local int	  nmemo;

static char *
join(char *old, const char *add)
{
	size_t	 n = old ? strlen(old) : 0;
	char	*s;

	s = xmalloc(n + strlen(add) + 2);
	if (old != NULL) {
		memcpy(s, old, n);
		s[n++] = ' ';
		free(old);
	}
	strcpy(s + n, add);
	return s;
}

static int
valid_id(const char *s)
{
	if (!islower((unsigned char)*s))
		return 0;
	for (; *s != '\0'; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s)
		    && *s != '-')
			return 0;
	return 1;
}

/*
 * A character of a word, for word lists: what \w and - match in a
 * pattern, ASCII letters, digits, _ and -.
 */
static int
is_wordch(char ch)
{
	return wordtab[(unsigned char)ch];
}

/* A table, as split_words() tests every byte of every page. */
static void
wordtab_init(void)
{
	int	 c;

	for (c = 0; c < 256; c++)
		wordtab[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* The byte ch, in lower case if case does not matter. */
static int
fold(char ch, int nocase)
{
	return nocase && ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' :
	    (unsigned char)ch;
}

/* Are the n bytes of a and b the same, with or without ASCII case? */
static int
same_bytes(const char *a, const char *b, size_t n, int nocase)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (fold(a[i], nocase) != fold(b[i], nocase))
			return 0;
	return 1;
}

/*
 * The hash of a word (of is_wordch() bytes) without regard to case,
 * so that one hash of a word of the page serves lists of either kind.
 * Its length and first four bytes are enough to tell words apart, and
 * quick to hash for every word of every page: there is no branch to
 * mispredict.  Setting bit 5 folds the letters and leaves digits and -
 * alone; it makes _ a byte no other becomes.
 */
static inline unsigned int
whash(const char *s, size_t len)
{
	static const unsigned char	 ones[8] = { 0xff, 0xff, 0xff, 0xff };
	uint32_t			 h, m;

	/* Four bytes at once, those past the word masked off. */
	memcpy(&h, s, 4);
	memcpy(&m, ones + 4 - (len < 4 ? len : 4), 4);
	h = (h | 0x20202020u) & m;
	return (h ^ (unsigned int)len * 0x9e3779b9u) * 2654435761u;
}

/* whash() of a word of fewer than four bytes to read. */
static unsigned int
whash_short(const char *s, size_t len)
{
	char	 pad[4] = { 0 };

	memcpy(pad, s, len < 4 ? len : 4);
	return whash(pad, len);
}

/*
 * A word list is not matched with a pattern: an alternation of a
 * hundred words costs a hundred tries at every word of the page.  The
 * entries are hashed by their first word instead, and each word of the
 * page is looked up.  A bucket lists its entries in list order, so
 * that of several entries that match, the first listed wins, as in an
 * alternation.  Every WRONG must start with a word character, so that
 * it starts at a word of the page.
 */
static int
hash_words(struct prule *r, char *err, size_t errsz)
{
	struct wentry	*e;
	unsigned int	 h;
	int		 i;

	r->entries = xreallocarray(NULL, r->nwords, sizeof(*r->entries));
	/* Sparse: most words of a page are in no bucket. */
	for (r->mask = 15; r->mask < 8 * (unsigned int)r->nwords;
	    r->mask = 2 * r->mask + 1)
		continue;
	r->bucket = xreallocarray(NULL, r->mask + 1, sizeof(*r->bucket));
	memset(r->bucket, 0xff, (r->mask + 1) * sizeof(*r->bucket));
	for (i = 0; i < r->nwords; i++) {
		e = &r->entries[i];
		e->w = r->wrong[i];
		e->len = strlen(e->w);
		for (e->flen = 0; is_wordch(e->w[e->flen]); e->flen++)
			continue;
		if (e->flen == 0) {
			snprintf(err, errsz, "word \"%s\" must start with a "
			    "letter, a digit, _ or -", e->w);
			return -1;
		}
	}
	for (i = r->nwords - 1; i >= 0; i--) {
		e = &r->entries[i];
		h = whash_short(e->w, e->flen) >> 16;
		listed[h] = 1;
		h &= r->mask;
		e->next = r->bucket[h];
		r->bucket[h] = i;
	}
	return 0;
}

/*
 * Where a pattern can match (struct reach), found by a scan of its
 * syntax.  The scan need not know every construct: it takes what it
 * does not know to span any byte, or, when that could be wrong, turns
 * the search near literals off (ok = 0).  It also finds the
 * placeholders, and whether case matters where they stand.
 */
#define F_CASELESS	1	/* (?i) */
#define F_EXTENDED	2	/* (?x): white space and # comments */
#define F_EXTMORE	4	/* (?xx): white space in classes too */

struct scan {
	const char	*start;		/* the pattern */
	const char	*p;		/* its next byte */
	int		 ok;		/* the reach found can be used */
	int		 skips;		/* holds a (*SKIP) */
	int		 quote;		/* inside \Q...\E */
	int		 nph;
	size_t		 phoff[MAX_PH];	/* where each placeholder is */
	enum ph		 phkind[MAX_PH];
	int		 phcase[MAX_PH];	/* (?i) is on there */
};

/* What an item of a pattern is. */
enum item {
	I_ZERO,		/* matches no text: an assertion, a verb, options */
	I_TEXT,		/* matches text */
	I_AHEAD,	/* a positive lookahead */
	I_CHAR		/* one byte, whose case matters */
};

static void	 alt(struct scan *, int, struct reach *);
static enum item group(struct scan *, int *, struct reach *);

static void
set_add(unsigned char *set, int ch)
{
	set[ch >> 3] |= 1 << (ch & 7);
}

static int
set_has(const unsigned char *set, int ch)
{
	return set[ch >> 3] >> (ch & 7) & 1;
}

static void
set_range(unsigned char *set, int lo, int hi)
{
	for (; lo <= hi; lo++)
		set_add(set, lo);
}

static void
set_union(unsigned char *set, const unsigned char *add)
{
	int	 i;

	for (i = 0; i < 32; i++)
		set[i] |= add[i];
}

/*
 * Let a set hold both cases of its letters.  In UTF mode, k and s also
 * match the Kelvin sign and the long s, which are not ASCII.
 */
static void
set_fold(unsigned char *set)
{
	int	 lc;

	for (lc = 'a'; lc <= 'z'; lc++) {
		if (!set_has(set, lc) && !set_has(set, lc - 'a' + 'A'))
			continue;
		set_add(set, lc);
		set_add(set, lc - 'a' + 'A');
		if (lc == 'k' || lc == 's')
			set_range(set, 0x80, 0xff);
	}
}

/* Add what an escape such as \d stands for; 0 if c names none. */
static int
set_escape(unsigned char *set, int c)
{
	switch (c) {
	case 'd':
		set_range(set, '0', '9');
		return 1;
	case 'w':
		set_range(set, '0', '9');
		set_range(set, 'A', 'Z');
		set_range(set, 'a', 'z');
		set_add(set, '_');
		return 1;
	case 's':
		set_range(set, '\t', '\r');
		set_add(set, ' ');
		return 1;
	case 'D':
	case 'H':
	case 'N':
	case 'P':
	case 'R':
	case 'S':
	case 'V':
	case 'W':
	case 'X':
	case 'h':
	case 'p':
	case 'v':
		/* Near enough: any byte. */
		memset(set, 0xff, 32);
		return 1;
	default:
		return 0;
	}
}

/* Skip to just past the byte c, or to the end of the pattern. */
static void
skip_past(struct scan *sc, int c)
{
	while (*sc->p != '\0' && *sc->p++ != c)
		continue;
}

/* Skip the bytes of a character after its first, in UTF-8. */
static void
skip_utf8(struct scan *sc)
{
	while (((unsigned char)*sc->p & 0xc0) == 0x80)
		sc->p++;
}

/* The value of an escape such as \x41, \x{41} or \o{101}. */
static long
escape_value(struct scan *sc, int base, int maxdigits)
{
	char	*end;
	long	 v = 0;
	int	 n, d;

	if (*sc->p == '{') {
		v = strtol(sc->p + 1, &end, base);
		sc->p = end;
		skip_past(sc, '}');
		return v;
	}
	for (n = 0; n < maxdigits; n++, sc->p++) {
		d = isdigit((unsigned char)*sc->p) ? *sc->p - '0' :
		    isxdigit((unsigned char)*sc->p) ?
		    tolower((unsigned char)*sc->p) - 'a' + 10 : base;
		if (d >= base)
			break;
		v = v * base + d;
	}
	return v;
}

/*
 * The escape after a backslash: a byte (I_CHAR, in *ch), text (I_TEXT,
 * its bytes added to set) or an assertion (I_ZERO).
 */
static enum item
escape(struct scan *sc, int inclass, unsigned char *set, int *ch)
{
	int	 c = (unsigned char)*sc->p;
	long	 v;

	if (c == '\0') {
		sc->ok = 0;
		return I_ZERO;
	}
	sc->p++;
	if (set_escape(set, c)) {
		/* \p{L}, \pL, \N{U+41}. */
		if ((c == 'p' || c == 'P' || c == 'N') && *sc->p == '{')
			skip_past(sc, '}');
		else if ((c == 'p' || c == 'P') && *sc->p != '\0')
			sc->p++;
		return I_TEXT;
	}
	switch (c) {
	case 'b':
		if (!inclass)
			return I_ZERO;
		v = '\b';
		break;
	case 'A':
	case 'B':
	case 'E':
	case 'Z':
	case 'z':
		return I_ZERO;
	case 'G':
	case 'K':
		/* They depend on where the search starts. */
		sc->ok = 0;
		return I_ZERO;
	case 'Q':
		sc->quote = 1;
		return I_ZERO;
	case 'a':
		v = '\a';
		break;
	case 'c':
		v = toupper((unsigned char)*sc->p) ^ 0x40;
		if (*sc->p != '\0')
			sc->p++;
		break;
	case 'e':
		v = 033;
		break;
	case 'f':
		v = '\f';
		break;
	case 'n':
		v = '\n';
		break;
	case 'r':
		v = '\r';
		break;
	case 't':
		v = '\t';
		break;
	case 'x':
		v = escape_value(sc, 16, 2);
		break;
	case 'o':
		v = escape_value(sc, 8, 0);
		break;
	case '0':
		v = escape_value(sc, 8, 2);
		break;
	default:
		if (!isalnum(c)) {
			v = c;
			break;
		}
		/* A back reference (\1, \g{-1}, \k<name>): any byte. */
		if ((c == 'g' || c == 'k') && *sc->p == '{')
			skip_past(sc, '}');
		else if ((c == 'g' || c == 'k') && *sc->p == '<')
			skip_past(sc, '>');
		else if ((c == 'g' || c == 'k') && *sc->p == '\'') {
			sc->p++;
			skip_past(sc, '\'');
		} else {
			if (*sc->p == '+' || *sc->p == '-')
				sc->p++;
			while (isdigit((unsigned char)*sc->p))
				sc->p++;
		}
		memset(set, 0xff, 32);
		return I_TEXT;
	}
	if (v < 0 || v >= 0x80) {
		set_range(set, 0x80, 0xff);
		skip_utf8(sc);
		return I_TEXT;
	}
	set_add(set, v);
	*ch = v;
	return I_CHAR;
}

/*
 * A character of a class: its byte, or -1 for a set such as \d, or a
 * character that is not ASCII, added to set at once.
 */
static int
class_char(struct scan *sc, unsigned char *set)
{
	int	 c = (unsigned char)*sc->p++, ch;

	if (c == '\\') {
		if (escape(sc, 1, set, &ch) == I_CHAR)
			return ch;
		if (sc->quote) {
			/* \Q...\E in a class: near enough, any byte. */
			memset(set, 0xff, 32);
			while (*sc->p != '\0' &&
			    !(sc->p[0] == '\\' && sc->p[1] == 'E'))
				sc->p++;
			if (*sc->p != '\0')
				sc->p += 2;
			sc->quote = 0;
		}
		return -1;
	}
	if (c >= 0x80) {
		set_range(set, 0x80, 0xff);
		skip_utf8(sc);
		return -1;
	}
	return c;
}

/* A class, from after its [; its bytes are added to set. */
static void
cclass(struct scan *sc, int flags, unsigned char *set)
{
	unsigned char	 in[32];
	const char	*first, *end;
	int		 neg = 0, lo, hi, i;

	memset(in, 0, sizeof(in));
	if (*sc->p == '^') {
		neg = 1;
		sc->p++;
	}
	first = sc->p;
	for (;;) {
		if (*sc->p == '\0') {
			sc->ok = 0;
			break;
		}
		if (*sc->p == ']' && sc->p != first) {
			sc->p++;
			break;
		}
		if ((flags & F_EXTMORE) && (*sc->p == ' ' || *sc->p == '\t')) {
			sc->p++;
			continue;
		}
		if (sc->p[0] == '[' && sc->p[1] == ':' &&
		    (end = strstr(sc->p, ":]")) != NULL) {
			/* A POSIX class: near enough, any byte. */
			memset(in, 0xff, sizeof(in));
			sc->p = end + 2;
			continue;
		}
		if ((lo = class_char(sc, in)) < 0)
			continue;
		if (sc->p[0] != '-' || sc->p[1] == ']' || sc->p[1] == '\0') {
			set_add(in, lo);
			continue;
		}
		sc->p++;
		if ((hi = class_char(sc, in)) < 0) {
			/* As in [a-\d]: the - is a byte of its own. */
			set_add(in, lo);
			set_add(in, '-');
		} else
			set_range(in, lo, hi);
	}
	if (flags & F_CASELESS)
		set_fold(in);
	if (neg) {
		for (i = 0; i < 16; i++)
			in[i] = ~in[i];
		set_range(in, 0x80, 0xff);
	}
	set_union(set, in);
}

/* Skip white space and comments, where (?x) makes them no part. */
static void
skip_space(struct scan *sc, int flags)
{
	if (!(flags & F_EXTENDED) || sc->quote)
		return;
	for (;;) {
		if (isspace((unsigned char)*sc->p))
			sc->p++;
		else if (*sc->p == '#')
			while (*sc->p != '\0' && *sc->p != '\n')
				sc->p++;
		else
			return;
	}
}

/*
 * A quantifier after an item, if any: 1, with the least count it
 * allows in *min.  A brace that starts no quantifier is a literal.
 */
static int
quantifier(struct scan *sc, int flags, long *min)
{
	char	*q;

	if (sc->quote)
		return 0;
	skip_space(sc, flags);
	switch (*sc->p) {
	case '*':
	case '?':
		*min = 0;
		break;
	case '+':
		*min = 1;
		break;
	case '{':
		if (!isdigit((unsigned char)sc->p[1]))
			return 0;
		*min = strtol(sc->p + 1, &q, 10);
		if (*q == ',')
			for (q++; isdigit((unsigned char)*q); q++)
				continue;
		if (*q != '}')
			return 0;
		sc->p = q;
		break;
	default:
		return 0;
	}
	sc->p++;
	if (*sc->p == '+' || *sc->p == '?')
		sc->p++;
	return 1;
}

static void
close_group(struct scan *sc)
{
	if (*sc->p == ')')
		sc->p++;
	else
		sc->ok = 0;
}

/* A callout, from its C: (?C), (?C1), (?C"text"). */
static void
skip_callout(struct scan *sc)
{
	int	 open, close;

	open = (unsigned char)*++sc->p;
	if (open != '\0' && strchr("`'\"^%#${", open) != NULL) {
		close = open == '{' ? '}' : open;
		for (sc->p++; *sc->p != '\0'; sc->p++)
			if (*sc->p == close && *++sc->p != close)
				break;
	}
	skip_past(sc, ')');
}

/*
 * A verb or an alpha assertion, from after its "(*".  Verbs that act
 * within one try, as (*SKIP) does, leave the search alone; (*COMMIT),
 * (*ACCEPT), (*SKIP:NAME) and options such as (*UCP) do not.
 */
static enum item
verb(struct scan *sc, int flags, struct reach *r)
{
	static const char *const local[] = {
		"SKIP", "PRUNE", "THEN", "FAIL", "F", "MARK", "", NULL
	};
	const char	*name = sc->p;
	size_t		 len;
	int		 i;

	while (isalnum((unsigned char)*sc->p) || *sc->p == '_')
		sc->p++;
	len = sc->p - name;
	if (len > 0 && islower((unsigned char)*name) && *sc->p == ':') {
		/* As (*pla:...): rare, so left to the full search. */
		sc->p++;
		alt(sc, flags, r);
		close_group(sc);
		sc->ok = 0;
		return I_TEXT;
	}
	for (i = 0; local[i] != NULL; i++)
		if (strlen(local[i]) == len && strncmp(local[i], name, len) == 0)
			break;
	if (local[i] == NULL || (i == 0 && *sc->p == ':'))
		sc->ok = 0;
	if (i == 0)
		sc->skips = 1;
	skip_past(sc, ')');
	return I_ZERO;
}

/* Options, from after "(?": (?i), (?-x), or a group with them, (?i:. */
static enum item
options(struct scan *sc, int *flags, struct reach *r)
{
	int	 fl = *flags, on = 1;

	for (;; sc->p++) {
		switch (*sc->p) {
		case '^':
			fl &= ~(F_CASELESS | F_EXTENDED | F_EXTMORE);
			break;
		case '-':
			on = 0;
			break;
		case 'i':
			fl = on ? fl | F_CASELESS : fl & ~F_CASELESS;
			break;
		case 'x':
			if (!on)
				fl &= ~(F_EXTENDED | F_EXTMORE);
			else if (sc->p[1] == 'x') {
				fl |= F_EXTENDED | F_EXTMORE;
				sc->p++;
			} else
				fl |= F_EXTENDED;
			break;
		case ')':
			/* They hold to the end of the group. */
			sc->p++;
			*flags = fl;
			return I_ZERO;
		case ':':
			sc->p++;
			alt(sc, fl, r);
			close_group(sc);
			return I_TEXT;
		default:
			if (!isalpha((unsigned char)*sc->p)) {
				sc->ok = 0;
				return I_ZERO;
			}
			break;
		}
	}
}

/* A group, from its "(", with what follows it: (?:, (?=, (?<name>. */
static enum item
group(struct scan *sc, int *flags, struct reach *r)
{
	struct reach	 drop;
	int		 fl = *flags;

	if (*++sc->p == '*') {
		sc->p++;
		return verb(sc, fl, r);
	}
	if (*sc->p != '?') {
		alt(sc, fl, r);
		close_group(sc);
		return I_TEXT;
	}
	switch (*++sc->p) {
	case '#':
		skip_past(sc, ')');
		return I_ZERO;
	case ':':
	case '|':
	case '>':
		sc->p++;
		alt(sc, fl, r);
		close_group(sc);
		return I_TEXT;
	case '=':
		sc->p++;
		alt(sc, fl, r);
		close_group(sc);
		return I_AHEAD;
	case '!':
		sc->p++;
		alt(sc, fl, &drop);
		close_group(sc);
		return I_ZERO;
	case '<':
		if (sc->p[1] == '=' || sc->p[1] == '!') {
			sc->p += 2;
			alt(sc, fl, &drop);
			close_group(sc);
			return I_ZERO;
		}
		skip_past(sc, '>');
		alt(sc, fl, r);
		close_group(sc);
		return I_TEXT;
	case '\'':
		sc->p++;
		skip_past(sc, '\'');
		alt(sc, fl, r);
		close_group(sc);
		return I_TEXT;
	case 'P':
		if (sc->p[1] == '<') {
			skip_past(sc, '>');
			alt(sc, fl, r);
			close_group(sc);
			return I_TEXT;
		}
		/* (?P=name) refers back, (?P>name) recurses. */
		skip_past(sc, ')');
		memset(r->set, 0xff, sizeof(r->set));
		return I_TEXT;
	case 'C':
		skip_callout(sc);
		return I_ZERO;
	case '(':
		/* (?(cond)yes|no); the condition may be an assertion. */
		if (sc->p[1] == '?' || sc->p[1] == '*')
			(void)group(sc, &fl, &drop);
		else
			skip_past(sc, ')');
		alt(sc, fl, r);
		close_group(sc);
		r->nlit = 0;
		r->phreq = r->phfirst = r->solid = 0;
		return I_TEXT;
	default:
		break;
	}
	if (*sc->p == 'R' || *sc->p == '&' || *sc->p == '+' ||
	    isdigit((unsigned char)*sc->p) ||
	    (*sc->p == '-' && isdigit((unsigned char)sc->p[1]))) {
		/* A recursion or a call: (?R), (?1), (?&name). */
		skip_past(sc, ')');
		memset(r->set, 0xff, sizeof(r->set));
		return I_TEXT;
	}
	return options(sc, flags, r);
}

/* ${NAMES} or ${PARAMS} at p: its length, or 0. */
static size_t
placeholder(const char *p, enum ph *kind)
{
	size_t	 n;
	int	 k;

	for (k = 0; k < PH__COUNT; k++) {
		n = strlen(ph_text[k]);
		if (strncmp(p, ph_text[k], n) == 0) {
			*kind = k;
			return n;
		}
	}
	return 0;
}

/* An item that takes one character, whose first byte is in its set. */
static enum item
solid(struct reach *r, enum item it)
{
	r->solid = 1;
	memcpy(r->lead, r->set, sizeof(r->lead));
	memcpy(r->trail, r->set, sizeof(r->trail));
	return it;
}

/* One item of a sequence, without its quantifier. */
static enum item
item(struct scan *sc, int *flags, struct reach *r, int *ch)
{
	enum item	 it;
	enum ph		 kind;
	size_t		 n;
	int		 c = (unsigned char)*sc->p, e;

	memset(r, 0, sizeof(*r));
	if (sc->quote && c == '\\' && sc->p[1] == 'E') {
		sc->p += 2;
		sc->quote = 0;
		return I_ZERO;
	}
	if (sc->quote) {
		sc->p++;
		it = I_CHAR;
		*ch = c;
	} else if (c == '(')
		return group(sc, flags, r);
	else if (c == '[') {
		sc->p++;
		cclass(sc, *flags, r->set);
		return solid(r, I_TEXT);
	} else if (c == '.') {
		sc->p++;
		memset(r->set, 0xff, sizeof(r->set));
		return solid(r, I_TEXT);
	} else if (c == '^') {
		sc->p++;
		return I_ZERO;
	} else if (c == '$') {
		if ((n = placeholder(sc->p, &kind)) == 0) {
			sc->p++;
			return I_ZERO;
		}
		if (sc->nph < MAX_PH) {
			sc->phoff[sc->nph] = sc->p - sc->start;
			sc->phkind[sc->nph] = kind;
			sc->phcase[sc->nph] = (*flags & F_CASELESS) != 0;
		}
		sc->nph++;
		sc->p += n;
		set_escape(r->set, 'w');
		set_add(r->set, '.');
		set_add(r->set, '+');
		set_add(r->set, ':');
		set_add(r->set, '@');
		set_add(r->set, '-');
		if (*flags & F_CASELESS)
			set_range(r->set, 0x80, 0xff);
		else
			r->phreq = r->phfirst = 1 << kind;
		return solid(r, I_TEXT);
	} else if (c == '\\') {
		e = (unsigned char)*++sc->p;
		it = escape(sc, 0, r->set, ch);
		/* A back reference may take no byte. */
		if (it == I_TEXT && strchr("123456789gk", e) == NULL)
			return solid(r, I_TEXT);
		if (it != I_CHAR)
			return it;
	} else {
		sc->p++;
		it = I_CHAR;
		*ch = c;
	}
	/* A byte, as is or quoted. */
	if (*ch >= 0x80) {
		set_range(r->set, 0x80, 0xff);
		skip_utf8(sc);
		it = I_TEXT;
	} else
		set_add(r->set, *ch);
	/* An \E right after: so that a quantifier after it is seen. */
	if (sc->quote && sc->p[0] == '\\' && sc->p[1] == 'E') {
		sc->p += 2;
		sc->quote = 0;
	}
	if (it == I_TEXT)
		return solid(r, I_TEXT);
	if ((*flags & F_CASELESS) && isalpha(*ch)) {
		set_fold(r->set);
		return solid(r, I_TEXT);
	}
	return solid(r, it);
}

/* The least length of the literals. */
static size_t
shortest(const struct reach *r)
{
	size_t	 n = SIZE_MAX, k;
	int	 i;

	for (i = 0; i < r->nlit; i++)
		if ((k = strlen(r->lit[i])) < n)
			n = k;
	return n;
}

/*
 * Take the literals of cand instead of those of best if they are
 * likely rarer in text: longer, or fewer of them.
 */
static void
consider(struct reach *best, const struct reach *cand)
{
	size_t	 nb, nc;

	if (cand->nlit == 0)
		return;
	if (best->nlit > 0) {
		nb = shortest(best);
		nc = shortest(cand);
		if (nc < nb || (nc == nb && cand->nlit >= best->nlit))
			return;
	}
	*best = *cand;
}

/*
 * A run of literal bytes ends: it is a candidate literal, followed by
 * a byte of follow, or by any where follow is NULL.  Its precede set
 * was set where it started.
 */
static void
end_run(struct reach *run, size_t *nrun, struct reach *best,
    const unsigned char *follow)
{
	if (*nrun == 0)
		return;
	run->lit[0][*nrun] = '\0';
	if (follow != NULL)
		memcpy(run->follow[0], follow, sizeof(run->follow[0]));
	else
		memset(run->follow[0], 0xff, sizeof(run->follow[0]));
	run->nlit = 1;
	consider(best, run);
	*nrun = 0;
}

/* A run of literal bytes may start, after a byte of pre or any. */
static void
start_run(struct reach *run, size_t nrun, const unsigned char *pre)
{
	if (nrun > 0)
		return;
	if (pre != NULL)
		memcpy(run->precede[0], pre, sizeof(run->precede[0]));
	else
		memset(run->precede[0], 0xff, sizeof(run->precede[0]));
}

/*
 * A sequence of items, up to | or ).  Its literals are those of the
 * best of its required items, runs of literal bytes among them.  The
 * bytes a lookahead looks at join the sequence's set only if the
 * lookahead gives the literals: the other lookaheads are not counted
 * in what a match spans.  The sequence is solid if one of its items
 * is, and those before it take no byte or may not be there; its lead
 * is then what their bytes and that item's first byte can be, and its
 * trail what the last solid item's last byte and those of the items
 * after it can be.  A run of literal bytes is preceded by the trail of
 * the items before it, where they are solid.
 */
static void
seq(struct scan *sc, int *flags, struct reach *r)
{
	struct reach	 it, best, run;
	enum item	 kind;
	size_t		 nrun = 0;
	unsigned char	 before[32];
	long		 min;
	int		 ch = 0, q, first = 1, open = 1, was;

	memset(r, 0, sizeof(*r));
	memset(&best, 0, sizeof(best));
	memset(&run, 0, sizeof(run));
	for (;;) {
		skip_space(sc, *flags);
		if (*sc->p == '\0' ||
		    (!sc->quote && (*sc->p == '|' || *sc->p == ')')))
			break;
		kind = item(sc, flags, &it, &ch);
		if (!(q = quantifier(sc, *flags, &min)))
			min = 1;
		if (first && kind != I_ZERO && kind != I_AHEAD) {
			/* The first item that takes text. */
			r->phfirst = kind == I_TEXT && min > 0 ? it.phfirst : 0;
			first = 0;
		}
		was = r->solid;
		memcpy(before, r->trail, sizeof(before));
		if (open && kind != I_ZERO && kind != I_AHEAD) {
			if (it.solid && min > 0) {
				set_union(r->lead, it.lead);
				r->solid = 1;
				open = 0;
			} else
				set_union(r->lead, it.set);
		}
		if (kind != I_ZERO && kind != I_AHEAD) {
			if (it.solid && min > 0)
				memcpy(r->trail, it.trail, sizeof(r->trail));
			else
				set_union(r->trail, it.set);
		}
		if (!q && kind == I_CHAR) {
			/* Unquantified, it carries the run on. */
			set_union(r->set, it.set);
			if (nrun == LIT_MAX - 1)
				end_run(&run, &nrun, &best, NULL);
			start_run(&run, nrun, was ? before : NULL);
			run.lit[0][nrun++] = ch;
			continue;
		}
		switch (kind) {
		case I_ZERO:
			/* Text around it is still one run. */
			break;
		case I_AHEAD:
			if (min > 0)
				consider(&best, &it);
			break;
		case I_CHAR:
			set_union(r->set, it.set);
			if (min > 0) {
				/* As in ab+: "ab" is there. */
				if (nrun == LIT_MAX - 1)
					end_run(&run, &nrun, &best, NULL);
				start_run(&run, nrun, was ? before : NULL);
				run.lit[0][nrun++] = ch;
			}
			end_run(&run, &nrun, &best, NULL);
			break;
		case I_TEXT:
			set_union(r->set, it.set);
			end_run(&run, &nrun, &best,
			    it.solid && min > 0 ? it.lead : NULL);
			if (min > 0) {
				r->phreq |= it.phreq;
				memset(it.set, 0, sizeof(it.set));
				consider(&best, &it);
			}
			break;
		}
	}
	end_run(&run, &nrun, &best, NULL);
	if (best.nlit > 0) {
		memcpy(r->lit, best.lit, sizeof(r->lit));
		memcpy(r->follow, best.follow, sizeof(r->follow));
		memcpy(r->precede, best.precede, sizeof(r->precede));
		r->nlit = best.nlit;
		set_union(r->set, best.set);
	}
}

/* A match of one of the alternatives r and b. */
static void
merge(struct reach *r, const struct reach *b)
{
	int	 i, j;

	set_union(r->set, b->set);
	set_union(r->lead, b->lead);
	set_union(r->trail, b->trail);
	r->solid &= b->solid;
	r->phreq &= b->phreq;
	r->phfirst &= b->phfirst;
	if (r->nlit == 0 || b->nlit == 0) {
		r->nlit = 0;
		return;
	}
	for (i = 0; i < b->nlit; i++) {
		for (j = 0; j < r->nlit; j++)
			if (strcmp(r->lit[j], b->lit[i]) == 0)
				break;
		if (j < r->nlit) {
			set_union(r->follow[j], b->follow[i]);
			set_union(r->precede[j], b->precede[i]);
			continue;
		}
		if (r->nlit == MAX_LITS) {
			r->nlit = 0;
			return;
		}
		memcpy(r->follow[r->nlit], b->follow[i], sizeof(r->follow[0]));
		memcpy(r->precede[r->nlit], b->precede[i],
		    sizeof(r->precede[0]));
		memcpy(r->lit[r->nlit++], b->lit[i], LIT_MAX);
	}
}

/* Alternatives, up to a ) or the end. */
static void
alt(struct scan *sc, int flags, struct reach *r)
{
	struct reach	 b;

	seq(sc, &flags, r);
	while (*sc->p == '|') {
		sc->p++;
		seq(sc, &flags, &b);
		merge(r, &b);
	}
}

/*
 * The byte of a literal to look for with memchr(3), the rest compared
 * where it is found: the rarest in English text, by the frequency of
 * letters, other bytes than lowercase letters and space counting as
 * rarer still.
 */
static size_t
rarest(const char *lit)
{
	static const char common[] = " etaoinshrdlcumwfgypbvkjxqz";
	const char	*p;
	size_t		 i, best = 0, rank, most = 0;

	for (i = 0; lit[i] != '\0'; i++) {
		p = strchr(common, lit[i]);
		rank = p != NULL ? (size_t)(p - common) : sizeof(common);
		if (rank > most) {
			most = rank;
			best = i;
		}
	}
	return best;
}

/*
 * Literal i holds literal j, and is to be dropped: j is also followed
 * and preceded by what follows and precedes it in i.
 */
static void
follow_within(struct reach *r, int i, int j)
{
	const char	*p;
	size_t		 n = strlen(r->lit[j]);

	for (p = r->lit[i]; (p = strstr(p, r->lit[j])) != NULL; p++) {
		if (p[n] == '\0')
			set_union(r->follow[j], r->follow[i]);
		else
			set_add(r->follow[j], (unsigned char)p[n]);
		if (p == r->lit[i])
			set_union(r->precede[j], r->precede[i]);
		else
			set_add(r->precede[j], (unsigned char)p[-1]);
	}
}

/*
 * Scan a pattern.  A literal that holds another is found only where
 * the other is: it is dropped.
 */
static void
scan_pattern(struct scan *sc, const char *pattern, struct reach *r)
{
	int	 i, j, k;

	memset(sc, 0, sizeof(*sc));
	sc->start = sc->p = pattern;
	sc->ok = 1;
	alt(sc, 0, r);
	if (*sc->p != '\0')
		sc->ok = 0;
	/*
	 * A try that starts elsewhere could skip past a word with (*SKIP),
	 * and the search of the whole text would not try there.
	 */
	if (sc->skips)
		r->phfirst = 0;
	for (i = 0; i < r->nlit; i++)
		for (j = 0; j < r->nlit; j++)
			if (j != i && strstr(r->lit[i], r->lit[j]) != NULL) {
				follow_within(r, i, j);
				memmove(r->lit[i], r->lit[i + 1],
				    (r->nlit - i - 1) * sizeof(r->lit[0]));
				memmove(r->follow[i], r->follow[i + 1],
				    (r->nlit - i - 1) * sizeof(r->follow[0]));
				memmove(r->precede[i], r->precede[i + 1],
				    (r->nlit - i - 1) * sizeof(r->precede[0]));
				r->nlit--;
				i--;
				break;
			}
	for (i = 0; i < r->nlit; i++) {
		r->key[i] = rarest(r->lit[i]);
		r->len[i] = strlen(r->lit[i]);
		for (k = 0; k < 32 && r->follow[i][k] == 0xff; k++)
			continue;
		if (k < 32)
			r->fstrict |= 1U << i;
		for (k = 0; k < 32 && r->precede[i][k] == 0xff; k++)
			continue;
		if (k < 32)
			r->pstrict |= 1U << i;
	}
}

/*
 * The offset in the rule's pattern of offset off of the pattern
 * compiled, whose placeholders were replaced: out[i] is where
 * placeholder i starts there, outlen[i] how long its group is.
 */
static size_t
source_offset(const struct scan *sc, const size_t *out,
    const size_t *outlen, size_t off)
{
	size_t	 shift = 0;
	int	 i;

	for (i = 0; i < sc->nph; i++) {
		if (off < out[i])
			break;
		if (off < out[i] + outlen[i])
			return sc->phoff[i];
		shift += outlen[i] - strlen(ph_text[sc->phkind[i]]);
	}
	return off - shift;
}

/*
 * Number the groups of the pattern as its author did, without those
 * of the placeholders, for $1..$9 and except.  A back reference to a
 * group after a placeholder would count them: it is refused.
 */
static int
map_groups(struct prule *r, char *err, size_t errsz)
{
	PCRE2_SPTR	 tab;
	uint32_t	 ncap, nname, esz, refmax, g, first = UINT32_MAX, i;
	char		*mine;
	int		 k;

	pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
	pcre2_pattern_info(r->code, PCRE2_INFO_NAMECOUNT, &nname);
	pcre2_pattern_info(r->code, PCRE2_INFO_NAMEENTRYSIZE, &esz);
	pcre2_pattern_info(r->code, PCRE2_INFO_NAMETABLE, &tab);
	pcre2_pattern_info(r->code, PCRE2_INFO_BACKREFMAX, &refmax);
	mine = xcalloc(ncap + 1, 1);
	for (i = 0; i < nname; i++, tab += esz) {
		g = (uint32_t)tab[0] << 8 | tab[1];
		if (strncmp((const char *)tab + 2, PH_GROUP,
		    strlen(PH_GROUP)) == 0) {
			mine[g] = 1;
			if (g < first)
				first = g;
		}
	}
	if (refmax >= first) {
		free(mine);
		snprintf(err, errsz, "a back reference in a pattern with a "
		    "placeholder must refer to a group before it");
		return -1;
	}
	r->group[0] = 0;
	for (k = 1, g = 1; k < 10; k++) {
		while (g <= ncap && mine[g])
			g++;
		r->group[k] = g <= ncap ? (int)g++ : -1;
	}
	free(mine);
	return 0;
}

/*
 * Does PCRE2 find where a match can start as fast as the literals
 * would?  It does when one byte, or a byte in two cases, or one of two
 * bytes starts every match: it looks for them as memchr(3) does.
 */
static int
starts_fast(const pcre2_code *code)
{
	const uint8_t	*map;
	uint32_t	 type;
	int		 ch, n = 0;

	if (pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 &&
	    type == 1)
		return 1;
	if (pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &map) != 0 ||
	    map == NULL)
		return 0;
	for (ch = 0; ch < 256; ch++)
		n += set_has(map, ch);
	return n <= 2;
}

/*
 * Compile the rule's pattern, each placeholder replaced by its group
 * and callout.  The pattern is scanned first for where it can match
 * (struct reach); offsets in messages are those of the rule's text.
 */
static int
compile_rule(struct prule *r, char *err, size_t errsz)
{
	struct scan	 sc;
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	 off;
	size_t		 out[MAX_PH], outlen[MAX_PH], len, o = 0, from = 0;
	uint32_t	 opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
	char		*pat;
	int		 i, n, rc;

	scan_pattern(&sc, r->pattern, &r->reach);
	/* Tested at every byte of the runs: one load, not a shift. */
	for (i = 0; i < 256; i++)
		r->inset[i] = set_has(r->reach.set, i);
	if (sc.nph > MAX_PH) {
		snprintf(err, errsz, "a pattern may hold %d placeholders at "
		    "most", MAX_PH);
		return -1;
	}
	if (sc.ok && r->reach.nlit > 0)
		opts |= PCRE2_USE_OFFSET_LIMIT;
	len = strlen(r->pattern) + sc.nph * 96 + 1;
	pat = xmalloc(len);
	for (i = 0; i < sc.nph; i++) {
		memcpy(pat + o, r->pattern + from, sc.phoff[i] - from);
		o += sc.phoff[i] - from;
		out[i] = o;
		n = sc.phkind[i] + PH__COUNT * sc.phcase[i];
		o += snprintf(pat + o, len - o, "(?C\"%s%d\")(?<%s%d>%s+)"
		    "(?C\"%s%d\")", PH_CALLOUT, n + 2 * PH__COUNT, PH_GROUP, i,
		    sc.phcase[i] ? PH_CLASS_I : PH_CLASS, PH_CALLOUT, n);
		outlen[i] = o - out[i];
		from = sc.phoff[i] + strlen(ph_text[sc.phkind[i]]);
		r->uses[sc.phkind[i]] = 1;
	}
	strcpy(pat + o, r->pattern + from);
	r->code = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts,
	    &rc, &off, NULL);
	free(pat);
	if (r->code == NULL) {
		pcre2_get_error_message(rc, msg, sizeof(msg));
		snprintf(err, errsz, "pattern does not compile at offset %zu: "
		    "%s", source_offset(&sc, out, outlen, off), (char *)msg);
		return -1;
	}
	/* JIT is an optimisation: without it the interpreter is used. */
	(void)pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE);
	r->windows = (opts & PCRE2_USE_OFFSET_LIMIT) && !starts_fast(r->code);
	if (pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTBITMAP,
	    &r->firstmap) != 0)
		r->firstmap = NULL;
	return map_groups(r, err, errsz);
}

/* Check a finished rule and register it; -1 and a message if bad. */
static int
finish(struct prule *r, char *err, size_t errsz)
{
	if (r->nwords > 0 && r->pattern != NULL) {
		snprintf(err, errsz, "rule %s has both words and a pattern",
		    r->info.id);
		return -1;
	}
	if ((r->pattern == NULL && r->nwords == 0) || r->message == NULL) {
		snprintf(err, errsz, "rule %s needs a pattern and a message",
		    r->info.id);
		return -1;
	}
	if (rule_lookup(r->info.id) != -1) {
		snprintf(err, errsz, "rule %s is defined twice", r->info.id);
		return -1;
	}
	if (r->nwords > 0) {
		if (hash_words(r, err, errsz) == -1)
			return -1;
	} else if (compile_rule(r, err, errsz) == -1)
		return -1;
	if (r->info.summary == NULL)
		r->info.summary = r->message;
	if (r->info.explain == NULL)
		r->info.explain = r->info.summary;
	r->number = rule_register(&r->info);
	prules = xreallocarray(prules, nprules + 1, sizeof(*prules));
	prules[nprules++] = r;
	return 0;
}

/* Free a rule that was never registered. */
static void
prule_free(struct prule *r)
{
	int	 i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nwords; i++) {
		free(r->wrong[i]);
		free(r->right[i]);
	}
	free(r->wrong);
	free(r->right);
	free(r->entries);
	free(r->bucket);
	free(r->pattern);
	free(r->message);
	free(r->suggest);
	free(r->sections);
	free(r->except);
	free((char *)r->info.id);
	free((char *)r->info.explain);
	if (r->info.summary != r->message)
		free((char *)r->info.summary);
	pcre2_code_free(r->code);
	free(r);
}

static struct prule *
new_rule(const char *id, const char *file, int line)
{
	struct prule	*r;
	int		 i;

	r = xcalloc(1, sizeof(*r));
	r->info.id = xstrdup(id);
	r->info.level = LVL_WARNING;
	r->info.profiles = PROF_MANPAGES;
	r->font = FONT_ANY;
	r->unless_font = FONT_ANY;
	/* A word list has only $0. */
	for (i = 1; i < 10; i++)
		r->group[i] = -1;
	r->file = file;
	r->line = line;
	return r;
}

/* A font name, FONT_ANY for "any", or -2. */
static int
font_parse(const char *s)
{
	if (strcmp(s, "roman") == 0)
		return PF_ROMAN;
	if (strcmp(s, "bold") == 0)
		return PF_BOLD;
	if (strcmp(s, "italic") == 0)
		return PF_ITALIC;
	if (strcmp(s, "any") == 0)
		return FONT_ANY;
	return -2;
}

/* Fonts separated by spaces, as bits 1 << PF_*; -1 for a bad name. */
static int
font_list(const char *s)
{
	char	 name[8];
	size_t	 n;
	int	 f, mask = 0;

	for (; *s != '\0'; s += n) {
		while (*s == ' ')
			s++;
		if ((n = strcspn(s, " ")) == 0)
			break;
		if (n >= sizeof(name))
			return -1;
		memcpy(name, s, n);
		name[n] = '\0';
		if ((f = font_parse(name)) < 0)
			return -1;
		mask |= 1 << f;
	}
	return mask;
}

/* Apply one "key value" line to r. */
static int
set_key(struct prule *r, const char *key, const char *val, char *err,
    size_t errsz)
{
	enum level	 l;
	const char	*arrow;
	int		 p;

	if (strcmp(key, "level") == 0) {
		if (level_parse(val, &l) == -1) {
			snprintf(err, errsz, "level must be style, warning "
			    "or error");
			return -1;
		}
		r->info.level = l;
	} else if (strcmp(key, "profile") == 0) {
		if ((p = profile_parse(val)) == 0) {
			snprintf(err, errsz, "profile must be portable or "
			    "man-pages");
			return -1;
		}
		r->info.profiles = p == PROF_PORTABLE ? PROF_ALL : p;
	} else if (strcmp(key, "font") == 0 ||
	    strcmp(key, "unless-font") == 0) {
		if ((p = font_parse(val)) == -2) {
			snprintf(err, errsz, "%s must be roman, bold, "
			    "italic or any", key);
			return -1;
		}
		*(key[0] == 'f' ? &r->font : &r->unless_font) = p;
	} else if (strcmp(key, "per-file") == 0) {
		if ((p = atoi(val)) <= 0) {
			snprintf(err, errsz, "per-file takes a number above 0");
			return -1;
		}
		r->info.per_file = p;
	} else if (strcmp(key, "except") == 0)
		r->except = join(r->except, val);
	else if (strcmp(key, "elsewhere-font") == 0) {
		if ((r->elsewhere = font_list(val)) <= 0) {
			snprintf(err, errsz, "elsewhere-font takes roman, "
			    "bold or italic, separated by spaces");
			return -1;
		}
	} else if (strcmp(key, "elsewhere-prefix") == 0) {
		if (val[0] == '\0' || val[1] != '\0') {
			snprintf(err, errsz, "elsewhere-prefix takes one "
			    "character");
			return -1;
		}
		r->prefix = (unsigned char)val[0];
	} else if (strcmp(key, "unless-quoted") == 0) {
		if (strcmp(val, "phrase") == 0)
			r->unquoted |= QUOTED_PHRASE;
		else if (strcmp(val, "here") == 0)
			r->unquoted |= QUOTED_HERE;
		else {
			snprintf(err, errsz, "unless-quoted takes \"phrase\" "
			    "or \"here\"");
			return -1;
		}
	} else if (strcmp(key, "word") == 0) {
		if ((arrow = strstr(val, " -> ")) == NULL || arrow == val ||
		    arrow[4] == '\0') {
			snprintf(err, errsz, "word takes \"WRONG -> RIGHT\"");
			return -1;
		}
		r->wrong = xreallocarray(r->wrong, r->nwords + 1,
		    sizeof(char *));
		r->right = xreallocarray(r->right, r->nwords + 1,
		    sizeof(char *));
		r->wrong[r->nwords] = xstrndup(val, arrow - val);
		r->right[r->nwords++] = xstrdup(arrow + 4);
	} else if (strcmp(key, "case") == 0) {
		if (strcmp(val, "insensitive") != 0) {
			snprintf(err, errsz, "case takes \"insensitive\"");
			return -1;
		}
		r->nocase = 1;
	} else if (strcmp(key, "sections") == 0)
		r->sections = join(r->sections, val);
	else if (strcmp(key, "pattern") == 0)
		r->pattern = join(r->pattern, val);
	else if (strcmp(key, "message") == 0)
		r->message = join(r->message, val);
	else if (strcmp(key, "suggest") == 0)
		r->suggest = join(r->suggest, val);
	else if (strcmp(key, "summary") == 0)
		r->info.summary = xstrdup(val);
	else if (strcmp(key, "explain") == 0)
		r->info.explain = join((char *)r->info.explain, val);
	else {
		snprintf(err, errsz, "unknown key \"%s\"", key);
		return -1;
	}
	return 0;
}

int
prose_load(const char *path, FILE *errout)
{
	FILE		*fp;
	struct prule	*r = NULL;
	char		*line = NULL, *key, *val, *end, err[512] = "";
	char		*file;
	size_t		 cap = 0;
	ssize_t		 n;
	int		 ln = 0, rc = 0, before;

	wordtab_init();
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(errout, "manlint: %s: cannot read rules: %s\n", path,
		    strerror(errno));
		return -1;
	}
	file = xstrdup(path);
	before = nprules;
	while (rc == 0 && (n = getline(&line, &cap, fp)) != -1) {
		ln++;
		while (n > 0 && isspace((unsigned char)line[n - 1]))
			line[--n] = '\0';
		for (key = line; isspace((unsigned char)*key); key++)
			continue;
		if (*key == '\0' || *key == '#')
			continue;
		for (end = key; *end != '\0' && !isspace((unsigned char)*end);
		    end++)
			continue;
		val = end;
		while (isspace((unsigned char)*val))
			val++;
		*end = '\0';
		err[0] = '\0';
		if (strcmp(key, "rule") == 0) {
			if (r != NULL && finish(r, err, sizeof(err)) == -1)
				break;
			/* Registered: the registry holds it now. */
			r = NULL;
			if (!valid_id(val)) {
				snprintf(err, sizeof(err), "rule ID \"%s\" must "
				    "be lower case letters, digits and -", val);
				break;
			}
			r = new_rule(val, file, ln);
		} else if (r == NULL) {
			snprintf(err, sizeof(err), "\"%s\" %s", key,
			    ln > 1 && nprules > 0 ? "follows a rule line that "
			    "was refused" : "before the first rule line");
			break;
		} else if (set_key(r, key, val, err, sizeof(err)) == -1)
			break;
	}
	if (err[0] == '\0' && r != NULL) {
		if (finish(r, err, sizeof(err)) == -1)
			ln = r->line;
		else
			r = NULL;
	}
	if (ln > 0 && err[0] != '\0') {
		fprintf(errout, "%s:%d: error: %s\n", path, ln, err);
		rc = -1;
	}
	prule_free(r);
	/* The rules registered from this file keep its name. */
	if (nprules == before)
		free(file);
	free(line);
	fclose(fp);
	return rc;
}

const char *
prose_default_path(const char *argv0)
{
	static char	 buf[PATH_MAX + 32];
	char		 exe[PATH_MAX], *slash;
	ssize_t		 n;
	const char	*env;

	if ((env = getenv("MANLINT_RULES")) != NULL)
		return *env != '\0' ? env : NULL;
	/* Run from the build tree: lint/manlint finds lint/rules/. */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0 && argv0 != NULL && strchr(argv0, '/') != NULL)
		n = snprintf(exe, sizeof(exe), "%s", argv0);
	if (n > 0 && (size_t)n < sizeof(exe)) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(buf, sizeof(buf), "%s/rules/prose.rules", exe);
			if (access(buf, R_OK) == 0)
				return buf;
		}
	}
	snprintf(buf, sizeof(buf), "%s/prose.rules", DATADIR);
	return access(buf, R_OK) == 0 ? buf : NULL;
}

/* Note the lengths and first bytes of the words, for ph_callout. */
static void
index_words(struct words *w)
{
	size_t	 n;
	int	 i;

	w->lens = 0;
	memset(w->first, 0, sizeof(w->first));
	for (i = 0; i < w->n; i++) {
		n = strlen(w->w[i]);
		w->lens |= (uint64_t)1 << (n < 63 ? n : 63);
		set_add(w->first, (unsigned char)w->w[i][0]);
	}
}

#define MAX_PARAMS	128

/*
 * The parameters of the page: the words set in italic in its SYNOPSIS,
 * each once.  In a prototype they name the arguments of the function;
 * in a command line, the operands.
 */
static void
collect_params(const struct page *pg, struct words *params)
{
	struct ptext	*syn = &syntext;
	size_t		 i, j;
	int		 k;

	ptext_synopsis(syn, pg);
	for (i = 0; i < syn->len; i = j) {
		j = i + 1;
		if (syn->font[i] != PF_ITALIC ||
		    !(isalpha((unsigned char)syn->s[i]) || syn->s[i] == '_') ||
		    (i > 0 && (isalnum((unsigned char)syn->s[i - 1]) ||
		    syn->s[i - 1] == '_')))
			continue;
		while (j < syn->len && syn->font[j] == PF_ITALIC &&
		    (isalnum((unsigned char)syn->s[j]) || syn->s[j] == '_'))
			j++;
		/* Part of a word in another font: not a name of its own. */
		if (j < syn->len && (isalnum((unsigned char)syn->s[j]) ||
		    syn->s[j] == '_'))
			continue;
		for (k = 0; k < params->n; k++)
			if (strlen(params->w[k]) == j - i &&
			    strncmp(params->w[k], syn->s + i, j - i) == 0)
				break;
		if (k < params->n || params->n == MAX_PARAMS)
			continue;
		params->w = xreallocarray(params->w, params->n + 1,
		    sizeof(char *));
		params->w[params->n++] = xstrndup(syn->s + i, j - i);
	}
	index_words(params);
}

static void
free_words(struct words *w)
{
	int	 i;

	for (i = 0; i < w->n; i++)
		free(w->w[i]);
	free(w->w);
	memset(w, 0, sizeof(*w));
}

/*
 * How many bytes of the text at s, n bytes long, the word w matches
 * from its start, or 0.  Where case does not matter, k and s also
 * match the Kelvin sign and the long s, as in a pattern.
 */
static size_t
word_at(const char *w, const char *s, size_t n, int caseless)
{
	size_t	 i = 0;

	for (; *w != '\0'; w++) {
		if (caseless && fold(*w, 1) == 's' && n - i >= 2 &&
		    memcmp(s + i, "\xc5\xbf", 2) == 0)
			i += 2;
		else if (caseless && fold(*w, 1) == 'k' && n - i >= 3 &&
		    memcmp(s + i, "\xe2\x84\xaa", 3) == 0)
			i += 3;
		else if (i < n && fold(s[i], caseless) == fold(*w, caseless))
			i++;
		else
			return 0;
	}
	return i;
}

/* Is the text s, n bytes, one of the words? */
static int
is_word(const struct words *w, const char *s, size_t n, int caseless)
{
	int	 i;

	if (!caseless && !(w->lens >> (n < 63 ? n : 63) & 1))
		return 0;
	for (i = 0; i < w->n; i++)
		if (word_at(w->w[i], s, n, caseless) == n)
			return 1;
	return 0;
}

/* Does one of the words start the text at s, n bytes long? */
static int
starts_word(const struct words *w, const char *s, size_t n, int caseless)
{
	int	 i;

	if (!caseless && (n == 0 || !set_has(w->first, (unsigned char)*s)))
		return 0;
	for (i = 0; i < w->n; i++)
		if (word_at(w->w[i], s, n, caseless) > 0)
			return 1;
	return 0;
}

/*
 * The callouts around the group of a placeholder (compile_rule): the
 * match goes on (0) if one of the words the placeholder stands for on
 * this page starts here, or, after the group, if the group holds one.
 * The digit after PH_CALLOUT tells the placeholder, whether case
 * matters, and which of the two callouts it is.  Callouts that the
 * rule's pattern holds itself do nothing.
 */
static int
ph_callout(pcre2_callout_block *cb, void *data)
{
	const struct words	*w = data;
	const char		*s = (const char *)cb->subject;
	const PCRE2_SIZE	*ov = cb->offset_vector;
	size_t			 len = strlen(PH_CALLOUT);
	uint32_t		 g = cb->capture_last, n;

	if (cb->callout_string == NULL || cb->callout_string_length !=
	    len + 1 || memcmp(cb->callout_string, PH_CALLOUT, len) != 0)
		return 0;
	n = cb->callout_string[len] - '0';
	if (n >= 2 * PH__COUNT) {
		n -= 2 * PH__COUNT;
		return starts_word(&w[n % PH__COUNT], s + cb->current_position,
		    cb->subject_length - cb->current_position,
		    n / PH__COUNT) ? 0 : 1;
	}
	return is_word(&w[n % PH__COUNT], s + ov[2 * g],
	    ov[2 * g + 1] - ov[2 * g], n / PH__COUNT) ? 0 : 1;
}

/*
 * Append template t to buf at *o, with $0..$9 replaced by the match
 * and its groups, white space folded and trimmed.
 */
static void
substitute(const char *t, const struct prule *r, const struct ptext *pt,
    const PCRE2_SIZE *ov, int ngroups, char *buf, size_t bufsz, size_t *o)
{
	size_t	 k, a, b;
	int	 g;
	char	 ch;

	for (; *t != '\0' && *o + 1 < bufsz; t++) {
		if (t[0] != '$' || !isdigit((unsigned char)t[1]) ||
		    (g = r->group[t[1] - '0']) < 0 || g >= ngroups ||
		    ov[2 * g] == PCRE2_UNSET) {
			buf[(*o)++] = *t;
			continue;
		}
		a = ov[2 * g];
		b = ov[2 * g + 1];
		while (b > a && isspace((unsigned char)pt->s[b - 1]))
			b--;
		for (k = a; k < b && *o + 1 < bufsz; k++) {
			ch = pt->s[k];
			buf[(*o)++] = isspace((unsigned char)ch) ||
			    ch == PT_BREAK ? ' ' : ch;
		}
		t++;
	}
	buf[*o] = '\0';
}

/* The replacement a word list gives for the matched text. */
static const char *
word_right(const struct prule *r, const char *s, size_t len)
{
	int	 i;

	for (i = 0; i < r->nwords; i++)
		if (strlen(r->wrong[i]) == len && (r->nocase ?
		    strncasecmp(r->wrong[i], s, len) :
		    strncmp(r->wrong[i], s, len)) == 0)
			return r->right[i];
	return NULL;
}

static void
format_message(const struct prule *r, const struct ptext *pt,
    const PCRE2_SIZE *ov, int ngroups, char *buf, size_t bufsz)
{
	const char	*right;
	size_t		 o = 0;

	buf[0] = '\0';
	substitute(r->message, r, pt, ov, ngroups, buf, bufsz, &o);
	if (r->nwords > 0 && (right = word_right(r, pt->s + ov[0],
	    ov[1] - ov[0])) != NULL)
		snprintf(buf + o, bufsz - o, "; write \"%s\"", right);
	else if (r->suggest != NULL) {
		substitute("; write \"", r, pt, ov, ngroups, buf, bufsz, &o);
		substitute(r->suggest, r, pt, ov, ngroups, buf, bufsz, &o);
		substitute("\"", r, pt, ov, ngroups, buf, bufsz, &o);
	}
}

/*
 * The text with the bytes in roman zeroed, made once for a page when
 * a rule first asks, and in styled_count how often each byte is in
 * it: a word in bold or italic is searched for there, by its rarest
 * byte, where the roman text, most of it, is not found.  Most of the
 * text is roman: eight bytes of it at a time are zeroed, or sixteen
 * bytes of any font at a time with SSE2.  The count of NULs is not
 * kept the same way in both: no word holds one.
 */
static const char *
styled(const struct ptext *pt)
{
	uint64_t	 f;
	size_t		 i = 0;
	unsigned char	 ch;
#ifdef __SSE2__
	__m128i		 roman;
	unsigned int	 m;
#endif

	if (styled_ok)
		return styled_s;
	if (styledcap < pt->len + 1) {
		styledcap = pt->len + 1;
		styled_s = xrealloc(styled_s, styledcap);
	}
	memset(styled_count, 0, sizeof(styled_count));
#ifdef __SSE2__
	/* Sixteen bytes at a time, each styled one counted. */
	for (; i + 16 <= pt->len; i += 16) {
		roman = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)
		    (pt->font + i)), _mm_setzero_si128());
		_mm_storeu_si128((__m128i *)(styled_s + i), _mm_andnot_si128(
		    roman, _mm_loadu_si128((const __m128i *)(pt->s + i))));
		for (m = ~_mm_movemask_epi8(roman) & 0xffff; m != 0;
		    m &= m - 1)
			styled_count[(unsigned char)pt->s[i +
			    __builtin_ctz(m)]]++;
	}
#endif
	while (i < pt->len) {
		if (i + 8 <= pt->len) {
			memcpy(&f, pt->font + i, 8);
			if (f == 0) {
				memset(styled_s + i, 0, 8);
				i += 8;
				continue;
			}
		}
		ch = pt->font[i] == PF_ROMAN ? 0 : pt->s[i];
		styled_s[i++] = ch;
		styled_count[ch]++;
	}
	styled_s[pt->len] = '\0';
	styled_ok = 1;
	return styled_s;
}

/*
 * Does the page set the word of the n bytes at w in one of the fonts
 * of mask somewhere?  With a prefix character that w holds, any word
 * that starts with the same bytes up to that character will do.  When
 * roman is one of the fonts, the search looks for the first byte of w
 * that is not a lowercase letter, which is rarer in text than the
 * letters are; else it looks in styled() for the byte of w rarest
 * there.
 */
static int
set_elsewhere(const struct ptext *pt, const char *w, size_t n, int mask,
    int prefix)
{
	const char	*p, *q, *e, *s = pt->s, *end = s + pt->len;
	const char	*t = s;
	size_t		 k, i;
	int		 whole = 1;

	if (prefix != 0 && (q = memchr(w + 1, prefix, n - 1)) != NULL) {
		n = q - w + 1;
		whole = 0;
	}
	if (mask & 1 << PF_ROMAN) {
		for (k = 0; k + 1 < n && w[k] >= 'a' && w[k] <= 'z'; k++)
			continue;
	} else {
		t = styled(pt);
		for (k = 0, i = 1; i < n; i++)
			if (styled_count[(unsigned char)w[i]] <
			    styled_count[(unsigned char)w[k]])
				k = i;
	}
	for (q = t + k; q < t + pt->len &&
	    (q = memchr(q, w[k], t + pt->len - q)) != NULL; q++) {
		p = s + (q - t) - k;
		/* Most finds differ at the first or last byte. */
		if ((size_t)(end - p) < n || *(q - k) != w[0] ||
		    q[n - 1 - k] != w[n - 1] || memcmp(q - k, w, n) != 0 ||
		    (p > s && is_wordch(p[-1])) ||
		    (whole && p + n < end && is_wordch(p[n])))
			continue;
		for (e = p; e < end && (e < p + n || is_wordch(*e)) &&
		    mask >> pt->font[e - s] & 1; e++)
			continue;
		if (e >= p + n && (e == end || !is_wordch(*e)))
			return 1;
	}
	return 0;
}

/*
 * set_elsewhere(), answered from a note of its earlier answers on the
 * page where it can be: many a word is asked about again.
 */
static int
elsewhere_memo(const struct ptext *pt, const char *w, size_t n, int mask,
    int prefix)
{
	struct memo	*e;
	int		 i;

	for (i = 0; i < nmemo; i++) {
		e = &memo[i];
		if (e->len == n && e->mask == mask && e->prefix == prefix &&
		    memcmp(pt->s + e->off, w, n) == 0)
			return e->yes;
	}
	if (nmemo == MAX_MEMO)
		return set_elsewhere(pt, w, n, mask, prefix);
	e = &memo[nmemo++];
	e->off = w - pt->s;
	e->len = n;
	e->mask = mask;
	e->prefix = prefix;
	e->yes = set_elsewhere(pt, w, n, mask, prefix);
	return e->yes;
}

/*
 * Does the text at p, up to end, start with the n bytes at w, where a
 * run of white space matches any other?  Return the end, or NULL.
 */
static const char *
same_phrase(const char *p, const char *end, const char *w, size_t n)
{
	const char	*e = w + n;

	while (w < e && p < end) {
		if (isspace((unsigned char)*w) && isspace((unsigned char)*p)) {
			while (w < e && isspace((unsigned char)*w))
				w++;
			while (p < end && isspace((unsigned char)*p))
				p++;
		} else if (*w++ != *p++)
			return NULL;
	}
	return w == e ? p : NULL;
}

/*
 * Does the page quote the match [a, b) with the words before and after
 * it, as in "the clone call": a phrase the page makes a term of its
 * own?
 */
static int
quoted_phrase(const struct ptext *pt, size_t a, size_t b)
{
	const char	*s = pt->s, *end = s + pt->len, *p, *q;

	while (a > 0 && (s[a - 1] == ' ' || s[a - 1] == '\n'))
		a--;
	while (a > 0 && is_wordch(s[a - 1]))
		a--;
	while (b < pt->len && (s[b] == ' ' || s[b] == '\n'))
		b++;
	while (b < pt->len && is_wordch(s[b]))
		b++;
	for (p = s; (p = memchr(p, '"', end - p)) != NULL; p++)
		if ((q = same_phrase(p + 1, end, s + a, b - a)) != NULL &&
		    q < end && *q == '"')
			return 1;
	return 0;
}

/*
 * Is [a, b) between double quotes on its line: after an odd number of
 * them, and before one?
 */
static int
quoted_here(const struct ptext *pt, size_t a, size_t b)
{
	const char	*s = pt->s;
	size_t		 i;
	int		 odd = 0;

	for (i = a; i > 0 && s[i - 1] != '\n' && s[i - 1] != PT_BREAK; i--)
		odd ^= s[i - 1] == '"';
	for (i = b; odd && i < pt->len && s[i] != '\n' && s[i] != PT_BREAK;
	    i++)
		if (s[i] == '"')
			return 1;
	return 0;
}

/* Do the match's fonts and words allow it to be reported? */
static int
keep_match(const struct prule *r, const struct ptext *pt,
    const PCRE2_SIZE *ov, int ngroups)
{
	const char	*p, *w;
	size_t		 i, n, a, b;
	int		 g = r->group[1];

	if (ov[0] >= pt->len ||
	    (r->font != FONT_ANY && pt->font[ov[0]] != r->font))
		return 0;
	if (r->unless_font != FONT_ANY)
		for (i = ov[0]; i < ov[1]; i++)
			if (pt->font[i] == r->unless_font &&
			    !isspace((unsigned char)pt->s[i]))
				return 0;
	if (g < 0 || g >= ngroups || ov[2 * g] == PCRE2_UNSET)
		g = 0;
	a = ov[2 * g];
	b = ov[2 * g + 1];
	w = pt->s + a;
	if (r->elsewhere != 0 && (b == a ||
	    !elsewhere_memo(pt, w, b - a, r->elsewhere, r->prefix)))
		return 0;
	if ((r->unquoted & QUOTED_PHRASE && quoted_phrase(pt, ov[0], ov[1])) ||
	    (r->unquoted & QUOTED_HERE && quoted_here(pt, ov[0], ov[1])))
		return 0;
	if (r->except == NULL)
		return 1;
	for (p = r->except; *p != '\0'; p += n) {
		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n > 0 && n == b - a && strncasecmp(p, w, n) == 0)
			return 0;
	}
	return 1;
}

/* Report a match, if its fonts and words allow. */
static void
report_match(struct ctx *c, const struct prule *r, const struct ptext *pt,
    const PCRE2_SIZE *ov, int ngroups)
{
	struct ppos	 at;
	char		 msg[512];

	if (!keep_match(r, pt, ov, ngroups))
		return;
	ptext_pos(pt, ov[0], &at);
	format_message(r, pt, ov, ngroups, msg, sizeof(msg));
	diag_add(c->dl, c->cfg, at.file, at.line, at.col, r->number, "%s",
	    msg);
}

/*
 * Report the matches that start between start and limit, each search
 * going on where the last match ended.
 */
static void
run_span(struct ctx *c, const struct prule *r, const struct ptext *pt,
    PCRE2_SIZE start, PCRE2_SIZE limit)
{
	PCRE2_SIZE	*ov = pcre2_get_ovector_pointer(match);
	int		 rc;

	while (start <= limit) {
		rc = pcre2_match(r->code, (PCRE2_SPTR)pt->s, pt->len, start, 0,
		    match, mctx);
		if (rc < 0)
			break;
		report_match(c, r, pt, ov, rc);
		start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
}

/*
 * Is the n bytes of w, n >= 2, found at p, with a byte of follow after
 * and one of precede before unless they are NULL?  The first and last
 * bytes are known to be there.
 */
static inline int
found_at(const struct ptext *pt, const char *p, const char *w, size_t n,
    const unsigned char *follow, const unsigned char *precede)
{
	return memcmp(p + 1, w + 1, n - 2) == 0 &&
	    (follow == NULL || set_has(follow, (unsigned char)p[n])) &&
	    (precede == NULL || (p > pt->s &&
	    set_has(precede, (unsigned char)p[-1])));
}

/*
 * text_find() of a literal of two bytes or more by byte key of it with
 * memchr(3), the first and last bytes compared where it is found.
 */
static size_t
key_find(const struct ptext *pt, const char *w, size_t n, size_t key,
    const unsigned char *follow, const unsigned char *precede, size_t from)
{
	const char	*p, *end = pt->s + pt->len;

	for (p = pt->s + from + key; p < end &&
	    (p = memchr(p, w[key], end - p)) != NULL; p++)
		if ((size_t)(end - p) >= n - key && *(p - key) == w[0] &&
		    p[n - 1 - key] == w[n - 1] &&
		    found_at(pt, p - key, w, n, follow, precede))
			return p - key - pt->s;
	return pt->len;
}

/*
 * Where the n bytes of w are in the text from from on, followed by a
 * byte of follow and preceded by one of precede unless they are NULL,
 * or the text's end.  A literal of one byte is searched for with
 * memchr(3), a longer one by byte key of it, its rarest (key_find()).
 * Where that byte is a lowercase letter and there is SSE2, the first
 * and last bytes are looked for together instead, many places at a
 * time: a letter as common as the p of "parameter" is found too often
 * to be searched for alone.
 */
static size_t
text_find(const struct ptext *pt, const char *w, size_t n, size_t key,
    const unsigned char *follow, const unsigned char *precede, size_t from)
{
	const char	*p, *end = pt->s + pt->len;
#ifdef __SSE2__
	__m128i		 first, last, x0, x1;
	unsigned int	 m;
#endif

	if (from + n > pt->len)
		return pt->len;
	if (n == 1) {
		for (p = pt->s + from; p < end &&
		    (p = memchr(p, w[0], end - p)) != NULL; p++)
			if ((follow == NULL ||
			    set_has(follow, (unsigned char)p[1])) &&
			    (precede == NULL || (p > pt->s &&
			    set_has(precede, (unsigned char)p[-1]))))
				return p - pt->s;
		return pt->len;
	}
#ifdef __SSE2__
	/* A key that is no lowercase letter is rare enough for memchr. */
	if (w[key] != ' ' && (w[key] < 'a' || w[key] > 'z'))
		return key_find(pt, w, n, key, follow, precede, from);
	/*
	 * Thirty-two places at a time.  The loads read up to 31 bytes past
	 * the last place a match can start, n - 1 bytes before the end:
	 * the NULs after the text (PT_PAD) are there, and no byte of w is
	 * a NUL.
	 */
	first = _mm_set1_epi8(w[0]);
	last = _mm_set1_epi8(w[n - 1]);
	for (p = pt->s + from; p + n <= end; p += 32) {
		x0 = _mm_and_si128(_mm_cmpeq_epi8(first,
		    _mm_loadu_si128((const __m128i *)p)),
		    _mm_cmpeq_epi8(last,
		    _mm_loadu_si128((const __m128i *)(p + n - 1))));
		x1 = _mm_and_si128(_mm_cmpeq_epi8(first,
		    _mm_loadu_si128((const __m128i *)(p + 16))),
		    _mm_cmpeq_epi8(last,
		    _mm_loadu_si128((const __m128i *)(p + n + 15))));
		if (_mm_movemask_epi8(_mm_or_si128(x0, x1)) == 0)
			continue;
		m = (unsigned int)_mm_movemask_epi8(x0) |
		    (unsigned int)_mm_movemask_epi8(x1) << 16;
		for (; m != 0; m &= m - 1)
			if (found_at(pt, p + __builtin_ctz(m), w, n, follow,
			    precede))
				return p + __builtin_ctz(m) - pt->s;
	}
	return pt->len;
#else
	return key_find(pt, w, n, key, follow, precede, from);
#endif
}

/*
 * Where literal i of the reach is in the text from from on, followed
 * by a byte of its follow set, or the text's end.
 */
static size_t
lit_at(const struct ptext *pt, const struct reach *rc, int i, size_t from)
{
	return text_find(pt, rc->lit[i], rc->len[i], rc->key[i],
	    rc->fstrict >> i & 1 ? rc->follow[i] : NULL,
	    rc->pstrict >> i & 1 ? rc->precede[i] : NULL, from);
}

/* Is one of the literals of the rule, which every match holds, there? */
static int
holds_literal(const struct prule *r, const struct ptext *pt)
{
	int	 i;

	for (i = 0; i < r->reach.nlit; i++)
		if (lit_at(pt, &r->reach, i, 0) < pt->len)
			return 1;
	return 0;
}

/*
 * Report the matches of a rule whose matches start with a word of a
 * placeholder, that start in [a, last]: they are tried at such words
 * only, the offset limit keeping each try to its start.
 */
static void
run_starts(struct ctx *c, const struct prule *r, const struct ptext *pt,
    size_t a, size_t last)
{
	const struct words	*w;
	PCRE2_SIZE		*ov = pcre2_get_ovector_pointer(match);
	size_t			 p = a;
	int			 k, rc;

	for (k = 0; !(r->reach.phfirst & 1 << k); k++)
		continue;
	w = &phwords[k];
	while (p <= last) {
		/* Most bytes start no word: asked before the call. */
		if (!set_has(w->first, (unsigned char)pt->s[p]) ||
		    !starts_word(w, pt->s + p, pt->len - p, 0)) {
			p++;
			continue;
		}
		pcre2_set_offset_limit(mctx, p);
		if ((rc = pcre2_match(r->code, (PCRE2_SPTR)pt->s, pt->len, p, 0,
		    match, mctx)) < 0) {
			p++;
			continue;
		}
		report_match(c, r, pt, ov, rc);
		p = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
}

/*
 * The end of the run of bytes of the rule's set from b on.  Where the
 * set has no NUL, the NUL after the text ends the run: the test of the
 * end at each byte is left out.
 */
static inline size_t
run_end(const struct prule *r, const struct ptext *pt, size_t b)
{
	const unsigned char	*s = (const unsigned char *)pt->s;

	if (r->inset[0]) {
		while (b < pt->len && r->inset[s[b]])
			b++;
		return b;
	}
	while (r->inset[s[b]])
		b++;
	return b;
}

/*
 * Can a match that the rule reports start in [a, last]?  It starts in
 * the rule's font, and with a byte that can start a match.
 */
static int
can_start(const struct prule *r, const struct ptext *pt, size_t a,
    size_t last)
{
	size_t	 p;

	if (r->font == FONT_ANY)
		return 1;
	for (p = a; p <= last; p++)
		if (pt->font[p] == r->font && (r->firstmap == NULL ||
		    set_has(r->firstmap, (unsigned char)pt->s[p])))
			return 1;
	return 0;
}

#define OCC_WORDS	16	/* most words looked for one by one */
#define OCC_MIN		3	/* bytes of the shortest */

/*
 * Skip the occurrence at q of a word of w, the first from where the
 * search goes on, when no match the rule reports can start there nor
 * at any other occurrence up to the end of the run of bytes of its set
 * that holds it: return the end of the run, at moved past it; else 0.
 * Most occurrences of a page's names are in bold, where such a rule
 * reports nothing, and a try of the pattern costs more than the run.
 * The reports are the same: a match lies in its run, so a search that
 * tries them all goes on at the run's end or before it, and there is
 * no occurrence left to try before the end.
 */
static size_t
skip_run(const struct prule *r, const struct ptext *pt,
    const struct words *w, size_t *at, const size_t *len, const size_t *key,
    size_t q)
{
	size_t	 next[OCC_WORDS], b;
	int	 i;

	if (can_start(r, pt, q, q))
		return 0;
	b = run_end(r, pt, q + 1);
	for (i = 0; i < w->n; i++)
		for (next[i] = at[i]; next[i] < b; next[i] = text_find(pt,
		    w->w[i], len[i], key[i], NULL, NULL, next[i] + 1))
			if (can_start(r, pt, next[i], next[i]))
				return 0;
	memcpy(at, next, w->n * sizeof(*at));
	return b;
}

/*
 * Report the matches of a rule whose matches all start with a word of
 * a placeholder (reach.phfirst), trying the pattern where those words
 * are in the text, in order, the offset limit keeping each try to its
 * start.  The page's own names, a few words of some length, are found
 * faster by a search for them than by the rule's literals and their
 * runs, which in running text may span whole sentences (measured); its
 * parameters are common words, found all over the page, and are left to
 * the literals.  Return 0, having
 * done nothing, when the words are not names, or too many or too short.
 */
static int
run_occurrences(struct ctx *c, const struct prule *r, const struct ptext *pt)
{
	const struct words	*w;
	PCRE2_SIZE		*ov = pcre2_get_ovector_pointer(match);
	size_t			 at[OCC_WORDS], len[OCC_WORDS], key[OCC_WORDS];
	size_t			 from = 0, q, b;
	int			 i, k, rc;

	for (k = 0; !(r->reach.phfirst & 1 << k); k++)
		continue;
	w = &phwords[k];
	if (k != PH_NAMES || w->n > OCC_WORDS)
		return 0;
	for (i = 0; i < w->n; i++)
		if ((len[i] = strlen(w->w[i])) < OCC_MIN)
			return 0;
	for (i = 0; i < w->n; i++) {
		key[i] = rarest(w->w[i]);
		at[i] = text_find(pt, w->w[i], len[i], key[i], NULL, NULL, 0);
	}
	for (;;) {
		for (q = pt->len, i = 0; i < w->n; i++) {
			if (at[i] < from)
				at[i] = text_find(pt, w->w[i], len[i], key[i],
				    NULL, NULL, from);
			if (at[i] < q)
				q = at[i];
		}
		if (q == pt->len)
			break;
		if ((b = skip_run(r, pt, w, at, len, key, q)) > 0) {
			from = b;
			continue;
		}
		pcre2_set_offset_limit(mctx, q);
		if ((rc = pcre2_match(r->code, (PCRE2_SPTR)pt->s, pt->len, q,
		    0, match, mctx)) < 0) {
			from = q + 1;
			continue;
		}
		report_match(c, r, pt, ov, rc);
		from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return 1;
}

/*
 * Does [a, b) of the text hold a word of each placeholder that every
 * match holds?
 */
static int
holds_words(const struct prule *r, const struct ptext *pt, size_t a,
    size_t b)
{
	const struct words	*w;
	size_t			 p;
	int			 i, k;

	for (k = 0; k < PH__COUNT; k++) {
		if (!(r->reach.phreq & 1 << k))
			continue;
		w = &phwords[k];
		for (p = a; p < b; p++) {
			if (!set_has(w->first, (unsigned char)pt->s[p]))
				continue;
			for (i = 0; i < w->n; i++)
				if (word_at(w->w[i], pt->s + p, b - p, 0) > 0)
					break;
			if (i < w->n)
				break;
		}
		if (p == b)
			return 0;
	}
	return 1;
}

/*
 * Match a rule against the text.  When it has literals, only the runs
 * of bytes of its set around their occurrences are searched (struct
 * reach): no match starts elsewhere.  A match starts at or before the
 * last occurrence in its run, so a run where no byte up to there can
 * start a match the rule reports is not searched either, nor is the
 * rest of a run after that occurrence: the offset limit keeps the
 * starts each search tries between the two.  The matches reported, and
 * their order, are those of a search of the whole text: a match lies
 * in its run, and the search goes on after the run in any case.
 */
static void
run_rule(struct ctx *c, const struct prule *r, const struct ptext *pt)
{
	const struct reach	*rc = &r->reach;
	size_t			 at[MAX_LITS], start = 0, q, a, b, last;
	int			 i;

	if (!r->windows) {
		pcre2_set_offset_limit(mctx, PCRE2_UNSET);
		run_span(c, r, pt, 0, pt->len);
		return;
	}
	if (rc->phfirst && run_occurrences(c, r, pt))
		return;
	for (i = 0; i < rc->nlit; i++)
		at[i] = lit_at(pt, rc, i, 0);
	for (;;) {
		for (q = pt->len, i = 0; i < rc->nlit; i++) {
			if (at[i] < start)
				at[i] = lit_at(pt, rc, i, start);
			if (at[i] < q)
				q = at[i];
		}
		if (q == pt->len)
			break;
		for (a = q; a > start && r->inset[(unsigned char)pt->s[a - 1]];
		    a--)
			continue;
		b = run_end(r, pt, q);
		for (last = q, i = 0; i < rc->nlit; i++)
			for (; at[i] < b; at[i] = lit_at(pt, rc, i, at[i] + 1))
				if (at[i] > last)
					last = at[i];
		if (can_start(r, pt, a, last) && holds_words(r, pt, a, b)) {
			if (rc->phfirst)
				run_starts(c, r, pt, a, last);
			else {
				pcre2_set_offset_limit(mctx, last);
				run_span(c, r, pt, a, last);
			}
		}
		/* The literal's bytes are in the set: b > q. */
		start = b;
	}
}

/*
 * Split the page into words, runs of is_wordch(), for the word lists:
 * word k is bounds[2k] to bounds[2k + 1], and hashes[k] its hash.
 * The words whose hash is that of the first word of an entry of some
 * word list are listed in cands, ncands of them: few words of a page
 * are, and only they need be looked up.  The arrays are kept from page
 * to page.
 */

/* Word k is [a, e) of s; nc candidates are listed before it. */
static inline size_t
note_word(const char *s, size_t a, size_t e, size_t k, size_t nc)
{
	unsigned int	 h;

	bounds[2 * k] = a;
	bounds[2 * k + 1] = e;
	/* Four bytes can be read: NULs follow the text (PT_PAD). */
	h = whash(s + a, e - a) >> 16;
	hashes[k] = h;
	/* Kept only where it is one: no branch to mispredict. */
	cands[nc] = k;
	return nc + listed[h];
}

static void
words_room(size_t len)
{
	if (boundcap < len + 2) {
		boundcap = len + 2;
		bounds = xreallocarray(bounds, boundcap, sizeof(*bounds));
		hashes = xreallocarray(hashes, boundcap, sizeof(*hashes));
		cands = xreallocarray(cands, boundcap, sizeof(*cands));
	}
}

#ifdef __SSE2__
/* Bit i: byte i of the sixteen at s is_wordch(). */
static inline unsigned int
word_bits(const char *s)
{
	__m128i	 x, t, m;

	x = _mm_loadu_si128((const __m128i *)s);
	/* A letter in lower case, less 'a', is 25 at most unsigned. */
	t = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)),
	    _mm_set1_epi8('a'));
	m = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(25)), t);
	t = _mm_sub_epi8(x, _mm_set1_epi8('0'));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_min_epu8(t,
	    _mm_set1_epi8(9)), t));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(x, _mm_set1_epi8('-')));
	return (unsigned int)_mm_movemask_epi8(m);
}

/*
 * Sixty-four bytes are classed at once; the bounds of the words among
 * them are where a bit of their mask differs from the one before it,
 * a word's start and end by turns.  The NULs after the text (PT_PAD)
 * end its last word and may be read.
 */
static size_t
split_words(const struct ptext *pt)
{
	const char	*s = pt->s;
	uint64_t	 m, e, in = 0;
	size_t		 i, a = 0, k = 0, nc = 0, len = pt->len;

	words_room(len);
	for (i = 0; i <= len; i += 64) {
		m = word_bits(s + i);
		if (i + 16 <= len)
			m |= (uint64_t)word_bits(s + i + 16) << 16;
		if (i + 32 <= len)
			m |= (uint64_t)word_bits(s + i + 32) << 32;
		if (i + 48 <= len)
			m |= (uint64_t)word_bits(s + i + 48) << 48;
		e = m ^ (m << 1 | in);
		/* The end of a word that started before. */
		if (in && e != 0) {
			nc = note_word(s, a, i + __builtin_ctzll(e), k++, nc);
			e &= e - 1;
		}
		in = m >> 63;
		while (e != 0) {
			a = i + __builtin_ctzll(e);
			e &= e - 1;
			if (e == 0)
				break;
			nc = note_word(s, a, i + __builtin_ctzll(e), k++, nc);
			e &= e - 1;
		}
	}
	ncands = nc;
	return k;
}
#else
/*
 * A bound is where a byte is a word character and the one before it
 * not, or the other way round, a word's start and end by turns.  A
 * page has many words, and a branch at each would be mispredicted,
 * which costs more than all the rest: a bound is written at every
 * byte, and kept only where one is.  The NUL after the text ends its
 * last word.  Unrolled: the loop's count and test, and the copy of w
 * to in, would cost as much at every byte as the rest of the work.
 */
static size_t
split_words(const struct ptext *pt)
{
	const char	*s = pt->s;
	size_t		 i, n = 0, in = 0, w, k, nc = 0, len = pt->len;

	words_room(len);
#pragma GCC unroll 8
	for (i = 0; i <= len; i++) {
		w = is_wordch(s[i]);
		bounds[n] = i;
		n += w ^ in;
		in = w;
	}
	for (k = 0; k < n / 2; k++)
		nc = note_word(s, bounds[2 * k], bounds[2 * k + 1], k, nc);
	ncands = nc;
	return n / 2;
}
#endif

/*
 * The entry of a word list that matches at word k of the page, whole
 * words only, or NULL.  Of several, the first listed wins.
 */
static const struct wentry *
find_word(const struct prule *r, const struct ptext *pt, size_t k)
{
	const struct wentry	*e;
	size_t			 off = bounds[2 * k];
	int			 i;

	for (i = r->bucket[hashes[k] & r->mask]; i != -1; i = e->next) {
		e = &r->entries[i];
		if (e->flen == bounds[2 * k + 1] - off &&
		    off + e->len <= pt->len &&
		    same_bytes(e->w, pt->s + off, e->len, r->nocase) &&
		    !is_wordch(pt->s[off + e->len]))
			return e;
	}
	return NULL;
}

static void
run_words(struct ctx *c, const struct prule *r, const struct ptext *pt)
{
	const struct wentry	*e;
	PCRE2_SIZE		 ov[2];
	size_t			 j, k, end = 0;

	for (j = 0; j < ncands; j++) {
		k = cands[j];
		/* A phrase found covers the words in it. */
		if (bounds[2 * k] < end || (e = find_word(r, pt, k)) == NULL)
			continue;
		ov[0] = bounds[2 * k];
		ov[1] = end = ov[0] + e->len;
		report_match(c, r, pt, ov, 1);
	}
}

/*
 * repeated-word is not a pattern: one that starts at any word is tried
 * at every word of every page, which cost more than all the other
 * prose rules together.  It finds what
 *
 *	(?i)(?<![\w-])([a-z]++)(*SKIP)\s+\1(?![\w-])
 *
 * finds in UTF mode, where a caseless [a-z] also matches the long s
 * and the Kelvin sign: a run of letters, not right after a byte of
 * [\w-], white space, the same letters in any case, and no byte of
 * [\w-] after them.  As in a search for the pattern, the copy is not
 * the start of another pair.
 */

/*
 * The bytes of the letter at s, and in *lc the letter in lower case;
 * 0 for both if there is none.
 */
static size_t
letter_at(const char *s, int *lc)
{
	unsigned char	 c = *s;

	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
		*lc = c | 0x20;
		return 1;
	}
	if (c == 0xc5 && s[1] == '\xbf') {
		*lc = 's';
		return 2;
	}
	if (c == 0xe2 && s[1] == '\x84' && s[2] == '\xaa') {
		*lc = 'k';
		return 3;
	}
	*lc = 0;
	return 0;
}

/*
 * Where the copy of the letters [a, e) that follows them after white
 * space ends, or 0 if there is none.
 */
static size_t
copy_end(const struct ptext *pt, size_t a, size_t e)
{
	const char	*s = pt->s;
	size_t		 q = e, n, m;
	int		 x, y;

	if (!isspace((unsigned char)s[q]))
		return 0;
	while (q < pt->len && isspace((unsigned char)s[q]))
		q++;
	for (; a < e; a += n, q += m) {
		n = letter_at(s + a, &x);
		if (q >= pt->len || (m = letter_at(s + q, &y)) == 0 || x != y)
			return 0;
	}
	return is_wordch(s[q]) ? 0 : q;
}

/* Report the letters [a, e) repeated up to end, unless one is fine. */
static void
report_repeat(struct ctx *c, const struct ptext *pt, size_t a, size_t e,
    size_t end)
{
	static const char *const fine[] = { "that", "had", "long" };
	struct ppos	 at;
	char		 msg[512];
	size_t		 i;

	/* The copy in italic is likely the argument the word names. */
	for (i = a; i < end; i++)
		if (pt->font[i] == PF_ITALIC &&
		    !isspace((unsigned char)pt->s[i]))
			return;
	/* In quotes, the words are likely a mention, as of a command. */
	if (quoted_here(pt, a, end))
		return;
	for (i = 0; i < sizeof(fine) / sizeof(fine[0]); i++)
		if (strlen(fine[i]) == e - a &&
		    strncasecmp(fine[i], pt->s + a, e - a) == 0)
			return;
	ptext_pos(pt, a, &at);
	snprintf(msg, sizeof(msg), "\"%.*s\" is repeated", (int)(e - a),
	    pt->s + a);
	diag_add(c->dl, c->cfg, at.file, at.line, at.col, R_REPEATED_WORD,
	    "%s", msg);
}

/* repeated-word, a byte at a time: for text that has the two letters. */
static void
repeated_scan(struct ctx *c, const struct ptext *pt)
{
	size_t	 i = 0, n, e, end;
	int	 lc;

	while (i < pt->len) {
		if ((n = letter_at(pt->s + i, &lc)) == 0) {
			i++;
			continue;
		}
		if (i > 0 && is_wordch(pt->s[i - 1])) {
			i += n;
			continue;
		}
		for (e = i + n; (n = letter_at(pt->s + e, &lc)) > 0; e += n)
			continue;
		if ((end = copy_end(pt, i, e)) == 0) {
			i = e;
			continue;
		}
		report_repeat(c, pt, i, e, end);
		i = end;
	}
}

/*
 * The first word from k on, of nw, with the hash of the word after it,
 * or the last word.  Few words are, and every word of every page is
 * looked at: eight hashes are compared with the next at once where
 * there is SSE2, and the loop is unrolled, as it costs less than the
 * compare.
 */
static size_t
next_pair(size_t k, size_t nw)
{
#ifdef __SSE2__
	const __m128i	*h;
	unsigned int	 m;

	for (; k + 8 < nw; k += 8) {
		h = (const __m128i *)(hashes + k);
		m = (unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi32(
		    _mm_loadu_si128(h), _mm_loadu_si128((const __m128i *)
		    (hashes + k + 1)))) |
		    (unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi32(
		    _mm_loadu_si128(h + 1), _mm_loadu_si128((const __m128i *)
		    (hashes + k + 5)))) << 16;
		if (m != 0)
			return k + __builtin_ctz(m) / 4;
	}
#endif
#pragma GCC unroll 4
	for (; k + 1 < nw; k++)
		if (hashes[k] == hashes[k + 1])
			break;
	return k;
}

/*
 * repeated-word, a word at a time.  Without the long s and the Kelvin
 * sign, the letters are those of ASCII, and a pair is two words of
 * split_words() in a row, of letters only, with the same hash.
 */
static void
repeated_words(struct ctx *c, const struct ptext *pt, size_t nw)
{
	const char	*s = pt->s;
	size_t		 k, a, e, b, i;

	if (memchr(s, 0xbf, pt->len) != NULL ||
	    memchr(s, 0xaa, pt->len) != NULL) {
		repeated_scan(c, pt);
		return;
	}
	for (k = 0; (k = next_pair(k, nw)) + 1 < nw; k++) {
		a = bounds[2 * k];
		e = bounds[2 * k + 1];
		b = bounds[2 * k + 2];
		if (bounds[2 * k + 3] - b != e - a)
			continue;
		for (i = a; i < e && isalpha((unsigned char)s[i]); i++)
			continue;
		if (i < e)
			continue;
		for (i = e; i < b && isspace((unsigned char)s[i]); i++)
			continue;
		if (i < b || !same_bytes(s + a, s + b, e - a, 1))
			continue;
		report_repeat(c, pt, a, e, b + (e - a));
		k++;
	}
}

/* Does the rule apply to pages of the section named in .TH? */
static int
in_sections(const struct prule *r, const char *section)
{
	const char	*p;
	size_t		 n;

	if (r->sections == NULL)
		return 1;
	if (section == NULL)
		return 0;
	for (p = r->sections; *p != '\0'; p += n) {
		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n > 0 && strncmp(p, section, n) == 0)
			return 1;
	}
	return 0;
}

/* The match data, for the rule with the most groups, and the context. */
static void
match_init(void)
{
	uint32_t	 n, most = 0;
	int		 i;

	for (i = 0; i < nprules; i++)
		if (prules[i]->code != NULL &&
		    pcre2_pattern_info(prules[i]->code,
		    PCRE2_INFO_CAPTURECOUNT, &n) == 0 && n > most)
			most = n;
	match = pcre2_match_data_create(most + 1, NULL);
	mctx = pcre2_match_context_create(NULL);
	pcre2_set_callout(mctx, ph_callout, phwords);
}

void
check_prose(struct ctx *c)
{
	struct ptext	*pt = &text;
	struct words	*names = &phwords[PH_NAMES];
	struct prule	*r;
	size_t		 nw = 0;
	int		 i, k, any = 0, have_words = 0, have_params = 0;

	any = c->cfg->enabled[R_REPEATED_WORD];
	for (i = 0; i < nprules; i++)
		any |= c->cfg->enabled[prules[i]->number];
	if (!any)
		return;
	if (match == NULL)
		match_init();
	names->w = c->names;
	names->n = c->nnames;
	index_words(names);
	ptext_build(pt, c->pg);
	styled_ok = 0;
	nmemo = 0;
	if (c->cfg->enabled[R_REPEATED_WORD]) {
		nw = split_words(pt);
		have_words = 1;
		repeated_words(c, pt, nw);
	}
	for (i = 0; i < nprules; i++) {
		r = prules[i];
		if (!c->cfg->enabled[r->number] ||
		    !in_sections(r, c->section))
			continue;
		if (r->nwords > 0) {
			if (!have_words) {
				nw = split_words(pt);
				have_words = 1;
			}
			run_words(c, r, pt);
			continue;
		}
		/*
		 * Found only when a rule asks: most pages need none, and a
		 * page where no literal of the rule is needs none for it.
		 */
		if (r->uses[PH_PARAMS] && !have_params && r->windows &&
		    !holds_literal(r, pt))
			continue;
		if (r->uses[PH_PARAMS] && !have_params) {
			collect_params(c->pg, &phwords[PH_PARAMS]);
			have_params = 1;
		}
		/* A placeholder with no words on the page matches nothing. */
		for (k = 0; k < PH__COUNT; k++)
			if (r->uses[k] && phwords[k].n == 0)
				break;
		if (k == PH__COUNT)
			run_rule(c, r, pt);
	}
	free_words(&phwords[PH_PARAMS]);
}

void
prose_thread_free(void)
{
	pcre2_match_data_free(match);
	pcre2_match_context_free(mctx);
	match = NULL;
	mctx = NULL;
	ptext_free(&text);
	ptext_free(&syntext);
	free(bounds);
	free(hashes);
	free(cands);
	free(styled_s);
	styled_s = NULL;
	styledcap = 0;
	styled_ok = 0;
	nmemo = 0;
	bounds = NULL;
	hashes = NULL;
	cands = NULL;
	boundcap = 0;
}

void
prose_free(void)
{
	int	 i;

	for (i = 0; i < nprules; i++)
		pcre2_code_free(prules[i]->code);
	prose_thread_free();
}
