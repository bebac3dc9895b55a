# shellcheck shell=bash disable=SC2154
# Patch mode (--diff), make check-patch and make install-hook, read by
# tests/run, which provides t, why, $ML, $top, $tmp and $cli_fired.
#
# map-locked.mail is a patch mail against man2/mmap.2 with the defects
# of the mail this project started from, in new words: the misspelling
# "mmaped", "the mmap call" without markup, "fail with" without its
# error name, two sentences on a line, a reference to mmap(2) with its
# section inside mmap.2, and a lone "+" line.  Each must be reported at
# its line of the patched page and of the mail, and nothing else.
# map-locked-clean.mail makes the same change well.  So that the tests
# hold when mmap.2 changes (as in "make check-patch" of a patch to it),
# each mail's diff is made again against the page as it is: its lines
# after the MAP_LOCKED tag line replace as many lines of the page.

pm=$tmp/patch
pm_fired=
mkdir -p "$pm"
page=$top/man2/mmap.2
anchor=$(grep -n '^\.BR MAP_LOCKED ' "$page" | head -1 | cut -d: -f1)

# The defects: offset from the tag line, rule, the added line.
patch_defects=(
	"1|misspelling|Request that the mmaped pages stay resident,"
	"5|own-name-unmarked|The kernel tries to fault the range in up front, but the mmap call"
	"6|fails-with-no-error|does not fail with"
	"7|sentence-same-line|when that attempt falls short. Later accesses may still fault."
	"9|xref-self-section|.BR mmap (2)"
	"10|text-lone-punct|+"
)

# pm_side old|new TEMPLATE: one side of the template's change, from the
# line after the tag line to its last changed line.
pm_side() {
	awk -v want="$1" '
	/^@@ / { inh = 1; next }
	inh && /^-- $/ { inh = 0 }
	inh && !seen && /^ \.BR MAP_LOCKED / { seen = 1; next }
	inh && seen {
		n++
		op[n] = substr($0, 1, 1)
		txt[n] = substr($0, 2)
		if (op[n] != " ")
			last = n
	}
	END {
		for (i = 1; i <= last; i++)
			if (op[i] != (want == "new" ? "-" : "+"))
				print txt[i]
	}' "$2"
}

# pm_make TEMPLATE OUT: the template mail with its diff made afresh.
pm_make() {
	local d=$pm/make nold

	rm -rf "$d"
	mkdir -p "$d/a/man2" "$d/b/man2"
	cp "$page" "$d/a/man2/mmap.2"
	nold=$(pm_side old "$1" | wc -l)
	{
		head -n "$anchor" "$page"
		pm_side new "$1"
		tail -n +"$((anchor + nold + 1))" "$page"
	} > "$d/b/man2/mmap.2"
	{
		sed '/^diff --git/,$d' "$1"
		(cd "$d" && git diff --no-index a/man2/mmap.2 b/man2/mmap.2) |
		    sed 's,a/a/,a/,g; s,b/b/,b/,g'
		printf -- '-- \n2.47.3\n\n'
	} > "$2"
}

mail=$pm/map-locked.mail
clean=$pm/map-locked-clean.mail
pm_make "$top/tests/patch/map-locked.mail" "$mail"
pm_make "$top/tests/patch/map-locked-clean.mail" "$clean"

# The line of MAIL that is exactly TEXT.
pm_line() {
	grep -n -x -F -- "$2" "$1" | head -1 | cut -d: -f1
}

# The expected "LINE RULE MAILLINE" of each defect, for PAGE (whose
# tag line may have moved) and the mail MAIL, whose lines are counted
# from its line FIRST.
pm_want() {
	local at entry off rule text n

	at=$(grep -n '^\.BR MAP_LOCKED ' "$1" | head -1 | cut -d: -f1)
	for entry in "${patch_defects[@]}"; do
		IFS='|' read -r off rule text <<< "$entry"
		n=$(pm_line "$2" "+$text")
		echo "$((at + off)) $rule $((n - ${3:-1} + 1))"
	done
}

# The same, from the output: page lines of man2/mmap.2 only.
pm_got() {
	local line='^man2/mmap\.2:\([0-9]*\):[0-9]*:'
	local from='(from [^)]*[: ]\([0-9]*\))'

	sed -n "s|$line.*$from.* \\[\\(.*\\)\\]\$|\\1 \\3 \\2|p" <<< "$out"
}

pm_expect() {
	local want=$1 got

	got=$(pm_got)
	if [ "$got" != "$want" ]; then
		why "expected (line rule mail-line):" "$want" "got:" "$got"
		why_run
		return 1
	fi
	if [ "$(wc -l <<< "$out")" -ne "$(wc -l <<< "$want")" ]; then
		why "other diagnostics than the expected ones:"
		why_run
		return 1
	fi
}

# The whole mail, in the working tree.
patch_mail() {
	ml_in "$top" --diff "$mail"
	[ "$rc" -eq 1 ] || { why "expected exit status 1"; why_run; return 1; }
	pm_expect "$(pm_want "$page" "$mail")"
}

# Defects on lines the patch does not touch, before and after the hunk,
# are not reported; the page lines follow the shift.
patch_untouched() {
	local base=$pm/base/man2/mmap.2

	mkdir -p "$pm/base/man2"
	# shellcheck disable=SC1003 # sed's a\ is not a shell escape
	sed -e '/^\.SH DESCRIPTION/a\' -e 'Not touched. Two sentences.' \
	    -e '$s/$/ /' "$page" > "$base"
	ml_in "$pm/base" man2/mmap.2
	if [ "$(grep -c 'sentence-same-line\|trailing-space' <<< "$out")" -ne 2 ]
	then
		why "the injected defects are not seen in the page itself:"
		why_run
		return 1
	fi
	ml_in "$top" --diff --base "$pm/base" "$mail"
	pm_expect "$(pm_want "$base" "$mail")"
}

# A page that already holds the patch (a diff of the working tree, a
# committed patch) is checked as it is, on the lines the patch added.
patch_applied() {
	mkdir -p "$pm/applied/man2"
	cp "$page" "$pm/applied/man2/"
	(cd "$pm/applied" && git apply "$mail") > "$tmp/out" 2>&1 ||
	    { why "git apply:" "$(cat "$tmp/out")"; return 1; }
	ml_in "$top" --diff --base "$pm/applied" "$mail"
	[ "$rc" -eq 1 ] || { why "expected exit status 1"; why_run; return 1; }
	pm_expect "$(pm_want "$page" "$mail")"
}

# The diff alone, on standard input: no mail checks.
patch_stdin() {
	local first at

	first=$(grep -n '^diff --git' "$mail" | head -1 | cut -d: -f1)
	at=$(pm_line "$mail" "+Request that the mmaped pages stay resident,")
	sed -n '/^diff --git/,$p' "$mail" > "$pm/plain.diff"
	(cd "$top" && "$ML" --diff - < "$pm/plain.diff") > "$tmp/out" \
	    2> "$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
	[[ $out == *"misspelled (from patch line $((at - first + 1)));"* ]] ||
	    { why "the mail line is not given as a patch line"; why_run
		return 1; }
	pm_expect "$(pm_want "$page" "$mail" "$first")"
}

# The mail sent quoted-printable, with soft line breaks.
patch_qp() {
	awk 'BEGIN { body = 0 }
	!body {
		if ($0 ~ /^Content-Transfer-Encoding:/)
			$0 = "Content-Transfer-Encoding: quoted-printable"
		print
		if ($0 == "")
			body = 1
		next
	}
	{
		gsub(/=/, "=3D")
		sub(/ $/, "=20")
		while (length($0) > 40) {
			print substr($0, 1, 40) "="
			$0 = substr($0, 41)
		}
		print
	}' "$mail" > "$pm/qp.mail"
	grep -q '=$' "$pm/qp.mail" ||
	    { why "no soft line break made"; return 1; }
	ml_in "$top" --diff "$pm/qp.mail"
	# The mail lines are those of the encoded mail: check the page's.
	got=$(pm_got | cut -d' ' -f1,2)
	want=$(pm_want "$page" "$mail" | cut -d' ' -f1,2)
	[ "$got" = "$want" ] && [ "$rc" -eq 1 ] && return 0
	why "expected:" "$want" "got:" "$got"
	why_run
	return 1
}

# The mail quoted in a reply, every line behind "> ".
patch_quoted() {
	sed 's/^/> /' "$mail" > "$pm/reply.mail"
	ml_in "$top" --diff "$pm/reply.mail"
	pm_expect "$(pm_want "$page" "$mail")"
}

# pm_b64 MAIL OUT: MAIL with its body sent base64, 57 bytes a line.
pm_b64() {
	local hl

	hl=$(grep -n -m1 '^$' "$1" | cut -d: -f1)
	{
		sed -n "1,${hl}p" "$1" |
		    sed 's/^\(Content-Transfer-Encoding:\).*/\1 base64/'
		tail -n +$((hl + 1)) "$1" | base64 -w 76
	} > "$2"
}

# The line of a base64 text, at line FIRST of its mail, where the
# decoded line LINE of the plain body (starting at line BODY) starts.
pm_b64_line() {
	local off

	off=$(head -n $(($2 - 1)) "$1" | tail -n +"$3" | wc -c)
	echo $(($4 + off / 57))
}

# The mail with its body base64: the diagnostics of the plain mail,
# each at the line of the encoded text where its line starts.
patch_b64() {
	local body entry n want=

	pm_b64 "$mail" "$pm/b64.mail"
	body=$(($(grep -n -m1 '^$' "$mail" | cut -d: -f1) + 1))
	while read -r entry; do
		n=${entry##* }
		want+="${entry% *} $(pm_b64_line "$mail" "$n" "$body" "$body")"$'\n'
	done <<< "$(pm_want "$page" "$mail")"
	ml_in "$top" --diff "$pm/b64.mail"
	[ "$rc" -eq 1 ] || { why "expected exit status 1"; why_run; return 1; }
	pm_expect "${want%$'\n'}"
}

# The patch as a base64 attachment of a multipart mail, after a
# quoted-printable part with the commit message.
patch_mime() {
	local hl first body at n want=

	hl=$(grep -n -m1 '^$' "$mail" | cut -d: -f1)
	first=$(grep -n -m1 '^---$' "$mail" | cut -d: -f1)
	{
		sed -n "1,$((hl - 1))p" "$mail" |
		    sed '/^Content-T/d; /^MIME-Version:/d'
		printf 'MIME-Version: 1.0\nContent-Type: multipart/mixed;\n'
		printf ' boundary="=-b0und"\n\nA preamble.\n--=-b0und\n'
		printf 'Content-Type: text/plain; charset=UTF-8\n'
		printf 'Content-Transfer-Encoding: quoted-printable\n\n'
		sed -n "$((hl + 1)),${first}p" "$mail"
		printf -- '--=-b0und\nContent-Type: image/png\n'
		printf 'Content-Transfer-Encoding: base64\n\nnot*an image\n'
		printf -- '--=-b0und\nContent-Type: text/x-patch; name="0001.patch"\n'
		printf 'Content-Transfer-Encoding: base64\n'
		printf 'Content-Disposition: attachment\n\n'
		tail -n +$((first + 1)) "$mail" | base64 -w 76
		printf -- '--=-b0und--\nAn epilogue.\n'
	} > "$pm/mime.mail"
	body=$(($(grep -n -m1 '^Content-Disposition' "$pm/mime.mail" |
	    cut -d: -f1) + 2))
	while read -r entry; do
		n=${entry##* }
		at=$(pm_b64_line "$mail" "$n" $((first + 1)) "$body")
		want+="${entry% *} $at"$'\n'
	done <<< "$(pm_want "$page" "$mail")"
	ml_in "$top" --diff "$pm/mime.mail"
	[ "$rc" -eq 1 ] || { why "expected exit status 1"; why_run; return 1; }
	pm_expect "${want%$'\n'}"
}

# Base64 that cannot be decoded: a stray byte, text after the padding,
# a group of four cut short.
patch_b64_bad() {
	local at

	at=$(($(grep -n -m1 '^$' "$pm/b64.mail" | cut -d: -f1) + 5))
	sed "${at}s/^\(....\)./\1*/" "$pm/b64.mail" > "$pm/b64-byte.mail"
	pm_damaged b64-byte.mail "byte 0x2a is not base64" "$at" || return 1
	sed "${at}s/^\(....\)..../\1AA==/" "$pm/b64.mail" > "$pm/b64-pad.mail"
	pm_damaged b64-pad.mail "goes on after its \"=\" padding" "$at" ||
	    return 1
	sed '$s/.$//' "$pm/b64.mail" > "$pm/b64-cut.mail"
	pm_damaged b64-cut.mail "ends inside a group of four" \
	    "$(wc -l < "$pm/b64-cut.mail")"
}

# An mbox of three mails, as git format-patch --stdout writes a series:
# the second has no Signed-off-by, the third a subject without its page
# and a change to the line the first added.  Each mail is checked on
# its own, and the patches are applied in order.
patch_mbox() {
	local d=$pm/mbox g=(git -c user.name=T -c user.email=t@example.org)
	local box=$d/series.mbox msg fix l1 l2 l3 s3

	mkdir -p "$d/repo/man7" "$d/base/man7"
	printf '%s\n' '.TH SER 7 2026-01-01 "manlint tests"' .SH\ NAME \
	    'ser \- a page that a series changes' .SH\ DESCRIPTION \
	    'The start.' 'The end.' > "$d/repo/man7/ser.7"
	cp "$d/repo/man7/ser.7" "$d/base/man7/"
	(cd "$d/repo" && git init -q && "${g[@]}" add . &&
	    "${g[@]}" commit -qm base &&
	    sed -i 's/^The start\.$/&\nOne. Two./' man7/ser.7 &&
	    "${g[@]}" commit -qsam 'ser.7: add two sentences' &&
	    sed -i 's/^The end\.$/The very end./' man7/ser.7 &&
	    "${g[@]}" commit -qam 'ser.7: say more of the end' &&
	    sed -i 's/^One\. Two\.$/One. Two. Three./' man7/ser.7 &&
	    "${g[@]}" commit -qsam 'add a third sentence' &&
	    git format-patch -q --stdout HEAD~3 > "$box") > "$tmp/out" 2>&1 ||
	    { why "git:" "$(cat "$tmp/out")"; return 1; }
	l1=$(pm_line "$box" "+One. Two.")
	l2=$(grep -n '^---$' "$box" | sed -n 2p | cut -d: -f1)
	s3=$(grep -n '^Subject:' "$box" | sed -n 3p | cut -d: -f1)
	l3=$(pm_line "$box" "+One. Two. Three.")
	ml_in "$d" --diff --base "$d/base" "$box"
	msg="style: new sentence starts mid-line"
	fix="start it on a new source line [sentence-same-line]"
	want="man7/ser.7:6:6: $msg (from $box:$l1); $fix
$box:$l2:1: warning: no Signed-off-by line in the commit message; git commit -s adds one [mail-signoff-missing]
$box:$s3:1: warning: the subject is not of the form \"ser.7: summary\" [mail-subject]
man7/ser.7:6:6: $msg (from $box:$l3); $fix"
	[ "$rc" -eq 1 ] && [ "$out" = "$want" ] && [ -z "$err" ] && return 0
	why "expected:" "$want"
	why_run
	return 1
}

# pm_damaged NAME RULE_TEXT MAILLINE: the mangled mail NAME is refused
# with exit status 2 and one diagnostic at MAILLINE that says TEXT.
pm_damaged() {
	local f=$pm/$1 text=$2 at=$3

	ml_in "$top" --diff "$f"
	[ "$rc" -eq 2 ] || { why "expected exit status 2"; why_run; return 1; }
	if [[ $out != "$f:$at:1: error: "*"$text"*"[patch-does-not-apply]" ]]
	then
		why "expected one patch-does-not-apply at line $at saying" \
		    "\"$text\""
		why_run
		return 1
	fi
	[[ $err == *"does not apply (line $at)"* ]] ||
	    { why "standard error does not say so"; why_run; return 1; }
	pm_fired=1
}

# A mailer wrapped a long added line.
patch_wrapped() {
	awk '/^\+The kernel tries/ {
		print substr($0, 1, 40)
		print substr($0, 42)
		next
	}
	{ print }' "$mail" > "$pm/wrapped.mail"
	pm_damaged wrapped.mail "wrapped by a mailer" \
	    $(($(pm_line "$mail" "+${patch_defects[1]##*|}") + 1))
}

# A mailer stripped the space that starts each context line.
patch_stripped() {
	sed '/^@@/,/^-- $/s/^ //' "$mail" > "$pm/stripped.mail"
	pm_damaged stripped.mail "lost its leading space" \
	    $(($(grep -n '^@@' "$mail" | head -1 | cut -d: -f1) + 1))
}

# A mailer turned a context line's space into two.
patch_spaces() {
	local at

	at=$(grep -n '^ \.BR MAP_LOCKED ' "$mail" | head -1 | cut -d: -f1)
	sed "${at}s/ (since/  (since/" "$mail" > "$pm/spaces.mail"
	pm_damaged spaces.mail "only in white space" "$at"
}

# A mailer dropped the last line.
patch_short() {
	local at

	at=$(($(pm_line "$mail" "-- ") - 1))
	sed "${at}d" "$mail" > "$pm/short.mail"
	pm_damaged short.mail "before it has the lines its header counts" \
	    "$at"
}

# A line was added by hand without recounting the hunk.
patch_miscounted() {
	sed 's/^+instead\.$/&\n+More./' "$mail" > "$pm/miscounted.mail"
	pm_damaged miscounted.mail "more lines than its header counts" \
	    $(($(pm_line "$pm/miscounted.mail" "-- ") - 1))
}

# The page is another version than the patch's.
patch_other_version() {
	mkdir -p "$pm/other/man2"
	sed "$((anchor + 1))s/^/Changed: /" "$page" > "$pm/other/man2/mmap.2"
	ml_in "$top" --diff --base "$pm/other" "$mail"
	[ "$rc" -eq 2 ] && [[ $out == *"does not match man2/mmap.2 line"* ]] &&
	    return 0
	why "expected exit status 2 and a word on the other version"
	why_run
	return 1
}

# A series: a new page, a deleted page and a file that is not a page
# in the first patch, a change to the new page in the second.
patch_series() {
	mkdir -p "$pm/series/man7"
	printf '.TH GONE 7\nx\n' > "$pm/series/man7/gone.7"
	cat > "$pm/series/1.diff" <<-'EOF'
	diff --git a/README b/README
	--- a/README
	+++ b/README
	@@ -1 +1 @@
	-old
	+new
	diff --git a/man7/new.7 b/man7/new.7
	new file mode 100644
	--- /dev/null
	+++ b/man7/new.7
	@@ -0,0 +1,6 @@
	+.TH NEW 7 2026-01-01 "manlint tests"
	+.SH NAME
	+new \- a page that a patch adds
	+.SH DESCRIPTION
	+Text. More text.
	+The end.
	diff --git a/man7/gone.7 b/man7/gone.7
	deleted file mode 100644
	--- a/man7/gone.7
	+++ /dev/null
	@@ -1,2 +0,0 @@
	-.TH GONE 7
	-x
	EOF
	cat > "$pm/series/2.diff" <<-'EOF'
	--- a/man7/new.7
	+++ b/man7/new.7
	@@ -4,3 +4,4 @@
	 .SH DESCRIPTION
	 Text. More text.
	+Added. Here.
	 The end.
	EOF
	ml_in "$pm/series" --diff 1.diff 2.diff
	msg="style: new sentence starts mid-line"
	fix="start it on a new source line [sentence-same-line]"
	want="man7/new.7:5:7: $msg (from 1.diff:16); $fix
man7/new.7:6:8: $msg (from 2.diff:6); $fix"
	[ "$rc" -eq 1 ] && [ "$out" = "$want" ] && [ -z "$err" ] &&
	    [ -f "$pm/series/man7/gone.7" ] &&
	    [ ! -e "$pm/series/man7/new.7" ] && return 0
	why "expected:" "$want" "and the tree untouched"
	why_run
	return 1
}

patch_usage() {
	ml_in "$top" --base "$pm" man2/mmap.2
	[ "$rc" -eq 2 ] || { why "--base without --diff"; why_run; return 1; }
	ml_in "$top" --diff man2/mmap.2
	{ [ "$rc" -eq 2 ] && [[ $err == *"no diff found"* ]]; } ||
	    { why "a page given to --diff"; why_run; return 1; }
	ml_in "$top" --diff - < /dev/null
	{ [ "$rc" -eq 0 ] && [ -z "$out" ]; } ||
	    { why "an empty diff"; why_run; return 1; }
}

# No temporary tree is left behind.
patch_cleanup() {
	mkdir -p "$pm/tmpdir"
	TMPDIR=$pm/tmpdir "$ML" --diff "$mail" > /dev/null 2>&1
	TMPDIR=$pm/tmpdir "$ML" --diff "$pm/wrapped.mail" > /dev/null 2>&1
	[ -z "$(ls -A "$pm/tmpdir")" ] && return 0
	why "left in TMPDIR:" "$(ls -AR "$pm/tmpdir")"
	return 1
}

# make check-patch: a damaged patch stops at manlint; the seed-like one
# fails there but is applied; a clean one passes (CHECK= skips the
# inner make check, which the suite cannot afford to run again).
patch_check_patch() {
	local cp=$top/tests/patch/check-patch at

	(cd "$top" && bash "$cp" "$ML" "$pm/wrapped.mail" HEAD "") \
	    > "$tmp/out" 2>&1
	rc=$?
	out=$(cat "$tmp/out")
	{ [ "$rc" -ne 0 ] && [[ $out == *"does not apply to HEAD"* ]]; } ||
	    { why "damaged patch:" "$out"; return 1; }
	(cd "$top" && bash "$cp" "$ML" "$mail" HEAD "") > "$tmp/out" 2>&1
	rc=$?
	out=$(cat "$tmp/out")
	at=$(pm_line "$mail" "+${patch_defects[0]##*|}")
	{ [ "$rc" -ne 0 ] &&
	    [[ $out == *"(from ../map-locked.mail:$at)"* ]] &&
	    [[ $out == *"FAILED: manlint --diff"* ]]; } ||
	    { why "defective patch:" "$out"; return 1; }
	(cd "$top" && bash "$cp" "$ML" "$clean" HEAD "") \
	    > "$tmp/out" 2>&1
	rc=$?
	out=$(cat "$tmp/out")
	{ [ "$rc" -eq 0 ] && [[ $out == *"the patch is clean"* ]]; } ||
	    { why "clean patch: exit status $rc" "$out"; return 1; }
}

# make install-hook, in a repository of its own: warnings pass, errors
# block, and unstaged changes do not count.
patch_hook() {
	local repo=$pm/repo g=(git -c user.name=T -c user.email=t@example.org)

	mkdir -p "$repo/man2"
	cp "$page" "$repo/man2/"
	(cd "$repo" && git init -q && "${g[@]}" add . &&
	    "${g[@]}" commit -qm base) > "$tmp/out" 2>&1 ||
	    { why "git:" "$(cat "$tmp/out")"; return 1; }
	(cd "$repo" && bash "$top/tests/patch/install-hook" "$ML") \
	    > "$tmp/out" 2>&1 || { why "$(cat "$tmp/out")"; return 1; }
	# Warnings only: shown, and the commit goes through.
	(cd "$repo" && git apply --index "$mail" &&
	    "${g[@]}" commit -qm warn) > "$tmp/out" 2>&1
	rc=$?
	out=$(cat "$tmp/out")
	{ [ "$rc" -eq 0 ] && [[ $out == *"[misspelling]"* ]]; } ||
	    { why "warnings: exit status $rc" "$out"; return 1; }
	# An error in the staged text blocks; an unstaged one is not seen.
	printf '.ig\n' >> "$repo/man2/mmap.2"
	(cd "$repo" && git add man2/mmap.2 && echo "Trailing. Text." \
	    >> man2/mmap.2 && "${g[@]}" commit -qm error) > "$tmp/out" 2>&1
	rc=$?
	out=$(cat "$tmp/out")
	{ [ "$rc" -ne 0 ] &&
	    [[ $out == *"man2/mmap.2:"*"[roff-unclosed]"* ]] &&
	    [[ $out != *"sentence-same-line"* ]]; } ||
	    { why "error: exit status $rc" "$out"; return 1; }
}

t "patch: the seed-like mail, reported at each defective added line" patch_mail
t "patch: lines the patch does not touch are not reported" patch_untouched
t "patch: a page that already holds the patch" patch_applied
t "patch: a plain diff on standard input" patch_stdin
t "patch: a quoted-printable mail" patch_qp
t "patch: a mail quoted in a reply" patch_quoted
t "patch: a base64 mail, at the lines of the encoded text" patch_b64
t "patch: a base64 attachment of a multipart mail" patch_mime
t "patch: base64 that cannot be decoded: exit 2 at the line" patch_b64_bad
t "patch: an mbox series, each mail checked on its own" patch_mbox
t "patch: wrapped lines: exit 2 at the line" patch_wrapped
t "patch: stripped leading spaces: exit 2 at the line" patch_stripped
t "patch: changed white space: exit 2 at the line" patch_spaces
t "patch: a dropped line: exit 2 at the line" patch_short
t "patch: a hunk that was not recounted: exit 2 at the line" patch_miscounted
t "patch: another version of the page: exit 2" patch_other_version
t "patch: a series, new and deleted pages, other files" patch_series
t "patch: usage errors" patch_usage
t "patch: the temporary tree is removed" patch_cleanup
# make check-patch copies the tree from git; the copy it makes has no
# .git, so the suite it runs there skips this test.
if git -C "$top" rev-parse --verify -q HEAD > /dev/null 2>&1; then
	t "patch: make check-patch" patch_check_patch
else
	skip "patch: make check-patch: not in a git checkout"
fi
t "patch: make install-hook" patch_hook

# A passing damage test shows patch-does-not-apply firing; its exit
# status of 2 keeps it out of the golden cases.
[ -n "${pm_fired:-}" ] && cli_fired+=$'patch-does-not-apply\n'
