/* model_reads: read names of the model and their values now. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "build/reads.h"
#include "model/model_reads.h"

void model_read_fm(const content_item *it, const char *key)
{
	reads_use("fm|%s|%s", it->relpath, key);
}

void model_read_catalogue(void)
{
	reads_use("catalogue");
}

static void model_sum_str(GChecksum *sum, const char *s)
{
	g_checksum_update(sum, (const guchar *)(s ? s : ""), (gssize)strlen(s ? s : "") + 1);
}

/* A front-matter value as typed: kind, text, keys and items. */
static void model_sum_yt(GChecksum *sum, const yt_node *n)
{
	if (!n) {
		model_sum_str(sum, "-");
		return;
	}
	char head[48];
	snprintf(head, sizeof head, "%d %d %zu", (int)n->kind, (int)n->quoted, n->count);
	model_sum_str(sum, head);
	model_sum_str(sum, n->value);
	for (size_t i = 0; i < n->count; i++) {
		if (n->kind == YT_MAP)
			model_sum_str(sum, n->keys[i]);
		model_sum_yt(sum, n->items[i]);
	}
}

/* The page at relpath rel (the set's index of them, made on first use). */
static content_item *model_read_item(model *m, const char *rel)
{
	g_mutex_lock(&m->lock);
	if (!m->by_relpath) {
		m->by_relpath = g_hash_table_new(g_str_hash, g_str_equal);
		content_iter i = content_iter_start(m->set);
		for (content_item *it; (it = content_iter_next(&i));)
			g_hash_table_insert(m->by_relpath, it->relpath, it);
	}
	content_item *it = g_hash_table_lookup(m->by_relpath, rel);
	g_mutex_unlock(&m->lock);
	return it;
}

/* site.yaml, the languages built, every page's path and the other files
 * by size and time: what every page reads around its content. */
static void model_sum_catalogue(model *m, GChecksum *sum)
{
	const content_set *set = m->set;
	content_iter i = content_iter_start(set);
	for (const content_item *it; (it = content_iter_next(&i));)
		model_sum_str(sum, it->relpath);
	char *config = g_build_filename(set->root, "site.yaml", NULL), *text;
	gsize len;
	if (g_file_get_contents(config, &text, &len, NULL)) {
		g_checksum_update(sum, (const guchar *)text, (gssize)len);
		g_free(text);
	}
	g_free(config);
	const site_config *c = m->config;
	for (size_t l = 0; l < c->nlangs; l++) /* --lang picks the languages built */
		g_checksum_update(sum, (const guchar *)(c->langs[l].build ? "+" : "-"), 1);
	GList *files = g_list_sort(g_hash_table_get_keys(set->files), (GCompareFunc)strcmp);
	for (GList *f = files; f; f = f->next) {
		struct stat st;
		char *path = g_build_filename(set->root, f->data, NULL);
		if (!g_str_has_suffix(f->data, ".md") && stat(path, &st) == 0) {
			char buf[96];
			snprintf(buf, sizeof buf, "%lld %lld.%09ld", (long long)st.st_size,
			         (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
			model_sum_str(sum, f->data);
			model_sum_str(sum, buf);
		}
		g_free(path);
	}
	g_list_free(files);
}

/* name split at '|' into at most n fields (owned, NULL-ended). */
static char **model_read_fields(const char *name, int n)
{
	return g_strsplit(name, "|", n);
}

bool model_read_value(void *mp, const char *name, GChecksum *sum)
{
	model *m = mp;
	bool ok = true;
	if (!strcmp(name, "catalogue")) {
		model_sum_catalogue(m, sum);
		return true;
	}
	if (!strcmp(name, "heads")) { /* every page's front matter */
		content_iter i = content_iter_start(m->set);
		for (const content_item *it; (it = content_iter_next(&i));) {
			model_sum_str(sum, it->relpath);
			g_checksum_update(sum, it->head_sum, sizeof it->head_sum);
		}
		return true;
	}
	char **f = model_read_fields(name, 0);
	guint n = g_strv_length(f);
	if (!strcmp(f[0], "fm") && n >= 3) { /* fm|REL|KEY: REL may hold a '|' */
		const char *key = f[n - 1];
		char *rel = g_strndup(name + 3, strlen(name) - 3 - strlen(key) - 1);
		content_item *it = model_read_item(m, rel);
		model_sum_str(sum, it ? "+" : "-");
		if (it)
			model_sum_yt(sum, yt_get(it->fm, key));
		g_free(rel);
	} else if ((!strcmp(f[0], "keys") || !strcmp(f[0], "body")) && n >= 2) {
		content_item *it = model_read_item(m, strchr(name, '|') + 1);
		model_sum_str(sum, it ? "+" : "-");
		if (it && f[0][0] == 'b')
			g_checksum_update(sum, it->body_sum, sizeof it->body_sum);
		for (size_t i = 0; it && f[0][0] == 'k' && i < it->fm->count; i++)
			model_sum_str(sum, it->fm->keys[i]);
	} else if (!strcmp(f[0], "pick") && n == 4) { /* the translation lang shows */
		int k = content_kind_from_name(f[1]);
		content_group *g = k < 0 ? NULL : content_group_find(m->set, k, f[2]);
		content_item *it = g ? content_group_pick(g, m->config, f[3]) : NULL;
		model_sum_str(sum, it ? it->relpath : "");
	} else if (!strcmp(f[0], "studies") && n == 4) { /* a city's or system's studies */
		int k = content_kind_from_name(f[1]);
		GPtrArray *found = k < 0 ? NULL : model_studies_of(m, k, f[2], f[3]);
		for (guint i = 0; found && i < found->len; i++)
			model_sum_str(sum, ((content_item *)found->pdata[i])->relpath);
		ok = k >= 0;
	} else if (!strcmp(f[0], "order") && n == 3) { /* a kind's pages, as lists sort them */
		int k = content_kind_from_name(f[1]);
		GPtrArray *groups = k < 0 ? NULL : model_sorted_groups(m, k, f[2]);
		for (guint i = 0; groups && i < groups->len; i++)
			model_sum_str(sum, ((content_group *)groups->pdata[i])->slug);
		if (groups)
			g_ptr_array_free(groups, TRUE);
		ok = groups != NULL;
	} else {
		ok = false;
	}
	g_strfreev(f);
	return ok;
}

model_shown *model_shown_load(const char *path)
{
	model_shown *l = g_new0(model_shown, 1);
	l->keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
	l->no_downloads = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	l->no_fallback = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	l->sizes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	l->newest = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	/* the theme's own file, parsed as a document without network or entities */
	xmlDocPtr doc = g_file_test(path, G_FILE_TEST_IS_REGULAR)
	                ? xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
	                : NULL;
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
		xmlChar *layout = n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "list-keys")
		                  ? xmlGetProp(n, BAD_CAST "layout") : NULL;
		if (!layout)
			continue;
		xmlChar *kind = xmlGetProp(n, BAD_CAST "kind"), *on = xmlGetProp(n, BAD_CAST "on");
		xmlChar *slug = xmlGetProp(n, BAD_CAST "slug");
		xmlChar *dl = xmlGetProp(n, BAD_CAST "downloads"), *fb = xmlGetProp(n, BAD_CAST "fallback");
		bool whole = !kind && !on && !slug; /* the layout's own entry */
		if (whole && !xmlStrEqual(dl, BAD_CAST "true"))
			g_hash_table_add(l->no_downloads, g_strdup((char *)layout));
		if (whole && xmlStrEqual(fb, BAD_CAST "false"))
			g_hash_table_add(l->no_fallback, g_strdup((char *)layout));
		xmlChar *size = whole ? xmlGetProp(n, BAD_CAST "size") : NULL;
		xmlChar *paged = size ? xmlGetProp(n, BAD_CAST "paged") : NULL;
		long items = size ? strtol((char *)size, NULL, 10) : 0;
		if (items > 0 && items < 100000) /* else: no bound */
			g_hash_table_replace(l->sizes, g_strdup((char *)layout),
			                     GINT_TO_POINTER((int)items * 2 + xmlStrEqual(paged, BAD_CAST "true")));
		xmlFree(size);
		xmlFree(paged);
		xmlChar *newest = whole ? xmlGetProp(n, BAD_CAST "newest") : NULL;
		if (newest)
			g_hash_table_replace(l->newest, g_strdup((char *)layout), g_strdup((char *)newest));
		xmlFree(newest);
		char *name = kind ? g_strdup_printf("%s kind=%s", layout, kind)
		             : on ? g_strdup_printf("%s on=%s", layout, on)
		             : slug ? g_strdup_printf("%s slug=%s", layout, slug)
		                    : g_strdup((char *)layout);
		xmlChar *text = xmlNodeGetContent(n);
		char **keys = g_strsplit_set(g_strstrip((char *)text), " \t\n", -1);
		if (keys[0] && !keys[0][0]) { /* an empty element: no key */
			g_strfreev(keys);
			keys = g_new0(char *, 1);
		}
		g_hash_table_replace(l->keys, name, keys);
		xmlFree(text);
		xmlFree(kind);
		xmlFree(on);
		xmlFree(slug);
		xmlFree(dl);
		xmlFree(fb);
		xmlFree(layout);
	}
	xmlFreeDoc(doc);
	return l;
}

void model_shown_free(model_shown *l)
{
	if (!l)
		return;
	g_hash_table_destroy(l->keys);
	g_hash_table_destroy(l->no_downloads);
	g_hash_table_destroy(l->no_fallback);
	g_hash_table_destroy(l->sizes);
	g_hash_table_destroy(l->newest);
	g_free(l);
}

const char *model_shown_newest(const model_shown *s, const char *layout)
{
	return s ? g_hash_table_lookup(s->newest, layout) : NULL;
}

int model_shown_size(const model_shown *s, const char *layout, bool *paged)
{
	int v = s ? GPOINTER_TO_INT(g_hash_table_lookup(s->sizes, layout)) : 0;
	*paged = v & 1;
	return v / 2;
}


const char *const *model_shown_keys(const model_shown *s, const char *layout,
                                    const char *qualifier, bool exact)
{
	if (!s)
		return NULL;
	char *key = g_strconcat(layout, *qualifier ? " " : "", qualifier, NULL);
	const char *const *keys = g_hash_table_lookup(s->keys, key);
	g_free(key);
	return keys || exact ? keys : g_hash_table_lookup(s->keys, layout);
}
