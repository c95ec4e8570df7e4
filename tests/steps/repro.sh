# tests/steps/repro.sh: same inputs, same bytes: twice, and in another time zone and language.
# Sourced by tests/run.sh (tests/lib.sh: step, plain, known, need_catalogue).
need_catalogue # $tmp/a: the real catalogue, built by catalogue.sh

# Same inputs, same bytes (under sanitizers, the build in another time zone
# below makes the same code run again).
twice() {
	"$KITGEN" build --out "$tmp/b" -q && diff -rq "$tmp/a/site" "$tmp/b/site"
}
plain "two builds are byte-identical" twice

# Same inputs, same bytes on any machine: another time zone (UTC+14, a
# different date most of the day) and another language for libc, GLib and
# ICU's default locale than the build above.
elsewhere() {
	env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LC_NUMERIC -u LC_TIME TZ=Pacific/Kiritimati \
		LANG=tr_TR.UTF-8 LANGUAGE=tr:ko "$KITGEN" build --out "$tmp/tz" -q &&
	diff -rq "$tmp/a/site" "$tmp/tz/site"
}
step "builds in another time zone and language are byte-identical" elsewhere
