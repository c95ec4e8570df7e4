/* floor_cmark: the parsing floor of a site build. Reads every .md file
 * under a folder, cuts the front matter off and parses the body with
 * cmark-gfm and the extensions kitgen attaches (generator/markdown.c), then
 * frees the tree. Nothing is rendered or written: no site build can do
 * less work per page than this.
 *
 *   floor_cmark DIR      prints "floor_cmark: FILES files, BYTES bytes, S s" */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

typedef struct {
	long files, bytes;
	const char *exts[4];
} fc_state;

/* The body after a front matter block "---\n...\n---\n", or all of it. */
static const char *fc_body(const char *text, size_t len, size_t *body_len)
{
	*body_len = len;
	if (len < 4 || strncmp(text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r'))
		return text;
	for (const char *p = strchr(text + 3, '\n'); p; p = strchr(p + 1, '\n')) {
		if (strncmp(p + 1, "---", 3) == 0 && (p[4] == '\n' || p[4] == '\r' || p[4] == '\0')) {
			const char *body = p + 4;
			while (*body == '\r' || *body == '\n')
				body++;
			*body_len = len - (size_t)(body - text);
			return body;
		}
	}
	return text;
}

static void fc_parse_file(fc_state *s, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *text = malloc((size_t)n + 1);
	if (!text || fread(text, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(1);
	}
	fclose(f);
	text[n] = '\0';
	size_t blen;
	const char *body = fc_body(text, (size_t)n, &blen);
	cmark_parser *p = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8);
	for (size_t i = 0; i < 4; i++)
		cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(s->exts[i]));
	cmark_parser_feed(p, body, blen);
	cmark_node *doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	cmark_node_free(doc);
	free(text);
	s->files++;
	s->bytes += n;
}

static void fc_walk(fc_state *s, const char *dir)
{
	struct dirent **names;
	/* Sorted, so every run reads the files in the same order. */
	int n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		perror(dir);
		exit(1);
	}
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		if (name[0] != '.') {
			size_t len = strlen(dir) + strlen(name) + 2;
			char *path = malloc(len);
			snprintf(path, len, "%s/%s", dir, name);
			if (names[i]->d_type == DT_DIR)
				fc_walk(s, path);
			else if (strlen(name) > 3 && !strcmp(name + strlen(name) - 3, ".md"))
				fc_parse_file(s, path);
			free(path);
		}
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: floor_cmark DIR\n", stderr);
		return 2;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cmark_gfm_core_extensions_ensure_registered();
	fc_state s = {.exts = {"table", "strikethrough", "autolink", "tasklist"}};
	fc_walk(&s, argv[1]);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("floor_cmark: %ld files, %ld bytes, %.3f s\n", s.files, s.bytes,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return s.files > 0 ? 0 : 1;
}
