/*
 * What the fuzz targets share: the run configuration the command line
 * would build with every rule on, an output that goes nowhere, and a
 * fresh directory for the files a target writes its input to.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stddef.h>
#include <stdio.h>

#include "../diag.h"

extern struct config	 fuzz_cfg;
extern struct run_stats	 fuzz_stats;
extern FILE		*fuzz_sink;

void	fuzz_die(const char *) __attribute__((noreturn));
void	fuzz_setup(void);
void	fuzz_tmpdir(char *, size_t);

#endif
