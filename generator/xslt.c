/* xslt: libxslt with safety prefs and errors collected as diagnostics. */
#include <string.h>
#include <glib.h>
#include <libexslt/exslt.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include "xslt.h"

struct xslt_sheet {
	xsltStylesheetPtr sheet;
	xsltSecurityPrefsPtr prefs;
	char *path;
};

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

void xslt_init(void)
{
	exsltRegisterAll();
}

xslt_sheet *xslt_load(const char *path, diag_list *d)
{
	xslt_errors e = {g_string_new(NULL)};
	xsltSetGenericErrorFunc(&e, xslt_collect);
	xmlSetGenericErrorFunc(&e, xslt_collect);
	xsltStylesheetPtr sheet = xsltParseStylesheetFile(BAD_CAST path);
	xsltSetGenericErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	if (!sheet || e.text->len) {
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
	s->path = g_strdup(path);
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
	g_free(s);
}

xmlDocPtr xslt_apply_doc(xslt_sheet *s, xmlDocPtr doc, const char *what, diag_list *d)
{
	xslt_errors e = {g_string_new(NULL)};
	xsltTransformContextPtr ctxt = xsltNewTransformContext(s->sheet, doc);
	xsltSetCtxtSecurityPrefs(s->prefs, ctxt);
	xsltSetTransformErrorFunc(ctxt, &e, xslt_collect);
	xmlDocPtr res = xsltApplyStylesheetUser(s->sheet, doc, NULL, NULL, NULL, ctxt);
	bool failed = !res || ctxt->state == XSLT_STATE_ERROR ||
	              ctxt->state == XSLT_STATE_STOPPED;
	xsltFreeTransformContext(ctxt);
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
