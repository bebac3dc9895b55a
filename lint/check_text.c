/*
 * Text and whitespace: sentence-same-line, trailing-space, text-tab,
 * line-too-long.
 */
#include <string.h>

#include "check.h"
#include "esc.h"
#include "src.h"

#define MAX_LINE_BYTES	80

static int
is_plain_text(const struct node *n)
{
	return n->type == N_TEXT && (n->flags & (NF_REGION | NF_COND)) == 0;
}

/*
 * Is the word that ends at s[end] (the period included) an
 * abbreviation or an initial, after which a capital letter does not
 * start a sentence?
 */
static int
is_abbreviation(const char *s, size_t end)
{
	static const char *const words[] = {
		"e.g.", "i.e.", "etc.", "vs.", "cf.", "al.", "approx.",
		"resp.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "No.",
		"Nr.", "Vol.", "Fig.", "Sect.", "Inc.", "Ltd.", "Corp.",
		"et.", "U.S.", "a.k.a.", "Ph.D.", NULL
	};
	size_t	 start = end + 1, m;
	int	 i;

	while (start > 0 && !asc_space(s[start - 1]) &&
	    s[start - 1] != '(' && s[start - 1] != '"')
		start--;
	for (i = 0; words[i] != NULL; i++) {
		m = strlen(words[i]);
		if (end + 1 - start == m &&
		    strncasecmp(s + start, words[i], m) == 0)
			return 1;
	}
	/* Initials, as in "W. Richard" or "B.O. Gallmeister". */
	for (m = start; m + 1 <= end && asc_upper(s[m]) &&
	    s[m + 1] == '.'; m += 2)
		continue;
	if (m == end + 1)
		return 1;
	/* An ellipsis. */
	return end >= 2 && s[end - 1] == '.' && s[end - 2] == '.';
}

/* Is s[0..end) a number at the start of the line, as "1." or "(2)."? */
static int
is_enumerator(const char *s, size_t end)
{
	size_t	 i = 0;

	if (s[i] == '(')
		i++;
	if (i >= end || !asc_digit(s[i]))
		return 0;
	while (i < end && asc_digit(s[i]))
		i++;
	if (i < end && s[i] == ')')
		i++;
	return i == end;
}

/*
 * Does a new sentence start at s[i]?  A capital letter, possibly
 * after an opening quote or parenthesis or a font escape.
 */
static int
starts_sentence(const char *s, size_t len, size_t i)
{
	struct esc	 e;
	size_t		 k;

	/* A tag in parentheses, as in "(XSI)", is no sentence. */
	if (i < len && s[i] == '(') {
		for (k = i + 1; k < len && (asc_upper(s[k]) ||
		    asc_digit(s[k])); k++)
			continue;
		if (k < len && s[k] == ')')
			return 0;
	}
	while (i < len) {
		if (s[i] == '(' || s[i] == '"') {
			i++;
			continue;
		}
		if (s[i] == '\\') {
			esc_parse(s + i, len - i, &e);
			if (e.kind != ESC_FONT && !(e.kind == ESC_SPECIAL &&
			    e.namelen == 2 && (strncmp(e.name, "lq", 2) == 0 ||
			    strncmp(e.name, "oq", 2) == 0)))
				return 0;
			i += e.len;
			continue;
		}
		return asc_upper(s[i]);
	}
	return 0;
}

static void
check_sentences(struct ctx *c, const struct node *n)
{
	const char	*s = n->text;
	size_t		 i, j, len = n->len;
	struct esc	 e;

	for (i = 0; i < len; i++) {
		i += strcspn(s + i, ".?!\\");
		if (i >= len)
			break;
		if (s[i] == '\\') {
			esc_parse(s + i, len - i, &e);
			i += e.len - 1;
			continue;
		}
		if (i == 0 || asc_space(s[i - 1]))
			continue;
		/* "\&" after the mark says it ends no sentence. */
		j = i + 1;
		while (j < len && strchr(")]\"'", s[j]) != NULL)
			j++;
		if (j >= len || s[j] != ' ')
			continue;
		while (j < len && s[j] == ' ')
			j++;
		if (s[i] == '.' && is_abbreviation(s, i))
			continue;
		/* "1. The first step": a list number, not a sentence. */
		if (s[i] == '.' && is_enumerator(s, i))
			continue;
		if (starts_sentence(s, len, j)) {
			report(c, n, j, R_SENTENCE_SAME_LINE,
			    "new sentence starts mid-line; start it on a new "
			    "source line");
			return;
		}
	}
}

static void
check_tab(struct ctx *c, const struct node *n)
{
	const char	*t;

	if (!(n->flags & NF_NOTAB) &&
	    (t = memchr(n->text, '\t', n->len)) != NULL)
		report(c, n, t - n->text, R_TEXT_TAB,
		    "tab in filled text moves to the next tab stop; use a "
		    "space");
}

/*
 * The width of a no-fill line as printed: escapes print one character
 * or none, UTF-8 continuation bytes nothing, and a tab moves to the
 * next multiple of 8.
 */
static size_t
printed_width(const char *p, size_t len)
{
	struct esc	 e;
	size_t		 i, w = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == '\t')
			w = (w / 8 + 1) * 8;
		else if (p[i] == '\\') {
			esc_parse(p + i, len - i, &e);
			if (e.kind == ESC_BACKSLASH || e.kind == ESC_MINUS ||
			    e.kind == ESC_SPACE || e.kind == ESC_CHAR ||
			    e.kind == ESC_SPECIAL || e.kind == ESC_UNKNOWN)
				w++;
			if (e.kind == ESC_COMMENT)
				break;
			i += e.len > 0 ? e.len - 1 : 0;
		} else if (((unsigned char)p[i] & 0xc0) != 0x80)
			w++;
	}
	return w;
}

static void
check_length(struct ctx *c, const struct node *n)
{
	const struct srcline	*sl;
	size_t			 w;
	int			 ln;

	for (ln = n->line; ln <= n->lastline; ln++) {
		sl = &n->file->lines[ln - 1];
		if (sl->len <= MAX_LINE_BYTES)
			continue;
		/* An example line is judged by what the reader sees. */
		if (n->flags & NF_NOFILL) {
			w = printed_width(n->file->buf + sl->off, sl->len);
			if (w > MAX_LINE_BYTES)
				diag_add(c->dl, c->cfg, n->file, ln,
				    MAX_LINE_BYTES + 1, R_LINE_TOO_LONG,
				    "example line prints %zu columns; keep "
				    "it within %d", w, MAX_LINE_BYTES);
		} else
			diag_add(c->dl, c->cfg, n->file, ln,
			    MAX_LINE_BYTES + 1, R_LINE_TOO_LONG,
			    "line is %zu bytes long; break it at a sentence "
			    "or clause boundary to keep it within %d",
			    sl->len, MAX_LINE_BYTES);
	}
}

/* Trailing white space on every physical line of every file read. */
static void
check_trailing(struct ctx *c, const struct srcfile *f)
{
	const char	*p;
	size_t		 end, k;
	int		 ln;

	if (!f->blank_end)
		return;
	for (ln = 0; ln < f->nlines; ln++) {
		p = f->buf + f->lines[ln].off;
		end = f->lines[ln].len;
		while (end > 0 && (p[end - 1] == ' ' || p[end - 1] == '\t'))
			end--;
		if (end == f->lines[ln].len)
			continue;
		/* "\ " at the end is an escaped space, kept on purpose. */
		for (k = 0; end > k && p[end - 1 - k] == '\\'; k++)
			continue;
		if (k % 2 == 1 && end + 1 == f->lines[ln].len)
			continue;
		diag_add(c->dl, c->cfg, f, ln + 1, (int)end + 1,
		    R_TRAILING_SPACE, "trailing white space; remove it");
	}
}

void
check_text(struct ctx *c)
{
	const struct node	*n;
	int			 i;

	/* The layout of a generated page is its generator's to fix. */
	if (c->generated)
		return;
	for (i = 0; i < c->texts.n; i++) {
		if (!is_plain_text(n = c->texts.v[i]))
			continue;
		/*
		 * Tabs under tab stops set for filled text line up columns;
		 * stops set for a no-fill table are left over after it, and
		 * a heading starts afresh (NF_TABSTOPS).
		 */
		if (!(n->flags & NF_NOFILL)) {
			check_sentences(c, n);
			if (!(n->flags & NF_TABSTOPS))
				check_tab(c, n);
		}
		if (n->file->maxlen > MAX_LINE_BYTES)
			check_length(c, n);
	}
	for (i = 0; i < c->pg->nfiles; i++)
		check_trailing(c, c->pg->files[i]);
}
