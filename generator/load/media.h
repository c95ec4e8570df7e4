/* media: the files beside content pages (images, documents) that pages use;
 * each is measured once and copied to out/site/media/ once. */
#ifndef KITGEN_MEDIA_H
#define KITGEN_MEDIA_H

#include "build/cache.h"

#include <glib.h>
#include <stdbool.h>
#include "core/diag.h"

typedef struct {
	char *relpath; /* inside content/ */
	int width, height; /* pixels, 0 when not an image */
} media_file;

typedef struct {
	char *root;          /* content/ */
	GHashTable *files;   /* relpath -> media_file* */
	GMutex lock;
} media_set;

media_set *media_new(const char *content_root);
void media_free(media_set *m);

/* Registers a file that a page uses; returns it (borrowed). Measures images
 * the first time. */
const media_file *media_use(media_set *m, const char *relpath);

/* Whether the file at path (named relpath in content/) may be published:
 * a type of the allow-list (HTML only when trusted), within the size and
 * pixel limits, an SVG that parses. Records an error at file:line:col
 * otherwise. Reads the file's header, never the whole picture. */
bool media_check(const char *path, const char *relpath, bool trusted_html, diag_list *d,
                 const char *file, int line, int col);

/* Width and height from a PNG, JPEG, GIF or WebP header in data: 1 when
 * found, 0 when data is none of those, -1 when it is one but damaged or
 * cut before its size. */
int media_image_size(const unsigned char *data, size_t len, long long *w, long long *h);

/* Copies every registered file to OUT/media/RELPATH; SVG cleaned. With a
 * cache c (may be NULL), a file unchanged since the last build keeps that
 * build's copy (cache_key_file). */
bool media_copy_all(media_set *m, const char *out_dir, out_cache *c, GError **err);

#endif
