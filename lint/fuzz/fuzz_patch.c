/*
 * libFuzzer target: a mail or patch, given as bytes, goes the way
 * --diff reads one (decoded, its diff parsed, the mail's own rules
 * run, the diagnostics printed).  Applying it to a copy of a tree is
 * left out: that is file handling, not parsing.
 *
 * The input is written to a file in a fresh directory under $TMPDIR
 * and read back with src_read(), as the command line reads it.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../diag.h"
#include "../mail.h"
#include "../patch.h"
#include "../src.h"
#include "../util.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct config	 cfg;
static struct run_stats	 stats;
static FILE		*sink;
static char		 path[PATH_MAX];

static void
die(const char *what)
{
	perror(what);
	exit(1);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char		 dir[PATH_MAX];
	const char	*tmp;
	int		 i;

	(void)argc;
	(void)argv;
	cfg.enabled = xcalloc(rule_count(), 1);
	cfg.level = xcalloc(rule_count(), 1);
	for (i = 0; i < rule_count(); i++) {
		cfg.enabled[i] = 1;
		cfg.level[i] = (unsigned char)rule_get(i)->level;
	}
	cfg.fail_on = LVL_STYLE;
	stats.count = xcalloc(rule_count(), sizeof(*stats.count));
	if ((sink = fopen("/dev/null", "w")) == NULL)
		die("/dev/null");
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/manlint-fuzz.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL)
		die(dir);
	snprintf(path, sizeof(path), "%s/fuzz.patch", dir);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diaglist	 dl;
	struct srcfile	*f;
	struct mail	 m;
	struct patch	 p;
	char		 err[512];
	int		 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1 ||
	    (size > 0 && write(fd, data, size) != (ssize_t)size) ||
	    close(fd) == -1)
		die(path);
	if ((f = src_read(path, err, sizeof(err))) == NULL)
		die(err);
	memset(&dl, 0, sizeof(dl));
	memset(&m, 0, sizeof(m));
	memset(&p, 0, sizeof(p));
	mail_read(&m, f);
	patch_parse(&p, &m);
	mail_check(&m, &p, f, &dl, &cfg);
	diag_flush(&dl, &cfg, &stats, sink);
	patch_free(&p);
	mail_free(&m);
	src_free(f);
	free(dl.v);
	diag_reset_seen();
	return 0;
}
