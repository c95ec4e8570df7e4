#!/bin/sh
# tests/sanitize/deep.sh BUILD: the deep leak pass of `make test-sanitize`.
# The suite runs with the fast unwinder, whose stacks stop inside fontconfig
# and cairo (built without frame pointers), so lsan-shallow.supp has to hide
# every leak that starts there. Here a smaller set of runs through the same
# code — a whole build with Korean PDFs, one document on demand and one
# that cannot be written, the check and i18n commands, the paginator on a
# CJK fixture — runs with full unwinding (10-15 times slower) and only
# lsan.supp: a leak that kitgen causes inside those libraries shows with
# kitgen's frames. The caller sets ASAN_OPTIONS (log_path) and
# LSAN_OPTIONS; this adds the unwinding. Run from the top of the tree.
set -u
b=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ASAN_OPTIONS="${ASAN_OPTIONS:-}:fast_unwind_on_malloc=0:malloc_context_size=64"
export ASAN_OPTIONS
status=0
run() { # run NAME COMMAND...
	name=$1; shift
	if "$@" > "$tmp/log" 2>&1; then echo "ok   deep: $name"
	else status=1; echo "FAIL deep: $name"; tail -5 "$tmp/log" | sed 's/^/     | /'; fi
}
# refused NAME COMMAND...: must fail as kitgen fails (status 1), not as a
# sanitizer stops it (86).
refused() {
	name=$1; shift
	"$@" > "$tmp/log" 2>&1
	st=$?
	if [ "$st" = 1 ]; then echo "ok   deep: $name"
	else status=1; echo "FAIL deep: $name (exit status $st)"; tail -5 "$tmp/log" | sed 's/^/     | /'; fi
}
gold=tests/golden/catalogue/content
run "build of the golden catalogue" "$b"/kitgen build -q --content "$gold" --out "$tmp/g"
run "one flyer on demand" "$b"/kitgen flyer alpha --content "$gold" --lang ko \
	--out "$tmp/g" -o "$tmp/r.pdf"
refused "a document that cannot be written" "$b"/kitgen flyer alpha --content "$gold" \
	--lang en --out "$tmp/g" -o /proc/kitgen-cannot-write.pdf
run "check --translations" "$b"/kitgen check --translations --content "$gold"
run "i18n export" "$b"/kitgen i18n export ko -o "$tmp/ko.po"
run "paginator on a CJK document" "$b"/print/printdoc tests/print/fixtures/han-zh-hant.xhtml \
	"$tmp/p.pdf" --style themes/default/print/style.yaml --cache "$b"/fontcache
exit $status
