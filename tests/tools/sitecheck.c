/* sitecheck: checks a generated site the way a visitor and a crawler would:
 * every page parses, every internal link and anchor resolves, sitemaps and
 * feeds are well-formed, and no page is heavier than a budget.
 *
 *   sitecheck [--base-url URL] [--max-weight KB] DIR
 *
 * Errors go to stderr ("FILE[:LINE]: error: MESSAGE"), grouped by file in
 * sorted order; the weight and summary lines go to stdout. Exit status: 0 when
 * clean, 1 when any error was found, 2 on bad usage or an unreadable DIR. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/uri.h>

typedef enum { SC_EXTERNAL, SC_OK, SC_BROKEN, SC_OUTSIDE, SC_NO_ANCHOR } sc_status;

/* One reference found in a page or sitemap, checked in the second pass. */
typedef struct {
	char *url;        /* attribute value as written, owned */
	gboolean asset;   /* downloaded with the page: counts towards its weight */
	int group;        /* >0: alternative images, only the largest counts */
} sc_ref;

typedef struct {
	char *rel;        /* path below DIR, owned; the key of sc_site.files */
	char *path;       /* DIR/rel, as printed in messages, owned */
	gboolean html;
	GHashTable *ids;  /* set of anchor targets (id, <a name>), owned */
	GPtrArray *refs;  /* of sc_ref*, owned */
	GPtrArray *errors;/* of formatted messages, owned */
	goffset weight;   /* page plus its assets, bytes */
} sc_file;

typedef struct {
	const char *dir;       /* borrowed from argv */
	char *base;            /* --base-url without trailing '/', owned or NULL */
	char *base_path;       /* path part of base ("" or "/sub"), owned */
	double max_kb;         /* --max-weight, 0 for none */
	GHashTable *files;     /* rel -> sc_file*, borrowed from the file list */
	long links;            /* internal references checked */
} sc_site;

/* Per-page state of the tree walk. */
typedef struct {
	int titles;            /* <title> elements outside <svg> */
	gboolean title_empty;
	gboolean charset;      /* saw a utf-8 charset declaration */
	int groups;            /* image groups handed out so far */
} sc_scan;

static void __attribute__((format(printf, 2, 3))) sc_error(sc_file *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	g_ptr_array_add(f->errors, g_strdup_vprintf(fmt, ap));
	va_end(ap);
}

static void sc_ref_free(gpointer p)
{
	sc_ref *r = p;
	g_free(r->url);
	g_free(r);
}

static sc_file *sc_file_new(const char *dir, const char *rel)
{
	sc_file *f = g_new0(sc_file, 1);
	f->rel = g_strdup(rel);
	f->path = g_build_filename(dir, rel, NULL);
	f->html = g_str_has_suffix(rel, ".html");
	f->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	f->refs = g_ptr_array_new_with_free_func(sc_ref_free);
	f->errors = g_ptr_array_new_with_free_func(g_free);
	return f;
}

static void sc_file_free(gpointer p)
{
	sc_file *f = p;
	g_free(f->rel);
	g_free(f->path);
	g_hash_table_destroy(f->ids);
	g_ptr_array_free(f->refs, TRUE);
	g_ptr_array_free(f->errors, TRUE);
	g_free(f);
}

static void sc_add_ref(sc_file *f, const char *url, gboolean asset, int group)
{
	sc_ref *r = g_new0(sc_ref, 1);
	r->url = g_strstrip(g_strdup(url));   /* browsers trim URL attributes */
	r->asset = asset;
	r->group = group;
	g_ptr_array_add(f->refs, r);
}

static int sc_strcmp(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects *.html and *.xml below DIR as paths relative to it. Symlinks are
 * not followed into directories, so a link loop cannot hang the walk. */
static gboolean sc_collect(const char *dir, const char *rel, GPtrArray *out, GError **err)
{
	char *full = g_build_filename(dir, rel, NULL);
	GDir *d = g_dir_open(full, 0, err);
	g_free(full);
	if (!d)
		return FALSE;
	gboolean ok = TRUE;
	const char *name;
	while (ok && (name = g_dir_read_name(d))) {
		char *child = *rel ? g_strconcat(rel, "/", name, NULL) : g_strdup(name);
		char *cfull = g_build_filename(dir, child, NULL);
		struct stat st;
		if (lstat(cfull, &st) == 0 && S_ISDIR(st.st_mode))
			ok = sc_collect(dir, child, out, err);
		else if (g_str_has_suffix(name, ".html") || g_str_has_suffix(name, ".xml"))
			g_ptr_array_add(out, g_steal_pointer(&child));
		g_free(child);
		g_free(cfull);
	}
	g_dir_close(d);
	return ok;
}

/* libxml2 2.9 predates HTML5 and calls these tags invalid; they are not. */
static gboolean sc_is_html5_tag(const char *name)
{
	static const char *const tags[] = {
		"header", "nav", "main", "section", "article", "aside", "footer",
		"figure", "figcaption", "time", "mark", "picture", "source", "svg",
		"template", "details", "summary", "search", "dialog", "output",
		"meter", "progress", NULL,
	};
	for (int i = 0; name && tags[i]; i++)
		if (g_ascii_strcasecmp(name, tags[i]) == 0)
			return TRUE;
	return FALSE;
}

/* SVG has dozens of element names (g, path, lineargradient...); rather than
 * list them, accept any unknown tag while an <svg> is open. The parser has
 * already pushed the new tag when it reports it, so <svg> itself matches. */
static gboolean sc_inside_svg(htmlParserCtxtPtr ctxt)
{
	for (int i = 0; ctxt && i < ctxt->nameNr; i++)
		if (g_ascii_strcasecmp((const char *)ctxt->nameTab[i], "svg") == 0)
			return TRUE;
	return FALSE;
}

/* Structured error handler for both parsers; data is the sc_file being read.
 * Warnings (e.g. a relative namespace URI) do not make a document unusable. */
static void sc_on_parse_error(void *data, xmlErrorPtr e)
{
	sc_file *f = data;
	if (e->level < XML_ERR_ERROR)
		return;
	if (e->domain == XML_FROM_HTML && e->code == XML_HTML_UNKNOWN_TAG &&
	    (sc_is_html5_tag(e->str1) || sc_inside_svg(e->ctxt)))
		return;
	char *msg = g_strstrip(g_strdup(e->message ? e->message : "parse error"));
	sc_error(f, "%s:%d: error: %s", f->path, e->line, msg);
	g_free(msg);
}

/* RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" */
static gboolean sc_has_scheme(const char *url)
{
	if (!g_ascii_isalpha(url[0]))
		return FALSE;
	const char *p = url + 1;
	while (g_ascii_isalnum(*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':';
}

/* Returns what follows --base-url in url ("", "/x", "?q", "#f"), or NULL when
 * url is not on this site. The boundary check keeps https://a.org from
 * claiming https://a.org.evil. */
static const char *sc_base_rest(const sc_site *site, const char *url)
{
	if (!site->base || !g_str_has_prefix(url, site->base))
		return NULL;
	const char *rest = url + strlen(site->base);
	return strchr("/?#", *rest) ? rest : NULL;   /* strchr matches '\0' too */
}

/* srcset = candidate *( "," candidate ); candidate = URL [descriptor].
 * A URL may itself contain commas (data:), so the URL runs to whitespace
 * and only trailing commas are cut, as the HTML spec's parser does. */
static void sc_add_srcset(sc_file *f, const char *v, gboolean asset, int group)
{
	const char *p = v;
	for (;;) {
		while (g_ascii_isspace(*p) || *p == ',')
			p++;
		if (!*p)
			return;
		const char *start = p;
		while (*p && !g_ascii_isspace(*p))
			p++;
		const char *end = p;
		while (end > start && end[-1] == ',')
			end--;
		char *url = g_strndup(start, end - start);
		sc_add_ref(f, url, asset, group);
		g_free(url);
		if (end != p)
			continue;   /* the commas ended the candidate */
		int depth = 0;   /* skip descriptors up to the next top-level comma */
		for (; *p && (*p != ',' || depth > 0); p++)
			depth += (*p == '(') - (*p == ')');
	}
}

static char *sc_prop(xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* Does the space-separated rel list hold a resource the browser downloads? */
static gboolean sc_rel_is_asset(const char *rel)
{
	char **tokens = g_strsplit_set(rel ? rel : "", " \t\n\r\f", -1);
	gboolean asset = FALSE;
	for (int i = 0; tokens[i]; i++) {
		const char *t = tokens[i];
		if (!g_ascii_strcasecmp(t, "stylesheet") || !g_ascii_strcasecmp(t, "icon") ||
		    !g_ascii_strcasecmp(t, "preload") || !g_ascii_strcasecmp(t, "modulepreload"))
			asset = TRUE;
	}
	g_strfreev(tokens);
	return asset;
}

/* One walk over the parsed page records its anchors and references and the
 * head requirements. group is the image group of an enclosing <picture>:
 * a browser downloads one of its candidates, so only the largest is weighed. */
static void sc_scan_node(sc_file *f, xmlNode *n, sc_scan *s, gboolean in_svg, int group)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		for (xmlAttr *a = n->properties; a; a = a->next) {
			char *v = (char *)xmlNodeListGetString(n->doc, a->children, 1);
			const char *t = v ? v : "";
			while (g_ascii_isspace(*t))
				t++;
			if (g_ascii_strncasecmp(t, "javascript:", 11) == 0)
				sc_error(f, "%s: error: javascript: URL in <%s %s>", f->path, name, a->name);
			if (!strcmp((const char *)a->name, "id") ||
			    (!strcmp((const char *)a->name, "name") && !strcmp(name, "a")))
				g_hash_table_add(f->ids, g_strdup(v ? v : ""));
			xmlFree(v);
		}
		char *href = sc_prop(n, "href"), *src = sc_prop(n, "src");
		char *srcset = sc_prop(n, "srcset");
		int inner = group;
		if (!strcmp(name, "a") && href) {
			sc_add_ref(f, href, FALSE, 0);
		} else if (!strcmp(name, "link") && href) {
			char *rel = sc_prop(n, "rel");
			sc_add_ref(f, href, sc_rel_is_asset(rel), 0);
			xmlFree(rel);
		} else if (!strcmp(name, "script") && src) {
			sc_add_ref(f, src, TRUE, 0);
		} else if (!strcmp(name, "img") || !strcmp(name, "source")) {
			/* <source> outside <picture> is audio or video: checked, not weighed */
			gboolean asset = group > 0 || !strcmp(name, "img");
			int g = group > 0 ? group : (asset ? ++s->groups : 0);
			if (src)
				sc_add_ref(f, src, asset, g);
			if (srcset)
				sc_add_srcset(f, srcset, asset, g);
		} else if (!strcmp(name, "picture")) {
			inner = ++s->groups;
		} else if (!strcmp(name, "meta")) {
			char *charset = sc_prop(n, "charset"), *prop = sc_prop(n, "property");
			char *content = sc_prop(n, "content");
			char *equiv = sc_prop(n, "http-equiv");
			if (charset && !g_ascii_strcasecmp(g_strstrip(charset), "utf-8"))
				s->charset = TRUE;
			/* the pragma form, as libxslt's HTML output writes it */
			if (equiv && content && !g_ascii_strcasecmp(equiv, "content-type") &&
			    strstr(content, "charset=") &&
			    !g_ascii_strcasecmp(strstr(content, "charset=") + 8, "utf-8"))
				s->charset = TRUE;
			xmlFree(equiv);
			/* og:url must point back at this site; og:image is not checked */
			if (prop && !strcmp(prop, "og:url") && content)
				sc_add_ref(f, content, FALSE, 0);
			xmlFree(charset);
			xmlFree(prop);
			xmlFree(content);
		} else if (!strcmp(name, "title") && !in_svg) {
			char *text = (char *)xmlNodeGetContent(n);
			s->titles++;
			if (!text || !*g_strstrip(text))
				s->title_empty = TRUE;
			xmlFree(text);
		}
		xmlFree(href);
		xmlFree(src);
		xmlFree(srcset);
		sc_scan_node(f, n->children, s, in_svg || !strcmp(name, "svg"), inner);
	}
}

/* Pass 1 for a page: doctype, parse errors, head requirements, and the
 * anchor set and reference list that pass 2 checks against. */
static void sc_load_html(sc_file *f)
{
	struct stat st;
	if (stat(f->path, &st) == 0)
		f->weight = st.st_size;

	/* The parser does not say whether a doctype was there, so look. */
	char head[32] = "";
	FILE *fp = fopen(f->path, "rb");
	size_t got = fp ? fread(head, 1, sizeof head - 1, fp) : 0;
	if (fp)
		fclose(fp);
	head[got] = '\0';
	const char *h = g_str_has_prefix(head, "\xEF\xBB\xBF") ? head + 3 : head;
	if (g_ascii_strncasecmp(h, "<!DOCTYPE html>", 15) != 0)
		sc_error(f, "%s:1: error: file does not start with <!DOCTYPE html>", f->path);

	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	xmlSetStructuredErrorFunc(f, sc_on_parse_error);
	htmlDocPtr doc = ctxt ? htmlCtxtReadFile(ctxt, f->path, NULL, HTML_PARSE_NONET) : NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (ctxt)
		htmlFreeParserCtxt(ctxt);
	if (!doc) {
		sc_error(f, "%s: error: cannot read or parse the page", f->path);
		return;
	}

	xmlNode *root = xmlDocGetRootElement(doc);
	char *lang = root ? sc_prop(root, "lang") : NULL;
	if (!lang || !*g_strstrip(lang))
		sc_error(f, "%s: error: <html> has no lang attribute", f->path);
	xmlFree(lang);

	sc_scan s = { 0 };
	sc_scan_node(f, root, &s, FALSE, 0);
	if (s.titles != 1)
		sc_error(f, "%s: error: %d <title> elements, expected exactly one", f->path, s.titles);
	else if (s.title_empty)
		sc_error(f, "%s: error: <title> is empty", f->path);
	if (!s.charset)
		sc_error(f, "%s: error: no <meta charset=\"utf-8\">", f->path);
	xmlFreeDoc(doc);
}

/* Sitemap entries that name this site: <loc> and <xhtml:link href>. */
static void sc_scan_sitemap(sc_file *f, const sc_site *site, xmlNode *n)
{
	static const char xhtml_ns[] = "http://www.w3.org/1999/xhtml";
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		char *url = NULL;
		if (!strcmp((const char *)n->name, "loc"))
			url = (char *)xmlNodeGetContent(n);
		else if (!strcmp((const char *)n->name, "link") && n->ns &&
		         !strcmp((const char *)n->ns->href, xhtml_ns))
			url = sc_prop(n, "href");
		if (url && sc_base_rest(site, g_strstrip(url)))
			sc_add_ref(f, url, FALSE, 0);
		xmlFree(url);
		sc_scan_sitemap(f, site, n->children);
	}
}

static void sc_load_xml(sc_file *f, const sc_site *site)
{
	xmlSetStructuredErrorFunc(f, sc_on_parse_error);
	xmlDocPtr doc = xmlReadFile(f->path, NULL, XML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!doc) {
		if (f->errors->len == 0)
			sc_error(f, "%s: error: cannot read or parse", f->path);
		return;
	}
	char *base = g_path_get_basename(f->rel);
	if (g_str_has_prefix(base, "sitemap"))
		sc_scan_sitemap(f, site, xmlDocGetRootElement(doc));
	g_free(base);
	xmlFreeDoc(doc);
}

/* Turns the path part of a reference into a path below DIR, the way a
 * static web server maps URLs to files: percent-decoded, "." and ".."
 * applied, a directory meaning its index.html. Returns NULL when the path
 * climbs out of DIR. rooted: path is relative to DIR (it followed
 * --base-url); otherwise "/x" is relative to the base URL's path and "x" to
 * the referring file's directory. */
static char *sc_map_path(const sc_site *site, const sc_file *from, const char *raw,
                         gboolean rooted)
{
	char *path = xmlURIUnescapeString(raw, 0, NULL);
	char *from_dir = g_path_get_dirname(from->rel);
	size_t bl = strlen(site->base_path);
	GString *joined = g_string_new(NULL);
	gboolean outside = FALSE;
	if (rooted) {
		g_string_append(joined, path);
	} else if (*path == '/') {
		outside = strncmp(path, site->base_path, bl) != 0 || (path[bl] && path[bl] != '/');
		g_string_append(joined, path + bl);
	} else if (*path == '\0') {
		g_string_append(joined, from->rel);   /* "#x" or "?q": this page */
	} else {
		g_string_append_printf(joined, "%s/%s", strcmp(from_dir, ".") ? from_dir : "", path);
	}
	g_free(from_dir);
	xmlFree(path);

	gboolean want_dir = joined->len == 0 || joined->str[joined->len - 1] == '/';
	char **segs = g_strsplit(joined->str, "/", -1);
	g_string_free(joined, TRUE);
	GPtrArray *stack = g_ptr_array_new();   /* borrows from segs */
	for (int i = 0; segs[i] && !outside; i++) {
		const char *seg = segs[i];
		gboolean dots = !strcmp(seg, ".") || !strcmp(seg, "..");
		want_dir |= !segs[i + 1] && dots;
		if (strcmp(seg, "..") == 0 && stack->len == 0)
			outside = TRUE;
		else if (strcmp(seg, "..") == 0)
			g_ptr_array_set_size(stack, stack->len - 1);
		else if (*seg && !dots)
			g_ptr_array_add(stack, (gpointer)seg);
	}
	g_ptr_array_add(stack, NULL);
	char *rel = outside ? NULL : g_strjoinv("/", (char **)stack->pdata);
	g_ptr_array_free(stack, TRUE);
	g_strfreev(segs);
	if (!rel)
		return NULL;

	/* "about" may name a directory too; servers then serve its index. */
	struct stat st;
	char *full = g_build_filename(site->dir, rel, NULL);
	if (want_dir || (stat(full, &st) == 0 && S_ISDIR(st.st_mode))) {
		char *index = *rel ? g_strconcat(rel, "/index.html", NULL) : g_strdup("index.html");
		g_free(rel);
		rel = index;
	}
	g_free(full);
	return rel;
}

/* Resolves one reference. On SC_OK, SC_BROKEN and SC_NO_ANCHOR *target is
 * the path below DIR (owned by the caller) and, on SC_OK, *size its length
 * in bytes. */
static sc_status sc_resolve(const sc_site *site, const sc_file *from, const char *url,
                            char **target, goffset *size)
{
	*target = NULL;
	const char *rest = sc_base_rest(site, url);
	if (!rest && (sc_has_scheme(url) || g_str_has_prefix(url, "//")))
		return SC_EXTERNAL;
	const char *ref = rest ? rest : url;
	const char *hash = strchr(ref, '#');
	size_t len = hash ? (size_t)(hash - ref) : strlen(ref);
	const char *query = memchr(ref, '?', len);
	char *raw = g_strndup(ref, query ? (size_t)(query - ref) : len);
	char *rel = sc_map_path(site, from, raw, rest != NULL);
	g_free(raw);
	if (!rel)
		return SC_OUTSIDE;

	struct stat st;
	char *full = g_build_filename(site->dir, rel, NULL);
	gboolean found = stat(full, &st) == 0 && S_ISREG(st.st_mode);
	g_free(full);
	*target = rel;
	if (!found)
		return SC_BROKEN;
	*size = st.st_size;

	/* Anchors can only be checked in pages we parsed. The HTML spec tries
	 * the fragment as written, then percent-decoded. */
	const sc_file *t = g_hash_table_lookup(site->files, rel);
	if (hash && hash[1] && t && t->html) {
		char *frag = xmlURIUnescapeString(hash + 1, 0, NULL);
		gboolean ok = g_hash_table_contains(t->ids, hash + 1) ||
		              (frag && g_hash_table_contains(t->ids, frag));
		xmlFree(frag);
		if (!ok)
			return SC_NO_ANCHOR;
	}
	return SC_OK;
}

/* Adds an asset to the page weight unless this page already counted it.
 * Takes ownership of rel. */
static void sc_weigh(GHashTable *counted, char *rel, goffset size, goffset *weight)
{
	if (g_hash_table_add(counted, rel))
		*weight += size;
}

/* Pass 2 for one file: resolve every reference and total the page weight. */
static void sc_check_refs(sc_site *site, sc_file *f)
{
	GHashTable *counted = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	int group = 0;             /* image group being weighed, and its largest file */
	char *best = NULL;
	goffset best_size = -1;
	/* A group's references are consecutive (one <img> or <picture>), so it
	 * is weighed when the next reference, or the final NULL, leaves it. */
	for (guint i = 0; i <= f->refs->len; i++) {
		sc_ref *r = i < f->refs->len ? f->refs->pdata[i] : NULL;
		if (group && (!r || r->group != group)) {
			if (best)
				sc_weigh(counted, best, best_size, &f->weight);
			best = NULL;
			best_size = -1;
			group = 0;
		}
		if (!r)
			break;
		char *target;
		goffset size = 0;
		sc_status st = sc_resolve(site, f, r->url, &target, &size);
		if (st != SC_EXTERNAL)
			site->links++;
		if (st == SC_OUTSIDE)
			sc_error(f, "%s: error: broken link %s (resolves outside %s)", f->path, r->url, site->dir);
		else if (st == SC_BROKEN)
			sc_error(f, "%s: error: broken link %s (resolved to %s/%s)", f->path, r->url, site->dir, target);
		else if (st == SC_NO_ANCHOR)
			sc_error(f, "%s: error: broken link %s (no id \"%s\" in %s/%s)", f->path, r->url,
			         strchr(r->url, '#') + 1, site->dir, target);
		if (st != SC_OK || !r->asset || !f->html) {
			g_free(target);
		} else if (r->group == 0) {
			sc_weigh(counted, target, size, &f->weight);
		} else if (size > best_size) {
			group = r->group;
			g_free(best);
			best = target;
			best_size = size;
		} else {
			group = r->group;
			g_free(target);
		}
	}
	g_hash_table_destroy(counted);
}

static int sc_cmp_offset(gconstpointer a, gconstpointer b)
{
	goffset x = *(const goffset *)a, y = *(const goffset *)b;
	return (x > y) - (x < y);
}

/* Prints every error in file order, then the weight and summary lines.
 * Returns the number of errors. */
static long sc_report(const sc_site *site, GPtrArray *files)
{
	GArray *weights = g_array_new(FALSE, FALSE, sizeof(goffset));
	const sc_file *heaviest = NULL;
	long errors = 0;
	for (guint i = 0; i < files->len; i++) {
		sc_file *f = files->pdata[i];
		if (f->html) {
			g_array_append_val(weights, f->weight);
			if (!heaviest || f->weight > heaviest->weight)
				heaviest = f;
			if (site->max_kb > 0 && f->weight > site->max_kb * 1024)
				sc_error(f, "%s: error: page weight %.1f KB exceeds --max-weight %g KB",
				         f->path, f->weight / 1024.0, site->max_kb);
		}
		for (guint j = 0; j < f->errors->len; j++)
			fprintf(stderr, "%s\n", (const char *)f->errors->pdata[j]);
		errors += f->errors->len;
	}
	/* An empty DIR means the build went wrong, not that the site is fine. */
	if (!heaviest) {
		fprintf(stderr, "%s: error: no HTML pages found\n", site->dir);
		errors++;
	} else {
		g_array_sort(weights, sc_cmp_offset);
		guint n = weights->len;
		const goffset *w = (const goffset *)weights->data;
		double median = n % 2 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2.0;
		printf("weight: median %.1f KB, max %.1f KB (%s)\n", median / 1024.0,
		       heaviest->weight / 1024.0, heaviest->path);
	}
	printf("sitecheck: %u pages, %ld links checked, %ld errors\n", weights->len,
	       site->links, errors);
	g_array_free(weights, TRUE);
	return errors;
}

/* Fills site from the command line; returns FALSE on a usage error. */
static gboolean sc_parse_args(int argc, char **argv, sc_site *site)
{
	static const struct option opts[] = {
		{ "base-url", required_argument, NULL, 'b' },
		{ "max-weight", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	char *end;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'b') {
			g_free(site->base);
			site->base = g_strdup(optarg);
			for (size_t n = strlen(site->base); n > 0 && site->base[n - 1] == '/'; n--)
				site->base[n - 1] = '\0';
		} else if (c != 'w' || (site->max_kb = strtod(optarg, &end)) <= 0 || *end) {
			return FALSE;
		}
	}
	if (optind != argc - 1)
		return FALSE;
	site->dir = argv[optind];
	/* "https://host/sub" -> "/sub": where root-relative links must point */
	const char *host = site->base ? strstr(site->base, "://") : NULL;
	const char *slash = host ? strchr(host + 3, '/') : NULL;
	site->base_path = g_strdup(slash ? slash : "");
	return TRUE;
}

int main(int argc, char **argv)
{
	sc_site site = { 0 };
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *files = g_ptr_array_new_with_free_func(sc_file_free);
	GError *err = NULL;
	int status = 2;
	if (!sc_parse_args(argc, argv, &site)) {
		fprintf(stderr, "usage: sitecheck [--base-url URL] [--max-weight KB] DIR\n");
		goto out;
	}
	if (!sc_collect(site.dir, "", names, &err)) {
		fprintf(stderr, "sitecheck: %s\n", err->message);
		g_error_free(err);
		goto out;
	}
	g_ptr_array_sort(names, sc_strcmp);

	LIBXML_TEST_VERSION
	site.files = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < names->len; i++) {
		sc_file *f = sc_file_new(site.dir, names->pdata[i]);
		g_ptr_array_add(files, f);
		g_hash_table_insert(site.files, f->rel, f);
	}
	/* Every page is parsed once, before any link is checked, so each
	 * anchor lookup is a hash probe into an id set already built. */
	for (guint i = 0; i < files->len; i++) {
		sc_file *f = files->pdata[i];
		if (f->html)
			sc_load_html(f);
		else
			sc_load_xml(f, &site);
	}
	for (guint i = 0; i < files->len; i++)
		sc_check_refs(&site, files->pdata[i]);
	status = sc_report(&site, files) > 0;
	g_hash_table_destroy(site.files);
	xmlCleanupParser();
out:
	g_ptr_array_free(files, TRUE);
	g_ptr_array_free(names, TRUE);
	g_free(site.base);
	g_free(site.base_path);
	return status;
}
