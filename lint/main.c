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
#include "baseline.h"
#include "check.h"
#include "config.h"
#include "diag.h"
#include "docs.h"
#include "exrun.h"
#include "format.h"
#include "jobs.h"
#include "mail.h"
#include "patch.h"
#include "prose.h"
#include "roff.h"
#include "src.h"
#include "suppress.h"
#include "tree.h"
#include "util.h"

/* An --enable or --disable of one rule (-1: all), in command line order. */
struct toggle {
	int		 rule;
	int		 on;
};

struct run {
	struct config	 cfg;
	struct run_stats stats;
	struct diaglist	 dl;
	int		 ioerr;
	int		 print_stats;
	struct exrun	*ex;		/* --examples, --extract-examples */
	char		**pages;	/* files to check, in order */
	size_t		 npages;
	int		 profile;	/* --profile, or 0 */
	int		 no_config;	/* --no-config */
	struct toggle	*toggles;
	int		 ntoggles;
	int		 diff;		/* --diff: the paths are patches */
	struct ptree	*tree;		/* --diff: where patches are applied */
	struct patched	*pt;		/* --diff: the page being linted */
	int		 jobs;		/* -j: threads checking pages */
	int		 def_profile;	/* the profile def_* are for, or 0 */
	unsigned char	*def_enabled;	/* its rules, one per rule */
	unsigned char	*def_level;
};

/*
 * The rules and levels for one page: its profile, then its rc file,
 * then --enable and --disable, which win over the file.
 */
static void
page_config(struct run *r, const struct rc *rc, const char *path)
{
	struct config	*cfg = &r->cfg;
	int		 i, j, prof = r->profile;

	if (prof == 0)
		prof = rc != NULL && rc_profile(rc) ? rc_profile(rc) :
		    PROF_MANPAGES;
	/* The profile's table, worked out once: pages mostly share it. */
	if (prof != r->def_profile) {
		for (i = 0; i < rule_count(); i++) {
			r->def_enabled[i] = (rule_get(i)->profiles & prof) != 0;
			r->def_level[i] = (unsigned char)rule_get(i)->level;
		}
		r->def_profile = prof;
	}
	memcpy(cfg->enabled, r->def_enabled, rule_count());
	memcpy(cfg->level, r->def_level, rule_count());
	rc_apply(rc, path, cfg->enabled, cfg->level);
	for (i = 0; i < r->ntoggles; i++)
		for (j = 0; j < rule_count(); j++)
			if (r->toggles[i].rule == -1 || r->toggles[i].rule == j)
				cfg->enabled[j] = r->toggles[i].on;
}

/* A page to check, and what checking it gave. */
struct job {
	const char	*path;		/* as named */
	struct config	 cfg;		/* the rules and levels for it */
	struct srcfile	*f;
	struct page	*pg;
	struct diaglist	 dl;
	int		 skip;		/* its rc file is broken */
	char		 err[512];	/* why it cannot be read, if not f */
};

/* Settle a page's configuration: on the main thread, in order. */
static void
job_prepare(struct run *r, struct job *j, const char *path)
{
	struct rc	*rc = NULL;
	int		 bad = 0;

	memset(j, 0, sizeof(*j));
	j->path = path;
	if (!r->no_config && (rc = rc_find(path, stderr, &bad)) == NULL &&
	    bad) {
		j->skip = 1;
		return;
	}
	page_config(r, rc, path);
	j->cfg = r->cfg;
	j->cfg.enabled = xmalloc(rule_count());
	j->cfg.level = xmalloc(rule_count());
	memcpy(j->cfg.enabled, r->cfg.enabled, rule_count());
	memcpy(j->cfg.level, r->cfg.level, rule_count());
}

/*
 * Read, parse and check a page into a diagnostics list.  This touches
 * nothing of the run, so pages may be checked on several threads; a
 * patched page (--diff, one thread) is read from its copy.
 */
static void
job_check(struct job *j, struct patched *pt)
{
	struct diaglist	*dl = &j->dl;
	struct srcfile	*f;

	if (j->skip)
		return;
	if ((j->f = f = src_read(pt != NULL ? pt->tmp : j->path, j->err,
	    sizeof(j->err))) == NULL)
		return;
	if (pt != NULL)
		patched_show(pt, f);
	if (f->toolarge)
		diag_add(dl, &j->cfg, f, 1, 1, R_FILE_TOO_LARGE,
		    "file is over %zu MiB; not checked",
		    SRC_MAX_BYTES / (1024 * 1024));
	else if (f->binary)
		diag_add(dl, &j->cfg, f, 1, 1, R_FILE_BINARY,
		    "not a text file; not checked");
	else {
		supp_check(f, dl, &j->cfg);
		j->pg = page_parse(f, dl, &j->cfg);
	}
	if (j->pg != NULL)
		check_page(j->pg, dl, &j->cfg);
}

/* Print what checking a page gave, on the main thread, in order. */
static void
job_report(struct run *r, struct job *j)
{
	struct diaglist	*dl = &j->dl;

	if (j->skip) {
		fprintf(stderr, "manlint: %s: not checked\n", j->path);
		r->ioerr = 1;
		return;
	}
	free(j->cfg.enabled);
	free(j->cfg.level);
	if (j->f == NULL) {
		fprintf(stderr, "manlint: %s: cannot read: %s\n", j->path,
		    j->err);
		r->ioerr = 1;
		return;
	}
	if (r->ex != NULL) {
		/* The page waits there for its examples. */
		exrun_page(r->ex, j->f, j->pg, dl);
		return;
	}
	/* Included files must outlive the diagnostics naming them. */
	if (r->pt != NULL)
		patched_filter(r->pt, dl);
	diag_flush(dl, &r->cfg, &r->stats, stdout);
	free(dl->v);
	if (j->pg != NULL)
		page_free(j->pg);
	src_free(j->f);
}

/* The work of a thread, and what it frees before it ends. */
static void
check_item(void *item)
{
	job_check(item, NULL);
}

static void
thread_end(void)
{
	roff_thread_free();
	prose_thread_free();
}

/*
 * Check the pages on r->jobs threads, and report on each in order:
 * the output is that of a run on one thread.
 */
static void
lint_parallel(struct run *r)
{
	struct job	*jv, *j;
	struct jobs	*js;
	void		**items;
	size_t		 i, n = r->npages;
	int		 nthreads;

	jv = xcalloc(n, sizeof(*jv));
	items = xcalloc(n, sizeof(*items));
	for (i = 0; i < n; i++) {
		job_prepare(r, &jv[i], r->pages[i]);
		items[i] = &jv[i];
	}
	nthreads = (size_t)r->jobs < n ? r->jobs : (int)n;
	/* Pages checked ahead of the one printed hold their trees. */
	js = jobs_start(items, n, nthreads, 8 * (size_t)nthreads, check_item,
	    thread_end);
	while ((j = jobs_next(js)) != NULL)
		job_report(r, j);
	jobs_end(js);
	free(items);
	free(jv);
}

static void
lint_file(struct run *r, const char *path)
{
	struct job	 j;

	job_prepare(r, &j, path);
	job_check(&j, r->pt);
	job_report(r, &j);
}

/*
 * --diff: check the mail at lines from to to of f, apply its patch in
 * the temporary tree, and lint the pages it changes, keeping what is
 * said of the lines it adds.
 */
static void
lint_mail(struct run *r, const struct srcfile *f, int from, int to)
{
	struct mail	 m;
	struct patch	 p;
	struct patched	*pages = NULL;
	size_t		 n = 0, i;

	mail_read(&m, f, from, to);
	if (m.diff == m.n && !m.headers && to > from) {
		/* Not a cover letter, not an empty diff: a wrong file. */
		fprintf(stderr, "manlint: %s: no diff found\n", f->path);
		r->ioerr = 1;
	}
	patch_parse(&p, &m);
	page_config(r, NULL, "-");
	if (mail_check(&m, &p, f, &r->dl, &r->cfg) == -1 ||
	    ptree_apply(r->tree, &p, f, &r->dl, &r->cfg, &pages, &n) == -1)
		r->ioerr = 1;
	diag_flush(&r->dl, &r->cfg, &r->stats, stdout);
	for (i = 0; i < n; i++) {
		r->pt = &pages[i];
		lint_file(r, pages[i].show);
	}
	r->pt = NULL;
	patched_free(pages, n);
	patch_free(&p);
	mail_free(&m);
}

/* Each mail of an mbox in turn, their patches a series. */
static void
lint_diff(struct run *r, const char *path)
{
	struct srcfile	*f;
	char		 err[512];
	int		 from = 0, to;

	if ((f = src_read(path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "manlint: %s: cannot read: %s\n", path, err);
		r->ioerr = 1;
		return;
	}
	do {
		to = mail_next(f, from);
		lint_mail(r, f, from, to);
		from = to;
	} while (from < f->nlines);
	src_free(f);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* An entry of a directory, and its type as readdir(3) tells it. */
struct dent {
	char		*name;
	unsigned char	 type;	/* DT_*, DT_UNKNOWN when not told */
};

static void
add_page(struct run *r, char *path)
{
	r->pages = xreallocarray(r->pages, r->npages + 1, sizeof(*r->pages));
	r->pages[r->npages++] = path;
}

/*
 * Walk a directory in name order, adding the pages in it.  Symbolic
 * links are not followed inside a walk: in an installed manual tree
 * they duplicate pages.
 */
static void
walk_dir(struct run *r, const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	struct dent	*ents = NULL;
	struct stat	 st;
	char		*path, sect[32];
	size_t		 n = 0, i;
	int		 isdir, isreg;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "manlint: %s: cannot open directory: %s\n",
		    dir, strerror(errno));
		r->ioerr = 1;
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		ents = xreallocarray(ents, n + 1, sizeof(*ents));
		ents[n].name = xstrdup(de->d_name);
		ents[n++].type = de->d_type;
	}
	closedir(d);
	/* By name: the first member of struct dent. */
	qsort(ents, n, sizeof(*ents), cmp_str);
	for (i = 0; i < n; i++) {
		path = path_join(dir, ents[i].name);
		/* A type readdir(3) tells saves an lstat(2) a page. */
		isdir = ents[i].type == DT_DIR;
		isreg = ents[i].type == DT_REG;
		if (ents[i].type == DT_UNKNOWN) {
			if (lstat(path, &st) == -1) {
				fprintf(stderr, "manlint: %s: %s\n", path,
				    strerror(errno));
				r->ioerr = 1;
			} else {
				isdir = S_ISDIR(st.st_mode);
				isreg = S_ISREG(st.st_mode);
			}
		}
		if (isdir)
			walk_dir(r, path);
		else if (isreg && src_name_section(ents[i].name, sect,
		    sizeof(sect)) != NULL) {
			add_page(r, path);
			path = NULL;
		}
		free(path);
		free(ents[i].name);
	}
	free(ents);
}

static void
add_path(struct run *r, const char *path)
{
	struct stat	 st;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		walk_dir(r, path);
	else
		add_page(r, xstrdup(path));
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
	    "  --format FORMAT       gcc (default), json, sarif, github or\n"
	    "                        checkstyle\n"
	    "  --color WHEN          auto (default), always or never: color,\n"
	    "                        the source line and a caret\n"
	    "  --baseline FILE       report only diagnostics not in FILE;\n"
	    "                        record them into it if it does not exist\n"
	    "  --update-baseline     record the baseline anew\n"
	    "  --no-config           read no .manlintrc file\n"
	    "  --examples            also build the example programs and run\n"
	    "                        their shell sessions in a sandbox\n"
	    "  --werror              build them with -Werror\n"
	    "  --sanitize            build them with -fsanitize=address,undefined\n"
	    "  -j, --jobs N          pages checked and compilers run at a\n"
	    "                        time (default: the CPUs)\n"
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

/* Add the rules of an --enable or --disable list to r->toggles. */
static int
add_toggles(struct run *r, char *list, int on)
{
	char	*id;
	int	 rule;

	for (id = strtok(list, ","); id != NULL; id = strtok(NULL, ",")) {
		if (strcmp(id, "all") == 0)
			rule = -1;
		else if ((rule = rule_lookup(id)) == -1) {
			fprintf(stderr, "manlint: unknown rule: %s "
			    "(see --list-rules)\n", id);
			return -1;
		}
		r->toggles = xreallocarray(r->toggles, r->ntoggles + 1,
		    sizeof(*r->toggles));
		r->toggles[r->ntoggles].rule = rule;
		r->toggles[r->ntoggles++].on = on;
	}
	return 0;
}

enum {
	OPT_LIST = 256, OPT_EXPLAIN, OPT_ENABLE, OPT_DISABLE, OPT_FAILON,
	OPT_FORMAT, OPT_STATS, OPT_RULESPAGE, OPT_VERSION, OPT_RULES,
	OPT_PROFILE, OPT_MAXPERRULE
};

/* Output and configuration. */
enum {
	OPT_COLOR = 768, OPT_BASELINE, OPT_UPDATE_BASELINE, OPT_NO_CONFIG
};

/* The example runner's options. */
enum {
	OPT_EXAMPLES = 512, OPT_WERROR, OPT_SANITIZE, OPT_EXTRACT
};

/* Patch mode. */
enum {
	OPT_DIFF = 1024, OPT_BASE
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
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "update-baseline", no_argument, NULL, OPT_UPDATE_BASELINE },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
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

/* The value of --color: may the output be colored? */
static int
parse_color(const char *when, int *color)
{
	const char	*nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (strcmp(when, "always") == 0)
		*color = 1;
	else if (strcmp(when, "never") == 0)
		*color = 0;
	else if (strcmp(when, "auto") == 0)
		*color = isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0') &&
		    (term == NULL || strcmp(term, "dumb") != 0);
	else
		return -1;
	return 0;
}

/*
 * Read the rc files of every page before the first is checked: their
 * rule files add rules, which --enable and --disable may name.
 */
static void
read_configs(struct run *r)
{
	size_t	 i;
	int	 bad = 0;

	if (r->no_config)
		return;
	for (i = 0; i < r->npages; i++)
		(void)rc_find(r->pages[i], stderr, &bad);
}

static void
run_pages(struct run *r)
{
	size_t	 i;

	/* SARIF lists the rules as the command line sets them. */
	page_config(r, NULL, "-");
	format_begin(stdout, &r->cfg);
	if (!r->diff && r->jobs > 1 && r->npages > 1)
		lint_parallel(r);
	else
		for (i = 0; i < r->npages; i++)
			if (r->diff)
				lint_diff(r, r->pages[i]);
			else
				lint_file(r, r->pages[i]);
	for (i = 0; i < r->npages; i++)
		free(r->pages[i]);
	free(r->pages);
	exrun_end(r->ex);
	format_end(stdout, &r->cfg, !r->ioerr);
}

/* An --enable or --disable as given, read once the rules are known. */
struct toggle_arg {
	char		*list;
	int		 on;
};

int
main(int argc, char *argv[])
{
	struct run	 r;
	struct exrun_opts eo;
	struct toggle_arg *toggles = NULL;
	char		**rulefiles = NULL;
	const char	*explain = NULL, *argv0 = argv[0];
	const char	*color = "auto", *baseline = NULL, *base = NULL;
	char		*end;
	int		 ch, i, rc, rule, action = 0, ntoggles = 0;
	int		 nrulefiles = 0, update = 0;
	long		 nrec;

	memset(&r, 0, sizeof(r));
	r.cfg.fail_on = LVL_STYLE;
	r.cfg.max_per_rule = 3;
	mac_init();
	memset(&eo, 0, sizeof(eo));
	eo.bo.jobs = jobs_cpus();
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
			puts("manlint " MANLINT_VERSION);
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
			if ((r.profile = profile_parse(optarg)) == 0) {
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
			if ((rc = format_parse(optarg)) == -1) {
				fprintf(stderr, "manlint: --format takes gcc, "
				    "json, sarif, github or checkstyle\n");
				return 2;
			}
			r.cfg.format = (enum format)rc;
			break;
		case OPT_COLOR:
			color = optarg;
			break;
		case OPT_BASELINE:
			baseline = optarg;
			break;
		case OPT_UPDATE_BASELINE:
			update = 1;
			break;
		case OPT_NO_CONFIG:
			r.no_config = 1;
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
			r.diff = 1;
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
	if (parse_color(color, &r.cfg.color) == -1) {
		fprintf(stderr, "manlint: --color takes auto, always or "
		    "never\n");
		return 2;
	}
	if (update && baseline == NULL) {
		fprintf(stderr, "manlint: --update-baseline needs "
		    "--baseline FILE\n");
		return 2;
	}
	if (action == 0) {
		for (i = 0; i < argc; i++)
			if (r.diff)
				add_page(&r, xstrdup(argv[i]));
			else
				add_path(&r, argv[i]);
		read_configs(&r);
	}
	for (i = 0; i < ntoggles; i++)
		if (add_toggles(&r, toggles[i].list, toggles[i].on) == -1)
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
	if ((base != NULL && !r.diff) || (r.diff && (eo.build ||
	    eo.extract_dir != NULL))) {
		fprintf(stderr, "manlint: --base goes with --diff, which does "
		    "not go with --examples or --extract-examples\n");
		return 2;
	}
	r.jobs = eo.bo.jobs;
	if (r.diff && (r.tree = ptree_new(base)) == NULL)
		return 2;
	r.cfg.enabled = xcalloc(rule_count(), 1);
	r.cfg.level = xcalloc(rule_count(), 1);
	r.def_enabled = xcalloc(rule_count(), 1);
	r.def_level = xcalloc(rule_count(), 1);
	r.stats.count = xcalloc(rule_count(), sizeof(*r.stats.count));
	if (r.cfg.format != FMT_GCC)
		r.cfg.color = 0;
	if (baseline != NULL && (r.cfg.baseline = baseline_open(baseline,
	    update, stderr)) == NULL)
		return 2;
	if (eo.build || eo.extract_dir != NULL) {
		eo.cfg = &r.cfg;
		eo.stats = &r.stats;
		eo.ioerr = &r.ioerr;
		if ((r.ex = exrun_new(&eo)) == NULL)
			return 2;
	}
	run_pages(&r);
	ptree_free(r.tree);
	if (r.cfg.baseline != NULL) {
		rc = baseline_recording(r.cfg.baseline);
		if ((nrec = baseline_close(r.cfg.baseline, stderr)) == -1)
			r.ioerr = 1;
		else if (rc)
			fprintf(stderr, "manlint: %s: %ld diagnostics "
			    "recorded\n", baseline, nrec);
	}
	if (r.print_stats)
		for (i = 0; i < rule_count(); i++)
			if (r.stats.count[i] > 0)
				fprintf(stderr, "%8lu %s\n", r.stats.count[i],
				    rule_get(i)->id);
	free(r.dl.v);
	free(r.stats.count);
	free(r.cfg.enabled);
	free(r.cfg.level);
	free(r.def_enabled);
	free(r.def_level);
	free(r.toggles);
	rc_free_all();
	diag_reset_seen();
	arena_release();
	roff_thread_free();
	prose_free();
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "manlint: write error: %s\n", strerror(errno));
		return 2;
	}
	return r.ioerr ? 2 : r.stats.failed ? 1 : 0;
}
