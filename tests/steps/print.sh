# tests/steps/print.sh: the PDFs: print checks, the paginator, languages and scripts, one document on demand.
# Sourced by tests/run.sh (tests/lib.sh: step, plain, known, need_catalogue).
need_catalogue # $tmp/a: the real catalogue, built by catalogue.sh

# Every PDF of the build: no damage, fonts embedded, its text comes back.
plain "every PDF passes the print checks" sh tests/check_pdfs.sh "$tmp/a/site" content

# What the reader of the documents checks (tests/print/documents.sh):
# flyers one page and full, nothing internal printed, the QR code,
# diagrams in the reader's language, numbers.
plain "flyers are one page and 85 % full, offline and online" \
	sh tests/print/documents.sh flyers "$KITGEN" "$tmp/a/site"
plain "PDFs print no front matter, tool name or example domain" \
	sh tests/print/documents.sh internal "$KITGEN" "$tmp/a/site"
step "flyer QR code reads as the system's address; none offline" \
	sh tests/print/documents.sh qr "$KITGEN"
plain "diagrams drawn in the reader's language, no English label in ko/am/ne/zh-Hant" \
	sh tests/print/documents.sh diagrams "$KITGEN" "$tmp/a/site"
step "numbers as the document's language writes them, one numeral system" \
	sh tests/print/documents.sh numbers "$KITGEN" "$tmp/a/site"

# Pagination by design and figures (tests/print/pages.sh): full pages
# but before a major part, no alt text in brackets, pictures drawn.
plain "no page under 40 % full but covers, the last and before a part" \
	sh tests/print/pages.sh fill "$KITGEN" "$tmp/a/site"
plain "no alt text printed in brackets" sh tests/print/pages.sh alt "$KITGEN" "$tmp/a/site"
step "Markdown pictures print (PNG embedded, SVG drawn), as on the web; a damaged one is an error" \
	sh tests/print/pages.sh figures "$KITGEN" "$tmp/a/site"

# The paragraph engine, measured from every PDF of the catalogue
# (tests/print/paragraph.sh): lines on one baseline grid, hyphenation.
plain "every PDF: justified text on one baseline grid, at most 2 hyphenated lines in a row" \
	sh tests/print/paragraph.sh both "$tmp"/a/site/pdf/*/*.pdf

# Accessible PDFs (PDF/UA-1 and PDF/A-2a): the checker passes every PDF
# and fails a broken copy for each of its rules; the text, the flyers'
# reading order and a report's structure tree are what a reader needs.
plain "PDF/UA-1 and PDF/A-2 checks pass every PDF, 15 languages" \
	sh tests/print/a11y.sh pdfcheck "$KITGEN" "$tmp/a/site"
plain "pdfcheck fails a fixture for each rule" \
	sh tests/tools/test_pdfcheck.sh "$tmp/a/site/pdf/en/kit-maputo-2026.pdf"
step "PDF text: every source word comes back (100-page report, ko, am, ne kits)" \
	sh tests/print/a11y.sh words "$KITGEN" "$tmp/a/site"
plain "flyers: the columns read in order" sh tests/print/a11y.sh flyers "$KITGEN" "$tmp/a/site"
plain "report structure tree: headings, tables with TH, figures with alt text" \
	sh tests/print/a11y.sh structure "$KITGEN" "$tmp/a/site"
plain "a paragraph and a table across pages stay one P and one Table" \
	sh tests/print/a11y.sh split "$KITGEN"
step "--pdf-standard none and unknown names" sh tests/print/a11y.sh standard "$KITGEN"

# The paginator alone: its unit tests (test_paginate, test_flow) and fixture documents in six scripts
# (make test-sanitize runs them with its own binaries).
plain "paginator tests and script fixtures" make -s print-test

# Every partner city in its own language and script: hyphenation with the
# language's dictionary, right to left (Arabic), paper by locale or setting.
step "print: justified text hyphenated, text comes back" sh tests/print/lang.sh hyphen "$KITGEN"
step "print: Arabic right to left, site dir=rtl" sh tests/print/lang.sh rtl "$KITGEN"
step "print: paper by locale, language, front matter, theme" sh tests/print/lang.sh paper "$KITGEN"

# One document on demand, where -o says.
one() {
	"$KITGEN" report maputo-2013 --lang en -o "$tmp/r.pdf" > "$tmp/path" &&
	grep -qx "$tmp/r.pdf" "$tmp/path" &&
	pdfinfo "$tmp/r.pdf" | grep -q '^Title: *Maputo e-government feasibility study (2013)$' &&
	! "$KITGEN" kit no-such-kit --lang en -o "$tmp/x.pdf" 2>/dev/null && [ ! -e "$tmp/x.pdf" ] &&
	# The Maputo kit presents what the Maputo diagnosis recommends.
	"$KITGEN" kit maputo-2026 --lang en -o "$tmp/k.pdf" >/dev/null &&
	pdftotext "$tmp/k.pdf" - | LC_ALL=C sed -z 's/\xc2\xad\n//g' | tr -s ' \n' ' ' > "$tmp/k.txt" &&
	grep -q 'Citizen Inconvenience Reporting' "$tmp/k.txt" &&
	grep -q '120 Dasan Call Center' "$tmp/k.txt" &&
	# A diagnosis file is printed in its own language (the catalogue's
	# default language is Korean).
	"$KITGEN" diagnose content/diagnostics/maputo-2013.en.md -o "$tmp/d.pdf" >/dev/null 2>&1 &&
	pdftotext -l 1 "$tmp/d.pdf" - | grep -q 'Diagnostic report'
}
step "kit/report/flyer/diagnose commands write one PDF, a diagnosis file in its language" one
