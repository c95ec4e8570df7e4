#!/bin/sh
# tests/sanitize/print-test.sh BUILD: what `make print-test` runs (the
# paginator's unit tests, then every fixture document rendered and checked),
# with BUILD/print/test_paginate and BUILD/print/printdoc — the sanitized
# binaries of `make test-sanitize`. Run from the top of the tree.
set -eu
b=$1
"$b"/print/test_paginate
mkdir -p "$b"/test-print
for x in tests/print/fixtures/*.xhtml; do
	f=$(basename "$x" .xhtml)
	SOURCE_DATE_EPOCH=0 "$b"/print/printdoc "$x" "$b/test-print/$f.pdf" \
		--style themes/default/print/style.yaml --fonts fonts/fonts.conf \
		--cache "$b"/fontcache
	sh tests/print/check_pdf.sh "$b/test-print/$f.pdf" tests/print/fixtures/"$f".expected
done
