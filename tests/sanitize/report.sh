#!/bin/sh
# tests/sanitize/report.sh DIR: the sanitizer reports written under DIR
# (ASAN_OPTIONS/UBSAN_OPTIONS log_path=DIR/asan, DIR/ubsan: one file per
# process that found something). Processes that found the same thing (same
# kind of error, same frames in kitgen's code) are printed once, with a
# count. Fails when there is any report.
set -u
dir=$1
n=0
sigs=$(mktemp)
trap 'rm -f "$sigs"' EXIT
for f in "$dir"/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	# The error line without the pid, and the kitgen frames (function and
	# file:line), are what makes two reports the same.
	sig=$(sed -n 's/^==[0-9]*==ERROR: //p; s/.* runtime error: /runtime error: /p;
	              s/^ *#[0-9]* 0x[0-9a-f]* in \([^ ]*\) [^ ]*\/\(generator\/[^ ]*\|tests\/[^ ]*\)$/\1 \2/p' "$f" |
		md5sum | cut -c1-12)
	echo "$sig $f" >> "$sigs"
done
if [ "$n" -eq 0 ]; then
	echo "sanitizers: no reports"
	exit 0
fi
for sig in $(cut -d' ' -f1 "$sigs" | sort | uniq); do
	files=$(grep "^$sig " "$sigs" | cut -d' ' -f2)
	first=$(echo "$files" | head -1)
	count=$(echo "$files" | wc -l)
	echo "---- $first ($count process(es) reported the same)"
	# The report without the shadow-byte legend and build ids.
	sed '/^Shadow bytes around the buggy address:/,/^==[0-9]*==ABORTING/d;
	     s/ (BuildId: [0-9a-f]*)//' "$first" | head -100
done
echo "sanitizers: $n report(s) in $dir, $(cut -d' ' -f1 "$sigs" | sort -u | wc -l) different"
exit 1
