/* print toc: the entries of nav.toc (one block per heading), their page
 * numbers once pages are known, and the PDF outline from h1..h3. */
#include "print_int.h"

#include <cairo-pdf.h>
#include <string.h>

static bool print_toc_skip(xmlNodePtr n)
{
	const char *tag = (const char *)n->name;
	const char *cls = print_prop(n, "class");
	if (print_role_of(tag, cls) == PRINT_ROLE_COVER)
		return true;
	return !strcmp(tag, "nav") || !strcmp(tag, "head") || !strcmp(tag, "table") ||
	       !strcmp(tag, "p") || !strcmp(tag, "pre") || print_is_inline(tag);
}

static void print_toc_scan(xmlNodePtr n, int depth, GPtrArray *out)
{
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		const char *tag = (const char *)k->name;
		if (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' && !tag[2]) {
			if (tag[1] - '0' <= depth)
				g_ptr_array_add(out, k);
		} else if (!print_toc_skip(k))
			print_toc_scan(k, depth, out);
	}
}

/* Entries for every heading of the document that will be laid out, in
 * order; matched to the heading blocks by node in print_toc_link. */
void print_toc_insert(print_doc *pd, xmlNodePtr nav, const print_cstyle *cs,
                      const char *lang, double x, double w)
{
	GPtrArray *hs = g_ptr_array_new();
	xmlNodePtr root = xmlDocGetRootElement(nav->doc);
	if (root)
		print_toc_scan(root, pd->st->toc_depth, hs);
	if (!pd->toc_nodes)
		pd->toc_nodes = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (guint i = 0; i < hs->len; i++) {
		xmlNodePtr h = hs->pdata[i];
		int level = h->name[1] - '0';
		char cls[16];
		snprintf(cls, sizeof cls, "level-%d", level);
		print_block *b = print_doc_add_block(pd, PB_TOC);
		b->tag = g_intern_static_string("toc");
		print_style_compute(pd->st, cs, "toc", cls, NULL, 0, &b->cs);
		b->keep_with_next = false;
		b->x = x + b->cs.margin_left;
		b->w = w - b->cs.margin_left - b->cs.margin_right;
		b->toc_level = level;
		b->lang = lang;
		b->space_before = b->cs.space_before;
		char *plain = print_inline_plain(h);
		print_itext_init(&b->t);
		g_string_assign(b->t.text, plain);
		g_free(plain);
		print_inline_finish(pd, &b->t, lang);
		g_hash_table_insert(pd->toc_nodes, h, GINT_TO_POINTER((int)(pd->n_blocks)));
	}
	g_ptr_array_free(hs, TRUE);
}

void print_toc_link(print_doc *pd)
{
	if (!pd->toc_nodes)
		return;
	for (size_t i = 0; i < pd->n_blocks; i++) {
		print_block *b = &pd->blocks[i];
		if (!b->heading || !b->src || b->cover)
			continue;
		gpointer e = g_hash_table_lookup(pd->toc_nodes, b->src);
		if (e)
			pd->blocks[GPOINTER_TO_INT(e) - 1].toc_target = (int)i;
	}
}

/* Page numbers of the entries from a pagination; true when one changed
 * (the caller lays out again: a number may move a line, a line a page). */
bool print_toc_resolve(print_doc *pd, const print_layout *l)
{
	(void)l;
	bool moved = false;
	for (size_t i = 0; i < pd->n_blocks; i++) {
		print_block *b = &pd->blocks[i];
		if (b->kind != PB_TOC || b->toc_target < 0)
			continue;
		int page = pd->block_page[b->toc_target] + 1;
		if (page != b->toc_page) {
			b->toc_page = page;
			moved = true;
		}
	}
	return moved;
}

char *print_attr_escape(const char *s)
{
	GString *g = g_string_new(NULL);
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			g_string_append_c(g, '\\');
		g_string_append_c(g, *s);
	}
	return g_string_free(g, FALSE);
}

void print_outline(print_doc *pd, cairo_surface_t *pdf, const print_layout *l)
{
	(void)l;
	int parent[8] = {0};
	int depth = pd->st->outline_depth;
	for (size_t i = 0; i < pd->n_blocks; i++) {
		const print_block *b = &pd->blocks[i];
		if (!b->heading || b->heading > depth || !b->id || b->cover ||
		    pd->block_page[i] < 0 || !b->plain || !*b->plain)
			continue;
		int lv = b->heading;
		int up = 0;
		for (int k = lv - 1; k >= 1; k--)
			if (parent[k]) {
				up = parent[k];
				break;
			}
		char *esc = print_attr_escape(b->id);
		char *attr = g_strdup_printf("dest='%s'", esc);
		int id = cairo_pdf_surface_add_outline(pdf, up, b->plain, attr,
		                                       lv == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		g_free(attr);
		g_free(esc);
		parent[lv] = id;
		for (int k = lv + 1; k < 8; k++)
			parent[k] = 0;
	}
}
