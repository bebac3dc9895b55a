# shellcheck shell=bash disable=SC2154,SC2015
# Output formats, --color, .manlintrc files and baselines, read by
# tests/run (bash), which provides t, why, skip, $ML, $top and $tmp.
# Each test works in its own directory under $tmp/format.

fdir=$tmp/format
mkdir -p "$fdir"

# A page with diagnostics of each level, a suggestion with a quoted
# "; " before it, and more of one rule than --max-per-rule shows.
defects_page() {
	cat <<-'EOF'
	.TH TEST 7 2026-01-01 "manlint tests"
	.SH NAME
	test \- a test page
	.SH DESCRIPTION
	Text & more <text>. 
	One. Two. Three. Four.
	Five. Six.
	Seven. Eight.
	Nine. Ten.
	.B "a; b
	.Bx
	EOF
}

mkdir -p "$fdir/pages/sub dir"
defects_page > "$fdir/pages/defects.7"
# Names that each format must escape: a comma, colon, quote, ampersand,
# angle bracket, percent sign and space.
defects_page > "$fdir/pages/sub dir/we,ir:d\"&<%.7"
printf '.TH TEST 7 2026-01-01 "manlint tests"\n.SH NAME\ntest \\- a test page\n.SH DESCRIPTION\nText.\n' \
    > "$fdir/pages/clean.7"
# Bytes that are not UTF-8, in the text a message quotes.
printf '.TH TEST 7 2026-01-01 "manlint tests"\n.SH NAME\ntest \\- a test page\n.SH DESCRIPTION\nBad \377 byte.\n' \
    > "$fdir/pages/latin1.7"
fpages=(defects.7 "sub dir/we,ir:d\"&<%.7" clean.7 latin1.7)

# Python with jsonschema: Debian's python3-jsonschema is for the
# system's python3 (tests/ensure-tools installs it).
fpy=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import jsonschema' > /dev/null 2>&1; then
		fpy=$p
		break
	fi
done

# compare FORMAT [ARG...]: the output in FORMAT holds what the gcc format
# holds (tests/format/compare.py).
fmt_compare() {
	local f=$1

	shift
	ml_in "$fdir/pages" --format gcc "$@" "${fpages[@]}"
	[ "$rc" -eq 1 ] || { why "gcc format: expected exit status 1"; why_run; return 1; }
	cp "$tmp/out" "$tmp/gcc.out"
	ml_in "$fdir/pages" --format "$f" "$@" "${fpages[@]}"
	[ "$rc" -eq 1 ] || { why "$f: expected exit status 1"; why_run; return 1; }
	if ! "${fpy:-python3}" "$top/tests/format/compare.py" "$f" "$tmp/out" \
	    "$tmp/gcc.out" "$top/tests/format/sarif-schema-2.1.0.json" \
	    2> "$tmp/py"; then
		why "$(cat "$tmp/py")"
		why_run
		return 1
	fi
}

# An empty run is a valid document too.
fmt_sarif_clean() {
	ml_in "$fdir/pages" --format sarif clean.7
	[ "$rc" -eq 0 ] || { why "expected exit status 0"; why_run; return 1; }
	"$fpy" -c '
import json, sys, jsonschema
log = json.load(open(sys.argv[1]))
jsonschema.validate(log, json.load(open(sys.argv[2])))
assert log["runs"][0]["results"] == [], "results"
assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True
' "$tmp/out" "$top/tests/format/sarif-schema-2.1.0.json" 2> "$tmp/py" ||
	    { why "$(cat "$tmp/py")"; why_run; return 1; }
}

# The per-rule limit: a tool notification in SARIF, a notice in github.
fmt_held() {
	ml_in "$fdir/pages" --format sarif defects.7
	"$fpy" -c '
import json, sys
inv = json.load(open(sys.argv[1]))["runs"][0]["invocations"][0]
notes = inv["toolExecutionNotifications"]
assert len(notes) == 1, notes
assert notes[0]["associatedRule"]["id"] == "sentence-same-line", notes
assert notes[0]["message"]["text"].startswith("1 more"), notes
' "$tmp/out" 2> "$tmp/py" || { why "$(cat "$tmp/py")"; why_run; return 1; }
	ml_in "$fdir/pages" --format github defects.7
	grep -qx '::notice file=defects.7::1 more \[sentence-same-line\] not shown; --max-per-rule 0 shows all' \
	    <<< "$out" || { why "no notice of the held diagnostics"; why_run; return 1; }
}

# Workflow command escaping, byte for byte.
fmt_github_escape() {
	ml_in "$fdir/pages" --format github "sub dir/we,ir:d\"&<%.7"
	grep -qF '::notice file=sub dir/we%2Cir%3Ad"&<%25.7,line=5,col=20,title=trailing-space::trailing white space; remove it [trailing-space]' \
	    <<< "$out" || { why "file name not escaped as a property"; why_run; return 1; }
}

fmt_json_suggestion() {
	ml_in "$fdir/pages" --format json defects.7
	grep -qF '"rule":"trailing-space","message":"trailing white space; remove it","suggestion":"remove it"}' \
	    <<< "$out" || { why "no suggestion key"; why_run; return 1; }
	if grep -F '"rule":"quote-unterminated"' <<< "$out" | grep -qF '"suggestion":"b'; then
		why "a quoted \"; \" was taken for the suggestion"
		why_run
		return 1
	fi
}

fmt_bad_format() {
	ml_in "$fdir/pages" --format xml clean.7
	[ "$rc" -eq 2 ] && [[ $err == *sarif* ]] ||
	    { why "--format xml: expected exit status 2 naming the formats"; why_run; return 1; }
}

# ---- --color

ESC=$'\033'

fmt_color() {
	ml_in "$fdir/pages" --color always defects.7
	[[ $out == *"${ESC}[1;36mstyle:"* ]] ||
	    { why "--color always: style is not colored"; why_run; return 1; }
	grep -qx ' Text & more <text>. ' <<< "$out" ||
	    { why "--color always: no source line"; why_run; return 1; }
	grep -qxF "                    ${ESC}[1;32m^${ESC}[0m" <<< "$out" ||
	    { why "--color always: no caret under column 20"; why_run; return 1; }
	ml_in "$fdir/pages" --color never defects.7
	[[ $out != *"$ESC"* ]] && ! grep -q '\^' <<< "$out" ||
	    { why "--color never: colored or with a caret"; why_run; return 1; }
	# Standard output is a file here, so auto is never.
	ml_in "$fdir/pages" defects.7
	[[ $out != *"$ESC"* ]] || { why "auto colors a file"; why_run; return 1; }
	ml_in "$fdir/pages" --color always --format json defects.7
	[[ $out != *"$ESC"* ]] || { why "json is colored"; why_run; return 1; }
	ml_in "$fdir/pages" --color sometimes defects.7
	[ "$rc" -eq 2 ] || { why "--color sometimes: expected exit status 2"; why_run; return 1; }
}

# auto on a terminal colors, unless NO_COLOR is set.
fmt_color_tty() {
	local log=$tmp/tty.out

	(cd "$fdir/pages" && script -qec "$ML defects.7" /dev/null) > "$log" 2>&1 < /dev/null
	grep -q "$ESC\[1;36mstyle:" "$log" ||
	    { why "auto on a terminal does not color:" "$(cat -v "$log")"; return 1; }
	(cd "$fdir/pages" && NO_COLOR=1 script -qec "$ML defects.7" /dev/null) > "$log" 2>&1 < /dev/null
	! grep -q "$ESC\[1;36m" "$log" ||
	    { why "NO_COLOR does not turn color off"; return 1; }
}

# ---- .manlintrc

# A tree: repo/.git marks the top; an rc file above it must not apply.
rc_tree() {
	local r=$fdir/rc

	rm -rf "$r"
	mkdir -p "$r/repo/.git" "$r/repo/man2" "$r/repo/man3/deep" "$r/repo/other"
	printf 'disable all\n' > "$r/.manlintrc"
	printf '%s\n' '# the project settings' 'disable sentence-same-line' \
	    'level trailing-space error' 'rules extra.rules' \
	    'path man3/*' 'enable sentence-same-line' 'disable trailing-space' \
	    > "$r/repo/.manlintrc"
	printf '%s\n' 'rule no-foo' 'level warning' 'pattern \bfoo\b' \
	    'message "foo" is a placeholder' > "$r/repo/extra.rules"
	printf 'profile portable\n' > "$r/repo/other/.manlintrc"
	printf '.TH TEST %s 2026-01-01 "manlint tests"\n.SH NAME\ntest \\- a test page\n.SH DESCRIPTION\nOne foo. Two. \n' \
	    2 > "$r/repo/man2/a.2"
	sed 's/^\.TH TEST 2/.TH TEST 3/' "$r/repo/man2/a.2" > "$r/repo/man3/deep/b.3"
	sed 's/^\.TH TEST 2/.TH TEST 7/' "$r/repo/man2/a.2" > "$r/repo/other/c.7"
}

rc_files() {
	rc_tree
	ml_in "$fdir/rc/repo" --max-per-rule 0 man2/a.2 man3/deep/b.3 other/c.7
	local want
	want=$(printf '%s\n' \
	    'man2/a.2:5:5: warning: "foo" is a placeholder [no-foo]' \
	    'man2/a.2:5:14: error: trailing white space; remove it [trailing-space]' \
	    'man3/deep/b.3:5:5: warning: "foo" is a placeholder [no-foo]' \
	    'man3/deep/b.3:5:10: style: new sentence starts mid-line; start it on a new source line [sentence-same-line]' \
	    'other/c.7:5:14: style: trailing white space; remove it [trailing-space]')
	[ "$out" = "$want" ] && [ "$rc" -eq 1 ] ||
	    { why "expected:" "$want"; why_run; return 1; }
}

# The command line wins over the file.
rc_command_line_wins() {
	rc_tree
	ml_in "$fdir/rc/repo" --enable sentence-same-line --disable no-foo man2/a.2
	grep -q '\[sentence-same-line\]' <<< "$out" && ! grep -q '\[no-foo\]' <<< "$out" ||
	    { why "--enable/--disable did not win over .manlintrc"; why_run; return 1; }
	ml_in "$fdir/rc/repo" --profile man-pages other/c.7
	grep -q '\[sentence-same-line\]' <<< "$out" ||
	    { why "--profile did not win over the file's profile"; why_run; return 1; }
	ml_in "$fdir/rc/repo" --no-config man2/a.2
	grep -q '^man2/a.2:5:14: style: .*\[trailing-space\]' <<< "$out" ||
	    { why "--no-config still read .manlintrc"; why_run; return 1; }
	ml_in "$fdir/rc/repo" --enable no-foo other/c.7
	[ "$rc" -eq 2 ] ||
	    { why "a rule of another directory's rc file was known"; why_run; return 1; }
}

rc_errors() {
	rc_tree
	printf 'enable sentence-same-line\nlevel trailing-space loud\n' \
	    > "$fdir/rc/repo/.manlintrc"
	ml_in "$fdir/rc/repo" man2/a.2
	[ "$rc" -eq 2 ] && [[ $err == *"/repo/.manlintrc:2: error: level takes"* ]] ||
	    { why "expected exit status 2 and FILE:2: error"; why_run; return 1; }
	printf 'disable no-such-rule\n' > "$fdir/rc/repo/.manlintrc"
	ml_in "$fdir/rc/repo" man2/a.2 other/c.7
	[ "$rc" -eq 2 ] && [[ $err == *"unknown rule"* ]] && [[ $out == other/c.7:* ]] ||
	    { why "expected the page under the bad file skipped, the other checked"; why_run; return 1; }
}

# ---- --baseline

bl_page() {
	printf '.TH TEST 7 2026-01-01 "manlint tests"\n.SH NAME\ntest \\- a test page\n.SH DESCRIPTION\n'
	printf '%s\n' "$@"
}

baseline_record_and_filter() {
	local b=$fdir/bl

	rm -rf "$b"
	mkdir -p "$b"
	bl_page 'Old trailing. ' 'Old one. Old two.' > "$b/p.7"
	ml_in "$b" --baseline base.txt p.7
	[ "$rc" -eq 0 ] && [ -z "$out" ] && [[ $err == *"base.txt: 2 diagnostics recorded"* ]] ||
	    { why "recording: expected no output, exit 0, a count"; why_run; return 1; }
	[ "$(grep -vc '^#' "$b/base.txt")" -eq 2 ] ||
	    { why "base.txt:" "$(cat "$b/base.txt")"; return 1; }
	ml_in "$b" --baseline base.txt p.7
	[ "$rc" -eq 0 ] && [ -z "$out" ] ||
	    { why "the same page is not clean against its baseline"; why_run; return 1; }
	# Lines added above move the old ones; one new defect.
	bl_page 'Added line.' 'Another.' 'Old trailing. ' 'Old one. Old two.' \
	    'New one. New two.' > "$b/p.7"
	ml_in "$b" --baseline base.txt p.7
	[ "$rc" -eq 1 ] && [ "$out" = "p.7:9:10: style: new sentence starts mid-line; start it on a new source line [sentence-same-line]" ] ||
	    { why "expected only the new diagnostic"; why_run; return 1; }
	ml_in "$b" --baseline base.txt --update-baseline p.7
	[ "$rc" -eq 0 ] && [ "$(grep -vc '^#' "$b/base.txt")" -eq 3 ] ||
	    { why "--update-baseline did not record 3"; why_run; return 1; }
	ml_in "$b" --baseline base.txt p.7
	[ -z "$out" ] || { why "not clean after --update-baseline"; why_run; return 1; }
	# Written by rename: no temporary file is left, the mode follows umask.
	[ "$(find "$b" -name '.manlint-baseline.*' | wc -l)" -eq 0 ] ||
	    { why "a temporary file was left"; return 1; }
	[ "$(stat -c %a "$b/base.txt")" = "$(printf '%o' $((0666 & ~0$(umask))))" ] ||
	    { why "mode $(stat -c %a "$b/base.txt") with umask $(umask)"; return 1; }
}

baseline_errors() {
	local b=$fdir/bl2

	rm -rf "$b"
	mkdir -p "$b"
	bl_page 'Text. ' > "$b/p.7"
	printf 'p.7 trailing-space\n' > "$b/bad.txt"
	ml_in "$b" --baseline bad.txt p.7
	[ "$rc" -eq 2 ] && [[ $err == *"bad.txt:1: not a baseline entry"* ]] ||
	    { why "a bad baseline: expected exit status 2 and FILE:LINE"; why_run; return 1; }
	ml_in "$b" --update-baseline p.7
	[ "$rc" -eq 2 ] || { why "--update-baseline alone: expected 2"; why_run; return 1; }
	ml_in "$b" --baseline no/such/dir/base.txt p.7
	[ "$rc" -eq 2 ] && [ ! -e "$b/no" ] ||
	    { why "an unwritable baseline: expected exit status 2"; why_run; return 1; }
}

if [ -n "$fpy" ]; then
	t "format/sarif validates against the SARIF 2.1.0 schema and holds every diagnostic" \
	    fmt_compare sarif --max-per-rule 0
	t "format/sarif with no diagnostics" fmt_sarif_clean
	t "format/sarif and github note held back diagnostics" fmt_held
else
	skip "format/sarif: no python3 with jsonschema (apt-get install python3-jsonschema)"
fi
if command -v python3 > /dev/null 2>&1 || [ -n "$fpy" ]; then
	t "format/github holds every diagnostic" fmt_compare github --max-per-rule 0
	t "format/checkstyle is XML holding every diagnostic" fmt_compare checkstyle --max-per-rule 0
else
	skip "format/github and checkstyle: no python3"
fi
t "format/github escapes properties and data" fmt_github_escape
t "format/json carries the suggestion" fmt_json_suggestion
t "format/unknown --format exits 2" fmt_bad_format
t "format/--color always, never and auto" fmt_color
if command -v script > /dev/null 2>&1; then
	t "format/--color auto on a terminal, and NO_COLOR" fmt_color_tty
else
	skip "format/--color auto on a terminal: no script(1)"
fi
t "format/.manlintrc: nearest file, .git stops the walk, path sections, levels, rules" rc_files
t "format/.manlintrc: the command line wins" rc_command_line_wins
t "format/.manlintrc: errors name FILE:LINE, exit 2" rc_errors
t "format/--baseline records, then reports only new diagnostics" baseline_record_and_filter
t "format/--baseline errors exit 2" baseline_errors
