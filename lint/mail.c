/*
 * Patch mail.  A patch reaches a maintainer as a mail: headers, a
 * commit message, then the diff, the body maybe quoted-printable, and
 * maybe quoted in a reply.  This file decodes the body, finds the diff
 * in it, and checks what the man-pages project asks of the mail: a
 * Signed-off-by line and a subject that names the pages changed.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "mail.h"
#include "patch.h"
#include "src.h"
#include "util.h"

static int
istarts(const char *s, size_t len, const char *prefix)
{
	size_t	 n = strlen(prefix);

	return len >= n && strncasecmp(s, prefix, n) == 0;
}

/* A header line "Name: value"; return the length of Name, or 0. */
static size_t
header_name(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len && (isalnum((unsigned char)s[i]) ||
	    s[i] == '-'); i++)
		continue;
	return i > 0 && i < len && s[i] == ':' ? i : 0;
}

/* Does s hold word, in any case? */
static int
has_word(const char *s, size_t len, const char *word)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (istarts(s + i, len - i, word))
			return 1;
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Append s to out, decoding quoted-printable if qp; return 1 if the
 * line ends in a soft line break, which joins it to the next.
 */
static int
decode_line(char *out, size_t *o, const char *s, size_t len, int qp)
{
	size_t	 i;
	int	 hi, lo;

	for (i = 0; i < len; i++) {
		if (!qp || s[i] != '=') {
			out[(*o)++] = s[i];
			continue;
		}
		if (i + 1 == len)
			return 1;
		if (i + 2 < len && (hi = hexval(s[i + 1])) >= 0 &&
		    (lo = hexval(s[i + 2])) >= 0) {
			out[(*o)++] = (char)(hi * 16 + lo);
			i += 2;
		} else
			out[(*o)++] = '=';
	}
	return 0;
}

/*
 * Read the headers at the top of f, if there are any: an mbox "From "
 * line, then "Name: value" lines up to an empty line.  Return the
 * first line of the body.
 */
static int
read_headers(struct mail *m, const struct srcfile *f, int *qp)
{
	const char	*s;
	size_t		 len, name;
	int		 i = 0, in_subject = 0;

	if (f->nlines > 0 && has_prefix(f->buf + f->lines[0].off,
	    f->lines[0].len, "From "))
		i = 1;
	for (; i < f->nlines; i++) {
		s = f->buf + f->lines[i].off;
		len = f->lines[i].len;
		if (len == 0)
			break;
		if (s[0] == ' ' || s[0] == '\t') {
			if (in_subject) {
				m->subject = xrealloc(m->subject,
				    strlen(m->subject) + len + 1);
				strncat(m->subject, s, len);
			}
			continue;
		}
		if ((name = header_name(s, len)) == 0)
			break;
		in_subject = name == 7 && istarts(s, len, "Subject:");
		if (in_subject) {
			free(m->subject);
			m->subject = xstrndup(s + 8, len - 8);
			m->subject_at = i + 1;
		} else if (istarts(s, len, "Content-Transfer-Encoding:") &&
		    has_word(s + 26, len - 26, "quoted-printable"))
			*qp = 1;
	}
	if (i == 0 || i >= f->nlines || f->lines[i].len != 0) {
		/* Not a header block: the text is all body. */
		free(m->subject);
		m->subject = NULL;
		m->subject_at = 0;
		*qp = 0;
		return 0;
	}
	m->headers = 1;
	return i + 1;
}

static void
add_line(struct mail *m, const char *s, size_t len, int at)
{
	m->l = xreallocarray(m->l, m->n + 1, sizeof(*m->l));
	m->l[m->n].s = s;
	m->l[m->n].len = len;
	m->l[m->n].at = at;
	m->n++;
}

/* The length of the quote marks ("> ", ">> ") that start s. */
static size_t
quote_len(const char *s, size_t len)
{
	size_t	 i = 0;

	while (i < len && s[i] == '>') {
		i++;
		if (i < len && s[i] == ' ')
			i++;
	}
	return i;
}

/* Does the line, without q quote bytes, start a diff? */
static int
diff_start(const struct mail *m, size_t i, size_t q)
{
	const struct mline *a = &m->l[i], *b;

	if (a->len < q)
		return 0;
	if (has_prefix(a->s + q, a->len - q, "diff "))
		return 1;
	if (!has_prefix(a->s + q, a->len - q, "--- ") || i + 1 >= m->n)
		return 0;
	b = &m->l[i + 1];
	return b->len >= q && memcmp(a->s, b->s, q) == 0 &&
	    has_prefix(b->s + q, b->len - q, "+++ ");
}

/*
 * Find the diff, and when it is quoted in a reply, take the quote
 * marks off its lines.  A line that has lost them ends up as it is.
 */
static void
find_diff(struct mail *m)
{
	const char	*quote;
	size_t		 i, q = 0, k;

	for (i = 0; i < m->n; i++) {
		q = quote_len(m->l[i].s, m->l[i].len);
		if (diff_start(m, i, q))
			break;
	}
	m->diff = i;
	if (q == 0 || i == m->n)
		return;
	quote = m->l[i].s;
	for (; i < m->n; i++) {
		if (m->l[i].len >= q && memcmp(m->l[i].s, quote, q) == 0) {
			m->l[i].s += q;
			m->l[i].len -= q;
			continue;
		}
		/* An empty quoted line: ">" without the space. */
		for (k = 0; k < m->l[i].len && m->l[i].s[k] == '>'; k++)
			continue;
		if (k > 0 && k == m->l[i].len)
			m->l[i].len = 0;
	}
}

/* The Signed-off-by line, and where the commit message ends. */
static void
read_message(struct mail *m)
{
	const struct mline *l;
	size_t		 i, q;

	m->msg_end_at = m->diff < m->n ? m->l[m->diff].at :
	    m->n > 0 ? m->l[m->n - 1].at : 1;
	for (i = 0; i < m->diff; i++) {
		l = &m->l[i];
		q = quote_len(l->s, l->len);
		if (istarts(l->s + q, l->len - q, "Signed-off-by:"))
			m->signoff = 1;
		if (l->len - q == 3 && memcmp(l->s + q, "---", 3) == 0) {
			m->msg_end_at = l->at;
			break;
		}
	}
}

void
mail_read(struct mail *m, const struct srcfile *f)
{
	size_t	 o = 0, start;
	int	 i, qp = 0, at = 0, joined = 0;

	memset(m, 0, sizeof(*m));
	i = read_headers(m, f, &qp);
	/* Each line ends in a newline, so that a search stops at its end. */
	m->buf = xmalloc(f->len + (size_t)f->nlines + 1);
	for (; i < f->nlines; i++) {
		if (!joined) {
			start = o;
			at = i + 1;
		}
		joined = decode_line(m->buf, &o, f->buf + f->lines[i].off,
		    f->lines[i].len, qp);
		if (!joined) {
			add_line(m, m->buf + start, o - start, at);
			m->buf[o++] = '\n';
		}
	}
	if (joined)
		add_line(m, m->buf + start, o - start, at);
	m->buf[o] = '\0';
	find_diff(m);
	read_message(m);
}

void
mail_free(struct mail *m)
{
	free(m->buf);
	free(m->l);
	free(m->subject);
}

/* The subject without "Re:" and "[PATCH v2 1/3]" in front. */
static const char *
subject_text(const char *s)
{
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (strncasecmp(s, "Re:", 3) == 0)
			s += 3;
		else if (strncasecmp(s, "Fwd:", 4) == 0)
			s += 4;
		else if (*s == '[' && strchr(s, ']') != NULL)
			s = strchr(s, ']') + 1;
		else
			return s;
	}
}

static const char *
page_name(const struct pfile *pf)
{
	return pf->new != NULL ? pf->new : pf->old;
}

/* The page's file name, as a subject names it. */
static const char *
short_name(const struct pfile *pf)
{
	const char	*slash = strrchr(page_name(pf), '/');

	return slash != NULL ? slash + 1 : page_name(pf);
}

/* Does a name from the subject stand for the page at path? */
static int
names_page(const char *name, const char *path)
{
	const char	*base = strrchr(path, '/');
	size_t		 n = strlen(name);

	base = base ? base + 1 : path;
	if (n > 0 && name[n - 1] == '/')
		return strncmp(path, name, n) == 0;
	return fnmatch(name, path, 0) == 0 || fnmatch(name, base, 0) == 0;
}

/* The names before the colon, which must cover the pages changed. */
static void
check_names(char *names, const struct patch *p, const struct mail *m,
    const struct srcfile *f, struct diaglist *dl, const struct config *cfg)
{
	char		*tok, *save;
	unsigned char	*named;
	size_t		 i;
	int		 hit;

	named = xcalloc(p->nf + 1, 1);
	for (tok = strtok_r(names, ", \t", &save); tok != NULL;
	    tok = strtok_r(NULL, ", \t", &save)) {
		hit = 0;
		for (i = 0; i < p->nf; i++)
			if (p->f[i].page &&
			    names_page(tok, page_name(&p->f[i])))
				hit = named[i] = 1;
		if (!hit)
			diag_add(dl, cfg, f, m->subject_at, 1, R_MAIL_SUBJECT,
			    "the subject names %s, which the patch does not "
			    "change", tok);
	}
	for (i = 0; i < p->nf; i++)
		if (p->f[i].page && !named[i])
			diag_add(dl, cfg, f, m->subject_at, 1, R_MAIL_SUBJECT,
			    "the subject does not name %s, which the patch "
			    "changes", short_name(&p->f[i]));
	free(named);
}

/*
 * A patch to pages only is titled "page.N: summary", with every page
 * it changes named before the colon (or matched by a glob there).
 * Patches that also change other files follow their project's own
 * custom, which is not checked.
 */
static void
check_subject(const struct mail *m, const struct patch *p,
    const struct srcfile *f, struct diaglist *dl, const struct config *cfg)
{
	const char	*s, *colon;
	char		*names;
	size_t		 i, pages = 0;

	for (i = 0; i < p->nf; i++) {
		if (!p->f[i].page)
			return;
		pages++;
	}
	if (pages == 0)
		return;
	s = subject_text(m->subject);
	colon = strstr(s, ": ");
	if (colon == NULL || colon == s || colon[2 + strspn(colon + 2,
	    " \t")] == '\0') {
		diag_add(dl, cfg, f, m->subject_at, 1, R_MAIL_SUBJECT,
		    "the subject is not of the form \"%s: summary\"",
		    short_name(&p->f[0]));
		return;
	}
	names = xstrndup(s, colon - s);
	check_names(names, p, m, f, dl, cfg);
	free(names);
}

void
mail_check(const struct mail *m, const struct patch *p,
    const struct srcfile *f, struct diaglist *dl, const struct config *cfg)
{
	if (!m->headers || m->diff == m->n)
		return;
	if (!m->signoff)
		diag_add(dl, cfg, f, m->msg_end_at, 1, R_MAIL_SIGNOFF_MISSING,
		    "no Signed-off-by line in the commit message; "
		    "git commit -s adds one");
	if (m->subject != NULL)
		check_subject(m, p, f, dl, cfg);
}
