#!/bin/sh
# Bad-input corpus for kitgen: every case must fail cleanly (or, for the
# safe-output cases, succeed with safe pages).
#
#   tests/bad/run.sh [KITGEN [CASE...]]
#
# KITGEN defaults to ./kitgen at the repository root; CASE names limit the run
# to those cases. KEEP=1 keeps the work folder (its path is printed).
#
# For each case tests/bad/cases/NAME/:
#   1. builds tests/bad/base/content into TMP/out (must succeed) and records a
#      checksum of TMP/out/site;
#   2. copies base/content to TMP/content, copies cases/NAME/overlay/ over it,
#      deletes the paths listed in cases/NAME/remove, then runs
#      cases/NAME/setup (sh, in TMP, with CONTENT=content) if present;
#   3. runs, in TMP and under `timeout 20`,
#        KITGEN build --content content --theme THEME --out out [ARGS]
#   4. checks the exit status, the expected strings in stderr, that every
#      `error:` line starts with PATH:LINE:COL (or `kitgen:` for run-wide
#      errors), that a failing build left TMP/out/site byte for byte as it was
#      and no staging folder behind, and that nothing outside TMP/out changed
#      (the catalogue, and a file planted beside it).
# The format of cases/NAME/expect is described in tests/bad/README.md.
#
# Prints `ok NAME` or `FAIL NAME: reason` per case, then `N passed, M failed`;
# exits 1 if M > 0. Cases named in tests/bad/KNOWN_FAILURES count as failed
# unless they now pass (a note says so, so the entry can be removed).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
kitgen=${1:-$root/kitgen}
[ $# -gt 0 ] && shift
case $kitgen in /*) ;; *) kitgen=$(pwd)/$kitgen ;; esac
theme=${KITGEN_THEME:-$root/themes/default}
limit=${KITGEN_TIMEOUT:-20}
known=$here/KNOWN_FAILURES

if [ ! -x "$kitgen" ]; then
	echo "FAIL setup: $kitgen is not an executable (run 'make kitgen')"
	echo "0 passed, 1 failed"
	exit 1
fi

work=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then
	echo "work folder: $work"
else
	trap 'rm -rf "$work"' EXIT
fi

# A private copy: a rebuild while the corpus runs must not change the
# binary under test half way.
cp "$kitgen" "$work/kitgen.bin" || exit 1
kitgen=$work/kitgen.bin

# Newer kitgens find their fontconfig setup with --fonts (default: ./fonts,
# which is not where the cases run).
fonts=
if "$kitgen" --help 2>&1 | grep -q -- '--fonts'; then
	fonts="--fonts $root/fonts"
fi

trap 'exit 130' INT TERM
export NO_COLOR=1 LC_ALL=C.UTF-8

passed=0
failed=0

# checksum DIR: one hash over the sorted list of entries and their contents.
checksum() {
	[ -d "$1" ] || { echo "absent"; return; }
	(
		cd "$1" || exit 1
		find . | LC_ALL=C sort
		find . -type f -exec sha256sum {} + | LC_ALL=C sort -k2
	) | sha256sum | cut -d' ' -f1
}

# is_known NAME: the case is listed in KNOWN_FAILURES.
is_known() {
	[ -f "$known" ] && grep -q "^$1\([[:space:]]\|\$\)" "$known"
}

# run_case NAME: sets $problem (empty when the case behaved as expected).
run_case() {
	name=$1
	dir=$here/cases/$name
	t=$work/$name
	problem=
	mkdir -p "$t"

	# 1. the base catalogue's output, built once before the cases: what
	# must not change.
	cp -a "$work/base/out" "$t/out" || { problem="cannot copy the base output"; return; }

	# 2. the case's catalogue: base + overlay - remove, then setup.
	cp -R "$here/base/content" "$t/content"
	[ -d "$dir/overlay" ] && cp -R "$dir/overlay/." "$t/content/"
	if [ -f "$dir/remove" ]; then
		while IFS= read -r f || [ -n "$f" ]; do
			case $f in '' | '#'*) continue ;; *..*) problem="remove: '$f' climbs out"; return ;; esac
			rm -rf "$t/content/$f"
		done <"$dir/remove"
	fi
	if [ -f "$dir/setup" ] && ! (cd "$t" && CONTENT=content sh "$dir/setup" >setup.log 2>&1); then
		problem="setup failed: $(head -n 3 "$t/setup.log" | tr '\n' ' ')"
		return
	fi

	# Nothing outside out/ may change: the catalogue, and a file planted
	# beside it.
	mkdir -p "$t/outside" && echo precious >"$t/outside/file"
	around=$(checksum "$t/content")$(checksum "$t/outside")

	# 3. the expectations.
	want_exit=1
	args=
	expect=$dir/expect
	if [ -f "$expect" ]; then
		want_exit=$(sed -n 's/^exit:[[:space:]]*//p' "$expect" | tail -n 1)
		[ -n "$want_exit" ] || want_exit=1
		args=$(sed -n 's/^args:[[:space:]]*//p' "$expect" | tail -n 1)
	fi

	# 4. the run. $fonts and $args are split on purpose: they hold options.
	# shellcheck disable=SC2086
	(cd "$t" && exec timeout -k 5 "$limit" "$kitgen" build --content content \
		--theme "$theme" $fonts --out out $args >stdout 2>stderr)
	rc=$?
	err=$t/stderr
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		problem="timed out after ${limit} s (hang?)"
		return
	fi
	if [ "$rc" -gt 128 ]; then
		problem="killed by signal $((rc - 128)) (crash): $(tail -n 2 "$err" | tr '\n' ' ')"
		return
	fi
	if [ "$rc" -ne "$want_exit" ]; then
		problem="exit status $rc, expected $want_exit: $(grep -v '^ ' "$err" | head -n 3 | tr '\n' ' ')"
		return
	fi

	# Every diagnostic line that says error: names FILE:LINE:COL or kitgen.
	bad_line=$(grep -v '^[[:space:]]' "$err" | grep -E '(^|: )error: ' |
		grep -Ev '^[^ :]+:[0-9]+:[0-9]+: error: |^kitgen: error: ' | head -n 1)
	if [ -n "$bad_line" ]; then
		problem="error without file:line:col: $bad_line"
		return
	fi
	if [ "$want_exit" -ne 0 ] && ! grep -Eq '(^|: )(error|warning): ' "$err"; then
		problem="failed without any 'error:' (or, with --strict, 'warning:') line"
		return
	fi

	if [ -f "$expect" ]; then
		while IFS= read -r line || [ -n "$line" ]; do
			case $line in
			'' | '#'* | exit:* | args:*) ;;
			not:*)
				s=${line#not:}; s=${s# }
				if grep -qF -- "$s" "$err"; then problem="stderr holds '$s'"; return; fi ;;
			out-has:*)
				s=${line#out-has:}; s=${s# }
				if ! grep -rqF -- "$s" "$t/out/site" 2>/dev/null; then
					problem="no file in out/site holds '$s'"; return
				fi ;;
			out-not:*)
				s=${line#out-not:}; s=${s# }
				# The theme's own assets (scripts, styles) are not content.
				hit=$(grep -rlF --exclude-dir=assets -- "$s" "$t/out/site" 2>/dev/null | head -n 1)
				if [ -n "$hit" ]; then problem="${hit#"$t"/} holds '$s'"; return; fi ;;
			no-control-chars)
				# Tab, LF and CR aside, no control byte (ESC above all).
				if LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" "$err"; then
					problem="stderr holds control characters (terminal escapes)"; return
				fi ;;
			stderr-max:*)
				s=${line#stderr-max:}; s=${s# }
				size=$(wc -c <"$err")
				if [ "$size" -gt "$s" ]; then problem="stderr is $size bytes (max $s)"; return; fi ;;
			*)
				if ! grep -qF -- "$line" "$err"; then
					problem="stderr lacks '$line': $(grep -v '^ ' "$err" | head -n 3 | tr '\n' ' ')"
					return
				fi ;;
			esac
		done <"$expect"
	fi

	# The output folder: untouched on failure, never a staging folder left.
	left=$(find "$t/out" -mindepth 1 -maxdepth 1 -name 'site?*' | head -n 1)
	if [ -n "$left" ]; then
		problem="left ${left#"$t"/} behind"
		return
	fi
	if [ "$(checksum "$t/content")$(checksum "$t/outside")" != "$around" ]; then
		problem="a file outside out/ changed"
		return
	fi
	if [ "$want_exit" -ne 0 ] && [ "$(checksum "$t/out/site")" != "$before" ]; then
		problem="out/site changed although the build failed"
		return
	fi
}

# The base catalogue builds; its output is copied into each case's folder.
mkdir -p "$work/base"
# shellcheck disable=SC2086 # $fonts is an option and its value
if ! (cd "$work/base" && timeout "$limit" "$kitgen" build --content "$here/base/content" \
    --theme "$theme" $fonts --out out --strict --quiet >base.out 2>base.err); then
	echo "FAIL setup: the base catalogue does not build: $(head -n 3 "$work/base/base.err" | tr '\n' ' ')"
	echo "0 passed, 1 failed"
	exit 1
fi
before=$(checksum "$work/base/out/site")

if [ $# -gt 0 ]; then
	cases=$*
else
	cases=$(cd "$here/cases" && ls)
fi
for name in $cases; do
	if [ ! -d "$here/cases/$name" ]; then
		echo "FAIL $name: no such case"
		failed=$((failed + 1))
		continue
	fi
	run_case "$name"
	if [ -z "$problem" ]; then
		if is_known "$name"; then
			echo "ok $name (note: listed in KNOWN_FAILURES but passes now; remove the entry)"
		else
			echo "ok $name"
		fi
		passed=$((passed + 1))
	else
		if is_known "$name"; then
			echo "FAIL $name: $problem (known failure)"
		else
			echo "FAIL $name: $problem"
		fi
		failed=$((failed + 1))
	fi
	[ -n "${KEEP:-}" ] || rm -rf "${work:?}/$name"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
