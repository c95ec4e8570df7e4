/* print measure: each block's height and line metrics, with Pango. Layouts
 * are kept for drawing while a memory budget lasts, else made again. */
#include "print_int.h"

#include <string.h>

#define PS ((double)PANGO_SCALE)
#define PRINT_TOC_NUM_W 36.0 /* page number column of TOC entries */

PangoLayout *print_text_layout(print_doc *pd, const print_itext *t,
                               const print_cstyle *cs, const char *lang,
                               double width, bool wrap)
{
	PangoLayout *l = pango_layout_new(pd->pctx);
	PangoFontDescription *fd = print_style_font(pd->st, cs, lang);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (wrap) {
		pango_layout_set_width(l, (int)(width * PS));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	switch (cs->align) {
	case PRINT_ALIGN_JUSTIFY:
		pango_layout_set_justify(l, wrap);
		break;
	case PRINT_ALIGN_CENTER:
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		break;
	case PRINT_ALIGN_RIGHT:
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
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
	return l;
}

void print_measure_lines(PangoLayout *l, int *n, double **top, double **base)
{
	int count = pango_layout_get_line_count(l);
	double *tp = g_new(double, count + 1);
	double *bs = g_new(double, count);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0, y0 = 0, y1 = 0;
	do {
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		tp[i] = y0 / PS;
		bs[i] = pango_layout_iter_get_baseline(it) / PS;
		i++;
	} while (i < count && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	tp[i] = y1 / PS;
	*n = i;
	*top = tp;
	*base = bs;
}

static double print_text_width(const print_block *b)
{
	return b->kind == PB_TOC ? b->w - PRINT_TOC_NUM_W : b->w;
}

PangoLayout *print_block_layout(print_doc *pd, print_block *b)
{
	if (b->layout)
		return g_object_ref(b->layout);
	return print_text_layout(pd, &b->t, &b->cs, b->lang, print_text_width(b), true);
}

void print_measure_block(print_doc *pd, print_block *b)
{
	if (b->kind == PB_RULE || b->kind == PB_ROW)
		return;
	if (b->kind == PB_IMAGE) {
		double body_h = pd->st->page_h - pd->st->m_top - pd->st->m_bottom;
		print_image_measure(pd, b, body_h * 0.8);
		return;
	}
	if (b->layout) {
		g_object_unref(b->layout);
		b->layout = NULL;
	}
	g_free(b->line_top);
	g_free(b->baseline);
	PangoLayout *l = print_text_layout(pd, &b->t, &b->cs, b->lang,
	                                   print_text_width(b), true);
	print_measure_lines(l, &b->n_lines, &b->line_top, &b->baseline);
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
