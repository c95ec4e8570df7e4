#!/bin/sh
# The day before a visit: one document while another file is broken, a
# --lang build that keeps the site whole, unfinished work that --strict
# catches, messages in the compiler convention, finding names.
#   sh tests/authoring/workday.sh [KITGEN]     (from the repository root)
set -u
KITGEN=$(realpath "${1:-./kitgen}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; fails=$((fails + 1)); }
status() { "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }

base=tests/bad/base/content
fresh() { rm -rf "$tmp/c" && cp -r "$base" "$tmp/c"; }

# A colleague's study is broken: the kit that does not use it is made, with
# one warning line; --strict stops; a kit that uses the broken file stops.
fresh
study=$(ls "$tmp"/c/studies/*.en.md | head -n 1)
sed -i 's/^year: .*/year: 27/' "$study"
city=$(sed -n 's/^city: *//p' "$study")
mkdir -p "$tmp/c/cities" "$tmp/c/kits" && cat > "$tmp/c/cities/elsewhere.en.md" <<'EOM'
---
title: "Elsewhere"
summary: "A city of the test."
country: "Nowhere"
---
Text.
EOM
cat > "$tmp/c/kits/elsewhere-2026.en.md" <<'EOM'
---
title: "Briefing for Elsewhere"
summary: "A kit that does not use the broken study."
city: elsewhere
delegation: "A delegation"
date: 2026-12-08
---
Welcome.
EOM
s=$(status "$KITGEN" kit elsewhere-2026 --lang en --content "$tmp/c" -o "$tmp/kit.pdf")
[ "$s" = 0 ] && [ -s "$tmp/kit.pdf" ] &&
	grep -q '^kitgen: warning: 1 error in files this kit does not use$' "$tmp/err" &&
	! grep -q "$study" "$tmp/err" &&
	ok "a kit is made while an unrelated study is broken (one warning line)" ||
	{ fail "kit with a broken unrelated file (status $s)"; cat "$tmp/err"; }
rm -f "$tmp/kit2.pdf"
s=$(status "$KITGEN" kit elsewhere-2026 --lang en --content "$tmp/c" -o "$tmp/kit2.pdf" --strict)
[ "$s" = 1 ] && [ ! -e "$tmp/kit2.pdf" ] && grep -q 'year' "$tmp/err" &&
	ok "--strict: the unrelated error stops the kit and is shown" || fail "kit --strict (status $s)"
s=$(status "$KITGEN" report "$(basename "$study" .en.md)" --lang en --content "$tmp/c" -o "$tmp/r.pdf")
[ "$s" = 1 ] && [ ! -e "$tmp/r.pdf" ] && grep -q "year" "$tmp/err" &&
	ok "the broken study's own report is not made" || fail "broken report (status $s)"

s=$(status "$KITGEN" kit elsewhere --content "$tmp/c")
[ "$s" = 1 ] && grep -q "there is no kit named 'elsewhere'; did you mean 'elsewhere-2026'?" "$tmp/err" &&
	grep -q "kitgen list kits" "$tmp/err" &&
	ok "kit NAME without its year: the full name is suggested" || { fail "kit name"; cat "$tmp/err"; }

# A draft translation is named by the commands that make that document in
# that language, and by nothing else: not the other language, not another
# document.
fresh
sed -i '0,/^title:/s//translation: draft\ntitle:/' "$tmp/c/studies/testville-2013.ko.md"
s=$(status "$KITGEN" report testville-2013 --lang ko --content "$tmp/c" -o "$tmp/r.pdf")
[ "$s" = 0 ] && grep -q "warning: 'ko' documents are unfinished: 1 draft (study testville-2013)" "$tmp/err" &&
	s=$(status "$KITGEN" report testville-2013 --lang en --content "$tmp/c" -o "$tmp/r.pdf") &&
	[ "$s" = 0 ] && ! grep -q 'unfinished' "$tmp/err" &&
	s=$(status "$KITGEN" flyer alpha --lang ko --content "$tmp/c" -o "$tmp/f.pdf") &&
	[ "$s" = 0 ] && ! grep -q 'unfinished' "$tmp/err" &&
	s=$(status "$KITGEN" build -q --content "$tmp/c" --out "$tmp/o") &&
	[ "$s" = 0 ] && grep -q "'ko' documents are unfinished" "$tmp/err" &&
	ok "a draft is named for its own document and language; a build names every one" ||
	{ fail "draft warnings (status $s)"; cat "$tmp/err"; }

# --lang builds a partial site elsewhere; OUT/site keeps every language.
fresh
"$KITGEN" build -q --content "$tmp/c" --out "$tmp/o" >/dev/null 2>&1
s=$(status "$KITGEN" build --lang en --content "$tmp/c" --out "$tmp/o")
[ "$s" = 0 ] && [ -f "$tmp/o/site/ko/index.html" ] && [ -f "$tmp/o/site/en/index.html" ] &&
	[ -f "$tmp/o/lang-en/site/en/index.html" ] && [ ! -e "$tmp/o/lang-en/site/ko" ] &&
	grep -q 'partial site' "$tmp/out" &&
	ok "build --lang en leaves OUT/site whole and says where the partial site is" ||
	fail "build --lang (status $s)"

# Unfinished work: scaffolds' TODOs fail --strict; drafts are left out.
fresh
"$KITGEN" new kit elsewhere-2027 --content "$tmp/c" >/dev/null 2>&1
s=$(status "$KITGEN" check --strict --content "$tmp/c")
[ "$s" = 1 ] && grep -q "placeholder left: 'TODO: who visits'" "$tmp/err" &&
	ok "a scaffold's TODO fails check --strict" || fail "TODO placeholders (status $s)"
fresh
page=$(ls "$tmp"/c/pages/*.en.md | head -n 1)
name=$(basename "$page" .en.md)
sed -i '0,/^title:/s//draft: true\ntitle:/' "$page"
"$KITGEN" build --content "$tmp/c" --out "$tmp/d" >"$tmp/out" 2>&1
grep -q '1 draft page left out' "$tmp/out" && ! grep -rq "$(sed -n 's/^title: *//p' "$page" | tr -d '"')" "$tmp/d/site/en/$name/" 2>/dev/null &&
	"$KITGEN" build -q --drafts --content "$tmp/c" --out "$tmp/d2" &&
	[ -f "$tmp/d2/site/en/$name/index.html" ] &&
	ok "draft: true is left out, --drafts includes it" || { fail "drafts"; cat "$tmp/out"; }

# Messages: columns in characters; did you mean; what a missing image is.
fresh
f=$(ls "$tmp"/c/cities/*.en.md | head -n 1)
printf '\nСөүл хот [холбоос](no-such-file.png) энд.\n' >> "$f"
line=$(wc -l < "$f")
s=$(status "$KITGEN" check --content "$tmp/c")
grep -q ":$line:10: error: link 'no-such-file.png' names a file that does not exist" "$tmp/err" &&
	ok "columns count characters on a Cyrillic line" || { fail "column"; cat "$tmp/err"; }
fresh
sys=$(ls "$tmp/c/systems" | head -n 1)
img=$(ls "$tmp/c/systems/$sys" | grep -v '\.md$' | head -n 1)
typo=$(echo "$img" | sed 's/\.\([a-z]*\)$/x.\1/')
f=$(ls "$tmp"/c/pages/*.en.md | head -n 1)
printf '\n![A figure](../systems/%s/%s)\n' "$sys" "$typo" >> "$f"
sed -i 's/^summary:/sumary:/' "$(ls "$tmp"/c/cities/*.en.md | head -n 1)"
printf '\nSee [the system](../systems/%sx/index.en.md).\n' "$sys" >> "$f"
"$KITGEN" check --content "$tmp/c" >/dev/null 2>"$tmp/err"
grep -q "image '../systems/$sys/$typo' names a file that does not exist" "$tmp/err" &&
	grep -q "hint: did you mean '$img'?" "$tmp/err" &&
	grep -q "hint: did you mean 'summary'?" "$tmp/err" &&
	grep -q "hint: did you mean '$sys'?" "$tmp/err" &&
	ok "did you mean: file, key, page" || { fail "did you mean"; cat "$tmp/err"; }

# Exit codes: 0 done, 1 content, 2 usage — one line and where to read more.
s=$(status "$KITGEN"); [ "$s" = 2 ] || fail "kitgen alone: $s"
s=$(status "$KITGEN" build --only html)
[ "$s" = 2 ] && [ "$(wc -l < "$tmp/err")" = 2 ] && grep -q "see 'kitgen help build'" "$tmp/err" ||
	fail "--only html: $s"
s=$(status "$KITGEN" buld)
[ "$s" = 2 ] && grep -q "did you mean 'build'" "$tmp/err" || fail "unknown command: $s"
s=$(status "$KITGEN" build --stirct)
[ "$s" = 2 ] && grep -q "did you mean '--strict'" "$tmp/err" && [ "$(wc -l < "$tmp/err")" = 2 ] ||
	fail "unknown option: $s"
s=$(status "$KITGEN" kit)
[ "$s" = 2 ] && grep -q "see 'kitgen help kit'" "$tmp/err" || fail "kit without a name: $s"
ok "exit codes and one-line usage errors"

# base_url is an absolute http(s) URL ending in '/'.
fresh
sed -i 's|^base_url: .*|base_url: /showcase/|' "$tmp/c/site.yaml"
s=$(status "$KITGEN" check --content "$tmp/c")
[ "$s" = 1 ] && grep -q "base_url must be an absolute http(s) URL" "$tmp/err" &&
	ok "a relative base_url is an error" || fail "base_url (status $s)"

# Finding things: kitgen list.
"$KITGEN" list kits --content "$base" >"$tmp/out" &&
	grep -q "^kits (" "$tmp/out" &&
	"$KITGEN" list --json --content "$base" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["systems"] and all("name" in x and "languages" in x for x in d["systems"])' &&
	ok "kitgen list and --json" || fail "kitgen list"

# Starting: kitgen init makes a catalogue that builds at once, and passes
# --strict once its TODOs are filled in.
theme=$(realpath themes/default) fonts=$(realpath fonts)
if "$KITGEN" init "$tmp/new" >"$tmp/out" 2>"$tmp/err" &&
	(cd "$tmp/new" && "$KITGEN" build -q --theme "$theme" --fonts "$fonts" 2>/dev/null) &&
	[ -f "$tmp/new/out/site/en/systems/example-system/index.html" ] &&
	! (cd "$tmp/new" && "$KITGEN" check --strict --theme "$theme" >/dev/null 2>&1); then
	find "$tmp/new/content" -type f -exec sed -i 's/TODO[^"]*/Filled in by the author/' {} +
	sed -i 's|^base_url: .*|base_url: https://showcase.test/|' "$tmp/new/content/site.yaml"
	if (cd "$tmp/new" && "$KITGEN" check --strict --theme "$theme" >/dev/null 2>"$tmp/err"); then
		ok "init: builds at once, --strict passes once the TODOs are filled in"
	else
		fail "init: --strict after filling in"; cat "$tmp/err"
	fi
else
	fail "init"; cat "$tmp/out" "$tmp/err"
fi
s=$(status "$KITGEN" init "$tmp/new")
[ "$s" = 1 ] && grep -q 'a catalogue is already there' "$tmp/err" &&
	ok "init never overwrites a catalogue" || fail "init over a catalogue: $s"

echo "$fails failed"
[ $fails = 0 ]
