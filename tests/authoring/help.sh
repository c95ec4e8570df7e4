#!/bin/sh
# kitgen help and the man page say the same: every command and option of
# main.c's tables is in docs/kitgen.1, `kitgen help COMMAND` prints that
# command's options, and the page is clean roff.
#   sh tests/authoring/help.sh [KITGEN]     (from the repository root)
set -u
KITGEN=$(realpath "${1:-./kitgen}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }

"$KITGEN" help >"$tmp/help" && "$KITGEN" --help | cmp -s - "$tmp/help" &&
	ok "kitgen help = kitgen --help" || fail "kitgen help"
"$KITGEN" help serve >"$tmp/serve" && grep -q '^usage: kitgen serve' "$tmp/serve" &&
	grep -q -- '--port N' "$tmp/serve" && grep -q -- '--allow-remote' "$tmp/serve" &&
	! grep -q -- '--json' "$tmp/serve" && ok "kitgen help serve: its options only" ||
	fail "kitgen help serve"
"$KITGEN" build --help >"$tmp/b" && "$KITGEN" help build | cmp -s - "$tmp/b" &&
	ok "kitgen build --help = kitgen help build" || fail "kitgen build --help"
"$KITGEN" help no-such >/dev/null 2>&1; [ $? = 2 ] && ok "help for an unknown command: status 2" ||
	fail "help no-such"
"$KITGEN" --no-such-option >/dev/null 2>&1; [ $? = 2 ] && ok "unknown option: status 2" ||
	fail "unknown option"
"$KITGEN" --version -j2 >/dev/null 2>&1 && "$KITGEN" --version -jx >/dev/null 2>&1; [ $? = 2 ] &&
	"$KITGEN" --version -j2 -o"$tmp/x" >/dev/null 2>&1 &&
	ok "short options with the value attached (-j2) read as -j 2" || fail "-j2"

# The page: no roff warnings; every command and option of the tables in it.
if command -v groff >/dev/null; then
	groff -man -Tutf8 -ww -z docs/kitgen.1 2>"$tmp/w" && [ ! -s "$tmp/w" ] &&
		ok "docs/kitgen.1 is clean roff" || { fail "roff warnings"; cat "$tmp/w"; }
	MANWIDTH=200 man -l docs/kitgen.1 2>/dev/null >"$tmp/man" || groff -man -Tascii docs/kitgen.1 >"$tmp/man"
	missing=
	for c in $(sed -n '/^commands:/,/^$/s/^  \([a-z0-9]*\) .*/\1/p' "$tmp/help"); do
		grep -Eq "^       $c( |$)" "$tmp/man" || missing="$missing $c"
	done
	for o in $(grep -o -- '--[a-z-]*' "$tmp/help" | sort -u); do
		grep -q -- "$o" "$tmp/man" || missing="$missing $o"
	done
	for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS FILES 'EXIT STATUS' ENVIRONMENT EXAMPLES; do
		grep -q "^$s" "$tmp/man" || missing="$missing [$s]"
	done
	grep -q SOURCE_DATE_EPOCH "$tmp/man" && grep -q NO_COLOR "$tmp/man" || missing="$missing env"
	[ -z "$missing" ] && ok "the man page has every command, option and section" ||
		fail "not in the man page:$missing"
else
	echo "skip man page checks (no groff)"
fi

echo "$fails failed"
[ $fails = 0 ]
