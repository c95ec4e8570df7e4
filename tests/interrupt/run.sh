#!/bin/sh
# tests/interrupt/run.sh [KITGEN]: interrupting `kitgen build` never damages
# OUT/site, and never spoils a later build.
#
# Two versions of a catalogue, A and B (B: one page changed), are built
# clean for reference. Then OUT is built from A, and builds alternating B
# and A are started ROUNDS times and stopped with SIGINT at a random moment
# (round i picks a point in the i-th slice of a full build's duration, so
# the points cover the whole build), and once with SIGKILL. After each,
# OUT/site must be exactly A's or exactly B's reference: the interrupted
# build either never swapped its staging folder in, or finished. While the
# builds run, a watcher checks that OUT/site is never missing or half
# there. Finally builds of A and then B must succeed, give their reference
# bytes (nothing reused from an interrupted build may leak in) and remove
# the staging folders (OUT/site.tmp-*) interrupted builds left behind.
#
# Then the moments that chance seldom hits, every time (die_at.c, an
# LD_PRELOAD shim, sends SIGKILL there): just before the swap of OUT/site
# (OUT/site stays A) and just after it (OUT/site is B); either way the next
# build of A must give A's bytes.
#
# A check named in tests/interrupt/KNOWN_FAILURES (a kitgen bug reported,
# not fixed yet) prints KNOWN and does not fail the run, unless
# INTERRUPT_STRICT=1; once it passes, a note says to remove the line.
#
# INTERRUPT_CONTENT (default tests/golden/catalogue/content; `content` for
# the real catalogue), INTERRUPT_ROUNDS (default 4), INTERRUPT_SEED (printed,
# to repeat a run). One line per check, then "N passed, M failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
KITGEN=${1:-./kitgen}
case $KITGEN in /*) ;; *) KITGEN=$top/$KITGEN ;; esac
content=${INTERRUPT_CONTENT:-tests/golden/catalogue/content}
rounds=${INTERRUPT_ROUNDS:-4}
seed=${INTERRUPT_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
tmp=$(mktemp -d)
watcher=
cleanup() {
	[ -n "$watcher" ] && kill "$watcher" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
out=$tmp/out
passed=0 failed=0
known=$top/tests/interrupt/KNOWN_FAILURES
is_known() { [ -n "${1:-}" ] && [ -f "$known" ] && grep -q "^$1\([[:space:]]\|\$\)" "$known"; }
# ok DESCRIPTION [ID], fail DESCRIPTION [ID]: ID names the check in
# KNOWN_FAILURES.
ok() {
	passed=$((passed + 1)); echo "ok   $1"
	if is_known "${2:-}"; then
		echo "     (note: $2 is listed in tests/interrupt/KNOWN_FAILURES but passes now; remove it)"
	fi
}
fail() {
	if is_known "${2:-}" && [ -z "${INTERRUPT_STRICT:-}" ]; then
		passed=$((passed + 1)); echo "KNOWN $1 ($2 in tests/interrupt/KNOWN_FAILURES)"
	else
		failed=$((failed + 1)); echo "FAIL $1"
	fi
	[ -s "$tmp/why" ] && sed 's/^/     | /' "$tmp/why" | head -20
}
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit; }

[ -x "$KITGEN" ] || { echo "FAIL setup: no kitgen at $KITGEN"; failed=1; finish; }
echo "seed $seed (INTERRUPT_SEED=$seed repeats this run)"

# build CONTENT [OUT]: a whole build, quiet.
build() { "$KITGEN" build -q --content "$1" --out "${2:-$out}" 2>"$tmp/err"; }
# The same in the background, $! its pid. A shell ignores SIGINT in what it
# starts with &; kitgen gets the default action back, as under Ctrl-C.
build_bg() {
	env --default-signal=INT "$KITGEN" build -q --content "$1" --out "$out" \
		2>"$tmp/err" &
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Every path of a tree with its type, and every file's SHA-256.
manifest() {
	(cd "$1" && find . ! -type f -printf '%y %p %l\n' -o -type f -exec sha256sum {} + |
		LC_ALL=C sort)
}
stale() { ls -d "$out"/site.tmp-* 2>/dev/null | wc -l; }
# same TREE NAME...: TREE is exactly one of the named references.
same() {
	manifest "$1" > "$tmp/now"
	shift
	for ref in "$@"; do
		cmp -s "$tmp/ref-$ref" "$tmp/now" && return 0
	done
	diff "$tmp/ref-$1" "$tmp/now" > "$tmp/why"
	return 1
}

# References: A as it is, B with one page changed, each built clean.
a=$content b=$tmp/content-b
cp -r "$content" "$b"
page=$(cd "$b" && find . -name '*.md' | LC_ALL=C sort | head -1)
printf '\nA paragraph only version B has.\n' >> "$b/$page"
for v in a b; do
	eval src=\$$v
	if ! build "$src" "$tmp/clean-$v"; then
		cp "$tmp/err" "$tmp/why"
		fail "clean build of version $v"
		finish
	fi
	manifest "$tmp/clean-$v/site" > "$tmp/ref-$v"
done
if cmp -s "$tmp/ref-a" "$tmp/ref-b"; then
	: > "$tmp/why"
	fail "versions A and B build differently (changed $page)"
	finish
fi

# OUT from A, then once more, timed: as long as the interrupted builds
# below (they reuse what is unchanged, as this one does).
build "$a"
t0=$(now_ms)
build "$a"
t1=$(now_ms)
if same "$out/site" a; then
	ok "a build into OUT and a second one give A's bytes ($(wc -l < "$tmp/ref-a") paths)"
else
	fail "a build into OUT and a second one give A's bytes"
	finish
fi
duration=$((t1 - t0))

# Whether OUT/site is whole: it exists and has files every build makes
# (readers may see the old or the new output, never none or a part).
probe=$(cd "$out/site" && find . -type f | LC_ALL=C sort | awk 'NR % 25 == 1' | head -20)
watch() {
	while :; do
		for p in $probe; do
			[ -f "$out/site/$p" ] || echo "$(now_ms): $p missing from out/site"
		done
		sleep 0.02
	done > "$tmp/watch" 2>&1
}
watch &
watcher=$!

# round SIGNAL I: build B (odd I) or A, stopped with SIGNAL at a random
# point in the I-th of ROUNDS slices of a build's duration.
round() {
	sig=$1 i=$2
	if [ $((i % 2)) = 1 ]; then v=b src=$b; else v=a src=$a; fi
	at=$(awk -v s="$seed" -v i="$i" -v n="$rounds" -v d="$duration" -v k="$sig" \
		'BEGIN { srand(s * 100 + i + (k == "KILL") * 50);
		         printf "%d", d * ((i - 1) + rand()) / n }')
	build_bg "$src"
	pid=$!
	sleep "$(awk -v ms="$at" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill -s "$sig" "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	status=$?
	case $status in
	0) what="finished first" ;;
	130 | 137) what="stopped" ;;
	*) what="exit status $status" ;;
	esac
	what="build of $v, $sig at $at of $duration ms: $what"
	if same "$out/site" a b; then
		ok "$what; OUT/site whole ($(stale) staging folder(s) left)"
	else
		fail "$what; OUT/site is neither A's nor B's output"
	fi
}

i=1
while [ "$i" -le "$rounds" ]; do
	round INT "$i"
	i=$((i + 1))
done
round KILL "$(awk -v s="$seed" -v n="$rounds" 'BEGIN { srand(s); printf "%d", 1 + int(rand() * n) }')"

kill "$watcher" 2>/dev/null
wait "$watcher" 2>/dev/null
watcher=
if [ -s "$tmp/watch" ]; then
	head -5 "$tmp/watch" > "$tmp/why"
	fail "OUT/site was missing or partial while builds ran"
else
	ok "OUT/site was whole whenever it was looked at"
fi

left=$(stale)
: > "$tmp/why"
if build "$a" && same "$out/site" a && [ "$(stale)" -eq 0 ]; then
	ok "then a build of A gives A's bytes and removes $left staging folder(s)"
else
	ls -d "$out"/site.tmp-* >> "$tmp/why" 2>/dev/null
	cat "$tmp/err" >> "$tmp/why"
	fail "then a build of A gives A's bytes and removes $left staging folder(s)"
fi
if build "$b" && same "$out/site" b; then
	ok "and a build of B gives B's bytes"
else
	cat "$tmp/err" >> "$tmp/why"
	fail "and a build of B gives B's bytes"
fi

# die WHEN CONTENT: a build killed by die_at.so just BEFORE or AFTER the
# swap. (ASan, in `make test-sanitize`, wants its runtime loaded first;
# the shim intercepts nothing it needs.)
die() {
	{ env LD_PRELOAD="$tmp/die_at.so" "KG_DIE_$1=renameat2" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		"$KITGEN" build -q --content "$2" --out "$out" 2>"$tmp/err"; } 2>/dev/null
	[ $? = 137 ] || { echo "the build was not killed" >> "$tmp/why"; return 1; }
}
if ! ${CC:-cc} -shared -fPIC -o "$tmp/die_at.so" tests/interrupt/die_at.c -ldl 2>"$tmp/why"; then
	fail "die_at.c compiles"
	finish
fi
: > "$tmp/why"
if build "$a" && die BEFORE "$b" && same "$out/site" a && build "$a" && same "$out/site" a; then
	ok "killed just before the swap: OUT/site stays A's, the next build of A gives A's" kill-before-swap
else
	fail "killed just before the swap: OUT/site stays A's, the next build of A gives A's" kill-before-swap
fi
: > "$tmp/why"
if die AFTER "$b" && same "$out/site" b; then
	ok "killed just after the swap: OUT/site is B's"
else
	fail "killed just after the swap: OUT/site is B's"
fi
: > "$tmp/why"
if build "$a" && same "$out/site" a; then
	ok "then a build of A gives A's bytes (nothing of B reused)" kill-after-swap
else
	fail "then a build of A gives A's bytes (nothing of B reused)" kill-after-swap
fi
finish
