/*
 * The prose of a page as a reader sees it: text lines and the words of
 * font macros, with the markup removed, each byte knowing where in the
 * source it came from and in which font it is set.  Prose rules match
 * their patterns against this text.
 */
#ifndef PTEXT_H
#define PTEXT_H

#include <stddef.h>

struct page;
struct srcfile;

/* Fonts of the text, as far as rules care. */
#define PF_ROMAN	0
#define PF_BOLD		1
#define PF_ITALIC	2

/* Separates paragraphs; not white space, so no pattern runs across. */
#define PT_BREAK	'\x1e'

struct ppos {
	const struct srcfile *file;
	int		 line;
	int		 col;
};

/*
 * Where bytes of the text come from: byte off + i, up to the next
 * segment, is at the column at.col + i of the line.
 */
struct pseg {
	size_t		 off;
	struct ppos	 at;
};

/*
 * NULs after the text's own: a word can be read four bytes at once,
 * and the text sixteen or thirty-two.
 */
#define PT_PAD		31

struct ptext {
	char		*s;	/* NUL-terminated, and PT_PAD NULs after */
	size_t		 len;
	size_t		 cap;
	unsigned char	*font;	/* PF_*, one per byte of s */
	struct pseg	*seg;	/* by offset */
	size_t		 nseg;
	size_t		 segcap;
};

/*
 * Build the text of a page in pt, which is zeroed or holds an earlier
 * text: its storage is reused, as every page needs some.
 */
void	ptext_build(struct ptext *, const struct page *);
/* The same for the SYNOPSIS section alone, no-fill lines included. */
void	ptext_synopsis(struct ptext *, const struct page *);
/* Where byte off of the text comes from. */
void	ptext_pos(const struct ptext *, size_t off, struct ppos *);
void	ptext_free(struct ptext *);

#endif
