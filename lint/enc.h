/*
 * Input encoding checks: UTF-8, CR LF line ends and NUL bytes.
 */
#ifndef ENC_H
#define ENC_H

struct srcfile;
struct diaglist;
struct config;

/*
 * Report encoding problems in f.  NUL bytes are replaced by spaces
 * afterwards so that later passes can treat lines as strings.
 */
void	enc_check(struct srcfile *f, struct diaglist *, const struct config *);

#endif
