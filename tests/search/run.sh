#!/bin/sh
# tests/search/run.sh KITGEN SITE: search in the browser (tests/browser/
# search-test.js), over HTTP and from file://.
#  1. The fixture catalogue (tests/search/catalogue, seven scripts), built
#     here: each query of fixture.tsv finds its page first, and without
#     JavaScript the search page lists every page.
#     The same catalogue as an offline copy (kitgen build --zip), unpacked
#     and opened from file://: the same queries, and from index.html the
#     header's search field; two ZIPs of the same site are the same bytes.
#  2. SITE, the real catalogue already built: the queries of real.tsv, and
#     no query fetches more than 100 KB (the script, manifest, chunks and
#     result fragments, from the browser's resource timings).
# Needs node and Debian's chromium, with tests/browser's npm packages
# (installed here as tests/site-gates/run.sh does).
set -u
KITGEN=${1:-./kitgen}
site=${2:-out/site}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v node >/dev/null 2>&1 || { echo "node is not installed"; exit 1; }
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing"; exit 1; }
nm=tests/browser/node_modules
if [ ! -d $nm/playwright-core ]; then
	(cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund) \
		>"$tmp/npm.log" 2>&1 || { cat "$tmp/npm.log"; exit 1; }
fi
"$KITGEN" build -q --content tests/search/catalogue/content --out "$tmp/fixture" --zip "$tmp/copy.zip" || exit 1
ok=0
timeout 900 node tests/browser/search-test.js --site "$tmp/fixture/site" --cases tests/search/fixture.tsv || ok=1
mkdir "$tmp/unzip" "$tmp/again" && (cd "$tmp/unzip" && unzip -q ../copy.zip) || exit 1
timeout 900 node tests/browser/search-test.js --site "$tmp/unzip/copy" --cases tests/search/fixture.tsv --offline || ok=1
"$KITGEN" build -q --content tests/search/catalogue/content --out "$tmp/fixture" --zip "$tmp/again/copy.zip" &&
	cmp "$tmp/copy.zip" "$tmp/again/copy.zip" && echo "ok   two ZIPs of the same site are byte-identical" ||
	{ echo "FAIL the ZIP differs between two builds"; ok=1; }
timeout 900 node tests/browser/search-test.js --site "$site" --cases tests/search/real.tsv --max-bytes 100000 || ok=1
exit $ok
