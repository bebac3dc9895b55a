/*
 * Whole-file and directory-tree helpers.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

char *
make_tmpdir(const char *prefix)
{
	const char	*t;
	char		*path;

	if ((t = getenv("TMPDIR")) == NULL || *t != '/')
		t = "/tmp";
	path = xmalloc(strlen(t) + strlen(prefix) + 9);
	sprintf(path, "%s/%s.XXXXXX", t, prefix);
	if (mkdtemp(path) == NULL) {
		free(path);
		return NULL;
	}
	return path;
}
