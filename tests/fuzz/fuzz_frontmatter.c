/* fuzz_frontmatter: arbitrary bytes as a whole YAML file (yt_parse), then as
 * a content page: the UTF-8 check, content_split, the front matter parsed
 * from line 2 and held to every kind's schema (schema_check) against a tiny
 * catalogue, and the diagnostics printed with their source lines. Every key
 * and value accepted must be text that XML can carry: they all end up in
 * pages, feeds and PDFs. */
#include "fuzz.h"
#include "load/schema.h"

static fz_catalogue cat;
static char *page_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_quiet();
	fz_catalogue_open(&cat);
	page_path = g_build_filename(cat.root, "systems", "fuzz", "index.en.md", NULL);
	return 0;
}

/* A value kitgen accepted that XML cannot carry; it would end in the
 * pages, the Atom feed and the PDFs (YAML's escapes, "\b" or "\uFFFF",
 * make such characters: regressions/frontmatter). */
static void xml_safe(const yt_node *n, const char *text)
{
	if (text && fz_xml_bad_chars(text, strlen(text))) {
		fprintf(stderr, "yt_parse accepted a value with a character XML cannot carry, "
		                "at %d:%d\n", n->line, n->col);
		abort();
	}
}

/* Every node once, through the lookups renderers use. */
static size_t walk(const yt_node *n, int depth)
{
	size_t count = 1;
	if (!n || depth > 200)
		return count;
	if (n->kind == YT_SCALAR) {
		(void)yt_is_true(n);
		xml_safe(n, n->value);
		return count;
	}
	for (size_t i = 0; i < n->count; i++) {
		if (n->kind == YT_MAP) {
			xml_safe(n, n->keys[i]);
			const yt_node *v = yt_get(n, n->keys[i]);
			(void)yt_str(n, n->keys[i]);
			(void)yt_lang_str(v, "ko");
			(void)yt_lang_str(v, "en");
		}
		count += walk(n->items[i], depth + 1);
	}
	return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_list *d = diag_new();
	/* Any YAML file: site.yaml, theme.yaml, i18n, model.yaml. */
	yt_node *root = yt_parse((const char *)data, size, "fuzz.yaml", 1, d);
	walk(root, 0);
	yt_free(root);

	/* A page: written where content_load would find it, so messages can
	 * quote its lines. */
	g_file_set_contents(page_path, (const char *)data, (gssize)size, NULL);
	content_item *it = fz_item(KIND_SYSTEM, cat.root, "systems/fuzz/index.en.md",
	                           (const char *)data, size, d);
	if (it)
		walk(it->fm, 0);
	for (int k = 0; it && k < KIND_COUNT; k++) {
		it->kind = (content_kind)k;
		schema_check(it, cat.set, cat.config, d);
	}
	diag_sort(d);
	fz_print_diags(d);
	fz_item_free(it);
	diag_free(d);
	return 0;
}
