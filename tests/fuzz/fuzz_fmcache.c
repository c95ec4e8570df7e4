/* fuzz_fmcache: arbitrary bytes as the entries of OUT/.cache/frontmatter.bin
 * (read with fm_cache_open_bytes, as fm_cache_open reads the mapped file,
 * the part a valid signature covers, after a valid header: the magic, this
 * binary's id and an old build time, so the reader gets past both), looked up with fm_cache_get for the page names the
 * seeds use, with a file stamp the seeds match. A tree handed out must be
 * a map whose keys and values are real strings. */
#include "fuzz.h"
#include "build/cache.h"
#include "build/fmcache.h"

static GByteArray *head;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_quiet();
	/* The header fm_cache_open expects from this very binary. */
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	cache_sum_binary(sum);
	const char *id = g_checksum_get_string(sum);
	head = g_byte_array_new();
	g_byte_array_append(head, (const guint8 *)"kgfm1\n", 6);
	guint32 n = (guint32)strlen(id);
	guint8 len[4] = {(guint8)n, (guint8)(n >> 8), (guint8)(n >> 16), (guint8)(n >> 24)};
	g_byte_array_append(head, len, 4);
	g_byte_array_append(head, (const guint8 *)id, n);
	/* An old build far in the future: every stamp is older than it. */
	guint8 started[8] = {0, 0, 0, 0, 0, 0, 0, 0x40};
	g_byte_array_append(head, started, 8);
	g_checksum_free(sum);
	return 0;
}

static void fz_check_tree(const yt_node *n)
{
	if (n->kind == YT_SCALAR) {
		if (!n->value)
			abort();
		return;
	}
	for (size_t i = 0; i < n->count; i++) {
		if (n->kind == YT_MAP && !n->keys[i])
			abort();
		if (!n->items[i])
			abort();
		fz_check_tree(n->items[i]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GByteArray *b = g_byte_array_new();
	g_byte_array_append(b, head->data, head->len);
	g_byte_array_append(b, data, (guint)size);
	fm_cache *c = fm_cache_open_bytes(b->data, b->len);
	/* The stamp every seed's entries carry: size 1, inode 1, times 0. */
	struct stat st;
	memset(&st, 0, sizeof st);
	st.st_size = 1;
	st.st_ino = 1;
	static const char *const rels[] = {"a", "pages/a.en.md", "systems/a/index.en.md"};
	for (size_t i = 0; i < G_N_ELEMENTS(rels); i++) {
		content_item it;
		memset(&it, 0, sizeof it);
		it.relpath = (char *)rels[i];
		if (fm_cache_get(c, rels[i], &st, &it)) {
			if (!it.fm || it.fm->kind != YT_MAP)
				abort();
			fz_check_tree(it.fm);
			yt_free(it.fm);
		}
	}
	fm_cache_free(c);
	g_byte_array_free(b, TRUE);
	return 0;
}
