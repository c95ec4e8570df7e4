#!/bin/sh
# tests/fuzz/regress.sh BUILD NAME...: what `make fuzz-regress` runs. Each
# harness BUILD/fuzz/fuzz_NAME once over every seed (tests/fuzz/corpus/NAME)
# and regression (tests/fuzz/regressions/NAME); a regression listed in
# tests/fuzz/KNOWN_FAILURES is replayed alone and expected to fail until its
# bug is fixed. On a failure the report is printed and the script fails.
# LSAN_OPTIONS comes from the caller (the suppressions). Run from the top
# of the tree.
set -u
b=$1
shift
status=0
for n in "$@"; do
	files= known=
	for f in tests/fuzz/corpus/"$n"/* tests/fuzz/regressions/"$n"/*; do
		[ -f "$f" ] || continue
		if grep -q "^$n/${f##*/}[[:space:]]" tests/fuzz/KNOWN_FAILURES 2>/dev/null; then
			known="$known $f"
		else
			files="$files $f"
		fi
	done
	log=$b/regress_$n.log
	# shellcheck disable=SC2086 # lists of files
	if UBSAN_OPTIONS=print_stacktrace=1 "$b/fuzz/fuzz_$n" $files > "$log" 2>&1; then
		echo "ok   fuzz-regress $n ($(echo $files | wc -w) inputs)"
	else
		status=1
		echo "FAIL fuzz-regress $n (whole log: $log)"
		grep -v '^INFO\|^Executed\|^Running:' "$log" | tail -60 | sed 's/^/     | /'
	fi
	for f in $known; do
		if "$b/fuzz/fuzz_$n" "$f" > "$b/regress_known.log" 2>&1; then
			echo "ok   fuzz-regress $f (note: in tests/fuzz/KNOWN_FAILURES but passes now; remove it)"
		else
			echo "KNOWN fuzz-regress $f (tests/fuzz/KNOWN_FAILURES)"
		fi
	done
done
exit $status
