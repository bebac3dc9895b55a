/*
 * A directory of links to the libraries of the run's links.  gold reads
 * every directory of its search path whole when it starts (to look
 * names up in memory): the compiler's -L directories, then its own
 * built-in ones, which on Debian name /usr/lib/x86_64-linux-gnu, of
 * over a thousand files, twice more.  For a program of a few hundred
 * lines, that reading was a third of the link.  Searching one
 * directory of a few links instead (with -nostdlib, which leaves out
 * the built-in ones) finds the same files, provided each link is what
 * gold would have found:
 *
 *   - an option -lNAME is looked for as libNAME.so, then libNAME.a, in
 *     each directory in turn, and -l:FILE as FILE;
 *   - a linker script (libc.so is one) is read: an absolute name in it
 *     is taken as it is (and read in turn), -lNAME as above, and a
 *     relative name is looked for in the script's directory, then in
 *     the search path, and gets a link too;
 *   - a name also found in a later directory is refused, since gold
 *     takes the later file when the first does not suit the target;
 *     so is a script that does more than name files, a name that two
 *     files would need, and libNAME.so beside a libNAME.a that -lNAME
 *     found first elsewhere.
 *
 * A refusal leaves that link with the compiler's directories.  gold
 * reaches its built-in directories only for a library that is not in
 * the compiler's (refused here) or after skipping a file found there
 * as unfit for the target, which the compiler's own directories do not
 * hold.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "files.h"
#include "libdir.h"
#include "util.h"

#define MAX_DEPTH	8	/* scripts that name scripts */
#define MAX_SCRIPT	65536	/* a larger file is no script of this kind */

struct link {
	char	*name;		/* in the directory */
	int	 absent;	/* must stay absent, as gold did not see it */
	dev_t	 dev;		/* the file it leads to */
	ino_t	 ino;
};

struct answer {
	char	*opt;
	int	 rc;
};

struct libdir {
	char		**dirs;
	int		  ndirs;
	char		 *path;
	struct link	 *links;
	int		  nlinks;
	struct answer	 *answers;
	int		  nanswers;
};

static int	add_lib(struct libdir *, const char *, int);
static int	add_file(struct libdir *, const char *, int);

/*
 * Look for the names (tried in order in each directory) in first, when
 * it is not NULL, and then in the search path.  Returns the path found,
 * NULL if there is none or if a different file of those names is in
 * any directory after it.
 */
static char *
search(const struct libdir *d, const char *first, const char *const names[],
    int nnames)
{
	struct stat	 st, hit;
	const char	*dir;
	char		*p, *found = NULL;
	int		 i, j;

	for (i = first != NULL ? -1 : 0; i < d->ndirs; i++) {
		dir = i < 0 ? first : d->dirs[i];
		for (j = 0; j < nnames; j++) {
			p = path_join(dir, names[j]);
			if (lstat(p, &st) == -1) {
				free(p);
				continue;
			}
			if (stat(p, &st) == -1 || (found != NULL &&
			    (st.st_dev != hit.st_dev ||
			    st.st_ino != hit.st_ino))) {
				free(p);
				free(found);
				return NULL;
			}
			if (found == NULL) {
				found = p;
				hit = st;
				/* gold tries no other name here. */
				break;
			}
			free(p);
		}
	}
	return found;
}

/* Make the link name -> target; a name keeps its first file. */
static int
add_link(struct libdir *d, const char *name, const char *target)
{
	struct stat	 st;
	char		*p;
	int		 i, rc;

	if (target == NULL)
		memset(&st, 0, sizeof(st));
	else if (stat(target, &st) == -1)
		return -1;
	for (i = 0; i < d->nlinks; i++) {
		if (strcmp(d->links[i].name, name) != 0)
			continue;
		if (target == NULL || d->links[i].absent)
			return target == NULL && d->links[i].absent ? 0 : -1;
		return d->links[i].dev == st.st_dev &&
		    d->links[i].ino == st.st_ino ? 0 : -1;
	}
	if (target != NULL) {
		p = path_join(d->path, name);
		rc = symlink(target, p);
		free(p);
		if (rc == -1)
			return -1;
	}
	d->links = xreallocarray(d->links, d->nlinks + 1, sizeof(*d->links));
	d->links[d->nlinks].name = xstrdup(name);
	d->links[d->nlinks].absent = target == NULL;
	d->links[d->nlinks].dev = st.st_dev;
	d->links[d->nlinks++].ino = st.st_ino;
	return 0;
}

/* The next token of a script (a word, or one of "(),;"), or NULL. */
static const char *
next_token(const char **sp, size_t *len, int *bad)
{
	const char	*s = *sp, *end;

	for (;;) {
		s += strspn(s, " \t\r\n");
		if (s[0] != '/' || s[1] != '*')
			break;
		if ((end = strstr(s + 2, "*/")) == NULL) {
			*bad = 1;
			return NULL;
		}
		s = end + 2;
	}
	if (*s == '\0')
		return NULL;
	*len = strchr("(),;", *s) != NULL ? 1 : strcspn(s, " \t\r\n(),;");
	*sp = s + *len;
	return s;
}

static int
is_token(const char *t, size_t len, const char *word)
{
	return t != NULL && strlen(word) == len && memcmp(t, word, len) == 0;
}

/* A name the script adds to the link. */
static int
script_name(struct libdir *d, const char *name, const char *dir, int depth)
{
	const char	*names[1];
	char		*found;
	int		 rc;

	if (strchr(name, '"') != NULL)
		return -1;
	if (name[0] == '-')
		return name[1] == 'l' && name[2] != ':' ?
		    add_lib(d, name, depth) : -1;
	if (name[0] == '/')
		return add_file(d, name, depth);
	if (strchr(name, '/') != NULL)
		return -1;
	names[0] = name;
	if ((found = search(d, dir, names, 1)) == NULL)
		return -1;
	rc = add_link(d, name, found);
	if (rc == 0)
		rc = add_file(d, found, depth);
	free(found);
	return rc;
}

/*
 * Read a script that names files: INPUT, GROUP and AS_NEEDED lists,
 * and OUTPUT_FORMAT and OUTPUT_ARCH, which name none.  Anything else
 * is refused.
 */
static int
script(struct libdir *d, const char *text, const char *dir, int depth)
{
	const char	*s = text, *t;
	char		*name;
	size_t		 len;
	int		 bad = 0, open = 0, names = 0, rc;

	while ((t = next_token(&s, &len, &bad)) != NULL) {
		if (open == 0) {
			if (is_token(t, len, ";"))
				continue;
			names = is_token(t, len, "INPUT") ||
			    is_token(t, len, "GROUP");
			if (!names && !is_token(t, len, "OUTPUT_FORMAT") &&
			    !is_token(t, len, "OUTPUT_ARCH"))
				return -1;
			t = next_token(&s, &len, &bad);
			if (!is_token(t, len, "("))
				return -1;
			open = 1;
		} else if (is_token(t, len, ")"))
			open--;
		else if (is_token(t, len, ",") || (!names && *t != '('))
			continue;
		else if (is_token(t, len, "AS_NEEDED") && open == 1) {
			t = next_token(&s, &len, &bad);
			if (!is_token(t, len, "("))
				return -1;
			open = 2;
		} else if (*t == '(' || *t == ';')
			return -1;
		else {
			name = xstrndup(t, len);
			rc = script_name(d, name, dir, depth);
			free(name);
			if (rc == -1)
				return -1;
		}
	}
	return bad || open != 0 ? -1 : 0;
}

/*
 * A file gold will read: an object, a library or a linker script,
 * whose names are followed.
 */
static int
add_file(struct libdir *d, const char *path, int depth)
{
	struct stat	 st;
	char		 head[8], *text, *dir, *slash;
	size_t		 len;
	ssize_t		 n, size;
	int		 fd, rc;

	if (depth > MAX_DEPTH)
		return -1;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1 || st.st_size > MAX_SCRIPT)
		size = -1;
	else
		size = (ssize_t)st.st_size;
	while ((n = read(fd, head, sizeof(head))) == -1 && errno == EINTR)
		continue;
	close(fd);
	if (n >= 4 && memcmp(head, "\177ELF", 4) == 0)
		return 0;
	if (n == 8 && memcmp(head, "!<arch>\n", 8) == 0)
		return 0;
	/* Thin archives name their members relative to themselves, and
	 * other formats are not looked into. */
	if (n < 2 || size == -1 || memchr(head, '\0', (size_t)n) != NULL ||
	    memcmp(head, "!<", 2) == 0)
		return -1;
	if ((text = read_file(path, &len)) == NULL || strlen(text) != len) {
		free(text);
		return -1;
	}
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	*slash = '\0';
	rc = script(d, text, *dir == '\0' ? "/" : dir, depth + 1);
	free(dir);
	free(text);
	return rc;
}

/* -lNAME or -l:FILE, as gold searches for it. */
static int
add_lib(struct libdir *d, const char *opt, int depth)
{
	const char	*names[2];
	char		*so = NULL, *a = NULL, *found, *base;
	int		 n, rc;

	if (opt[2] == ':') {
		names[0] = opt + 3;
		n = 1;
	} else {
		/* "lib" NAME ".so", where opt is "-l" NAME. */
		so = xmalloc(strlen(opt) + 5);
		a = xmalloc(strlen(opt) + 5);
		sprintf(so, "lib%s.so", opt + 2);
		sprintf(a, "lib%s.a", opt + 2);
		names[0] = so;
		names[1] = a;
		n = 2;
	}
	rc = -1;
	if (*names[0] != '\0' && strchr(opt + 2, '/') == NULL &&
	    (found = search(d, NULL, names, n)) != NULL) {
		base = strrchr(found, '/') + 1;
		rc = add_link(d, base, found);
		/* A .so added later would hide the .a found here. */
		if (rc == 0 && n == 2 && strcmp(base, a) == 0)
			rc = add_link(d, so, NULL);
		if (rc == 0)
			rc = add_file(d, found, depth);
		free(found);
	}
	free(so);
	free(a);
	return rc;
}

struct libdir *
libdir_new(char *const *dirs, int ndirs, const char *path)
{
	struct libdir	*d;
	int		 i;

	for (i = 0; i < ndirs; i++)
		if (dirs[i][0] != '/')
			return NULL;
	d = xcalloc(1, sizeof(*d));
	d->dirs = xcalloc(ndirs + 1, sizeof(*d->dirs));
	for (i = 0; i < ndirs; i++)
		d->dirs[i] = xstrdup(dirs[i]);
	d->ndirs = ndirs;
	d->path = xstrdup(path);
	return d;
}

int
libdir_add(struct libdir *d, const char *opt)
{
	int	 i, rc;

	for (i = 0; i < d->nanswers; i++)
		if (strcmp(d->answers[i].opt, opt) == 0)
			return d->answers[i].rc;
	rc = strncmp(opt, "-l", 2) == 0 && opt[2] != '\0' ?
	    add_lib(d, opt, 0) : -1;
	d->answers = xreallocarray(d->answers, d->nanswers + 1,
	    sizeof(*d->answers));
	d->answers[d->nanswers].opt = xstrdup(opt);
	d->answers[d->nanswers++].rc = rc;
	return rc;
}

const char *
libdir_path(const struct libdir *d)
{
	return d->path;
}

void
libdir_free(struct libdir *d)
{
	int	 i;

	if (d == NULL)
		return;
	for (i = 0; i < d->ndirs; i++)
		free(d->dirs[i]);
	free(d->dirs);
	for (i = 0; i < d->nlinks; i++)
		free(d->links[i].name);
	free(d->links);
	for (i = 0; i < d->nanswers; i++)
		free(d->answers[i].opt);
	free(d->answers);
	free(d->path);
	free(d);
}
