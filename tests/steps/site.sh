# tests/steps/site.sh: the website in a browser: the self-assessment scorer, quality gates.
# Sourced by tests/run.sh (tests/lib.sh: step, plain, known, need_catalogue).
need_catalogue # $tmp/a: the real catalogue, built by catalogue.sh

# The self-assessment page scores in the browser exactly as kitgen does
# (plain run only: fuzz_diagnose and the unit tests run the scorer sanitized).
plain "browser scorer agrees with kitgen diagnose" sh tests/diagnose/run.sh "$KITGEN"

# Search in the browser, served over HTTP and opened from file://: a
# query in each script finds its page first (the fixture catalogue and the
# real one), one query fetches at most 100 KB, no JavaScript lists pages.
plain "search: every script, HTTP and file://, 100 KB a query" sh tests/search/run.sh "$KITGEN" "$tmp/a/site"

# Website quality gates on the catalogue built above: key pages in ko, en
# and am in headless Chromium at phone and desktop width (no console error,
# no failed or outside request, the language switcher, screenshots in
# out/screenshots), axe-core, the Nu HTML Checker on every page, sitecheck.
plain "site gates: browser, axe-core, Nu HTML Checker, links" sh tests/site-gates/run.sh "$tmp/a/site"

# A catalogue larger than a list page: the theme's sizes (site/settings.xml)
# cut the systems list into pages of 48 with a way between them, the home
# page into 24 a kind with a link to the whole list (the search page: 100,
# without its "every page" line), the feed to the 50
# newest; the sitemap names every page, and pages that a smaller catalogue
# no longer fills leave the site at the next build.
paging() {
	c=$tmp/paging && rm -rf "$c" && cp -r tests/golden/catalogue/content "$c" &&
	for i in $(seq 1 100); do
		d=$c/systems/s$(printf %03d "$i") && mkdir -p "$d" &&
		printf -- '---\ntitle: System %03d\nsummary: A system for the paging test.\nfield: services\nupdated: 2026-02-%02d\n---\nText.\n' \
			"$i" $((1 + i % 28)) > "$d/index.en.md" || return 1
	done &&
	"$KITGEN" build -q --only site --content "$c" --out "$tmp/po" 2>/dev/null &&
	s=$tmp/po/site/en/systems &&
	test "$(grep -o 'class="card"' "$s/index.html" | wc -l)" = 48 &&
	grep -q 'rel="next" href="[./]*en/systems/page/2/"' "$s/index.html" &&
	grep -q '<span aria-current="page">Page 1 of 3</span>' "$s/index.html" &&
	test "$(grep -o 'class="card"' "$s/page/2/index.html" | wc -l)" = 48 &&
	test "$(grep -o 'class="card"' "$s/page/3/index.html" | wc -l)" = 6 &&
	grep -q 'rel="prev" href="[./]*en/systems/page/2/"' "$s/page/3/index.html" &&
	! grep -q 'rel="next"' "$s/page/3/index.html" &&
	grep -q '<title>Systems (Page 3 of 3)' "$s/page/3/index.html" &&
	test ! -e "$s/page/4" &&
	grep -q 'See all 102' "$tmp/po/site/en/index.html" &&
	grep -q 'See all 102' "$tmp/po/site/en/search/index.html" &&
	! grep -q 'Every page of the catalogue' "$tmp/po/site/en/search/index.html" &&
	test "$(grep -c '<entry>' "$tmp/po/site/en/feed.xml")" = 50 &&
	grep -q '/en/systems/page/3/</loc>' "$tmp/po/site/sitemap.xml" &&
	rm -rf "$c"/systems/s0[0-9]* "$c"/systems/s100 &&
	"$KITGEN" build -q --only site --content "$c" --out "$tmp/po" 2>/dev/null &&
	test ! -e "$s/page/2" && ! grep -q 'rel="next"' "$s/index.html" &&
	grep -q 'Every page of the catalogue' "$tmp/po/site/en/search/index.html" &&
	"$KITGEN" build -q --only site --force --content "$c" --out "$tmp/pf" 2>/dev/null &&
	diff -rq "$tmp/po/site" "$tmp/pf/site"
}
step "site: long lists in pages, home and feed bounded, stale pages removed" paging
