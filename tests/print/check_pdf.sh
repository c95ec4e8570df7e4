#!/bin/sh
# check_pdf.sh FILE.pdf EXPECTED.txt
# Checks a PDF made by kitgen's paginator: qpdf finds no damage, every font
# is embedded, and the text of EXPECTED.txt comes back out of the PDF.
# EXPECTED.txt: one phrase a line, each must appear in the text (compared
# with all whitespace removed: pdftotext puts spaces where glyphs sit apart,
# e.g. after a Devanagari virama or between CJK glyphs; soft hyphens and
# bidi marks removed too, see squash below; blank lines and lines starting
# with # are skipped); a line
# "pdfinfo: Key: value" must match pdfinfo's output instead, e.g.
# "pdfinfo: Creator: kitgen".
set -u
pdf=$1
expected=$2
fail=0
say() { echo "check_pdf: $pdf: $*" >&2; fail=1; }

if ! qpdf --check "$pdf" >/dev/null 2>&1; then
	say "qpdf --check reports damage:"
	qpdf --check "$pdf" 2>&1 | tail -5 >&2
fi

# pdffonts: the "emb" column is the third from the right-hand "uni obj gen"
notemb=$(pdffonts "$pdf" 2>/dev/null | awk 'NR > 2 { if ($(NF-4) != "yes") print $1 }')
[ -n "$notemb" ] && say "fonts not embedded: $notemb"
nfonts=$(pdffonts "$pdf" 2>/dev/null | awk 'NR > 2' | wc -l)
[ "$nfonts" -gt 0 ] || say "no fonts at all"

norm() { tr -s '[:space:]' ' '; }
# Also removed: soft hyphens (U+00AD), which pdftotext gives for the hyphen
# drawn where a line breaks inside a hyphenated word ("infor\u00ad" "mation"),
# and the bidi embedding marks (U+202A..U+202E) it puts around runs of
# right-to-left text and the numbers in them. Neither is part of the text.
squash() { LC_ALL=C sed 's/\xc2\xad//g; s/\xe2\x80[\xaa-\xae]//g' | tr -d '[:space:]'; }
text=$(pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | squash)
info=$(pdfinfo "$pdf" 2>/dev/null)
[ -n "$info" ] || say "pdfinfo cannot read it"

while IFS= read -r line || [ -n "$line" ]; do
	case "$line" in
	'' | '#'*) continue ;;
	'pdfinfo: '*)
		want=${line#pdfinfo: }
		key=${want%%:*}
		val=$(printf '%s' "${want#*:}" | norm | sed 's/^ //')
		got=$(printf '%s\n' "$info" | grep "^$key:" | sed "s/^$key: *//" | norm | sed 's/ $//')
		[ "$got" = "$val" ] || say "pdfinfo $key is '$got', expected '$val'"
		;;
	*)
		phrase=$(printf '%s' "$line" | squash)
		case "$text" in
		*"$phrase"*) ;;
		*) say "text not found: $phrase" ;;
		esac
		;;
	esac
done < "$expected"

[ $fail -eq 0 ] && echo "check_pdf: $pdf: ok"
exit $fail
