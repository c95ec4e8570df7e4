#!/bin/sh
# make test: every suite, one line each, then "N passed, M failed".
# Run from the repository root after `make kitgen` and the test binaries.
# `make test-sanitize` runs it again with KITGEN and B naming the sanitized
# build and SANITIZED=1, which skips the steps marked `plain`: they only
# check again, with outside tools or the same code on the same input, what
# the plain run checked (tests/sanitize/README.md).
set -u
KITGEN=${KITGEN:-./kitgen}
B=${B:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
passed=0 failed=0 skipped=0

step() { # step NAME COMMAND...: run, keep its output, report with its time
	name=$1; shift
	t0=$(date +%s)
	if "$@" >"$tmp/log" 2>&1; then
		passed=$((passed + 1)); echo "ok   $name ($(($(date +%s) - t0)) s)"
	else
		failed=$((failed + 1)); echo "FAIL $name ($(($(date +%s) - t0)) s)"
		sed 's/^/     | /' "$tmp/log" | tail -40
	fi
}
plain() { # plain NAME COMMAND...: a step of the plain run only
	if [ -n "${SANITIZED:-}" ]; then
		skipped=$((skipped + 1)); echo "skip $1 (plain run only)"
	else
		step "$@"
	fi
}

# Unit tests (cmocka), one suite per module.
for t in "$B"/tests/test_*; do
	[ -x "$t" ] && step "unit $(basename "$t")" "$t"
done

step "sitecheck fixtures" sh tests/tools/test_sitecheck.sh "$B/sitecheck"

# Golden: a fixture catalogue must give exactly the committed pages (PDFs
# and the theme's copied assets are checked elsewhere).
golden() {
	"$KITGEN" build --content tests/golden/catalogue/content --out "$tmp/golden" -q &&
	diff -rq -x pdf -x assets tests/golden/catalogue/expected "$tmp/golden/site"
}
step "golden catalogue" golden

# Reader text in en and ko states facts and cites them: it never speaks of
# "the article" or "the catalogue" (fixture: tests/content-lint/bad).
step "content lint: no 'the article' or 'the catalogue' in reader text" sh tests/content-lint/check.sh content

# The real catalogue builds without warnings, every page is well-formed
# HTML and every link, anchor, image and alternate resolves.
base=$(sed -n 's/^base_url: *//p' content/site.yaml)
real() {
	# Partner-language documents are draft translations: they are warned
	# about (errors with --strict); nothing else may be.
	"$KITGEN" build --out "$tmp/a" -q 2>"$tmp/real.err" &&
	! grep -v "documents are unfinished\|= hint: have the translations reviewed" "$tmp/real.err" | grep . &&
	! "$KITGEN" check --strict -q >/dev/null 2>&1 &&
	"$B/sitecheck" --base-url "$base" --max-weight 150 "$tmp/a/site"
}
step "catalogue builds and checks clean" real

# Every PDF of the build: no damage, fonts embedded, its text comes back.
plain "every PDF passes the print checks" sh tests/check_pdfs.sh "$tmp/a/site" content

# Flyers are one page, for the table at a meeting.
flyers() {
	for f in "$tmp/a/site"/pdf/*/flyer-*.pdf; do
		p=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
		[ "$p" = 1 ] || { echo "$f has $p pages"; return 1; }
	done
}
plain "flyers fit on one page" flyers

# The paginator alone: its unit tests and fixture documents in six scripts
# (make test-sanitize runs them with its own binaries).
plain "paginator tests and script fixtures" make -s print-test

# Every partner city in its own language and script: hyphenation with the
# language's dictionary, right to left (Arabic), paper by locale or setting.
step "print: justified text hyphenated, text comes back" sh tests/print/lang.sh hyphen "$KITGEN"
step "print: Arabic right to left, site dir=rtl" sh tests/print/lang.sh rtl "$KITGEN"
step "print: paper by locale, language, front matter, theme" sh tests/print/lang.sh paper "$KITGEN"

# Same inputs, same bytes (under sanitizers, the build in another time zone
# below makes the same code run again).
twice() {
	"$KITGEN" build --out "$tmp/b" -q && diff -rq "$tmp/a/site" "$tmp/b/site"
}
plain "two builds are byte-identical" twice

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
	media=$tmp/i/site/media/systems/dasan-120/flow.svg &&
	test -f "$media" &&
	sed -i '/^image:/d; /^image_alt:/d' "$tmp/inc/systems/dasan-120/"index.*.md &&
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
	pdftotext "$tmp/c/site/pdf/de/flyer-alpha.pdf" - | grep -q 'Read more' &&
	chain_site ko &&
	"$KITGEN" build --content "$tmp/chain" --out "$tmp/c" -q &&
	pdftotext "$tmp/c/site/pdf/de/flyer-alpha.pdf" - | grep -q '더 보기' &&
	"$KITGEN" build --content "$tmp/chain" --out "$tmp/cf" --force -q &&
	diff -rq "$tmp/c/site" "$tmp/cf/site"
}
step "incremental build follows a language's new fallback chain for UI strings" strings_key

# A failed build leaves the previous output exactly as it was.
keep() {
	cp -R "$tmp/a/site" "$tmp/before" &&
	cp -r content "$tmp/broken" &&
	printf -- '---\ntitle: [unclosed\n---\n' > "$tmp/broken/cities/zz.en.md" &&
	if "$KITGEN" build --content "$tmp/broken" --out "$tmp/a" -q 2>"$tmp/err"; then
		echo "build of broken content succeeded"; return 1
	fi
	grep -q 'cities/zz.en.md:3:1: error: .*flow sequence that starts at line 2, column 8' "$tmp/err" &&
	diff -rq "$tmp/a/site" "$tmp/before"
}
step "failed build keeps previous out/" keep

# A file saved while a build runs (after it was read, before its page is
# made): the build stops with a clear error instead of mixing the two
# texts, out/ stays as it was, and the next build has the new text.
edited_during() {
	${CC:-cc} -shared -fPIC -o "$tmp/edit_at.so" tests/interrupt/edit_at.c -ldl &&
	rm -rf "$tmp/ed" && cp -r tests/golden/catalogue/content "$tmp/ed" &&
	"$KITGEN" build -q --content "$tmp/ed" --out "$tmp/ed-out" 2>/dev/null &&
	cp -R "$tmp/ed-out/site" "$tmp/ed-before" &&
	page=$tmp/ed/systems/alpha/index.en.md &&
	if env LD_PRELOAD="$tmp/edit_at.so" KG_EDIT_FILE="$page" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		"$KITGEN" build -q --force --content "$tmp/ed" --out "$tmp/ed-out" 2>"$tmp/err"; then
		echo "the build did not notice the edit"; return 1
	fi
	cat "$tmp/err" &&
	grep -q "systems/alpha/index.en.md.*error: the file changed while kitgen was building" "$tmp/err" &&
	grep -q "build again when the file is saved" "$tmp/err" &&
	diff -rq "$tmp/ed-before" "$tmp/ed-out/site" &&
	"$KITGEN" build -q --content "$tmp/ed" --out "$tmp/ed-out" &&
	grep -q "A sentence saved while kitgen was building." "$tmp/ed-out/site/en/systems/alpha/index.html"
}
step "a file saved during a build: clear error, out/ kept, next build has it" edited_during

# kitgen check prints the coverage table with the real counts.
coverage() {
	"$KITGEN" check --content tests/golden/catalogue/content > "$tmp/cov" 2>/dev/null &&
	grep -Eq '^systems +1/2 +2/2 +1/2\+1$' "$tmp/cov" &&
	grep -Eq '^studies +0/1 +1/1 +0/1$' "$tmp/cov" &&
	"$KITGEN" check --translations --content tests/golden/catalogue/content > "$tmp/tr" 2>&1 &&
	# a table per kind: translated, draft, fallback, outdated; then which
	grep -Eq '^  de +0 +1 +1 +1$' "$tmp/tr" &&
	grep -Eq '^  outdated de: systems/alpha/index.de.md \(updated 2025-12-01\); systems/alpha/index.en.md is newer \(updated 2026-01-03\)$' "$tmp/tr" &&
	grep -Eq '^  fallback ko: gamma-2013$' "$tmp/tr" &&
	# the verdict after the report, even with both streams on one pipe
	tail -n 1 "$tmp/tr" | grep -q '^kitgen: 0 errors' &&
	"$KITGEN" check --translations --json --content tests/golden/catalogue/content 2>/dev/null |
		python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["systems"]["de"]["outdated"][0]["newer"] == "systems/alpha/index.en.md"; assert d["studies"]["ko"]["fallback_pages"] == ["gamma-2013"]' &&
	# kits count against the languages of their city, not all fifteen
	"$KITGEN" check > "$tmp/real" 2>/dev/null &&
	grep -Eq '^kits +13/13 +13/13 +1/1 ' "$tmp/real"
}
step "check: translation coverage, missing and outdated" coverage

# UI strings go out to translators as PO and come back unchanged; a broken
# PO file is refused with its position.
po() {
	cp -r themes "$tmp/themes" &&
	"$KITGEN" i18n export ko -o "$tmp/ko.po" >/dev/null &&
	grep -q '^msgctxt "nav.systems"$' "$tmp/ko.po" &&
	"$KITGEN" i18n import ko "$tmp/ko.po" --theme "$tmp/themes/default" >/dev/null &&
	"$KITGEN" i18n export ko --theme "$tmp/themes/default" | diff - "$tmp/ko.po" &&
	printf 'msgctxt "a"\nmsgid "A"\nmsgstr oops\n' > "$tmp/bad.po" &&
	! "$KITGEN" i18n import ko "$tmp/bad.po" --theme "$tmp/themes/default" 2>"$tmp/err" &&
	grep -q 'bad.po:3:8: error: not a PO line' "$tmp/err"
}
step "i18n: PO export and import round-trip" po

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
	grep -q '120 Dasan Call Center' "$tmp/k.txt"
}
step "kit/report/flyer commands write one PDF" one

# The self-assessment page scores in the browser exactly as kitgen does.
step "browser scorer agrees with kitgen diagnose" sh tests/diagnose/run.sh "$KITGEN"

# Authoring: kitgen serve (HTTP, live reload, errors in the browser),
# kitgen new, what a terminal sees, help and man page, make install.
step "authoring: serve answers, reloads, shows errors" sh tests/authoring/serve.sh "$KITGEN"
step "authoring: new pages of every kind build --strict" sh tests/authoring/new.sh "$KITGEN"
step "authoring: colour and progress only on a terminal" sh tests/authoring/tty.sh "$KITGEN"
step "authoring: help and the man page agree" sh tests/authoring/help.sh "$KITGEN"
step "authoring: the day before a visit (one document, --lang, --strict, messages, list)" sh tests/authoring/workday.sh "$KITGEN"
step "authoring: installed kitgen works from anywhere" sh tests/authoring/install.sh "$KITGEN"

# Same inputs, same bytes on any machine: another time zone (UTC+14, a
# different date most of the day) and another language for libc, GLib and
# ICU's default locale than the build above.
elsewhere() {
	env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LC_NUMERIC -u LC_TIME TZ=Pacific/Kiritimati \
		LANG=tr_TR.UTF-8 LANGUAGE=tr:ko "$KITGEN" build --out "$tmp/tz" -q &&
	diff -rq "$tmp/a/site" "$tmp/tz/site"
}
step "builds in another time zone and language are byte-identical" elsewhere

# Ctrl-C or a kill at any moment of a build leaves out/site whole, and the
# next build cleans up after it.
step "interrupted builds leave out/site whole" sh tests/interrupt/run.sh "$KITGEN"

# Search in the browser, served over HTTP and opened from file://: a
# query in each script finds its page first (the fixture catalogue and the
# real one), one query fetches at most 100 KB, no JavaScript lists pages.
plain "search: every script, HTTP and file://, 100 KB a query" sh tests/search/run.sh "$KITGEN" "$tmp/a/site"

# Website quality gates on the catalogue built above: key pages in ko, en
# and am in headless Chromium at phone and desktop width (no console error,
# no failed or outside request, the language switcher, screenshots in
# out/screenshots), axe-core, the Nu HTML Checker on every page, sitecheck.
plain "site gates: browser, axe-core, Nu HTML Checker, links" sh tests/site-gates/run.sh "$tmp/a/site"

if [ -x tests/bad/run.sh ]; then
	step "bad-input corpus" sh tests/bad/run.sh "$KITGEN"
fi

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped (plain run only)"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
