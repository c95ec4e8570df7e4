/* cache: keys in a TSV file, outputs reused by hard link. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include "build/cache.h"
#include "build/jobs.h"
#include "build/out.h"

struct out_cache {
	char *file;      /* OUT/.cache/outputs.tsv */
	char *site;      /* OUT/site */
	char *spare_dir; /* OUT/.cache/site-spare: the site before OUT/site */
	char *spare_file; /* OUT/.cache/site-spare.tsv: its keys */
	GHashTable *spare; /* rel -> key of the recycled staging folder, or NULL */
	bool old_valid;  /* outputs.tsv was read: old names OUT/site's keys */
	/* every file of the site has a key but the copies under assets/ and
	 * media/ (see cache_set_complete): this build's, OUT/site's */
	bool now_complete, old_complete;
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
	/* The site's stylesheets and scripts are linked by address, never read
	 * into a page or a PDF: editing one remakes no output (it is copied as
	 * it is), so a CSS change previews in the time of a copy. */
	if (g_str_has_prefix(rel, "assets/") &&
	    (g_str_has_suffix(rel, ".css") || g_str_has_suffix(rel, ".js")))
		return;
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

/* The first line of a keys file whose site is complete. */
#define CACHE_COMPLETE "#complete"

/* Reads a keys file (REL TAB KEY lines) into keys; *complete: it says
 * its site is complete. */
static bool cache_read_keys(const char *file, GHashTable *keys, bool *complete)
{
	*complete = false;
	char *text;
	if (!g_file_get_contents(file, &text, NULL, NULL))
		return false;
	char **lines = g_strsplit(text, "\n", -1);
	for (char **l = lines; *l; l++) {
		char *tab = strchr(*l, '\t');
		if (l == lines && !strcmp(*l, CACHE_COMPLETE))
			*complete = true;
		else if (tab)
			g_hash_table_insert(keys, g_strndup(*l, (gsize)(tab - *l)), g_strdup(tab + 1));
	}
	g_strfreev(lines);
	g_free(text);
	return true;
}

/* Writes keys (rel -> key) as sorted REL TAB KEY lines, all or nothing. */
static bool cache_write_keys(const char *file, GHashTable *keys, bool complete, GError **err)
{
	GList *rels = g_list_sort(g_hash_table_get_keys(keys), (GCompareFunc)strcmp);
	GString *out = g_string_new(complete ? CACHE_COMPLETE "\n" : NULL);
	for (GList *r = rels; r; r = r->next)
		g_string_append_printf(out, "%s\t%s\n", (char *)r->data,
		                       (char *)g_hash_table_lookup(keys, r->data));
	g_list_free(rels);
	char *dir = g_path_get_dirname(file);
	bool ok = g_mkdir_with_parents(dir, 0755) == 0 &&
	          g_file_set_contents(file, out->str, (gssize)out->len, err);
	g_free(dir);
	g_string_free(out, TRUE);
	return ok;
}

void cache_sum_binary(GChecksum *sum)
{
	struct stat exe;
	if (stat("/proc/self/exe", &exe) == 0) {
		char id[64];
		snprintf(id, sizeof id, "%lld %lld", (long long)exe.st_size, (long long)exe.st_mtime);
		g_checksum_update(sum, (const guchar *)id, -1);
	}
}

out_cache *cache_open(const char *out_dir, const char *theme_dir, const char *fonts_conf,
                      const char *extra_salt)
{
	out_cache *c = g_new0(out_cache, 1);
	c->file = g_build_filename(out_dir, ".cache", "outputs.tsv", NULL);
	c->site = g_build_filename(out_dir, "site", NULL);
	c->spare_dir = g_build_filename(out_dir, ".cache", "site-spare", NULL);
	c->spare_file = g_build_filename(out_dir, ".cache", "site-spare.tsv", NULL);
	c->old = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	c->now = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	g_mutex_init(&c->lock);
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(sum, (const guchar *)extra_salt, -1);
	cache_sum_binary(sum); /* a rebuilt kitgen may make other bytes */
	const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
	g_checksum_update(sum, (const guchar *)(epoch ? epoch : "-"), -1);
	cache_hash_tree(sum, theme_dir, "");
	if (fonts_conf)
		cache_hash_tree(sum, fonts_conf, "");
	c->salt = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	c->old_valid = cache_read_keys(c->file, c->old, &c->old_complete);
	return c;
}

void cache_free(out_cache *c)
{
	if (!c)
		return;
	g_hash_table_destroy(c->old);
	g_hash_table_destroy(c->now);
	if (c->spare)
		g_hash_table_destroy(c->spare);
	g_mutex_clear(&c->lock);
	g_free(c->spare_dir);
	g_free(c->spare_file);
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
	const char *spare = c->spare ? g_hash_table_lookup(c->spare, rel) : NULL;
	bool same = !c->force && old && !strcmp(old, key);
	bool in_place = !c->force && spare && !strcmp(spare, key);
	g_hash_table_replace(c->now, g_strdup(rel), g_strdup(key));
	g_mutex_unlock(&c->lock);
	char *to = g_build_filename(staging, rel, NULL);
	struct stat st;
	bool ok = false;
	if (in_place && lstat(to, &st) == 0 && S_ISREG(st.st_mode)) {
		ok = true; /* the recycled folder has it already */
	} else {
		/* Never write through a name the live site shares: a recycled
		 * folder's files are hard links into OUT/site. */
		if (spare)
			g_unlink(to);
		if (same) {
			char *from = g_build_filename(c->site, rel, NULL);
			char *dir = g_path_get_dirname(to);
			/* Only a regular file the previous build wrote: never a link. */
			ok = lstat(from, &st) == 0 && S_ISREG(st.st_mode) &&
			     g_mkdir_with_parents(dir, 0755) == 0 && link(from, to) == 0;
			g_free(dir);
			g_free(from);
		}
	}
	g_free(to);
	g_mutex_lock(&c->lock);
	ok ? c->reused++ : c->made++;
	g_mutex_unlock(&c->lock);
	return ok;
}

/* Recycling: after a build, the site it replaced becomes the spare, with
 * its keys; the next build starts from the spare instead of an empty
 * folder, so what did not change needs no new folder, link or delete. */

/* Removes every file of dir (inside the spare, at rel) that has no key:
 * whatever was written without one (assets, media) is written again.
 * Folders stay. depth > 0: the sub-folders at that depth are not entered
 * but added to later (relative paths, owned), for the build's threads. */
static void cache_prune_unkeyed(const out_cache *c, const char *dir, const char *rel,
                                int depth, GPtrArray *later)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *path = g_build_filename(dir, e->d_name, NULL);
		char *r = *rel ? g_strconcat(rel, "/", e->d_name, NULL) : g_strdup(e->d_name);
		struct stat st;
		bool is_dir = e->d_type == DT_DIR ||
		              (e->d_type == DT_UNKNOWN && lstat(path, &st) == 0 && S_ISDIR(st.st_mode));
		if (is_dir && depth == 1)
			g_ptr_array_add(later, g_strdup(r));
		else if (is_dir)
			cache_prune_unkeyed(c, path, r, depth ? depth - 1 : 0, later);
		else if (!g_hash_table_contains(c->spare, r))
			g_unlink(path);
		g_free(r);
		g_free(path);
	}
	if (d)
		closedir(d);
}

typedef struct {
	const out_cache *c;
	const char *stage;
	GPtrArray *dirs; /* relative paths */
} cache_pruning;

static bool cache_prune_one(void *shared, int thread, size_t i)
{
	(void)thread;
	cache_pruning *p = shared;
	const char *rel = p->dirs->pdata[i];
	char *dir = g_build_filename(p->stage, rel, NULL);
	cache_prune_unkeyed(p->c, dir, rel, 0, NULL);
	g_free(dir);
	return true;
}

/* In a complete site only the copies under assets/ and media/ can lack a
 * key. Otherwise (a site an --only build made, or one from before sites
 * were marked) the prune visits every folder (one per page): the top two
 * levels here, the folders under them (LANG/systems, …) on jobs threads. */
static void cache_prune_stage(const out_cache *c, const char *stage, bool complete, int jobs)
{
	cache_pruning p = {c, stage, g_ptr_array_new_with_free_func(g_free)};
	if (complete) {
		g_ptr_array_add(p.dirs, g_strdup("assets"));
		g_ptr_array_add(p.dirs, g_strdup("media"));
	} else {
		cache_prune_unkeyed(c, stage, "", 2, p.dirs);
	}
	jobs_run(jobs, p.dirs->len, cache_prune_one, &p);
	g_ptr_array_free(p.dirs, TRUE);
}

char *cache_stage_begin(out_cache *c, const char *target, const char *other_half, int jobs,
                        GError **err)
{
	GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	bool complete;
	bool have = !c->force && cache_read_keys(c->spare_file, keys, &complete);
	g_unlink(c->spare_file); /* the spare is changed from here on */
	char *stage = out_stage_begin(target, err);
	if (stage && have && g_rmdir(stage) == 0 && g_rename(c->spare_dir, stage) == 0) {
		c->spare = keys;
		if (other_half) { /* linked in from OUT/site by the caller */
			char *dir = g_build_filename(stage, other_half, NULL);
			char *prefix = g_strconcat(other_half, "/", NULL);
			out_remove_tree(dir);
			GHashTableIter it;
			gpointer rel;
			g_hash_table_iter_init(&it, keys);
			while (g_hash_table_iter_next(&it, &rel, NULL))
				if (g_str_has_prefix(rel, prefix))
					g_hash_table_iter_remove(&it);
			g_free(prefix);
			g_free(dir);
		}
		cache_prune_stage(c, stage, complete, jobs);
		return stage;
	}
	g_hash_table_destroy(keys);
	if (stage && g_mkdir(stage, 0755) != 0 && errno != EEXIST) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		            "cannot create %s: %s", stage, g_strerror(errno));
		g_free(stage);
		stage = NULL;
	}
	out_remove_tree(c->spare_dir); /* unusable without its keys */
	return stage;
}

/* Removes file and then its folders up to staging while they are empty. */
static void cache_remove_output(const char *staging, const char *rel)
{
	char *path = g_build_filename(staging, rel, NULL);
	g_unlink(path);
	for (char *slash = strrchr(path, '/'); slash && slash > path + strlen(staging);
	     slash = strrchr(path, '/')) {
		*slash = 0;
		if (g_rmdir(path) != 0)
			break;
	}
	g_free(path);
}

void cache_stage_finish(out_cache *c, const char *staging)
{
	if (!c->spare)
		return;
	GHashTableIter it;
	gpointer rel;
	g_hash_table_iter_init(&it, c->spare);
	while (g_hash_table_iter_next(&it, &rel, NULL))
		if (!g_hash_table_contains(c->now, rel))
			cache_remove_output(staging, rel);
}

void cache_keep_spare(out_cache *c, const char *old_site)
{
	/* One not taken by this build (--only pdf, --force) goes first: never
	 * new keys beside an old folder. Then keys first, folder second: a
	 * spare folder is only used with its keys beside it. */
	g_unlink(c->spare_file);
	out_remove_tree(c->spare_dir);
	bool ok = c->old_valid && cache_write_keys(c->spare_file, c->old, c->old_complete, NULL) &&
	          g_rename(old_site, c->spare_dir) == 0;
	if (!ok) {
		g_unlink(c->spare_file);
		out_remove_tree(old_site);
	}
}

void cache_note(out_cache *c, const char *rel, const char *key, bool reused)
{
	g_mutex_lock(&c->lock);
	g_hash_table_replace(c->now, g_strdup(rel), g_strdup(key));
	reused ? c->reused++ : c->made++;
	g_mutex_unlock(&c->lock);
}

void cache_forget(out_cache *c)
{
	g_unlink(c->file);
}

bool cache_save(out_cache *c, GError **err)
{
	return cache_write_keys(c->file, c->now, c->now_complete, err);
}

void cache_set_complete(out_cache *c)
{
	c->now_complete = true;
}

void cache_carry(out_cache *c, const char *prefix)
{
	GHashTableIter it;
	gpointer rel, key;
	g_hash_table_iter_init(&it, c->old);
	while (g_hash_table_iter_next(&it, &rel, &key))
		if (g_str_has_prefix(rel, prefix))
			g_hash_table_replace(c->now, g_strdup(rel), g_strdup(key));
	c->now_complete = c->old_complete;
}

void cache_counts(const out_cache *c, int *reused, int *made)
{
	*reused = c->reused;
	*made = c->made;
}
