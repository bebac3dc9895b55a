/*
 * The rule table: every diagnostic manlint can give has one entry here,
 * and everything said about a rule (the message prefix, --explain,
 * --list-rules, the rules manual page) comes from that entry.
 */
#ifndef RULES_H
#define RULES_H

enum level {
	LVL_STYLE,
	LVL_WARNING,
	LVL_ERROR
};

/* Profiles a rule belongs to, as bits. */
#define PROF_PORTABLE	0x01	/* needed by any man(7) renderer */
#define PROF_MANPAGES	0x02	/* conventions of man-pages(7) */
#define PROF_ALL	(PROF_PORTABLE | PROF_MANPAGES)

enum rule {
	/* input */
	R_FILE_BINARY,
	R_FILE_TOO_LARGE,
	R_ENC_UTF8,
	R_ENC_CRLF,
	R_ENC_NUL,
	R_SO_MISSING,
	R_SO_LOOP,
	R_SO_OUTSIDE,
	R_INPUT_LIMIT,
	/* suppression comments */
	R_SUPPRESS_UNKNOWN,
	/* roff level */
	R_ROFF_UNCLOSED,
	R_ROFF_STRAY_CLOSE,
	R_MACRO_RECURSION,
	R_QUOTE_UNTERMINATED,
	R_MACRO_UNKNOWN,
	R_ESCAPE_UNKNOWN,
	R_APOSTROPHE_CONTROL,
	R_FONT_OPEN,
	R_FONT_PREV_NOCHANGE,
	/* man(7) blocks */
	R_BLOCK_UNCLOSED,
	R_BLOCK_STRAY_CLOSE,
	R_ALT_FONT_ONE_ARG,
	R_FONT_MACRO_EMPTY,
	/* cross references */
	R_XREF_NO_SPACE,
	R_XREF_WRONG_MACRO,
	R_XREF_PUNCT_GLUED,
	R_XREF_SELF_SECTION,
	R_TEXT_LONE_PUNCT,
	/* paragraphs */
	R_PARA_AFTER_HEADING,
	R_PARA_EMPTY,
	R_BREAK_BESIDE_PARA,
	R_TP_NO_TAG,
	R_BLANK_LINE,
	R_TEXT_LEADING_SPACE,
	/* TH and sections */
	R_TH_MISSING,
	R_TH_REPEATED,
	R_TH_ARGS,
	R_TH_SECTION_MISMATCH,
	R_TH_NOT_FIRST,
	R_NAME_FIRST,
	R_NAME_FORMAT,
	R_SECTION_ORDER,
	R_SECTION_REPEATED,
	R_SECTION_EMPTY,
	/* text */
	R_SENTENCE_SAME_LINE,
	R_TRAILING_SPACE,
	R_TEXT_TAB,
	R_LINE_TOO_LONG,
	R_REPEATED_WORD,
	/* man-pages style: SYNOPSIS, font macro arguments, words,
	 * requests and headings */
	R_SYN_PARAM_ROMAN,
	R_SYN_STAR,
	R_SYN_GLUED,
	R_SYN_FUNC_SPACE,
	R_SYN_COMMENT_BOLD,
	R_SYN_PLACEHOLDER_CAPS,
	R_SYN_BREAK,
	R_OP_BREAKABLE,
	R_ALT_SPLIT,
	R_FONT_EXTRA_ARG,
	R_FONT_ARG_SPACE,
	R_FONT_PHRASE,
	R_ALT_SWAPPED,
	R_ALT_PROSE,
	R_ALT_PAREN_GLUED,
	R_ALT_COMMA_GLUED,
	R_QUOTE_STRAY,
	R_CONST_ITALIC,
	R_PATH_BOLD,
	R_FUNC_ITALIC,
	R_FONT_MIXED,
	R_WORD_FONT,
	R_ERRNO_ROMAN,
	R_MINUS_HYPHEN,
	R_AD_MODE,
	R_AD_REDUNDANT,
	R_BR_ARGS,
	R_BR_NOFILL,
	R_TI_REQUEST,
	R_TP_WIDTH,
	R_INDENT_UNIT,
	R_TEXT_MACRO_NAME,
	R_LONE_DOT,
	R_NEXT_LINE_PUNCT,
	R_MACRO_TAB,
	R_HEADING_EMPTY,
	R_HEADING_CASE,
	R_HEADING_STANDARD_SS,
	R_MACRO_DISCOURAGED,
	/* example programs (--examples) */
	R_EXAMPLE_EXTRACT,
	R_EXAMPLE_BUILD,
	R_EXAMPLE_RUN,
	R_EXAMPLE_OUTPUT,
	/* patches and patch mail (--diff) */
	R_PATCH_DOES_NOT_APPLY,
	R_PATCH_MANGLED,
	R_MAIL_SIGNOFF_MISSING,
	R_MAIL_SUBJECT,
	R__COUNT
};

struct rule_info {
	const char	*id;		/* stable kebab-case identifier */
	enum level	 level;
	int		 profiles;	/* PROF_* bits */
	const char	*summary;	/* one line, for --list-rules */
	const char	*explain;	/* why it matters, for --explain */
	const char	*bad;		/* source lines that trigger it */
	const char	*good;		/* the same lines written well */
	int		 per_file;	/* most shown per file, if below
					   --max-per-rule; 0: no own limit */
};

extern const struct rule_info rule_table[R__COUNT];

/*
 * Rules are numbered: the built-in ones by enum rule, then the rules
 * loaded from rule files (prose rules) in the order registered.
 */
int		 rule_count(void);
const struct rule_info *rule_get(int);
int		 rule_register(const struct rule_info *);	/* its number */
int		 rule_lookup(const char *);	/* -1 if unknown */

const char	*level_name(enum level);
int		 level_parse(const char *, enum level *);

/* Profiles: names and the bit each stands for. */
int		 profile_parse(const char *);	/* PROF_* bit, or 0 */
const char	*profile_names(int bits);	/* "portable, man-pages" */

#endif
