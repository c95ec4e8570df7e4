/* print paginate: measured blocks into pages. Pure arithmetic over the
 * measured heights: keep-with-next, widows and orphans, page breaks, table
 * rows with repeated header rows, tall rows in slices, footnotes. */
#include "print_int.h"

#include <string.h>

#define EPS 0.01
#define FN_SEP 14.0   /* space above the footnote rule and below it */
#define FN_GAP 2.0

typedef struct {
	print_doc *pd;
	const print_style *st;
	GArray *pages, *boxes, *fns;
	double y, fn_h, top, bottom, left, body_h;
	bool cover, started;
	int chapter;
} print_pager;

double print_row_pad(const print_table *t)
{
	return t->pad;
}

static double print_fn_height(print_pager *P, int fn)
{
	double h = P->pd->fnotes[fn - 1].height;
	if (h > P->body_h / 2)
		h = P->body_h / 2;
	return h + FN_GAP;
}

static bool print_page_empty(const print_pager *P)
{
	return P->boxes->len == 0;
}

static void print_new_page(print_pager *P)
{
	if (print_page_empty(P) && P->fns->len == 0)
		return;
	const print_style *st = P->st;
	print_page pg = {0};
	pg.cover = P->cover;
	pg.chapter = P->chapter;
	pg.foot_top = P->bottom - P->fn_h;
	double fy = pg.foot_top + FN_SEP;
	for (guint i = 0; i < P->fns->len; i++) {
		int fn = g_array_index(P->fns, int, i);
		const print_block *f = &P->pd->fnotes[fn - 1];
		print_box bx = {PRINT_BOX_FOOTNOTE, P->left, fy, P->pd->body_w,
		                print_fn_height(P, fn) - FN_GAP, fn - 1, 0, f->n_lines,
		                0, -1, -1, fn, f->tag, NULL};
		g_array_append_val(P->boxes, bx);
		fy += print_fn_height(P, fn);
	}
	if (!pg.cover) {
		print_box hb = {PRINT_BOX_HEADER, P->left, st->header_y - 8,
		                P->pd->body_w, 10, -1, 0, 0, 0, -1, -1, 0, "header", NULL};
		print_box fb = {PRINT_BOX_FOOTER, P->left, st->page_h - st->footer_y - 8,
		                P->pd->body_w, 10, -1, 0, 0, 0, -1, -1, 0, "footer", NULL};
		g_array_append_val(P->boxes, hb);
		g_array_append_val(P->boxes, fb);
	}
	pg.n_boxes = P->boxes->len;
	pg.boxes = g_memdup2(P->boxes->data, sizeof(print_box) * P->boxes->len);
	g_array_append_val(P->pages, pg);
	g_array_set_size(P->boxes, 0);
	g_array_set_size(P->fns, 0);
	P->y = P->top;
	P->fn_h = 0;
	P->started = false;
}

static void print_place(print_pager *P, size_t bi, print_box_kind kind,
                        double y, double h, double src_y, int first, int n)
{
	print_doc *pd = P->pd;
	const print_block *b = &pd->blocks[bi];
	if (!P->started) {
		P->cover = b->cover;
		P->chapter = b->chapter;
		P->started = true;
	}
	print_box bx = {kind, P->left + b->x, y, b->w, h, (int)bi, first, n, src_y,
	                b->table, b->row, 0, b->tag, b->id};
	if (kind == PRINT_BOX_IMAGE) {
		bx.x += (b->w - b->img_w) / 2;
		bx.w = b->img_w;
	}
	if (b->kind == PB_ROW) {
		const print_table *t = &pd->tables[b->table];
		bx.x = P->left + t->x;
		bx.w = t->w;
	}
	g_array_append_val(P->boxes, bx);
	if (pd->block_page[bi] < 0 && kind != PRINT_BOX_HEAD_ROW) {
		pd->block_page[bi] = (int)P->pages->len;
		pd->block_y[bi] = y;
	}
}

/* Height needed to start block i at the top of what is left. */
static double print_start_height(const print_pager *P, size_t i)
{
	const print_block *b = &P->pd->blocks[i];
	if (b->kind == PB_TEXT || b->kind == PB_TOC) {
		int need = P->st->orphans + P->st->widows;
		if (b->n_lines < need || P->st->orphans < 1)
			return b->height;
		return b->line_top[P->st->orphans];
	}
	return b->height;
}

/* keep-with-next: this block whole, then the start of the next ones. */
static double print_keep_need(const print_pager *P, size_t i, double gap)
{
	const print_doc *pd = P->pd;
	double need = gap + pd->blocks[i].height;
	for (int depth = 0; depth < 8 && i + 1 < pd->n_blocks &&
	                    pd->blocks[i].keep_with_next; depth++) {
		const print_block *n = &pd->blocks[++i];
		if (n->break_before)
			break;
		need += n->space_before + (n->keep_with_next ? n->height
		                                             : print_start_height(P, i));
	}
	return need;
}

static void print_fns_on_line(print_pager *P, const print_block *b, int line,
                              double *add, bool commit)
{
	for (guint k = 0; b->t.fnrefs && k < b->t.fnrefs->len; k++) {
		const print_fnref *r = &g_array_index(b->t.fnrefs, print_fnref, k);
		if (r->line != line)
			continue;
		if (add)
			*add += print_fn_height(P, r->fn) +
			        (P->fns->len == 0 && *add == 0 ? FN_SEP : 0);
		if (commit) {
			if (P->fns->len == 0)
				P->fn_h += FN_SEP;
			P->fn_h += print_fn_height(P, r->fn);
			g_array_append_val(P->fns, r->fn);
		}
	}
}

static void print_place_text(print_pager *P, size_t bi, double gap)
{
	const print_block *b = &P->pd->blocks[bi];
	print_box_kind kind = b->kind == PB_TOC ? PRINT_BOX_TOC
	                    : b->heading ? PRINT_BOX_HEADING : PRINT_BOX_TEXT;
	int line = 0, n = b->n_lines;
	while (line < n) {
		double y0 = P->y + (line == 0 ? gap : 0);
		int k = 0;
		while (line + k < n) {
			double hh = b->line_top[line + k + 1] - b->line_top[line];
			double add = 0;
			print_fns_on_line(P, b, line + k, &add, false);
			if (y0 + hh > P->bottom - (P->fn_h + add) + EPS)
				break;
			print_fns_on_line(P, b, line + k, NULL, true);
			k++;
		}
		int fit = k, rem = n - line;
		if (k < rem) {
			if (line == 0 && k < P->st->orphans)
				k = 0;
			if (k > 0 && rem - k < P->st->widows) {
				k = rem - P->st->widows;
				if ((line == 0 && k < P->st->orphans) || k < 0)
					k = 0;
			}
			if (k == 0 && print_page_empty(P))
				k = fit > 0 ? fit : 1; /* nothing better is possible */
		}
		/* footnotes committed for lines that do not stay: take them back */
		if (k < fit) {
			int drop = 0;
			for (int j = line + k; j < line + fit; j++)
				for (guint q = 0; q < b->t.fnrefs->len; q++)
					if (g_array_index(b->t.fnrefs, print_fnref, q).line == j)
						drop++;
			for (int q = 0; q < drop; q++) {
				int fn = g_array_index(P->fns, int, P->fns->len - 1);
				P->fn_h -= print_fn_height(P, fn);
				g_array_set_size(P->fns, P->fns->len - 1);
			}
			if (P->fns->len == 0)
				P->fn_h = 0;
		}
		if (fit == 0 && k > 0) /* forced onto an empty page */
			print_fns_on_line(P, b, line, NULL, true);
		if (k == 0) {
			print_new_page(P);
			gap = 0;
			continue;
		}
		double h = b->line_top[line + k] - b->line_top[line];
		print_place(P, bi, kind, y0, h, b->line_top[line], line, k);
		P->y = y0 + h;
		line += k;
		if (line < n)
			print_new_page(P);
	}
}

static void print_repeat_head(print_pager *P, const print_table *t)
{
	for (int r = 0; r < t->n_head; r++) {
		size_t hb = (size_t)t->first_block + (size_t)r;
		double h = P->pd->blocks[hb].height;
		print_place(P, hb, PRINT_BOX_HEAD_ROW, P->y, h, 0, 1, 1);
		P->y += h;
	}
}

static void print_place_row(print_pager *P, size_t bi, double gap)
{
	print_doc *pd = P->pd;
	const print_block *b = &pd->blocks[bi];
	const print_table *t = &pd->tables[b->table];
	bool head = b->row < t->n_head;
	print_box_kind kind = head ? PRINT_BOX_HEAD_ROW : PRINT_BOX_ROW;
	double limit = P->bottom - P->fn_h;
	if (!print_page_empty(P) && P->y + gap + b->height > limit + EPS) {
		print_new_page(P);
		limit = P->bottom - P->fn_h;
	}
	if (print_page_empty(P)) {
		gap = 0;
		if (!head && t->n_head > 0 && b->row > t->n_head - 1)
			print_repeat_head(P, t);
	}
	if (P->y + gap + b->height <= limit + EPS) {
		print_place(P, bi, kind, P->y + gap, b->height, 0, 1, 1);
		P->y += gap + b->height;
		return;
	}
	/* taller than a page: in slices, cut between each cell's lines */
	double pad = t->pad, content = t->rows[b->row].height, start = 0;
	P->y += gap;
	for (;;) {
		double avail = limit - P->y - 2 * pad;
		if (avail < 24 && !print_page_empty(P)) {
			print_new_page(P);
			print_repeat_head(P, t);
			limit = P->bottom - P->fn_h;
			continue;
		}
		double cut = print_table_cut(t, b->row, start, avail);
		bool last = cut >= content - EPS;
		double h = cut - start + 2 * pad;
		print_place(P, bi, kind, P->y, h, start, start == 0, last);
		P->y += h;
		if (last)
			break;
		start = cut;
		print_new_page(P);
		print_repeat_head(P, t);
		limit = P->bottom - P->fn_h;
	}
}

print_layout *print_paginate(print_doc *pd)
{
	const print_style *st = pd->st;
	print_pager P = {0};
	P.pd = pd;
	P.st = st;
	P.pages = g_array_new(FALSE, FALSE, sizeof(print_page));
	P.boxes = g_array_new(FALSE, FALSE, sizeof(print_box));
	P.fns = g_array_new(FALSE, FALSE, sizeof(int));
	P.top = P.y = st->m_top;
	P.bottom = st->page_h - st->m_bottom;
	P.left = st->m_left;
	P.body_h = P.bottom - P.top;
	P.chapter = -1;
	g_free(pd->block_page);
	g_free(pd->block_y);
	pd->block_page = g_new(int, pd->n_blocks + 1);
	pd->block_y = g_new0(double, pd->n_blocks + 1);
	for (size_t i = 0; i <= pd->n_blocks; i++)
		pd->block_page[i] = -1;

	for (size_t i = 0; i < pd->n_blocks; i++) {
		const print_block *b = &pd->blocks[i];
		bool cover_change = P.started && b->cover != P.cover;
		if ((b->break_before || cover_change) && !print_page_empty(&P))
			print_new_page(&P);
		double gap = print_page_empty(&P) && !b->keep_space ? 0 : b->space_before;
		if (b->keep_with_next && !print_page_empty(&P)) {
			double need = print_keep_need(&P, i, gap);
			if (P.y + need > P.bottom - P.fn_h + EPS && need <= P.body_h) {
				print_new_page(&P);
				gap = b->keep_space ? b->space_before : 0;
			}
		}
		switch (b->kind) {
		case PB_TEXT:
		case PB_TOC:
			print_place_text(&P, i, gap);
			break;
		case PB_ROW:
			print_place_row(&P, i, gap);
			break;
		case PB_RULE:
		case PB_IMAGE:
			if (!print_page_empty(&P) &&
			    P.y + gap + b->height > P.bottom - P.fn_h + EPS) {
				print_new_page(&P);
				gap = 0;
			}
			print_place(&P, i, b->kind == PB_RULE ? PRINT_BOX_RULE : PRINT_BOX_IMAGE,
			            P.y + gap, b->height, 0, 0, 0);
			P.y += gap + b->height;
			break;
		}
	}
	print_new_page(&P);
	print_layout *l = g_new0(print_layout, 1);
	l->n_pages = P.pages->len;
	l->pages = (print_page *)g_array_free(P.pages, FALSE);
	g_array_free(P.boxes, TRUE);
	g_array_free(P.fns, TRUE);
	l->page_w = st->page_w;
	l->page_h = st->page_h;
	l->body_top = st->m_top;
	l->body_bottom = st->page_h - st->m_bottom;
	l->body_left = st->m_left;
	l->body_right = st->page_w - st->m_right;
	l->doc = pd;
	return l;
}
