/*
 * The example runner as the command line sees it (--examples,
 * --extract-examples): pages wait in order while their programs build
 * in the background, then their sessions run and their diagnostics
 * are printed, so output keeps the order of the pages.
 */
#ifndef EXRUN_H
#define EXRUN_H

#include "build.h"

struct config;
struct diaglist;
struct page;
struct run_stats;
struct srcfile;

struct exrun_opts {
	int			 build;		/* --examples */
	struct buildopts	 bo;
	const char		*extract_dir;	/* --extract-examples */
	const struct config	*cfg;
	struct run_stats	*stats;
	int			*ioerr;		/* set on a write error */
};

struct exrun;

/* NULL, having said why, when the compiler cannot be run. */
struct exrun	*exrun_new(const struct exrun_opts *);
/*
 * Take a checked page (pg NULL for a file that was not parsed) and the
 * diagnostics found so far, which dl gives up; f and pg are freed when
 * the page is done.
 */
void		 exrun_page(struct exrun *, struct srcfile *f, struct page *pg,
		    struct diaglist *dl);
/* Finish every page, and free the runner. */
void		 exrun_end(struct exrun *);

#endif
