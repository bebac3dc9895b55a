#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "../rules.h"
#include "../util.h"
#include "common.h"

struct config	 fuzz_cfg;
struct run_stats fuzz_stats;
FILE		*fuzz_sink;

void
fuzz_die(const char *what)
{
	perror(what);
	exit(1);
}

/* Every rule on at its own level, everything reported. */
void
fuzz_setup(void)
{
	int	 i;

	fuzz_cfg.enabled = xcalloc(rule_count(), 1);
	fuzz_cfg.level = xcalloc(rule_count(), 1);
	for (i = 0; i < rule_count(); i++) {
		fuzz_cfg.enabled[i] = 1;
		fuzz_cfg.level[i] = (unsigned char)rule_get(i)->level;
	}
	fuzz_cfg.fail_on = LVL_STYLE;
	fuzz_stats.count = xcalloc(rule_count(), sizeof(*fuzz_stats.count));
	if ((fuzz_sink = fopen("/dev/null", "w")) == NULL)
		fuzz_die("/dev/null");
}

/* A new directory under $TMPDIR, its name in dir. */
void
fuzz_tmpdir(char *dir, size_t size)
{
	const char	*tmp;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(dir, size, "%s/manlint-fuzz.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL)
		fuzz_die(dir);
}
