#!/bin/sh
# a11y.sh WHAT KITGEN SITE: the accessible-PDF checks of make test
# (tests/run.sh), on the PDFs of a catalogue build in SITE.
#   pdfcheck   every PDF passes tests/tools/pdfcheck (PDF/UA-1 and PDF/A-2
#              rules), and the build has PDFs in every language of site.yaml
#   words      every word of the source text is in the PDF's text as often
#              as in the source: a generated 100-page English report with
#              ligatures, the Korean, Amharic and Nepali (Devanagari) kits
#   flyers     each flyer's two columns read in order; its facts labels
#              are header cells (TH, /Scope /Column)
#   structure  a report's tree: headings in outline order, tables with TH,
#              figures with their alt text
#   split      a paragraph and a table that run on to the next page stay
#              one P and one Table (header once), a row taller than a page
#              one TR: a generated report with two such tables added
#   standard   --pdf-standard none leaves the identification out; an
#              unknown name is refused
set -u
what=$1 KITGEN=${2:-./kitgen} site=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "a11y.sh $what: $*"; exit 1; }
py=/usr/bin/python3
case $what in
pdfcheck)
	langs=$(sed -n 's/^  - {code: \([^,]*\),.*/\1/p' content/site.yaml)
	for l in $langs; do
		ls "$site/pdf/$l/"*.pdf >/dev/null 2>&1 || fail "no PDFs in $l"
	done
	n=$(ls "$site"/pdf/*/*.pdf | wc -l)
	tests/tools/pdfcheck "$site"/pdf/*/*.pdf || fail "pdfcheck failed"
	echo "$n PDFs in $(echo "$langs" | wc -w) languages pass pdfcheck"
	;;
words)
	make -s build/bench/gencorpus >/dev/null || fail "cannot build gencorpus"
	build/bench/gencorpus "$tmp/r" --report 100 >/dev/null || fail "gencorpus failed"
	"$KITGEN" report bench-report --content "$tmp/r" --lang en -o "$tmp/r.pdf" -q ||
		fail "the 100-page report did not build"
	$py tests/print/words.py "$tmp/r.pdf" "$tmp/r/studies/bench-report.en.md" || exit 1
	$py tests/print/words.py "$site/pdf/ko/kit-addis-ababa-2026.pdf" \
		content/kits/addis-ababa-2026.ko.md || exit 1
	$py tests/print/words.py "$site/pdf/am/kit-addis-ababa-2026.pdf" \
		content/kits/addis-ababa-2026.am.md || exit 1
	$py tests/print/words.py "$site/pdf/ne/kit-kathmandu-2026.pdf" \
		content/kits/kathmandu-2026.ne.md || exit 1
	;;
flyers)
	# -raw: the order of the content, which is the structure tree's; the
	# default mode reorders lines by its own guess at the page's geometry
	$py tests/print/flyer_order.py --raw content "$site"/pdf/*/flyer-*.pdf > "$tmp/out" ||
		{ grep -v "in order" "$tmp/out"; fail "a flyer reads out of order"; }
	echo "$(grep -c "in order" "$tmp/out") flyers read column by column"
	$py tests/print/structure.py --facts "$site"/pdf/*/flyer-*.pdf > "$tmp/out" ||
		{ grep -v "column headers" "$tmp/out" | head; fail "facts labels are not TH"; }
	tail -1 "$tmp/out"
	;;
structure)
	for s in maputo-2013 dar-es-salaam-2012; do
		$py tests/print/structure.py "$site/pdf/en/report-$s.pdf" \
			"content/studies/$s.en.md" || exit 1
	done
	;;
split)
	make -s build/bench/gencorpus >/dev/null || fail "cannot build gencorpus"
	build/bench/gencorpus "$tmp/s" --report 30 >/dev/null || fail "gencorpus failed"
	md=$tmp/s/studies/bench-report.en.md
	printf '\n## Offices\n\n| Office | Year | Request |\n|---|---|---|\n' >> "$md"
	for i in $(seq 1 70); do echo "| Office $i | $((2000 + i % 25)) | request number $i |"; done >> "$md"
	# and a row taller than a page: its slices are one TR
	printf '\n## Requests\n\n| Request | Text |\n|---|---|\n| First | short |\n| Second | ' >> "$md"
	for i in $(seq 1 250); do printf 'Request %s was answered by the office. ' "$i"; done >> "$md"
	printf '|\n| Third | short |\n' >> "$md"
	"$KITGEN" report bench-report --content "$tmp/s" --lang en -o "$tmp/s.pdf" -q ||
		fail "the report did not build"
	tests/tools/pdfcheck "$tmp/s.pdf" || fail "pdfcheck failed"
	$py tests/print/structure.py --split "$tmp/s.pdf" "$md" > "$tmp/out" ||
		{ cat "$tmp/out"; exit 1; }
	sed 's/.*; \([0-9]* paragraphs\)/\1/' "$tmp/out"
	;;
standard)
	"$KITGEN" flyer dasan-120 --lang en --pdf-standard none -o "$tmp/none.pdf" -q >/dev/null ||
		fail "--pdf-standard none failed"
	tests/tools/pdfcheck "$tmp/none.pdf" > "$tmp/out" && fail "a PDF of no standard passes"
	grep -q ": xmp-ids: " "$tmp/out" || fail "no standard, yet identified as PDF/UA and PDF/A"
	"$KITGEN" flyer dasan-120 --lang en --pdf-standard pdf/x-4 -o "$tmp/x.pdf" 2>"$tmp/err" &&
		fail "an unknown standard was accepted"
	grep -q "unknown --pdf-standard 'pdf/x-4'" "$tmp/err" || fail "no message for a bad name"
	echo "--pdf-standard none: no identification; unknown names refused"
	;;
*) fail "pdfcheck, words, flyers, structure, split or standard" ;;
esac
