/*
 * Running the passes, and what they share: the page's title, section
 * and names, and reporting at a node.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util.h"

static void (*const passes[])(struct ctx *) = {
	check_structure,
	check_paragraphs,
	check_blocks,
	check_fonts,
	check_xrefs,
	check_text,
};

static void
vreport(struct ctx *c, const struct node *n, int line, int col,
    enum rule r, const char *fmt, va_list ap)
{
	char	 buf[1024];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	diag_add(c->dl, c->cfg, n->file, line, col, r, "%s", buf);
}

void
report(struct ctx *c, const struct node *n, size_t off, enum rule r,
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
report_arg(struct ctx *c, const struct node *n, int i, enum rule r,
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

char *
heading_text(const struct node *n)
{
	const struct node	*t;
	char			*s;
	size_t			 len = 0;
	int			 i;

	if (n->nargs == 0) {
		if ((t = heading_line(n)) == NULL)
			return xstrdup("");
		return xstrdup(t->type == N_TEXT ? t->text : t->args[0].s);
	}
	for (i = 0; i < n->nargs; i++)
		len += strlen(n->args[i].s) + 1;
	s = xmalloc(len + 1);
	s[0] = '\0';
	for (i = 0; i < n->nargs; i++) {
		if (i > 0)
			strcat(s, " ");
		strcat(s, n->args[i].s);
	}
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
			if (isalnum((unsigned char)s[i]) || s[i] == '_') {
				start = i;
				while (isalnum((unsigned char)s[i]) ||
				    strchr("_.-+:@", s[i]) != NULL)
					i++;
				add_name(c, s + start, i - start);
				continue;
			}
			i++;
		}
	}
}

void
check_page(struct page *pg, struct diaglist *dl, const struct config *cfg)
{
	struct ctx	 c;
	struct node	*n;
	char		*h;
	size_t		 i;
	int		 k;

	memset(&c, 0, sizeof(c));
	c.pg = pg;
	c.dl = dl;
	c.cfg = cfg;
	for (n = pg->first; n != NULL; n = n->lnext) {
		if (n->type == N_MACRO && n->tok == M_SH) {
			h = heading_text(n);
			n->sec = sec_lookup(h);
			free(h);
		}
		if (n->type == N_MACRO && n->tok == M_TH && c.title == NULL &&
		    !(n->flags & (NF_REGION | NF_COND))) {
			c.title = n->nargs > 0 ? n->args[0].s : NULL;
			c.section = n->nargs > 1 ? n->args[1].s : NULL;
		}
		if (n->type == N_MACRO && n->tok == M_SH && n->sec == SEC_NAME &&
		    c.nnames == 0)
			collect_names(&c, n);
	}
	for (i = 0; i < sizeof(passes) / sizeof(passes[0]); i++)
		passes[i](&c);
	for (k = 0; k < c.nnames; k++)
		free(c.names[k]);
	free(c.names);
}
