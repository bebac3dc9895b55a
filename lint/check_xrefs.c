#include "check.h"

void
check_xrefs(struct ctx *c)
{
	(void)c;
}
