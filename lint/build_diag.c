/*
 * Turning what the compiler printed into diagnostics at page lines.
 *
 * GCC and Clang write "FILE:LINE:COL: KIND: MESSAGE".  When FILE is one
 * of the page's files, LINE and COL go through that file's line map to
 * the page.  Messages about other files (system headers) are put where
 * the last mapped message was, and linker errors about an undefined
 * symbol where the program first names it.
 */
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "example.h"
#include "util.h"

static const char *const kinds[] = {
	"fatal error", "error", "warning", "note"
};

/* Lines that only repeat or frame what other lines say. */
static const char *const noise[] = {
	"In file included from", "                 from ",
	": In function", ": At top level:",
	"all warnings being treated as errors", "ld returned",
	": in function", "error: linker command failed",
	"compilation terminated."
};

struct rep {
	const struct expage	*ep;
	const struct exfile	*prog;
	struct diaglist		*dl;
	const struct config	*cfg;
	const struct srcfile	*file;	/* last place reported */
	int			 line;
	int			 col;
};

/* Report "compiler KIND: [WHERE: ]MESSAGE" at f:line:col. */
static void
say(struct rep *r, const struct srcfile *f, int line, int col,
    const char *kind, const char *where, const char *msg)
{
	if (where != NULL)
		diag_add(r->dl, r->cfg, f, line, col, R_EXAMPLE_BUILD,
		    "%s: %s: %s", kind, where, msg);
	else
		diag_add(r->dl, r->cfg, f, line, col, R_EXAMPLE_BUILD,
		    "%s: %s", kind, msg);
	r->file = f;
	r->line = line;
	r->col = col;
}

static const struct exfile *
page_file(const struct expage *ep, const char *name, size_t len)
{
	int	 i;

	for (i = 0; i < ep->nfiles; i++)
		if (strlen(ep->files[i].name) == len &&
		    memcmp(ep->files[i].name, name, len) == 0)
			return &ep->files[i];
	return NULL;
}

/* Split "FILE:LINE:COL" or "FILE:LINE" (len bytes at s). */
static int
split_loc(const char *s, size_t len, size_t *flen, int *line, int *col)
{
	size_t	 i = len, j, colon[2];
	int	 n = 0;

	while (n < 2) {
		for (j = i; j > 0 && s[j - 1] >= '0' && s[j - 1] <= '9'; j--)
			continue;
		if (j == i || j < 2 || s[j - 1] != ':')
			break;
		colon[n++] = j - 1;
		i = j - 1;
	}
	if (n == 0)
		return -1;
	*flen = colon[n - 1];
	*line = atoi(s + colon[n - 1] + 1);
	*col = n == 2 ? atoi(s + colon[0] + 1) : 0;
	return *line > 0 ? 0 : -1;
}

/* Where line:col of an extracted file is on the page. */
static void
map(const struct exfile *f, int line, int col, struct expos *p)
{
	const struct exline	*l;

	if (f->nlines == 0) {
		p->line = f->line;
		p->col = 1;
		return;
	}
	if (line > f->nlines) {
		l = &f->lines[f->nlines - 1];
		*p = l->pos[l->len];
		return;
	}
	l = &f->lines[line - 1];
	*p = exline_pos(l, col > 0 ? col : 1);
	if (col <= 0)
		p->col = l->pos[0].col;
}

static int
is_ident(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* The first place the program names the identifier sym. */
static int
find_symbol(const struct exfile *f, const char *sym, struct expos *p)
{
	const char	*s, *hit;
	size_t		 len = strlen(sym);
	int		 i;

	for (i = 0; i < f->nlines; i++) {
		s = f->lines[i].s;
		for (hit = strstr(s, sym); hit != NULL;
		    hit = strstr(hit + 1, sym))
			if ((hit == s || !is_ident(hit[-1])) &&
			    !is_ident(hit[len])) {
				*p = exline_pos(&f->lines[i],
				    (int)(hit - s) + 1);
				return 0;
			}
	}
	return -1;
}

static void
linker_line(struct rep *r, const char *s)
{
	const char	*a, *e;
	char		 name[200], sym[256];
	struct expos	 p;

	if ((a = strstr(s, "undefined reference to ")) == NULL) {
		say(r, r->prog->file, r->prog->line, 1, "linker", NULL, s);
		return;
	}
	a += 23;
	if (*a == '`' || *a == '\'')
		a++;
	e = a + strcspn(a, "'`");
	snprintf(name, sizeof(name), "%.*s", (int)(e - a), a);
	snprintf(sym, sizeof(sym), "undefined reference to '%s'", name);
	if (find_symbol(r->prog, name, &p) == 0)
		say(r, r->prog->file, p.line, p.col, "linker", NULL, sym);
	else
		say(r, r->prog->file, r->prog->line, 1, "linker", NULL, sym);
}

static void
one_line(struct rep *r, const char *s)
{
	const struct exfile	*f;
	const char		*k = NULL;
	struct expos		 p;
	size_t			 i, flen, klen = 0;
	int			 line, col;
	char			 kind[32], where[256];

	if (*s == ' ' || *s == '\0')
		return;
	for (i = 0; i < sizeof(noise) / sizeof(noise[0]); i++)
		if (strstr(s, noise[i]) != NULL)
			return;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]) && k == NULL; i++) {
		snprintf(kind, sizeof(kind), ": %s: ", kinds[i]);
		if ((k = strstr(s, kind)) != NULL)
			klen = strlen(kinds[i]);
	}
	if (strstr(s, "undefined reference to ") != NULL || (k == NULL &&
	    (strstr(s, "ld: ") != NULL || strstr(s, "ld.gold: ") != NULL))) {
		linker_line(r, s);
		return;
	}
	if (k == NULL)
		return;
	snprintf(kind, sizeof(kind), "compiler %.*s", (int)klen, k + 2);
	if (split_loc(s, k - s, &flen, &line, &col) == 0 &&
	    (f = page_file(r->ep, s, flen)) != NULL) {
		map(f, line, col, &p);
		say(r, f->file, p.line, p.col, kind, NULL, k + klen + 4);
		return;
	}
	/* A system header or the command line: say which, at the last
	 * place reported or at the program's start. */
	snprintf(where, sizeof(where), "%.*s", (int)(k - s), s);
	if (r->file != NULL)
		say(r, r->file, r->line, r->col, kind, where, k + klen + 4);
	else
		say(r, r->prog->file, r->prog->line, 1, kind, where,
		    k + klen + 4);
}

static void
report_program(struct rep *r)
{
	const char	*log, *s, *nl;
	char		*line, how[64];
	int		 status;

	if ((log = build_log(r->prog, &status)) == NULL)
		return;
	for (s = log; *s != '\0'; s = *nl != '\0' ? nl + 1 : nl) {
		nl = s + strcspn(s, "\n");
		line = xstrndup(s, nl - s);
		one_line(r, line);
		free(line);
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return;
	if (strncmp(log, "manlint: ", 9) == 0) {
		/* Not the compiler's fault: the build never started. */
		diag_add(r->dl, r->cfg, r->prog->file, r->prog->line, 1,
		    R_EXAMPLE_BUILD, "%s cannot be built: %.*s", r->prog->name,
		    (int)strcspn(log + 9, "\n"), log + 9);
		return;
	}
	if (WIFEXITED(status))
		snprintf(how, sizeof(how), "exited with status %d",
		    WEXITSTATUS(status));
	else
		snprintf(how, sizeof(how), "was killed by signal %d",
		    WTERMSIG(status));
	diag_add(r->dl, r->cfg, r->prog->file, r->prog->line, 1,
	    R_EXAMPLE_BUILD, "%s cannot be built: the compiler %s",
	    r->prog->name, how);
}

void
build_report(const struct expage *ep, struct diaglist *dl,
    const struct config *cfg)
{
	struct rep	 r;
	int		 i;

	for (i = 0; i < ep->nfiles; i++) {
		if (ep->files[i].header)
			continue;
		memset(&r, 0, sizeof(r));
		r.ep = ep;
		r.prog = &ep->files[i];
		r.dl = dl;
		r.cfg = cfg;
		report_program(&r);
	}
}
