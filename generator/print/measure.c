/* print measure: each block's height and line metrics, with Pango. Layouts
 * are kept for drawing while a memory budget lasts, else made again. */
#include "print_int.h"

#include <string.h>

#define PS ((double)PANGO_SCALE)

PangoLayout *print_text_layout(print_doc *pd, const print_itext *t,
                               const print_cstyle *cs, const char *lang,
                               double width, bool wrap)
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
	 * justified paragraph's last line sits at the start too) */
	PangoAlignment start = cs->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
	PangoAlignment end = cs->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
	switch (cs->align) {
	case PRINT_ALIGN_JUSTIFY:
		pango_layout_set_justify(l, wrap);
		pango_layout_set_alignment(l, start);
		break;
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

/* Removes len bytes at pos from t, moving what points after them. */
static void print_itext_delete(print_itext *t, int pos, int len)
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

/* Narrows the spaces of justified line ln by over (Pango units), each by
 * its share of what justification added to it. False when they cannot
 * take it (a line without spaces, letter-spaced instead). */
static bool print_line_narrow(PangoLayoutLine *ln, const char *text, int over)
{
	int added = 0;
	for (int pass = 0; pass < 2; pass++) {
		int seen = 0, taken = 0;
		for (GSList *r = ln->runs; r; r = r->next) {
			PangoGlyphItem *run = r->data;
			PangoGlyphString *gs = run->glyphs;
			for (int i = 0; i < gs->num_glyphs; i++) {
				PangoGlyphGeometry *g = &gs->glyphs[i].geometry;
				if (g->width == 0 || text[run->item->offset + gs->log_clusters[i]] != ' ')
					continue;
				PangoRectangle nat;
				pango_font_get_glyph_extents(run->item->analysis.font,
				                             gs->glyphs[i].glyph, NULL, &nat);
				int extra = g->width - nat.width;
				if (extra <= 0)
					continue;
				if (pass == 0) {
					added += extra;
					continue;
				}
				/* rounded on the running sum: the shares add up to over */
				seen += extra;
				int cut = (int)((gint64)over * seen / added) - taken;
				g->width -= cut;
				taken += cut;
			}
		}
		if (pass == 0 && added < over)
			return false;
	}
	return true;
}

/* Pango 1.50.12 draws a hyphen it did not count when it breaks a line at
 * a soft hyphen that fitted with room to spare (it shapes the line
 * without the hyphen, adds it afterwards and adds its width to the space
 * left instead of taking it away), so justification pushes the line a
 * hyphen's width past the measure. Such a line keeps its break: its
 * spaces are narrowed by the excess, as Pango would have justified it,
 * without laying the paragraph out again. Where they cannot take it,
 * the soft hyphen is taken out of b and the paragraph laid out again:
 * the word moves whole or breaks at another point. Returns the layout
 * to keep (l or a new one). */
static PangoLayout *print_hyphen_overflow(print_doc *pd, print_block *b, PangoLayout *l,
                                          double width)
{
	const int limit = (int)((width + 0.05) * PS);
	for (int round = 0; round < 16; round++) {
		int cut = -1, i = 0;
		for (GSList *s = pango_layout_get_lines_readonly(l); s && cut < 0;
		     s = s->next, i++) {
			PangoLayoutLine *ln = s->data;
			int end = ln->start_index + ln->length;
			PangoRectangle r;
			if (end < 2 || memcmp(b->t.text->str + end - 2, "\xc2\xad", 2))
				continue;
			pango_layout_line_get_extents(ln, NULL, &r);
			if (r.x + r.width <= limit)
				continue;
			/* pango_layout_get_line: a line whose glyphs we change */
			int over = r.x + r.width - (int)(width * PS);
			if (!print_line_narrow(pango_layout_get_line(l, i), b->t.text->str, over))
				cut = end - 2;
		}
		if (cut < 0)
			break;
		print_itext_delete(&b->t, cut, 2);
		g_object_unref(l);
		l = print_text_layout(pd, &b->t, &b->cs, b->lang, width, true);
	}
	return l;
}

PangoLayout *print_block_layout(print_doc *pd, print_block *b)
{
	if (b->layout)
		return g_object_ref(b->layout);
	/* as measured: the same text gives the same lines to narrow */
	PangoLayout *l = print_text_layout(pd, &b->t, &b->cs, b->lang, print_text_width(b), true);
	if (strstr(b->t.text->str, "\xc2\xad"))
		l = print_hyphen_overflow(pd, b, l, print_text_width(b));
	return l;
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
	PangoLayout *l = print_text_layout(pd, &b->t, &b->cs, b->lang,
	                                   print_text_width(b), true);
	if (strstr(b->t.text->str, "\xc2\xad"))
		l = print_hyphen_overflow(pd, b, l, print_text_width(b));
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
