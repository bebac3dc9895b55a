/*
 * Writing diagnostics: gcc-style lines (with color, the source line
 * and a caret on a terminal), JSON lines, SARIF 2.1.0, GitHub Actions
 * workflow commands and Checkstyle XML.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "diag.h"
#include "format.h"
#include "src.h"
#include "util.h"

static const char *const names[] = {
	[FMT_GCC] = "gcc",
	[FMT_JSON] = "json",
	[FMT_SARIF] = "sarif",
	[FMT_GITHUB] = "github",
	[FMT_CHECKSTYLE] = "checkstyle",
};

/* State of a document format between begin and end. */
static int	 nresults;	/* SARIF results written */
static char	*notes;		/* SARIF notifications, as JSON */
static size_t	 notes_len;
static FILE	*notes_fp;
static char	*open_file;	/* Checkstyle <file> element open */

int
format_parse(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
format_suggestion(const char *msg)
{
	const char	*p;
	int		 quoted = 0;

	for (p = msg; *p != '\0'; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && p[0] == ';' && p[1] == ' ' &&
		    p[2] != '\0')
			return p + 2;
	}
	return NULL;
}

/*
 * The length of the UTF-8 sequence at p, or 0 if the bytes there are
 * not valid UTF-8.  The formats that must be valid text write U+FFFD
 * for such a byte.
 */
static size_t
utf8_len(const unsigned char *p)
{
	size_t		 n, i;
	uint32_t	 cp;

	if (*p < 0x80)
		return 1;
	if (*p >= 0xc2 && *p <= 0xdf)
		n = 2, cp = *p & 0x1f;
	else if (*p >= 0xe0 && *p <= 0xef)
		n = 3, cp = *p & 0x0f;
	else if (*p >= 0xf0 && *p <= 0xf4)
		n = 4, cp = *p & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

void
json_string(FILE *out, const char *s)
{
	const unsigned char	*p;
	size_t			 n;

	putc('"', out);
	for (p = (const unsigned char *)s; *p != '\0'; p += n) {
		n = 1;
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else if ((n = utf8_len(p)) == 0) {
			fputs("\\ufffd", out);
			n = 1;
		} else
			fwrite(p, 1, n, out);
	}
	putc('"', out);
}

/* The text of a diagnostic's line, without its line end, or NULL. */
static const char *
line_text(const struct diag *d, size_t *len)
{
	const struct srcline	*sl;

	if (d->line < 1 || d->line > d->file->nlines || d->file->binary)
		return NULL;
	sl = &d->file->lines[d->line - 1];
	*len = sl->len;
	return d->file->buf + sl->off;
}

/* ---- gcc */

static const char *
level_color(enum level l)
{
	switch (l) {
	case LVL_ERROR:
		return "\033[1;31m";
	case LVL_WARNING:
		return "\033[1;35m";
	default:
		return "\033[1;36m";
	}
}

/*
 * The source line under a diagnostic, with a caret at its column.
 * Tabs are copied into the caret line so that the caret stays under
 * the column whatever the tab stops.
 */
static void
print_caret(FILE *out, const struct diag *d)
{
	const char	*p;
	size_t		 len;
	int		 i;

	if ((p = line_text(d, &len)) == NULL)
		return;
	fprintf(out, " %.*s\n ", (int)len, p);
	for (i = 1; i < d->col && (size_t)i <= len; i++)
		putc(p[i - 1] == '\t' ? '\t' : ' ', out);
	fputs("\033[1;32m^\033[0m\n", out);
}

static void
gcc_diag(FILE *out, const struct config *cfg, const struct diag *d)
{
	const char	*id = rule_get(d->rule)->id;

	if (!cfg->color) {
		fprintf(out, "%s:%d:%d: %s: %s [%s]\n", d->file->path,
		    d->line, d->col, level_name(d->level), d->msg, id);
		return;
	}
	fprintf(out, "\033[1m%s:%d:%d:\033[0m %s%s:\033[0m %s [%s]\n",
	    d->file->path, d->line, d->col, level_color(d->level),
	    level_name(d->level), d->msg, id);
	print_caret(out, d);
}

/* ---- JSON, one object a line */

static void
json_diag(FILE *out, const struct diag *d)
{
	const char	*sugg = format_suggestion(d->msg);

	fputs("{\"file\":", out);
	json_string(out, d->file->path);
	fprintf(out, ",\"line\":%d,\"column\":%d,\"level\":\"%s\","
	    "\"rule\":\"%s\",\"message\":", d->line, d->col,
	    level_name(d->level), rule_get(d->rule)->id);
	json_string(out, d->msg);
	if (sugg != NULL) {
		fputs(",\"suggestion\":", out);
		json_string(out, sugg);
	}
	fputs("}\n", out);
}

/* ---- SARIF 2.1.0 */

static const char *
sarif_level(enum level l)
{
	switch (l) {
	case LVL_ERROR:
		return "error";
	case LVL_WARNING:
		return "warning";
	default:
		return "note";
	}
}

/*
 * A path as a URI reference: relative paths stay relative (to where
 * manlint ran), absolute ones become file: URIs.  Bytes outside the
 * unreserved set and "/" are percent-encoded, ":" too, so that a
 * first segment is never read as a scheme.
 */
static void
sarif_uri(FILE *out, const char *path)
{
	const unsigned char	*p = (const unsigned char *)path;

	while (p[0] == '.' && p[1] == '/')
		p += 2;
	putc('"', out);
	if (*p == '/')
		fputs("file://", out);
	for (; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			putc(*p, out);
		else
			fprintf(out, "%%%02X", *p);
	}
	putc('"', out);
}

/* The rule's help: why it matters, and its examples. */
static void
sarif_help(FILE *out, const struct rule_info *ri)
{
	char	*s;
	size_t	 len;
	FILE	*mem;

	if ((mem = open_memstream(&s, &len)) == NULL) {
		json_string(out, ri->explain);
		return;
	}
	fputs(ri->explain, mem);
	if (ri->bad != NULL)
		fprintf(mem, "\n\nReported:\n%s", ri->bad);
	if (ri->good != NULL)
		fprintf(mem, "\n\nWritten well:\n%s", ri->good);
	fclose(mem);
	json_string(out, s);
	free(s);
}

static void
sarif_rule(FILE *out, const struct config *cfg, int r)
{
	const struct rule_info	*ri = rule_get(r);

	fputs(r == 0 ? "\n" : ",\n", out);
	fputs("{\"id\":", out);
	json_string(out, ri->id);
	fputs(",\"shortDescription\":{\"text\":", out);
	json_string(out, ri->summary);
	fputs("},\"fullDescription\":{\"text\":", out);
	json_string(out, ri->explain);
	fputs("},\"help\":{\"text\":", out);
	sarif_help(out, ri);
	fprintf(out, "},\"defaultConfiguration\":{\"level\":\"%s\"",
	    sarif_level((enum level)cfg->level[r]));
	if (!cfg->enabled[r])
		fputs(",\"enabled\":false", out);
	fputs("},\"properties\":{\"tags\":[", out);
	if (ri->profiles & PROF_PORTABLE)
		fprintf(out, "\"portable\"%s",
		    ri->profiles & PROF_MANPAGES ? "," : "");
	if (ri->profiles & PROF_MANPAGES)
		fputs("\"man-pages\"", out);
	fputs("]}}", out);
}

static void
sarif_begin(FILE *out, const struct config *cfg)
{
	int	 r;

	fputs("{\"$schema\":\"https://docs.oasis-open.org/sarif/sarif/"
	    "v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\","
	    "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":"
	    "{\"name\":\"manlint\",\"version\":\"" MANLINT_VERSION "\","
	    "\"rules\":[", out);
	for (r = 0; r < rule_count(); r++)
		sarif_rule(out, cfg, r);
	fputs("]}},\n\"results\":[", out);
	nresults = 0;
	notes_fp = open_memstream(&notes, &notes_len);
}

static void
sarif_location(FILE *out, const struct srcfile *f, int line, int col,
    const char *text, size_t len)
{
	fputs("[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", out);
	sarif_uri(out, f->path);
	fputs("}", out);
	if (line > 0) {
		fprintf(out, ",\"region\":{\"startLine\":%d,"
		    "\"startColumn\":%d", line, col);
		if (text != NULL) {
			fputs(",\"snippet\":{\"text\":", out);
			text = xstrndup(text, len);
			json_string(out, text);
			free((char *)text);
			fputs("}", out);
		}
		fputs("}", out);
	}
	fputs("}}]", out);
}

static void
sarif_diag(FILE *out, const struct diag *d)
{
	const char	*sugg = format_suggestion(d->msg), *text;
	size_t		 len = 0;

	fputs(nresults++ == 0 ? "\n" : ",\n", out);
	fputs("{\"ruleId\":", out);
	json_string(out, rule_get(d->rule)->id);
	fprintf(out, ",\"ruleIndex\":%d,\"level\":\"%s\",\"message\":"
	    "{\"text\":", d->rule, sarif_level(d->level));
	json_string(out, d->msg);
	fputs("},\"locations\":", out);
	text = line_text(d, &len);
	sarif_location(out, d->file, d->line, d->col, text, len);
	fprintf(out, ",\"partialFingerprints\":{\"manlintLineText/v1\":"
	    "\"%016llx\"}", (unsigned long long)baseline_fingerprint(d));
	if (sugg != NULL) {
		fputs(",\"properties\":{\"suggestion\":", out);
		json_string(out, sugg);
		fputs("}", out);
	}
	fputs("}", out);
}

/* A note of held back diagnostics becomes a tool notification. */
static void
sarif_held(const struct srcfile *f, int r, unsigned int n)
{
	char	 buf[256];

	if (notes_fp == NULL)
		return;
	fputs(ftell(notes_fp) == 0 ? "\n" : ",\n", notes_fp);
	snprintf(buf, sizeof(buf), "%u more [%s] not shown; "
	    "--max-per-rule 0 shows all", n, rule_get(r)->id);
	fputs("{\"level\":\"note\",\"message\":{\"text\":", notes_fp);
	json_string(notes_fp, buf);
	fputs("},\"locations\":", notes_fp);
	sarif_location(notes_fp, f, 0, 0, NULL, 0);
	fputs(",\"associatedRule\":{\"id\":", notes_fp);
	json_string(notes_fp, rule_get(r)->id);
	fprintf(notes_fp, ",\"index\":%d}}", r);
}

static void
sarif_end(FILE *out, int ok)
{
	fprintf(out, "],\n\"invocations\":[{\"executionSuccessful\":%s",
	    ok ? "true" : "false");
	if (notes_fp != NULL) {
		fclose(notes_fp);
		notes_fp = NULL;
		if (notes_len > 0)
			fprintf(out, ",\"toolExecutionNotifications\":[%s]",
			    notes);
		free(notes);
		notes = NULL;
	}
	fputs("}]}]}\n", out);
}

/* ---- GitHub Actions workflow commands */

/*
 * Percent-encode what would end a workflow command's message, and in
 * a property what would end the property.
 */
static void
gh_escape(FILE *out, const char *s, int property)
{
	for (; *s != '\0'; s++) {
		if (*s == '%' || *s == '\r' || *s == '\n' ||
		    (property && (*s == ':' || *s == ',')))
			fprintf(out, "%%%02X", (unsigned char)*s);
		else
			putc(*s, out);
	}
}

static const char *
gh_level(enum level l)
{
	return l == LVL_ERROR ? "error" : l == LVL_WARNING ? "warning" :
	    "notice";
}

static void
gh_diag(FILE *out, const struct diag *d)
{
	const char	*id = rule_get(d->rule)->id;

	fprintf(out, "::%s file=", gh_level(d->level));
	gh_escape(out, d->file->path, 1);
	fprintf(out, ",line=%d,col=%d,title=", d->line, d->col);
	gh_escape(out, id, 1);
	fputs("::", out);
	gh_escape(out, d->msg, 0);
	fputs(" [", out);
	gh_escape(out, id, 0);
	fputs("]\n", out);
}

static void
gh_held(FILE *out, const struct srcfile *f, int r, unsigned int n)
{
	fputs("::notice file=", out);
	gh_escape(out, f->path, 1);
	fprintf(out, "::%u more [%s] not shown; --max-per-rule 0 shows "
	    "all\n", n, rule_get(r)->id);
}

/* ---- Checkstyle XML */

/* Escape s for an attribute value; what XML cannot hold becomes U+FFFD. */
static void
xml_attr(FILE *out, const char *s)
{
	const unsigned char	*p;
	size_t			 n;

	for (p = (const unsigned char *)s; *p != '\0'; p += n) {
		n = 1;
		switch (*p) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&apos;", out);
			break;
		case '\t':
		case '\n':
		case '\r':
			fprintf(out, "&#%d;", *p);
			break;
		default:
			if (*p < 0x20 || (n = utf8_len(p)) == 0) {
				fputs("\xef\xbf\xbd", out);
				n = 1;
			} else
				fwrite(p, 1, n, out);
		}
	}
}

static void
cs_file(FILE *out, const char *path)
{
	if (open_file != NULL && strcmp(open_file, path) == 0)
		return;
	if (open_file != NULL)
		fputs("</file>\n", out);
	free(open_file);
	open_file = xstrdup(path);
	fputs("<file name=\"", out);
	xml_attr(out, path);
	fputs("\">\n", out);
}

static void
cs_diag(FILE *out, const struct diag *d)
{
	cs_file(out, d->file->path);
	fprintf(out, "<error line=\"%d\" column=\"%d\" severity=\"%s\" "
	    "message=\"", d->line, d->col, d->level == LVL_STYLE ? "info" :
	    level_name(d->level));
	xml_attr(out, d->msg);
	fputs("\" source=\"manlint.", out);
	xml_attr(out, rule_get(d->rule)->id);
	fputs("\"/>\n", out);
}

/* An XML comment may not hold "--", so the option is not named. */
static void
cs_held(FILE *out, const struct srcfile *f, int r, unsigned int n)
{
	cs_file(out, f->path);
	fprintf(out, "<!-- %u more of rule %s not shown: a maximum per "
	    "rule is set -->\n", n, rule_get(r)->id);
}

/* ---- the interface */

void
format_begin(FILE *out, const struct config *cfg)
{
	if (cfg->format == FMT_SARIF)
		sarif_begin(out, cfg);
	else if (cfg->format == FMT_CHECKSTYLE)
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<checkstyle version=\"4.3\">\n", out);
}

void
format_end(FILE *out, const struct config *cfg, int ok)
{
	if (cfg->format == FMT_SARIF)
		sarif_end(out, ok);
	else if (cfg->format == FMT_CHECKSTYLE) {
		format_flushed(out, cfg);
		fputs("</checkstyle>\n", out);
	}
}

void
format_diag(FILE *out, const struct config *cfg, const struct diag *d)
{
	switch (cfg->format) {
	case FMT_JSON:
		json_diag(out, d);
		break;
	case FMT_SARIF:
		sarif_diag(out, d);
		break;
	case FMT_GITHUB:
		gh_diag(out, d);
		break;
	case FMT_CHECKSTYLE:
		cs_diag(out, d);
		break;
	default:
		gcc_diag(out, cfg, d);
		break;
	}
}

void
format_held(FILE *out, const struct config *cfg, const struct srcfile *f,
    int r, unsigned int n)
{
	switch (cfg->format) {
	case FMT_JSON:
		fputs("{\"file\":", out);
		json_string(out, f->path);
		fprintf(out, ",\"rule\":\"%s\",\"suppressed\":%u}\n",
		    rule_get(r)->id, n);
		break;
	case FMT_SARIF:
		sarif_held(f, r, n);
		break;
	case FMT_GITHUB:
		gh_held(out, f, r, n);
		break;
	case FMT_CHECKSTYLE:
		cs_held(out, f, r, n);
		break;
	default:
		fprintf(out, "%s: note: %u more [%s] not shown; "
		    "--max-per-rule 0 shows all\n", f->path, n,
		    rule_get(r)->id);
		break;
	}
}

void
format_flushed(FILE *out, const struct config *cfg)
{
	if (cfg->format != FMT_CHECKSTYLE || open_file == NULL)
		return;
	fputs("</file>\n", out);
	free(open_file);
	open_file = NULL;
}
