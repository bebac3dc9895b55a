# manlint: a linter for manual pages written with the man(7) macros.
#
#   make               build lint/manlint
#   make asan          build lint/manlint-asan (AddressSanitizer, UBSan)
#   make tsan          build lint/manlint-tsan (ThreadSanitizer)
#   make lint          hold this repository's pages to the four judges:
#     make lint-manlint    lint/manlint reports nothing
#     make lint-mandoc     mandoc -Tlint reports nothing but what
#                          tests/mandoc.ignore lets through
#     make lint-groff      groff -man -t -ww -z reports nothing
#     make check-render    man -l and mandoc -Tutf8 warn of nothing and
#                          no line of their text is over 80 columns
#   make check         the four judges, then every test (tests/run)
#   make render        text, HTML and PDF of each page in build/render
#   make corpus        lint the Debian manpages corpus with the sanitizer build
#   make bench         time manlint against mandoc -Tlint on that corpus;
#                      score both on ../shared/bench when it is there
#   make bench-examples  time manlint --examples building that corpus's
#                      programs against plain cc -c, cold and warm
#   make fuzz          build lint/fuzz/fuzz_page and fuzz_patch (clang,
#                      libFuzzer, ASan, UBSan) and fuzz each for
#                      FUZZ_TIME seconds (60)
#   make fuzz-long     the same for FUZZ_LONG_TIME seconds (8 hours)
#   make rules-page    regenerate man7/manlint-rules.7 from the rule table
#   make check-patch PATCH=FILE  check a patch before mailing it: in a
#                      copy of the tree at BASE (default: the upstream
#                      branch, else HEAD), manlint --diff, git apply and
#                      make $(CHECK) (default: check)
#   make install-hook  a git pre-commit hook that lints staged changes
#   make install       install into $(DESTDIR)$(PREFIX); also uninstall
#   make clean
#
# The judges and render take other pages with MANPAGES="PAGE...".

PREFIX	?= /usr/local
DESTDIR	?=
BINDIR	 = $(PREFIX)/bin
MANDIR	 = $(PREFIX)/share/man
DATADIR	 = $(PREFIX)/share/manlint

CC	?= cc
# Asked for when used, so that "make check" can install pkg-config and
# libpcre2-dev (tests/ensure-tools) before the first compiler runs.
PCRE_CFLAGS  = $(shell pkg-config --cflags libpcre2-8 2>/dev/null)
PCRE_LIBS    = $(shell pkg-config --libs libpcre2-8 2>/dev/null)
CFLAGS	?= -O2
# Pages are checked on several threads (lint/jobs.c).
WARN	 = -std=c11 -D_DEFAULT_SOURCE -pthread -Wall -Wextra -Werror \
	   -DDATADIR='"$(DATADIR)"'
ASAN	 = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all
TSAN	 = -O1 -g -fsanitize=thread

SRCS	 = lint/main.c lint/jobs.c lint/util.c lint/arena.c lint/src.c lint/enc.c lint/esc.c \
	   lint/roff.c lint/mac.c lint/parse.c lint/rules.c lint/diag.c \
	   lint/docs.c lint/check.c lint/check_structure.c \
	   lint/check_paragraphs.c lint/check_blocks.c lint/check_fonts.c \
	   lint/check_xrefs.c lint/check_text.c lint/ptext.c lint/prose.c \
	   lint/check_synopsis.c lint/check_args.c lint/check_words.c \
	   lint/check_requests.c
# Output formats, configuration files, suppressions and baselines.
SRCS	+= lint/format.c lint/config.c lint/suppress.c lint/baseline.c
# The example runner: --examples and --extract-examples.
SRCS	+= lint/exrun.c lint/example.c lint/build.c lint/build_diag.c \
	   lint/session.c lint/sandbox.c lint/files.c lint/sha256.c \
	   lint/libdir.c
# Patch mode: --diff.
SRCS	+= lint/patch.c lint/mail.c
HDRS	 = $(wildcard lint/*.h)
OBJS	 = $(SRCS:.c=.o)

all: lint/manlint

lint/manlint: $(OBJS)
	$(CC) $(LDFLAGS) -pthread -o $@ $(OBJS) $(PCRE_LIBS)

lint/%.o: lint/%.c $(HDRS)
	$(CC) $(WARN) $(CFLAGS) $(PCRE_CFLAGS) -c -o $@ $<

asan: lint/manlint-asan

lint/manlint-asan: $(SRCS) $(HDRS)
	$(CC) $(WARN) $(ASAN) $(PCRE_CFLAGS) -o $@ $(SRCS) $(PCRE_LIBS)

tsan: lint/manlint-tsan

lint/manlint-tsan: $(SRCS) $(HDRS)
	$(CC) $(WARN) $(TSAN) $(PCRE_CFLAGS) -o $@ $(SRCS) $(PCRE_LIBS)

# The fuzz targets: each with the library, less main.c, built by clang.
# The rule table leaves trailing fields out on purpose, which clang
# warns of.  fuzz_page takes pages, fuzz_patch mails and patches.
FUZZ_CC	 = clang
FUZZ_LIB = $(filter-out lint/main.c,$(SRCS))
FUZZ_BINS = lint/fuzz/fuzz_page lint/fuzz/fuzz_patch
FUZZ	 = -O1 -g -fsanitize=fuzzer,address,undefined \
	   -fno-omit-frame-pointer -fno-sanitize-recover=all \
	   -Wno-missing-field-initializers
FUZZ_TIME = 60
FUZZ_LONG_TIME = 28800

lint/fuzz/fuzz_%: lint/fuzz/fuzz_%.c lint/fuzz/common.c lint/fuzz/common.h \
    $(FUZZ_LIB) $(HDRS)
	$(FUZZ_CC) $(WARN) $(FUZZ) $(PCRE_CFLAGS) -o $@ $(FUZZ_LIB) \
	    lint/fuzz/common.c $< $(PCRE_LIBS)

# The pages of this repository, judged, rendered and installed.
MANPAGES = $(wildcard man[1-9]/*.[1-9])
# The mandoc -Tlint messages let through, each with its reason.
MANDOC_IGNORE = tests/mandoc.ignore
RENDERDIR = build/render
# What "make check-patch" runs in the patched copy of the tree.
CHECK	?= check

# Before building for check or lint, make sure the tools are there.
ifneq ($(filter check lint lint-% check-%,$(MAKECMDGOALS)),)
$(OBJS) lint/manlint-asan lint/manlint-tsan: | tools
endif

tools:
	bash tests/ensure-tools

# Each judge must stay silent on every page.  They are separate targets
# so that a failure names its judge.
lint: lint-manlint lint-mandoc lint-groff check-render

lint-manlint: tools lint/manlint
	lint/manlint $(MANPAGES)

lint-mandoc: tools
	bash tests/pages lint-mandoc $(MANDOC_IGNORE) $(MANPAGES)

lint-groff: tools
	bash tests/pages lint-groff $(MANPAGES)

check-render: tools
	bash tests/pages check-render $(MANPAGES)

# "make check" fuzzes briefly when clang can link a libFuzzer program.
ifneq ($(filter check,$(MAKECMDGOALS)),)
HAVE_FUZZER := $(shell printf 'int LLVMFuzzerTestOneInput(const char *d, \
	unsigned long n) { return d == 0 && n; }\n' | $(FUZZ_CC) \
	-fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null && echo yes)
endif
CHECK_FUZZ = $(if $(HAVE_FUZZER),$(FUZZ_BINS))

check: lint-manlint lint-mandoc lint-groff check-render lint/manlint-asan \
	lint/manlint-tsan $(CHECK_FUZZ)
	bash tests/run

render: tools
	bash tests/pages render $(RENDERDIR) $(MANPAGES)

corpus: lint/manlint-asan
	bash tests/corpus-run

bench: lint/manlint
	bash tests/bench

fuzz: $(FUZZ_BINS)
	bash lint/fuzz/run $(FUZZ_TIME) build/fuzz/page page
	bash lint/fuzz/run $(FUZZ_TIME) build/fuzz/patch patch

fuzz-long: $(FUZZ_BINS)
	bash lint/fuzz/run $(FUZZ_LONG_TIME) build/fuzz/page page
	bash lint/fuzz/run $(FUZZ_LONG_TIME) build/fuzz/patch patch

bench-examples: lint/manlint
	bash tests/bench-examples

check-patch: lint/manlint
	bash tests/patch/check-patch "$(CURDIR)/lint/manlint" "$(PATCH)" \
	    "$(BASE)" "$(CHECK)"

install-hook: lint/manlint
	bash tests/patch/install-hook lint/manlint

rules-page: lint/manlint
	lint/manlint --rules-page > man7/manlint-rules.7.tmp
	mv man7/manlint-rules.7.tmp man7/manlint-rules.7

install: lint/manlint
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 lint/manlint $(DESTDIR)$(BINDIR)/manlint
	install -d $(DESTDIR)$(DATADIR)
	install -m 644 lint/rules/prose.rules $(DESTDIR)$(DATADIR)/prose.rules
	for f in $(MANPAGES); do \
		d=$(DESTDIR)$(MANDIR)/$${f%/*}; \
		install -d $$d && install -m 644 $$f $$d/ || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/manlint
	rm -f $(DESTDIR)$(DATADIR)/prose.rules
	-rmdir $(DESTDIR)$(DATADIR)
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/,$(MANPAGES))

clean:
	rm -f lint/*.o lint/manlint lint/manlint-asan lint/manlint-tsan \
	    $(FUZZ_BINS)
	rm -f man7/manlint-rules.7.tmp
	rm -rf build

.PHONY: all asan tsan tools lint lint-manlint lint-mandoc lint-groff check-render \
	check render corpus bench bench-examples rules-page install uninstall \
	clean fuzz fuzz-long check-patch install-hook
