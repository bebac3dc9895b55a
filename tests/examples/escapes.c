#include <stdio.h>

/* Every escape in code turns into C text. */
int
main(void)
{
    const char  *s = "\\ \" \" ' ' ~ ~ ^ ^";
    unsigned    m1 = ~0u ^ 1u;
    unsigned    m2 = ~0u ^ 2u;

    printf("%s\n", s);
    printf("%c\n", '\\');
    printf("%u %u\n", m1, m2);
    printf("`%d\n", 5 - 3);
    printf("abcde\n");
    printf("x y\n");
    return 0;
}
