/* content: walk content/, split front matter from Markdown, pair the
 * translations of one page (NAME.LANG.md siblings) into a group. */
#ifndef KITGEN_CONTENT_H
#define KITGEN_CONTENT_H

#include <glib.h>
#include <sys/stat.h>
#include "load/config.h"
#include "core/yamltree.h"
#include "load/kinds.h"


#define CONTENT_SUM_LEN 16 /* bytes of head_sum and body_sum */

/* What a file was when it was read: if it is the same now, so is its text. */
typedef struct {
	guint64 size, ino;
	gint64 mtime_ns, ctime_ns;
} content_stamp;

content_stamp content_stamp_of(const struct stat *st);

/* One translation of one page. */

typedef struct {
	content_kind kind;
	char *slug, *lang;
	char *path;    /* as shown in messages: ROOT/systems/x/index.en.md */
	char *dir;     /* folder of the file, for resolving links and images */
	char *relpath; /* path inside content/: systems/x/index.en.md */
	yt_node *fm;   /* front matter (owned) */
	char *body;    /* Markdown after the front matter (owned) while it is
	                * checked, else NULL: content_item_body reads it */
	size_t body_len, body_off; /* its length, and where it starts in the file */
	int body_line; /* line of the body's first line in the file */
	gint64 mtime;  /* file modification time, for outdated translations */
	/* Digests of the file up to the body, and of the body: what the build
	 * cache keys pages on without building them (site.c). */
	guint8 head_sum[CONTENT_SUM_LEN], body_sum[CONTENT_SUM_LEN];
	content_stamp stamp;
} content_item;

/* All translations of one page. */
typedef struct {
	content_kind kind;
	char *slug;
	GPtrArray *items; /* content_item*, sorted by language code */
} content_group;

typedef struct {
	char *root;
	GPtrArray *groups[KIND_COUNT]; /* content_group*, sorted by slug */
	GHashTable *by_key;            /* "kind/slug" -> content_group* */
	GHashTable *files;             /* relpath of every file under root -> TRUE */
	int drafts_left_out;           /* pages with draft: true, without --drafts */
} content_set;

/* Every page of a set in one order: kinds as in kinds.c, groups by slug,
 * translations by language.
 *   content_iter i = content_iter_start(s);
 *   for (content_item *it; (it = content_iter_next(&i));) ...
 * Use one iterator for items or for groups, not both. */
typedef struct {
	const content_set *set;
	int kind;
	guint group, item; /* the next group of kind, the next item of the last group */
} content_iter;

content_iter content_iter_start(const content_set *s);
content_item *content_iter_next(content_iter *i);
content_group *content_iter_next_group(content_iter *i);

const char *content_kind_dir(content_kind k);   /* "systems" */
const char *content_kind_name(content_kind k);  /* "system" */
int content_kind_from_name(const char *name);    /* -1 if unknown; dir or name */

typedef struct fm_cache fm_cache;

/* Every page under root, read on jobs threads (0: one per core), and from
 * fc (may be NULL) where a file is as the cache has it; problems go to d. */
content_set *content_load(const char *root, const site_config *c, int jobs, fm_cache *fc,
                          diag_list *d);

/* Frees every page's Markdown once it has been checked: a page that is
 * made reads its text again (content_item_body), so a big catalogue does
 * not hold all of it through the build. */
void content_drop_bodies(content_set *s);

/* The Markdown of it: it->body, or the text read again from its file. NULL
 * when the file changed since it was loaded. *owned: what to g_free. */
const char *content_item_body(const content_item *it, size_t *len, char **owned);
void content_free(content_set *s);

/* Adds one file from anywhere (kitgen diagnose FILE) as a page of kind k,
 * named after the file (NAME.LANG.md). Returns its item, or NULL with
 * errors recorded. It never becomes a web page of the site. */
content_item *content_add_file(content_set *s, const site_config *c, content_kind k,
                               const char *path, diag_list *d);

/* The name of a page of kind k closest to slug (a typo: dasan-121 for
 * dasan-120), or NULL. Borrowed. */
const char *content_closest_slug(const content_set *s, content_kind k, const char *slug);

content_group *content_group_find(const content_set *s, content_kind k, const char *slug);
/* The translation in lang, else NULL. */
content_item *content_group_item(const content_group *g, const char *lang);
/* The translation a reader of lang gets: lang, then its fallback chain,
 * then the default language, then any. Never NULL for a non-empty group. */
content_item *content_group_pick(const content_group *g, const site_config *c,
                                 const char *lang);

/* Splits "---\nYAML\n---\nbody". Returns false (error recorded) when the file
 * has no front matter. Offsets: yaml starts on line 2. */
bool content_split(const char *text, size_t len, const char *path,
                   size_t *yaml_off, size_t *yaml_len, size_t *body_off,
                   int *body_line, diag_list *d);

/* s is a page name: lower-case letters, digits and hyphens, not empty,
 * not starting with a hyphen, at most 100 bytes. */
bool content_valid_slug(const char *s);

#endif
