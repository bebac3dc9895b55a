#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "diag.h"
#include "enc.h"
#include "src.h"

/* Length of the valid UTF-8 sequence at p, or 0 if it is invalid. */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	size_t		 need, i;
	unsigned int	 cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		need = 1;
		cp = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		need = 2;
		cp = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		need = 3;
		cp = p[0] & 0x07;
	} else
		return 0;
	if (need >= n)
		return 0;
	for (i = 1; i <= need; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return need + 1;
}

/*
 * Is every byte of buf ASCII and not NUL?  A byte is NUL or past ASCII
 * exactly when the high bit of it or of it less one is set; the
 * subtraction borrows across bytes only from a NUL, which is caught
 * anyway.  So sixteen bytes take a few operations.
 */
static int
plain_ascii(const char *buf, size_t len)
{
	const uint64_t	 ones = 0x0101010101010101ULL;
	const uint64_t	 highs = 0x8080808080808080ULL;
	uint64_t	 w, v;
	size_t		 i = 0;

	for (; i + 16 <= len; i += 16) {
		memcpy(&w, buf + i, 8);
		memcpy(&v, buf + i + 8, 8);
		if ((((w - ones) | w | (v - ones) | v) & highs) != 0)
			return 0;
	}
	for (; i < len; i++)
		if ((unsigned char)buf[i] >= 0x80 || buf[i] == '\0')
			return 0;
	return 1;
}

void
enc_check(struct srcfile *f, struct diaglist *dl, const struct config *cfg)
{
	const unsigned char	*p;
	size_t			 i, k;
	int			 ln, crlines = 0, first_cr = 0, bad;
	int			 ascii;

	/* Most pages are ASCII with LF line ends: nothing to look at. */
	ascii = plain_ascii(f->buf, f->len);
	if (ascii && !f->crlf)
		return;
	for (ln = 0; ln < f->nlines; ln++) {
		p = (const unsigned char *)f->buf + f->lines[ln].off;
		if (f->lines[ln].cr && crlines++ == 0)
			first_cr = ln + 1;
		if (ascii || plain_ascii((const char *)p, f->lines[ln].len))
			continue;
		bad = 0;
		for (i = 0; i < f->lines[ln].len; i += k) {
			if (p[i] >= 0x01 && p[i] < 0x80) {
				k = 1;
				continue;
			}
			if (p[i] == '\0') {
				diag_add(dl, cfg, f, ln + 1, (int)i + 1,
				    R_ENC_NUL, "NUL byte; remove it");
				f->buf[f->lines[ln].off + i] = ' ';
				/* It may end its line now. */
				f->blank_end = 1;
				k = 1;
				continue;
			}
			if ((k = utf8_len(p + i, f->lines[ln].len - i)) == 0) {
				if (!bad)
					diag_add(dl, cfg, f, ln + 1, (int)i + 1,
					    R_ENC_UTF8, "invalid UTF-8 byte "
					    "0x%02x; write valid UTF-8 or a "
					    "roff escape", p[i]);
				bad = 1;
				k = 1;
			}
		}
	}
	if (crlines > 0)
		diag_add(dl, cfg, f, first_cr, 1, R_ENC_CRLF,
		    "line ends in CR LF (%d line%s); use LF line ends",
		    crlines, crlines == 1 ? "" : "s");
}
