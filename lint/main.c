/*
 * manlint: command line, walking the named files and directories, and
 * the exit status.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "check.h"
#include "diag.h"
#include "docs.h"
#include "src.h"
#include "tree.h"
#include "util.h"

#define VERSION	"0.1"

struct run {
	struct config	 cfg;
	struct run_stats stats;
	struct diaglist	 dl;
	int		 ioerr;
	int		 print_stats;
};

static void
lint_file(struct run *r, const char *path)
{
	struct srcfile	*f;
	struct page	*pg;
	char		 err[512];

	if ((f = src_read(path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "manlint: %s: cannot read: %s\n", path, err);
		r->ioerr = 1;
		return;
	}
	if (f->toolarge)
		diag_add(&r->dl, &r->cfg, f, 1, 1, R_FILE_TOO_LARGE,
		    "file is over %zu MiB; not checked",
		    SRC_MAX_BYTES / (1024 * 1024));
	else if (f->binary)
		diag_add(&r->dl, &r->cfg, f, 1, 1, R_FILE_BINARY,
		    "not a text file; not checked");
	else {
		pg = page_parse(f, &r->dl, &r->cfg);
		check_page(pg, &r->dl, &r->cfg);
		/* Included files must outlive the diagnostics naming them. */
		diag_flush(&r->dl, &r->cfg, &r->stats, stdout);
		page_free(pg);
	}
	diag_flush(&r->dl, &r->cfg, &r->stats, stdout);
	src_free(f);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Walk a directory in name order.  Symbolic links are not followed
 * inside a walk: in an installed manual tree they duplicate pages.
 */
static void
lint_dir(struct run *r, const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		**names = NULL, *path, sect[32];
	size_t		 n = 0, i;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "manlint: %s: cannot open directory: %s\n",
		    dir, strerror(errno));
		r->ioerr = 1;
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		path = xmalloc(strlen(dir) + strlen(names[i]) + 2);
		sprintf(path, "%s/%s", dir, names[i]);
		if (lstat(path, &st) == -1) {
			fprintf(stderr, "manlint: %s: %s\n", path,
			    strerror(errno));
			r->ioerr = 1;
		} else if (S_ISDIR(st.st_mode))
			lint_dir(r, path);
		else if (S_ISREG(st.st_mode) &&
		    src_name_section(names[i], sect, sizeof(sect)) != NULL)
			lint_file(r, path);
		free(path);
		free(names[i]);
	}
	free(names);
}

static void
lint_path(struct run *r, const char *path)
{
	struct stat	 st;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		lint_dir(r, path);
	else
		lint_file(r, path);
}

static void
usage(FILE *out)
{
	fputs("usage: manlint [options] FILE|DIR|- ...\n"
	    "  --list-rules          list every rule with its level\n"
	    "  --explain RULE        say what a rule checks and why\n"
	    "  --enable RULE[,...]   turn rules on (\"all\" for every rule)\n"
	    "  --disable RULE[,...]  turn rules off (\"all\" for every rule)\n"
	    "  --fail-on LEVEL       exit 1 on diagnostics at or above LEVEL:\n"
	    "                        style (default), warning, error, none\n"
	    "  --format gcc|json     output format (default gcc)\n"
	    "  --stats               print diagnostics per rule to stderr\n"
	    "  --rules-page          print the rules manual page, manlint-rules(7)\n"
	    "  --version             print the version\n", out);
}

static int
set_rules(struct config *cfg, char *list, int on)
{
	char	*id;
	int	 r, i;

	for (id = strtok(list, ","); id != NULL; id = strtok(NULL, ",")) {
		if (strcmp(id, "all") == 0) {
			for (i = 0; i < R__COUNT; i++)
				cfg->enabled[i] = on;
			continue;
		}
		if ((r = rule_lookup(id)) == -1) {
			fprintf(stderr, "manlint: unknown rule: %s "
			    "(see --list-rules)\n", id);
			return -1;
		}
		cfg->enabled[r] = on;
	}
	return 0;
}

enum {
	OPT_LIST = 256, OPT_EXPLAIN, OPT_ENABLE, OPT_DISABLE, OPT_FAILON,
	OPT_FORMAT, OPT_STATS, OPT_RULESPAGE, OPT_VERSION
};

static const struct option longopts[] = {
	{ "list-rules", no_argument, NULL, OPT_LIST },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "fail-on", required_argument, NULL, OPT_FAILON },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "rules-page", no_argument, NULL, OPT_RULESPAGE },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	struct run	 r;
	int		 ch, i, rule;

	memset(&r, 0, sizeof(r));
	for (i = 0; i < R__COUNT; i++)
		r.cfg.enabled[i] = 1;
	r.cfg.fail_on = LVL_STYLE;
	mac_init();
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_LIST:
			docs_list_rules(stdout);
			return 0;
		case OPT_EXPLAIN:
			if ((rule = rule_lookup(optarg)) == -1) {
				fprintf(stderr, "manlint: unknown rule: %s "
				    "(see --list-rules)\n", optarg);
				return 2;
			}
			docs_explain(stdout, rule);
			return 0;
		case OPT_RULESPAGE:
			docs_rules_page(stdout);
			return 0;
		case OPT_VERSION:
			puts("manlint " VERSION);
			return 0;
		case OPT_ENABLE:
		case OPT_DISABLE:
			if (set_rules(&r.cfg, optarg, ch == OPT_ENABLE) == -1)
				return 2;
			break;
		case OPT_FAILON:
			if (strcmp(optarg, "none") == 0)
				r.cfg.never_fail = 1;
			else if (level_parse(optarg, &r.cfg.fail_on) == -1) {
				fprintf(stderr, "manlint: --fail-on takes "
				    "style, warning, error or none\n");
				return 2;
			}
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "gcc") == 0)
				r.cfg.format = FMT_GCC;
			else if (strcmp(optarg, "json") == 0)
				r.cfg.format = FMT_JSON;
			else {
				fprintf(stderr, "manlint: --format takes gcc "
				    "or json\n");
				return 2;
			}
			break;
		case OPT_STATS:
			r.print_stats = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		usage(stderr);
		return 2;
	}
	r.cfg.caret = r.cfg.format == FMT_GCC && isatty(STDOUT_FILENO);
	for (i = 0; i < argc; i++)
		lint_path(&r, argv[i]);
	if (r.print_stats)
		for (i = 0; i < R__COUNT; i++)
			if (r.stats.count[i] > 0)
				fprintf(stderr, "%8lu %s\n", r.stats.count[i],
				    rule_table[i].id);
	free(r.dl.v);
	diag_reset_seen();
	arena_release();
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "manlint: write error: %s\n", strerror(errno));
		return 2;
	}
	return r.ioerr ? 2 : r.stats.failed ? 1 : 0;
}
