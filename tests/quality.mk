# tests/quality.mk — quality gates beside `make test` (included by the
# top-level Makefile, which supplies the source lists and pkg-config flags).
#
#   make test-sanitize   kitgen, the unit tests, sitecheck and the paginator's
#                        tests built with ASan+UBSan into build-asan/, then the
#                        tests/run.sh suite (without the steps that only check
#                        the plain run's output again), the paginator's tests,
#                        a deep leak pass and fuzz-regress against them;
#                        LeakSanitizer on, hiding only leaks inside system
#                        libraries (tests/sanitize/README.md says which and why)
#   make fuzz            builds the libFuzzer harnesses (tests/fuzz/fuzz_*.c)
#                        into build-fuzz/ and runs each for FUZZ_SECONDS
#                        (tests/fuzz/run.sh); crashes go to build-fuzz/crashes/NAME/
#   CI (.ci/run) runs make test, make test-sanitize and make fuzz.
#   make fuzz-regress    replays the seed corpora and tests/fuzz/regressions
#   make quality-deps    installs QUALITY_DEBS (as root) or names them
#   make quality-clean   removes build-asan/ and build-fuzz/
#
# The sanitized trees are separate build folders made by running this
# Makefile again with B=..., CC=... and CFLAGS=...: same sources, same flags
# from pkg-config, no second list to keep in step.

QUALITY_DEBS := clang libclang-rt-14-dev llvm
SAN_CC    ?= clang
SAN_B     := build-asan
FUZZ_B    := build-fuzz
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=all
# The library is instrumented for coverage but has no main; harnesses link
# libFuzzer's.
FUZZ_LIB_FLAGS := $(SAN_FLAGS) -fsanitize=fuzzer-no-link
FUZZ_FLAGS     := $(SAN_FLAGS) -fsanitize=fuzzer
FUZZ_NAMES     := frontmatter markdown print diagnose fmcache po imghead svg
FUZZ_SECONDS   ?= 60
# More libFuzzer flags for `make fuzz`, e.g. FUZZ_ARGS=-detect_leaks=0
# (fuzz_print checks leaks after every input that allocates more than it
# frees, which Pango's caches make most of them: 3 times slower).
FUZZ_ARGS      ?=
# Largest input per harness (bytes): big enough for a real page or print
# document, small enough that one execution stays well under a second.
FUZZ_MAXLEN    := frontmatter:8192 markdown:8192 print:6144 diagnose:4096 fmcache:4096 po:4096 imghead:1024 svg:4096

SAN_REPORTS := $(CURDIR)/$(SAN_B)/reports
# lsan.supp: leaks of system libraries alone, matched by their entry point;
# lsan-shallow.supp adds what the fast unwinder cannot see past (see there).
SAN_SUPP    := $(CURDIR)/tests/sanitize/lsan.supp
SAN_SHALLOW := $(CURDIR)/$(SAN_B)/lsan-shallow.supp
# halt_on_error and a distinct exit code: a sanitizer finding must never
# pass for the "kitgen: build failed" that the bad-input corpus expects.
# Reports go to files (one per process) because the suite keeps only the
# tail of a failing step's output; tests/sanitize/report.sh prints them.
# $(call san_env,REPORT-PREFIX,SUPPRESSIONS)
san_env = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=86:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:log_path=$(SAN_REPORTS)/$(1) \
          LSAN_OPTIONS=suppressions=$(2):print_suppressions=0 \
          UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(SAN_REPORTS)/$(1)

.PHONY: quality-deps quality-clean test-sanitize fuzz fuzz-build fuzz-regress quality-bins \
        quality-fuzzers

# Like `deps`: installs what is missing when run as root, else names it.
quality-deps: $(B)/.quality-deps
$(B)/.quality-deps: tests/quality.mk
	@sh tests/install-debs.sh $(QUALITY_DEBS)
	@mkdir -p $(B) && touch $@

# --- rules used inside the sub-makes (B=build-asan or B=build-fuzz) -------
# In the ordinary build (B=build) they only name files nobody asks for.

$(B)/kitgen: $(B)/generator/cli/main.o $(B)/libkitgen.a
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/print/test_paginate: tests/print/test_paginate.c $(B)/libkitgen.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(shell pkg-config --cflags cmocka) -o $@ $< \
	  $(B)/libkitgen.a $(PKG_LIBS) $(shell pkg-config --libs cmocka)

$(B)/print/printdoc: tests/print/printdoc.c $(B)/libkitgen.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(B)/libkitgen.a $(PKG_LIBS)

quality-bins: $(B)/kitgen $(UNIT_TESTS) $(B)/sitecheck $(B)/print/test_paginate \
              $(B)/print/printdoc

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(B)/libkitgen.a
	@mkdir -p $(dir $@)
	@echo "  FUZZ $<"
	@$(CC) $(WARN) $(FUZZ_FLAGS) $(PKG_CFLAGS) -Igenerator -o $@ $< $(B)/libkitgen.a \
	  $(PKG_LIBS)

quality-fuzzers: $(FUZZ_NAMES:%=$(B)/fuzz/fuzz_%)

# --- sanitizers ---------------------------------------------------------

# One recipe line per stage, so that `make -n` (which runs every line that
# names $(MAKE)) never starts the suite; the verdict goes through a file.
test-sanitize: quality-deps
	@$(MAKE) --no-print-directory B=$(SAN_B) CC=$(SAN_CC) CFLAGS="$(SAN_FLAGS)" quality-bins
	@$(MAKE) --no-print-directory fuzz-build
	@rm -rf $(SAN_REPORTS) && mkdir -p $(SAN_REPORTS) && echo 0 > $(SAN_B)/status
	@cat tests/sanitize/lsan.supp tests/sanitize/lsan-shallow.supp > $(SAN_SHALLOW)
	@echo "== tests/run.sh with $(SAN_B)/kitgen (ASan, UBSan, LSan)"
	@$(call san_env,suite,$(SAN_SHALLOW)) KITGEN=$(SAN_B)/kitgen B=$(SAN_B) SANITIZED=1 \
	  sh tests/run.sh || echo 1 > $(SAN_B)/status
	@echo "== paginator tests, deep leak pass, fuzz regressions"
	@if $(call san_env,print,$(SAN_SHALLOW)) sh tests/sanitize/print-test.sh $(SAN_B) \
	   > $(SAN_B)/print-test.log 2>&1; \
	then echo "ok   paginator tests and script fixtures (sanitized)"; \
	else echo "FAIL paginator tests and script fixtures (sanitized)"; \
	  tail -20 $(SAN_B)/print-test.log | sed 's/^/     | /'; echo 1 > $(SAN_B)/status; fi
	@$(call san_env,deep,$(SAN_SUPP)) sh tests/sanitize/deep.sh $(SAN_B) || echo 1 > $(SAN_B)/status
	@$(MAKE) --no-print-directory fuzz-regress || echo 1 > $(SAN_B)/status
	@sh tests/sanitize/report.sh $(SAN_REPORTS) || echo 1 > $(SAN_B)/status
	@exit $$(cat $(SAN_B)/status)

# --- fuzzing ------------------------------------------------------------

FUZZ_SUPP := $(CURDIR)/$(FUZZ_B)/lsan-shallow.supp

fuzz-build: quality-deps
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(SAN_CC) CFLAGS="$(FUZZ_LIB_FLAGS)" \
	  quality-fuzzers
	@cat tests/sanitize/lsan.supp tests/sanitize/lsan-shallow.supp > $(FUZZ_SUPP)

# Each harness for FUZZ_SECONDS from the seeds, the regressions and what
# earlier runs found (build-fuzz/corpus/NAME), with the kinds of finding of
# KNOWN_FAILURES let through. A crash stops that harness; the others still
# run, and make fails showing each report and crash input: turn each into a
# regression with
#   cp build-fuzz/crashes/NAME/crash-… tests/fuzz/regressions/NAME/SHORT-NAME
# (tests/fuzz/README.md).
fuzz: fuzz-build
	@LSAN_OPTIONS=suppressions=$(FUZZ_SUPP):print_suppressions=0 FUZZ_MAXLEN="$(FUZZ_MAXLEN)" \
	  FUZZ_ARGS="$(FUZZ_ARGS)" sh tests/fuzz/run.sh $(FUZZ_B) $(FUZZ_SECONDS) $(FUZZ_NAMES)

# Replays every seed and every regression once (a few seconds); a
# regression listed in tests/fuzz/KNOWN_FAILURES is replayed alone and
# expected to fail until its bug is fixed. FUZZ_NAMES=... limits the run.
fuzz-regress: fuzz-build
	@LSAN_OPTIONS=suppressions=$(FUZZ_SUPP):print_suppressions=0 \
	  sh tests/fuzz/regress.sh $(FUZZ_B) $(FUZZ_NAMES)

quality-clean:
	rm -rf $(SAN_B) $(FUZZ_B)
