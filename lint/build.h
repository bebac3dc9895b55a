/*
 * Building example programs (--examples): the compiler runs in the
 * background, up to a number of jobs at a time, and its results are
 * kept in a cache keyed by the program's sources, the compiler and
 * the flags, so an unchanged program is not built again.
 */
#ifndef BUILD_H
#define BUILD_H

struct config;
struct diaglist;
struct expage;
struct exfile;
struct builder;

struct buildopts {
	int		 jobs;		/* compilers at a time */
	int		 werror;	/* -Werror */
	int		 sanitize;	/* -fsanitize=address,undefined */
};

/*
 * Find the compiler ($CC, else cc) and the cache.  Returns NULL, having
 * said why on standard error, when the compiler cannot be run.
 */
struct builder	*build_new(const struct buildopts *);
void		 build_free(struct builder *);

/* Queue the page's programs, or take them from the cache. */
void		 build_add(struct builder *, struct expage *);
/* Have all the page's programs been built (or failed)? */
int		 build_ready(const struct expage *);
/* Collect compilers that have finished, without waiting. */
void		 build_poll(struct builder *);
/* Wait until a compiler finishes. */
void		 build_wait(struct builder *);

/* The built program, or NULL if it did not build. */
const char	*build_program(const struct exfile *);
/* What the compiler printed, and its wait status; NULL if not built. */
const char	*build_log(const struct exfile *, int *status);
/* Forget the page's builds (keeping them for the cache). */
void		 build_release(struct builder *, struct expage *);

/*
 * Report what the compiler said at the page lines of the code
 * (build_diag.c).
 */
void		 build_report(const struct expage *, struct diaglist *,
		    const struct config *);

#endif
