#!/bin/sh
# documents.sh WHAT KITGEN [SITE]: what a reader of the printed documents
# checks, each a step of `make test` (tests/run.sh). SITE is a build of
# the real catalogue (its base_url is a reserved example domain).
#   flyers    every flyer the catalogue builds is one page and at least
#             85 % of its text area holds content (build/inkfill on the
#             page drawn by pdftoppm), with the site offline (SITE) and
#             online (a copy of the catalogue with a public base_url)
#   internal  no PDF of SITE prints front-matter syntax, the tool's name
#             or the example domain; the build warned once about it
#   qr        online, a flyer's QR code reads back as its system's web
#             address (zbarimg); offline, a flyer has neither
#   diagrams  a system's diagram is drawn from its front matter in every
#             language: a ko, am, ne or zh-Hant flyer holds its own
#             language's labels as text, and no ko/am/ne/zh-Hant PDF holds
#             an English label (one none of its texts uses); the
#             web page's diagram is the language's too
#   numbers   a diagnostic report in Portuguese writes its scores 22,5;
#             Nepali documents use one numeral system (no Devanagari
#             digit beside the text's Latin ones)
set -u
what=$1 KITGEN=${2:-./kitgen} site=${3:-}
B=${B:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "documents.sh $what: $*"; exit 1; }

# A copy of the catalogue as it would be published (the address is only
# ever used inside this test).
online() {
	cp -r content "$tmp/c" &&
	sed -i 's|^base_url: .*|base_url: https://showcase.seoul.go.kr/|' "$tmp/c/site.yaml"
}

# fill PDF: the page's filled share of the A4 text area (margins 27 and
# 25 mm); a blank run up to 12 mm, about three lines, is the grid's space.
fill() { pdftoppm -gray -r 36 -f 1 -l 1 "$1" | "$B/inkfill" 27 25 12; }

check_flyers() { # check_flyers DIR: every flyer under DIR
	n=0
	for f in "$1"/pdf/*/flyer-*.pdf; do
		[ -e "$f" ] || fail "no flyers under $1"
		p=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
		[ "$p" = 1 ] || fail "$f has $p pages"
		v=$(fill "$f")
		awk -v v="$v" 'BEGIN { exit !(v >= 85) }' || fail "$f is $v % full (85 % or more)"
		n=$((n + 1))
	done
	echo "$n flyers in $1: one page, 85 % full or more"
}

case $what in
flyers)
	[ -x "$B/inkfill" ] || fail "build $B/inkfill first (make test does)"
	check_flyers "$site"
	online && "$KITGEN" build --only pdf --content "$tmp/c" --out "$tmp/o" -q ||
		fail "the online catalogue did not build"
	check_flyers "$tmp/o/site"
	;;
internal)
	bad=0
	for f in "$site"/pdf/*/*.pdf; do
		pdftotext -enc UTF-8 "$f" - > "$tmp/t" || fail "pdftotext $f"
		if grep -Eiq 'sample: *true|kitgen|example\.(org|com|net)' "$tmp/t"; then
			echo "$f: $(grep -Eio 'sample: *true|kitgen|example\.(org|com|net)' "$tmp/t" | head -n 1)"
			bad=$((bad + 1))
		fi
	done
	[ "$bad" -eq 0 ] || fail "$bad PDFs print internal text"
	"$KITGEN" flyer cio --lang en -o "$tmp/f.pdf" 2> "$tmp/err" >/dev/null || fail "flyer cio"
	grep -q "warning: base_url 'https://showcase.example.org/' is not a public address" "$tmp/err" ||
		fail "no warning about the example domain: $(cat "$tmp/err")"
	;;
qr)
	command -v zbarimg >/dev/null || fail "zbarimg (zbar-tools) is missing"
	online || fail "copy"
	"$KITGEN" flyer dasan-120 --lang ko --content "$tmp/c" -o "$tmp/on.pdf" 2> "$tmp/err" >/dev/null ||
		fail "flyer dasan-120: $(cat "$tmp/err")"
	! grep -q "warning:" "$tmp/err" || fail "a public base_url warned: $(cat "$tmp/err")"
	pdftoppm -r 150 -png "$tmp/on.pdf" "$tmp/on"
	got=$(zbarimg -q --raw "$tmp"/on-1.png 2>/dev/null)
	[ "$got" = "https://showcase.seoul.go.kr/ko/systems/dasan-120/" ] ||
		fail "the QR code reads '$got'"
	pdftotext "$tmp/on.pdf" - | grep -q 'showcase.seoul.go.kr/ko/systems/dasan-120/' ||
		fail "the address is not printed"
	# offline: no code, no address
	"$KITGEN" flyer dasan-120 --lang ko -o "$tmp/off.pdf" 2>/dev/null >/dev/null || fail "offline flyer"
	pdftoppm -r 150 -png "$tmp/off.pdf" "$tmp/off"
	[ -z "$(zbarimg -q --raw "$tmp"/off-1.png 2>/dev/null)" ] || fail "an offline flyer has a QR code"
	! pdftotext "$tmp/off.pdf" - | grep -q 'https://' || fail "an offline flyer prints an address"
	echo "QR code: $got"
	;;
diagrams)
	# the diagram's words of a page: title, note, each step's label and detail
	words() {
		sed -n '/^---$/,/^---$/p' "$1" |
		sed -n 's/^diagram_\(title\|note\): *//p; s/^  - {label: \(.*\), detail: \(.*\)}$/\1\n\2/p' |
		sed 's/^"\(.*\)"$/\1/'
	}
	n=0
	for lang in ko am ne zh-Hant; do
		for page in content/systems/*/index.$lang.md; do
			grep -q '^diagram_steps:' "$page" || continue
			slug=$(basename "$(dirname "$page")")
			pdf=$site/pdf/$lang/flyer-$slug.pdf
			svg=$site/media/diagrams/$slug.$lang.svg
			[ -f "$pdf" ] && [ -f "$svg" ] || fail "no flyer or diagram for $slug in $lang"
			pdftotext -enc UTF-8 "$pdf" - | tr -s ' \n' '  ' > "$tmp/t"
			words "$page" > "$tmp/own"
			words "content/systems/$slug/index.en.md" > "$tmp/en"
			while IFS= read -r w; do
				grep -qF -- "$w" "$tmp/t" || fail "$pdf lacks its diagram's '$w'"
				grep -qF -- ">$w<" "$svg" || fail "$svg lacks '$w'"
			done < "$tmp/own"
			n=$((n + 1))
			# English words the language's own texts never use
			: > "$tmp/foreign"
			while IFS= read -r w; do
				grep -rqF --include="*.$lang.md" -- "$w" content || echo "$w" >> "$tmp/foreign"
			done < "$tmp/en"
			for f in "$site"/pdf/$lang/*.pdf; do
				pdftotext -enc UTF-8 "$f" - | tr -s ' \n' '  ' > "$tmp/d"
				while IFS= read -r w; do
					! grep -qwF -- "$w" "$tmp/d" || fail "$f prints the English diagram label '$w'"
				done < "$tmp/foreign"
			done
		done
	done
	[ "$n" -ge 8 ] || fail "only $n diagrams checked"
	echo "$n diagrams in ko, am, ne and zh-Hant: their own labels, no English one"
	;;
numbers)
	"$KITGEN" diagnose maputo-2013 --lang pt -o "$tmp/pt.pdf" 2>/dev/null >/dev/null || fail "diagnose pt"
	pdftotext "$tmp/pt.pdf" "$tmp/pt.txt"
	grep -Eq '^[0-9]+,[0-9]$' "$tmp/pt.txt" || fail "no score written 22,5 in Portuguese"
	! grep -Eq '^[0-9]+\.[0-9]$' "$tmp/pt.txt" || fail "a score written 22.5 in Portuguese: $(grep -E '^[0-9]+\.[0-9]$' "$tmp/pt.txt" | head -n 3)"
	n=0
	for f in "$site"/pdf/ne/*.pdf; do
		pdftotext -enc UTF-8 "$f" "$tmp/ne.txt"
		! grep -q '[०१२३४५६७८९]' "$tmp/ne.txt" || fail "$f mixes Devanagari digits: $(grep -o '[०१२३४५६७८९]\+' "$tmp/ne.txt" | head -n 3)"
		grep -q '[0-9]' "$tmp/ne.txt" || fail "$f has no digits at all"
		n=$((n + 1))
	done
	echo "pt scores with a decimal comma; $n Nepali documents in Latin digits"
	;;
*)
	fail "unknown check"
	;;
esac
