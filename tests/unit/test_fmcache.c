/* test_fmcache: a rebuild takes front matter from OUT/.cache only for
 * files that did not change, gives the same trees a parse gives, and
 * never trusts a file that was edited, edited too recently to tell, or a
 * cache file that was damaged. */
#include <fcntl.h>
#include <sys/stat.h>
#include "testutil.h"
#include "build/fmcache.h"

typedef struct {
	char *root, *out;
	site_config *config;
	diag_list *d;
} fixture;

static const char site_yaml[] = "title: T\nbase_url: https://example.org/\n"
                                "default_language: en\nlanguages:\n"
                                "  - code: en\n    name: English\n"
                                "  - code: ko\n    name: 한국어\n";

static const char page_a[] = "---\ntitle: Alpha\nsummary: \"Quoted: yes\"\nproblems:\n"
                             "  - complaints\n  - delays\nfield: services\n---\nBody of a.\n";
static const char page_b[] = "---\ntitle: 베타\nsummary: 요약\nfield: services\n---\n"
                             "Body of b.\n";

/* Sets a file's times an hour back: old enough for the cache to trust. */
static void age(const char *root, const char *rel)
{
	char *path = g_build_filename(root, rel, NULL);
	struct timespec t[2];
	clock_gettime(CLOCK_REALTIME, &t[0]);
	t[0].tv_sec -= 3600;
	t[1] = t[0];
	assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
	g_free(path);
}

static int setup(void **state)
{
	fixture *f = g_new0(fixture, 1);
	f->root = tu_tmpdir();
	f->out = tu_tmpdir();
	f->d = diag_new();
	g_free(tu_write(f->root, "site.yaml", site_yaml, -1));
	g_free(tu_write(f->root, "systems/alpha/index.en.md", page_a, -1));
	g_free(tu_write(f->root, "systems/beta/index.ko.md", page_b, -1));
	age(f->root, "systems/alpha/index.en.md");
	age(f->root, "systems/beta/index.ko.md");
	char *site = g_build_filename(f->root, "site.yaml", NULL);
	f->config = config_load(site, f->d);
	g_free(site);
	*state = f;
	if (!f->config)
		tu_print_diags(f->d);
	return f->config ? 0 : -1;
}

static int teardown(void **state)
{
	fixture *f = *state;
	config_free(f->config);
	diag_free(f->d);
	tu_rmtree(f->root);
	tu_rmtree(f->out);
	g_free(f->root);
	g_free(f->out);
	g_free(f);
	return 0;
}

/* Loads the catalogue with the cache; *hits: pages taken from it. Saves
 * the cache as a build would. */
static content_set *load(fixture *f, guint *hits)
{
	fm_cache *c = fm_cache_open(f->out);
	content_set *s = content_load(f->root, f->config, 2, c, f->d);
	assert_no_diags(f->d);
	*hits = fm_cache_hits(c);
	assert_true(fm_cache_save(c, s, NULL));
	fm_cache_free(c);
	return s;
}

static content_item *item(content_set *s, const char *slug)
{
	content_group *g = content_group_find(s, KIND_SYSTEM, slug);
	assert_non_null(g);
	return g->items->pdata[0];
}

static void assert_same_tree(const yt_node *a, const yt_node *b)
{
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->col, b->col);
	assert_int_equal(a->count, b->count);
	if (a->kind == YT_SCALAR) {
		assert_string_equal(a->value, b->value);
		assert_int_equal(a->quoted, b->quoted);
	}
	for (size_t i = 0; i < a->count; i++) {
		if (a->kind == YT_MAP) {
			assert_string_equal(a->keys[i], b->keys[i]);
			assert_int_equal(a->key_lines[i], b->key_lines[i]);
			assert_int_equal(a->key_cols[i], b->key_cols[i]);
		}
		assert_same_tree(a->items[i], b->items[i]);
	}
}

static void assert_same_item(const content_item *a, const content_item *b)
{
	assert_same_tree(a->fm, b->fm);
	assert_memory_equal(a->head_sum, b->head_sum, CONTENT_SUM_LEN);
	assert_memory_equal(a->body_sum, b->body_sum, CONTENT_SUM_LEN);
	assert_int_equal(a->body_off, b->body_off);
	assert_int_equal(a->body_len, b->body_len);
	assert_int_equal(a->body_line, b->body_line);
}

static void test_unchanged_files_come_from_the_cache(void **state)
{
	fixture *f = *state;
	guint hits;
	content_set *first = load(f, &hits);
	assert_int_equal(hits, 0);
	content_set *second = load(f, &hits);
	assert_int_equal(hits, 2);
	assert_same_item(item(first, "alpha"), item(second, "alpha"));
	assert_same_item(item(first, "beta"), item(second, "beta"));
	/* a page from the cache reads its text when asked, the same text */
	size_t len;
	char *owned;
	const char *body = content_item_body(item(second, "alpha"), &len, &owned);
	assert_non_null(body);
	assert_int_equal(len, strlen("Body of a.\n"));
	assert_memory_equal(body, "Body of a.\n", len);
	g_free(owned);
	content_free(first);
	content_free(second);
}

static void test_an_edit_is_seen_even_with_the_same_size_and_time(void **state)
{
	fixture *f = *state;
	guint hits;
	content_free(load(f, &hits));
	/* same length, same modification time: only the change time differs */
	char *path = g_build_filename(f->root, "systems/alpha/index.en.md", NULL);
	struct stat before, after;
	assert_int_equal(stat(path, &before), 0);
	/* written in place, as some editors do: the same inode */
	FILE *fp = fopen(path, "r+");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, (long)(strstr(page_a, "Alpha") - page_a), SEEK_SET), 0);
	assert_int_equal(fwrite("Omega", 1, 5, fp), 5);
	assert_int_equal(fclose(fp), 0);
	struct timespec t[2] = {before.st_atim, before.st_mtim};
	assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(after.st_ino, before.st_ino);
	assert_int_equal(after.st_size, before.st_size);
	assert_int_equal(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
	content_set *s = load(f, &hits);
	assert_int_equal(hits, 1); /* beta only */
	assert_string_equal(yt_str(item(s, "alpha")->fm, "title"), "Omega");
	content_free(s);
	g_free(path);
}

static void test_a_file_changed_just_before_a_build_is_read_again(void **state)
{
	fixture *f = *state;
	guint hits;
	/* beta changes now: its time cannot tell a second change in the same
	 * tick of the clock from none */
	g_free(tu_write(f->root, "systems/beta/index.ko.md", page_b, -1));
	content_free(load(f, &hits));
	content_set *s = load(f, &hits);
	assert_int_equal(hits, 1); /* alpha only */
	content_free(s);
}

static void test_a_damaged_cache_is_not_used(void **state)
{
	fixture *f = *state;
	guint hits;
	content_set *ref = load(f, &hits);
	char *file = g_build_filename(f->out, ".cache", "frontmatter.bin", NULL);
	char *good;
	gsize len;
	assert_true(g_file_get_contents(file, &good, &len, NULL));
	/* every length cut short, and a byte changed at every place */
	for (gsize cut = 0; cut < len; cut += 7) {
		assert_true(g_file_set_contents(file, good, (gssize)cut, NULL));
		fm_cache *c = fm_cache_open(f->out);
		content_set *s = content_load(f->root, f->config, 1, c, f->d);
		assert_int_equal(fm_cache_hits(c), 0);
		fm_cache_free(c);
		content_free(s);
	}
	for (gsize at = 0; at < len; at += 5) {
		good[at] ^= 0x20;
		assert_true(g_file_set_contents(file, good, (gssize)len, NULL));
		good[at] ^= 0x20;
		fm_cache *c = fm_cache_open(f->out);
		content_set *s = content_load(f->root, f->config, 1, c, f->d);
		assert_int_equal(fm_cache_hits(c), 0);
		assert_same_item(item(ref, "alpha"), item(s, "alpha"));
		fm_cache_free(c);
		content_free(s);
	}
	assert_no_diags(f->d);
	content_free(ref);
	g_free(good);
	g_free(file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_unchanged_files_come_from_the_cache, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_an_edit_is_seen_even_with_the_same_size_and_time,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_file_changed_just_before_a_build_is_read_again,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_damaged_cache_is_not_used, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
