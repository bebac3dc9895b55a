/*
 * Running the passes, and what they share: the page's title, section
 * and names, and reporting at a node.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "prose.h"
#include "src.h"
#include "util.h"

static void (*const passes[])(struct ctx *) = {
	check_structure,
	check_paragraphs,
	check_blocks,
	check_fonts,
	check_xrefs,
	check_text,
	check_synopsis,
	check_args,
	check_words,
	check_requests,
	check_prose,
};

static void
vreport(struct ctx *c, const struct node *n, int line, int col,
    int r, const char *fmt, va_list ap)
{
	char	 buf[1024];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	diag_add(c->dl, c->cfg, n->file, line, col, r, "%s", buf);
}

void
report(struct ctx *c, const struct node *n, size_t off, int r,
    const char *fmt, ...)
{
	va_list	 ap;
	int	 line, col;

	if (!c->cfg->enabled[r])
		return;
	node_pos(n, off, &line, &col);
	va_start(ap, fmt);
	vreport(c, n, line, col, r, fmt, ap);
	va_end(ap);
}

void
report_arg(struct ctx *c, const struct node *n, int i, int r,
    const char *fmt, ...)
{
	va_list	 ap;

	if (!c->cfg->enabled[r])
		return;
	va_start(ap, fmt);
	if (i < n->nargs)
		vreport(c, n, n->args[i].line, n->args[i].col, r, fmt, ap);
	else
		vreport(c, n, n->line, n->col, r, fmt, ap);
	va_end(ap);
}

int
is_self(const struct ctx *c, const char *name, size_t len)
{
	int	 i;

	if (c->title != NULL && strlen(c->title) == len &&
	    strncasecmp(c->title, name, len) == 0)
		return 1;
	for (i = 0; i < c->nnames; i++)
		if (strlen(c->names[i]) == len &&
		    strncmp(c->names[i], name, len) == 0)
			return 1;
	return 0;
}

int
is_listed(const char *const *list, const char *s, size_t len)
{
	const char	*w;

	if (len == 0)
		return 0;
	for (; (w = *list) != NULL; list++)
		if (w[0] == s[0] && strncmp(w, s, len) == 0 && w[len] == '\0')
			return 1;
	return 0;
}

int
starts_run(const struct node *n, enum sec s)
{
	return n->type == N_MACRO && n->tok == M_SH && n->sh == n &&
	    n->sec == s && (n->lprev == NULL || n->lprev->sh == NULL ||
	    n->lprev->sh->sec != s);
}

int
is_definition(const struct node *n)
{
	if (n->type != N_MACRO)
		return 0;
	switch (n->tok) {
	case R_de:
	case R_de1:
	case R_am:
	case R_am1:
	case R_ig:
	case R_ds:
	case R_ds1:
	case R_as:
	case R_nr:
	case R_rm:
	case R_rn:
	case R_als:
		return 1;
	default:
		return 0;
	}
}

const struct node *
heading_line(const struct node *h)
{
	const struct node	*t;

	if (h->nargs > 0 || (t = node_next_real(h)) == NULL)
		return NULL;
	if (t->type == N_TEXT && t->line <= h->line + 1)
		return t;
	if (t->type == N_MACRO && t->nargs > 0 && t->tok < TOK__COUNT &&
	    (mac_table[t->tok].flags & MF_FONT))
		return t;
	return NULL;
}

/*
 * A heading's text: its one argument or the next line as they are,
 * or its arguments joined by spaces in the arena of the page.
 */
static const char *
heading_text(struct page *pg, const struct node *n)
{
	const struct node	*t;
	char			*s, *o;
	size_t			 len = 0;
	int			 i;

	if (n->nargs == 1)
		return n->args[0].s;
	if (n->nargs == 0) {
		if ((t = heading_line(n)) == NULL)
			return "";
		return t->type == N_TEXT ? t->text : t->args[0].s;
	}
	/* An argument may hold a NUL, which ends the text as it did. */
	for (i = 0; i < n->nargs; i++)
		len += strlen(n->args[i].s) + 1;
	o = s = arena_take(&pg->arena, len);
	for (i = 0; i < n->nargs; i++) {
		memcpy(o, n->args[i].s, strlen(n->args[i].s));
		o += strlen(n->args[i].s);
		*o++ = ' ';
	}
	o[-1] = '\0';
	return s;
}

static void
add_name(struct ctx *c, const char *s, size_t len)
{
	c->names = xreallocarray(c->names, c->nnames + 1, sizeof(char *));
	c->names[c->nnames++] = xstrndup(s, len);
}

/*
 * Collect the names before "\-" in the NAME section: words made of
 * name characters, separated by commas.  Escapes are skipped.
 */
static void
collect_names(struct ctx *c, const struct node *sh)
{
	const struct node	*n;
	const char		*s;
	size_t			 i, start;

	for (n = sh->lnext; n != NULL && n->tok != M_SH; n = n->lnext) {
		if (n->type != N_TEXT && !(n->type == N_MACRO &&
		    n->tok < TOK__COUNT &&
		    (mac_table[n->tok].flags & (MF_FONT | MF_ALTFONT))))
			continue;
		s = n->type == N_TEXT ? n->text :
		    n->nargs > 0 ? n->args[0].s : "";
		for (i = 0; s[i] != '\0';) {
			if (s[i] == '\\') {
				if (s[i + 1] == '-')
					return;
				i += s[i + 1] != '\0' ? 2 : 1;
				continue;
			}
			if (asc_alnum(s[i]) || s[i] == '_') {
				start = i;
				while (asc_alnum(s[i]) || (s[i] != '\0' &&
				    strchr("_.-+:@", s[i]) != NULL))
					i++;
				add_name(c, s + start, i - start);
				continue;
			}
			i++;
		}
	}
}

/* Has v a zero byte?  The high bit of its lowest one is set. */
#define ZEROS(v)	(((v) - 0x0101010101010101ull) & ~(v))

/*
 * Does the line s, of k bytes, hold one of the marks a converter
 * leaves, in any case, before any NUL?  Each starts "ge" or "do", rare
 * pairs in a comment: eight places at a time are passed over while
 * none of them starts either.
 */
static int
has_mark(const char *s, size_t k)
{
	static const char *const marks[] = {
		"generated by", "generated from", "do not edit", NULL
	};
	const uint64_t	 ones = 0x0101010101010101ull;
	const char	*m;
	uint64_t	 w, x, z;
	size_t		 i, j, l;
	int		 c;

	k = strnlen(s, k);
	for (i = 0; i < k; i++) {
		if ((i & 7) == 0 && i + 9 <= k) {
			memcpy(&w, s + i, 8);
			memcpy(&x, s + i + 1, 8);
			w |= 0x20 * ones;
			x |= 0x20 * ones;
			z = (ZEROS(w ^ 'g' * ones) & ZEROS(x ^ 'e' * ones)) |
			    (ZEROS(w ^ 'd' * ones) & ZEROS(x ^ 'o' * ones));
			if ((z & 0x80 * ones) == 0) {
				i += 7;
				continue;
			}
		}
		if ((c = s[i] | 0x20) != 'g' && c != 'd')
			continue;
		for (j = 0; (m = marks[j]) != NULL; j++) {
			if (m[0] != c)
				continue;
			for (l = 1; m[l] != '\0' && i + l < k &&
			    tolower((unsigned char)s[i + l]) == m[l]; l++)
				continue;
			if (m[l] == '\0')
				return 1;
		}
	}
	return 0;
}

/*
 * Does a comment at the top of the page say a program wrote it (as
 * rst2man and other converters do)?  Its source layout is then the
 * converter's, and layout rules would only blame the wrong party.
 * The first 255 bytes of each of the first ten lines are looked at.
 */
static int
is_generated(const struct page *pg)
{
	const struct node	*n;
	const struct srcline	*sl;
	size_t			 k;
	int			 lines = 0;

	for (n = pg->first; n != NULL && lines < 10; n = n->lnext, lines++) {
		if (n->type != N_COMMENT && n->type != N_BLANK &&
		    n->type != N_TEXT)
			continue;
		sl = &n->file->lines[n->line - 1];
		k = sl->len < 255 ? sl->len : 255;
		if (has_mark(n->file->buf + sl->off, k))
			return 1;
	}
	return 0;
}

/*
 * The .Dd line of a page written with the mdoc(7) macros, which comes
 * before any .TH, or NULL.
 */
static const struct node *
mdoc_start(const struct page *pg)
{
	const struct node	*n;

	for (n = pg->first; n != NULL; n = n->lnext) {
		if (n->type != N_MACRO || (n->flags & (NF_REGION | NF_COND)))
			continue;
		if (n->tok == TOK_UNKNOWN && strcmp(n->name, "Dd") == 0)
			return n;
		if (n->tok == M_TH)
			return NULL;
	}
	return NULL;
}

void
check_page(struct page *pg, struct diaglist *dl, const struct config *cfg)
{
	struct ctx	 c;
	struct node	*n, **v, **all, **mac, **txt, **font, **head, **rest;
	const struct node *md;
	size_t		 i, nn;
	int		 k;

	memset(&c, 0, sizeof(c));
	c.pg = pg;
	c.dl = dl;
	c.cfg = cfg;
	/* Every mdoc macro is unknown to man(7): say so once. */
	if ((md = mdoc_start(pg)) != NULL) {
		report(&c, md, 0, R_MACRO_UNKNOWN, "unknown macro .Dd: the page "
		    "is written with the mdoc(7) macros; manlint checks man(7) "
		    "pages only");
		return;
	}
	c.generated = is_generated(pg);
	/*
	 * The node count is known, so the arrays are one allocation that
	 * needs no growing, filled through pointers kept in registers.
	 */
	nn = pg->nnodes;
	v = xreallocarray(NULL, nn * 6, sizeof(*v));
	all = c.all.v = v;
	mac = c.macros.v = v + nn;
	txt = c.texts.v = v + 2 * nn;
	font = c.fonts.v = v + 3 * nn;
	head = c.heads.v = v + 4 * nn;
	rest = c.rest.v = v + 5 * nn;
	for (n = pg->first; n != NULL; n = n->lnext) {
		*all++ = n;
		if (n->type == N_TEXT) {
			*txt++ = n;
			continue;
		}
		if (n->type != N_MACRO) {
			*rest++ = n;
			continue;
		}
		*mac++ = n;
		if (n->tok < TOK__COUNT &&
		    (mac_table[n->tok].flags & (MF_FONT | MF_ALTFONT)))
			*font++ = n;
		if (n->tok == M_SH || n->tok == M_SS)
			*head++ = n;
		if (n->tok == M_TH && c.title == NULL &&
		    !(n->flags & (NF_REGION | NF_COND))) {
			c.title = n->nargs > 0 ? n->args[0].s : NULL;
			c.section = n->nargs > 1 ? n->args[1].s : NULL;
		}
	}
	c.all.n = all - c.all.v;
	c.macros.n = mac - c.macros.v;
	c.texts.n = txt - c.texts.v;
	c.fonts.n = font - c.fonts.v;
	c.heads.n = head - c.heads.v;
	c.rest.n = rest - c.rest.v;
	/* Each heading's text is found once, for every pass. */
	c.headtext = xreallocarray(NULL, c.heads.n + 1, sizeof(*c.headtext));
	for (k = 0; k < c.heads.n; k++) {
		n = c.heads.v[k];
		c.headtext[k] = heading_text(pg, n);
		if (n->tok != M_SH)
			continue;
		n->sec = sec_lookup(c.headtext[k]);
		if (n->sec == SEC_NAME && c.nnames == 0)
			collect_names(&c, n);
	}
	for (i = 0; i < sizeof(passes) / sizeof(passes[0]); i++)
		passes[i](&c);
	for (k = 0; k < c.nnames; k++)
		free(c.names[k]);
	free(c.names);
	free(c.headtext);
	free(v);
}
