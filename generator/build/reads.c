/* reads: per-thread read sets and a per-build memo of their values. */
#include <stdarg.h>
#include <string.h>
#include "build/reads.h"

struct reads_book {
	reads_value_fn value;
	void *ctx;
	GHashTable *memo; /* name -> hex digest of its value, or "" (unknown) */
	GMutex lock;
};

/* The set of names the running task of this thread read (NULL: none
 * recording). Threads run one task at a time, so one set per thread. */
static __thread GHashTable *reads_now;

reads_book *reads_book_new(reads_value_fn value, void *ctx)
{
	reads_book *b = g_new0(reads_book, 1);
	b->value = value;
	b->ctx = ctx;
	b->memo = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	g_mutex_init(&b->lock);
	return b;
}

void reads_book_free(reads_book *b)
{
	if (!b)
		return;
	g_hash_table_destroy(b->memo);
	g_mutex_clear(&b->lock);
	g_free(b);
}

void reads_begin(void)
{
	if (reads_now)
		g_hash_table_destroy(reads_now);
	reads_now = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

void reads_use(const char *fmt, ...)
{
	if (!reads_now)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *name = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_hash_table_add(reads_now, name); /* takes name, or frees it if known */
}

char *reads_end(void)
{
	if (!reads_now)
		return g_strdup("");
	GList *names = g_list_sort(g_hash_table_get_keys(reads_now), (GCompareFunc)strcmp);
	GString *out = g_string_new(NULL);
	for (GList *n = names; n; n = n->next)
		g_string_append_printf(out, "%s%s", out->len ? "\t" : "", (char *)n->data);
	g_list_free(names);
	g_hash_table_destroy(reads_now);
	reads_now = NULL;
	return g_string_free(out, FALSE);
}

/* The digest of name's value now, in hex, into out (65 bytes); "" when
 * name is unknown. Looking a value up is not a read. */
static void reads_value_hex(reads_book *b, const char *name, char out[65])
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	GHashTable *recording = reads_now;
	reads_now = NULL;
	bool known = b->value(b->ctx, name, sum);
	reads_now = recording;
	g_strlcpy(out, known ? g_checksum_get_string(sum) : "", 65);
	g_checksum_free(sum);
}

/* A memo's digest of name (borrowed: kept until the book is freed). */
static const char *reads_memo(reads_book *b, const char *name)
{
	g_mutex_lock(&b->lock);
	const char *d = g_hash_table_lookup(b->memo, name);
	g_mutex_unlock(&b->lock);
	if (d)
		return d;
	char *digest = g_malloc(65);
	reads_value_hex(b, name, digest);
	g_mutex_lock(&b->lock);
	/* another thread may have summed it meanwhile: the same value */
	if (!(d = g_hash_table_lookup(b->memo, name))) {
		g_hash_table_insert(b->memo, g_strdup(name), digest);
		d = digest;
	} else {
		g_free(digest);
	}
	g_mutex_unlock(&b->lock);
	return d;
}

/* Whether name's value is one file's (a field, a body, a translation
 * picked): cheap to sum, and read by one page or a few, so not worth the
 * memo's memory (about 150 bytes a name, several names a page). */
static bool reads_own(const char *name)
{
	return g_str_has_prefix(name, "fm|") || g_str_has_prefix(name, "body|") ||
	       g_str_has_prefix(name, "keys|") || g_str_has_prefix(name, "pick|");
}

/* The digest of name's value now into out (65 bytes), summed once per
 * build for names many pages read (the memo); "" when name is unknown. */
static void reads_digest(reads_book *b, const char *name, char out[65])
{
	if (reads_own(name))
		reads_value_hex(b, name, out);
	else
		g_strlcpy(out, reads_memo(b, name), 65);
}

GChecksum *reads_sum(reads_book *b, const char *names)
{
	if (!b || !names)
		return NULL;
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	for (const char *p = names; *p;) {
		const char *tab = strchr(p, '\t');
		char *name = g_strndup(p, tab ? (gsize)(tab - p) : strlen(p));
		char d[65];
		reads_digest(b, name, d);
		g_checksum_update(sum, (const guchar *)name, (gssize)strlen(name) + 1);
		g_checksum_update(sum, (const guchar *)d, (gssize)strlen(d) + 1);
		g_free(name);
		if (!*d) {
			g_checksum_free(sum);
			return NULL;
		}
		p = tab ? tab + 1 : p + strlen(p);
	}
	return sum;
}
