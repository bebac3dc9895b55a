#include <stdio.h>
#include <string.h>

#include "docs.h"
#include "rules.h"

#define PAGE_DATE	"2026-11-26"
#define WRAP		72

void
docs_list_rules(FILE *out)
{
	int	 i;

	for (i = 0; i < rule_count(); i++)
		fprintf(out, "%-22s %-8s %s\n", rule_get(i)->id,
		    level_name(rule_get(i)->level), rule_get(i)->summary);
}

/* Print text indented, one source sentence a line, as --explain does. */
static void
print_block(FILE *out, const char *title, const char *s)
{
	const char	*nl;

	fprintf(out, "\n%s:\n", title);
	while (*s != '\0') {
		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		fprintf(out, "    %.*s\n", (int)(nl - s), s);
		s = *nl ? nl + 1 : nl;
	}
}

/* Wrap prose at WRAP columns for the terminal. */
static void
print_wrapped(FILE *out, const char *s)
{
	size_t	 col = 0, w;
	const char *word;

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		word = s;
		while (*s != '\0' && *s != ' ')
			s++;
		w = s - word;
		if (w == 0)
			break;
		if (col > 0 && col + 1 + w > WRAP) {
			putc('\n', out);
			col = 0;
		}
		if (col > 0) {
			putc(' ', out);
			col++;
		}
		fprintf(out, "%.*s", (int)w, word);
		col += w;
	}
	putc('\n', out);
}

void
docs_explain(FILE *out, int r)
{
	const struct rule_info	*ri = rule_get(r);

	fprintf(out, "%s (%s; profile: %s)\n%s\n\n", ri->id,
	    level_name(ri->level), profile_names(ri->profiles), ri->summary);
	print_wrapped(out, ri->explain);
	if (ri->bad != NULL)
		print_block(out, "Reported", ri->bad);
	if (ri->good != NULL)
		print_block(out, "Instead", ri->good);
}

/* Write text as roff: escape backslashes, protect leading dots. */
static void
roff_escape(FILE *out, const char *s, size_t n, int protect)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i == 0 && protect && (s[i] == '.' || s[i] == '\''))
			fputs("\\&", out);
		if (s[i] == '\\')
			fputs("\\e", out);
		else if (s[i] == '-' && (i == 0 || s[i - 1] == ' ' ||
		    s[i - 1] == '"'))
			fputs("\\-", out);
		else
			putc(s[i], out);
	}
}

/*
 * Does a word of an explanation quote source or code?  Macro names,
 * escapes, identifiers with underscores and calls are set in bold, so
 * that the page keeps to the conventions it describes.
 */
static int
is_code(const char *w, size_t n)
{
	return n > 1 && (w[0] == '.' || w[0] == '\\' ||
	    memchr(w, '_', n) != NULL || memchr(w, '(', n) != NULL);
}

/* Write one word: quoted spans and code in bold, the quotes dropped. */
static size_t
put_word(FILE *out, const char *w, size_t n, int *quoted, int atstart)
{
	size_t	 lead = 0, core, trail = 0, len = 0;
	int	 bold, closes;

	while (lead < n && w[lead] == '(' && (lead + 1 == n ||
	    memchr(w + lead + 1, ')', n - lead - 1) == NULL))
		lead++;
	if (lead < n && w[lead] == '"') {
		*quoted = 1;
		lead++;
	}
	roff_escape(out, w, lead - (*quoted && lead > 0 && w[lead - 1] == '"'),
	    atstart);
	/* A closing parenthesis is punctuation unless it closes a call. */
	while (trail < n - lead && strchr(",.;:)", w[n - 1 - trail]) != NULL &&
	    !(w[n - 1 - trail] == ')' && memchr(w + lead, '(',
	    n - lead - trail) != NULL) &&
	    !(trail == 0 && n - lead > 1 && w[n - 1] == '.' &&
	    w[n - 2] == '.'))
		trail++;
	closes = trail < n - lead && w[n - 1 - trail] == '"';
	core = n - lead - trail - closes;
	bold = *quoted || is_code(w + lead, core);
	if (bold && core > 0) {
		fputs("\\fB", out);
		len += 3;
	}
	roff_escape(out, w + lead, core, atstart && lead == 0 && !bold);
	if (bold && core > 0) {
		fputs("\\fR", out);
		len += 3;
	}
	roff_escape(out, w + n - trail, trail, 0);
	if (closes)
		*quoted = 0;
	return len + n;
}

/*
 * Emit prose with semantic newlines: a sentence ends at ".  ", and a
 * long sentence is broken after a comma, a semicolon or a colon where
 * one comes late enough, or else where the line is full.
 */
static void
roff_prose(FILE *out, const char *s)
{
	const char	*w, *end;
	size_t		 n, col = 0;
	int		 quoted = 0;

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		w = s;
		while (*s != '\0' && *s != ' ')
			s++;
		n = s - w;
		if (col > 0 && col + 1 + n > WRAP) {
			putc('\n', out);
			col = 0;
		}
		if (col > 0) {
			putc(' ', out);
			col++;
		}
		col += put_word(out, w, n, &quoted, col == 0);
		end = w + n - 1;
		/* A sentence ends the line; so does a clause once it is long. */
		if ((*end == '.' && strncmp(s, "  ", 2) == 0) ||
		    (col > WRAP / 2 && strchr(",;:", *end) != NULL) ||
		    *s == '\0') {
			putc('\n', out);
			col = 0;
		}
	}
}

/* A rule identifier is typed by users, so its hyphens are minus signs. */
static void
roff_id(FILE *out, const char *id)
{
	for (; *id != '\0'; id++)
		if (*id == '-')
			fputs("\\-", out);
		else
			putc(*id, out);
}

static void
roff_example(FILE *out, const char *label, const char *s)
{
	const char	*nl;

	fprintf(out, "%s:\n.PP\n.in +4n\n.EX\n", label);
	while (*s != '\0') {
		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		roff_escape(out, s, nl - s, 1);
		putc('\n', out);
		s = *nl ? nl + 1 : nl;
	}
	fputs(".EE\n.in\n", out);
}

void
docs_rules_page(FILE *out)
{
	const struct rule_info	*ri;
	int			 i;

	fputs(".\\\" This page is generated by \"manlint --rules-page\""
	    " from the rule table\n"
	    ".\\\" in lint/rules.c; edit the table, not this file.\n", out);
	fprintf(out, ".TH MANLINT-RULES 7 %s \"manlint\"\n", PAGE_DATE);
	fputs(".SH NAME\n"
	    "manlint-rules \\- the checks manlint makes on manual pages\n"
	    ".SH DESCRIPTION\n"
	    "Each diagnostic of\n.BR manlint (1)\n"
	    "names the rule that gave it.\n"
	    "This page lists every rule with its level,\n"
	    "the profiles it belongs to,\n"
	    "why it matters,\n"
	    "and, where it helps, source that triggers it\n"
	    "and the same source written well.\n"
	    ".PP\n"
	    "Levels are\n.B error\n"
	    "(the page renders wrongly or loses text),\n"
	    ".B warning\n"
	    "(the markup is likely wrong),\n"
	    "and\n.B style\n"
	    "(a convention of\n.BR man\\-pages (7)\n"
	    "is not followed).\n"
	    "Rules are turned off with\n.B \\-\\-disable\n"
	    "and explained on the terminal with\n.BR \\-\\-explain .\n"
	    ".SH RULES\n", out);
	for (i = 0; i < rule_count(); i++) {
		ri = rule_get(i);
		fputs(".SS ", out);
		roff_id(out, ri->id);
		putc('\n', out);
		fprintf(out, "Level: %s.\nProfiles: %s.\n.PP\n",
		    level_name(ri->level), profile_names(ri->profiles));
		roff_prose(out, ri->explain);
		if (ri->bad != NULL) {
			fputs(".PP\n", out);
			roff_example(out, "Reported", ri->bad);
		}
		if (ri->good != NULL) {
			fputs(".PP\n", out);
			roff_example(out, "Instead", ri->good);
		}
	}
	fputs(".SH SEE ALSO\n.BR manlint (1),\n.BR man (7),\n"
	    ".BR man\\-pages (7)\n", out);
}
