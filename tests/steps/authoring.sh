# tests/steps/authoring.sh: what authors and translators use: check, i18n, serve, new, help, install.
# Sourced by tests/run.sh (tests/lib.sh: step, plain, known, need_catalogue).

# kitgen check prints the coverage table with the real counts.
coverage() {
	"$KITGEN" check --content tests/golden/catalogue/content > "$tmp/cov" 2>/dev/null &&
	grep -Eq '^systems +1/2 +2/2 +1/2\+1$' "$tmp/cov" &&
	grep -Eq '^studies +0/1 +1/1 +0/1$' "$tmp/cov" &&
	"$KITGEN" check --translations --content tests/golden/catalogue/content > "$tmp/tr" 2>&1 &&
	# a table per kind: translated, draft, fallback, outdated; then which
	grep -Eq '^  de +0 +1 +1 +1$' "$tmp/tr" &&
	grep -Eq '^  outdated de: systems/alpha/index.de.md \(updated 2025-12-01\); systems/alpha/index.en.md is newer \(updated 2026-01-03\)$' "$tmp/tr" &&
	grep -Eq '^  fallback ko: gamma-2013$' "$tmp/tr" &&
	# the verdict after the report, even with both streams on one pipe
	tail -n 1 "$tmp/tr" | grep -q '^kitgen: 0 errors' &&
	"$KITGEN" check --translations --json --content tests/golden/catalogue/content 2>/dev/null |
		python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["systems"]["de"]["outdated"][0]["newer"] == "systems/alpha/index.en.md"; assert d["studies"]["ko"]["fallback_pages"] == ["gamma-2013"]' &&
	# kits count against the languages of their city, not all fifteen
	"$KITGEN" check > "$tmp/real" 2>/dev/null &&
	grep -Eq '^kits +13/13 +13/13 +1/1 ' "$tmp/real"
}
step "check: translation coverage, missing and outdated" coverage

# UI strings go out to translators as PO and come back unchanged; a broken
# PO file is refused with its position.
po() {
	cp -r themes "$tmp/themes" &&
	"$KITGEN" i18n export ko -o "$tmp/ko.po" >/dev/null &&
	grep -q '^msgctxt "nav.systems"$' "$tmp/ko.po" &&
	"$KITGEN" i18n import ko "$tmp/ko.po" --theme "$tmp/themes/default" >/dev/null &&
	"$KITGEN" i18n export ko --theme "$tmp/themes/default" | diff - "$tmp/ko.po" &&
	printf 'msgctxt "a"\nmsgid "A"\nmsgstr oops\n' > "$tmp/bad.po" &&
	! "$KITGEN" i18n import ko "$tmp/bad.po" --theme "$tmp/themes/default" 2>"$tmp/err" &&
	grep -q 'bad.po:3:8: error: not a PO line' "$tmp/err"
}
step "i18n: PO export and import round-trip" po

# Authoring: kitgen serve (HTTP, live reload, errors in the browser),
# kitgen new, what a terminal sees, help and man page, make install.
step "authoring: serve answers, reloads, shows errors" sh tests/authoring/serve.sh "$KITGEN"
step "authoring: new pages of every kind build --strict" sh tests/authoring/new.sh "$KITGEN"
step "authoring: colour and progress only on a terminal" sh tests/authoring/tty.sh "$KITGEN"
step "authoring: help and the man page agree" sh tests/authoring/help.sh "$KITGEN"
step "authoring: the day before a visit (one document, --lang, --strict, messages, list)" sh tests/authoring/workday.sh "$KITGEN"
step "authoring: installed kitgen works from anywhere" sh tests/authoring/install.sh "$KITGEN"
