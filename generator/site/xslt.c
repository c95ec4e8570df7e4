/* xslt: libxslt with safety prefs and errors collected as diagnostics. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <libexslt/exslt.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include "site/xslt.h"

struct xslt_sheet {
	xsltStylesheetPtr sheet;
	xsltSecurityPrefsPtr prefs;
	const i18n_set *strings; /* borrowed, may be NULL */
	char *path;
	char *root; /* the theme's folder, resolved: what it may read */
};

/* What the kg: functions read during one transformation (its _private). */
typedef struct {
	const i18n_set *strings; /* borrowed, may be NULL */
	xmlChar *lang;           /* the page document's /page/@lang, owned */
	const char *root;        /* the theme's folder (the sheet's) */
} xslt_ui;

/* ---- what a stylesheet may read ----------------------------------------
 * A theme is a folder of files, not a program with the user's rights: its
 * xsl:import, xsl:include and document() read only files inside the
 * theme's folder (links resolved), never the network, and no file may
 * declare entities (<!ENTITY x SYSTEM "/etc/passwd"> put that file into
 * every page). libxslt loads every stylesheet and document through one
 * loader; kitgen's checks each name before libxslt's own loads it. */
static xsltDocLoaderFunc xslt_next_loader;
static __thread const char *xslt_loading_root; /* while xslt_load compiles */

/* Whether uri (a file name, or a file: URI) is a file inside root. */
static bool xslt_inside(const char *root, const char *uri)
{
	char *file = g_str_has_prefix(uri, "file:") ? g_filename_from_uri(uri, NULL, NULL)
	                                            : g_strdup(uri);
	char *real = file && !strstr(file, "://") ? realpath(file, NULL) : NULL;
	size_t n = root ? strlen(root) : 0;
	bool ok = real && n && !strncmp(real, root, n) && real[n] == '/';
	free(real);
	g_free(file);
	return ok;
}

static bool xslt_declares_entities(xmlDocPtr doc)
{
	return doc && ((doc->intSubset && doc->intSubset->entities &&
	                xmlHashSize(doc->intSubset->entities) > 0) ||
	               (doc->extSubset && doc->extSubset->entities &&
	                xmlHashSize(doc->extSubset->entities) > 0));
}

static xmlDocPtr xslt_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                             xsltLoadType type)
{
	xsltTransformContextPtr t = type == XSLT_LOAD_DOCUMENT ? ctxt : NULL;
	const xslt_ui *ui = t ? t->_private : NULL;
	const char *root = t ? (ui ? ui->root : NULL) : xslt_loading_root;
	const char *why = NULL;
	xmlDocPtr doc = NULL;
	if (!xslt_inside(root, (const char *)uri)) {
		why = "is outside the theme's folder";
	} else {
		options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR);
		doc = xslt_next_loader(uri, dict, options | XML_PARSE_NONET, ctxt, type);
		if (xslt_declares_entities(doc)) {
			why = "declares entities, which a theme's file may not";
			xmlFreeDoc(doc);
			doc = NULL;
		}
	}
	if (why && t) {
		xsltTransformError(t, NULL, NULL, "document('%s'): the file %s\n", uri, why);
		t->state = XSLT_STATE_STOPPED; /* an error, not an empty node-set */
	} else if (why) {
		xsltGenericError(xsltGenericErrorContext, "cannot load '%s': the file %s\n", uri, why);
	}
	return doc;
}

typedef struct {
	GString *text;
} xslt_errors;

static void xslt_collect(void *ctx, const char *fmt, ...)
{
	xslt_errors *e = ctx;
	va_list ap;
	va_start(ap, fmt);
	g_string_append_vprintf(e->text, fmt, ap);
	va_end(ap);
}

/* kg:s(key[, default]): the UI string of key in the page's language,
 * along its fallback chain; default (else '') when no language has key.
 * Strings are looked up, not copied into every page document: copying
 * the ~170 strings into each one, indexing them with xsl:key and freeing
 * them again was about 18 % of a site build's CPU time. */
static void xslt_fn_s(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs != 1 && nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	xmlChar *fallback = nargs == 2 ? xmlXPathPopString(ctxt) : NULL;
	xmlChar *key = xmlXPathPopString(ctxt);
	xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
	const xslt_ui *ui = t ? t->_private : NULL;
	if (!ctxt->error) {
		const char *v = ui && ui->strings
		                        ? i18n_find(ui->strings, (const char *)ui->lang, (const char *)key)
		                        : NULL;
		if (!v)
			v = fallback ? (const char *)fallback : "";
		valuePush(ctxt, xmlXPathNewString(BAD_CAST v));
	}
	xmlFree(key);
	xmlFree(fallback);
}

/* kg:strings(): every UI string of the page's language as <s k="KEY">,
 * in key order, for the few templates that need sets of strings (e.g. all
 * keys starting with 'problem.'). Made when called, as a result tree
 * fragment of this transformation: only the pages that ask pay for it. */
static void xslt_fn_strings(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs != 0) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
	const xslt_ui *ui = t ? t->_private : NULL;
	xmlDocPtr frag = t ? xsltCreateRVT(t) : NULL;
	if (!frag) {
		xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	xsltRegisterLocalRVT(t, frag);
	if (ui && ui->strings)
		i18n_add_strings(ui->strings, (const char *)ui->lang, (xmlNodePtr)frag);
	xmlXPathObjectPtr set = xmlXPathNewNodeSet(NULL);
	for (xmlNodePtr n = frag->children; n; n = n->next)
		xmlXPathNodeSetAddUnique(set->nodesetval, n);
	valuePush(ctxt, set);
}

/* kg:n(number[, decimals]): the number as the page's language writes it
 * (ICU: separators, Latin digits); NaN stays as given, so a theme may pass
 * any attribute. Used for the figures of charts and tables. */
static void xslt_fn_n(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs != 1 && nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	int digits = nargs == 2 ? (int)xmlXPathPopNumber(ctxt) : -1;
	xmlChar *text = xmlXPathPopString(ctxt);
	xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
	const xslt_ui *ui = t ? t->_private : NULL;
	if (!ctxt->error) {
		char *end = NULL;
		double v = g_ascii_strtod((const char *)text, &end);
		char *s = end && end != (char *)text && !*end && ui && ui->lang
		                  ? i18n_format_decimal((const char *)ui->lang, v, digits)
		                  : g_strdup((const char *)text);
		valuePush(ctxt, xmlXPathNewString(BAD_CAST s));
		g_free(s);
	}
	xmlFree(text);
}

/* kg:language(code): the name of that language in the page's language
 * (ICU), '' when ICU has none: the theme then uses the native name. */
static void xslt_fn_language(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	xmlChar *code = xmlXPathPopString(ctxt);
	xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
	const xslt_ui *ui = t ? t->_private : NULL;
	if (!ctxt->error) {
		/* named in the language the page's sentences are in: a language
		 * without UI strings of its own reads its chain's */
		const char *in = ui && ui->lang ? (const char *)ui->lang : NULL;
		if (in && ui->strings)
			in = i18n_ui_lang(ui->strings, in);
		char *name = in && code && *code ? i18n_language_name((const char *)code, in) : NULL;
		valuePush(ctxt, xmlXPathNewString(BAD_CAST(name ? name : "")));
		g_free(name);
	}
	xmlFree(code);
}

void xslt_init(void)
{
	exsltRegisterAll();
	xsltRegisterExtModuleFunction(BAD_CAST "s", BAD_CAST XSLT_KG_NS, xslt_fn_s);
	xsltRegisterExtModuleFunction(BAD_CAST "strings", BAD_CAST XSLT_KG_NS, xslt_fn_strings);
	xsltRegisterExtModuleFunction(BAD_CAST "n", BAD_CAST XSLT_KG_NS, xslt_fn_n);
	xsltRegisterExtModuleFunction(BAD_CAST "language", BAD_CAST XSLT_KG_NS, xslt_fn_language);
	xslt_next_loader = xsltDocDefaultLoader;
	xsltSetLoaderFunc(xslt_loader);
}

xslt_sheet *xslt_load(const char *path, const i18n_set *strings, diag_list *d)
{
	xslt_errors e = {g_string_new(NULL)};
	/* THEME/site/page.xsl: the theme is the folder above the sheet's */
	char *dir = g_path_get_dirname(path), *up = g_path_get_dirname(dir);
	char *root = realpath(up, NULL);
	g_free(dir);
	g_free(up);
	xsltSetGenericErrorFunc(&e, xslt_collect);
	xmlSetGenericErrorFunc(&e, xslt_collect);
	xslt_loading_root = root;
	xsltStylesheetPtr sheet = xsltParseStylesheetFile(BAD_CAST path);
	xslt_loading_root = NULL;
	xsltSetGenericErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	if (!sheet || e.text->len) {
		free(root);
		diag_error(d, path, 0, 0, "fix the theme's stylesheet", "cannot load stylesheet: %s",
		           e.text->len ? g_strstrip(e.text->str) : "unknown error");
		if (sheet)
			xsltFreeStylesheet(sheet);
		g_string_free(e.text, TRUE);
		return NULL;
	}
	g_string_free(e.text, TRUE);
	xslt_sheet *s = g_new0(xslt_sheet, 1);
	s->sheet = sheet;
	s->strings = strings;
	s->path = g_strdup(path);
	s->root = g_strdup(root);
	free(root);
	s->prefs = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(s->prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(s->prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(s->prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(s->prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	return s;
}

void xslt_free(xslt_sheet *s)
{
	if (!s)
		return;
	xsltFreeStylesheet(s->sheet);
	xsltFreeSecurityPrefs(s->prefs);
	g_free(s->path);
	g_free(s->root);
	g_free(s);
}

xmlDocPtr xslt_apply_doc(xslt_sheet *s, xmlDocPtr doc, const char *what, diag_list *d)
{
	xslt_errors e = {g_string_new(NULL)};
	xsltTransformContextPtr ctxt = xsltNewTransformContext(s->sheet, doc);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xslt_ui ui = {s->strings, root ? xmlGetProp(root, BAD_CAST "lang") : NULL, s->root};
	ctxt->_private = &ui;
	xsltSetCtxtSecurityPrefs(s->prefs, ctxt);
	xsltSetTransformErrorFunc(ctxt, &e, xslt_collect);
	xmlDocPtr res = xsltApplyStylesheetUser(s->sheet, doc, NULL, NULL, NULL, ctxt);
	bool failed = !res || ctxt->state == XSLT_STATE_ERROR ||
	              ctxt->state == XSLT_STATE_STOPPED;
	xsltFreeTransformContext(ctxt);
	xmlFree(ui.lang);
	if (failed || e.text->len) {
		diag_add(d, failed ? DIAG_ERROR : DIAG_WARNING, s->path, 0, 0, NULL,
		         "while making %s: %s", what,
		         e.text->len ? g_strstrip(e.text->str) : "transformation failed");
	}
	g_string_free(e.text, TRUE);
	if (failed && res) {
		xmlFreeDoc(res);
		res = NULL;
	}
	return res;
}

char *xslt_apply(xslt_sheet *s, xmlDocPtr doc, size_t *len, const char *what,
                 diag_list *d)
{
	xmlDocPtr res = xslt_apply_doc(s, doc, what, d);
	if (!res)
		return NULL;
	xmlChar *out = NULL;
	int n = 0;
	xsltSaveResultToString(&out, &n, res, s->sheet);
	xmlFreeDoc(res);
	*len = (size_t)n;
	char *copy = g_strndup((const char *)(out ? out : BAD_CAST ""), (gsize)n);
	xmlFree(out);
	return copy;
}
