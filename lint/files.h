/*
 * Files and directories for building and running examples: creating
 * a directory with its parents, removing a tree without following
 * symbolic links, reading, writing and copying whole files.
 */
#ifndef FILES_H
#define FILES_H

#include <stddef.h>

/* Each returns -1 and sets errno on failure. */
int	 mkdir_p(const char *path);
int	 rm_tree(const char *path);
int	 write_file(const char *path, const char *data, size_t len,
	    int mode);
int	 copy_file(const char *from, const char *to, int mode);
/*
 * Write a file so that path holds either its old contents or all of
 * the new: a temporary file beside it, on disk, then renamed over it.
 */
int	 write_file_atomic(const char *path, const char *data, size_t len,
	    int mode);
/* Read a whole file, NUL-terminated; NULL on failure.  Free it. */
char	*read_file(const char *path, size_t *len);

/*
 * A new directory named prefix.PID.XXXXXX, under base or under
 * tmp_base(): $TMPDIR, or /tmp.
 */
const char *tmp_base(void);
char	*make_tmpdir_in(const char *base, const char *prefix);
char	*make_tmpdir(const char *prefix);
/*
 * Remove the directories named prefix.PID.* in base that runs killed
 * before they could clean up left there: of this user, their process
 * gone, untouched for a quarter of an hour.
 */
void	 sweep_tmpdirs(const char *base, const char *prefix);

#endif
