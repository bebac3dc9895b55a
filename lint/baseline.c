/*
 * Reading, matching and writing baselines.  The file is text, one
 * diagnostic a line: FILE, RULE and FINGERPRINT (16 hex digits)
 * separated by tabs; a tab, newline or backslash in FILE is written
 * \t, \n or \\.  Lines starting with # are comments.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "diag.h"
#include "src.h"
#include "util.h"

#define HEADER	"# manlint baseline: file, rule and line fingerprint " \
		"of each diagnostic"

/* An entry recorded in this run. */
struct rec {
	char		*path;
	const char	*rule;
	uint64_t	 fp;
};

/* Known entries: a hash table of keys with how many are left. */
struct slot {
	uint64_t	 key;
	unsigned int	 left;
};

struct baseline {
	char		*path;
	int		 recording;
	struct slot	*tab;
	size_t		 cap, n;
	struct rec	*rec;
	size_t		 nrec;
};

static uint64_t
fnv(uint64_t h, const char *p, size_t len)
{
	while (len-- > 0)
		h = (h ^ (unsigned char)*p++) * 1099511628211ULL;
	return h;
}

#define FNV_START	1469598103934665603ULL

uint64_t
baseline_fingerprint(const struct diag *d)
{
	const struct srcline	*sl;
	const char		*p = "", *id = rule_get(d->rule)->id;
	size_t			 len = 0;

	if (d->line >= 1 && d->line <= d->file->nlines && !d->file->binary) {
		sl = &d->file->lines[d->line - 1];
		p = d->file->buf + sl->off;
		len = sl->len;
		while (len > 0 && (*p == ' ' || *p == '\t'))
			p++, len--;
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
	}
	return fnv(fnv(FNV_START, id, strlen(id) + 1), p, len);
}

static uint64_t
key(const char *path, const char *rule, uint64_t fp)
{
	char	 hex[17];
	uint64_t h;

	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)fp);
	h = fnv(FNV_START, path, strlen(path) + 1);
	h = fnv(h, rule, strlen(rule) + 1);
	h = fnv(h, hex, 16);
	return h ? h : 1;
}

static struct slot *
lookup(struct baseline *b, uint64_t k)
{
	size_t	 j;

	for (j = k % b->cap; b->tab[j].key != 0; j = (j + 1) % b->cap)
		if (b->tab[j].key == k)
			return &b->tab[j];
	return &b->tab[j];
}

static void
insert(struct baseline *b, uint64_t k)
{
	struct slot	*old = b->tab, *s;
	size_t		 i, oldcap = b->cap;

	if ((b->n + 1) * 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->tab = xcalloc(b->cap, sizeof(*b->tab));
		for (i = 0; i < oldcap; i++)
			if (old[i].key != 0)
				*lookup(b, old[i].key) = old[i];
		free(old);
	}
	s = lookup(b, k);
	if (s->key == 0) {
		s->key = k;
		b->n++;
	}
	s->left++;
}

/* Undo the escapes of a path in place; -1 if one is not known. */
static int
unescape(char *s)
{
	char	*w = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*w++ = *s;
			continue;
		}
		switch (*++s) {
		case 't':
			*w++ = '\t';
			break;
		case 'n':
			*w++ = '\n';
			break;
		case '\\':
			*w++ = '\\';
			break;
		default:
			return -1;
		}
	}
	*w = '\0';
	return 0;
}

/* One line of the file: FILE TAB RULE TAB FINGERPRINT. */
static int
read_entry(struct baseline *b, char *line)
{
	char		*rule, *fp, *end;
	uint64_t	 v;

	if ((rule = strchr(line, '\t')) == NULL)
		return -1;
	*rule++ = '\0';
	if ((fp = strchr(rule, '\t')) == NULL)
		return -1;
	*fp++ = '\0';
	if (unescape(line) == -1 || *rule == '\0' || strlen(fp) != 16)
		return -1;
	errno = 0;
	v = strtoull(fp, &end, 16);
	if (errno != 0 || *end != '\0')
		return -1;
	insert(b, key(line, rule, v));
	return 0;
}

static int
load(struct baseline *b, FILE *fp, FILE *err)
{
	char	*line = NULL;
	size_t	 sz = 0;
	ssize_t	 len;
	int	 ln = 0, rc = 0;

	while ((len = getline(&line, &sz, fp)) != -1) {
		ln++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (read_entry(b, line) == -1) {
			fprintf(err, "manlint: %s:%d: not a baseline entry "
			    "(FILE, RULE and FINGERPRINT separated by tabs)\n",
			    b->path, ln);
			rc = -1;
			break;
		}
	}
	if (rc == 0 && ferror(fp)) {
		fprintf(err, "manlint: %s: %s\n", b->path, strerror(errno));
		rc = -1;
	}
	free(line);
	return rc;
}

struct baseline *
baseline_open(const char *path, int update, FILE *err)
{
	struct baseline	*b;
	FILE		*fp = NULL;

	b = xcalloc(1, sizeof(*b));
	b->path = xstrdup(path);
	if (!update && (fp = fopen(path, "r")) == NULL && errno != ENOENT) {
		fprintf(err, "manlint: %s: %s\n", path, strerror(errno));
		baseline_close(b, err);
		return NULL;
	}
	if (fp == NULL) {
		b->recording = 1;
		return b;
	}
	if (load(b, fp, err) == -1) {
		fclose(fp);
		baseline_close(b, err);
		return NULL;
	}
	fclose(fp);
	return b;
}

int
baseline_recording(const struct baseline *b)
{
	return b->recording;
}

int
baseline_take(struct baseline *b, const struct diag *d)
{
	struct rec	*r;
	struct slot	*s;
	const char	*id = rule_get(d->rule)->id;
	uint64_t	 fp = baseline_fingerprint(d);

	if (b->recording) {
		b->rec = xreallocarray(b->rec, b->nrec + 1, sizeof(*b->rec));
		r = &b->rec[b->nrec++];
		r->path = xstrdup(d->file->path);
		r->rule = id;
		r->fp = fp;
		return 1;
	}
	if (b->cap == 0)
		return 0;
	s = lookup(b, key(d->file->path, id, fp));
	if (s->key == 0 || s->left == 0)
		return 0;
	s->left--;
	return 1;
}

static void
put_path(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\t')
			fputs("\\t", fp);
		else if (*s == '\n')
			fputs("\\n", fp);
		else if (*s == '\\')
			fputs("\\\\", fp);
		else
			putc(*s, fp);
	}
}

/* Make the rename itself last, as far as the file system allows. */
static void
sync_dir(const char *dir)
{
	int	 fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) == -1)
		return;
	(void)fsync(fd);
	close(fd);
}

static int
write_file(const struct baseline *b, FILE *err)
{
	char		*tmp, *dir, *slash;
	FILE		*fp;
	size_t		 i;
	mode_t		 mask;
	int		 fd, bad;

	dir = xstrdup(b->path);
	if ((slash = strrchr(dir, '/')) != NULL)
		slash[slash == dir ? 1 : 0] = '\0';
	else
		strcpy(dir, ".");
	tmp = xmalloc(strlen(dir) + 24);
	sprintf(tmp, "%s/.manlint-baseline.XXXXXX", dir);
	if ((fd = mkstemp(tmp)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		fprintf(err, "manlint: %s: %s\n", tmp, strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		free(dir);
		return -1;
	}
	fprintf(fp, "%s\n", HEADER);
	for (i = 0; i < b->nrec; i++) {
		put_path(fp, b->rec[i].path);
		fprintf(fp, "\t%s\t%016llx\n", b->rec[i].rule,
		    (unsigned long long)b->rec[i].fp);
	}
	/* The mode a new file would have had, not mkstemp's 0600. */
	mask = umask(0);
	umask(mask);
	bad = fflush(fp) == EOF || ferror(fp) ||
	    fchmod(fd, 0666 & ~mask) == -1 || fsync(fd) == -1;
	bad |= fclose(fp) == EOF;
	if (bad || rename(tmp, b->path) == -1) {
		fprintf(err, "manlint: %s: %s\n", b->path, strerror(errno));
		unlink(tmp);
		free(tmp);
		free(dir);
		return -1;
	}
	sync_dir(dir);
	free(tmp);
	free(dir);
	return 0;
}

long
baseline_close(struct baseline *b, FILE *err)
{
	long	 n = 0;
	size_t	 i;

	if (b->recording)
		n = write_file(b, err) == -1 ? -1 : (long)b->nrec;
	for (i = 0; i < b->nrec; i++)
		free(b->rec[i].path);
	free(b->rec);
	free(b->tab);
	free(b->path);
	free(b);
	return n;
}
