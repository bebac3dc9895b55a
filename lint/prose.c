/*
 * Prose rules.  A rule file is a sequence of rules; each starts with a
 * "rule ID" line, followed by "key value" lines:
 *
 *	rule	 the rule's ID (kebab-case)
 *	level	 style, warning or error (default warning)
 *	profile	 portable or man-pages (default man-pages)
 *	pattern	 a PCRE2 pattern; ${NAMES} stands for the page's names,
 *		 ${PARAMS} for the italic words of its SYNOPSIS
 *	font	 roman, bold, italic or any: the font the match must start in
 *	message	 what is wrong; $0 is the matched text, $1..$9 its groups
 *	suggest	 what to write instead (optional)
 *	word	 "WRONG -> RIGHT": instead of a pattern, a list of words or
 *		 phrases to replace; may repeat; $0 in suggest is RIGHT
 *	case	 "insensitive" to match words in any case
 *	unless-font  a font: no byte of the match may be in it
 *	except	 words whose match (group 1, or the whole match) is fine,
 *		 as "that long"; compared without case
 *	sections the manual sections the rule applies to, as "2 3"
 *		 (default: all)
 *	per-file at most this many reports in one file (below the
 *		 --max-per-rule limit), for rules whose findings in a page
 *		 are one habit of its author
 *	summary	 one line for --list-rules (default: the message)
 *	explain	 a paragraph for --explain; may repeat, lines are joined
 *
 * Lines starting with # and blank lines are ignored.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "prose.h"
#include "ptext.h"
#include "rules.h"
#include "util.h"

#ifndef DATADIR
#define DATADIR	"/usr/local/share/manlint"
#endif

#define FONT_ANY	(-1)

/* One entry of a word list, as sorted for lookup by its first word. */
struct wentry {
	const char	*w;
	size_t		 len;
	size_t		 flen;	/* length of the first word */
	int		 idx;	/* in the list, for "first listed wins" */
	int		 nocase;
};

struct prule {
	struct rule_info info;
	char		*pattern;
	char		*message;
	char		*suggest;
	int		 font;
	char		**wrong;	/* word lists: what to replace */
	char		**right;	/* and with what */
	int		 nwords;
	struct wentry	*sorted;	/* the words, by their first word */
	int		 from[257];	/* sorted[from[ch]..from[ch + 1]]
					 * start with the byte ch */
	int		 nocase;
	char		*sections;	/* NULL for all */
	int		 unless_font;	/* FONT_ANY for none */
	char		*except;	/* words separated by spaces */
	int		 number;	/* in the rule registry */
	int		 per_page;	/* the pattern holds a placeholder */
	pcre2_code	*code;		/* compiled once, unless per_page */
	const char	*file;
	int		 line;
};

static struct prule	**prules;
static int		  nprules;
static pcre2_match_data	 *match;

static char *
join(char *old, const char *add)
{
	size_t	 n = old ? strlen(old) : 0;
	char	*s;

	s = xmalloc(n + strlen(add) + 2);
	if (old != NULL) {
		memcpy(s, old, n);
		s[n++] = ' ';
		free(old);
	}
	strcpy(s + n, add);
	return s;
}

/* Compile a pattern; JIT pays off only for patterns used many times. */
static pcre2_code *
compile(const char *pattern, int jit, char *err, size_t errsz)
{
	pcre2_code	*code;
	PCRE2_SIZE	 off;
	int		 rc;
	PCRE2_UCHAR	 msg[256];

	code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &rc, &off, NULL);
	if (code == NULL) {
		pcre2_get_error_message(rc, msg, sizeof(msg));
		snprintf(err, errsz, "pattern does not compile at offset %zu: "
		    "%s", (size_t)off, (char *)msg);
		return NULL;
	}
	/* JIT is an optimisation: without it the interpreter is used. */
	if (jit)
		(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	return code;
}

static int
valid_id(const char *s)
{
	if (!islower((unsigned char)*s))
		return 0;
	for (; *s != '\0'; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s)
		    && *s != '-')
			return 0;
	return 1;
}

/* Quote s for a pattern: every non-alphanumeric byte escaped. */
static void
quote_into(char **out, size_t *len, const char *s)
{
	for (; *s != '\0'; s++) {
		*out = xrealloc(*out, *len + 3);
		if (!isalnum((unsigned char)*s) && *s != '_')
			(*out)[(*len)++] = '\\';
		(*out)[(*len)++] = *s;
	}
	(*out)[*len] = '\0';
}

/*
 * A character of a word, for word lists: what \w and - match in a
 * pattern, ASCII letters, digits, _ and -.
 */
static int
is_wordch(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
}

/* The byte ch, in lower case if case does not matter. */
static int
fold(char ch, int nocase)
{
	return nocase && ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' :
	    (unsigned char)ch;
}

/* Compare a and b, na and nb bytes, with or without ASCII case. */
static int
wcmp(const char *a, size_t na, const char *b, size_t nb, int nocase)
{
	size_t	 i, n = na < nb ? na : nb;
	int	 d;

	for (i = 0; i < n; i++)
		if ((d = fold(a[i], nocase) - fold(b[i], nocase)) != 0)
			return d;
	return na < nb ? -1 : na > nb;
}

static int
wentry_cmp(const void *va, const void *vb)
{
	const struct wentry	*a = va, *b = vb;
	int			 d;

	d = wcmp(a->w, a->flen, b->w, b->flen, a->nocase);
	return d != 0 ? d : a->idx - b->idx;
}

/*
 * A word list is not matched with a pattern: an alternation of a
 * hundred words costs a hundred tries at every word of the page.  The
 * words are sorted by their first word instead, and each word of the
 * page is looked up.  Every WRONG must start with a word character,
 * so that it starts at a word of the page.
 */
static int
sort_words(struct prule *r, char *err, size_t errsz)
{
	struct wentry	*e;
	int		 i;

	r->sorted = xreallocarray(NULL, r->nwords, sizeof(*r->sorted));
	for (i = 0; i < r->nwords; i++) {
		e = &r->sorted[i];
		e->w = r->wrong[i];
		e->len = strlen(e->w);
		for (e->flen = 0; is_wordch(e->w[e->flen]); e->flen++)
			continue;
		if (e->flen == 0) {
			snprintf(err, errsz, "word \"%s\" must start with a "
			    "letter, a digit, _ or -", e->w);
			return -1;
		}
		e->idx = i;
		e->nocase = r->nocase;
	}
	qsort(r->sorted, r->nwords, sizeof(*r->sorted), wentry_cmp);
	for (i = 0; i < 257; i++)
		r->from[i] = r->nwords;
	for (i = r->nwords - 1; i >= 0; i--)
		r->from[fold(r->sorted[i].w[0], r->nocase)] = i;
	for (i = 255; i >= 0; i--)
		if (r->from[i] > r->from[i + 1])
			r->from[i] = r->from[i + 1];
	return 0;
}

/* Check a finished rule and register it; -1 and a message if bad. */
static int
finish(struct prule *r, char *err, size_t errsz)
{
	if (r->nwords > 0 && r->pattern != NULL) {
		snprintf(err, errsz, "rule %s has both words and a pattern",
		    r->info.id);
		return -1;
	}
	if ((r->pattern == NULL && r->nwords == 0) || r->message == NULL) {
		snprintf(err, errsz, "rule %s needs a pattern and a message",
		    r->info.id);
		return -1;
	}
	if (rule_lookup(r->info.id) != -1) {
		snprintf(err, errsz, "rule %s is defined twice", r->info.id);
		return -1;
	}
	if (r->nwords > 0) {
		if (sort_words(r, err, errsz) == -1)
			return -1;
	} else {
		r->per_page = strstr(r->pattern, "${NAMES}") != NULL ||
		    strstr(r->pattern, "${PARAMS}") != NULL;
		if (!r->per_page &&
		    (r->code = compile(r->pattern, 1, err, errsz)) == NULL)
			return -1;
	}
	if (r->info.summary == NULL)
		r->info.summary = r->message;
	if (r->info.explain == NULL)
		r->info.explain = r->info.summary;
	r->number = rule_register(&r->info);
	prules = xreallocarray(prules, nprules + 1, sizeof(*prules));
	prules[nprules++] = r;
	return 0;
}

/* Free a rule that was never registered. */
static void
prule_free(struct prule *r)
{
	int	 i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nwords; i++) {
		free(r->wrong[i]);
		free(r->right[i]);
	}
	free(r->wrong);
	free(r->right);
	free(r->sorted);
	free(r->pattern);
	free(r->message);
	free(r->suggest);
	free(r->sections);
	free(r->except);
	free((char *)r->info.id);
	free((char *)r->info.explain);
	if (r->info.summary != r->message)
		free((char *)r->info.summary);
	pcre2_code_free(r->code);
	free(r);
}

static struct prule *
new_rule(const char *id, const char *file, int line)
{
	struct prule	*r;

	r = xcalloc(1, sizeof(*r));
	r->info.id = xstrdup(id);
	r->info.level = LVL_WARNING;
	r->info.profiles = PROF_MANPAGES;
	r->font = FONT_ANY;
	r->unless_font = FONT_ANY;
	r->file = file;
	r->line = line;
	return r;
}

/* A font name, FONT_ANY for "any", or -2. */
static int
font_parse(const char *s)
{
	if (strcmp(s, "roman") == 0)
		return PF_ROMAN;
	if (strcmp(s, "bold") == 0)
		return PF_BOLD;
	if (strcmp(s, "italic") == 0)
		return PF_ITALIC;
	if (strcmp(s, "any") == 0)
		return FONT_ANY;
	return -2;
}

/* Apply one "key value" line to r. */
static int
set_key(struct prule *r, const char *key, const char *val, char *err,
    size_t errsz)
{
	enum level	 l;
	const char	*arrow;
	int		 p;

	if (strcmp(key, "level") == 0) {
		if (level_parse(val, &l) == -1) {
			snprintf(err, errsz, "level must be style, warning "
			    "or error");
			return -1;
		}
		r->info.level = l;
	} else if (strcmp(key, "profile") == 0) {
		if ((p = profile_parse(val)) == 0) {
			snprintf(err, errsz, "profile must be portable or "
			    "man-pages");
			return -1;
		}
		r->info.profiles = p == PROF_PORTABLE ? PROF_ALL : p;
	} else if (strcmp(key, "font") == 0 ||
	    strcmp(key, "unless-font") == 0) {
		if ((p = font_parse(val)) == -2) {
			snprintf(err, errsz, "%s must be roman, bold, "
			    "italic or any", key);
			return -1;
		}
		*(key[0] == 'f' ? &r->font : &r->unless_font) = p;
	} else if (strcmp(key, "per-file") == 0) {
		if ((p = atoi(val)) <= 0) {
			snprintf(err, errsz, "per-file takes a number above 0");
			return -1;
		}
		r->info.per_file = p;
	} else if (strcmp(key, "except") == 0)
		r->except = join(r->except, val); else if (strcmp(key, "word") == 0) {
		if ((arrow = strstr(val, " -> ")) == NULL || arrow == val ||
		    arrow[4] == '\0') {
			snprintf(err, errsz, "word takes \"WRONG -> RIGHT\"");
			return -1;
		}
		r->wrong = xreallocarray(r->wrong, r->nwords + 1,
		    sizeof(char *));
		r->right = xreallocarray(r->right, r->nwords + 1,
		    sizeof(char *));
		r->wrong[r->nwords] = xstrndup(val, arrow - val);
		r->right[r->nwords++] = xstrdup(arrow + 4);
	} else if (strcmp(key, "case") == 0) {
		if (strcmp(val, "insensitive") != 0) {
			snprintf(err, errsz, "case takes \"insensitive\"");
			return -1;
		}
		r->nocase = 1;
	} else if (strcmp(key, "sections") == 0)
		r->sections = join(r->sections, val);
	else if (strcmp(key, "pattern") == 0)
		r->pattern = join(r->pattern, val);
	else if (strcmp(key, "message") == 0)
		r->message = join(r->message, val);
	else if (strcmp(key, "suggest") == 0)
		r->suggest = join(r->suggest, val);
	else if (strcmp(key, "summary") == 0)
		r->info.summary = xstrdup(val);
	else if (strcmp(key, "explain") == 0)
		r->info.explain = join((char *)r->info.explain, val);
	else {
		snprintf(err, errsz, "unknown key \"%s\"", key);
		return -1;
	}
	return 0;
}

int
prose_load(const char *path, FILE *errout)
{
	FILE		*fp;
	struct prule	*r = NULL;
	char		*line = NULL, *key, *val, *end, err[512] = "";
	char		*file;
	size_t		 cap = 0;
	ssize_t		 n;
	int		 ln = 0, rc = 0, before;

	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(errout, "manlint: %s: cannot read rules: %s\n", path,
		    strerror(errno));
		return -1;
	}
	file = xstrdup(path);
	before = nprules;
	while (rc == 0 && (n = getline(&line, &cap, fp)) != -1) {
		ln++;
		while (n > 0 && isspace((unsigned char)line[n - 1]))
			line[--n] = '\0';
		for (key = line; isspace((unsigned char)*key); key++)
			continue;
		if (*key == '\0' || *key == '#')
			continue;
		for (end = key; *end != '\0' && !isspace((unsigned char)*end);
		    end++)
			continue;
		val = end;
		while (isspace((unsigned char)*val))
			val++;
		*end = '\0';
		err[0] = '\0';
		if (strcmp(key, "rule") == 0) {
			if (r != NULL && finish(r, err, sizeof(err)) == -1)
				break;
			/* Registered: the registry holds it now. */
			r = NULL;
			if (!valid_id(val)) {
				snprintf(err, sizeof(err), "rule ID \"%s\" must "
				    "be lower case letters, digits and -", val);
				break;
			}
			r = new_rule(val, file, ln);
		} else if (r == NULL) {
			snprintf(err, sizeof(err), "\"%s\" %s", key,
			    ln > 1 && nprules > 0 ? "follows a rule line that "
			    "was refused" : "before the first rule line");
			break;
		} else if (set_key(r, key, val, err, sizeof(err)) == -1)
			break;
	}
	if (err[0] == '\0' && r != NULL) {
		if (finish(r, err, sizeof(err)) == -1)
			ln = r->line;
		else
			r = NULL;
	}
	if (ln > 0 && err[0] != '\0') {
		fprintf(errout, "%s:%d: error: %s\n", path, ln, err);
		rc = -1;
	}
	prule_free(r);
	/* The rules registered from this file keep its name. */
	if (nprules == before)
		free(file);
	free(line);
	fclose(fp);
	return rc;
}

const char *
prose_default_path(const char *argv0)
{
	static char	 buf[PATH_MAX + 32];
	char		 exe[PATH_MAX], *slash;
	ssize_t		 n;
	const char	*env;

	if ((env = getenv("MANLINT_RULES")) != NULL)
		return *env != '\0' ? env : NULL;
	/* Run from the build tree: lint/manlint finds lint/rules/. */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0 && argv0 != NULL && strchr(argv0, '/') != NULL)
		n = snprintf(exe, sizeof(exe), "%s", argv0);
	if (n > 0 && (size_t)n < sizeof(exe)) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(buf, sizeof(buf), "%s/rules/prose.rules", exe);
			if (access(buf, R_OK) == 0)
				return buf;
		}
	}
	snprintf(buf, sizeof(buf), "%s/prose.rules", DATADIR);
	return access(buf, R_OK) == 0 ? buf : NULL;
}

/* Words a placeholder of a pattern stands for on one page. */
struct words {
	char	**w;
	int	  n;
};

/*
 * The pattern with each placeholder replaced by an alternation of its
 * words, or NULL if a placeholder it uses has none on this page.
 */
static char *
expand(const struct prule *r, const struct words *names,
    const struct words *params)
{
	const char	*p = r->pattern, *at, *pn, *pp;
	const struct words *w;
	char		*out = xstrdup("");
	size_t		 len = 0;
	int		 i;

	for (;;) {
		pn = strstr(p, "${NAMES}");
		pp = strstr(p, "${PARAMS}");
		if (pn == NULL && pp == NULL)
			break;
		if (pp == NULL || (pn != NULL && pn < pp)) {
			at = pn;
			w = names;
		} else {
			at = pp;
			w = params;
		}
		if (w->n == 0) {
			free(out);
			return NULL;
		}
		out = xrealloc(out, len + (at - p) + 4);
		memcpy(out + len, p, at - p);
		len += at - p;
		memcpy(out + len, "(?:", 3);
		len += 3;
		for (i = 0; i < w->n; i++) {
			if (i > 0) {
				out = xrealloc(out, len + 2);
				out[len++] = '|';
			}
			quote_into(&out, &len, w->w[i]);
		}
		out = xrealloc(out, len + 2);
		out[len++] = ')';
		out[len] = '\0';
		p = strchr(at, '}') + 1;
	}
	out = xrealloc(out, len + strlen(p) + 1);
	strcpy(out + len, p);
	return out;
}

#define MAX_PARAMS	128

/*
 * The parameters of the page: the words set in italic in its SYNOPSIS,
 * each once.  In a prototype they name the arguments of the function;
 * in a command line, the operands.
 */
static void
collect_params(const struct page *pg, struct words *params)
{
	struct ptext	 syn;
	size_t		 i, j;
	int		 k;

	ptext_synopsis(&syn, pg);
	for (i = 0; i < syn.len; i = j) {
		j = i + 1;
		if (syn.font[i] != PF_ITALIC ||
		    !(isalpha((unsigned char)syn.s[i]) || syn.s[i] == '_') ||
		    (i > 0 && (isalnum((unsigned char)syn.s[i - 1]) ||
		    syn.s[i - 1] == '_')))
			continue;
		while (j < syn.len && syn.font[j] == PF_ITALIC &&
		    (isalnum((unsigned char)syn.s[j]) || syn.s[j] == '_'))
			j++;
		/* Part of a word in another font: not a name of its own. */
		if (j < syn.len && (isalnum((unsigned char)syn.s[j]) ||
		    syn.s[j] == '_'))
			continue;
		for (k = 0; k < params->n; k++)
			if (strlen(params->w[k]) == j - i &&
			    strncmp(params->w[k], syn.s + i, j - i) == 0)
				break;
		if (k < params->n || params->n == MAX_PARAMS)
			continue;
		params->w = xreallocarray(params->w, params->n + 1,
		    sizeof(char *));
		params->w[params->n++] = xstrndup(syn.s + i, j - i);
	}
	ptext_free(&syn);
}

static void
free_words(struct words *w)
{
	int	 i;

	for (i = 0; i < w->n; i++)
		free(w->w[i]);
	free(w->w);
}

/*
 * Append template t to buf at *o, with $0..$9 replaced by the match
 * and its groups, white space folded and trimmed.
 */
static void
substitute(const char *t, const struct ptext *pt, const PCRE2_SIZE *ov,
    int ngroups, char *buf, size_t bufsz, size_t *o)
{
	size_t	 k, a, b;
	int	 g;
	char	 ch;

	for (; *t != '\0' && *o + 1 < bufsz; t++) {
		if (t[0] != '$' || !isdigit((unsigned char)t[1]) ||
		    (g = t[1] - '0') >= ngroups || ov[2 * g] == PCRE2_UNSET) {
			buf[(*o)++] = *t;
			continue;
		}
		a = ov[2 * g];
		b = ov[2 * g + 1];
		while (b > a && isspace((unsigned char)pt->s[b - 1]))
			b--;
		for (k = a; k < b && *o + 1 < bufsz; k++) {
			ch = pt->s[k];
			buf[(*o)++] = isspace((unsigned char)ch) ||
			    ch == PT_BREAK ? ' ' : ch;
		}
		t++;
	}
	buf[*o] = '\0';
}

/* The replacement a word list gives for the matched text. */
static const char *
word_right(const struct prule *r, const char *s, size_t len)
{
	int	 i;

	for (i = 0; i < r->nwords; i++)
		if (strlen(r->wrong[i]) == len && (r->nocase ?
		    strncasecmp(r->wrong[i], s, len) :
		    strncmp(r->wrong[i], s, len)) == 0)
			return r->right[i];
	return NULL;
}

static void
format_message(const struct prule *r, const struct ptext *pt,
    const PCRE2_SIZE *ov, int ngroups, char *buf, size_t bufsz)
{
	const char	*right;
	size_t		 o = 0;

	buf[0] = '\0';
	substitute(r->message, pt, ov, ngroups, buf, bufsz, &o);
	if (r->nwords > 0 && (right = word_right(r, pt->s + ov[0],
	    ov[1] - ov[0])) != NULL)
		snprintf(buf + o, bufsz - o, "; write \"%s\"", right);
	else if (r->suggest != NULL) {
		substitute("; write \"", pt, ov, ngroups, buf, bufsz, &o);
		substitute(r->suggest, pt, ov, ngroups, buf, bufsz, &o);
		substitute("\"", pt, ov, ngroups, buf, bufsz, &o);
	}
}

/* Do the match's fonts and words allow it to be reported? */
static int
keep_match(const struct prule *r, const struct ptext *pt,
    const PCRE2_SIZE *ov, int ngroups)
{
	const char	*p, *w;
	size_t		 i, n, a, b;

	if (ov[0] >= pt->len ||
	    (r->font != FONT_ANY && pt->font[ov[0]] != r->font))
		return 0;
	if (r->unless_font != FONT_ANY)
		for (i = ov[0]; i < ov[1]; i++)
			if (pt->font[i] == r->unless_font &&
			    !isspace((unsigned char)pt->s[i]))
				return 0;
	if (r->except == NULL)
		return 1;
	a = ngroups > 1 && ov[2] != PCRE2_UNSET ? ov[2] : ov[0];
	b = ngroups > 1 && ov[2] != PCRE2_UNSET ? ov[3] : ov[1];
	w = pt->s + a;
	for (p = r->except; *p != '\0'; p += n) {
		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n > 0 && n == b - a && strncasecmp(p, w, n) == 0)
			return 0;
	}
	return 1;
}

/* Report a match of [a, b) of the text, if its fonts and words allow. */
static void
report_match(struct ctx *c, const struct prule *r, const struct ptext *pt,
    const PCRE2_SIZE *ov, int ngroups)
{
	const struct ppos *at;
	char		 msg[512];

	if (!keep_match(r, pt, ov, ngroups))
		return;
	at = &pt->pos[ov[0]];
	format_message(r, pt, ov, ngroups, msg, sizeof(msg));
	diag_add(c->dl, c->cfg, at->file, at->line, at->col, r->number, "%s",
	    msg);
}

static void
run_rule(struct ctx *c, const struct prule *r, pcre2_code *code,
    const struct ptext *pt)
{
	PCRE2_SIZE	*ov, start = 0;
	int		 rc;

	ov = pcre2_get_ovector_pointer(match);
	while (start <= pt->len) {
		rc = pcre2_match(code, (PCRE2_SPTR)pt->s, pt->len, start, 0,
		    match, NULL);
		if (rc < 0)
			break;
		report_match(c, r, pt, ov, rc);
		start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
}

/*
 * The entry of a word list that matches at s[a], a word of the page
 * flen bytes long, whole words only, or NULL.  Of several, the first
 * listed wins, as in an alternation.
 */
static const struct wentry *
find_word(const struct prule *r, const struct ptext *pt, size_t a,
    size_t flen)
{
	const struct wentry	*e;
	int			 c, lo, hi, mid, d;

	c = fold(pt->s[a], r->nocase);
	lo = r->from[c];
	hi = r->from[c + 1];
	while (lo < hi) {
		mid = (lo + hi) / 2;
		e = &r->sorted[mid];
		d = wcmp(e->w, e->flen, pt->s + a, flen, r->nocase);
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (hi = r->from[c + 1]; lo < hi; lo++) {
		e = &r->sorted[lo];
		if (wcmp(e->w, e->flen, pt->s + a, flen, r->nocase) != 0)
			break;
		if (a + e->len <= pt->len && wcmp(e->w, e->len, pt->s + a,
		    e->len, r->nocase) == 0 && !is_wordch(pt->s[a + e->len]))
			return e;
	}
	return NULL;
}

static void
run_words(struct ctx *c, const struct prule *r, const struct ptext *pt)
{
	const struct wentry	*e;
	PCRE2_SIZE		 ov[2];
	size_t			 i = 0, end;

	while (i < pt->len) {
		if (!is_wordch(pt->s[i])) {
			i++;
			continue;
		}
		for (end = i; end < pt->len && is_wordch(pt->s[end]); end++)
			continue;
		if ((e = find_word(r, pt, i, end - i)) != NULL) {
			ov[0] = i;
			ov[1] = i + e->len;
			report_match(c, r, pt, ov, 1);
			end = ov[1];
		}
		i = end;
	}
}

/* Does the rule apply to pages of the section named in .TH? */
static int
in_sections(const struct prule *r, const char *section)
{
	const char	*p;
	size_t		 n;

	if (r->sections == NULL)
		return 1;
	if (section == NULL)
		return 0;
	for (p = r->sections; *p != '\0'; p += n) {
		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n > 0 && strncmp(p, section, n) == 0)
			return 1;
	}
	return 0;
}

void
check_prose(struct ctx *c)
{
	struct ptext	 pt;
	struct words	 names, params = { NULL, 0 };
	pcre2_code	*code;
	char		*pattern, err[256];
	int		 i, any = 0, have_params = 0;

	for (i = 0; i < nprules; i++)
		any |= c->cfg->enabled[prules[i]->number];
	if (!any)
		return;
	if (match == NULL)
		match = pcre2_match_data_create(10, NULL);
	names.w = c->names;
	names.n = c->nnames;
	ptext_build(&pt, c->pg);
	for (i = 0; i < nprules; i++) {
		if (!c->cfg->enabled[prules[i]->number] ||
		    !in_sections(prules[i], c->section))
			continue;
		if (prules[i]->nwords > 0) {
			run_words(c, prules[i], &pt);
			continue;
		}
		if (!prules[i]->per_page) {
			run_rule(c, prules[i], prules[i]->code, &pt);
			continue;
		}
		/* Found only when a rule asks: most pages need none. */
		if (!have_params &&
		    strstr(prules[i]->pattern, "${PARAMS}") != NULL) {
			collect_params(c->pg, &params);
			have_params = 1;
		}
		if ((pattern = expand(prules[i], &names, &params)) == NULL)
			continue;
		if ((code = compile(pattern, 0, err, sizeof(err))) != NULL) {
			run_rule(c, prules[i], code, &pt);
			pcre2_code_free(code);
		}
		free(pattern);
	}
	free_words(&params);
	ptext_free(&pt);
}

void
prose_free(void)
{
	int	 i;

	for (i = 0; i < nprules; i++)
		pcre2_code_free(prules[i]->code);
	pcre2_match_data_free(match);
	match = NULL;
}
