# tests/steps/failure.sh: bad input, failed and interrupted builds leave out/ as it was.
# Sourced by tests/run.sh (tests/lib.sh: step, plain, known, need_catalogue).
need_catalogue # $tmp/a: the real catalogue, built by catalogue.sh

# A failed build leaves the previous output exactly as it was.
keep() {
	cp -R "$tmp/a/site" "$tmp/before" &&
	cp -r content "$tmp/broken" &&
	printf -- '---\ntitle: [unclosed\n---\n' > "$tmp/broken/cities/zz.en.md" &&
	if "$KITGEN" build --content "$tmp/broken" --out "$tmp/a" -q 2>"$tmp/err"; then
		echo "build of broken content succeeded"; return 1
	fi
	grep -q 'cities/zz.en.md:3:1: error: .*flow sequence that starts at line 2, column 8' "$tmp/err" &&
	diff -rq "$tmp/a/site" "$tmp/before"
}
step "failed build keeps previous out/" keep

# A file saved while a build runs (after it was read, before its page is
# made): the build stops with a clear error instead of mixing the two
# texts, out/ stays as it was, and the next build has the new text.
edited_during() {
	${CC:-cc} -shared -fPIC -o "$tmp/edit_at.so" tests/interrupt/edit_at.c -ldl &&
	rm -rf "$tmp/ed" && cp -r tests/golden/catalogue/content "$tmp/ed" &&
	"$KITGEN" build -q --content "$tmp/ed" --out "$tmp/ed-out" 2>/dev/null &&
	cp -R "$tmp/ed-out/site" "$tmp/ed-before" &&
	page=$tmp/ed/systems/alpha/index.en.md &&
	if env LD_PRELOAD="$tmp/edit_at.so" KG_EDIT_FILE="$page" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		"$KITGEN" build -q --force --content "$tmp/ed" --out "$tmp/ed-out" 2>"$tmp/err"; then
		echo "the build did not notice the edit"; return 1
	fi
	cat "$tmp/err" &&
	grep -q "systems/alpha/index.en.md.*error: the file changed while kitgen was building" "$tmp/err" &&
	grep -q "build again when the file is saved" "$tmp/err" &&
	diff -rq "$tmp/ed-before" "$tmp/ed-out/site" &&
	"$KITGEN" build -q --content "$tmp/ed" --out "$tmp/ed-out" &&
	grep -q "A sentence saved while kitgen was building." "$tmp/ed-out/site/en/systems/alpha/index.html"
}
step "a file saved during a build: clear error, out/ kept, next build has it" edited_during

# A folder of content/ that cannot be listed (no read permission) is an
# error at the folder: its pages used to vanish from the site, exit 0.
unlisted_folder() {
	${CC:-cc} -shared -fPIC -o "$tmp/deny_dir.so" tests/bad/deny_dir.c -ldl &&
	rm -rf "$tmp/ul" && mkdir "$tmp/ul" && cp -R tests/bad/base/content "$tmp/ul/content" &&
	"$KITGEN" build -q --content "$tmp/ul/content" --out "$tmp/ul/out" 2>/dev/null &&
	cp -R "$tmp/ul/out/site" "$tmp/ul/before" &&
	if env LD_PRELOAD="$tmp/deny_dir.so" KG_DENY_DIR="$tmp/ul/content/pages" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		"$KITGEN" build -q --force --content "$tmp/ul/content" --out "$tmp/ul/out" 2>"$tmp/err"; then
		echo "built without the pages of the folder it could not list"; return 1
	fi
	cat "$tmp/err" &&
	grep -q "content/pages:1:1: error: cannot list the folder: Permission denied" "$tmp/err" &&
	diff -r "$tmp/ul/before" "$tmp/ul/out/site"
}
step "a content folder that cannot be listed: error, out/ kept" unlisted_folder

# Ctrl-C or a kill at any moment of a build leaves out/site whole, and the
# next build cleans up after it.
step "interrupted builds leave out/site whole" sh tests/interrupt/run.sh "$KITGEN"

if [ -x tests/bad/run.sh ]; then
	step "bad-input corpus" sh tests/bad/run.sh "$KITGEN"
fi
step "bad PO files: clear error, the theme unchanged" sh tests/bad/po.sh "$KITGEN"

# What a file, a folder or a second build can do to OUT: two builds at
# once, foreign or linked site folders, damaged caches, -o targets.
step "output folder: one build at a time, only kitgen's files, caches as hints" \
	sh tests/bad/outdir.sh "$KITGEN"
