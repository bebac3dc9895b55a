/*
 * Checks of the args rule group; see the rule table in rules.c.
 */
#include "check.h"

void
check_args(struct ctx *c)
{
	(void)c;
}
