# manlint: a linter for manual pages written with the man(7) macros.
# See README for the targets.

PREFIX	?= /usr/local
DESTDIR	?=
BINDIR	 = $(PREFIX)/bin
MANDIR	 = $(PREFIX)/share/man

CC	?= cc
PCRE_CFLAGS != pkg-config --cflags libpcre2-8 2>/dev/null || true
PCRE_LIBS   != pkg-config --libs libpcre2-8 2>/dev/null || true
CFLAGS	?= -O2
WARN	 = -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror
ASAN	 = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all

SRCS	 = lint/main.c lint/util.c lint/arena.c lint/src.c lint/enc.c lint/esc.c \
	   lint/roff.c lint/mac.c lint/parse.c lint/rules.c lint/diag.c \
	   lint/docs.c lint/check.c lint/check_structure.c \
	   lint/check_paragraphs.c lint/check_blocks.c lint/check_fonts.c \
	   lint/check_xrefs.c lint/check_text.c
HDRS	 = $(wildcard lint/*.h)
OBJS	 = $(SRCS:.c=.o)

all: lint/manlint

lint/manlint: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(PCRE_LIBS)

lint/%.o: lint/%.c $(HDRS)
	$(CC) $(WARN) $(CFLAGS) $(PCRE_CFLAGS) -c -o $@ $<

asan: lint/manlint-asan

lint/manlint-asan: $(SRCS) $(HDRS)
	$(CC) $(WARN) $(ASAN) $(PCRE_CFLAGS) -o $@ $(SRCS) $(PCRE_LIBS)

clean:
	rm -f lint/*.o lint/manlint lint/manlint-asan
	rm -rf build

.PHONY: all asan clean
