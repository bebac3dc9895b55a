#include "check.h"

void
check_text(struct ctx *c)
{
	(void)c;
}
