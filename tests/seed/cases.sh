# shellcheck shell=bash disable=SC2154
# The seed defects injected into a copy of man2/mmap.2, read by
# tests/run, which provides t, why, $ML, $top and $tmp.
#
# The patch this project started from clarified MAP_LOCKED and still
# carried these defects: macro and sentence defects, and the prose ones
# (a misspelling, the page's own function unmarked, and "fail with"
# left without its error name when a .B line was dropped).  They are written here in new words, after the
# MAP_LOCKED tag line of our own page, and each must be reported at its
# line, with nothing else reported.

# Each injected line, with the rule it must trigger ("-" for none).
seed_lines=(
	"-	Mark the mapping for locking as"
	"-	.BR mlock (2)"
	"sentence-same-line	does. The kernel then tries to prefault it."
	"xref-self-section	.BR mmap (2)"
	"text-lone-punct	+"
	"-	.BR mlock (2)"
	"-	suits callers that cannot take faults."
	"alt-font-one-arg	.BR MAP_POPULATE"
	"-	goes further."
	"misspelling	The mmaped range is prefaulted,"
	"own-name-unmarked	but the mmap call"
	"fails-with-no-error	does not fail with"
	"-	if this fails."
)

# Write the page with the lines injected; print the first line's number.
seed_inject() {
	local anchor entry

	anchor=$(grep -n '^\.BR MAP_LOCKED ' "$top/man2/mmap.2" | head -1 |
	    cut -d: -f1)
	[ -n "$anchor" ] || return 1
	{
		head -n "$anchor" "$top/man2/mmap.2"
		for entry in "${seed_lines[@]}"; do
			printf '%s\n' "${entry#*	}"
		done
		tail -n +"$((anchor + 1))" "$top/man2/mmap.2"
	} > "$tmp/seed/man2/mmap.2"
	echo $((anchor + 1))
}

seed_defects() {
	local first i entry rule line want got

	mkdir -p "$tmp/seed/man2"
	if ! first=$(seed_inject); then
		why "man2/mmap.2 has no .BR MAP_LOCKED tag line to inject after"
		return 1
	fi
	got=$(cd "$tmp/seed" && "$ML" man2/mmap.2 2>&1)
	want=
	for i in "${!seed_lines[@]}"; do
		entry=${seed_lines[$i]}
		rule=${entry%%	*}
		line=$((first + i))
		[ "$rule" = - ] && continue
		want+="$line $rule"$'\n'
	done
	got=$(sed -n 's/^man2\/mmap\.2:\([0-9]*\):[0-9]*:.*\[\(.*\)\]$/\1 \2/p' \
	    <<< "$got")
	if [ "$got" != "${want%$'\n'}" ]; then
		why "expected (line rule):" "$want" "got:" "$got"
		return 1
	fi
}

seed_clean() {
	local got

	got=$(cd "$top" && "$ML" man2/mmap.2 man2/munmap.2 2>&1)
	[ -z "$got" ] && return 0
	why "the page without the injected defects is not clean:" "$got"
	return 1
}

t "seed: each injected defect reported at its line" seed_defects
t "seed: man2/mmap.2 as it is gives no diagnostic" seed_clean
