#!/bin/sh
# paragraph.sh WHAT PDF...: the paragraph engine, measured from PDFs with
# pdftotext -bbox-layout (its blocks, lines and words).
#   pitch    every line of a justified paragraph sits on one baseline
#            grid: in each of pdftotext's flows (a column), the distances
#            from a line that reaches the right edge (so not a paragraph's
#            last) to the next line are all equal; a line that opens
#            with a list marker (a bullet, "3.") starts a new item. A superscript, inline
#            code or a fallback font that moves a line makes one longer.
#            Baselines are compared through words of the same height (one
#            font at one size) in both lines.
#   hyphens  no more than 2 hyphenated lines in a row (lines ending at a
#            soft hyphen, U+00AD, as kitgen's PDFs write a hyphenation)
#   both     the two, reading each PDF once
# Prints the worst place found; exits 1 when a PDF fails.
set -u
what=$1
shift
[ $# -gt 0 ] || { echo "paragraph.sh $what: no PDF given"; exit 1; }
rc=0 n=0
for pdf in "$@"; do
	n=$((n + 1))
	pdftotext -bbox-layout "$pdf" - 2>/dev/null | LC_ALL=C awk -v what="$what" -v pdf="$pdf" '
	function attr(s, k,   m) {
		if (match(s, k "=\"[^\"]*\"")) return substr(s, RSTART + length(k) + 2, RLENGTH - length(k) - 3) + 0
		return 0
	}
	# one line done: its words by height class (key: height to 0.1 pt)
	# mapped to their bottom, the most common bottom of each class
	function end_line(   k) {
		if (!nw) return
		nl++
		for (k in cnt) { lb[nl, k] = bot[k]; lk[nl] = lk[nl] " " k }
		ltxt[nl] = txt
		lx[nl] = xmax
		lhy[nl] = last_soft
		delete cnt; delete bot
		nw = 0; txt = ""
	}
	# a flow (poppler: a column of text) done: its lines in reading order
	function end_flow(   i, j, k, ks, m, p, d, run) {
		end_line()
		if (what != "hyphens") {
			# inside a justified paragraph a line that is not its last
			# reaches the right edge of the flow: the next one is the same
			# paragraph. Its pitches, class by class, are all equal.
			fmax = 0
			for (i = 1; i <= nl; i++) if (lx[i] > fmax) fmax = lx[i]
			for (i = 1; i < nl; i++) {
				# a list marker opens the next item, a paragraph of its own
				if (lx[i] < fmax - 0.6 || ltxt[i + 1] ~ /^(\342\200\242|[0-9]+[.)]) /) continue
				m = split(lk[i], ks, " ")
				for (j = 1; j <= m; j++) {
					if (!((i + 1, ks[j]) in lb)) continue
					d = lb[i + 1, ks[j]] - lb[i, ks[j]]
					if (d <= 0) continue
					if (!(ks[j] in lo)) { lo[ks[j]] = d; hi[ks[j]] = d; at[ks[j]] = i }
					if (d < lo[ks[j]]) lo[ks[j]] = d
					if (d > hi[ks[j]]) { hi[ks[j]] = d; at[ks[j]] = i }
				}
			}
			for (k in lo) {
				if (hi[k] - lo[k] > 0.25) {
					i = at[k]
					printf "%s page %d: line pitch %.2f pt in a paragraph set at %.2f pt: \"%s\" / \"%s\"\n", \
						pdf, page, hi[k], lo[k], substr(ltxt[i], 1, 50), substr(ltxt[i + 1], 1, 50)
					bad = 1
				}
			}
			delete lo; delete hi; delete at
		}
		if (what != "pitch") {
			run = 0
			for (i = 1; i <= nl; i++) {
				run = lhy[i] ? run + 1 : 0
				if (run > 2) {
					printf "%s page %d: %d hyphenated lines in a row, up to \"%s\"\n", \
						pdf, page, run, substr(ltxt[i], 1, 60)
					bad = 1
				}
			}
		}
		for (k in lb) delete lb[k]
		delete lk; delete ltxt; delete lhy; delete lx
		nl = 0
	}
	/<page / { page++ }
	/<flow>/ { nl = 0 }
	/<word / {
		y0 = attr($0, "yMin"); y1 = attr($0, "yMax")
		k = sprintf("%.1f", y1 - y0)
		b = sprintf("%.2f", y1)
		c2[k, b]++
		if (!(k in cnt) || c2[k, b] > cnt[k]) { cnt[k] = c2[k, b]; bot[k] = b }
		w = $0; sub(/^[^>]*>/, "", w); sub(/<\/word>.*/, "", w)
		txt = txt (nw ? " " : "") w
		last_soft = (w ~ /\302\255$/)
		nw++
	}
	/<line / { xmax = attr($0, "xMax") }
	/<\/line>/ { end_line(); for (x in c2) delete c2[x] }
	/<\/flow>/ { end_flow() }
	END { exit bad }
	' || rc=1
done
if [ $rc = 0 ]; then
	case $what in
	pitch) echo "$n PDFs: every text block on its baseline grid" ;;
	hyphens) echo "$n PDFs: no more than 2 hyphenated lines in a row" ;;
	*) echo "$n PDFs: text blocks on their grid, no more than 2 hyphenated lines in a row" ;;
	esac
fi
exit $rc
