/* test_paragraph: the paragraph engine (cmocka): the baseline grid, CJK
 * justification and punctuation, flush address lines, hyphenation limits.
 * Run from the repository root, as make print-test does. */
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

#define PS ((double)PANGO_SCALE)

static print_style *style;

typedef struct {
	diag_list *d;
	xmlDocPtr doc;
	print_layout *l;
	print_doc *pd;
} fixture;

static void open_doc(fixture *f, const char *lang, const char *body)
{
	char *s = g_strdup_printf("<html lang=\"%s\"><head><title>Test</title></head>"
	                          "<body>%s</body></html>", lang, body);
	f->d = diag_new();
	f->doc = xmlReadMemory(s, (int)strlen(s), "test.xhtml", NULL, XML_PARSE_NONET);
	g_free(s);
	assert_non_null(f->doc);
	f->l = print_layout_doc(f->doc, "tests/print/fixtures", style, f->d);
	assert_non_null(f->l);
	f->pd = f->l->doc;
}

static void close_doc(fixture *f)
{
	print_layout_free(f->l);
	xmlFreeDoc(f->doc);
	diag_free(f->d);
}

/* What justification added to each visible glyph of a line: its width
 * less the font's advance for it. */
typedef struct {
	gunichar ch;
	double extra, width;   /* pt */
	int index;             /* byte of its cluster */
} glyph_extra;

static GArray *line_glyphs(PangoLayoutLine *ln, const char *text)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(glyph_extra));
	for (GSList *r = ln->runs; r; r = r->next) {
		PangoGlyphItem *run = r->data;
		PangoGlyphString *gs = run->glyphs;
		for (int i = 0; i < gs->num_glyphs; i++) {
			if (gs->glyphs[i].geometry.width == 0)
				continue;
			PangoRectangle nat;
			pango_font_get_glyph_extents(run->item->analysis.font,
			                             gs->glyphs[i].glyph, NULL, &nat);
			int at = run->item->offset + gs->log_clusters[i];
			glyph_extra g = {g_utf8_get_char(text + at),
			                 (gs->glyphs[i].geometry.width - nat.width) / PS,
			                 gs->glyphs[i].geometry.width / PS, at};
			g_array_append_val(a, g);
		}
	}
	return a;
}

/* Han, kana, Hangul and CJK punctuation (full-width forms too) */
static bool is_cjk(gunichar u)
{
	return (u >= 0x3000 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x9FFF) ||
	       (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xFF00 && u <= 0xFF60);
}

static double line_right(PangoLayoutLine *ln)
{
	PangoRectangle r;
	pango_layout_line_get_extents(ln, NULL, &r);
	return (r.x + r.width) / PS;
}

/* ---- the baseline grid ------------------------------------------------ */

/* Footnote marks, superscripts, inline code and a fallback font (Latin
 * and Hangul in Amharic text) never move a line: every line of a block
 * starts one pitch below the last, its baseline at the same depth. */
static void test_fixed_pitch(void **state)
{
	(void)state;
	static const char *const docs[][2] = {
		{"en", "The Seoul<span class=\"fn\">A note.</span> system handles "
		       "complaints<sup>2</sup> and x<sub>i</sub> with <code>kitgen build</code> "
		       "inside a paragraph long enough to wrap over several lines of the "
		       "body, so that the superscript sits on a line between others, "
		       "and a second<span class=\"fn\">Another.</span> mark comes later in "
		       "the text, where the line holding it must keep the grid as well."},
		{"am", "የሴኡል ኤሌክትሮኒክ Seoul e-Government 서울 መንግሥት ማሳያ የሴኡል "
		       "ኤሌክትሮኒክ CIO 120 መንግሥት ማሳያ 서울시 የሴኡል Maputo መንግሥት "
		       "ማሳያ<sup>3</sup> የሴኡል ኤሌክትሮኒክ መንግሥት ማሳያ የሴኡል ኤሌክትሮኒክ "
		       "መንግሥት ማሳያ."},
		{"ko", "서울시는<span class=\"fn\">주.</span> 2013년 Maputo에서 시민불편신고 "
		       "<code>SMS</code> 방식을 제안했습니다. e-Government 서울시는 시민불편신고 "
		       "방식을 ODA<sup>1</sup> 제안했습니다 서울시는 시민불편신고 방식을 "
		       "제안했습니다."},
	};
	for (size_t k = 0; k < G_N_ELEMENTS(docs); k++) {
		fixture f;
		/* twice over: long enough for marks on lines between others */
		char *body = g_strdup_printf("<p>%s %s</p>", docs[k][1], docs[k][1]);
		open_doc(&f, docs[k][0], body);
		g_free(body);
		print_block *b = &f.pd->blocks[0];
		assert_true(b->n_lines >= 3);
		double pitch = b->line_top[1] - b->line_top[0];
		double depth = b->baseline[0] - b->line_top[0];
		for (int i = 0; i < b->n_lines; i++) {
			double p = b->line_top[i + 1] - b->line_top[i];
			double dp = b->baseline[i] - b->line_top[i];
			if (fabs(p - pitch) > 0.01 || fabs(dp - depth) > 0.01)
				fail_msg("%s line %d: pitch %.2f pt, baseline %.2f pt down; line 1: "
				         "%.2f, %.2f", docs[k][0], i + 1, p, dp, pitch, depth);
		}
		/* the pitch is the style's: font size times line height */
		assert_true(fabs(pitch - b->cs.size * b->cs.line_height) < 0.01);
		close_doc(&f);
	}
}

/* Pango 1.50 sets the runs of a line on the baseline of the line's first
 * script (a line that opens with Hangul or Devanagari lifts its Latin
 * words). Every run of these lines sits on the line's baseline. */
static void test_mixed_script_baseline(void **state)
{
	(void)state;
	static const char *const docs[][2] = {
		{"fr", "<span lang=\"ko\">전자결재</span> prend en charge la rédaction "},
		{"ko", "서울시는 2013년 Maputo에서 e-Government 시민불편신고 방식을 "},
		{"ne", "सियोल Seoul महानगर सरकार e-Government प्रणाली "},
	};
	for (size_t k = 0; k < G_N_ELEMENTS(docs); k++) {
		GString *g = g_string_new("<p>");
		for (int i = 0; i < 40; i++)
			g_string_append(g, docs[k][1]);
		g_string_append(g, "</p>");
		fixture f;
		open_doc(&f, docs[k][0], g->str);
		print_block *b = &f.pd->blocks[0];
		PangoLayout *pl = print_block_layout(f.pd, b);
		int i = 0, runs = 0;
		for (GSList *s = pango_layout_get_lines_readonly(pl); s; s = s->next, i++)
			for (GSList *r = ((PangoLayoutLine *)s->data)->runs; r; r = r->next, runs++)
				if (((PangoLayoutRun *)r->data)->y_offset != 0)
					fail_msg("%s line %d: a run %.2f pt off the baseline", docs[k][0],
					         i + 1, ((PangoLayoutRun *)r->data)->y_offset / PS);
		assert_true(i > 5 && runs > 2 * i);
		g_object_unref(pl);
		close_doc(&f);
		g_string_free(g, TRUE);
	}
}

/* ---- CJK justification ---------------------------------------------- */

/* Lines of a justified CJK paragraph but the last reach the margin, and
 * the stretch is spread between the characters: many glyphs take a
 * share, none more than a fifth of the line's (the one Latin space of a
 * Chinese line does not take it all, nor Korean word spaces). Returns how
 * many lines were checked. */
static int assert_cjk_spread(fixture *f, size_t bi)
{
	print_block *b = &f->pd->blocks[bi];
	PangoLayout *pl = print_block_layout(f->pd, b);
	int n = pango_layout_get_line_count(pl), checked = 0;
	for (int i = 0; i < n - 1; i++) {
		PangoLayoutLine *ln = pango_layout_get_line_readonly(pl, i);
		double right = line_right(ln);
		if (fabs(right - b->w) > 0.1)
			fail_msg("block %zu line %d ends at %.2f pt, the margin is at %.2f pt",
			         bi, i + 1, right, b->w);
		GArray *g = line_glyphs(ln, b->t.text->str);
		double total = 0, most = 0;
		int shares = 0, cjk = 0;
		for (guint k = 0; k < g->len; k++) {
			glyph_extra *e = &g_array_index(g, glyph_extra, k);
			cjk += is_cjk(e->ch);
			if (e->extra > 0.005) {
				total += e->extra;
				shares++;
				most = MAX(most, e->extra);
			}
		}
		if (total > 1.0) {
			checked++;
			if (shares < cjk / 2 || most > total / 5)
				fail_msg("block %zu line %d: %.2f pt of stretch in %d gaps (of %d CJK "
				         "characters), %.2f pt in one", bi, i + 1, total, shares, cjk, most);
		}
		g_array_free(g, TRUE);
	}
	g_object_unref(pl);
	return checked;
}

static void test_cjk_justify(void **state)
{
	(void)state;
	/* Traditional Chinese with one Latin word, as the flyers have it */
	GString *zh = g_string_new("<p>");
	for (int i = 0; i < 6; i++)
		g_string_append(zh, "資訊溝通廣場於 Seoul 向市民公開核定行政公文，"
		                    "其目的在於讓市民親自看到");
	g_string_append(zh, "</p>");
	fixture f;
	open_doc(&f, "zh-Hant", zh->str);
	assert_true(assert_cjk_spread(&f, 0) >= 1);
	close_doc(&f);
	g_string_free(zh, TRUE);
}

/* Korean: the stretch goes between syllables too, and lines still break
 * only between words (keep-all). */
static void test_korean_justify(void **state)
{
	(void)state;
	static const char *words[] = {"서울시는",
		"지방자치단체",
		"최초로",
		"최고정보책임자제도를",
		"도입하여",
		"도시정보화사업",
		"사업에"};
	GString *g = g_string_new("<p>");
	for (int i = 0; i < 120; i++) {
		g_string_append(g, words[(i * 5) % 7]);
		g_string_append_c(g, ' ');
	}
	g_string_append(g, "</p>");
	fixture f;
	open_doc(&f, "ko", g->str);
	assert_true(assert_cjk_spread(&f, 0) >= 5);
	print_block *b = &f.pd->blocks[0];
	PangoLayout *pl = print_block_layout(f.pd, b);
	int i = 0;
	for (GSList *s = pango_layout_get_lines_readonly(pl); s; s = s->next, i++) {
		PangoLayoutLine *line = s->data;
		if (line->start_index > 0 && b->t.text->str[line->start_index - 1] != ' ')
			fail_msg("line %d starts inside a word (byte %d)", i + 1, line->start_index);
	}
	g_object_unref(pl);
	close_doc(&f);
	g_string_free(g, TRUE);
}

/* Adjacent full-width punctuation: 」「, ）， and 。」 lose half a width
 * (the first of a closing pair, the gap between closing and opening);
 * the same marks alone keep their full width. */
static void test_cjk_punctuation(void **state)
{
	(void)state;
	fixture f;
	open_doc(&f, "zh-Hant",
		"<p>她說「好」「同意。」市民（公文），會「好」市（文）會。</p>");
	print_block *b = &f.pd->blocks[0];
	PangoLayout *pl = print_block_layout(f.pd, b);
	assert_int_equal(pango_layout_get_line_count(pl), 1);
	GArray *g = line_glyphs(pango_layout_get_line_readonly(pl, 0), b->t.text->str);
	double em = b->cs.size;
	/* the marks in text order: which are paired, which stand alone */
	static const struct { gunichar ch; bool half; } want[] = {
		{0x300C, false}, {0x300D, true}, {0x300C, false}, {0x3002, true},
		{0x300D, false}, {0xFF08, false}, {0xFF09, true}, {0xFF0C, false},
		{0x300C, false}, {0x300D, false}, {0xFF08, false}, {0xFF09, false},
		{0x3002, false}};
	size_t w = 0;
	for (guint k = 0; k < g->len; k++) {
		glyph_extra *e = &g_array_index(g, glyph_extra, k);
		if (is_cjk(e->ch) && g_unichar_ispunct(e->ch) && w < G_N_ELEMENTS(want)) {
			assert_int_equal(e->ch, want[w].ch);
			double expect = want[w].half ? em / 2 : em;
			if (fabs(e->width - expect) > 0.3)
				fail_msg("mark %zu (U+%04X) is %.2f pt wide, %.2f pt expected", w + 1,
				         (unsigned)e->ch, e->width, expect);
			w++;
		}
	}
	assert_int_equal(w, G_N_ELEMENTS(want));
	g_array_free(g, TRUE);
	g_object_unref(pl);
	close_doc(&f);
}

/* ---- flush lines ------------------------------------------------------ */

/* A line holding a web address is set flush, its spaces as wide as the
 * font makes them; the other lines of the paragraph are justified. */
static void test_url_flush(void **state)
{
	(void)state;
	fixture f;
	open_doc(&f, "en",
		"<p>The city publishes the law in English and in the original language at "
		"the addresses below, which readers can visit to find the current text of "
		"each act: https://elaw.klri.re.kr/eng_mobile/viewer.do?hseq=60397 and also "
		"the complete list of regulations of the municipal government, as the "
		"delegation asked during the visit to the city hall and the call centre, "
		"with further information at https://www.example.org/regulations/list and "
		"more text after it so that the paragraph goes on for another full line.</p>");
	print_block *b = &f.pd->blocks[0];
	PangoLayout *pl = print_block_layout(f.pd, b);
	int n = pango_layout_get_line_count(pl), flush = 0, justified = 0;
	for (int i = 0; i < n - 1; i++) {
		PangoLayoutLine *ln = pango_layout_get_line_readonly(pl, i);
		bool url = g_strstr_len(b->t.text->str + ln->start_index, ln->length, "https://") ||
		           g_strstr_len(b->t.text->str + ln->start_index, ln->length, "/");
		GArray *g = line_glyphs(ln, b->t.text->str);
		double extra = 0; /* what the spaces took (kerning moves letters) */
		for (guint k = 0; k < g->len; k++)
			if (g_array_index(g, glyph_extra, k).ch == ' ')
				extra += fabs(g_array_index(g, glyph_extra, k).extra);
		g_array_free(g, TRUE);
		if (url) {
			flush++;
			if (extra > 0.01)
				fail_msg("line %d holds an address and is stretched by %.2f pt", i + 1, extra);
		} else {
			justified++;
			assert_true(fabs(line_right(ln) - b->w) < 0.1);
		}
	}
	assert_true(flush >= 2 && justified >= 2);
	g_object_unref(pl);
	close_doc(&f);
}

/* ---- hyphenation limits ------------------------------------------- */

/* Long words with many break points on a narrow measure: most lines
 * could end with a hyphen, no more than 2 in a row do. */
static void test_hyphen_run(void **state)
{
	(void)state;
	static const char *words[] = {"administration", "internationalization",
		"telecommunications", "implementation", "responsibilities", "organizational",
		"transformation", "municipalities", "interoperability", "documentation",
		"accountability", "representatives"};
	GString *g = g_string_new("<p>");
	for (int i = 0; i < 600; i++) {
		g_string_append(g, words[(i * 5) % 12]);
		g_string_append(g, i % 3 ? " " : " of ");
	}
	g_string_append(g, "administration.</p>");
	fixture f;
	open_doc(&f, "en", g->str);
	int hyph = 0;
	for (size_t bi = 0; bi < f.pd->n_blocks; bi++) {
		print_block *b = &f.pd->blocks[bi];
		if (b->kind != PB_TEXT || b->cs.align != PRINT_ALIGN_JUSTIFY)
			continue;
		PangoLayout *pl = print_block_layout(f.pd, b);
		int run = 0, i = 0;
		for (GSList *s = pango_layout_get_lines_readonly(pl); s; s = s->next, i++) {
			PangoLayoutLine *ln = s->data;
			int end = ln->start_index + ln->length;
			bool hy = end >= 2 && !memcmp(b->t.text->str + end - 2, "­", 2);
			hyph += hy;
			run = hy ? run + 1 : 0;
			if (run > 2)
				fail_msg("block %zu: %d hyphenated lines in a row, up to line %d",
				         bi, run, i + 1);
			/* 3 letters at least on each side of a break */
			if (hy) {
				const char *p = b->t.text->str + end - 2;
				int before = 0, after = 0;
				for (const char *q = p; q > b->t.text->str && (g_ascii_isalpha(q[-1]) ||
				     (q - 1 > b->t.text->str && !strncmp(q - 2, "\xc2\xad", 2)));)
					if (g_ascii_isalpha(q[-1])) {
						before++;
						q--;
					} else
						q -= 2;
				for (const char *q = p + 2; g_ascii_isalpha(*q) ||
				     !strncmp(q, "\xc2\xad", 2); q += *q == '\xc2' ? 2 : 1)
					after += *q != '\xc2';
				if (before < 3 || after < 3)
					fail_msg("block %zu line %d: break after %d letters, %d after it",
					         bi, i + 1, before, after);
			}
		}
		/* the last word of the paragraph is never broken */
		const char *last = strrchr(b->t.text->str, ' ');
		if (last && strstr(last, "­"))
			fail_msg("block %zu: its last word '%s' has break points", bi, last + 1);
		g_object_unref(pl);
	}
	assert_true(hyph > 10);
	close_doc(&f);
	g_string_free(g, TRUE);
}

/* A capitalised word inside a sentence is a name and stays whole; the
 * first word of a sentence may break. */
static void test_hyphen_names(void **state)
{
	(void)state;
	char *h = print_hyphen_text("pt", "A delegação de Moçambique visitou Seul. "
	                            "Administração municipal, Administração");
	assert_non_null(h);
	assert_non_null(strstr(h, " Moçambique "));
	assert_non_null(strstr(h, ". Admi"));
	assert_null(strstr(h, ". Administração"));  /* broken somewhere */
	assert_non_null(strstr(h, ", Administração"));
	g_free(h);
	assert_null(print_hyphen_text("pt", "em Maputo e Inhambane"));
}

int main(void)
{
	style = test_style_load();
	if (!style)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_pitch),
		cmocka_unit_test(test_mixed_script_baseline),
		cmocka_unit_test(test_cjk_justify),
		cmocka_unit_test(test_korean_justify),
		cmocka_unit_test(test_cjk_punctuation),
		cmocka_unit_test(test_url_flush),
		cmocka_unit_test(test_hyphen_run),
		cmocka_unit_test(test_hyphen_names),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	print_style_free(style);
	return rc;
}
