/*
 * Source files: reading a page (plain, gzip-compressed or standard
 * input) into memory and indexing its physical lines.
 */
#ifndef SRC_H
#define SRC_H

#include <stddef.h>

#define SRC_MAX_BYTES	((size_t)256 * 1024 * 1024)

struct srcline {
	size_t		 off;	/* offset of the first byte in buf */
	size_t		 len;	/* bytes, without the newline or a final CR */
	int		 cr;	/* the line ended in CR LF */
};

struct srcfile {
	char		*path;	/* as named on the command line or in .so */
	char		**real;	/* src_real(), once it is asked */
	char		*buf;	/* the bytes read, NUL bytes included */
	size_t		 len;
	struct srcline	*lines;
	int		 nlines;
	size_t		 maxlen;	/* of the longest line */
	int		 blank_end;	/* a line may end in a space or tab */
	int		 crlf;		/* a line ends in CR LF */
	int		 binary;	/* looks like a binary file */
	int		 toolarge;	/* more than SRC_MAX_BYTES */
};

/*
 * Read a file; "-" is standard input, a name ending in ".gz" is
 * decompressed with gzip(1).  On failure return NULL and write the
 * reason to err.
 */
struct srcfile	*src_read(const char *path, char *err, size_t errsz);
void		 src_free(struct srcfile *);
/*
 * The canonical path of the file, to tell two names of one file apart,
 * or its name if there is none.  It is found when first asked: most
 * files never need it, and realpath(3) is a system call a component.
 */
const char	*src_real(const struct srcfile *);

/* The section suffix of a file name ("2" for mmap.2.gz), or NULL. */
const char	*src_name_section(const char *path, char *buf, size_t bufsz);

#endif
