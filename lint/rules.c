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
	    "on, and an untrusted page could name any file.  Name the page "
	    "relative to the manual root, as man2/page.2.",
	    ".so /usr/share/man/man2/mmap.2", ".so man2/mmap.2" },
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
	    "alternating font macro with a single argument",
	    "The macros .BR, .BI, .IB, .IR, .RB and .RI alternate fonts "
	    "between their arguments.  With one argument there is nothing to "
	    "alternate, which usually means a space is missing (\".BR "
	    "name(2)\") or that .B or .I was meant.",
	    ".BR MAP_LOCKED", ".B MAP_LOCKED" },
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
	    "in bold.",
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
	    "follows it; glued to the name it is set in bold or italic, and "
	    "a cross reference loses its section.",
	    ".BR AT_FDCWD,", ".BR AT_FDCWD ," },
	[R_XREF_SELF_SECTION] = { "xref-self-section", LVL_WARNING, MP,
	    "reference to the page itself carries a section",
	    "man-pages(7) writes a function that the page itself documents "
	    "as .BR name () without a section: a section number would turn "
	    "it into a cross reference that leads back to the same page.",
	    ".BR mmap (2)\n(in mmap.2)", ".BR mmap ()" },
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
	    "man-pages.",
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
	    "Use a paragraph macro (.PP) to start a paragraph, or nothing.",
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
	    "tab in a text line",
	    "In filled text a tab moves to the next tab stop, which gives "
	    "uneven gaps; in examples it depends on the reader's tab "
	    "stops.  Use spaces.  Tabs in tbl data are allowed.",
	    NULL, NULL },
	[R_LINE_TOO_LONG] = { "line-too-long", LVL_STYLE, MP,
	    "text line longer than 80 bytes",
	    "Long source lines are hard to review in a patch mail.  Break "
	    "the line at a sentence or clause boundary (semantic newlines).  "
	    "Lines inside tables and comments are not counted.",
	    NULL, NULL },
	[R_SYN_PARAM_ROMAN] = { "synopsis-param-roman", LVL_WARNING, MP,
	    "a SYNOPSIS parameter name set in roman",
	    "In a function prototype the parameter names are set in "
	    "italic and everything else in bold, which .BI does.  A "
	    "parameter name in the roman argument of .BR or .RB comes out "
	    "in roman.",
	    NULL, NULL },
	[R_SYN_STAR] = { "synopsis-star", LVL_STYLE, MP,
	    "the * of a pointer parameter is in italic or spaced from the name",
	    "man-pages writes a pointer parameter as .BI \"const char *\" "
	    "name: the asterisk ends the bold type with no space after "
	    "it, and the italic argument holds only the name.",
	    NULL, NULL },
	[R_SYN_GLUED] = { "synopsis-glued", LVL_WARNING, MP,
	    "a type and a parameter name run together",
	    "The bold type and the italic parameter of .BI are printed "
	    "with nothing between them, so the type must end in a space "
	    "or an asterisk; otherwise the two words run together.",
	    NULL, NULL },
	[R_SYN_FUNC_SPACE] = { "synopsis-func-space", LVL_STYLE, MP,
	    "a space between a function name and its parenthesis in a prototype",
	    "In a prototype the function name is written directly before "
	    "its opening parenthesis, as in C.",
	    NULL, NULL },
	[R_SYN_COMMENT_BOLD] = { "synopsis-comment-bold", LVL_STYLE, MP,
	    "a comment in a prototype set in bold",
	    "Comments in a SYNOPSIS are set in roman, so that they stand "
	    "apart from the code: put the comment in a roman argument of "
	    ".BR or .BI.",
	    NULL, NULL },
	[R_SYN_PLACEHOLDER_CAPS] = { "synopsis-placeholder-caps", LVL_STYLE, MP,
	    "a command's placeholder written in capitals",
	    "In the SYNOPSIS of a command, what the user replaces is "
	    "written in lowercase italic (file, pid), not in capitals.",
	    NULL, NULL },
	[R_SYN_BREAK] = { "synopsis-break", LVL_WARNING, MP,
	    "line breaks in a filled SYNOPSIS",
	    "man-pages sets the SYNOPSIS in no-fill mode (.nf ... .fi), "
	    "so that each line of source is a line of output.  Breaking "
	    "filled text with .br line by line does the same job badly.",
	    NULL, NULL },
	[R_OP_BREAKABLE] = { "op-breakable", LVL_STYLE, MP,
	    "an operator between breakable spaces in a SYNOPSIS expression",
	    "In feature test macro requirements an expression such as "
	    "_XOPEN_SOURCE >= 500 should not be broken across output "
	    "lines; write the spaces around the operator as \\ (an "
	    "unbreakable space).",
	    NULL, NULL },
	[R_ALT_SPLIT] = { "alt-split", LVL_WARNING, ALL,
	    "one C token or header name split across macro arguments",
	    "The arguments of an alternating font macro are set in turns "
	    "of two fonts.  Splitting #include and its header, or one "
	    "expression, over two arguments puts half of it in the wrong "
	    "font.",
	    NULL, NULL },
	[R_FONT_EXTRA_ARG] = { "font-extra-arg", LVL_WARNING, ALL,
	    "punctuation or () as a separate argument of .B or .I",
	    ".B and .I join their arguments with spaces and set them all "
	    "in one font, so \".I name ,\" prints an italic comma after a "
	    "space.  Use the alternating macro: .IR name , or .BR name "
	    "().",
	    NULL, NULL },
	[R_FONT_ARG_SPACE] = { "font-arg-space", LVL_WARNING, ALL,
	    "a .B or .I argument that starts with a space",
	    "An argument that starts with a space, such as \" (since "
	    "Linux 2.6)\", is meant to be set in roman after the name: "
	    "that is .BR or .IR, not .B or .I.",
	    NULL, NULL },
	[R_FONT_PHRASE] = { "font-phrase", LVL_WARNING, ALL,
	    "running text on a .B or .I line after a name",
	    "When a name is followed by ordinary words on the same .B or "
	    ".I line, the words are set in bold or italic too.  Put the "
	    "words on a line of their own.",
	    NULL, NULL },
	[R_ALT_SWAPPED] = { "alt-swapped", LVL_WARNING, ALL,
	    "the fonts of an alternating macro are swapped",
	    "The punctuation is set in bold or italic and the word in "
	    "roman: the macro's two fonts are the wrong way round, as in "
	    ".BR ( NAME ) for .RB ( NAME ).",
	    NULL, NULL },
	[R_ALT_PROSE] = { "alt-prose", LVL_WARNING, ALL,
	    "ordinary words as arguments of an alternating font macro",
	    "The arguments of .BR and its kin are printed without spaces "
	    "between them, so words such as \"is\" or \"and\" given as "
	    "arguments run into each other and into the name.  Put "
	    "running text on the next line.",
	    NULL, NULL },
	[R_ALT_PAREN_GLUED] = { "alt-paren-glued", LVL_WARNING, ALL,
	    "a parenthesis glued to the name before it",
	    "A roman argument that starts with an opening parenthesis and "
	    "a word is printed right after the bold or italic name, with "
	    "no space.  Start the argument with a space: .IR name \" "
	    "(since Linux 2.6)\".",
	    NULL, NULL },
	[R_ALT_COMMA_GLUED] = { "alt-comma-glued", LVL_WARNING, ALL,
	    "no space after a comma between macro arguments",
	    "A comma given as its own argument is printed with nothing "
	    "after it, so the next argument is glued to it.  Write \", \" "
	    "with the space.",
	    NULL, NULL },
	[R_QUOTE_STRAY] = { "quote-stray", LVL_WARNING, ALL,
	    "a double quote inside an unquoted macro argument",
	    "Inside an unquoted argument a double quote is printed as it "
	    "is, which is seldom meant: it is usually a quote that was "
	    "meant to open or close an argument.",
	    NULL, NULL },
	[R_CONST_ITALIC] = { "const-italic", LVL_WARNING, MP,
	    "a constant set in italic",
	    "man-pages sets constants (names in capitals with "
	    "underscores, errno values, NULL) in bold; italic is for "
	    "arguments, variables and file names.  Section 5 pages may "
	    "set file-format keywords in italic, so they are not checked.",
	    NULL, NULL },
	[R_PATH_BOLD] = { "path-bold", LVL_STYLE, MP,
	    "a pathname set in bold",
	    "man-pages sets file and directory names in italic, as .I "
	    "/etc/passwd, outside the SYNOPSIS.",
	    NULL, NULL },
	[R_FUNC_ITALIC] = { "func-italic", LVL_STYLE, MP,
	    "a function name set in italic",
	    "Functions are set in bold, as .BR name (); italic is for "
	    "arguments.  The rule fires only when the page itself sets "
	    "most functions in bold, so pages about callbacks are left "
	    "alone.",
	    NULL, NULL },
	[R_FONT_MIXED] = { "font-mixed", LVL_STYLE, MP,
	    "a name set in a font the page otherwise does not use for it",
	    "When a page sets an identifier in one font most of the time, "
	    "a use in the other font is probably a slip.  The rule "
	    "compares the uses of each identifier in the page.",
	    NULL, NULL },
	[R_WORD_FONT] = { "word-font", LVL_STYLE, ALL,
	    "an ordinary word alone on a font macro line",
	    "A common English word such as \"The\" or \"or\" set by "
	    "itself with .B or .I, between other font macro lines, is "
	    "usually a word that lost its place.",
	    NULL, NULL },
	[R_ERRNO_ROMAN] = { "errno-roman", LVL_WARNING, MP,
	    "an error name in ERRORS not set in bold",
	    "Each entry of ERRORS starts with a .TP tag that names the "
	    "error in bold: .B EINVAL.",
	    NULL, NULL },
	[R_MINUS_HYPHEN] = { "minus-hyphen", LVL_STYLE, MP,
	    "a hyphen where a minus sign is meant",
	    "A hyphen before a digit or at the start of an option is "
	    "printed as a hyphen, which is shorter than a minus sign and "
	    "may be replaced by a dash in some outputs.  Write \\- for a "
	    "minus sign, a negative number or an option.",
	    NULL, NULL },
	[R_AD_MODE] = { "ad-mode", LVL_WARNING, MP,
	    ".ad forces an adjustment mode",
	    ".ad with b, n, c or r forces a way of adjusting text that "
	    "the reader's formatter settings should decide.  Use .ad l "
	    "around the text that must not be justified, and a plain .ad "
	    "to restore the default.",
	    NULL, NULL },
	[R_AD_REDUNDANT] = { "ad-redundant", LVL_STYLE, MP,
	    ".ad or .na that changes nothing",
	    "The request restores or sets the adjustment that is already "
	    "in effect, so it can go.",
	    NULL, NULL },
	[R_BR_ARGS] = { "br-args", LVL_WARNING, ALL,
	    ".br with arguments",
	    ".br takes no arguments: its words are lost.  .BR was "
	    "probably meant.",
	    NULL, NULL },
	[R_BR_NOFILL] = { "br-nofill", LVL_STYLE, ALL,
	    ".br where lines already break",
	    "In no-fill mode every input line is an output line, and .nf, "
	    ".EX, .TS and their ends break the line themselves, so a .br "
	    "there does nothing.",
	    NULL, NULL },
	[R_TI_REQUEST] = { "ti-request", LVL_STYLE, MP,
	    ".ti in a manual page",
	    "A temporary indent depends on the output device's line "
	    "layout.  Indent with spaces in no-fill text or with .RS and "
	    ".IP instead.",
	    NULL, NULL },
	[R_TP_WIDTH] = { "tp-width", LVL_WARNING, ALL,
	    "a .TP argument that is not a width",
	    ".TP takes an indentation width; the tag goes on the next "
	    "line.  A word on the .TP line is taken as a width and lost.",
	    NULL, NULL },
	[R_INDENT_UNIT] = { "indent-unit", LVL_STYLE, MP,
	    "an indentation in inches, centimetres or points",
	    "Indentations in a manual page are given in ens (n) or "
	    "without a unit, so that they scale with the font; absolute "
	    "units such as i, c and p do not.",
	    NULL, NULL },
	[R_TEXT_MACRO_NAME] = { "text-macro-name", LVL_WARNING, ALL,
	    "a text line that looks like a macro with its dot missing",
	    "A text line that is just a macro name (TP, PP) or starts "
	    "with a mistyped control character (,I) prints the name "
	    "instead of calling the macro.",
	    NULL, NULL },
	[R_LONE_DOT] = { "lone-dot", LVL_WARNING, ALL,
	    "a line holding only a dot",
	    "A line holding only a period is an empty request: nothing is "
	    "printed, so a period meant to end the sentence is lost.  "
	    "Attach it to the macro line before: .IR name .",
	    NULL, NULL },
	[R_NEXT_LINE_PUNCT] = { "next-line-punct", LVL_STYLE, ALL,
	    "punctuation starting the line after a font macro",
	    "A text line that starts with a closing parenthesis, comma or "
	    "period after a font macro line prints a space before the "
	    "mark.  Put the mark on the macro line as a roman argument.",
	    NULL, NULL },
	[R_MACRO_TAB] = { "macro-tab", LVL_WARNING, ALL,
	    "a tab between macro arguments",
	    "A tab outside quotes separates macro arguments like a space, "
	    "so the tab is lost.  Quote the argument if the tab is meant.",
	    NULL, NULL },
	[R_HEADING_EMPTY] = { "heading-empty", LVL_ERROR, ALL,
	    "a heading with no text",
	    ".SH or .SS without arguments takes the next line as the "
	    "heading, so a text line that follows becomes the heading and "
	    "a missing heading goes unnoticed.",
	    NULL, NULL },
	[R_HEADING_CASE] = { "heading-case", LVL_WARNING, MP,
	    "a section heading not in capitals",
	    "Section headings (.SH) are written in capitals.  A heading "
	    "in mixed case is usually a subsection (.SS) or a standard "
	    "section misspelled.",
	    NULL, NULL },
	[R_HEADING_STANDARD_SS] = { "heading-standard-ss", LVL_WARNING, MP,
	    "a standard section name used as a subsection",
	    "NOTES, ERRORS and the other standard section names are "
	    "sections: write them with .SH.",
	    NULL, NULL },
	[R_MACRO_DISCOURAGED] = { "macro-discouraged", LVL_STYLE, MP,
	    "a macro man-pages does not use",
	    "man-pages does not use .SB, .SM and .R: they render "
	    "differently across formatters.  Use .B, .I or plain text.",
	    NULL, NULL },
	[R_EXAMPLE_EXTRACT] = { "example-extract", LVL_ERROR, ALL,
	    "an example program cannot be taken out of the page",
	    "With --examples, programs are taken from between the "
	    "comments .\\\" SRC BEGIN (name.c) and .\\\" SRC END, or from "
	    ".EX/.EE blocks under EXAMPLES that hold a whole C program.  A "
	    "BEGIN marker without its END, markers that do not enclose an "
	    ".EX block, or a name that is not a plain file name leave "
	    "nothing that can be built.",
	    ".\\\" SRC BEGIN (mmap.c)\n.EX\nint main(void) { }\n.EE",
	    ".\\\" SRC BEGIN (mmap.c)\n.EX\nint main(void) { }\n.EE\n"
	    ".\\\" SRC END" },
	[R_EXAMPLE_BUILD] = { "example-build", LVL_ERROR, ALL,
	    "an example program does not compile cleanly",
	    "With --examples, each program is compiled, and every warning "
	    "or error of the compiler is reported at the page line the "
	    "code came from.  Readers copy examples: they must build "
	    "without warnings.",
	    NULL, NULL },
	[R_EXAMPLE_RUN] = { "example-run", LVL_ERROR, ALL,
	    "an example program fails when run",
	    "With --examples, a program that a shell session in the page "
	    "runs is run in a sandbox.  It is reported when it crashes, "
	    "when a sanitizer finds an error, or when it hits a limit of "
	    "the sandbox (CPU time, wall-clock time, memory, file size, "
	    "open files or processes).",
	    NULL, NULL },
	[R_EXAMPLE_OUTPUT] = { "example-output", LVL_ERROR, ALL,
	    "a shell session's output differs from what the page shows",
	    "With --examples, the shell sessions shown after a program are "
	    "run, and what the program prints is compared with the output "
	    "the page shows.  A difference is reported with the lines that "
	    "differ.  A session whose output changes from run to run is "
	    "marked with the comment .\\\" manlint: output-varies before "
	    "its .EX line; it is then run but not compared.",
	    NULL, NULL },
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
