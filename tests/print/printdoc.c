/* printdoc: lays out one print document (XHTML) into a PDF.
 * printdoc IN.xhtml OUT.pdf [--base DIR] [--style FILE] [--fonts CONF]
 *          [--cache DIR] [--boxes] [--time] */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <libxml/parser.h>
#include "print/print.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *kinds[] = {"text", "heading", "rule", "image", "row",
                              "head-row", "toc", "footnote", "header", "footer", "panel"};

int main(int argc, char **argv)
{
	const char *in = NULL, *out = NULL, *base = NULL, *style = NULL;
	const char *fonts = "fonts/fonts.conf", *cache = "build/fontcache";
	int boxes = 0, timing = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--base") && i + 1 < argc)
			base = argv[++i];
		else if (!strcmp(argv[i], "--style") && i + 1 < argc)
			style = argv[++i];
		else if (!strcmp(argv[i], "--fonts") && i + 1 < argc)
			fonts = argv[++i];
		else if (!strcmp(argv[i], "--cache") && i + 1 < argc)
			cache = argv[++i];
		else if (!strcmp(argv[i], "--boxes"))
			boxes = 1;
		else if (!strcmp(argv[i], "--time"))
			timing = 1;
		else if (!in)
			in = argv[i];
		else if (!out)
			out = argv[i];
	}
	if (!in || (!out && !boxes)) {
		fprintf(stderr, "usage: printdoc IN.xhtml OUT.pdf [--base DIR] "
		                "[--style FILE] [--fonts CONF] [--cache DIR] [--boxes] [--time]\n");
		return 2;
	}
	diag_list *d = diag_new();
	int rc = 1;
	xmlDocPtr doc = xmlReadFile(in, NULL, XML_PARSE_NONET);
	if (!doc) {
		fprintf(stderr, "%s: not well-formed XML\n", in);
		diag_free(d);
		return 1;
	}
	if (!base) {
		char *slash = strrchr(in, '/');
		static char dir[4096];
		snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - in) : 1,
		         slash ? in : ".");
		base = dir;
	}
	print_style *st = print_style_load(style, d);
	if (st) {
		print_style_set_fonts(st, fonts, cache);
		double t0 = now();
		if (boxes) {
			print_layout *l = print_layout_doc(doc, base, st, d);
			for (size_t p = 0; l && p < l->n_pages; p++)
				for (size_t i = 0; i < l->pages[p].n_boxes; i++) {
					const print_box *b = &l->pages[p].boxes[i];
					printf("%zu %-8s %-9s y=%7.2f h=%7.2f x=%6.2f w=%6.2f blk=%d "
					       "lines=%d+%d id=%s\n", p + 1, b->tag ? b->tag : "-",
					       kinds[b->kind], b->y, b->h, b->x, b->w, b->block,
					       b->first_line, b->n_lines, b->id ? b->id : "");
				}
			rc = l ? 0 : 1;
			print_layout_free(l);
		}
		if (out) {
			rc = print_render(doc, base, st, out, d) == 0 ? 0 : 1;
			if (timing)
				fprintf(stderr, "%s: %.3f s\n", out, now() - t0);
		}
	}
	diag_sort(d);
	diag_print(d, stderr, 0);
	if (d->errors)
		rc = 1;
	print_style_free(st);
	diag_free(d);
	xmlFreeDoc(doc);
	return rc;
}
