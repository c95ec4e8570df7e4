#!/bin/sh
# pages.sh WHAT KITGEN [SITE]: pagination and figures as the reader of the
# printed documents sees them, each a step of `make test` (tests/run.sh).
# SITE is a build of the real catalogue.
#   fill     no page of any PDF of SITE (flyers have their own check) is
#            less than 40 % full, but covers, the last page and the page
#            before a major part or a cover (tests/print/pagefill.py says
#            how it is measured)
#   alt      no PDF of SITE prints an image's alt text in brackets (what
#            a picture the paginator could not place came out as)
#   figures  Markdown pictures print: in a copy of the catalogue the
#            English Maputo report gets a PNG beside its SVG figure; the
#            PNG is embedded on the page of its caption (pdfimages), the
#            SVG's shapes are drawn as paths (the report draws at least
#            one path operator per shape of the SVG more than without the
#            figure), the site's page shows the same picture, and a
#            damaged picture is an error naming file:line:col
set -u
what=$1 KITGEN=${2:-./kitgen} site=${3:-}
B=${B:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "pages.sh $what: $*"; exit 1; }

# ops PDF: path construction operators in its pages (tests/print/pathops.py)
ops() { python3 tests/print/pathops.py "$1"; }

# a w x h PNG, grey, from the standard library alone
png() {
	python3 - "$1" "$2" "$3" <<'EOF'
import struct, sys, zlib
path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
rows = b"".join(b"\0" + bytes((x * 255 // w) for x in range(w)) for y in range(h))
open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                       + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
EOF
}

case $what in
fill)
	[ -x "$B/inkfill" ] || fail "build $B/inkfill first (make test does)"
	set --
	for f in "$site"/pdf/*/*.pdf; do
		case $f in */flyer-*) continue ;; esac
		set -- "$@" "$f"
	done
	[ $# -gt 0 ] || fail "no PDFs under $site"
	python3 tests/print/pagefill.py "$B/inkfill" 40 "$@" || fail "pages below 40 %"
	;;
alt)
	# every alt text the catalogue gives a picture
	{
		grep -rhoE '!\[[^]]{8,}\]\(' content | sed 's/^!\[//; s/\]($//'
		grep -rh '^image_alt:' content | sed 's/^image_alt: *//; s/^"\(.*\)"$/\1/'
	} | cut -c1-40 | sed 's/^/[/' | sort -u > "$tmp/alts"
	[ -s "$tmp/alts" ] || fail "no alt texts found in content"
	n=0
	for f in "$site"/pdf/*/*.pdf; do
		pdftotext -enc UTF-8 "$f" - | tr -s ' \n' '  ' > "$tmp/t"
		if grep -qF -f "$tmp/alts" "$tmp/t"; then
			fail "$f prints alt text in brackets: $(grep -oF -f "$tmp/alts" "$tmp/t" | head -n 1)"
		fi
		n=$((n + 1))
	done
	echo "$n PDFs, $(wc -l < "$tmp/alts") alt texts: none printed in brackets"
	;;
figures)
	cp -r content "$tmp/c" || fail "copy"
	md=$tmp/c/studies/maputo-2013.en.md
	svg=maputo-2013-waste-reports.svg
	grep -q "($svg)" "$md" || fail "the English Maputo report has no figure"
	png "$tmp/c/studies/maputo-2013-photo.png" 240 120
	sed -i "s|^\(!\[.*\]($svg)\)\$|\1\n\n![A grey test picture for the print check](maputo-2013-photo.png)|" "$md"
	grep -q 'maputo-2013-photo.png' "$md" || fail "could not add the PNG"
	"$KITGEN" report maputo-2013 --lang en --content "$tmp/c" -o "$tmp/r.pdf" \
		>/dev/null 2>"$tmp/err" || fail "report: $(cat "$tmp/err")"
	pdftotext -enc UTF-8 "$tmp/r.pdf" - | tr -s ' \n' '  ' > "$tmp/t"
	! grep -qF '[A grey test picture' "$tmp/t" || fail "the PNG's alt text is printed"
	grep -qF 'Figure 2. A grey test picture' "$tmp/t" || fail "no caption for the PNG"
	# the picture on the page of its caption
	page=0 p=1 n=$(pdfinfo "$tmp/r.pdf" | awk '/^Pages:/ {print $2}')
	while [ "$p" -le "$n" ]; do
		pdftotext -f "$p" -l "$p" "$tmp/r.pdf" - | grep -q 'Figure 2\.' && page=$p
		p=$((p + 1))
	done
	[ "$page" -gt 0 ] || fail "caption not found"
	pdfimages -list "$tmp/r.pdf" | awk -v p="$page" '$1 == p && $4 == 240 && $5 == 120' |
		grep -q . || fail "the 240 x 120 PNG is not on page $page: $(pdfimages -list "$tmp/r.pdf")"
	# the SVG's shapes, drawn: compare with the report without its figures
	with=$(ops "$tmp/r.pdf")
	sed -i '/^!\[/d' "$md"
	"$KITGEN" report maputo-2013 --lang en --content "$tmp/c" -o "$tmp/n.pdf" \
		>/dev/null 2>&1 || fail "report without figures"
	without=$(ops "$tmp/n.pdf")
	shapes=$(grep -cE '<(rect|line|polygon|polyline|path|circle)' "content/studies/$svg")
	[ $((with - without)) -ge "$shapes" ] ||
		fail "the SVG adds $((with - without)) path operators for $shapes shapes"
	# the web page shows the same picture
	if [ -n "$site" ]; then
		html=$(grep -rl "$svg" "$site"/en --include=index.html | head -n 1)
		[ -n "$html" ] || fail "no English page of $site shows $svg"
		grep -q "<img[^>]*$svg" "$html" || fail "$html names $svg but shows no img"
	fi
	# a damaged picture: an error at its place in the Markdown
	printf '\211PNG\r\n\032\nnot a picture' > "$tmp/c/studies/maputo-2013-photo.png"
	printf '\n![A damaged picture](maputo-2013-photo.png)\n' >> "$md"
	line=$(grep -n 'A damaged picture' "$md" | cut -d: -f1)
	if "$KITGEN" report maputo-2013 --lang en --content "$tmp/c" -o "$tmp/d.pdf" \
		>/dev/null 2>"$tmp/err"; then
		fail "a damaged picture built"
	fi
	grep -q "maputo-2013.en.md:$line:1: error: .*damaged picture" "$tmp/err" ||
		fail "no error at maputo-2013.en.md:$line:1: $(cat "$tmp/err")"
	echo "PNG on page $page, SVG drawn ($((with - without)) path operators for $shapes shapes), damaged picture at line $line"
	;;
*)
	fail "unknown check"
	;;
esac
