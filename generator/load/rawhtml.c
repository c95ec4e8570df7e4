/* rawhtml: parse, then keep only what cannot run. */
#include <string.h>
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/valid.h>
#include "load/rawhtml.h"
#include "core/xmltext.h"

static const char *const rawhtml_drop_elements[] = {
	"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
	"meta", "base", "link", "form", "input", "button", "textarea", "select",
	"template", "noscript", "svg", "math", "title", "noembed", "noframes", "head", NULL};

/* Elements whose content a browser reads as raw text up to their end tag —
 * for <plaintext>, to the end of the page, which it swallows: their text is
 * kept in a <pre>. */
static const char *const rawhtml_raw_text_elements[] = {"plaintext", "xmp", "listing", NULL};

static const char *const rawhtml_url_attrs[] = {
	"href", "src", "action", "formaction", "data", "poster", "background", "cite",
	"srcset", "ping", "longdesc", "usemap", "manifest", NULL};

/* A URL is safe when it has no scheme (relative) or a harmless one. Control
 * characters and spaces inside a scheme are how filters get fooled: strip
 * them before looking. */
static bool rawhtml_safe_url(const char *url)
{
	GString *s = g_string_new(NULL);
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p > 0x20)
			g_string_append_c(s, g_ascii_tolower(*p));
	const char *colon = strchr(s->str, ':');
	const char *slash = strpbrk(s->str, "/?#");
	bool ok = !colon || (slash && slash < colon) || g_str_has_prefix(s->str, "http:") ||
	          g_str_has_prefix(s->str, "https:") || g_str_has_prefix(s->str, "mailto:") ||
	          g_str_has_prefix(s->str, "tel:");
	g_string_free(s, TRUE);
	return ok;
}

static void rawhtml_clean(xmlNodePtr n)
{
	xmlNodePtr next;
	for (xmlNodePtr c = n->children; c; c = next) {
		next = c->next;
		if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE ||
		    (c->type == XML_ELEMENT_NODE &&
		     g_strv_contains(rawhtml_drop_elements, (const char *)c->name))) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		/* Text and values lose what XML cannot carry (control characters,
		 * raw or as &#8;), as Markdown text does. */
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			char *clean = xmltext_clean((const char *)c->content);
			if (strcmp(clean, (const char *)(c->content ? c->content : BAD_CAST "")))
				xmlNodeSetContent(c, BAD_CAST clean);
			g_free(clean);
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (g_strv_contains(rawhtml_raw_text_elements, (const char *)c->name))
			xmlNodeSetName(c, BAD_CAST "pre");
		if (xmlValidateNCName(c->name, 0) != 0) {
			/* <0a> or <https:> parse as HTML but cannot be written as
			 * XML: keep what is inside, cleaned. */
			rawhtml_clean(c);
			for (xmlNodePtr k = c->children, knext; k; k = knext) {
				knext = k->next;
				xmlUnlinkNode(k);
				xmlAddPrevSibling(c, k);
			}
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		xmlAttrPtr anext;
		for (xmlAttrPtr a = c->properties; a; a = anext) {
			anext = a->next;
			const char *name = (const char *)a->name;
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			char *val = xmltext_clean((const char *)v);
			if (xmlValidateNCName(a->name, 0) != 0) {
				/* <div ..="x"> parses as HTML but cannot be written as XML;
				 * <a p:x=""> can, but its prefix names no namespace. */
				xmlRemoveProp(a);
			} else if (g_str_has_prefix(val, RAWHTML_REF) || g_str_has_prefix(val, RAWHTML_MEDIA)) {
				bool ref = g_str_has_prefix(val, RAWHTML_REF);
				char *target = g_strdup(val + strlen(ref ? RAWHTML_REF : RAWHTML_MEDIA));
				xmlRemoveProp(a);
				xmlSetProp(c, BAD_CAST(ref ? "ref" : "media"), BAD_CAST target);
				g_free(target);
			} else if (g_ascii_strncasecmp(name, "on", 2) == 0 || !strcmp(name, "style") ||
			           (g_strv_contains(rawhtml_url_attrs, name) && !rawhtml_safe_url(val)) ||
			           (a->ns && !strcmp(name, "href"))) {
				xmlRemoveProp(a);
			} else if (strcmp(val, v ? (const char *)v : "")) {
				xmlSetNsProp(c, a->ns, a->name, BAD_CAST val);
			}
			g_free(val);
			xmlFree(v);
		}
		rawhtml_clean(c);
	}
}

void rawhtml_insert(xmlNodePtr parent, const char *html)
{
	char *wrapped = g_strdup_printf("<html><body><div id=\"kitgen-raw\">%s</div></body></html>",
	                                html);
	htmlDocPtr h = htmlReadMemory(wrapped, (int)strlen(wrapped), NULL, "utf-8",
	                              HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                                      HTML_PARSE_NONET);
	g_free(wrapped);
	xmlNodePtr div = NULL;
	/* body > div#kitgen-raw */
	xmlNodePtr root = h ? xmlDocGetRootElement(h) : NULL;
	for (xmlNodePtr b = root ? root->children : NULL; b && !div; b = b->next)
		if (b->type == XML_ELEMENT_NODE && !xmlStrcmp(b->name, BAD_CAST "body"))
			for (xmlNodePtr d = b->children; d && !div; d = d->next)
				if (d->type == XML_ELEMENT_NODE && !xmlStrcmp(d->name, BAD_CAST "div"))
					div = d;
	if (div) {
		rawhtml_clean(div);
		for (xmlNodePtr c = div->children; c; c = c->next)
			xmlAddChild(parent, xmlDocCopyNode(c, parent->doc, 1));
	}
	xmlFreeDoc(h);
}
