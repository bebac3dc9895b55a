#include "check.h"

void
check_structure(struct ctx *c)
{
	(void)c;
}
