/* fuzz_markdown: arbitrary Markdown as the body of systems/a/index.en.md in
 * a tiny catalogue, through md_render (cmark-gfm, links and images resolved
 * against the catalogue, raw HTML sanitised when trusted), and the XML it
 * makes serialised. The first byte picks trusted or untrusted raw HTML. */
#include <libxml/tree.h>
#include "fuzz.h"
#include "load/markdown.h"

static fz_catalogue cat;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_quiet();
	fz_catalogue_open(&cat);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	bool trusted = data[0] & 1;
	data++, size--;
	/* Bodies reach md_render as text that passed the UTF-8 check. */
	if (!g_utf8_validate((const char *)data, (gssize)size, NULL) || memchr(data, 0, size))
		return 0;
	diag_list *d = diag_new();
	content_item *a = content_group_item(content_group_find(cat.set, KIND_SYSTEM, "a"), "en");
	content_item it = *a;
	it.body = g_strndup((const char *)data, size);
	it.body_len = size;
	md_context ctx = {cat.set, trusted ? cat.trusted : cat.config, cat.media, d, NULL, NULL};
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr page = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
	xmlDocSetRootElement(doc, page);
	xmlNodePtr toc = NULL;
	xmlNodePtr body = md_render(&ctx, &it, doc, &toc);
	xmlAddChild(page, body);
	xmlAddChild(page, toc);
	xmlBufferPtr buf = xmlBufferCreate();
	xmlNodeDump(buf, doc, page, 0, 0);
	/* What came out must be well-formed XML again (regressions/markdown:
	 * control characters in text and attributes, raw or as &#8;; raw HTML
	 * attribute names that are not XML names). */
	const char *xml = (const char *)xmlBufferContent(buf);
	int xml_len = xmlBufferLength(buf);
	xmlDocPtr back = xmlReadMemory(xml, xml_len, "out.xml", NULL,
	                               XML_PARSE_NONET | XML_PARSE_HUGE);
	if (!back) {
		fz_loud();
		xmlFreeDoc(xmlReadMemory(xml, xml_len, "out.xml", NULL, XML_PARSE_NONET | XML_PARSE_HUGE));
		fprintf(stderr, "md_render made XML that does not parse again:\n%s\n", xml);
		abort();
	}
	xmlFreeDoc(back);
	xmlBufferFree(buf);
	xmlFreeDoc(doc);
	diag_sort(d);
	fz_print_diags(d);
	diag_free(d);
	g_free(it.body);
	return 0;
}
