/* fuzz_print: arbitrary XML parsed by libxml2 in recover mode (any tree at
 * all: a theme's print XSLT can make any), laid out and drawn by the
 * paginator (print_render) into a PDF in a scratch folder, with the default
 * theme's style and the private fonts. Images may name the two files of the
 * scratch base folder (pic.png, chart.svg) or anything else. Inputs over
 * FZ_MAX_INPUT bytes are skipped: one execution must stay well under a
 * second. */
#include <libxml/parser.h>
#include "fuzz.h"
#include "print/print.h"

#define FZ_MAX_INPUT 16384

static print_style *style;

/* Entities are expanded as in a real document, but none is read from a
 * file: SYSTEM "/dev/zero" would only fuzz the disk. */
static xmlParserInputPtr no_external(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}
static char *base_dir, *pdf_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_quiet();
	xmlSetExternalEntityLoader(no_external);
	g_setenv("SOURCE_DATE_EPOCH", "0", TRUE);
	char *yaml = fz_path("themes/default/print/style.yaml");
	char *conf = fz_path("fonts/fonts.conf");
	char *svg_path = fz_path("tests/print/fixtures/path-chart.svg");
	char *cache = g_build_filename(fz_top(), "build-fuzz", "fontcache", NULL);
	diag_list *d = diag_new();
	style = print_style_load(yaml, d);
	if (!style) {
		diag_print(d, stderr, 0);
		abort();
	}
	print_style_set_fonts(style, conf, cache);
	char *svg;
	gsize svg_len;
	if (!g_file_get_contents(svg_path, &svg, &svg_len, NULL))
		abort();
	g_free(fz_write("base/chart.svg", svg, (gssize)svg_len));
	g_free(fz_write("base/pic.png", (const char *)fz_png, sizeof fz_png - 1));
	base_dir = g_build_filename(fz_scratch(), "base", NULL);
	pdf_path = g_build_filename(fz_scratch(), "out.pdf", NULL);
	g_free(svg);
	g_free(svg_path);
	g_free(cache);
	g_free(conf);
	g_free(yaml);
	diag_free(d);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* What the XSLT hands over is UTF-8; libxml2's recover mode would
	 * otherwise let broken bytes into the tree. */
	if (size > FZ_MAX_INPUT || !g_utf8_validate((const char *)data, (gssize)size, NULL))
		return 0;
	xmlDocPtr doc = xmlReadMemory((const char *)data, (int)size, "fuzz.xhtml", NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOENT | XML_PARSE_RECOVER);
	if (!doc)
		return 0;
	if (xmlDocGetRootElement(doc)) {
		diag_list *d = diag_new();
		print_render(doc, base_dir, style, pdf_path, d);
		fz_print_diags(d);
		diag_free(d);
	}
	xmlFreeDoc(doc);
	return 0;
}
