/*
 * Configuration files.  The .manlintrc that governs a page is the
 * first one found walking up from the page's directory; the walk stops
 * at a directory holding .git, or at the root.  A file holds, one a
 * line (# starts a comment):
 *
 *	profile NAME			man-pages or portable
 *	enable RULE[,RULE...]		"all" for every rule
 *	disable RULE[,RULE...]
 *	level RULE[,RULE...] LEVEL	style, warning or error
 *	rules FILE			prose rules, relative to the rc file
 *	path GLOB			the lines up to the next path line
 *					apply to pages matching GLOB
 *
 * GLOB is matched with fnmatch(3) against the page's path relative to
 * the directory of the rc file; "*" matches "/" too.  profile and
 * rules lines come before the first path line.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include <stdio.h>

struct rc;

/*
 * The rc file that governs the page at path ("-" is in the current
 * directory), read with its rule files the first time.  NULL if there
 * is none.  If it cannot be read, or has an error, say so on err the
 * first time, set *bad and return NULL.
 */
struct rc	*rc_find(const char *path, FILE *err, int *bad);

/* The profile bits the file sets, or 0. */
int		 rc_profile(const struct rc *);

/*
 * Apply the file's lines that concern the page at path to the arrays
 * of enabled rules and levels, one per rule.  Rules that other rc files
 * loaded are turned off.  rc may be NULL.
 */
void		 rc_apply(const struct rc *, const char *path,
		    unsigned char *enabled, unsigned char *level);

/* Free every rc file read. */
void		 rc_free_all(void);

#endif
