#!/bin/sh
# tests/bench/run.sh — the measurements of `make bench` (tests/bench/bench.mk
# builds kitgen, the tools and the corpora first). Each case runs
# BENCH_RUNS times (fewer once BENCH_BUDGET seconds are spent on it); the
# table gives the median wall and CPU time and the largest peak RSS, and
# is kept in BENCH_B/results.txt. Options kitgen lacks (--only, --jobs)
# are detected from its help and worked around, with a note.
#
# A full build starts each run from an empty output folder that holds only
# a warm font cache (not from --force, which leaves no build cache behind:
# the incremental cases need the one the last full run writes). kitgen and
# the theme are copied first, so that a rebuild or a theme edit made in
# the working tree while the bench runs changes nothing it measures.
#
#   KITGEN=./kitgen  BENCH_B=build/bench  BENCH_RUNS=3  BENCH_BUDGET=60
#   BENCH_DEADLINE=480  seconds after which every remaining case runs once
#   BENCH_JOBS=N     pass -j N to kitgen (default: kitgen's own, one per core)
#   BENCH_TIMER=proc time with the shell and /proc instead of GNU time
#   HUGO=hugo        the Hugo to compare with, when installed
#   BENCH_OUT=DIR    where the builds write (default BENCH_B/out); a tmpfs
#                    folder such as /dev/shm/kitgen-bench leaves the disk out
#   BENCH_SIZES="1000 10000" BENCH_REPORTS="100 1000"  corpora (made by
#                    bench.mk); the incremental and Hugo cases use the last size
#   BENCH_MEMORY=20000  the corpus of the memory case (one run; empty: none)
set -u
KITGEN=${KITGEN:-./kitgen}
BB=${BENCH_B:-build/bench}
RUNS=${BENCH_RUNS:-3}
BUDGET=${BENCH_BUDGET:-60}
DEADLINE=${BENCH_DEADLINE:-480}
START=$(date +%s)
HUGO=${HUGO:-hugo}
OUT=${BENCH_OUT:-$BB/out}
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac
RES=$BB/results.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
: >"$tmp/rows"
SIZES=${BENCH_SIZES:-1000 10000}
REPORTS=${BENCH_REPORTS:-100 1000}
for n in $SIZES; do eval "FW_site_$n= FC_site_$n="; big=$n; done
for p in $REPORTS; do eval "FW_pdf_$p= FC_pdf_$p="; done
: >"$tmp/notes"
failed=0

note() { echo "$*" >>"$tmp/notes"; echo "  note: $*"; }

# --- timing ---------------------------------------------------------------

# timed CMD...: runs CMD with output in $tmp/log; sets T_WALL, T_CPU (user
# + system, s) and T_RSS (peak KB). Returns CMD's status.
if [ "${BENCH_TIMER:-gnu}" = gnu ] && [ -x /usr/bin/time ] &&
	/usr/bin/time -f '%e' -o /dev/null true 2>/dev/null; then
	TIMER="GNU time (/usr/bin/time -f '%e %U %S %M')"
	timed() {
		/usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" >"$tmp/log" 2>&1
		st=$?
		# On failure GNU time writes "Command exited ..." above the figures.
		set -- $(tail -n 1 "$tmp/t")
		T_WALL=$1 T_CPU=$(awk "BEGIN { print $2 + $3 }") T_RSS=$4
		return $st
	}
else
	TIMER="shell clock and /proc/PID/status VmHWM polled every 50 ms (peak RSS approximate)"
	# dash and bash print the children's times on the second line of
	# `times`, which must run in this shell, not in a $(subshell).
	child_cpu() {
		times >"$tmp/times"
		awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, a, /m/);
			s += a[1] * 60 + a[2] } print s }' "$tmp/times"
	}
	timed() {
		child_cpu >"$tmp/c0"
		c0=$(cat "$tmp/c0") t0=$(date +%s.%N) peak=0
		"$@" >"$tmp/log" 2>&1 &
		pid=$!
		while kill -0 "$pid" 2>/dev/null; do
			v=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
			[ -n "$v" ] && [ "$v" -gt "$peak" ] && peak=$v
			sleep 0.05
		done
		wait "$pid"
		st=$?
		t1=$(date +%s.%N)
		child_cpu >"$tmp/c1"
		c1=$(cat "$tmp/c1")
		T_WALL=$(awk "BEGIN { printf \"%.2f\", $t1 - $t0 }")
		T_CPU=$(awk "BEGIN { printf \"%.2f\", $c1 - $c0 }") T_RSS=$peak
		return $st
	}
fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# measure LABEL PREP CMD...: PREP (a function, untimed) runs before each
# run. Sets M_WALL, M_CPU (medians), M_RSS (largest, KB), M_N (runs);
# returns 1 when a run fails.
measure() {
	label=$1 prep=$2
	shift 2
	: >"$tmp/w"
	: >"$tmp/c"
	: >"$tmp/r"
	M_N=0 spent=0
	printf '  %-34s' "$label"
	while [ "$M_N" -lt "$RUNS" ]; do
		$prep
		if ! timed "$@"; then
			echo " FAILED"
			sed 's/^/    | /' "$tmp/log" | tail -15
			note "$label: failed: $*"
			failed=$((failed + 1))
			return 1
		fi
		echo "$T_WALL" >>"$tmp/w"
		echo "$T_CPU" >>"$tmp/c"
		echo "$T_RSS" >>"$tmp/r"
		M_N=$((M_N + 1))
		printf ' %ss' "$T_WALL"
		spent=$(awk "BEGIN { print $spent + $T_WALL }")
		awk "BEGIN { exit !($spent >= $BUDGET) }" && break
		[ $(($(date +%s) - START)) -ge "$DEADLINE" ] && break
	done
	echo
	M_WALL=$(median <"$tmp/w") M_CPU=$(median <"$tmp/c")
	M_RSS=$(sort -n "$tmp/r" | tail -n 1)
	[ "$M_N" -lt "$RUNS" ] && note "$label: $M_N run(s) of $RUNS (${BUDGET}s budget per case, ${DEADLINE}s in all)"
	return 0
}

# row LABEL PAGES [FLOOR_WALL FLOOR_CPU]: one line of the table from M_*.
row() {
	awk -v l="$1" -v n="$M_N" -v w="$M_WALL" -v c="$M_CPU" -v p="$2" -v r="$M_RSS" \
		-v fw="${3:-}" -v fc="${4:-}" 'BEGIN {
		ps = w > 0 && p + 0 > 0 ? sprintf("%.0f", p / w) : "-"
		pc = c > 0 && p + 0 > 0 ? sprintf("%.0f", p / c) : "-"
		f = fw != "" && fw > 0 ? sprintf("%.1fx wall, %.1fx CPU", w / fw, (fc > 0 ? c / fc : 0)) : ""
		printf "%-34s %4s %8.2f %8.2f %7s %8s %8s %8.0f  %s\n", l, n, w, c, p, ps, pc, r / 1024, f
	}' >>"$tmp/rows"
}
failed_row() { printf '%-34s %4s %8s\n' "$1" - FAILED >>"$tmp/rows"; }

html_pages() { find "$1" -name '*.html' | wc -l; }
pdf_pages() {
	find "$1" -name '*.pdf' | while read -r f; do
		pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }'
	done | awk '{ s += $1 } END { print s + 0 }'
}
kitgen_summary() { grep -o '([0-9]* made, [0-9]* unchanged[^)]*)' "$tmp/log" | tail -n 1; }

# --- what this kitgen can do ------------------------------------------------

mkdir -p "$OUT"
cp "$KITGEN" "$OUT/kitgen" && KITGEN=$OUT/kitgen
rm -rf "$OUT/theme" && cp -r "${BENCH_THEME:-themes/default}" "$OUT/theme"
THEME="--theme $OUT/theme"
help=$("$KITGEN" help build 2>&1; "$KITGEN" --help 2>&1)
has() { printf '%s\n' "$help" | grep -q -e "$1"; }
SITE_ONLY= PDF_ONLY= JOBS=
if has '--only'; then
	SITE_ONLY="--only site" PDF_ONLY="--only pdf"
else
	note "kitgen has no --only: site cases time 'kitgen check' (load and validate, no output) instead, PDF cases 'kitgen report'"
fi
if [ -n "${BENCH_JOBS:-}" ]; then
	if has '--jobs'; then JOBS="-j $BENCH_JOBS"; else note "kitgen has no --jobs: BENCH_JOBS ignored"; fi
fi
has '--jobs' || note "kitgen has no --jobs: it runs on one thread"

echo "make bench: $RUNS run(s) per case (budget ${BUDGET}s), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  timer: $TIMER"

# The private font cache is built once, untimed, and copied into each
# output folder, so no case pays for scanning the fonts.
warm=$OUT/warm
rm -rf "$warm"
"$KITGEN" report bench-report $THEME --lang en -q --content "$BB/report-$(echo $REPORTS | cut -d' ' -f1)" --out "$warm" \
	-o "$warm/warm.pdf" >/dev/null 2>&1 || note "warm-up report failed; first runs may include the font scan"
seed() { # seed OUTDIR: a fresh output folder with a warm font cache
	rm -rf "$1"
	mkdir -p "$1/.cache"
	[ -d "$warm/.cache/fontconfig" ] && cp -r "$warm/.cache/fontconfig" "$1/.cache/"
	true
}
fresh_out() { seed "$cur_out"; }

# --- floors -------------------------------------------------------------------

for n in $SIZES; do
	if measure "floor: cmark-gfm parse, $n pages" : "$BB/floor_cmark" "$BB/site-$n"; then
		eval "FW_site_$n=$M_WALL FC_site_$n=$M_CPU"
		row "floor: cmark-gfm parse, $n pages" "$n"
	else
		failed_row "floor: cmark-gfm parse, $n pages"
	fi
done
mkdir -p "$BB/fontcache"
warm_report=$BB/report-$(echo $REPORTS | cut -d' ' -f1)
"$BB/floor_pango" "$warm_report/studies/bench-report.en.md" "$OUT/warm-floor.pdf" \
	fonts/fonts.conf "$BB/fontcache" >/dev/null 2>&1
for p in $REPORTS; do
	label="floor: Pango+Cairo, report $p"
	if measure "$label" : "$BB/floor_pango" "$BB/report-$p/studies/bench-report.en.md" \
		"$OUT/floor-$p.pdf" fonts/fonts.conf "$BB/fontcache"; then
		eval "FW_pdf_$p=$M_WALL FC_pdf_$p=$M_CPU"
		row "$label" "$(pdf_pages "$OUT/floor-$p.pdf")"
	else
		failed_row "$label"
	fi
done

# --- site -----------------------------------------------------------------------

for n in $SIZES; do
	cur_out=$OUT/site-$n
	seed "$cur_out"
	if [ -n "$SITE_ONLY" ]; then
		label="site: build --only site, $n pages"
		if measure "$label" fresh_out "$KITGEN" build $THEME $SITE_ONLY $JOBS -q \
			--content "$BB/site-$n" --out "$cur_out"; then
			eval "row \"\$label\" \"\$(html_pages \"\$cur_out/site\")\" \"\$FW_site_$n\" \"\$FC_site_$n\""
		else
			failed_row "$label"
		fi
	else
		label="site: check (no --only), $n pages"
		if measure "$label" : "$KITGEN" check $THEME -q --content "$BB/site-$n"; then
			eval "row \"\$label\" $n \"\$FW_site_$n\" \"\$FC_site_$n\""
		else
			failed_row "$label"
		fi
	fi
done

# --- memory: a site build's peak RSS, and which process it was ----------------

# One run on the BENCH_MEMORY corpus (20,000 pages): peakrss says the peak
# of the build process and of its largest worker (charts are drawn in
# forked workers); the target (issue 13, <= 150 MB) is about the largest.
mem_n=${BENCH_MEMORY:-}
if [ -n "$mem_n" ] && [ -n "$SITE_ONLY" ] && [ -d "$BB/site-$mem_n" ] && [ -x "$BB/peakrss" ]; then
	cur_out=$OUT/site-$mem_n
	seed "$cur_out"
	label="memory: build --only site, $mem_n pages"
	runs_all=$RUNS
	RUNS=1
	if measure "$label" fresh_out "$BB/peakrss" "$tmp/peak" "$KITGEN" build $THEME $SITE_ONLY \
		$JOBS -q --content "$BB/site-$mem_n" --out "$cur_out"; then
		row "$label" "$(html_pages "$cur_out/site")"
		set -- $(cat "$tmp/peak")
		note "$label: peak RSS $(($1 / 1024)) MB, the largest process; the build process $(($2 / 1024)) MB, its largest worker $(($3 / 1024)) MB ($4 workers); target <= 150 MB"
	else
		failed_row "$label"
	fi
	RUNS=$runs_all
	rm -rf "$cur_out"
fi

# --- incremental: one page of the largest corpus edited, then nothing changed ---

inc_file=$BB/site-$big/systems/system-00000/index.en.md
inc_bak=$tmp/inc.bak
inc_n=0
inc_edit() {
	inc_n=$((inc_n + 1))
	cp "$inc_bak" "$inc_file"
	printf '\nBenchmark edit %s: %s\n' "$inc_n" "one more sentence in one page." >>"$inc_file"
}
if [ -n "$SITE_ONLY" ] && [ -f "$cur_out/site/index.html" ] && cp "$inc_file" "$inc_bak"; then
	label="incremental: 1 page edited, $big"
	if measure "$label" inc_edit "$KITGEN" build $THEME $SITE_ONLY $JOBS \
		--content "$BB/site-$big" --out "$cur_out"; then
		row "$label" -
		note "$label: kitgen says $(kitgen_summary)"
	else
		failed_row "$label"
	fi
	label="incremental: nothing changed, $big"
	if measure "$label" : "$KITGEN" build $THEME $SITE_ONLY $JOBS \
		--content "$BB/site-$big" --out "$cur_out"; then
		row "$label" -
		note "$label: kitgen says $(kitgen_summary)"
	else
		failed_row "$label"
	fi
	cp "$inc_bak" "$inc_file"
else
	note "incremental cases skipped: they need --only and a built $big-page site"
fi

# --- PDF ------------------------------------------------------------------------

for p in $REPORTS; do
	cur_out=$OUT/report-$p
	seed "$cur_out"
	if [ -n "$PDF_ONLY" ]; then
		label="pdf: build --only pdf, report $p"
		if measure "$label" fresh_out "$KITGEN" build $THEME $PDF_ONLY $JOBS -q \
			--content "$BB/report-$p" --out "$cur_out"; then
			eval "row \"\$label\" \"\$(pdf_pages \"\$cur_out/site\")\" \"\$FW_pdf_$p\" \"\$FC_pdf_$p\""
		else
			failed_row "$label"
		fi
	else
		label="pdf: kitgen report, report $p"
		if measure "$label" : "$KITGEN" report bench-report $THEME --lang en -q \
			--content "$BB/report-$p" --out "$cur_out" -o "$cur_out/report.pdf"; then
			eval "row \"\$label\" \"\$(pdf_pages \"\$cur_out/report.pdf\")\" \"\$FW_pdf_$p\" \"\$FC_pdf_$p\""
		else
			failed_row "$label"
		fi
	fi
done

# --- the real catalogue: everything, as `make` builds it -------------------------

cur_out=$OUT/catalogue
seed "$cur_out"
label="catalogue: build (content/, all)"
if measure "$label" fresh_out "$KITGEN" build $THEME $JOBS -q --out "$cur_out"; then
	h=$(html_pages "$cur_out/site") pp=$(pdf_pages "$cur_out/site")
	row "$label" $((h + pp))
	note "$label: pages = $h HTML pages + $pp PDF pages"
else
	failed_row "$label"
fi

# --- Hugo on the largest corpus, when it is installed -----------------------------

# hugo_site CORPUS DIR: the corpus as a minimal Hugo site — the same
# Markdown files (Hugo reads NAME.LANG.md and NAME/index.LANG.md as
# translations), ko and en, and a one-file theme: title and content.
hugo_site() {
	rm -rf "$2"
	mkdir -p "$2/content" "$2/layouts/_default"
	cp -r "$1/systems" "$1/cities" "$1/studies" "$2/content/"
	cat >"$2/config.toml" <<-'EOF'
		baseURL = "https://bench.example.org/"
		defaultContentLanguage = "ko"
		defaultContentLanguageInSubdir = true
		disableKinds = ["taxonomy", "term"]
		[languages.ko]
		  weight = 1
		[languages.en]
		  weight = 2
	EOF
	cat >"$2/layouts/_default/single.html" <<-'EOF'
		<!DOCTYPE html>
		<html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
		<body><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</body></html>
	EOF
	cat >"$2/layouts/_default/list.html" <<-'EOF'
		<!DOCTYPE html>
		<html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
		<body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
	EOF
	cp "$2/layouts/_default/list.html" "$2/layouts/index.html"
}
if command -v "$HUGO" >/dev/null 2>&1; then
	hugo_site "$BB/site-$big" "$OUT/hugo-src"
	hugo_clean() { rm -rf "$OUT/hugo-out"; }
	label="hugo $("$HUGO" version 2>/dev/null | grep -o 'v[0-9.]*' | head -n 1), $big pages"
	if measure "$label" hugo_clean "$HUGO" --quiet --source "$OUT/hugo-src" \
		--destination "$OUT/hugo-out" --cacheDir "$OUT/hugo-cache"; then
		eval "row \"\$label\" \"\$(html_pages \"\$OUT/hugo-out\")\" \"\$FW_site_$big\" \"\$FC_site_$big\""
		note "hugo: a minimal theme (title, summary, content), no sitemap checks, no link validation"
	else
		failed_row "$label"
	fi
else
	note "hugo is not installed: no Hugo comparison (apt-get install hugo, then make bench)"
fi

# --- the table ------------------------------------------------------------------------

{
	echo "kitgen bench: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
		"load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "median of up to $RUNS runs; CPU = user + system; pages/CPU-s is the per-core rate"
	echo
	printf '%-34s %4s %8s %8s %7s %8s %8s %8s  %s\n' case runs "wall s" "CPU s" pages \
		pages/s pg/CPU-s "peak MB" "vs floor (same corpus)"
	cat "$tmp/rows"
	if [ -s "$tmp/notes" ]; then
		echo
		sed 's/^/note: /' "$tmp/notes"
	fi
} >"$RES"
echo
cat "$RES"
[ "$failed" = 0 ]
