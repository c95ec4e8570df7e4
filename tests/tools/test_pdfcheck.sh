#!/bin/sh
# test_pdfcheck.sh GOOD.pdf: pdfcheck passes a PDF kitgen made, and for
# every rule it knows fails a copy broken for that rule, naming the rule
# (tests/tools/pdfcheck_fixtures.py makes the copies).
set -u
good=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
tests/tools/pdfcheck "$good" || { echo "pdfcheck fails the good PDF"; exit 1; }
/usr/bin/python3 tests/tools/pdfcheck_fixtures.py "$good" "$tmp" || exit 1
bad=0 n=0
for rule in $(tests/tools/pdfcheck --rules | cut -d' ' -f1); do
	n=$((n + 1))
	f=$tmp/$rule.pdf
	if [ ! -f "$f" ]; then
		echo "no fixture for rule $rule"; bad=$((bad + 1)); continue
	fi
	if tests/tools/pdfcheck "$f" > "$tmp/out" 2>&1; then
		echo "$rule: pdfcheck passes its fixture"; bad=$((bad + 1))
	elif ! grep -q ": $rule: " "$tmp/out"; then
		echo "$rule: the fixture fails, but not for this rule:"; cat "$tmp/out"
		bad=$((bad + 1))
	fi
done
echo "pdfcheck: the good PDF passes; $((n - bad)) of $n rules fail their fixture"
[ "$bad" -eq 0 ]
