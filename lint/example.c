/*
 * Taking example programs and shell sessions out of a page.
 *
 * roff text becomes what a reader sees on a UTF-8 terminal and copies:
 * \e is a backslash, \- and \(aq are ASCII, fonts vanish, \(lq is a
 * typographic quote.  An escape with no such text (a motion, a number
 * register) is reported, since the program the reader sees is then not
 * the one written.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "esc.h"
#include "example.h"
#include "files.h"
#include "src.h"
#include "tree.h"
#include "util.h"

/* Text being built, with the page position of every byte. */
struct tbuf {
	char		*s;
	struct expos	*pos;
	size_t		 len;
	size_t		 cap;
};

/* An .EX block under EXAMPLES that is not inside SRC BEGIN/END. */
struct block {
	const struct srcfile *file;
	int		 line;		/* the .EX */
	int		 endline;	/* the .EE */
	int		 varies;
	int		 prog;		/* files[] index of the program
					   defined last before it, or -1 */
	struct exline	*lines;
	int		 nlines;
	int		 used;		/* taken as a program */
};

struct xctx {
	const struct page *pg;
	struct diaglist	*dl;
	const struct config *cfg;
	struct expage	*ep;
	/* Inside SRC BEGIN/END. */
	int		 inprog;
	struct exfile	*cur;		/* NULL when the region is skipped */
	const struct node *begin;
	int		 inex;
	int		 saw_ex;
	int		 said_outside;
	int		 lastprog;	/* files[] index, or -1 */
	/* .EX blocks under EXAMPLES. */
	struct block	*blocks;
	int		 nblocks;
	struct block	*blk;
	int		 varies;	/* an output-varies comment waits */
	int		 quiet;		/* reading LIBRARY: report nothing */
};

static const struct {
	const char	*name;
	const char	*text;
} glyphs[] = {
	{ "aq", "'" }, { "dq", "\"" }, { "ti", "~" }, { "ha", "^" },
	{ "rs", "\\" }, { "ga", "`" }, { "sl", "/" }, { "ba", "|" },
	{ "at", "@" }, { "sh", "#" }, { "Do", "$" }, { "lB", "[" },
	{ "rB", "]" }, { "lC", "{" }, { "rC", "}" }, { "pl", "+" },
	{ "eq", "=" }, { "ul", "_" }, { "lq", "\u201c" }, { "rq", "\u201d" },
	{ "oq", "\u2018" }, { "cq", "\u2019" }, { "em", "\u2014" },
	{ "en", "\u2013" }, { "hy", "\u2010" }, { "mi", "\u2212" },
	{ "bu", "\u2022" }, { "co", "\u00a9" }, { "rg", "\u00ae" },
	{ "tm", "\u2122" }, { "de", "\u00b0" }, { "mu", "\u00d7" },
	{ "di", "\u00f7" }, { "aa", "\u00b4" }, { "<=", "\u2264" },
	{ ">=", "\u2265" }, { "!=", "\u2260" }, { "->", "\u2192" },
	{ "<-", "\u2190" }, { "+-", "\u00b1" }, { "fm", "\u2032" },
	{ "sc", "\u00a7" }, { "ps", "\u00b6" }, { "Fo", "\u00ab" },
	{ "Fc", "\u00bb" }
};

/* The strings man(7) defines. */
static const struct {
	const char	*name;
	const char	*text;
} strings[] = {
	{ "lq", "\u201c" }, { "rq", "\u201d" }, { "R", "\u00ae" },
	{ "Tm", "\u2122" }
};

static void
tb_add(struct tbuf *b, const char *s, size_t n, int line, int col)
{
	size_t	 i;

	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 128;
		b->s = xrealloc(b->s, b->cap);
		b->pos = xreallocarray(b->pos, b->cap, sizeof(*b->pos));
	}
	for (i = 0; i < n; i++) {
		b->s[b->len] = s[i];
		b->pos[b->len].line = line;
		b->pos[b->len].col = col;
		b->len++;
	}
	b->s[b->len] = '\0';
}

/* Hand the buffer's text over as a line; the buffer is empty again. */
static void
tb_take(struct tbuf *b, const struct srcfile *f, int line, int col,
    struct exline *l)
{
	tb_add(b, "", 0, 0, 0);
	b->pos[b->len].line = b->len > 0 ? b->pos[b->len - 1].line : line;
	b->pos[b->len].col = b->len > 0 ? b->pos[b->len - 1].col + 1 : col;
	l->s = b->s;
	l->len = b->len;
	l->pos = b->pos;
	l->file = f;
	memset(b, 0, sizeof(*b));
}

static void
push_line(struct exline **v, int *n, const struct exline *l)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = *l;
}

static void
line_free(struct exline *l)
{
	free(l->s);
	free(l->pos);
}

/* Encode code point c as UTF-8 into out; return the length. */
static size_t
utf8(unsigned long c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | c >> 12);
		out[1] = (char)(0x80 | (c >> 6 & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | c >> 18);
	out[1] = (char)(0x80 | (c >> 12 & 0x3f));
	out[2] = (char)(0x80 | (c >> 6 & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* The text of a special character, in out; -1 if unknown. */
static int
glyph(const char *name, size_t len, char *out, size_t *outlen)
{
	unsigned long	 c;
	size_t		 i;
	char		*end, num[16];

	for (i = 0; i < sizeof(glyphs) / sizeof(glyphs[0]); i++)
		if (strlen(glyphs[i].name) == len &&
		    memcmp(glyphs[i].name, name, len) == 0) {
			*outlen = strlen(glyphs[i].text);
			memcpy(out, glyphs[i].text, *outlen);
			return 0;
		}
	/* \[u20AC] names a code point, \[char92] a byte. */
	if (len >= 5 && len <= 7 && name[0] == 'u') {
		memcpy(num, name + 1, len - 1);
		num[len - 1] = '\0';
		c = strtoul(num, &end, 16);
		if (*end == '\0' && c > 0 && c <= 0x10ffff &&
		    (c < 0xd800 || c > 0xdfff)) {
			*outlen = utf8(c, out);
			return 0;
		}
	}
	if (len > 4 && len <= 7 && memcmp(name, "char", 4) == 0) {
		memcpy(num, name + 4, len - 4);
		num[len - 4] = '\0';
		c = strtoul(num, &end, 10);
		if (*end == '\0' && c > 0 && c < 128) {
			out[0] = (char)c;
			*outlen = 1;
			return 0;
		}
	}
	return -1;
}

static int
string(const char *name, size_t len, char *out, size_t *outlen)
{
	size_t	 i;

	for (i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
		if (strlen(strings[i].name) == len &&
		    memcmp(strings[i].name, name, len) == 0) {
			*outlen = strlen(strings[i].text);
			memcpy(out, strings[i].text, *outlen);
			return 0;
		}
	return -1;
}

/*
 * The text of the escape e at s; -1 when it has none that a reader
 * could copy.
 */
static int
escape_text(const char *s, const struct esc *e, char *out, size_t *outlen)
{
	*outlen = 0;
	switch (e->kind) {
	case ESC_BACKSLASH:
		out[(*outlen)++] = '\\';
		return 0;
	case ESC_MINUS:
		out[(*outlen)++] = '-';
		return 0;
	case ESC_SPACE:
		out[(*outlen)++] = ' ';
		return 0;
	case ESC_THIN:
	case ESC_ZERO:
	case ESC_NOSPACE:
	case ESC_FONT:
	case ESC_COMMENT:
	case ESC_BRACE_OPEN:
	case ESC_BRACE_CLOSE:
		return 0;
	case ESC_CHAR:
		if (s[1] == '\'')
			return glyph("aa", 2, out, outlen);
		if (s[1] != '?')
			out[(*outlen)++] = s[1];
		return 0;
	case ESC_SPECIAL:
		if (e->malformed || e->name == NULL)
			return -1;
		return glyph(e->name, e->namelen, out, outlen);
	case ESC_STRING:
		if (e->malformed || e->name == NULL)
			return -1;
		return string(e->name, e->namelen, out, outlen);
	case ESC_OTHER:
		/* Size, colour and font family change nothing visible. */
		return strchr("smMFk", s[1]) != NULL && !e->malformed ? 0 : -1;
	default:
		return -1;
	}
}

static void
extract_diag(struct xctx *x, const struct srcfile *f, int line, int col,
    const char *fmt, const char *arg)
{
	diag_add(x->dl, x->cfg, f, line, col, R_EXAMPLE_EXTRACT, fmt, arg);
}

/* Where byte i of the text being converted is (see convert()). */
static void
pos_at(const struct node *n, size_t base, int line, int col, size_t i,
    int *l, int *c)
{
	if (n != NULL)
		node_pos(n, base + i, l, c);
	else {
		*l = line;
		*c = col + (int)i;
	}
}

/*
 * Convert len bytes of roff text s into plain text in b.  Byte i of s
 * is at offset base + i of node n's text, or, without a node, at
 * line:col + i.
 */
static void
convert(struct xctx *x, const struct node *n, const char *s, size_t len,
    size_t base, int line, int col, struct tbuf *b)
{
	struct esc	 e;
	char		 out[16], name[32];
	size_t		 i = 0, outlen;
	int		 l, c;

	while (i < len) {
		pos_at(n, base, line, col, i, &l, &c);
		if (s[i] != '\\') {
			tb_add(b, s + i, 1, l, c);
			i++;
			continue;
		}
		esc_parse(s + i, len - i, &e);
		if (e.len == 0)
			e.len = 1;
		if (escape_text(s + i, &e, out, &outlen) == -1) {
			snprintf(name, sizeof(name), "%.*s",
			    (int)(e.len < 20 ? e.len : 20), s + i);
			if (!x->quiet)
				extract_diag(x, n != NULL ? n->file :
				    x->ep->file, l, c, "the escape %s has no "
				    "plain text that a reader could copy into "
				    "the program; write the text itself", name);
		} else if (outlen > 0)
			tb_add(b, out, outlen, l, c);
		i += e.len;
	}
}

/* Convert a whole line: a text line, or the arguments of a font macro. */
static void
convert_node(struct xctx *x, const struct node *n, struct exline *l)
{
	struct tbuf	 b;
	int		 i;

	memset(&b, 0, sizeof(b));
	if (n->type == N_TEXT)
		convert(x, n, n->text, n->len, 0, 0, 0, &b);
	else if (n->type == N_MACRO)
		for (i = 0; i < n->nargs; i++) {
			if (i > 0 && (n->tok == M_B || n->tok == M_I ||
			    n->tok == M_SM || n->tok == M_SB))
				tb_add(&b, " ", 1, n->args[i].line,
				    n->args[i].col - 1);
			convert(x, NULL, n->args[i].s, strlen(n->args[i].s), 0,
			    n->args[i].line, n->args[i].col, &b);
		}
	tb_take(&b, n->file, n->line, n->col, l);
}

static int
in_section(const struct node *n, enum sec s)
{
	return n->sh != NULL && n->sh->sec == s && n != n->sh;
}

/* The text of a comment line, after the \" that starts it. */
static const char *
comment_text(const struct node *n, size_t *len)
{
	const struct srcline	*sl;
	const char		*p, *e;

	if (n->line < 1 || n->line > n->file->nlines)
		return NULL;
	sl = &n->file->lines[n->line - 1];
	p = n->file->buf + sl->off;
	e = p + sl->len;
	for (; p + 1 < e; p++)
		if (p[0] == '\\' && (p[1] == '"' || p[1] == '#')) {
			p += 2;
			while (p < e && (*p == ' ' || *p == '\t'))
				p++;
			while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
			*len = e - p;
			return p;
		}
	return NULL;
}

/* A file name the SRC BEGIN comment may give: no directory, .c or .h. */
static int
good_name(const char *s, size_t len)
{
	size_t	 i;

	if (len < 3 || s[0] == '.' || s[len - 2] != '.' ||
	    (s[len - 1] != 'c' && s[len - 1] != 'h'))
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || strchr("._+-", s[i])))
			return 0;
	return 1;
}

static struct exfile *
add_file(struct xctx *x, const char *name, size_t len,
    const struct srcfile *f, int line)
{
	struct exfile	*ef;

	x->ep->files = xreallocarray(x->ep->files, x->ep->nfiles + 1,
	    sizeof(*x->ep->files));
	ef = &x->ep->files[x->ep->nfiles++];
	memset(ef, 0, sizeof(*ef));
	ef->name = xstrndup(name, len);
	ef->header = name[len - 1] == 'h';
	ef->file = f;
	ef->line = line;
	if (!ef->header)
		x->ep->nprogs++;
	return ef;
}

static void
end_region(struct xctx *x)
{
	if (x->cur != NULL && !x->saw_ex)
		extract_diag(x, x->begin->file, x->begin->line, 1,
		    "SRC BEGIN (%s) encloses no .EX block: the program is "
		    "empty", x->cur->name);
	if (x->cur != NULL && !x->cur->header)
		x->lastprog = (int)(x->cur - x->ep->files);
	x->inprog = x->inex = x->saw_ex = x->said_outside = 0;
	x->cur = NULL;
	x->begin = NULL;
}

static void
begin_region(struct xctx *x, const struct node *n, const char *s,
    size_t len)
{
	const char	*name, *close;
	size_t		 nlen;
	int		 i;

	if (x->inprog) {
		extract_diag(x, x->begin->file, x->begin->line, 1,
		    "%s: SRC BEGIN without SRC END before the next SRC BEGIN",
		    x->cur != NULL ? x->cur->name : "program");
		end_region(x);
	}
	x->inprog = 1;
	x->begin = n;
	name = s;
	while (name < s + len && *name == ' ')
		name++;
	close = memchr(name, ')', len - (name - s));
	if (name >= s + len || *name != '(' || close == NULL ||
	    !good_name(name + 1, close - name - 1)) {
		extract_diag(x, n->file, n->line, 1, "SRC BEGIN needs a file "
		    "name ending in .c or .h, without a directory, in "
		    "parentheses, as in SRC BEGIN (name.c)%s", "");
		return;
	}
	name++;
	nlen = close - name;
	for (i = 0; i < x->ep->nfiles; i++)
		if (strlen(x->ep->files[i].name) == nlen &&
		    memcmp(x->ep->files[i].name, name, nlen) == 0) {
			extract_diag(x, n->file, n->line, 1, "the page already "
			    "has a file named %s; this one is left out",
			    x->ep->files[i].name);
			return;
		}
	x->cur = add_file(x, name, nlen, n->file, n->line);
}

static void
comment(struct xctx *x, const struct node *n)
{
	const char	*s;
	size_t		 len;

	const char	*attr;

	if ((s = comment_text(n, &len)) == NULL)
		return;
	/*
	 * "[[deprecated]] SRC BEGIN", "[[invalid]] SRC BEGIN": the page
	 * says the program is not meant to build; it is left out.
	 */
	if (has_prefix(s, len, "[[") &&
	    (attr = strstr(s, "]] SRC BEGIN")) != NULL && attr < s + len) {
		if (x->inprog)
			end_region(x);
		x->inprog = 1;
		x->begin = n;
		x->saw_ex = 1;
		return;
	}
	if (has_prefix(s, len, "SRC BEGIN"))
		begin_region(x, n, s + 9, len - 9);
	else if (has_prefix(s, len, "SRC END")) {
		if (x->inprog)
			end_region(x);
		else
			extract_diag(x, n->file, n->line, 1,
			    "SRC END without SRC BEGIN%s", "");
	} else if (has_prefix(s, len, "manlint: output-varies")) {
		if (x->blk != NULL)
			x->blk->varies = 1;
		else
			x->varies = 1;
	}
}

/* Add line n of a program, or a blank line for it. */
static void
add_code_line(struct xctx *x, const struct node *n, int blank)
{
	struct exline	 l;
	struct tbuf	 b;

	if (x->cur == NULL)
		return;
	if (!blank && n->type != N_BLANK)
		convert_node(x, n, &l);
	else {
		memset(&b, 0, sizeof(b));
		tb_take(&b, n->file, n->line, 1, &l);
	}
	push_line(&x->cur->lines, &x->cur->nlines, &l);
}

/* A line between SRC BEGIN and SRC END. */
static void
program_line(struct xctx *x, const struct node *n)
{
	int	 i, lines;

	if (n->type == N_MACRO && n->tok == M_EX) {
		x->inex = x->saw_ex = 1;
		return;
	}
	if (n->type == N_MACRO && n->tok == M_EE) {
		x->inex = 0;
		return;
	}
	if (!x->inex) {
		if (n->type == N_TEXT && !x->said_outside) {
			x->said_outside = 1;
			extract_diag(x, n->file, n->line, n->col,
			    "text between SRC BEGIN and SRC END outside "
			    ".EX/.EE is not part of the program%s", "");
		}
		return;
	}
	if (n->type == N_TEXT || n->type == N_BLANK)
		add_code_line(x, n, 0);
	else if (n->type == N_MACRO && n->tok < TOK__COUNT &&
	    (mac_table[n->tok].flags & (MF_FONT | MF_ALTFONT)))
		add_code_line(x, n, 0);
	else if (n->type == N_MACRO && n->tok == R_sp) {
		/* .sp in no-fill text is a blank line; a blank C line. */
		lines = n->nargs > 0 ? atoi(n->args[0].s) : 1;
		for (i = 0; i < lines && i < 10; i++)
			add_code_line(x, n, 1);
	} else if (n->type == N_MACRO && n->tok != R_br && n->tok != R_in &&
	    n->tok != R_ft && n->tok != R_ti && n->tok != R_nf &&
	    n->tok != R_fi)
		extract_diag(x, n->file, n->line, n->col, "the request .%s "
		    "inside a program is not turned into C", n->name);
}

static void
block_line(struct xctx *x, const struct node *n)
{
	struct exline	 l;
	struct tbuf	 b;

	if (n->type == N_BLANK) {
		memset(&b, 0, sizeof(b));
		tb_take(&b, n->file, n->line, 1, &l);
	} else if (n->type == N_TEXT || (n->type == N_MACRO &&
	    n->tok < TOK__COUNT &&
	    (mac_table[n->tok].flags & (MF_FONT | MF_ALTFONT))))
		convert_node(x, n, &l);
	else
		return;
	push_line(&x->blk->lines, &x->blk->nlines, &l);
}

static void
examples_line(struct xctx *x, const struct node *n)
{
	if (n->type == N_MACRO && n->tok == M_EX) {
		x->blocks = xreallocarray(x->blocks, x->nblocks + 1,
		    sizeof(*x->blocks));
		x->blk = &x->blocks[x->nblocks++];
		memset(x->blk, 0, sizeof(*x->blk));
		x->blk->file = n->file;
		x->blk->line = x->blk->endline = n->line;
		x->blk->varies = x->varies;
		x->blk->prog = x->lastprog;
		x->varies = 0;
	} else if (n->type == N_MACRO && n->tok == M_EE) {
		if (x->blk != NULL)
			x->blk->endline = n->line;
		x->blk = NULL;
	} else if (x->blk != NULL)
		block_line(x, n);
}

/* A copy of line l from byte from on. */
static void
sub_line(const struct exline *l, size_t from, struct exline *out)
{
	struct tbuf	 b;
	size_t		 i;

	memset(&b, 0, sizeof(b));
	for (i = from; i < l->len; i++)
		tb_add(&b, l->s + i, 1, l->pos[i].line, l->pos[i].col);
	tb_take(&b, l->file, l->pos[l->len].line, l->pos[l->len].col, out);
}

/* Append a newline and line l to line to (a continued command). */
static void
join_line(struct exline *to, const struct exline *l)
{
	struct tbuf	 b;
	size_t		 i;

	memset(&b, 0, sizeof(b));
	for (i = 0; i < to->len; i++)
		tb_add(&b, to->s + i, 1, to->pos[i].line, to->pos[i].col);
	tb_add(&b, "\n", 1, to->pos[to->len].line, to->pos[to->len].col);
	for (i = 0; i < l->len; i++)
		tb_add(&b, l->s + i, 1, l->pos[i].line, l->pos[i].col);
	line_free(to);
	tb_take(&b, l->file, l->pos[l->len].line, l->pos[l->len].col, to);
}

char *
example_progname(const struct exfile *f)
{
	return xstrndup(f->name, strlen(f->name) - 2);
}

static int
is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' ||
	    c == '+';
}

/* Does the command run ./a.out or ./NAME of one of the programs? */
static int
runs_program(const struct expage *ep, const char *cmd)
{
	const char	*p, *w;
	size_t		 wl;
	int		 i;

	for (p = strstr(cmd, "./"); p != NULL; p = strstr(p + 2, "./")) {
		if (p > cmd && (is_word(p[-1]) || p[-1] == '/'))
			continue;
		w = p + 2;
		for (wl = 0; is_word(w[wl]); wl++)
			continue;
		if (wl == 5 && memcmp(w, "a.out", 5) == 0)
			return 1;
		for (i = 0; i < ep->nfiles; i++)
			if (!ep->files[i].header &&
			    strlen(ep->files[i].name) == wl + 2 &&
			    memcmp(ep->files[i].name, w, wl) == 0)
				return 1;
	}
	return 0;
}

static int
first_program(const struct expage *ep)
{
	int	 i;

	for (i = 0; i < ep->nfiles; i++)
		if (!ep->files[i].header)
			return i;
	return -1;
}

static void
free_cmd(struct excmd *c)
{
	int	 i;

	line_free(&c->cmd);
	for (i = 0; i < c->nout; i++)
		line_free(&c->out[i]);
	free(c->out);
}

/*
 * A block whose lines start with "$ " is a shell session when one of
 * its commands runs a program of the page.  What follows a command, up
 * to the next "$", is the output the page shows for it.
 */
static void
make_session(struct xctx *x, const struct block *bk)
{
	struct exsession	 s;
	struct excmd		*c = NULL;
	const struct exline	*l;
	struct exline		 o;
	int			 i, runs = 0;

	memset(&s, 0, sizeof(s));
	for (i = 0; i < bk->nlines; i++) {
		l = &bk->lines[i];
		if (l->len > 0 && l->s[0] == '$' &&
		    (l->len == 1 || l->s[1] == ' ')) {
			if (c != NULL)
				c->endline = l->pos[0].line;
			s.cmds = xreallocarray(s.cmds, s.ncmds + 1,
			    sizeof(*s.cmds));
			c = &s.cmds[s.ncmds++];
			memset(c, 0, sizeof(*c));
			sub_line(l, l->len > 1 ? 2 : 1, &c->cmd);
			while (c->cmd.len > 0 &&
			    c->cmd.s[c->cmd.len - 1] == '\\' &&
			    i + 1 < bk->nlines)
				join_line(&c->cmd, &bk->lines[++i]);
			runs |= runs_program(x->ep, c->cmd.s);
		} else if (c != NULL) {
			sub_line(l, 0, &o);
			push_line(&c->out, &c->nout, &o);
		}
	}
	if (c != NULL)
		c->endline = bk->endline;
	if (!runs) {
		for (i = 0; i < s.ncmds; i++)
			free_cmd(&s.cmds[i]);
		free(s.cmds);
		return;
	}
	s.file = bk->file;
	s.line = bk->line;
	s.varies = bk->varies;
	s.aout = bk->prog >= 0 ? bk->prog : first_program(x->ep);
	x->ep->sess = xreallocarray(x->ep->sess, x->ep->nsess + 1,
	    sizeof(*x->ep->sess));
	x->ep->sess[x->ep->nsess++] = s;
}

/* A block holding #include lines and the definition of main(). */
static int
whole_program(const struct block *bk)
{
	const char	*s, *m;
	int		 i, inc = 0, hasmain = 0;

	for (i = 0; i < bk->nlines; i++) {
		s = bk->lines[i].s;
		while (*s == ' ' || *s == '\t')
			s++;
		if (strncmp(s, "#include", 8) == 0)
			inc = 1;
		if ((m = strstr(s, "main")) == NULL ||
		    (m > s && m[-1] != ' ' && m[-1] != '*'))
			continue;
		for (m += 4; *m == ' '; m++)
			continue;
		if (*m == '(' && strchr(m, ';') == NULL)
			hasmain = 1;
	}
	return inc && hasmain;
}

/* Pages without SRC BEGIN: take the blocks that are whole programs. */
static void
unmarked_programs(struct xctx *x)
{
	struct exfile	*ef;
	struct block	*bk;
	char		 name[256];
	size_t		 stem;
	int		 i, last = -1;

	stem = strcspn(x->ep->base, ".");
	for (i = 0; i < x->nblocks; i++) {
		bk = &x->blocks[i];
		if (!whole_program(bk)) {
			bk->prog = last;
			continue;
		}
		if (x->ep->nprogs == 0)
			snprintf(name, sizeof(name), "%.*s.c", (int)stem,
			    x->ep->base);
		else
			snprintf(name, sizeof(name), "%.*s-%d.c", (int)stem,
			    x->ep->base, x->ep->nprogs + 1);
		ef = add_file(x, name, strlen(name), bk->file, bk->line);
		ef->lines = bk->lines;
		ef->nlines = bk->nlines;
		bk->lines = NULL;
		bk->nlines = 0;
		bk->used = 1;
		last = x->ep->nfiles - 1;
	}
}

/* The -l options the LIBRARY section names, as in "(libm, -lm)". */
static void
libraries(struct xctx *x)
{
	const struct node	*n;
	struct exline		 l;
	const char		*p;
	size_t			 len;
	int			 i;

	x->quiet = 1;
	for (n = x->pg->first; n != NULL; n = n->lnext) {
		if (!in_section(n, SEC_LIBRARY) ||
		    (n->type != N_TEXT && n->type != N_MACRO))
			continue;
		convert_node(x, n, &l);
		for (p = l.s; (p = strstr(p, "-l")) != NULL; p += len) {
			len = 2;
			if (p > l.s && is_word(p[-1]))
				continue;
			while (is_word(p[len]))
				len++;
			while (len > 2 && (p[len - 1] == '.' ||
			    p[len - 1] == '-'))
				len--;
			if (len == 2 || (len == 3 && p[2] == 'c'))
				continue;
			for (i = 0; i < x->ep->nlibs; i++)
				if (strlen(x->ep->libs[i]) == len &&
				    memcmp(x->ep->libs[i], p, len) == 0)
					break;
			if (i < x->ep->nlibs)
				continue;
			x->ep->libs = xreallocarray(x->ep->libs,
			    x->ep->nlibs + 1, sizeof(*x->ep->libs));
			x->ep->libs[x->ep->nlibs++] = xstrndup(p, len);
		}
		line_free(&l);
	}
	x->quiet = 0;
}

static void
free_file(struct exfile *f)
{
	int	 i;

	for (i = 0; i < f->nlines; i++)
		line_free(&f->lines[i]);
	free(f->lines);
	free(f->name);
}

struct expage *
example_extract(const struct page *pg, struct diaglist *dl,
    const struct config *cfg)
{
	struct xctx		 x;
	struct expage		*ep;
	const struct node	*n;
	const char		*slash;
	int			 i, j;

	memset(&x, 0, sizeof(x));
	ep = xcalloc(1, sizeof(*ep));
	ep->file = pg->main;
	slash = strrchr(pg->main->path, '/');
	ep->base = xstrdup(slash != NULL ? slash + 1 : pg->main->path);
	x.pg = pg;
	x.dl = dl;
	x.cfg = cfg;
	x.ep = ep;
	x.lastprog = -1;
	for (n = pg->first; n != NULL; n = n->lnext) {
		if (n->type == N_RAW || (n->flags & NF_REGION))
			continue;
		if (n->type == N_COMMENT || (n->type == N_BLANK &&
		    n->comment)) {
			comment(&x, n);
			if (n->type == N_COMMENT || !x.inprog)
				continue;
		}
		if (x.inprog)
			program_line(&x, n);
		else if (in_section(n, SEC_EXAMPLES))
			examples_line(&x, n);
	}
	if (x.inprog) {
		extract_diag(&x, x.begin->file, x.begin->line, 1,
		    "SRC BEGIN without SRC END: %s is left out",
		    x.cur != NULL ? x.cur->name : "the program");
		if (x.cur != NULL) {
			ep->nprogs -= !x.cur->header;
			free_file(x.cur);
			ep->nfiles--;
		}
	}
	if (ep->nprogs == 0)
		unmarked_programs(&x);
	for (i = 0; i < x.nblocks; i++) {
		if (ep->nprogs > 0 && !x.blocks[i].used)
			make_session(&x, &x.blocks[i]);
		for (j = 0; j < x.blocks[i].nlines; j++)
			line_free(&x.blocks[i].lines[j]);
		free(x.blocks[i].lines);
	}
	free(x.blocks);
	if (ep->nfiles == 0) {
		example_free(ep);
		return NULL;
	}
	libraries(&x);
	return ep;
}

void
example_free(struct expage *ep)
{
	int	 i, j;

	if (ep == NULL)
		return;
	for (i = 0; i < ep->nfiles; i++)
		free_file(&ep->files[i]);
	free(ep->files);
	for (i = 0; i < ep->nlibs; i++)
		free(ep->libs[i]);
	free(ep->libs);
	for (i = 0; i < ep->nsess; i++) {
		for (j = 0; j < ep->sess[i].ncmds; j++)
			free_cmd(&ep->sess[i].cmds[j]);
		free(ep->sess[i].cmds);
	}
	free(ep->sess);
	free(ep->base);
	free(ep);
}

char *
example_text(const struct exfile *f, size_t *len)
{
	char	*s;
	size_t	 n = 0;
	int	 i;

	for (i = 0; i < f->nlines; i++)
		n += f->lines[i].len + 1;
	s = xmalloc(n + 1);
	n = 0;
	for (i = 0; i < f->nlines; i++) {
		memcpy(s + n, f->lines[i].s, f->lines[i].len);
		n += f->lines[i].len;
		s[n++] = '\n';
	}
	s[n] = '\0';
	*len = n;
	return s;
}

struct expos
exline_pos(const struct exline *l, int col)
{
	if (col < 1)
		col = 1;
	if ((size_t)col > l->len + 1)
		col = (int)l->len + 1;
	return l->pos[col - 1];
}

static int
make_dir(const char *path)
{
	if (mkdir(path, 0777) == -1 && errno != EEXIST) {
		fprintf(stderr, "manlint: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

int
example_write(const struct expage *ep, const char *dir)
{
	char	*path, *text;
	size_t	 len;
	int	 i, bad;

	path = xmalloc(strlen(dir) + strlen(ep->base) + 256 + 3);
	sprintf(path, "%s/%s", dir, ep->base);
	if (make_dir(dir) == -1 || make_dir(path) == -1) {
		free(path);
		return -1;
	}
	for (i = 0; i < ep->nfiles; i++) {
		sprintf(path, "%s/%s/%s", dir, ep->base, ep->files[i].name);
		text = example_text(&ep->files[i], &len);
		bad = write_file_atomic(path, text, len, 0666) == -1;
		free(text);
		if (bad) {
			fprintf(stderr, "manlint: %s: %s\n", path,
			    strerror(errno));
			free(path);
			return -1;
		}
	}
	free(path);
	return 0;
}
