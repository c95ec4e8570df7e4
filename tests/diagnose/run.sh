#!/bin/sh
# tests/diagnose/run.sh [KITGEN]: the browser scorer (themes/default/assets/
# diagnose.js) against the C scorer. For each fixture in
# tests/diagnose/fixtures, `KITGEN diagnose FIXTURE --json` and the browser
# scorer in headless Chromium must print the same JSON; then the form on the
# self-assessment page is filled, scored and downloaded, and kitgen must
# score the downloaded file the same. One line per check, then
# "N passed, M failed"; exit status 1 on any failure.
#
# Needs node (>= 20) and Debian's chromium (installed with apt when missing
# and run as root); playwright-core comes from tests/browser/package-lock.json
# and downloads no browser. SITE=DIR tests an already built site instead of
# building one (it must be built from the same content and theme).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
KITGEN=${1:-./kitgen}
case $KITGEN in /*) ;; *) KITGEN=$top/$KITGEN ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() { echo "FAIL $1"; echo "0 passed, 1 failed"; exit 1; }

[ -x "$KITGEN" ] || fail "no kitgen at $KITGEN (make kitgen)"
command -v node >/dev/null 2>&1 || fail "node is not installed (apt-get install nodejs npm)"
if [ ! -x /usr/bin/chromium ]; then
	if [ "$(id -u)" = 0 ]; then
		(apt-get update && apt-get install -y --no-install-recommends chromium) >"$tmp/apt.log" 2>&1 ||
			{ cat "$tmp/apt.log"; fail "could not install chromium"; }
	else
		fail "/usr/bin/chromium is missing (apt-get install chromium)"
	fi
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
	(cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund) >"$tmp/npm.log" 2>&1 ||
		{ cat "$tmp/npm.log"; fail "npm ci in tests/browser failed"; }
fi

site=${SITE:-}
if [ -z "$site" ]; then
	"$KITGEN" build --out "$tmp/out" --lang en,ko -q >"$tmp/build.log" 2>&1 ||
		{ cat "$tmp/build.log"; fail "kitgen build failed"; }
	site=$tmp/out/lang-en+ko/site
fi
[ -f "$site/en/self-assessment/index.html" ] || fail "no self-assessment page in $site"

node tests/browser/diagnose-test.js --kitgen "$KITGEN" --site "$site" --fixtures tests/diagnose/fixtures
