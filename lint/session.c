/*
 * Shell sessions: each one runs in a sandbox of its own, holding every
 * program of the page (as ./NAME, and as ./a.out the program shown
 * last before the session) and their sources.
 *
 * A command that crashes, hits a limit of the sandbox or makes a
 * sanitizer report is an example-run diagnostic.  Otherwise its output
 * (standard output and error together, as on a terminal) is compared
 * line by line with the lines the page shows after it, ignoring white
 * space at line ends, which a page cannot show.  A command that fails
 * (exits non-zero) is an example-run diagnostic only when its output
 * differs too: a page may well show a command failing on purpose.
 */
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "example.h"
#include "sandbox.h"
#include "session.h"
#include "util.h"

#define MAX_DIFFS	8	/* difference diagnostics per command */
#define MAX_LCS		(1 << 20)	/* cells of the LCS table */

struct sctx {
	const struct expage	*ep;
	const struct excmd	*cmd;
	struct diaglist		*dl;
	const struct config	*cfg;
	char			 show[80];	/* the command, shortened */
	int			 ndiffs;
};

/* A line of output: its text, without the white space at its end. */
struct oline {
	const char	*s;
	size_t		 len;
};

static void
at_cmd(struct sctx *c, enum rule r, const char *fmt, const char *a,
    const char *b)
{
	diag_add(c->dl, c->cfg, c->cmd->cmd.file, c->cmd->cmd.pos[0].line,
	    c->cmd->cmd.pos[0].col, r, fmt, c->show, a, b);
}

/* s (len bytes) made fit for a one-line message. */
static void
quote(char *out, size_t outsz, const char *s, size_t len)
{
	size_t	 i, o = 0;

	for (i = 0; i < len && o + 4 < outsz; i++)
		out[o++] = s[i] == '\t' ? ' ' : (unsigned char)s[i] < 0x20 ||
		    s[i] == 0x7f ? '?' : s[i];
	if (i < len && o >= 3)
		memcpy(out + o - 3, "...", 3);
	out[o] = '\0';
}

static void
shorten_cmd(struct sctx *c)
{
	size_t	 n = strcspn(c->cmd->cmd.s, "\n");

	if (n > 60)
		n = 60;
	quote(c->show, sizeof(c->show), c->cmd->cmd.s, n);
	if (n < c->cmd->cmd.len && strlen(c->show) < sizeof(c->show) - 4)
		strcat(c->show, "...");
}

/* The signal that ended the command, if any. */
static int
killed_by(int status)
{
	int	 code, sig;

	if (WIFSIGNALED(status))
		return WTERMSIG(status);
	if (!WIFEXITED(status) || (code = WEXITSTATUS(status)) <= 128)
		return 0;
	/* The shell reports a child killed by signal N as 128 + N. */
	sig = code - 128;
	return sig == SIGXCPU || sig == SIGXFSZ || sig == SIGSEGV ||
	    sig == SIGBUS || sig == SIGILL || sig == SIGFPE ||
	    sig == SIGABRT || sig == SIGKILL || sig == SIGSYS ||
	    sig == SIGTRAP ? sig : 0;
}

static void
report_signal(struct sctx *c, int sig)
{
	char	 num[32];

	switch (sig) {
	case SIGXCPU:
		snprintf(num, sizeof(num), "%d", sandbox_cpu());
		at_cmd(c, R_EXAMPLE_RUN, "'%s' used more than %s s of "
		    "processor time and was stopped%s", num, "");
		break;
	case SIGXFSZ:
		snprintf(num, sizeof(num), "%d", SB_FSIZE_MIB);
		at_cmd(c, R_EXAMPLE_RUN, "'%s' wrote a file larger than %s MiB "
		    "and was stopped%s", num, "");
		break;
	case SIGKILL:
		at_cmd(c, R_EXAMPLE_RUN, "'%s' was killed (SIGKILL), as by "
		    "the hard limit on processor time%s%s", "", "");
		break;
	default:
		at_cmd(c, R_EXAMPLE_RUN, "'%s' crashed: %s%s", strsignal(sig),
		    "");
		break;
	}
}

/*
 * Where a report names a source file of the page, as "mmap.c:57:5",
 * the page line it came from.
 */
static int
source_pos(const struct expage *ep, const char *s, const struct srcfile **f,
    struct expos *p)
{
	const struct exfile	*ef;
	const char		*hit, *q;
	size_t			 n;
	int			 i, line, col;

	for (i = 0; i < ep->nfiles; i++) {
		ef = &ep->files[i];
		n = strlen(ef->name);
		for (hit = strstr(s, ef->name); hit != NULL;
		    hit = strstr(hit + 1, ef->name)) {
			if ((hit > s && hit[-1] != '/' && hit[-1] != ' ') ||
			    hit[n] != ':')
				continue;
			q = hit + n + 1;
			if ((line = atoi(q)) <= 0 || line > ef->nlines)
				continue;
			q += strspn(q, "0123456789");
			col = *q == ':' ? atoi(q + 1) : 0;
			*p = exline_pos(&ef->lines[line - 1],
			    col > 0 ? col : 1);
			*f = ef->file;
			return 0;
		}
	}
	return -1;
}

/*
 * A sanitizer's report in the output: say what it found, at the page
 * line of the first stack frame (or message) in the page's code.
 */
static int
report_sanitizer(struct sctx *c, const char *out)
{
	static const char *const marks[] = {
		"AddressSanitizer: ", "LeakSanitizer: ",
		"UndefinedBehaviorSanitizer: ", "runtime error: "
	};
	const struct srcfile	*f;
	const char		*m = NULL, *line, *eol;
	struct expos		 p;
	char			 what[200];
	size_t			 i;

	for (i = 0; i < sizeof(marks) / sizeof(marks[0]) && m == NULL; i++)
		m = strstr(out, marks[i]);
	if (m == NULL)
		return 0;
	for (line = m; line > out && line[-1] != '\n'; line--)
		continue;
	eol = m + strcspn(m, "\n");
	quote(what, sizeof(what), m, eol - m);
	if (source_pos(c->ep, line, &f, &p) == 0 ||
	    source_pos(c->ep, eol, &f, &p) == 0)
		diag_add(c->dl, c->cfg, f, p.line, p.col, R_EXAMPLE_RUN,
		    "'%s': %s", c->show, what);
	else
		at_cmd(c, R_EXAMPLE_RUN, "'%s': %s%s", what, "");
	return 1;
}

static size_t
trim(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r'))
		len--;
	return len;
}

/*
 * len bytes of s with each tab expanded to the next multiple of eight
 * columns, as a terminal shows it; a page cannot show a tab.
 */
static char *
expand_tabs(const char *s, size_t len, size_t *outlen)
{
	char	*o;
	size_t	 i, n = 0, cap = len + 16, col = 0;

	o = xmalloc(cap);
	for (i = 0; i < len; i++) {
		if (n + 9 > cap) {
			cap *= 2;
			o = xrealloc(o, cap);
		}
		if (s[i] == '\t') {
			do
				o[n++] = ' ';
			while (++col % 8 != 0);
			continue;
		}
		o[n++] = s[i];
		if (s[i] == '\n')
			col = 0;
		else if (((unsigned char)s[i] & 0xc0) != 0x80)
			col++;
	}
	o[n] = '\0';
	*outlen = n;
	return o;
}

static struct oline *
split_output(const char *out, size_t len, int *n)
{
	struct oline	*v = NULL;
	const char	*s = out, *nl;
	size_t		 l;

	*n = 0;
	while (s < out + len) {
		nl = memchr(s, '\n', out + len - s);
		l = nl != NULL ? (size_t)(nl - s) : (size_t)(out + len - s);
		v = xreallocarray(v, *n + 1, sizeof(*v));
		v[*n].s = s;
		v[*n].len = trim(s, l);
		(*n)++;
		s += l + 1;
	}
	return v;
}

static int
same(const struct oline *a, const struct oline *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/*
 * One difference: line e of the page (its text w) against line o of
 * the output; either may be missing.  Missing page lines are reported
 * at line atline.
 */
static void
diff_diag(struct sctx *c, const struct exline *e, const struct oline *w,
    const struct oline *o, int atline)
{
	char	 got[120], want[120];

	if (++c->ndiffs > MAX_DIFFS)
		return;
	if (e != NULL)
		quote(want, sizeof(want), w->s, w->len);
	if (o != NULL)
		quote(got, sizeof(got), o->s, o->len);
	if (e != NULL && o != NULL)
		diag_add(c->dl, c->cfg, e->file, e->pos[0].line,
		    e->pos[0].col, R_EXAMPLE_OUTPUT, "'%s' printed \"%s\" "
		    "where the page shows \"%s\"", c->show, got, want);
	else if (e != NULL)
		diag_add(c->dl, c->cfg, e->file, e->pos[0].line,
		    e->pos[0].col, R_EXAMPLE_OUTPUT, "'%s' did not print "
		    "\"%s\", which the page shows", c->show, want);
	else
		diag_add(c->dl, c->cfg, c->cmd->cmd.file, atline, 1,
		    R_EXAMPLE_OUTPUT, "'%s' printed \"%s\", which the page "
		    "does not show", c->show, got);
}

/*
 * Report the differences between the page's lines w[0..nw) (at e) and
 * the output's lines o[0..no), from a longest common subsequence.
 */
static void
diff(struct sctx *c, const struct exline *e, const struct oline *w,
    int nw, const struct oline *o, int no)
{
	unsigned short	*t;
	int		 i, j, k, di, dj, at;
	char		 num[32];

	if ((size_t)(nw + 1) * (no + 1) > MAX_LCS) {
		/* Too long for the table: compare line by line. */
		for (i = 0; i < nw || i < no; i++)
			if (i >= nw || i >= no || !same(&w[i], &o[i]))
				diff_diag(c, i < nw ? &e[i] : NULL, &w[i],
				    i < no ? &o[i] : NULL, c->cmd->endline);
	} else {
		/* t[i][j]: the LCS of w[i..] and o[j..]. */
		t = xcalloc((size_t)(nw + 1) * (no + 1), sizeof(*t));
		for (i = nw - 1; i >= 0; i--)
			for (j = no - 1; j >= 0; j--)
				t[i * (no + 1) + j] = same(&w[i], &o[j]) ?
				    t[(i + 1) * (no + 1) + j + 1] + 1 :
				    t[(i + 1) * (no + 1) + j] >
				    t[i * (no + 1) + j + 1] ?
				    t[(i + 1) * (no + 1) + j] :
				    t[i * (no + 1) + j + 1];
		i = j = 0;
		while (i < nw || j < no) {
			if (i < nw && j < no && same(&w[i], &o[j])) {
				i++;
				j++;
				continue;
			}
			/* A run of lines that differ: pair them up. */
			for (di = i, dj = j; di < nw || dj < no;) {
				if (di < nw && dj < no && same(&w[di], &o[dj]))
					break;
				if (dj >= no || (di < nw &&
				    t[(di + 1) * (no + 1) + dj] >=
				    t[di * (no + 1) + dj + 1]))
					di++;
				else
					dj++;
			}
			at = di < nw ? e[di].pos[0].line : c->cmd->endline;
			for (k = 0; i + k < di || j + k < dj; k++)
				diff_diag(c, i + k < di ? &e[i + k] : NULL,
				    &w[i + k], j + k < dj ? &o[j + k] : NULL,
				    at);
			i = di;
			j = dj;
		}
		free(t);
	}
	if (c->ndiffs > MAX_DIFFS) {
		snprintf(num, sizeof(num), "%d", c->ndiffs - MAX_DIFFS);
		at_cmd(c, R_EXAMPLE_OUTPUT, "'%s': %s more lines of its output "
		    "differ from the page%s", num, "");
	}
}

/*
 * Compare the output with the page.  A failing command whose output
 * differs says why in its first line the page does not show.
 */
static void
compare(struct sctx *c, const struct sbresult *r)
{
	struct oline	*o, *w;
	char		*text, **wtext, num[32], first[120];
	size_t		 len;
	int		 no, nw = c->cmd->nout, i, code;

	text = expand_tabs(r->out != NULL ? r->out : "", r->len, &len);
	o = split_output(text, len, &no);
	w = xcalloc(nw + 1, sizeof(*w));
	wtext = xcalloc(nw + 1, sizeof(*wtext));
	for (i = 0; i < nw; i++) {
		wtext[i] = expand_tabs(c->cmd->out[i].s, c->cmd->out[i].len,
		    &len);
		w[i].s = wtext[i];
		w[i].len = trim(wtext[i], len);
	}
	for (i = 0; i < no && i < nw && same(&w[i], &o[i]); i++)
		continue;
	code = WIFEXITED(r->status) ? WEXITSTATUS(r->status) : 0;
	if ((i < no || i < nw) && code != 0) {
		if (i >= no)
			strcpy(first, "(no more output)");
		else if (o[i].len == 0)
			strcpy(first, "(an empty line)");
		else
			quote(first, sizeof(first), o[i].s, o[i].len);
		snprintf(num, sizeof(num), "%d", code);
		at_cmd(c, R_EXAMPLE_RUN, "'%s' failed with exit status %s: "
		    "%s", num, first);
	} else if (i < no || i < nw)
		diff(c, c->cmd->out, w, nw, o, no);
	for (i = 0; i < nw; i++)
		free(wtext[i]);
	free(wtext);
	free(w);
	free(o);
	free(text);
}

static void
check(struct sctx *c, const struct sbresult *r, int varies)
{
	char	 num[32];
	int	 sig;

	if (!r->run)
		return;
	if (r->timeout) {
		snprintf(num, sizeof(num), "%d", sandbox_wall());
		at_cmd(c, R_EXAMPLE_RUN, "'%s' did not finish within %s s; it "
		    "was stopped with every process it started%s", num, "");
		return;
	}
	if (r->out != NULL && report_sanitizer(c, r->out))
		return;
	if ((sig = killed_by(r->status)) != 0)
		report_signal(c, sig);
	else if (!varies)
		compare(c, r);
}

static void
run_one(const struct expage *ep, const struct exsession *s, int sanitize,
    struct diaglist *dl, const struct config *cfg)
{
	struct sctx	 c;
	struct sbfile	*files;
	struct sbresult	*res;
	char		**cmds, **names, **texts;
	int		 i, n = 0;

	for (i = 0; i < ep->nfiles; i++)
		if (!ep->files[i].header && build_program(&ep->files[i]) ==
		    NULL)
			return;
	files = xcalloc(2 * ep->nfiles + 1, sizeof(*files));
	names = xcalloc(ep->nfiles, sizeof(*names));
	texts = xcalloc(ep->nfiles, sizeof(*texts));
	for (i = 0; i < ep->nfiles; i++) {
		texts[i] = example_text(&ep->files[i], &files[n].len);
		files[n].name = ep->files[i].name;
		files[n++].data = texts[i];
		if (ep->files[i].header)
			continue;
		names[i] = example_progname(&ep->files[i]);
		files[n].name = names[i];
		files[n].from = build_program(&ep->files[i]);
		files[n++].exec = 1;
	}
	files[n].name = "a.out";
	files[n].from = build_program(&ep->files[s->aout]);
	files[n++].exec = 1;
	cmds = xcalloc(s->ncmds, sizeof(*cmds));
	for (i = 0; i < s->ncmds; i++)
		cmds[i] = s->cmds[i].cmd.s;
	res = xcalloc(s->ncmds, sizeof(*res));
	if (sandbox_run(files, n, cmds, s->ncmds, sanitize, res) == -1)
		diag_add(dl, cfg, s->file, s->line, 1, R_EXAMPLE_RUN,
		    "the session could not be run: no sandbox could be made "
		    "(see the message on standard error)");
	else
		for (i = 0; i < s->ncmds; i++) {
			memset(&c, 0, sizeof(c));
			c.ep = ep;
			c.cmd = &s->cmds[i];
			c.dl = dl;
			c.cfg = cfg;
			shorten_cmd(&c);
			check(&c, &res[i], s->varies);
		}
	for (i = 0; i < s->ncmds; i++)
		free(res[i].out);
	free(res);
	free(cmds);
	for (i = 0; i < ep->nfiles; i++) {
		free(names[i]);
		free(texts[i]);
	}
	free(names);
	free(texts);
	free(files);
}

void
session_run(const struct expage *ep, int sanitize, struct diaglist *dl,
    const struct config *cfg)
{
	int	 i;

	if (!cfg->enabled[R_EXAMPLE_RUN] && !cfg->enabled[R_EXAMPLE_OUTPUT])
		return;
	for (i = 0; i < ep->nsess; i++)
		run_one(ep, &ep->sess[i], sanitize, dl, cfg);
}
