/* test_content: front matter split from the body with the body's line, and
 * content/ loaded into groups of translations that readers are given
 * along their language's fallback chain. */
#include "testutil.h"
#include "load/content.h"

/* --- content_split ---------------------------------------------------- */

typedef struct {
	bool ok;
	size_t yoff, ylen, boff;
	int bline;
} split_result;

static split_result split(const char *text, size_t len, diag_list *d)
{
	split_result r = {0};
	r.ok = content_split(text, len, "page.en.md", &r.yoff, &r.ylen, &r.boff, &r.bline, d);
	return r;
}

static void test_split_basic(void **state)
{
	(void)state;
	static const char text[] = "---\ntitle: x\nsummary: y\n---\nBody line.\n";
	diag_list *d = diag_new();
	split_result r = split(text, strlen(text), d);
	assert_true(r.ok);
	assert_no_diags(d);
	/* the YAML is lines 2-3, the body starts on line 5 */
	assert_int_equal(r.yoff, 4);
	assert_int_equal(r.ylen, strlen("title: x\nsummary: y\n"));
	assert_memory_equal(text + r.yoff, "title: x\nsummary: y\n", r.ylen);
	assert_string_equal(text + r.boff, "Body line.\n");
	assert_int_equal(r.bline, 5);
	diag_free(d);
}

static void test_split_crlf(void **state)
{
	(void)state;
	static const char text[] = "---\r\ntitle: x\r\n---\r\nBody.\r\n";
	diag_list *d = diag_new();
	split_result r = split(text, strlen(text), d);
	assert_true(r.ok);
	assert_no_diags(d);
	assert_int_equal(r.yoff, 5);
	assert_memory_equal(text + r.yoff, "title: x\r\n", r.ylen);
	assert_int_equal(r.ylen, strlen("title: x\r\n"));
	assert_string_equal(text + r.boff, "Body.\r\n");
	assert_int_equal(r.bline, 4);
	diag_free(d);
}

static void test_split_bom(void **state)
{
	(void)state;
	static const char text[] = "\xEF\xBB\xBF---\ntitle: x\n---\nBody.\n";
	diag_list *d = diag_new();
	split_result r = split(text, strlen(text), d);
	assert_true(r.ok);
	assert_no_diags(d);
	assert_int_equal(r.yoff, 7);
	assert_memory_equal(text + r.yoff, "title: x\n", r.ylen);
	assert_string_equal(text + r.boff, "Body.\n");
	/* the mark takes no line */
	assert_int_equal(r.bline, 4);
	diag_free(d);
}

static void test_split_edges(void **state)
{
	(void)state;
	diag_list *d = diag_new();

	/* empty front matter */
	static const char empty[] = "---\n---\nBody.\n";
	split_result r = split(empty, strlen(empty), d);
	assert_true(r.ok);
	assert_int_equal(r.ylen, 0);
	assert_int_equal(r.bline, 3);
	assert_string_equal(empty + r.boff, "Body.\n");

	/* no body and no final newline */
	static const char nobody[] = "---\na: 1\n---";
	r = split(nobody, strlen(nobody), d);
	assert_true(r.ok);
	assert_int_equal(r.boff, strlen(nobody));
	assert_int_equal(r.bline, 4);

	/* "----" and "--- x" do not close it; "..." (YAML's end) does */
	static const char longer[] = "---\na: 1\n----\n--- x\n...\nBody.\n";
	r = split(longer, strlen(longer), d);
	assert_true(r.ok);
	assert_int_equal(r.bline, 6);
	assert_memory_equal(longer + r.yoff, "a: 1\n----\n--- x\n", r.ylen);
	assert_string_equal(longer + r.boff, "Body.\n");

	/* a '---' later in the body is the body's (a thematic break) */
	static const char rule[] = "---\na: 1\n---\nText\n---\nMore\n";
	r = split(rule, strlen(rule), d);
	assert_true(r.ok);
	assert_string_equal(rule + r.boff, "Text\n---\nMore\n");

	assert_no_diags(d);
	diag_free(d);
}

static void test_split_missing(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"title: x\n\nBody.\n", /* no opening line */
		"",                    /* empty file */
		"--\ntitle: x\n--\n",  /* two dashes */
		"---title: x\n---\n",  /* text on the opening line */
		" ---\ntitle: x\n---\n",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		diag_list *d = diag_new();
		split_result r = split(bad[i], strlen(bad[i]), d);
		assert_false(r.ok);
		assert_int_equal(d->errors, 1);
		assert_diag(d, DIAG_ERROR, "page.en.md", 1, 1, "missing front matter");
		diag_free(d);
	}
}

static void test_split_unclosed(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"---\ntitle: x\n\nBody.\n",
		"---\n",
		"---\r\ntitle: x\r\n",
		"---\ntitle: x\n-- \n",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		diag_list *d = diag_new();
		split_result r = split(bad[i], strlen(bad[i]), d);
		assert_false(r.ok);
		assert_int_equal(d->errors, 1);
		assert_diag(d, DIAG_ERROR, "page.en.md", 1, 1, "never closed");
		diag_free(d);
	}
}

/* --- content_load -------------------------------------------------------- */

typedef struct {
	char *root;
	site_config *config;
	content_set *set;
	diag_list *d;
} fixture;

static int setup_catalogue(void **state)
{
	fixture *f = g_new0(fixture, 1);
	f->root = tu_fixture("catalogue");
	char *site = g_build_filename(f->root, "site.yaml", NULL);
	f->d = diag_new();
	f->config = config_load(site, f->d);
	g_free(site);
	if (!f->config)
		return -1;
	f->set = content_load(f->root, f->config, 0, NULL, f->d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	content_free(f->set);
	config_free(f->config);
	diag_free(f->d);
	g_free(f->root);
	g_free(f);
	return 0;
}

static const char *slug_at(const content_set *s, content_kind k, guint i)
{
	return ((content_group *)s->groups[k]->pdata[i])->slug;
}

static const char *lang_at(const content_group *g, guint i)
{
	return ((content_item *)g->items->pdata[i])->lang;
}

static void test_load_clean(void **state)
{
	fixture *f = *state;
	assert_no_diags(f->d);
}

static void test_load_groups(void **state)
{
	fixture *f = *state;
	const content_set *s = f->set;

	/* systems a to e — sorted by name whatever order readdir gave */
	assert_int_equal(s->groups[KIND_SYSTEM]->len, 5);
	assert_string_equal(slug_at(s, KIND_SYSTEM, 0), "a");
	assert_string_equal(slug_at(s, KIND_SYSTEM, 1), "b");
	assert_string_equal(slug_at(s, KIND_SYSTEM, 2), "c");
	assert_string_equal(slug_at(s, KIND_SYSTEM, 3), "d");
	assert_string_equal(slug_at(s, KIND_SYSTEM, 4), "e");

	/* index.ko.md and index.en.md of systems/a/ are one page in two
	 * languages, sorted by code */
	content_group *a = content_group_find(s, KIND_SYSTEM, "a");
	assert_non_null(a);
	assert_ptr_equal(a, s->groups[KIND_SYSTEM]->pdata[0]);
	assert_int_equal(a->kind, KIND_SYSTEM);
	assert_int_equal(a->items->len, 2);
	assert_string_equal(lang_at(a, 0), "en");
	assert_string_equal(lang_at(a, 1), "ko");

	content_item *ko = content_group_item(a, "ko");
	assert_non_null(ko);
	assert_string_equal(ko->slug, "a");
	assert_int_equal(ko->kind, KIND_SYSTEM);
	assert_string_equal(ko->relpath, "systems/a/index.ko.md");
	assert_true(g_str_has_suffix(ko->path, "catalogue/systems/a/index.ko.md"));
	assert_true(g_str_has_suffix(ko->dir, "catalogue/systems/a"));
	assert_string_equal(yt_str(ko->fm, "title"), "A (ko)");
	/* front matter on lines 2-3, '---' on 4, the body from line 5 */
	assert_int_equal(yt_get(ko->fm, "title")->line, 2);
	assert_int_equal(ko->body_line, 5);
	/* the body is not kept in memory: read again from the file */
	assert_null(ko->body);
	size_t blen;
	char *owned;
	const char *body = content_item_body(ko, &blen, &owned);
	assert_non_null(body);
	assert_int_equal(blen, strlen("\nBody of A (ko).\n"));
	assert_memory_equal(body, "\nBody of A (ko).\n", blen);
	assert_int_equal(ko->body_len, blen);
	g_free(owned);
	assert_true(ko->mtime > 0);
	assert_null(content_group_item(a, "mn"));

	/* cities/x.mn.md: a city only in Mongolian */
	assert_int_equal(s->groups[KIND_CITY]->len, 3);
	assert_string_equal(slug_at(s, KIND_CITY, 0), "x");
	assert_string_equal(slug_at(s, KIND_CITY, 1), "y");
	assert_string_equal(slug_at(s, KIND_CITY, 2), "y-2");
	content_group *x = content_group_find(s, KIND_CITY, "x");
	assert_int_equal(x->items->len, 1);
	assert_string_equal(lang_at(x, 0), "mn");
	assert_string_equal(((content_item *)x->items->pdata[0])->relpath, "cities/x.mn.md");
	/* y and y-2 are different pages */
	assert_int_equal(content_group_find(s, KIND_CITY, "y")->items->len, 2);
	assert_int_equal(content_group_find(s, KIND_CITY, "y-2")->items->len, 1);

	/* a kind is its own namespace */
	assert_null(content_group_find(s, KIND_SYSTEM, "x"));
	assert_null(content_group_find(s, KIND_CITY, "a"));
	assert_non_null(content_group_find(s, KIND_PAGE, "about"));
	assert_int_equal(s->groups[KIND_STUDY]->len, 0);

	/* every file is known by its path inside content/; site.yaml is not content */
	assert_true(g_hash_table_contains(s->files, "systems/a/index.en.md"));
	assert_true(g_hash_table_contains(s->files, "cities/x.mn.md"));
	assert_false(g_hash_table_contains(s->files, "site.yaml"));
}

static const char *pick(fixture *f, content_kind k, const char *slug, const char *lang)
{
	content_group *g = content_group_find(f->set, k, slug);
	assert_non_null(g);
	content_item *it = content_group_pick(g, f->config, lang);
	assert_non_null(it);
	return it->lang;
}

/* site.yaml: mn falls back to [ru, en], ru to [en]; ko is the default. */
static void test_pick_chain(void **state)
{
	fixture *f = *state;
	/* own language first */
	assert_string_equal(pick(f, KIND_SYSTEM, "a", "en"), "en");
	assert_string_equal(pick(f, KIND_SYSTEM, "a", "ko"), "ko");
	assert_string_equal(pick(f, KIND_CITY, "x", "mn"), "mn");
	/* b has ru and ko: a Mongolian reader gets Russian, the first fallback */
	assert_string_equal(pick(f, KIND_SYSTEM, "b", "mn"), "ru");
	/* e has en and ru: the chain's order decides, ru before en */
	assert_string_equal(pick(f, KIND_SYSTEM, "e", "mn"), "ru");
	assert_string_equal(pick(f, KIND_SYSTEM, "e", "ru"), "ru");
	/* ko's chain and the default (ko) both miss: some translation, not none */
	const char *any = pick(f, KIND_SYSTEM, "e", "ko");
	assert_true(!strcmp(any, "en") || !strcmp(any, "ru"));
	/* a has en and ko: mn → ru (missing) → en */
	assert_string_equal(pick(f, KIND_SYSTEM, "a", "mn"), "en");
	assert_string_equal(pick(f, KIND_SYSTEM, "a", "ru"), "en");
	/* c has only ko: the chain runs out, the default language is next */
	assert_string_equal(pick(f, KIND_SYSTEM, "c", "mn"), "ko");
	/* d has de and ko: de sorts first, but the default language wins */
	assert_string_equal(pick(f, KIND_SYSTEM, "d", "ru"), "ko");
	assert_string_equal(pick(f, KIND_SYSTEM, "d", "en"), "ko");
	/* x has only mn: nobody else's chain reaches it, but a page is shown */
	assert_string_equal(pick(f, KIND_CITY, "x", "en"), "mn");
	assert_string_equal(pick(f, KIND_CITY, "x", "ko"), "mn");
}

static void test_kind_names(void **state)
{
	(void)state;
	for (int k = 0; k < KIND_COUNT; k++) {
		assert_int_equal(content_kind_from_name(content_kind_dir(k)), k);
		assert_int_equal(content_kind_from_name(content_kind_name(k)), k);
	}
	assert_string_equal(content_kind_dir(KIND_CITY), "cities");
	assert_string_equal(content_kind_name(KIND_CITY), "city");
	assert_int_equal(content_kind_from_name("widgets"), -1);
	assert_int_equal(content_kind_from_name(""), -1);
}

/* content-bad/ holds one good page and one of each mistake; every mistake
 * is reported against its file and the good page still loads. */
static void test_load_errors(void **state)
{
	fixture *f = *state;
	char *root = tu_fixture("content-bad");
	diag_list *d = diag_new();
	content_set *s = content_load(root, f->config, 0, NULL, d);
	assert_non_null(s);

	/* a language site.yaml does not define */
	assert_diag(d, DIAG_ERROR, "cities/z.fr.md", -1, -1, "'fr'");
	/* a name with capitals and '_' */
	assert_diag(d, DIAG_ERROR, "cities/Bad_Name.en.md", -1, -1, "Bad_Name");
	/* no language in the name */
	assert_diag(d, DIAG_ERROR, "cities/nolang.md", -1, -1, "language");
	/* a folder that is no kind of content */
	assert_diag(d, DIAG_ERROR, "content-bad/widgets", -1, -1, "widgets");
	/* front matter missing or never closed: at 1:1 of the file */
	assert_diag(d, DIAG_ERROR, "cities/nofm.en.md", 1, 1, "missing front matter");
	assert_diag(d, DIAG_ERROR, "cities/unclosed.en.md", 1, 1, "never closed");
	/* Latin-1 'é' on line 3 after "summary: caf" (12 bytes) */
	assert_diag(d, DIAG_ERROR, "cities/latin1.en.md", 3, 13, "UTF-8");
	assert_int_equal(d->errors, 7);

	/* none of them became a page; the good one did */
	assert_int_equal(s->groups[KIND_CITY]->len, 1);
	assert_string_equal(slug_at(s, KIND_CITY, 0), "ok");
	for (int k = 0; k < KIND_COUNT; k++)
		if (k != KIND_CITY)
			assert_int_equal(s->groups[k]->len, 0);

	content_free(s);
	diag_free(d);
	g_free(root);
}

/* A file that holds a NUL byte is not text. */
static void test_load_nul_byte(void **state)
{
	fixture *f = *state;
	char *dir = tu_tmpdir();
	static const char text[] = "---\ntitle: a\0b\n---\n";
	char *path = tu_write(dir, "cities/n.en.md", text, sizeof text - 1);
	diag_list *d = diag_new();
	content_set *s = content_load(dir, f->config, 0, NULL, d);
	/* the NUL is line 2, after "title: a" (8 bytes) */
	assert_diag(d, DIAG_ERROR, "cities/n.en.md", 2, 9, "NUL");
	assert_int_equal(s->groups[KIND_CITY]->len, 0);
	content_free(s);
	diag_free(d);
	g_free(path);
	tu_rmtree(dir);
	g_free(dir);
}

/* A page whose front matter is empty (as a new file often is) loads, with
 * no keys: the schema, not the loader, says what is missing. */
static void test_load_empty_front_matter(void **state)
{
	fixture *f = *state;
	char *dir = tu_tmpdir();
	char *p1 = tu_write(dir, "cities/e.en.md", "---\n---\nBody.\n", -1);
	char *p2 = tu_write(dir, "cities/c.en.md", "---\n# nothing yet\n---\nBody.\n", -1);
	diag_list *d = diag_new();
	content_set *s = content_load(dir, f->config, 0, NULL, d);
	assert_no_diags(d);
	assert_int_equal(s->groups[KIND_CITY]->len, 2);
	content_item *e = content_group_item(content_group_find(s, KIND_CITY, "e"), "en");
	assert_int_equal(e->fm->kind, YT_MAP);
	assert_int_equal(e->fm->count, 0);
	assert_int_equal(e->body_line, 3);
	content_free(s);
	diag_free(d);
	g_free(p1);
	g_free(p2);
	tu_rmtree(dir);
	g_free(dir);
}

/* Front matter that is YAML but not a map of keys. */
static void test_load_fm_not_map(void **state)
{
	fixture *f = *state;
	char *dir = tu_tmpdir();
	char *p1 = tu_write(dir, "cities/list.en.md", "---\n- a\n- b\n---\nBody\n", -1);
	char *p2 = tu_write(dir, "cities/bad.en.md", "---\ntitle: [x\n---\nBody\n", -1);
	diag_list *d = diag_new();
	content_set *s = content_load(dir, f->config, 0, NULL, d);
	assert_diag(d, DIAG_ERROR, "cities/list.en.md", 2, 1, "map");
	/* malformed YAML: reported inside the front matter (line 2 or 3) */
	const diag_entry *e = tu_find(d, DIAG_ERROR, "cities/bad.en.md", -1, -1, "YAML");
	assert_non_null(e);
	assert_true(e->line >= 2 && e->line <= 3);
	assert_int_equal(s->groups[KIND_CITY]->len, 0);
	content_free(s);
	diag_free(d);
	g_free(p1);
	g_free(p2);
	tu_rmtree(dir);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_basic),
		cmocka_unit_test(test_split_crlf),
		cmocka_unit_test(test_split_bom),
		cmocka_unit_test(test_split_edges),
		cmocka_unit_test(test_split_missing),
		cmocka_unit_test(test_split_unclosed),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test_setup_teardown(test_load_clean, setup_catalogue, teardown),
		cmocka_unit_test_setup_teardown(test_load_groups, setup_catalogue, teardown),
		cmocka_unit_test_setup_teardown(test_pick_chain, setup_catalogue, teardown),
		cmocka_unit_test_setup_teardown(test_load_errors, setup_catalogue, teardown),
		cmocka_unit_test_setup_teardown(test_load_nul_byte, setup_catalogue, teardown),
		cmocka_unit_test_setup_teardown(test_load_empty_front_matter, setup_catalogue, teardown),
		cmocka_unit_test_setup_teardown(test_load_fm_not_map, setup_catalogue, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
