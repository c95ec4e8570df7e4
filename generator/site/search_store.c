/* search_store: every document's tokens in one file, the postings made from
 * it one range of tokens at a time (search_int.h). A site of 20,000 pages
 * has a few million postings: held all at once, with each document's token
 * table, they were most of a build's memory. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "site/search_int.h"

#define SEARCH_CHUNK 12000        /* bytes of postings per chunk, about */
#define SEARCH_PASS (8u << 20)    /* postings made in one pass, bytes, about */
#define SEARCH_LINE_COST 8        /* a posting's bytes: "," delta "," weight */

typedef struct {
	guint64 off;
	guint32 len;
} search_block;

struct search_store {
	GMutex lock;          /* guards everything below that changes */
	char *path, *tmp;     /* the cache file, its new version (or a temp file) */
	bool cached;          /* tmp becomes path when kept */
	FILE *out;
	guint64 pos;          /* bytes written to out */
	GChecksum *sum;       /* of everything after the first line */
	search_block *blocks; /* each document's lines in out; len 0: none */
	size_t ndocs;
	int old_fd;           /* the previous build's file, or -1 */
	GHashTable *old;      /* its keys -> search_block* */
	GHashTable *prefix;   /* a token prefix (search_prefix) -> posting bytes */
	bool failed;
};

/* The first two characters of an ASCII-led token, the first character of
 * any other (a Hangul bigram's first syllable): tokens sort in the order of
 * their prefixes, so a run of prefixes is a run of tokens. */
static size_t search_prefix_len(const char *t, size_t len)
{
	size_t n = (unsigned char)t[0] < 0x80 ? 2 : 1, i = 0;
	while (n-- && i < len)
		i = (size_t)(g_utf8_next_char(t + i) - t);
	return i < len ? i : len;
}

/* Counts the posting bytes of block's lines by prefix (lock held). */
static void search_count_prefixes(search_store *s, const char *lines, size_t len)
{
	for (const char *p = lines, *end = lines + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *tab = memchr(p, '\t', (size_t)((nl ? nl : end) - p));
		if (!nl || !tab)
			break;
		size_t tl = (size_t)(tab - p);
		char *key = g_strndup(p, search_prefix_len(p, tl));
		gsize v = GPOINTER_TO_SIZE(g_hash_table_lookup(s->prefix, key));
		g_hash_table_replace(s->prefix, key, GSIZE_TO_POINTER(v + tl + SEARCH_LINE_COST));
		p = nl + 1;
	}
}

/* Appends document doc's block: "=KEY\n", then its lines. */
static void search_append(search_store *s, size_t doc, const char *key, const char *lines,
                          size_t len)
{
	char *head = g_strdup_printf("=%s\n", key ? key : "-");
	size_t hl = strlen(head);
	g_mutex_lock(&s->lock);
	if (fwrite(head, 1, hl, s->out) != hl || fwrite(lines, 1, len, s->out) != len)
		s->failed = true;
	g_checksum_update(s->sum, (const guchar *)head, (gssize)hl);
	g_checksum_update(s->sum, (const guchar *)lines, (gssize)len);
	s->blocks[doc] = (search_block){s->pos + hl, (guint32)len};
	s->pos += hl + len;
	search_count_prefixes(s, lines, len);
	g_mutex_unlock(&s->lock);
	g_free(head);
}

/* The previous build's file: the place of each document's lines under its
 * key, read as a stream (the first line is the SHA-256 of the rest; a
 * damaged file is not used, which only costs rendering again). */
static void search_store_index(search_store *s)
{
	FILE *f = s->path ? fopen(s->path, "r") : NULL;
	if (!f)
		return;
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	char *line = NULL, *want = NULL, *key = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, f);
	guint64 pos = n > 0 ? (guint64)n : 0, start = 0;
	if (n > 0)
		want = g_strndup(line, (gsize)n - 1);
	GHashTable *old = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	for (; want && (n = getline(&line, &cap, f)) > 0; pos += (guint64)n) {
		g_checksum_update(sum, (const guchar *)line, n);
		if (line[0] != '=')
			continue;
		if (key) {
			search_block *b = g_new(search_block, 1);
			*b = (search_block){start, (guint32)(pos - start)};
			g_hash_table_replace(old, key, b);
		}
		key = g_strndup(line + 1, (gsize)n - 2);
		start = pos + (guint64)n;
	}
	if (key) {
		search_block *b = g_new(search_block, 1);
		*b = (search_block){start, (guint32)(pos - start)};
		g_hash_table_replace(old, key, b);
	}
	fclose(f);
	free(line);
	if (want && !strcmp(want, g_checksum_get_string(sum)))
		s->old_fd = open(s->path, O_RDONLY | O_CLOEXEC);
	if (s->old_fd >= 0)
		s->old = old;
	else
		g_hash_table_unref(old);
	g_free(want);
	g_checksum_free(sum);
}

search_store *search_store_open(const search_job *job, size_t ndocs)
{
	search_store *s = g_new0(search_store, 1);
	g_mutex_init(&s->lock);
	s->old_fd = -1;
	s->ndocs = ndocs;
	s->blocks = g_new0(search_block, ndocs ? ndocs : 1);
	s->prefix = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	s->sum = g_checksum_new(G_CHECKSUM_SHA256);
	GError *err = NULL;
	int fd = -1;
	if (job->cache && job->cache_dir && g_mkdir_with_parents(job->cache_dir, 0755) == 0) {
		s->cached = true;
		s->path = g_build_filename(job->cache_dir, "search-tokens", NULL);
		s->tmp = g_strconcat(s->path, ".new", NULL);
		fd = open(s->tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		search_store_index(s);
	} else
		fd = g_file_open_tmp("kitgen-search-XXXXXX", &s->tmp, &err);
	s->out = fd >= 0 ? fdopen(fd, "w+") : NULL;
	if (!s->out) {
		diag_error(job->d, s->tmp, 0, 0, "check that the output folder is writable",
		           "cannot write the search index's tokens: %s",
		           err ? err->message : g_strerror(errno));
		if (err)
			g_error_free(err);
		if (fd >= 0)
			close(fd);
		search_store_close(s, false);
		return NULL;
	}
	/* The checksum of the rest goes here when the file is complete. */
	char head[65];
	memset(head, '0', 64);
	head[64] = '\n';
	s->failed = fwrite(head, 1, sizeof head, s->out) != sizeof head;
	s->pos = sizeof head;
	return s;
}

bool search_store_copy(search_store *s, size_t doc, const char *key)
{
	const search_block *b = s->old && key ? g_hash_table_lookup(s->old, key) : NULL;
	if (!b)
		return false;
	char *buf = g_malloc(b->len + 1);
	bool ok = pread(s->old_fd, buf, b->len, (off_t)b->off) == (ssize_t)b->len;
	if (ok)
		search_append(s, doc, key, buf, b->len);
	g_free(buf);
	return ok;
}

void search_store_put(search_store *s, size_t doc, const char *key, GHashTable *tokens)
{
	GString *lines = g_string_new(NULL);
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, tokens);
	while (g_hash_table_iter_next(&it, &k, &v))
		g_string_append_printf(lines, "%s\t%d\n", (const char *)k, GPOINTER_TO_INT(v));
	search_append(s, doc, key, lines->str, lines->len);
	g_string_free(lines, TRUE);
}

/* ---- postings ------------------------------------------------------------- */

typedef struct {
	GString *list; /* "doc,weight,…" */
	guint last;    /* the last document added */
} search_posting;

static void search_posting_free(gpointer p)
{
	g_string_free(((search_posting *)p)->list, TRUE);
	g_free(p);
}

static int search_cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b); /* UTF-8 order: code points */
}

/* Cuts the sorted entries into chunks as they come. */
typedef struct {
	search_job *job;
	GString *manifest, *chunk;
	bool first, ok;
} search_chunker;

static void search_chunk_flush(search_chunker *c)
{
	g_string_append(c->chunk, "}");
	char *hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256, c->chunk->str, -1);
	hash[16] = '\0';
	char *text = g_strdup_printf("kgSearch.chunk(\"%s\",%s);\n", hash, c->chunk->str);
	char *rel = g_strdup_printf("search/c/%s.js", hash);
	c->ok = search_write(c->job, rel, text, hash); /* its name is its content */
	g_string_append_printf(c->manifest, ",\"%s\"]", hash);
	c->job->chunks++;
	g_free(rel);
	g_free(text);
	g_free(hash);
	g_string_truncate(c->chunk, 0);
}

/* "token":[doc, weight, doc − previous doc, weight, …] */
static void search_chunk_add(search_chunker *c, const char *token, const GString *postings)
{
	GString *entry = g_string_new(NULL);
	search_json_str(entry, token);
	g_string_append_printf(entry, ":[%s]", postings->str);
	if (c->chunk->len && c->chunk->len + entry->len > SEARCH_CHUNK)
		search_chunk_flush(c);
	if (!c->chunk->len) { /* a new chunk starts at this token */
		g_string_append(c->manifest, c->first ? "[" : ",[");
		search_json_str(c->manifest, c->job->chunks ? token : "");
		c->first = false;
		g_string_append_c(c->chunk, '{');
	} else
		g_string_append_c(c->chunk, ',');
	g_string_append(c->chunk, entry->str);
	g_string_free(entry, TRUE);
}

/* One pass: the postings of the tokens from lo (a prefix) up to, not
 * including, hi (the next range's first prefix; NULL: to the end), read
 * from every document's lines in document order, then added sorted. */
static bool search_pass(search_store *s, search_chunker *c, const char *lo, const char *hi)
{
	GHashTable *post = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, search_posting_free);
	GString *buf = g_string_new(NULL);
	bool ok = true;
	for (size_t i = 0; i < s->ndocs && ok; i++) {
		const search_block *b = &s->blocks[i];
		if (!b->len)
			continue;
		g_string_set_size(buf, b->len);
		ok = pread(fileno(s->out), buf->str, b->len, (off_t)b->off) == (ssize_t)b->len;
		for (char *p = buf->str, *end = buf->str + b->len; ok && p < end;) {
			char *nl = memchr(p, '\n', (size_t)(end - p));
			char *tab = nl ? memchr(p, '\t', (size_t)(nl - p)) : NULL;
			if (!tab)
				break;
			*tab = '\0';
			if (strcmp(p, lo) >= 0 && (!hi || strcmp(p, hi) < 0)) {
				search_posting *ps = g_hash_table_lookup(post, p);
				if (!ps) {
					ps = g_new0(search_posting, 1);
					ps->list = g_string_new(NULL);
					g_hash_table_insert(post, g_strdup(p), ps);
				}
				g_string_append_printf(ps->list, "%s%u,%d", ps->list->len ? "," : "",
				                       (guint)i - ps->last, atoi(tab + 1));
				ps->last = (guint)i;
			}
			p = nl + 1;
		}
	}
	g_string_free(buf, TRUE);
	guint n;
	gpointer *keys = g_hash_table_get_keys_as_array(post, &n);
	qsort(keys, n, sizeof *keys, search_cmp_str);
	for (guint i = 0; i < n && ok && c->ok; i++)
		search_chunk_add(c, keys[i], ((search_posting *)g_hash_table_lookup(post, keys[i]))->list);
	g_free(keys);
	g_hash_table_unref(post);
	return ok && c->ok;
}

bool search_store_chunks(search_store *s, search_job *job, GString *manifest)
{
	bool ok = !s->failed && fflush(s->out) == 0;
	if (!ok)
		diag_error(job->d, s->tmp, 0, 0, "check the free space of the output folder",
		           "cannot write the search index's tokens: %s", g_strerror(errno));
	/* Ranges of prefixes, each about SEARCH_PASS bytes of postings. */
	guint n;
	gpointer *prefixes = g_hash_table_get_keys_as_array(s->prefix, &n);
	qsort(prefixes, n, sizeof *prefixes, search_cmp_str);
	GPtrArray *starts = g_ptr_array_new();
	gsize acc = 0;
	for (guint i = 0; i < n; i++) {
		gsize v = GPOINTER_TO_SIZE(g_hash_table_lookup(s->prefix, prefixes[i]));
		if (!starts->len || acc + v > SEARCH_PASS) {
			g_ptr_array_add(starts, prefixes[i]);
			acc = 0;
		}
		acc += v;
	}
	search_chunker c = {job, manifest, g_string_new(NULL), true, true};
	g_string_append(manifest, ",\"chunks\":[");
	for (guint r = 0; ok && r < starts->len; r++)
		ok = search_pass(s, &c, starts->pdata[r], r + 1 < starts->len ? starts->pdata[r + 1] : NULL);
	if (ok && c.chunk->len)
		search_chunk_flush(&c);
	ok = ok && c.ok;
	g_string_append(manifest, "]");
	g_string_free(c.chunk, TRUE);
	g_ptr_array_free(starts, TRUE);
	g_free(prefixes);
	return ok;
}

void search_store_close(search_store *s, bool keep)
{
	if (s->out && keep && s->cached && !s->failed) {
		const char *hex = g_checksum_get_string(s->sum);
		keep = fseek(s->out, 0, SEEK_SET) == 0 && fwrite(hex, 1, 64, s->out) == 64;
	} else
		keep = false;
	if (s->out && fclose(s->out) != 0)
		keep = false;
	if (s->tmp && (!keep || g_rename(s->tmp, s->path) != 0))
		g_unlink(s->tmp); /* a build without it renders every document again */
	if (s->old_fd >= 0)
		close(s->old_fd);
	if (s->old)
		g_hash_table_unref(s->old);
	g_hash_table_unref(s->prefix);
	g_checksum_free(s->sum);
	g_free(s->blocks);
	g_free(s->path);
	g_free(s->tmp);
	g_mutex_clear(&s->lock);
	g_free(s);
}
