#!/bin/sh
# What a file, a folder or a second build can do to kitgen's output folder
# (issue 18, findings 3-6, 9-11, 16, 18, 20 and --out inside content/):
# kitgen deletes only what it made, reads its caches as hints, writes -o
# targets without replacing them, runs one build per OUT at a time.
#
#   sh tests/bad/outdir.sh [KITGEN [CASE...]]      (from the repository root)
#
# Every case starts from tests/bad/base/content built into T/out, with a
# file planted outside it (T/victim/precious.txt). It damages something,
# runs kitgen and checks the exit status, the message, that T/victim is
# untouched and that T/out/site is either exactly as before (a failed
# build) or exactly a clean build's (a good one). One line per case, then
# "N passed, M failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
KITGEN=${1:-$top/kitgen}
[ $# -gt 0 ] && shift
case $KITGEN in /*) ;; *) KITGEN=$(pwd)/$KITGEN ;; esac
base=$top/tests/bad/base/content
theme=$top/themes/default
fonts=$top/fonts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
export NO_COLOR=1 LC_ALL=C.UTF-8
# The secret that signs caches lives in the user's cache folder: a private one.
export XDG_CACHE_HOME=$work/xdg
limit=60
[ -n "${ASAN_OPTIONS:-}" ] && limit=300
passed=0 failed=0

kg() { timeout -k 5 "$limit" "$KITGEN" "$@"; }
build() { # build [ARGS]: the base catalogue into out/ (in the case folder)
	kg build --content content --theme "$theme" --fonts "$fonts" --out out "$@"
}
sum() { # sum DIR: one hash of the names and bytes under DIR
	[ -e "$1" ] || { echo absent; return; }
	(cd "$1" && find . | LC_ALL=C sort && find . -type f -exec sha256sum {} + | LC_ALL=C sort -k2) |
		sha256sum | cut -d' ' -f1
}
problem=
bad() { [ -z "$problem" ] && problem=$*; }
said() { grep -qF -- "$1" err || bad "stderr lacks '$1': $(head -c 300 err | tr '\n' ' ')"; }
status() { [ "$rc" = "$1" ] || bad "exit status $rc, expected $1: $(head -c 300 err | tr '\n' ' ')"; }
victim_kept() {
	[ "$(cat victim/precious.txt 2>/dev/null)" = precious ] || bad "victim/precious.txt was deleted or changed"
	[ "$(sum victim)" = "$victim_sum" ] || bad "the folder outside out/ changed"
}
site_kept() { [ "$(sum out/site)" = "$site_sum" ] || bad "out/site changed"; }
site_clean() { [ "$(sum out/site)" = "$clean_sum" ] || bad "out/site is not what a clean build gives"; }
no_staging() {
	left=$(find out -maxdepth 1 -name 'site.tmp-*' | head -n 1)
	[ -z "$left" ] || bad "left $left behind"
}

# Reference: what a clean build of the base catalogue gives.
mkdir -p "$work/ref" && cp -R "$base" "$work/ref/content" &&
(cd "$work/ref" && build -q) || { echo "FAIL setup: the base catalogue does not build"; exit 1; }
clean_sum=$(sum "$work/ref/out/site")

# prepare NAME: a case folder with content/, a built out/, victim/.
prepare() {
	t=$work/$1
	mkdir -p "$t/victim/sub" && cd "$t" || return 1
	cp -R "$work/ref/content" content && cp -R "$work/ref/out" out &&
	echo precious > victim/precious.txt && echo also > victim/sub/keep.txt
	victim_sum=$(sum victim)
	site_sum=$(sum out/site)
}

run() { # run ARGS...: kitgen, status in $rc, stderr in err
	kg "$@" >out.log 2>err
	rc=$?
}
run_build() { # run_build [ARGS]: build (above), status in $rc, stderr in err
	build "$@" >out.log 2>err
	rc=$?
}

# --- 3: one build per out/ at a time -------------------------------------
case_two_builds() {
	# Two builds at once, 20 times, started 0 to 0.95 s apart: each ends
	# with exit 0 or with the lock's message, and out/site is whole.
	i=0
	while [ $i -lt 20 ] && [ -z "$problem" ]; do
		build --force -q >a.log 2>a.err &
		a=$!
		sleep "0.$(printf '%02d' $((i * 5)))"
		build --force -q >b.log 2>b.err
		rb=$?
		wait $a
		ra=$?
		# either may come second (a slow start), never both
		[ $ra = 0 ] || [ $rb = 0 ] || bad "round $i: both builds failed"
		[ $ra = 0 ] || grep -q 'another build is running (pid [0-9]*)' a.err ||
			bad "round $i: first build exited $ra without the lock's message: $(head -c 200 a.err)"
		[ $rb = 0 ] || grep -q 'another build is running (pid [0-9]*)' b.err ||
			bad "round $i: second build exited $rb without the lock's message: $(head -c 200 b.err)"
		site_clean
		no_staging
		i=$((i + 1))
	done
	victim_kept
}
case_bogus_second() {
	# The issue's reproduction: a bad second invocation while a build runs
	# must not clean the first one's staging folder.
	build --only site --force -q >a.log 2>a.err &
	a=$!
	sleep 0.3
	run_build --only bogus
	wait $a || bad "the first build failed: $(head -c 200 a.err)"
	# refused as a usage error (2) before any build, or by the lock (1)
	[ "$rc" = 1 ] || [ "$rc" = 2 ] || bad "exit status $rc"
	grep -q "another build is running\|--only must be 'site' or 'pdf'" err ||
		bad "no clear message: $(head -c 200 err)"
	site_clean
	no_staging
}

# --- 4: --out refuses a site/ kitgen did not make -------------------------
case_out_foreign_site() {
	mkdir -p home/site && echo thesis > home/site/thesis.tex
	run_build --out home
	status 1
	said "home/site was not made by kitgen"
	said "choose another --out"
	[ "$(cat home/site/thesis.tex 2>/dev/null)" = thesis ] || bad "home/site/thesis.tex is gone"
	victim_kept
}

# --- 5: cache files are trusted blindly ----------------------------------
case_spare_keys_climb() {
	# A name in the spare's or the outputs' keys that climbs out of the
	# site (relative and absolute), for several builds.
	build -q || bad "second build failed" # makes the spare
	printf '../../victim/precious.txt\tabc\n../../victim/sub/keep.txt\tabc\n%s/victim/precious.txt\tabc\n' \
		"$t" >> out/.cache/site-spare.tsv
	printf '../../victim/precious.txt\tabc\n' >> out/.cache/outputs.tsv
	for n in 1 2 3; do
		run_build -q
		status 0
	done
	site_clean
	victim_kept
}
case_spare_is_link() {
	build -q || bad "second build failed"
	rm -rf out/.cache/site-spare && ln -s "$t/victim" out/.cache/site-spare
	run_build -q
	status 0
	site_clean
	victim_kept
	[ -L out/.cache/site-spare ] && bad "the link is still used as the spare"
}
case_spare_inner_link() {
	# A folder inside the spare replaced by a link to a folder outside.
	build -q || bad "second build failed"
	rm -rf out/.cache/site-spare/en && ln -s "$t/victim" out/.cache/site-spare/en
	printf 'en/precious.txt\tabc\nen/sub/keep.txt\tabc\n' >> out/.cache/site-spare.tsv
	run_build -q
	status 0
	site_clean
	victim_kept
}
case_site_is_link() {
	# out/site a link to a web root: refused, nothing in the web root goes.
	rm -rf out/site && ln -s "$t/victim" out/site
	run_build -q
	status 1
	said "out/site is a symbolic link"
	[ -L out/site ] || bad "the link was replaced"
	victim_kept
}
case_cache_garbage() {
	# Every cache file in every way: binary junk, a FIFO, a folder, a link
	# to a file outside. Each build succeeds and gives the clean site.
	for how in junk fifo dir link; do
		for f in outputs.tsv site-spare.tsv checked.tsv frontmatter.bin; do
			build -q >/dev/null 2>&1
			p=out/.cache/$f
			rm -rf "$p"
			case $how in
			junk) printf 'kgfm2\n\377\376\000\001#complete\n../../victim/precious.txt\tk\n/etc\t\t\n%04096d' 7 > "$p" ;;
			fifo) mkfifo "$p" ;;
			dir) mkdir "$p" && echo x > "$p/x" ;;
			link) ln -s "$t/victim/precious.txt" "$p" ;;
			esac
			run_build -q
			if [ "$how$f" = diroutputs.tsv ]; then
				# the old site's keys cannot be removed: no swap, said so
				[ "$rc" = 1 ] && grep -q 'cannot remove out/.cache/outputs.tsv' err ||
					bad "dir outputs.tsv: exit $rc: $(head -c 200 err)"
				rm -rf "$p"
				continue
			fi
			[ "$rc" = 0 ] || { bad "$how $f: exit $rc: $(head -c 200 err)"; return; }
			site_clean
			victim_kept
		done
	done
}

case_checked_media_climb() {
	# checked.tsv lists the media a clean page uses; a name added there
	# that climbs out of content/ was read from outside content/ and
	# written outside out/ (media/../../..).
	find content -exec touch -d '2 hours ago' {} + && build -q >/dev/null 2>&1
	w=$(basename "$work")
	evil="../../../$w/checked_media_climb/victim/precious.txt"
	sed -i "s|^\(pages/about.en.md\t[^\t]*\t.*\)\$|\1\|$evil|" out/.cache/checked.tsv
	sed -i "s|^\(pages/about.en.md\t[^\t]*\t\)|\1$evil|" out/.cache/checked.tsv
	grep -q 'victim/precious.txt' out/.cache/checked.tsv || { bad "could not plant the name"; return; }
	rm -f out/.cache/outputs.tsv out/.cache/site-spare.tsv
	run_build -q
	status 0
	[ -e "$t/$w" ] && bad "a file was written outside out/ ($w/...)"
	site_clean
	victim_kept
}
case_lock_is_link() {
	# OUT/.lock a link to a file elsewhere: not truncated, not used.
	rm -f out/.lock && ln -s "$t/victim/precious.txt" out/.lock
	run_build -q
	status 1
	said "cannot lock out/.lock: it is not a regular file"
	victim_kept
	site_kept
}

# --- 6: -o writes files, never replaces a device, FIFO or folder ----------
case_o_targets() {
	t_po=$(mktemp -u "$t/fifo.XXXXXX")
	# a FIFO: written into, still a FIFO
	mkfifo "$t_po" && (cat "$t_po" > fifo.out &) && sleep 0.2
	run i18n export ko --theme "$theme" -o "$t_po"
	status 0
	[ -p "$t_po" ] || bad "the FIFO was replaced"
	sleep 0.2
	grep -q '^msgctxt ' fifo.out || bad "nothing came through the FIFO"
	# /dev/stdout: the text on stdout. A link of our own to the same
	# place stands for it (a kitgen with the bug replaced /dev/stdout
	# itself): still a link after.
	ln -s /proc/self/fd/1 stdout
	run i18n export ko --theme "$theme" -o "$t/stdout"
	status 0
	grep -q '^msgctxt ' out.log || bad "-o a link to /proc/self/fd/1 wrote nothing to stdout"
	[ -L stdout ] || bad "the link to /proc/self/fd/1 was replaced"
	# a folder: refused, kept
	mkdir adir && echo x > adir/x
	run i18n export ko --theme "$theme" -o adir
	status 1
	said "adir: it is a folder"
	[ -f adir/x ] || bad "the folder was replaced"
	# a device like /dev/full (our own node, made where we can): written
	# into, fails clearly, still a device; as root kitgen used to turn it
	# into a regular file
	if mknod full c 1 7 2>/dev/null; then
		run i18n export ko --theme "$theme" -o "$t/full"
		status 1
		said "cannot write $t/full: No space left on device"
		[ -c full ] || bad "the device node was replaced by a file"
	fi
	# a link to a file: the file replaced, the link kept
	echo old > real.po && ln -s real.po link.po
	run i18n export ko --theme "$theme" -o link.po
	status 0
	[ -L link.po ] || bad "the link was replaced"
	grep -q '^msgctxt ' real.po || bad "the link's file was not written"
	victim_kept
}

# --- 9: the failure message says what happened ---------------------------
case_cache_unremovable() {
	# The keys of the old site cannot be removed (a folder in their
	# place; chattr +i does the same where it can be set): the build
	# must not swap, and says so truly.
	rm -f out/.cache/outputs.tsv && mkdir out/.cache/outputs.tsv && echo x > out/.cache/outputs.tsv/x
	echo "New text." >> content/pages/about.en.md
	run_build -q
	status 1
	said "cannot remove out/.cache/outputs.tsv"
	said "out/site is unchanged"
	site_kept
	no_staging
	victim_kept
}
case_cache_immutable() {
	# chattr +i out/.cache: as above, where the file system allows it.
	command -v chattr >/dev/null && chattr +i out/.cache 2>/dev/null || return 0
	echo "New text." >> content/pages/about.en.md
	run_build -q
	chattr -i out/.cache
	status 1
	said "out/site is unchanged"
	site_kept
	no_staging
}

# --- 10: the front-matter cache --------------------------------------------
case_fm_fifo() {
	rm -f out/.cache/frontmatter.bin && mkfifo out/.cache/frontmatter.bin
	run_build -q
	status 0
	site_clean
}
case_fm_forged() {
	# The title's bytes changed in the cache and the file checksummed
	# again, with the XXH3 trailer kitgen once trusted and with an HMAC
	# under a key that is not this user's: the page keeps its own title.
	f=out/.cache/frontmatter.bin
	# files saved long ago: the cache is used for them (not for a file
	# saved within a second of the build that wrote it)
	find content -exec touch -d '2 hours ago' {} + && build -q >/dev/null 2>&1
	cp "$f" forged.orig
	cc -o fmforge "$top/tests/bad/fmforge.c" -lxxhash 2>err && ./fmforge "$f" ||
		{ bad "could not forge (XXH3): $(cat err)"; return; }
	# without the outputs' keys every page is made again from the cache
	rm -f out/.cache/outputs.tsv out/.cache/site-spare.tsv
	run_build -q
	status 0
	grep -rq Pwned out/site && bad "a forged cache (XXH3 checksum) changed a page"
	site_clean
	build -q >/dev/null 2>&1 # a fresh cache to forge again
	[ -e forged.orig ] || return
	python3 - "$f" <<'EOF' || { bad "could not forge"; return; }
import hashlib, hmac, sys
p = sys.argv[1]
b = open(p, 'rb').read()
body = b[:-32]
assert b'About' in body
body = body.replace(b'About', b'Pwned')
# line numbers of every node at 2147483647 are not attempted: the forger
# has no key to sign with either way
open(p, 'wb').write(body + hmac.new(b'k' * 32, body, hashlib.sha256).digest())
EOF
	rm -f out/.cache/outputs.tsv out/.cache/site-spare.tsv
	run_build -q
	status 0
	grep -rq Pwned out/site && bad "a forged cache changed a page"
	site_clean
}
case_fm_elsewhere() {
	# A cache made by another user (another secret) is not used.
	env XDG_CACHE_HOME="$t/other" timeout -k 5 "$limit" "$KITGEN" build --content content \
		--theme "$theme" --fonts "$fonts" --out out -q >out.log 2>err
	rc=$?
	status 0
	site_clean
}

# --- 11: nothing left behind ----------------------------------------------
case_swap_fails() {
	cc -shared -fPIC -o die_at.so "$top/tests/interrupt/die_at.c" -ldl 2>err || { bad "cc: $(cat err)"; return; }
	echo "New text." >> content/pages/about.en.md
	env LD_PRELOAD="$t/die_at.so" KG_FAIL=renameat2 \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		timeout -k 5 "$limit" "$KITGEN" build --content content --theme "$theme" \
		--fonts "$fonts" --out out -q >out.log 2>err
	rc=$?
	status 1
	said "cannot move"
	said "out/site is unchanged"
	site_kept
	no_staging
}
case_temp_after_kill() {
	# What g_file_set_contents leaves when killed: removed by the next build.
	echo half > out/.cache/frontmatter.bin.Ab12Cd
	echo half > out/.cache/outputs.tsv.Zz99Yy
	run_build -q
	status 0
	[ -e out/.cache/frontmatter.bin.Ab12Cd ] && bad "frontmatter.bin.Ab12Cd left"
	[ -e out/.cache/outputs.tsv.Zz99Yy ] && bad "outputs.tsv.Zz99Yy left"
	site_clean
}

# --- 16: the theme walk follows no links ----------------------------------
case_theme_links() {
	cp -R "$theme" th && ln -s . th/assets/loop && ln -s /dev/zero th/assets/zero
	ln -s / th/assets/root
	kg build --content content --theme th --fonts "$fonts" --out out -q >out.log 2>err
	rc=$?
	status 0
	[ -e out/site/assets/loop ] && bad "a link in the theme was copied"
	victim_kept
}
case_theme_fifo() {
	# A FIFO among the theme's assets used to block every build.
	cp -R "$theme" th && mkfifo th/assets/pipe.css
	kg build --content content --theme th --fonts "$fonts" --out out -q >out.log 2>err
	rc=$?
	status 1
	said "th/assets/pipe.css: it is not a regular file"
	site_kept
	no_staging
}
case_theme_reads() {
	# A theme reads only its own files: an entity naming a file, document()
	# or xsl:import of a file outside it, or a link out of it, used to put
	# that file into every page (victim/secret.xml stands for any XML file
	# of the user; /etc/passwd came in through the entity).
	printf '<secret>PRECIOUS-SECRET</secret>\n' >victim/secret.xml
	victim_sum=$(sum victim)
	s=$t/victim/secret.xml
	for how in entity document import link; do
		rm -rf th && cp -R "$theme" th || { bad "cannot copy the theme"; return; }
		p=th/site/page.xsl
		case $how in
		entity) sed -i "1a <!DOCTYPE xsl:stylesheet [<!ENTITY s SYSTEM \"file://$s\">]>" "$p" &&
			sed -i 's|<xsl:template match="/page">|&<xsl:comment>\&s;</xsl:comment>|' "$p"
			want="declares entities" ;;
		document) sed -i "s|<xsl:template match=\"/page\">|&<xsl:comment><xsl:value-of select=\"document('$s')\"/></xsl:comment>|" "$p"
			want="document('$s'): the file is outside the theme's folder" ;;
		import) cp th/site/common.xsl victim/common.xsl && victim_sum=$(sum victim) &&
			sed -i "s|<xsl:import href=\"common.xsl\"/>|<xsl:import href=\"$t/victim/common.xsl\"/>|" "$p"
			want="is outside the theme's folder" ;;
		link) ln -s "$s" th/site/s.xml &&
			sed -i "s|document('settings.xml')|document('s.xml')|" "$p"
			want="s.xml'): the file is outside the theme's folder" ;;
		esac
		kg build --content content --theme th --fonts "$fonts" --out out -q >out.log 2>err
		rc=$?
		status 1
		said "$want"
		grep -rq PRECIOUS-SECRET out/site && bad "$how: the file outside the theme was published"
		site_kept
		no_staging
		[ -z "$problem" ] || { problem="$how: $problem"; break; }
	done
	victim_kept
}
case_theme_root() {
	run_build --theme / -q
	[ "$rc" = 1 ] || bad "--theme / exit $rc (expected 1)"
	site_kept
}

# --- 18: kitgen new -------------------------------------------------------
case_new_names() {
	before=$(sum "$t")
	run new page "" --content content
	status 2
	said "is not a page name"
	run new system "" --content content
	status 2
	run new page evil --lang x/../../../../escaped --content content
	status 2
	said "is not a language code"
	run new page evil --lang zz --content content
	status 1
	said "language 'zz' is not defined in site.yaml"
	rm -f out.log err
	[ "$(sum "$t")" = "$before" ] || bad "kitgen new wrote something"
}

# --- options out of bounds ------------------------------------------------
case_option_bounds() {
	# --jobs 100000 compiled the theme 100,000 times (minutes, then the
	# timeout); a negative count meant "one per core" without a word.
	for j in 100000 -1; do
		run_build --jobs "$j" -q
		status 2
		said "--jobs must be a number from 1 to 256"
	done
	# a --lang list naming no language built a site of none into
	# OUT/lang-++ with exit 0 (a home page whose links all led nowhere)
	for l in ",," "en," ",en" ""; do
		run_build --lang "$l" -q
		status 2
		said "--lang takes language codes separated by commas"
	done
	[ -z "$(find out -maxdepth 1 -name 'lang-*')" ] || bad "a lang-* folder was made"
	site_kept
}

# --- --out content and the like --------------------------------------------
case_out_in_content() {
	for o in content content/pages .; do
		run_build --out "$o" -q
		status 1
		said "hold each other"
	done
	# a theme of our own: a kitgen with the bug writes into it
	cp -R "$theme" th
	kg build --content content --theme th --fonts "$fonts" --out th/out -q >out.log 2>err
	rc=$?
	status 1
	said "hold each other"
	[ -e content/site ] && bad "a site was written into content/"
	[ -e content/.lock ] || [ -e content/pages/.lock ] && bad "a lock was made in content/"
	[ -e th/out ] && bad "a folder was made in the theme"
	site_kept
}

# --- a big sparse file linked from a page ---------------------------------
case_sparse_media() {
	printf 'a,b\n' > content/pages/big.csv && truncate -s 90M content/pages/big.csv
	printf '\n[The data](big.csv)\n' >> content/pages/about.en.md
	run_build -q
	status 0
	f=out/site/media/pages/big.csv
	[ "$(stat -c %s "$f" 2>/dev/null)" = 94371840 ] || bad "the copy is not 90 MB long"
	used=$(du -k "$f" | cut -f1)
	[ "$used" -lt 1024 ] || bad "the copy uses $used KB on disk: the holes were filled"
}

all="two_builds bogus_second out_foreign_site spare_keys_climb spare_is_link
spare_inner_link site_is_link cache_garbage checked_media_climb lock_is_link o_targets cache_unremovable cache_immutable
fm_fifo fm_forged fm_elsewhere swap_fails temp_after_kill theme_links theme_fifo theme_reads theme_root
new_names option_bounds out_in_content sparse_media"
for name in ${*:-$all}; do
	problem=
	prepare "$name" || { echo "FAIL $name: setup"; failed=$((failed + 1)); continue; }
	"case_$name"
	cd "$work" || exit 1
	if [ -z "$problem" ]; then
		echo "ok   $name"; passed=$((passed + 1))
	else
		echo "FAIL $name: $problem"; failed=$((failed + 1))
	fi
	chattr -i "$work/$name/out/.cache" 2>/dev/null
	rm -rf "${work:?}/$name"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
