#!/bin/sh
# Changes each front-matter key of each page of a catalogue, one at a time,
# and compares what an incremental build remade (files with a new inode:
# a kept file is a hard link to the previous one) with what shows the
# change (files whose bytes differ between full builds before and after).
#   sh tests/incremental/fm_keys.sh KITGEN REPORT [CONTENT]
# Writes one line per change to REPORT: "KEY FILE: remade R, shows S,
# stale X, extra Y" (stale: shows it but kept; extra: remade, same bytes).
# Exit status 1 when any output went stale; the report lets a caller hold
# the builds to "exactly those" (extra 0) as well.
set -u
KITGEN=$1
report=$2
src=${3:-tests/golden/catalogue/content}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src" "$tmp/c"
: >"$report"

# A new value of the same type for KEY's VALUE, or nothing to skip it.
mutate() { # mutate KEY VALUE
	case $1:$2 in
	field:services) echo admin ;;
	field:*) echo services ;;
	translation:draft) echo reviewed ;;
	translation:*) echo draft ;;
	scope:focused) echo master-plan ;;
	scope:*) echo focused ;;
	proposed:*|systems:*) echo "[alpha, beta]" ;;
	problems:*|requires:*) echo "[complaints, waste]" ;;
	city:*|recommend:*|image:*|language:*|paper:*) ;; # needs another page or file: skipped
	*:true) echo false ;;
	*:false) echo true ;;
	*) if echo "$2" | grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'; then
		echo "$2" | sed 's/-[0-9][0-9]$/-15/; t; s/$//' | grep -v "^$2\$" || echo "${2%-*}-16"
	elif echo "$2" | grep -Eq '^[0-9]+$'; then
		echo $(($2 + 1))
	else
		echo "$2 (edited)"
	fi ;;
	esac
}

build() { # quiet but for a failure
	"$KITGEN" build -q "$@" 2>"$tmp/stderr" || { cat "$tmp/stderr"; exit 2; }
}
build --content "$tmp/c" --out "$tmp/inc"
build --force --content "$tmp/c" --out "$tmp/f0"
prev=$tmp/f0 n=0 stale_total=0
for file in $(cd "$tmp/c" && find . -name '*.md' | sort); do
	keys=$(sed -n '2,/^---$/s/^\([a-z_]*\): \(.*\)$/\1/p' "$tmp/c/$file")
	for key in $keys; do
		value=$(sed -n "2,/^---\$/s/^$key: \\(.*\\)\$/\\1/p" "$tmp/c/$file" | head -n 1)
		new=$(mutate "$key" "$value")
		if [ -z "$new" ]; then
			echo "$key ${file#./}: skipped" >>"$report"; continue
		fi
		n=$((n + 1))
		( cd "$tmp/inc/site" && find . -type f -printf '%i %P\n' | sort -k2 ) >"$tmp/before"
		sed -i "2,/^---\$/s|^$key: .*\$|$key: $new|" "$tmp/c/$file"
		build --content "$tmp/c" --out "$tmp/inc"
		( cd "$tmp/inc/site" && find . -type f -printf '%i %P\n' | sort -k2 ) >"$tmp/after"
		rm -rf "$tmp/f$n"
		build --force --content "$tmp/c" --out "$tmp/f$n"
		# remade: new inode, or new file; shows: bytes differ, or only on one side
		join -1 2 -2 2 -a 2 -e none -o 0,1.1,2.1 "$tmp/before" "$tmp/after" |
			awk '$2 != $3 {print $1}' | sort >"$tmp/remade"
		diff -rq "$prev/site" "$tmp/f$n/site" | sed -n \
			-e "s|^Files $prev/site/\(.*\) and .* differ\$|\1|p" \
			-e "s|^Only in $tmp/f$n/site/*\(.*\): \(.*\)\$|\1/\2|p" | sed 's|^/||' | sort >"$tmp/shows"
		stale=$(comm -13 "$tmp/remade" "$tmp/shows" | wc -l)
		extra=$(comm -23 "$tmp/remade" "$tmp/shows" | wc -l)
		echo "$key ${file#./}: remade $(wc -l <"$tmp/remade"), shows $(wc -l <"$tmp/shows"), stale $stale, extra $extra" >>"$report"
		comm -13 "$tmp/remade" "$tmp/shows" | sed 's/^/  stale: /' >>"$report"
		comm -23 "$tmp/remade" "$tmp/shows" | sed 's/^/  extra: /' >>"$report"
		stale_total=$((stale_total + stale))
		rm -rf "$prev"
		prev=$tmp/f$n
	done
done
echo "$n changes, $stale_total stale outputs" >>"$report"
[ "$n" -gt 0 ] && [ "$stale_total" -eq 0 ]
