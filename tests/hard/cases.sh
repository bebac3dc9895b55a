# shellcheck shell=bash disable=SC2154
# Hostile input, read by tests/run (bash), which provides t, why, pass,
# fail, skip, sanitizer_report, $ML, $ASAN_ML, $top, $tmp and $cases
# (the golden cases).  The inputs are made here at test time.
#
#   input    huge, deep, looping, unreadable or malformed pages: each
#            gives its diagnostic at file:line, within a bound of time
#            and memory, and the other file of the run is still checked
#   sandbox  example programs that try to get out of the sandbox
#   fuzz     short runs of lint/fuzz/fuzz_page and fuzz_patch (make
#            fuzz builds them)
#   valgrind memcheck on the test inputs and a sample of the corpus
#
# The time and memory each input took are printed under its PASS line.

hd=$tmp/hard
mkdir -p "$hd"
chmod 755 "$tmp" "$hd"

# The witness: another file of every run, with one defect at line 5.
hpage() {
	printf '.TH %s 7 2026-01-01 "manlint tests"\n.SH NAME\n' "${1^^}"
	printf '%s \\- a test page\n.SH DESCRIPTION\n' "$1"
}
{ hpage witness; printf 'Text. \n'; } > "$hd/witness.7"
WITNESS='witness.7:5:6: style: trailing white space; remove it [trailing-space]'

# bounded SECONDS MIB ARG...: run manlint in $hd under a timeout and a
# limit on virtual memory; sets rc, out, err and used (time and memory).
bounded() {
	local secs=$1 mib=$2

	shift 2
	(
		ulimit -v $((mib * 1024)) || exit 125
		cd "$hd" || exit 125
		if [ -x /usr/bin/time ]; then
			exec timeout -s KILL "$secs" /usr/bin/time \
			    -o "$tmp/used" -f '%e s %M KB' "$ML" "$@"
		fi
		exec timeout -s KILL "$secs" "$ML" "$@"
	) > "$tmp/out" 2> "$tmp/err" < /dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
	used=
	[ -x /usr/bin/time ] && used=$(tail -n 1 "$tmp/used" 2>/dev/null)
	[ "$used" ] && used="$used (bound: $secs s, $mib MiB virtual)"
}

hard_why_run() {
	why "exit status $rc${used:+; $used}" "stdout:" "$(head -c 2000 <<< "$out")" \
	    "stderr:" "$(head -c 2000 <<< "$err")"
}

# expect_out LINE...: each line is in the output, and so is the
# witness's; the run ended by itself with status 1 or 2.
expect_out() {
	local l

	if [ $rc -gt 2 ]; then
		why "killed or crashed (exit status $rc): over its bounds?"
		hard_why_run
		return 1
	fi
	for l in "$@" "$WITNESS"; do
		grep -qxF -- "$l" <<< "$out" && continue
		why "missing line: $l"
		hard_why_run
		return 1
	done
}

# expect_err TEXT: standard error holds TEXT.
expect_err() {
	grep -qF -- "$1" <<< "$err" && return 0
	why "standard error does not say: $1"
	hard_why_run
	return 1
}

# ht NAME FUNCTION: a test, with the time and memory it took after it.
ht() {
	t "$@"
	[ -n "$used" ] && echo "    $used"
	used=
}

# ---- input

hard_big() {
	{ hpage big; yes 'Some text of the page, and more of it.' |
	    head -n 1300000; printf 'The end. \n'; } > "$hd/big.7"
	bounded 60 3072 big.7 witness.7
	rm -f "$hd/big.7"
	expect_out 'big.7:1300005:9: style: trailing white space; remove it [trailing-space]'
}

hard_long_line() {
	{ hpage long; head -c 5000000 /dev/zero | tr '\0' a; echo; } \
	    > "$hd/long.7"
	bounded 30 1024 long.7 witness.7
	rm -f "$hd/long.7"
	expect_out 'long.7:5:81: style: line is 5000000 bytes long; break it at a sentence or clause boundary to keep it within 80 [line-too-long]'
}

hard_nested_rs() {
	{ hpage rs; yes .RS | head -n 100000; echo Text.; } > "$hd/rs.7"
	bounded 30 1024 rs.7 witness.7
	expect_out 'rs.7:5:1: error: .RS is not closed at the end of the page; add .RE [block-unclosed]'
}

# 1,000,000 conditionals on one line, 6 MB.
hard_nested_if() {
	{ hpage ifs; yes '.if n ' | head -n 1000000 | tr -d '\n';
	    echo Text.; } > "$hd/ifs.7"
	bounded 30 1024 ifs.7 witness.7
	expect_out 'ifs.7:5:601: error: conditionals nested over 100 deep; the rest of the line is not checked [input-limit]'
}

hard_so_loop() {
	mkdir -p "$hd/man7"
	{ hpage loop; echo '.so man7/loop-b.7'; } > "$hd/man7/loop-a.7"
	echo '.so man7/loop-a.7' > "$hd/man7/loop-b.7"
	bounded 10 512 man7/loop-a.7 witness.7
	expect_out 'man7/loop-b.7:1:5: error: .so man7/loop-a.7: the page includes itself [so-loop]'
}

# Each of 8 files includes the next 20 times: 20^7 inclusions unbounded.
hard_so_fanout() {
	local i

	mkdir -p "$hd/man7"
	for i in 1 2 3 4 5 6 7; do
		yes ".so man7/fan$((i + 1)).7" | head -n 20 > "$hd/man7/fan$i.7"
	done
	echo Text. > "$hd/man7/fan8.7"
	{ hpage fan; echo '.so man7/fan1.7'; } > "$hd/man7/fan.7"
	bounded 10 512 man7/fan.7 witness.7
	expect_out 'man7/fan6.7:17:5: error: .so man7/fan7.7: the page has included 64 files already; this and later .so requests are not read [input-limit]'
}

# /etc/shadow by name, by "..", and through a symbolic link.
hard_so_outside() {
	mkdir -p "$hd/man7"
	ln -sfn /etc/shadow "$hd/man7/shadow.7"
	{ hpage out; printf '.so /etc/shadow\n.so ../../../../etc/shadow\n';
	    printf '.so man7/shadow.7\n'; } > "$hd/man7/out.7"
	bounded 10 512 --max-per-rule 0 man7/out.7 witness.7
	expect_out 'man7/out.7:5:5: error: refusing .so /etc/shadow: name a page relative to the manual root, as man2/page.2 [so-outside]' \
	    'man7/out.7:6:5: error: refusing .so ../../../../etc/shadow: name a page relative to the manual root, as man2/page.2 [so-outside]' || return 1
	# Without /etc/shadow, the link leads nowhere.
	if [ -e /etc/shadow ]; then
		expect_out 'man7/out.7:7:5: error: refusing .so man7/shadow.7: a symbolic link takes it out of the manual tree, to /etc/shadow [so-outside]'
	else
		expect_out 'man7/out.7:7:5: error: .so man7/shadow.7: no such page under the manual root [so-missing]'
	fi
}

# manlint does not expand macros: recursion costs nothing, and is said.
hard_de_recursion() {
	{ hpage rec; printf '.de XX\n.XX\n..\n.de YA\n.YB\n..\n.de YB\n';
	    printf '.YA\n..\n.XX\n.YA\nText. \n'; } > "$hd/rec.7"
	bounded 10 512 rec.7 witness.7
	expect_out 'rec.7:5:5: warning: macro XX calls itself; expanding it never ends [macro-recursion]' \
	    'rec.7:8:5: warning: macro YA calls itself through YB; expanding it never ends [macro-recursion]' \
	    'rec.7:16:6: style: trailing white space; remove it [trailing-space]'
}

# 100,000 macros, each calling the next, the last the first.
hard_de_many() {
	local i

	{ hpage many; for ((i = 0; i < 100000; i++)); do
		printf '.de M%d\n.M%d\n..\n' "$i" $(((i + 1) % 100000))
	done; printf '.de SELF\n.SELF\n..\n'; } > "$hd/defs.7"
	bounded 30 1024 defs.7 witness.7
	expect_out 'defs.7:300005:5: warning: macro SELF calls itself; expanding it never ends [macro-recursion]'
}

hard_nul() {
	{ hpage nul; yes 'Some text.' | head -n 200; printf 'A\000B.\n'; } \
	    > "$hd/nul.7"
	bounded 10 512 nul.7 witness.7
	expect_out 'nul.7:205:2: error: NUL byte; remove it [encoding-nul]'
}

hard_bad_utf8() {
	{ hpage utf; printf 'Caf\303\251 \377\376 \303 \355\240\200 \364\220\200\200.\n'; } \
	    > "$hd/utf.7"
	bounded 10 512 utf.7 witness.7
	expect_out 'utf.7:5:7: error: invalid UTF-8 byte 0xff; write valid UTF-8 or a roff escape [encoding-utf8]'
}

# 10,000 pages in a directory; the 5,000th has a defect.
hard_many_pages() {
	local i

	mkdir -p "$hd/many"
	for ((i = 10000; i < 20000; i++)); do
		printf '.TH P%d 7 2026-01-01 "t"\n.SH NAME\np%d \\- page\n.SH DESCRIPTION\nText.\n' \
		    "$i" "$i" > "$hd/many/p$i.7"
	done
	printf 'Text. \n' >> "$hd/many/p14999.7"
	bounded 60 1024 many witness.7
	rm -rf "$hd/many"
	expect_out 'many/p14999.7:6:6: style: trailing white space; remove it [trailing-space]' &&
	    [ "$(wc -l <<< "$out")" -eq 2 ] && return 0
	why "expected two lines of output"
	hard_why_run
	return 1
}

hard_dev_zero() {
	bounded 30 1024 /dev/zero witness.7
	expect_out '/dev/zero:1:1: error: file is over 256 MiB; not checked [file-too-large]'
}

hard_self_link() {
	ln -sfn self.7 "$hd/self.7"
	bounded 10 512 self.7 witness.7
	[ $rc -eq 2 ] || { why "expected exit status 2"; hard_why_run; return 1; }
	expect_out && expect_err 'manlint: self.7: cannot read: Too many levels of symbolic links'
}

# A FIFO named on the command line with no writer reads as empty; in a
# directory, it is not a page and is passed over.
hard_fifo() {
	mkdir -p "$hd/fifo"
	rm -f "$hd/fifo/pipe.7"
	mkfifo "$hd/fifo/pipe.7" || { why "mkfifo failed"; return 1; }
	bounded 10 512 fifo witness.7
	expect_out || return 1
	bounded 10 512 fifo/pipe.7 witness.7
	expect_out 'fifo/pipe.7:1:1: error: no .TH line; start the page with .TH title section date source [th-missing]'
}

# Unreadable page and directory: as root, the run is made as nobody.
hard_unreadable() {
	local as=()

	mkdir -p "$hd/locked/sub"
	{ hpage ok; echo Text.; } > "$hd/locked/ok.7"
	cp "$hd/locked/ok.7" "$hd/locked/no.7"
	cp "$hd/witness.7" "$hd/locked/z.7"
	chmod 755 "$hd/locked"
	chmod 000 "$hd/locked/no.7" "$hd/locked/sub"
	if [ "$(id -u)" -eq 0 ]; then
		as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
		"${as[@]}" true 2>/dev/null || {
			chmod 755 "$hd/locked/sub"
			skip "input/unreadable files: root, and no setpriv to run as nobody"
			return 0
		}
	fi
	(cd "$hd" && "${as[@]}" timeout -s KILL 10 "$ML" locked) \
	    > "$tmp/out" 2> "$tmp/err" < /dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
	chmod 755 "$hd/locked/sub"
	chmod 644 "$hd/locked/no.7"
	WITNESS=${WITNESS/witness.7/locked/z.7}
	t "input/unreadable page and directory: said, and the rest checked" \
	    hard_unreadable_check
	WITNESS=${WITNESS/locked\/z.7/witness.7}
}

hard_unreadable_check() {
	[ $rc -eq 2 ] || { why "expected exit status 2"; hard_why_run; return 1; }
	expect_out &&
	expect_err 'manlint: locked/no.7: cannot read: Permission denied' &&
	expect_err 'manlint: locked/sub: cannot open directory: Permission denied'
}

# A tree's .manlintrc cannot name a rule file outside the tree: the
# error for a bad rule file quotes its first line.
hard_rc_outside() {
	local r

	mkdir -p "$hd/rc/man7"
	cp "$hd/witness.7" "$hd/rc/man7/witness.7"
	ln -sfn /etc/passwd "$hd/rc/link.rules"
	for r in /etc/passwd ../../../../../../etc/passwd link.rules; do
		echo "rules $r" > "$hd/rc/.manlintrc"
		bounded 10 512 rc/man7/witness.7
		if grep -q 'root:' <<< "$out$err"; then
			why "rules $r: /etc/passwd was shown"
			hard_why_run
			return 1
		fi
		[ $rc -eq 2 ] &&
		    expect_err "/rc/.manlintrc: rules $r: not a file under the rc file's directory" ||
		    return 1
	done
	rm -f "$hd/rc/.manlintrc"
}

# The sanitizer build on the inputs above that are not huge.
hard_asan() {
	local f bad=0

	for f in rs.7 ifs.7 man7/loop-a.7 man7/fan.7 man7/out.7 rec.7 nul.7 \
	    utf.7 self.7 fifo/pipe.7; do
		(cd "$hd" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		    timeout -s KILL 60 "$ASAN_ML" "$f") \
		    > /dev/null 2> "$tmp/err" < /dev/null
		rc=$?
		if [ $rc -gt 2 ] || sanitizer_report "$tmp/err"; then
			why "$f: exit status $rc"
			[ $bad -eq 0 ] && why "$(sed -n 1,30p "$tmp/err")"
			bad=1
		fi
	done
	return $bad
}

ht "input/a 50 MB page" hard_big
ht "input/a 5 MB line" hard_long_line
ht "input/100,000 nested .RS" hard_nested_rs
ht "input/1,000,000 nested .if on a line" hard_nested_if
ht "input/a .so loop" hard_so_loop
ht "input/.so fanning out 20 ways, 8 deep" hard_so_fanout
ht "input/.so of /etc/shadow, by name, .. and link" hard_so_outside
ht "input/recursive macros" hard_de_recursion
ht "input/100,000 macros calling each other" hard_de_many
ht "input/NUL bytes" hard_nul
ht "input/invalid UTF-8" hard_bad_utf8
ht "input/a directory of 10,000 pages" hard_many_pages
ht "input/an endless device, /dev/zero" hard_dev_zero
ht "input/a page that is a symbolic link to itself" hard_self_link
ht "input/a FIFO" hard_fifo
hard_unreadable
t "input/a .manlintrc naming rules outside its tree" hard_rc_outside
if [ -x "$ASAN_ML" ]; then
	t "input/the sanitizer build on these inputs" hard_asan
else
	skip "input/the sanitizer build on these inputs: no lint/manlint-asan"
fi

# ---- sandbox escapes

# expage NAME COMMAND OUTPUT: a page whose example program, NAME.c, is
# standard input, and whose session runs COMMAND and shows OUTPUT.
expage() {
	local name=$1 cmd=$2 want=$3

	hpage "$name"
	printf '.SH EXAMPLES\n.\\" SRC BEGIN (%s.c)\n.EX\n' "$name"
	sed -e 's/\\/\\e/g' -e 's/^$/\\\&/' -e "s/^[.']/\\\\\&&/"
	printf '.EE\n.\\" SRC END\n.PP\n.in +4n\n.EX\n'
	printf '$ \\fB%s\\fP\n%s\n.EE\n.in\n' "${cmd//-/\\-}" "$want"
}

# Programs made as nobody when the tests run as root: the directories
# they try must be open to nobody, so that only the sandbox stops them.
sbx=$hd/sbx
mkdir -p "$sbx/tmp" "$sbx/cache" "$sbx/outside" "$sbx/home"
chmod 755 "$sbx" "$sbx/tmp" "$sbx/home"
chmod 1777 "$sbx/outside"
secret="secret-$$-$RANDOM"
echo "$secret" > "$sbx/home/secret"
chmod 644 "$sbx/home/secret"
mark=$((900000 + RANDOM))

# Where the sandbox can have a mount namespace, files outside it are out
# of reach; elsewhere only the limits and file permissions hold.
if [ "$(id -u)" -eq 0 ]; then
	unshare -m true 2>/dev/null && sb_mounts=1
	unshare -mpf true 2>/dev/null && sb_proc=1
else
	unshare -Urm true 2>/dev/null && sb_mounts=1
	unshare -Urmpf true 2>/dev/null && sb_proc=1
fi

expage esc-write './esc-write ../escaped '"$sbx"'/outside/escaped /tmp/manlint-escaped-'"$$"' /dev/shm/manlint-escaped-'"$$" 'refused' \
    > "$sbx/esc-write.7" <<'EOC'
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Create each file named. */
int
main(int argc, char *argv[])
{
    for (int i = 1; i < argc; i++) {
        if (open(argv[i], O_WRONLY | O_CREAT | O_TRUNC, 0666) == -1)
            perror(argv[i]);
        else
            printf("wrote %s\n", argv[i]);
    }
    exit(EXIT_SUCCESS);
}
EOC

expage esc-home "./esc-home $sbx/home/secret" 'refused' \
    > "$sbx/esc-home.7" <<'EOC'
#include <stdio.h>
#include <stdlib.h>

/* Print the file named. */
int
main(int argc, char *argv[])
{
    char  line[256];
    FILE  *fp;

    if (argc != 2 || (fp = fopen(argv[1], "r")) == NULL) {
        perror(argv[1]);
        exit(EXIT_FAILURE);
    }
    while (fgets(line, sizeof(line), fp) != NULL)
        fputs(line, stdout);
    exit(EXIT_SUCCESS);
}
EOC

expage esc-kill ./esc-kill 'alive' > "$sbx/esc-kill.7" <<'EOC'
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Kill the parent, then every process that can be signalled. */
int
main(void)
{
    if (kill(getppid(), SIGKILL) == -1)
        perror("kill parent");
    signal(SIGTERM, SIG_IGN);
    if (kill(-1, SIGTERM) == -1)
        perror("kill -1");
    puts("alive");
    exit(EXIT_SUCCESS);
}
EOC

expage esc-daemon ./esc-daemon 'started' > "$sbx/esc-daemon.7" <<EOC
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Leave a sleeping daemon behind, out of the process group. */
int
main(void)
{
    if (fork() == 0) {
        setsid();
        if (fork() == 0) {
            execl("/bin/sleep", "sleep", "$mark", (char *)NULL);
            _exit(EXIT_FAILURE);
        }
        _exit(EXIT_SUCCESS);
    }
    puts("started");
    exit(EXIT_SUCCESS);
}
EOC

expage esc-fill ./esc-fill 'full' > "$sbx/esc-fill.7" <<'EOC'
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Write files of 1 MiB blocks until the disk refuses, at most 1 GiB. */
int
main(void)
{
    static char  block[1 << 20];
    char         name[32];
    int          fd, n = 0, files = 0;

    signal(SIGXFSZ, SIG_IGN);
    memset(block, 'x', sizeof(block));
    while (n < 1024) {
        snprintf(name, sizeof(name), "fill%d", files++);
        if ((fd = open(name, O_WRONLY | O_CREAT, 0644)) == -1)
            break;
        while (n < 1024 && write(fd, block, sizeof(block)) == sizeof(block))
            n++;
        close(fd);
        if (files > 1 && n < 16 * files - 16)
            break;
    }
    printf("%d MiB\n", n);
    exit(EXIT_SUCCESS);
}
EOC

expage esc-ps ./esc-ps 'none' > "$sbx/esc-ps.7" <<'EOC'
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

/* Count the processes /proc shows. */
int
main(void)
{
    DIR            *d;
    struct dirent  *e;
    int            n = 0;

    if ((d = opendir("/proc")) == NULL) {
        perror("/proc");
        exit(EXIT_FAILURE);
    }
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] >= '1' && e->d_name[0] <= '9')
            n++;
    printf("%d processes\n", n);
    exit(EXIT_SUCCESS);
}
EOC

expage esc-after ./esc-after 'after the others' > "$sbx/esc-after.7" <<'EOC'
#include <stdio.h>
#include <stdlib.h>

int
main(void)
{
    puts("after");
    exit(EXIT_SUCCESS);
}
EOC

# The line that shows esc-after.7 ran.
AFTER="esc-after.7:[0-9]+:[0-9]+: error: './esc-after' printed \"after\" where the page shows \"after the others\""

# sbrun PAGE...: manlint --examples on the pages, HOME set to $sbx/home.
sbrun() {
	(cd "$sbx" && env HOME="$sbx/home" TMPDIR="$sbx/tmp" \
	    MANLINT_CACHE="$sbx/cache" MANLINT_TIMEOUT=60 \
	    timeout -s KILL 300 "$ML" --examples --disable all \
	    --enable example-build,example-run,example-output "$@") \
	    > "$tmp/out" 2> "$tmp/err" < /dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# Nothing left in the sandbox's TMPDIR, and no process of the run.
sb_nothing_left() {
	local left d

	left=$(find "$sbx/tmp" -mindepth 1 -maxdepth 1 2>/dev/null)
	for d in /proc/[0-9]*; do
		if { tr '\0' ' ' < "$d/cmdline"; } 2>/dev/null |
		    grep -q "^sleep $mark"; then
			left+=" process ${d#/proc/}: sleep $mark"
		fi
	done
	[ -z "$left" ] && return 0
	why "left behind:" "$left"
	return 1
}

sb_expect() {
	grep -qE -- "$1" <<< "$out" && return 0
	why "no output line matches: $1"
	hard_why_run
	return 1
}

sb_write() {
	local f bad=0

	sbrun esc-write.7 esc-after.7
	for f in "$sbx/escaped" "$sbx/tmp/escaped" "$sbx/outside/escaped" \
	    "/tmp/manlint-escaped-$$" "/dev/shm/manlint-escaped-$$"; do
		[ -e "$f" ] || continue
		why "the program wrote $f"
		rm -f "$f"
		bad=1
	done
	[ $bad -eq 0 ] && [ $rc -eq 1 ] && sb_expect "^esc-write.7:.*'./esc-write .*' printed" &&
	    sb_expect "^$AFTER" && ! grep -q 'wrote' <<< "$out" &&
	    sb_nothing_left
}

sb_home() {
	sbrun esc-home.7
	if grep -qF "$secret" <<< "$out$err"; then
		why "the program read $sbx/home/secret"
		hard_why_run
		return 1
	fi
	sb_expect "^esc-home.7:[0-9]+:[0-9]+: error: './esc-home .*' failed" &&
	    sb_nothing_left
}

sb_kill() {
	sbrun esc-kill.7 esc-after.7
	[ $rc -eq 1 ] || { why "expected exit status 1"; hard_why_run; return 1; }
	sb_expect '^esc-kill.7:' &&
	    sb_expect "^$AFTER" &&
	    sb_nothing_left
}

# The program's output matches the page: no diagnostic, no daemon.
sb_daemon() {
	sbrun esc-daemon.7
	if [ $rc -ne 0 ] || [ -n "$out" ]; then
		why "expected a clean run"
		hard_why_run
		return 1
	fi
	sb_nothing_left
}

# RLIMIT_FSIZE stops each file at 16 MiB; the directory's tmpfs stops
# them all at 64 MiB.
sb_fill() {
	local n

	sbrun esc-fill.7
	n=$(sed -n "s/.*'\\.\\/esc-fill' printed \"\\([0-9]*\\) MiB\".*/\\1/p" <<< "$out")
	if [ -z "$n" ]; then
		why "the program did not say how much it wrote"
		hard_why_run
		return 1
	fi
	echo "    esc-fill wrote $n MiB" >> "$tmp/sbfill"
	if [ -n "${sb_mounts:-}" ] && [ "$n" -gt 64 ]; then
		why "it wrote $n MiB, over the 64 MiB of the sandbox"
		return 1
	fi
	sb_nothing_left
}

# /proc shows the sandbox's own processes only: the first, the shell
# and the program.
sb_proc() {
	sbrun esc-ps.7
	sb_expect "^esc-ps.7:[0-9]+:[0-9]+: error: './esc-ps' printed \"[1-3] processes\"" &&
	    sb_nothing_left
}

if ! command -v cc > /dev/null 2>&1; then
	skip "sandbox/escapes: no C compiler"
else
	t "sandbox/a program cannot write outside its directory" sb_write
	if [ -n "${sb_mounts:-}" ]; then
		t "sandbox/a program cannot read the user's home" sb_home
	else
		skip "sandbox/a program cannot read the user's home: no mount namespace here"
	fi
	if [ -n "${sb_proc:-}" ]; then
		t "sandbox/a program sees no process but the sandbox's" sb_proc
	else
		skip "sandbox/a program sees no process but the sandbox's: no PID namespace here"
	fi
	t "sandbox/killing the parent and everyone stops nothing else" sb_kill
	t "sandbox/a daemon does not outlive the run" sb_daemon
	: > "$tmp/sbfill"
	t "sandbox/filling the disk is bounded" sb_fill
	cat "$tmp/sbfill"
fi

# ---- fuzzing

# Short runs from the golden pages and the test mails; make fuzz and
# make fuzz-long run longer.  The figures follow the PASS or FAIL line.
hard_fuzz() {
	bash lint/fuzz/run "$2" "$tmp/fuzz-$1" "$1" > "$tmp/fuzz.out" 2>&1 &&
	    return 0
	why "$(cat "$tmp/fuzz.out")"
	return 1
}

for target in page:"${MANLINT_FUZZ_SECONDS:-20}" \
    patch:"${MANLINT_FUZZ_PATCH_SECONDS:-10}"; do
	secs=${target#*:}
	target=${target%:*}
	if [ -x "lint/fuzz/fuzz_$target" ]; then
		t "fuzz/$secs s of lint/fuzz/fuzz_$target find nothing" \
		    hard_fuzz "$target" "$secs"
		grep '^fuzz ' "$tmp/fuzz.out" | sed -e 's/^/    /' -e 's/; log .*//'
	else
		skip "fuzz: no lint/fuzz/fuzz_$target (clang with libFuzzer builds it)"
	fi
done

# ---- valgrind

# vg DIR ARG...: lint/manlint under memcheck in DIR; errors and leaks
# are reported in $tmp/vg.
vg() {
	local dir=$1

	shift
	(cd "$dir" && valgrind -q --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    --suppressions="$top/tests/hard/valgrind.supp" \
	    "$ML" --max-per-rule 0 "$@") > /dev/null 2> "$tmp/vg" < /dev/null
	rc=$?
	[ $rc -le 2 ] && ! grep -q '^==[0-9]*==' "$tmp/vg" && return 0
	why "valgrind on $* (in $dir): exit status $rc" "$(sed -n 1,40p "$tmp/vg")"
	return 1
}

# The golden cases (those with options one by one), the command line
# fixtures and the hostile inputs above.
hard_vg_inputs() {
	local f plain=() args

	for f in "${cases[@]}"; do
		if [ -f "$f.args" ]; then
			read -r -a args < "$f.args"
			vg tests/lint "${args[@]}" "${f##*/}" || return 1
		else
			plain+=("${f##*/}")
		fi
	done
	vg tests/lint "${plain[@]}" || return 1
	plain=()
	for f in "$fx"/*; do
		[ -f "$f" ] && plain+=("${f##*/}")
	done
	vg "$fx" "${plain[@]}" &&
	vg "$hd" rs.7 ifs.7 man7/loop-a.7 man7/fan.7 man7/out.7 rec.7 nul.7 \
	    utf.7 fifo/pipe.7 witness.7
}

# Every n-th page of the corpus, about 50.
hard_vg_corpus() {
	local files n

	mapfile -t files < <(cd "$tmp/vgc" && find . -type f | LC_ALL=C sort)
	n=$(( (${#files[@]} + 49) / 50 ))
	mapfile -t files < <(printf '%s\n' "${files[@]}" | awk -v n="$n" 'NR % n == 1')
	echo "${#files[@]}" > "$tmp/vgc.n"
	vg "$tmp/vgc" "${files[@]}"
}

if ! command -v valgrind > /dev/null 2>&1; then
	skip "valgrind: not installed"
else
	t "valgrind/the test inputs: no memory error, no leak" hard_vg_inputs
	bash tests/corpus-run --extract "$tmp/vgc" > "$tmp/vgc.out" 2>&1
	case $? in
	0)	t "valgrind/a sample of the corpus: no memory error, no leak" \
		    hard_vg_corpus
		echo "    $(cat "$tmp/vgc.n" 2>/dev/null) pages" ;;
	77)	skip "valgrind/corpus: $(sed -n 's/^SKIP: //p' "$tmp/vgc.out")" ;;
	*)	fail "valgrind/corpus: tests/corpus-run --extract failed" \
		    "$(cat "$tmp/vgc.out")" ;;
	esac
fi

# ---- atomic writes

# --extract-examples replaces a file by renaming a whole new one over
# it (a new inode), and leaves no temporary file.
hard_atomic_extract() {
	local d=$hd/extract/example-extract-quiet.7 before after left

	mkdir -p "$d"
	echo old > "$d/escapes.c"
	before=$(stat -c %i "$d/escapes.c")
	"$ML" --extract-examples "$hd/extract" tests/lint/example-extract-quiet.7 \
	    > "$tmp/out" 2>&1 || { why "$(cat "$tmp/out")"; return 1; }
	after=$(stat -c %i "$d/escapes.c")
	left=$(cd "$d" && ls)
	if [ "$before" = "$after" ] || [ "$left" != escapes.c ] ||
	    ! cmp -s "$d/escapes.c" tests/examples/escapes.c; then
		why "inode $before then $after; files: $left"
		return 1
	fi
}

t "atomic/--extract-examples renames a whole file into place" hard_atomic_extract
