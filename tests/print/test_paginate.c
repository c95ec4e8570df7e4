/* test_paginate: the paginator's measured behaviour on synthetic documents
 * (cmocka). Run from the repository root: it uses fonts/fonts.conf. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <libxml/parser.h>
#include "print/print.h"
#include "print/print_int.h"
#include "test_style.h"

static print_style *style;

static xmlDocPtr doc_from(const char *lang, const char *body)
{
	char *s = g_strdup_printf(
		"<html lang=\"%s\"><head><title>Test</title>"
		"<meta name=\"page-label\" content=\"{page} / {pages}\"/></head>"
		"<body>%s</body></html>", lang, body);
	xmlDocPtr d = xmlReadMemory(s, (int)strlen(s), "test.xhtml", NULL, XML_PARSE_NONET);
	g_free(s);
	assert_non_null(d);
	return d;
}

static print_layout *lay(xmlDocPtr doc, diag_list *d)
{
	print_layout *l = print_layout_doc(doc, "tests/print/fixtures", style, d);
	assert_non_null(l);
	return l;
}

static bool furniture(const print_box *b)
{
	return b->kind == PRINT_BOX_HEADER || b->kind == PRINT_BOX_FOOTER ||
	       b->kind == PRINT_BOX_PANEL; /* panels may bleed to the paper's edge */
}

/* Nothing below the bottom margin or outside the side margins. */
static void assert_inside(const print_layout *l)
{
	for (size_t p = 0; p < l->n_pages; p++)
		for (size_t i = 0; i < l->pages[p].n_boxes; i++) {
			const print_box *b = &l->pages[p].boxes[i];
			if (furniture(b))
				continue;
			if (b->y + b->h > l->body_bottom + 0.5 || b->y < l->body_top - 0.5 ||
			    b->x < l->body_left - 0.5 || b->x + b->w > l->body_right + 0.5)
				fail_msg("page %zu box %zu (%s) at x=%.1f y=%.1f w=%.1f h=%.1f "
				         "leaves the body", p + 1, i, b->tag, b->x, b->y, b->w, b->h);
		}
}

/* Every line of every text block fits its box's width. */
static void assert_lines_fit(const print_layout *l)
{
	print_doc *pd = l->doc;
	for (size_t i = 0; i < pd->n_blocks; i++) {
		print_block *b = &pd->blocks[i];
		if (b->kind != PB_TEXT)
			continue;
		PangoLayout *pl = print_block_layout(pd, b);
		for (GSList *s = pango_layout_get_lines_readonly(pl); s; s = s->next) {
			PangoRectangle r;
			pango_layout_line_get_extents(s->data, NULL, &r);
			if ((r.x + r.width) / (double)PANGO_SCALE > b->w + 0.5)
				fail_msg("block %zu: a line %.1f pt wide in %.1f pt", i,
				         (r.x + r.width) / (double)PANGO_SCALE, b->w);
		}
		g_object_unref(pl);
	}
}

static void test_table_header_repeats(void **state)
{
	(void)state;
	GString *g = g_string_new("<p>Before.</p><table><thead><tr><th>Year</th><th>City</th>"
	                          "<th>Note</th></tr></thead><tbody>");
	for (int i = 0; i < 110; i++)
		g_string_append_printf(g, "<tr><td>%d</td><td>City %d</td><td>A note that "
		                       "is long enough to wrap onto a second line in its "
		                       "column, %d.</td></tr>", 2000 + i, i, i);
	g_string_append(g, "</tbody></table><p>After.</p>");
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en", g->str);
	print_layout *l = lay(doc, d);
	int pages_with_rows = 0;
	for (size_t p = 0; p < l->n_pages; p++) {
		const print_page *pg = &l->pages[p];
		int first_row = -1;
		for (size_t i = 0; i < pg->n_boxes; i++)
			if (pg->boxes[i].kind == PRINT_BOX_ROW || pg->boxes[i].kind == PRINT_BOX_HEAD_ROW) {
				first_row = (int)i;
				break;
			}
		if (first_row < 0)
			continue;
		pages_with_rows++;
		assert_int_equal(pg->boxes[first_row].kind, PRINT_BOX_HEAD_ROW);
	}
	assert_true(pages_with_rows >= 3);
	assert_inside(l);
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

static void test_huge_paragraph(void **state)
{
	(void)state;
	GString *g = g_string_new("<p>");
	for (int i = 0; i < 100000; i++)
		g_string_append(g, i % 7 ? "word " : "longerword ");
	g_string_append(g, "</p>");
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en", g->str);
	print_layout *l = lay(doc, d);
	assert_true(l->n_pages > 100);
	assert_inside(l);
	/* every page but the last is full: no page lost to widows */
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

static void test_wide_table(void **state)
{
	(void)state;
	GString *g = g_string_new("<table><thead><tr>");
	for (int c = 0; c < 200; c++)
		g_string_append_printf(g, "<th>Column %d</th>", c);
	g_string_append(g, "</tr></thead><tbody>");
	for (int r = 0; r < 30; r++) {
		g_string_append(g, "<tr>");
		for (int c = 0; c < 200; c++)
			g_string_append_printf(g, "<td>%d.%d value</td>", r, c);
		g_string_append(g, "</tr>");
	}
	g_string_append(g, "</tbody></table>");
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en", g->str);
	print_layout *l = lay(doc, d);
	assert_inside(l);
	print_doc *pd = l->doc;
	assert_int_equal(pd->n_tables, 1);
	const print_table *t = &pd->tables[0];
	double sum = 0;
	for (int c = 0; c < t->ncols; c++)
		sum += t->col_w[c];
	assert_true(sum <= t->w + 0.5);
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

static void test_long_word(void **state)
{
	(void)state;
	GString *g = g_string_new("<p>Short start ");
	for (int i = 0; i < 500; i++)
		g_string_append_c(g, 'a' + i % 26);
	g_string_append(g, " end.</p><p>https://example.org/");
	for (int i = 0; i < 60; i++)
		g_string_append(g, "segment/");
	g_string_append(g, "</p><p>");
	for (int i = 0; i < 200; i++)
		g_string_append(g, "\xea\xb0\x80"); /* one 200-syllable Hangul word */
	g_string_append(g, "</p>");
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("ko", g->str);
	print_layout *l = lay(doc, d);
	assert_inside(l);
	assert_lines_fit(l);
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

/* Headings never end a page; split paragraphs keep 2 lines each side. */
static void test_keep_and_widows(void **state)
{
	(void)state;
	GString *g = g_string_new(NULL);
	for (int s = 0; s < 60; s++) {
		g_string_append_printf(g, "<h%d>Heading %d</h%d><p>", 2 + s % 2, s, 2 + s % 2);
		for (int w = 0; w < 20 + (s * 37) % 140; w++)
			g_string_append(g, "text ");
		g_string_append(g, "</p>");
	}
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en", g->str);
	print_layout *l = lay(doc, d);
	print_doc *pd = l->doc;
	int splits = 0;
	for (size_t p = 0; p < l->n_pages; p++) {
		const print_page *pg = &l->pages[p];
		const print_box *last = NULL;
		for (size_t i = 0; i < pg->n_boxes; i++) {
			const print_box *b = &pg->boxes[i];
			if (furniture(b) || b->kind == PRINT_BOX_FOOTNOTE)
				continue;
			last = b;
			if (b->kind == PRINT_BOX_TEXT &&
			    b->n_lines < pd->blocks[b->block].n_lines) {
				splits++;
				if (b->n_lines < 2)
					fail_msg("page %zu: %d line(s) of a split paragraph",
					         p + 1, b->n_lines);
			}
		}
		if (last && p + 1 < l->n_pages && last->kind == PRINT_BOX_HEADING)
			fail_msg("page %zu ends with a heading", p + 1);
	}
	assert_true(splits > 3);
	assert_inside(l);
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

static void test_footnote_page(void **state)
{
	(void)state;
	GString *g = g_string_new(NULL);
	for (int s = 0; s < 40; s++) {
		g_string_append(g, "<p>");
		for (int w = 0; w < 60; w++)
			g_string_append(g, "lorem ipsum ");
		g_string_append_printf(g, "mark<span class=\"fn\">Footnote %d with some "
		                       "words in it.</span> and more words after.</p>", s + 1);
	}
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en", g->str);
	print_layout *l = lay(doc, d);
	print_doc *pd = l->doc;
	int found = 0;
	for (size_t p = 0; p < l->n_pages; p++) {
		const print_page *pg = &l->pages[p];
		for (size_t i = 0; i < pg->n_boxes; i++) {
			const print_box *b = &pg->boxes[i];
			if (b->kind != PRINT_BOX_TEXT)
				continue;
			const print_block *bl = &pd->blocks[b->block];
			for (guint k = 0; k < bl->t.fnrefs->len; k++) {
				const print_fnref *r = &g_array_index(bl->t.fnrefs, print_fnref, k);
				if (r->line < b->first_line || r->line >= b->first_line + b->n_lines)
					continue;
				bool here = false;
				for (size_t j = 0; j < pg->n_boxes; j++)
					here |= pg->boxes[j].kind == PRINT_BOX_FOOTNOTE &&
					        pg->boxes[j].footnote == r->fn;
				if (!here)
					fail_msg("footnote %d not on page %zu", r->fn, p + 1);
				found++;
			}
		}
	}
	assert_int_equal(found, 40);
	assert_inside(l);
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

/* keep-all: lines of Korean text start right after a space. */
static void test_korean_keep_all(void **state)
{
	(void)state;
	GString *g = g_string_new("<p>");
	static const char *words[] = {"서울시는", "지방자치단체", "최초로", "최고정보책임자",
	                              "제도를", "도입하여", "도시정보화", "사업에"};
	for (int i = 0; i < 300; i++) {
		g_string_append(g, words[i % 8]);
		g_string_append_c(g, ' ');
	}
	g_string_append(g, "</p>");
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("ko", g->str);
	print_layout *l = lay(doc, d);
	print_doc *pd = l->doc;
	print_block *b = &pd->blocks[0];
	PangoLayout *pl = print_block_layout(pd, b);
	int lines = 0;
	for (GSList *s = pango_layout_get_lines_readonly(pl); s; s = s->next, lines++) {
		PangoLayoutLine *line = s->data;
		if (line->start_index > 0 && b->t.text->str[line->start_index - 1] != ' ')
			fail_msg("line %d starts inside a word (byte %d)", lines, line->start_index);
	}
	assert_true(lines > 10);
	g_object_unref(pl);
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

/* ---- columns ------------------------------------------------------- */

static void lorem(GString *g, int words, int seed)
{
	static const char *w[] = {"city", "report", "citizens", "department", "system",
	                          "follow", "status", "administration", "phone", "trust"};
	for (int i = 0; i < words; i++) {
		g_string_append(g, w[(i * 7 + seed) % 10]);
		g_string_append_c(g, i % 11 == 10 ? '.' : ' ');
	}
}

/* Sections of a heading and a few paragraphs or list items. */
static GString *column_doc(int sections, const char *before, const char *after)
{
	GString *g = g_string_new(before);
	g_string_append(g, "<section class=\"columns\">");
	for (int s = 0; s < sections; s++) {
		g_string_append_printf(g, "<h2>Section %d</h2><p>", s + 1);
		lorem(g, 30 + (s * 23) % 70, s);
		g_string_append(g, "</p><ul>");
		for (int i = 0; i < 1 + s % 4; i++) {
			g_string_append(g, "<li>");
			lorem(g, 6 + i * 3, s + i);
			g_string_append(g, "</li>");
		}
		g_string_append(g, "</ul>");
	}
	g_string_append(g, "</section>");
	g_string_append(g, after);
	return g;
}

typedef struct {
	double col_w, gap;
	int ncols;
} colgeom;

static colgeom geometry(const print_layout *l)
{
	print_doc *pd = l->doc;
	assert_true(pd->colgroups->len >= 1);
	const print_colgroup *g = &g_array_index(pd->colgroups, print_colgroup, 0);
	return (colgeom){g->col_w, g->gap, g->ncols};
}

/* Column boxes sit inside their column, inside the body; in document
 * order a page's boxes go down column 0, then down column 1. */
static void assert_columns(const print_layout *l)
{
	colgeom c = geometry(l);
	assert_int_equal(c.ncols, 2);
	assert_true(2 * c.col_w + c.gap <= l->body_right - l->body_left + 0.5);
	print_doc *pd = l->doc;
	for (size_t p = 0; p < l->n_pages; p++) {
		const print_page *pg = &l->pages[p];
		int col = 0;
		double y = -1;
		for (size_t i = 0; i < pg->n_boxes; i++) {
			const print_box *b = &pg->boxes[i];
			if (furniture(b) || b->kind == PRINT_BOX_FOOTNOTE ||
			    pd->blocks[b->block].colgroup < 0)
				continue;
			double left = l->body_left + b->column * (c.col_w + c.gap);
			if (b->x < left - 0.5 || b->x + b->w > left + c.col_w + 0.5)
				fail_msg("page %zu box %zu (%s) x=%.1f w=%.1f outside column %d "
				         "[%.1f, %.1f]", p + 1, i, b->tag, b->x, b->w, b->column,
				         left, left + c.col_w);
			if (b->column < col)
				fail_msg("page %zu box %zu goes back to column %d", p + 1, i, b->column);
			if (b->column > col)
				y = -1;
			col = b->column;
			if (b->y < y - 0.5)
				fail_msg("page %zu box %zu goes up in column %d", p + 1, i, col);
			y = b->y + b->h;
		}
	}
}

/* Bottom of the column boxes on page p, per column. */
static void column_bottoms(const print_layout *l, size_t p, double bottom[2], int n[2])
{
	print_doc *pd = l->doc;
	bottom[0] = bottom[1] = 0;
	n[0] = n[1] = 0;
	for (size_t i = 0; i < l->pages[p].n_boxes; i++) {
		const print_box *b = &l->pages[p].boxes[i];
		if (furniture(b) || b->kind == PRINT_BOX_FOOTNOTE || b->block < 0 ||
		    pd->blocks[b->block].colgroup < 0 || b->column > 1)
			continue;
		n[b->column]++;
		if (b->y + b->h > bottom[b->column])
			bottom[b->column] = b->y + b->h;
	}
}

static void test_columns_alternate(void **state)
{
	(void)state;
	GString *g = column_doc(3, "<h1>Flyer</h1><p class=\"lead\">A lead that spans the "
	                           "page, above the columns.</p>", "<p>After the columns.</p>");
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en", g->str);
	print_layout *l = lay(doc, d);
	print_doc *pd = l->doc;
	assert_int_equal(l->n_pages, 1);
	assert_inside(l);
	assert_columns(l);
	double bottom[2];
	int n[2];
	column_bottoms(l, 0, bottom, n);
	assert_true(n[0] > 0 && n[1] > 0);
	/* full width above and below: the lead ends above both columns; the
	 * paragraph after them starts below both */
	double lead_bottom = 0, after_top = 0, col_top = 1e9;
	for (size_t i = 0; i < l->pages[0].n_boxes; i++) {
		const print_box *b = &l->pages[0].boxes[i];
		if (furniture(b) || b->block < 0)
			continue;
		const print_block *bl = &pd->blocks[b->block];
		if (bl->colgroup >= 0) {
			if (b->y < col_top)
				col_top = b->y;
			continue;
		}
		assert_true(b->w > geometry(l).col_w * 1.5); /* full width */
		if (b->block == 1)
			lead_bottom = b->y + b->h;
		else if (b->block == (int)pd->n_blocks - 1)
			after_top = b->y;
	}
	assert_true(lead_bottom > 0 && lead_bottom <= col_top + 0.5);
	assert_true(after_top >= MAX(bottom[0], bottom[1]) - 0.5);
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

/* The last page's columns end close together; earlier pages are full. */
static void test_columns_balanced(void **state)
{
	(void)state;
	for (int sections = 2; sections <= 22; sections += 5) {
		GString *g = column_doc(sections, "<p>Before.</p>", "");
		diag_list *d = diag_new();
		xmlDocPtr doc = doc_from("en", g->str);
		print_layout *l = lay(doc, d);
		assert_inside(l);
		assert_columns(l);
		double line = 10.5 * 1.6; /* body size and line height of the theme */
		for (size_t p = 0; p < l->n_pages; p++) {
			double bottom[2];
			int n[2];
			column_bottoms(l, p, bottom, n);
			if (p + 1 < l->n_pages) {
				if (n[1] == 0 || bottom[0] < l->body_bottom - 5 * line)
					fail_msg("%d sections: page %zu of %zu is not full (%.1f, %.1f)",
					         sections, p + 1, l->n_pages, bottom[0], bottom[1]);
			} else if (n[1] > 0 && fabs(bottom[0] - bottom[1]) > 3 * line) {
				fail_msg("%d sections: last page unbalanced: %.1f and %.1f",
				         sections, bottom[0], bottom[1]);
			}
		}
		assert_true(sections < 12 || l->n_pages > 1);
		print_layout_free(l);
		xmlFreeDoc(doc);
		g_string_free(g, TRUE);
		diag_free(d);
	}
}

/* A heading never ends a column: it goes with what follows. */
static void test_columns_keep_headings(void **state)
{
	(void)state;
	GString *g = column_doc(30, "", "");
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en", g->str);
	print_layout *l = lay(doc, d);
	assert_true(l->n_pages > 1);
	for (size_t p = 0; p < l->n_pages; p++) {
		const print_page *pg = &l->pages[p];
		const print_box *last[2] = {NULL, NULL};
		for (size_t i = 0; i < pg->n_boxes; i++) {
			const print_box *b = &pg->boxes[i];
			if (!furniture(b) && b->kind != PRINT_BOX_FOOTNOTE && b->column < 2)
				last[b->column] = b;
		}
		for (int c = 0; c < 2; c++)
			if (last[c] && last[c]->kind == PRINT_BOX_HEADING)
				fail_msg("page %zu: column %d ends with a heading", p + 1, c);
	}
	assert_inside(l);
	assert_columns(l);
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

/* .span-all inside the columns: across both, the columns before it end
 * above it and those after it start below it. */
static void test_columns_span_all(void **state)
{
	(void)state;
	GString *g = g_string_new("<section class=\"columns\"><h2>One</h2><p>");
	lorem(g, 120, 1);
	g_string_append(g, "</p><p class=\"span-all\">Across the page.</p><h2>Two</h2><p>");
	lorem(g, 120, 2);
	g_string_append(g, "</p></section>");
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en", g->str);
	print_layout *l = lay(doc, d);
	print_doc *pd = l->doc;
	assert_int_equal(l->n_pages, 1);
	assert_int_equal(pd->colgroups->len, 2);
	double span_top = -1, span_bottom = -1, above = 0, below = 1e9;
	int cols_above = 0, cols_below = 0;
	for (size_t i = 0; i < l->pages[0].n_boxes; i++) {
		const print_box *b = &l->pages[0].boxes[i];
		if (furniture(b))
			continue;
		const print_block *bl = &pd->blocks[b->block];
		if (bl->colgroup < 0) {
			span_top = b->y;
			span_bottom = b->y + b->h;
			assert_true(b->w > l->body_right - l->body_left - 1);
		} else if (span_top < 0) {
			above = MAX(above, b->y + b->h);
			cols_above |= 1 << b->column;
		} else {
			below = MIN(below, b->y);
			cols_below |= 1 << b->column;
		}
	}
	assert_int_equal(cols_above, 3); /* both columns, above and below */
	assert_int_equal(cols_below, 3);
	assert_true(above <= span_top + 0.5);
	assert_true(below >= span_bottom - 0.5);
	assert_inside(l);
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

/* position: bottom puts a run at the foot of the body, footnotes above
 * it; a panel's min-height and an image's style width are honoured. */
static void test_bottom_panel_image(void **state)
{
	(void)state;
	GString *g = g_string_new("<section class=\"cover\"><header class=\"band\">"
	                          "<figure class=\"emblem\"><img src=\"path-chart.svg\" alt=\"\"/>"
	                          "</figure><h1>Title</h1></header>"
	                          "<footer class=\"imprint\"><p>Date</p><p>Org</p></footer>"
	                          "</section><p>Text<span class=\"fn\">A note.</span></p>"
	                          "<footer class=\"imprint\"><p>Address</p></footer>");
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en", g->str);
	print_layout *l = lay(doc, d);
	print_doc *pd = l->doc;
	assert_int_equal(l->n_pages, 2);
	double mm = 72 / 25.4, band_bottom = 0, img_w = 0, last_bottom[2] = {0, 0};
	double fn_bottom = 0, addr_top = 0;
	for (size_t p = 0; p < 2; p++)
		for (size_t i = 0; i < l->pages[p].n_boxes; i++) {
			const print_box *b = &l->pages[p].boxes[i];
			if (b->kind == PRINT_BOX_PANEL && p == 0 && b->y < 1)
				band_bottom = b->y + b->h;
			if (b->kind == PRINT_BOX_IMAGE)
				img_w = b->w;
			if (b->kind == PRINT_BOX_FOOTNOTE)
				fn_bottom = b->y + b->h;
			if (b->kind == PRINT_BOX_TEXT && b->block >= 0 &&
			    !strcmp(pd->blocks[b->block].t.text->str, "Address"))
				addr_top = b->y;
			if (b->kind == PRINT_BOX_TEXT)
				last_bottom[p] = MAX(last_bottom[p], b->y + b->h);
		}
	assert_true(fabs(img_w - 20 * mm) < 0.5);           /* .emblem img width */
	assert_true(band_bottom >= 140 * mm - 0.5);          /* .cover header.band */
	assert_true(last_bottom[0] > l->body_bottom - 30);   /* imprint at the foot */
	assert_true(last_bottom[1] > l->body_bottom - 30);
	assert_true(fn_bottom > 0 && fn_bottom <= addr_top); /* the note above it */
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_string_free(g, TRUE);
	diag_free(d);
}

static char *slurp(const char *path, gsize *len)
{
	char *s = NULL;
	assert_true(g_file_get_contents(path, &s, len, NULL));
	return s;
}

static void test_deterministic(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	xmlDocPtr doc = xmlReadFile("tests/print/fixtures/mixed-ko-en.xhtml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	g_mkdir_with_parents("build/test-print", 0755);
	assert_int_equal(print_render(doc, "tests/print/fixtures", style,
	                              "build/test-print/a.pdf", d), 0);
	assert_int_equal(print_render(doc, "tests/print/fixtures", style,
	                              "build/test-print/b.pdf", d), 0);
	gsize la, lb;
	char *a = slurp("build/test-print/a.pdf", &la), *b = slurp("build/test-print/b.pdf", &lb);
	assert_true(la > 1000);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	g_free(a);
	g_free(b);
	xmlFreeDoc(doc);
	diag_free(d);
}

static void test_broken_link_and_unknown(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en", "<h1 id=\"a\">A</h1><p>See <a href=\"#a\">a</a> and "
	                               "<a href=\"#nowhere\">b</a>.</p><frobnicate><x>odd "
	                               "<y>text</y></x></frobnicate><p></p><ul><li/></ul>"
	                               "<table></table><table><tr/></table><img/>");
	int rc = print_render(doc, ".", style, "build/test-print/broken.pdf", d);
	assert_int_equal(rc, -1);
	bool link = false;
	for (size_t i = 0; i < d->count; i++)
		link |= strstr(d->entries[i].message, "#nowhere") != NULL;
	assert_true(link);
	xmlFreeDoc(doc);
	diag_free(d);
}

/* ---- hyphenation, right to left, paper --------------------------------- */

/* The en-US dictionary (hyphen-en-us) breaks "hyphenation" as hy-phen-ation;
 * 8-bit dictionaries (ru: KOI8-R, pt: ISO-8859-1) work through conversion;
 * short words, acronyms, addresses and languages without a dictionary stay
 * whole. */
static void test_hyphen_dictionary(void **state)
{
	(void)state;
	char *h = print_hyphen_text("en", "hyphenation");
	assert_non_null(h);
	assert_string_equal(h, "hyphen\xc2\xad" "ation"); /* 3 letters or more before a break */
	g_free(h);
	h = print_hyphen_text("en-US", "The administration.");
	assert_non_null(h);
	assert_string_equal(h, "The admin\xc2\xad" "is\xc2\xadtra\xc2\xadtion.");
	g_free(h);
	assert_null(print_hyphen_text("en", "a short text"));
	assert_null(print_hyphen_text("en", "UNESCO OpenStreetMap"));
	assert_null(print_hyphen_text("en", "https://administration.example.org/government"));
	assert_null(print_hyphen_text("zz", "hyphenation"));
	assert_null(print_hyphen_text("ko", "hyphenation"));
	static const char *const words[][2] = {
		{"ru", "информатизации"}, {"pt", "electrónico"}, {"fr", "administration"},
		{"es", "administración"}, {"ca", "administració"}, {"mn", "үзэсгэлэн"}};
	for (size_t i = 0; i < G_N_ELEMENTS(words); i++) {
		h = print_hyphen_text(words[i][0], words[i][1]);
		if (!h)
			fail_msg("%s: no break in '%s'", words[i][0], words[i][1]);
		/* without the soft hyphens, the word as it was */
		char **parts = g_strsplit(h, "\xc2\xad", -1);
		char *joined = g_strjoinv("", parts);
		assert_string_equal(joined, words[i][1]);
		/* at least 3 letters before the first break, 3 after the last */
		assert_true(g_utf8_strlen(parts[0], -1) >= 3);
		assert_true(g_utf8_strlen(parts[g_strv_length(parts) - 1], -1) >= 3);
		g_free(joined);
		g_strfreev(parts);
		g_free(h);
	}
}

static const char *hy_para =
	"Seoul publishes administrative information about government communication, "
	"participation, transparency and international cooperation; the administration "
	"coordinates implementation across organisations, institutions and communities, "
	"and its international partnerships accompany municipal transformation.";

/* Lines of block bi that end at a soft hyphen (where Pango drew "-"). */
static int hyphenated_lines(print_layout *l, size_t bi)
{
	print_doc *pd = l->doc;
	print_block *b = &pd->blocks[bi];
	PangoLayout *lo = print_block_layout(pd, b);
	int n = 0;
	for (int i = 0; i < pango_layout_get_line_count(lo); i++) {
		PangoLayoutLine *ln = pango_layout_get_line_readonly(lo, i);
		int end = ln->start_index + ln->length;
		if (end >= 2 && !memcmp(b->t.text->str + end - 2, "\xc2\xad", 2))
			n++;
	}
	g_object_unref(lo);
	return n;
}

/* Justified body text is hyphenated, text aligned to the start is not,
 * nor code, nor a paragraph whose style says hyphenate: false. */
static void test_hyphen_layout(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	char *body = g_strdup_printf(
		"<section style=\"x\"><p>%s</p><p class=\"lead\">%s</p>"
		"<p>See <code>administration_configuration_management</code>.</p></section>",
		hy_para, hy_para);
	xmlDocPtr doc = doc_from("en", body);
	print_layout *l = lay(doc, d);
	print_doc *pd = l->doc;
	assert_int_equal(pd->n_blocks, 3);
	assert_true(hyphenated_lines(l, 0) >= 1);
	assert_non_null(strstr(pd->blocks[0].t.text->str, "admin\xc2\xad" "is"));
	assert_null(strstr(pd->blocks[1].t.text->str, "\xc2\xad")); /* p.lead: left */
	assert_null(strstr(pd->blocks[2].t.text->str, "\xc2\xad"));
	assert_lines_fit(l);
	print_layout_free(l);
	xmlFreeDoc(doc);
	g_free(body);
	diag_free(d);
}

/* A paragraph of the benchmark report where Pango 1.50 broke a line at a
 * soft hyphen ("e-Govern-" on the old 162 mm measure) but justified it as
 * if the hyphen took no room, a hyphen's width past the margin. kitgen
 * justifies lines itself from their glyphs, hyphen included: every line
 * but the last ends at the margin, those ending at a soft hyphen too. */
static void test_hyphen_overflow(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("en",
		"<p><em>in are standards</em> Result transparency location (\xec\x9d\x91\xeb\x8b\xb5\xec\x86\x8c) "
		"response cost water years electronically documents process of on electronically "
		"a, their document time procurement services budget. Projects result complaints, "
		"handled as, more needed complaints first counter first. Digital 290 policy "
		"standards electronically procurement, data reduced response phases the traffic "
		"bus. Document complaint systems city contract needed partner systems officials, "
		"partner plan adoption costs each local internet. Standards directly access "
		"introduced procedure transparency its offices from platform a systems delegation "
		"digital, F/S of e-government systems training complaint projects the. Feasibility "
		"time laws policy their improved processes regulation policy more, application "
		"city report photo traffic as local cost partners government tax.</p>");
	print_layout *l = lay(doc, d);
	print_doc *pd = l->doc;
	print_block *b = &pd->blocks[0];
	PangoLayout *pl = print_block_layout(pd, b);
	int n = pango_layout_get_line_count(pl);
	int hyphens = 0;
	assert_true(n > 4);
	for (int i = 0; i < n - 1; i++) {
		PangoLayoutLine *ln = pango_layout_get_line_readonly(pl, i);
		PangoRectangle r;
		pango_layout_line_get_extents(ln, NULL, &r);
		double right = (r.x + r.width) / (double)PANGO_SCALE;
		if (fabs(right - b->w) > 0.1)
			fail_msg("line %d ends at %.2f pt, the margin is at %.2f pt", i + 1, right, b->w);
		int end = ln->start_index + ln->length;
		hyphens += end >= 2 && !memcmp(b->t.text->str + end - 2, "\xc2\xad", 2);
	}
	assert_true(hyphens >= 2);
	g_object_unref(pl);
	print_layout_free(l);
	xmlFreeDoc(doc);
	diag_free(d);
}

/* An Arabic document: right to left from its language; start-aligned and
 * justified lines end at the right edge; a list's indent and its markers
 * on the right; a table's first column on the right. */
static void test_rtl_layout(void **state)
{
	(void)state;
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_from("ar",
		"<h1>نظام الحكومة الإلكترونية في سيول</h1>"
		"<p>تشارك مدينة سيول أنظمتها للحكومة الإلكترونية مع المدن الشريكة، وتقدّم معها "
		"السياسات والخبرة التشغيلية التي تقف خلفها، وذلك من خلال دراسات الجدوى وزيارات "
		"الوفود والتدريب.</p>"
		"<ul><li>مركز دَسان للاتصال ١٢٠</li><li>نظام الإبلاغ عن مضايقات المواطنين</li></ul>"
		"<table><tr><th>النظام</th><th>السنة</th></tr><tr><td>أ</td><td>٢٠١٤</td></tr></table>");
	print_layout *l = lay(doc, d);
	print_doc *pd = l->doc;
	assert_true(pd->rtl);
	double right = l->body_right;
	int seen_li = 0;
	for (size_t i = 0; i < l->pages[0].n_boxes; i++) {
		const print_box *b = &l->pages[0].boxes[i];
		if (b->kind != PRINT_BOX_TEXT && b->kind != PRINT_BOX_HEADING)
			continue;
		print_block *blk = &pd->blocks[b->block];
		assert_true(blk->cs.rtl);
		PangoLayout *lo = print_block_layout(pd, blk);
		PangoLayoutIter *it = pango_layout_get_iter(lo);
		do { /* every line's right edge at the box's right edge */
			PangoRectangle r;
			pango_layout_iter_get_line_extents(it, NULL, &r);
			double edge = b->x + (r.x + r.width) / (double)PANGO_SCALE;
			assert_true(fabs(edge - (b->x + b->w)) < 1.0);
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		g_object_unref(lo);
		if (!strcmp(b->tag, "li")) { /* the indent is on the right */
			seen_li++;
			assert_true(fabs(b->x - l->body_left) < 0.5);
			assert_true(b->x + b->w < right - 10);
		} else
			assert_true(fabs(b->x + b->w - right) < 0.5);
	}
	assert_int_equal(seen_li, 2);
	assert_int_equal(pd->n_tables, 1);
	const print_table *t = &pd->tables[0];
	assert_true(t->col_x[0] > t->col_x[1]);
	assert_true(fabs(t->col_x[0] + t->col_w[0] - t->w) < 0.5);
	assert_int_equal(d->errors, 0);
	print_layout_free(l);
	xmlFreeDoc(doc);
	diag_free(d);
}

static xmlDocPtr doc_paper(const char *lang, const char *paper)
{
	char *s = g_strdup_printf(
		"<html lang=\"%s\"><head><title>Paper</title>%s%s%s</head>"
		"<body><p>Paper.</p></body></html>", lang, paper ? "\n<meta name=\"paper\" content=\"" : "",
		paper ? paper : "", paper ? "\"/>" : "");
	xmlDocPtr d = xmlReadMemory(s, (int)strlen(s), "paper.xhtml", NULL, XML_PARSE_NONET);
	g_free(s);
	assert_non_null(d);
	return d;
}

static void assert_paper(const print_style *st, const char *lang, const char *paper,
                         double w, double h, int errors)
{
	diag_list *d = diag_new();
	xmlDocPtr doc = doc_paper(lang, paper);
	print_layout *l = print_layout_doc(doc, ".", st, d);
	assert_non_null(l);
	if (fabs(l->page_w - w) > 0.01 || fabs(l->page_h - h) > 0.01)
		fail_msg("%s paper=%s: %.2f x %.2f, expected %.2f x %.2f", lang,
		         paper ? paper : "-", l->page_w, l->page_h, w, h);
	assert_int_equal(d->errors, errors);
	if (errors) { /* where: the meta element's line */
		assert_int_equal(d->entries[0].line, 2);
		assert_non_null(strstr(d->entries[0].message, "unknown paper size"));
	}
	print_layout_free(l);
	xmlFreeDoc(doc);
	diag_free(d);
}

/* Paper: the document's own setting, else the style's size, else the
 * locale of a tag with a region (en-US, es-MX: Letter), else A4. */
static void test_paper(void **state)
{
	(void)state;
	const double a4w = 595.2756, a4h = 841.8898;
	assert_paper(style, "en", NULL, a4w, a4h, 0);
	assert_paper(style, "en-US", NULL, 612, 792, 0);
	assert_paper(style, "es-MX", NULL, 612, 792, 0);
	assert_paper(style, "pt-PT", NULL, a4w, a4h, 0);
	assert_paper(style, "en-US", "A4", a4w, a4h, 0);
	assert_paper(style, "en", "letter", 612, 792, 0);
	assert_paper(style, "en", "B7", a4w, a4h, 1);
	/* a style that names its size beats the locale, not the document */
	g_mkdir_with_parents("build/test-print", 0755);
	assert_true(g_file_set_contents("build/test-print/a5.yaml",
	                                "page:\n  size: A5\n", -1, NULL));
	diag_list *d = diag_new();
	print_style *a5 = print_style_load("build/test-print/a5.yaml", d);
	assert_non_null(a5);
	print_style_set_fonts(a5, "fonts/fonts.conf", "build/fontcache");
	assert_paper(a5, "en-US", NULL, 419.5276, 595.2756, 0);
	assert_paper(a5, "en-US", "Letter", 612, 792, 0);
	print_style_free(a5);
	/* an unknown size in the style: an error at its line and column */
	assert_true(g_file_set_contents("build/test-print/bad.yaml",
	                                "page:\n  size: B7\n", -1, NULL));
	print_style *bad = print_style_load("build/test-print/bad.yaml", d);
	print_style_free(bad);
	assert_int_equal(d->errors, 1);
	assert_int_equal(d->entries[0].line, 2);
	assert_int_equal(d->entries[0].col, 9);
	assert_non_null(strstr(d->entries[0].message, "unknown paper size 'B7'"));
	diag_free(d);
}

int main(void)
{
	style = test_style_load();
	if (!style)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_header_repeats),
		cmocka_unit_test(test_huge_paragraph),
		cmocka_unit_test(test_wide_table),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_keep_and_widows),
		cmocka_unit_test(test_footnote_page),
		cmocka_unit_test(test_korean_keep_all),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_broken_link_and_unknown),
		cmocka_unit_test(test_columns_alternate),
		cmocka_unit_test(test_columns_balanced),
		cmocka_unit_test(test_columns_keep_headings),
		cmocka_unit_test(test_columns_span_all),
		cmocka_unit_test(test_bottom_panel_image),
		cmocka_unit_test(test_hyphen_dictionary),
		cmocka_unit_test(test_hyphen_layout),
		cmocka_unit_test(test_hyphen_overflow),
		cmocka_unit_test(test_rtl_layout),
		cmocka_unit_test(test_paper),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	print_style_free(style);
	return rc;
}
