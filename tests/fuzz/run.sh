#!/bin/sh
# tests/fuzz/run.sh BUILD SECONDS NAME...: what `make fuzz` runs. Each
# harness BUILD/fuzz/fuzz_NAME for SECONDS, starting from what earlier runs
# learned (BUILD/corpus/NAME), the seeds (tests/fuzz/corpus/NAME) and the
# regressions (tests/fuzz/regressions/NAME). A crash, leak, timeout or
# sanitizer report stops that harness, the others still run; each finding
# is printed (the report, then the input in base64, so that a CI log is
# enough to reproduce it) and the script fails. FUZZ_ARGS adds libFuzzer
# flags; FUZZ_MAXLEN ("NAME:BYTES ...") caps each harness's inputs.
# LSAN_OPTIONS comes from the caller (the suppressions). Run from the top
# of the tree.
set -u
b=$1 seconds=$2
shift 2
status=0
mkdir -p "$b/crashes"
for n in "$@"; do
	mkdir -p "$b/corpus/$n" "$b/crashes/$n"
	dirs="$b/corpus/$n tests/fuzz/corpus/$n"
	[ -d "tests/fuzz/regressions/$n" ] && dirs="$dirs tests/fuzz/regressions/$n"
	dict=
	[ -f "tests/fuzz/$n.dict" ] && dict=-dict=tests/fuzz/$n.dict
	max=$(echo "${FUZZ_MAXLEN:-}" | tr ' ' '\n' | sed -n "s/^$n://p")
	log=$b/fuzz_$n.log
	before=$(ls "$b/crashes/$n" | wc -l)
	echo "== fuzz_$n for $seconds s"
	# shellcheck disable=SC2086 # $dict, $dirs and FUZZ_ARGS are lists
	if FUZZ_SKIP_KNOWN=1 ASAN_OPTIONS=detect_stack_use_after_return=1:strict_string_checks=1 \
	   UBSAN_OPTIONS=print_stacktrace=1 \
	   "$b/fuzz/fuzz_$n" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
	     -max_len="${max:-4096}" -print_final_stats=1 -artifact_prefix="$b/crashes/$n/" \
	     $dict ${FUZZ_ARGS:-} $dirs > "$log" 2>&1; then
		grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" |
			sed 's/^/   /'
		continue
	fi
	status=1
	echo "FAIL fuzz_$n found a problem (whole log: $log)"
	# The report: the log without libFuzzer's progress lines and the
	# shadow-byte legend.
	grep -Ev '^(#[0-9]+[[:space:]]|INFO:|stat::|Loaded |Dictionary:|MS: |base unit:|0x[0-9a-fA-F]+,)' "$log" |
		sed '/^Shadow bytes around/,/^==[0-9]*==ABORTING/d' | tail -80 | sed 's/^/     | /'
	[ "$(ls "$b/crashes/$n" | wc -l)" -gt "$before" ] || continue
	for f in $(ls -t "$b/crashes/$n" | head -1); do
		echo "   input: $b/crashes/$n/$f ($(wc -c < "$b/crashes/$n/$f") bytes); in base64:"
		base64 -w 76 "$b/crashes/$n/$f" | head -300 | sed 's/^/     /'
		echo "   reproduce: base64 -d > x, then $b/fuzz/fuzz_$n x (tests/fuzz/README.md)"
	done
done
exit $status
