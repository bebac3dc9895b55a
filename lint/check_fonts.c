#include "check.h"

void
check_fonts(struct ctx *c)
{
	(void)c;
}
