# shellcheck shell=bash disable=SC2154
# The tests of the Makefile's page targets, read by tests/run (bash),
# which provides t, why, skip, $top and $tmp.  Each judge (lint-manlint,
# lint-mandoc, lint-groff, check-render) must fail on a page with a
# defect it sees, naming the page, and pass on a clean one; then render,
# install and uninstall.  make runs with "-o tools -o lint/manlint", so
# that it neither installs packages nor builds: tests/run builds nothing.

jd=$tmp/judges
mkdir -p "$jd/man2" "$jd/man7"

# jpage NAME [SECTION]: a clean page with a lower-case title, in the
# man-pages manner, followed by standard input as more of its text.
jpage() {
	local sect=${2:-2}

	{
		printf '.TH %s %s 2026-01-01 "manlint tests"\n' "$1" "$sect"
		printf '.SH NAME\n%s \\- a test page\n.SH DESCRIPTION\n' "$1"
		cat
	} > "$jd/man$sect/$1.$sect"
}

jpage clean <<-'EOF'
	Text.
	EOF
printf '.so man2/clean.2\n' > "$jd/man2/alias.2"
# Only manlint sees this one.
jpage sentence <<-'EOF'
	First sentence.  Second sentence.
	EOF
jpage no-heading <<-'EOF'
	Text.
	.SH
	EOF
jpage undefined-string <<-'EOF'
	Text \*(XX.
	EOF
# Literal text is never broken, so its line is too long for the terminal.
jpage wide <<-'EOF'
	Text.
	.EX
	const char *s = "a string constant long enough to reach past eighty columns";
	.EE
	EOF
# A word too long for the terminal's line but short enough for the
# PostScript line of groff -z: only the rendering warns.
jpage long-word <<-EOF
	Text
	$(printf 'x%.0s' $(seq 72))
	end.
	EOF
jpage lower 7 <<-'EOF'
	Text.
	EOF

# jmake TARGET [VAR=VALUE]...: sets rc and out (standard output and error).
jmake() {
	make -s --no-print-directory -C "$top" -o tools -o lint/manlint "$@" \
	    > "$tmp/jout" 2>&1 < /dev/null
	rc=$?
	out=$(cat "$tmp/jout")
}

# judge_fails TARGET PAGE TEXT: TARGET fails on PAGE, names it, and says TEXT.
judge_fails() {
	jmake "$1" MANPAGES="$2"
	if [ $rc -eq 0 ]; then
		why "make $1 passed ${2#"$tmp"/}" "$out"
		return 1
	fi
	if ! grep -qF -- "$2" <<< "$out" || ! grep -qF -- "$3" <<< "$out"; then
		why "make $1 does not name ${2#"$tmp"/} or does not say: $3" "$out"
		return 1
	fi
}

jmake_lint() {
	jmake lint
	[ $rc -eq 0 ] && return 0
	why "make lint: exit status $rc" "$out"
	return 1
}

# judges_pass PAGE JUDGE...: each JUDGE passes on PAGE, in silence.
judges_pass() {
	local page=$1 target

	shift
	for target; do
		jmake "$target" MANPAGES="$page"
		if [ $rc -ne 0 ] || [ -n "$out" ]; then
			why "make $target on ${page#"$tmp"/}: exit status $rc" "$out"
			return 1
		fi
	done
}

# The entry must give its reason.
bad_ignore() {
	printf 'man2/*\tSTYLE: lower case character in document title\n' \
	    > "$jd/bad.ignore"
	jmake lint-mandoc MANDOC_IGNORE="$jd/bad.ignore" MANPAGES="$jd/man2/clean.2"
	[ $rc -ne 0 ] && grep -qF "bad.ignore:1:" <<< "$out" && return 0
	why "an entry without a reason was taken: exit status $rc" "$out"
	return 1
}

render_files() {
	local ext f

	jmake render RENDERDIR="$jd/render" MANPAGES="man2/mmap.2 man2/munmap.2"
	if [ $rc -ne 0 ]; then
		why "make render: exit status $rc" "$out"
		return 1
	fi
	for f in mmap.2 munmap.2; do
		for ext in txt html pdf; do
			[ -s "$jd/render/$f.$ext" ] && continue
			why "no $f.$ext, or it is empty"
			return 1
		done
	done
	grep -q MAP_LOCKED "$jd/render/munmap.2.txt" ||
	    { why "munmap.2.txt does not show mmap.2"; return 1; }
	[ "$(head -c 5 "$jd/render/mmap.2.pdf")" = "%PDF-" ] ||
	    { why "mmap.2.pdf is not a PDF file"; return 1; }
}

# man_shows SECTION NAME TEXT: the staged pages show TEXT on NAME(SECTION).
man_shows() {
	local got mandir=$jd/stage/usr/local/share/man

	got=$(man -M "$mandir" -P cat "$1" "$2" 2>&1 < /dev/null)
	grep -qF -- "$3" <<< "$got" && return 0
	why "man -M STAGE $1 $2 does not show $3" "$(head -n 20 <<< "$got")"
	return 1
}

install_uninstall() {
	local left

	jmake install DESTDIR="$jd/stage" PREFIX=/usr/local
	[ $rc -eq 0 ] ||
	    { why "make install: exit status $rc" "$out"; return 1; }
	[ -x "$jd/stage/usr/local/bin/manlint" ] ||
	    { why "no STAGE/usr/local/bin/manlint"; return 1; }
	man_shows 2 mmap MAP_LOCKED || return 1
	man_shows 2 munmap MAP_LOCKED || return 1
	man_shows 1 manlint --explain || return 1
	jmake uninstall DESTDIR="$jd/stage" PREFIX=/usr/local
	[ $rc -eq 0 ] ||
	    { why "make uninstall: exit status $rc" "$out"; return 1; }
	left=$(cd "$jd/stage" && find . ! -type d)
	[ -z "$left" ] && return 0
	why "make uninstall left:" "$left"
	return 1
}

t "judges/make lint passes on this repository's pages" jmake_lint
t "judges/all four pass on a clean page" judges_pass "$jd/man2/clean.2" \
    lint-manlint lint-mandoc lint-groff check-render
# The formatters find the page it includes from its own manual root.
t "judges/a .so page outside the checkout is formatted" \
    judges_pass "$jd/man2/alias.2" lint-manlint lint-groff check-render
t "judges/lint-manlint fails on two sentences on one line" \
    judge_fails lint-manlint "$jd/man2/sentence.2" "[sentence-same-line]"
t "judges/lint-mandoc fails on a .SH with nothing after it" \
    judge_fails lint-mandoc "$jd/man2/no-heading.2" "EOF breaks SH"
t "judges/lint-mandoc fails on a lower-case title outside man2" \
    judge_fails lint-mandoc "$jd/man7/lower.7" "lower case character in document"
t "judges/lint-mandoc fails on .so in a page other than munmap.2" \
    judge_fails lint-mandoc "$jd/man2/alias.2" ".so is fragile"
t "judges/lint-mandoc refuses an ignore entry without a reason" bad_ignore
t "judges/lint-groff fails on an undefined string" \
    judge_fails lint-groff "$jd/man2/undefined-string.2" "not defined"
t "judges/check-render fails on a line over 80 columns" \
    judge_fails check-render "$jd/man2/wide.2" "columns wide"
t "judges/check-render fails on a warning from the formatter" \
    judge_fails check-render "$jd/man2/long-word.2" "can't break line"
if command -v gropdf > /dev/null 2>&1; then
	t "judges/make render writes text, HTML and PDF" render_files
else
	skip "judges/make render: no gropdf (Debian package groff)"
fi
t "judges/make install, then uninstall" install_uninstall
