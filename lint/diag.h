/*
 * Diagnostics: collected per page, sorted, filtered by the enabled
 * rules, de-duplicated over the whole run, and printed in one of the
 * output formats.
 */
#ifndef DIAG_H
#define DIAG_H

#include <stdio.h>

#include "rules.h"

struct srcfile;

#define MANLINT_VERSION	"0.1"

enum format {
	FMT_GCC,
	FMT_JSON,
	FMT_SARIF,
	FMT_GITHUB,
	FMT_CHECKSTYLE
};

struct baseline;

struct config {
	unsigned char	*enabled;	/* one per rule, rule_count() */
	unsigned char	*level;		/* enum level, one per rule */
	enum level	 fail_on;
	int		 never_fail;	/* --fail-on none */
	enum format	 format;
	int		 color;		/* color, the source line and a caret */
	int		 max_per_rule;	/* per file; 0 for no limit */
	struct baseline	*baseline;	/* --baseline, or NULL */
};

struct diag {
	const struct srcfile *file;
	int		 line;
	int		 col;
	int		 rule;	/* enum rule, or a registered rule */
	enum level	 level;	/* the rule's level for this page */
	char		*msg;
	unsigned int	 seq;	/* order of emission, for a stable sort */
};

struct diaglist {
	struct diag	*v;
	size_t		 n;
	size_t		 cap;
};

struct run_stats {
	unsigned long	*count;		/* printed, one per rule */
	int		 failed;		/* at or above fail-on */
};

void	 diag_add(struct diaglist *, const struct config *,
	    const struct srcfile *, int line, int col, int rule,
	    const char *fmt, ...)
	    __attribute__((format(printf, 7, 8)));

/*
 * Sort, print and clear the list, counting into stats.  Diagnostics
 * that a comment in their page turns off (suppress.h), and those the
 * baseline knows (baseline.h), are left out.
 */
void	 diag_flush(struct diaglist *, const struct config *,
	    struct run_stats *, FILE *);

/* Forget what was printed, at the end of a run. */
void	 diag_reset_seen(void);

#endif
