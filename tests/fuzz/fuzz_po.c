/* fuzz_po: arbitrary bytes as a translator's PO file, through what
 * `kitgen i18n import` runs: po_parse, then po_to_yaml. Whatever YAML comes
 * out must read back with yt_parse (as the theme's strings are read) and
 * give every imported string back unchanged under its dotted key, but for
 * an empty one, which is left out. */
#include "fuzz.h"
#include "core/yamltree.h"
#include "load/po.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_quiet();
	return 0;
}

/* The scalar at a dotted key of a tree of maps, or NULL. */
static const char *fz_lookup(const yt_node *root, const char *key)
{
	char **parts = g_strsplit(key, ".", -1);
	const yt_node *n = root;
	for (int i = 0; n && parts[i]; i++)
		n = yt_get(n, parts[i]);
	g_strfreev(parts);
	return n && n->kind == YT_SCALAR ? n->value : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_list *d = diag_new();
	GHashTable *t = po_parse((const char *)data, size, "fuzz.po", d);
	char *yaml = t ? po_to_yaml(t, "en", d) : NULL;
	if (yaml) {
		diag_list *again = diag_new();
		yt_node *root = yt_parse(yaml, strlen(yaml), "en.yaml", 1, again);
		if (!root || again->errors) {
			fprintf(stderr, "fuzz_po: the YAML written does not read back:\n%s\n", yaml);
			diag_print(again, stderr, 0);
			abort();
		}
		GHashTableIter it;
		gpointer k, v;
		g_hash_table_iter_init(&it, t);
		while (g_hash_table_iter_next(&it, &k, &v)) {
			const char *back = fz_lookup(root, k);
			/* an empty msgstr removes the string: the key is left out and
			 * falls back; any other comes back unchanged */
			if (!*(const char *)v ? back != NULL : !back || strcmp(back, v)) {
				fprintf(stderr, "fuzz_po: key '%s' reads back as '%s', not '%s'\n",
				        (char *)k, back ? back : "(none)", (char *)v);
				abort();
			}
		}
		yt_free(root);
		diag_free(again);
	}
	/* Printing quotes lines of a file that is not there: only the text. */
	FILE *null = fopen("/dev/null", "w");
	diag_sort(d);
	diag_print(d, null, 0);
	fclose(null);
	g_free(yaml);
	if (t)
		g_hash_table_destroy(t);
	diag_free(d);
	return 0;
}
