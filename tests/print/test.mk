# tests/print: the paginator's tests (included by the top-level Makefile,
# which also includes generator/print/sources.mk). `make print-test` builds
# build/printdoc and build/test_paginate, runs the unit tests, renders every
# fixture and checks the PDFs with tests/print/check_pdf.sh; build/test_paragraph
# tests the paragraph engine (grid, CJK justification, hyphenation limits).

PRINT_TEST_SRCS = $(PRINT_SRCS) $(FONTS_SRCS) generator/core/diag.c generator/core/xmltext.c \
                  generator/core/yamltree.c generator/core/limits.c
PRINT_TEST_HDRS = generator/print/print.h generator/print/print_int.h \
                  generator/print/fonts.h generator/core/diag.h generator/core/xmltext.h \
                  generator/core/yamltree.h
PRINT_TEST_CFLAGS = -std=gnu11 -O2 -g -Wall -Wextra -Werror -Igenerator \
                    $(shell pkg-config --cflags $(PRINT_PKGS))
PRINT_TEST_LIBS = $(shell pkg-config --libs $(PRINT_PKGS)) $(PRINT_LIBS) -lm
PRINT_FIXTURES = $(basename $(notdir $(wildcard tests/print/fixtures/*.xhtml)))
PRINT_STYLE = themes/default/print/style.yaml

build/printdoc: tests/print/printdoc.c $(PRINT_TEST_SRCS) $(PRINT_TEST_HDRS)
	@mkdir -p build
	$(CC) $(PRINT_TEST_CFLAGS) -o $@ tests/print/printdoc.c $(PRINT_TEST_SRCS) $(PRINT_TEST_LIBS)

build/test_paginate: tests/print/test_paginate.c $(PRINT_TEST_SRCS) $(PRINT_TEST_HDRS)
	@mkdir -p build
	$(CC) $(PRINT_TEST_CFLAGS) $(shell pkg-config --cflags cmocka) -o $@ \
		tests/print/test_paginate.c $(PRINT_TEST_SRCS) $(PRINT_TEST_LIBS) \
		$(shell pkg-config --libs cmocka)

build/test_paragraph: tests/print/test_paragraph.c $(PRINT_TEST_SRCS) $(PRINT_TEST_HDRS)
	@mkdir -p build
	$(CC) $(PRINT_TEST_CFLAGS) $(shell pkg-config --cflags cmocka) -o $@ \
		tests/print/test_paragraph.c $(PRINT_TEST_SRCS) $(PRINT_TEST_LIBS) \
		$(shell pkg-config --libs cmocka)

build/test_flow: tests/print/test_flow.c $(PRINT_TEST_SRCS) $(PRINT_TEST_HDRS)
	@mkdir -p build
	$(CC) $(PRINT_TEST_CFLAGS) $(shell pkg-config --cflags cmocka) -o $@ \
		tests/print/test_flow.c $(PRINT_TEST_SRCS) $(PRINT_TEST_LIBS) \
		$(shell pkg-config --libs cmocka)

print-test: build/printdoc build/test_paginate build/test_flow build/test_paragraph
	./build/test_paginate
	./build/test_flow
	./build/test_paragraph
	@mkdir -p build/test-print
	@set -e; for f in $(PRINT_FIXTURES); do \
		SOURCE_DATE_EPOCH=0 ./build/printdoc tests/print/fixtures/$$f.xhtml \
			build/test-print/$$f.pdf --style $(PRINT_STYLE) \
			--fonts fonts/fonts.conf --cache build/fontcache; \
		sh tests/print/check_pdf.sh build/test-print/$$f.pdf \
			tests/print/fixtures/$$f.expected; \
	done

.PHONY: print-test
