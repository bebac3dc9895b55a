# shellcheck shell=bash disable=SC2154
# The example runner's tests (--examples, --extract-examples), read by
# tests/run (bash), which provides t, why, skip, $ML, $top and $tmp.
# The golden cases tests/lint/example-*.7 show each rule firing and
# staying quiet; these test the rest: the extracted C, the cache, the
# sandbox's limits, and that nothing outlives a run.
#
# Every run here uses a private cache and a private TMPDIR, which must
# be empty afterwards.  When the tests run as root, the sandbox runs the
# programs as nobody, who must be able to reach that TMPDIR.

exd=$top/tests/examples
ext=$tmp/ex
mkdir -p "$ext/tmp" "$ext/cache"
chmod 755 "$tmp" "$ext" "$ext/tmp"

# exrun ARG...: run manlint from tests/examples with the private cache
# and TMPDIR (and any VAR=VALUE in $exenv); sets rc, out, err.
exenv=()
exrun() {
	(cd "$exd" && env TMPDIR="$ext/tmp" MANLINT_CACHE="$ext/cache" \
	    "${exenv[@]}" "$ML" "$@") > "$tmp/out" 2> "$tmp/err" < /dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# expect_line PATTERN: a line of the last run's output matches (grep -E).
expect_line() {
	grep -Eq -- "$1" <<< "$out" && return 0
	why "no output line matches: $1"
	why_run
	return 1
}

# expect_diag RULE PAGE TEXT: the last run reported RULE on PAGE (an
# extended regular expression, as is TEXT) with the message TEXT.
expect_diag() {
	expect_line "^$2:[0-9]+:[0-9]+: error: $3 \\[$1\\]\$"
}

# Nothing left in the private TMPDIR, and no process running in a
# sandbox made there (other test runs on the machine have their own).
nothing_left() {
	local left d cwd

	left=$(find "$ext/tmp" -mindepth 1 -maxdepth 1 2>/dev/null)
	if [ -n "$left" ]; then
		why "left in TMPDIR:" "$left"
		return 1
	fi
	for d in /proc/[0-9]*; do
		cwd=$(readlink "$d/cwd" 2>/dev/null) || continue
		case $cwd in
		"$ext/tmp"/*)
			left+="${d#/proc/} $(cat "$d/comm" 2>/dev/null) in $cwd
" ;;
		esac
	done
	if [ -n "$left" ]; then
		why "processes still running:" "$left"
		return 1
	fi
}

ex_extract() {
	rm -rf "$ext/x"
	"$ML" --extract-examples "$ext/x" tests/lint/example-extract-quiet.7 \
	    > "$tmp/out" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		why "exit status $rc" "$(cat "$tmp/out")"
		return 1
	fi
	cmp -s "$exd/escapes.c" "$ext/x/example-extract-quiet.7/escapes.c" &&
	    return 0
	why "$(diff -u "$exd/escapes.c" \
	    "$ext/x/example-extract-quiet.7/escapes.c")"
	return 1
}

ex_extract_bad_dir() {
	exrun --extract-examples /dev/null/x ../lint/example-build-quiet.7
	[ $rc -eq 2 ] && [ -n "$err" ] && return 0
	why "expected exit status 2 and a message"
	why_run
	return 1
}

# A compiler diagnostic in JSON names the page, line and column.
ex_json() {
	exrun --examples --format json ../lint/example-build.7
	expect_line '^\{"file":"\.\./lint/example-build\.7","line":20,'\
'"column":10,"level":"error","rule":"example-build",'\
'"message":"compiler warning: unused variable'
}

ex_jobs() {
	local one

	exrun --examples -j 1 ../lint/example-build.7 ../lint/example-output.7
	one=$out
	exrun --examples -j 3 ../lint/example-build.7 ../lint/example-output.7
	if [ "$out" != "$one" ]; then
		why "-j 1 and -j 3 differ:" "$one" "---" "$out"
		return 1
	fi
	exrun --examples -j 0 ../lint/example-build.7
	[ $rc -eq 2 ] && return 0
	why "-j 0 should be a usage error"
	why_run
	return 1
}

# A second run takes every program from the cache: the compiler is not
# run again, and the diagnostics are the same.
ex_cache() {
	local first n1 n2

	# A compiler that counts the runs that compile, leaving out those
	# that only ask it about itself; MANLINT_LDFLAGS, even empty, has
	# it compile every program itself (see ex_gold).
	cat > "$ext/cc" <<-EOF
	#!/bin/sh
	case "\$*" in
	*--version*|*-###*|*-print-prog-name=*) ;;
	*) echo >> "$ext/cc-count" ;;
	esac
	exec cc "\$@"
	EOF
	chmod 755 "$ext/cc"
	: > "$ext/cc-count"
	rm -rf "$ext/cache2"
	exenv=(CC="$ext/cc" MANLINT_CACHE="$ext/cache2" MANLINT_LDFLAGS=)
	exrun --examples ../lint/example-build.7 ../lint/example-run.7
	first=$out
	n1=$(wc -l < "$ext/cc-count")
	exrun --examples ../lint/example-build.7 ../lint/example-run.7
	n2=$(wc -l < "$ext/cc-count")
	exenv=()
	if [ "$n1" -ne 3 ] || [ "$n2" -ne 3 ]; then
		why "compiler runs: $n1 on the first run (expected 3)," \
		    "$n2 after the second (expected 3)"
		return 1
	fi
	[ "$out" = "$first" ] && return 0
	why "the second run's output differs:" "$first" "---" "$out"
	return 1
}

# With GCC and gold, manlint runs the compiler proper and the assembler
# as the driver would (or the driver, -c, when it names more steps),
# and gold, which searches a directory of links to the
# libraries in place of the compiler's directories (or those
# directories when a library is found twice in them); with
# MANLINT_LDFLAGS set, the compiler compiles and links.  Each way the
# programs build, run and are reported alike.
ex_gold() {
	local direct libc

	# A compiler that logs how it is run, and a gold that does too;
	# with the file three, the compiler names three compiling steps.
	cat > "$ext/cc" <<-EOF
	#!/bin/sh
	[ "\$*" = -print-prog-name=ld.gold ] && exec echo "$ext/ld.gold"
	echo "\$*" >> "$ext/cc-log"
	case "\$*" in
	*"-### -c "*)
		[ -e "$ext/three" ] && cc "\$@" 2>&1 && exec echo " true" ;;
	esac
	exec cc "\$@"
	EOF
	cat > "$ext/ld.gold" <<-EOF
	#!/bin/sh
	echo "\$*" >> "$ext/gold-log"
	exec "$(command -v ld.gold)" "\$@"
	EOF
	chmod 755 "$ext/cc" "$ext/ld.gold"
	: > "$ext/cc-log"
	: > "$ext/gold-log"
	exenv=(CC="$ext/cc" MANLINT_CACHE=off)
	exrun --examples ../lint/example-build.7 ../lint/example-run.7
	direct=$out
	if [ "$(grep -c -- '-nostdlib .* -L[^ ]*/lib manlint-prog\.o' \
	    "$ext/gold-log")" -ne "$(wc -l < "$ext/gold-log")" ] ||
	    grep -q -- '-L.* -L' "$ext/gold-log" ||
	    [ ! -s "$ext/gold-log" ]; then
		why "expected gold to search one directory of links:" \
		    "$(cat "$ext/gold-log")"
		exenv=()
		return 1
	fi
	# The driver only answered questions (-###).
	if grep -v -e '--version' -e '-###' "$ext/cc-log" | grep -q .; then
		why "expected the driver not to compile:" "$(cat "$ext/cc-log")"
		exenv=()
		return 1
	fi
	# A second libc.so, first in the search path, makes gold search the
	# compiler's directories.
	mkdir -p "$ext/libs"
	libc=$(cc -print-file-name=libc.so)
	cp "$libc" "$ext/libs/libc.so"
	: > "$ext/gold-log"
	: > "$ext/three"
	exenv=(CC="$ext/cc" MANLINT_CACHE=off
	    MANLINT_CFLAGS="-std=gnu17 -Wall -Wextra -L$ext/libs")
	exrun --examples ../lint/example-build.7 ../lint/example-run.7
	rm -f "$ext/three"
	if grep -q -e '-nostdlib' -e "-L$ext/tmp" "$ext/gold-log" ||
	    ! grep -q -- "-L$ext/libs .*-L" "$ext/gold-log"; then
		why "expected gold to search the compiler's directories:" \
		    "$(cat "$ext/gold-log")"
		exenv=()
		return 1
	fi
	if [ "$out" != "$direct" ]; then
		why "gold with and without links differ:" "$direct" "---" \
		    "$out"
		exenv=()
		return 1
	fi
	# Every run that builds only compiles (the others ask about the
	# compiler itself).
	if ! grep -v -e '-###' "$ext/cc-log" |
	    grep -q -- '-c -o manlint-prog\.o' ||
	    grep -v -e '--version' -e '-###' "$ext/cc-log" |
	    grep -q -v -- '-c -o manlint-prog\.o'; then
		why "expected the compiler only to compile (-c):" \
		    "$(cat "$ext/cc-log")"
		exenv=()
		return 1
	fi
	: > "$ext/cc-log"
	exenv=(CC="$ext/cc" MANLINT_CACHE=off
	    MANLINT_LDFLAGS="-fuse-ld=gold -fno-use-linker-plugin")
	exrun --examples ../lint/example-build.7 ../lint/example-run.7
	exenv=()
	if grep -q -- '-c -o manlint-prog\.o' "$ext/cc-log" ||
	    ! grep -q -- '-o prog ' "$ext/cc-log"; then
		why "MANLINT_LDFLAGS set: the compiler should link:" \
		    "$(cat "$ext/cc-log")"
		return 1
	fi
	[ "$out" = "$direct" ] && nothing_left && return 0
	why "gold without and with the driver differ:" "$direct" "---" "$out"
	return 1
}

ex_no_cache() {
	exenv=(MANLINT_CACHE=off)
	exrun --examples ../lint/example-build.7
	exenv=()
	expect_line 'unused variable' && nothing_left
}

# A run sweeps what runs killed before they could clean up left in
# TMPDIR: directories of this user named like its own, whose process is
# gone and which nobody touched for a quarter of an hour.  Anything
# else stays.
ex_sweep() {
	local dead keep=() gone=() d bad=0

	sleep 0 &
	dead=$!
	wait "$dead"
	gone=("manlint-build.$dead.aaaaaa" "manlint-run.$dead.bbbbbb")
	keep=("manlint-build.$dead.fresh1" "manlint-run.$$.cccccc"
	    "manlint-buildx.$dead.dddddd" "manlint-build.x$dead.eeeeee")
	for d in "${gone[@]}" "${keep[@]}"; do
		mkdir -p "$ext/tmp/$d/sub" && touch "$ext/tmp/$d/sub/file"
		[ "$d" = "manlint-build.$dead.fresh1" ] ||
		    touch -d '-1 hour' "$ext/tmp/$d"
	done
	exenv=(MANLINT_CACHE=off)
	exrun --examples ../lint/example-build.7
	exenv=()
	for d in "${gone[@]}"; do
		[ -e "$ext/tmp/$d" ] || continue
		why "$d was left"
		bad=1
	done
	for d in "${keep[@]}"; do
		[ -e "$ext/tmp/$d/sub/file" ] && continue
		why "$d was swept"
		bad=1
	done
	for d in "${keep[@]}"; do
		rm -rf "${ext:?}/tmp/$d"
	done
	[ $bad -eq 0 ] && expect_line 'unused variable' && nothing_left
}

# Each limit stops its program, is reported, and the run goes on.
ex_limits() {
	local pid port i

	if ! cc -o "$ext/listen" "$exd/listen.c"; then
		why "cannot build listen.c"
		return 1
	fi
	"$ext/listen" > "$ext/listen.out" &
	pid=$!
	for ((i = 0; i < 50; i++)); do
		port=$(head -n 1 "$ext/listen.out")
		[ -n "$port" ] && break
		sleep 0.1
	done
	sed "s/@PORT@/$port/" "$exd/sandbox/mlt-connect.7.in" \
	    > "$ext/mlt-connect.7"
	# A long wall clock: under load, 3 s of processor time may take more
	# than the default 10 s.
	exenv=(MANLINT_CPU_LIMIT=3 MANLINT_TIMEOUT=60)
	exrun --examples --disable all \
	    --enable example-build,example-run,example-output \
	    sandbox/mlt-loop.7 sandbox/mlt-forks.7 sandbox/mlt-bigfile.7 \
	    sandbox/mlt-alloc.7 "$ext/mlt-connect.7" sandbox/mlt-after.7
	exenv=()
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	expect_diag example-run 'sandbox/mlt-loop\.7' "'\./mlt-loop' used \
more than 3 s of processor time and was stopped" &&
	expect_diag example-run 'sandbox/mlt-forks\.7' "'\./mlt-forks' failed \
with exit status 1: fork: Resource temporarily unavailable" &&
	expect_diag example-run 'sandbox/mlt-bigfile\.7' "'\./mlt-bigfile' \
wrote a file larger than 16 MiB and was stopped" &&
	expect_diag example-run 'sandbox/mlt-alloc\.7' "'\./mlt-alloc' failed \
with exit status 1: out of memory after [0-9]+ MiB" &&
	expect_diag example-run '.*/mlt-connect\.7' "'\./mlt-connect $port' \
failed with exit status 1: connect: Network is unreachable" &&
	expect_diag example-output 'sandbox/mlt-after\.7' "'\./mlt-after' \
printed \"after\" where the page shows \"after the others\"" || return 1
	if grep -q '^connected' "$ext/listen.out"; then
		why "the sandbox reached the listener on 127.0.0.1:$port"
		return 1
	fi
	nothing_left
}

# The wall clock stops a program that waits, with the daemon it made.
ex_timeout() {
	exenv=(MANLINT_TIMEOUT=2)
	exrun --examples --disable all --enable example-run,example-output \
	    sandbox/mlt-sleeper.7
	exenv=()
	expect_diag example-run 'sandbox/mlt-sleeper\.7' "'\./mlt-sleeper' \
did not finish within 2 s; it was stopped with every process it started" ||
	    return 1
	if [ "$(wc -l <<< "$out")" -ne 1 ]; then
		why "expected one diagnostic"
		why_run
		return 1
	fi
	nothing_left
}

# With sanitizers, the limit on memory is ASan's own.
ex_sanitize_alloc() {
	exenv=(MANLINT_TIMEOUT=60)
	exrun --examples --sanitize --disable all --enable example-run \
	    sandbox/mlt-alloc.7
	exenv=()
	expect_diag example-run 'sandbox/mlt-alloc\.7' \
	    "'\./mlt-alloc': .*AddressSanitizer: .*" && nothing_left
}

# make check builds and runs this repository's examples, warning-free
# and under the sanitizers.
ex_pages() {
	local p pages=()

	for p in "$top"/man[1-9]/*.[1-9]; do
		[ -f "$p" ] && pages+=("$p")
	done
	exrun --examples --werror --sanitize --disable all \
	    --enable example-extract,example-build,example-run,example-output \
	    "${pages[@]}"
	if [ $rc -ne 0 ] || [ -n "$out" ]; then
		why "expected exit status 0 and no output"
		why_run
		return 1
	fi
	nothing_left
}

t "examples/extraction turns roff into exact C" ex_extract
t "examples/--extract-examples into a bad directory fails" ex_extract_bad_dir
t "examples/a compiler warning is at its page line and column (JSON)" ex_json
t "examples/-j changes nothing but the speed" ex_jobs
t "examples/an unchanged program is not built again" ex_cache
t "examples/without a cache, nothing is left behind" ex_no_cache
t "examples/what killed runs left is swept, nothing else" ex_sweep
if command -v ld.gold >/dev/null 2>&1 &&
    cc --version 2>/dev/null | grep -q 'Free Software Foundation'; then
	t "examples/gold links without the driver, as with it" ex_gold
else
	skip "examples/gold links without the driver: no GCC and ld.gold"
fi
t "examples/sandbox: CPU, processes, file size, memory, network" ex_limits
t "examples/sandbox: the wall clock kills every process" ex_timeout
t "examples/sandbox: the memory limit under --sanitize" ex_sanitize_alloc
t "examples/this repository's examples build and run clean" ex_pages
