/*
 * Reading pages.  The whole file is kept in memory: manual pages are
 * small, and the rules look back at physical lines by number.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src.h"
#include "util.h"

/*
 * Read everything from fd into *buf, up to the size limit.  A regular
 * file's size is known up front, so its buffer is allocated once, and
 * once that much is read no read is spent to find the end.
 */
static int
read_fd(int fd, char **buf, size_t *len, int *toolarge)
{
	struct stat	 st;
	size_t		 cap = 65536, size = SIZE_MAX;
	ssize_t		 n;

	*len = 0;
	*toolarge = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
		if ((size_t)st.st_size > SRC_MAX_BYTES) {
			*toolarge = 1;
			*buf = xcalloc(1, 1);
			return 0;
		}
		cap = (size_t)st.st_size + 1;
		size = (size_t)st.st_size;
	}
	*buf = xmalloc(cap + 1);
	for (;;) {
		if (*len > SRC_MAX_BYTES) {
			/*
			 * Stop: a device such as /dev/zero never ends.  A
			 * writer on a pipe gets EPIPE, as with head(1).
			 */
			*toolarge = 1;
			(*buf)[0] = '\0';
			return 0;
		}
		if (*len == size)
			break;
		if (*len == cap) {
			/* One byte past the limit is enough to know. */
			cap = cap > SRC_MAX_BYTES / 2 ? SRC_MAX_BYTES + 1 :
			    cap * 2;
			*buf = xrealloc(*buf, cap + 1);
		}
		n = read(fd, *buf + *len, cap - *len);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		*len += n;
	}
	(*buf)[*len] = '\0';
	return 0;
}

/* Run gzip -dc on path and read what it writes; the caller frees *buf. */
static int
read_gzip(const char *path, char **buf, size_t *len, int *toolarge,
    char *err, size_t errsz)
{
	int	 p[2], status, rc;
	pid_t	 pid;

	if (access(path, R_OK) == -1) {
		snprintf(err, errsz, "%s", strerror(errno));
		return -1;
	}
	if (pipe(p) == -1) {
		snprintf(err, errsz, "pipe: %s", strerror(errno));
		return -1;
	}
	if ((pid = fork()) == -1) {
		snprintf(err, errsz, "fork: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		if (dup2(p[1], STDOUT_FILENO) == -1)
			_exit(127);
		close(p[1]);
		execlp("gzip", "gzip", "-dc", "--", path, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	rc = read_fd(p[0], buf, len, toolarge);
	close(p[0]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			break;
	if (rc == -1) {
		snprintf(err, errsz, "read: %s", strerror(errno));
		return -1;
	}
	/* Left behind by a file too large, gzip dies of SIGPIPE. */
	if (!*toolarge && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
		snprintf(err, errsz, "gzip -dc failed (status %d)",
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return -1;
	}
	return 0;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * A file is binary when its first block holds NUL bytes or many
 * control characters; a stray NUL in a long text file is not enough.
 */
static int
looks_binary(const char *buf, size_t len)
{
	const uint64_t	 ones = 0x0101010101010101ULL;
	const uint64_t	 highs = 0x8080808080808080ULL;
	uint64_t	 w;
	size_t		 i, n = len < 1024 ? len : 1024, bad = 0, nul = 0;
	unsigned char	 c;

	for (i = 0; i < n; i++) {
		/* Eight bytes none of which is below 0x20 are passed at once. */
		if ((i & 7) == 0 && i + 8 <= n) {
			memcpy(&w, buf + i, 8);
			if (((w - 0x20 * ones) & ~w & highs) == 0) {
				i += 7;
				continue;
			}
		}
		if ((c = buf[i]) >= 0x20)
			continue;
		if (c == '\0')
			nul++;
		else if (c != '\n' && c != '\r' && c != '\t' && c != '\f' &&
		    c != '\b' && c != 033)
			bad++;
	}
	return n > 0 && (nul * 100 > n || (nul + bad) * 10 > n);
}

static void
index_lines(struct srcfile *f)
{
	const char	*buf = f->buf, *nl;
	size_t		 len = f->len, start = 0, end, cap;
	struct srcline	*lines, *sl;
	size_t		 maxlen = 0;
	int		 n = 0, blank_end = 0, crlf = 0, cr;
	char		 last;

	/* Lines of manual pages average some 26 bytes: rarely a realloc. */
	cap = len / 16 + 64;
	lines = xreallocarray(NULL, cap, sizeof(*lines));
	/*
	 * Kept in locals: stores to the index could alias f for all the
	 * compiler knows, and it would load f's fields again each line.
	 */
	while (start < len) {
		nl = memchr(buf + start, '\n', len - start);
		end = nl ? (size_t)(nl - buf) : len;
		if ((size_t)n == cap) {
			cap *= 2;
			lines = xreallocarray(lines, cap, sizeof(*lines));
		}
		/*
		 * The line's facts are found before it is stored: a store
		 * could change the bytes for all the compiler knows, and
		 * the last one would be loaded again for each question.
		 */
		last = end > start ? buf[end - 1] : '\0';
		cr = last == '\r';
		if (cr)
			last = end - 1 > start ? buf[end - 2] : '\0';
		crlf |= cr;
		/* Facts the checks ask of every line, found while here. */
		if (end - start - cr > maxlen)
			maxlen = end - start - cr;
		if (last == ' ' || last == '\t')
			blank_end = 1;
		sl = &lines[n++];
		sl->off = start;
		sl->cr = cr;
		sl->len = end - start - cr;
		start = end + 1;
	}
	f->lines = lines;
	f->nlines = n;
	f->maxlen = maxlen;
	f->blank_end = blank_end;
	f->crlf = crlf;
}

struct srcfile *
src_read(const char *path, char *err, size_t errsz)
{
	struct srcfile	*f;
	int		 fd, rc;

	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->real = xcalloc(1, sizeof(*f->real));
	if (strcmp(path, "-") == 0) {
		rc = read_fd(STDIN_FILENO, &f->buf, &f->len, &f->toolarge);
		if (rc == -1)
			snprintf(err, errsz, "%s", strerror(errno));
	} else if (ends_with(path, ".gz")) {
		rc = read_gzip(path, &f->buf, &f->len, &f->toolarge,
		    err, errsz);
	} else {
		if ((fd = open(path, O_RDONLY | O_NONBLOCK)) == -1) {
			snprintf(err, errsz, "%s", strerror(errno));
			rc = -1;
		} else {
			rc = read_fd(fd, &f->buf, &f->len, &f->toolarge);
			if (rc == -1)
				snprintf(err, errsz, "%s", strerror(errno));
			close(fd);
		}
	}
	if (rc == -1) {
		free(f->buf);
		free(f->real);
		free(f->path);
		free(f);
		return NULL;
	}
	if (f->toolarge)
		f->len = 0;
	f->binary = looks_binary(f->buf, f->len);
	if (!f->binary)
		index_lines(f);
	return f;
}

void
src_free(struct srcfile *f)
{
	if (f == NULL)
		return;
	free(f->path);
	free(*f->real);
	free(f->real);
	free(f->buf);
	free(f->lines);
	free(f);
}

const char *
src_real(const struct srcfile *f)
{
	char	 real[PATH_MAX];

	if (*f->real == NULL)
		*f->real = xstrdup(realpath(f->path, real) != NULL ? real :
		    f->path);
	return *f->real;
}

const char *
src_name_section(const char *path, char *buf, size_t bufsz)
{
	const char	*base, *dot, *end;
	size_t		 n;

	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	end = base + strlen(base);
	if (end - base > 3 && strcmp(end - 3, ".gz") == 0)
		end -= 3;
	for (dot = end; dot > base && dot[-1] != '.'; dot--)
		continue;
	if (dot == base || dot == end)
		return NULL;
	n = end - dot;
	if (n >= bufsz || dot[0] < '0' || dot[0] > '9')
		return NULL;
	memcpy(buf, dot, n);
	buf[n] = '\0';
	return buf;
}
