/*
 * libFuzzer target: one page, given as bytes, goes the way a page
 * named on the command line goes (read, parsed, every rule run, the
 * diagnostics printed), with every rule on and no per-rule limit.
 * Its example programs and sessions are extracted as --examples and
 * --extract-examples do, but not built or run.  The output format
 * goes by the input's length, so that every format is fuzzed.
 *
 * The page is written to DIR/man7/fuzz.7 and read back with
 * src_read(), so that the reading code is fuzzed too; DIR/man7 also
 * holds a small page for .so to find, and .so of the page itself is a
 * loop.  DIR is a fresh directory under $TMPDIR.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../arena.h"
#include "../check.h"
#include "../diag.h"
#include "../example.h"
#include "../format.h"
#include "../prose.h"
#include "../src.h"
#include "../suppress.h"
#include "../tree.h"
#include "../util.h"
#include "common.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char		 page[PATH_MAX];

static void
write_file(const char *path, const void *buf, size_t len)
{
	int	 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1)
		fuzz_die(path);
	if (len > 0 && write(fd, buf, len) != (ssize_t)len)
		fuzz_die(path);
	if (close(fd) == -1)
		fuzz_die(path);
}

/* The shipped prose rules sit in ../rules beside this program. */
static void
load_prose(const char *argv0)
{
	char		 exe[PATH_MAX], rules[PATH_MAX + 32], *slash;
	const char	*env;
	ssize_t		 n;

	if ((env = getenv("MANLINT_RULES")) != NULL) {
		if (prose_load(env, stderr) == -1)
			exit(1);
		return;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		n = snprintf(exe, sizeof(exe), "%s", argv0);
	if (n <= 0 || (size_t)n >= sizeof(exe))
		fuzz_die("readlink /proc/self/exe");
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		snprintf(exe, sizeof(exe), ".");
	else
		*slash = '\0';
	snprintf(rules, sizeof(rules), "%s/../rules/prose.rules", exe);
	if (prose_load(rules, stderr) == -1)
		exit(1);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char inc[] = ".SH NAME\ninc \\- included\n"
	    ".SH DESCRIPTION\nSee\n.BR fuzz (7).\n";
	char		 dir[PATH_MAX], sub[PATH_MAX];

	(void)argc;
	mac_init();
	load_prose((*argv)[0]);
	fuzz_setup();
	fuzz_cfg.max_per_rule = 0;
	fuzz_tmpdir(dir, sizeof(dir));
	snprintf(sub, sizeof(sub), "%s/man7", dir);
	if (mkdir(sub, 0755) == -1)
		fuzz_die(sub);
	snprintf(page, sizeof(page), "%s/inc.7", sub);
	write_file(page, inc, sizeof(inc) - 1);
	snprintf(page, sizeof(page), "%s/fuzz.7", sub);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diaglist	 dl;
	struct srcfile	*f;
	struct page	*pg = NULL;
	struct expage	*ep;
	char		 err[512];
	size_t		 len;
	int		 i;

	write_file(page, data, size);
	memset(&dl, 0, sizeof(dl));
	fuzz_cfg.format = (enum format)(size % (FMT_CHECKSTYLE + 1));
	format_begin(fuzz_sink, &fuzz_cfg);
	if ((f = src_read(page, err, sizeof(err))) == NULL)
		fuzz_die(err);
	if (!f->toolarge && !f->binary) {
		supp_check(f, &dl, &fuzz_cfg);
		pg = page_parse(f, &dl, &fuzz_cfg);
	}
	if (pg != NULL) {
		check_page(pg, &dl, &fuzz_cfg);
		if ((ep = example_extract(pg, &dl, &fuzz_cfg)) != NULL) {
			for (i = 0; i < ep->nfiles; i++) {
				free(example_text(&ep->files[i], &len));
				if (!ep->files[i].header)
					free(example_progname(&ep->files[i]));
			}
			example_free(ep);
		}
	}
	diag_flush(&dl, &fuzz_cfg, &fuzz_stats, fuzz_sink);
	format_end(fuzz_sink, &fuzz_cfg, 1);
	page_free(pg);
	src_free(f);
	free(dl.v);
	/* Each input is a run of its own: forget what was printed. */
	diag_reset_seen();
	arena_release();
	return 0;
}
