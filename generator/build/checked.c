/* checked: one line per clean page: relpath, key, media separated by '|'. */
#include <string.h>
#include "build/cache.h"
#include "build/checked.h"
#include "build/guard.h"

struct checked_set {
	char *file, *universe;
	GHashTable *old; /* relpath -> line fields (char **: key, media...) */
	GHashTable *now; /* relpath -> line text for this run */
	GMutex lock;
};

char *checked_universe(const content_set *s, const char *site_yaml)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	cache_sum_binary(sum); /* a rebuilt kitgen may check differently */
	char *text;
	gsize len;
	if (g_file_get_contents(site_yaml, &text, &len, NULL)) {
		g_checksum_update(sum, (const guchar *)text, (gssize)len);
		g_free(text);
	}
	GList *files = g_list_sort(g_hash_table_get_keys(s->files), (GCompareFunc)strcmp);
	for (GList *f = files; f; f = f->next)
		g_checksum_update(sum, f->data, (gssize)strlen(f->data) + 1);
	g_list_free(files);
	char *out = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return out;
}

static char *checked_key(const checked_set *c, const content_item *it)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(sum, (const guchar *)c->universe, -1);
	g_checksum_update(sum, (const guchar *)it->relpath, (gssize)strlen(it->relpath) + 1);
	g_checksum_update(sum, it->body_sum, sizeof it->body_sum);
	char *key = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return key;
}

checked_set *checked_open(const char *out_dir, const char *universe)
{
	checked_set *c = g_new0(checked_set, 1);
	c->file = g_build_filename(out_dir, ".cache", "checked.tsv", NULL);
	c->universe = g_strdup(universe);
	c->old = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
	c->now = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	g_mutex_init(&c->lock);
	char *text = NULL;
	gsize len;
	/* A hint, never trusted: not a FIFO or a link, signed by this user
	 * (its media are copied into the site), every name under content/. */
	bool ok = guard_read_advisory(c->file, (gsize)256 << 20, &text, &len) &&
	          guard_check_text(text, &len);
	if (ok) {
		text[len] = 0;
		char **lines = g_strsplit(text, "\n", -1);
		for (char **l = lines; *l && ok; l++) {
			char **f = g_strsplit(*l, "\t", 3);
			if (g_strv_length(f) == 3) {
				char **media = *f[2] ? g_strsplit(f[2], "|", -1) : g_new0(char *, 1);
				char **v = g_new0(char *, g_strv_length(media) + 2);
				v[0] = g_strdup(f[1]);
				ok = guard_rel_ok(f[0]);
				for (guint i = 0; media[i]; i++) {
					ok = ok && guard_rel_ok(media[i]);
					v[i + 1] = g_strdup(media[i]);
				}
				g_hash_table_insert(c->old, g_strdup(f[0]), v);
				g_strfreev(media);
			}
			g_strfreev(f);
		}
		g_strfreev(lines);
		if (!ok)
			g_hash_table_remove_all(c->old);
	}
	g_free(text);
	return c;
}

void checked_free(checked_set *c)
{
	if (!c)
		return;
	g_hash_table_destroy(c->old);
	g_hash_table_destroy(c->now);
	g_mutex_clear(&c->lock);
	g_free(c->file);
	g_free(c->universe);
	g_free(c);
}

char **checked_lookup(checked_set *c, const content_item *it)
{
	char *key = checked_key(c, it);
	g_mutex_lock(&c->lock);
	char **v = g_hash_table_lookup(c->old, it->relpath);
	bool hit = v && !strcmp(v[0], key);
	if (hit) { /* still clean: remembered for the next run too */
		GString *line = g_string_new(key);
		g_string_append_c(line, '\t');
		for (guint i = 1; v[i]; i++)
			g_string_append_printf(line, "%s%s", i > 1 ? "|" : "", v[i]);
		g_hash_table_replace(c->now, g_strdup(it->relpath), g_string_free(line, FALSE));
	}
	g_mutex_unlock(&c->lock);
	g_free(key);
	return hit ? v + 1 : NULL;
}

void checked_add(checked_set *c, const content_item *it, GPtrArray *media)
{
	char *key = checked_key(c, it);
	GString *line = g_string_new(key);
	g_string_append_c(line, '\t');
	for (guint i = 0; i < media->len; i++) /* names under content/: no tab, no '|' */
		if (!strpbrk(media->pdata[i], "\t|\n"))
			g_string_append_printf(line, "%s%s", line->str[line->len - 1] == '\t' ? "" : "|",
			                       (char *)media->pdata[i]);
	g_mutex_lock(&c->lock);
	g_hash_table_replace(c->now, g_strdup(it->relpath), g_string_free(line, FALSE));
	g_mutex_unlock(&c->lock);
	g_free(key);
}

bool checked_save(checked_set *c)
{
	GList *rels = g_list_sort(g_hash_table_get_keys(c->now), (GCompareFunc)strcmp);
	GString *out = g_string_new(NULL);
	for (GList *r = rels; r; r = r->next)
		if (!strpbrk(r->data, "\t\n"))
			g_string_append_printf(out, "%s\t%s\n", (char *)r->data,
			                       (char *)g_hash_table_lookup(c->now, r->data));
	g_list_free(rels);
	char *dir = g_path_get_dirname(c->file);
	bool ok = guard_sign_text(out) && g_mkdir_with_parents(dir, 0755) == 0 &&
	          g_file_set_contents(c->file, out->str, (gssize)out->len, NULL);
	g_free(dir);
	g_string_free(out, TRUE);
	return ok;
}
