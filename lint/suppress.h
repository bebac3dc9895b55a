/*
 * Suppressions: comments in a page that turn rules off for some of
 * its lines.
 *
 *	.\" manlint: disable RULE[,RULE...]		from the next line on
 *	.\" manlint: enable RULE[,RULE...]		on again
 *	.\" manlint: disable-next-line RULE[,RULE...]	the next line only
 *
 * RULE may be "all".  They apply to the lines of the file they are in.
 */
#ifndef SUPPRESS_H
#define SUPPRESS_H

struct config;
struct diaglist;
struct srcfile;
struct supp;

/* The suppressions of a file, or NULL if it has none. */
struct supp	*supp_scan(const struct srcfile *);
void		 supp_free(struct supp *);

/* Is rule r turned off at line? */
int		 supp_hides(const struct supp *, int line, int r);

/* Report the rules named in the file's suppressions that do not exist. */
void		 supp_check(const struct srcfile *, struct diaglist *,
		    const struct config *);

#endif
