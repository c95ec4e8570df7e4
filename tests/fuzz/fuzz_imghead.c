/* fuzz_imghead: arbitrary bytes as the head of a picture, read by
 * media_image_size (what media_check holds to limits: image_pixels before
 * anything decodes it). Then, as a second opinion, gdk-pixbuf's loader
 * (which the print path decodes with) is fed the same bytes and asked the
 * size it would decode: when kitgen reads a size, gdk-pixbuf must never
 * promise more pixels than that, or a picture would pass the check with
 * one size and be decoded with another. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "fuzz.h"
#include "core/limits.h"
#include "load/media.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_quiet();
	return 0;
}

typedef struct {
	int w, h;
} fz_size;

static void fz_size_prepared(GdkPixbufLoader *l, int w, int h, gpointer data)
{
	fz_size *s = data;
	if (!s->w && !s->h) {
		s->w = w;
		s->h = h;
	}
	gdk_pixbuf_loader_set_size(l, 1, 1); /* never decode at full size here */
}

static void fz_drop(const char *domain, GLogLevelFlags level, const char *msg, gpointer data)
{
	(void)domain;
	(void)level;
	(void)msg;
	(void)data;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	long long w = -1, h = -1;
	int found = media_image_size(data, size, &w, &h);
	if (found < -1 || found > 1 || w < 0 || h < 0 || (found <= 0 && (w || h)))
		abort();
	/* Only the formats kitgen reads itself, and only what media_check lets
	 * through: a picture over the pixel limit is refused before anything
	 * decodes it (gdk-pixbuf's GIF loader allocates the whole canvas,
	 * whatever size it is asked for). */
	if (found != 1 || size < 8 || w > limits_get()->image_pixels / (h ? h : 1))
		return 0;
	const char *type = data[0] == 0x89 ? "png" : data[0] == 0xFF ? "jpeg"
	                   : data[0] == 'G' ? "gif" : "webp";
	GdkPixbufLoader *l = gdk_pixbuf_loader_new_with_type(type, NULL);
	if (!l)
		return 0;
	fz_size s = {0, 0};
	g_signal_connect(l, "size-prepared", G_CALLBACK(fz_size_prepared), &s);
	/* gdk-pixbuf's own loaders complain (criticals) about frames of no
	 * width and the like: theirs to mind, not a finding here. */
	guint quiet = g_log_set_handler("GdkPixbuf", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING,
	                                fz_drop, NULL);
	gdk_pixbuf_loader_write(l, data, size, NULL);
	gdk_pixbuf_loader_close(l, NULL);
	g_log_remove_handler("GdkPixbuf", quiet);
	g_object_unref(l);
	if (s.w > 0 && s.h > 0 && (long long)s.w * s.h > w * h) {
		fprintf(stderr, "fuzz_imghead: kitgen reads %lld x %lld, gdk-pixbuf %d x %d (%s)\n",
		        w, h, s.w, s.h, type);
		abort();
	}
	return 0;
}
