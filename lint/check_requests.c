/*
 * Checks of the requests rule group; see the rule table in rules.c.
 */
#include "check.h"

void
check_requests(struct ctx *c)
{
	(void)c;
}
