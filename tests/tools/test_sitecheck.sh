#!/bin/sh
# Runs sitecheck over the fixture sites in tests/tools/fixtures/.
#
#   tests/tools/test_sitecheck.sh [PATH-TO-SITECHECK]
#
# Without an argument, sitecheck is built from sitecheck.c into a temp dir.
# Each fixture CASE/ holds a site/ to check and, as data:
#   args             extra options (default: --base-url https://example.org/)
#   expected-stderr  lines that must each appear in stderr, one per error;
#                    stderr must hold exactly that many lines
#   expected-stdout  lines that must each appear in stdout (optional)
# good* cases must exit 0, bad* cases 1. Prints one line per case, then
# "N passed, M failed"; exits 1 if any case failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
fixtures=$here/fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ $# -ge 1 ]; then
	sitecheck=$1
else
	sitecheck=$tmp/sitecheck
	# shellcheck disable=SC2046 # pkg-config output is meant to split
	if ! ${CC:-gcc} -std=gnu11 -Wall -Wextra -Werror -O2 -o "$sitecheck" \
	    "$here/sitecheck.c" $(pkg-config --cflags --libs libxml-2.0 glib-2.0); then
		echo "FAIL build"
		echo "0 passed, 1 failed"
		exit 1
	fi
fi

passed=0
failed=0

# report NAME PROBLEM: PROBLEM empty means the case passed.
report() {
	if [ -z "$2" ]; then
		echo "ok   $1"
		passed=$((passed + 1))
	else
		echo "FAIL $1: $2"
		failed=$((failed + 1))
	fi
}

# missing LISTFILE OUTPUTFILE: prints the first listed line not in the output.
missing() {
	[ -f "$1" ] || return 0
	while IFS= read -r want; do
		[ -n "$want" ] || continue
		if ! grep -qF -- "$want" "$2"; then
			printf '%s' "$want"
			return 0
		fi
	done < "$1"
}

for dir in "$fixtures"/*/; do
	dir=${dir%/}
	name=${dir##*/}
	case $name in
	good*) want_rc=0 ;;
	*) want_rc=1 ;;
	esac
	args="--base-url https://example.org/"
	[ -f "$dir/args" ] && args="$args $(cat "$dir/args")"

	# shellcheck disable=SC2086 # args is a list of options
	"$sitecheck" $args "$dir/site" >"$tmp/out" 2>"$tmp/err"
	rc=$?

	problem=
	want_lines=0
	[ -f "$dir/expected-stderr" ] && want_lines=$(grep -c . "$dir/expected-stderr")
	got_lines=$(grep -c . "$tmp/err")
	if [ "$rc" -ne "$want_rc" ]; then
		problem="exit $rc, expected $want_rc"
	elif m=$(missing "$dir/expected-stderr" "$tmp/err") && [ -n "$m" ]; then
		problem="stderr lacks: $m"
	elif m=$(missing "$dir/expected-stdout" "$tmp/out") && [ -n "$m" ]; then
		problem="stdout lacks: $m"
	elif [ "$got_lines" -ne "$want_lines" ]; then
		problem="$got_lines stderr lines, expected $want_lines"
	elif ! grep -q "^sitecheck: [0-9]* pages, [0-9]* links checked, [0-9]* errors$" "$tmp/out"; then
		problem="no summary line"
	fi
	if [ -n "$problem" ]; then
		sed 's/^/    | /' "$tmp/err" "$tmp/out"
	fi
	report "$name" "$problem"
done

# Usage errors are not site errors: exit 2.
usage_case() {
	name=$1
	shift
	"$sitecheck" "$@" >"$tmp/out" 2>&1
	rc=$?
	if [ "$rc" -eq 2 ]; then
		report "$name" ""
	else
		report "$name" "exit $rc, expected 2"
	fi
}
usage_case usage-no-dir
usage_case usage-missing-dir "$tmp/does-not-exist"
usage_case usage-bad-weight --max-weight lots "$fixtures/good/site"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
