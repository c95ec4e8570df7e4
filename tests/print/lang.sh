#!/bin/sh
# lang.sh hyphen|rtl|paper KITGEN: the language-dependent parts of the
# print path, each a step of `make test` (tests/run.sh).
#   hyphen  a narrow justified English paragraph breaks words at the
#           dictionary's points, draws the hyphens, and pdftotext gives the
#           paragraph back once the broken line ends are joined
#   rtl     the Arabic fixture is set right to left in an Arabic font; a
#           site language without dir is right to left from its code
#   paper   a site whose language is en-US makes Letter PDFs; a language's
#           paper in site.yaml, a study's in its front matter and a size in
#           the theme's style.yaml win in that order; bad names are errors
set -u
what=$1 KITGEN=${2:-./kitgen}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "lang.sh $what: $*"; exit 1; }
size() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1x\2/p'; }
make -s build/printdoc >/dev/null || fail "cannot build build/printdoc"
printdoc() { SOURCE_DATE_EPOCH=0 ./build/printdoc "$@" --fonts fonts/fonts.conf --cache build/fontcache; }

case $what in
hyphen)
	src=tests/print/hyphen/paragraph.txt
	{
		echo '<html lang="en"><head><meta name="page-label" content=""/></head><body><p>'
		cat "$src"
		echo '</p></body></html>'
	} > "$tmp/h.xhtml"
	printdoc "$tmp/h.xhtml" "$tmp/h.pdf" --style tests/print/hyphen/narrow.yaml || fail "printdoc failed"
	pdftotext -enc UTF-8 "$tmp/h.pdf" "$tmp/h.txt" || fail "pdftotext failed"
	# a line broken inside a word ends with the soft hyphen Pango drew as "-"
	broken=$(grep -c "$(printf '\302\255')\$" "$tmp/h.txt")
	[ "$broken" -ge 2 ] || fail "only $broken lines end in a hyphenated word"
	lines=$(grep -c . "$tmp/h.txt")
	# joined where a word was broken, spaces made single: the source again
	got=$(LC_ALL=C sed -z 's/\xc2\xad\n//g' "$tmp/h.txt" | tr -s '[:space:]' ' ' | sed 's/^ //; s/ $//')
	want=$(tr -s '[:space:]' ' ' < "$src" | sed 's/^ //; s/ $//')
	[ "$got" = "$want" ] || fail "text differs from the source:
got:  $got
want: $want"
	echo "$broken of $lines lines end in a hyphenated word; the text comes back whole"
	;;
rtl)
	pdf=$tmp/ar.pdf
	printdoc tests/print/fixtures/arabic-ar.xhtml "$pdf" --style themes/default/print/style.yaml ||
		fail "printdoc failed"
	sh tests/print/check_pdf.sh "$pdf" tests/print/fixtures/arabic-ar.expected || exit 1
	pdffonts "$pdf" | grep -Eq 'Noto(Naskh|Sans)Arabic' || fail "no Arabic font embedded"
	sh tests/print/check_rtl.sh "$pdf" 104.88 || exit 1   # margins: 37 mm (the theme's)
	# the same check refuses a left-to-right document
	printdoc tests/print/fixtures/cyrillic-ru.xhtml "$tmp/ru.pdf" --style themes/default/print/style.yaml
	if sh tests/print/check_rtl.sh "$tmp/ru.pdf" 104.88 >/dev/null 2>&1; then
		fail "check_rtl.sh passes a left-to-right document"
	fi
	"$KITGEN" build -q --content tests/print/rtl-site/content --out "$tmp/rs" 2>/dev/null ||
		fail "the rtl site does not build"
	grep -q '<html lang="ar" dir="rtl">' "$tmp/rs/site/ar/index.html" || fail "ar pages are not dir=rtl"
	grep -q '<html lang="en" dir="ltr">' "$tmp/rs/site/en/index.html" || fail "en pages are not dir=ltr"
	pdffonts "$tmp/rs/site/pdf/ar/flyer-dasan-120.pdf" | grep -q 'NotoSansArabic' ||
		fail "the Arabic flyer has no Arabic font"
	;;
paper)
	site=tests/print/paper-site/content
	"$KITGEN" build -q --content "$site" --out "$tmp/p" 2>/dev/null || fail "the paper site does not build"
	[ "$(size "$tmp/p/site/pdf/en-US/flyer-alpha.pdf")" = 612x792 ] ||
		fail "en-US flyer is $(size "$tmp/p/site/pdf/en-US/flyer-alpha.pdf"), not Letter"
	[ "$(size "$tmp/p/site/pdf/en/flyer-alpha.pdf")" = 612x1008 ] ||
		fail "en flyer is not on the Legal paper its language asks for"
	[ "$(size "$tmp/p/site/pdf/en-US/report-delta-2013.pdf")" = 595.276x841.89 ] ||
		fail "a study's paper: a4 does not win over en-US"
	# a theme that names its size beats the locale, not the front matter
	cp -R themes/default "$tmp/theme"
	sed -i 's/^page:$/page:\n  size: A5/' "$tmp/theme/print/style.yaml"
	"$KITGEN" build -q --content "$site" --theme "$tmp/theme" --out "$tmp/t" 2>/dev/null ||
		fail "the paper site does not build with an A5 theme"
	[ "$(size "$tmp/t/site/pdf/en-US/flyer-alpha.pdf")" = 419.528x595.276 ] ||
		fail "the theme's A5 does not win over en-US: $(size "$tmp/t/site/pdf/en-US/flyer-alpha.pdf")"
	[ "$(size "$tmp/t/site/pdf/en-US/report-delta-2013.pdf")" = 595.276x841.89 ] ||
		fail "the study's a4 does not win over the theme"
	# a language's paper in site.yaml beats the theme too
	[ "$(size "$tmp/t/site/pdf/en/flyer-alpha.pdf")" = 612x1008 ] || fail "language paper lost to the theme"
	# unknown names: errors with their position
	cp -R "$site" "$tmp/bad"
	sed -i 's/paper: legal/paper: b7/' "$tmp/bad/site.yaml"
	! "$KITGEN" build -q --content "$tmp/bad" --out "$tmp/b" 2>"$tmp/err" || fail "paper: b7 accepted"
	grep -q "site.yaml:10:57: error: unknown paper size 'b7' for language 'en'" "$tmp/err" ||
		fail "no positioned error for paper: b7: $(cat "$tmp/err")"
	cp -R "$site" "$tmp/bad2"
	sed -i 's/^paper: a4/paper: B5/' "$tmp/bad2/studies/delta-2013.en-US.md"
	! "$KITGEN" build -q --content "$tmp/bad2" --out "$tmp/b2" 2>"$tmp/err" || fail "paper: B5 accepted"
	grep -q "delta-2013.en-US.md:6:8: error" "$tmp/err" || fail "no positioned error for paper: B5: $(cat "$tmp/err")"
	sed -i 's/^  size: A5/  size: B7/' "$tmp/theme/print/style.yaml"
	! "$KITGEN" build -q --content "$site" --theme "$tmp/theme" --out "$tmp/b3" 2>"$tmp/err" ||
		fail "size: B7 in style.yaml accepted"
	grep -q "style.yaml:[0-9]*:9: error: print style: unknown paper size 'B7'" "$tmp/err" ||
		fail "no positioned error for size: B7: $(cat "$tmp/err")"
	echo "en-US: Letter; language, front matter and theme settings win in order; bad names refused"
	;;
*) fail "hyphen, rtl or paper" ;;
esac
