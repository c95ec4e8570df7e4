/* test_paginate: the paginator's measured behaviour on synthetic documents
 * (cmocka). Run from the repository root: it uses fonts/fonts.conf. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <libxml/parser.h>
#include "../../generator/print/print.h"
#include "../../generator/print/print_int.h"

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
	return b->kind == PRINT_BOX_HEADER || b->kind == PRINT_BOX_FOOTER;
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

int main(void)
{
	diag_list *d = diag_new();
	style = print_style_load("themes/default/print/style.yaml", d);
	if (!style || d->errors) {
		diag_print(d, stderr, 0);
		return 1;
	}
	print_style_set_fonts(style, "fonts/fonts.conf", "build/fontcache");
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
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
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	print_style_free(style);
	diag_free(d);
	return rc;
}
