/*
 * Escape sequence lengths follow groff(7): a name is one character,
 * "(xx" or "[name]"; a delimited argument runs to the next copy of
 * its first character.
 */
#include <string.h>

#include "esc.h"

/* Parse a name argument at s: X, (XX or [NAME].  Return its length. */
static size_t
parse_name(const char *s, size_t n, struct esc *e)
{
	const char	*end;

	if (n == 0) {
		e->malformed = 1;
		return 0;
	}
	if (s[0] == '(') {
		if (n < 3) {
			e->malformed = 1;
			return n;
		}
		e->name = s + 1;
		e->namelen = 2;
		return 3;
	}
	if (s[0] == '[') {
		if ((end = memchr(s, ']', n)) == NULL) {
			e->malformed = 1;
			e->name = s + 1;
			e->namelen = n - 1;
			return n;
		}
		e->name = s + 1;
		e->namelen = end - s - 1;
		return end - s + 1;
	}
	e->name = s;
	e->namelen = 1;
	return 1;
}

/* Parse a delimited argument at s, 'text'.  Return its length. */
static size_t
parse_delim(const char *s, size_t n, struct esc *e)
{
	size_t	 i;
	char	 d;

	if (n == 0) {
		e->malformed = 1;
		return 0;
	}
	d = s[0];
	for (i = 1; i < n; i++) {
		if (s[i] == '\\' && d != '\\') {
			i++;
			continue;
		}
		if (s[i] == d)
			return i + 1;
	}
	e->malformed = 1;
	return n;
}

/* \s takes a signed size: N, NN (10-39), (NN, [N] or 'N'. */
static size_t
parse_size(const char *s, size_t n, struct esc *e)
{
	size_t	 i = 0;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	if (i >= n) {
		e->malformed = 1;
		return i;
	}
	if (s[i] == '(' || s[i] == '[')
		return i + parse_name(s + i, n - i, e);
	if (s[i] == '\'')
		return i + parse_delim(s + i, n - i, e);
	if (s[i] >= '1' && s[i] <= '3' && i + 1 < n &&
	    s[i + 1] >= '0' && s[i + 1] <= '9')
		return i + 2;
	if (s[i] >= '0' && s[i] <= '9')
		return i + 1;
	e->malformed = 1;
	return i;
}

void
esc_parse(const char *s, size_t n, struct esc *e)
{
	const char	*a = s + 2;
	size_t		 an = n >= 2 ? n - 2 : 0;

	memset(e, 0, sizeof(*e));
	if (n < 2) {
		e->kind = ESC_TRUNC;
		e->len = n;
		return;
	}
	e->len = 2;
	switch (s[1]) {
	case 'e':
	case '\\':
		e->kind = ESC_BACKSLASH;
		break;
	case '-':
		e->kind = ESC_MINUS;
		break;
	case ' ':
	case '~':
	case '0':
		e->kind = ESC_SPACE;
		break;
	case '|':
	case '^':
		e->kind = ESC_THIN;
		break;
	case '&':
	case '%':
	case ':':
	case ')':
	case ',':
	case '/':
	case 'a':
	case 't':
	case 'p':
	case 'r':
	case 'u':
	case 'd':
	case '!':
	case 'E':
		e->kind = ESC_ZERO;
		break;
	case 'c':
		e->kind = ESC_NOSPACE;
		break;
	case '\'':
	case '`':
	case '_':
	case '.':
	case '?':
		e->kind = ESC_CHAR;
		break;
	case '"':
	case '#':
		e->kind = ESC_COMMENT;
		e->len = n;
		break;
	case '{':
		e->kind = ESC_BRACE_OPEN;
		break;
	case '}':
		e->kind = ESC_BRACE_CLOSE;
		break;
	case 'f':
		e->kind = ESC_FONT;
		e->len += parse_name(a, an, e);
		break;
	case '(':
	case '[':
		e->kind = ESC_SPECIAL;
		e->len = 1 + parse_name(s + 1, n - 1, e);
		break;
	case 'C':
		e->kind = ESC_SPECIAL;
		e->len += parse_delim(a, an, e);
		if (e->len > 4) {
			e->name = s + 3;
			e->namelen = e->len - 4;
		}
		break;
	case '*':
		e->kind = ESC_STRING;
		e->len += parse_name(a, an, e);
		break;
	case 'n':
		e->kind = ESC_OTHER;
		if (an > 0 && (a[0] == '+' || a[0] == '-')) {
			e->len++;
			a++;
			an--;
		}
		e->len += parse_name(a, an, e);
		break;
	case 'F':
	case 'g':
	case 'k':
	case 'm':
	case 'M':
	case 'V':
	case 'Y':
	case '$':
	case 'O':
		e->kind = ESC_OTHER;
		e->len += parse_name(a, an, e);
		break;
	case 's':
		e->kind = ESC_OTHER;
		e->len += parse_size(a, an, e);
		break;
	case 'A':
	case 'B':
	case 'b':
	case 'D':
	case 'H':
	case 'h':
	case 'L':
	case 'l':
	case 'N':
	case 'o':
	case 'R':
	case 'S':
	case 'v':
	case 'w':
	case 'X':
	case 'x':
	case 'Z':
		e->kind = ESC_OTHER;
		e->len += parse_delim(a, an, e);
		break;
	case 'z':
		e->kind = ESC_OTHER;
		e->len += an > 0;
		break;
	case '\n':
		e->kind = ESC_ZERO;
		break;
	default:
		e->kind = ESC_UNKNOWN;
		break;
	}
}
