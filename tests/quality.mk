# tests/quality.mk — quality gates beside `make test` (included by the
# top-level Makefile, which supplies the source lists and pkg-config flags).
#
#   make test-sanitize   kitgen, the unit tests, sitecheck and the paginator's
#                        tests built with ASan+UBSan into build-asan/, then the
#                        whole tests/run.sh suite and fuzz-regress against them
#                        (LeakSanitizer on; tests/sanitize/lsan.supp hides only
#                        one-time allocations inside system libraries)
#   make fuzz            builds the libFuzzer harnesses (tests/fuzz/fuzz_*.c)
#                        into build-fuzz/ and runs each for FUZZ_SECONDS;
#                        crashes go to build-fuzz/crashes/NAME/
#   make fuzz-regress    replays the seed corpora and tests/fuzz/regressions
#   make quality-deps    installs QUALITY_DEBS (as root) or names them
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
FUZZ_NAMES     := frontmatter markdown print diagnose
FUZZ_SECONDS   ?= 60
# Largest input per harness (bytes): big enough for a real page, small
# enough that one execution stays well under a second.
FUZZ_MAXLEN_frontmatter := 8192
FUZZ_MAXLEN_markdown    := 8192
FUZZ_MAXLEN_print       := 4096
FUZZ_MAXLEN_diagnose    := 4096

SAN_SUPP := $(CURDIR)/tests/sanitize/lsan.supp
SAN_REPORTS := $(CURDIR)/$(SAN_B)/reports
# halt_on_error and a distinct exit code: a sanitizer finding must never
# pass for the "kitgen: build failed" that the bad-input corpus expects.
# Reports go to files (one per process) because the suite keeps only the
# tail of a failing step's output; tests/sanitize/report.sh prints them.
SAN_ENV := ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=86:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:log_path=$(SAN_REPORTS)/asan \
           LSAN_OPTIONS=suppressions=$(SAN_SUPP):print_suppressions=0 \
           UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(SAN_REPORTS)/ubsan

.PHONY: quality-deps test-sanitize fuzz fuzz-build fuzz-regress quality-bins quality-fuzzers

# Like `deps`: installs what is missing when run as root, else names it.
quality-deps: $(B)/.quality-deps
$(B)/.quality-deps: tests/quality.mk
	@missing=$$(for p in $(QUALITY_DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	   | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing Debian packages: $$missing"; \
	    echo "run 'make' as root, or: sudo apt-get install $$missing"; exit 1; \
	  fi; \
	fi
	@mkdir -p $(B) && touch $@

# --- rules used inside the sub-makes (B=build-asan or B=build-fuzz) -------
# In the ordinary build (B=build) they only name files nobody asks for.

$(B)/kitgen: $(B)/generator/main.o $(B)/libkitgen.a
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
	$(CC) $(WARN) $(FUZZ_FLAGS) $(PKG_CFLAGS) -Igenerator -o $@ $< $(B)/libkitgen.a \
	  $(PKG_LIBS)

quality-fuzzers: $(FUZZ_NAMES:%=$(B)/fuzz/fuzz_%)

# --- sanitizers ---------------------------------------------------------

test-sanitize: quality-deps
	@$(MAKE) --no-print-directory B=$(SAN_B) CC=$(SAN_CC) CFLAGS="$(SAN_FLAGS)" quality-bins
	@rm -rf $(SAN_REPORTS) && mkdir -p $(SAN_REPORTS)
	@echo "== tests/run.sh with $(SAN_B)/kitgen (ASan, UBSan, LSan)"
	@status=0; \
	$(SAN_ENV) KITGEN=$(SAN_B)/kitgen B=$(SAN_B) sh tests/run.sh || status=1; \
	echo "== paginator tests (sanitized)"; \
	if $(SAN_ENV) sh tests/sanitize/print-test.sh $(SAN_B) > $(SAN_B)/print-test.log 2>&1; \
	then echo "ok   paginator tests and script fixtures (sanitized)"; \
	else echo "FAIL paginator tests and script fixtures (sanitized)"; \
	  tail -20 $(SAN_B)/print-test.log | sed 's/^/     | /'; status=1; fi; \
	$(MAKE) --no-print-directory fuzz-regress || status=1; \
	sh tests/sanitize/report.sh $(SAN_REPORTS) || status=1; \
	exit $$status

# --- fuzzing ------------------------------------------------------------

fuzz-build: quality-deps
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(SAN_CC) CFLAGS="$(FUZZ_LIB_FLAGS)" \
	  quality-fuzzers

# Each harness for FUZZ_SECONDS from the seeds plus what earlier runs found
# (build-fuzz/corpus/NAME). A crash stops that harness; the others still run,
# and make fails listing the crash files: turn each into a regression with
#   cp build-fuzz/crashes/NAME/crash-… tests/fuzz/regressions/NAME/SHORT-NAME
fuzz: fuzz-build
	@mkdir -p $(FUZZ_B)/crashes
	@status=0; for n in $(FUZZ_NAMES); do \
	  mkdir -p $(FUZZ_B)/corpus/$$n $(FUZZ_B)/crashes/$$n; \
	  echo "== fuzz_$$n for $(FUZZ_SECONDS) s"; \
	  dict=; [ -f tests/fuzz/$$n.dict ] && dict=-dict=tests/fuzz/$$n.dict; \
	  LSAN_OPTIONS=suppressions=$(SAN_SUPP):print_suppressions=0 \
	  ASAN_OPTIONS=detect_stack_use_after_return=1:strict_string_checks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1 \
	  $(FUZZ_B)/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -timeout=20 \
	    -rss_limit_mb=2560 -max_len=$(FUZZ_MAXLEN_$$n) -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_B)/crashes/$$n/ $$dict \
	    $(FUZZ_B)/corpus/$$n tests/fuzz/corpus/$$n > $(FUZZ_B)/fuzz_$$n.log 2>&1 \
	  || { status=1; echo "fuzz_$$n FOUND A PROBLEM (log: $(FUZZ_B)/fuzz_$$n.log)"; \
	       grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' $(FUZZ_B)/fuzz_$$n.log | head -5; }; \
	  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
	    $(FUZZ_B)/fuzz_$$n.log | sed 's/^/   /'; \
	done; \
	ls $(FUZZ_B)/crashes/*/* 2>/dev/null | sed 's/^/crash: /'; \
	exit $$status

# Replays every seed and every regression once (a few seconds).
# Harness names may be given as FUZZ_NAMES=...
fuzz-regress: fuzz-build
	@status=0; for n in $(FUZZ_NAMES); do \
	  files=$$(ls -d tests/fuzz/corpus/$$n/* tests/fuzz/regressions/$$n/* 2>/dev/null); \
	  if LSAN_OPTIONS=suppressions=$(SAN_SUPP):print_suppressions=0 \
	     UBSAN_OPTIONS=print_stacktrace=1 \
	     $(FUZZ_B)/fuzz/fuzz_$$n -runs=1 $$files > $(FUZZ_B)/regress_$$n.log 2>&1; \
	  then echo "ok   fuzz-regress $$n ($$(echo $$files | wc -w) inputs)"; \
	  else status=1; echo "FAIL fuzz-regress $$n"; tail -40 $(FUZZ_B)/regress_$$n.log | sed 's/^/     | /'; fi; \
	done; exit $$status
