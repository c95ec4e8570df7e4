#!/bin/sh
# check_rtl.sh FILE.pdf MARGIN_PT
# Checks that the body text of a PDF is set right to left: every line of
# the body (between running head and foot) ends at the right margin or
# inside it, never starts at the left margin unless it fills the measure,
# and the lines that end at the right margin start at varied places
# (ragged on the left, as start-aligned right-to-left text is). A
# left-to-right document fails: its short lines start at the left margin.
# Positions come from pdftotext -bbox-layout (points from the top left).
# pdftotext may cut one printed line in pieces (it does at Arabic lam-alef
# ligatures in justified lines): pieces whose middles lie within 3 pt of
# each other are one line.
set -u
pdf=$1 margin=$2
size=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p')
[ -n "$size" ] || { echo "check_rtl: $pdf: pdfinfo cannot read it" >&2; exit 1; }
set -- $size
pw=$1 ph=$2
pdftotext -f 1 -l 1 -bbox-layout "$pdf" - 2>/dev/null | awk '
	function attr(s, name) {
		if (!match(s, name "=\"[-0-9.]+\""))
			return -1
		return substr(s, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0
	}
	/<line / {
		y0 = attr($0, "yMin"); y1 = attr($0, "yMax")
		printf "%.2f %.2f %.2f %.2f\n", (y0 + y1) / 2, attr($0, "xMin"), attr($0, "xMax"), y0
	}' | sort -n | awk -v m="$margin" -v pw="$pw" -v ph="$ph" '
	function line_done() {
		if (gy == "" || gy0 < 60 || gy > ph - 55)  # none yet; running head and foot
			return
		n++
		if (gx1 > R + 1) { printf "line at y=%.1f ends at %.1f, past the right margin %.1f\n", gy0, gx1, R; bad++ }
		if (gx1 >= R - 1) {
			right++
			if (lo == "" || gx0 < lo) lo = gx0
			if (hi == "" || gx0 > hi) hi = gx0
		} else if (gx0 <= L + 1) {
			printf "line at y=%.1f starts at the left margin (%.1f) and ends short (%.1f)\n", gy0, gx0, gx1; bad++
		}
	}
	BEGIN { L = m; R = pw - m }
	{
		if (gy != "" && $1 - gy <= 3) {   # another piece of the same line
			if ($2 < gx0) gx0 = $2
			if ($3 > gx1) gx1 = $3
			next
		}
		line_done()
		gy = $1; gx0 = $2; gx1 = $3; gy0 = $4
	}
	END {
		line_done()
		if (n == 0) { print "no body lines"; exit 1 }
		if (right < 8) { printf "only %d of %d lines end at the right margin %.1f\n", right, n, R; bad++ }
		else if (hi - lo < 40) { printf "lines at the right margin all start near %.1f: not ragged left\n", lo; bad++ }
		if (bad) exit 1
		printf "%d body lines, %d at the right margin, their left edges from %.1f to %.1f\n", n, right, lo, hi
	}' || { echo "check_rtl: $pdf: not set right to left" >&2; exit 1; }
