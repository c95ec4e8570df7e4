/* print finish: the PDF cairo wrote, finished with libqpdf's C API: what
 * cairo 1.16 cannot write (/Lang, alternative text, table scopes, one
 * element for the parts of a paragraph split by a page, and
 * for PDF/UA-1 + PDF/A-2a artifacts, XMP metadata with the PDF/UA-1 and PDF/A-2a identification,
 * an sRGB output intent, a /ID) and clean ActualText. Deterministic: the
 * /ID is a digest of the content, so the same input gives the same bytes. */
#include "print_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <qpdf/qpdf-c.h>

#ifndef PRINT_SRGB_ICC
#define PRINT_SRGB_ICC "/usr/share/color/icc/sRGB.icc" /* Debian's icc-profiles-free */
#endif

void print_style_set_standard(print_style *s, int standard)
{
	s->standard = standard;
}

int print_standard_parse(const char *name)
{
	if (!g_strcmp0(name, "ua1-a2a") || !g_strcmp0(name, "pdf/ua-1,pdf/a-2a"))
		return PRINT_STANDARD_UA1_A2A;
	if (!g_strcmp0(name, "none"))
		return PRINT_STANDARD_NONE;
	return -1;
}

typedef struct {
	qpdf_data q;
	const print_finish_info *fi;
	GPtrArray *elems;      /* qpdf_oh of each structure element, preorder */
} print_finisher;

static bool oh_key_is(qpdf_data q, qpdf_oh d, const char *key, const char *name)
{
	return qpdf_oh_has_key(q, d, key) &&
	       qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, d, key), name);
}

/* Structure elements in preorder: the order cairo_tag_begin made them. */
static void print_collect_elems(print_finisher *F, qpdf_oh k, int depth)
{
	qpdf_data q = F->q;
	if (depth > 200)
		return;
	if (qpdf_oh_is_array(q, k)) {
		int n = qpdf_oh_get_array_n_items(q, k);
		for (int i = 0; i < n; i++)
			print_collect_elems(F, qpdf_oh_get_array_item(q, k, i), depth);
		return;
	}
	if (!qpdf_oh_is_dictionary(q, k) || !qpdf_oh_has_key(q, k, "/S"))
		return; /* a marked-content id or an object reference */
	g_ptr_array_add(F->elems, GINT_TO_POINTER(k));
	if (qpdf_oh_has_key(q, k, "/K"))
		print_collect_elems(F, qpdf_oh_get_key(q, k, "/K"), depth + 1);
}

static bool oh_same(qpdf_data q, qpdf_oh a, qpdf_oh b)
{
	return qpdf_oh_is_indirect(q, a) && qpdf_oh_is_indirect(q, b) &&
	       qpdf_oh_get_object_id(q, a) == qpdf_oh_get_object_id(q, b);
}

/* An element's /K as an array in the element (a lone kid is wrapped). */
static qpdf_oh print_kids(qpdf_data q, qpdf_oh el)
{
	qpdf_oh k = qpdf_oh_get_key(q, el, "/K");
	if (qpdf_oh_is_array(q, k))
		return k;
	qpdf_oh a = qpdf_oh_new_array(q);
	if (!qpdf_oh_is_null(q, k))
		qpdf_oh_append_item(q, a, k);
	qpdf_oh_replace_key(q, el, "/K", a);
	return a;
}

/* Takes el out of its parent's kids; a parent left without kids (the LI
 * of a list item's later part) goes too. */
static void print_unlink_elem(qpdf_data q, qpdf_oh el)
{
	for (int depth = 0; depth < 200 && qpdf_oh_has_key(q, el, "/P"); depth++) {
		qpdf_oh parent = qpdf_oh_get_key(q, el, "/P");
		if (!oh_key_is(q, parent, "/Type", "/StructElem"))
			return; /* the StructTreeRoot stays */
		qpdf_oh kids = print_kids(q, parent);
		int n = qpdf_oh_get_array_n_items(q, kids);
		for (int i = n - 1; i >= 0; i--)
			if (oh_same(q, qpdf_oh_get_array_item(q, kids, i), el))
				qpdf_oh_erase_item(q, kids, i);
		if (qpdf_oh_get_array_n_items(q, kids) > 0)
			return;
		el = parent;
	}
}

/* The later part of a leaf split across pages (print_tags_leaf_begin)
 * joins the first: its marked content, as references naming their page,
 * and its child elements. The parent tree is mended after (merged). */
static void print_merge_elem(print_finisher *F, qpdf_oh from, qpdf_oh into,
                             GHashTable *merged)
{
	qpdf_data q = F->q;
	if (!qpdf_oh_is_indirect(q, from) || !qpdf_oh_is_indirect(q, into) ||
	    oh_same(q, from, into))
		return;
	qpdf_oh dst = print_kids(q, into);
	qpdf_oh src = print_kids(q, from);
	qpdf_oh pg = qpdf_oh_get_key(q, from, "/Pg");
	int n = qpdf_oh_get_array_n_items(q, src), m = qpdf_oh_get_array_n_items(q, dst);
	/* a row's slices: each cell joins the cell it continues */
	if (oh_key_is(q, from, "/S", "/TR") && n == m) {
		qpdf_oh *cells = g_new(qpdf_oh, n);
		for (int i = 0; i < n; i++)
			cells[i] = qpdf_oh_get_array_item(q, src, i);
		for (int i = 0; i < n; i++)
			print_merge_elem(F, cells[i], qpdf_oh_get_array_item(q, dst, i), merged);
		g_free(cells);
		print_unlink_elem(q, from);
		return;
	}
	for (int i = 0; i < n; i++) {
		qpdf_oh k = qpdf_oh_get_array_item(q, src, i);
		if (qpdf_oh_is_integer(q, k)) {
			qpdf_oh mcr = qpdf_oh_new_dictionary(q);
			qpdf_oh_replace_key(q, mcr, "/Type", qpdf_oh_new_name(q, "/MCR"));
			qpdf_oh_replace_key(q, mcr, "/Pg", pg);
			qpdf_oh_replace_key(q, mcr, "/MCID", k);
			k = mcr;
		} else if (qpdf_oh_is_dictionary(q, k) && qpdf_oh_has_key(q, k, "/S")) {
			qpdf_oh_replace_key(q, k, "/P", into);
			if (!qpdf_oh_has_key(q, k, "/Pg") && !qpdf_oh_is_null(q, pg))
				qpdf_oh_replace_key(q, k, "/Pg", pg);
		}
		qpdf_oh_append_item(q, dst, k);
	}
	print_unlink_elem(q, from);
	g_hash_table_insert(merged, GINT_TO_POINTER(qpdf_oh_get_object_id(q, from)),
	                    GINT_TO_POINTER(into));
}

/* Parent tree entries of merged elements name the element they joined. */
static void print_mend_parents(qpdf_data q, qpdf_oh node, GHashTable *merged, int depth)
{
	if (depth > 32 || !qpdf_oh_is_dictionary(q, node))
		return;
	qpdf_oh kids = qpdf_oh_get_key(q, node, "/Kids");
	for (int i = 0; qpdf_oh_is_array(q, kids) && i < qpdf_oh_get_array_n_items(q, kids); i++)
		print_mend_parents(q, qpdf_oh_get_array_item(q, kids, i), merged, depth + 1);
	qpdf_oh nums = qpdf_oh_get_key(q, node, "/Nums");
	int n = qpdf_oh_is_array(q, nums) ? qpdf_oh_get_array_n_items(q, nums) : 0;
	for (int i = 1; i < n; i += 2) {
		qpdf_oh v = qpdf_oh_get_array_item(q, nums, i);
		int m = qpdf_oh_is_array(q, v) ? qpdf_oh_get_array_n_items(q, v) : 0;
		for (int j = 0; j < m; j++) {
			qpdf_oh e = qpdf_oh_get_array_item(q, v, j);
			gpointer to = qpdf_oh_is_indirect(q, e)
			            ? g_hash_table_lookup(merged, GINT_TO_POINTER(qpdf_oh_get_object_id(q, e)))
			            : NULL;
			if (to)
				qpdf_oh_set_array_item(q, v, j, (qpdf_oh)GPOINTER_TO_INT(to));
		}
	}
}

/* After the attributes: a merged part's own attributes are its first's. */
static void print_merge_parts(print_finisher *F, qpdf_oh tree_root)
{
	qpdf_data q = F->q;
	GHashTable *merged = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (guint i = 0; F->fi->attrs && i < F->fi->attrs->len; i++) {
		const print_tag_attr *a = &g_array_index(F->fi->attrs, print_tag_attr, i);
		int to = atoi(a->value);
		if (strcmp(a->key, "Continues") || a->elem < 0 || (guint)a->elem >= F->elems->len ||
		    to < 0 || (guint)to >= F->elems->len)
			continue;
		print_merge_elem(F, GPOINTER_TO_INT(F->elems->pdata[a->elem]),
		                 GPOINTER_TO_INT(F->elems->pdata[to]), merged);
	}
	if (g_hash_table_size(merged))
		print_mend_parents(q, qpdf_oh_get_key(q, tree_root, "/ParentTree"), merged, 0);
	g_hash_table_destroy(merged);
}

static void print_apply_attrs(print_finisher *F)
{
	qpdf_data q = F->q;
	for (guint i = 0; F->fi->attrs && i < F->fi->attrs->len; i++) {
		const print_tag_attr *a = &g_array_index(F->fi->attrs, print_tag_attr, i);
		if (a->elem < 0 || (guint)a->elem >= F->elems->len)
			continue;
		qpdf_oh el = GPOINTER_TO_INT(F->elems->pdata[a->elem]);
		if (!strcmp(a->key, "Continues"))
			continue; /* print_merge_parts */
		if (!strcmp(a->key, "Scope")) {
			qpdf_oh at = qpdf_oh_new_dictionary(q);
			qpdf_oh_replace_key(q, at, "/O", qpdf_oh_new_name(q, "/Table"));
			char *nm = g_strconcat("/", a->value, NULL);
			qpdf_oh_replace_key(q, at, "/Scope", qpdf_oh_new_name(q, nm));
			g_free(nm);
			qpdf_oh_replace_key(q, el, "/A", at);
		} else if (!strcmp(a->key, "ID")) { /* a byte string, unique */
			qpdf_oh_replace_key(q, el, "/ID", qpdf_oh_new_string(q, a->value));
		} else {
			char *key = g_strconcat("/", a->key, NULL);
			qpdf_oh_replace_key(q, el, key, qpdf_oh_new_unicode_string(q, a->value));
			g_free(key);
		}
	}
}

/* Annotations: printable (PDF/A), described (PDF/UA); tab order follows
 * the structure. */
static void print_finish_annots(print_finisher *F, qpdf_oh page)
{
	qpdf_data q = F->q;
	if (!qpdf_oh_has_key(q, page, "/Annots"))
		return;
	qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"));
	qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
	int n = qpdf_oh_get_array_n_items(q, annots);
	for (int i = 0; i < n; i++) {
		qpdf_oh a = qpdf_oh_get_array_item(q, annots, i);
		qpdf_oh_replace_key(q, a, "/F", qpdf_oh_new_integer(q, 4));
		if (qpdf_oh_has_key(q, a, "/Contents"))
			continue;
		char *desc = NULL;
		qpdf_oh act = qpdf_oh_get_key(q, a, "/A");
		if (qpdf_oh_is_dictionary(q, act) && qpdf_oh_has_key(q, act, "/URI"))
			desc = g_strdup(qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, act, "/URI")));
		else
			desc = g_strdup("Link within this document");
		qpdf_oh_replace_key(q, a, "/Contents", qpdf_oh_new_unicode_string(q, desc));
		g_free(desc);
	}
}

static bool print_finish_pages(print_finisher *F)
{
	qpdf_data q = F->q;
	int n = qpdf_get_num_pages(q);
	bool ua = F->fi->standard != PRINT_STANDARD_NONE;
	for (int i = 0; i < n; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		unsigned char *buf = NULL;
		size_t len = 0;
		if (qpdf_oh_get_page_content_data(q, page, &buf, &len) != QPDF_SUCCESS) {
			free(buf); /* qpdf may have filled it before its warning */
			return false;
		}
		GString *c = print_content_finish((const char *)buf, len, ua);
		free(buf);
		qpdf_oh st = qpdf_oh_new_stream(q);
		qpdf_oh_replace_stream_data(q, st, (const unsigned char *)c->str, c->len,
		                            qpdf_oh_new_null(q), qpdf_oh_new_null(q));
		g_string_free(c, TRUE);
		qpdf_oh_replace_key(q, page, "/Contents", st);
		if (ua)
			print_finish_annots(F, page);
	}
	return true;
}

static void xml_text(GString *g, const char *s)
{
	char *e = g_markup_escape_text(s ? s : "", -1);
	g_string_append(g, e);
	g_free(e);
}

/* XMP that says what the Info dictionary says (PDF/A wants both to agree)
 * and which standards the file claims, with the extension schema PDF/A
 * asks for to declare pdfuaid. */
static char *print_xmp(print_finisher *F)
{
	qpdf_data q = F->q;
	const print_finish_info *fi = F->fi;
	const char *producer = qpdf_get_info_key(q, "/Producer");
	GString *g = g_string_new("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	                          "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	                          "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	                          "<rdf:Description rdf:about=\"\"\n"
	                          " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	                          " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	                          " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	                          " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
	                          " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
	                          " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	                          " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	                          " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n");
	g_string_append(g, "<dc:format>application/pdf</dc:format>\n");
	if (fi->title) {
		g_string_append(g, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_text(g, fi->title);
		g_string_append(g, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if (fi->author) {
		g_string_append(g, "<dc:creator><rdf:Seq><rdf:li>");
		xml_text(g, fi->author);
		g_string_append(g, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (fi->subject) {
		g_string_append(g, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_text(g, fi->subject);
		g_string_append(g, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if (fi->lang) {
		g_string_append(g, "<dc:language><rdf:Bag><rdf:li>");
		xml_text(g, fi->lang);
		g_string_append(g, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	g_string_append(g, "<xmp:CreatorTool>kitgen</xmp:CreatorTool>\n<xmp:CreateDate>");
	xml_text(g, fi->date);
	g_string_append(g, "</xmp:CreateDate>\n<xmp:ModifyDate>");
	xml_text(g, fi->date);
	g_string_append(g, "</xmp:ModifyDate>\n<pdf:Producer>");
	xml_text(g, producer);
	g_string_append(g, "</pdf:Producer>\n");
	if (fi->keywords) {
		g_string_append(g, "<pdf:Keywords>");
		xml_text(g, fi->keywords);
		g_string_append(g, "</pdf:Keywords>\n");
	}
	g_string_append(g, "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n"
	                   "<pdfuaid:part>1</pdfuaid:part>\n"
	                   "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
	                   "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
	                   "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
	                   "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	                   "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
	                   "<pdfaProperty:name>part</pdfaProperty:name>\n"
	                   "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	                   "<pdfaProperty:category>internal</pdfaProperty:category>\n"
	                   "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
	                   "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
	                   "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
	                   "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
	return g_string_free(g, FALSE);
}

static bool print_output_intent(print_finisher *F, diag_list *d, const char *target)
{
	qpdf_data q = F->q;
	const char *env = g_getenv("KITGEN_SRGB_ICC");
	const char *path = env && *env ? env : PRINT_SRGB_ICC;
	gchar *icc = NULL;
	gsize n = 0;
	if (!g_file_get_contents(path, &icc, &n, NULL)) {
		diag_error(d, target, 0, 0, "install Debian's icc-profiles-free (make does), or "
		           "build with --pdf-standard none",
		           "print: no sRGB profile at %s for the PDF/A output intent", path);
		return false;
	}
	qpdf_oh prof = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, prof, (const unsigned char *)icc, n,
	                            qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	g_free(icc);
	qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, prof), "/N", qpdf_oh_new_integer(q, 3));
	qpdf_oh oi = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, oi, "/Type", qpdf_oh_new_name(q, "/OutputIntent"));
	qpdf_oh_replace_key(q, oi, "/S", qpdf_oh_new_name(q, "/GTS_PDFA1"));
	qpdf_oh_replace_key(q, oi, "/OutputConditionIdentifier",
	                    qpdf_oh_new_string(q, "sRGB IEC61966-2.1"));
	qpdf_oh_replace_key(q, oi, "/Info", qpdf_oh_new_string(q, "sRGB IEC61966-2.1"));
	qpdf_oh_replace_key(q, oi, "/DestOutputProfile", prof);
	qpdf_oh arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, qpdf_make_indirect_object(q, oi));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/OutputIntents", arr);
	return true;
}

/* cairo 1.16 writes the Info dates without their "D:" */
static void print_finish_dates(qpdf_data q)
{
	static const char *const keys[] = {"/CreationDate", "/ModDate"};
	for (int i = 0; i < 2; i++) {
		const char *v = qpdf_get_info_key(q, keys[i]);
		if (v && strncmp(v, "D:", 2)) {
			char *fixed = g_strconcat("D:", v, NULL);
			qpdf_set_info_key(q, keys[i], fixed);
			g_free(fixed);
		}
	}
}

static bool print_finish_catalog(print_finisher *F, diag_list *d, const char *target)
{
	qpdf_data q = F->q;
	qpdf_oh root = qpdf_get_root(q);
	print_finish_dates(q);
	qpdf_oh mi = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, mi, "/Marked", qpdf_oh_new_bool(q, QPDF_TRUE));
	qpdf_oh_replace_key(q, root, "/MarkInfo", mi);
	qpdf_oh vp = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, vp, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE));
	qpdf_oh_replace_key(q, root, "/ViewerPreferences", vp);
	char *xmp = print_xmp(F);
	qpdf_oh md = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, md, (const unsigned char *)xmp, strlen(xmp),
	                            qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	g_free(xmp);
	qpdf_oh mdd = qpdf_oh_get_dict(q, md);
	qpdf_oh_replace_key(q, mdd, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, mdd, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, root, "/Metadata", md);
	if (!oh_key_is(q, root, "/PageMode", "/UseOutlines") &&
	    qpdf_oh_has_key(q, root, "/Outlines"))
		qpdf_oh_replace_key(q, root, "/PageMode", qpdf_oh_new_name(q, "/UseOutlines"));
	return print_output_intent(F, d, target);
}

static bool print_qpdf_failed(qpdf_data q, diag_list *d, const char *target)
{
	if (!qpdf_has_error(q))
		return false;
	qpdf_error e = qpdf_get_error(q);
	diag_error(d, target, 0, 0, NULL, "print: finishing the PDF failed: %s",
	           qpdf_get_error_full_text(q, e));
	return true;
}

int print_finish(const char *path, const print_finish_info *fi, const char *target,
                 diag_list *d)
{
	print_finisher F = {0};
	F.fi = fi;
	F.q = qpdf_init();
	F.elems = g_ptr_array_new();
	qpdf_set_suppress_warnings(F.q, QPDF_TRUE);
	char *out = g_strconcat(path, ".fin", NULL);
	int rc = -1;
	if (qpdf_read(F.q, path, NULL) & QPDF_ERRORS) {
		print_qpdf_failed(F.q, d, target);
		goto done;
	}
	bool std = fi->standard != PRINT_STANDARD_NONE;
	if (!print_finish_pages(&F) || print_qpdf_failed(F.q, d, target))
		goto done;
	/* what the tags could not say helps every reader: written either way */
	qpdf_oh root = qpdf_get_root(F.q);
	qpdf_oh tree_root = qpdf_oh_get_key(F.q, root, "/StructTreeRoot");
	if (qpdf_oh_is_dictionary(F.q, tree_root))
		print_collect_elems(&F, qpdf_oh_get_key(F.q, tree_root, "/K"), 0);
	print_apply_attrs(&F);
	if (qpdf_oh_is_dictionary(F.q, tree_root))
		print_merge_parts(&F, tree_root);
	if (fi->lang)
		qpdf_oh_replace_key(F.q, root, "/Lang", qpdf_oh_new_unicode_string(F.q, fi->lang));
	if (std && (!print_finish_catalog(&F, d, target) || print_qpdf_failed(F.q, d, target)))
		goto done;
	if (qpdf_init_write(F.q, out) & QPDF_ERRORS) {
		print_qpdf_failed(F.q, d, target);
		goto done;
	}
	qpdf_set_deterministic_ID(F.q, QPDF_TRUE);
	qpdf_set_object_stream_mode(F.q, qpdf_o_generate);
	qpdf_set_compress_streams(F.q, QPDF_TRUE);
	if (qpdf_write(F.q) & QPDF_ERRORS) {
		print_qpdf_failed(F.q, d, target);
		goto done;
	}
	if (g_rename(out, path) != 0) {
		diag_error(d, target, 0, 0, NULL, "print: cannot write the PDF: %s",
		           g_strerror(errno));
		goto done;
	}
	rc = 0;
done:
	if (rc)
		g_unlink(out);
	g_free(out);
	g_ptr_array_free(F.elems, TRUE);
	qpdf_cleanup(&F.q);
	return rc;
}
