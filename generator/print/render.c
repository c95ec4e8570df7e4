/* print render: the passes in order (build, measure, paginate, resolve page
 * references until nothing moves, draw) and the PDF file around them. */
#include "print_int.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <glib/gstdio.h>

#define PRINT_MAX_PASSES 4

/* One document at a time goes through Pango and cairo. cairo 1.16 opens
 * FreeType faces (FT_New_Face) on one FT_Library shared by every thread,
 * outside its own lock, and closes the least used face whenever more than
 * ten are open: two documents laid out or drawn in two threads crash in
 * FreeType now and then (two threads, about one document in 600). Worker
 * processes, or a cairo that locks FT_New_Face, would allow PDFs in
 * parallel again. Recursive: print_render lays out with print_layout_doc. */
static GRecMutex print_cairo_lock;

void print_lock(void)
{
	g_rec_mutex_lock(&print_cairo_lock);
}

void print_unlock(void)
{
	g_rec_mutex_unlock(&print_cairo_lock);
}

static char *print_meta(xmlNodePtr head, const char *name)
{
	for (xmlNodePtr k = head ? head->children : NULL; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "meta")) {
			const char *n = print_prop(k, "name");
			const char *c = print_prop(k, "content");
			if (n && c && !strcmp(n, name))
				return g_strdup(c);
		}
	return NULL;
}

static void print_read_head(print_doc *pd, xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), head = NULL;
	const char *lang = root ? print_prop(root, "lang") : NULL;
	pd->lang = lang && *lang ? (char *)g_intern_string(lang) : NULL;
	for (xmlNodePtr k = root ? root->children : NULL; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "head"))
			head = k;
	for (xmlNodePtr k = head ? head->children : NULL; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "title") &&
		    !pd->title) /* the first, as print_meta takes the first <meta> */
			pd->title = print_inline_plain(k);
	pd->author = print_meta(head, "author");
	pd->subject = print_meta(head, "subject");
	pd->keywords = print_meta(head, "keywords");
	pd->page_label = print_meta(head, "page-label");
	pd->paper = print_meta(head, "paper");
	for (xmlNodePtr k = head ? head->children : NULL; pd->paper && k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !g_strcmp0(print_prop(k, "name"), "paper")) {
			pd->paper_line = (int)xmlGetLineNo(k);
			break;
		}
	/* the base direction: dir on the root, else the language's */
	const char *dir = root ? print_prop(root, "dir") : NULL;
	pd->rtl = dir && (!strcmp(dir, "rtl") || !strcmp(dir, "ltr"))
	        ? !strcmp(dir, "rtl") : print_locale_rtl(pd->lang);
}

/* The paper: what the document asks for (a kit's or a language's paper
 * setting, as <meta name="paper">), else the size the style names, else
 * the one of the language's region (en-US: Letter), else the style's
 * default (A4). An unknown name is an error, not a silent A4. */
static void print_doc_paper(print_doc *pd)
{
	const print_style *st = pd->st;
	double w = st->page_w, h = st->page_h;
	if (pd->paper && *pd->paper) {
		if (!print_style_paper(pd->paper, &w, &h)) {
			diag_error(pd->d, pd->file, pd->paper_line, 0, "use A4, A5, Letter or Legal",
			           "print: unknown paper size '%s'", pd->paper);
			w = st->page_w;
			h = st->page_h;
		}
	} else if (!st->page_size_set && !print_locale_paper(pd->lang, &w, &h)) {
		w = st->page_w;
		h = st->page_h;
	}
	pd->page_w = w;
	pd->page_h = h;
	/* the start margin is on the right in a right-to-left document */
	pd->m_left = pd->rtl ? st->m_right : st->m_left;
	pd->m_right = pd->rtl ? st->m_left : st->m_right;
}

static void print_check_links(print_doc *pd, const print_block *bs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const print_itext *t = &bs[i].t;
		for (guint k = 0; t->links && k < t->links->len; k++) {
			const print_link *l = &g_array_index(t->links, print_link, k);
			if (l->href[0] == '#' && !g_hash_table_contains(pd->ids, l->href + 1))
				diag_error(pd->d, pd->file, l->line, 0,
				           "link to an id that exists in the document",
				           "print: link to '%s', which is nowhere in the document",
				           l->href);
		}
	}
}

static void print_doc_free(print_doc *pd)
{
	if (!pd)
		return;
	for (size_t i = 0; i < pd->n_blocks; i++)
		print_block_clear(&pd->blocks[i]);
	for (size_t i = 0; i < pd->n_fnotes; i++)
		print_block_clear(&pd->fnotes[i]);
	for (size_t i = 0; i < pd->n_tables; i++)
		print_table_free(&pd->tables[i]);
	g_free(pd->blocks);
	g_free(pd->fnotes);
	if (pd->colgroups)
		g_array_free(pd->colgroups, TRUE);
	if (pd->panels)
		g_array_free(pd->panels, TRUE);
	if (pd->anchors)
		g_array_free(pd->anchors, TRUE);
	g_free(pd->tables);
	if (pd->chapters)
		g_ptr_array_free(pd->chapters, TRUE);
	if (pd->ids)
		g_hash_table_destroy(pd->ids);
	if (pd->toc_nodes)
		g_hash_table_destroy(pd->toc_nodes);
	g_free(pd->title);
	g_free(pd->author);
	g_free(pd->subject);
	g_free(pd->keywords);
	g_free(pd->page_label);
	g_free(pd->paper);
	g_free(pd->block_page);
	g_free(pd->block_y);
	if (pd->pctx)
		g_object_unref(pd->pctx);
	if (pd->pctx_rtl)
		g_object_unref(pd->pctx_rtl);
	if (pd->fontmap) {
		if (pango_cairo_font_map_get_default() == pd->fontmap)
			pango_cairo_font_map_set_default(NULL);
		g_object_unref(pd->fontmap);
	}
	g_free(pd);
}

static void print_layout_pages_free(print_layout *l)
{
	for (size_t i = 0; i < l->n_pages; i++)
		g_free(l->pages[i].boxes);
	g_free(l->pages);
	l->pages = NULL;
	l->n_pages = 0;
}

void print_layout_free(print_layout *l)
{
	if (!l)
		return;
	print_lock();
	print_layout_pages_free(l);
	print_doc_free(l->doc);
	g_free(l);
	print_unlock();
}

/* Build and measure: everything up to the first pagination. */
static print_doc *print_doc_new(xmlDocPtr doc, const char *base_dir,
                                const print_style *st, diag_list *d)
{
	fonts_ctx *fonts = print_style_fonts(st, d);
	if (!fonts || fonts_count(fonts) == 0)
		return NULL;
	print_doc *pd = g_new0(print_doc, 1);
	pd->st = st;
	pd->d = d;
	pd->file = doc->URL ? (const char *)doc->URL : NULL;
	pd->base_dir = base_dir;
	pd->fontmap = fonts_font_map(fonts);
	/* librsvg lays out SVG text with the thread's default font map: make it
	 * ours while this document lives, so SVG text uses the private fonts */
	pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(pd->fontmap));
	/* one context per base direction: a paragraph's direction follows its
	 * language (layouts do not guess it from their first letter) */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	for (int i = 0; i < 2; i++) {
		PangoContext *ctx = pango_font_map_create_context(pd->fontmap);
		pango_cairo_context_set_font_options(ctx, fo);
		pango_context_set_round_glyph_positions(ctx, FALSE);
		pango_context_set_base_dir(ctx, i ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
		*(i ? &pd->pctx_rtl : &pd->pctx) = ctx;
	}
	cairo_font_options_destroy(fo);
	pd->chapters = g_ptr_array_new_with_free_func(g_free);
	pd->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	print_read_head(pd, doc);
	print_doc_paper(pd);
	xmlNodePtr root = xmlDocGetRootElement(doc), body = NULL;
	for (xmlNodePtr k = root ? root->children : NULL; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "body"))
			body = k;
	print_cstyle base;
	print_style_base(st, &base);
	base.rtl = pd->rtl;
	print_style_compute(st, &base, "body", body ? print_prop(body, "class") : NULL,
	                    NULL, 0, &pd->body_cs);
	pd->body_w = pd->page_w - pd->m_left - pd->m_right;
	print_build(pd, doc);
	print_check_links(pd, pd->blocks, pd->n_blocks);
	print_check_links(pd, pd->fnotes, pd->n_fnotes);
	print_measure(pd);
	return pd;
}

/* Paginate; give TOC entries their pages; again while anything moved. */
static print_layout *print_layout_passes(print_doc *pd)
{
	print_layout *l = NULL;
	int pass = 0;
	for (;;) {
		if (l) {
			print_layout_pages_free(l);
			g_free(l);
		}
		l = print_paginate(pd);
		l->passes = ++pass;
		if (!print_toc_resolve(pd, l) || pass >= PRINT_MAX_PASSES)
			break;
		/* entries keep their height (numbers sit in a fixed column), so a
		 * second pagination only confirms; measured again all the same */
		for (size_t i = 0; i < pd->n_blocks; i++)
			if (pd->blocks[i].kind == PB_TOC)
				print_measure_block(pd, &pd->blocks[i]);
	}
	return l;
}

print_layout *print_layout_doc(xmlDocPtr doc, const char *base_dir,
                               const print_style *style, diag_list *d)
{
	print_lock();
	print_doc *pd = print_doc_new(doc, base_dir, style, d);
	print_layout *l = pd ? print_layout_passes(pd) : NULL;
	print_unlock();
	return l;
}

/* The PDF's date: the caller's (print_style_set_date), else for a tool
 * that has none SOURCE_DATE_EPOCH, else 1970. */
static void print_date(const print_style *style, char *buf, size_t n)
{
	const char *e = style->date_set ? NULL : getenv("SOURCE_DATE_EPOCH");
	time_t t = style->date_set ? (time_t)style->date : 0;
	if (e && *e) {
		char *end;
		long long v = strtoll(e, &end, 10);
		if (!*end && v >= 0)
			t = (time_t)v;
	}
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int print_render_locked(xmlDocPtr doc, const char *base_dir,
                               const print_style *style, const char *pdf_path,
                               diag_list *d)
{
	int errors = d->errors;
	print_layout *l = print_layout_doc(doc, base_dir, style, d);
	if (!l)
		return -1;
	print_doc *pd = l->doc;
	/* write beside the target, rename when complete */
	char *tmp = g_strdup_printf("%s.tmp%d", pdf_path, (int)getpid());
	cairo_surface_t *s = cairo_pdf_surface_create(tmp, pd->page_w, pd->page_h);
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	char date[40];
	print_date(style, date, sizeof date);
	if (pd->title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, pd->title);
	if (pd->author)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, pd->author);
	if (pd->subject)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, pd->subject);
	if (pd->keywords)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, pd->keywords);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "kitgen");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	/* cairo 1.16 has no way to set the document's /Lang. */
	cairo_t *cr = cairo_create(s);
	cairo_tag_begin(cr, "Document", NULL);
	print_draw(pd, cr, s, l);
	print_outline(pd, s, l);
	cairo_tag_end(cr, "Document");
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_status_t status = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (status != CAIRO_STATUS_SUCCESS) {
		diag_error(d, pdf_path, 0, 0, NULL, "print: cairo could not write the PDF: %s",
		           cairo_status_to_string(status));
		g_unlink(tmp);
	} else if (g_rename(tmp, pdf_path) != 0) {
		diag_error(d, pdf_path, 0, 0, NULL, "print: cannot write the PDF: %s",
		           g_strerror(errno));
		g_unlink(tmp);
	}
	g_free(tmp);
	print_layout_free(l);
	return d->errors > errors ? -1 : 0;
}

int print_render(xmlDocPtr doc, const char *base_dir, const print_style *style,
                 const char *pdf_path, diag_list *d)
{
	print_lock();
	int rc = print_render_locked(doc, base_dir, style, pdf_path, d);
	print_unlock();
	return rc;
}
