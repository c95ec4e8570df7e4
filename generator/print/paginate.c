/* print paginate: measured blocks into pages. Pure arithmetic over the
 * measured heights: keep-with-next, widows and orphans, page breaks, table
 * rows with repeated header rows, tall rows in slices, footnotes, columns
 * (balanced on their last page), panels behind containers, runs set at the
 * foot of the page, figures that float to the top of the next page. */
#include "print_int.h"

#include <math.h>
#include <string.h>

#define EPS 0.01
#define FN_SEP 14.0   /* space above the footnote rule and below it */
#define FN_GAP 2.0
#define PRINT_MAX_OPEN 16

typedef struct {
	int panel;
	double top;        /* top of its piece on this frame; NAN: none yet */
	bool first_piece;  /* the piece holds the panel's first block */
} print_open_panel;

/* Plain values only, so that a column group can be laid out again from a
 * copy (balancing); the arrays are truncated back to their lengths. */
typedef struct {
	print_doc *pd;
	const print_style *st;
	GArray *pages, *boxes, *fns;
	double y, fn_h, top, bottom, left, body_h;
	double foot_lift;  /* a run at the page's foot: footnotes go above it */
	bool cover, bare, started;
	int chapter;
	/* the frame being filled: the body, or one column of a group */
	int cg, col;
	double col_off;    /* x of the column from the body's left edge */
	double frame_top;  /* where the frame (all columns) starts on this page */
	guint frame_start; /* boxes->len when the frame began */
	double floor;      /* lowest bottom of the columns filled on this page */
	double used;       /* heights of those columns, summed */
	bool capped;       /* balancing: columns on page cap_page end at cap */
	guint cap_page;
	double cap;
	/* panels */
	guint next_panel;
	print_open_panel open[PRINT_MAX_OPEN];
	int n_open;
	/* a figure that did not fit: it opens the next page, and the text
	 * after it fills this one (first < 0: none) */
	int float_first, float_last;
	double float_gap;  /* the space below it */
	bool in_float;
} print_pager;

double print_row_pad(const print_table *t)
{
	return t->pad;
}

static const print_panel *print_panel_at(const print_pager *P, int i)
{
	return &g_array_index(P->pd->panels, print_panel, i);
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

/* Nothing in this frame (column) yet: space before is dropped. */
static bool print_frame_empty(const print_pager *P)
{
	return P->boxes->len == P->frame_start;
}

/* A block that fits nowhere may be forced in only where no later frame
 * could be bigger: an empty frame as tall as the body. */
static bool print_can_force(const print_pager *P)
{
	return print_frame_empty(P) && P->frame_top <= P->top + EPS &&
	       !(P->capped && P->pages->len == P->cap_page);
}

/* The lowest y content may reach, footnotes (and add more) reserved. */
static double print_limit(const print_pager *P, double add)
{
	double lim = P->bottom - P->fn_h - add;
	if (P->foot_lift > 0) /* the run at the foot: footnotes are above it */
		lim = add > 0 ? P->bottom - P->foot_lift - P->fn_h - add : P->bottom;
	if (P->cg >= 0 && P->capped && P->pages->len == P->cap_page &&
	    P->frame_top + P->cap < lim)
		lim = P->frame_top + P->cap;
	return lim;
}

/* Footnotes grow the foot area under all columns: not over the columns
 * already filled on this page. */
static bool print_fn_fits(const print_pager *P, double add)
{
	return add <= 0 || P->floor <= P->bottom - P->fn_h - add + EPS;
}

/* A panel inside the columns is cut at each column; one around them is
 * not. */
static bool print_panel_in_cols(const print_pager *P, const print_panel *pn)
{
	return P->cg >= 0 && pn->colgroup == P->cg;
}

static void print_panel_piece(print_pager *P, int k, double bottom)
{
	print_open_panel *o = &P->open[k];
	if (isnan(o->top))
		return;
	const print_panel *pn = print_panel_at(P, o->panel);
	bool inside = print_panel_in_cols(P, pn);
	double x = P->left + (inside ? P->col_off : 0) + pn->x, w = pn->w;
	if (pn->bleed && P->cg < 0) {
		x = 0;
		w = P->pd->page_w;
		if (bottom >= P->bottom - P->fn_h - 1)
			bottom = P->pd->page_h;
	}
	/* first_line: 1 on the panel's first piece (its top rule) */
	print_box bx = {PRINT_BOX_PANEL, x, o->top, w, bottom - o->top, o->panel,
	                o->first_piece, 0, 0, -1, -1, 0, "panel", NULL, inside ? P->col : 0};
	g_array_append_val(P->boxes, bx);
	o->top = NAN;
	o->first_piece = false;
}

/* The frame ends: open panels' pieces on it end at the content (all of
 * them at a page's end; at a column's end those inside the columns). */
static void print_close_pieces(print_pager *P, bool page)
{
	double y = page && P->floor > P->y ? P->floor : P->y;
	for (int k = 0; k < P->n_open; k++) {
		const print_panel *pn = print_panel_at(P, P->open[k].panel);
		if (page || print_panel_in_cols(P, pn))
			print_panel_piece(P, k, (print_panel_in_cols(P, pn) ? P->y : y) + pn->pad);
	}
}

static void print_flow_block(print_pager *P, size_t i, bool no_gap);

static void print_new_page(print_pager *P)
{
	if (print_page_empty(P) && P->fns->len == 0)
		return;
	print_close_pieces(P, true);
	const print_style *st = P->st;
	print_page pg = {0};
	pg.cover = P->cover || P->bare;
	pg.chapter = P->chapter;
	pg.foot_top = P->bottom - P->foot_lift - P->fn_h;
	double fy = pg.foot_top + FN_SEP;
	for (guint i = 0; i < P->fns->len; i++) {
		int fn = g_array_index(P->fns, int, i);
		const print_block *f = &P->pd->fnotes[fn - 1];
		print_box bx = {PRINT_BOX_FOOTNOTE, P->left, fy, P->pd->body_w,
		                print_fn_height(P, fn) - FN_GAP, fn - 1, 0, f->n_lines,
		                0, -1, -1, fn, f->tag, NULL, 0};
		g_array_append_val(P->boxes, bx);
		fy += print_fn_height(P, fn);
	}
	if (!pg.cover) {
		print_box hb = {PRINT_BOX_HEADER, P->left, st->header_y - 8,
		                P->pd->body_w, 10, -1, 0, 0, 0, -1, -1, 0, "header", NULL, 0};
		print_box fb = {PRINT_BOX_FOOTER, P->left, P->pd->page_h - st->footer_y - 8,
		                P->pd->body_w, 10, -1, 0, 0, 0, -1, -1, 0, "footer", NULL, 0};
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
	P->foot_lift = 0;
	P->started = false;
	P->col = 0;
	P->col_off = 0;
	if (P->cg >= 0) { /* columns go on: right to left, the first is rightmost */
		const print_colgroup *g = &g_array_index(P->pd->colgroups, print_colgroup, P->cg);
		if (g->rtl)
			P->col_off = (g->ncols - 1) * (g->col_w + g->gap);
	}
	P->frame_top = P->top;
	P->frame_start = 0;
	P->floor = P->top;
	P->used = 0;
	if (P->float_first >= 0 && !P->in_float && P->cg < 0) {
		int a = P->float_first, b = P->float_last;
		P->float_first = -1;
		P->in_float = true;
		for (int j = a; j <= b; j++)
			print_flow_block(P, (size_t)j, j == a);
		P->in_float = false;
		P->y += P->float_gap;
	}
}

/* The next frame: the next column of the group, else a new page. */
static void print_next_frame(print_pager *P)
{
	if (P->cg >= 0) {
		const print_colgroup *g = &g_array_index(P->pd->colgroups, print_colgroup, P->cg);
		if (P->col + 1 < g->ncols) {
			print_close_pieces(P, false);
			if (P->y > P->floor)
				P->floor = P->y;
			P->used += P->y - P->frame_top;
			P->col++;
			P->col_off = (g->rtl ? g->ncols - 1 - P->col : P->col) * (g->col_w + g->gap);
			P->y = P->frame_top;
			P->frame_start = P->boxes->len;
			return;
		}
	}
	print_new_page(P);
}

static void print_place(print_pager *P, size_t bi, print_box_kind kind,
                        double y, double h, double src_y, int first, int n)
{
	print_doc *pd = P->pd;
	const print_block *b = &pd->blocks[bi];
	if (!P->started) {
		P->cover = b->cover;
		P->bare = b->bare;
		P->chapter = b->chapter;
		P->started = true;
	}
	double left = P->left + P->col_off;
	print_box bx = {kind, left + b->x, y, b->w, h, (int)bi, first, n, src_y,
	                b->table, b->row, 0, b->tag, b->id, P->col};
	if (kind == PRINT_BOX_IMAGE) {
		int a = b->cs.align;
		if (b->cs.rtl && a != PRINT_ALIGN_CENTER) /* start and end mirrored */
			a = a == PRINT_ALIGN_RIGHT ? PRINT_ALIGN_LEFT : PRINT_ALIGN_RIGHT;
		bx.x += a == PRINT_ALIGN_LEFT ? 0 : a == PRINT_ALIGN_RIGHT ? b->w - b->img_w
		                                                          : (b->w - b->img_w) / 2;
		bx.w = b->img_w;
	}
	if (b->kind == PB_ROW) {
		const print_table *t = &pd->tables[b->table];
		bx.x = left + t->x;
		bx.w = t->w;
	}
	bool first_box = pd->block_page[bi] < 0 && kind != PRINT_BOX_HEAD_ROW;
	/* open panels start their piece here */
	for (int k = 0; k < P->n_open; k++) {
		print_open_panel *o = &P->open[k];
		if (!isnan(o->top))
			continue;
		const print_panel *pn = print_panel_at(P, o->panel);
		o->top = first_box && pn->first == (int)bi ? y - pn->top_off : y - pn->pad;
		if (!print_panel_in_cols(P, pn) && P->frame_top < o->top && P->cg >= 0)
			o->top = P->frame_top - pn->pad; /* around the columns */
		if (pn->bleed && o->top < 1 && P->cg < 0)
			o->top = 0;
	}
	g_array_append_val(P->boxes, bx);
	if (first_box) {
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

/* Blocks i..last of a kept element, with the space between them. */
static double print_kept_height(const print_pager *P, size_t i, size_t last)
{
	const print_doc *pd = P->pd;
	double h = pd->blocks[i].height;
	for (size_t j = i + 1; j <= last && j < pd->n_blocks; j++)
		h += pd->blocks[j].space_before + pd->blocks[j].height;
	return h;
}

/* Whether block i keeps to its keep_until. A list or table kept by the
 * short rule (6 items or rows) moves whole only when that costs at most a
 * third of a page, and not in a column, where it would leave a hole. */
static bool print_kept(const print_pager *P, size_t i)
{
	const print_block *b = &P->pd->blocks[i];
	if (b->keep_until <= (int)i)
		return false;
	return !b->keep_short || (b->colgroup < 0 &&
	        print_kept_height(P, i, (size_t)b->keep_until) <= P->body_h / 3);
}

/* keep-with-next: this block whole, then the start of the next ones (the
 * whole of a kept element). */
static double print_keep_need(const print_pager *P, size_t i, double gap)
{
	const print_doc *pd = P->pd;
	double need = gap + pd->blocks[i].height;
	for (int depth = 0; depth < 8 && i + 1 < pd->n_blocks &&
	                    pd->blocks[i].keep_with_next; depth++) {
		const print_block *n = &pd->blocks[++i];
		if (n->break_before)
			break;
		if (print_kept(P, i)) {
			need += n->space_before + print_kept_height(P, i, (size_t)n->keep_until);
			break;
		}
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
	int line = 0, n = b->n_lines, moves = 0;
	while (line < n) {
		double y0 = P->y + (line == 0 ? gap : 0);
		int k = 0;
		while (line + k < n) {
			double hh = b->line_top[line + k + 1] - b->line_top[line];
			double add = 0;
			print_fns_on_line(P, b, line + k, &add, false);
			if (y0 + hh > print_limit(P, add) + EPS || !print_fn_fits(P, add))
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
			/* a capped column frame can refuse a line on every page it
			 * opens (a column group taller than a page with a run at the
			 * foot): after a few empty frames, set it where it is */
			if (k == 0 && (print_can_force(P) || moves > 8))
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
			print_next_frame(P);
			gap = 0;
			moves++;
			continue;
		}
		double h = b->line_top[line + k] - b->line_top[line];
		print_place(P, bi, kind, y0, h, b->line_top[line], line, k);
		P->y = y0 + h;
		line += k;
		if (line < n)
			print_next_frame(P);
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
	double limit = print_limit(P, 0);
	while (!print_can_force(P) && P->y + gap + b->height > limit + EPS) {
		print_next_frame(P);
		limit = print_limit(P, 0);
		gap = 0;
		if (print_frame_empty(P))
			break;
	}
	if (print_frame_empty(P)) {
		gap = 0;
		if (!head && t->n_head > 0 && b->row > t->n_head - 1)
			print_repeat_head(P, t);
	}
	if (P->y + gap + b->height <= limit + EPS) {
		print_place(P, bi, kind, P->y + gap, b->height, 0, 1, 1);
		P->y += gap + b->height;
		return;
	}
	/* taller than a frame: in slices, cut between each cell's lines */
	double pad = t->pad, content = t->rows[b->row].height, start = 0;
	P->y += gap;
	int moves = 0;
	for (;;) {
		double avail = limit - P->y - 2 * pad;
		if (avail < 24 && !print_can_force(P) && moves++ < 8) {
			print_next_frame(P);
			print_repeat_head(P, t);
			limit = print_limit(P, 0);
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
		print_next_frame(P);
		print_repeat_head(P, t);
		limit = print_limit(P, 0);
	}
}

/* The height of an anchored run, from the space it keeps above its first
 * block to the space below its last. */
static double print_anchor_height(const print_pager *P, const print_anchor_run *a)
{
	const print_doc *pd = P->pd;
	double h = a->lead + a->trail;
	for (int j = a->first; j <= a->last; j++)
		h += pd->blocks[j].height + (j > a->first ? pd->blocks[j].space_before : 0);
	return h;
}

static void print_close_panels(print_pager *P, size_t i)
{
	while (P->n_open > 0) {
		print_open_panel *o = &P->open[P->n_open - 1];
		const print_panel *pn = print_panel_at(P, o->panel);
		if (pn->last != (int)i)
			break;
		double bottom = P->y + pn->bot_off;
		if (o->first_piece && pn->min_h > 0 && !isnan(o->top) &&
		    o->top + pn->min_h > bottom) {
			bottom = o->top + pn->min_h;
			if (bottom > print_limit(P, 0))
				bottom = MAX(print_limit(P, 0), P->y + pn->bot_off);
			P->y = bottom - pn->bot_off; /* what follows starts below it */
		}
		print_panel_piece(P, P->n_open - 1, bottom);
		P->n_open--;
	}
}

/* One block at the current position, breaking frames as needed. */
static void print_flow_block(print_pager *P, size_t i, bool no_gap)
{
	print_doc *pd = P->pd;
	const print_block *b = &pd->blocks[i];
	bool cover_change = P->started && b->cover != P->cover;
	if ((b->break_before || cover_change) && !print_page_empty(P))
		print_new_page(P);
	double gap = no_gap || (print_frame_empty(P) && !b->keep_space) ? 0 : b->space_before;
	bool bleed_top = false;
	while (P->next_panel < pd->panels->len &&
	       print_panel_at(P, (int)P->next_panel)->first == (int)i) {
		const print_panel *pn = print_panel_at(P, (int)P->next_panel);
		if (pn->bleed && print_page_empty(P) && P->cg < 0 && !bleed_top) {
			/* a bleed panel opening a page starts at the paper's edge */
			P->y = 0;
			gap = pn->top_off;
			bleed_top = true;
		}
		if (P->n_open < PRINT_MAX_OPEN)
			P->open[P->n_open++] = (print_open_panel){(int)P->next_panel, NAN, true};
		P->next_panel++;
	}
	if (b->anchor >= 0) {
		const print_anchor_run *a = &g_array_index(pd->anchors, print_anchor_run, b->anchor);
		if (a->first == (int)i && P->cg < 0) {
			/* at the foot of the body, the page's footnotes above it */
			double h = print_anchor_height(P, a);
			double at = P->bottom - h + a->lead;
			double fns = P->fn_h > 0 ? P->fn_h + FN_SEP : 0;
			if (at - a->lead - fns >= P->y + gap - a->lead - EPS) {
				gap = at - P->y;
				P->foot_lift = h + FN_SEP;
			}
		}
	}
	bool kept = print_kept(P, i);
	if ((b->keep_with_next || kept) && !print_frame_empty(P)) {
		double need = kept
		            ? gap + print_kept_height(P, i, (size_t)b->keep_until)
		            : print_keep_need(P, i, gap);
		if (P->y + need > print_limit(P, 0) + EPS && need <= P->body_h) {
			print_next_frame(P);
			gap = b->keep_space && print_page_empty(P) ? b->space_before : 0;
		}
	}
	switch (b->kind) {
	case PB_TEXT:
	case PB_TOC:
		print_place_text(P, i, gap);
		break;
	case PB_ROW:
		print_place_row(P, i, gap);
		break;
	case PB_RULE:
	case PB_IMAGE: {
		/* A capped column frame may be shorter than the picture on every
		 * frame it opens, and a new page that would hold nothing is not
		 * made: after a few moves, set it where it is (as text does). */
		int moves = 0;
		while (!print_can_force(P) && moves < 8 &&
		       P->y + gap + b->height > print_limit(P, 0) + EPS) {
			print_next_frame(P);
			gap = 0;
			moves++;
		}
		print_place(P, i, b->kind == PB_RULE ? PRINT_BOX_RULE : PRINT_BOX_IMAGE,
		            P->y + gap, b->height, 0, 0, 0);
		P->y += gap + b->height;
		break;
	}
	}
	print_close_panels(P, i);
}

/* ---- columns ---------------------------------------------------------- */

/* The pager's state before a column group, to lay it out again: the
 * boxes and footnotes of the page being filled are copied, since a new
 * page empties those arrays. */
typedef struct {
	print_pager P;
	guint pages;
	GArray *boxes, *fns;
} print_pager_mark;

static void print_mark(const print_pager *P, print_pager_mark *m)
{
	m->P = *P;
	m->pages = P->pages->len;
	m->boxes = g_array_sized_new(FALSE, FALSE, sizeof(print_box), P->boxes->len);
	g_array_append_vals(m->boxes, P->boxes->data, P->boxes->len);
	m->fns = g_array_sized_new(FALSE, FALSE, sizeof(int), P->fns->len);
	g_array_append_vals(m->fns, P->fns->data, P->fns->len);
}

static void print_rewind(print_pager *P, const print_pager_mark *m, size_t a, size_t b)
{
	for (guint k = m->pages; k < P->pages->len; k++)
		g_free(g_array_index(P->pages, print_page, k).boxes);
	g_array_set_size(P->pages, m->pages);
	g_array_set_size(P->boxes, 0);
	g_array_append_vals(P->boxes, m->boxes->data, m->boxes->len);
	g_array_set_size(P->fns, 0);
	g_array_append_vals(P->fns, m->fns->data, m->fns->len);
	*P = m->P;
	for (size_t i = a; i < b; i++)
		P->pd->block_page[i] = -1;
}

static void print_mark_free(print_pager_mark *m)
{
	g_array_free(m->boxes, TRUE);
	g_array_free(m->fns, TRUE);
}

static void print_flow_range(print_pager *P, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		print_flow_block(P, i, i == a);
}

/* Blocks a..b-1 of one column group: column after column, page after
 * page; on the last page the columns are made as short as they can be
 * while all of the group still ends there (balanced). */
static void print_flow_columns(print_pager *P, size_t a, size_t b)
{
	print_doc *pd = P->pd;
	const print_block *first = &pd->blocks[a];
	bool cover_change = P->started && first->cover != P->cover;
	if ((first->break_before || cover_change) && !print_page_empty(P))
		print_new_page(P);
	double gap = print_page_empty(P) && !first->keep_space ? 0 : first->space_before;
	/* the columns start together, below the group's space */
	P->y += gap;
	P->cg = first->colgroup;
	P->col = 0;
	const print_colgroup *g0 = &g_array_index(pd->colgroups, print_colgroup, P->cg);
	P->col_off = g0->rtl ? (g0->ncols - 1) * (g0->col_w + g0->gap) : 0;
	P->frame_top = P->y;
	P->frame_start = P->boxes->len;
	P->floor = P->y;
	P->used = 0;
	P->capped = false;
	print_pager_mark m;
	print_mark(P, &m);
	print_flow_range(P, a, b);
	const print_colgroup *g = &g_array_index(pd->colgroups, print_colgroup, P->cg);
	guint last = P->pages->len;
	double lo = (P->used + P->y - P->frame_top) / g->ncols - 1;
	double hi = print_limit(P, 0) - P->frame_top;
	bool again = lo < hi - 1;
	/* binary search for the shortest columns that keep the page count */
	while (again && hi - lo > 0.5) {
		double mid = (lo + hi) / 2;
		print_rewind(P, &m, a, b);
		P->capped = true;
		P->cap_page = last;
		P->cap = mid;
		print_flow_range(P, a, b);
		if (P->pages->len == last)
			hi = mid;
		else
			lo = mid;
	}
	if (again) {
		print_rewind(P, &m, a, b);
		P->capped = true;
		P->cap_page = last;
		P->cap = hi;
		print_flow_range(P, a, b);
		if (P->pages->len != last) { /* not monotonic after all: as it was */
			print_rewind(P, &m, a, b);
			print_flow_range(P, a, b);
		}
	}
	print_mark_free(&m);
	if (P->y < P->floor)
		P->y = P->floor;
	P->cg = -1;
	P->col = 0;
	P->col_off = 0;
	P->capped = false;
	P->frame_top = P->top;
	P->frame_start = 0;
	P->floor = P->top;
	P->used = 0;
}

/* Text that may move up past a waiting figure: paragraphs, list items and
 * sub-headings of the same chapter. A title (h1), a table, another figure
 * or anything that changes the page's make-up waits for it. */
static bool print_float_passes(const print_pager *P, size_t j)
{
	const print_doc *pd = P->pd;
	const print_block *b = &pd->blocks[j], *f = &pd->blocks[P->float_first];
	if (b->kind != PB_TEXT || b->heading == 1 || b->break_before || b->cover != f->cover ||
	    b->bare != f->bare || b->anchor >= 0 || b->colgroup >= 0 ||
	    b->chapter != f->chapter)
		return false;
	return P->next_panel >= pd->panels->len ||
	       print_panel_at(P, (int)P->next_panel)->first != (int)j;
}

/* The figure at block i (an image, with its caption when they are kept
 * together) does not fit below the text: it waits for the next page
 * while the text after it fills this one, as a float does. Returns its
 * last block, or -1 when it is placed in the flow. */
static int print_float_defer(print_pager *P, size_t i)
{
	const print_doc *pd = P->pd;
	const print_block *b = &pd->blocks[i];
	if (b->kind != PB_IMAGE || P->float_first >= 0 || b->cover || b->bare ||
	    b->anchor >= 0 || b->colgroup >= 0 || P->n_open > 0 || print_page_empty(P))
		return -1;
	size_t last = b->keep_until > (int)i ? (size_t)b->keep_until : i;
	if (last + 1 >= pd->n_blocks)
		return -1;
	for (size_t j = i; j <= last; j++)
		if (P->next_panel < pd->panels->len &&
		    print_panel_at(P, (int)P->next_panel)->first == (int)j)
			return -1;
	double need = b->space_before + print_kept_height(P, i, last);
	if (need > P->body_h || P->y + need <= print_limit(P, 0) + EPS)
		return -1;
	P->float_first = (int)i;
	P->float_last = (int)last;
	if (!print_float_passes(P, last + 1)) {
		P->float_first = -1;
		return -1;
	}
	P->float_gap = pd->blocks[last + 1].space_before;
	return (int)last;
}

/* The waiting figure goes where the flow is now (on the next page when it
 * still does not fit). */
static void print_float_flush(print_pager *P)
{
	if (P->float_first < 0)
		return;
	int a = P->float_first, b = P->float_last;
	P->float_first = -1;
	for (int j = a; j <= b; j++)
		print_flow_block(P, (size_t)j, false);
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
	P.top = P.y = P.frame_top = P.floor = st->m_top;
	P.bottom = pd->page_h - st->m_bottom;
	P.left = pd->m_left;
	P.body_h = P.bottom - P.top;
	P.chapter = -1;
	P.cg = -1;
	P.float_first = -1;
	g_free(pd->block_page);
	g_free(pd->block_y);
	pd->block_page = g_new(int, pd->n_blocks + 1);
	pd->block_y = g_new0(double, pd->n_blocks + 1);
	for (size_t i = 0; i <= pd->n_blocks; i++)
		pd->block_page[i] = -1;

	for (size_t i = 0; i < pd->n_blocks;) {
		int cg = pd->blocks[i].colgroup;
		if (P.float_first >= 0 && !print_float_passes(&P, i))
			print_float_flush(&P);
		if (cg < 0) {
			int last = print_float_defer(&P, i);
			if (last >= 0) {
				i = (size_t)last + 1;
				continue;
			}
			print_flow_block(&P, i, false);
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < pd->n_blocks && pd->blocks[j].colgroup == cg)
			j++;
		print_flow_columns(&P, i, j);
		i = j;
	}
	print_float_flush(&P);
	print_new_page(&P);
	print_layout *l = g_new0(print_layout, 1);
	l->n_pages = P.pages->len;
	l->pages = (print_page *)g_array_free(P.pages, FALSE);
	g_array_free(P.boxes, TRUE);
	g_array_free(P.fns, TRUE);
	l->page_w = pd->page_w;
	l->page_h = pd->page_h;
	l->body_top = st->m_top;
	l->body_bottom = pd->page_h - st->m_bottom;
	l->body_left = pd->m_left;
	l->body_right = pd->page_w - pd->m_right;
	l->doc = pd;
	return l;
}
