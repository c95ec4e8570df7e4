#!/bin/sh
# tests/bench/linear.sh KITGEN — part of `make bench`: the inputs of issue
# 18 that once cost their square (repeated and distinct YAML keys, equal
# headings, wide tables, words as long as limits: word_chars allows, in a
# page and in its PDF) are timed at N and at 2N, with the limits raised in
# site.yaml so that they are laid out, not refused. Growth is linear when
# doubling the input about doubles the time above an empty page's; the
# script fails when it more than triples (quadratic growth quadruples it).
# Timing belongs here, never in make test: a loaded machine only slows
# both runs alike.
set -u
KITGEN=${1:-./kitgen}
case $KITGEN in /*) ;; *) KITGEN=$PWD/$KITGEN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# cpu COMMAND...: the CPU seconds (user and system) COMMAND took; CPU, not
# wall time, so that other work on the machine does not show as growth.
cpu() {
	/usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >/dev/null 2>&1
	tail -n 1 "$tmp/time" | awk '{ print $1 + $2 }'
}

# page N GENERATOR: writes the about page with the body GENERATOR N prints.
page() {
	f=$tmp/content/pages/about.en.md
	printf -- '---\ntitle: "About"\nsummary: "About this test site."\n' >"$f"
	"$2" "$1" >>"$f"
}
keys_repeated() { i=0; while [ $i -lt "$1" ]; do echo "x: 1"; i=$((i + 1)); done; printf -- '---\nText.\n'; }
keys_distinct() { echo "extra:"; i=0; while [ $i -lt "$1" ]; do echo "  k$i: 1"; i=$((i + 1)); done; printf -- '---\nText.\n'; }
headings() { printf -- '---\n\n'; i=0; while [ $i -lt "$1" ]; do printf '## a\n\n'; i=$((i + 1)); done; }
table() { printf -- '---\n\n'; i=0; while [ $i -lt "$1" ]; do printf '|a'; i=$((i + 1)); done; echo '|'
	i=0; while [ $i -lt "$1" ]; do printf '|-'; i=$((i + 1)); done; echo '|'
	i=0; while [ $i -lt 200 ]; do echo '|x'; i=$((i + 1)); done; }
words() { printf -- '---\n\n'; w=$(head -c 1000 /dev/zero | tr '\0' 'w')
	i=0; while [ $i -lt "$1" ]; do printf '%s ' "$w"; i=$((i + 1)); done; echo; }

# run NAME N GENERATOR COMMAND...: seconds of COMMAND on the page of size N.
run() {
	page "$2" "$3"
	shift 3
	(cd "$tmp" && cpu "$@")
}

# case NAME N GENERATOR KIND: times empty, N and 2N; checks the growth.
check_case() {
	name=$1 n=$2 gen=$3
	shift 3
	base=$(run "$name" 0 "$gen" "$@")
	a=$(run "$name" "$n" "$gen" "$@")
	b=$(run "$name" $((2 * n)) "$gen" "$@")
	ratio=$(echo "scale=2; ($b - $base) / (($a - $base) + 0.05)" | bc)
	verdict=ok
	[ "$(echo "$ratio > 3" | bc)" -eq 1 ] && verdict=FAIL && status=1
	printf '%-4s %-28s N=%-6s base %6.2f s  N %6.2f s  2N %6.2f s  growth x%s\n' \
		"$verdict" "$name" "$n" "$base" "$a" "$b" "$ratio"
}

cp -R "$root/tests/bad/base/content" "$tmp/content"
printf 'limits:\n  yaml_keys: 100000\n  headings: 100000\n  table_cells: 1000000\n' \
	>>"$tmp/content/site.yaml"
build="$KITGEN check --content content --theme $root/themes/default"
# shellcheck disable=SC2086 # $build is a command and its options
{
	check_case "YAML keys repeated" 20000 keys_repeated $build
	check_case "YAML keys distinct" 40000 keys_distinct $build
	check_case "headings, all equal" 20000 headings $build
	check_case "table columns (200 rows)" 2000 table $build
	check_case "1,000-character words" 2000 words $build
}
# The paginator: N words as long as limits: word_chars allows (1,000
# characters: plain letters, then letters with 30 combining marks each,
# the most limits allow) laid out by printdoc, the paginator alone.
PRINTDOC=${PRINTDOC:-$root/build/printdoc}
doc() { # doc N KIND: the XHTML of N such words
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<html lang="en"><head><title>w</title></head><body><section class="chapter"><h1>Words</h1><p>'
	if [ "$2" = marks ]; then
		c=$(printf 'a'; i=0; while [ $i -lt 30 ]; do printf '\314\201'; i=$((i + 1)); done)
		w=$(i=0; while [ $i -lt 32 ]; do printf '%s' "$c"; i=$((i + 1)); done)
	else
		w=$(head -c 1000 /dev/zero | tr '\0' 'w')
	fi
	i=0; while [ $i -lt "$1" ]; do printf '%s ' "$w"; i=$((i + 1)); done
	printf '</p></section></body></html>\n'
}
run_doc() {
	doc "$1" "$2" >"$tmp/d.xhtml"
	cpu "$PRINTDOC" "$tmp/d.xhtml" "$tmp/d.pdf" --style "$root/themes/default/print/style.yaml" \
		--fonts "$root/fonts/fonts.conf" --cache "$root/build/fontcache"
}
for kind in letters marks; do
	n=200
	[ "$kind" = marks ] && n=50
	base=$(run_doc 0 $kind); a=$(run_doc $n $kind); b=$(run_doc $((2 * n)) $kind)
	ratio=$(echo "scale=2; ($b - $base) / (($a - $base) + 0.05)" | bc)
	verdict=ok
	[ "$(echo "$ratio > 3" | bc)" -eq 1 ] && verdict=FAIL && status=1
	printf '%-4s %-28s N=%-6s base %6.2f s  N %6.2f s  2N %6.2f s  growth x%s\n' \
		"$verdict" "paginator, 1,000-char $kind" "$n" "$base" "$a" "$b" "$ratio"
done
exit $status
