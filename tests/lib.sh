# tests/lib.sh: what every tests/steps/AREA.sh uses, sourced by tests/run.sh.
# KITGEN and B name the binaries (make test-sanitize sets them, and
# SANITIZED=1, which skips the steps marked `plain`: they only check again,
# with outside tools or the same code on the same input, what the plain run
# checked; tests/sanitize/README.md). $tmp is shared by all areas.
KITGEN=${KITGEN:-./kitgen}
B=${B:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
passed=0 failed=0 skipped=0 known_failures=0

step() { # step NAME COMMAND...: run, keep its output, report with its time
	name=$1; shift
	t0=$(date +%s)
	if "$@" >"$tmp/log" 2>&1; then
		passed=$((passed + 1)); echo "ok   $name ($(($(date +%s) - t0)) s)"
	else
		failed=$((failed + 1)); echo "FAIL $name ($(($(date +%s) - t0)) s)"
		sed 's/^/     | /' "$tmp/log" | tail -40
	fi
}
plain() { # plain NAME COMMAND...: a step of the plain run only
	if [ -n "${SANITIZED:-}" ]; then
		skipped=$((skipped + 1)); echo "skip $1 (plain run only)"
	else
		step "$@"
	fi
}
known() { # known NAME COMMAND...: a bug we know of (git's test_expect_failure):
	# its failure is reported, not counted; once it passes, it is an error
	# until the marker goes (write `step` instead).
	name=$1; shift
	t0=$(date +%s)
	if "$@" >"$tmp/log" 2>&1; then
		failed=$((failed + 1))
		echo "FAIL $name ($(($(date +%s) - t0)) s): a known failure passes now; mark it step"
	else
		known_failures=$((known_failures + 1))
		echo "known failure $name ($(($(date +%s) - t0)) s)"
	fi
}
need_catalogue() { # the real catalogue in $tmp/a, as catalogue.sh builds it
	[ -d "$tmp/a/site" ] || "$KITGEN" build --out "$tmp/a" -q ||
		echo "tests/lib.sh: the catalogue does not build; steps reading it fail"
}
summary() { # the last line: "N passed, M failed" (then what was skipped)
	line="$passed passed, $failed failed"
	[ "$known_failures" -gt 0 ] && line="$line, $known_failures known failures"
	[ "$skipped" -gt 0 ] && line="$line, $skipped skipped (plain run only)"
	echo "$line"
	[ "$failed" -eq 0 ]
}
