/* markdown: cmark-gfm AST → XML nodes, in one bounded-depth walk. */
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <libxml/HTMLparser.h>
#include "load/markdown.h"
#include "core/suggest.h"
#include "core/xmltext.h"
#include "load/rawhtml.h"

/* The GFM extensions export their node types without a public header. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL,
	CMARK_NODE_STRIKETHROUGH;

#define MD_MAX_DEPTH 64 /* deeper nesting is flattened, not recursed */

typedef struct {
	const md_context *ctx;
	const content_item *it;
	const char *body; /* its Markdown */
	size_t body_len;
	xmlDocPtr doc;
	xmlNodePtr toc;
	GHashTable *ids;       /* heading ids already used */
	GHashTable *fn_labels; /* footnote label -> number */
	GHashTable *fn_seen;   /* labels already referenced once */
	int fn_defs;           /* definitions seen */
	int line0;             /* body line offset */
} md_state;

static const char *const md_exts[] = {"table", "strikethrough", "autolink", "tasklist"};

static cmark_node *md_parse(const char *text, size_t len)
{
	static gsize once;
	if (g_once_init_enter(&once)) {
		cmark_gfm_core_extensions_ensure_registered();
		g_once_init_leave(&once, 1);
	}
	cmark_parser *p = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8);
	for (size_t i = 0; i < G_N_ELEMENTS(md_exts); i++)
		cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(md_exts[i]));
	cmark_parser_feed(p, text, len);
	/* Inline parsing happens in finish, and cmark-gfm switches the
	 * extensions' special characters on and off for it in a table every
	 * parser shares: two pages finishing at once could lose each other's
	 * strikethrough or autolinks. Block parsing (feed) stays parallel. */
	static GMutex inline_table;
	g_mutex_lock(&inline_table);
	cmark_node *doc = cmark_parser_finish(p);
	g_mutex_unlock(&inline_table);
	cmark_parser_free(p);
	return doc;
}

/* Plain text of a node's inline content, for heading ids and alt text.
 * Iterative: Markdown can nest thousands deep. */
static void md_text_of(cmark_node *n, GString *out)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(c);
		if (ev != CMARK_EVENT_ENTER || c == n)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			g_string_append(out, cmark_node_get_literal(c));
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			g_string_append_c(out, ' ');
	}
	cmark_iter_free(it);
}

/* An id from heading text: letters and digits of any script kept, spaces
 * to hyphens, the rest dropped; repeated ids get -2, -3. */
static char *md_heading_id(md_state *st, const char *text)
{
	GString *id = g_string_new(NULL);
	for (const char *p = text; *p; p = g_utf8_next_char(p)) {
		gunichar u = g_utf8_get_char(p);
		if (g_unichar_isalnum(u))
			g_string_append_unichar(id, g_unichar_tolower(u));
		else if ((u == ' ' || u == '-' || u == '_') && id->len && id->str[id->len - 1] != '-')
			g_string_append_c(id, '-');
	}
	while (id->len && id->str[id->len - 1] == '-')
		g_string_truncate(id, id->len - 1);
	if (!id->len)
		g_string_assign(id, "section");
	char *base = g_string_free(id, FALSE), *res = g_strdup(base);
	for (int n = 2; g_hash_table_contains(st->ids, res); n++) {
		g_free(res);
		res = g_strdup_printf("%s-%d", base, n);
	}
	g_hash_table_add(st->ids, g_strdup(res));
	g_free(base);
	return res;
}

static bool md_has_scheme(const char *t, char **scheme)
{
	const char *p = t;
	while (g_ascii_isalnum(*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	if (*p != ':' || p == t)
		return false;
	*scheme = g_ascii_strdown(t, p - t);
	return true;
}

/* A content path to the page it is: kind/NAME[/index][.LANG].md. */
static bool md_page_of(const char *rel, content_kind *kind, char **slug)
{
	char **parts = g_strsplit(rel, "/", -1);
	guint n = g_strv_length(parts);
	bool ok = false;
	int k = n >= 2 ? content_kind_from_name(parts[0]) : -1;
	if (k >= 0 && g_str_has_suffix(rel, ".md")) {
		char **name = g_strsplit(parts[n == 3 ? 1 : 1], ".", -1);
		if (n == 3 && g_str_has_prefix(parts[2], "index.")) {
			*slug = g_strdup(parts[1]);
			ok = true;
		} else if (n == 2) {
			*slug = g_strdup(name[0]);
			ok = true;
		}
		g_strfreev(name);
	}
	*kind = (content_kind)k;
	g_strfreev(parts);
	return ok;
}

static gint md_cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "image 'ub-figur.png' names a file that does not exist", with the
 * closest file name in the same folder when one is close. */
static void md_no_such_file(const md_context *ctx, const content_item *it, const char *what,
                            const char *target, const char *rel, int line, int col)
{
	char *dir = g_path_get_dirname(rel), *base = g_path_get_basename(rel);
	GPtrArray *names = g_ptr_array_new();
	GHashTableIter iter;
	gpointer key;
	g_hash_table_iter_init(&iter, ctx->set->files);
	while (g_hash_table_iter_next(&iter, &key, NULL)) {
		char *kdir = g_path_get_dirname(key);
		if (!strcmp(kdir, dir))
			g_ptr_array_add(names, strrchr(key, '/') ? strrchr(key, '/') + 1 : key);
		g_free(kdir);
	}
	g_ptr_array_sort(names, md_cmp_str); /* the same suggestion whatever the hash order */
	g_ptr_array_add(names, NULL);
	const char *close = suggest_closest(base, (const char *const *)names->pdata, (size_t)-1);
	char *hint = close ? g_strdup_printf("did you mean '%s'?", close)
	                   : g_strdup("check the path, relative to this file");
	diag_error(ctx->d, it->path, line, col, hint, "%s '%s' names a file that does not exist",
	           what, target);
	g_free(hint);
	g_ptr_array_free(names, TRUE);
	g_free(base);
	g_free(dir);
}

static bool md_resolve_as(const md_context *ctx, const content_item *it, const char *what,
                          const char *target, int line, int col, char **ref,
                          char **media)
{
	*ref = *media = NULL;
	char *scheme = NULL;
	if (md_has_scheme(target, &scheme)) {
		static const char *const safe[] = {"http", "https", "mailto", "tel", NULL};
		bool ok = g_strv_contains(safe, scheme);
		if (!ok)
			diag_error(ctx->d, it->path, line, col,
			           "link with http:, https:, mailto: or tel:, or to a file in content/",
			           "unsafe link scheme '%s:'", scheme);
		g_free(scheme);
		return ok;
	}
	if (target[0] == '#' || !target[0])
		return true;
	if (target[0] == '/' || g_str_has_prefix(target, "//")) {
		diag_error(ctx->d, it->path, line, col,
		           "write the path relative to this file, e.g. ../maputo.en.md",
		           "%s '%s' is absolute", what, target);
		return false;
	}
	/* Split off #fragment and ?query; decode %20 and friends. */
	char *path = g_strdup(target), *frag = strchr(path, '#');
	if (frag)
		*frag++ = '\0';
	char *q = strchr(path, '?');
	if (q)
		*q = '\0';
	char *plain = g_uri_unescape_string(path, NULL);
	char *dir = g_path_get_dirname(it->relpath);
	char *joined = g_build_filename("/", dir, plain ? plain : path, NULL);
	char *canon = g_canonicalize_filename(joined, "/");
	bool ok = false;
	const char *rel = canon + 1;
	/* g_canonicalize_filename clamps ".." at the root, so count depth to
	 * see whether the target climbs out of content/. */
	int depth = 0;
	bool escapes = false;
	char **segs = g_strsplit(dir, "/", -1);
	for (char **s = segs; *s; s++)
		if (**s && strcmp(*s, "."))
			depth++;
	g_strfreev(segs);
	segs = g_strsplit(plain ? plain : path, "/", -1);
	for (char **s = segs; *s; s++) {
		if (!strcmp(*s, ".."))
			depth--;
		else if (**s && strcmp(*s, "."))
			depth++;
		escapes |= depth < 0;
	}
	g_strfreev(segs);
	content_kind kind;
	char *slug = NULL;
	if (escapes) {
		diag_error(ctx->d, it->path, line, col, "link only to files inside content/",
		           "%s '%s' points outside content/", what, target);
	} else if (md_page_of(rel, &kind, &slug)) {
		char *base = g_path_get_basename(rel);
		char **dots = g_strsplit(base, ".", -1);
		bool lang_ok = g_strv_length(dots) != 3 || config_language(ctx->config, dots[1]);
		if (!lang_ok)
			diag_error(ctx->d, it->path, line, col,
			           "name the file NAME.LANG.md with a language of site.yaml, or NAME.md",
			           "%s '%s' names language '%s', which the site does not define", what,
			           target, dots[1]);
		g_strfreev(dots);
		g_free(base);
		if (!lang_ok) {
			/* reported */
		} else if (kind == KIND_KIT || kind == KIND_DIAGNOSTIC) {
			diag_error(ctx->d, it->path, line, col,
			           "kits and diagnostics are published as PDFs, not pages; link to "
			           "a system, city, study or page",
			           "link '%s': a %s has no web page", target, content_kind_name(kind));
		} else if (content_group_find(ctx->set, kind, slug)) {
			/* Free pages live at LANG/NAME/, the rest at LANG/KIND/NAME/. */
			*ref = g_strdup_printf("%s%s%s/%s%s", kind == KIND_PAGE ? "" : content_kind_dir(kind),
			                       kind == KIND_PAGE ? "" : "/", slug, frag ? "#" : "",
			                       frag ? frag : "");
			ok = true;
		} else {
			const char *close = content_closest_slug(ctx->set, kind, slug);
			char *hint = close ? g_strdup_printf("did you mean '%s'?", close)
			                   : g_strdup("check the file name, or create the page");
			diag_error(ctx->d, it->path, line, col, hint, "%s '%s': there is no %s '%s'", what,
			           target, content_kind_name(kind), slug);
			g_free(hint);
		}
	} else if (g_hash_table_contains(ctx->set->files, rel)) {
		*media = g_strdup(rel);
		media_use(ctx->media, rel);
		if (ctx->media_used)
			g_ptr_array_add(ctx->media_used, g_strdup(rel));
		ok = true;
	} else {
		md_no_such_file(ctx, it, what, target, rel, line, col);
	}
	g_free(slug);
	g_free(canon);
	g_free(joined);
	g_free(dir);
	g_free(plain);
	g_free(path);
	return ok;
}

bool md_resolve(const md_context *ctx, const content_item *it, const char *target,
                int line, int col, char **ref, char **media)
{
	return md_resolve_as(ctx, it, "link", target, line, col, ref, media);
}

/* Text as XML 1.0 can hold it: what it cannot carry (raw, or written as
 * &#8; or &#xFFFF; in Markdown) is dropped, not passed on to make pages
 * that do not parse. */
static xmlNodePtr md_text_child(xmlNodePtr parent, const char *name, const char *text)
{
	char *clean = xmltext_clean(text);
	xmlNodePtr e = xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST clean);
	g_free(clean);
	return e;
}

static void md_add_text(md_state *st, xmlNodePtr parent, const char *text)
{
	char *clean = xmltext_clean(text);
	xmlAddChild(parent, xmlNewDocText(st->doc, BAD_CAST clean));
	g_free(clean);
}

static xmlNodePtr md_el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

/* Values come from the page too (link URLs, titles, image text, a code
 * block's language), so they lose the characters XML cannot carry. */
static void md_attr(xmlNodePtr n, const char *name, const char *value)
{
	char *clean = xmltext_clean(value);
	xmlSetProp(n, BAD_CAST name, BAD_CAST clean);
	g_free(clean);
}

/* cmark-gfm misplaces autolinks (<url>) that are not on a block's first
 * line: find "<url" in the lines of the enclosing block instead. */
static void md_autolink_position(md_state *st, cmark_node *n, const char *url, int *line,
                                 int *col)
{
	cmark_node *block = cmark_node_parent(n);
	while (block && (cmark_node_get_type(block) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE)
		block = cmark_node_parent(block);
	if (!block)
		return;
	int first = cmark_node_get_start_line(block), last = cmark_node_get_end_line(block);
	char *needle = g_strconcat("<", url, NULL);
	const char *p = st->body, *end = st->body + st->body_len;
	for (int l = 1; p < end && l <= last; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		if (l >= first) {
			char *text = g_strndup(p, (gsize)(eol - p));
			char *hit = strstr(text, needle);
			if (hit) {
				*line = l + st->line0;
				*col = (int)(hit - text) + 1;
				g_free(text);
				break;
			}
			g_free(text);
		}
		p = nl ? nl + 1 : end;
	}
	g_free(needle);
}

static void md_link(md_state *st, cmark_node *n, xmlNodePtr a, const char *attr)
{
	const char *url = cmark_node_get_url(n);
	char *ref, *media;
	int line = cmark_node_get_start_line(n) + st->line0, col = cmark_node_get_start_column(n);
	cmark_node *text = cmark_node_first_child(n);
	if (url && text && cmark_node_get_type(text) == CMARK_NODE_TEXT &&
	    !g_strcmp0(cmark_node_get_literal(text), url))
		md_autolink_position(st, n, url, &line, &col);
	if (!md_resolve_as(st->ctx, st->it, strcmp(attr, "src") ? "link" : "image", url ? url : "",
	                   line, col, &ref, &media))
		return;
	if (ref)
		md_attr(a, "ref", ref);
	else if (media)
		md_attr(a, "media", media);
	else
		md_attr(a, attr, url);
	g_free(ref);
	g_free(media);
}

static bool md_has_inline_html(cmark_node *n)
{
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE || md_has_inline_html(c))
			return true;
	return false;
}

/* Inline raw HTML comes from cmark as separate open and close tags, so a
 * trusted paragraph that has some is rendered whole by cmark and parsed
 * back; its links are resolved first and carried through as placeholders. */
static void md_trusted_paragraph(md_state *st, cmark_node *n, xmlNodePtr parent)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(c);
		if (ev != CMARK_EVENT_ENTER || (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE))
			continue;
		char *ref, *media, *url = g_strdup(cmark_node_get_url(c));
		int line = cmark_node_get_start_line(c) + st->line0, col = cmark_node_get_start_column(c);
		if (md_resolve_as(st->ctx, st->it, t == CMARK_NODE_IMAGE ? "image" : "link",
		                  url ? url : "", line, col, &ref, &media)) {
			char *p = ref ? g_strconcat(RAWHTML_REF, ref, NULL)
			              : media ? g_strconcat(RAWHTML_MEDIA, media, NULL) : NULL;
			if (p)
				cmark_node_set_url(c, p);
			g_free(p);
		} else {
			cmark_node_set_url(c, "");
		}
		g_free(ref);
		g_free(media);
		g_free(url);
	}
	cmark_iter_free(it);
	char *html = cmark_render_html(n, CMARK_OPT_UNSAFE, NULL);
	rawhtml_insert(parent, html);
	free(html);
}

/* Opens the XML element for a Markdown node on entering; returns the element
 * its children go into (or parent when the node has no element). */
static xmlNodePtr md_enter(md_state *st, cmark_node *n, xmlNodePtr parent)
{
	cmark_node_type t = cmark_node_get_type(n);
	xmlNodePtr e = NULL;
	char buf[32];
	if (t == CMARK_NODE_PARAGRAPH && st->ctx->config->trusted_html && md_has_inline_html(n)) {
		md_trusted_paragraph(st, n, parent);
		return NULL;
	} else if (t == CMARK_NODE_PARAGRAPH) {
		/* Tight list items hold their text directly. */
		cmark_node *p = cmark_node_parent(n);
		if (p && cmark_node_get_type(p) == CMARK_NODE_ITEM &&
		    cmark_node_get_list_tight(cmark_node_parent(p)))
			return parent;
		e = md_el(parent, "p");
	} else if (t == CMARK_NODE_HEADING) {
		int level = cmark_node_get_heading_level(n);
		snprintf(buf, sizeof buf, "h%d", level);
		e = md_el(parent, buf);
		GString *text = g_string_new(NULL);
		md_text_of(n, text);
		char *id = md_heading_id(st, text->str);
		md_attr(e, "id", id);
		if (level == 2 || level == 3) {
			xmlNodePtr h = md_text_child(st->toc, "h", text->str);
			md_attr(h, "id", id);
			md_attr(h, "level", level == 2 ? "2" : "3");
		}
		g_free(id);
		g_string_free(text, TRUE);
	} else if (t == CMARK_NODE_BLOCK_QUOTE) {
		e = md_el(parent, "blockquote");
	} else if (t == CMARK_NODE_LIST) {
		bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		e = md_el(parent, ordered ? "ol" : "ul");
		if (ordered && cmark_node_get_list_start(n) != 1) {
			snprintf(buf, sizeof buf, "%d", cmark_node_get_list_start(n));
			md_attr(e, "start", buf);
		}
	} else if (t == CMARK_NODE_ITEM) {
		e = md_el(parent, "li");
		const char *ext = cmark_node_get_type_string(n);
		if (ext && !strcmp(ext, "tasklist")) {
			md_attr(e, "class", "task");
			md_attr(e, "checked",
			        cmark_gfm_extensions_get_tasklist_item_checked(n) ? "true" : "false");
		}
	} else if (t == CMARK_NODE_CODE_BLOCK) {
		e = md_el(parent, "pre");
		xmlNodePtr code = md_text_child(e, "code", cmark_node_get_literal(n));
		const char *info = cmark_node_get_fence_info(n);
		if (info && *info) {
			char *lang = g_strndup(info, strcspn(info, " \t"));
			char *cls = g_strdup_printf("language-%s", lang);
			md_attr(code, "class", cls);
			g_free(cls);
			g_free(lang);
		}
		return NULL;
	} else if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
		if (st->ctx->config->trusted_html)
			rawhtml_insert(parent, cmark_node_get_literal(n));
		return NULL;
	} else if (t == CMARK_NODE_THEMATIC_BREAK) {
		md_el(parent, "hr");
		return NULL;
	} else if (t == CMARK_NODE_TEXT) {
		md_add_text(st, parent, cmark_node_get_literal(n));
		return NULL;
	} else if (t == CMARK_NODE_SOFTBREAK) {
		xmlAddChild(parent, xmlNewDocText(st->doc, BAD_CAST "\n"));
		return NULL;
	} else if (t == CMARK_NODE_LINEBREAK) {
		md_el(parent, "br");
		return NULL;
	} else if (t == CMARK_NODE_CODE) {
		md_text_child(parent, "code", cmark_node_get_literal(n));
		return NULL;
	} else if (t == CMARK_NODE_EMPH) {
		e = md_el(parent, "em");
	} else if (t == CMARK_NODE_STRONG) {
		e = md_el(parent, "strong");
	} else if (t == CMARK_NODE_LINK) {
		e = md_el(parent, "a");
		md_link(st, n, e, "href");
		const char *title = cmark_node_get_title(n);
		if (title && *title)
			md_attr(e, "title", title);
	} else if (t == CMARK_NODE_IMAGE) {
		e = md_el(parent, "img");
		md_link(st, n, e, "src");
		GString *alt = g_string_new(NULL);
		md_text_of(n, alt);
		md_attr(e, "alt", alt->str);
		g_string_free(alt, TRUE);
		const char *media = (const char *)xmlHasProp(e, BAD_CAST "media")
		                            ? (const char *)xmlGetProp(e, BAD_CAST "media")
		                            : NULL;
		if (media) {
			const media_file *f = media_use(st->ctx->media, media);
			if (f->width > 0) {
				snprintf(buf, sizeof buf, "%d", f->width);
				md_attr(e, "width", buf);
				snprintf(buf, sizeof buf, "%d", f->height);
				md_attr(e, "height", buf);
			}
			xmlFree((xmlChar *)media);
		}
		return NULL; /* alt text is not content */
	} else if (t == CMARK_NODE_FOOTNOTE_REFERENCE) {
		const char *label = cmark_node_get_literal(n);
		int num = GPOINTER_TO_INT(g_hash_table_lookup(st->fn_labels, label));
		if (!num) {
			num = (int)g_hash_table_size(st->fn_labels) + 1;
			g_hash_table_insert(st->fn_labels, g_strdup(label), GINT_TO_POINTER(num));
		}
		snprintf(buf, sizeof buf, "%d", num);
		e = xmlNewTextChild(parent, NULL, BAD_CAST "fnref", BAD_CAST buf);
		md_attr(e, "n", buf);
		/* Only the first reference is the target of the note's back link. */
		if (!g_hash_table_contains(st->fn_seen, label)) {
			g_hash_table_add(st->fn_seen, g_strdup(label));
			md_attr(e, "first", "true");
		}
		return NULL;
	} else if (t == CMARK_NODE_FOOTNOTE_DEFINITION) {
		/* cmark-gfm moves definitions to the end, in order of first use. */
		xmlNodePtr list = parent->last;
		if (!list || xmlStrcmp(list->name, BAD_CAST "footnotes"))
			list = md_el(parent, "footnotes");
		e = md_el(list, "fn");
		snprintf(buf, sizeof buf, "%d", ++st->fn_defs);
		md_attr(e, "n", buf);
	} else if (t == CMARK_NODE_TABLE) {
		e = md_el(parent, "table");
	} else if (t == CMARK_NODE_TABLE_ROW) {
		xmlNodePtr sect = parent->last;
		bool head = cmark_gfm_extensions_get_table_row_is_header(n);
		const char *want = head ? "thead" : "tbody";
		if (!sect || xmlStrcmp(sect->name, BAD_CAST want))
			sect = md_el(parent, want);
		e = md_el(sect, "tr");
	} else if (t == CMARK_NODE_TABLE_CELL) {
		cmark_node *row = cmark_node_parent(n), *table = cmark_node_parent(row);
		bool head = cmark_gfm_extensions_get_table_row_is_header(row);
		e = md_el(parent, head ? "th" : "td");
		int i = 0;
		for (cmark_node *c = cmark_node_first_child(row); c && c != n; c = cmark_node_next(c))
			i++;
		uint8_t *al = cmark_gfm_extensions_get_table_alignments(table);
		if (al && i < cmark_gfm_extensions_get_table_columns(table) && al[i]) {
			md_attr(e, "align", al[i] == 'r' ? "right" : al[i] == 'c' ? "center" : "left");
		}
	} else if (t == CMARK_NODE_STRIKETHROUGH) {
		e = md_el(parent, "del");
	}
	return e ? e : parent;
}

/* Renders n's children into parent. Past MD_MAX_DEPTH the rest is kept as
 * plain text: nothing lost, no unbounded recursion. */
static void md_walk(md_state *st, cmark_node *n, xmlNodePtr parent, int depth)
{
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		if (depth >= MD_MAX_DEPTH) {
			GString *text = g_string_new(NULL);
			md_text_of(c, text);
			md_add_text(st, parent, text->str);
			g_string_free(text, TRUE);
			continue;
		}
		xmlNodePtr e = md_enter(st, c, parent);
		if (e)
			md_walk(st, c, e, depth + 1);
	}
}

xmlNodePtr md_render(const md_context *ctx, const content_item *it, xmlDocPtr doc,
                     xmlNodePtr *toc)
{
	char *owned;
	size_t len;
	const char *text = content_item_body(it, &len, &owned);
	if (!text) {
		diag_error(ctx->d, it->path, 0, 0, "build again when the file is saved",
		           "the file changed while kitgen was building");
		text = "";
		len = 0;
	}
	md_state st = {.ctx = ctx, .it = it, .body = text, .body_len = len, .doc = doc,
	               .line0 = it->body_line - 1};
	st.ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	st.fn_labels = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	st.fn_seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	st.toc = xmlNewDocNode(doc, NULL, BAD_CAST "toc", NULL);
	xmlNodePtr body = xmlNewDocNode(doc, NULL, BAD_CAST "body", NULL);
	cmark_node *root = md_parse(text, len);
	md_walk(&st, root, body, 0);
	cmark_node_free(root);
	g_free(owned);
	g_hash_table_destroy(st.ids);
	g_hash_table_destroy(st.fn_labels);
	g_hash_table_destroy(st.fn_seen);
	*toc = st.toc;
	return body;
}
