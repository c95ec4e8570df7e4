/* search: documents from the model, their tokens (search_tokens.c),
 * postings cut into chunks by token range (as Pagefind does), written as
 * .js files. */
#include <stdlib.h>
#include <string.h>
#include "build/jobs.h"
#include "build/out.h"
#include "site/search_int.h"

#define SEARCH_VERSION "kitgen-search 1" /* in every key: change with the format */
#define SEARCH_SNIPPET 1500  /* characters of body text kept for snippets */
#define SEARCH_BODY_CAP 8    /* a word repeated in the body counts this much at most */

/* ---- documents ------------------------------------------------------------ */

typedef struct {
	const content_group *g;    /* a page, or NULL */
	const site_download *pdf;  /* a PDF, or NULL */
	const char *lang;
	char *key;                 /* of its fragment: what it is made from */
	bool kept;                 /* the previous build's fragment is linked in */
} search_doc;

static void search_doc_free(gpointer p)
{
	search_doc *d = p;
	g_free(d->key);
	g_free(d);
}

static void search_sum_str(GChecksum *sum, const char *s)
{
	g_checksum_update(sum, (const guchar *)(s ? s : ""), (gssize)strlen(s ? s : "") + 1);
}

/* Every page in each language it is written in (a fallback page repeats
 * another language's text), then that language's PDFs: by language, so the
 * manifest gives each language as one range of document numbers. */
static GPtrArray *search_docs(search_job *job)
{
	const site_config *c = job->model->config;
	const content_set *set = job->model->set;
	GPtrArray *docs = g_ptr_array_new_with_free_func(search_doc_free);
	for (size_t l = 0; l < c->nlangs; l++) {
		if (!c->langs[l].build)
			continue;
		const char *lang = c->langs[l].code;
		for (int k = 0; k < KIND_COUNT; k++) {
			if (!model_kind_has_page(k) || k == KIND_DIAGNOSTIC)
				continue;
			for (guint i = 0; i < set->groups[k]->len; i++) {
				content_group *g = set->groups[k]->pdata[i];
				if (!content_group_item(g, lang))
					continue;
				search_doc *d = g_new0(search_doc, 1);
				d->g = g;
				d->lang = lang;
				g_ptr_array_add(docs, d);
			}
		}
		for (guint i = 0; job->downloads && i < job->downloads->len; i++) {
			const site_download *p = job->downloads->pdata[i];
			if (g_strcmp0(p->lang, lang))
				continue;
			search_doc *d = g_new0(search_doc, 1);
			d->pdf = p;
			d->lang = lang;
			g_ptr_array_add(docs, d);
		}
	}
	/* A fragment is made from its own file (or the PDF's entry) only. */
	for (guint i = 0; job->cache && i < docs->len; i++) {
		search_doc *d = docs->pdata[i];
		GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
		char num[32];
		snprintf(num, sizeof num, "%u", i);
		search_sum_str(sum, SEARCH_VERSION);
		search_sum_str(sum, num);
		search_sum_str(sum, d->lang);
		if (d->g) {
			const content_item *it = content_group_item(d->g, d->lang);
			search_sum_str(sum, content_kind_name(d->g->kind));
			search_sum_str(sum, d->g->slug);
			search_sum_str(sum, it->relpath);
			g_checksum_update(sum, it->head_sum, sizeof it->head_sum);
			g_checksum_update(sum, it->body_sum, sizeof it->body_sum);
		} else {
			search_sum_str(sum, d->pdf->href);
			search_sum_str(sum, d->pdf->title);
			search_sum_str(sum, d->pdf->kind);
		}
		d->key = cache_key_sum(job->cache, "search-doc", sum);
	}
	return docs;
}

void search_json_str(GString *out, const char *s)
{
	g_string_append_c(out, '"');
	for (const char *p = s ? s : ""; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '"' || ch == '\\')
			g_string_append_printf(out, "\\%c", ch);
		else if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&') /* no markup, even in a script */
			g_string_append_printf(out, "\\u%04x", ch);
		else if (ch == 0xE2 && (unsigned char)p[1] == 0x80 &&
		         ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9)) {
			g_string_append_printf(out, "\\u%04x", 0x2028 + ((unsigned char)p[2] - 0xA8));
			p += 2; /* line separators end a line in older JavaScript */
		} else
			g_string_append_c(out, (char)ch);
	}
	g_string_append_c(out, '"');
}

/* Text of an XML subtree, with a space where a block ends: "<p>a</p><p>b</p>"
 * is "a b", not "ab". */
static void search_node_text(xmlNodePtr n, GString *out)
{
	static const char *const inline_names[] = {"a", "em", "strong", "code", "span", "sup",
	                                           "sub", "del", "mark", "b", "i", "abbr", NULL};
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			g_string_append(out, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			bool inl = g_strv_contains(inline_names, (const char *)n->name);
			if (!inl)
				g_string_append_c(out, ' ');
			search_node_text(n->children, out);
			if (!inl)
				g_string_append_c(out, ' ');
		}
	}
}

/* Runs of white space as one space, none at the ends. */
static char *search_squeeze(const char *s)
{
	GString *out = g_string_new(NULL);
	bool space = false;
	for (const char *p = s; *p; p++) {
		if (g_ascii_isspace(*p)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = false;
		g_string_append_c(out, *p);
	}
	return g_string_free(out, FALSE);
}

static char *search_child_text(xmlNodePtr item, const char *name)
{
	for (xmlNodePtr c = item->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name)) {
			GString *t = g_string_new(NULL);
			search_node_text(c->children, t);
			char *s = search_squeeze(t->str);
			g_string_free(t, TRUE);
			return s;
		}
	return g_strdup("");
}

typedef struct {
	GHashTable *t;
	int weight, cap;
} search_count;

static void search_count_token(const char *token, void *data)
{
	search_count *c = data;
	int v = GPOINTER_TO_INT(g_hash_table_lookup(c->t, token));
	if (v + c->weight <= c->cap)
		g_hash_table_replace(c->t, g_strdup(token), GINT_TO_POINTER(v + c->weight));
}

static void search_add_counts(GHashTable *to, GHashTable *from)
{
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, from);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		int w = GPOINTER_TO_INT(g_hash_table_lookup(to, k)) + GPOINTER_TO_INT(v);
		g_hash_table_replace(to, g_strdup(k), GINT_TO_POINTER(w > 255 ? 255 : w));
	}
}

/* A word in the title weighs 10, in the summary 4, in the body 1 a time,
 * up to SEARCH_BODY_CAP. */
static GHashTable *search_weigh(const char *title, const char *summary, const char *body)
{
	GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	search_count c = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), 10, 1000};
	search_tokenize(title, search_count_token, &c);
	search_add_counts(t, c.t);
	g_hash_table_remove_all(c.t);
	c.weight = 4;
	search_tokenize(summary, search_count_token, &c);
	search_add_counts(t, c.t);
	g_hash_table_remove_all(c.t);
	c.weight = 1;
	c.cap = SEARCH_BODY_CAP;
	search_tokenize(body, search_count_token, &c);
	search_add_counts(t, c.t);
	g_hash_table_unref(c.t);
	return t;
}

typedef struct {
	search_job *job;
	GPtrArray *docs;
	search_store *store;
	gint failed; /* a fragment could not be written (atomic) */
} search_make;

/* One document: its tokens (to the store) and its fragment (written now,
 * not kept), from the item the page shows. */
static bool search_make_doc(void *shared, int thread, size_t i)
{
	(void)thread;
	search_make *mk = shared;
	search_doc *d = mk->docs->pdata[i];
	/* known from the last build: nothing to render */
	if (d->kept && search_store_copy(mk->store, i, d->key))
		return true;
	char *url, *title, *summary, *body;
	const char *kind;
	if (d->g) {
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr item = model_item(mk->job->model, d->g, d->lang, doc, true);
		xmlDocSetRootElement(doc, item);
		url = model_page_path(d->g->kind, d->g->slug, d->lang);
		kind = content_kind_name(d->g->kind);
		title = search_child_text(item, "title");
		summary = search_child_text(item, "summary");
		body = search_child_text(item, "body");
		xmlFreeDoc(doc);
	} else {
		url = g_strdup(d->pdf->href);
		kind = "pdf";
		title = g_strdup(d->pdf->title);
		summary = g_strdup("");
		body = g_strdup("");
	}
	GHashTable *tokens = search_weigh(title, summary, body);
	search_store_put(mk->store, i, d->key, tokens);
	g_hash_table_unref(tokens);
	if (g_utf8_strlen(body, -1) > SEARCH_SNIPPET) /* the snippet's text, not the page's */
		*g_utf8_offset_to_pointer(body, SEARCH_SNIPPET) = '\0';
	GString *f = NULL;
	if (!d->kept) {
		f = g_string_new(NULL);
		g_string_append_printf(f, "kgSearch.doc(%zu,{\"u\":", i);
		search_json_str(f, url);
		g_string_append(f, ",\"l\":");
		search_json_str(f, d->lang);
		g_string_append(f, ",\"k\":");
		search_json_str(f, kind);
		g_string_append(f, ",\"t\":");
		search_json_str(f, title);
		g_string_append(f, ",\"s\":");
		search_json_str(f, summary);
		g_string_append(f, ",\"b\":");
		search_json_str(f, body);
		g_string_append(f, "});\n");
	}
	g_free(url);
	g_free(title);
	g_free(summary);
	g_free(body);
	if (!f)
		return true;
	char *rel = g_strdup_printf("search/d/%zu.js", i);
	char *path = g_build_filename(mk->job->out_dir, rel, NULL);
	GError *err = NULL;
	g_atomic_pointer_add(&mk->job->bytes, (gssize)f->len);
	if (!out_write_file(path, f->str, f->len, &err)) {
		diag_error(mk->job->d, NULL, 0, 0, NULL, "%s", err->message);
		g_error_free(err);
		g_atomic_int_set(&mk->failed, 1);
	} else if (mk->job->cache && d->key)
		cache_note(mk->job->cache, rel, d->key, false);
	g_string_free(f, TRUE);
	g_free(path);
	g_free(rel);
	return true;
}

/* ---- files ---------------------------------------------------------------- */

bool search_write(search_job *job, const char *rel, const char *text, const char *key)
{
	job->bytes += strlen(text);
	if (job->cache && key && cache_reuse(job->cache, rel, key, job->out_dir))
		return true;
	char *path = g_build_filename(job->out_dir, rel, NULL);
	GError *err = NULL;
	bool ok = out_write_file(path, text, strlen(text), &err);
	if (!ok) {
		diag_error(job->d, NULL, 0, 0, NULL, "%s", err->message);
		g_error_free(err);
	}
	g_free(path);
	return ok;
}

/* The key of the whole index: the world and every document's key. */
static char *search_key(search_job *job, GPtrArray *docs)
{
	if (!job->cache || !job->world)
		return NULL;
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	search_sum_str(sum, SEARCH_VERSION);
	search_sum_str(sum, job->world);
	for (guint i = 0; i < docs->len; i++)
		search_sum_str(sum, ((search_doc *)docs->pdata[i])->key);
	return cache_key_sum(job->cache, "search", sum);
}

/* Nothing the index reads changed: every file of the previous index is
 * linked in (the chunks named in its manifest). false when one is missing. */
static bool search_keep(search_job *job, GPtrArray *docs, const char *key)
{
	if (!key || !cache_reuse(job->cache, "search/index.js", key, job->out_dir))
		return false;
	char *path = g_build_filename(job->out_dir, "search", "index.js", NULL), *text;
	gsize len;
	bool ok = g_file_get_contents(path, &text, &len, NULL);
	g_free(path);
	if (!ok)
		return false;
	job->bytes = len;
	GRegex *re = g_regex_new(",\"([0-9a-f]{16})\"\\]", 0, 0, NULL);
	GMatchInfo *m;
	g_regex_match(re, text, 0, &m);
	for (; ok && g_match_info_matches(m); g_match_info_next(m, NULL)) {
		char *hash = g_match_info_fetch(m, 1);
		char *rel = g_strdup_printf("search/c/%s.js", hash);
		ok = cache_reuse(job->cache, rel, hash, job->out_dir);
		job->chunks++;
		g_free(rel);
		g_free(hash);
	}
	g_match_info_free(m);
	g_regex_unref(re);
	g_free(text);
	for (guint i = 0; ok && i < docs->len; i++) {
		char *rel = g_strdup_printf("search/d/%u.js", i);
		ok = cache_reuse(job->cache, rel, ((search_doc *)docs->pdata[i])->key, job->out_dir);
		g_free(rel);
	}
	return ok;
}

bool search_build(search_job *job)
{
	GPtrArray *docs = search_docs(job);
	char *key = search_key(job, docs);
	job->docs = docs->len;
	if (search_keep(job, docs, key)) {
		g_free(key);
		g_ptr_array_free(docs, TRUE);
		return true;
	}
	job->chunks = job->bytes = 0;
	/* Fragments whose document did not change are linked in, and their
	 * tokens come from the previous build's: only changed documents are
	 * rendered. */
	for (guint i = 0; i < docs->len; i++) {
		search_doc *d = docs->pdata[i];
		char *rel = g_strdup_printf("search/d/%u.js", i);
		d->kept = d->key && cache_reuse(job->cache, rel, d->key, job->out_dir);
		g_free(rel);
	}
	search_make mk = {job, docs, search_store_open(job, docs->len), 0};
	bool ok = mk.store && jobs_run(job->jobs > 0 ? job->jobs : 1, docs->len, search_make_doc, &mk);
	ok = ok && !g_atomic_int_get(&mk.failed);
	/* The manifest: each language's range of documents, then the chunks. */
	GString *man = g_string_new("kgSearch.manifest({\"v\":1,\"docs\":");
	g_string_append_printf(man, "%u,\"langs\":[", docs->len);
	for (guint i = 0, start = 0; i <= docs->len; i++) {
		const char *prev = start < docs->len ? ((search_doc *)docs->pdata[start])->lang : NULL;
		if (i > start && (i == docs->len || strcmp(((search_doc *)docs->pdata[i])->lang, prev))) {
			g_string_append_printf(man, "%s[", start ? "," : "");
			search_json_str(man, prev);
			g_string_append_printf(man, ",%u,%u]", start, i - start);
			start = i;
		}
	}
	g_string_append(man, "]");
	ok = ok && search_store_chunks(mk.store, job, man);
	g_string_append(man, "});\n");
	if (ok) { /* keyed on its inputs: the next build knows it without making it */
		job->bytes += man->len;
		char *path = g_build_filename(job->out_dir, "search", "index.js", NULL);
		GError *err = NULL;
		ok = out_write_file(path, man->str, man->len, &err);
		if (!ok) {
			diag_error(job->d, NULL, 0, 0, NULL, "%s", err->message);
			g_error_free(err);
		} else if (job->cache && key)
			cache_note(job->cache, "search/index.js", key, false);
		g_free(path);
	}
	if (mk.store)
		search_store_close(mk.store, ok);
	g_string_free(man, TRUE);
	g_free(key);
	g_ptr_array_free(docs, TRUE);
	return ok;
}
