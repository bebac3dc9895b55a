/*
 * A directory of links to the libraries that links use, which gold
 * searches in place of the compiler's library directories: gold reads
 * each directory of its search path whole when it starts.
 */
#ifndef LIBDIR_H
#define LIBDIR_H

struct libdir;

/*
 * dirs: the link's library directories (-L) in order, each absolute;
 * path: a new, empty directory for the links.  NULL if a directory is
 * not absolute.
 */
struct libdir	*libdir_new(char *const *dirs, int ndirs, const char *path);
/*
 * Make the links that the option -lNAME or -l:FILE needs, so that gold
 * finds in path the same files as in dirs.  Returns 0, or -1 when that
 * cannot be promised (not found, found twice, a linker script that does
 * more than name files); the answer is kept for the next call.
 */
int		 libdir_add(struct libdir *, const char *opt);
const char	*libdir_path(const struct libdir *);
void		 libdir_free(struct libdir *);

#endif
