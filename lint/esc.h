/*
 * roff escape sequences: where one ends and what it does, as far as
 * the rules need to know.
 */
#ifndef ESC_H
#define ESC_H

#include <stddef.h>

enum esc_kind {
	ESC_UNKNOWN,	/* backslash and a character that starts nothing */
	ESC_TRUNC,	/* backslash at the end of the input */
	ESC_BACKSLASH,	/* \e, \\ */
	ESC_MINUS,	/* \- */
	ESC_SPACE,	/* \ , \~, \0: a space that does not break */
	ESC_THIN,	/* \|, \^: a small space */
	ESC_ZERO,	/* \&, \%, \:, \), \,, \/: nothing visible */
	ESC_NOSPACE,	/* \c: join with the next line */
	ESC_CHAR,	/* \', \`, \., \!... a character */
	ESC_FONT,	/* \fX, \f(XX, \f[name] */
	ESC_SPECIAL,	/* \(xx, \[name], \C'name' */
	ESC_STRING,	/* \*x, \*(xx, \*[name] */
	ESC_COMMENT,	/* \" and \# */
	ESC_BRACE_OPEN,	/* \{ */
	ESC_BRACE_CLOSE,/* \} */
	ESC_OTHER	/* a known escape manlint does not interpret */
};

struct esc {
	enum esc_kind	 kind;
	size_t		 len;	/* bytes, the backslash included */
	const char	*name;	/* font, glyph or string name, if any */
	size_t		 namelen;
	int		 malformed;	/* an argument is not terminated */
};

/* Parse the escape at s (s[0] is the backslash), n bytes available. */
void	esc_parse(const char *s, size_t n, struct esc *);

#endif
