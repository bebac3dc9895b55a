/*
 * Rule documentation, all generated from the rule table: the
 * --list-rules listing, --explain, and the manlint-rules(7) page.
 */
#ifndef DOCS_H
#define DOCS_H

#include <stdio.h>

void	docs_list_rules(FILE *);
void	docs_explain(FILE *, int rule);
void	docs_rules_page(FILE *);

#endif
