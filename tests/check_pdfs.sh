#!/bin/sh
# check_pdfs.sh SITE CONTENT: every PDF a build made passes the print checks
# (tests/print/check_pdf.sh): no damage, every font embedded, and the source
# text comes back out — the title as metadata, and the Markdown headings of
# the page it was made from in the text.
set -u
site=$1 content=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 bad=0
for pdf in "$site"/pdf/*/*.pdf; do
	[ -e "$pdf" ] || { echo "no PDFs under $site/pdf"; exit 1; }
	lang=$(basename "$(dirname "$pdf")")
	name=$(basename "$pdf" .pdf)
	kind=${name%%-*} slug=${name#*-}
	case $kind in
	kit) src=$content/kits/$slug.$lang.md ;;
	report) src=$content/studies/$slug.$lang.md ;;
	flyer) src=$content/systems/$slug/index.$lang.md ;;
	diagnostic) src=$content/diagnostics/$slug.$lang.md ;;
	*) echo "$pdf: unknown kind of document"; bad=$((bad + 1)); continue ;;
	esac
	# Front matter title (quotes removed), then the body's ## headings; a
	# flyer carries only its first section.
	title=$(sed -n '2,/^---$/s/^title: *//p' "$src" | sed 's/^"\(.*\)"$/\1/')
	{
		echo "pdfinfo: Title: $title"
		echo "pdfinfo: Creator: kitgen"
		sed -n '/^---$/,$p' "$src" | sed -n 's/^## //p' |
			sed 's/\[\([^]]*\)\]([^)]*)/\1/g; s/[*_`]//g' |
			if [ "$kind" = flyer ]; then head -n 1; else cat; fi
	} > "$tmp/expected"
	n=$((n + 1))
	sh tests/print/check_pdf.sh "$pdf" "$tmp/expected" || bad=$((bad + 1))
done
echo "check_pdfs: $n PDFs, $bad with problems"
[ "$bad" -eq 0 ]
