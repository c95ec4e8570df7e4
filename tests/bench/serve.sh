#!/bin/sh
# tests/bench/serve.sh KITGEN — part of `make bench`: kitgen serve's edit to
# reload latency on the real catalogue (content/, every language): the time
# from saving a file to the reload event on the live-reload channel
# (/__kitgen/events, what an open page listens to), for a page's Markdown
# and for the theme's CSS. Each edit waits until the server is idle (the
# PDFs of the previous edit made), RUNS edits of each, median and range.
# Timing belongs here, never in make test.
#   SERVE_RUNS=3
set -u
KITGEN=${1:-./kitgen}
case $KITGEN in /*) ;; *) KITGEN=$PWD/$KITGEN ;; esac
RUNS=${SERVE_RUNS:-3}
tmp=$(mktemp -d)
pid= epid=
cleanup() {
	[ -n "$epid" ] && kill "$epid" 2>/dev/null
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
now() { date +%s.%N; }
# until_true SECONDS COMMAND...
until_true() {
	n=$(($1 * 20))
	shift
	while [ "$n" -gt 0 ]; do
		"$@" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}

cp -r content "$tmp/content" && cp -r themes/default "$tmp/theme" || exit 1
"$KITGEN" serve --content "$tmp/content" --theme "$tmp/theme" --out "$tmp/out" --port 0 \
	>"$tmp/log" 2>&1 &
pid=$!
has_url() { grep -q 'http://127.0.0.1:[0-9]*/' "$tmp/log"; }
until_true 30 has_url || { echo "serve: no address printed"; cat "$tmp/log"; exit 1; }
url=$(sed -n 's|.*\(http://127\.0\.0\.1:[0-9]*/\).*|\1|p' "$tmp/log" | head -n 1)
# idle: the last build line says done (the next phase starts at once)
idle() { grep 'building\|done in\|failed' "$tmp/log" | tail -n 1 | grep -q 'done in'; }
settled() { # the log has not grown for a second and the builds are all done
	a=$(wc -c <"$tmp/log")
	sleep 1
	[ "$a" = "$(wc -c <"$tmp/log")" ] && idle
}
until_true 600 settled || { echo "serve: the first build did not finish"; tail "$tmp/log"; exit 1; }

# The live-reload channel, each event's arrival time on a line.
curl -s -N "${url}__kitgen/events" | while IFS= read -r line; do
	case $line in data:*) echo "$(now) $line" >>"$tmp/events" ;; esac
done &
epid=$!
until_true 10 test -s "$tmp/events" || { echo "serve: no event stream"; exit 1; }

# edit NAME FILE TEXT: appends TEXT to FILE, prints the seconds to the next
# event, waits for the server to settle.
edit() {
	n0=$(wc -l <"$tmp/events")
	t0=$(now)
	printf '%s' "$3" >>"$2"
	got() { [ "$(wc -l <"$tmp/events")" -gt "$n0" ]; }
	if until_true 60 got; then
		t1=$(sed -n "$((n0 + 1))p" "$tmp/events" | cut -d' ' -f1)
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }'
	else
		echo "timeout"
	fi
	until_true 600 settled
}
page=$tmp/content/systems/gis/index.en.md
css=$tmp/theme/assets/style.css
: >"$tmp/page" && : >"$tmp/css"
i=1
while [ $i -le "$RUNS" ]; do
	edit page "$page" "
Bench edit $i: one more sentence.
" >>"$tmp/page"
	edit css "$css" "
/* bench edit $i */
" >>"$tmp/css"
	i=$((i + 1))
done
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "median %.2f s (%.2f-%.2f, %d runs)", v[int((NR + 1) / 2)], v[1], v[NR], NR }'; }
pages=$(find "$tmp/out" -path '*/site/*' -name '*.html' | wc -l)
echo "serve, real catalogue ($pages HTML pages), load average $(cut -d' ' -f1-3 /proc/loadavg):"
echo "  page Markdown saved -> reload event: $(stats "$tmp/page")"
echo "  theme CSS saved     -> reload event: $(stats "$tmp/css")"
grep -q timeout "$tmp/page" "$tmp/css" && exit 1
exit 0
