/*
 * Compiling example programs, in parallel and through a cache.
 *
 * Each program is built in a directory of its own, with the page's
 * headers beside it, by one compiler command that compiles and links,
 * or, with GCC and gold, by the compiler (cc -c) and then gold itself.
 * What they print goes to the file "result" after a line left for the
 * status.  With a cache, that directory is made inside the cache and, at the end
 * of the run, renamed to the program's key once its files are on disk,
 * so a cache entry is either whole or absent.  The files of all the
 * run's builds reach the disk with one syncfs(2) (sync(2) elsewhere)
 * rather than an fsync(2) each, which would keep compilers waiting.
 * The key is a SHA-256 of the sources, the compiler's identity and
 * every flag.
 */
#ifdef __linux__
#define _GNU_SOURCE		/* syncfs(2) */
#endif

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "diag.h"
#include "example.h"
#include "files.h"
#include "libdir.h"
#include "sha256.h"
#include "util.h"

/*
 * posix_spawn(3) starts a compiler without copying manlint's page tables
 * as fork(2) does, which took more of manlint's own time than the rest
 * of its work on the examples; it needs the file action that changes
 * directory.
 */
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 29)
#define SPAWN_CHDIR	posix_spawn_file_actions_addchdir_np
#endif

extern char	**environ;

#define CACHE_FORMAT	"manlint example cache 1"
#define DEFAULT_CFLAGS	"-std=gnu17 -Wall -Wextra"
#define OBJECT		"manlint-prog.o"	/* when gold links directly */
#define PROBE_SOURCE	"manlint-probe.c"	/* stands for the source in -### */
/* The first line of a build's file "result": its wait status. */
#define STATUS_FMT	"status %11d\n"
#define STATUS_LEN	19

/*
 * BSD functions that glibc lacks.  A program that calls one is built
 * with libbsd's overlay, when it is installed, so that <err.h> and
 * <string.h> declare them and -lbsd defines them.
 */
static const char *const bsd_only[] = {
	"errc", "verrc", "warnc", "vwarnc", "strlcpy", "strlcat",
	"strnstr", "strmode", "strtonum", "reallocf", "fgetln", "fparseln",
	"humanize_number", "readpassphrase", "setproctitle", "getprogname",
	"setprogname"
};

enum bstate { B_QUEUED, B_RUNNING, B_DONE };

struct exbuild {
	enum bstate	 state;
	struct expage	*ep;
	char		 key[65];
	char		*dir;		/* build directory, then cache entry */
	char		*work;		/* if not NULL, where the sources and
					 * the object are */
	int		 temp;		/* dir is not in the cache */
	pid_t		 pid;
	pid_t		 as_pid;	/* the assembler, beside cc1 */
	int		 cc1_status;	/* cc1's wait status, once it exited */
	int		 as_status;
	int		 status;	/* the compiler's wait status */
	char		*log;		/* what it printed */
	char		*prog;		/* the program, NULL if not built */
	int		 bsd;		/* built with libbsd's overlay */
	int		 direct;	/* cc -c, then the linker itself */
	int		 piped;		/* cc1 | as, without the driver */
	int		 libdir;	/* gold searches the run's libdir */
	int		 linking;	/* the linker is running */
	int		 keep;		/* to be moved into the cache */
};

/* A finished build waiting to be moved into the cache. */
struct pending_entry {
	char		*dir;
	char		 key[65];
};

struct words {
	char		**v;
	int		 n;
};

struct builder {
	struct words	 cc;		/* $CC, split at blanks */
	struct words	 flags;		/* compiling */
	struct words	 ldflags;	/* linking */
	struct words	 link;		/* gold's own command, if known */
	int		 link_at;	/* where the program goes in it */
	struct libdir	*libdir;	/* links to the libraries it uses */
	struct words	 cc1;		/* how the driver compiles, if known */
	int		 cc1_src;	/* where the source goes in it */
	struct words	 as;		/* and assembles */
	int		 libdir_tried;
	char		 ident[65];	/* hash of the compiler and flags */
	int		 bsd_known;	/* libbsd's overlay looked for */
	struct words	 bsd_cflags;	/* and its flags, if it is there */
	struct words	 bsd_libs;
	struct words	 env;		/* the environment, with LC_ALL=C */
	char		*cache;		/* NULL: build in tmp, keep nothing */
	char		*tmp;
	unsigned int	 serial;
	int		 jobs;
	struct exfile	**queue;
	size_t		 nqueue, qhead, qcap;
	struct exfile	**running;
	int		 nrunning;
	struct pending_entry *store;
	int		 nstore;
};

static void
add_word(struct words *w, const char *s, size_t len)
{
	w->v = xreallocarray(w->v, w->n + 2, sizeof(*w->v));
	w->v[w->n++] = xstrndup(s, len);
	w->v[w->n] = NULL;
}

static void
split_words(struct words *w, const char *s)
{
	size_t	 n;

	while (*s != '\0') {
		s += strspn(s, " \t\n");
		if ((n = strcspn(s, " \t\n")) > 0)
			add_word(w, s, n);
		s += n;
	}
}

static void
free_words(struct words *w)
{
	int	 i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
}

/* Where name would be run from: a path, or the first match in PATH. */
static char *
find_program(const char *name)
{
	const char	*path, *p;
	char		 buf[PATH_MAX];
	size_t		 n;

	if (strchr(name, '/') != NULL)
		return access(name, X_OK) == 0 ? xstrdup(name) : NULL;
	if ((path = getenv("PATH")) == NULL)
		path = "/usr/bin:/bin";
	for (p = path; *p != '\0'; p += n + (p[n] == ':')) {
		n = strcspn(p, ":");
		if (snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, p,
		    name) < (int)sizeof(buf) && access(buf, X_OK) == 0)
			return xstrdup(buf);
		if (p[n] == '\0')
			break;
	}
	return NULL;
}

/* Run argv and return what it printed; NULL if it could not run. */
static char *
capture(char *const argv[])
{
	char	*out = NULL;
	size_t	 len = 0, cap = 0;
	ssize_t	 r;
	pid_t	 pid;
	int	 fd[2], st;

	if (pipe(fd) == -1)
		return NULL;
	if ((pid = fork()) == -1) {
		close(fd[0]);
		close(fd[1]);
		return NULL;
	}
	if (pid == 0) {
		if (dup2(fd[1], STDOUT_FILENO) == -1 ||
		    dup2(fd[1], STDERR_FILENO) == -1)
			_exit(127);
		close(fd[0]);
		close(fd[1]);
		setenv("LC_ALL", "C", 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	for (;;) {
		if (cap - len < 1024) {
			cap = cap ? cap * 2 : 4096;
			out = xrealloc(out, cap);
		}
		if ((r = read(fd[0], out + len, cap - len - 1)) == -1 &&
		    errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	out[len] = '\0';
	close(fd[0]);
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR) {
			free(out);
			return NULL;
		}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

/*
 * Split a command as GCC's -### prints it: each word bare, or in double
 * quotes with a backslash before each quote, backslash and dollar.
 */
static int
command_words(struct words *w, const char *s)
{
	char	*buf;
	size_t	 n;

	buf = xmalloc(strlen(s) + 1);
	for (;;) {
		s += strspn(s, " ");
		if (*s == '\0')
			break;
		n = 0;
		if (*s != '"')
			while (*s != ' ' && *s != '\0')
				buf[n++] = *s++;
		else {
			for (s++; *s != '"' && *s != '\0'; s++) {
				if (*s == '\\' && s[1] != '\0')
					s++;
				buf[n++] = *s;
			}
			if (*s++ != '"') {
				free(buf);
				return -1;
			}
		}
		add_word(w, buf, n);
	}
	free(buf);
	return 0;
}

/* Does w hold an earlier -L naming the same directory as dir? */
static int
seen_dir(const struct words *w, const char *dir)
{
	struct stat	 a, b;
	int		 i;

	if (stat(dir, &a) == -1)
		return 0;
	for (i = 0; i < w->n; i++)
		if (strncmp(w->v[i], "-L", 2) == 0 &&
		    stat(w->v[i] + 2, &b) == 0 && a.st_dev == b.st_dev &&
		    a.st_ino == b.st_ino)
			return 1;
	return 0;
}

/*
 * The linker's path: where the driver would find ld.gold, else PATH.
 */
static char *
gold_path(const struct builder *b)
{
	struct words	 q;
	char		*out, *path = NULL;
	int		 i;

	memset(&q, 0, sizeof(q));
	for (i = 0; i < b->cc.n; i++)
		add_word(&q, b->cc.v[i], strlen(b->cc.v[i]));
	add_word(&q, "-print-prog-name=ld.gold", 24);
	if ((out = capture(q.v)) != NULL) {
		out[strcspn(out, "\n")] = '\0';
		path = find_program(out);
		free(out);
	}
	free_words(&q);
	return path;
}

/*
 * Take gold's command from the driver (-###) and keep what gold needs:
 * collect2, which the driver would run, only runs gold when there is no
 * LTO to do, and -fuse-ld is collect2's.  The library directories are
 * kept once each (they are searched in order, so a repeat finds
 * nothing new), and gold reads only the parts of files it uses.
 */
static int
gold_command(struct builder *b, const char *lines)
{
	struct words	 w;
	const char	*s, *cmd = NULL, *slash;
	char		*line, *ld;
	int		 i, rc = -1;

	/* The command is the last line, which starts with a blank. */
	for (s = lines; *s != '\0'; s += strcspn(s, "\n"), s += *s == '\n')
		if (*s == ' ')
			cmd = s;
	if (cmd == NULL)
		return -1;
	memset(&w, 0, sizeof(w));
	line = xstrndup(cmd, strcspn(cmd, "\n"));
	if (command_words(&w, line) == 0 && w.n > 1 &&
	    (slash = strrchr(w.v[0], '/')) != NULL &&
	    strcmp(slash + 1, "collect2") == 0 &&
	    (ld = gold_path(b)) != NULL) {
		add_word(&b->link, ld, strlen(ld));
		free(ld);
		add_word(&b->link, "--no-map-whole-files", 20);
		b->link_at = -1;
		for (i = 1, rc = 0; i < w.n && rc == 0; i++) {
			if (strcmp(w.v[i], "-plugin") == 0 ||
			    strncmp(w.v[i], "-flto", 5) == 0 ||
			    strncmp(w.v[i], "--ld-path=", 10) == 0)
				rc = -1;
			else if (strncmp(w.v[i], "-fuse-ld=", 9) == 0 ||
			    (strncmp(w.v[i], "-L", 2) == 0 &&
			    seen_dir(&b->link, w.v[i] + 2)))
				continue;
			else if (strcmp(w.v[i], OBJECT) == 0 &&
			    b->link_at == -1)
				b->link_at = b->link.n;
			else if (strcmp(w.v[i], OBJECT) == 0)
				rc = -1;
			if (rc == 0)
				add_word(&b->link, w.v[i], strlen(w.v[i]));
		}
		if (b->link_at == -1)
			rc = -1;
	}
	free(line);
	free_words(&w);
	return rc;
}

/* Learn how the driver runs gold, to run gold without it. */
static void
link_command(struct builder *b)
{
	struct words	 q;
	char		*out;
	int		 i;

	memset(&q, 0, sizeof(q));
	for (i = 0; i < b->cc.n; i++)
		add_word(&q, b->cc.v[i], strlen(b->cc.v[i]));
	for (i = 0; i < b->flags.n; i++)
		add_word(&q, b->flags.v[i], strlen(b->flags.v[i]));
	for (i = 0; i < b->ldflags.n; i++)
		add_word(&q, b->ldflags.v[i], strlen(b->ldflags.v[i]));
	split_words(&q, "-### -o prog " OBJECT);
	if ((out = capture(q.v)) == NULL || gold_command(b, out) == -1) {
		free_words(&b->link);
		memset(&b->link, 0, sizeof(b->link));
	}
	free(out);
	free_words(&q);
}

/* Take the last word of w, which is word. */
static int
drop_last(struct words *w, const char *word)
{
	if (w->n == 0 || strcmp(w->v[w->n - 1], word) != 0)
		return -1;
	free(w->v[--w->n]);
	w->v[w->n] = NULL;
	return 0;
}

/* Is argv[0] named name, with or without a directory? */
static int
runs(const struct words *w, const char *name)
{
	const char	*slash;

	if (w->n == 0)
		return 0;
	slash = strrchr(w->v[0], '/');
	return strcmp(slash != NULL ? slash + 1 : w->v[0], name) == 0;
}

/*
 * Learn how the driver compiles (-###), to run the compiler proper and
 * the assembler without it: the driver's own work (reading its specs,
 * starting the two) cost about 1.5 ms of the 25 ms of a compile.  Its
 * answer must be two commands, "cc1 ... -o - |" and "as ...", the
 * source named once in the first; anything else (a flag that adds a
 * step, as -save-temps does) leaves the compiling to the driver.
 */
static void
pipe_command(struct builder *b)
{
	struct words	 q;
	const char	*s;
	char		*out, *line;
	int		 i, n = 0, rc = 0;

	memset(&q, 0, sizeof(q));
	for (i = 0; i < b->cc.n; i++)
		add_word(&q, b->cc.v[i], strlen(b->cc.v[i]));
	for (i = 0; i < b->flags.n; i++)
		add_word(&q, b->flags.v[i], strlen(b->flags.v[i]));
	split_words(&q, "-### -c -o " OBJECT " " PROBE_SOURCE);
	out = capture(q.v);
	free_words(&q);
	if (out == NULL)
		return;
	/* The commands are the lines that start with a blank. */
	for (s = out; *s != '\0' && rc == 0; s += strcspn(s, "\n"),
	    s += *s == '\n') {
		if (*s != ' ')
			continue;
		line = xstrndup(s, strcspn(s, "\n"));
		if (n++ == 0)
			rc = command_words(&b->cc1, line);
		else if (n == 2)
			rc = command_words(&b->as, line);
		else
			rc = -1;
		free(line);
	}
	free(out);
	b->cc1_src = -1;
	for (i = 0; i < b->cc1.n && rc == 0; i++) {
		if (strcmp(b->cc1.v[i], PROBE_SOURCE) != 0)
			continue;
		if (b->cc1_src != -1)
			rc = -1;
		b->cc1_src = i;
	}
	if (rc == -1 || n != 2 || b->cc1_src == -1 ||
	    drop_last(&b->cc1, "|") == -1 || !runs(&b->cc1, "cc1") ||
	    !runs(&b->as, "as") || b->cc1.n < 3 ||
	    strcmp(b->cc1.v[b->cc1.n - 1], "-") != 0 ||
	    strcmp(b->cc1.v[b->cc1.n - 2], "-o") != 0) {
		free_words(&b->cc1);
		free_words(&b->as);
		memset(&b->cc1, 0, sizeof(b->cc1));
		memset(&b->as, 0, sizeof(b->as));
	}
}

/*
 * GCC gets flags that make its columns bytes (as manlint's are) and
 * its output plain, and links with gold when that is installed: for
 * programs this small gold takes half the time of the default linker,
 * and half that again when run without the driver (link_command()).
 */
static void
gcc_flags(struct builder *b, const char *version, int ldflags_given)
{
	const char	*nl, *p;
	char		*gold;
	int		 major = 0;

	if (strstr(version, "Free Software Foundation") == NULL ||
	    strstr(version, "clang") != NULL)
		return;
	nl = version + strcspn(version, "\n");
	for (p = nl; p > version && p[-1] != ' '; p--)
		continue;
	major = atoi(p);
	if (major >= 11)
		add_word(&b->flags, "-fdiagnostics-column-unit=byte", 30);
	split_words(&b->flags, "-fno-diagnostics-show-caret "
	    "-fdiagnostics-color=never -pipe");
	if (!ldflags_given && (gold = find_program("ld.gold")) != NULL) {
		split_words(&b->ldflags,
		    "-fuse-ld=gold -fno-use-linker-plugin");
		free(gold);
		link_command(b);
		if (b->link.n > 0)
			pipe_command(b);
	}
}

/* The cache directory, made if needed; NULL to build without one. */
static char *
cache_dir(void)
{
	const char	*env;
	char		*dir;

	if ((env = getenv("MANLINT_CACHE")) != NULL) {
		if (*env == '\0' || strcmp(env, "off") == 0)
			return NULL;
		dir = xstrdup(env);
	} else if ((env = getenv("XDG_CACHE_HOME")) != NULL && *env == '/') {
		dir = xmalloc(strlen(env) + 9);
		sprintf(dir, "%s/manlint", env);
	} else if ((env = getenv("HOME")) != NULL && *env == '/') {
		dir = xmalloc(strlen(env) + 16);
		sprintf(dir, "%s/.cache/manlint", env);
	} else
		return NULL;
	if (mkdir_p(dir) == -1) {
		fprintf(stderr, "manlint: cache %s: %s; building without a "
		    "cache\n", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

struct builder *
build_new(const struct buildopts *o)
{
	struct builder	*b;
	struct sha256	 h;
	struct stat	 st;
	const char	*env;
	char		*version, *path, real[PATH_MAX], *argv[3], num[64];
	int		 i;

	b = xcalloc(1, sizeof(*b));
	b->jobs = o->jobs > 0 ? o->jobs : 1;
	/* What runs killed by a signal left behind, once a run. */
	sweep_tmpdirs(tmp_base(), "manlint-build");
	sweep_tmpdirs(tmp_base(), "manlint-run");
#ifdef __linux__
	sweep_tmpdirs("/dev/shm", "manlint-build");
#endif
	if ((env = getenv("CC")) == NULL || *env == '\0')
		env = "cc";
	split_words(&b->cc, env);
	if (b->cc.n == 0)
		add_word(&b->cc, "cc", 2);
	argv[0] = b->cc.v[0];
	argv[1] = "--version";
	argv[2] = NULL;
	if ((path = find_program(b->cc.v[0])) == NULL ||
	    (version = capture(argv)) == NULL) {
		fprintf(stderr, "manlint: cannot run the compiler %s (set CC "
		    "to choose one)\n", b->cc.v[0]);
		free(path);
		build_free(b);
		return NULL;
	}
	for (i = 0; environ[i] != NULL; i++)
		if (strncmp(environ[i], "LC_ALL=", 7) != 0)
			add_word(&b->env, environ[i], strlen(environ[i]));
	/* Plain ASCII quotes in the messages. */
	add_word(&b->env, "LC_ALL=C", 8);
	if ((env = getenv("MANLINT_CFLAGS")) == NULL)
		env = DEFAULT_CFLAGS;
	split_words(&b->flags, env);
	if (o->werror)
		add_word(&b->flags, "-Werror", 7);
	if (o->sanitize)
		split_words(&b->flags, "-fsanitize=address,undefined "
		    "-fno-omit-frame-pointer -g");
	if ((env = getenv("MANLINT_LDFLAGS")) != NULL)
		split_words(&b->ldflags, env);
	gcc_flags(b, version, env != NULL);

	/* The compiler's identity: its version, where it is, and when
	 * it was installed. */
	sha256_init(&h);
	sha256_add(&h, CACHE_FORMAT, sizeof(CACHE_FORMAT));
	sha256_add(&h, version, strlen(version) + 1);
	if (realpath(path, real) != NULL && stat(real, &st) == 0) {
		snprintf(num, sizeof(num), "%lld %lld",
		    (long long)st.st_mtime, (long long)st.st_size);
		sha256_add(&h, real, strlen(real) + 1);
		sha256_add(&h, num, strlen(num) + 1);
	}
	for (i = 0; i < b->cc.n; i++)
		sha256_add(&h, b->cc.v[i], strlen(b->cc.v[i]) + 1);
	sha256_add(&h, "", 1);
	for (i = 0; i < b->flags.n; i++)
		sha256_add(&h, b->flags.v[i], strlen(b->flags.v[i]) + 1);
	sha256_add(&h, "", 1);
	for (i = 0; i < b->ldflags.n; i++)
		sha256_add(&h, b->ldflags.v[i], strlen(b->ldflags.v[i]) + 1);
	sha256_add(&h, "", 1);
	for (i = 0; i < b->link.n; i++)
		sha256_add(&h, b->link.v[i], strlen(b->link.v[i]) + 1);
	sha256_hex(&h, b->ident);
	free(version);
	free(path);
	b->cache = cache_dir();
	return b;
}

static int
is_ident(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* Does a line call name()? */
static int
calls(const char *s, const char *name)
{
	const char	*hit, *p;
	size_t		 len = strlen(name);

	for (hit = strstr(s, name); hit != NULL; hit = strstr(hit + 1, name)) {
		if (hit > s && is_ident(hit[-1]))
			continue;
		for (p = hit + len; *p == ' '; p++)
			continue;
		if (*p == '(')
			return 1;
	}
	return 0;
}

/* Does the program (or a header of its page) call a BSD function? */
static int
uses_bsd(const struct expage *ep, const struct exfile *prog)
{
	const struct exfile	*f;
	size_t			 k;
	int			 i, j;

	for (i = 0; i < ep->nfiles; i++) {
		f = &ep->files[i];
		if (!f->header && f != prog)
			continue;
		for (j = 0; j < f->nlines; j++)
			for (k = 0; k < sizeof(bsd_only) / sizeof(bsd_only[0]);
			    k++)
				if (calls(f->lines[j].s, bsd_only[k]))
					return 1;
	}
	return 0;
}

/* libbsd's overlay flags, from pkg-config, asked for once. */
static int
have_bsd(struct builder *b)
{
	char	*argv[5], *out;

	if (b->bsd_known)
		return b->bsd_cflags.n + b->bsd_libs.n > 0;
	b->bsd_known = 1;
	argv[0] = "pkg-config";
	argv[1] = "--cflags";
	argv[2] = "libbsd-overlay";
	argv[3] = NULL;
	if ((out = capture(argv)) == NULL)
		return 0;
	split_words(&b->bsd_cflags, out);
	free(out);
	argv[1] = "--libs";
	if ((out = capture(argv)) == NULL) {
		free_words(&b->bsd_cflags);
		memset(&b->bsd_cflags, 0, sizeof(b->bsd_cflags));
		return 0;
	}
	split_words(&b->bsd_libs, out);
	free(out);
	return b->bsd_cflags.n + b->bsd_libs.n > 0;
}

static void
program_key(const struct builder *b, const struct expage *ep,
    const struct exfile *prog, char key[65])
{
	struct sha256	 h;
	char		*text;
	size_t		 len;
	int		 i;

	sha256_init(&h);
	sha256_add(&h, b->ident, sizeof(b->ident));
	if (prog->build->bsd) {
		for (i = 0; i < b->bsd_cflags.n; i++)
			sha256_add(&h, b->bsd_cflags.v[i],
			    strlen(b->bsd_cflags.v[i]) + 1);
		for (i = 0; i < b->bsd_libs.n; i++)
			sha256_add(&h, b->bsd_libs.v[i],
			    strlen(b->bsd_libs.v[i]) + 1);
	}
	sha256_add(&h, "", 1);
	for (i = 0; i < ep->nlibs; i++)
		sha256_add(&h, ep->libs[i], strlen(ep->libs[i]) + 1);
	sha256_add(&h, "", 1);
	for (i = 0; i < ep->nfiles; i++) {
		if (!ep->files[i].header && &ep->files[i] != prog)
			continue;
		text = example_text(&ep->files[i], &len);
		sha256_add(&h, ep->files[i].name,
		    strlen(ep->files[i].name) + 1);
		sha256_add(&h, &len, sizeof(len));
		sha256_add(&h, text, len);
		free(text);
	}
	sha256_hex(&h, key);
}

/*
 * Take what a build directory holds: its file "result" (the compiler's
 * wait status on the first line, then what it printed) and, when the
 * status is success, the program.
 */
static int
load_entry(struct exbuild *x, const char *dir)
{
	char	*p, *s, *nl;

	p = path_join(dir, "result");
	s = read_file(p, NULL);
	free(p);
	if (s == NULL || strncmp(s, "status ", 7) != 0 ||
	    (nl = strchr(s, '\n')) == NULL) {
		free(s);
		return -1;
	}
	x->status = atoi(s + 7);
	x->log = xstrdup(nl + 1);
	free(s);
	x->prog = NULL;
	if (WIFEXITED(x->status) && WEXITSTATUS(x->status) == 0) {
		x->prog = path_join(dir, "prog");
		if (access(x->prog, X_OK) == -1) {
			free(x->prog);
			x->prog = NULL;
			free(x->log);
			x->log = NULL;
			return -1;
		}
	}
	return 0;
}

/*
 * A build that could not be started: it is done, failed, and says why
 * as the compiler would.
 */
/* Remove the directory of the build's sources and object. */
static void
drop_work(struct exbuild *x)
{
	if (x->work != NULL && rm_tree(x->work) == -1)
		fprintf(stderr, "manlint: cannot remove %s: %s\n", x->work,
		    strerror(errno));
	free(x->work);
	x->work = NULL;
}

static void
give_up(struct exbuild *x, const char *what, int err)
{
	char	 buf[512];

	drop_work(x);
	snprintf(buf, sizeof(buf), "manlint: %s: %s\n", what, strerror(err));
	x->state = B_DONE;
	x->status = 127 << 8;
	x->log = xstrdup(buf);
	x->temp = 1;
}

/*
 * The run's own directory, made when first needed.  Unless TMPDIR
 * says where, it is made in /dev/shm when manlint may write there:
 * files made in memory cost less than on a file system that journals
 * them (on ext4, a third of manlint's own time went to making files).
 */
static const char *
run_tmp(struct builder *b)
{
	char	*p;

	if (b->tmp != NULL)
		return b->tmp;
#ifdef __linux__
	if (getenv("TMPDIR") == NULL && access("/dev/shm", W_OK | X_OK) == 0 &&
	    (p = make_tmpdir_in("/dev/shm", "manlint-build")) != NULL)
		return b->tmp = p;
#endif
	b->tmp = make_tmpdir("manlint-build");
	return b->tmp;
}

/* Where the build's compilers run: its sources and object are there. */
static const char *
work_dir(const struct exbuild *x)
{
	return x->work != NULL ? x->work : x->dir;
}

/*
 * A directory for the build, in the cache or in the run's own.  A
 * build in the cache gets a second one in the run's directory for its
 * sources and object, which the cache does not keep.
 */
static int
build_dir(struct builder *b, struct exbuild *x)
{
	char	*p, num[32];

	if (b->cache != NULL) {
		p = path_join(b->cache, ".new.XXXXXX");
		if (mkdtemp(p) != NULL) {
			x->dir = p;
			snprintf(num, sizeof(num), "%u", b->serial++);
			if (run_tmp(b) != NULL) {
				x->work = path_join(b->tmp, num);
				if (mkdir(x->work, 0700) == -1) {
					free(x->work);
					x->work = NULL;
				}
			}
			return 0;
		}
		fprintf(stderr, "manlint: %s: %s; building without a cache\n",
		    b->cache, strerror(errno));
		free(p);
		free(b->cache);
		b->cache = NULL;
	}
	if (run_tmp(b) == NULL)
		return -1;
	snprintf(num, sizeof(num), "%u", b->serial++);
	x->dir = path_join(b->tmp, num);
	x->temp = 1;
	return mkdir(x->dir, 0700);
}

/* Write the program and the page's headers into the build directory. */
static int
write_sources(const struct exbuild *x, const struct exfile *prog)
{
	const struct expage	*ep = x->ep;
	char			*text, *p;
	size_t			 len;
	int			 i, rc = 0;

	for (i = 0; i < ep->nfiles && rc == 0; i++) {
		if (!ep->files[i].header && &ep->files[i] != prog)
			continue;
		text = example_text(&ep->files[i], &len);
		p = path_join(work_dir(x), ep->files[i].name);
		rc = write_file(p, text, len, 0644);
		free(p);
		free(text);
	}
	return rc;
}

/* The page's libraries, and libbsd if the program uses it. */
static void
add_libs(const struct builder *b, const struct exbuild *x,
    struct words *argv)
{
	int	 i;

	for (i = 0; i < x->ep->nlibs; i++)
		add_word(argv, x->ep->libs[i], strlen(x->ep->libs[i]));
	for (i = 0; x->bsd && i < b->bsd_libs.n; i++)
		add_word(argv, b->bsd_libs.v[i], strlen(b->bsd_libs.v[i]));
}

/* "-o prog", the program going to the build directory. */
static void
add_output(const struct exbuild *x, struct words *argv)
{
	char	*p;

	add_word(argv, "-o", 2);
	if (x->work == NULL) {
		add_word(argv, "prog", 4);
		return;
	}
	p = path_join(x->dir, "prog");
	add_word(argv, p, strlen(p));
	free(p);
}

/* The compiler's command: compile and link, or only compile. */
static void
compile_argv(const struct builder *b, const struct exbuild *x,
    const struct exfile *prog, struct words *argv)
{
	int	 i;

	memset(argv, 0, sizeof(*argv));
	for (i = 0; i < b->cc.n; i++)
		add_word(argv, b->cc.v[i], strlen(b->cc.v[i]));
	for (i = 0; i < b->flags.n; i++)
		add_word(argv, b->flags.v[i], strlen(b->flags.v[i]));
	for (i = 0; x->bsd && i < b->bsd_cflags.n; i++)
		add_word(argv, b->bsd_cflags.v[i], strlen(b->bsd_cflags.v[i]));
	if (x->direct)
		split_words(argv, "-c -o " OBJECT);
	else
		add_output(x, argv);
	add_word(argv, prog->name, strlen(prog->name));
	if (x->direct)
		return;
	for (i = 0; i < b->ldflags.n; i++)
		add_word(argv, b->ldflags.v[i], strlen(b->ldflags.v[i]));
	add_libs(b, x, argv);
}

/*
 * Gold's command, with the program's object and libraries; with the
 * run's libdir, that directory in place of the compiler's and of
 * gold's own (-nostdlib), which come after them.
 */
static void
link_argv(const struct builder *b, const struct exbuild *x,
    struct words *argv)
{
	const char	*dir;
	char		*opt;
	int		 i, dirs = 0;

	memset(argv, 0, sizeof(*argv));
	for (i = 0; i < b->link.n; i++) {
		if (x->libdir && strncmp(b->link.v[i], "-L", 2) == 0) {
			if (dirs++ > 0)
				continue;
			dir = libdir_path(b->libdir);
			opt = xmalloc(strlen(dir) + 3);
			sprintf(opt, "-L%s", dir);
			add_word(argv, opt, strlen(opt));
			free(opt);
			continue;
		}
		if (strcmp(b->link.v[i], "-o") == 0 && i + 1 < b->link.n &&
		    strcmp(b->link.v[i + 1], "prog") == 0) {
			add_output(x, argv);
			i++;
			continue;
		}
		add_word(argv, b->link.v[i], strlen(b->link.v[i]));
		if (i == 0 && x->libdir)
			add_word(argv, "-nostdlib", 9);
		if (i == b->link_at)
			add_libs(b, x, argv);
	}
}

/*
 * Options with which gold would search otherwise than libdir.c
 * expects: statically, in a sysroot, with a script of the user's, or
 * with its search path given in another form.
 */
static int
searches_otherwise(const char *opt)
{
	static const char *const prefix[] = {
		"-Bstatic", "-static", "-dn", "-non_shared", "--sysroot",
		"-T", "--script", "--library", "-rpath-link", "-L=",
		"-L$SYSROOT", "-Y"
	};
	size_t	 i;

	if (strcmp(opt, "-L") == 0 || strcmp(opt, "-l") == 0)
		return 1;
	for (i = 0; i < sizeof(prefix) / sizeof(prefix[0]); i++)
		if (strncmp(opt, prefix[i], strlen(prefix[i])) == 0)
			return 1;
	return 0;
}

/*
 * The run's libdir, made at its first link with the links that gold's
 * own command needs; NULL when gold is to search the compiler's
 * directories.
 */
static struct libdir *
run_libdir(struct builder *b)
{
	struct words	 dirs;
	const char	*tmp;
	char		*path;
	int		 i, ok = 1;

	if (b->libdir_tried)
		return b->libdir;
	b->libdir_tried = 1;
	memset(&dirs, 0, sizeof(dirs));
	for (i = 0; i < b->link.n && ok; i++) {
		if (searches_otherwise(b->link.v[i]))
			ok = 0;
		else if (strncmp(b->link.v[i], "-L", 2) == 0)
			add_word(&dirs, b->link.v[i] + 2,
			    strlen(b->link.v[i] + 2));
	}
	if (ok && (tmp = run_tmp(b)) != NULL) {
		path = path_join(tmp, "lib");
		if (mkdir(path, 0700) == 0)
			b->libdir = libdir_new(dirs.v, dirs.n, path);
		free(path);
	}
	for (i = 0; i < b->link.n && b->libdir != NULL; i++)
		if (strncmp(b->link.v[i], "-l", 2) == 0 &&
		    libdir_add(b->libdir, b->link.v[i]) == -1) {
			libdir_free(b->libdir);
			b->libdir = NULL;
		}
	free_words(&dirs);
	return b->libdir;
}

/* Can gold search the run's libdir for this program's libraries? */
static int
use_libdir(struct builder *b, const struct exbuild *x)
{
	int	 i;

	if (run_libdir(b) == NULL)
		return 0;
	for (i = 0; i < x->ep->nlibs; i++)
		if (libdir_add(b->libdir, x->ep->libs[i]) == -1)
			return 0;
	for (i = 0; x->bsd && i < b->bsd_libs.n; i++)
		if (libdir_add(b->libdir, b->bsd_libs.v[i]) == -1)
			return 0;
	return 1;
}

/*
 * Can gold link the program without the driver?  The page's libraries
 * are -l options; libbsd's may hold options only the driver knows.
 */
static int
can_link_direct(const struct builder *b, const struct exbuild *x)
{
	int	 i;

	if (b->link.n == 0)
		return 0;
	for (i = 0; x->bsd && i < b->bsd_libs.n; i++)
		if (strncmp(b->bsd_libs.v[i], "-l", 2) != 0)
			return 0;
	return 1;
}

#ifdef SPAWN_CHDIR
/*
 * Start argv in dir with in as its input (unless it is -1), out and err
 * as its outputs, or return -1 (errno set).
 */
static pid_t
run_in(const struct builder *b, const char *dir, int in, int out, int err,
    char *const argv[])
{
	posix_spawn_file_actions_t	 fa;
	pid_t				 pid;
	int				 e;

	if ((e = posix_spawn_file_actions_init(&fa)) != 0) {
		errno = e;
		return -1;
	}
	if ((e = SPAWN_CHDIR(&fa, dir)) == 0 && (in == -1 ||
	    (e = posix_spawn_file_actions_adddup2(&fa, in,
	    STDIN_FILENO)) == 0) &&
	    (e = posix_spawn_file_actions_adddup2(&fa, out,
	    STDOUT_FILENO)) == 0 &&
	    (e = posix_spawn_file_actions_adddup2(&fa, err,
	    STDERR_FILENO)) == 0)
		e = posix_spawnp(&pid, argv[0], &fa, NULL, argv, b->env.v);
	posix_spawn_file_actions_destroy(&fa);
	if (e != 0) {
		errno = e;
		return -1;
	}
	return pid;
}
#else
static pid_t
run_in(const struct builder *b, const char *dir, int in, int out, int err,
    char *const argv[])
{
	pid_t	 pid;

	fflush(NULL);
	if ((pid = fork()) != 0)
		return pid;
	environ = b->env.v;
	if (chdir(dir) == -1 || (in != -1 && dup2(in, STDIN_FILENO) == -1) ||
	    dup2(out, STDOUT_FILENO) == -1 || dup2(err, STDERR_FILENO) == -1)
		_exit(127);
	execvp(argv[0], argv);
	dprintf(STDERR_FILENO, "manlint: cannot run %s: %s\n", argv[0],
	    strerror(errno));
	_exit(127);
}
#endif

/*
 * Run argv in the build directory with in as its input (unless -1), out
 * as its output and err ("result") for its errors.  Returns its process
 * ID, or -1 having said why in err.
 */
static pid_t
run_with(const struct builder *b, const struct exbuild *x, int in, int out,
    int err, char *const argv[])
{
	pid_t	 pid;
	int	 e;

	if ((pid = run_in(b, work_dir(x), in, out, err, argv)) == -1) {
		e = errno;
		dprintf(err, "manlint: cannot run %s: %s\n", argv[0],
		    strerror(e));
		errno = e;
	}
	return pid;
}

/*
 * Run argv in the build directory, appending what it prints to
 * "result".  Returns its process ID, or -1 having said why in "result"
 * when it can.
 */
static pid_t
spawn(const struct builder *b, const struct exbuild *x, struct words *argv)
{
	char	*path;
	pid_t	 pid;
	int	 fd;

	path = path_join(x->dir, "result");
	fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
	free(path);
	if (fd == -1)
		return -1;
	pid = run_with(b, x, -1, fd, fd, argv->v);
	close(fd);
	return pid;
}

/*
 * Compile as the driver would with -pipe: cc1's assembly goes through
 * a pipe to the assembler, and both print to "result".  Returns cc1's
 * process ID (the assembler's is x->as_pid), or -1.
 */
static pid_t
spawn_piped(const struct builder *b, struct exbuild *x,
    const struct exfile *prog)
{
	char	*path, *src;
	pid_t	 pid;
	int	 fd, p[2];

	path = path_join(x->dir, "result");
	fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
	free(path);
	if (fd == -1)
		return -1;
	if (pipe(p) == -1 || fcntl(p[0], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(p[1], F_SETFD, FD_CLOEXEC) == -1) {
		close(fd);
		return -1;
	}
	src = b->cc1.v[b->cc1_src];
	b->cc1.v[b->cc1_src] = prog->name;
	pid = run_with(b, x, -1, p[1], fd, b->cc1.v);
	b->cc1.v[b->cc1_src] = src;
	x->as_pid = 0;
	x->as_status = 0;
	if (pid != -1 && (x->as_pid = run_with(b, x, p[0], fd, fd,
	    b->as.v)) == -1) {
		/* cc1 stops at the closed pipe. */
		x->as_pid = 0;
		x->as_status = 127 << 8;
	}
	close(p[0]);
	close(p[1]);
	close(fd);
	return pid;
}

/*
 * Write the status over the first line of "result", which start() left
 * for it: the status has a fixed width.
 */
static int
put_status(const char *path, int st)
{
	char	 head[STATUS_LEN + 1];
	int	 fd;

	snprintf(head, sizeof(head), STATUS_FMT, st);
	if ((fd = open(path, O_WRONLY | O_CLOEXEC)) == -1)
		return -1;
	if (pwrite(fd, head, STATUS_LEN, 0) != STATUS_LEN) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/*
 * Keep the status in the file "result", after which the compiler and
 * the linker wrote what they said, where a later run finds them.
 */
static void
finish(struct exbuild *x, int st)
{
	char		*path, *s, *nl;

	drop_work(x);
	x->state = B_DONE;
	x->status = st;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		x->prog = path_join(x->dir, "prog");
	/* A compiler that could not start, or was killed, proves
	 * nothing about the program: such results are not kept. */
	x->keep = !x->temp && WIFEXITED(st) && WEXITSTATUS(st) != 127;
	path = path_join(x->dir, "result");
	if (x->keep && put_status(path, st) == -1)
		x->keep = 0;
	if ((s = read_file(path, NULL)) != NULL &&
	    (nl = strchr(s, '\n')) != NULL)
		x->log = xstrdup(nl + 1);
	else
		x->log = xstrdup("");
	free(s);
	free(path);
	if (!x->keep)
		x->temp = 1;
}

/* The file "result", with room for the status on its first line. */
static int
new_result(const struct exbuild *x)
{
	char	*path, head[STATUS_LEN + 1];
	int	 rc;

	snprintf(head, sizeof(head), STATUS_FMT, -1);
	path = path_join(x->dir, "result");
	rc = write_file(path, head, STATUS_LEN, 0644);
	free(path);
	return rc;
}

/* Start the compiler on a program, its output going to "result". */
static void
start(struct builder *b, struct exfile *f)
{
	struct exbuild	*x = f->build;
	struct words	 argv;
	pid_t		 pid;

	if (build_dir(b, x) == -1) {
		give_up(x, "cannot make a build directory", errno);
		return;
	}
	if (write_sources(x, f) == -1) {
		give_up(x, "cannot write the sources", errno);
		return;
	}
	if (new_result(x) == -1) {
		give_up(x, "cannot write the compiler's log", errno);
		return;
	}
	x->direct = can_link_direct(b, x);
	/* libbsd's flags would change the driver's answer. */
	x->piped = x->direct && !x->bsd && b->cc1.n > 0;
	if (x->piped)
		pid = spawn_piped(b, x, f);
	else {
		compile_argv(b, x, f, &argv);
		pid = spawn(b, x, &argv);
		free_words(&argv);
	}
	if (pid == -1) {
		finish(x, 127 << 8);
		return;
	}
	x->pid = pid;
	x->state = B_RUNNING;
	b->running = xreallocarray(b->running, b->nrunning + 1,
	    sizeof(*b->running));
	b->running[b->nrunning++] = f;
}

static void
start_queued(struct builder *b)
{
	while (b->nrunning < b->jobs && b->qhead < b->nqueue)
		start(b, b->queue[b->qhead++]);
	if (b->qhead == b->nqueue)
		b->qhead = b->nqueue = 0;
}

/*
 * A compiler or linker has exited: a program compiled on its own is
 * linked next, in the same job.
 */
static void
exited(struct builder *b, int i, int st)
{
	struct exbuild	*x = b->running[i]->build;
	struct words	 argv;
	char		*obj;
	pid_t		 pid;

	if (x->direct && !x->linking && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0) {
		x->linking = 1;
		x->libdir = use_libdir(b, x);
		link_argv(b, x, &argv);
		pid = spawn(b, x, &argv);
		free_words(&argv);
		if (pid != -1) {
			x->pid = pid;
			return;
		}
		st = 127 << 8;
	}
	if (x->direct && x->work == NULL) {
		obj = path_join(x->dir, OBJECT);
		if (unlink(obj) == -1 && errno != ENOENT)
			x->temp = 1;
		free(obj);
	}
	b->running[i] = b->running[--b->nrunning];
	finish(x, st);
}

/*
 * Move the run's builds into the cache, after their files are on disk:
 * an entry is visible only once it is whole.
 */
static void
store_all(struct builder *b)
{
	char	*entry;
	int	 i, bad = 0;
#ifdef __linux__
	int	 fd;

	if ((fd = open(b->cache, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    syncfs(fd) == -1)
		bad = 1;
	if (fd != -1)
		close(fd);
#else
	sync();
#endif
	for (i = 0; i < b->nstore; i++) {
		entry = path_join(b->cache, b->store[i].key);
		/* Another run may have stored the same entry first. */
		if ((bad || rename(b->store[i].dir, entry) == -1) &&
		    rm_tree(b->store[i].dir) == -1)
			fprintf(stderr, "manlint: cannot remove %s: %s\n",
			    b->store[i].dir, strerror(errno));
		free(entry);
		free(b->store[i].dir);
	}
	free(b->store);
	b->store = NULL;
	b->nstore = 0;
}

/*
 * A process of a build has exited.  The build goes on when both cc1
 * and the assembler have, with the status the driver would give: the
 * assembler's if it could not start, else cc1's if it failed, else the
 * assembler's.
 */
static void
process_exited(struct builder *b, int i, pid_t pid, int st)
{
	struct exbuild	*x = b->running[i]->build;

	if (!x->piped) {
		exited(b, i, st);
		return;
	}
	if (pid == x->as_pid) {
		x->as_pid = 0;
		x->as_status = st;
	} else {
		x->pid = 0;
		x->cc1_status = st;
	}
	if (x->pid != 0 || x->as_pid != 0)
		return;
	x->piped = 0;
	st = x->as_status;
	if ((!WIFEXITED(st) || WEXITSTATUS(st) != 127) &&
	    (!WIFEXITED(x->cc1_status) || WEXITSTATUS(x->cc1_status) != 0))
		st = x->cc1_status;
	exited(b, i, st);
}

static void
reap(struct builder *b, int flags)
{
	pid_t	 pid;
	int	 i, st;

	while (b->nrunning > 0) {
		if ((pid = waitpid(-1, &st, flags)) == -1) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "manlint: waitpid: %s\n",
			    strerror(errno));
			exit(2);
		}
		if (pid == 0)
			break;
		for (i = 0; i < b->nrunning; i++)
			if (b->running[i]->build->pid == pid ||
			    b->running[i]->build->as_pid == pid) {
				process_exited(b, i, pid, st);
				break;
			}
		start_queued(b);
		if (flags == 0)
			break;
	}
	start_queued(b);
}

void
build_poll(struct builder *b)
{
	reap(b, WNOHANG);
}

void
build_wait(struct builder *b)
{
	if (b->nrunning == 0)
		start_queued(b);
	if (b->nrunning > 0)
		reap(b, 0);
}

void
build_add(struct builder *b, struct expage *ep)
{
	struct exbuild	*x;
	struct exfile	*f;
	char		*entry;
	int		 i;

	for (i = 0; i < ep->nfiles; i++) {
		f = &ep->files[i];
		if (f->header)
			continue;
		x = f->build = xcalloc(1, sizeof(*x));
		x->ep = ep;
		x->bsd = uses_bsd(ep, f) && have_bsd(b);
		program_key(b, ep, f, x->key);
		if (b->cache != NULL) {
			entry = path_join(b->cache, x->key);
			if (load_entry(x, entry) == 0) {
				x->dir = entry;
				x->state = B_DONE;
				continue;
			}
			/* A broken entry is built again. */
			if (access(entry, F_OK) == 0)
				rm_tree(entry);
			free(entry);
		}
		x->state = B_QUEUED;
		if (b->nqueue == b->qcap) {
			b->qcap = b->qcap ? b->qcap * 2 : 16;
			b->queue = xreallocarray(b->queue, b->qcap,
			    sizeof(*b->queue));
		}
		b->queue[b->nqueue++] = f;
	}
	start_queued(b);
}

int
build_ready(const struct expage *ep)
{
	int	 i;

	for (i = 0; i < ep->nfiles; i++)
		if (!ep->files[i].header && ep->files[i].build != NULL &&
		    ep->files[i].build->state != B_DONE)
			return 0;
	return 1;
}

const char *
build_program(const struct exfile *f)
{
	return f->build != NULL && f->build->state == B_DONE ?
	    f->build->prog : NULL;
}

const char *
build_log(const struct exfile *f, int *status)
{
	if (f->build == NULL || f->build->state != B_DONE)
		return NULL;
	*status = f->build->status;
	return f->build->log;
}

void
build_release(struct builder *b, struct expage *ep)
{
	struct exbuild	*x;
	int		 i;

	for (i = 0; i < ep->nfiles; i++) {
		if ((x = ep->files[i].build) == NULL)
			continue;
		if (x->keep) {
			b->store = xreallocarray(b->store, b->nstore + 1,
			    sizeof(*b->store));
			b->store[b->nstore].dir = x->dir;
			memcpy(b->store[b->nstore++].key, x->key,
			    sizeof(x->key));
			x->dir = NULL;
		} else if (x->temp && x->dir != NULL && rm_tree(x->dir) == -1)
			fprintf(stderr, "manlint: cannot remove %s: %s\n",
			    x->dir, strerror(errno));
		free(x->dir);
		free(x->log);
		free(x->prog);
		free(x);
		ep->files[i].build = NULL;
	}
}

void
build_free(struct builder *b)
{
	if (b == NULL)
		return;
	while (b->nrunning > 0)
		build_wait(b);
	if (b->nstore > 0)
		store_all(b);
	libdir_free(b->libdir);
	if (b->tmp != NULL && rm_tree(b->tmp) == -1)
		fprintf(stderr, "manlint: cannot remove %s: %s\n", b->tmp,
		    strerror(errno));
	free(b->tmp);
	free(b->cache);
	free_words(&b->cc);
	free_words(&b->flags);
	free_words(&b->ldflags);
	free_words(&b->link);
	free_words(&b->cc1);
	free_words(&b->as);
	free_words(&b->bsd_cflags);
	free_words(&b->bsd_libs);
	free_words(&b->env);
	free(b->queue);
	free(b->running);
	free(b);
}
