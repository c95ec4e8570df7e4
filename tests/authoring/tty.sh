#!/bin/sh
# What kitgen prints depends on where it goes: colours and the progress bar
# only on a terminal (a pty made by `script`), never into a pipe or file,
# never with NO_COLOR (colour) or --quiet (bar); --verbose lists outputs.
#   sh tests/authoring/tty.sh [KITGEN]     (from the repository root)
set -u
KITGEN=$(realpath "${1:-./kitgen}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
fails=0
ok() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
esc=$(printf '\033')
cr=$(printf '\r')
command -v script >/dev/null || { echo "script (bsdutils) is missing"; exit 1; }
# pty OUTPUT-FILE COMMAND: run under a pseudo-terminal, keep what it showed
pty() { out=$1; shift; script -qec "$*" /dev/null </dev/null >"$out"; }

# --- diagnostics: colour --------------------------------------------------
mkdir -p "$tmp/broken" && cp -r tests/golden/catalogue/content/. "$tmp/broken/"
printf -- '---\ntitle: [unclosed\n---\n' >"$tmp/broken/cities/zz.en.md"
build_broken="'$KITGEN' build --content '$tmp/broken' --out '$tmp/o'"

"$KITGEN" build --content "$tmp/broken" --out "$tmp/o" >"$tmp/out" 2>"$tmp/err"
grep -q 'zz.en.md:3:1: error' "$tmp/err" && ok "diagnostics on stderr" || fail "no diagnostics"
grep -q "$esc" "$tmp/err" "$tmp/out" && fail "colour codes into a file" || ok "no colour into a file"
"$KITGEN" build --content "$tmp/broken" --out "$tmp/o" 2>&1 | cat >"$tmp/pipe"
grep -q "$esc" "$tmp/pipe" && fail "colour codes into a pipe" || ok "no colour into a pipe"

pty "$tmp/tty" "$build_broken"
grep -q "${esc}\[1;31merror" "$tmp/tty" && grep -q 'zz.en.md:3:1: ' "$tmp/tty" &&
	ok "colour on a terminal" || { fail "no colour on a terminal"; od -c "$tmp/tty" | head; }
pty "$tmp/tty" "NO_COLOR=1 $build_broken"
grep -q 'zz.en.md:3:1: error' "$tmp/tty" && ! grep -q "$esc" "$tmp/tty" &&
	ok "NO_COLOR: none on a terminal" || fail "NO_COLOR ignored"

# --- progress -------------------------------------------------------------
# (a catalogue without warnings: --quiet prints problems only, and the test
# catalogue's example domain is one, so it gets a public-looking address)
cp -r tests/bad/base/content "$tmp/quiet" &&
	sed -i 's|^base_url: .*|base_url: https://showcase.kitgen.test.org/|' "$tmp/quiet/site.yaml"
good="--content $tmp/quiet --out $tmp/g"
"$KITGEN" build $good >"$tmp/out" 2>"$tmp/err" || { fail "golden build"; cat "$tmp/err"; }
if grep -q "$cr" "$tmp/err" "$tmp/out" || grep -q '\] [0-9]*/[0-9]' "$tmp/err"; then
	fail "a progress bar into a file"
else
	ok "no progress into a file"
fi
[ "$(wc -l <"$tmp/out")" = 1 ] && grep -q '^kitgen: wrote ' "$tmp/out" &&
	ok "only the summary on stdout" || fail "stdout: $(cat "$tmp/out")"

# A terminal: the bar ends at N/N, then is cleared before the summary.
pty "$tmp/tty" "'$KITGEN' build --force --content '$tmp/quiet' --out '$tmp/g'"
n=$(sed -n 's/.*wrote \([0-9]*\) pages.* and \([0-9]*\) PDFs.*/\1 \2/p' "$tmp/tty" | awk '{ print $1 + $2 }')
if grep -q "${cr}${esc}\[K\[#* *\] [0-9]*/[0-9]* " "$tmp/tty" && grep -q "\] $n/$n " "$tmp/tty"; then
	ok "a progress bar on a terminal, ending at $n/$n"
else
	fail "no progress bar on a terminal"; tr '\r' '\n' <"$tmp/tty" | tail -5
fi
pty "$tmp/tty" "'$KITGEN' build -q --content '$tmp/quiet' --out '$tmp/g'"
[ ! -s "$tmp/tty" ] && ok "--quiet: nothing on a terminal" || fail "--quiet printed: $(cat "$tmp/tty")"

# --verbose: every output, once; into a file too, still without a bar.
"$KITGEN" build -v $good >"$tmp/out" 2>"$tmp/err"
n=$(sed -n 's/.*wrote \([0-9]*\) pages.* and \([0-9]*\) PDFs.*/\1 \2/p' "$tmp/out" | awk '{ print $1 + $2 }')
listed=$(grep -c '^wrote ' "$tmp/out")
dups=$(grep '^wrote ' "$tmp/out" | sort | uniq -d | wc -l)
[ "$listed" = "$n" ] && [ "$dups" = 0 ] && grep -qx 'wrote en/systems/alpha/index.html' "$tmp/out" &&
	grep -q '^wrote pdf/' "$tmp/out" && ! grep -q "$cr" "$tmp/err" &&
	ok "--verbose lists the $n outputs" || fail "--verbose listed $listed of $n ($dups twice)"

echo "$fails failed"
[ $fails = 0 ]
