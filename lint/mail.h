/*
 * Patch mail: finding the diff in what --diff reads (a plain diff, git
 * format-patch output, or a mail as sent to a list, quoted-printable,
 * base64 or quoted in a reply; or an mbox of such mails, a series),
 * and the checks on the mail itself.
 */
#ifndef MAIL_H
#define MAIL_H

#include <stddef.h>

struct config;
struct diaglist;
struct patch;
struct srcfile;

/* One line of the decoded text. */
struct mline {
	const char	*s;
	size_t		 len;
	int		 at;	/* its line in the file read */
};

struct mail {
	char		*buf;		/* the decoded text, under the lines */
	struct mline	*l;
	size_t		 n;
	size_t		 diff;		/* first line of the diff; n if none */
	int		 headers;	/* the text starts with mail headers */
	char		*subject;	/* unfolded Subject, or NULL */
	int		 subject_at;
	int		 signoff;	/* a Signed-off-by line was found */
	int		 msg_end_at;	/* where the commit message ends */
	int		 bad_at;	/* base64 that cannot be decoded, at
					   this line; 0 if none */
	char		 bad[128];	/* what is wrong with it */
};

/*
 * The first line (from 0) of the mail after the one that starts at
 * line from of f: an mbox holds several, each starting with a "From "
 * line after an empty line.  f->nlines if there is no other.
 */
int	 mail_next(const struct srcfile *, int from);

/*
 * Decode lines from to to of f, one mail, and find its diff; the lines
 * from m->diff on are the diff.
 */
void	 mail_read(struct mail *, const struct srcfile *, int from, int to);
void	 mail_free(struct mail *);

/*
 * The checks on a patch mail: its Signed-off-by line and its subject,
 * which names the pages p changes.  Reported at the lines of f.
 * Return -1, having reported it, if the mail could not be decoded.
 */
int	 mail_check(const struct mail *, const struct patch *,
	    const struct srcfile *, struct diaglist *, const struct config *);

#endif
