/*
 * Unified diffs for --diff: parsing the diff of a mail, applying it to
 * a temporary copy of the pages it touches, and keeping only the
 * diagnostics on the lines it adds or changes.
 */
#ifndef PATCH_H
#define PATCH_H

#include <stddef.h>

struct config;
struct diaglist;
struct mail;
struct srcfile;

/* One line of a hunk. */
struct pline {
	char		 op;	/* ' ', '-', '+', or '?' for a line that is
				   none of them or that the hunk header does
				   not count: a damaged patch */
	const char	*s;	/* the text after op */
	size_t		 len;
	int		 at;	/* its line in the patch file */
	int		 miscounted;	/* a diff line beyond the counts */
};

struct hunk {
	int		 ostart, olen, nstart, nlen;
	int		 at;		/* the @@ line */
	int		 short_at;	/* ended before its counts ran out, at
					   this line; 0 if complete */
	struct pline	*l;
	size_t		 n;
};

struct pfile {
	char		*old;	/* names without a/ and b/; NULL for */
	char		*new;	/* /dev/null */
	int		 at;	/* its first header line */
	int		 page;	/* a manual page, by its name */
	int		 binary;
	int		 renamed;	/* a git rename or copy: read old */
	struct hunk	*h;
	size_t		 nh;
};

/* A line that shows the patch was mangled after it was made. */
struct pmangle {
	int		 at;
	int		 after;	/* the hunk it follows */
	size_t		 file;	/* in struct patch */
};

struct patch {
	struct pfile	*f;
	size_t		 nf;
	struct pmangle	*m;
	size_t		 nm;
};

void	 patch_parse(struct patch *, const struct mail *);
void	 patch_free(struct patch *);

/* A page as a patch left it, to be linted. */
struct patched {
	char		*tmp;		/* its copy in the temporary tree */
	char		*show;		/* its name in the patch */
	const struct srcfile *file;	/* once read, for the filter */
	const char	*patch;		/* the patch file's name */
	int		*origin;	/* per line: the patch line that
					   added it, or 0 */
	int		 nlines;
};

/*
 * The temporary tree patches are applied in, one after the other as a
 * series; the pages not yet patched are read from base.
 */
struct ptree;

struct ptree	*ptree_new(const char *base);	/* NULL on failure */
void		 ptree_free(struct ptree *);	/* removes the tree */

/*
 * Apply p to the tree.  Lines that show mangling, and files that do
 * not apply, are reported at their lines of f; *out gets the pages p
 * leaves behind.  Return -1 if a file did not apply.
 */
int	 ptree_apply(struct ptree *, const struct patch *,
	    const struct srcfile *f, struct diaglist *, const struct config *,
	    struct patched **out, size_t *nout);
void	 patched_free(struct patched *, size_t);	/* and the array */

/* Name the page read from pt->tmp as in the patch. */
void	 patched_show(struct patched *, struct srcfile *);

/*
 * Drop the diagnostics not on a line pt adds, and tell the patch line
 * of the others.
 */
void	 patched_filter(const struct patched *, struct diaglist *);

#endif
