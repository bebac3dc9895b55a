/*
 * Running a page's shell sessions against its built programs, and
 * comparing what they print with what the page shows.
 */
#ifndef SESSION_H
#define SESSION_H

struct config;
struct diaglist;
struct expage;

/*
 * Run every session of the page whose programs all built; report
 * failures under example-run and differences under example-output.
 */
void	session_run(const struct expage *, int sanitize, struct diaglist *,
	    const struct config *);

#endif
