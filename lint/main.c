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
#include "exrun.h"
#include "mail.h"
#include "patch.h"
#include "prose.h"
#include "src.h"
#include "tree.h"
#include "util.h"

#define VERSION	"0.1"

/* An --enable or --disable, applied in command line order. */
struct toggle {
	char		*list;
	int		 on;
};

struct run {
	struct config	 cfg;
	struct run_stats stats;
	struct diaglist	 dl;
	int		 ioerr;
	int		 print_stats;
	struct exrun	*ex;		/* --examples, --extract-examples */
	struct ptree	*tree;		/* --diff: where patches are applied */
	struct patched	*pt;		/* --diff: the page being linted */
};

static void
lint_file(struct run *r, const char *path)
{
	struct srcfile	*f;
	struct page	*pg = NULL;
	char		 err[512];

	if ((f = src_read(path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "manlint: %s: cannot read: %s\n", path, err);
		r->ioerr = 1;
		return;
	}
	if (r->pt != NULL)
		patched_show(r->pt, f);
	if (f->toolarge)
		diag_add(&r->dl, &r->cfg, f, 1, 1, R_FILE_TOO_LARGE,
		    "file is over %zu MiB; not checked",
		    SRC_MAX_BYTES / (1024 * 1024));
	else if (f->binary)
		diag_add(&r->dl, &r->cfg, f, 1, 1, R_FILE_BINARY,
		    "not a text file; not checked");
	else
		pg = page_parse(f, &r->dl, &r->cfg);
	if (pg != NULL)
		check_page(pg, &r->dl, &r->cfg);
	if (r->ex != NULL) {
		/* The page waits there for its examples. */
		exrun_page(r->ex, f, pg, &r->dl);
		return;
	}
	if (pg != NULL) {
		/* Included files must outlive the diagnostics naming them. */
		if (r->pt != NULL)
			patched_filter(r->pt, &r->dl);
		diag_flush(&r->dl, &r->cfg, &r->stats, stdout);
		page_free(pg);
	}
	if (r->pt != NULL)
		patched_filter(r->pt, &r->dl);
	diag_flush(&r->dl, &r->cfg, &r->stats, stdout);
	src_free(f);
}

/*
 * --diff: check the mail, apply its patch in the temporary tree, and
 * lint the pages it changes, keeping what is said of the lines it adds.
 */
static void
lint_diff(struct run *r, const char *path)
{
	struct srcfile	*f;
	struct mail	 m;
	struct patch	 p;
	struct patched	*pages;
	size_t		 n, i;
	char		 err[512];

	if ((f = src_read(path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "manlint: %s: cannot read: %s\n", path, err);
		r->ioerr = 1;
		return;
	}
	mail_read(&m, f);
	if (m.diff == m.n && !m.headers && f->nlines > 0) {
		/* Not a cover letter, not an empty diff: a wrong file. */
		fprintf(stderr, "manlint: %s: no diff found\n", path);
		r->ioerr = 1;
	}
	patch_parse(&p, &m);
	mail_check(&m, &p, f, &r->dl, &r->cfg);
	if (ptree_apply(r->tree, &p, f, &r->dl, &r->cfg, &pages, &n) == -1)
		r->ioerr = 1;
	diag_flush(&r->dl, &r->cfg, &r->stats, stdout);
	for (i = 0; i < n; i++) {
		r->pt = &pages[i];
		lint_file(r, pages[i].tmp);
	}
	r->pt = NULL;
	patched_free(pages, n);
	patch_free(&p);
	mail_free(&m);
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
	    "  --examples            also build the example programs and run\n"
	    "                        their shell sessions in a sandbox\n"
	    "  --werror              build them with -Werror\n"
	    "  --sanitize            build them with -fsanitize=address,undefined\n"
	    "  -j, --jobs N          compilers run at a time (default: CPUs)\n"
	    "  --extract-examples DIR  write the example programs into DIR\n"
	    "  --diff                the paths are patches (- for stdin):\n"
	    "                        check each mail, apply its patch to\n"
	    "                        copies of the pages, report on added lines\n"
	    "  --base DIR            with --diff, read the pages from DIR\n"
	    "  --profile NAME        man-pages (default) or portable\n"
	    "  --rules FILE          add the prose rules of FILE\n"
	    "  --max-per-rule N      show at most N diagnostics of a rule per\n"
	    "                        file (default 3; 0 shows all)\n"
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
			for (i = 0; i < rule_count(); i++)
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
	OPT_FORMAT, OPT_STATS, OPT_RULESPAGE, OPT_VERSION, OPT_RULES,
	OPT_PROFILE, OPT_MAXPERRULE
};

/* The example runner's options. */
enum {
	OPT_EXAMPLES = 512, OPT_WERROR, OPT_SANITIZE, OPT_EXTRACT
};

/* Patch mode. */
enum {
	OPT_DIFF = 768, OPT_BASE
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
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "max-per-rule", required_argument, NULL, OPT_MAXPERRULE },
	{ "examples", no_argument, NULL, OPT_EXAMPLES },
	{ "werror", no_argument, NULL, OPT_WERROR },
	{ "sanitize", no_argument, NULL, OPT_SANITIZE },
	{ "jobs", required_argument, NULL, 'j' },
	{ "extract-examples", required_argument, NULL, OPT_EXTRACT },
	{ "diff", no_argument, NULL, OPT_DIFF },
	{ "base", required_argument, NULL, OPT_BASE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* The shipped prose rules, then the user's, in command line order. */
static int
load_rules(char **files, int n, const char *argv0)
{
	const char	*def;
	int		 i;

	if ((def = prose_default_path(argv0)) != NULL &&
	    prose_load(def, stderr) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (prose_load(files[i], stderr) == -1)
			return -1;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct run	 r;
	struct exrun_opts eo;
	struct toggle	*toggles = NULL;
	char		**rulefiles = NULL;
	const char	*explain = NULL, *argv0 = argv[0], *base = NULL;
	char		*end;
	int		 ch, i, rc, rule, action = 0, ntoggles = 0;
	int		 nrulefiles = 0, profile = PROF_MANPAGES, diff = 0;

	memset(&r, 0, sizeof(r));
	r.cfg.fail_on = LVL_STYLE;
	r.cfg.max_per_rule = 3;
	mac_init();
	memset(&eo, 0, sizeof(eo));
	eo.bo.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	while ((ch = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_LIST:
		case OPT_RULESPAGE:
			action = ch;
			break;
		case OPT_EXPLAIN:
			action = ch;
			explain = optarg;
			break;
		case OPT_VERSION:
			puts("manlint " VERSION);
			return 0;
		case OPT_ENABLE:
		case OPT_DISABLE:
			toggles = xreallocarray(toggles, ntoggles + 1,
			    sizeof(*toggles));
			toggles[ntoggles].list = optarg;
			toggles[ntoggles++].on = ch == OPT_ENABLE;
			break;
		case OPT_RULES:
			rulefiles = xreallocarray(rulefiles, nrulefiles + 1,
			    sizeof(*rulefiles));
			rulefiles[nrulefiles++] = optarg;
			break;
		case OPT_MAXPERRULE:
			r.cfg.max_per_rule = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' ||
			    r.cfg.max_per_rule < 0) {
				fprintf(stderr, "manlint: --max-per-rule takes "
				    "a number, 0 for no limit\n");
				return 2;
			}
			break;
		case OPT_PROFILE:
			if ((profile = profile_parse(optarg)) == 0) {
				fprintf(stderr, "manlint: --profile takes "
				    "man-pages or portable\n");
				return 2;
			}
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
		case OPT_EXAMPLES:
			eo.build = 1;
			break;
		case OPT_WERROR:
			eo.bo.werror = 1;
			break;
		case OPT_SANITIZE:
			eo.bo.sanitize = 1;
			break;
		case 'j':
			if ((eo.bo.jobs = atoi(optarg)) < 1 ||
			    eo.bo.jobs > 1024) {
				fprintf(stderr, "manlint: -j takes a number "
				    "from 1 to 1024\n");
				return 2;
			}
			break;
		case OPT_EXTRACT:
			eo.extract_dir = optarg;
			break;
		case OPT_DIFF:
			diff = 1;
			break;
		case OPT_BASE:
			base = optarg;
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
	rc = load_rules(rulefiles, nrulefiles, argv0);
	free(rulefiles);
	if (rc == -1) {
		free(toggles);
		return 2;
	}
	/* Rules start on by profile; --enable/--disable then apply. */
	r.cfg.enabled = xcalloc(rule_count(), 1);
	for (i = 0; i < rule_count(); i++)
		r.cfg.enabled[i] = (rule_get(i)->profiles & profile) != 0;
	for (i = 0; i < ntoggles; i++)
		if (set_rules(&r.cfg, toggles[i].list, toggles[i].on) == -1)
			return 2;
	free(toggles);
	switch (action) {
	case OPT_LIST:
		docs_list_rules(stdout);
		return 0;
	case OPT_RULESPAGE:
		docs_rules_page(stdout);
		return 0;
	case OPT_EXPLAIN:
		if ((rule = rule_lookup(explain)) == -1) {
			fprintf(stderr, "manlint: unknown rule: %s "
			    "(see --list-rules)\n", explain);
			return 2;
		}
		docs_explain(stdout, rule);
		return 0;
	default:
		break;
	}
	if (argc == 0) {
		usage(stderr);
		return 2;
	}
	if ((base != NULL && !diff) || (diff && (eo.build ||
	    eo.extract_dir != NULL))) {
		fprintf(stderr, "manlint: --base goes with --diff, which does "
		    "not go with --examples or --extract-examples\n");
		return 2;
	}
	if (diff && (r.tree = ptree_new(base)) == NULL)
		return 2;
	r.stats.count = xcalloc(rule_count(), sizeof(*r.stats.count));
	r.cfg.caret = r.cfg.format == FMT_GCC && isatty(STDOUT_FILENO);
	if (eo.build || eo.extract_dir != NULL) {
		eo.cfg = &r.cfg;
		eo.stats = &r.stats;
		eo.ioerr = &r.ioerr;
		if ((r.ex = exrun_new(&eo)) == NULL)
			return 2;
	}
	for (i = 0; i < argc; i++)
		if (diff)
			lint_diff(&r, argv[i]);
		else
			lint_path(&r, argv[i]);
	ptree_free(r.tree);
	exrun_end(r.ex);
	if (r.print_stats)
		for (i = 0; i < rule_count(); i++)
			if (r.stats.count[i] > 0)
				fprintf(stderr, "%8lu %s\n", r.stats.count[i],
				    rule_get(i)->id);
	free(r.dl.v);
	free(r.stats.count);
	free(r.cfg.enabled);
	diag_reset_seen();
	arena_release();
	prose_free();
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "manlint: write error: %s\n", strerror(errno));
		return 2;
	}
	return r.ioerr ? 2 : r.stats.failed ? 1 : 0;
}
