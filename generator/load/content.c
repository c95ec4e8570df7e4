/* content: load every page of content/ into groups of translations. */
#include <string.h>
#include <sys/stat.h>
#include "load/content.h"
#include "core/suggest.h"
#include "core/limits.h"
#include <dirent.h>
#include <errno.h>
#include <xxhash.h>
#include "build/fmcache.h"
#include "build/jobs.h"
#include "load/schema.h"

const char *content_kind_dir(content_kind k) { return kinds_get(k)->dir; }
const char *content_kind_name(content_kind k) { return kinds_get(k)->name; }
int content_kind_from_name(const char *name) { return kinds_by_name(name); }

content_iter content_iter_start(const content_set *s)
{
	return (content_iter){.set = s};
}

content_group *content_iter_next_group(content_iter *i)
{
	for (; i->kind < KIND_COUNT; i->kind++, i->group = 0)
		if (i->group < i->set->groups[i->kind]->len) {
			i->item = 0;
			return i->set->groups[i->kind]->pdata[i->group++];
		}
	return NULL;
}

content_item *content_iter_next(content_iter *i)
{
	for (;;) {
		const content_group *g = i->group ? i->set->groups[i->kind]->pdata[i->group - 1] : NULL;
		if (g && i->item < g->items->len)
			return g->items->pdata[i->item++];
		if (!content_iter_next_group(i))
			return NULL;
	}
}

static void content_item_free(content_item *it)
{
	g_free(it->slug);
	g_free(it->lang);
	g_free(it->path);
	g_free(it->dir);
	g_free(it->relpath);
	yt_free(it->fm);
	g_free(it->body);
	g_free(it);
}

static void content_group_free(content_group *g)
{
	g_ptr_array_free(g->items, TRUE);
	g_free(g->slug);
	g_free(g);
}

/* A slug is part of every address: keep it to what URLs and file systems
 * agree on. */
bool content_valid_slug(const char *s)
{
	if (!*s || strlen(s) > 100 || *s == '-')
		return false;
	for (const char *p = s; *p; p++)
		if (!(g_ascii_islower(*p) || g_ascii_isdigit(*p) || *p == '-'))
			return false;
	return true;
}

bool content_split(const char *text, size_t len, const char *path,
                   size_t *yaml_off, size_t *yaml_len, size_t *body_off,
                   int *body_line, diag_list *d)
{
	size_t start = 0;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		start = 3; /* a byte-order mark some editors add */
	if (len - start < 4 || memcmp(text + start, "---", 3) ||
	    (text[start + 3] != '\n' && text[start + 3] != '\r')) {
		diag_error(d, path, 1, 1,
		           "start the file with a line '---', the front matter, and "
		           "another '---'",
		           "missing front matter");
		return false;
	}
	size_t p = start + 3 + (text[start + 3] == '\r' ? 2 : 1);
	*yaml_off = p;
	int line = 2;
	while (p < len) {
		const char *nl = memchr(text + p, '\n', len - p);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t l = end - p;
		if (l && text[end - 1] == '\r')
			l--;
		if (l == 3 && (!memcmp(text + p, "---", 3) || !memcmp(text + p, "...", 3))) {
			*yaml_len = p - *yaml_off;
			*body_off = nl ? end + 1 : len;
			*body_line = line + 1;
			return true;
		}
		p = nl ? end + 1 : len;
		line++;
	}
	diag_error(d, path, 1, 1, "close the front matter with a line '---'",
	           "front matter is never closed");
	return false;
}

/* Reports the first invalid UTF-8 byte with its line and column. */
static bool content_check_utf8(const char *text, size_t len, const char *path,
                               diag_list *d)
{
	const char *bad;
	if (g_utf8_validate(text, (gssize)len, &bad) && !memchr(text, '\0', len))
		return true;
	if (!bad || (size_t)(bad - text) >= len || memchr(text, '\0', (size_t)(bad - text)))
		bad = memchr(text, '\0', len);
	int line = 1, col = 1;
	for (const char *p = text; p < bad; p++)
		*p == '\n' ? (line++, col = 1) : col++;
	if (*bad == '\0')
		diag_error(d, path, line, col, "remove the NUL byte; is this a text file?",
		           "NUL byte in text");
	else
		diag_error(d, path, line, col, "save the file as UTF-8",
		           "invalid UTF-8 byte 0x%02X", (unsigned char)*bad);
	return false;
}

static void content_add(content_set *s, content_item *it)
{
	char *key = g_strdup_printf("%s/%s", content_kind_dir(it->kind), it->slug);
	content_group *g = g_hash_table_lookup(s->by_key, key);
	if (!g) {
		g = g_new0(content_group, 1);
		g->kind = it->kind;
		g->slug = g_strdup(it->slug);
		g->items = g_ptr_array_new_with_free_func((GDestroyNotify)content_item_free);
		g_hash_table_insert(s->by_key, key, g);
		g_ptr_array_add(s->groups[it->kind], g);
	} else {
		g_free(key);
	}
	g_ptr_array_add(g->items, it);
}

/* A digest to tell whether text changed (not to resist forgery): XXH3, 128
 * bits, some twenty times faster than SHA-1 on a catalogue's text. */
static void content_sum(const char *text, size_t len, guint8 out[CONTENT_SUM_LEN])
{
	XXH128_canonicalFromHash((XXH128_canonical_t *)out, XXH3_128bits(text, len));
}

content_stamp content_stamp_of(const struct stat *st)
{
	return (content_stamp){(guint64)st->st_size, (guint64)st->st_ino,
	                       (gint64)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec,
	                       (gint64)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec};
}

/* Reads path (as st says it is) into it: front matter, body, digests. */
static bool content_parse(const char *path, const struct stat *st, content_item *it,
                          diag_list *d)
{
	char *text;
	gsize len;
	GError *err = NULL;
	if (st->st_size > limits_get()->page_bytes) {
		diag_error(d, path, 1, 1, "split it into several pages, or raise limits: page_bytes "
		           "in site.yaml",
		           "the file is %lld bytes, more than the limit of %lld",
		           (long long)st->st_size, limits_get()->page_bytes);
		return false;
	}
	if (!g_file_get_contents(path, &text, &len, &err)) {
		diag_error(d, path, 1, 1, "make the file readable, or move it out of content/",
		           "cannot read: %s", err->message);
		g_error_free(err);
		return false;
	}
	size_t yoff, ylen, boff;
	int bline;
	yt_node *fm = NULL;
	if (content_check_utf8(text, len, path, d) &&
	    content_split(text, len, path, &yoff, &ylen, &boff, &bline, d))
		fm = yt_parse(text + yoff, ylen, path, 2, d);
	if (fm && fm->kind != YT_MAP) {
		diag_error(d, path, fm->line, fm->col, "write 'key: value' lines",
		           "front matter must be a map of keys");
		yt_free(fm);
		fm = NULL;
	}
	if (fm) {
		/* The body is not kept: content_item_body reads it again when it
		 * is checked or rendered, so a catalogue's bodies are never all in
		 * memory at once (a first build of 20,000 pages held 50 MB). */
		it->fm = fm;
		it->body_len = len - boff;
		it->body_off = boff;
		it->body_line = bline;
		content_sum(text, boff, it->head_sum);
		content_sum(text + boff, it->body_len, it->body_sum);
		it->stamp = content_stamp_of(st);
	}
	g_free(text);
	return fm != NULL;
}

/* Whether a page of kind k named slug would take an address the site uses
 * itself: a free page (address LANG/NAME/) named after another kind's folder
 * or one of the site's own. */
static bool content_reserved(content_kind k, const char *slug)
{
	static const char *const site_own[] = {"downloads", "pdf", "media", "assets", "feed",
	                                       "index", "self-assessment", NULL};
	if (!kinds_get(k)->url || *kinds_get(k)->url)
		return false;
	for (int o = 0; o < KIND_COUNT; o++)
		if (o != (int)k && !strcmp(slug, content_kind_dir(o)))
			return true;
	return g_strv_contains(site_own, slug);
}

/* Reads one Markdown file: NAME.LANG.md (or index.LANG.md in a system's
 * folder, where the folder is the name), from fc when it has the file as
 * st says it is. NULL, with the problem in d, when it is not a page. Safe
 * on several threads at once. */
static content_item *content_read(const site_config *c, fm_cache *fc, content_kind kind,
                                  const char *rel, const char *path, const char *slug_dir,
                                  const struct stat *st, diag_list *d)
{
	content_item *it = NULL;
	char *base = g_path_get_basename(path);
	char **parts = g_strsplit(base, ".", -1);
	guint n = g_strv_length(parts);
	char *slug = NULL, *lang = NULL;
	if (slug_dir && n == 3 && !strcmp(parts[0], "index")) {
		slug = g_strdup(slug_dir);
		lang = g_strdup(parts[1]);
	} else if (!slug_dir && n == 3) {
		slug = g_strdup(parts[0]);
		lang = g_strdup(parts[1]);
	}
	g_strfreev(parts);
	g_free(base);
	if (!slug) {
		diag_error(d, path, 1, 1,
		           slug_dir ? "name it index.LANG.md, e.g. index.en.md"
		                    : "name it NAME.LANG.md, e.g. maputo.en.md",
		           "file name does not say its language");
		goto out;
	}
	if (!content_valid_slug(slug)) {
		/* the hint names the rule broken: 'aaa…a' (101 letters) is all
		 * lower-case letters */
		diag_error(d, path, 1, 1,
		           strlen(slug) > 100 ? "use at most 100 characters"
		           : *slug == '-'     ? "start it with a letter or a digit"
		                              : "use lower-case letters, digits and hyphens",
		           "'%s' is not a valid page name", slug);
		goto out;
	}
	if (content_reserved(kind, slug)) {
		diag_error(d, path, 1, 1, "choose another name; the site uses this address itself",
		           "page name '%s' is reserved", slug);
		goto out;
	}
	bool known = false;
	for (size_t i = 0; i < c->nlangs; i++)
		known |= !strcmp(c->langs[i].code, lang);
	if (!known) {
		diag_error(d, path, 1, 1, "add the language to site.yaml or rename the file",
		           "language '%s' is not defined in site.yaml", lang);
		goto out;
	}
	it = g_new0(content_item, 1);
	if (!(fc && fm_cache_get(fc, rel, st, it)) && !content_parse(path, st, it, d)) {
		g_free(it);
		it = NULL;
		goto out;
	}
	it->kind = kind;
	it->slug = slug;
	it->lang = lang;
	it->path = g_strdup(path);
	it->dir = g_path_get_dirname(path);
	it->relpath = g_strdup(rel);
	it->mtime = (gint64)st->st_mtime;
	slug = lang = NULL;
out:
	g_free(slug);
	g_free(lang);
	return it;
}

content_item *content_add_file(content_set *s, const site_config *c, content_kind k,
                               const char *path, diag_list *d)
{
	char *base = g_path_get_basename(path);
	char *rel = g_build_filename(content_kind_dir(k), base, NULL);
	struct stat st;
	content_item *it = NULL;
	if (stat(path, &st) != 0)
		diag_error(d, path, 0, 0, NULL, "cannot read: %s", g_strerror(errno));
	else
		it = content_read(c, NULL, k, rel, path, NULL, &st, d);
	if (it) {
		/* It must not join a page of the catalogue that has the same name. */
		char *orig = g_strdup(it->slug);
		for (int n = 2; content_group_find(s, k, it->slug); n++) {
			g_free(it->slug);
			it->slug = g_strdup_printf("%s-%d", orig, n);
		}
		g_free(orig);
		content_add(s, it);
	}
	g_free(rel);
	g_free(base);
	return it;
}

/* A folder entry and its type as the folder listing gives it (DT_*). */
typedef struct {
	char *name;
	unsigned char type;
} content_dirent;

static int content_cmp_dirent(const void *a, const void *b)
{
	return strcmp(((const content_dirent *)a)->name, ((const content_dirent *)b)->name);
}

static void content_dirent_clear(content_dirent *e)
{
	g_free(e->name);
}

/* Lists a folder sorted, so loading order (and so output) never depends on
 * the file system. The types save a stat per entry on most file systems;
 * where the listing has none (DT_UNKNOWN) lstat gives it. A folder that
 * cannot be listed is an error: its pages would vanish from the site. */
static GArray *content_list_dir(const char *dir, diag_list *d)
{
	GArray *list = g_array_new(FALSE, FALSE, sizeof(content_dirent));
	g_array_set_clear_func(list, (GDestroyNotify)content_dirent_clear);
	DIR *dp = opendir(dir);
	if (!dp)
		diag_error(d, dir, 1, 1, "make the folder readable (chmod u+rx), or move it out of content/",
		           "cannot list the folder: %s", g_strerror(errno));
	struct dirent *de;
	while (dp && (errno = 0, de = readdir(dp))) {
		if (de->d_name[0] == '.')
			continue;
		content_dirent e = {g_strdup(de->d_name), de->d_type};
		if (e.type == DT_UNKNOWN) {
			struct stat st;
			char *path = g_build_filename(dir, e.name, NULL);
			e.type = lstat(path, &st) != 0 ? DT_UNKNOWN /* gone meanwhile */
			                               : IFTODT(st.st_mode);
			g_free(path);
		}
		g_array_append_val(list, e);
	}
	if (dp && errno)
		diag_error(d, dir, 1, 1, NULL, "cannot list the folder: %s", g_strerror(errno));
	if (dp)
		closedir(dp);
	g_array_sort(list, content_cmp_dirent);
	return list;
}

/* A Markdown file found by the walk, and the page read from it. */
typedef struct {
	content_kind kind;
	char *rel, *path, *slug_dir;
	struct stat st;
	content_item *it;
} content_file;

static void content_file_free(content_file *f)
{
	g_free(f->rel);
	g_free(f->path);
	g_free(f->slug_dir);
	g_free(f);
}

/* Walks one kind's folder, adding the Markdown files to md. depth 0: the
 * kind's folder; 1: a page folder. */
static void content_walk(content_set *s, GPtrArray *md, content_kind kind, const char *rel,
                         const char *slug_dir, int depth, diag_list *d)
{
	char *dir = g_build_filename(s->root, rel, NULL);
	GArray *list = content_list_dir(dir, d);
	for (guint i = 0; i < list->len; i++) {
		const content_dirent *e = &g_array_index(list, content_dirent, i);
		char *r = g_build_filename(rel, e->name, NULL);
		char *path = g_build_filename(s->root, r, NULL);
		if (e->type == DT_LNK) {
			diag_warn(d, path, 1, 1, "copy the file into content/ instead",
			          "symbolic link not followed");
		} else if (e->type == DT_DIR) {
			if (depth >= 3)
				diag_warn(d, path, 1, 1, NULL, "folder nested too deep; skipped");
			else
				content_walk(s, md, kind, r, depth == 0 ? e->name : slug_dir,
				             depth + 1, d);
		} else if (e->type != DT_REG && e->type != DT_UNKNOWN) {
			/* a FIFO, socket or device: a page named so would vanish */
			if (g_str_has_suffix(e->name, ".md") && depth <= 1)
				diag_error(d, path, 1, 1, "replace it with a regular file",
				           "not a regular file");
		} else if (e->type == DT_REG) {
			g_hash_table_add(s->files, g_strdup(r));
			if (g_str_has_suffix(e->name, ".md") && depth <= 1) {
				/* stat'ed by its reader, on the build's threads */
				content_file *f = g_new0(content_file, 1);
				*f = (content_file){.kind = kind, .rel = g_strdup(r), .path = g_strdup(path),
				                    .slug_dir = g_strdup(slug_dir)};
				g_ptr_array_add(md, f);
			}
		}
		g_free(path);
		g_free(r);
	}
	g_array_free(list, TRUE);
	g_free(dir);
}

static int content_cmp_group(const void *a, const void *b)
{
	const content_group *x = *(content_group *const *)a, *y = *(content_group *const *)b;
	return strcmp(x->slug, y->slug);
}

static int content_cmp_item(const void *a, const void *b)
{
	const content_item *x = *(content_item *const *)a, *y = *(content_item *const *)b;
	return strcmp(x->lang, y->lang);
}

typedef struct {
	const site_config *c;
	fm_cache *fc;
	GPtrArray *md; /* content_file * */
	diag_list *d;
} content_reading;

static bool content_read_one(void *shared, int thread, size_t i)
{
	(void)thread;
	content_reading *r = shared;
	content_file *f = r->md->pdata[i];
	if (lstat(f->path, &f->st) == 0 && S_ISREG(f->st.st_mode)) /* else: gone meanwhile */
		f->it = content_read(r->c, r->fc, f->kind, f->rel, f->path, f->slug_dir, &f->st, r->d);
	return true;
}

content_set *content_load(const char *root, const site_config *c, int jobs, fm_cache *fc,
                          diag_list *d)
{
	GPtrArray *md = g_ptr_array_new_with_free_func((GDestroyNotify)content_file_free);
	content_set *s = g_new0(content_set, 1);
	s->root = g_strdup(root);
	s->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	s->files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (int k = 0; k < KIND_COUNT; k++)
		s->groups[k] = g_ptr_array_new_with_free_func((GDestroyNotify)content_group_free);
	GArray *top = content_list_dir(root, d);
	for (guint i = 0; i < top->len; i++) {
		const content_dirent *e = &g_array_index(top, content_dirent, i);
		if (e->type == DT_DIR) {
			int k = content_kind_from_name(e->name);
			if (k < 0 || strcmp(e->name, content_kind_dir(k))) {
				char *path = g_build_filename(root, e->name, NULL);
				GString *dirs = g_string_new(NULL);
				for (int o = 0; o < KIND_COUNT; o++)
					g_string_append_printf(dirs, "%s%s", o == 0 ? "" : o + 1 < KIND_COUNT ? ", " : " and ",
					                       content_kind_dir(o));
				g_string_prepend(dirs, "content/ holds ");
				g_string_append(dirs, "; move or remove this folder");
				diag_error(d, path, 1, 1, dirs->str, "unknown kind of content '%s'", e->name);
				g_string_free(dirs, TRUE);
				g_free(path);
			} else {
				content_walk(s, md, (content_kind)k, e->name, NULL, 0, d);
			}
		} else if (strcmp(e->name, "site.yaml")) {
			g_hash_table_add(s->files, g_strdup(e->name));
		}
	}
	g_array_free(top, TRUE);
	/* Reading and parsing is most of a load: the files on every core, then
	 * added in the walk's order. */
	content_reading r = {c, fc, md, d};
	jobs_run(jobs > 0 ? jobs : jobs_default(), md->len, content_read_one, &r);
	for (guint i = 0; i < md->len; i++) {
		content_file *f = md->pdata[i];
		if (f->it && !c->drafts && yt_is_true(yt_get(f->it->fm, "draft"))) {
			content_item_free(f->it); /* not published yet: as if not there */
			s->drafts_left_out++;
		} else if (f->it) {
			content_add(s, f->it);
		}
	}
	g_ptr_array_free(md, TRUE);
	for (int k = 0; k < KIND_COUNT; k++)
		g_ptr_array_sort(s->groups[k], content_cmp_group);
	content_iter gi = content_iter_start(s);
	for (content_group *g; (g = content_iter_next_group(&gi));)
		g_ptr_array_sort(g->items, content_cmp_item);
	return s;
}

void content_free(content_set *s)
{
	if (!s)
		return;
	for (int k = 0; k < KIND_COUNT; k++)
		g_ptr_array_free(s->groups[k], TRUE);
	g_hash_table_destroy(s->by_key);
	g_hash_table_destroy(s->files);
	g_free(s->root);
	g_free(s);
}

content_group *content_group_find(const content_set *s, content_kind k, const char *slug)
{
	char *key = g_strdup_printf("%s/%s", content_kind_dir(k), slug);
	content_group *g = g_hash_table_lookup(s->by_key, key);
	g_free(key);
	return g;
}

content_item *content_group_item(const content_group *g, const char *lang)
{
	for (guint i = 0; i < g->items->len; i++) {
		content_item *it = g->items->pdata[i];
		if (!strcmp(it->lang, lang))
			return it;
	}
	return NULL;
}

content_item *content_group_pick(const content_group *g, const site_config *c,
                                 const char *lang)
{
	const cfg_language *l = config_language(c, lang);
	for (size_t i = 0; l && l->chain[i]; i++) {
		content_item *it = content_group_item(g, l->chain[i]);
		if (it)
			return it;
	}
	content_item *it = c->default_lang ? content_group_item(g, c->default_lang) : NULL;
	return it ? it : (g->items->len ? g->items->pdata[0] : NULL);
}

void content_drop_bodies(content_set *s)
{
	content_iter i = content_iter_start(s);
	for (content_item *it; (it = content_iter_next(&i));) {
		g_free(it->body);
		it->body = NULL;
	}
}

const char *content_item_body(const content_item *it, size_t *len, char **owned)
{
	*owned = NULL;
	*len = it->body_len;
	if (it->body)
		return it->body;
	char *text;
	gsize n;
	if (!g_file_get_contents(it->path, &text, &n, NULL))
		return NULL;
	/* The front matter too: one taken from the cache (fmcache.h) is used
	 * only for the text it was parsed from. */
	guint8 sum[CONTENT_SUM_LEN], head[CONTENT_SUM_LEN];
	if (n < it->body_off || n - it->body_off != it->body_len ||
	    (content_sum(text + it->body_off, it->body_len, sum),
	     memcmp(sum, it->body_sum, CONTENT_SUM_LEN)) ||
	    (content_sum(text, it->body_off, head), memcmp(head, it->head_sum, CONTENT_SUM_LEN))) {
		g_free(text); /* changed under the build: not the text it was keyed on */
		return NULL;
	}
	*owned = text;
	return text + it->body_off;
}

const char *content_closest_slug(const content_set *s, content_kind k, const char *slug)
{
	GPtrArray *names = g_ptr_array_new();
	for (guint i = 0; i < s->groups[k]->len; i++)
		g_ptr_array_add(names, ((content_group *)s->groups[k]->pdata[i])->slug);
	g_ptr_array_add(names, NULL);
	const char *close = suggest_closest(slug, (const char *const *)names->pdata, (size_t)-1);
	g_ptr_array_free(names, TRUE);
	return close;
}
