/*
 * Finding, reading and applying .manlintrc files.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "prose.h"
#include "rules.h"
#include "util.h"

#define RCNAME		".manlintrc"
#define ALL_RULES	(-1)

enum opkind {
	OP_ENABLE,
	OP_DISABLE,
	OP_LEVEL
};

/* An enable, disable or level line, for one rule. */
struct op {
	int		 sect;		/* 0, or the path section from 1 */
	enum opkind	 kind;
	int		 rule;		/* or ALL_RULES */
	enum level	 level;
};

struct rc {
	char		*path;
	char		*dir;		/* canonical */
	int		 profile;
	struct op	*ops;
	size_t		 nops;
	char		**globs;	/* of the path sections */
	int		 nglobs;
	int		*files;		/* indexes into loaded[] */
	int		 nfiles;
};

/* A rule file read for an rc file, and the rules it registered. */
struct loaded {
	char		*real;
	int		 first, last;
};

/* What a walk found for a directory. */
struct dirent_rc {
	char		*dir;
	struct rc	*rc;
	int		 bad;
};

static struct loaded	*loaded;
static int		 nloaded;
static struct rc	**rcs;		/* every rc file read */
static size_t		 nrcs;
static struct dirent_rc	*dirs;
static size_t		 ndirs;
/*
 * The directory rc_find() was last asked about, as named, and its
 * entry of dirs: the pages of a directory come one after another, and
 * realpath(3) costs a system call a component.
 */
static char		*last_dir;
static size_t		 last_ent;

/* The words of a line, split at blanks; the line is changed. */
static int
split(char *s, char **w, int max)
{
	int	 n = 0;

	for (s = strtok(s, " \t\r"); s != NULL && n < max;
	    s = strtok(NULL, " \t\r"))
		w[n++] = s;
	return n;
}

/*
 * Is the canonical path real under the directory dir?  An rc file
 * comes with the tree it sits in, which may be anyone's: the rule files
 * it names must be of that tree, or a rule file's error messages, which
 * quote its lines, would show any file the user can read.
 */
static int
under_dir(const char *dir, const char *real)
{
	char	 top[PATH_MAX];
	size_t	 n;

	if (realpath(dir, top) == NULL)
		return 0;
	n = strlen(top);
	return n == 1 || (strncmp(real, top, n) == 0 && real[n] == '/');
}

static int
load_rules(struct rc *rc, const char *name, FILE *err)
{
	char	*path, real[PATH_MAX];
	int	 i;

	path = path_join(rc->dir, name);
	if (name[0] != '/' && realpath(path, real) == NULL) {
		fprintf(err, "manlint: %s: %s\n", path, strerror(errno));
		free(path);
		return -1;
	}
	if (name[0] == '/' || !under_dir(rc->dir, real)) {
		fprintf(err, "manlint: %s/%s: rules %s: not a file under the "
		    "rc file's directory (name one there, or use --rules)\n",
		    rc->dir, RCNAME, name);
		free(path);
		return -1;
	}
	for (i = 0; i < nloaded; i++)
		if (strcmp(loaded[i].real, real) == 0)
			break;
	if (i == nloaded) {
		loaded = xreallocarray(loaded, nloaded + 1, sizeof(*loaded));
		loaded[i].first = rule_count();
		if (prose_load(path, err) == -1) {
			free(path);
			return -1;
		}
		loaded[i].real = xstrdup(real);
		loaded[i].last = rule_count();
		nloaded++;
	}
	free(path);
	rc->files = xreallocarray(rc->files, rc->nfiles + 1,
	    sizeof(*rc->files));
	rc->files[rc->nfiles++] = i;
	return 0;
}

static void
add_op(struct rc *rc, int sect, enum opkind kind, int rule, enum level l)
{
	struct op	*o;

	rc->ops = xreallocarray(rc->ops, rc->nops + 1, sizeof(*rc->ops));
	o = &rc->ops[rc->nops++];
	o->sect = sect;
	o->kind = kind;
	o->rule = rule;
	o->level = l;
}

/* The rules of w[0..n), each a comma-separated list. */
static const char *
add_rules(struct rc *rc, int sect, enum opkind kind, char **w, int n,
    enum level l)
{
	char	*id;
	int	 i, r;

	if (n == 0)
		return "no rule named";
	for (i = 0; i < n; i++)
		for (id = strtok(w[i], ","); id != NULL;
		    id = strtok(NULL, ",")) {
			if (strcmp(id, "all") == 0)
				r = ALL_RULES;
			else if ((r = rule_lookup(id)) == -1)
				return "unknown rule (see --list-rules)";
			add_op(rc, sect, kind, r, l);
		}
	return NULL;
}

/*
 * The first pass reads profile, rules and path lines, so that the
 * rules of a rule file can be named anywhere in the file.
 */
static const char *
line_first(struct rc *rc, char *line, FILE *err, int *failed)
{
	char	*w[3];
	int	 n = split(line, w, 3);

	if (n == 0 || w[0][0] == '#')
		return NULL;
	if (strcmp(w[0], "path") == 0) {
		if (n != 2)
			return "path takes one glob";
		rc->globs = xreallocarray(rc->globs, rc->nglobs + 1,
		    sizeof(*rc->globs));
		rc->globs[rc->nglobs++] = xstrdup(w[1]);
		return NULL;
	}
	if (strcmp(w[0], "profile") != 0 && strcmp(w[0], "rules") != 0)
		return NULL;
	if (rc->nglobs > 0)
		return "profile and rules come before the first path line";
	if (n != 2)
		return "takes one argument";
	if (strcmp(w[0], "profile") == 0) {
		if ((rc->profile = profile_parse(w[1])) == 0)
			return "profile is man-pages or portable";
	} else if (load_rules(rc, w[1], err) == -1)
		*failed = 1;
	return NULL;
}

static const char *
line_second(struct rc *rc, char *line, int *sect)
{
	char		*w[64];
	enum level	 l = LVL_STYLE;
	int		 n = split(line, w, 64);

	if (n == 0 || w[0][0] == '#' || strcmp(w[0], "profile") == 0 ||
	    strcmp(w[0], "rules") == 0)
		return NULL;
	if (n == 64)
		return "too many words";
	if (strcmp(w[0], "path") == 0) {
		(*sect)++;
		return NULL;
	}
	if (strcmp(w[0], "enable") == 0)
		return add_rules(rc, *sect, OP_ENABLE, w + 1, n - 1, l);
	if (strcmp(w[0], "disable") == 0)
		return add_rules(rc, *sect, OP_DISABLE, w + 1, n - 1, l);
	if (strcmp(w[0], "level") == 0) {
		if (n < 3 || level_parse(w[n - 1], &l) == -1)
			return "level takes rules and style, warning or error";
		return add_rules(rc, *sect, OP_LEVEL, w + 1, n - 2, l);
	}
	return "unknown keyword (profile, enable, disable, level, rules "
	    "or path)";
}

static char **
read_lines(FILE *fp, int *n)
{
	char	**v = NULL, *line = NULL;
	size_t	  sz = 0;
	ssize_t	  len;

	*n = 0;
	while ((len = getline(&line, &sz, fp)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		v = xreallocarray(v, *n + 1, sizeof(*v));
		v[(*n)++] = xstrdup(line);
	}
	free(line);
	return v;
}

static void
free_rc(struct rc *rc)
{
	int	 i;

	if (rc == NULL)
		return;
	for (i = 0; i < rc->nglobs; i++)
		free(rc->globs[i]);
	free(rc->globs);
	free(rc->ops);
	free(rc->files);
	free(rc->path);
	free(rc->dir);
	free(rc);
}

static struct rc *
read_rc(const char *dir, FILE *err)
{
	struct rc	*rc;
	FILE		*fp;
	char		**lines, *copy;
	const char	*msg = NULL;
	int		 i, n, pass, sect = 0, failed = 0;

	rc = xcalloc(1, sizeof(*rc));
	rc->dir = xstrdup(dir);
	rc->path = xmalloc(strlen(dir) + sizeof(RCNAME) + 1);
	sprintf(rc->path, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, RCNAME);
	if ((fp = fopen(rc->path, "r")) == NULL) {
		fprintf(err, "manlint: %s: %s\n", rc->path, strerror(errno));
		free_rc(rc);
		return NULL;
	}
	lines = read_lines(fp, &n);
	fclose(fp);
	for (pass = 0; pass < 2 && msg == NULL && !failed; pass++)
		for (i = 0; i < n && msg == NULL && !failed; i++) {
			copy = xstrdup(lines[i]);
			msg = pass == 0 ? line_first(rc, copy, err, &failed) :
			    line_second(rc, copy, &sect);
			free(copy);
			if (msg != NULL)
				fprintf(err, "%s:%d: error: %s\n", rc->path,
				    i + 1, msg);
		}
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	if (msg != NULL || failed) {
		free_rc(rc);
		return NULL;
	}
	return rc;
}

static int
exists(const char *dir, const char *name)
{
	struct stat	 st;
	char		*p;
	int		 rc;

	p = path_join(dir, name);
	rc = lstat(p, &st) == 0;
	free(p);
	return rc;
}

/* What governs the pages of dir (canonical), remembered. */
static struct dirent_rc *
lookup_dir(const char *dir, FILE *err)
{
	struct dirent_rc	 e, *found;
	char			*parent, *slash;
	size_t			 i;

	for (i = 0; i < ndirs; i++)
		if (strcmp(dirs[i].dir, dir) == 0)
			return &dirs[i];
	e.dir = xstrdup(dir);
	e.rc = NULL;
	e.bad = 0;
	if (exists(dir, RCNAME)) {
		e.bad = (e.rc = read_rc(dir, err)) == NULL;
		if (e.rc != NULL) {
			rcs = xreallocarray(rcs, nrcs + 1, sizeof(*rcs));
			rcs[nrcs++] = e.rc;
		}
	} else if (!exists(dir, ".git") && strcmp(dir, "/") != 0) {
		parent = xstrdup(dir);
		slash = strrchr(parent, '/');
		slash[slash == parent ? 1 : 0] = '\0';
		found = lookup_dir(parent, err);
		e.rc = found->rc;
		e.bad = found->bad;
		free(parent);
	}
	dirs = xreallocarray(dirs, ndirs + 1, sizeof(*dirs));
	dirs[ndirs] = e;
	return &dirs[ndirs++];
}

struct rc *
rc_find(const char *path, FILE *err, int *bad)
{
	struct dirent_rc	*e;
	char			*dir, *slash, real[PATH_MAX];

	dir = xstrdup(strcmp(path, "-") == 0 ? "." : path);
	if (strcmp(path, "-") != 0) {
		if ((slash = strrchr(dir, '/')) == NULL)
			strcpy(dir, ".");
		else
			slash[slash == dir ? 1 : 0] = '\0';
	}
	if (last_dir != NULL && strcmp(last_dir, dir) == 0) {
		free(dir);
		e = &dirs[last_ent];
	} else {
		if (realpath(dir, real) == NULL) {
			free(dir);
			return NULL;
		}
		e = lookup_dir(real, err);
		free(last_dir);
		last_dir = dir;
		last_ent = e - dirs;
	}
	if (e->bad) {
		*bad = 1;
		return NULL;
	}
	return e->rc;
}

int
rc_profile(const struct rc *rc)
{
	return rc->profile;
}

static int
owns(const struct rc *rc, int file)
{
	int	 i;

	for (i = 0; rc != NULL && i < rc->nfiles; i++)
		if (rc->files[i] == file)
			return 1;
	return 0;
}

/* Does the path of the page match the glob of section sect? */
static int
in_section(const struct rc *rc, int sect, const char *rel)
{
	return sect == 0 || (rel != NULL &&
	    fnmatch(rc->globs[sect - 1], rel, 0) == 0);
}

static void
apply_op(const struct op *o, unsigned char *enabled, unsigned char *level)
{
	int	 r, lo = o->rule, hi = o->rule + 1;

	if (o->rule == ALL_RULES) {
		lo = 0;
		hi = rule_count();
	}
	for (r = lo; r < hi; r++) {
		if (o->kind == OP_LEVEL)
			level[r] = (unsigned char)o->level;
		else
			enabled[r] = o->kind == OP_ENABLE;
	}
}

void
rc_apply(const struct rc *rc, const char *path, unsigned char *enabled,
    unsigned char *level)
{
	char		 real[PATH_MAX];
	const char	*rel = NULL;
	size_t		 i, n;
	int		 f, r;

	for (f = 0; f < nloaded; f++)
		if (!owns(rc, f))
			for (r = loaded[f].first; r < loaded[f].last; r++)
				enabled[r] = 0;
	if (rc == NULL)
		return;
	n = strlen(rc->dir);
	if (strcmp(path, "-") != 0 && realpath(path, real) != NULL &&
	    strncmp(real, rc->dir, n) == 0 && real[n] == '/')
		rel = real + n + 1;
	for (i = 0; i < rc->nops; i++)
		if (in_section(rc, rc->ops[i].sect, rel))
			apply_op(&rc->ops[i], enabled, level);
}

void
rc_free_all(void)
{
	size_t	 i;
	int	 f;

	for (i = 0; i < nrcs; i++)
		free_rc(rcs[i]);
	free(rcs);
	rcs = NULL;
	nrcs = 0;
	for (i = 0; i < ndirs; i++)
		free(dirs[i].dir);
	free(dirs);
	dirs = NULL;
	ndirs = 0;
	free(last_dir);
	last_dir = NULL;
	for (f = 0; f < nloaded; f++)
		free(loaded[f].real);
	free(loaded);
	loaded = NULL;
	nloaded = 0;
}
