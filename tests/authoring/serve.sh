#!/bin/sh
# kitgen serve, over HTTP with curl: pages, types, 404, traversal and
# symlinks refused; an edit shows within seconds, a broken file shows its
# diagnostics until fixed, a new folder is watched, Ctrl-C stops cleanly.
# Runs on copies of content/ and the theme, in English only (speed).
#   sh tests/authoring/serve.sh [KITGEN]     (from the repository root)
set -u
KITGEN=$(realpath "${1:-./kitgen}")
tmp=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
fails=0
# Waits are in seconds on an ordinary build; a sanitized kitgen (make
# test-sanitize sets ASAN_OPTIONS) builds ten times slower.
slow=1
[ -n "${ASAN_OPTIONS:-}" ] && slow=10
ok() { printf "ok   %s\n" "$1"; }
fail() { printf "FAIL %s\n" "$1"; fails=$((fails + 1)); }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# until SECONDS COMMAND...: true as soon as the command is, false after
until_true() {
	limit=$(($1 * 10 * slow)); shift
	i=0
	while [ $i -lt $limit ]; do
		"$@" && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

# A non-loopback address is refused, with the way out named.
if "$KITGEN" serve --bind 0.0.0.0 --port 0 >/dev/null 2>"$tmp/err"; then
	fail "--bind 0.0.0.0 without --allow-remote was accepted"
else
	[ $? = 2 ] && grep -q -- '--allow-remote' "$tmp/err" && ok "non-loopback --bind refused" ||
		{ fail "non-loopback --bind: wrong status or message"; cat "$tmp/err"; }
fi

cp -r content "$tmp/content" && cp -r themes/default "$tmp/theme" || exit 1
"$KITGEN" serve --content "$tmp/content" --theme "$tmp/theme" --out "$tmp/out" \
	--port 0 --lang en >"$tmp/log" 2>&1 &
pid=$!
has_url() { grep -q 'http://127.0.0.1:[0-9]*/' "$tmp/log"; }
until_true 10 has_url || { echo "no address printed"; cat "$tmp/log"; exit 1; }
url=$(sed -n 's|.*\(http://127\.0\.0\.1:[0-9]*/\).*|\1|p' "$tmp/log" | head -1)
state() { curl -s -m 5 "${url}__kitgen/status"; }
built() { state | grep -q "\"state\":\"$1\""; }
t0=$(now)
until_true 180 built ok || { echo "first build did not finish"; cat "$tmp/log"; exit 1; }
echo "     first build served after $(since "$t0") s"
# --lang en previews a partial site, beside OUT/site
site="$tmp/out/lang-en/site"
# the pages come first; the PDFs follow in the background
first_pdfs() { grep -q '(PDFs) done' "$tmp/log"; }
until_true 180 first_pdfs || { echo "the PDFs were not made"; cat "$tmp/log"; exit 1; }

# get PATH: status, type, body in $tmp/body
get() { curl -s -m 10 --path-as-is -o "$tmp/body" -w '%{http_code} %{content_type}' "$url${1#/}"; }
expect() { # expect PATH STATUS TYPE-PREFIX [TEXT]
	r=$(get "$1")
	case "$r" in
	"$2 $3"*) if [ -z "${4:-}" ] || grep -q "$4" "$tmp/body"; then ok "GET $1 → $r"; else fail "GET $1: no '$4' in the body"; fi ;;
	*) fail "GET $1 → $r, expected $2 $3" ;;
	esac
}
expect / 200 text/html 'lang="'
expect /en/ 200 text/html '/__kitgen/events'
expect /en/systems/gis/ 200 text/html '<h1'
expect /en/systems/gis/index.html 200 text/html '</html>'
expect /assets/style.css 200 text/css
expect /assets/favicon.svg 200 image/svg+xml
expect /pdf/en/flyer-gis.pdf 200 application/pdf
expect /sitemap.xml 200 application/xml
expect /robots.txt 200 text/plain Sitemap
expect /en/feed.xml 200 application/xml
expect /no/such/page 404 text/html 'kitgen serve: live reload'
grep -q 'href="/assets/style.css"' "$tmp/body" && ok "404 page links to this server" ||
	fail "404 page links elsewhere"
r=$(curl -s -m 5 -o /dev/null -w '%{http_code} %{redirect_url}' "${url}en/systems")
[ "$r" = "301 ${url}en/systems/" ] && ok "folder without / redirects" || fail "folder: $r"
curl -s -m 5 "${url}assets/filter.js" | cmp -s - "$site/assets/filter.js" &&
	ok "files are sent unchanged" || fail "a script was changed in transit"
grep -q '__kitgen' "$site/en/index.html" && fail "script written to disk" ||
	ok "reload script only in what is served"

# Nothing outside out/site: .., encoded .., hidden names, symlinks.
for p in /../../../etc/passwd /en/%2e%2e/%2e%2e/%2e%2e/etc/passwd /en/..%2f..%2f..%2fetc/passwd \
	'/..\..\etc\passwd' /.cache/outputs.tsv; do
	r=$(get "$p")
	case "$r" in 400*|404*) ok "refused $p ($r)" ;; *) fail "served $p: $r" ;; esac
done
r=$(curl -s -m 5 -o /dev/null -w '%{http_code}' --request-target 'http://evil/etc/passwd' "$url")
case "$r" in 400|404) ok "refused an absolute-form target ($r)" ;; *) fail "absolute target: $r" ;; esac
ln -s /etc/passwd "$site/passwd" && ln -s /etc "$site/etc"
for p in /passwd /etc/passwd /etc/; do
	r=$(get "$p")
	case "$r" in 404*) ok "symlink not followed: $p" ;; *) fail "followed a symlink: $p → $r" ;; esac
done
rm -f "$site/passwd" "$site/etc"
r=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -X POST "$url")
[ "$r" = 405 ] && ok "POST → 405" || fail "POST → $r"

# An edit: the served page changes within seconds, made before the PDFs
# (the pages phase reloads the browser; the PDFs follow in the background).
page=en/systems/gis/
idle() { tail -n 1 "$tmp/log" | grep -q 'done in'; }
until_true 120 idle
lines=$(wc -l < "$tmp/log")
printf '\nEDIT-MARKER-ONE paragraph.\n' >>"$tmp/content/systems/gis/index.en.md"
t0=$(now)
shows() { curl -s -m 5 "$url$page" | grep -q "$1"; }
if until_true 30 shows EDIT-MARKER-ONE; then ok "an edit is served after $(since "$t0") s"
else fail "an edit was not served within 30 s"; tail "$tmp/log"; fi
pdfs_done() { tail -n +"$lines" "$tmp/log" | grep -q '(PDFs) done'; }
until_true 120 pdfs_done
tail -n +"$((lines + 1))" "$tmp/log" | grep 'done in' | head -n 2 | tr '\n' ' ' |
	grep -q '(pages) done.*(PDFs) done' && ok "the page is made and reloaded before the PDFs" ||
	{ fail "pages before PDFs"; tail -n +"$lines" "$tmp/log"; }

# Editors' temporary, swap and backup files start no build.
until_true 120 idle
lines=$(wc -l < "$tmp/log")
for f in sedAb12Cd 4913 .index.en.md.swp index.en.md~ '#index.en.md#' x.tmp; do
	echo x > "$tmp/content/systems/gis/$f"
done
sleep 1
rm -f "$tmp/content/systems/gis/sedAb12Cd" "$tmp/content/systems/gis/4913" \
	"$tmp/content/systems/gis/.index.en.md.swp" "$tmp/content/systems/gis/index.en.md~" \
	"$tmp/content/systems/gis/#index.en.md#" "$tmp/content/systems/gis/x.tmp"
sleep 1
tail -n +"$((lines + 1))" "$tmp/log" | grep -q ' changed;' &&
	{ fail "an editor's temporary file started a build"; tail -n +"$lines" "$tmp/log"; } ||
	ok "editor temp, swap and backup files are ignored"

# A broken file: HTML answers 500 with the diagnostics, escaped; assets
# are still served; the terminal has them too. Fixed: back to 200.
printf -- '---\ntitle: [unclosed <b>\n---\n' >"$tmp/content/cities/zz.en.md"
t0=$(now)
failed_page() { [ "$(get "$page")" = "500 text/html; charset=utf-8" ]; }
if until_true 30 failed_page; then
	ok "a broken file shows after $(since "$t0") s (500)"
	grep -q 'cities/zz.en.md:3:1: error' "$tmp/body" && ok "the page has the diagnostics" ||
		fail "no diagnostics in the page"
	grep -q '<pre id="kitgen-diagnostics"' "$tmp/body" && ! grep -q '<b>' "$tmp/body" &&
		ok "diagnostics are escaped" || fail "diagnostics not escaped"
	grep -q 'EDIT-MARKER-ONE' "$tmp/body" && ok "the last good page is shown below the problems" ||
		fail "no page below the problems"
	grep -q 'cities/zz.en.md:3:1: error' "$tmp/log" && ok "the terminal has them too" ||
		fail "no diagnostics on the terminal"
else
	fail "a broken file did not show within 30 s"
fi
expect /assets/style.css 200 text/css
expect /no/such/page 500 text/html 'zz.en.md'
state | grep -q '"failed"' &&
	ok "status says failed" || fail "status: $(state)"
[ -f "$site/en/systems/gis/index.html" ] && ok "the last good site stays in out/site" ||
	fail "out/site lost"
rm "$tmp/content/cities/zz.en.md"
good() { [ "$(get "$page" | cut -c1-3)" = 200 ] && grep -q EDIT-MARKER-ONE "$tmp/body"; }
until_true 30 good && ok "fixed: the page is back" || fail "the page did not come back"

# A folder made while serving is watched too.
mkdir -p "$tmp/content/systems/zz-new" && sleep 0.5
sed 's/EDIT-MARKER-ONE/NEW-FOLDER-MARKER/' "$tmp/content/systems/gis/index.en.md" \
	>"$tmp/content/systems/zz-new/index.en.md"
page=en/systems/zz-new/
until_true 30 shows NEW-FOLDER-MARKER && ok "a new folder is watched" ||
	fail "a page in a new folder was not built"

# The live reload: in Chromium when tests/browser has playwright-core.
if command -v node >/dev/null && [ -x /usr/bin/chromium ] &&
	[ -d tests/browser/node_modules/playwright-core ]; then
	if node tests/authoring/reload-test.js --url "$url" --content "$tmp/content" \
		--timeout $((40 * slow)) >"$tmp/browser" 2>&1; then
		sed 's/^/     /' "$tmp/browser"; ok "live reload in chromium"
	else
		sed 's/^/     | /' "$tmp/browser"; fail "live reload in chromium"
	fi
else
	echo "skip live reload in chromium (no node, chromium or tests/browser/node_modules)"
fi

# Ctrl-C with a page listening for builds: stops at once, leaves no
# staging folder.
curl -s -N -m 30 "${url}__kitgen/events" >"$tmp/events" &
cpid=$!
sleep 0.5
grep -q '^data: ' "$tmp/events" && ok "event stream sends the build id" || fail "no build id event"
kill -INT "$pid"
t0=$(now)
gone() { ! kill -0 "$pid" 2>/dev/null; }
if until_true 10 gone; then
	wait "$pid"; st=$?; pid=
	[ $st = 0 ] && ok "Ctrl-C stopped it in $(since "$t0") s, status 0" || fail "exit status $st"
else
	fail "still running 10 s after Ctrl-C"
fi
kill "$cpid" 2>/dev/null; wait "$cpid" 2>/dev/null
ls "$tmp/out" "$tmp/out/lang-en" | grep -q tmp- && fail "a staging folder was left" || ok "no staging folder left"

echo "$fails failed"
[ $fails = 0 ]
