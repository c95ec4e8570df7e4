# tests/bench/bench.mk — make bench (included by the top-level Makefile,
# which supplies B, CC, CFLAGS, WARN and the kitgen target).
#
#   make bench                  tools, corpora, every case, one table
#   make bench BENCH_RUNS=5     runs per case (median of these; default 3)
#   make bench BENCH_BUDGET=60  seconds after which a case is not repeated
#   make bench BENCH_SIZES=300 BENCH_REPORTS=20   a quick smoke run
#   make bench-tools            only gencorpus and the two floors
#   make bench-corpora          only the synthetic catalogues
#   sh tests/bench/linear.sh ./kitgen   only the linear-growth cases (issue 18)
#   sh tests/bench/serve.sh ./kitgen    only kitgen serve's edit-to-reload latency
#   make bench BENCH_MEMORY=50000       the size of the memory case (peak RSS)
#
# Everything goes under build/bench/: the tools, the corpora (made again
# only when gencorpus changes), the outputs and results.txt (the table).
# BENCHMARKS.md says what the cases are and how to read them.

BENCH_B      := $(B)/bench
BENCH_RUNS   ?= 3
BENCH_BUDGET ?= 60
BENCH_SIZES  ?= 1000 10000
BENCH_REPORTS ?= 100 1000
BENCH_MEMORY ?= 20000

BENCH_TOOLS := $(BENCH_B)/gencorpus $(BENCH_B)/floor_cmark $(BENCH_B)/floor_pango \
               $(BENCH_B)/peakrss
BENCH_SITE_SIZES := $(sort $(BENCH_SIZES) $(BENCH_MEMORY))
BENCH_CORPORA := $(BENCH_SITE_SIZES:%=$(BENCH_B)/site-%/.done) \
                 $(BENCH_REPORTS:%=$(BENCH_B)/report-%/.done)

BENCH_PANGO_PKGS := pangocairo pangoft2 pangofc cairo-pdf fontconfig glib-2.0

.PHONY: bench bench-tools bench-corpora bench-deps

# Hugo, Debian's, is the tool the table compares kitgen with: installed when
# make runs as root; otherwise the bench runs without it and says so.
BENCH_DEBS := hugo
bench-deps:
	@sh tests/install-debs.sh $(BENCH_DEBS) || echo "  (the bench runs without Hugo)"

$(BENCH_B)/gencorpus: tests/bench/gencorpus.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -o $@ $<

$(BENCH_B)/peakrss: tests/bench/peakrss.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -o $@ $<

$(BENCH_B)/floor_cmark: tests/bench/floor_cmark.c $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(shell pkg-config --cflags libcmark-gfm) -o $@ $< \
	  $(shell pkg-config --libs libcmark-gfm) -lcmark-gfm-extensions

$(BENCH_B)/floor_pango: tests/bench/floor_pango.c $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(shell pkg-config --cflags $(BENCH_PANGO_PKGS)) -o $@ $< \
	  $(shell pkg-config --libs $(BENCH_PANGO_PKGS))

# A corpus is written into a fresh folder; .done marks it complete, so an
# interrupted run is not mistaken for a corpus.
$(BENCH_B)/site-%/.done: $(BENCH_B)/gencorpus
	@rm -rf $(dir $@)
	@$(BENCH_B)/gencorpus $(dir $@) $*
	@touch $@

$(BENCH_B)/report-%/.done: $(BENCH_B)/gencorpus
	@rm -rf $(dir $@)
	@$(BENCH_B)/gencorpus $(dir $@) --report $*
	@touch $@

bench-tools: $(BENCH_TOOLS)
bench-corpora: $(BENCH_CORPORA)

bench: deps bench-deps kitgen $(BENCH_TOOLS) $(BENCH_CORPORA) build/printdoc
	@BENCH_B=$(BENCH_B) BENCH_RUNS=$(BENCH_RUNS) BENCH_BUDGET=$(BENCH_BUDGET) \
	  BENCH_SIZES="$(BENCH_SIZES)" BENCH_REPORTS="$(BENCH_REPORTS)" \
	  BENCH_MEMORY="$(BENCH_MEMORY)" sh tests/bench/run.sh
	@echo "== linear growth on the inputs of issue 18 (N, then 2N)"
	@PRINTDOC=build/printdoc sh tests/bench/linear.sh ./kitgen
	@echo "== kitgen serve: a save to the reload event (issue 13)"
	@sh tests/bench/serve.sh ./kitgen
