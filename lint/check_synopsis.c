/*
 * Checks of the synopsis rule group; see the rule table in rules.c.
 */
#include "check.h"

void
check_synopsis(struct ctx *c)
{
	(void)c;
}
