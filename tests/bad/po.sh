#!/bin/sh
# tests/bad/po.sh [KITGEN]: bad PO files given to `kitgen i18n import`
# (issue 18, findings 7 and 8). Each must fail with its message at
# FILE:LINE:COL and exit 1, and leave the theme's i18n/ folder, the
# catalogue and a file beside them byte for byte as they were: a failed
# import changes nothing. The inputs are written here with printf, since
# they hold bytes (0xFF, ESC, NUL) that must not be committed as files.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
kitgen=${1:-$root/kitgen}
case $kitgen in /*) ;; *) kitgen=$(pwd)/$kitgen ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 LC_ALL=C.UTF-8
passed=0 failed=0

sum() { (cd "$work" && find theme/i18n content outside -type f -exec sha256sum {} + | LC_ALL=C sort | sha256sum); }

# check NAME EXPECTED: imports $work/NAME.po into English.
check() {
	before=$(sum)
	(cd "$work" && timeout 20 "$kitgen" i18n import en "$1.po" --content content \
		--theme theme >out 2>err)
	rc=$?
	problem=
	if [ "$rc" -ne 1 ]; then
		problem="exit status $rc, expected 1"
	elif ! grep -qF -- "$2" "$work/err"; then
		problem="stderr lacks '$2': $(head -n 2 "$work/err" | tr '\n' ' ')"
	elif LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" "$work/err"; then
		problem="stderr holds control characters"
	elif [ "$(sum)" != "$before" ]; then
		problem="the theme, the catalogue or a file beside them changed"
	fi
	if [ -z "$problem" ]; then
		echo "ok $1"; passed=$((passed + 1))
	else
		echo "FAIL $1: $problem"; failed=$((failed + 1))
	fi
}

cp -R "$here/base/content" "$work/content"
cp -R "$root/themes/default" "$work/theme"
mkdir -p "$work/outside" && echo precious >"$work/outside/file"
entry() { printf 'msgctxt "nav.systems"\nmsgid "Systems"\nmsgstr "%s"\n' "$1"; }

# Finding 7: an invalid byte made libyaml fail to initialise an event that
# was emitted anyway (use after free, garbage in en.yaml or a hang).
entry "$(printf 'Ho\377me')" >"$work/invalid-byte.po"
check invalid-byte "invalid-byte.po:3:8: error: msgstr holds the byte 0xFF, which is not UTF-8"
# Finding 8: ESC and U+FFFE were written into en.yaml, which no build
# could read again.
entry "$(printf 'A\033[2Jb')" >"$work/escape.po"
check escape "escape.po:3:8: error: msgstr holds control character 0x1B"
entry "$(printf 'A\357\277\276b')" >"$work/noncharacter.po"
check noncharacter "noncharacter.po:3:8: error: msgstr holds U+FFFE, which no page can hold"
# A NUL would end the text and drop every entry after it unseen.
{ entry 'Visible'; printf '\000\n'; entry 'Hidden'; } >"$work/nul.po"
check nul "nul.po:4:1: error: the file holds a NUL byte"
# A key with an empty name ("nav..x") makes a YAML key "" no theme reads.
printf 'msgctxt "nav..x"\nmsgid "X"\nmsgstr "Y"\n' >"$work/empty-name.po"
check empty-name "empty-name.po:1:9: error: msgctxt \"nav..x\" is not a key"
# One bad entry among good ones: nothing is written, not even the good.
{ entry 'Fine'; printf '\nmsgctxt "nav.home"\nmsgid "Home"\nmsgstr "\001"\n'; } >"$work/one-bad.po"
check one-bad "one-bad.po:7:8: error: msgstr holds control character 0x01"
# The control character in a key, printed escaped.
printf 'msgctxt "nav.\033]0;pwned\007"\nmsgid "X"\nmsgstr "Y"\n' >"$work/escape-key.po"
check escape-key "msgctxt holds control character 0x1B"

# A PO file of one entry (a translator sends back what changed) or of none
# (only obsolete #~ entries): the strings it does not name stay. Import
# used to replace en.yaml with the PO's entries alone, exit 0: 233
# strings became 1, or none. An empty msgstr still removes its string.
partial() {
	rm -rf "$work/p" && mkdir "$work/p" && cp -R "$root/themes/default" "$work/p/theme" &&
	(cd "$work" && timeout 20 "$kitgen" i18n import en "$1.po" --content content \
		--theme p/theme >out 2>err)
	rc=$?
	problem=
	y=$work/p/theme/i18n/en.yaml
	if [ "$rc" -ne 0 ]; then
		problem="exit status $rc, expected 0: $(head -n 2 "$work/err" | tr '\n' ' ')"
	elif ! grep -q "^  home: Home\$" "$y" || ! grep -q "^  skip: Skip to content\$" "$y"; then
		problem="strings the PO file does not name were lost"
	elif [ -n "$2" ] && ! grep -q "$2" "$y"; then
		problem="en.yaml lacks '$2'"
	elif [ -n "$3" ] && grep -q "$3" "$y"; then
		problem="en.yaml still holds '$3'"
	fi
	if [ -z "$problem" ]; then
		echo "ok $1"; passed=$((passed + 1))
	else
		echo "FAIL $1: $problem"; failed=$((failed + 1))
	fi
}
entry 'Sys' >"$work/one-entry.po"
partial one-entry "^  systems: Sys\$" "^  systems: Systems\$"
printf '#~ msgctxt "nav.systems"\n#~ msgid "Systems"\n#~ msgstr "Old"\n' >"$work/obsolete-only.po"
partial obsolete-only "^  systems: Systems\$" "Old"
entry '' >"$work/cleared.po"
partial cleared "^  systems: Systems Seoul shares\$" "^  systems: Systems\$"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
