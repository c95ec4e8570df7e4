#!/bin/sh
# tests/sanitize/report.sh DIR: prints every sanitizer report written under
# DIR (ASAN_OPTIONS/UBSAN_OPTIONS log_path=DIR/asan, DIR/ubsan: one file per
# process that found something) and fails when there is any.
set -u
dir=$1
n=0
for f in "$dir"/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	echo "---- $f"
	# The report, without the long list of shadow-byte legends.
	sed '/^Shadow bytes around the buggy address:/,/^==[0-9]*==ABORTING/d' "$f" | head -80
done
if [ "$n" -gt 0 ]; then
	echo "sanitizers: $n report(s) in $dir"
	exit 1
fi
echo "sanitizers: no reports"
