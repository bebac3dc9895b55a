/*
 * Pages waiting for their examples, in the order they were read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "example.h"
#include "exrun.h"
#include "session.h"
#include "src.h"
#include "tree.h"
#include "util.h"

struct pending {
	struct srcfile	*f;
	struct page	*pg;
	struct diaglist	 dl;
	struct expage	*ep;
};

struct exrun {
	struct exrun_opts o;
	struct builder	*b;
	struct pending	*q;
	size_t		 n;
	size_t		 max;		/* pages waiting at most */
};

struct exrun *
exrun_new(const struct exrun_opts *o)
{
	struct exrun	*x;

	x = xcalloc(1, sizeof(*x));
	x->o = *o;
	if (o->build && (x->b = build_new(&o->bo)) == NULL) {
		free(x);
		return NULL;
	}
	/* Enough pages ahead to keep every compiler busy. */
	x->max = 4 * (size_t)(o->bo.jobs > 0 ? o->bo.jobs : 1) + 4;
	x->q = xcalloc(x->max, sizeof(*x->q));
	return x;
}

static void
finish(struct exrun *x, struct pending *p)
{
	if (p->ep != NULL && x->b != NULL) {
		build_report(p->ep, &p->dl, x->o.cfg);
		session_run(p->ep, x->o.bo.sanitize, &p->dl, x->o.cfg);
		build_release(x->b, p->ep);
	}
	example_free(p->ep);
	/* Included files must outlive the diagnostics naming them. */
	diag_flush(&p->dl, x->o.cfg, x->o.stats, stdout);
	free(p->dl.v);
	if (p->pg != NULL)
		page_free(p->pg);
	src_free(p->f);
}

/* Finish the pages at the head of the queue that are ready. */
static void
pump(struct exrun *x, int all)
{
	while (x->n > 0) {
		if (x->b != NULL)
			build_poll(x->b);
		if (x->q[0].ep != NULL && x->b != NULL &&
		    !build_ready(x->q[0].ep)) {
			if (!all && x->n < x->max)
				return;
			build_wait(x->b);
			continue;
		}
		finish(x, &x->q[0]);
		memmove(x->q, x->q + 1, (x->n - 1) * sizeof(*x->q));
		x->n--;
	}
}

void
exrun_page(struct exrun *x, struct srcfile *f, struct page *pg,
    struct diaglist *dl)
{
	struct pending	*p;

	/* With the queue full, this waits for the page at its head. */
	pump(x, 0);
	p = &x->q[x->n++];
	memset(p, 0, sizeof(*p));
	p->f = f;
	p->pg = pg;
	p->dl = *dl;
	memset(dl, 0, sizeof(*dl));
	if (pg != NULL)
		p->ep = example_extract(pg, &p->dl, x->o.cfg);
	if (p->ep != NULL && x->o.extract_dir != NULL &&
	    example_write(p->ep, x->o.extract_dir) == -1)
		*x->o.ioerr = 1;
	if (p->ep != NULL && x->b != NULL)
		build_add(x->b, p->ep);
	pump(x, 0);
}

void
exrun_end(struct exrun *x)
{
	if (x == NULL)
		return;
	pump(x, 1);
	build_free(x->b);
	free(x->q);
	free(x);
}
