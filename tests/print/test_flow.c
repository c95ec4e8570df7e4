/* test_flow: pagination by design (cmocka). Chapters flow and only a
 * major part starts a page; short lists and tables, and a heading with
 * its first lines, stay together; a figure that does not fit waits for
 * the next page while the text after it fills the space. Each case is laid
 * out with every amount of text before it, so that it falls at the foot
 * of a page at least once. Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <libxml/parser.h>
#include "print/print.h"
#include "print/print_int.h"

static print_style *style;

static print_layout *lay(const char *body, diag_list *d)
{
	char *s = g_strdup_printf(
		"<html lang=\"en\"><head><title>Flow</title>"
		"<meta name=\"page-label\" content=\"{page} / {pages}\"/></head>"
		"<body>%s</body></html>", body);
	xmlDocPtr doc = xmlReadMemory(s, (int)strlen(s), "flow.xhtml", NULL, XML_PARSE_NONET);
	g_free(s);
	assert_non_null(doc);
	print_layout *l = print_layout_doc(doc, "tests/print/fixtures", style, d);
	assert_non_null(l);
	xmlFreeDoc(doc);
	return l;
}

static bool furniture(const print_box *b)
{
	return b->kind == PRINT_BOX_HEADER || b->kind == PRINT_BOX_FOOTER ||
	       b->kind == PRINT_BOX_PANEL || b->kind == PRINT_BOX_FOOTNOTE;
}

/* The pages (1-based) holding boxes whose id starts with prefix+n, or
 * those of block b: first and last. */
static void pages_of_block(const print_layout *l, int block, int *first, int *last)
{
	*first = *last = 0;
	for (size_t p = 0; p < l->n_pages; p++)
		for (size_t i = 0; i < l->pages[p].n_boxes; i++)
			if (!furniture(&l->pages[p].boxes[i]) &&
			    l->pages[p].boxes[i].block == block) {
				if (!*first)
					*first = (int)p + 1;
				*last = (int)p + 1;
			}
}

static int block_with_id(const print_layout *l, const char *id)
{
	gpointer v = g_hash_table_lookup(l->doc->ids, id);
	assert_non_null(v);
	return GPOINTER_TO_INT(v) - 1;
}

/* A heading never ends a page, and nothing leaves the body. */
static void assert_page_ends(const print_layout *l)
{
	for (size_t p = 0; p < l->n_pages; p++) {
		const print_box *lastb = NULL;
		for (size_t i = 0; i < l->pages[p].n_boxes; i++) {
			const print_box *b = &l->pages[p].boxes[i];
			if (furniture(b))
				continue;
			if (b->y + b->h > l->body_bottom + 0.5)
				fail_msg("page %zu: %s box ends at %.1f, below the body (%.1f)",
				         p + 1, b->tag, b->y + b->h, l->body_bottom);
			if (!lastb || b->y > lastb->y)
				lastb = b;
		}
		if (lastb && lastb->kind == PRINT_BOX_HEADING && p + 1 < l->n_pages)
			fail_msg("page %zu ends with a heading", p + 1);
	}
}

static char *filler(int lines)
{
	GString *g = g_string_new(NULL);
	for (int i = 0; i < lines; i++)
		g_string_append_printf(g, "<p>Line %d of the text before.</p>", i + 1);
	return g_string_free(g, FALSE);
}

/* The regression of the review: a 4-item list and its heading at the foot
 * of a page came out 2 + 2, the heading on the first page. */
static void test_short_list_kept(void **state)
{
	(void)state;
	int near_foot = 0;
	for (int k = 20; k < 48; k++) {
		char *f = filler(k);
		char *body = g_strdup_printf(
			"%s<h2 id=\"h\">What adoption takes</h2><ul>"
			"<li id=\"i1\">A reporting channel on the phone.</li>"
			"<li id=\"i2\">Routing rules in the city's departments.</li>"
			"<li id=\"i3\">Staff who answer within a set time.</li>"
			"<li id=\"i4\">A public record of how each report ended.</li></ul>"
			"<p>After the list.</p>", f);
		diag_list *d = diag_new();
		print_layout *l = lay(body, d);
		int hf, hl, f1, l1, f4, l4, pf, pl;
		pages_of_block(l, block_with_id(l, "h"), &hf, &hl);
		pages_of_block(l, block_with_id(l, "i1"), &f1, &l1);
		pages_of_block(l, block_with_id(l, "i4"), &f4, &l4);
		pages_of_block(l, block_with_id(l, "h") - 1, &pf, &pl);
		if (hf != f1 || f1 != l4)
			fail_msg("%d lines before: heading on page %d, items on pages %d-%d",
			         k, hf, f1, l4);
		near_foot += hf > pl; /* the list moved to the next page */
		assert_page_ends(l);
		print_layout_free(l);
		diag_free(d);
		g_free(body);
		g_free(f);
	}
	assert_true(near_foot > 0); /* the case was met */
}

static void test_short_table_kept(void **state)
{
	(void)state;
	int moved = 0;
	for (int k = 20; k < 48; k++) {
		char *f = filler(k);
		GString *t = g_string_new("<table><thead><tr><th>Date</th><th>Step</th></tr></thead><tbody>");
		for (int r = 1; r <= 6; r++)
			g_string_append_printf(t, "<tr><td>2012-0%d</td><td>Step %d</td></tr>", r, r);
		g_string_append(t, "</tbody></table>");
		char *body = g_strdup_printf("%s<h2>Milestones</h2><p>Two lines of "
		                             "text stand between the heading and the table.</p>%s"
		                             "<p>After the table.</p>", f, t->str);
		diag_list *d = diag_new();
		print_layout *l = lay(body, d);
		int a = 0, b, c, e = 0, first = -1, last = -1;
		for (size_t i = 0; i < l->doc->n_blocks; i++)
			if (l->doc->blocks[i].kind == PB_ROW) {
				first = first < 0 ? (int)i : first;
				last = (int)i;
			}
		assert_int_equal(last - first, 6); /* the header row and 6 rows */
		pages_of_block(l, first, &a, &b);
		pages_of_block(l, last, &c, &e);
		if (a != e)
			fail_msg("%d lines before: a 6-row table on pages %d-%d", k, a, e);
		moved += a > 1;
		assert_page_ends(l);
		print_layout_free(l);
		diag_free(d);
		g_free(body);
		g_string_free(t, TRUE);
		g_free(f);
	}
	assert_true(moved > 0);
}

/* Five short chapters share a page; a part starts its own, and names a
 * destination where it does. */
static void test_chapters_flow(void **state)
{
	(void)state;
	GString *g = g_string_new("<section class=\"cover\"><h1>Title</h1></section>");
	for (int c = 1; c <= 5; c++)
		g_string_append_printf(g, "<section class=\"chapter\" data-title=\"C%d\">"
		                          "<h1 id=\"c%d\">Chapter %d</h1><p>Two short lines of "
		                          "text in this chapter.</p></section>", c, c, c);
	g_string_append(g, "<section class=\"chapter part\" data-title=\"Appendix\">"
	                   "<h1 id=\"app\">Appendix</h1><p>Text.</p></section>"
	                   "<section class=\"chapter\"><h1 id=\"after\">After</h1><p>Text.</p></section>");
	diag_list *d = diag_new();
	print_layout *l = lay(g->str, d);
	int f, e;
	for (int c = 1; c <= 5; c++) {
		char id[8];
		snprintf(id, sizeof id, "c%d", c);
		pages_of_block(l, block_with_id(l, id), &f, &e);
		assert_int_equal(f, 2);
	}
	pages_of_block(l, block_with_id(l, "app"), &f, &e);
	assert_int_equal(f, 3);
	assert_int_equal(block_with_id(l, "kitgen-part-1"), block_with_id(l, "app"));
	pages_of_block(l, block_with_id(l, "after"), &f, &e);
	assert_int_equal(f, 3);
	assert_int_equal(l->n_pages, 3);
	print_layout_free(l);
	diag_free(d);
	g_string_free(g, TRUE);
}

/* A figure too tall for what is left of the page opens the next page; the
 * paragraphs after it fill this one, and it keeps its caption. */
static void test_figure_floats(void **state)
{
	(void)state;
	int floated = 0;
	for (int k = 20; k < 48; k += 2) {
		char *f = filler(k);
		char *after = filler(12);
		char *body = g_strdup_printf(
			"%s<figure><img id=\"img\" src=\"path-chart.svg\" alt=\"A chart\"/>"
			"<figcaption id=\"cap\">Figure 1. A chart</figcaption></figure>%s"
			"<h2 id=\"next\">Next section</h2><p>Text.</p>", f, after);
		diag_list *d = diag_new();
		print_layout *l = lay(body, d);
		int img = block_with_id(l, "img"), ip, ie, cp, ce, bp, be;
		pages_of_block(l, img, &ip, &ie);
		pages_of_block(l, block_with_id(l, "cap"), &cp, &ce);
		pages_of_block(l, img - 1, &bp, &be);
		assert_int_equal(ip, cp);
		if (ip > be) { /* it did not fit under the text before it */
			floated++;
			/* at the top of its page */
			const print_page *pg = &l->pages[ip - 1];
			for (size_t i = 0; i < pg->n_boxes; i++)
				if (pg->boxes[i].block == img)
					assert_true(pg->boxes[i].y < l->body_top + 1);
			/* text after it was set on the page before */
			int moved = 0;
			const print_page *prev = &l->pages[ip - 2];
			for (size_t i = 0; i < prev->n_boxes; i++)
				moved += !furniture(&prev->boxes[i]) && prev->boxes[i].block > img;
			if (!moved)
				fail_msg("%d lines before: the page before the figure was left short", k);
		}
		assert_page_ends(l);
		print_layout_free(l);
		diag_free(d);
		g_free(body);
		g_free(after);
		g_free(f);
	}
	assert_true(floated > 0);
}

static int setup(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	style = print_style_load("themes/default/print/style.yaml", d);
	diag_free(d);
	if (!style)
		return -1;
	print_style_set_fonts(style, "fonts/fonts.conf", "build/fontcache");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	print_style_free(style);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_list_kept),
		cmocka_unit_test(test_short_table_kept),
		cmocka_unit_test(test_chapters_flow),
		cmocka_unit_test(test_figure_floats),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
