/* cache: keys in a TSV file, outputs reused by hard link. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include "cache.h"
#include "out.h"

struct out_cache {
	char *file;      /* OUT/.cache/outputs.tsv */
	char *site;      /* OUT/site */
	char *salt;      /* fingerprint of everything outside the documents */
	GHashTable *old; /* rel -> key, from the previous build */
	GHashTable *now; /* rel -> key, this build */
	GMutex lock;
	int reused, made;
	bool force; /* reuse nothing (the keys are still saved) */
};

static gint cache_cmp(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds a folder's files (sorted, path and bytes) to a checksum. */
static void cache_hash_tree(GChecksum *sum, const char *dir, const char *rel)
{
	char *path = g_build_filename(dir, rel, NULL);
	GDir *d = g_dir_open(path, 0, NULL);
	if (!d) {
		char *text;
		gsize len;
		if (g_file_get_contents(path, &text, &len, NULL)) {
			g_checksum_update(sum, (const guchar *)rel, -1);
			g_checksum_update(sum, (const guchar *)text, (gssize)len);
			g_free(text);
		}
		g_free(path);
		return;
	}
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *n;
	while ((n = g_dir_read_name(d)))
		g_ptr_array_add(names, g_strdup(n));
	g_dir_close(d);
	g_ptr_array_sort(names, cache_cmp);
	for (guint i = 0; i < names->len; i++) {
		char *child = g_build_filename(rel, names->pdata[i], NULL);
		cache_hash_tree(sum, dir, child);
		g_free(child);
	}
	g_ptr_array_free(names, TRUE);
	g_free(path);
}

out_cache *cache_open(const char *out_dir, const char *theme_dir, const char *fonts_conf,
                      const char *extra_salt)
{
	out_cache *c = g_new0(out_cache, 1);
	c->file = g_build_filename(out_dir, ".cache", "outputs.tsv", NULL);
	c->site = g_build_filename(out_dir, "site", NULL);
	c->old = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	c->now = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	g_mutex_init(&c->lock);
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(sum, (const guchar *)extra_salt, -1);
	const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
	g_checksum_update(sum, (const guchar *)(epoch ? epoch : "-"), -1);
	cache_hash_tree(sum, theme_dir, "");
	if (fonts_conf)
		cache_hash_tree(sum, fonts_conf, "");
	c->salt = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	char *text;
	if (g_file_get_contents(c->file, &text, NULL, NULL)) {
		char **lines = g_strsplit(text, "\n", -1);
		for (char **l = lines; *l; l++) {
			char *tab = strchr(*l, '\t');
			if (tab)
				g_hash_table_insert(c->old, g_strndup(*l, (gsize)(tab - *l)), g_strdup(tab + 1));
		}
		g_strfreev(lines);
		g_free(text);
	}
	return c;
}

void cache_free(out_cache *c)
{
	if (!c)
		return;
	g_hash_table_destroy(c->old);
	g_hash_table_destroy(c->now);
	g_mutex_clear(&c->lock);
	g_free(c->file);
	g_free(c->site);
	g_free(c->salt);
	g_free(c);
}

void cache_set_force(out_cache *c)
{
	c->force = true;
}

char *cache_key(const out_cache *c, const char *kind, xmlDocPtr doc)
{
	xmlChar *mem = NULL;
	int len = 0;
	xmlDocDumpMemory(doc, &mem, &len);
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(sum, (const guchar *)c->salt, -1);
	g_checksum_update(sum, (const guchar *)kind, -1);
	g_checksum_update(sum, mem, len);
	char *key = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	xmlFree(mem);
	return key;
}

char *cache_key_sum(const out_cache *c, const char *kind, GChecksum *sum)
{
	GChecksum *key = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(key, (const guchar *)c->salt, -1);
	g_checksum_update(key, (const guchar *)kind, -1);
	g_checksum_update(key, (const guchar *)g_checksum_get_string(sum), -1);
	char *out = g_strdup(g_checksum_get_string(key));
	g_checksum_free(key);
	g_checksum_free(sum);
	return out;
}

bool cache_reuse(out_cache *c, const char *rel, const char *key, const char *staging)
{
	g_mutex_lock(&c->lock);
	const char *old = g_hash_table_lookup(c->old, rel);
	bool same = !c->force && old && !strcmp(old, key);
	g_hash_table_replace(c->now, g_strdup(rel), g_strdup(key));
	g_mutex_unlock(&c->lock);
	bool ok = false;
	if (same) {
		char *from = g_build_filename(c->site, rel, NULL);
		char *to = g_build_filename(staging, rel, NULL);
		char *dir = g_path_get_dirname(to);
		struct stat st;
		/* Only a regular file the previous build wrote: never a link. */
		ok = lstat(from, &st) == 0 && S_ISREG(st.st_mode) &&
		     g_mkdir_with_parents(dir, 0755) == 0 && link(from, to) == 0;
		g_free(dir);
		g_free(to);
		g_free(from);
	}
	g_mutex_lock(&c->lock);
	ok ? c->reused++ : c->made++;
	g_mutex_unlock(&c->lock);
	return ok;
}

void cache_forget(out_cache *c)
{
	g_unlink(c->file);
}

bool cache_save(out_cache *c, GError **err)
{
	GList *keys = g_list_sort(g_hash_table_get_keys(c->now), (GCompareFunc)strcmp);
	GString *out = g_string_new(NULL);
	for (GList *k = keys; k; k = k->next)
		g_string_append_printf(out, "%s\t%s\n", (char *)k->data,
		                       (char *)g_hash_table_lookup(c->now, k->data));
	g_list_free(keys);
	bool ok = out_write_file(c->file, out->str, out->len, err);
	g_string_free(out, TRUE);
	return ok;
}

void cache_counts(const out_cache *c, int *reused, int *made)
{
	*reused = c->reused;
	*made = c->made;
}
