/* media: the files beside content pages (images, documents) that pages use;
 * each is measured once and copied to out/site/media/ once. */
#ifndef KITGEN_MEDIA_H
#define KITGEN_MEDIA_H

#include <glib.h>
#include <stdbool.h>

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

/* Copies every registered file to OUT/media/RELPATH. */
bool media_copy_all(media_set *m, const char *out_dir, GError **err);

#endif
