/*
 * Patch mail.  A patch reaches a maintainer as a mail: headers, a
 * commit message, then the diff, the body maybe quoted-printable or
 * base64, maybe in parts (an attachment), and maybe quoted in a reply;
 * a series comes as an mbox of such mails.  This file splits an mbox,
 * decodes the body, finds the diff in it, and checks what the
 * man-pages project asks of the mail: a Signed-off-by line and a
 * subject that names the pages changed.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
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

enum enc {
	ENC_PLAIN,
	ENC_QP,
	ENC_B64
};

/* What the headers of a mail or of a MIME part say of its body. */
struct hdrs {
	enum enc	 enc;
	char		*type;	/* the unfolded Content-Type, or NULL */
};

static enum enc
encoding(const char *s, size_t len)
{
	if (has_word(s, len, "quoted-printable"))
		return ENC_QP;
	if (has_word(s, len, "base64"))
		return ENC_B64;
	return ENC_PLAIN;
}

/* Append a folded header line to the value it continues. */
static void
unfold(char **value, const char *s, size_t len)
{
	*value = xrealloc(*value, strlen(*value) + len + 1);
	strncat(*value, s, len);
}

/*
 * Read "Name: value" lines from line i (from 0) to the first line that
 * is none, and return that line.  The subject goes to m, if not NULL.
 */
static int
read_block(struct mail *m, const struct srcfile *f, int i, int to,
    struct hdrs *h)
{
	const char	*s;
	size_t		 len, name;
	char		**fold = NULL;

	for (; i < to; i++) {
		s = f->buf + f->lines[i].off;
		len = f->lines[i].len;
		if (len == 0)
			break;
		if (s[0] == ' ' || s[0] == '\t') {
			if (fold != NULL)
				unfold(fold, s, len);
			continue;
		}
		if ((name = header_name(s, len)) == 0)
			break;
		fold = NULL;
		if (m != NULL && name == 7 && istarts(s, len, "Subject:")) {
			free(m->subject);
			m->subject = xstrndup(s + 8, len - 8);
			m->subject_at = i + 1;
			fold = &m->subject;
		} else if (name == 12 && istarts(s, len, "Content-Type:")) {
			free(h->type);
			h->type = xstrndup(s + 13, len - 13);
			fold = &h->type;
		} else if (name == 25 &&
		    istarts(s, len, "Content-Transfer-Encoding:"))
			h->enc = encoding(s + 26, len - 26);
	}
	return i;
}

/*
 * An mbox "From " line, as git format-patch writes it: "From SENDER
 * DATE", the date with a time and a year.  The date keeps a commit
 * message's "From the ..." after an empty line from starting a mail.
 */
static int
from_line(const struct srcfile *f, int i)
{
	const char	*s = f->buf + f->lines[i].off;
	size_t		 len = f->lines[i].len, k, sp, time = 0, digits = 0;
	int		 year = 0;

	if (!has_prefix(s, len, "From ") || len < 6 || s[5] == ' ')
		return 0;
	for (sp = 5; sp < len && s[sp] != ' '; sp++)
		continue;
	for (k = sp; k < len; k++) {
		if (isdigit((unsigned char)s[k])) {
			digits++;
			continue;
		}
		if (s[k] == ':' && digits > 0 && k + 2 < len &&
		    isdigit((unsigned char)s[k + 1]) &&
		    isdigit((unsigned char)s[k + 2]))
			time = 1;
		year |= digits == 4;
		digits = 0;
	}
	return time && (year || digits == 4);
}

int
mail_next(const struct srcfile *f, int from)
{
	int	 i;

	if (from >= f->nlines || !from_line(f, from))
		return f->nlines;
	for (i = from + 1; i < f->nlines; i++)
		if (f->lines[i - 1].len == 0 && from_line(f, i))
			return i;
	return f->nlines;
}

/*
 * Read the headers at line from of f, if there are any: an mbox "From "
 * line, then "Name: value" lines up to an empty line.  Return the
 * first line of the body.
 */
static int
read_headers(struct mail *m, const struct srcfile *f, int from, int to,
    struct hdrs *h)
{
	int	 i = from;

	if (i < to && has_prefix(f->buf + f->lines[i].off, f->lines[i].len,
	    "From "))
		i++;
	i = read_block(m, f, i, to, h);
	if (i == from || i >= to || f->lines[i].len != 0) {
		/* Not a header block: the text is all body. */
		free(m->subject);
		m->subject = NULL;
		m->subject_at = 0;
		free(h->type);
		h->type = NULL;
		h->enc = ENC_PLAIN;
		return from;
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

/* Decoding the body of one mail into m->buf and its lines. */
struct dec {
	struct mail	*m;
	size_t		 o;	/* the bytes written to m->buf */
	size_t		 start;	/* where the line being built starts */
	int		 at;	/* its line in the file; 0 if none is */
	int		 stop;	/* the base64 text is damaged */
};

static void
end_line(struct dec *d)
{
	add_line(d->m, d->m->buf + d->start, d->o - d->start, d->at);
	/* Each line ends in a newline, so that a search stops at its end. */
	d->m->buf[d->o++] = '\n';
	d->at = 0;
}

/* Lines i to to of f, plain or quoted-printable. */
static void
decode_text(struct dec *d, const struct srcfile *f, int i, int to, int qp)
{
	const char	*s;
	size_t		 len;

	/*
	 * mboxrd's ">From " quoting is left as it is: it touches only the
	 * message, never a diff line, which starts with one of " +-@\".
	 */
	for (; i < to; i++) {
		s = f->buf + f->lines[i].off;
		len = f->lines[i].len;
		if (d->at == 0) {
			d->start = d->o;
			d->at = i + 1;
		}
		if (!decode_line(d->m->buf, &d->o, s, len, qp))
			end_line(d);
	}
	if (d->at != 0)
		end_line(d);
}

static int
b64val(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

static void
b64_damage(struct dec *d, int at, const char *what, int c)
{
	struct mail	*m = d->m;

	m->bad_at = at;
	if (c < 0)
		snprintf(m->bad, sizeof(m->bad), "the base64 text %s: the "
		    "mail cannot be decoded and the patch does not apply",
		    what);
	else
		snprintf(m->bad, sizeof(m->bad), "byte 0x%02x %s: the mail "
		    "cannot be decoded and the patch does not apply",
		    (unsigned)c, what);
	d->stop = 1;
}

/* A decoded byte of base64 text from line at. */
static void
b64_byte(struct dec *d, int c, int at)
{
	if (d->at == 0) {
		d->start = d->o;
		d->at = at;
	}
	if (c != '\n') {
		d->m->buf[d->o++] = (char)c;
		return;
	}
	/* Text is sent with CR LF line ends. */
	if (d->o > d->start && d->m->buf[d->o - 1] == '\r')
		d->o--;
	end_line(d);
}

/*
 * Lines i to to of f, base64: each decoded line is at the line of the
 * text where its first byte is.  Only white space may come between
 * the characters, and "=" only at the end of the text.
 */
static void
decode_b64(struct dec *d, const struct srcfile *f, int i, int to)
{
	const unsigned char *s;
	unsigned	 acc = 0;
	size_t		 len, k;
	int		 bits = 0, q = 0, pad = 0, v;

	for (; i < to && !d->stop; i++) {
		s = (const unsigned char *)f->buf + f->lines[i].off;
		len = f->lines[i].len;
		for (k = 0; k < len && !d->stop; k++) {
			if (s[k] == ' ' || s[k] == '\t' || s[k] == '\r')
				continue;
			if (s[k] == '=') {
				if (q < 2 || (q == 2 && pad > 0)) {
					b64_damage(d, i + 1, "has \"=\" where "
					    "no padding can be", -1);
					break;
				}
				q = (q + 1) % 4;
				pad++;
				bits = 0;
				continue;
			}
			if ((v = b64val(s[k])) < 0)
				b64_damage(d, i + 1, "is not base64", s[k]);
			else if (pad > 0)
				b64_damage(d, i + 1, "goes on after its "
				    "\"=\" padding", -1);
			if (d->stop)
				break;
			acc = (acc << 6 | (unsigned)v) & 0xffff;
			q = (q + 1) % 4;
			if ((bits += 6) >= 8) {
				bits -= 8;
				b64_byte(d, (int)(acc >> bits & 0xff), i + 1);
			}
		}
	}
	if (!d->stop && q != 0)
		b64_damage(d, to, "ends inside a group of four characters",
		    -1);
	if (d->at != 0)
		end_line(d);
}

static void
decode(struct dec *d, const struct srcfile *f, int i, int to, enum enc enc)
{
	if (enc == ENC_B64)
		decode_b64(d, f, i, to);
	else
		decode_text(d, f, i, to, enc == ENC_QP);
}

static int
multipart(const char *type)
{
	return type != NULL &&
	    strncasecmp(type + strspn(type, " \t"), "multipart/", 10) == 0;
}

/* The boundary of a multipart Content-Type, or NULL. */
static char *
boundary(const char *type)
{
	const char	*s;
	size_t		 n;

	if (!multipart(type))
		return NULL;
	for (s = type; *s != '\0'; s++)
		if (strncasecmp(s, "boundary=", 9) == 0)
			break;
	if (*s == '\0')
		return NULL;
	s += 9;
	if (*s == '"')
		n = strcspn(++s, "\"");
	else
		n = strcspn(s, "; \t");
	return n > 0 ? xstrndup(s, n) : NULL;
}

/*
 * The first line from i on that is "--b", or to; *last tells if it is
 * "--b--", which ends the parts.
 */
static int
next_boundary(const struct srcfile *f, int i, int to, const char *b,
    int *last)
{
	const char	*s;
	size_t		 len, n = strlen(b);

	*last = 1;
	for (; i < to; i++) {
		s = f->buf + f->lines[i].off;
		len = f->lines[i].len;
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
		    s[len - 1] == '\r'))
			len--;
		if (len < n + 2 || s[0] != '-' || s[1] != '-' ||
		    memcmp(s + 2, b, n) != 0)
			continue;
		if (len == n + 2)
			break;
		if (len == n + 4 && s[n + 2] == '-' && s[n + 3] == '-')
			return i;
	}
	*last = i == to;
	return i;
}

/*
 * A part that may hold the commit message or the patch: text other
 * than HTML, a patch or diff by its type, or bytes of no named type.
 */
static int
wanted(const char *type)
{
	if (type == NULL)
		return 1;
	type += strspn(type, " \t");
	if (strncasecmp(type, "text/", 5) == 0)
		return strncasecmp(type + 5, "html", 4) != 0;
	return strncasecmp(type, "application/octet-stream", 24) == 0 ||
	    has_word(type, strcspn(type, ";"), "patch") ||
	    has_word(type, strcspn(type, ";"), "diff");
}

/* Deep enough for a signed mail with an attachment. */
#define PART_DEPTH	4

/*
 * The body from line i to to, with the headers h: a multipart body is
 * read part by part, without its boundaries and part headers.
 */
static void
read_body(struct dec *d, const struct srcfile *f, int i, int to,
    const struct hdrs *h, int depth)
{
	struct hdrs	 ph;
	char		*b;
	int		 last, start, end;

	if (depth == PART_DEPTH || (b = boundary(h->type)) == NULL) {
		decode(d, f, i, to, h->enc);
		return;
	}
	/*
	 * The preamble, before the first boundary, is for old readers;
	 * a body without boundaries is read as it is.
	 */
	if ((start = next_boundary(f, i, to, b, &last)) == to)
		decode(d, f, i, to, ENC_PLAIN);
	i = start;
	while (i < to && !last && !d->stop) {
		memset(&ph, 0, sizeof(ph));
		start = read_block(NULL, f, i + 1, to, &ph);
		end = next_boundary(f, start, to, b, &last);
		if (start < end && f->lines[start].len == 0 &&
		    (multipart(ph.type) || wanted(ph.type)))
			read_body(d, f, start + 1, end, &ph, depth + 1);
		free(ph.type);
		i = end;
	}
	free(b);
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
mail_read(struct mail *m, const struct srcfile *f, int from, int to)
{
	struct hdrs	 h;
	struct dec	 d;
	size_t		 size = 1;
	int		 i;

	memset(m, 0, sizeof(m[0]));
	memset(&h, 0, sizeof(h));
	memset(&d, 0, sizeof(d));
	for (i = from; i < to; i++)
		size += f->lines[i].len + 1;
	/* Decoding never makes the text longer, with a newline a line. */
	m->buf = xmalloc(size);
	d.m = m;
	i = read_headers(m, f, from, to, &h);
	read_body(&d, f, i, to, &h, 0);
	free(h.type);
	m->buf[d.o] = '\0';
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

int
mail_check(const struct mail *m, const struct patch *p,
    const struct srcfile *f, struct diaglist *dl, const struct config *cfg)
{
	if (m->bad_at != 0) {
		diag_add(dl, cfg, f, m->bad_at, 1, R_PATCH_DOES_NOT_APPLY,
		    "%s", m->bad);
		fprintf(stderr, "manlint: %s: the patch does not apply "
		    "(line %d)\n", f->path, m->bad_at);
		return -1;
	}
	if (!m->headers || m->diff == m->n)
		return 0;
	if (!m->signoff)
		diag_add(dl, cfg, f, m->msg_end_at, 1, R_MAIL_SIGNOFF_MISSING,
		    "no Signed-off-by line in the commit message; "
		    "git commit -s adds one");
	if (m->subject != NULL)
		check_subject(m, p, f, dl, cfg);
	return 0;
}
