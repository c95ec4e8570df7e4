# tests/steps/unit.sh: unit tests of each module (cmocka) and of the test tools.
# Sourced by tests/run.sh (tests/lib.sh: step, plain, known, need_catalogue).

# Unit tests (cmocka), one suite per module.
for t in "$B"/tests/test_*; do
	[ -x "$t" ] && step "unit $(basename "$t")" "$t"
done

step "sitecheck fixtures" sh tests/tools/test_sitecheck.sh "$B/sitecheck"
step "test helpers: known failures and the summary line" sh tests/tools/test_lib.sh
