/*
 * Whole-file and directory-tree helpers.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "files.h"
#include "util.h"

int
mkdir_p(const char *path)
{
	char	*p, *s, c;
	int	 rc = 0;

	s = xstrdup(path);
	for (p = s + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(s, 0777) == -1 && errno != EEXIST) {
			rc = -1;
			break;
		}
		if (c == '\0')
			break;
		*p = '/';
	}
	free(s);
	return rc;
}

/*
 * Remove the entries of directory fd.  A program run in the sandbox
 * may have taken the permissions away from a directory it made, so
 * each directory is made accessible before it is read.
 */
static int
rm_entries(int fd)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	int		 sub, rc = 0;

	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1) {
			rc = -1;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			/* If this fails, opening it tells if it mattered. */
			(void)fchmodat(fd, de->d_name, 0700,
			    AT_SYMLINK_NOFOLLOW);
			if ((sub = openat(fd, de->d_name, O_RDONLY |
			    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) == -1 ||
			    rm_entries(sub) == -1)
				rc = -1;
			if (unlinkat(fd, de->d_name, AT_REMOVEDIR) == -1)
				rc = -1;
		} else if (unlinkat(fd, de->d_name, 0) == -1)
			rc = -1;
	}
	closedir(d);
	return rc;
}

int
rm_tree(const char *path)
{
	int	 fd;

	if (chmod(path, 0700) == -1 ||
	    (fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		return -1;
	if (rm_entries(fd) == -1)
		return -1;
	return rmdir(path);
}

int
write_file(const char *path, const char *data, size_t len, int mode)
{
	ssize_t	 w;
	int	 fd, saved;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    mode)) == -1)
		return -1;
	while (len > 0) {
		if ((w = write(fd, data, len)) == -1) {
			if (errno == EINTR)
				continue;
			saved = errno;
			close(fd);
			errno = saved;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return close(fd);
}

/* The process's umask, which can only be read by setting it. */
static mode_t
current_umask(void)
{
	mode_t	 m = umask(022);

	umask(m);
	return m;
}

/* Write len bytes of data to fd; -1 with errno set on failure. */
static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t	 w;

	while (len > 0) {
		if ((w = write(fd, data, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

int
write_file_atomic(const char *path, const char *data, size_t len,
    int mode)
{
	char	*tmp;
	int	 fd, saved;

	tmp = xmalloc(strlen(path) + 8);
	sprintf(tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		free(tmp);
		return -1;
	}
	/* mkstemp() makes it 0600; give it the mode open() would. */
	if (fchmod(fd, (mode_t)mode & ~current_umask()) == -1 ||
	    write_all(fd, data, len) == -1 || fsync(fd) == -1) {
		saved = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	if (close(fd) == -1 || rename(tmp, path) == -1) {
		saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	free(tmp);
	return 0;
}

char *
read_file(const char *path, size_t *lenp)
{
	char	*buf = NULL;
	size_t	 len = 0, cap = 0;
	ssize_t	 r;
	int	 fd, saved;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = xrealloc(buf, cap);
		}
		if ((r = read(fd, buf + len, cap - len - 1)) == -1) {
			if (errno == EINTR)
				continue;
			saved = errno;
			free(buf);
			close(fd);
			errno = saved;
			return NULL;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	buf[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return buf;
}

int
copy_file(const char *from, const char *to, int mode)
{
	char	*data;
	size_t	 len;
	int	 rc;

	if ((data = read_file(from, &len)) == NULL)
		return -1;
	rc = write_file(to, data, len, mode);
	free(data);
	return rc;
}

const char *
tmp_base(void)
{
	const char	*t;

	if ((t = getenv("TMPDIR")) == NULL || *t != '/')
		t = "/tmp";
	return t;
}

char *
make_tmpdir_in(const char *base, const char *prefix)
{
	char	*path;

	path = xmalloc(strlen(base) + strlen(prefix) + 32);
	sprintf(path, "%s/%s.%ld.XXXXXX", base, prefix, (long)getpid());
	if (mkdtemp(path) == NULL) {
		free(path);
		return NULL;
	}
	return path;
}

char *
make_tmpdir(const char *prefix)
{
	return make_tmpdir_in(tmp_base(), prefix);
}

/*
 * Is name prefix.PID.XXXXXX, made by a run that is gone?  Only a
 * directory of this user, not changed for STALE_SECONDS: a process
 * in another PID namespace looks gone, but a live run keeps its
 * directory busy.
 */
#define STALE_SECONDS	(15 * 60)

static int
is_stale(int dfd, const char *name, const char *prefix)
{
	struct stat	 st;
	const char	*p;
	char		*end;
	long		 pid;

	if (strncmp(name, prefix, strlen(prefix)) != 0)
		return 0;
	p = name + strlen(prefix);
	if (*p++ != '.' || *p < '1' || *p > '9')
		return 0;
	errno = 0;
	pid = strtol(p, &end, 10);
	if (errno != 0 || *end != '.' || pid <= 0 || pid == (long)getpid())
		return 0;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1 ||
	    !S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
	    st.st_mtime > time(NULL) - STALE_SECONDS)
		return 0;
	return kill((pid_t)pid, 0) == -1 && errno == ESRCH;
}

void
sweep_tmpdirs(const char *base, const char *prefix)
{
	DIR		*d;
	struct dirent	*de;
	char		*path;

	if ((d = opendir(base)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (!is_stale(dirfd(d), de->d_name, prefix))
			continue;
		path = path_join(base, de->d_name);
		/* Another run may sweep it at the same time: no error. */
		(void)rm_tree(path);
		free(path);
	}
	closedir(d);
}
