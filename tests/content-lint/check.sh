#!/bin/sh
# make test step: the real content passes the lint, and the fixture fails
# it with exactly the expected FILE:LINE:COL lines (so the lint can fail).
set -u
here=$(dirname "$0")
perl "$here/lint.pl" "${1:-content}" || exit 1
if perl "$here/lint.pl" "$here/bad" 2>"${TMPDIR:-/tmp}/lint.$$"; then
	echo "the lint passed its failing fixture"; rm -f "${TMPDIR:-/tmp}/lint.$$"; exit 1
fi
got=$(sed -n 's/^[^:]*:\([0-9]*:[0-9]*\): .*/\1/p' "${TMPDIR:-/tmp}/lint.$$" | tr '\n' ' ')
rm -f "${TMPDIR:-/tmp}/lint.$$"
want='8:1 9:6 8:1 8:5 '
[ "$got" = "$want" ] || { echo "fixture hits: got '$got', want '$want'"; exit 1; }
