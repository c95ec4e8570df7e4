/* print draw: the laid-out pages onto a cairo PDF surface: text lines,
 * rules, images, table rows, footnotes, running header and footer, link
 * annotations and destinations. Reads the layout, changes nothing. */
#include "print_int.h"

#include <cairo-pdf.h>
#include <string.h>

#define PS ((double)PANGO_SCALE)
#define FN_SEP 14.0

typedef struct { int block; const char *id; } print_dest;

typedef struct {
	print_doc *pd;
	cairo_t *cr;
	const print_layout *l;
	PangoLayout *cache[2];
	int cache_block[2];
	int cache_next;
	print_dest *dests;
	size_t n_dests;
	char *label_tmpl;
} print_drawer;

static void print_rgb(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 255) / 255.0, ((c >> 8) & 255) / 255.0,
	                     (c & 255) / 255.0);
}

/* cairo's attributes of a link over the rectangle, or NULL for a link to
 * a name the document lacks (cairo drops those silently: checked before) */
static char *print_link_attrs(print_doc *pd, double x, double y, double w,
                              double h, const char *href)
{
	char rect[256];
	print_rect_attr(rect, sizeof rect, x, y, w, h);
	char *attr;
	if (href[0] == '#') {
		if (!g_hash_table_contains(pd->ids, href + 1))
			return NULL;
		char *esc = print_attr_escape(href + 1);
		attr = g_strdup_printf("%s dest='%s'", rect, esc);
		g_free(esc);
	} else {
		char *esc = print_attr_escape(href);
		attr = g_strdup_printf("%s uri='%s'", rect, esc);
		g_free(esc);
	}
	return attr;
}

static void print_link_rect(print_doc *pd, cairo_t *cr, double x, double y,
                            double w, double h, const char *href)
{
	char *attr = print_link_attrs(pd, x, y, w, h, href);
	if (!attr)
		return;
	if (pd->tags)
		print_tag_begin(pd->tags, CAIRO_TAG_LINK, attr);
	else
		cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
	cairo_tag_end(cr, CAIRO_TAG_LINK);
	g_free(attr);
}

void print_draw_text_lines(print_doc *pd, cairo_t *cr, PangoLayout *layout,
                           const print_itext *t, double x, double y, int first,
                           int n, const double *top, const double *base,
                           uint32_t color, double y_off)
{
	PangoLayoutIter *it = pango_layout_get_iter(layout);
	for (int i = 0; i < first; i++)
		pango_layout_iter_next_line(it);
	print_rgb(cr, color);
	/* links and text in another language are elements inside the
	 * paragraph's: its lines go in Spans, as cairo marks only what is
	 * drawn inside a leaf element */
	print_line_langs *langs = pd->tags ? print_tags_langs_new(layout, pd->tags->lang) : NULL;
	bool spans = pd->tags && ((t->links && t->links->len) || (t->fnrefs && t->fnrefs->len) ||
	                          langs);
	for (int i = first; i < first + n; i++) {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle lr;
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		cairo_move_to(cr, x + lr.x / PS, y + base[i] - y_off);
		if (spans)
			print_tags_show_line(pd->tags, cr, layout, line, langs);
		else
			pango_cairo_show_layout_line(cr, line);
		for (guint k = 0; t->links && k < t->links->len; k++) {
			const print_link *lk = &g_array_index(t->links, print_link, k);
			int s = line->start_index, e = line->start_index + line->length;
			if (lk->end <= s || lk->start >= e)
				continue;
			int *ranges = NULL, nr = 0;
			pango_layout_line_get_x_ranges(line, MAX(lk->start, s), MIN(lk->end, e),
			                               &ranges, &nr);
			for (int r = 0; r < nr; r++)
				print_link_rect(pd, cr, x + ranges[2 * r] / PS, y + top[i] - y_off,
				                (ranges[2 * r + 1] - ranges[2 * r]) / PS,
				                top[i + 1] - top[i], lk->href);
			g_free(ranges);
		}
		if (spans)
			print_tags_fnref_links(pd, cr, t, line, x, y + top[i] - y_off,
			                       top[i + 1] - top[i]);
		if (!pango_layout_iter_next_line(it))
			break;
	}
	pango_layout_iter_free(it);
	print_tags_langs_free(langs);
}

static PangoLayout *print_cached_layout(print_drawer *D, int bi, print_block *b)
{
	if (b->layout)
		return b->layout;
	for (int i = 0; i < 2; i++)
		if (D->cache[i] && D->cache_block[i] == bi)
			return D->cache[i];
	int slot = D->cache_next;
	D->cache_next ^= 1;
	if (D->cache[slot])
		g_object_unref(D->cache[slot]);
	D->cache[slot] = print_block_layout(D->pd, b);
	D->cache_block[slot] = bi;
	return D->cache[slot];
}

static PangoLayout *print_small_layout(print_doc *pd, const char *text,
                                       const print_cstyle *cs, const char *lang)
{
	print_itext t;
	print_itext_init(&t);
	g_string_assign(t.text, text);
	print_inline_finish(pd, &t, lang);
	PangoLayout *l = print_text_layout(pd, &t, cs, lang, 0, false);
	print_itext_clear(&t);
	return l;
}

static void print_show_at(cairo_t *cr, PangoLayout *l, double x, double baseline)
{
	cairo_move_to(cr, x, baseline - pango_layout_get_baseline(l) / PS);
	pango_cairo_show_layout(cr, l);
}

static void print_draw_marker(print_drawer *D, const print_box *bx,
                              const print_block *b)
{
	PangoLayout *l = print_small_layout(D->pd, b->marker, &b->cs, b->lang);
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	double gap = b->cs.size * 0.5;
	print_rgb(D->cr, b->kind == PB_TEXT && strcmp(b->tag, "footnote") ? D->pd->st->accent
	                                                                  : b->cs.color);
	/* before the start of the first line: on its right in rtl */
	double x = b->cs.rtl ? bx->x + bx->w + gap : bx->x - gap - r.width / PS;
	print_show_at(D->cr, l, x, bx->y + b->baseline[0]);
	g_object_unref(l);
}

/* The page number at the end of the entry's box, dots from the text to
 * it; text_x: where the entry's text was drawn. */
static void print_draw_toc_number(print_drawer *D, const print_box *bx,
                                  const print_block *b, PangoLayout *lay,
                                  double text_x)
{
	cairo_t *cr = D->cr;
	char num[16];
	snprintf(num, sizeof num, "%d", b->toc_page);
	int last = b->n_lines - 1;
	double base = bx->y + b->baseline[last] - b->line_top[bx->first_line];
	PangoLayout *nl = print_small_layout(D->pd, num, &b->cs, b->lang);
	PangoRectangle nr, lr;
	pango_layout_get_extents(nl, NULL, &nr);
	bool rtl = b->cs.rtl;
	double nx = rtl ? bx->x : bx->x + bx->w - nr.width / PS;
	print_rgb(cr, b->cs.color);
	print_show_at(cr, nl, nx, base);
	g_object_unref(nl);
	/* the last line's extents in layout coordinates: with its alignment
	 * offset, which a right-aligned (rtl) line has */
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	for (int i = 0; i < last && pango_layout_iter_next_line(it); i++)
		;
	pango_layout_iter_get_line_extents(it, NULL, &lr);
	pango_layout_iter_free(it);
	double lx = text_x + lr.x / PS;
	double x0 = rtl ? nx + nr.width / PS + 6 : lx + lr.width / PS + 6;
	double x1 = rtl ? lx - 6 : nx - 6;
	if (x1 > x0) {
		cairo_save(cr);
		print_rgb(cr, D->pd->st->rule_color);
		double dash[2] = {0.01, 3.2};
		cairo_set_dash(cr, dash, 2, 0);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		cairo_set_line_width(cr, 1.0);
		cairo_move_to(cr, x0, base - 1);
		cairo_line_to(cr, x1, base - 1);
		cairo_stroke(cr);
		cairo_restore(cr);
	}
}

/* The element of a text box's lines: its leaf (P, H2, Note...), or for a
 * TOC entry a TOCI holding the Link, whose rectangle is given here. */
static int print_text_leaf_begin(print_drawer *D, const print_box *bx,
                                 print_block *b, char **link)
{
	print_tags *T = D->pd->tags;
	*link = NULL;
	if (b->kind == PB_TOC) {
		print_tag_begin(T, "TOCI", NULL);
		bool last = bx->first_line + bx->n_lines >= b->n_lines;
		const print_block *h = b->toc_target >= 0 ? &D->pd->blocks[b->toc_target] : NULL;
		if (last && h && h->id) {
			char *href = g_strconcat("#", h->id, NULL);
			*link = print_link_attrs(D->pd, bx->x, bx->y, bx->w, bx->h, href);
			g_free(href);
		}
		return print_tag_begin(T, *link ? CAIRO_TAG_LINK : "Reference", *link);
	}
	if (b->marker && bx->first_line == 0 && b->list > 0 &&
	    !strcmp(print_tags_top(T), "LI")) {
		print_tag_begin(T, "Lbl", NULL);
		print_draw_marker(D, bx, b);
		print_tag_end(T, "Lbl");
		print_tags_push(T, "LBody", 0);
	}
	int el = print_tags_leaf_begin(T, b, bx->first_line);
	if (b->lang && T->lang && g_ascii_strcasecmp(b->lang, T->lang))
		print_tag_attr_set(T, el, "Lang", b->lang);
	if (bx->kind == PRINT_BOX_FOOTNOTE && bx->first_line == 0 && b->marker) {
		char *id = g_strdup_printf("kitgen-fn-%s", b->marker);
		print_tag_attr_set(T, el, "ID", id);
		g_free(id);
	}
	return el;
}

static void print_text_leaf_end(print_drawer *D, print_block *b, char *link)
{
	print_tags *T = D->pd->tags;
	if (b->kind == PB_TOC) {
		print_tag_end(T, link ? CAIRO_TAG_LINK : "Reference");
		print_tag_end(T, "TOCI");
		g_free(link);
		return;
	}
	print_tag_end(T, print_tags_leaf(b));
}

static void print_draw_text_box(print_drawer *D, const print_box *bx, print_block *b)
{
	cairo_t *cr = D->cr;
	const print_style *st = D->pd->st;
	print_tags *T = D->pd->tags;
	double pad = b->cs.padding;
	if (b->cs.has_bg) {
		print_rgb(cr, b->cs.bg);
		cairo_rectangle(cr, bx->x - pad, bx->y - pad, bx->w + 2 * pad, bx->h + 2 * pad);
		cairo_fill(cr);
	}
	if (b->bar_x >= 0) {
		print_rgb(cr, st->accent);
		/* the bar is placed like the block: in its column */
		cairo_rectangle(cr, bx->x - b->x + b->bar_x - 1, bx->y, 2, bx->h);
		cairo_fill(cr);
	}
	PangoLayout *l = bx->kind == PRINT_BOX_FOOTNOTE
	               ? print_block_layout(D->pd, b)
	               : print_cached_layout(D, bx->block, b);
	double x = bx->x;
	if (b->kind == PB_TOC && b->cs.rtl) /* the number column is on the left */
		x += PRINT_TOC_NUM_W;
	char *link = NULL;
	bool marker_drawn = false;
	if (T) {
		bool item = b->marker && bx->first_line == 0 && b->list > 0 &&
		            !strcmp(print_tags_top(T), "LI");
		print_text_leaf_begin(D, bx, b, &link);
		marker_drawn = item;
	}
	print_draw_text_lines(D->pd, cr, l, &b->t, x, bx->y, bx->first_line,
	                      bx->n_lines, b->line_top, b->baseline, b->cs.color,
	                      b->line_top[bx->first_line]);
	bool last = bx->first_line + bx->n_lines >= b->n_lines;
	if (b->marker && bx->first_line == 0 && !marker_drawn)
		print_draw_marker(D, bx, b);
	if (b->kind == PB_TOC && last && b->toc_target >= 0) {
		print_draw_toc_number(D, bx, b, l, x);
		const print_block *h = &D->pd->blocks[b->toc_target];
		if (h->id && !T) {
			char *href = g_strconcat("#", h->id, NULL);
			print_link_rect(D->pd, cr, bx->x, bx->y, bx->w, bx->h, href);
			g_free(href);
		}
	}
	if (T)
		print_text_leaf_end(D, b, link);
	if (b->cs.border_bottom > 0 && last) {
		print_rgb(cr, b->cs.border_color);
		cairo_rectangle(cr, bx->x, bx->y + bx->h + 2, bx->w, b->cs.border_bottom);
		cairo_fill(cr);
	}
	if (bx->kind == PRINT_BOX_FOOTNOTE)
		g_object_unref(l);
}

static int print_dest_cmp(const void *a, const void *b)
{
	const print_dest *x = a, *y = b;
	if (x->block != y->block)
		return x->block - y->block;
	return strcmp(x->id, y->id);
}

static void print_collect_dests(print_drawer *D)
{
	GHashTableIter it;
	gpointer k, v;
	D->dests = g_new(print_dest, g_hash_table_size(D->pd->ids) + 1);
	g_hash_table_iter_init(&it, D->pd->ids);
	while (g_hash_table_iter_next(&it, &k, &v))
		D->dests[D->n_dests++] = (print_dest){GPOINTER_TO_INT(v) - 1, k};
	qsort(D->dests, D->n_dests, sizeof *D->dests, print_dest_cmp);
}

static void print_emit_dests(print_drawer *D, int block, double x, double y)
{
	/* binary search for the first dest of block */
	size_t lo = 0, hi = D->n_dests;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (D->dests[mid].block < block)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < D->n_dests && D->dests[lo].block == block; lo++) {
		char *esc = print_attr_escape(D->dests[lo].id);
		char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];
		g_ascii_formatd(xs, sizeof xs, "%.2f", x);
		g_ascii_formatd(ys, sizeof ys, "%.2f", y > 12 ? y - 12 : 0);
		char *attr = g_strdup_printf("name='%s' x=%s y=%s", esc, xs, ys);
		cairo_tag_begin(D->cr, CAIRO_TAG_DEST, attr);
		cairo_tag_end(D->cr, CAIRO_TAG_DEST);
		g_free(attr);
		g_free(esc);
	}
}

static char *print_page_label(const char *tmpl, size_t page, size_t pages)
{
	GString *g = g_string_new(NULL);
	for (const char *s = tmpl; *s; s++) {
		if (!strncmp(s, "{page}", 6)) {
			g_string_append_printf(g, "%zu", page);
			s += 5;
		} else if (!strncmp(s, "{pages}", 7)) {
			g_string_append_printf(g, "%zu", pages);
			s += 6;
		} else
			g_string_append_c(g, *s);
	}
	return g_string_free(g, FALSE);
}

static void print_draw_furniture(print_drawer *D, size_t pi, const print_page *pg)
{
	print_doc *pd = D->pd;
	const print_style *st = pd->st;
	cairo_t *cr = D->cr;
	if (pg->cover) /* the theme's panels make a cover's look */
		return;
	print_cstyle hs, fs;
	print_style_compute(st, &pd->body_cs, "page-header", NULL, NULL, 0, &hs);
	print_style_compute(st, &pd->body_cs, "page-footer", NULL, NULL, 0, &fs);
	double left = pd->m_left, right = pd->page_w - pd->m_right;
	/* the title at the start of the head, the chapter at its end, the page
	 * label placed by its style: all mirrored in a right-to-left document
	 * (the layouts already align to the start) */
	bool rtl = pd->rtl;
	const char *chap = pg->chapter >= 0 && (guint)pg->chapter < pd->chapters->len
	                 ? pd->chapters->pdata[pg->chapter] : NULL;
	if (pd->title && *pd->title) {
		PangoLayout *l = print_small_layout(pd, pd->title, &hs, pd->lang);
		double w = (right - left) * (chap ? 0.48 : 1);
		pango_layout_set_width(l, (int)(w * PS));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		print_rgb(cr, hs.color);
		print_show_at(cr, l, rtl ? right - w : left, st->header_y);
		g_object_unref(l);
	}
	if (chap && *chap) {
		PangoLayout *l = print_small_layout(pd, chap, &hs, pd->lang);
		pango_layout_set_width(l, (int)((right - left) * 0.48 * PS));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_alignment(l, rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
		print_rgb(cr, hs.color);
		print_show_at(cr, l, rtl ? left : right - (right - left) * 0.48, st->header_y);
		g_object_unref(l);
	}
	if (hs.border_bottom > 0) {
		print_rgb(cr, hs.border_color);
		cairo_rectangle(cr, left, st->header_y + hs.size * 0.55, right - left,
		                hs.border_bottom);
		cairo_fill(cr);
	}
	char *label = print_page_label(D->label_tmpl, pi + 1, D->l->n_pages);
	PangoLayout *l = print_small_layout(pd, label, &fs, pd->lang);
	g_free(label);
	pango_layout_set_width(l, (int)((right - left) * PS));
	bool at_end = fs.align == PRINT_ALIGN_RIGHT, at_start = fs.align == PRINT_ALIGN_LEFT;
	pango_layout_set_alignment(l, at_end || at_start
	                              ? ((at_end != rtl) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
	                              : PANGO_ALIGN_CENTER);
	print_rgb(cr, fs.color);
	print_show_at(cr, l, left, pd->page_h - st->footer_y);
	g_object_unref(l);
}

static void print_draw_panel(print_drawer *D, const print_box *bx)
{
	const print_panel *pn = &g_array_index(D->pd->panels, print_panel, bx->block);
	cairo_t *cr = D->cr;
	if (pn->has_bg) {
		print_rgb(cr, pn->bg);
		cairo_rectangle(cr, bx->x, bx->y, bx->w, bx->h);
		cairo_fill(cr);
	}
	if (pn->border_top > 0 && bx->first_line) {
		print_rgb(cr, pn->border_color);
		cairo_rectangle(cr, bx->x, bx->y, bx->w, pn->border_top);
		cairo_fill(cr);
	}
}

static void print_draw_page(print_drawer *D, size_t pi, const print_page *pg)
{
	print_doc *pd = D->pd;
	cairo_t *cr = D->cr;
	/* panels first: they lie behind the blocks */
	for (size_t i = 0; i < pg->n_boxes; i++)
		if (pg->boxes[i].kind == PRINT_BOX_PANEL)
			print_draw_panel(D, &pg->boxes[i]);
	print_draw_furniture(D, pi, pg);
	bool fn_rule = false;
	for (size_t i = 0; i < pg->n_boxes; i++) {
		const print_box *bx = &pg->boxes[i];
		if (bx->kind == PRINT_BOX_HEADER || bx->kind == PRINT_BOX_FOOTER ||
		    bx->kind == PRINT_BOX_PANEL)
			continue;
		if (bx->kind == PRINT_BOX_FOOTNOTE) {
			if (!fn_rule) {
				print_rgb(cr, pd->st->rule_color);
				/* the short rule above footnotes starts where lines do */
				cairo_rectangle(cr, pd->rtl ? pd->page_w - pd->m_right - pd->body_w / 4
				                            : pd->m_left,
				                pg->foot_top + FN_SEP / 2, pd->body_w / 4, 0.5);
				cairo_fill(cr);
				fn_rule = true;
			}
			print_block *f = &pd->fnotes[bx->block];
			if (pd->tags && bx->first_line == 0) { /* where its mark links */
				char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];
				g_ascii_formatd(xs, sizeof xs, "%.2f", bx->x);
				g_ascii_formatd(ys, sizeof ys, "%.2f", bx->y > 12 ? bx->y - 12 : 0);
				char *attr = g_strdup_printf("name='kitgen-fn-%d' x=%s y=%s",
				                             bx->block + 1, xs, ys);
				cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
				cairo_tag_end(cr, CAIRO_TAG_DEST);
				g_free(attr);
			}
			print_box fb = *bx;
			/* the number's indent is at the start: the right in rtl */
			fb.x = bx->x + (f->cs.rtl ? 0 : f->x);
			fb.w = f->w;
			cairo_save(cr);
			cairo_rectangle(cr, 0, pg->foot_top, pd->page_w,
			                pd->page_h - pd->st->m_bottom - pg->foot_top + 1);
			cairo_clip(cr);
			print_draw_text_box(D, &fb, f);
			cairo_restore(cr);
			continue;
		}
		print_block *b = &pd->blocks[bx->block];
		if (pd->block_page[bx->block] == (int)pi && bx->kind != PRINT_BOX_HEAD_ROW &&
		    (bx->first_line == 0 || b->kind != PB_TEXT))
			print_emit_dests(D, bx->block, bx->x, bx->y);
		print_tags *T = pd->tags;
		/* a header row is tagged where it first stands; its repeats on
		 * later pages are artifacts */
		bool repeat = bx->kind == PRINT_BOX_HEAD_ROW && T && T->head_done[bx->block];
		/* the rest of a paragraph stands where its start left off */
		bool rest = T && b->kind == PB_TEXT &&
		            print_tags_continues(T, bx->block, bx->first_line);
		if (T && !repeat && !rest && bx->kind != PRINT_BOX_RULE)
			print_tags_enter(T, pd, bx->block, bx->kind == PRINT_BOX_HEAD_ROW);
		switch (bx->kind) {
		case PRINT_BOX_TEXT:
		case PRINT_BOX_HEADING:
		case PRINT_BOX_TOC:
			print_draw_text_box(D, bx, b);
			break;
		case PRINT_BOX_RULE:
			print_rgb(cr, b->cs.border_color);
			cairo_rectangle(cr, bx->x, bx->y, bx->w, bx->h);
			cairo_fill(cr);
			break;
		case PRINT_BOX_IMAGE: {
			/* an image without alternative text is decoration */
			bool figure = T && b->plain && *b->plain;
			if (figure) {
				int el = print_tag_begin(T, "Figure", NULL);
				print_tag_attr_set(T, el, "Alt", b->plain);
				if (b->lang && T->lang && g_ascii_strcasecmp(b->lang, T->lang))
					print_tag_attr_set(T, el, "Lang", b->lang);
			}
			print_image_draw(pd, cr, b, bx->x, bx->y);
			if (figure)
				print_tag_end(T, "Figure");
			break;
		}
		case PRINT_BOX_ROW:
		case PRINT_BOX_HEAD_ROW: {
			const print_table *t = &pd->tables[b->table];
			double pad = t->pad;
			/* a row taller than a page is one TR over its slices
			 * (first_line: the first slice) */
			if (T && !repeat)
				print_tags_part_begin(T, "TR", b, bx->first_line);
			pd->tags = repeat ? NULL : T;
			print_table_draw_row(pd, cr, t, b->row, bx->x, bx->y, bx->src_y,
			                     bx->src_y + bx->h - 2 * pad, bx->first_line,
			                     bx->n_lines);
			pd->tags = T;
			if (T && !repeat)
				print_tag_end(T, "TR");
			if (T && bx->kind == PRINT_BOX_HEAD_ROW)
				T->head_done[bx->block] = true;
			break;
		}
		default:
			break;
		}
	}
}

void print_draw(print_doc *pd, cairo_t *cr, cairo_surface_t *pdf,
                const print_layout *l)
{
	(void)pdf;
	print_drawer D = {0};
	D.pd = pd;
	D.cr = cr;
	D.l = l;
	D.cache_block[0] = D.cache_block[1] = -1;
	D.label_tmpl = pd->page_label ? pd->page_label : "{page}";
	print_collect_dests(&D);
	for (size_t pi = 0; pi < l->n_pages; pi++) {
		print_draw_page(&D, pi, &l->pages[pi]);
		cairo_show_page(cr);
		/* layouts already drawn are not needed again */
		if (pi + 1 < l->n_pages && l->pages[pi + 1].n_boxes) {
			int next = l->pages[pi + 1].boxes[0].block;
			for (size_t i = 0; i < l->pages[pi].n_boxes; i++) {
				const print_box *bx = &l->pages[pi].boxes[i];
				if (bx->block < 0 || bx->block == next ||
				    bx->kind == PRINT_BOX_FOOTNOTE || bx->kind == PRINT_BOX_HEADER ||
				    bx->kind == PRINT_BOX_FOOTER || bx->kind == PRINT_BOX_PANEL)
					continue;
				print_block *b = &pd->blocks[bx->block];
				if (b->layout && b->kind != PB_TOC) {
					g_object_unref(b->layout);
					b->layout = NULL;
				}
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (D.cache[i])
			g_object_unref(D.cache[i]);
	g_free(D.dests);
}
