/* fmcache: one binary file, read mapped. Its layout, little-endian:
 *
 *   "kgfm1\n", binary id (string), build start (i64), then entries:
 *   relpath (string), size, inode (u64), mtime, ctime (i64, ns), head and
 *   body digests (CONTENT_SUM_LEN bytes each), body offset, body length
 *   (u64), body line (i64), tree length (u64), tree; last, the HMAC-SHA256
 *   of all that with this user's secret (guard.h), so that a damaged file,
 *   or one forged or brought from elsewhere, is never read.
 *
 * A string is a u32 length and its bytes. A tree node is its kind (u8),
 * line, col (u32), then a scalar's quoted flag (u8) and text, or a
 * sequence's count (u32) and nodes, or a map's count and, per key, the
 * key, its line and col and its node. Anything that does not read back
 * exactly so leaves the file unused, never a wrong page.
 * GVariant did the same job at twice libyaml's cost; this reads in a
 * fraction of it. */
#include <string.h>
#include <unistd.h>
#include <openssl/crypto.h>
#include "build/cache.h"
#include "build/guard.h"
#include "build/fmcache.h"

#define FM_MAGIC "kgfm2\n"
/* lines and columns beyond this are not a front matter's */
#define FM_MAX_LINE 100000000
#define FM_MAX_FILE ((gint64)1 << 30)
#define FM_MAX_DEPTH 64

struct fm_cache {
	char *file, *binary;
	gint64 started;     /* this build, ns since the epoch */
	GMappedFile *map;   /* the last build's file, or NULL */
	bool signing;       /* secret holds this user's secret */
	guint8 secret[GUARD_SECRET_LEN];
	gint64 old_started; /* the build that wrote it */
	GHashTable *index;  /* relpath -> its entry (fm_entry *) */
	gint hits;          /* entries used by this build */
};

/* An entry as found in the mapped file. */
typedef struct {
	char *rel;
	content_stamp stamp;
	const guint8 *head, *body; /* digests */
	guint64 body_off, body_len;
	gint64 body_line;
	const guint8 *tree, *start, *end; /* its tree; the whole entry */
	guint64 tree_len;
} fm_entry;

/* --- reading ------------------------------------------------------------- */

typedef struct {
	const guint8 *p, *end;
	bool bad;
} fm_reader;

static const guint8 *fm_take(fm_reader *r, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		return NULL;
	}
	const guint8 *at = r->p;
	r->p += n;
	return at;
}

static guint64 fm_u(fm_reader *r, size_t n) /* n = 1, 4 or 8 bytes */
{
	const guint8 *b = fm_take(r, n);
	guint64 v = 0;
	for (size_t i = 0; b && i < n; i++)
		v |= (guint64)b[i] << (8 * i);
	return v;
}

/* A string: owned copy, NUL-terminated. */
static char *fm_str(fm_reader *r)
{
	guint64 n = fm_u(r, 4);
	const guint8 *b = fm_take(r, n);
	return b ? g_strndup((const char *)b, n) : NULL;
}

static yt_node *fm_node(fm_reader *r, int depth)
{
	if (depth > FM_MAX_DEPTH)
		r->bad = true;
	guint64 kind = fm_u(r, 1);
	if (r->bad || kind > YT_MAP)
		return NULL;
	yt_node *n = g_new0(yt_node, 1);
	n->kind = (yt_kind)kind;
	guint64 line = fm_u(r, 4), col = fm_u(r, 4);
	if (line > FM_MAX_LINE || col > FM_MAX_LINE)
		r->bad = true;
	n->line = (int)line;
	n->col = (int)col;
	if (n->kind == YT_SCALAR) {
		n->quoted = fm_u(r, 1) != 0;
		n->value = fm_str(r);
	} else {
		guint64 count = fm_u(r, 4);
		if (count > (guint64)(r->end - r->p)) /* a node is at least a byte */
			r->bad = true;
		n->count = r->bad ? 0 : (size_t)count;
		n->items = g_new0(yt_node *, n->count + 1);
		if (n->kind == YT_MAP) {
			n->keys = g_new0(char *, n->count + 1);
			n->key_lines = g_new0(int, n->count + 1);
			n->key_cols = g_new0(int, n->count + 1);
		}
		for (size_t i = 0; i < n->count && !r->bad; i++) {
			if (n->kind == YT_MAP) {
				n->keys[i] = fm_str(r);
				guint64 kl = fm_u(r, 4), kc = fm_u(r, 4);
				if (kl > FM_MAX_LINE || kc > FM_MAX_LINE)
					r->bad = true;
				n->key_lines[i] = (int)kl;
				n->key_cols[i] = (int)kc;
			}
			n->items[i] = fm_node(r, depth + 1);
		}
	}
	if (r->bad) {
		yt_free(n);
		return NULL;
	}
	return n;
}

static void fm_entry_free(fm_entry *e)
{
	g_free(e->rel);
	g_free(e);
}

/* The next entry of r, or NULL at the end or when the rest is damaged. */
static fm_entry *fm_next_entry(fm_reader *r)
{
	if (r->p == r->end)
		return NULL;
	fm_entry *e = g_new0(fm_entry, 1);
	e->start = r->p;
	e->rel = fm_str(r);
	e->stamp.size = fm_u(r, 8);
	e->stamp.ino = fm_u(r, 8);
	e->stamp.mtime_ns = (gint64)fm_u(r, 8);
	e->stamp.ctime_ns = (gint64)fm_u(r, 8);
	e->head = fm_take(r, CONTENT_SUM_LEN);
	e->body = fm_take(r, CONTENT_SUM_LEN);
	e->body_off = fm_u(r, 8);
	e->body_len = fm_u(r, 8);
	e->body_line = (gint64)fm_u(r, 8);
	e->tree_len = fm_u(r, 8);
	e->tree = fm_take(r, e->tree_len);
	e->end = r->p;
	if (e->body_line < 1 || e->body_line > FM_MAX_LINE || e->body_off > e->stamp.size ||
	    e->body_len != e->stamp.size - e->body_off || !guard_rel_ok(e->rel))
		r->bad = true;
	if (r->bad) {
		fm_entry_free(e);
		return NULL;
	}
	return e;
}

static char *fm_binary_id(void)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	cache_sum_binary(sum); /* a rebuilt kitgen may parse differently */
	char *id = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return id;
}

fm_cache *fm_cache_open(const char *out_dir)
{
	fm_cache *c = g_new0(fm_cache, 1);
	c->file = g_build_filename(out_dir, ".cache", "frontmatter.bin", NULL);
	c->binary = fm_binary_id();
	c->started = g_get_real_time() * 1000;
	c->index = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	                                 (GDestroyNotify)fm_entry_free);
	c->signing = guard_user_secret(c->secret);
	/* A hint only: a FIFO or a link in its place is not opened. */
	int fd = c->signing ? guard_open_advisory(c->file) : -1;
	struct stat st; /* 800 MB would be a million pages: a sparse file is not read */
	if (fd >= 0 && (fstat(fd, &st) != 0 || st.st_size > FM_MAX_FILE)) {
		close(fd);
		fd = -1;
	}
	c->map = fd >= 0 ? g_mapped_file_new_from_fd(fd, FALSE, NULL) : NULL;
	if (fd >= 0)
		close(fd);
	if (!c->map)
		return c;
	const guint8 *data = (const guint8 *)g_mapped_file_get_contents(c->map);
	size_t len = g_mapped_file_get_length(c->map);
	if (len < GUARD_SIGN_LEN)
		return c;
	guint8 sign[GUARD_SIGN_LEN];
	if (!guard_sign(c->secret, data, len - GUARD_SIGN_LEN, sign) ||
	    CRYPTO_memcmp(sign, data + len - GUARD_SIGN_LEN, GUARD_SIGN_LEN))
		return c; /* damaged, forged or not ours: read every file */
	fm_reader r = {data, data + len - GUARD_SIGN_LEN, false};
	const guint8 *magic = fm_take(&r, strlen(FM_MAGIC));
	char *binary = magic && !memcmp(magic, FM_MAGIC, strlen(FM_MAGIC)) ? fm_str(&r) : NULL;
	c->old_started = (gint64)fm_u(&r, 8);
	if (binary && !r.bad && !strcmp(binary, c->binary)) {
		fm_entry *e;
		while ((e = fm_next_entry(&r)))
			g_hash_table_replace(c->index, e->rel, e);
		if (r.p != r.end) /* not as written */
			g_hash_table_remove_all(c->index);
	}
	g_free(binary);
	return c;
}

void fm_cache_free(fm_cache *c)
{
	if (!c)
		return;
	g_hash_table_destroy(c->index);
	if (c->map)
		g_mapped_file_unref(c->map);
	g_free(c->binary);
	g_free(c->file);
	g_free(c);
}

static bool fm_same_stamp(const content_stamp *a, const content_stamp *b)
{
	return a->size == b->size && a->ino == b->ino && a->mtime_ns == b->mtime_ns &&
	       a->ctime_ns == b->ctime_ns;
}

bool fm_cache_get(fm_cache *c, const char *rel, const struct stat *st, content_item *it)
{
	const fm_entry *e = g_hash_table_lookup(c->index, rel);
	content_stamp s = content_stamp_of(st);
	/* a file changed in the second before that build may have changed
	 * again in the same tick of its clock */
	if (!e || s.mtime_ns >= c->old_started - 1000000000 || !fm_same_stamp(&e->stamp, &s))
		return false;
	fm_reader r = {e->tree, e->tree + e->tree_len, false};
	yt_node *fm = fm_node(&r, 0);
	if (!fm || r.p != r.end || fm->kind != YT_MAP) {
		yt_free(fm);
		return false;
	}
	it->fm = fm;
	memcpy(it->head_sum, e->head, CONTENT_SUM_LEN);
	memcpy(it->body_sum, e->body, CONTENT_SUM_LEN);
	it->body_off = e->body_off;
	it->body_len = e->body_len;
	it->body_line = (int)e->body_line;
	it->stamp = s;
	g_atomic_int_inc(&c->hits);
	return true;
}

guint fm_cache_hits(const fm_cache *c)
{
	return (guint)g_atomic_int_get(&c->hits);
}

/* --- writing ------------------------------------------------------------- */

static void fm_put_u(GByteArray *b, guint64 v, size_t n)
{
	guint8 bytes[8];
	for (size_t i = 0; i < n; i++)
		bytes[i] = (guint8)(v >> (8 * i));
	g_byte_array_append(b, bytes, (guint)n);
}

static void fm_put_str(GByteArray *b, const char *s)
{
	size_t n = strlen(s);
	fm_put_u(b, n, 4);
	g_byte_array_append(b, (const guint8 *)s, (guint)n);
}

static void fm_put_node(GByteArray *b, const yt_node *n)
{
	fm_put_u(b, n->kind, 1);
	fm_put_u(b, (guint64)n->line, 4);
	fm_put_u(b, (guint64)n->col, 4);
	if (n->kind == YT_SCALAR) {
		fm_put_u(b, n->quoted, 1);
		fm_put_str(b, n->value ? n->value : "");
		return;
	}
	fm_put_u(b, n->count, 4);
	for (size_t i = 0; i < n->count; i++) {
		if (n->kind == YT_MAP) {
			fm_put_str(b, n->keys[i]);
			fm_put_u(b, (guint64)n->key_lines[i], 4);
			fm_put_u(b, (guint64)n->key_cols[i], 4);
		}
		fm_put_node(b, n->items[i]);
	}
}

static void fm_put_entry(GByteArray *b, GByteArray *tree, const content_item *it)
{
	const content_stamp *s = &it->stamp;
	fm_put_str(b, it->relpath);
	fm_put_u(b, s->size, 8);
	fm_put_u(b, s->ino, 8);
	fm_put_u(b, (guint64)s->mtime_ns, 8);
	fm_put_u(b, (guint64)s->ctime_ns, 8);
	g_byte_array_append(b, it->head_sum, CONTENT_SUM_LEN);
	g_byte_array_append(b, it->body_sum, CONTENT_SUM_LEN);
	fm_put_u(b, it->body_off, 8);
	fm_put_u(b, it->body_len, 8);
	fm_put_u(b, (guint64)(gint64)it->body_line, 8);
	g_byte_array_set_size(tree, 0);
	fm_put_node(tree, it->fm);
	fm_put_u(b, tree->len, 8);
	g_byte_array_append(b, tree->data, tree->len);
}

/* The entry still says what it says: same file, same digests. */
static bool fm_same_item(const fm_entry *e, const content_item *it)
{
	return fm_same_stamp(&e->stamp, &it->stamp) &&
	       !memcmp(e->head, it->head_sum, CONTENT_SUM_LEN) &&
	       !memcmp(e->body, it->body_sum, CONTENT_SUM_LEN);
}

bool fm_cache_save(fm_cache *c, const content_set *s, GError **err)
{
	guint pages = 0;
	content_iter i = content_iter_start(s);
	for (const content_group *g; (g = content_iter_next_group(&i));)
		pages += g->items->len;
	if ((guint)g_atomic_int_get(&c->hits) == pages && g_hash_table_size(c->index) == pages)
		return true; /* every entry was used as it is */
	GByteArray *b = g_byte_array_new(), *tree = g_byte_array_new();
	g_byte_array_append(b, (const guint8 *)FM_MAGIC, strlen(FM_MAGIC));
	fm_put_str(b, c->binary);
	fm_put_u(b, (guint64)c->started, 8);
	i = content_iter_start(s);
	for (const content_item *it; (it = content_iter_next(&i));) {
		const fm_entry *e = g_hash_table_lookup(c->index, it->relpath);
		if (e && fm_same_item(e, it)) /* copied as it is */
			g_byte_array_append(b, e->start, (guint)(e->end - e->start));
		else
			fm_put_entry(b, tree, it);
	}
	guint8 sign[GUARD_SIGN_LEN];
	if (!c->signing || !guard_sign(c->secret, b->data, b->len, sign)) {
		g_byte_array_free(tree, TRUE);
		g_byte_array_free(b, TRUE);
		return true; /* nowhere to keep a secret: no cache, every file read */
	}
	g_byte_array_append(b, sign, GUARD_SIGN_LEN);
	char *dir = g_path_get_dirname(c->file);
	g_mkdir_with_parents(dir, 0755);
	g_free(dir);
	bool ok = g_file_set_contents(c->file, (const char *)b->data, b->len, err);
	g_byte_array_free(tree, TRUE);
	g_byte_array_free(b, TRUE);
	return ok;
}
