# tests/steps/incremental.sh: incremental builds equal full builds and remake only what changed.
# Sourced by tests/run.sh (tests/lib.sh: step, plain, known, need_catalogue).

# An incremental build (outputs reused from the cache) gives exactly what a
# full build gives, and makes again only what the change touches.
incremental() {
	cp -r content "$tmp/inc" &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q &&
	sed -i 's/^summary: .*/summary: "An edited summary."/' "$tmp/inc/systems/cio/index.en.md" &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" > "$tmp/inc.log" &&
	grep -Eq '\([0-9]+ made, [1-9][0-9]* unchanged' "$tmp/inc.log" &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/f" --force -q &&
	diff -rq "$tmp/i/site" "$tmp/f/site" &&
	grep -q 'An edited summary.' "$tmp/i/site/en/systems/index.html"
}
step "incremental build equals a full build" incremental

# Editing one page's text remakes that page (in every language that falls
# back to it), the lists and the PDFs that quote it: not the whole site.
incremental_body() {
	echo "One more sentence for the incremental test." >> "$tmp/inc/systems/cio/index.en.md" &&
	echo "A study's extra sentence." >> "$tmp/inc/studies/maputo-2013.en.md" &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" > "$tmp/inc2.log" &&
	made=$(sed -n 's/.*(\([0-9]*\) made, \([0-9]*\) unchanged.*/\1/p' "$tmp/inc2.log") &&
	kept=$(sed -n 's/.*(\([0-9]*\) made, \([0-9]*\) unchanged.*/\2/p' "$tmp/inc2.log") &&
	test -n "$made" && test "$((made * 4))" -lt "$kept" &&
	rm -rf "$tmp/f" && "$KITGEN" build --content "$tmp/inc" --out "$tmp/f" --force -q &&
	diff -rq "$tmp/i/site" "$tmp/f/site" &&
	grep -q 'One more sentence' "$tmp/i/site/en/systems/cio/index.html"
}
step "incremental build after a text edit remakes only what reads it" incremental_body

# Checks skipped for unchanged pages come back when what they read changes:
# deleting a study breaks the links of pages that did not change.
incremental_check() {
	mkdir -p "$tmp/gone" && mv "$tmp/inc/studies/buenos-aires-2012".* "$tmp/gone/" &&
	! "$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q 2>"$tmp/inc3.err" &&
	grep -q "cities/buenos-aires.en.md:[0-9]*:[0-9]*: error: link .*no study 'buenos-aires-2012'" "$tmp/inc3.err" &&
	mv "$tmp/gone/"* "$tmp/inc/studies/" &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q
}
step "incremental build re-checks unchanged pages when a link target goes" incremental_check

# The next build starts from the site before last (OUT/.cache/site-spare),
# with its files that no key vouches for removed: in a site a full build
# made, only copies of media and theme assets; in one an --only build
# made, anything (every folder is searched). Either way the result equals
# a full build: an image no page uses any more leaves the site, and a
# file without a key in a recycled --only site never reaches a later one.
incremental_spare() {
	media=$tmp/i/site/media/diagrams/dasan-120.en.svg &&
	test -f "$media" &&
	sed -i '/^image:/d; /^image_alt:/d; /^diagram_/d; /^  - {label:/d' "$tmp/inc/systems/dasan-120/"index.*.md &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q &&
	test ! -e "$media" &&
	"$KITGEN" build --only pdf --content "$tmp/inc" --out "$tmp/i" -q &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q &&
	spare=$tmp/i/.cache/site-spare &&
	test -d "$spare/en/systems/cio" &&
	for d in . en en/systems en/systems/cio pdf media; do
		echo stray > "$spare/$d/stray.txt" || return 1
	done &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q &&
	test -z "$(find "$tmp/i/site" -name stray.txt)" &&
	rm -rf "$tmp/f" && "$KITGEN" build --content "$tmp/inc" --out "$tmp/f" --force -q &&
	diff -rq "$tmp/i/site" "$tmp/f/site"
}
step "incremental build: nothing unkeyed comes back from the recycled site" incremental_spare

# A file the live site holds under the same key as the recycled site's
# (made again by a build that stopped half-way, or replaced by hand) is
# linked from the live site: the next builds keep that one file instead of
# swapping two copies under its name on every build.
same_key_copy() {
	pdf=$tmp/i/site/pdf/en/flyer-cio.pdf &&
	cp "$pdf" "$tmp/copy.pdf" && mv "$tmp/copy.pdf" "$pdf" &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q &&
	first=$(stat -c %i "$pdf") &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q &&
	test "$(stat -c %i "$pdf")" = "$first" &&
	"$KITGEN" build --content "$tmp/inc" --out "$tmp/i" -q &&
	test "$(stat -c %i "$pdf")" = "$first" &&
	test "$(stat -c %h "$pdf")" = 2 # the live site and the recycled one share it
}
step "incremental build: a file made again under the same key is kept, not swapped each build" same_key_copy

# The themes read UI strings (kg:s) besides the page document, so every
# output's key covers them: a new fallback chain for de in site.yaml
# remakes its flyer, whose document (every text given in de) is the same.
chain_site() { # chain_site FALLBACK: the golden site.yaml, with de texts
	cat > "$tmp/chain/site.yaml" <<EOF
title: {ko: 골든 카탈로그, en: Golden Catalogue, de: Goldener Katalog}
description: {ko: 테스트용 작은 카탈로그, en: A small catalogue for tests, de: Ein kleiner Katalog}
organisation: {ko: 테스트 기관, en: Test Office, de: Testamt}
base_url: https://golden.example.org/
default_language: ko
languages:
  - {code: ko, name: 한국어, dir: ltr, fallback: [en]}
  - {code: en, name: English, dir: ltr, fallback: [ko]}
  - {code: de, name: Deutsch, dir: ltr, fallback: [$1]}
fields:
  - id: services
    name: {ko: 서비스, en: Services, de: Dienste}
  - id: admin
    name: {ko: 행정, en: Administration, de: Verwaltung}
EOF
}
strings_key() {
	cp -r tests/golden/catalogue/content "$tmp/chain" && chain_site en &&
	"$KITGEN" build --content "$tmp/chain" --out "$tmp/c" -q &&
	pdftotext "$tmp/c/site/pdf/de/flyer-alpha.pdf" - | grep -q 'Contacts' &&
	chain_site ko &&
	"$KITGEN" build --content "$tmp/chain" --out "$tmp/c" -q &&
	pdftotext "$tmp/c/site/pdf/de/flyer-alpha.pdf" - | grep -q '연락처' &&
	"$KITGEN" build --content "$tmp/chain" --out "$tmp/cf" --force -q &&
	diff -rq "$tmp/c/site" "$tmp/cf/site"
}
step "incremental build follows a language's new fallback chain for UI strings" strings_key

# Every front-matter key of every page of the golden catalogue, changed one
# at a time: the incremental build remakes every output whose bytes the
# change alters (none goes stale; the report is in the step's log) ...
fm_keys() {
	sh tests/incremental/fm_keys.sh "$KITGEN" "$tmp/fm_keys.txt"; status=$?
	cat "$tmp/fm_keys.txt"; return $status
}
# (45 builds: the plain run only; under sanitizers the incremental steps
# above run the same code.)
plain "incremental build remakes every output that shows a changed front-matter key" fm_keys
# ... and only those: each output's key is made from what it read
# (docs/outputs.md), and the theme declares what its pages show of their
# items (docs/theme.md).
fm_keys_exact() {
	grep -q ' changes, 0 stale outputs$' "$tmp/fm_keys.txt" &&
		! grep -B1 '^  extra: ' "$tmp/fm_keys.txt"
}
[ -n "${SANITIZED:-}" ] ||
	step "incremental build remakes only the outputs that show a changed front-matter key" fm_keys_exact
