/*
 * Checks of the words rule group; see the rule table in rules.c.
 */
#include "check.h"

void
check_words(struct ctx *c)
{
	(void)c;
}
