/* svg: parse with libxml2 (no network, no entities expanded, no DTD
 * loaded), keep the SVG elements and attributes that only draw, and write
 * the tree again. A browser opening the published file, directly or as an
 * <img>, then finds nothing to run and nothing to fetch. */
#include <string.h>
#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "load/svg.h"
#include "core/xmltext.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define SVG_XLINK_NS "http://www.w3.org/1999/xlink"

/* Elements that run, embed other documents or change attributes over time
 * (an <animate> or <set> can turn an href into javascript: after the
 * cleaning). */
static const char *const svg_drop_elements[] = {
	"script", "foreignObject", "iframe", "embed", "object", "handler", "listener",
	"set", "animate", "animateMotion", "animateTransform", "animateColor", "discard",
	"audio", "video", "canvas", NULL};

/* A reference that stays inside the file: "#id", or a picture written into
 * it (raster only: an SVG data URL could carry a script again). */
static bool svg_local_ref(const char *v)
{
	while (*v && g_ascii_isspace(*v))
		v++;
	if (*v == '#')
		return true;
	static const char *const ok[] = {"data:image/png;", "data:image/jpeg;", "data:image/gif;",
	                                 "data:image/webp;", NULL};
	for (int i = 0; ok[i]; i++)
		if (!g_ascii_strncasecmp(v, ok[i], strlen(ok[i])))
			return true;
	return false;
}

/* CSS (a style attribute or element) may only point inside the file: every
 * url( must be url(#…), and @import, expression() and behaviours are out. */
static bool svg_safe_css(const char *css)
{
	char *low = g_ascii_strdown(css, -1);
	/* Escapes (\75 rl) are how CSS filters are fooled: refuse any. */
	bool ok = !strchr(low, '\\') && !strstr(low, "@import") && !strstr(low, "expression") &&
	          !strstr(low, "behavior") && !strstr(low, "-moz-binding") &&
	          !strstr(low, "javascript:");
	for (const char *p = low; ok && (p = strstr(p, "url(")); p += 4) {
		const char *q = p + 4;
		while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '"' || *q == '\'')
			q++;
		ok = *q == '#';
	}
	g_free(low);
	return ok;
}

static bool svg_is_svg(const xmlNode *n)
{
	return n->ns && n->ns->href && !strcmp((const char *)n->ns->href, SVG_NS);
}

static void svg_clean_attrs(xmlNodePtr e)
{
	xmlAttrPtr next;
	for (xmlAttrPtr a = e->properties; a; a = next) {
		next = a->next;
		const char *name = (const char *)a->name;
		const char *ns = a->ns && a->ns->href ? (const char *)a->ns->href : NULL;
		xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
		const char *val = v ? (const char *)v : "";
		bool drop = false;
		if (ns && strcmp(ns, SVG_XLINK_NS) && strcmp(ns, "http://www.w3.org/XML/1998/namespace"))
			drop = true; /* attributes of other vocabularies */
		else if (!g_ascii_strncasecmp(name, "on", 2))
			drop = true; /* event handlers */
		else if (!strcmp(name, "href") || !strcmp(name, "src"))
			drop = !svg_local_ref(val) || !svg_safe_css(val);
		else if (!strcmp(name, "style"))
			drop = !svg_safe_css(val);
		else
			drop = !svg_safe_css(val); /* fill="url(#g)" and the like; any case */
		if (drop)
			xmlRemoveProp(a);
		xmlFree(v);
	}
}

static void svg_clean_node(xmlNodePtr n)
{
	xmlNodePtr next;
	for (xmlNodePtr c = n->children; c; c = next) {
		next = c->next;
		bool drop = false;
		switch (c->type) {
		case XML_ELEMENT_NODE:
			drop = !svg_is_svg(c) ||
			       g_strv_contains(svg_drop_elements, (const char *)c->name);
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			break;
		default: /* comments, processing instructions, entity references */
			drop = true;
		}
		if (drop) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		if (c->type == XML_ELEMENT_NODE) {
			svg_clean_attrs(c);
			svg_clean_node(c);
			/* A style sheet is read once its children are cleaned: dropping
			 * an element inside it joins the text on either side (":url"
			 * and "(…)" become one url()). */
			if (!strcmp((const char *)c->name, "style")) {
				xmlChar *css = xmlNodeGetContent(c);
				if (!svg_safe_css(css ? (const char *)css : "")) {
					xmlUnlinkNode(c);
					xmlFreeNode(c);
				}
				xmlFree(css);
			}
		}
	}
}

char *svg_clean(const char *data, size_t len, size_t *out_len, char **why)
{
	*why = NULL;
	*out_len = 0;
	if (len > G_MAXINT) {
		*why = g_strdup("the file is too large to read as SVG");
		return NULL;
	}
	/* No XML_PARSE_NOENT (entities stay references, dropped below), no
	 * DTD loading, no network, no XInclude; libxml2's own limits on depth
	 * and entity amplification stay on (no XML_PARSE_HUGE). */
	xmlDocPtr doc = xmlReadMemory(data, (int)len, NULL, NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                                      XML_PARSE_NOCDATA);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root || root->type != XML_ELEMENT_NODE || strcmp((const char *)root->name, "svg") ||
	    !svg_is_svg(root)) {
		const xmlError *e = xmlGetLastError();
		char *msg = e && e->message ? g_strstrip(g_strdup(e->message)) : NULL;
		*why = root  ? g_strdup("its root is not an <svg> element in the SVG namespace")
		       : msg ? g_strdup_printf("not well-formed XML (line %d: %s)", e->line, msg)
		             : g_strdup("not well-formed XML");
		g_free(msg);
		xmlFreeDoc(doc);
		return NULL;
	}
	/* Entities declared in the DOCTYPE would live on as references into
	 * the DTD that is dropped below: a drawing needs none. */
	if (doc->intSubset && (doc->intSubset->entities || doc->intSubset->pentities)) {
		*why = g_strdup("it declares entities (<!ENTITY …> in its DOCTYPE); remove them");
		xmlFreeDoc(doc);
		return NULL;
	}
	svg_clean_attrs(root);
	svg_clean_node(root);
	/* The DOCTYPE goes, and anything beside the root (processing
	 * instructions such as xml-stylesheet, comments). */
	xmlNodePtr next;
	for (xmlNodePtr c = doc->children; c; c = next) {
		next = c->next;
		if (c != root) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
	doc->intSubset = NULL;
	xmlChar *out = NULL;
	int n = 0;
	xmlDocDumpMemoryEnc(doc, &out, &n, "UTF-8");
	xmlFreeDoc(doc);
	char *copy = g_strndup((const char *)out, (gsize)n);
	*out_len = (size_t)n;
	xmlFree(out);
	return copy;
}
