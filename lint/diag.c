/*
 * Collecting and printing diagnostics.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "src.h"
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

void
json_string(FILE *out, const char *s)
{
	const unsigned char	*p;

	putc('"', out);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			putc(*p, out);
	}
	putc('"', out);
}

/* The source line under a diagnostic, with a caret at its column. */
static void
print_caret(FILE *out, const struct diag *d)
{
	const struct srcline	*sl;
	const char		*p;
	int			 i;

	if (d->line < 1 || d->line > d->file->nlines)
		return;
	sl = &d->file->lines[d->line - 1];
	p = d->file->buf + sl->off;
	fprintf(out, " %.*s\n ", (int)sl->len, p);
	for (i = 1; i < d->col && (size_t)i <= sl->len; i++)
		putc(p[i - 1] == '\t' ? '\t' : ' ', out);
	fputs("^\n", out);
}

static void
print_diag(FILE *out, const struct config *cfg, const struct diag *d)
{
	const struct rule_info	*ri = rule_get(d->rule);

	if (cfg->format == FMT_JSON) {
		fputs("{\"file\":", out);
		json_string(out, d->file->path);
		fprintf(out, ",\"line\":%d,\"column\":%d,\"level\":\"%s\","
		    "\"rule\":\"%s\",\"message\":", d->line, d->col,
		    level_name(ri->level), ri->id);
		json_string(out, d->msg);
		fputs("}\n", out);
		return;
	}
	fprintf(out, "%s:%d:%d: %s: %s [%s]\n", d->file->path, d->line,
	    d->col, level_name(ri->level), d->msg, ri->id);
	if (cfg->caret)
		print_caret(out, d);
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
		if (cfg->format == FMT_JSON) {
			fputs("{\"file\":", out);
			json_string(out, f->path);
			fprintf(out, ",\"rule\":\"%s\",\"suppressed\":%u}\n",
			    rule_get(r)->id, held[r]);
		} else
			fprintf(out, "%s: note: %u more [%s] not shown; "
			    "--max-per-rule 0 shows all\n", f->path, held[r],
			    rule_get(r)->id);
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

void
diag_flush(struct diaglist *dl, const struct config *cfg,
    struct run_stats *st, FILE *out)
{
	const struct srcfile	*file = NULL;
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
		}
		if (!seen_test_and_set(hash_diag(&dl->v[i]))) {
			if (shown[r] >= limit(cfg, r)) {
				held[r]++;
				any = 1;
			} else {
				print_diag(out, cfg, &dl->v[i]);
				shown[r]++;
			}
			st->count[r]++;
			if (!cfg->never_fail &&
			    rule_get(r)->level >= cfg->fail_on)
				st->failed = 1;
		}
		free(dl->v[i].msg);
	}
	if (any)
		print_held(out, cfg, file, held);
	free(shown);
	free(held);
	dl->n = 0;
}
