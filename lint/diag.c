/*
 * Collecting and printing diagnostics.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "diag.h"
#include "format.h"
#include "src.h"
#include "suppress.h"
#include "util.h"

/*
 * A page included with .so may also be linted on its own in the same
 * run; each diagnostic is printed once.  The set holds hashes of the
 * printed diagnostics, in a table that grows as needed.
 */
static uint64_t	*seen;
static size_t	 seen_cap, seen_n;

static uint64_t
hash_diag(const struct diag *d)
{
	const char	*p;
	uint64_t	 h = 1469598103934665603ULL;

	for (p = d->file->real; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	h = (h ^ (uint64_t)d->line) * 1099511628211ULL;
	h = (h ^ (uint64_t)d->col) * 1099511628211ULL;
	h = (h ^ (uint64_t)d->rule) * 1099511628211ULL;
	for (p = d->msg; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h ? h : 1;
}

static void
seen_grow(void)
{
	uint64_t	*old = seen;
	size_t		 i, j, oldcap = seen_cap;

	seen_cap = seen_cap ? seen_cap * 2 : 1024;
	seen = xcalloc(seen_cap, sizeof(*seen));
	for (i = 0; i < oldcap; i++) {
		if (old[i] == 0)
			continue;
		for (j = old[i] % seen_cap; seen[j] != 0;
		    j = (j + 1) % seen_cap)
			continue;
		seen[j] = old[i];
	}
	free(old);
}

/* Return 1 if h was seen before, else remember it and return 0. */
static int
seen_test_and_set(uint64_t h)
{
	size_t	 j;

	if ((seen_n + 1) * 2 > seen_cap)
		seen_grow();
	for (j = h % seen_cap; seen[j] != 0; j = (j + 1) % seen_cap)
		if (seen[j] == h)
			return 1;
	seen[j] = h;
	seen_n++;
	return 0;
}

void
diag_reset_seen(void)
{
	free(seen);
	seen = NULL;
	seen_cap = seen_n = 0;
}

void
diag_add(struct diaglist *dl, const struct config *cfg,
    const struct srcfile *f, int line, int col, int r,
    const char *fmt, ...)
{
	va_list		 ap;
	struct diag	*d;
	char		 buf[1024];

	if (!cfg->enabled[r])
		return;
	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 32;
		dl->v = xreallocarray(dl->v, dl->cap, sizeof(*dl->v));
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	d = &dl->v[dl->n];
	d->file = f;
	d->line = line;
	d->col = col > 0 ? col : 1;
	d->rule = r;
	d->level = (enum level)cfg->level[r];
	d->msg = xstrdup(buf);
	d->seq = (unsigned int)dl->n;
	dl->n++;
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct diag	*x = a, *y = b;
	int			 c;

	if (x->file != y->file && (c = strcmp(x->file->path,
	    y->file->path)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * Say how many diagnostics of each rule were held back for one file
 * by the per-rule limit, and clear the counts.
 */
static void
print_held(FILE *out, const struct config *cfg, const struct srcfile *f,
    unsigned int *held)
{
	int	 r;

	for (r = 0; r < rule_count(); r++) {
		if (held[r] == 0)
			continue;
		format_held(out, cfg, f, r, held[r]);
		held[r] = 0;
	}
}

/*
 * How many diagnostics of rule r one file shows: --max-per-rule, or
 * less for a rule whose findings in a page are one habit of its
 * author (a term spelled one way throughout), unless the limit is off.
 */
static unsigned int
limit(const struct config *cfg, int r)
{
	int	 own = rule_get(r)->per_file;

	if (cfg->max_per_rule == 0)
		return UINT_MAX;
	if (own > 0 && own < cfg->max_per_rule)
		return own;
	return cfg->max_per_rule;
}

/*
 * Is a diagnostic left out: turned off by a comment in its page, or
 * already in the baseline (or being recorded into a new one)?
 */
static int
hidden(const struct config *cfg, const struct supp *sp,
    const struct diag *d)
{
	if (sp != NULL && supp_hides(sp, d->line, d->rule))
		return 1;
	return cfg->baseline != NULL && baseline_take(cfg->baseline, d);
}

void
diag_flush(struct diaglist *dl, const struct config *cfg,
    struct run_stats *st, FILE *out)
{
	const struct srcfile	*file = NULL;
	struct supp		*sp = NULL;
	unsigned int		*shown, *held;
	size_t			 i;
	int			 r, any = 0;

	if (dl->n > 1)
		qsort(dl->v, dl->n, sizeof(*dl->v), cmp_diag);
	shown = xcalloc(rule_count(), sizeof(*shown));
	held = xcalloc(rule_count(), sizeof(*held));
	for (i = 0; i < dl->n; i++) {
		r = dl->v[i].rule;
		if (dl->v[i].file != file) {
			if (any)
				print_held(out, cfg, file, held);
			memset(shown, 0, rule_count() * sizeof(*shown));
			file = dl->v[i].file;
			any = 0;
			supp_free(sp);
			sp = supp_scan(file);
		}
		if (!seen_test_and_set(hash_diag(&dl->v[i])) &&
		    !hidden(cfg, sp, &dl->v[i])) {
			if (shown[r] >= limit(cfg, r)) {
				held[r]++;
				any = 1;
			} else {
				format_diag(out, cfg, &dl->v[i]);
				shown[r]++;
			}
			st->count[r]++;
			if (!cfg->never_fail && dl->v[i].level >= cfg->fail_on)
				st->failed = 1;
		}
		free(dl->v[i].msg);
	}
	if (any)
		print_held(out, cfg, file, held);
	format_flushed(out, cfg);
	supp_free(sp);
	free(shown);
	free(held);
	dl->n = 0;
}
