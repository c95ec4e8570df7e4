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
