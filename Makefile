# kitgen — make: install what is missing (as root), build ./kitgen, build out/.
#          make test: the test suite; CI (.ci/run) then runs make test-sanitize
#          and make fuzz (tests/quality.mk). make bench: speed and memory.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=gnu11 -Wall -Wextra -Werror
PKGS    := libcmark-gfm yaml-0.1 libxml-2.0 libxslt libexslt glib-2.0 gdk-pixbuf-2.0 \
           icu-uc icu-i18n pangocairo pangoft2 pangofc cairo cairo-svg cairo-pdf librsvg-2.0 \
           fontconfig gio-2.0 libmicrohttpd libxxhash libcrypto libqrencode libzip
# Debian 12 packages: build, run, test.
DEBS    := build-essential pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
           libyaml-dev libxml2-dev libxslt1-dev libglib2.0-dev libgdk-pixbuf-2.0-dev \
           libicu-dev libcairo2-dev libpango1.0-dev librsvg2-dev libfontconfig-dev \
           fonts-noto-core fonts-noto-cjk fonts-dejavu-core libcmocka-dev poppler-utils qpdf \
           chromium openjdk-17-jre-headless \
           libmicrohttpd-dev curl time \
           libhyphen-dev hyphen-en-us hyphen-pt-pt hyphen-es hyphen-ca hyphen-fr \
           hyphen-ru hyphen-mn libmimalloc-dev libxxhash-dev libssl-dev \
           libqpdf-dev icc-profiles-free python3-pikepdf libqrencode-dev zbar-tools \
           libzip-dev unzip

B := build
# One folder per stage of the pipeline (generator/*/README.md says what each owns).
CORE_SRCS := generator/core/diag.c generator/core/xmltext.c generator/core/yamltree.c \
             generator/core/suggest.c generator/core/json.c \
             generator/core/limits.c generator/load/svg.c \
             generator/load/config.c generator/load/content.c generator/load/schema.c \
             generator/load/kinds.c \
             generator/load/markdown.c generator/load/rawhtml.c generator/load/media.c \
             generator/load/i18n.c generator/load/po.c \
             generator/model/model.c generator/model/derive.c generator/model/diagnose.c \
             generator/model/diagnose_model.c generator/model/diagnose_schema.c generator/model/chart.c \
             generator/model/diagram.c \
             generator/site/xslt.c generator/site/site.c generator/site/serve.c \
             generator/site/site_output.c generator/site/search.c \
             generator/site/search_tokens.c generator/site/search_store.c generator/site/offline.c \
             generator/print/fonts.c generator/print/publish.c \
             generator/build/out.c generator/build/jobs.c generator/build/workers.c \
             generator/build/cache.c generator/build/checked.c generator/build/fmcache.c \
             generator/build/progress.c generator/build/output.c generator/build/guard.c \
             generator/build/outfile.c \
             generator/cli/catalogue.c generator/cli/cmd_build.c generator/cli/cmd_check.c \
             generator/cli/cmd_document.c generator/cli/cmd_i18n.c generator/cli/cmd_new.c \
             generator/cli/cmd_serve.c generator/cli/cmd_list.c \
             generator/cli/cmd_init.c
-include generator/print/sources.mk
CORE_OBJS := $(CORE_SRCS:%.c=$(B)/%.o)
PRINT_OBJS := $(PRINT_SRCS:%.c=$(B)/%.o)

.PHONY: all deps site test test-unit test-golden test-bad test-site clean install uninstall bench

all: deps kitgen site

# Installs the Debian packages that are missing when run as root; otherwise
# names them and stops.
deps: $(B)/.deps
$(B)/.deps: Makefile
	@sh tests/install-debs.sh $(DEBS)
	@mkdir -p $(B) && touch $@

PKG_CFLAGS = -Igenerator $(shell pkg-config --cflags $(PKGS) $(PRINT_PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) $(PRINT_PKGS)) $(PRINT_LIBS) -lm

$(B)/%.o: %.c $(B)/.deps
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	@$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

-include $(CORE_OBJS:.o=.d) $(PRINT_OBJS:.o=.d) $(B)/generator/cli/main.d

$(B)/libkitgen.a: $(CORE_OBJS) $(PRINT_OBJS)
	ar rcs $@ $^

# mimalloc replaces malloc in kitgen and every library it loads (linked
# first, it is found first): a site build allocates and frees millions of
# small XML nodes, and glibc's malloc was a fifth of its CPU time and kept
# a second arena per thread. The sanitizer and fuzz builds keep their own.
MALLOC_LIBS := -lmimalloc

kitgen: $(B)/generator/cli/main.o $(B)/libkitgen.a
	$(CC) $(CFLAGS) -o $@ $^ $(MALLOC_LIBS) $(PKG_LIBS)

site: kitgen
	./kitgen build

# --- tests --------------------------------------------------------------
UNIT_TESTS := $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))

$(B)/tests/%: tests/unit/%.c tests/unit/testutil.h $(B)/libkitgen.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Igenerator -o $@ $< $(B)/libkitgen.a \
	  $(PKG_LIBS) -lcmocka

$(B)/sitecheck: tests/tools/sitecheck.c $(B)/.deps
	$(CC) $(WARN) $(CFLAGS) $(shell pkg-config --cflags libxml-2.0 glib-2.0) -o $@ $< \
	  $(shell pkg-config --libs libxml-2.0 glib-2.0)

# how full a printed page is (tests/print/documents.sh)
$(B)/inkfill: tests/tools/inkfill.c $(B)/.deps
	$(CC) $(WARN) $(CFLAGS) -o $@ $<

test: deps kitgen $(UNIT_TESTS) $(B)/sitecheck $(B)/inkfill
	@sh tests/run.sh

-include tests/print/test.mk

clean:
	rm -rf $(B) kitgen out

# The installed kitgen finds PREFIX/share/kitgen/{themes/default,fonts} from
# its own place (PREFIX/bin), whatever PREFIX and DESTDIR were.
KG_DATA := $(DESTDIR)$(PREFIX)/share/kitgen
install: kitgen
	install -d $(DESTDIR)$(PREFIX)/bin $(KG_DATA)/themes $(KG_DATA)/fonts \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 kitgen $(DESTDIR)$(PREFIX)/bin/kitgen
	rm -rf $(KG_DATA)/themes/default
	cp -R themes/default $(KG_DATA)/themes/default
	chmod -R u=rwX,go=rX $(KG_DATA)/themes/default
	install -m 644 fonts/fonts.conf fonts/README.md $(KG_DATA)/fonts/
	install -m 644 docs/kitgen.1 $(DESTDIR)$(PREFIX)/share/man/man1/kitgen.1

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/kitgen $(KG_DATA) $(DESTDIR)$(PREFIX)/share/man/man1/kitgen.1

# After a deliberate change to the theme or the model: regenerate the golden
# pages, then read the diff before committing it.
golden-update: kitgen
	rm -rf $(B)/golden && ./kitgen build -q --content tests/golden/catalogue/content --out $(B)/golden
	rm -rf tests/golden/catalogue/expected $(B)/golden/site/pdf $(B)/golden/site/assets
	cp -r $(B)/golden/site tests/golden/catalogue/expected

# Quality gates (sanitizers, fuzzing) and authoring targets live beside
# their tests.
-include tests/quality.mk
-include tests/bench/bench.mk
