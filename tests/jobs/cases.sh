# shellcheck shell=bash disable=SC2154
# Pages checked on several threads (-j), read by tests/run (bash),
# which provides t, why, skip, sanitizer_report, $ML, $top, $tmp and
# $cases (the golden cases).
#
#   same     every -j prints what -j 1 prints, byte for byte, in every
#            output format, with and without the per-rule limit, and
#            exits with the same status
#   errors   unreadable and missing files and a broken .manlintrc are
#            named in their place among the other pages, which are
#            all still checked
#   tsan     the ThreadSanitizer build (lint/manlint-tsan) reports no
#            data race over the golden cases and the corpus

jd=$tmp/jobs
mkdir -p "$jd"

# run_j OUT J ARG...: manlint -j J ARG... in tests/lint, stdout and
# stderr to OUT.out and OUT.err, the exit status to OUT.rc.
run_j() {
	local out=$1 j=$2

	shift 2
	(cd tests/lint && "$ML" -j "$j" "$@") > "$out.out" 2> "$out.err" \
	    < /dev/null
	echo $? > "$out.rc"
}

# same_as_one ARG...: -j 2, 3 and 16 give what -j 1 gives.
same_as_one() {
	local j bad=0

	run_j "$jd/one" 1 "$@"
	for j in 2 3 16; do
		run_j "$jd/many" "$j" "$@"
		for x in out err rc; do
			cmp -s "$jd/one.$x" "$jd/many.$x" && continue
			why "-j $j: std$x differs from -j 1:" \
			    "$(diff "$jd/one.$x" "$jd/many.$x" | sed -n 1,10p)"
			bad=1
		done
	done
	return $bad
}

names=()
for f in "${cases[@]}"; do
	names+=("${f#tests/lint/}")
done
# The .so targets are in subdirectories: a page may be checked while
# another thread reads the same included file.
for fmt in gcc json sarif github checkstyle; do
	t "jobs/same output with -j, --format $fmt" same_as_one \
	    --no-config --format "$fmt" --max-per-rule 0 -- "${names[@]}"
done
t "jobs/same output with -j, per-rule limit and --stats" same_as_one \
    --no-config --stats -- "${names[@]}"

# A run over a directory tree with a broken rc file in one directory,
# a FIFO and a missing page among good pages.
errors_in_place() {
	local d=$jd/tree i

	mkdir -p "$d/a" "$d/b"
	for i in 1 2 3 4 5 6; do
		{
			printf '.TH P%s 7 2026-01-01 "manlint tests"\n' "$i"
			printf '.SH NAME\np%s \\- a page\n' "$i"
			printf '.SH DESCRIPTION\nText. \n'
		} > "$d/a/p$i.7"
		cp "$d/a/p$i.7" "$d/b/p$i.7"
	done
	printf 'no-such-keyword here\n' > "$d/b/.manlintrc"
	mkfifo "$d/fifo.7" || return 1
	for i in 1 4; do
		(cd "$d" && "$ML" -j "$i" a missing.7 fifo.7 b) \
		    > "$jd/e$i.out" 2> "$jd/e$i.err" < /dev/null
		echo $? > "$jd/e$i.rc"
	done
	if ! cmp -s "$jd/e1.out" "$jd/e4.out" ||
	    ! cmp -s "$jd/e1.err" "$jd/e4.err" ||
	    ! cmp -s "$jd/e1.rc" "$jd/e4.rc"; then
		why "-j 4 differs from -j 1:" \
		    "$(diff "$jd/e1.out" "$jd/e4.out")" \
		    "$(diff "$jd/e1.err" "$jd/e4.err")"
		return 1
	fi
	if [ "$(grep -c 'trailing-space' "$jd/e4.out")" -ne 6 ] ||
	    ! grep -q '^manlint: missing.7: cannot read' "$jd/e4.err" ||
	    ! grep -q '^fifo.7:1:1: ' "$jd/e4.out" ||
	    [ "$(grep -c 'b/p.\.7: not checked' "$jd/e4.err")" -ne 6 ] ||
	    [ "$(cat "$jd/e4.rc")" -ne 2 ]; then
		why "want a/ reported, missing.7, fifo.7 and b/ named, exit 2" \
		    "$(cat "$jd/e4.out" "$jd/e4.err" "$jd/e4.rc")"
		return 1
	fi
	return 0
}

t "jobs/errors are named in their place, other pages checked" \
    errors_in_place

# The ThreadSanitizer build over inputs enough to keep four threads
# busy: the golden cases, then the corpus when it is installed.
tsan_run() {
	local bad=0

	export TSAN_OPTIONS=halt_on_error=1:exitcode=66
	(cd tests/lint && "$top/lint/manlint-tsan" -j 4 --max-per-rule 0 \
	    -- "${names[@]}") > /dev/null 2> "$jd/tsan.err" < /dev/null
	rc=$?
	if [ $rc -gt 1 ] || grep -q 'ThreadSanitizer' "$jd/tsan.err"; then
		why "golden cases: exit status $rc" "$(sed -n 1,40p "$jd/tsan.err")"
		bad=1
	fi
	if [ $bad -eq 0 ] && [ -d /usr/share/man/man2 ]; then
		bash tests/corpus-run --extract "$jd/corpus" > /dev/null 2>&1
		if [ -d "$jd/corpus" ]; then
			"$top/lint/manlint-tsan" -j 4 "$jd/corpus" > /dev/null \
			    2> "$jd/tsan.err" < /dev/null
			rc=$?
			if [ $rc -gt 1 ] ||
			    grep -q 'ThreadSanitizer' "$jd/tsan.err"; then
				why "corpus: exit status $rc" \
				    "$(sed -n 1,40p "$jd/tsan.err")"
				bad=1
			fi
		fi
	fi
	unset TSAN_OPTIONS
	return $bad
}

if [ -x "$top/lint/manlint-tsan" ]; then
	t "jobs/no data race under ThreadSanitizer (-j 4)" tsan_run
else
	skip "jobs/tsan: no lint/manlint-tsan (make tsan)"
fi
