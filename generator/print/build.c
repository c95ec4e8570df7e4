/* print build: the print document's XML tree to a flat list of blocks
 * (paragraphs, headings, list items, rules, images, table rows, TOC
 * entries), each with its computed style, position and spacing. */
#include "print_int.h"

#include <stdlib.h>
#include <string.h>

#define PRINT_MAX_ANC 48
#define PRINT_MAX_PANELS 16
/* lists of this many items and tables of this many body rows or fewer
 * stay on one page */
#define PRINT_SHORT 6

/* A panel opened and waiting for its first block: the space pending
 * outside it when it opened, and its padding. */
typedef struct {
	int panel;
	double outer, pad;
} print_await;

typedef struct {
	print_doc *pd;
	print_await await[PRINT_MAX_PANELS];
	int n_await;
	double anchor_outer;   /* space pending before a bottom run opened */
	bool anchor_wait;
	double col_x, col_w;   /* the measure a column group divides */
	const char *anc[PRINT_MAX_ANC];
	size_t n_anc;
	double pending_space;
	bool pending_break, in_cover, first_cover_block, in_nav;
	char *pending_marker;
	GPtrArray *pending_ids;
	int chapter;
	int list_depth;
	int n_generated_ids;
	int n_parts;
} print_builder;

typedef struct {
	print_cstyle cs;
	const char *lang;
	double x, w, bar_x;
} print_bctx;

static void print_build_node(print_builder *B, xmlNodePtr n, const print_bctx *c);
static bool print_node_inline(xmlNodePtr k);
static void print_build_children(print_builder *B, xmlNodePtr n, const char *tag,
                                 const print_bctx *c);

print_block *print_doc_add_block(print_doc *pd, pb_kind kind)
{
	if (pd->n_blocks == pd->cap_blocks) {
		pd->cap_blocks = pd->cap_blocks ? 2 * pd->cap_blocks : 64;
		pd->blocks = g_renew(print_block, pd->blocks, pd->cap_blocks);
	}
	print_block *b = &pd->blocks[pd->n_blocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->bar_x = -1;
	b->table = b->row = -1;
	b->chapter = -1;
	b->toc_target = -1;
	b->colgroup = pd->building.colgroup;
	b->anchor = pd->building.anchor;
	b->bare = pd->building.bare;
	b->list = pd->building.list;
	return b;
}

void print_block_clear(print_block *b)
{
	print_itext_clear(&b->t);
	g_free(b->id);
	g_free(b->marker);
	g_free(b->plain);
	g_free(b->line_top);
	g_free(b->baseline);
	g_free(b->img_path);
	if (b->layout)
		g_object_unref(b->layout);
}

static void print_register_id(print_builder *B, const char *id, size_t block)
{
	if (!g_hash_table_contains(B->pd->ids, id))
		g_hash_table_insert(B->pd->ids, g_strdup(id), GINT_TO_POINTER((int)block + 1));
	else
		diag_warn(B->pd->d, B->pd->file, 0, 0, "ids must be unique",
		          "print: duplicate id '%s'", id);
}

/* Gives a new block what the builder holds for "the next block". */
static void print_commit(print_builder *B, print_block *b, xmlNodePtr n,
                         const print_bctx *c)
{
	size_t idx = (size_t)(b - B->pd->blocks);
	b->space_before = B->pending_space;
	b->break_before = B->pending_break;
	B->pending_space = 0;
	B->pending_break = false;
	b->cover = B->in_cover;
	b->chapter = B->chapter;
	b->bar_x = c->bar_x;
	b->lang = c->lang;
	b->src_line = n ? (int)xmlGetLineNo(n) : 0;
	if (B->n_await) {
		/* the panels that open here: each one's top edge lies its padding
		 * (and what stands inside it before this block) above the block */
		double off = b->space_before;
		for (int k = B->n_await - 1; k >= 0; k--) {
			print_panel *p = &g_array_index(B->pd->panels, print_panel,
			                                B->await[k].panel);
			off += B->await[k].pad;
			p->top_off = off;
			p->first = (int)idx;
			if (k > 0)
				off += B->await[k].outer;
		}
		b->space_before = B->await[0].outer + off;
		B->n_await = 0;
	}
	if (B->anchor_wait) {
		g_array_index(B->pd->anchors, print_anchor_run, B->pd->building.anchor).first = (int)idx;
		g_array_index(B->pd->anchors, print_anchor_run, B->pd->building.anchor).lead =
			b->space_before - B->anchor_outer;
		B->anchor_wait = false;
	}
	if (B->first_cover_block && B->in_cover) {
		b->keep_space = 1;
		double top = B->pd->st->cover_top - B->pd->st->m_top;
		b->space_before = top > 0 ? top : 0;
		B->first_cover_block = false;
	}
	for (guint i = 0; i < B->pending_ids->len; i++) {
		const char *id = B->pending_ids->pdata[i];
		if (!b->id)
			b->id = g_strdup(id);
		print_register_id(B, id, idx);
	}
	g_ptr_array_set_size(B->pending_ids, 0);
}

static const char *const print_para_tags[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "caption",
	"address", "summary", "legend", "label", "pre", NULL};

static bool print_is_para(const char *tag)
{
	for (int i = 0; print_para_tags[i]; i++)
		if (!strcmp(tag, print_para_tags[i]))
			return true;
	return false;
}

static bool print_is_skipped(const char *tag)
{
	return !strcmp(tag, "head") || !strcmp(tag, "script") ||
	       !strcmp(tag, "style") || !strcmp(tag, "title") ||
	       !strcmp(tag, "meta") || !strcmp(tag, "link") ||
	       !strcmp(tag, "template");
}

/* styled: c is the img's own context; else its paragraph's. */
static void print_image_block(print_builder *B, xmlNodePtr img, const print_bctx *c,
                              bool styled)
{
	const char *src = print_prop(img, "src");
	print_block *b = print_doc_add_block(B->pd, PB_IMAGE);
	b->tag = g_intern_static_string("img");
	b->cs = c->cs;
	if (!styled)
		print_style_compute(B->pd->st, &c->cs, "img", print_prop(img, "class"),
		                    B->anc, B->n_anc, &b->cs);
	b->x = c->x;
	b->w = c->w;
	print_commit(B, b, img, c);
	const char *id = print_prop(img, "id");
	if (id && *id && !b->id) {
		b->id = g_strdup(id);
		print_register_id(B, id, (size_t)(b - B->pd->blocks));
	}
	b->img_path = print_image_resolve(B->pd, src, b->src_line);
	b->img_svg = src && g_str_has_suffix(src, ".svg");
	const char *alt = print_prop(img, "alt");
	b->plain = g_strdup(alt ? alt : "");
}

/* The only element child is an img (Markdown's image paragraphs). */
static xmlNodePtr print_lone_img(xmlNodePtr n)
{
	xmlNodePtr img = NULL;
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (k->type == XML_ELEMENT_NODE) {
			if (img || strcmp((const char *)k->name, "img"))
				return NULL;
			img = k;
		} else if (k->type == XML_TEXT_NODE) {
			for (const char *s = (const char *)k->content; *s; s++)
				if (!strchr(" \t\r\n", *s))
					return NULL;
		}
	}
	return img;
}

/* A paragraph holding a block (a figure a template set inside it, an
 * image between words): its inline runs become paragraphs and the block
 * is built as a block, never flattened into text. */
static bool print_has_block_child(xmlNodePtr n)
{
	for (xmlNodePtr k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !print_node_inline(k))
			return true;
	return false;
}

static void print_heading_extras(print_builder *B, print_block *b, xmlNodePtr n)
{
	print_doc *pd = B->pd;
	size_t idx = (size_t)(b - pd->blocks);
	b->plain = print_inline_plain(n);
	if (!b->id) {
		char *id;
		do
			id = g_strdup_printf("kitgen-h%d", ++B->n_generated_ids);
		while (g_hash_table_contains(pd->ids, id) && (g_free(id), 1));
		b->id = id;
		print_register_id(B, id, idx);
	}
	if (b->heading == 1 && B->chapter >= 0 &&
	    !g_ptr_array_index(pd->chapters, B->chapter))
		pd->chapters->pdata[B->chapter] = g_strdup(b->plain);
	b->src = n;
}

/* Pango sums a paragraph's width in an int of 1/1024 pt: beyond ~2 million
 * points (some 300,000 characters) it overflows and the text comes out as
 * one line. Such a paragraph goes on in continuation blocks, cut at a space
 * every PRINT_CHUNK bytes (the cut line ends short; nothing is lost). */
#define PRINT_CHUNK 120000

static void print_itext_slice(const print_itext *src, print_itext *dst, int a, int b)
{
	print_itext_init(dst);
	g_string_append_len(dst->text, src->text->str + a, b - a);
	pango_attr_list_unref(dst->attrs);
	dst->attrs = pango_attr_list_copy(src->attrs);
	pango_attr_list_update(dst->attrs, b, (int)src->text->len - b, 0);
	pango_attr_list_update(dst->attrs, 0, a, 0);
	for (guint i = 0; i < src->links->len; i++) {
		print_link l = g_array_index(src->links, print_link, i);
		if (l.end <= a || l.start >= b)
			continue;
		l.start = MAX(l.start, a) - a;
		l.end = MIN(l.end, b) - a;
		l.href = g_strdup(l.href);
		g_array_append_val(dst->links, l);
	}
	for (guint i = 0; i < src->fnrefs->len; i++) {
		print_fnref r = g_array_index(src->fnrefs, print_fnref, i);
		if (r.index >= a && r.index < b) {
			r.index -= a;
			g_array_append_val(dst->fnrefs, r);
		}
	}
}

static void print_split_long(print_builder *B, size_t bi)
{
	print_doc *pd = B->pd;
	if (pd->blocks[bi].t.text->len <= PRINT_CHUNK + PRINT_CHUNK / 2)
		return;
	print_block orig = pd->blocks[bi];
	const char *s = orig.t.text->str;
	int len = (int)orig.t.text->len, a = 0;
	size_t at = bi;
	while (a < len) {
		int b = len;
		if (len - a > PRINT_CHUNK + PRINT_CHUNK / 2) {
			b = a + PRINT_CHUNK;
			while (b > a + PRINT_CHUNK / 2 && s[b] != ' ')
				b--;
			if (s[b] != ' ') /* no space: cut between characters */
				b = (int)(g_utf8_find_prev_char(s, s + a + PRINT_CHUNK) - s);
		}
		print_block *nb = at == bi ? &pd->blocks[bi] : print_doc_add_block(pd, PB_TEXT);
		if (at != bi) {
			*nb = orig;
			nb->id = NULL;
			nb->marker = NULL;
			nb->plain = NULL;
			nb->space_before = 0;
			nb->break_before = 0;
			nb->keep_space = 0;
			nb->heading = 0;
			nb->cs.indent = 0;
		}
		print_itext_slice(&orig.t, &nb->t, a, b);
		a = b < len && s[b] == ' ' ? b + 1 : b;
		at++;
	}
	print_itext_clear(&orig.t);
}

/* A text block from the inline nodes first..stop, styled cs. */
static void print_text_block(print_builder *B, xmlNodePtr owner, xmlNodePtr first,
                             xmlNodePtr stop, const char *tag,
                             const print_bctx *c, bool pre)
{
	print_block *b = print_doc_add_block(B->pd, PB_TEXT);
	b->tag = g_intern_string(tag);
	b->cs = c->cs;
	b->x = c->x;
	b->w = c->w;
	print_commit(B, b, owner, c);
	if (c->cs.padding > 0) {
		b->x += c->cs.padding;
		b->w -= 2 * c->cs.padding;
		b->space_before += c->cs.padding;
	}
	b->keep_with_next = c->cs.keep_with_next;
	if (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' && !tag[2])
		b->heading = tag[1] - '0';
	if (B->pending_marker) {
		b->marker = B->pending_marker;
		B->pending_marker = NULL;
	}
	print_itext_init(&b->t);
	print_inline_range(B->pd, first, stop, &b->cs, b->lang, pre, &b->t);
	print_inline_finish(B->pd, &b->t, b->lang);
	print_itext_upper(&b->t, &b->cs);
	size_t idx = (size_t)(b - B->pd->blocks);
	/* panels that open at this block: its own padding is inside them */
	for (guint i = B->pd->panels->len; c->cs.padding > 0 && i-- > 0;) {
		print_panel *p = &g_array_index(B->pd->panels, print_panel, i);
		if (p->first != (int)idx)
			break;
		p->top_off += c->cs.padding;
	}
	if (c->cs.padding > 0 && B->pd->building.anchor >= 0) {
		print_anchor_run *a = &g_array_index(B->pd->anchors, print_anchor_run,
		                                     B->pd->building.anchor);
		if (a->first == (int)idx)
			a->lead += c->cs.padding;
	}
	for (guint i = 0; i < b->t.anchors->len; i++)
		print_register_id(B, g_array_index(b->t.anchors, print_anchor, i).id, idx);
	if (b->heading)
		print_heading_extras(B, b, owner);
	print_split_long(B, idx);
	if (c->cs.padding > 0)
		B->pending_space += c->cs.padding;
}

static bool print_blank_run(xmlNodePtr first, xmlNodePtr stop)
{
	for (xmlNodePtr k = first; k != stop; k = k->next) {
		if (k->type == XML_ELEMENT_NODE)
			return false;
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
			for (const char *s = (const char *)k->content; *s; s++)
				if (!strchr(" \t\r\n", *s))
					return false;
	}
	return true;
}

static bool print_node_inline(xmlNodePtr k)
{
	if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE ||
	    k->type == XML_ENTITY_REF_NODE)
		return true;
	return k->type == XML_ELEMENT_NODE && print_is_inline((const char *)k->name) &&
	       strcmp((const char *)k->name, "img");
}

/* Children of a container: runs of inline content become anonymous
 * paragraphs styled as the container, block children recurse. */
static void print_build_children(print_builder *B, xmlNodePtr n, const char *tag,
                                 const print_bctx *c)
{
	xmlNodePtr k = n->children;
	while (k) {
		if (print_node_inline(k)) {
			xmlNodePtr first = k;
			while (k && print_node_inline(k))
				k = k->next;
			if (!print_blank_run(first, k))
				print_text_block(B, n, first, k, tag, c, false);
			continue;
		}
		if (k->type == XML_ELEMENT_NODE)
			print_build_node(B, k, c);
		k = k->next;
	}
}

static void print_list(print_builder *B, xmlNodePtr n, const print_bctx *c)
{
	bool ordered = !strcmp((const char *)n->name, "ol");
	const char *start = print_prop(n, "start");
	int num = start ? atoi(start) : 1;
	static const char *const bullets[] = {"\xe2\x80\xa2", "\xe2\x80\x93", "\xe2\x97\xa6"};
	B->list_depth++;
	B->pd->building.list = B->list_depth;
	/* first blocks of the list, of the first two and of the last item */
	size_t first = B->pd->n_blocks, second = 0, last = 0;
	int items = 0;
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)k->name, "li")) {
			if (++items == 2)
				second = B->pd->n_blocks;
			last = B->pd->n_blocks;
			const char *v = print_prop(k, "value");
			if (v)
				num = atoi(v);
			g_free(B->pending_marker);
			B->pending_marker = ordered ? g_strdup_printf("%d.", num++)
			                            : g_strdup(bullets[(B->list_depth - 1) % 3]);
		}
		print_build_node(B, k, c);
		g_free(B->pending_marker);
		B->pending_marker = NULL;
	}
	B->list_depth--;
	B->pd->building.list = B->list_depth;
	/* like orphans and widows: a list leaves no lone item at either end of
	 * a page */
	if (items >= 2 && second > 0 && second < B->pd->n_blocks) {
		B->pd->blocks[second - 1].keep_with_next = 1;
		if (last > 0 && last < B->pd->n_blocks)
			B->pd->blocks[last - 1].keep_with_next = 1;
	}
	/* a short list is read as one thing: not split (the paginator says
	 * when it is short enough to move whole: print_kept) */
	if (items <= PRINT_SHORT && B->pd->n_blocks > first + 1 &&
	    B->pd->blocks[first].keep_until < (int)B->pd->n_blocks - 1) {
		B->pd->blocks[first].keep_until = (int)B->pd->n_blocks - 1;
		B->pd->blocks[first].keep_short = 1;
	}
}

/* What a container changes for its subtree, to put back when it closes. */
typedef struct {
	int panel;             /* the panel it opened, or -1 */
	int n_panels;          /* panels before it opened */
	int colgroup, anchor;  /* the builder's, before */
	bool bare, cols, span, anchored;
	double pad;
} print_build_state;

/* A container's own layout: a panel (background, top rule, padding, min
 * height), a run at the page bottom, columns for its children, a span
 * across the columns it sits in, pages without furniture. Narrows c. */
static void print_container_open(print_builder *B, print_bctx *c, bool leaf,
                                 print_build_state *st)
{
	print_doc *pd = B->pd;
	const print_cstyle *cs = &c->cs;
	memset(st, 0, sizeof *st);
	st->panel = -1;
	st->n_panels = (int)pd->panels->len;
	st->colgroup = pd->building.colgroup;
	st->anchor = pd->building.anchor;
	st->bare = pd->building.bare;
	if (cs->bare)
		pd->building.bare = true;
	if (cs->column_span && pd->building.colgroup >= 0) {
		/* the full measure of the columns, then a new group after */
		c->x = B->col_x + cs->margin_left;
		c->w = B->col_w - cs->margin_left - cs->margin_right;
		pd->building.colgroup = -1;
		st->span = true;
	}
	if (cs->at_bottom && pd->building.anchor < 0 && !leaf) {
		print_anchor_run a = {-1, -1, 0, 0};
		g_array_append_val(pd->anchors, a);
		pd->building.anchor = (int)pd->anchors->len - 1;
		B->anchor_outer = B->pending_space;
		B->anchor_wait = true;
		st->anchored = true;
	}
	if (!leaf && (cs->has_bg || cs->border_top > 0 || cs->min_height > 0) &&
	    B->n_await < PRINT_MAX_PANELS) {
		print_panel p = {0};
		p.first = p.last = -1;
		p.colgroup = pd->building.colgroup;
		p.x = c->x;
		p.w = c->w;
		p.min_h = cs->min_height;
		p.pad = cs->padding;
		p.bleed = cs->bleed;
		p.has_bg = cs->has_bg;
		p.bg = cs->bg;
		p.border_top = cs->border_top;
		p.border_color = cs->border_color;
		g_array_append_val(pd->panels, p);
		st->panel = (int)pd->panels->len - 1;
		st->pad = cs->padding;
		B->await[B->n_await++] = (print_await){st->panel, B->pending_space,
		                                       cs->padding + cs->border_top};
		B->pending_space = 0;
		/* padding at the sides only where the panel shows its sides */
		if (cs->has_bg && !cs->bleed && c->w - 2 * cs->padding >= 36) {
			c->x += cs->padding;
			c->w -= 2 * cs->padding;
		}
	}
	if (!leaf && cs->columns >= 2 && pd->building.colgroup < 0) {
		double gap = cs->column_gap > 0 ? cs->column_gap : cs->size * 1.5;
		double cw = (c->w - gap * (cs->columns - 1)) / cs->columns;
		if (cw >= 60) {
			print_colgroup g = {cs->columns, gap, cw, cs->rtl};
			g_array_append_val(pd->colgroups, g);
			pd->building.colgroup = (int)pd->colgroups->len - 1;
			B->col_x = c->x;
			B->col_w = c->w;
			c->w = cw;
			st->cols = true;
		}
	}
}

/* Undoes print_container_open; true when a panel closed (its bottom
 * padding is now pending). */
static bool print_container_close(print_builder *B, const print_bctx *c,
                                  const print_build_state *st)
{
	print_doc *pd = B->pd;
	bool closed = false;
	if (st->cols)
		pd->building.colgroup = -1;
	if (st->panel >= 0) {
		print_panel *p = &g_array_index(pd->panels, print_panel, st->panel);
		if (p->first < 0) { /* made no block: as if it were not there */
			B->pending_space = MAX(B->pending_space, B->await[B->n_await - 1].outer);
			B->n_await--;
			g_array_set_size(pd->panels, (guint)st->n_panels);
		} else {
			p->last = (int)pd->n_blocks - 1;
			p->bot_off = B->pending_space + st->pad;
			B->pending_space = p->bot_off;
			closed = true;
		}
	}
	if (st->anchored) {
		print_anchor_run *a = &g_array_index(pd->anchors, print_anchor_run,
		                                     pd->building.anchor);
		if (a->first < 0) {
			g_array_set_size(pd->anchors, pd->anchors->len - 1);
			B->anchor_wait = false;
		} else {
			a->last = (int)pd->n_blocks - 1;
			a->trail = B->pending_space;
		}
		pd->building.anchor = st->anchor;
	}
	if (st->span) {
		print_colgroup g = g_array_index(pd->colgroups, print_colgroup, st->colgroup);
		g_array_append_val(pd->colgroups, g);
		pd->building.colgroup = (int)pd->colgroups->len - 1;
	}
	pd->building.bare = st->bare;
	(void)c;
	return closed;
}

static void print_build_node(print_builder *B, xmlNodePtr n, const print_bctx *pc)
{
	print_doc *pd = B->pd;
	const char *tag = (const char *)n->name;
	if (print_is_skipped(tag))
		return;
	const char *cls = print_prop(n, "class");
	print_bctx c = *pc;
	const char *lang = print_prop(n, "lang");
	if (lang && *lang)
		c.lang = g_intern_string(lang);
	/* the element's direction: its dir, else that of its language, else
	 * its parent's; the cascade then mirrors its margins */
	print_cstyle parent = pc->cs;
	const char *dir = print_prop(n, "dir");
	if (dir && (!strcmp(dir, "rtl") || !strcmp(dir, "ltr")))
		parent.rtl = !strcmp(dir, "rtl");
	else if (lang && *lang)
		parent.rtl = print_locale_rtl(lang);
	print_style_compute(pd->st, &parent, tag, cls, B->anc, B->n_anc, &c.cs);
	c.x += c.cs.margin_left;
	c.w -= c.cs.margin_left + c.cs.margin_right;
	if (c.w < 36) { /* deep nesting: keep a usable measure */
		c.x = pc->x;
		c.w = pc->w;
	}
	/* a quote's bar stands at the start of its lines */
	if (c.cs.border_left > 0)
		c.bar_x = c.cs.rtl ? pc->x + pc->w - c.cs.border_left / 2
		                   : pc->x + c.cs.border_left / 2;

	print_role role = print_role_of(tag, cls);
	bool is_cover = role == PRINT_ROLE_COVER;
	bool is_part = role == PRINT_ROLE_PART;
	bool is_chapter = role == PRINT_ROLE_CHAPTER || is_part;
	bool is_toc = role == PRINT_ROLE_TOC;
	if (role == PRINT_ROLE_PAGE_BREAK) {
		B->pending_break = true;
		return;
	}
	if (c.cs.space_before > B->pending_space)
		B->pending_space = c.cs.space_before;
	if (c.cs.break_before)
		B->pending_break = true;
	if (is_cover) {
		B->pending_break = pd->n_blocks > 0;
		B->in_cover = B->first_cover_block = true;
	}
	if (is_chapter) {
		const char *title = print_prop(n, "data-title");
		B->chapter = (int)pd->chapters->len;
		g_ptr_array_add(pd->chapters, title && *title ? g_strdup(title) : NULL);
		/* chapters flow; only a major part starts a page, so that a short
		 * chapter leaves no half-empty page behind */
		if (is_part)
			B->pending_break = pd->n_blocks > 0;
	}
	const char *id = print_prop(n, "id");
	if (id && *id)
		g_ptr_array_add(B->pending_ids, g_strdup(id));
	size_t first_block = pd->n_blocks;
	bool pushed = false;
	if (cls && B->n_anc < PRINT_MAX_ANC) {
		B->anc[B->n_anc++] = cls;
		pushed = true;
	}
	bool leaf = !strcmp(tag, "img") || !strcmp(tag, "hr") || !strcmp(tag, "table") ||
	            print_is_para(tag);
	print_build_state saved;
	print_container_open(B, &c, leaf, &saved);

	if (!strcmp(tag, "img")) {
		print_image_block(B, n, &c, true);
	} else if (!strcmp(tag, "hr")) {
		print_block *b = print_doc_add_block(pd, PB_RULE);
		b->tag = g_intern_static_string("hr");
		b->cs = c.cs;
		b->x = c.x;
		b->w = c.w;
		print_commit(B, b, n, &c);
		b->height = c.cs.border_bottom > 0 ? c.cs.border_bottom : 0.75;
	} else if (!strcmp(tag, "table")) {
		for (xmlNodePtr k = n->children; k; k = k->next)
			if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "caption")) {
				print_bctx cc = c;
				print_style_compute(pd->st, &c.cs, "caption", print_prop(k, "class"),
				                    B->anc, B->n_anc, &cc.cs);
				cc.cs.keep_with_next = true;
				if (cc.cs.space_before > B->pending_space)
					B->pending_space = cc.cs.space_before;
				print_text_block(B, k, k->children, NULL, "caption", &cc, false);
				B->pending_space = cc.cs.space_after;
			}
		size_t before = pd->n_blocks;
		print_table_build(pd, n, &c.cs, c.lang, c.x, c.w, B->anc, B->n_anc);
		if (pd->n_blocks > before + 1 && pd->n_tables > 0) {
			const print_table *t = &pd->tables[pd->n_tables - 1];
			if (t->n_rows - t->n_head <= PRINT_SHORT &&
			    pd->blocks[before].keep_until < (int)pd->n_blocks - 1) {
				pd->blocks[before].keep_until = (int)pd->n_blocks - 1;
				pd->blocks[before].keep_short = 1;
			}
		}
		for (size_t i = before; i < pd->n_blocks; i++) {
			print_block *b = &pd->blocks[i];
			if (i == before)
				print_commit(B, b, n, &c);
			else {
				b->cover = B->in_cover;
				b->chapter = B->chapter;
				b->bar_x = c.bar_x;
				b->lang = c.lang;
			}
		}
	} else if (print_is_para(tag)) {
		xmlNodePtr img = print_lone_img(n);
		if (img && strcmp(tag, "pre"))
			print_image_block(B, img, &c, false);
		else if (strcmp(tag, "pre") && print_has_block_child(n))
			print_build_children(B, n, tag, &c);
		else
			print_text_block(B, n, n->children, NULL, tag, &c, !strcmp(tag, "pre"));
	} else if (!strcmp(tag, "ul") || !strcmp(tag, "ol")) {
		print_list(B, n, &c);
	} else {
		bool was_nav = B->in_nav;
		if (is_toc)
			B->in_nav = true;
		print_build_children(B, n, tag, &c);
		if (is_toc) {
			B->in_nav = was_nav;
			print_toc_insert(pd, n, &c.cs, c.lang, c.x, c.w);
			/* the entries are blocks like any other */
			for (size_t i = first_block; i < pd->n_blocks; i++)
				if (pd->blocks[i].kind == PB_TOC) {
					print_block *b = &pd->blocks[i];
					if (i == first_block || pd->blocks[i - 1].kind != PB_TOC)
						print_commit(B, b, n, &c);
					b->chapter = B->chapter;
					b->cover = B->in_cover;
				}
		}
	}
	if (pushed)
		B->n_anc--;
	if (is_part && pd->n_blocks > first_block) {
		/* a named destination where each major part starts: links can
		 * point at it, and a reader (or a test) finds the parts */
		char *pid = g_strdup_printf("kitgen-part-%d", ++B->n_parts);
		print_register_id(B, pid, first_block);
		g_free(pid);
	}
	/* ids of an element that made no block go to the next one */
	/* keep-together: the first block knows where the element ends (an
	 * element taller than a page is split as if it were not kept) */
	if (c.cs.keep_together && pd->n_blocks > first_block + 1 &&
	    pd->blocks[first_block].keep_until <= (int)first_block)
		pd->blocks[first_block].keep_until = (int)pd->n_blocks - 1;
	if (print_container_close(B, &c, &saved))
		B->pending_space += c.cs.space_after; /* after a panel: not collapsed */
	else if (c.cs.space_after > B->pending_space)
		B->pending_space = c.cs.space_after;
	if (is_cover) {
		B->in_cover = B->first_cover_block = false;
		B->pending_break = true;
	}
}

void print_build(print_doc *pd, xmlDocPtr doc)
{
	print_builder B = {0};
	B.pd = pd;
	B.chapter = -1;
	pd->colgroups = g_array_new(FALSE, FALSE, sizeof(print_colgroup));
	pd->panels = g_array_new(FALSE, FALSE, sizeof(print_panel));
	pd->anchors = g_array_new(FALSE, FALSE, sizeof(print_anchor_run));
	pd->building.colgroup = pd->building.anchor = -1;
	B.pending_ids = g_ptr_array_new_with_free_func(g_free);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr body = NULL;
	for (xmlNodePtr k = root ? root->children : NULL; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "body"))
			body = k;
	print_bctx c = {0};
	c.lang = pd->lang;
	c.x = 0;
	c.w = pd->body_w;
	c.bar_x = -1;
	c.cs = pd->body_cs;
	if (body) {
		const char *lang = print_prop(body, "lang");
		if (lang && *lang)
			c.lang = g_intern_string(lang);
		print_build_children(&B, body, "body", &c);
	} else if (root) {
		print_build_children(&B, root, "body", &c);
	}
	g_ptr_array_free(B.pending_ids, TRUE);
	g_free(B.pending_marker);
	print_toc_link(pd);
}
