/* media: measure images with gdk-pixbuf (PNG, JPEG, and SVG through
 * librsvg's loader), hold them to the allow-list and the limits, and copy
 * used files into the site (SVG cleaned). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "load/media.h"
#include "load/svg.h"
#include "build/out.h"
#include "build/guard.h"
#include "build/outfile.h"
#include "core/limits.h"

/* What a page may link or show: files a browser displays as data, never
 * as a document that runs (HTML, XML, which a browser reads as XHTML) —
 * those only on a site that trusts its authors' HTML. */
static const char *const media_types[] = {
	"png", "jpg", "jpeg", "gif", "webp", "avif", "svg",                  /* pictures */
	"pdf",                                                               /* documents */
	"doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "hwp", "hwpx",
	"zip", "7z", "gz", "tgz", "tar", "bz2", "xz",                         /* archives */
	"csv", "tsv", "json", "geojson", "kml", "kmz", "txt",               /* data */
	NULL};
static const char *const media_picture_types[] = {"png", "jpg", "jpeg", "gif", "webp", "avif",
                                                  NULL};
static const char *const media_trusted_types[] = {"html", "htm", "xhtml", "xml", NULL};

/* Lower-case extension of name (borrowed into buf), "" when none. */
static const char *media_ext(const char *name, char *buf, size_t size)
{
	const char *base = strrchr(name, '/'), *dot = strrchr(base ? base : name, '.');
	if (!dot || strlen(dot + 1) >= size)
		return "";
	for (size_t i = 0; dot[1 + i]; i++)
		buf[i] = g_ascii_tolower(dot[1 + i]);
	buf[strlen(dot + 1)] = '\0';
	return buf;
}

static unsigned long long media_be(const unsigned char *p, int n)
{
	unsigned long long v = 0;
	for (int i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

static unsigned long long media_le(const unsigned char *p, int n)
{
	unsigned long long v = 0;
	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* A JPEG's size is in its first start-of-frame segment, after any number
 * of others (EXIF, thumbnails), each with its length. */
static int media_jpeg_size(const unsigned char *d, size_t len, long long *w, long long *h)
{
	size_t p = 2;
	while (p + 4 <= len) {
		if (d[p] != 0xFF)
			return -1;
		unsigned m = d[p + 1];
		if (m == 0xFF) { /* fill byte */
			p++;
			continue;
		}
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { /* no length */
			p += 2;
			continue;
		}
		if (m == 0xD9 || m == 0xDA) /* end, or the scan before any frame */
			return -1;
		size_t seg = (size_t)media_be(d + p + 2, 2);
		if (seg < 2)
			return -1;
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (p + 9 > len || seg < 7)
				return -1;
			*h = (long long)media_be(d + p + 5, 2);
			*w = (long long)media_be(d + p + 7, 2);
			return 1;
		}
		p += 2 + seg;
	}
	return -1;
}

int media_image_size(const unsigned char *d, size_t len, long long *w, long long *h)
{
	*w = *h = 0;
	if (len >= 8 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8)) {
		if (len < 24 || memcmp(d + 12, "IHDR", 4))
			return -1;
		*w = (long long)media_be(d + 16, 4);
		*h = (long long)media_be(d + 20, 4);
		return 1;
	}
	if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return media_jpeg_size(d, len, w, h);
	if (len >= 6 && (!memcmp(d, "GIF87a", 6) || !memcmp(d, "GIF89a", 6))) {
		if (len < 10)
			return -1;
		*w = (long long)media_le(d + 6, 2);
		*h = (long long)media_le(d + 8, 2);
		return 1;
	}
	if (len >= 12 && !memcmp(d, "RIFF", 4) && !memcmp(d + 8, "WEBP", 4)) {
		if (len >= 30 && !memcmp(d + 12, "VP8 ", 4)) {
			*w = (long long)(media_le(d + 26, 2) & 0x3FFF);
			*h = (long long)(media_le(d + 28, 2) & 0x3FFF);
			return 1;
		}
		if (len >= 25 && !memcmp(d + 12, "VP8L", 4)) {
			unsigned long long b = media_le(d + 21, 4);
			*w = (long long)(b & 0x3FFF) + 1;
			*h = (long long)((b >> 14) & 0x3FFF) + 1;
			return 1;
		}
		if (len >= 30 && !memcmp(d + 12, "VP8X", 4)) {
			*w = (long long)media_le(d + 24, 3) + 1;
			*h = (long long)media_le(d + 27, 3) + 1;
			return 1;
		}
		return -1;
	}
	return 0;
}

/* Whether the picture's pixels decode, when this machine's gdk-pixbuf
 * knows its format (one it does not know is not called damaged). Run only
 * after the size passed the pixel limit. */
static bool media_pixels_read(const char *path)
{
	if (!gdk_pixbuf_get_file_info(path, NULL, NULL))
		return true;
	GdkPixbuf *pb = gdk_pixbuf_new_from_file(path, NULL);
	if (pb)
		g_object_unref(pb);
	return pb != NULL;
}

bool media_check(const char *path, const char *relpath, bool trusted_html, diag_list *d,
                 const char *file, int line, int col)
{
	const kg_limits *lim = limits_get();
	char buf[16];
	const char *ext = media_ext(relpath, buf, sizeof buf);
	if (g_strv_contains(media_trusted_types, ext) && !trusted_html) {
		diag_error(d, file, line, col,
		           "publish it as a PDF or a page, or set trusted_html: true in site.yaml "
		           "if every author of this site may publish scripts",
		           "'%s' is an HTML or XML file, which a browser would run as a page of "
		           "this site", relpath);
		return false;
	}
	if (!g_strv_contains(media_types, ext) && !g_strv_contains(media_trusted_types, ext)) {
		diag_error(d, file, line, col,
		           "link pictures (PNG, JPEG, GIF, WebP, SVG), PDFs, office documents, "
		           "archives or data files (CSV, JSON, TXT)",
		           "'%s' is not a type of file kitgen publishes", relpath);
		return false;
	}
	/* Opened without following a link, and only when it is a regular
	 * file: a FIFO or a device must not be read or block the build. */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_error(d, file, line, col, "link a regular file inside content/",
		           "'%s' is not a regular file", relpath);
		if (fd >= 0)
			close(fd);
		return false;
	}
	bool ok = true;
	if (st.st_size > lim->media_bytes) {
		diag_error(d, file, line, col,
		           "make it smaller, or raise limits: media_bytes in site.yaml",
		           "'%s' is %lld bytes, more than the limit of %lld", relpath,
		           (long long)st.st_size, lim->media_bytes);
		ok = false;
	} else if (!strcmp(ext, "svg")) {
		char *text = NULL, *why = NULL;
		gsize len = 0;
		close(fd);
		fd = -1;
		size_t clean_len;
		char *clean = g_file_get_contents(path, &text, &len, NULL)
		                      ? svg_clean(text, len, &clean_len, &why)
		                      : (why = g_strdup("it cannot be read"), NULL);
		if (!clean) {
			diag_error(d, file, line, col, "save it again from a drawing program",
			           "'%s' is not a usable SVG: %s", relpath, why);
			ok = false;
		}
		g_free(clean);
		g_free(why);
		g_free(text);
	} else {
		/* The size from the header alone: a few bytes can promise a
		 * picture of a million by a million pixels. */
		unsigned char head[1 << 16];
		ssize_t n = read(fd, head, sizeof head);
		long long w = 0, h = 0;
		int found = n > 0 ? media_image_size(head, (size_t)n, &w, &h) : 0;
		bool picture = g_strv_contains(media_picture_types, ext);
		if ((found < 0 && n == (ssize_t)sizeof head) || (found == 0 && picture)) {
			/* A JPEG whose frame comes after more than 64 KB of EXIF, or
			 * another format under a picture's name (a TIFF called .png
			 * is still decoded by gdk-pixbuf): its loader reads only as
			 * far as the size, too. */
			int gw = 0, gh = 0;
			if (gdk_pixbuf_get_file_info(path, &gw, &gh))
				found = 1, w = gw, h = gh;
		}
		if (found < 0 || (found > 0 && (w == 0 || h == 0))) {
			diag_error(d, file, line, col, "save the picture again",
			           "'%s' is a damaged picture: its size cannot be read", relpath);
			ok = false;
		} else if (found > 0 && w > lim->image_pixels / h) {
			diag_error(d, file, line, col,
			           "scale it down (a page needs at most a few thousand pixels a side), "
			           "or raise limits: image_pixels in site.yaml",
			           "'%s' is %lld x %lld pixels, more than the limit of %lld pixels",
			           relpath, w, h, lim->image_pixels);
			ok = false;
		} else if (found > 0 && picture && !media_pixels_read(path)) {
			diag_error(d, file, line, col, "save the picture again from its source",
			           "'%s' is a damaged picture: its size reads, its pixels do not",
			           relpath);
			ok = false;
		}
	}
	if (fd >= 0)
		close(fd);
	return ok;
}

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

bool media_copy_all(media_set *m, const char *out_dir, out_cache *c, GError **err)
{
	GList *keys = g_list_sort(g_hash_table_get_keys(m->files), (GCompareFunc)strcmp);
	bool ok = true;
	for (GList *k = keys; k && ok; k = k->next) {
		char *src = g_build_filename(m->root, k->data, NULL);
		char *dst = g_build_filename(out_dir, "media", k->data, NULL);
		char *rel = g_strconcat("media/", (const char *)k->data, NULL);
		char *key = c && guard_rel_ok(k->data) ? cache_key_file(c, "media", src) : NULL;
		bool kept = key && cache_reuse(c, rel, key, out_dir);
		g_free(key);
		g_free(rel);
		char buf[16];
		/* a name from a cache (checked.tsv) is checked again here: only
		 * files under content/, only into media/ */
		if (kept) {
			/* the same file as the last build copied: its copy is linked */
		} else if (!guard_rel_ok(k->data)) {
			g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
			            "media name '%s' leaves the content folder", (char *)k->data);
			ok = false;
		} else if (!strcmp(media_ext(k->data, buf, sizeof buf), "svg")) {
			/* Cleaned again on every copy: the check said it parses,
			 * the published bytes are the cleaned ones. */
			char *text = NULL, *clean = NULL, *why = NULL;
			gsize len;
			size_t clean_len = 0;
			ok = g_file_get_contents(src, &text, &len, err);
			if (ok && !(clean = svg_clean(text, len, &clean_len, &why))) {
				g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: %s",
				            (const char *)k->data, why);
				ok = false;
			}
			ok = ok && out_write_file(dst, clean, clean_len, err);
			g_free(text);
			g_free(clean);
			g_free(why);
		} else {
			ok = outfile_copy(src, dst, err); /* sparse, reflinked files stay so */
		}
		g_free(src);
		g_free(dst);
	}
	g_list_free(keys);
	return ok;
}
