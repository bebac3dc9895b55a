/*
 * Baselines: a file of the diagnostics a set of pages had when it was
 * written, so that later runs report only new ones.
 *
 * A diagnostic is known by its file (as named on the command line),
 * its rule and a fingerprint of the text of its line, not by its line
 * number: lines added or removed elsewhere in the page leave it known.
 * Each entry of the baseline matches one diagnostic, so a second
 * diagnostic of the rule on a line with the same text is new.
 */
#ifndef BASELINE_H
#define BASELINE_H

#include <stdint.h>
#include <stdio.h>

struct baseline;
struct diag;

/*
 * Open a baseline.  When the file does not exist, or update is set,
 * the run records the diagnostics into it instead of printing them.
 * On failure say why on err and return NULL.
 */
struct baseline	*baseline_open(const char *path, int update, FILE *err);
int		 baseline_recording(const struct baseline *);

/*
 * Is d left out: known to the baseline (each entry matches once), or
 * recorded into a new one?
 */
int		 baseline_take(struct baseline *, const struct diag *);

/*
 * Write a recorded baseline (atomically: a temporary file in the same
 * directory, synced, then renamed over it) and free.  Return the
 * number of entries written, 0 when only reading, -1 on error.
 */
long		 baseline_close(struct baseline *, FILE *err);

/* The rule and the text of the diagnostic's line, without the
 * blanks at either end, hashed. */
uint64_t	 baseline_fingerprint(const struct diag *);

#endif
