/* media: measure images with gdk-pixbuf (PNG, JPEG, and SVG through
 * librsvg's loader) and copy used files into the site. */
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "load/media.h"
#include "build/guard.h"
#include "build/outfile.h"

static void media_file_free(media_file *f)
{
	g_free(f->relpath);
	g_free(f);
}

media_set *media_new(const char *content_root)
{
	media_set *m = g_new0(media_set, 1);
	m->root = g_strdup(content_root);
	m->files = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	                                 (GDestroyNotify)media_file_free);
	g_mutex_init(&m->lock);
	return m;
}

void media_free(media_set *m)
{
	if (!m)
		return;
	g_hash_table_destroy(m->files);
	g_mutex_clear(&m->lock);
	g_free(m->root);
	g_free(m);
}

const media_file *media_use(media_set *m, const char *relpath)
{
	g_mutex_lock(&m->lock);
	media_file *f = g_hash_table_lookup(m->files, relpath);
	if (!f) {
		f = g_new0(media_file, 1);
		f->relpath = g_strdup(relpath);
		char *path = g_build_filename(m->root, relpath, NULL);
		gdk_pixbuf_get_file_info(path, &f->width, &f->height);
		g_free(path);
		g_hash_table_insert(m->files, f->relpath, f);
	}
	g_mutex_unlock(&m->lock);
	return f;
}

bool media_copy_all(media_set *m, const char *out_dir, GError **err)
{
	GList *keys = g_list_sort(g_hash_table_get_keys(m->files), (GCompareFunc)strcmp);
	bool ok = true;
	for (GList *k = keys; k && ok; k = k->next) {
		char *src = g_build_filename(m->root, k->data, NULL);
		char *dst = g_build_filename(out_dir, "media", k->data, NULL);
		/* a name from a cache (checked.tsv) is checked again here: only
		 * files under content/, only into media/ */
		if (!guard_rel_ok(k->data)) {
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
			            "media name '%s' leaves the content folder", (char *)k->data);
			ok = false;
		} else {
			ok = outfile_copy(src, dst, err); /* sparse, reflinked files stay so */
		}
		g_free(src);
		g_free(dst);
	}
	g_list_free(keys);
	return ok;
}
