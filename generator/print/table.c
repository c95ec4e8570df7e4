/* print table: rows and cells from XML, column widths from the cells'
 * min/max content widths, row heights, cutting tall rows, drawing rows. */
#include "print_int.h"

#include <stdlib.h>
#include <string.h>

#define PS ((double)PANGO_SCALE)
#define PRINT_MIN_SCALE 0.6

static void print_table_row(print_doc *pd, print_table *t, xmlNodePtr tr,
                            const print_cstyle *tcs, const char *lang, bool head,
                            const char *const *anc, size_t n_anc)
{
	print_cstyle rcs;
	const char *tcls = print_prop(tr, "class");
	print_style_compute(pd->st, tcs, "tr", tcls, anc, n_anc, &rcs);
	print_row row = {0};
	row.head = head;
	row.keep = rcs.keep_with_next;
	row.border_top = rcs.border_top;
	row.border_color = rcs.border_color;
	/* cells see the row's class as an ancestor: ".total td" */
	const char *canc[64];
	size_t n_canc = 0;
	for (size_t i = 0; i < n_anc && i < 63; i++)
		canc[n_canc++] = anc[i];
	if (tcls)
		canc[n_canc++] = tcls;
	int col = 0;
	for (xmlNodePtr k = tr->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		const char *tag = (const char *)k->name;
		if (strcmp(tag, "td") && strcmp(tag, "th"))
			continue;
		row.cells = g_renew(print_cell, row.cells, row.n_cells + 1);
		print_cell *c = &row.cells[row.n_cells++];
		memset(c, 0, sizeof *c);
		c->th = tag[1] == 'h';
		const char *cl = print_prop(k, "lang");
		c->lang = cl && *cl ? g_intern_string(cl) : lang;
		print_style_compute(pd->st, &rcs, head ? "th" : tag, print_prop(k, "class"),
		                    canc, n_canc, &c->cs);
		const char *span = print_prop(k, "colspan");
		c->colspan = span ? atoi(span) : 1;
		if (c->colspan < 1)
			c->colspan = 1;
		if (c->colspan > 1000)
			c->colspan = 1000;
		c->col = col;
		col += c->colspan;
		print_itext_init(&c->t);
		print_inline_collect(pd, k, &c->cs, c->lang, false, &c->t);
		print_inline_finish(pd, &c->t, c->lang);
		print_itext_upper(&c->t, &c->cs);
	}
	if (col > t->ncols)
		t->ncols = col;
	t->rows = g_renew(print_row, t->rows, t->n_rows + 1);
	t->rows[t->n_rows++] = row;
	if (head)
		t->n_head++;
}

void print_table_build(print_doc *pd, xmlNodePtr tn, const print_cstyle *cs,
                       const char *lang, double x, double w,
                       const char *const *anc, size_t n_anc)
{
	if (pd->n_tables == pd->cap_tables) {
		pd->cap_tables = pd->cap_tables ? 2 * pd->cap_tables : 8;
		pd->tables = g_renew(print_table, pd->tables, pd->cap_tables);
	}
	int ti = (int)pd->n_tables++;
	print_table *t = &pd->tables[ti];
	memset(t, 0, sizeof *t);
	t->x = x;
	t->w = w;
	t->scale = 1;
	t->rtl = cs->rtl;
	t->pad = cs->padding > 0 ? cs->padding : 3.5;
	t->rule = cs->border_color;
	t->first_block = (int)pd->n_blocks;
	/* thead rows first, wherever they are; a first row of th only counts */
	for (xmlNodePtr k = tn->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "thead"))
			for (xmlNodePtr r = k->children; r; r = r->next)
				if (r->type == XML_ELEMENT_NODE && !strcmp((const char *)r->name, "tr"))
					print_table_row(pd, t, r, cs, lang, true, anc, n_anc);
	for (xmlNodePtr k = tn->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		const char *tag = (const char *)k->name;
		if (!strcmp(tag, "tbody") || !strcmp(tag, "tfoot")) {
			for (xmlNodePtr r = k->children; r; r = r->next)
				if (r->type == XML_ELEMENT_NODE && !strcmp((const char *)r->name, "tr"))
					print_table_row(pd, t, r, cs, lang, false, anc, n_anc);
		} else if (!strcmp(tag, "tr")) {
			bool all_th = t->n_rows == 0;
			int cells = 0;
			for (xmlNodePtr c = k->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE) {
					cells++;
					all_th &= !strcmp((const char *)c->name, "th");
				}
			print_table_row(pd, t, k, cs, lang, all_th && cells > 0, anc, n_anc);
		}
	}
	for (int r = 0; r < t->n_rows; r++) {
		print_block *b = print_doc_add_block(pd, PB_ROW);
		b->tag = g_intern_static_string("tr");
		b->table = ti;
		b->row = r;
		b->cs = *cs;
		b->x = x;
		b->w = w;
		/* orphans and widows of a table of 4 body rows or more: a page
		 * never ends after its head and one row, nor carries its last
		 * row alone */
		int body = t->n_rows - t->n_head;
		bool orphan = body >= 4 && r == t->n_head;
		bool widow = body >= 4 && r == t->n_rows - 2;
		b->keep_with_next = t->rows[r].head || t->rows[r].keep || orphan || widow;
	}
	if (t->n_rows == 0) { /* nothing to show; keep the table valid */
		t->ncols = 0;
	}
}

static PangoLayout *print_cell_layout(print_doc *pd, const print_table *t,
                                      const print_cell *c, double width, bool wrap)
{
	print_cstyle cs = c->cs;
	cs.size *= t->scale;
	cs.indent = 0;
	PangoLayout *l = print_text_layout(pd, &c->t, &cs, c->lang, width, wrap);
	if (wrap && t->clip) /* columns narrower than words: clip, not shred */
		pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	return l;
}

static void print_cell_widths(print_doc *pd, const print_table *t,
                              const print_cell *c, double *mn, double *mx)
{
	PangoLayout *l = print_cell_layout(pd, t, c, 0, false);
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	*mx = r.width / PS;
	/* narrowest without breaking words: wrap at words into a tiny width */
	pango_layout_set_width(l, 1);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_get_extents(l, NULL, &r);
	*mn = r.width / PS;
	g_object_unref(l);
}

static void print_table_columns(print_table *t)
{
	int nc = t->ncols;
	double *mn = g_new0(double, nc), *mx = g_new0(double, nc);
	double pad2 = 2 * t->pad;
	for (int pass = 0; pass < 2; pass++) /* single cells, then spans */
		for (int r = 0; r < t->n_rows; r++)
			for (int i = 0; i < t->rows[r].n_cells; i++) {
				print_cell *c = &t->rows[r].cells[i];
				if ((c->colspan > 1) != pass)
					continue;
				double a = c->mn * t->scale + pad2, b = c->mx * t->scale + pad2;
				int span = c->colspan;
				if (c->col + span > nc)
					span = nc - c->col;
				double sa = 0, sb = 0;
				for (int j = 0; j < span; j++) {
					sa += mn[c->col + j];
					sb += mx[c->col + j];
				}
				for (int j = 0; j < span; j++) {
					if (a > sa)
						mn[c->col + j] += (a - sa) / span;
					if (b > sb)
						mx[c->col + j] += (b - sb) / span;
				}
			}
	double smin = 0, smax = 0, W = t->w;
	for (int j = 0; j < nc; j++) {
		if (mx[j] < mn[j])
			mx[j] = mn[j];
		smin += mn[j];
		smax += mx[j];
	}
	for (int j = 0; j < nc; j++) {
		if (smax <= W) /* everything fits: fill the measure */
			t->col_w[j] = smax > 0 ? mx[j] + (W - smax) * mx[j] / smax : W / nc;
		else if (smin <= W)
			t->col_w[j] = mn[j] + (mx[j] - mn[j]) * (W - smin) / (smax - smin);
		else /* words must break inside: share by need, cells clip */
			t->col_w[j] = W * mn[j] / smin;
	}
	t->clip = smin > W;
	/* the first column stands at the start: the right in rtl tables */
	double x = 0;
	for (int j = 0; j < nc; j++) {
		t->col_x[j] = t->rtl ? W - x - t->col_w[j] : x;
		x += t->col_w[j];
	}
	g_free(mn);
	g_free(mx);
}

/* The narrowest the table can be without breaking words, at scale 1. */
static double print_table_min_width(const print_table *t)
{
	double *mn = g_new0(double, t->ncols), s = 0;
	for (int r = 0; r < t->n_rows; r++)
		for (int i = 0; i < t->rows[r].n_cells; i++) {
			const print_cell *c = &t->rows[r].cells[i];
			double a = c->mn / c->colspan;
			for (int j = c->col; j < c->col + c->colspan && j < t->ncols; j++)
				if (a > mn[j])
					mn[j] = a;
		}
	for (int j = 0; j < t->ncols; j++)
		s += mn[j];
	g_free(mn);
	return s;
}

void print_table_measure(print_doc *pd, print_table *t)
{
	if (t->ncols == 0)
		return;
	t->col_w = g_new0(double, t->ncols);
	t->col_x = g_new0(double, t->ncols);
	t->scale = 1;
	if (2 * t->pad * t->ncols > 0.3 * t->w) /* many columns: thin padding */
		t->pad = 0.15 * t->w / t->ncols;
	for (int r = 0; r < t->n_rows; r++)
		for (int i = 0; i < t->rows[r].n_cells; i++) {
			print_cell *c = &t->rows[r].cells[i];
			print_cell_widths(pd, t, c, &c->mn, &c->mx);
		}
	/* too wide even with a word a line: smaller type (widths scale with it) */
	double text = print_table_min_width(t), pads = 2 * t->pad * t->ncols;
	if (text + pads > t->w) {
		t->scale = text > 0 ? (t->w - pads) / text : 1;
		if (t->scale < PRINT_MIN_SCALE)
			t->scale = PRINT_MIN_SCALE;
	}
	print_table_columns(t);
	for (int r = 0; r < t->n_rows; r++) {
		print_row *row = &t->rows[r];
		row->height = 0;
		for (int i = 0; i < row->n_cells; i++) {
			print_cell *c = &row->cells[i];
			double w = 0;
			for (int j = c->col; j < c->col + c->colspan && j < t->ncols; j++)
				w += t->col_w[j];
			c->w = w;
			double inner = w - 2 * t->pad;
			if (inner < 1)
				inner = 1;
			PangoLayout *l = print_cell_layout(pd, t, c, inner, true);
			g_free(c->line_top);
			g_free(c->baseline);
			print_measure_lines(pd, l, &c->cs, c->lang, &c->n_lines, &c->line_top, &c->baseline);
			c->height = c->line_top[c->n_lines];
			if (c->t.text->len == 0)
				c->height = 0;
			g_object_unref(l);
			if (c->height > row->height)
				row->height = c->height;
		}
		if (row->height == 0)
			row->height = t->scale * 8;
	}
}

/* Where the slice of a tall row that starts at start and may be avail
 * high ends: at the top of the first line, in any cell, that would not fit. */
double print_table_cut(const print_table *t, int row, double start, double avail)
{
	const print_row *r = &t->rows[row];
	double cut = r->height;
	for (int i = 0; i < r->n_cells; i++) {
		const print_cell *c = &r->cells[i];
		for (int j = 0; j < c->n_lines; j++) {
			if (c->line_top[j] < start - 0.01)
				continue;
			if (c->line_top[j + 1] - start > avail) {
				if (c->line_top[j] < cut)
					cut = c->line_top[j];
				break;
			}
		}
	}
	if (cut <= start + 0.01) /* one line taller than the page: clip it */
		cut = start + avail;
	if (cut > r->height)
		cut = r->height;
	return cut;
}

static void print_rgb(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 255) / 255.0, ((c >> 8) & 255) / 255.0,
	                     (c & 255) / 255.0);
}

void print_table_draw_row(print_doc *pd, cairo_t *cr, const print_table *t,
                          int row, double x, double y, double start, double end,
                          bool first_slice, bool last_slice)
{
	const print_row *r = &t->rows[row];
	double pad = t->pad;
	double h = end - start + 2 * pad;
	for (int i = 0; i < r->n_cells; i++) {
		const print_cell *c = &r->cells[i];
		/* a cell spanning columns starts at the leftmost of them */
		int left_col = t->rtl ? MIN(c->col + c->colspan, t->ncols) - 1 : c->col;
		double cx = x + t->col_x[left_col];
		cairo_save(cr);
		cairo_rectangle(cr, cx, y, c->w, h);
		if (c->cs.has_bg) {
			print_rgb(cr, c->cs.bg);
			cairo_fill_preserve(cr);
		}
		cairo_clip(cr);
		/* lines that start in [start, end) */
		int a = 0;
		while (a < c->n_lines && c->line_top[a] < start - 0.01)
			a++;
		int b = a;
		while (b < c->n_lines && c->line_top[b] < end - 0.01)
			b++;
		/* the cell's element: TH says what it heads (its column in a
		 * header row, else its row); backgrounds and rules stay outside */
		print_tags *T = pd->tags;
		const char *cell = c->th || r->head ? "TH" : "TD";
		if (T) {
			int el = print_tag_begin(T, cell, NULL);
			if (!strcmp(cell, "TH"))
				print_tag_attr_set(T, el, "Scope", r->head ? "Column" : "Row");
			if (c->lang && T->lang && g_ascii_strcasecmp(c->lang, T->lang))
				print_tag_attr_set(T, el, "Lang", c->lang);
		}
		if (b > a && c->t.text->len) {
			double inner = c->w - 2 * pad;
			if (inner < 1)
				inner = 1;
			PangoLayout *l = print_cell_layout(pd, t, c, inner, true);
			print_draw_text_lines(pd, cr, l, &c->t, cx + pad, y + pad, a, b - a,
			                      c->line_top, c->baseline, c->cs.color,
			                      c->line_top[a]);
			g_object_unref(l);
		}
		if (T)
			print_tag_end(T, cell);
		cairo_restore(cr);
	}
	if (first_slice && r->border_top > 0) {
		print_rgb(cr, r->border_color);
		cairo_rectangle(cr, x, y, t->w, r->border_top);
		cairo_fill(cr);
	}
	/* a hairline under each row, a stronger one under the header */
	if (last_slice || r->head) {
		cairo_save(cr);
		print_rgb(cr, r->head ? pd->st->accent : t->rule);
		cairo_set_line_width(cr, r->head ? 0.9 : 0.4);
		cairo_move_to(cr, x, y + h);
		cairo_line_to(cr, x + t->w, y + h);
		cairo_stroke(cr);
		cairo_restore(cr);
	}
}

void print_table_free(print_table *t)
{
	for (int r = 0; r < t->n_rows; r++) {
		for (int i = 0; i < t->rows[r].n_cells; i++) {
			print_cell *c = &t->rows[r].cells[i];
			print_itext_clear(&c->t);
			g_free(c->line_top);
			g_free(c->baseline);
		}
		g_free(t->rows[r].cells);
	}
	g_free(t->rows);
	g_free(t->col_w);
	g_free(t->col_x);
}
