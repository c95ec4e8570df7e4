#!/bin/sh
# tests/site-gates/run.sh [SITE_DIR]: the website quality gates.
#
#  1. Headless Chromium (Debian's, driven by playwright-core) on the site
#     served over HTTP from 127.0.0.1: the home, a system, a city, the
#     systems list, the downloads and the self-assessment page in ko, en
#     and am load at phone (390x844) and desktop (1280x900) width with no
#     console error and no failed or outside request; the language
#     switcher leads to the same page in each language that has it, to that
#     language's home otherwise; screenshots go to out/screenshots/.
#  2. axe-core in those pages: no serious or critical violation.
#  3. The W3C Nu HTML Checker (vnu.jar) over every HTML page: no error,
#     printed grouped by message.
#  4. sitecheck (build/sitecheck): every link, anchor and image resolves.
#
# Without SITE_DIR the site is built first, with `KITGEN build` into out/
# (incremental). KITGEN (default ./kitgen), B (default build), LANGS
# (default ko,en,am) and SCREENSHOTS (default out/screenshots) may be set.
# One line per check, then "N passed, M failed"; exit status 1 on any
# failure.
#
# Needs node (>= 20), Debian's chromium and a Java runtime (>= 11); as root
# the missing ones are installed with apt. playwright-core, axe-core and
# vnu-jar come from tests/browser/package-lock.json (npm ci; no browser or
# Java is downloaded).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
KITGEN=${KITGEN:-./kitgen}
B=${B:-build}
LANGS=${LANGS:-ko,en,am}
SCREENSHOTS=${SCREENSHOTS:-out/screenshots}
tmp=$(mktemp -d)
vnu_pid=
cleanup() { [ -n "$vnu_pid" ] && kill "$vnu_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { # bad NAME [FILE]: a failed check, with FILE's lines as details
	failed=$((failed + 1)); echo "FAIL $1"
	[ $# -gt 1 ] && sed 's/^/     | /' "$2"
	return 0
}
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit; }
give_up() { bad "$@"; finish; }

# ---- what the gates need -----------------------------------------------------

apt_install() { # apt_install PACKAGE...: as root only
	[ "$(id -u)" = 0 ] || return 1
	(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@") \
		>"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; return 1; }
}
command -v node >/dev/null 2>&1 || give_up "node is not installed (apt-get install nodejs npm)"
[ -x /usr/bin/chromium ] || apt_install chromium || give_up "/usr/bin/chromium is missing (apt-get install chromium)"
command -v java >/dev/null 2>&1 || apt_install default-jre-headless ||
	give_up "java is missing (apt-get install default-jre-headless)"
nm=tests/browser/node_modules
if [ ! -d $nm/playwright-core ] || [ ! -f $nm/axe-core/axe.min.js ] || [ ! -f $nm/vnu-jar/build/dist/vnu.jar ]; then
	# --ignore-scripts: vnu-jar's postinstall would fetch a Java from
	# outside the registry when none is installed.
	(cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund) \
		>"$tmp/npm.log" 2>&1 || give_up "npm ci in tests/browser" "$tmp/npm.log"
fi

# ---- the site -----------------------------------------------------------------

if [ $# -gt 0 ]; then
	site=$1
else
	"$KITGEN" build -q >"$tmp/build.log" 2>&1 || give_up "kitgen build" "$tmp/build.log"
	ok "kitgen build (out/site)"
	site=out/site
fi
[ -f "$site/index.html" ] || give_up "no site in $site"
site=$(cd "$site" && pwd)
pages=$(find "$site" -name '*.html' | wc -l)

# ---- 3. the Nu HTML Checker, in the background while the browser works -------
#
# C1 only and the serial collector: a third of the CPU time of the default
# JVM for one run over some 700 small pages.
timeout 900 java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss8m \
	-jar $nm/vnu-jar/build/dist/vnu.jar --skip-non-html --errors-only "$site" \
	>"$tmp/vnu.out" 2>&1 &
vnu_pid=$!

# ---- 1 and 2: the browser and axe-core ----------------------------------------------

timeout 900 node tests/browser/site-gates.js --site "$site" --content content --langs "$LANGS" \
	--screenshots "$SCREENSHOTS" >"$tmp/browser.out" 2>&1
sed '$d' "$tmp/browser.out"
last=$(tail -n 1 "$tmp/browser.out")
case $last in
*" passed, "*" failed")
	passed=$((passed + ${last%% passed*}))
	f=${last#* passed, }; failed=$((failed + ${f%% failed}))
	;;
*) echo "$last"; bad "browser gates ended without a count" ;;
esac

# ---- the Nu HTML Checker's answer -------------------------------------------------

wait "$vnu_pid"; rc=$?; vnu_pid=
if [ "$rc" = 0 ] && [ ! -s "$tmp/vnu.out" ]; then
	ok "vnu: $pages HTML pages, no errors"
else
	# One group per message: how many, then up to three places.
	awk -v site="file:$site/" '
		match($0, /^"[^"]*":([0-9.-]*:)? error: /) {
			file = substr($0, 2, index(substr($0, 2), "\"") - 1)
			if (index(file, site) == 1) file = substr(file, length(site) + 1)
			loc = substr($0, 1, RLENGTH); sub(/^"[^"]*":/, "", loc); sub(/:? error: $/, "", loc)
			rest = substr($0, RLENGTH + 1)
			if (!(rest in n)) order[++groups] = rest
			n[rest]++; if (n[rest] <= 3) at[rest] = at[rest] "\n    " file (loc == "" ? "" : ":" loc)
			next
		}
		{ other[++others] = $0 }
		END {
			for (i = 1; i <= groups; i++) printf "%d× %s%s\n", n[order[i]], order[i], at[order[i]]
			for (i = 1; i <= others; i++) print other[i]
		}' "$tmp/vnu.out" >"$tmp/vnu.groups"
	errors=$(grep -c ': error: ' "$tmp/vnu.out")
	bad "vnu: $pages HTML pages, $errors errors (exit status $rc)" "$tmp/vnu.groups"
fi

# ---- 4. links: sitecheck, as in tests/run.sh ------------------------------------

base=$(sed -n 's/^base_url: *//p' content/site.yaml)
if [ -x "$B/sitecheck" ]; then
	if "$B/sitecheck" --base-url "$base" --max-weight 160 "$site" >"$tmp/sitecheck.out" 2>&1; then
		ok "sitecheck: $(tail -n 1 "$tmp/sitecheck.out" | sed 's/^sitecheck: //')"
	else
		tail -n 40 "$tmp/sitecheck.out" >"$tmp/sitecheck.tail"
		bad "sitecheck: links, anchors and images resolve" "$tmp/sitecheck.tail"
	fi
else
	bad "sitecheck: no $B/sitecheck (make $B/sitecheck)"
fi

finish
