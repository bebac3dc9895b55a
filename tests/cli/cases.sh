# shellcheck shell=bash disable=SC2154
# The command line tests, read by tests/run (bash), which provides t,
# why, ml, expect_rc, rule_lines, skip, $ML, $rules, $rule_list, $top,
# $tmp, $fx (an empty directory) and $cli_fired (rules that a passing
# test here has shown firing, one a line).  The inputs are made here at test time, so the
# repository holds no binary junk.

# page NAME SECTION [N FORMAT]...: a small clean page on standard output;
# each line N given is written with printf FORMAT instead.
page() {
	local name=$1 sect=$2 i=0 line
	local -A alt=()

	shift 2
	while [ $# -ge 2 ]; do
		alt[$1]=$2
		shift 2
	done
	while IFS= read -r line; do
		i=$((i + 1))
		if [ -n "${alt[$i]+set}" ]; then
			# shellcheck disable=SC2059
			printf "${alt[$i]}"
		else
			printf '%s\n' "$line"
		fi
	done <<-EOF
	.TH ${name^^} $sect 2026-01-01 "manlint tests"
	.SH NAME
	$name \\- a test page
	.SH DESCRIPTION
	Text.
	This page is long enough to be read as text even with a stray
	control byte in it.
	EOF
}

CRLF3=(3 'test \\- a test page\r\n')
page test 7 > "$fx/clean.7"
page test 7 "${CRLF3[@]}" > "$fx/crlf.7"
page test 7 6 'This page is lo\000ng enough to be read as text even with a stray\n' \
    > "$fx/nul.7"
page test 7 7 'contr\377ol byte in it.\n' > "$fx/utf8.7"
page test 7 "${CRLF3[@]}" 6 'Lo\000ng.\n' > "$fx/mixed.7"
# Only a style diagnostic: white space at the end of line 5.
page test 7 5 'Text. \n' > "$fx/style.7"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000' \
    > "$fx/bin.7"
printf '\000\001\002\003\004\005\006\007' >> "$fx/bin.7"

cli_clean() {
	ml clean.7
	expect_rc 0 || return 1
	[ -z "$out" ] || { why "expected no output"; why_run; return 1; }
}

cli_diagnostics() {
	ml crlf.7
	expect_rc 1 || return 1
	[ -n "$out" ] || { why "expected diagnostics"; why_run; return 1; }
}

# A file that cannot be read does not stop the run.
cli_missing_file() {
	ml missing.7 crlf.7
	expect_rc 2 || return 1
	[[ $out == *"crlf.7:"*"[encoding-crlf]"* ]] ||
	    { why "crlf.7 was not checked"; why_run; return 1; }
	[[ $err == *missing.7* ]] ||
	    { why "standard error does not name missing.7"; why_run; return 1; }
}

cli_usage_errors() {
	local a

	for a in "--no-such-option clean.7" "" "--format xml clean.7" \
	    "--fail-on never clean.7" "--disable no-such-rule clean.7" \
	    "--enable no-such-rule clean.7"; do
		# shellcheck disable=SC2086
		ml $a
		[ "$rc" -eq 2 ] || { why "manlint $a: expected exit status 2"; why_run; return 1; }
		[ -n "$err" ] || { why "manlint $a: nothing on standard error"; return 1; }
	done
}

cli_help_version() {
	ml --help
	expect_rc 0 || return 1
	ml --version
	expect_rc 0 || return 1
	[[ $out == manlint* ]] || { why "--version: $out"; return 1; }
}

cli_fail_on_style() {
	ml style.7
	expect_rc 1 || return 1
	[ -n "$out" ] || { why "style.7 gives no diagnostics"; return 1; }
	if grep -v ': style: ' <<< "$out" | grep -q .; then
		why "style.7 should give style diagnostics only"
		why_run
		return 1
	fi
	ml --fail-on error style.7
	expect_rc 0 || return 1
	ml --fail-on warning style.7
	expect_rc 0 || return 1
	[ -n "$out" ] || { why "--fail-on hid the diagnostics"; return 1; }
}

cli_fail_on_levels() {
	ml --fail-on error crlf.7
	expect_rc 0 || return 1
	ml --fail-on warning crlf.7
	expect_rc 1 || return 1
	ml --fail-on error nul.7
	expect_rc 1 || return 1
}

cli_fail_on_none() {
	ml --fail-on none mixed.7
	expect_rc 0 || return 1
	[ -n "$out" ] || { why "--fail-on none hid the diagnostics"; return 1; }
}

cli_disable() {
	ml crlf.7
	[ -n "$(rule_lines encoding-crlf)" ] ||
	    { why "crlf.7 gives no [encoding-crlf]"; why_run; return 1; }
	ml --disable encoding-crlf crlf.7
	expect_rc 0 || return 1
	[ -z "$(rule_lines encoding-crlf)" ] ||
	    { why "[encoding-crlf] still printed"; why_run; return 1; }
}

# A page whose text holds "NULL" in roman and two sentences on a line.
page test 7 5 'Two sentences. On one line, with NULL.\n' > "$fx/prose.7"

cli_rules_file() {
	printf '%s\n' '# a user rule' 'rule null-roman' 'level style' \
	    'font roman' 'pattern \bNULL\b' 'message "$0" in roman' \
	    'suggest .B NULL' > "$fx/user.rules"
	ml --rules user.rules prose.7
	[ "$(rule_lines null-roman)" = 'prose.7:5:34: style: "NULL" in roman; write ".B NULL" [null-roman]' ] ||
	    { why "no or a wrong [null-roman] line"; why_run; return 1; }
	ml --rules user.rules --explain null-roman
	expect_rc 0
}

cli_rules_error() {
	printf '%s\n' 'rule bad-one' 'message m' 'pattern (' > "$fx/bad.rules"
	ml --rules bad.rules clean.7
	expect_rc 2 || return 1
	grep -q '^bad.rules:1: error: pattern does not compile' <<< "$err" ||
	    { why "no FILE:LINE error"; why_run; return 1; }
	printf '%s\n' 'rule ok-one' 'message m' 'pattern x' 'colour red' \
	    > "$fx/bad.rules"
	ml --rules bad.rules clean.7
	expect_rc 2 || return 1
	grep -q '^bad.rules:4: error: unknown key "colour"' <<< "$err" ||
	    { why "no FILE:LINE error for an unknown key"; why_run; return 1; }
}

cli_profile() {
	ml prose.7
	[ -n "$(rule_lines sentence-same-line)" ] ||
	    { why "the man-pages profile misses sentence-same-line"; why_run; return 1; }
	ml --profile portable prose.7
	expect_rc 0 || return 1
	ml --profile portable --enable sentence-same-line prose.7
	[ -n "$(rule_lines sentence-same-line)" ] ||
	    { why "--enable after --profile does not apply"; why_run; return 1; }
	ml --profile nosuch clean.7
	expect_rc 2
}

cli_max_per_rule() {
	page test 7 5 'One. Two.\nThree. Four.\nFive. Six.\nSeven. Eight.\n' \
	    > "$fx/many.7"
	ml many.7
	[ "$(rule_lines sentence-same-line | grep -c ':[0-9]*:[0-9]*: ')" -eq 3 ] ||
	    { why "the default does not show 3"; why_run; return 1; }
	grep -q '^many.7: note: 1 more \[sentence-same-line\] not shown' <<< "$out" ||
	    { why "no summary line"; why_run; return 1; }
	ml --max-per-rule 0 many.7
	[ "$(rule_lines sentence-same-line | wc -l)" -eq 4 ] ||
	    { why "--max-per-rule 0 does not show all"; why_run; return 1; }
	ml --max-per-rule x many.7
	expect_rc 2
}

cli_enable_disable_all() {
	local before

	ml mixed.7
	before=$out
	if [ -z "$(rule_lines encoding-crlf)" ] || [ -z "$(rule_lines encoding-nul)" ]; then
		why "mixed.7 should give encoding-crlf and encoding-nul"
		why_run
		return 1
	fi
	ml --disable all mixed.7
	expect_rc 0 || return 1
	[ -z "$out" ] || { why "--disable all printed diagnostics"; why_run; return 1; }
	ml --disable all --enable encoding-nul mixed.7
	expect_rc 1 || return 1
	if [ -z "$out" ] || [ "$out" != "$(rule_lines encoding-nul)" ]; then
		why "--disable all --enable encoding-nul: not encoding-nul alone"
		why_run
		return 1
	fi
	ml --disable encoding-crlf,encoding-nul mixed.7
	[ -z "$(rule_lines encoding-crlf)$(rule_lines encoding-nul)" ] ||
	    { why "--disable with a list left a rule on"; why_run; return 1; }
	ml --disable all --enable all mixed.7
	[ "$out" = "$before" ] ||
	    { why "--enable all did not restore the output"; why_run; return 1; }
}

cli_explain() {
	local id summary

	for id in $rules; do
		summary=$(awk -v id="$id" '
		    $1 == id { $1 = ""; $2 = ""; sub(/^ +/, ""); print }' \
		    <<< "$rule_list")
		ml --explain "$id"
		expect_rc 0 || return 1
		[[ $out == "$id"* ]] ||
		    { why "--explain $id does not start with the id"; why_run; return 1; }
		[[ $out == *"$summary"* ]] ||
		    { why "--explain $id lacks the summary: $summary"; why_run; return 1; }
	done
	ml --explain no-such-rule
	expect_rc 2 || return 1
}

# Every rule of the enum in lint/rules.h, one line each.
cli_list_rules() {
	local n dups

	n=$(awk '/^enum rule[ \t]*\{/ { on = 1; next }
	    on && /R__COUNT/ { exit }
	    on && /^[ \t]*R_[A-Z0-9_]+[ \t]*(=[^,]*)?,/ { n++ }
	    END { print n + 0 }' "$top/lint/rules.h")
	n=$((n + $(grep -c '^rule ' "$top/lint/rules/prose.rules")))
	ml --list-rules
	expect_rc 0 || return 1
	[ "$(wc -l <<< "$out")" -eq "$n" ] ||
	    { why "$(wc -l <<< "$out") lines for $n rules in lint/rules.h" \
	    "and lint/rules/prose.rules"; return 1; }
	dups=$(awk '{ print $1 }' <<< "$out" | sort | uniq -d)
	[ -z "$dups" ] || { why "rule ids listed twice: $dups"; return 1; }
	if awk '{ print $1 }' <<< "$out" | grep -vqE '^[a-z0-9]+(-[a-z0-9]+)*$'; then
		why "rule ids that are not kebab-case:"
		why "$(awk '{ print $1 }' <<< "$out" | grep -vE '^[a-z0-9]+(-[a-z0-9]+)*$')"
		return 1
	fi
}

# The file name holds a quote and a backslash, which JSON must escape.
cli_json() {
	local name='we"ird\name.7' n

	cp "$fx/mixed.7" "$fx/$name"
	ml "$name" mixed.7
	n=$(wc -l <<< "$out")
	ml --format json "$name" mixed.7
	expect_rc 1 || return 1
	[ "$(wc -l <<< "$out")" -eq "$n" ] ||
	    { why "json gives $(wc -l <<< "$out") lines, gcc format $n"; why_run; return 1; }
	python3 -c '
import json, sys
rules = set(sys.argv[2].split())
names = set(sys.argv[3:])
keys = {"file", "line", "column", "level", "rule", "message"}
for n, text in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    d = json.loads(text)
    assert isinstance(d, dict), "line %d: not an object" % n
    assert set(d) - {"suggestion"} == keys, "line %d: keys %s" % (n, sorted(d))
    assert d["file"] in names, "line %d: file %r" % (n, d["file"])
    for k in ("line", "column"):
        assert type(d[k]) is int and d[k] >= 1, "line %d: %s %r" % (n, k, d[k])
    assert d["level"] in ("style", "warning", "error"), "line %d: level" % n
    assert d["rule"] in rules, "line %d: rule %r" % (n, d["rule"])
    assert isinstance(d["message"], str) and d["message"], "line %d: message" % n
' "$tmp/out" "$rules" "$name" mixed.7 2> "$tmp/py" ||
	    { why "$(cat "$tmp/py")"; why_run; return 1; }
	rm -f "$fx/$name"
}

cli_stdin() {
	(cd "$fx" && "$ML" - < crlf.7) > "$tmp/out" 2> "$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
	expect_rc 1 || return 1
	[ -n "$(rule_lines encoding-crlf)" ] ||
	    { why "no [encoding-crlf] from standard input"; why_run; return 1; }
	(cd "$fx" && "$ML" - < clean.7) > "$tmp/out" 2> "$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
	expect_rc 0 || return 1
}

# Only the page of a directory is read, not its README.
cli_directory() {
	mkdir -p "$fx/tree/man2"
	page x 2 3 'x \\- a test page\r\n' > "$fx/tree/man2/x.2"
	cp "$fx/crlf.7" "$fx/tree/README"
	ml tree
	expect_rc 1 || return 1
	[ -n "$out" ] || { why "no diagnostics from tree/man2/x.2"; return 1; }
	if grep -v '^tree/man2/x\.2:' <<< "$out" | grep -q .; then
		why "diagnostics for other files than tree/man2/x.2"
		why_run
		return 1
	fi
}

cli_gzip() {
	mkdir -p "$fx/gz"
	gzip -c "$fx/crlf.7" > "$fx/gz/crlf.7.gz"
	gzip -c "$fx/clean.7" > "$fx/gz/clean.7.gz"
	ml gz/crlf.7.gz
	expect_rc 1 || return 1
	grep -q '^gz/crlf\.7\.gz:3:[0-9]*: .*\[encoding-crlf\]$' <<< "$out" ||
	    { why "expected gz/crlf.7.gz:3: ... [encoding-crlf]"; why_run; return 1; }
	ml gz/clean.7.gz
	expect_rc 0 || return 1
	[ -z "$out" ] || { why "gz/clean.7.gz is not clean"; why_run; return 1; }
}

# expect_at FILE LINE RULE: FILE gives RULE at LINE.
expect_at() {
	ml "$1"
	expect_rc 1 || return 1
	if grep -q "^${1//./\\.}:$2:[0-9]*: [a-z]*: .*\[$3\]\$" <<< "$out"; then
		cli_fired+="$3"$'\n'
		return 0
	fi
	why "expected $1:$2:COL: LEVEL: ... [$3]"
	why_run
	return 1
}

# A sparse file one MiB over SRC_MAX_BYTES (lint/src.h) costs no disk.
cli_too_large() {
	local mib

	mib=$(sed -n 's/.*define[ \t]*SRC_MAX_BYTES.*[^0-9]\([0-9][0-9]*\) \* 1024 \* 1024.*/\1/p' \
	    "$top/lint/src.h")
	mkdir -p "$fx/big"
	truncate -s "$((${mib:-256} + 1))M" "$fx/big/big.7" || return 1
	expect_at big/big.7 1 file-too-large
	local status=$?
	rm -f "$fx/big/big.7"
	return $status
}

t "cli/clean page exits 0 with no output" cli_clean
t "cli/diagnostics exit 1" cli_diagnostics
t "cli/missing file exits 2, the other files are checked" cli_missing_file
t "cli/usage errors exit 2" cli_usage_errors
t "cli/--help and --version" cli_help_version
t "cli/--fail-on error with style diagnostics only exits 0" cli_fail_on_style
t "cli/--fail-on warning and error" cli_fail_on_levels
t "cli/--fail-on none exits 0" cli_fail_on_none
t "cli/--disable RULE" cli_disable
t "cli/--enable and --disable all" cli_enable_disable_all
t "cli/--explain prints each rule's summary" cli_explain
t "cli/--list-rules lists every rule" cli_list_rules
t "cli/--rules adds a user's prose rule" cli_rules_file
t "cli/--rules with an error names FILE:LINE, exit 2" cli_rules_error
t "cli/--profile portable leaves out man-pages rules" cli_profile
t "cli/--max-per-rule limits and summarises" cli_max_per_rule
if command -v python3 >/dev/null 2>&1; then
	t "cli/--format json" cli_json
else
	skip "cli/--format json: no python3 to read the JSON"
fi
t "cli/- reads standard input" cli_stdin
t "cli/a directory is walked for pages" cli_directory
t "cli/a .gz page is read" cli_gzip
t "cli/CR LF line is reported" expect_at crlf.7 3 encoding-crlf
t "cli/NUL byte is reported" expect_at nul.7 6 encoding-nul
t "cli/invalid UTF-8 is reported" expect_at utf8.7 7 encoding-utf8
t "cli/binary file is reported" expect_at bin.7 1 file-binary
t "cli/file over the size limit is reported" cli_too_large
