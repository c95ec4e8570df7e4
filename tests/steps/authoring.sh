# tests/steps/authoring.sh: what authors and translators use: check, i18n, serve, new, help, install.
# Sourced by tests/run.sh (tests/lib.sh: step, plain, known, need_catalogue).

# kitgen check prints the coverage table with the real counts.
coverage() {
	"$KITGEN" check --translations --content tests/golden/catalogue/content > "$tmp/cov" 2>/dev/null &&
	grep -Eq '^systems +1/2 +2/2 +1/2\+1$' "$tmp/cov" &&
	grep -Eq '^studies +0/1 +1/1 +0/1$' "$tmp/cov" &&
	grep -Eq '^outdated de .*systems/alpha/index.de.md$' "$tmp/cov" &&
	grep -Eq '^missing  ko +studies/gamma-2013$' "$tmp/cov"
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
step "authoring: installed kitgen works from anywhere" sh tests/authoring/install.sh "$KITGEN"
