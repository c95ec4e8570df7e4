#!/bin/sh
# kitgen new: a page of every kind, added to a copy of the catalogue,
# builds at once; what cannot be guessed is named, and the TODOs left keep
# --strict from passing until they are filled in.
#   sh tests/authoring/new.sh [KITGEN]     (from the repository root)
set -u
KITGEN=$(realpath "${1:-./kitgen}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
fails=0
ok() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
c=$tmp/content
cp -r content "$c" || exit 1

new() { "$KITGEN" new "$@" --lang en --content "$c" >"$tmp/said" 2>&1; }
# made KIND NAME FILE [WORDS TO SAY]: new writes FILE and says what is left
made() {
	kind=$1 name=$2 file=$3 say=${4:-}
	if new "$kind" "$name" && [ -f "$c/$file" ] && head -1 "$tmp/said" | grep -qx "$c/$file" &&
		{ [ -z "$say" ] || grep -q "$say" "$tmp/said"; }; then
		ok "new $kind $name"
	else
		fail "new $kind $name"; cat "$tmp/said"
	fi
}
made system zz-system systems/zz-system/index.en.md "'field' is citizen-services"
made city zz-city cities/zz-city.en.md "fill in 'summary' and 'country'"
made page zz-page pages/zz-page.en.md "fill in 'summary'"
made study maputo-2031 studies/maputo-2031.en.md "'city' is maputo"
made kit maputo-2031 kits/maputo-2031.en.md "'city' is maputo"
made diagnostic maputo-2031 diagnostics/maputo-2031.en.md "placeholder 'values'"
grep -qx 'field: citizen-services' "$c/systems/zz-system/index.en.md" &&
	grep -qx 'year: 2031' "$c/studies/maputo-2031.en.md" &&
	grep -q '^  gdp_per_capita: ' "$c/diagnostics/maputo-2031.en.md" &&
	ok "values from site.yaml, the name and model.yaml" || fail "scaffold values"

if "$KITGEN" build --lang en --content "$c" --out "$tmp/o" -q 2>"$tmp/err"; then
	s=$tmp/o/lang-en/site
	for f in en/systems/zz-system/index.html en/cities/zz-city/index.html en/zz-page/index.html \
		en/studies/maputo-2031/index.html en/diagnostics/maputo-2031/index.html \
		pdf/en/kit-maputo-2031.pdf pdf/en/flyer-zz-system.pdf; do
		[ -f "$s/$f" ] || fail "no $f"
	done
	ok "every new page builds"
	# what is left is warned about, never an error
	! grep -q 'error:' "$tmp/err" && grep -q "placeholder left: 'TODO" "$tmp/err" &&
		ok "their TODOs are warnings" || { fail "TODO warnings"; cat "$tmp/err"; }
else
	fail "the new pages do not build"; cat "$tmp/err"
fi
if "$KITGEN" check --strict --lang en --content "$c" 2>"$tmp/err" >/dev/null; then
	fail "--strict passed with the scaffolds' TODOs"
else
	n=$(grep -c "placeholder left: 'TODO" "$tmp/err")
	[ "$n" -ge 6 ] && ok "--strict names every TODO left ($n)" || { fail "TODOs under --strict: $n"; cat "$tmp/err"; }
fi

# Sections in the page's language (the theme's strings); the valid problem
# ids and examples of phases and costs, commented; a translation started
# from the English page is marked draft and builds.
"$KITGEN" new system zz-pt --lang pt --content "$c" >"$tmp/said" 2>&1
f=$c/systems/zz-pt/index.pt.md
grep -qx '## Visão geral' "$f" && grep -qx '## Resultados' "$f" &&
	grep -q '^#   one or more of: .*complaints' "$f" &&
	grep -q '^#   - {item: ' "$c/studies/maputo-2031.en.md" &&
	ok "new --lang pt: Portuguese sections, problem ids and examples" ||
	{ fail "scaffold in the page's language"; cat "$tmp/said"; grep '^#\|^##' "$f" | head; }
"$KITGEN" new system cio --lang pt --from en --content "$c" >"$tmp/said" 2>&1
g=$c/systems/cio/index.pt.md
"$KITGEN" check --content "$c" >/dev/null 2>"$tmp/err"
if [ -f "$g" ] && grep -qx 'translation: draft' "$g" && [ "$(grep -c '^translation:' "$g")" = 1 ] &&
	! grep -q 'systems/cio/index.pt.md' "$tmp/err"; then
	ok "new --from en: a draft translation that checks clean"
else
	fail "new --from en"; cat "$tmp/said"; grep -A3 'cio/index.pt.md' "$tmp/err"
fi

# Not overwritten; wrong names and kinds refused.
new city zz-city; [ $? = 1 ] && grep -q 'exists; not overwritten' "$tmp/said" &&
	ok "an existing page is not overwritten" || fail "overwrote, or said nothing"
new system Bad_Name; [ $? = 2 ] && ok "a bad name is refused" || fail "bad name accepted"
new gadget zz; [ $? = 2 ] && ok "an unknown kind is refused" || fail "unknown kind accepted"

# A study of a city nobody wrote: it says so, and the build names the key.
made study nowhere-2031 studies/nowhere-2031.en.md "set 'city' to the NAME of a file in"
if "$KITGEN" build --lang en --content "$c" --out "$tmp/o" -q 2>"$tmp/err"; then
	fail "a study without a city built"
else
	grep -q "studies/nowhere-2031.en.md:[0-9]*:[0-9]*: error: .*'city'" "$tmp/err" &&
		ok "the build names the empty 'city'" || { fail "no error at 'city'"; cat "$tmp/err"; }
fi

echo "$fails failed"
[ $fails = 0 ]
