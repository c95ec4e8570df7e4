#!/bin/sh
# make install into a scratch DESTDIR; the installed kitgen, run from
# another folder, finds its theme and fonts under its own prefix and builds
# the repository's catalogue; `man kitgen` reads the installed page;
# make uninstall takes it all back. With KITGEN, that program is installed
# in place of ./kitgen (make test-sanitize installs the sanitized one).
#   sh tests/authoring/install.sh [KITGEN]   (from the repository root)
set -u
repo=$(pwd)
bin=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
fails=0
ok() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
prefix=/opt/kitgen-test
dest=$tmp/dest
root=$dest$prefix

make -s install PREFIX=$prefix DESTDIR="$dest" >"$tmp/log" 2>&1 ||
	{ fail "make install"; cat "$tmp/log"; exit 1; }
if [ -n "$bin" ] && ! cmp -s "$bin" kitgen; then
	install -m 755 "$bin" "$root/bin/kitgen" || { fail "install $bin"; exit 1; }
fi
missing=
for f in bin/kitgen share/kitgen/themes/default/site/page.xsl share/kitgen/themes/default/print/style.yaml \
	share/kitgen/themes/default/i18n/en.yaml share/kitgen/themes/default/assets/style.css \
	share/kitgen/fonts/fonts.conf share/kitgen/fonts/README.md share/man/man1/kitgen.1; do
	[ -f "$root/$f" ] || missing="$missing $f"
done
[ -z "$missing" ] && ok "make install: program, theme, fonts, man page" || fail "not installed:$missing"
[ -x "$root/bin/kitgen" ] && ok "kitgen is executable" || fail "kitgen is not executable"

# From a folder with no themes/ or fonts/: the installed ones are used.
mkdir "$tmp/elsewhere" && cd "$tmp/elsewhere" || exit 1
if "$root/bin/kitgen" build --lang en --content "$repo/content" --out "$tmp/o" -q 2>"$tmp/err" &&
	[ -f "$tmp/o/lang-en/site/en/systems/gis/index.html" ] && [ -f "$tmp/o/lang-en/site/assets/style.css" ] &&
	[ -f "$tmp/o/lang-en/site/pdf/en/flyer-gis.pdf" ]; then
	ok "the installed kitgen builds from another folder"
else
	fail "the installed kitgen does not build from another folder"; cat "$tmp/err"
fi
pdffonts "$tmp/o/lang-en/site/pdf/en/flyer-gis.pdf" 2>/dev/null | grep -q 'Noto' &&
	ok "its PDFs use the private fonts" || fail "PDF fonts: $(pdffonts "$tmp/o/lang-en/site/pdf/en/flyer-gis.pdf" 2>&1 | tail -3)"
"$root/bin/kitgen" help serve | grep -q -- '--allow-remote' && ok "kitgen help serve" ||
	fail "kitgen help serve"
cd "$repo" || exit 1

if command -v man >/dev/null; then
	MANPATH=$root/share/man MANWIDTH=80 man kitgen 2>"$tmp/err" >"$tmp/man" </dev/null &&
		grep -q 'SYNOPSIS' "$tmp/man" && grep -q 'kitgen serve' "$tmp/man" &&
		ok "man kitgen reads the installed page" || { fail "man kitgen"; cat "$tmp/err"; }
else
	echo "skip man (man-db not installed)"
fi

make -s uninstall PREFIX=$prefix DESTDIR="$dest" >"$tmp/log" 2>&1
left=$(find "$dest" -type f | wc -l)
[ "$left" = 0 ] && ok "make uninstall removes every file" || fail "$left files left after uninstall"

echo "$fails failed"
[ $fails = 0 ]
