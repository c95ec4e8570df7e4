/* print build: the print document's XML tree to a flat list of blocks
 * (paragraphs, headings, list items, rules, images, table rows, TOC
 * entries), each with its computed style, position and spacing. */
#include "print_int.h"

#include <stdlib.h>
#include <string.h>

#define PRINT_MAX_ANC 48

typedef struct {
	print_doc *pd;
	const char *anc[PRINT_MAX_ANC];
	size_t n_anc;
	double pending_space;
	bool pending_break, in_cover, first_cover_block, in_nav;
	char *pending_marker;
	GPtrArray *pending_ids;
	int chapter;
	int list_depth;
	int n_generated_ids;
} print_builder;

typedef struct {
	print_cstyle cs;
	const char *lang;
	double x, w, bar_x;
} print_bctx;

static void print_build_node(print_builder *B, xmlNodePtr n, const print_bctx *c);

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

static void print_image_block(print_builder *B, xmlNodePtr img, const print_bctx *c)
{
	const char *src = print_prop(img, "src");
	print_block *b = print_doc_add_block(B->pd, PB_IMAGE);
	b->tag = g_intern_static_string("img");
	b->cs = c->cs;
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
	size_t idx = (size_t)(b - B->pd->blocks);
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
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)k->name, "li")) {
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
	print_style_compute(pd->st, &pc->cs, tag, cls, B->anc, B->n_anc, &c.cs);
	c.x += c.cs.margin_left;
	c.w -= c.cs.margin_left + c.cs.margin_right;
	if (c.w < 36) { /* deep nesting: keep a usable measure */
		c.x = pc->x;
		c.w = pc->w;
	}
	if (c.cs.border_left > 0)
		c.bar_x = pc->x + c.cs.border_left / 2;

	bool is_cover = !strcmp(tag, "section") && cls && print_has_class(cls, "cover");
	bool is_chapter = !strcmp(tag, "section") && cls && print_has_class(cls, "chapter");
	bool is_toc = !strcmp(tag, "nav") && cls && print_has_class(cls, "toc");
	if ((!strcmp(tag, "div") || !strcmp(tag, "hr")) && cls &&
	    print_has_class(cls, "page-break")) {
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

	if (!strcmp(tag, "img")) {
		print_image_block(B, n, &c);
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
			print_image_block(B, img, &c);
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
	/* ids of an element that made no block go to the next one */
	if (c.cs.keep_together && pd->n_blocks > first_block + 1)
		for (size_t i = first_block; i + 1 < pd->n_blocks; i++)
			pd->blocks[i].keep_with_next = 1;
	if (c.cs.space_after > B->pending_space)
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
