/*
 * libFuzzer target: a mail, an mbox or a patch, given as bytes, goes
 * the way --diff reads one (split into mails, each decoded, its diff
 * parsed, the mail's own rules run, the diagnostics printed).  Applying it to a copy of a tree is
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
#include "common.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char		 path[PATH_MAX];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char		 dir[PATH_MAX];

	(void)argc;
	(void)argv;
	fuzz_setup();
	fuzz_tmpdir(dir, sizeof(dir));
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
	int		 fd, from = 0, to;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1 ||
	    (size > 0 && write(fd, data, size) != (ssize_t)size) ||
	    close(fd) == -1)
		fuzz_die(path);
	if ((f = src_read(path, err, sizeof(err))) == NULL)
		fuzz_die(err);
	memset(&dl, 0, sizeof(dl));
	do {
		to = mail_next(f, from);
		mail_read(&m, f, from, to);
		patch_parse(&p, &m);
		(void)mail_check(&m, &p, f, &dl, &fuzz_cfg);
		diag_flush(&dl, &fuzz_cfg, &fuzz_stats, fuzz_sink);
		patch_free(&p);
		mail_free(&m);
		from = to;
	} while (from < f->nlines);
	src_free(f);
	free(dl.v);
	diag_reset_seen();
	return 0;
}
