/* print measure: each block's height and line metrics, with Pango. Layouts
 * are kept for drawing while a memory budget lasts, else made again. */
#include "print_int.h"

#include <string.h>

#define PS ((double)PANGO_SCALE)

/* The layout of t; *bad: the first line that ends at a soft hyphen and
 * does not fit (print_justify), else -1. */
static PangoLayout *print_text_layout_at(print_doc *pd, const print_itext *t,
                                         const print_cstyle *cs, const char *lang,
                                         double width, bool wrap, int *bad)
{
	/* the paragraph's direction comes from its language (cs->rtl), not
	 * from its first strong letter: an Arabic paragraph that opens with
	 * "CIO" is still right to left */
	PangoLayout *l = pango_layout_new(cs->rtl ? pd->pctx_rtl : pd->pctx);
	pango_layout_set_auto_dir(l, FALSE);
	PangoFontDescription *fd = print_style_font(pd->st, cs, lang);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (wrap) {
		pango_layout_set_width(l, (int)(width * PS));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	/* left is the start of the line, right its end: mirrored in rtl (a
	 * justified paragraph's last line sits at the start too). Justified
	 * lines are set at the start and stretched by print_justify, which
	 * knows CJK spacing, addresses and formulas; Pango does not. */
	PangoAlignment start = cs->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
	PangoAlignment end = cs->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
	switch (cs->align) {
	case PRINT_ALIGN_CENTER:
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		break;
	case PRINT_ALIGN_RIGHT:
		pango_layout_set_alignment(l, end);
		break;
	default:
		pango_layout_set_alignment(l, start);
		break;
	}
	if (cs->indent != 0)
		pango_layout_set_indent(l, (int)(cs->indent * PS));
	/* CSS line-height: a fixed pitch, leading split above and below, so the
	 * last line of a block is as tall as the others */
	print_itext *mt = (print_itext *)t;
	if (!mt->line_height) {
		mt->line_height = pango_attr_line_height_new_absolute(PANGO_SCALE);
		mt->line_height->start_index = 0;
		mt->line_height->end_index = G_MAXUINT;
		pango_attr_list_insert_before(mt->attrs, mt->line_height);
	}
	((PangoAttrInt *)mt->line_height)->value = (int)(cs->size * cs->line_height * PS);
	pango_layout_set_attributes(l, t->attrs);
	pango_layout_set_text(l, t->text->str, (int)t->text->len);
	*bad = wrap ? print_justify(l, t->text->str, width, cs->indent,
	                            cs->align == PRINT_ALIGN_JUSTIFY) : -1;
	return l;
}

PangoLayout *print_text_layout(print_doc *pd, const print_itext *t,
                               const print_cstyle *cs, const char *lang,
                               double width, bool wrap)
{
	int bad;
	return print_text_layout_at(pd, t, cs, lang, width, wrap, &bad);
}

/* Lines on one grid: line i starts at i times the style's pitch and has
 * its baseline where the block's own font puts it, half the leading
 * below the line's top. Pango makes a line taller where a superscript,
 * inline code or a fallback font (Latin in Korean, Ethiopic beside
 * Latin) reaches beyond the font's ascent or descent; such a line still
 * sits on the grid, so every line of a block has the same pitch. */
void print_measure_lines(print_doc *pd, PangoLayout *l, const print_cstyle *cs,
                         const char *lang, int *n, double **top, double **base)
{
	int count = pango_layout_get_line_count(l);
	double *tp = g_new(double, count + 1);
	double *bs = g_new(double, count);
	int pitch = (int)(cs->size * cs->line_height * PS);
	PangoFontDescription *fd = print_style_font(pd->st, cs, lang);
	PangoContext *ctx = cs->rtl ? pd->pctx_rtl : pd->pctx;
	PangoFont *font = pango_font_map_load_font(pd->fontmap, ctx, fd);
	pango_font_description_free(fd);
	int asc = pitch * 4 / 5, desc = pitch / 5;
	if (font) {
		PangoFontMetrics *m = pango_font_get_metrics(font,
			pango_language_from_string(lang ? lang : "en"));
		asc = pango_font_metrics_get_ascent(m);
		desc = pango_font_metrics_get_descent(m);
		pango_font_metrics_unref(m);
		g_object_unref(font);
	}
	/* as Pango places a run of the block's font: leading / 2 above (the
	 * leading is negative where the font is taller than the pitch) */
	int above = asc + (pitch - asc - desc) / 2;
	for (int i = 0; i < count; i++) {
		tp[i] = (double)i * pitch / PS;
		bs[i] = ((double)i * pitch + above) / PS;
	}
	tp[count] = (double)count * pitch / PS;
	*n = count;
	*top = tp;
	*base = bs;
}

static double print_text_width(const print_block *b)
{
	return b->kind == PB_TOC ? b->w - PRINT_TOC_NUM_W : b->w;
}

/* Removes len bytes at pos from t, moving what points after them. */
void print_itext_delete(print_itext *t, int pos, int len)
{
	g_string_erase(t->text, pos, len);
	pango_attr_list_update(t->attrs, pos, len, 0);
	for (guint i = 0; i < t->links->len; i++) {
		print_link *l = &g_array_index(t->links, print_link, i);
		l->start -= l->start > pos ? len : 0;
		l->end -= l->end > pos ? len : 0;
	}
	for (guint i = 0; i < t->anchors->len; i++)
		g_array_index(t->anchors, print_anchor, i).index -=
			g_array_index(t->anchors, print_anchor, i).index > pos ? len : 0;
	for (guint i = 0; i < t->fnrefs->len; i++)
		g_array_index(t->fnrefs, print_fnref, i).index -=
			g_array_index(t->fnrefs, print_fnref, i).index > pos ? len : 0;
}

/* Removes the soft hyphens of the word around byte pos. */
static void print_word_unhyphen(print_itext *t, int pos)
{
	const char *s = t->text->str;
	int a = pos, b = pos;
	while (a > 0 && s[a - 1] != ' ')
		a--;
	while (s[b] && s[b] != ' ')
		b++;
	for (int i = b - 2; i >= a; i--)
		if (!memcmp(t->text->str + i, "\xc2\xad", 2))
			print_itext_delete(t, i, 2);
}

/* Hyphenation after layout, where only lines are known:
 * - Pango 1.50.12 may break at a soft hyphen without counting the
 *   hyphen's width; print_justify narrows such a line's spaces a little,
 *   and where they cannot take it the soft hyphen goes;
 * - no more than PRINT_HYPHEN_RUN hyphenated lines in a row: the word
 *   that ends the next one is not broken.
 * Each fix lays the paragraph out again (the word moves whole or breaks
 * elsewhere). Returns the layout to keep (l or a new one). */
static PangoLayout *print_hyphen_fix(print_doc *pd, print_block *b, PangoLayout *l,
                                     double width, int bad)
{
	for (int round = 0; round < 32; round++) {
		int i = 0, run = 0, cut = -1;
		bool over = false;
		for (GSList *s = pango_layout_get_lines_readonly(l); s && cut < 0;
		     s = s->next, i++) {
			PangoLayoutLine *ln = s->data;
			int end = ln->start_index + ln->length;
			bool hy = end >= 2 && !memcmp(b->t.text->str + end - 2, "\xc2\xad", 2);
			run = hy ? run + 1 : 0;
			over = hy && i == bad;
			if (over || (hy && run > PRINT_HYPHEN_RUN))
				cut = end - 2;
		}
		if (cut < 0)
			break;
		if (over)
			print_itext_delete(&b->t, cut, 2);
		else
			print_word_unhyphen(&b->t, cut);
		g_object_unref(l);
		l = print_text_layout_at(pd, &b->t, &b->cs, b->lang, width, true, &bad);
	}
	return l;
}

static PangoLayout *print_block_text_layout(print_doc *pd, print_block *b)
{
	int bad;
	PangoLayout *l = print_text_layout_at(pd, &b->t, &b->cs, b->lang,
	                                      print_text_width(b), true, &bad);
	if (strstr(b->t.text->str, "\xc2\xad"))
		l = print_hyphen_fix(pd, b, l, print_text_width(b), bad);
	return l;
}

PangoLayout *print_block_layout(print_doc *pd, print_block *b)
{
	if (b->layout)
		return g_object_ref(b->layout);
	/* as measured: the same text gives the same lines */
	return print_block_text_layout(pd, b);
}

void print_measure_block(print_doc *pd, print_block *b)
{
	if (b->kind == PB_RULE || b->kind == PB_ROW)
		return;
	if (b->kind == PB_IMAGE) {
		double body_h = pd->page_h - pd->st->m_top - pd->st->m_bottom;
		print_image_measure(pd, b, body_h * 0.8);
		return;
	}
	if (b->layout) {
		g_object_unref(b->layout);
		b->layout = NULL;
	}
	g_free(b->line_top);
	g_free(b->baseline);
	PangoLayout *l = print_block_text_layout(pd, b);
	print_measure_lines(pd, l, &b->cs, b->lang, &b->n_lines, &b->line_top, &b->baseline);
	b->height = b->line_top[b->n_lines];
	for (guint i = 0; i < b->t.fnrefs->len; i++) {
		print_fnref *r = &g_array_index(b->t.fnrefs, print_fnref, i);
		int line = 0;
		pango_layout_index_to_line_x(l, r->index, FALSE, &line, NULL);
		r->line = line;
	}
	/* what a layout costs, roughly: glyphs, log attrs, items, lines */
	size_t cost = b->t.text->len * 48 + (size_t)b->n_lines * 160 + 1024;
	if (pd->kept_bytes + cost <= pd->st->layout_budget) {
		b->layout = l;
		pd->kept_bytes += cost;
	} else
		g_object_unref(l);
}

void print_measure(print_doc *pd)
{
	for (size_t i = 0; i < pd->n_tables; i++)
		print_table_measure(pd, &pd->tables[i]);
	for (size_t i = 0; i < pd->n_blocks; i++) {
		print_block *b = &pd->blocks[i];
		if (b->kind == PB_ROW)
			b->height = pd->tables[b->table].rows[b->row].height +
			            2 * print_row_pad(&pd->tables[b->table]);
		else
			print_measure_block(pd, b);
	}
	for (size_t i = 0; i < pd->n_fnotes; i++) {
		print_block *f = &pd->fnotes[i];
		f->x = f->cs.size * 1.6;
		f->w = pd->body_w - f->x;
		print_measure_block(pd, f);
	}
}
