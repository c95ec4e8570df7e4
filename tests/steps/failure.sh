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

# DIR/content, a copy of SRC, built into DIR/out; that site kept as
# DIR/before to compare with after a failed build.
built_copy() { # SRC DIR
	rm -rf "$2" && mkdir "$2" && cp -R "$1" "$2/content" &&
	"$KITGEN" build -q --content "$2/content" --out "$2/out" 2>/dev/null &&
	cp -R "$2/out/site" "$2/before"
}

# A forced build of DIR/content into DIR/out under a preload shim (SHIM.c,
# built here) told VAR=VALUE; stderr in $tmp/err. Fails, saying WHY, when
# the build succeeds.
build_fails_under() { # SHIM.c VAR VALUE DIR WHY
	so=$tmp/$(basename "$1" .c).so
	${CC:-cc} -shared -fPIC -o "$so" "$1" -ldl || return 1
	if env LD_PRELOAD="$so" "$2=$3" ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		"$KITGEN" build -q --force --content "$4/content" --out "$4/out" 2>"$tmp/err"; then
		echo "$5"; return 1
	fi
	cat "$tmp/err"
}

# A file saved while a build runs (after it was read, before its page is
# made): the build stops with a clear error instead of mixing the two
# texts, out/ stays as it was, and the next build has the new text.
edited_during() {
	built_copy tests/golden/catalogue/content "$tmp/ed" &&
	build_fails_under tests/interrupt/edit_at.c KG_EDIT_FILE "$tmp/ed/content/systems/alpha/index.en.md" \
		"$tmp/ed" "the build did not notice the edit" &&
	grep -q "systems/alpha/index.en.md.*error: the file changed while kitgen was building" "$tmp/err" &&
	grep -q "build again when the file is saved" "$tmp/err" &&
	diff -rq "$tmp/ed/before" "$tmp/ed/out/site" &&
	"$KITGEN" build -q --content "$tmp/ed/content" --out "$tmp/ed/out" &&
	grep -q "A sentence saved while kitgen was building." "$tmp/ed/out/site/en/systems/alpha/index.html"
}
step "a file saved during a build: clear error, out/ kept, next build has it" edited_during

# A folder of content/ that cannot be listed (no read permission) is an
# error at the folder: its pages used to vanish from the site, exit 0.
unlisted_folder() {
	built_copy tests/bad/base/content "$tmp/ul" &&
	build_fails_under tests/bad/deny_dir.c KG_DENY_DIR "$tmp/ul/content/pages" \
		"$tmp/ul" "built without the pages of the folder it could not list" &&
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
