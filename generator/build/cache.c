/* cache: keys in a TSV file, outputs reused by hard link. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include "build/cache.h"
#include "build/guard.h"
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
	/* rel -> the names of what made it (reads.h), tab-separated: the
	 * previous build's, this build's */
	GHashTable *old_reads, *now_reads;
	/* the texts of outputs.tsv and site-spare.tsv, which old, old_reads
	 * and spare point into (20,000 pages: 16 MB, never copied) */
	char *old_text, *spare_text;
	/* this build's names are written as outputs are made to an unnamed
	 * file in OUT/.cache (names_fd; now_reads: rel -> cache_names_at)
	 * rather than held; -1: held in memory (now_reads: rel -> names) */
	int names_fd;
	gint64 names_end;
	GMutex lock;
	int reused, made;
	bool force; /* reuse nothing (the keys are still saved) */
};

static gint cache_cmp(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A theme bigger than this is not a theme (--theme / would walk the
 * whole machine): its walk stops there. */
#define CACHE_TREE_MAX_DEPTH 16

/* Adds a folder's files (sorted, path and bytes) to a checksum. Links to
 * regular files are read; links to folders (assets/a -> .), devices and
 * FIFOs (a link to /dev/zero) are not. */
static void cache_hash_tree(GChecksum *sum, const char *dir, const char *rel)
{
	/* The site's stylesheets and scripts are linked by address, never read
	 * into a page or a PDF: editing one remakes no output (it is copied as
	 * it is), so a CSS change previews in the time of a copy. */
	if (g_str_has_prefix(rel, "assets/") &&
	    (g_str_has_suffix(rel, ".css") || g_str_has_suffix(rel, ".js")))
		return;
	char *path = g_build_filename(dir, rel, NULL);
	struct stat lst, st;
	bool link = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
	if (stat(path, &st) != 0 || (link && !S_ISREG(st.st_mode)) ||
	    (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))) {
		g_free(path);
		return;
	}
	int depth = 0;
	for (const char *p = rel; *p; p++)
		depth += *p == '/';
	GDir *d = S_ISDIR(st.st_mode) && depth < CACHE_TREE_MAX_DEPTH ? g_dir_open(path, 0, NULL)
	                                                              : NULL;
	if (!d) {
		char *text;
		gsize len;
		if (S_ISREG(st.st_mode) && g_file_get_contents(path, &text, &len, NULL)) {
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
#define CACHE_KEYS_MAX ((gsize)256 << 20) /* bytes of a keys file read (1 MB per 10k pages) */
#define CACHE_COMPLETE "#complete"

/* Reads a keys file (REL TAB KEY [TAB READ]... lines) into keys, and the
 * reads into reads (when not NULL); *complete: it says its site is
 * complete. The tables point into *text, the file's text (owned by the
 * caller, NULL when the file is not read). */
static bool cache_read_keys(const char *file, GHashTable *keys, GHashTable *reads,
                            bool *complete, char **text)
{
	*complete = false;
	gsize len;
	/* A hint, never trusted: a FIFO, a link or a name that climbs out of
	 * the site (../x, /x) leaves the whole file unused. */
	if (!guard_read_advisory(file, CACHE_KEYS_MAX, text, &len) || strlen(*text) != len) {
		g_free(*text);
		*text = NULL;
		return false;
	}
	bool ok = true;
	for (char *line = *text, *end; ok && *line; line = end + 1) {
		if (!(end = strchr(line, '\n'))) {
			ok = false; /* the last line ends too */
			break;
		}
		*end = '\0';
		char *tab = strchr(line, '\t');
		if (line == *text && !strcmp(line, CACHE_COMPLETE)) {
			*complete = true;
		} else if (tab) {
			*tab = '\0';
			char *key = tab + 1, *names = strchr(key, '\t');
			if (names)
				*names++ = '\0';
			ok = guard_rel_ok(line) && guard_rel_ok(key);
			if (names && reads)
				g_hash_table_insert(reads, line, names);
			g_hash_table_insert(keys, line, key);
		} else {
			ok = false;
		}
	}
	if (!ok) {
		g_hash_table_remove_all(keys);
		if (reads)
			g_hash_table_remove_all(reads);
		*complete = false;
		g_free(*text);
		*text = NULL;
	}
	return ok;
}

/* Where this build's names for an output are in names_fd. */
typedef struct {
	gint64 at;
	gsize len;
} cache_names_at;

/* Remembers names as what rel was made from (the caller holds the lock). */
static void cache_names_put(out_cache *c, const char *rel, const char *names)
{
	gsize len = strlen(names);
	if (c->names_fd >= 0) {
		if (pwrite(c->names_fd, names, len, c->names_end) == (ssize_t)len) {
			cache_names_at *a = g_new(cache_names_at, 1);
			*a = (cache_names_at){c->names_end, len};
			c->names_end += (gint64)len;
			g_hash_table_replace(c->now_reads, g_strdup(rel), a);
			return;
		}
		g_hash_table_remove(c->now_reads, rel); /* cannot say: unknown next time */
		return;
	}
	g_hash_table_replace(c->now_reads, g_strdup(rel), g_strdup(names));
}

/* The names remembered for rel (in buf, or borrowed), or NULL. */
static const char *cache_names_get(const out_cache *c, const char *rel, GString *buf)
{
	const void *v = g_hash_table_lookup(c->now_reads, rel);
	if (!v || c->names_fd < 0)
		return v;
	const cache_names_at *a = v;
	g_string_set_size(buf, a->len);
	if (pread(c->names_fd, buf->str, a->len, a->at) != (ssize_t)a->len)
		return NULL;
	return buf->str;
}

/* Writes keys (rel -> key) and this build's reads as sorted
 * REL TAB KEY [TAB READ]... lines (reads: the cache whose names this
 * build remembered, or NULL), all or nothing: line by line into a
 * temporary file renamed over file (at 20,000 pages the text is 16 MB,
 * more than the rest of the build's memory would be at that moment). */
static bool cache_write_keys(const char *file, GHashTable *keys, const out_cache *reads,
                             bool complete, GError **err)
{
	GString *buf = g_string_new(NULL);
	char *dir = g_path_get_dirname(file), *tmp = g_strconcat(file, ".tmp", NULL);
	FILE *f = g_mkdir_with_parents(dir, 0755) == 0 ? fopen(tmp, "w") : NULL;
	bool ok = f != NULL;
	if (ok && complete)
		fputs(CACHE_COMPLETE "\n", f);
	GList *rels = g_list_sort(g_hash_table_get_keys(keys), (GCompareFunc)strcmp);
	for (GList *r = rels; ok && r; r = r->next) {
		const char *names = reads ? cache_names_get(reads, r->data, buf) : NULL;
		ok = fprintf(f, "%s\t%s%s%s\n", (char *)r->data, (char *)g_hash_table_lookup(keys, r->data),
		             names && *names ? "\t" : "", names ? names : "") > 0;
	}
	g_list_free(rels);
	g_string_free(buf, TRUE);
	int saved = 0;
	if (f && (fclose(f) != 0 || !ok)) {
		saved = errno;
		ok = false;
	}
	if (ok && g_rename(tmp, file) != 0) {
		saved = errno;
		ok = false;
	}
	if (!ok) {
		g_unlink(tmp);
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(saved ? saved : errno),
		            "cannot write %s: %s", file, g_strerror(saved ? saved : errno));
	}
	g_free(tmp);
	g_free(dir);
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
	c->old = g_hash_table_new(g_str_hash, g_str_equal); /* into old_text */
	c->now = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	c->old_reads = g_hash_table_new(g_str_hash, g_str_equal);
	c->now_reads = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	char *dir = g_path_get_dirname(c->file);
	c->names_fd = g_mkdir_with_parents(dir, 0755) == 0
	              ? open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600) : -1;
	g_free(dir);
	g_mutex_init(&c->lock);
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(sum, (const guchar *)extra_salt, -1);
	cache_sum_binary(sum); /* a rebuilt kitgen may make other bytes */
	cache_hash_tree(sum, theme_dir, "");
	if (fonts_conf)
		cache_hash_tree(sum, fonts_conf, "");
	c->salt = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	c->old_valid = cache_read_keys(c->file, c->old, c->old_reads, &c->old_complete, &c->old_text);
	return c;
}

void cache_free(out_cache *c)
{
	if (!c)
		return;
	g_hash_table_destroy(c->old);
	g_hash_table_destroy(c->now);
	g_hash_table_destroy(c->old_reads);
	g_hash_table_destroy(c->now_reads);
	if (c->spare)
		g_hash_table_destroy(c->spare);
	g_free(c->old_text);
	g_free(c->spare_text);
	if (c->names_fd >= 0)
		close(c->names_fd);
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
	g_hash_table_remove_all(c->old_reads); /* never looked up (cache_reads_of) */
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

char *cache_key_file(const out_cache *c, const char *kind, const char *src)
{
	struct stat st;
	if (stat(src, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	char id[128];
	snprintf(id, sizeof id, "%lld %lld.%09ld %llu", (long long)st.st_size,
	         (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
	g_checksum_update(sum, (const guchar *)src, -1);
	g_checksum_update(sum, (const guchar *)id, -1);
	return cache_key_sum(c, kind, sum);
}

bool cache_unchanged(const out_cache *c, const char *rel, const char *key)
{
	const char *old = c->force ? NULL : g_hash_table_lookup(c->old, rel);
	return old && key && !strcmp(old, key);
}

const char *cache_reads_of(const out_cache *c, const char *rel)
{
	return c->force ? NULL : g_hash_table_lookup(c->old_reads, rel);
}

char *cache_key_reads(const out_cache *c, const char *kind, reads_book *b, const char *names)
{
	GChecksum *sum = reads_sum(b, names);
	return sum ? cache_key_sum(c, kind, sum) : NULL;
}

bool cache_reuse_reads(out_cache *c, const char *rel, const char *key, const char *names,
                       const char *staging)
{
	g_mutex_lock(&c->lock);
	cache_names_put(c, rel, names);
	g_mutex_unlock(&c->lock);
	return cache_reuse(c, rel, key, staging);
}

/* Whether the live site holds rel as a file other than the recycled one
 * (st): both have the key, but one was made again since (a build stopped
 * half-way, a file replaced by hand). Linking the live one keeps a single
 * copy; keeping the recycled one would swap the two names on every build. */
static bool cache_live_is_another(const out_cache *c, const char *rel, const struct stat *st)
{
	char *live = g_build_filename(c->site, rel, NULL);
	struct stat lst;
	bool another = lstat(live, &lst) == 0 && S_ISREG(lst.st_mode) &&
	               (lst.st_ino != st->st_ino || lst.st_dev != st->st_dev);
	g_free(live);
	return another;
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
	if (in_place && lstat(to, &st) == 0 && S_ISREG(st.st_mode) &&
	    !(same && cache_live_is_another(c, rel, &st))) {
		ok = true; /* the recycled folder has it already */
	} else {
		/* Never write through a name the live site shares: a recycled
		 * folder's files are hard links into OUT/site. */
		if (spare)
			g_unlink(to);
		/* Only a regular file the previous build wrote: never a link,
		 * nor a file reached through one. */
		if (same)
			ok = guard_link_under(c->site, staging, rel);
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

static bool cache_is_regular(const struct dirent *e, const char *path)
{
	struct stat st;
	return e->d_type == DT_REG ||
	       (e->d_type == DT_UNKNOWN && lstat(path, &st) == 0 && S_ISREG(st.st_mode));
}

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
		else if (!g_hash_table_contains(c->spare, r) || !cache_is_regular(e, path))
			g_unlink(path); /* links, FIFOs: never kept, whatever the keys say */
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

/* Every folder that holds a keyed file of the spare (and each folder
 * above it) is a folder, not a link to one elsewhere: the build writes and
 * reuses files in them without looking again. One lstat per folder. */
static bool cache_spare_dirs_real(const char *stage, GHashTable *keys)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTableIter it;
	gpointer rel;
	bool ok = true;
	g_hash_table_iter_init(&it, keys);
	while (ok && g_hash_table_iter_next(&it, &rel, NULL)) {
		char *dir = g_strdup(rel);
		for (char *slash = strrchr(dir, '/'); ok && slash; slash = strrchr(dir, '/')) {
			*slash = 0;
			if (g_hash_table_contains(seen, dir))
				break;
			char *path = g_build_filename(stage, dir, NULL);
			struct stat st;
			ok = lstat(path, &st) != 0 ? errno == ENOENT : S_ISDIR(st.st_mode);
			g_free(path);
			g_hash_table_add(seen, g_strdup(dir));
		}
		g_free(dir);
	}
	g_hash_table_destroy(seen);
	return ok;
}

/* In a complete site only the copies under assets/ and media/ can lack a
 * key. Otherwise (a site an --only build made, or one from before sites
 * were marked) the prune visits every folder (one per page): the top two
 * levels here, the folders under them (LANG/systems, …) on jobs threads. */
static void cache_prune_stage(const out_cache *c, const char *stage, bool complete, int jobs)
{
	cache_pruning p = {c, stage, g_ptr_array_new_with_free_func(g_free)};
	/* The top two levels (a few dozen names) always: a link planted
	 * there (en -> elsewhere) goes, and with it every way out of the
	 * folder but through the deeper ones cache_spare_dirs_real checks. */
	cache_prune_unkeyed(c, stage, "", 2, p.dirs);
	if (complete)
		for (guint i = p.dirs->len; i-- > 0;)
			if (!g_str_has_prefix(p.dirs->pdata[i], "assets/") &&
			    !g_str_has_prefix(p.dirs->pdata[i], "media/"))
				g_ptr_array_remove_index_fast(p.dirs, i);
	jobs_run(jobs, p.dirs->len, cache_prune_one, &p);
	g_ptr_array_free(p.dirs, TRUE);
}

char *cache_stage_begin(out_cache *c, const char *target, const char *other_half, int jobs,
                        GError **err)
{
	GHashTable *keys = g_hash_table_new(g_str_hash, g_str_equal); /* into spare_text */
	bool complete;
	struct stat st; /* a link in the spare's place is removed, not followed */
	bool have = !c->force && lstat(c->spare_dir, &st) == 0 && S_ISDIR(st.st_mode) &&
	            cache_read_keys(c->spare_file, keys, NULL, &complete, &c->spare_text);
	g_unlink(c->spare_file); /* the spare is changed from here on */
	char *stage = out_stage_begin(target, err);
	bool recycled = stage && have && g_rmdir(stage) == 0 &&
	                g_rename(c->spare_dir, stage) == 0;
	if (recycled && !cache_spare_dirs_real(stage, keys)) {
		out_remove_tree(stage); /* a link inside: not recycled (links not followed) */
		recycled = false;
	}
	if (recycled) {
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
	g_free(c->spare_text); /* what keys pointed into */
	c->spare_text = NULL;
	if (stage && g_mkdir(stage, 0755) != 0 && errno != EEXIST) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno),
		            "cannot create %s: %s", stage, g_strerror(errno));
		g_free(stage);
		stage = NULL;
	}
	out_remove_tree(c->spare_dir); /* unusable without its keys */
	return stage;
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
			guard_remove_under(staging, rel); /* and its emptied folders */
}

void cache_keep_spare(out_cache *c, const char *old_site)
{
	/* One not taken by this build (--only pdf, --force) goes first: never
	 * new keys beside an old folder. Then keys first, folder second: a
	 * spare folder is only used with its keys beside it. */
	g_unlink(c->spare_file);
	out_remove_tree(c->spare_dir);
	bool ok = c->old_valid && cache_write_keys(c->spare_file, c->old, NULL, c->old_complete, NULL) &&
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

bool cache_forget(out_cache *c, GError **err)
{
	if (g_unlink(c->file) == 0 || errno == ENOENT)
		return true;
	int e = errno;
	g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e),
	            "cannot remove %s: %s; make the folder writable or remove it", c->file,
	            g_strerror(e));
	return false;
}

bool cache_save(out_cache *c, GError **err)
{
	return cache_write_keys(c->file, c->now, c, c->now_complete, err);
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
		if (g_str_has_prefix(rel, prefix)) {
			g_hash_table_replace(c->now, g_strdup(rel), g_strdup(key));
			const char *names = g_hash_table_lookup(c->old_reads, rel);
			if (names)
				cache_names_put(c, rel, names);
		}
	c->now_complete = c->old_complete;
}

void cache_counts(const out_cache *c, int *reused, int *made)
{
	*reused = c->reused;
	*made = c->made;
}
