/*
 * The rule table.  Order follows enum rule in rules.h.
 */
#include <string.h>

#include "util.h"

#include "rules.h"

#define ALL	PROF_ALL
#define MP	PROF_MANPAGES

const struct rule_info rule_table[R__COUNT] = {
	[R_FILE_BINARY] = { "file-binary", LVL_ERROR, ALL,
	    "the file is not text",
	    "The file holds many NUL bytes or other control characters, so it "
	    "is not roff source.  It is reported once and not checked further.",
	    NULL, NULL },
	[R_FILE_TOO_LARGE] = { "file-too-large", LVL_ERROR, ALL,
	    "the file is larger than manlint reads",
	    "Files over 256 MiB are refused so that memory use stays "
	    "bounded.  No manual page comes near that size.",
	    NULL, NULL },
	[R_ENC_UTF8] = { "encoding-utf8", LVL_ERROR, ALL,
	    "invalid UTF-8",
	    "Manual pages are read as UTF-8.  A byte sequence that is not "
	    "valid UTF-8 renders as garbage or is dropped.  Write non-ASCII "
	    "characters as valid UTF-8, or better as roff escapes such as "
	    "\\[u00E9].",
	    NULL, NULL },
	[R_ENC_CRLF] = { "encoding-crlf", LVL_WARNING, ALL,
	    "carriage return at the end of a line",
	    "Lines end in CR LF, as on DOS.  roff takes the carriage return "
	    "as part of the line, so it can end up in the output and breaks "
	    "macro arguments.  Convert the file to plain LF line ends.  The "
	    "first such line is reported, with the number of lines affected.",
	    NULL, NULL },
	[R_ENC_NUL] = { "encoding-nul", LVL_ERROR, ALL,
	    "NUL byte in the input",
	    "roff source must not contain NUL bytes; formatters drop them or "
	    "stop.  Remove the byte.",
	    NULL, NULL },
	[R_SO_MISSING] = { "so-missing", LVL_ERROR, ALL,
	    ".so names a file that cannot be read",
	    "A .so request includes another page, named relative to the "
	    "root of the manual tree (the directory that holds man1, man2, "
	    "and so on).  The named file does not exist there, so the page "
	    "renders empty.",
	    ".so man2/nosuchpage.2", ".so man2/mmap.2" },
	[R_SO_LOOP] = { "so-loop", LVL_ERROR, ALL,
	    ".so includes a page that is already being included",
	    "Following the .so requests leads back to a page that is "
	    "already open, so a formatter would recurse until it gives up.",
	    NULL, NULL },
	[R_SO_OUTSIDE] = { "so-outside", LVL_ERROR, ALL,
	    ".so names a path outside the manual tree",
	    "Absolute paths and paths with a \"..\" component in .so are "
	    "refused: they make the page depend on the machine it is read "
	    "on, and an untrusted page could name any file.  So is a name "
	    "that a symbolic link takes out of the manual tree.  Name the "
	    "page relative to the manual root, as man2/page.2.",
	    ".so /usr/share/man/man2/mmap.2", ".so man2/mmap.2" },
	[R_INPUT_LIMIT] = { "input-limit", LVL_ERROR, ALL,
	    "the page goes past one of manlint's limits",
	    "manlint keeps its time and memory bounded on any input.  It "
	    "follows conditionals nested up to 100 deep on one line "
	    "(.if a .if b ...), and reads up to 64 files included with .so "
	    "for one page, counting a file again each time it is included. "
	    " Past a limit, the rest of the line or the further files are "
	    "not checked.  No real page comes near these limits: one that "
	    "does is damaged, generated wrongly, or hostile.",
	    NULL, NULL },
	[R_SUPPRESS_UNKNOWN] = { "suppress-unknown-rule", LVL_WARNING, ALL,
	    "a suppression comment names a rule that does not exist",
	    "A comment of the form .\\\" manlint: disable RULE, enable RULE "
	    "or disable-next-line RULE turns rules off for some lines of "
	    "the page.  A name that is no rule turns nothing off, so the "
	    "diagnostic it was meant for still shows; most often the name "
	    "is misspelled or the rule was renamed.  The names are those "
	    "of manlint --list-rules, or \"all\".",
	    ".\\\" manlint: disable-next-line trailing-spaces",
	    ".\\\" manlint: disable-next-line trailing-space" },
	[R_ROFF_UNCLOSED] = { "roff-unclosed", LVL_ERROR, ALL,
	    "a roff definition, ignore block or brace group is not closed",
	    "A .de, .am or .ig request collects lines until a line holding "
	    "\"..\", and a conditional body opened with \\{ runs until \\}.  "
	    "When the end marker is missing the rest of the page is "
	    "swallowed.",
	    ".ig\nhidden text", ".ig\nhidden text\n.." },
	[R_ROFF_STRAY_CLOSE] = { "roff-stray-close", LVL_WARNING, ALL,
	    "a closing \"..\" or \\} with nothing open",
	    "The line closes a definition or brace group that was never "
	    "opened.  It is probably left over from an edit; remove it.",
	    NULL, NULL },
	[R_MACRO_RECURSION] = { "macro-recursion", LVL_WARNING, ALL,
	    "a macro defined with .de calls itself, unconditionally",
	    "A line of the macro's body calls the macro itself, directly or "
	    "through other macros the page defines, and not under a "
	    "condition, so a formatter that expands it recurses until it "
	    "hits its limit and stops with an error.  Calls under .if, .ie "
	    "or .el are not counted, since a condition can end the "
	    "recursion.",
	    ".de XX\n.XX\n..", ".de XX\n.B \\\\$1\n.." },
	[R_QUOTE_UNTERMINATED] = { "quote-unterminated", LVL_WARNING, ALL,
	    "unterminated quoted macro argument",
	    "A macro argument that starts with a double quote runs to the "
	    "closing quote.  Without one it runs to the end of the line, and "
	    "any intended argument split is lost.",
	    ".BR \"MAP_LOCKED (since Linux 2.5.37)",
	    ".BR MAP_LOCKED \" (since Linux 2.5.37)\"" },
	[R_MACRO_UNKNOWN] = { "macro-unknown", LVL_ERROR, ALL,
	    "unknown macro or request",
	    "The control line names neither a man(7) macro, nor a roff "
	    "request, nor a macro defined earlier in the page.  Formatters "
	    "ignore it, so its text is lost.  Check the spelling, or start "
	    "the line with \\& if it is text that begins with a period.",
	    ".Bx foo", ".B foo" },
	[R_ESCAPE_UNKNOWN] = { "escape-unknown", LVL_WARNING, ALL,
	    "unknown escape sequence",
	    "A backslash followed by a character that starts no roff escape "
	    "prints that character alone, and the backslash vanishes.  To "
	    "print a backslash, write \\e.",
	    "C:\\qfoo", "C:\\eqfoo" },
	[R_APOSTROPHE_CONTROL] = { "apostrophe-control", LVL_WARNING, ALL,
	    "text line starting with an apostrophe is read as a control line",
	    "roff takes a line that starts with ' as a request without a "
	    "break, so a text line that starts with a quotation mark "
	    "vanishes.  Start it with \\& or move the word.",
	    "'quoted' words", "\\&'quoted' words" },
	[R_FONT_OPEN] = { "font-open", LVL_WARNING, ALL,
	    "font change left open at the end of a paragraph",
	    "A \\fB or \\fI escape switches the font until another font "
	    "escape.  When the paragraph ends first, the change leaks into "
	    "what follows in some formatters.  Close it with \\fR or \\fP, or "
	    "use the font macros .B, .I, .BR and so on.",
	    "the \\fBMAP_LOCKED flag\n.PP", "the \\fBMAP_LOCKED\\fP flag\n.PP" },
	[R_FONT_PREV_NOCHANGE] = { "font-prev-nochange", LVL_WARNING, ALL,
	    "\\fP restores a font that was never changed",
	    "\\fP returns to the font in use before the last font change.  "
	    "Here nothing changed the font since the paragraph began, so the "
	    "escape is a leftover.  Remove it, or add the change it was "
	    "meant to close.",
	    "flag\\fP is set", "flag is set" },
	[R_BLOCK_UNCLOSED] = { "block-unclosed", LVL_ERROR, ALL,
	    "a block is opened and never closed",
	    "Blocks come in pairs: .RS/.RE, .EX/.EE, .nf/.fi, .UR/.UE, "
	    ".MT/.ME, .SY/.YS, .TS/.TE, .EQ/.EN, and .in +N with a plain "
	    ".in.  A block left open changes the indentation, fill mode or "
	    "layout of everything after it.  Close it before the section "
	    "ends.",
	    ".RS\ntext\n.SH NEXT", ".RS\ntext\n.RE\n.SH NEXT" },
	[R_BLOCK_STRAY_CLOSE] = { "block-stray-close", LVL_ERROR, ALL,
	    "a block is closed that was not open",
	    "The closing macro (.RE, .EE, .fi, .UE, .ME, .YS, .TE, .EN) has no "
	    "matching opening macro, so it closes an outer block or does "
	    "nothing.",
	    "text\n.RE", "text" },
	[R_ALT_FONT_ONE_ARG] = { "alt-font-one-arg", LVL_WARNING, ALL,
	    "alternating font macro with a single argument that needs two",
	    "The macros .BR, .BI, .IB, .IR, .RB and .RI alternate fonts "
	    "between their arguments.  A single argument that ends in () "
	    "or in punctuation shows that a space is missing: the "
	    "parentheses or the punctuation, meant for the other font, are "
	    "set with the name.  A single plain word (.BR MAP_LOCKED) prints "
	    "as bold and is reported when it is the only one in the page, "
	    "a slip where .B was meant; a page that writes single words "
	    "that way throughout follows an old habit and is left alone.",
	    ".BR mmap()\n.BR EINVAL,", ".BR mmap ()\n.BR EINVAL ," },
	[R_FONT_MACRO_EMPTY] = { "font-macro-empty", LVL_WARNING, ALL,
	    "font macro with no text to set",
	    "A font macro without arguments applies to the next text line.  "
	    "Here the next line is another macro or the end of the block, so "
	    "the macro does nothing.",
	    ".B\n.PP", ".PP" },
	[R_XREF_NO_SPACE] = { "xref-no-space", LVL_WARNING, MP,
	    "cross reference without a space before the section",
	    "A reference is written as two arguments, the name in bold and "
	    "the section in roman.  \".BR name(2)\" sets the whole reference "
	    "in bold; so does name(2) in any bold or italic argument.",
	    ".BR mlock(2)", ".BR mlock (2)" },
	[R_XREF_WRONG_MACRO] = { "xref-wrong-macro", LVL_WARNING, MP,
	    "cross reference set with the wrong font macro",
	    "man-pages(7) sets a reference to another page with the name in "
	    "bold and the section in roman, that is, .BR name (N).  .IR, .B "
	    "and .I set it in the wrong fonts.",
	    ".IR mlock (2)", ".BR mlock (2)" },
	[R_XREF_PUNCT_GLUED] = { "xref-punct-glued", LVL_WARNING, MP,
	    "punctuation glued to a bold or italic argument",
	    "Punctuation after a name belongs in the roman argument that "
	    "follows it; glued to the name it is set in bold or italic.  "
	    "That holds for a closing parenthesis, for the () of a "
	    "function, and for punctuation between a reference and its "
	    "section or after it.  In a SYNOPSIS, C punctuation is bold, "
	    "so only italic arguments are checked there.",
	    ".B AT_FDCWD,\n.RB ( O_CLOEXEC)\n.BR mlock (2) .",
	    ".BR AT_FDCWD ,\n.RB ( O_CLOEXEC )\n.BR mlock (2)." },
	[R_XREF_SELF_SECTION] = { "xref-self-section", LVL_WARNING, MP,
	    "reference to the page itself carries a section",
	    "man-pages(7) writes a function that the page itself documents "
	    "as .BR name () without a section: a section number would turn "
	    "it into a cross reference that leads back to the same page.",
	    ".BR mmap (2)\n(in mmap.2)", ".BR mmap ()" , 1 },
	[R_TEXT_LONE_PUNCT] = { "text-lone-punct", LVL_WARNING, ALL,
	    "text line holding only an operator or punctuation",
	    "A text line made only of an operator or punctuation (\"+\", "
	    "\",\", \"/\") between two macro lines renders as a fragment "
	    "glued between the words around it.  Write the words it stands "
	    "for, or attach the mark to a macro argument.",
	    ".BR mmap ()\n+\n.BR mlock (2)",
	    ".BR mmap ()\nfollowed by\n.BR mlock (2)" },
	[R_PARA_AFTER_HEADING] = { "para-after-heading", LVL_WARNING, ALL,
	    "paragraph macro right after a heading",
	    "A heading already starts a new paragraph.  A .PP, .P or .LP "
	    "right after .SH or .SS does nothing and is removed in "
	    "man-pages.  A single one is reported; a page that puts one "
	    "after several headings follows an old habit of its own and is "
	    "left alone.",
	    ".SH DESCRIPTION\n.PP\ntext", ".SH DESCRIPTION\ntext" },
	[R_PARA_EMPTY] = { "para-empty", LVL_WARNING, ALL,
	    "paragraph with nothing in it",
	    "The paragraph macro is followed at once by another paragraph "
	    "macro or a heading, so it starts an empty paragraph.  Remove "
	    "it.",
	    ".PP\n.PP\ntext", ".PP\ntext" },
	[R_BREAK_BESIDE_PARA] = { "break-beside-para", LVL_WARNING, ALL,
	    ".br or .sp next to a paragraph macro or heading",
	    "Paragraph macros and headings break the line and set their own "
	    "spacing, so a .br or .sp beside them adds nothing or adds "
	    "uneven space.",
	    "text\n.sp\n.PP", "text\n.PP" },
	[R_TP_NO_TAG] = { "tp-no-tag", LVL_WARNING, ALL,
	    ".TP with no tag line",
	    ".TP takes the next input line as the tag of the paragraph.  "
	    "When that line is missing, or is a macro that produces no text, "
	    "the paragraph has no tag.",
	    ".TP\n.PP", ".TP\n.B EINVAL\ntext" },
	[R_BLANK_LINE] = { "blank-line", LVL_WARNING, ALL,
	    "blank line in the input",
	    "A blank line in roff produces a blank output line and a break.  "
	    "Use a paragraph macro (.PP) to start a paragraph, or nothing.  "
	    "Blank lines in no-fill text (.nf, .EX) are lines of the display "
	    "and are not reported.  A single blank line in filled text is "
	    "reported; a page with more separates all its "
	    "paragraphs that way, the habit of pages written before "
	    "man-pages settled on .PP, and is left alone.  A comment line "
	    "that lost its leading dot (\\\" comment) also prints an empty "
	    "line; each is reported.",
	    "text\n\nmore", "text\n.PP\nmore" },
	[R_TEXT_LEADING_SPACE] = { "text-leading-space", LVL_WARNING, ALL,
	    "text line starts with white space",
	    "roff breaks the line before a text line that begins with a "
	    "space and keeps the spaces, so the output is indented "
	    "irregularly.  Remove the spaces, or use .RS/.RE or .EX/.EE.",
	    "  indented text", "indented text" },
	[R_TH_MISSING] = { "th-missing", LVL_ERROR, ALL,
	    "no .TH line",
	    "Every man(7) page starts with .TH, which names the page, its "
	    "section and its date.  Without it the header and footer are "
	    "empty.",
	    NULL, ".TH mmap 2 2026-01-01 \"project 1.0\"" },
	[R_TH_REPEATED] = { "th-repeated", LVL_ERROR, ALL,
	    ".TH appears more than once",
	    "A page has one .TH line.  A second one restarts the page "
	    "header in the middle of the text.",
	    NULL, NULL },
	[R_TH_ARGS] = { "th-args", LVL_WARNING, ALL,
	    ".TH has too few or too many arguments",
	    ".TH takes the title, the section, a date, a source and "
	    "optionally a manual name: two to five arguments.  man-pages "
	    "writes at least four.  A title that holds spaces must be "
	    "quoted.",
	    ".TH mmap", ".TH mmap 2 2026-01-01 \"project 1.0\"" },
	[R_TH_SECTION_MISMATCH] = { "th-section-mismatch", LVL_WARNING, ALL,
	    ".TH section does not match the file name",
	    "The section in .TH must be the one in the file name (mmap.2 is "
	    "in section 2), or the page header names the wrong section.",
	    ".TH mmap 3 (in mmap.2)", ".TH mmap 2" },
	[R_TH_NOT_FIRST] = { "th-not-first", LVL_WARNING, ALL,
	    "text or macros before .TH",
	    "Only comments and roff definitions may come before .TH.  Text "
	    "or macros before it are set with no page header.",
	    NULL, NULL },
	[R_NAME_FIRST] = { "name-first", LVL_ERROR, ALL,
	    "the first section is not NAME",
	    "The NAME section comes first: makewhatis, apropos and mandb "
	    "read the page's names and summary from it.",
	    NULL, ".SH NAME\nmmap \\- map files into memory" },
	[R_NAME_FORMAT] = { "name-format", LVL_WARNING, ALL,
	    "NAME section is not \"name \\- summary\"",
	    "The NAME section is one text line: the names, comma separated, "
	    "then \\- and a short summary.  Indexers split the line at "
	    "\\-, so other forms break apropos.",
	    ".SH NAME\n.B mmap\n- map files", ".SH NAME\nmmap \\- map files" },
	[R_SECTION_ORDER] = { "section-order", LVL_WARNING, MP,
	    "standard section out of order",
	    "man-pages(7) gives an order for the standard sections: NAME, "
	    "LIBRARY, SYNOPSIS, CONFIGURATION, DESCRIPTION, OPTIONS, EXIT "
	    "STATUS, RETURN VALUE, ERRORS, ENVIRONMENT, FILES, ATTRIBUTES "
	    "and VERSIONS (either order), STANDARDS, HISTORY, NOTES, "
	    "CAVEATS, BUGS, EXAMPLES, AUTHORS, REPORTING BUGS, COPYRIGHT, "
	    "SEE ALSO.  Readers expect to find them there.  Sections with "
	    "other names may go anywhere.",
	    ".SH ERRORS\n.SH RETURN VALUE", ".SH RETURN VALUE\n.SH ERRORS" },
	[R_SECTION_REPEATED] = { "section-repeated", LVL_WARNING, ALL,
	    "section heading appears twice",
	    "Two sections have the same heading.  Merge them.",
	    NULL, NULL },
	[R_SECTION_EMPTY] = { "section-empty", LVL_WARNING, ALL,
	    "section or subsection with no content",
	    "The heading is followed at once by another heading or by the "
	    "end of the page.  Write its content or remove it.",
	    ".SH NOTES\n.SH SEE ALSO", ".SH SEE ALSO" },
	[R_SENTENCE_SAME_LINE] = { "sentence-same-line", LVL_STYLE, MP,
	    "new sentence does not start on a new source line",
	    "man-pages(7) asks for semantic newlines: each sentence starts "
	    "on a new source line.  roff then puts the right space after "
	    "the sentence end, and patches touch only the sentence they "
	    "change.  Abbreviations such as \"e.g.,\" and \"etc.\" are not "
	    "taken as sentence ends.",
	    "fails.  Therefore faults", "fails.\nTherefore faults" },
	[R_TRAILING_SPACE] = { "trailing-space", LVL_STYLE, ALL,
	    "white space at the end of a line",
	    "Trailing white space is invisible in the source, can change "
	    "macro arguments and adds noise to patches.  Remove it.",
	    NULL, NULL },
	[R_TEXT_TAB] = { "text-tab", LVL_STYLE, ALL,
	    "tab in filled text",
	    "In filled text a tab moves to the next tab stop, which gives "
	    "uneven gaps.  Use a space.  Tabs in examples (.nf, .EX), in "
	    "tbl data and under tab stops that a .ta in the filled text of "
	    "the same section sets are left alone: there they line up "
	    "columns.  Stops set for a no-fill table do not count.",
	    NULL, NULL },
	[R_LINE_TOO_LONG] = { "line-too-long", LVL_STYLE, MP,
	    "text line longer than 80 bytes",
	    "Long source lines are hard to review in a patch mail.  Break "
	    "the line at a sentence or clause boundary (semantic newlines).  "
	    "An example line (.nf, .EX) is judged by the columns it prints, "
	    "escapes counted as the characters they stand for.  Lines "
	    "inside tables and comments are not counted.",
	    NULL, NULL },
	[R_REPEATED_WORD] = { "repeated-word", LVL_WARNING, ALL,
	    "the same word twice in a row, possibly across lines",
	    "A word written twice in a row is almost always an editing "
	    "slip.  It is easy to miss when the two copies are on different "
	    "source lines, or one of them is set with a font macro (\"the\" "
	    "at the end of a line, then \".B the\").  A word next to the "
	    "same word in italic is not reported: that is usually a noun "
	    "followed by the argument it names (\"at offset .IR offset \").  "
	    "\"that that\", \"had had\" and \"long long\" are left alone.  "
	    "Nor is a repetition in quotes, such as a command that gives a "
	    "program its own name as the argument.",
	    "Map the\n.B the\nregion.", "Map the\n.B region\nfirst." },
	[R_SYN_PARAM_ROMAN] = { "synopsis-param-roman", LVL_WARNING, MP,
	    "a SYNOPSIS parameter name set in roman",
	    "In a function prototype of a section 2 or 3 page the "
	    "parameter names are set in italic and everything else in "
	    "bold, which is what .BI does.  A parameter name given as the "
	    "roman argument of .BR or .RB, after a type that ends in a "
	    "space, an asterisk or a parenthesis, comes out in roman.",
	    ".BR \"void CPU_FREE(cpu_set_t *\" set );",
	    ".BI \"void CPU_FREE(cpu_set_t *\" set );" },
	[R_SYN_STAR] = { "synopsis-star", LVL_STYLE, MP,
	    "the * of a pointer parameter is in italic or spaced from the name",
	    "man-pages writes a pointer parameter as .BI \"const char *\" "
	    "name: the asterisk ends the bold type, with no space between "
	    "it and the name, and the italic argument holds only the "
	    "name.  An asterisk in the italic argument is set in italic, "
	    "and \"char * \" prints a gap that C programmers do not "
	    "write.",
	    ".BI \"void perror(const char \" *s );\n"
	    ".BI \"int test(char * \" buf );",
	    ".BI \"void perror(const char *\" s );\n"
	    ".BI \"int test(char *\" buf );" },
	[R_SYN_GLUED] = { "synopsis-glued", LVL_WARNING, MP,
	    "a type and a parameter name run together",
	    "The bold type and the italic parameter of .BI are printed "
	    "with nothing between them, so the type must end in a space "
	    "or an asterisk; otherwise the two words run together, as "
	    "\"intsignum\".",
	    ".BI \"int gsignal(int\" signum );",
	    ".BI \"int gsignal(int \" signum );" },
	[R_SYN_FUNC_SPACE] = { "synopsis-func-space", LVL_STYLE, MP,
	    "a space between a function name and its parenthesis in a prototype",
	    "In a prototype the function name is written directly before "
	    "its opening parenthesis, as in C code.  A space before \"(*\" "
	    "(a pointer declarator), after keywords such as sizeof, in "
	    "comments and on preprocessor lines is left alone.",
	    ".BI \"int mkostemp (char *\" template \", int \" flags );",
	    ".BI \"int mkostemp(char *\" template \", int \" flags );" },
	[R_SYN_COMMENT_BOLD] = { "synopsis-comment-bold", LVL_STYLE, MP,
	    "a comment in a prototype set in bold",
	    "Comments in a SYNOPSIS are set in roman, so that they stand "
	    "apart from the code: put the comment in a roman argument of "
	    ".BR, or start it with \\fR inside a .BI argument.  Only "
	    "comments after a declaration's semicolon or on a #include or "
	    "#define line are reported; a comment that stands for omitted "
	    "code, as in \"... /* arg */);\", is part of the prototype.",
	    ".B #include <fcntl.h>      /* Definition of AT_* constants */",
	    ".BR \"#include <fcntl.h>\" \"      /* Definition of AT_* "
	    "constants */\"" },
	[R_SYN_PLACEHOLDER_CAPS] = { "synopsis-placeholder-caps", LVL_STYLE, MP,
	    "a command's placeholder written in capitals",
	    "In the SYNOPSIS of a command (sections 1, 6 and 8), what the "
	    "user replaces is written in lowercase italic (file, pid), "
	    "not in capitals as in --help output.  Words in bold are "
	    "literal and are not checked, nor are lines of prose.",
	    ".BR ldd \" [OPTION]... FILE...\"",
	    ".BR ldd \" [\\fIoption\\fP]... \\fIfile\\fP...\"" },
	[R_SYN_BREAK] = { "synopsis-break", LVL_WARNING, MP,
	    ".br in a filled SYNOPSIS",
	    "man-pages sets the SYNOPSIS in no-fill mode (.nf ... .fi), "
	    "so that each line of source is a line of output.  Breaking "
	    "filled text with .br line by line does the same job badly, "
	    "and a line left without one runs into the next.  A .br "
	    "before a line that starts with \"or\", parting alternatives "
	    "of the feature test macro requirements, is left alone.",
	    ".B #include <stdio.h>\n.br\n.B #include <wchar.h>",
	    ".nf\n.B #include <stdio.h>\n.B #include <wchar.h>\n.fi" },
	[R_OP_BREAKABLE] = { "op-breakable", LVL_STYLE, MP,
	    "an operator between breakable spaces in a SYNOPSIS expression",
	    "In filled feature test macro requirements an expression such "
	    "as _XOPEN_SOURCE >= 500 should not be broken across output "
	    "lines; write the spaces around the operator as \\  (an "
	    "unbreakable space).  Each operator between two names or "
	    "numbers is reported; || and an && between comparisons are "
	    "places where a break reads well.",
	    "_XOPEN_SOURCE >= 500 || _XOPEN_SOURCE && _XOPEN_SOURCE_EXTENDED",
	    "_XOPEN_SOURCE\\ >=\\ 500 || "
	    "_XOPEN_SOURCE\\ &&\\ _XOPEN_SOURCE_EXTENDED" },
	[R_ALT_SPLIT] = { "alt-split", LVL_WARNING, ALL,
	    "one C token or header name split across macro arguments",
	    "The arguments of an alternating font macro are set in turns "
	    "of two fonts.  Giving #include and its header, or the two "
	    "halves of an expression such as sizeof(unsigned short), as "
	    "two arguments puts half of it in the wrong font: quote the "
	    "whole as one argument.",
	    ".BR #include <fcntl.h>\n"
	    ".IR E_TABSZ*sizeof(unsigned short) ,",
	    ".B #include <fcntl.h>\n"
	    ".IR \"E_TABSZ*sizeof(unsigned short)\" ," },
	[R_FONT_EXTRA_ARG] = { "font-extra-arg", LVL_WARNING, ALL,
	    "punctuation or () as a separate argument of .B or .I",
	    ".B and .I join their arguments with spaces and set them all "
	    "in one font, so \".I name ,\" prints an italic comma after a "
	    "space, and \".I name ()\" italic parentheses after one.  The "
	    "alternating macros set the second argument in roman with no "
	    "space: .IR name , or .BR name ().",
	    ".I fd ,\n.B mmap ()", ".IR fd ,\n.BR mmap ()" },
	[R_FONT_ARG_SPACE] = { "font-arg-space", LVL_WARNING, ALL,
	    "a .B or .I argument that starts with a space",
	    "A quoted argument that starts with a space, such as \" (since "
	    "Linux 2.6)\", is meant to follow the name in roman: that is "
	    "what .BR and .IR do.  .B and .I set it in bold or italic "
	    "with the name.",
	    ".B IN_EXCL_UNLINK \" (since Linux 2.6.36)\"",
	    ".BR IN_EXCL_UNLINK \" (since Linux 2.6.36)\"" },
	[R_FONT_PHRASE] = { "font-phrase", LVL_WARNING, ALL,
	    "running text on a .B or .I line after a name",
	    "When a C name or a pathname is followed by ordinary words on "
	    "the same .B or .I line, the words are set in bold or italic "
	    "too.  End the macro line after the name and continue the "
	    "sentence on a text line.  Titles, which start with a "
	    "capitalized word, are left alone.",
	    ".B CLONE_NEWUSER was specified in",
	    ".B CLONE_NEWUSER\nwas specified in" },
	[R_ALT_SWAPPED] = { "alt-swapped", LVL_WARNING, ALL,
	    "the fonts of an alternating macro are swapped",
	    "Only brackets and punctuation are set in bold or italic and "
	    "the word between them in roman: the macro's two fonts are the "
	    "wrong way round.",
	    ".BR ( FD_CLOEXEC )", ".RB ( FD_CLOEXEC )" },
	[R_ALT_PROSE] = { "alt-prose", LVL_WARNING, ALL,
	    "ordinary words as arguments of an alternating font macro",
	    "The arguments of .BR and its kin are printed without spaces "
	    "between them, so a word such as \"is\", \"and\" or \"see\" "
	    "given as an argument runs into the arguments beside it, and "
	    "the words alternate fonts.  End the macro line and continue "
	    "the sentence on a text line.",
	    ".BR crypt_r () is a GNU extension.",
	    ".BR crypt_r ()\nis a GNU extension." },
	[R_ALT_PAREN_GLUED] = { "alt-paren-glued", LVL_WARNING, ALL,
	    "a parenthesis glued to the name before it",
	    "A roman argument that opens a parenthesis on a word is "
	    "printed right after the bold or italic name, with no space.  "
	    "Start the argument with a space, or put the parenthesis on "
	    "the next line.  Arguments of a call, as .BR fcntl (F_GETFL), "
	    "are left alone.",
	    ".IR tcp_base_mss \"(integer; default: 512)\"",
	    ".IR tcp_base_mss \" (integer; default: 512)\"" },
	[R_ALT_COMMA_GLUED] = { "alt-comma-glued", LVL_WARNING, ALL,
	    "no space after a comma between macro arguments",
	    "A comma given as its own argument is printed with nothing "
	    "after it, so the next argument is glued to it.  Write \", \" "
	    "with the space.  Inside braces, as in a shell pattern "
	    "{a,b}, no space is wanted.",
	    ".RB ( EPOLL_CTL_ADD , EPOLL_CTL_MOD )",
	    ".RB ( EPOLL_CTL_ADD \", \" EPOLL_CTL_MOD )" },
	[R_QUOTE_STRAY] = { "quote-stray", LVL_WARNING, ALL,
	    "a double quote left over in a macro argument",
	    "A double quote inside an unquoted argument, or a doubled "
	    "quote inside a quoted one, is printed.  An odd number of them "
	    "in one argument is usually a quote that was meant to open or "
	    "close the argument.  Quote the whole argument, or write "
	    "\\(dq for a quote that is meant.",
	    ".IR dest + n \\- 1\" .", ".IR \"dest + n \\- 1\" ." },
	[R_CONST_ITALIC] = { "const-italic", LVL_WARNING, MP,
	    "a constant set in italic",
	    "man-pages sets constants (names in capitals with "
	    "underscores, error numbers, signals) in bold, and NULL in "
	    "roman; italic is for arguments, variables and types.  "
	    "Expressions are italic by rule and are left alone, and so "
	    "are pages of section 5, which may set the keywords of a file "
	    "format in italic.",
	    ".IR EINTR ,", ".BR EINTR ," },
	[R_PATH_BOLD] = { "path-bold", LVL_STYLE, MP,
	    "a pathname set in bold",
	    "man-pages sets file and directory names in italic, outside "
	    "the SYNOPSIS.",
	    ".B /etc/localtime", ".I /etc/localtime" },
	[R_FUNC_ITALIC] = { "func-italic", LVL_STYLE, MP,
	    "a function or command set in italic",
	    "Functions are set in bold, as .BR name (); italic is for "
	    "arguments.  The rule fires for a function the page documents "
	    "or sets in bold at least as often elsewhere: man-pages sets "
	    "functions it does not document, such as main() or kernel "
	    "functions, in italic.  In sections 1 and 8 it also fires for "
	    "the page's own command in italic.",
	    ".IR setns ()", ".BR setns ()" },
	[R_FONT_MIXED] = { "font-mixed", LVL_STYLE, MP,
	    "a name set in a font the page otherwise does not use for it",
	    "When a page sets an identifier (a name with an underscore, a "
	    "digit or a member access) in one font at least three times as "
	    "often as in the other, a use in the other font is probably a "
	    "slip.  Tags of .TP, NAME, SYNOPSIS, SEE ALSO and names "
	    "followed by () or a section are not counted.",
	    ".I futex_op\n...\n.BR futex_op ,",
	    ".I futex_op\n...\n.IR futex_op ," },
	[R_WORD_FONT] = { "word-font", LVL_STYLE, ALL,
	    "an ordinary word alone on a font macro line",
	    "A common English word such as \"The\" and \"or\" set by "
	    "itself in bold or italic, between other font macro lines or "
	    "with an alternating macro that has nothing to alternate "
	    "with (.BR The), is usually a word that lost its place; it "
	    "belongs in the roman text.",
	    ".I passwd\n.I or\n.I group", ".I passwd\nor\n.I group" },
	[R_ERRNO_ROMAN] = { "errno-roman", LVL_WARNING, MP,
	    "an error name in ERRORS not set in bold",
	    "Each entry of ERRORS starts with a .TP tag that names the "
	    "error in bold: .B EINVAL.  A tag written as a plain text line "
	    "is set in roman, so the error name does not stand out from "
	    "its description.",
	    ".TP\nEINVAL", ".TP\n.B EINVAL" },
	[R_MINUS_HYPHEN] = { "minus-hyphen", LVL_STYLE, MP,
	    "a hyphen where a minus sign is meant",
	    "A hyphen at the start of a word, before a digit or a letter, "
	    "is a negative number or an option, as -1 or -v.  roff prints "
	    "a hyphen there, which is shorter than a minus sign, may be "
	    "turned into a dash, and cannot be searched for or copied as "
	    "the minus sign the command line needs.  Write \\- instead.  "
	    "Text lines and font macro arguments are checked, examples "
	    "included; the feature test macro list of a SYNOPSIS is not, "
	    "as man-pages sets it in roman by convention.",
	    ".B -1", ".B \\-1" },
	[R_AD_MODE] = { "ad-mode", LVL_WARNING, MP,
	    ".ad forces an adjustment mode",
	    ".ad b (or n), .ad c and .ad r force justified, centred or "
	    "right-adjusted text, and other letters are no mode at all.  How "
	    "text is adjusted is the formatter's choice, and groff lets the "
	    "reader make it; man-pages only turns adjustment off with .ad l "
	    "where a ragged right margin reads better (the SYNOPSIS, tables, "
	    "SEE ALSO) and restores the default with a plain .ad.",
	    ".ad l\n.B #include <stdio.h>\n.ad b",
	    ".ad l\n.B #include <stdio.h>\n.ad" },
	[R_AD_REDUNDANT] = { "ad-redundant", LVL_STYLE, MP,
	    ".ad or .na that changes nothing",
	    "The request sets the adjustment that is already in effect: .ad "
	    "when nothing changed the default, .ad l while an earlier .ad l "
	    "is still in force, or .na when the right margin is already "
	    "ragged.  Remove it; when an earlier .ad l was never ended, the "
	    "missing .ad belongs after the text it was meant for.  Each .TH "
	    "starts from the default, and a conditional .ad or .na makes "
	    "the state unknown until the next plain one.",
	    ".SH DESCRIPTION\n.ad\nText.", ".SH DESCRIPTION\nText." },
	[R_BR_ARGS] = { "br-args", LVL_WARNING, ALL,
	    ".br with arguments",
	    ".br takes no arguments, and formatters drop whatever follows "
	    "it on the line, so those words never appear.  It is nearly "
	    "always .BR mistyped.",
	    ".br signal (7)", ".BR signal (7)" },
	[R_BR_NOFILL] = { "br-nofill", LVL_STYLE, ALL,
	    ".br where lines already break",
	    "In no-fill text (.nf, .EX) every input line is an output line, "
	    "and .nf, .fi, .EX, .EE and tables break the line themselves, so "
	    "a .br there does nothing.  In no-fill text one report is given "
	    "per block, with the number of .br requests in it.  A .br beside "
	    "a paragraph macro or heading is break-beside-para's case.",
	    ".nf\n.B #include <stdio.h>\n.br\n.B #include <stdlib.h>\n.fi",
	    ".nf\n.B #include <stdio.h>\n.B #include <stdlib.h>\n.fi" },
	[R_TI_REQUEST] = { "ti-request", LVL_STYLE, MP,
	    ".ti in a manual page",
	    "A temporary indent moves only the next output line, by a fixed "
	    "amount, so what it lines up depends on where the formatter "
	    "happened to break the line before.  In the SYNOPSIS, write the "
	    "prototype in .nf and indent continuation lines with spaces; "
	    "elsewhere use .RS/.RE or .IP.",
	    ".ti 20n\n.BI \"const char *\" str );",
	    ".nf\n.BI \"                     const char *\" str );\n.fi" },
	[R_TP_WIDTH] = { "tp-width", LVL_WARNING, ALL,
	    "a .TP argument that is not a width",
	    ".TP takes an indentation width as its argument; the tag is the "
	    "next input line.  A word written on the .TP line is read as a "
	    "width, which fails, and the word is lost from the output.",
	    ".TP EINVAL\nThe value is invalid.",
	    ".TP\n.B EINVAL\nThe value is invalid." },
	[R_INDENT_UNIT] = { "indent-unit", LVL_STYLE, MP,
	    "an indentation in inches, centimetres, points or picas",
	    "Widths of .TP, .IP, .HP, .RS and .in are given in ens (n) or "
	    "without a unit, so that they follow the font and the character "
	    "cells of a terminal.  Absolute units (i, c, p, P) do not; on a "
	    "terminal an inch is ten ens, and the message gives the width "
	    "in ens when it can.",
	    ".TP 1.1i", ".TP 11n" },
	[R_TEXT_MACRO_NAME] = { "text-macro-name", LVL_WARNING, ALL,
	    "a text line that looks like a macro with its dot missing",
	    "A text line that is only a macro name (TP, PP, br), or that "
	    "starts with a comma, semicolon or slash in place of the dot "
	    "(\",I comm\"), prints the name instead of calling the macro.  "
	    "Lines of tbl text blocks (T{ ... T}) are checked too; no-fill "
	    "text, where such a line may be code, is not, and the tag line "
	    "of a .TP may be any name but that of a paragraph macro (a "
	    "variable called SS, say).",
	    "text\nTP\n.B EINVAL", "text\n.TP\n.B EINVAL" },
	[R_LONE_DOT] = { "lone-dot", LVL_WARNING, ALL,
	    "a line holding only a dot after an unfinished sentence",
	    "A line holding only a period is an empty request: nothing is "
	    "printed.  Between a text or font macro line that ends no "
	    "sentence and more text of the same paragraph, the period was "
	    "meant to end the sentence and is lost.  Attach it to the line "
	    "before, as a roman argument of a font macro.  Before a macro "
	    "or a blank line a lone period only spaces the source, as in "
	    "groff's own pages, and is not reported.",
	    ".I cookie\n.\nThe cookie names an entry.",
	    ".IR cookie .\nThe cookie names an entry." },
	[R_NEXT_LINE_PUNCT] = { "next-line-punct", LVL_STYLE, ALL,
	    "punctuation starting the line after a font macro",
	    "Filled text joins input lines with a space, so a text line "
	    "that starts with a closing parenthesis, comma, semicolon or "
	    "colon after a font macro line prints a space before the mark.  "
	    "Put the mark on the macro line as a roman argument.",
	    ".I size\n).", ".IR size )." },
	[R_MACRO_TAB] = { "macro-tab", LVL_WARNING, ALL,
	    "a tab between the words of a font macro line",
	    "groff and mandoc split macro arguments only at spaces: a tab "
	    "between two words keeps them in one argument, with the tab "
	    "inside it.  For .BR and the other alternating macros the second "
	    "word gets the wrong font; in filled text the tab jumps to the "
	    "next tab stop.  Use a space, or quote the argument when the tab "
	    "is meant.  Tabs on .B and .I lines in no-fill text align columns "
	    "and are not reported.",
	    ".B TIOCNOTTY<tab>void", ".B \"TIOCNOTTY<tab>void\"" },
	[R_HEADING_EMPTY] = { "heading-empty", LVL_ERROR, ALL,
	    "a heading with no text",
	    ".SH or .SS with no text on its line takes the next input line "
	    "as the heading.  When that line is a macro, or nothing, the "
	    "heading is empty; when a .SH is followed by a line of ordinary "
	    "text (not in capitals), the first words of the section became "
	    "the heading and the real heading was left out.",
	    ".SH\nThe function first appeared in glibc 2.11.",
	    ".SH VERSIONS\nThe function first appeared in glibc 2.11." },
	[R_HEADING_CASE] = { "heading-case", LVL_WARNING, MP,
	    "a section heading not in capitals",
	    "man-pages writes section headings (.SH) in capitals and "
	    "subsection headings (.SS) in sentence case.  A .SH in mixed "
	    "case is usually a subsection written with the wrong macro.",
	    ".SH Page states in the status array",
	    ".SS Page states in the status array" },
	[R_HEADING_STANDARD_SS] = { "heading-standard-ss", LVL_WARNING, MP,
	    "a standard section name used as a subsection",
	    "NOTES, ERRORS, BUGS and the other standard section names, in "
	    "capitals, are sections of their own: write them with .SH, "
	    "where readers and tools look for them.  Subsections of a "
	    "section that is not a standard one (a style guide describing "
	    "the sections, say) are not reported, nor are sentence-case "
	    "subsections such as \"History\".",
	    ".SH STANDARDS\nPOSIX.1-2008.\n.SS NOTES\nText.",
	    ".SH STANDARDS\nPOSIX.1-2008.\n.SH NOTES\nText." },
	[R_MACRO_DISCOURAGED] = { "macro-discouraged", LVL_STYLE, MP,
	    "a macro man-pages does not use",
	    "man-pages does not use .SB and .SM: small type does not show on "
	    "a terminal and renders differently across formatters.  .R is "
	    "not a man(7) macro in groff, which defines R as a string (the "
	    "registered sign) and warns; only mandoc takes it as a roman "
	    "font macro.  Use .B, .I or plain text.",
	    ".SB Q_QUOTAON", ".B Q_QUOTAON" },
	[R_EXAMPLE_EXTRACT] = { "example-extract", LVL_ERROR, ALL,
	    "an example program cannot be taken out of the page",
	    "With --examples, programs are taken from between the "
	    "comments .\\\" SRC BEGIN (name.c) and .\\\" SRC END (.h files "
	    "too, written beside every program of the page), or, in a page "
	    "without them, from .EX/.EE blocks under EXAMPLES that hold a "
	    "whole C program.  A BEGIN comment without its END, an END "
	    "without a BEGIN, markers that enclose no .EX block, or a name "
	    "that is not a plain file name leave nothing that can be built.  "
	    "An escape with no plain text in code (a motion, a number "
	    "register such as \\n written for C's \\en, an unknown "
	    "string) means the reader sees something other than the "
	    "program; it is reported where it is.  A program the page does "
	    "not mean to build is marked with an attribute, as in "
	    ".\\\" [[deprecated]] SRC BEGIN (name.c), and left out.",
	    ".\\\" SRC BEGIN (mmap.c)\n.EX\nint main(void) { }\n.EE",
	    ".\\\" SRC BEGIN (mmap.c)\n.EX\nint main(void) { }\n.EE\n"
	    ".\\\" SRC END" },
	[R_EXAMPLE_BUILD] = { "example-build", LVL_ERROR, ALL,
	    "an example program does not compile cleanly",
	    "With --examples, each program is compiled and linked, with the "
	    "-l options that the LIBRARY section names, and every warning "
	    "or error of the compiler or the linker is reported at the page "
	    "line and column the code came from.  Readers copy examples: "
	    "they must build, without warnings.  --werror and --sanitize "
	    "build with -Werror and with AddressSanitizer and "
	    "UndefinedBehaviorSanitizer.",
	    "int\nmain(void)\n{\n    int  unused;\n\n    return 0;\n}",
	    "int\nmain(void)\n{\n    return 0;\n}" },
	[R_EXAMPLE_RUN] = { "example-run", LVL_ERROR, ALL,
	    "an example program fails when run",
	    "With --examples, the commands of each shell session that runs "
	    "a program of the page ($ ./name or $ ./a.out in an .EX block "
	    "under EXAMPLES) are run in a sandbox.  A command is reported "
	    "when it crashes, when a sanitizer reports an error, when it "
	    "hits a limit of the sandbox (processor time, wall-clock time, "
	    "memory, file size, processes), or when it exits with a "
	    "failure status and its output is not the output the page "
	    "shows.  A page may show a command failing on purpose: with "
	    "the same output, that is not reported.",
	    NULL, NULL },
	[R_EXAMPLE_OUTPUT] = { "example-output", LVL_ERROR, ALL,
	    "a shell session's output differs from what the page shows",
	    "With --examples, what each command of a shell session prints "
	    "(standard output and error together) is compared, line by "
	    "line, with the lines that follow the command on the page, up "
	    "to the next $ line, with tabs expanded as a terminal shows "
	    "them and white space at line ends ignored.  Each "
	    "line that differs, is missing or is extra is reported at its "
	    "page line.  A session whose output changes from run to run is "
	    "marked with the comment .\\\" manlint: output-varies before "
	    "its .EX line; it is then run but not compared.",
	    "$ \\fB./hello\\fP\nHello, world",
	    "$ \\fB./hello\\fP\nHello, world!" },
	[R_PATCH_DOES_NOT_APPLY] = { "patch-does-not-apply", LVL_ERROR, ALL,
	    "with --diff, the patch does not apply to the page",
	    "A hunk of the patch does not fit the page it names, so the "
	    "patch cannot be applied or checked; manlint exits with status "
	    "2.  Most often a mailer damaged the patch on its way: it "
	    "wrapped a long line, so that the end of the line starts a line "
	    "of its own; it took the space off the start of context lines; "
	    "or it turned tabs into spaces.  The diagnostic names the first "
	    "damaged line of the patch.  Send patches with git send-email, "
	    "or as an attachment, rather than pasted into a mail.  The "
	    "other cause is a patch made against another version of the "
	    "page: give the tree it was made against with --base.",
	    "@@ -1,3 +1,3 @@\nLock the pages of the mapped region into\n"
	    "-memory.\n+memory, in the manner of\n.BR mlock (2).",
	    "@@ -1,3 +1,3 @@\n Lock the pages of the mapped region into\n"
	    "-memory.\n+memory, in the manner of\n .BR mlock (2)." },
	[R_PATCH_MANGLED] = { "patch-mangled", LVL_ERROR, ALL,
	    "with --diff, a line of the patch shows it was edited by hand",
	    "Two kinds of line show that a patch was changed after diff "
	    "made it.  A + line right after a hunk that already has as many "
	    "lines as its header counts is not part of the hunk: tools that "
	    "apply the patch leave it out without a word, so the page does "
	    "not get that line.  Recount the hunk, or better, make the "
	    "patch again with git format-patch.  An added line that itself "
	    "starts with \"+.\" has its diff marker twice, as when a patch "
	    "is pasted into another patch; the page gets a line of text "
	    "that starts with a plus sign instead of a request.",
	    "@@ -1,2 +1,3 @@\n .TP\n+.B MAP_LOCKED\n Lock the pages.\n"
	    "+(since Linux 2.5.37)",
	    "@@ -1,2 +1,4 @@\n .TP\n+.B MAP_LOCKED\n Lock the pages.\n"
	    "+(since Linux 2.5.37)" },
	[R_MAIL_SIGNOFF_MISSING] = { "mail-signoff-missing", LVL_WARNING, MP,
	    "with --diff, the patch mail has no Signed-off-by line",
	    "A patch sent to the Linux man-pages project carries a "
	    "Signed-off-by line in its commit message, by which its author "
	    "certifies that they may contribute it (the Developer's "
	    "Certificate of Origin).  A patch without one is not applied.  "
	    "Commit with git commit -s, or add the line by hand before "
	    "the \"---\" line.  Only mails are checked (text that starts "
	    "with mail headers, as git format-patch writes it), not plain "
	    "diffs.",
	    "Subject: [PATCH] mmap.2: clarify MAP_LOCKED\n\n"
	    "Say what MAP_LOCKED does not promise.\n---",
	    "Subject: [PATCH] mmap.2: clarify MAP_LOCKED\n\n"
	    "Say what MAP_LOCKED does not promise.\n\n"
	    "Signed-off-by: A. U. Thor <author@example.org>\n---" },
	[R_MAIL_SUBJECT] = { "mail-subject", LVL_WARNING, MP,
	    "with --diff, the subject does not name the pages the patch "
	    "changes",
	    "The subject of a patch to manual pages starts with the pages "
	    "it changes, then a colon and a summary: \"mmap.2: clarify "
	    "MAP_LOCKED\".  Several pages are separated by commas, and a "
	    "glob (\"man2/*.2\") or a directory (\"man2/\") may stand "
	    "for many.  A name that matches no page of the patch, and a "
	    "page the subject does not name, are reported.  \"Re:\" and "
	    "bracketed tags such as \"[PATCH v2 1/3]\" are skipped.  A "
	    "patch that changes files other than pages is not checked: "
	    "its subject names a program or a directory.",
	    "Subject: [PATCH] clarify MAP_LOCKED",
	    "Subject: [PATCH] mmap.2: clarify MAP_LOCKED" },
};

const char *
level_name(enum level l)
{
	switch (l) {
	case LVL_ERROR:
		return "error";
	case LVL_WARNING:
		return "warning";
	default:
		return "style";
	}
}

int
level_parse(const char *s, enum level *l)
{
	if (strcmp(s, "error") == 0)
		*l = LVL_ERROR;
	else if (strcmp(s, "warning") == 0)
		*l = LVL_WARNING;
	else if (strcmp(s, "style") == 0)
		*l = LVL_STYLE;
	else
		return -1;
	return 0;
}

static const struct rule_info	**extra;
static int			  nextra;

int
rule_count(void)
{
	return R__COUNT + nextra;
}

const struct rule_info *
rule_get(int r)
{
	return r < R__COUNT ? &rule_table[r] : extra[r - R__COUNT];
}

int
rule_register(const struct rule_info *ri)
{
	extra = xreallocarray(extra, nextra + 1, sizeof(*extra));
	extra[nextra++] = ri;
	return R__COUNT + nextra - 1;
}

int
rule_lookup(const char *id)
{
	int	 i;

	for (i = 0; i < rule_count(); i++)
		if (strcmp(rule_get(i)->id, id) == 0)
			return i;
	return -1;
}

static const struct {
	const char	*name;
	int		 bit;
} profiles[] = {
	{ "portable", PROF_PORTABLE },
	{ "man-pages", PROF_MANPAGES },
};

int
profile_parse(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++)
		if (strcmp(s, profiles[i].name) == 0)
			return profiles[i].bit;
	return 0;
}

const char *
profile_names(int bits)
{
	return bits == PROF_MANPAGES ? "man-pages" :
	    bits == PROF_PORTABLE ? "portable" : "portable, man-pages";
}
