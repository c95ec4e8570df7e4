/* print tags: the PDF structure tree, written with cairo's structure tags
 * while the pages are drawn. Containers (Part, Sect, L, Table, TOC) stay
 * open across pages; the leaves that hold content close on their page.
 *
 * cairo 1.16 marks content only inside a leaf element (one with no child
 * elements) and leaves everything else unmarked: what is drawn outside a
 * leaf (running heads, page numbers, rules, panels, repeated table heads)
 * is turned into artifacts by the finishing step (finish.c). A name cairo
 * does not know truncates the file, so only names from PDF 1.7's list of
 * standard structure types are used here.
 *
 * What cairo cannot say is left as attributes for finishing: /Lang of a
 * Span of words in another language, and "Continues" on the later parts
 * of a paragraph or table row split by a page, which it merges into one. */
#include "print_int.h"

#include <string.h>

void print_tags_init(print_tags *T, cairo_t *cr, const print_doc *pd)
{
	memset(T, 0, sizeof *T);
	T->cr = cr;
	T->attrs = g_array_new(FALSE, FALSE, sizeof(print_tag_attr));
	T->lang = pd->lang;
	T->part = T->table = -1;
	T->head_done = g_new0(bool, pd->n_blocks + 1);
	T->leaf_of = g_hash_table_new(g_direct_hash, g_direct_equal);
	T->last_block = -1;
}

void print_tags_clear(print_tags *T)
{
	for (guint i = 0; T->attrs && i < T->attrs->len; i++)
		g_free(g_array_index(T->attrs, print_tag_attr, i).value);
	if (T->attrs)
		g_array_free(T->attrs, TRUE);
	g_free(T->head_done);
	if (T->leaf_of)
		g_hash_table_destroy(T->leaf_of);
	memset(T, 0, sizeof *T);
}

int print_tag_begin(print_tags *T, const char *name, const char *attrs)
{
	cairo_tag_begin(T->cr, name, attrs);
	return T->n_elems++;
}

void print_tag_end(print_tags *T, const char *name)
{
	cairo_tag_end(T->cr, name);
}

void print_tag_attr_set(print_tags *T, int elem, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	print_tag_attr a = {elem, key, g_strdup(value)};
	g_array_append_val(T->attrs, a);
}

void print_tags_push(print_tags *T, const char *name, int level)
{
	if ((size_t)T->depth >= G_N_ELEMENTS(T->open))
		return; /* deeper than any document kitgen makes: stays flat */
	print_tag_begin(T, name, NULL);
	T->open[T->depth].name = name;
	T->open[T->depth].level = level;
	T->depth++;
}

static void print_tags_pop(print_tags *T)
{
	if (T->depth == 0)
		return;
	T->depth--;
	const char *name = T->open[T->depth].name;
	print_tag_end(T, name);
	if (!strcmp(name, "Table"))
		T->table = -1;
	else if (!strcmp(name, "Part"))
		T->part = -1;
}

const char *print_tags_top(const print_tags *T)
{
	return T->depth ? T->open[T->depth - 1].name : "";
}

static bool print_tags_top_is(const print_tags *T, const char *name)
{
	return !strcmp(print_tags_top(T), name);
}

void print_tags_close(print_tags *T)
{
	while (T->depth)
		print_tags_pop(T);
}

/* Back to the flow of the innermost section (or of the document). */
static void print_tags_to_flow(print_tags *T)
{
	while (T->depth && !print_tags_top_is(T, "Sect") && !print_tags_top_is(T, "Part"))
		print_tags_pop(T);
}

static int print_tags_lists(const print_tags *T)
{
	int n = 0;
	for (int i = 0; i < T->depth; i++)
		n += !strcmp(T->open[i].name, "L");
	return n;
}

static void print_tags_enter_table(print_tags *T, print_doc *pd, int bi, bool head_row)
{
	const print_block *b = &pd->blocks[bi];
	int t = b->kind == PB_ROW ? b->table : pd->blocks[bi + 1].table;
	if (T->table != t) {
		print_tags_to_flow(T);
		print_tags_push(T, "Table", t);
		T->table = t;
	}
	if (b->kind != PB_ROW)
		return; /* the caption, first in the table */
	const char *want = head_row ? "THead" : "TBody";
	if ((print_tags_top_is(T, "THead") || print_tags_top_is(T, "TBody")) &&
	    !print_tags_top_is(T, want))
		print_tags_pop(T);
	if (print_tags_top_is(T, "Table"))
		print_tags_push(T, want, 0);
}

/* Lists: b->list is the depth of lists the block stands in; a block with a
 * marker starts an item (its Lbl and LBody follow when it is drawn). */
static void print_tags_enter_list(print_tags *T, const print_block *b)
{
	int n = print_tags_lists(T);
	while (n > b->list) {
		while (T->depth && !print_tags_top_is(T, "L"))
			print_tags_pop(T);
		print_tags_pop(T);
		n--;
	}
	if (b->list == 0)
		return;
	if (n == b->list && b->marker)
		while (T->depth && !print_tags_top_is(T, "L"))
			print_tags_pop(T);
	while (n < b->list) {
		if (n == 0)
			print_tags_to_flow(T);
		else if (print_tags_top_is(T, "L")) { /* a list right inside a list */
			print_tags_push(T, "LI", 0);
			print_tags_push(T, "LBody", 0);
		}
		print_tags_push(T, "L", ++n);
	}
	if (b->marker)
		print_tags_push(T, "LI", 0);
	else if (print_tags_top_is(T, "L")) { /* more of an item without marker */
		print_tags_push(T, "LI", 0);
		print_tags_push(T, "LBody", 0);
	}
}

void print_tags_enter(print_tags *T, print_doc *pd, int bi, bool head_row)
{
	const print_block *b = &pd->blocks[bi];
	T->last_block = bi;
	if (b->chapter >= 0 && b->chapter != T->part) {
		print_tags_close(T);
		print_tags_push(T, "Part", b->chapter);
		T->part = b->chapter;
	}
	if (b->heading && b->list == 0) {
		while (T->depth && !print_tags_top_is(T, "Part") &&
		       !(print_tags_top_is(T, "Sect") && T->open[T->depth - 1].level < b->heading))
			print_tags_pop(T);
		print_tags_push(T, "Sect", b->heading);
		return;
	}
	bool caption = b->kind == PB_TEXT && !strcmp(b->tag, "caption") &&
	               (size_t)bi + 1 < pd->n_blocks && pd->blocks[bi + 1].kind == PB_ROW;
	if (b->kind == PB_ROW || caption) {
		print_tags_enter_table(T, pd, bi, head_row);
		return;
	}
	while (T->table >= 0 && T->depth)
		print_tags_pop(T);
	if (b->kind == PB_TOC) {
		if (!print_tags_top_is(T, "TOC")) {
			print_tags_to_flow(T);
			print_tags_push(T, "TOC", 0);
		}
		return;
	}
	if (print_tags_top_is(T, "TOC"))
		print_tags_pop(T);
	print_tags_enter_list(T, b);
}

void print_rect_attr(char *rect, size_t n, double x, double y, double w, double h)
{
	char a[4][G_ASCII_DTOSTR_BUF_SIZE];
	g_ascii_formatd(a[0], sizeof a[0], "%.2f", x);
	g_ascii_formatd(a[1], sizeof a[1], "%.2f", y);
	g_ascii_formatd(a[2], sizeof a[2], "%.2f", w);
	g_ascii_formatd(a[3], sizeof a[3], "%.2f", h);
	snprintf(rect, n, "rect=[%s %s %s %s]", a[0], a[1], a[2], a[3]);
}

/* A footnote's mark links to its note (kitgen-fn-N, a destination drawn
 * with the note): the look stays the same, the link serves those who
 * cannot see where the note is. */
void print_tags_fnref_links(print_doc *pd, cairo_t *cr, const print_itext *t,
                            PangoLayoutLine *line, double x, double top, double h)
{
	int s = line->start_index, e = line->start_index + line->length;
	for (guint k = 0; k < t->fnrefs->len; k++) {
		const print_fnref *r = &g_array_index(t->fnrefs, print_fnref, k);
		if (r->index < s || r->index >= e)
			continue;
		char num[16];
		int len = snprintf(num, sizeof num, "%d", r->fn);
		int *ranges = NULL, nr = 0;
		pango_layout_line_get_x_ranges(line, r->index, MIN(r->index + len, e), &ranges, &nr);
		for (int q = 0; q < nr; q++) {
			char rect[256];
			print_rect_attr(rect, sizeof rect, x + ranges[2 * q] / (double)PANGO_SCALE, top,
			                (ranges[2 * q + 1] - ranges[2 * q]) / (double)PANGO_SCALE, h);
			char *attr = g_strdup_printf("%s dest='kitgen-fn-%d'", rect, r->fn);
			print_tag_begin(pd->tags, CAIRO_TAG_LINK, attr);
			cairo_tag_end(cr, CAIRO_TAG_LINK);
			g_free(attr);
		}
		g_free(ranges);
	}
}

const char *print_tags_leaf(const print_block *b)
{
	static const char *const h[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
	if (b->heading >= 1 && b->heading <= 6)
		return h[b->heading - 1];
	if (!strcmp(b->tag, "footnote"))
		return "Note";
	if (!strcmp(b->tag, "caption"))
		return "Caption";
	return "P";
}

bool print_tags_continues(const print_tags *T, int bi, int first_line)
{
	return first_line > 0 && T->last_block == bi;
}

/* cairo ends a leaf with its page (content of an element open across a
 * page break would take in the running heads drawn there), so each part
 * is an element of its own, and finishing (finish.c) merges the later
 * parts into the first: one P, as the paragraph is one. */
int print_tags_part_begin(print_tags *T, const char *name, const void *key, bool first)
{
	int el = print_tag_begin(T, name, NULL);
	gpointer first_el = g_hash_table_lookup(T->leaf_of, key);
	if (!first && first_el) {
		char v[16];
		snprintf(v, sizeof v, "%d", GPOINTER_TO_INT(first_el) - 1);
		print_tag_attr_set(T, el, "Continues", v);
	} else if (first)
		g_hash_table_insert(T->leaf_of, (gpointer)key, GINT_TO_POINTER(el + 1));
	return el;
}

int print_tags_leaf_begin(print_tags *T, const print_block *b, int first_line)
{
	return print_tags_part_begin(T, print_tags_leaf(b), b, first_line == 0);
}

/* ---- languages within a paragraph ----------------------------------- */

struct print_line_langs {
	const char *base;      /* the element's language */
	GPtrArray *spans;      /* PangoAttrLanguage of the layout, but base's */
};

/* Scripts that only one language writes: text in them is in that
 * language whatever the paragraph's. Latin, Cyrillic, Han, Devanagari
 * and the like are shared, so their language is not guessed. */
static const char *print_script_lang(GUnicodeScript sc)
{
	switch (sc) {
	case G_UNICODE_SCRIPT_HANGUL:
		return "ko";
	case G_UNICODE_SCRIPT_HIRAGANA:
	case G_UNICODE_SCRIPT_KATAKANA:
		return "ja";
	default:
		return NULL;
	}
}

/* Same primary language subtag: "ko" and "ko-KR" */
static bool print_same_language(const char *a, const char *b)
{
	size_t n = strcspn(a, "-_"), m = strcspn(b, "-_");
	return n == m && !g_ascii_strncasecmp(a, b, n);
}

static gboolean print_collect_lang(PangoAttribute *a, gpointer data)
{
	if (a->klass->type == PANGO_ATTR_LANGUAGE)
		g_ptr_array_add(data, a);
	return FALSE; /* kept in the list */
}

print_line_langs *print_tags_langs_new(PangoLayout *layout, const char *doc_lang)
{
	PangoAttrList *attrs = pango_layout_get_attributes(layout);
	GPtrArray *all = g_ptr_array_new();
	if (attrs) {
		PangoAttrList *none = pango_attr_list_filter(attrs, print_collect_lang, all);
		if (none)
			pango_attr_list_unref(none);
	}
	/* the element's own: print_inline_finish sets it on the whole text */
	const char *base = doc_lang;
	for (guint i = 0; i < all->len; i++) {
		PangoAttribute *a = all->pdata[i];
		if (a->start_index == 0 && a->end_index == PANGO_ATTR_INDEX_TO_TEXT_END)
			base = pango_language_to_string(((PangoAttrLanguage *)a)->value);
	}
	bool other = false;
	GPtrArray *spans = g_ptr_array_new();
	for (guint i = 0; i < all->len; i++) {
		PangoAttribute *a = all->pdata[i];
		const char *l = pango_language_to_string(((PangoAttrLanguage *)a)->value);
		if (a->start_index == 0 && a->end_index == PANGO_ATTR_INDEX_TO_TEXT_END)
			continue;
		g_ptr_array_add(spans, a);
		other |= !base || g_ascii_strcasecmp(l, base);
	}
	g_ptr_array_free(all, TRUE);
	for (const char *s = pango_layout_get_text(layout); !other && base && *s;
	     s = g_utf8_next_char(s)) {
		const char *l = print_script_lang(g_unichar_get_script(g_utf8_get_char(s)));
		other = l && !print_same_language(l, base);
	}
	if (!other || !base) {
		g_ptr_array_free(spans, TRUE);
		return NULL;
	}
	print_line_langs *L = g_new0(print_line_langs, 1);
	L->base = base;
	L->spans = spans;
	return L;
}

void print_tags_langs_free(print_line_langs *L)
{
	if (!L)
		return;
	g_ptr_array_free(L->spans, TRUE);
	g_free(L);
}

/* A run's language when it is not the element's, else NULL: the
 * innermost span with a lang around it, else its script's language. */
static const char *print_run_lang(const print_line_langs *L, const PangoLayoutRun *run)
{
	guint at = (guint)run->item->offset;
	const PangoAttribute *in = NULL;
	for (guint i = 0; i < L->spans->len; i++) {
		const PangoAttribute *a = L->spans->pdata[i];
		if (a->start_index <= at && at < a->end_index &&
		    (!in || a->start_index > in->start_index ||
		     (a->start_index == in->start_index && a->end_index < in->end_index)))
			in = a;
	}
	const char *l = in ? pango_language_to_string(((PangoAttrLanguage *)in)->value) : L->base;
	const char *s = print_script_lang((GUnicodeScript)run->item->analysis.script);
	if (s && !print_same_language(s, l))
		l = s;
	return g_ascii_strcasecmp(l, L->base) ? l : NULL;
}

/* What pango_cairo_show_glyph_item does not draw: a line with these is
 * drawn whole (its runs then stay in the element's language). */
static bool print_run_plain(const PangoLayoutRun *run)
{
	if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE)
		return false;
	for (GSList *l = run->item->analysis.extra_attrs; l; l = l->next) {
		const PangoAttribute *a = l->data;
		switch (a->klass->type) {
		case PANGO_ATTR_BACKGROUND:
		case PANGO_ATTR_SHAPE:
			return false;
		case PANGO_ATTR_UNDERLINE:
		case PANGO_ATTR_OVERLINE:
		case PANGO_ATTR_STRIKETHROUGH:
			if (((const PangoAttrInt *)a)->value)
				return false;
			break;
		default:
			break;
		}
	}
	return true;
}

static void print_show_run(cairo_t *cr, const char *text, PangoLayoutRun *run)
{
	cairo_save(cr);
	for (GSList *l = run->item->analysis.extra_attrs; l; l = l->next) {
		const PangoAttribute *a = l->data;
		if (a->klass->type == PANGO_ATTR_FOREGROUND) {
			const PangoColor *c = &((const PangoAttrColor *)a)->color;
			cairo_set_source_rgb(cr, c->red / 65535.0, c->green / 65535.0, c->blue / 65535.0);
		}
	}
	pango_cairo_show_glyph_item(cr, text, run);
	cairo_restore(cr);
}

void print_tags_show_line(print_tags *T, cairo_t *cr, PangoLayout *layout,
                          PangoLayoutLine *line, const print_line_langs *L)
{
	bool split = false, plain = true;
	for (GSList *r = L ? line->runs : NULL; r; r = r->next) {
		split |= print_run_lang(L, r->data) != NULL;
		plain &= print_run_plain(r->data);
	}
	if (!split || !plain) {
		print_tag_begin(T, "Span", NULL);
		pango_cairo_show_layout_line(cr, line);
		print_tag_end(T, "Span");
		return;
	}
	/* the runs one by one, as pango_renderer_draw_layout_line places
	 * them, each language's in a Span of its own */
	const char *text = pango_layout_get_text(layout);
	double x0, y0;
	cairo_get_current_point(cr, &x0, &y0);
	int x_off = 0;
	const char *cur = NULL;
	bool open = false;
	for (GSList *r = line->runs; r; r = r->next) {
		PangoLayoutRun *run = r->data;
		const char *l = print_run_lang(L, run);
		if (!open || g_strcmp0(l, cur)) {
			if (open)
				print_tag_end(T, "Span");
			int el = print_tag_begin(T, "Span", NULL);
			if (l)
				print_tag_attr_set(T, el, "Lang", l);
			cur = l;
			open = true;
		}
		x_off += run->start_x_offset;
		cairo_move_to(cr, x0 + x_off / (double)PANGO_SCALE,
		              y0 - run->y_offset / (double)PANGO_SCALE);
		print_show_run(cr, text, run);
		x_off += pango_glyph_string_get_width(run->glyphs) + run->end_x_offset;
	}
	if (open)
		print_tag_end(T, "Span");
}
