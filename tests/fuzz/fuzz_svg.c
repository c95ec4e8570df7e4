/* fuzz_svg: arbitrary bytes as an SVG file a page links, through svg_clean.
 * What it publishes must parse again, be an <svg> in the SVG namespace,
 * hold nothing that runs or fetches (script, foreignObject, animations,
 * on* attributes, a reference out of the file, url() to elsewhere), and
 * come out the same when cleaned a second time. */
#include "fuzz.h"
#include "load/svg.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_quiet();
	return 0;
}

static void fz_fail(const char *why, const char *svg)
{
	fprintf(stderr, "fuzz_svg: %s in:\n%s\n", why, svg);
	abort();
}

static void fz_check(xmlNodePtr n, const char *svg)
{
	static const char *const banned[] = {"script", "foreignObject", "set", "animate",
	                                     "animateMotion", "animateTransform", "iframe",
	                                     "embed", "object", "handler", "listener", NULL};
	for (xmlNodePtr c = n; c; c = c->next) {
		if (c->type == XML_PI_NODE || c->type == XML_ENTITY_REF_NODE ||
		    c->type == XML_DTD_NODE)
			fz_fail("a processing instruction, entity or DTD", svg);
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!c->ns || strcmp((const char *)c->ns->href, "http://www.w3.org/2000/svg"))
			fz_fail("an element outside the SVG namespace", svg);
		if (g_strv_contains(banned, (const char *)c->name))
			fz_fail("an element that runs or embeds", svg);
		if (!strcmp((const char *)c->name, "style")) {
			xmlChar *css = xmlNodeGetContent(c);
			char *low = g_ascii_strdown(css ? (const char *)css : "", -1);
			if (strstr(low, "@import"))
				fz_fail("a style sheet import", svg);
			for (const char *p = low; (p = strstr(p, "url(")); p += 4)
				if (p[4 + strspn(p + 4, " \t\r\n\"'")] != '#')
					fz_fail("url() out of the file in <style>", svg);
			g_free(low);
			xmlFree(css);
		}
		for (xmlAttrPtr a = c->properties; a; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			char *low = g_ascii_strdown(v ? (const char *)v : "", -1);
			const char *name = (const char *)a->name;
			if (!g_ascii_strncasecmp(name, "on", 2))
				fz_fail("an event handler", svg);
			if ((!strcmp(name, "href") || !strcmp(name, "src")) && low[strspn(low, " \t\r\n")] != '#' &&
			    !g_str_has_prefix(low + strspn(low, " \t\r\n"), "data:image/"))
				fz_fail("a reference out of the file", svg);
			if (strstr(low, "javascript:") || strstr(low, "@import"))
				fz_fail("a script URL or an import", svg);
			for (const char *p = low; (p = strstr(p, "url(")); p += 4)
				if (p[4 + strspn(p + 4, " \t\r\n\"'")] != '#')
					fz_fail("url() out of the file", svg);
			g_free(low);
			xmlFree(v);
		}
		fz_check(c->children, svg);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n, n2;
	char *why = NULL, *why2 = NULL;
	char *clean = svg_clean((const char *)data, size, &n, &why);
	if (!clean) {
		if (!why || !*why)
			abort();
		g_free(why);
		return 0;
	}
	xmlDocPtr doc = xmlReadMemory(clean, (int)n, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                                         XML_PARSE_NOWARNING);
	if (!doc)
		fz_fail("the cleaned SVG does not parse", clean);
	if (doc->intSubset || doc->children != xmlDocGetRootElement(doc) ||
	    xmlDocGetRootElement(doc)->next)
		fz_fail("something beside the root", clean);
	fz_check(xmlDocGetRootElement(doc), clean);
	xmlFreeDoc(doc);
	char *again = svg_clean(clean, n, &n2, &why2);
	if (!again || n2 != n || memcmp(again, clean, n))
		fz_fail("cleaning twice changes it", clean);
	g_free(again);
	g_free(why2);
	g_free(clean);
	return 0;
}
