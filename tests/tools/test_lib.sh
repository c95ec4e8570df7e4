#!/bin/sh
# tests/lib.sh counts and reports as make test promises: a known failure
# is reported and not counted, and becomes an error once it passes.
set -u
out=$(sh -c '
	. tests/lib.sh
	step "passes" true
	step "fails" false
	known "still broken" false
	known "fixed meanwhile" true
	SANITIZED=1 plain "outside tools" true
	summary' 2>&1)
status=$?
echo "$out"
echo "$out" | grep -Eqx "ok   passes \([0-9]+ s\)" &&
echo "$out" | grep -Eqx "FAIL fails \([0-9]+ s\)" &&
echo "$out" | grep -Eqx "known failure still broken \([0-9]+ s\)" &&
echo "$out" | grep -Eq "^FAIL fixed meanwhile \([0-9]+ s\): a known failure passes now" &&
echo "$out" | grep -qx "skip outside tools (plain run only)" &&
echo "$out" | tail -n 1 | grep -qx "1 passed, 2 failed, 1 known failures, 1 skipped (plain run only)" &&
[ "$status" -ne 0 ]
