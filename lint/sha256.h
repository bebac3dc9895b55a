/*
 * SHA-256 (FIPS 180-4), for the keys of the example build cache.
 */
#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t	 h[8];
	uint64_t	 len;		/* bytes hashed so far */
	unsigned char	 buf[64];
	size_t		 nbuf;
};

void	sha256_init(struct sha256 *);
void	sha256_add(struct sha256 *, const void *, size_t);
/* Finish, and write the digest as 64 lower-case hex digits and a NUL. */
void	sha256_hex(struct sha256 *, char out[65]);

#endif
