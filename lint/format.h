/*
 * Output formats: how one diagnostic, a note of diagnostics held back
 * by --max-per-rule, and the start and end of a run are written in
 * each format that --format names.
 */
#ifndef FORMAT_H
#define FORMAT_H

#include <stdio.h>

struct config;
struct diag;
struct srcfile;

/* The format named s, or -1. */
int	 format_parse(const char *s);

/*
 * The suggestion of a message: the clause after its first semicolon
 * outside double quotes ("...; write .BR"), or NULL if it has none.
 * The returned pointer is into msg.
 */
const char *format_suggestion(const char *msg);

/* Before the first diagnostic of a run, and after the last one. */
void	 format_begin(FILE *, const struct config *);
void	 format_end(FILE *, const struct config *, int ok);

void	 format_diag(FILE *, const struct config *, const struct diag *);
void	 format_held(FILE *, const struct config *, const struct srcfile *,
	    int rule, unsigned int n);

/* After the diagnostics of one page. */
void	 format_flushed(FILE *, const struct config *);

/* Print s as a JSON string literal. */
void	 json_string(FILE *, const char *);

#endif
