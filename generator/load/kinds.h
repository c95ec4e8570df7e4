/* kinds: every kind of content declared once, as data — its folder and file
 * pattern, front-matter schema, web page and address, list page, PDF. */
#ifndef KITGEN_KINDS_H
#define KITGEN_KINDS_H

#include <stdbool.h>

typedef enum {
	KIND_SYSTEM,
	KIND_CITY,
	KIND_STUDY,
	KIND_PAGE,
	KIND_KIT,
	KIND_DIAGNOSTIC,
	KIND_COUNT
} content_kind;

typedef enum {
	ST_TEXT,      /* one line of text */
	ST_DATE,      /* YYYY-MM-DD */
	ST_YEAR,      /* YYYY */
	ST_DATE_YEAR, /* either */
	ST_BOOL,
	ST_INT,
	ST_ENUM,      /* one of schema_key.values */
	ST_IDS,       /* list of lower-case ids */
	ST_TEXTS,     /* list of text */
	ST_FIELD,     /* a field id from site.yaml */
	ST_REF,       /* NAME of a page of kind schema_key.ref */
	ST_REFS,      /* list of those */
	ST_FILE,      /* a file beside the page */
	ST_LANG,      /* a language code */
	ST_MAPS,      /* list of maps */
	ST_NUMBERS,   /* map of id -> number */
} schema_type;

/* One front-matter key of a kind (checked by schema.c). */
typedef struct {
	const char *key;
	schema_type type;
	bool required;
	const char *doc;    /* one line, shown by `kitgen new` and in errors */
	const char *values; /* ST_ENUM: "a|b"; ST_MAPS: "name:type!,..." */
	content_kind ref;   /* ST_REF, ST_REFS */
	const char *example;
} schema_key;

/* One kind of content. Whatever differs between kinds is a field here, so
 * that code asks the table instead of naming kinds. */
typedef struct {
	const char *name;   /* "system": in messages and `kitgen new KIND` */
	const char *dir;    /* "systems": its folder in content/ */
	bool folder_each;   /* a folder per page, DIR/NAME/index.LANG.md (room for
	                     * its pictures); else DIR/NAME.LANG.md */
	const schema_key *keys; /* its front matter, ending with a zeroed entry */
	const char *url;    /* its web page's address inside LANG/, before NAME/:
	                     * "systems/", "" for free pages; NULL: no web page */
	const char *list;   /* layout of its list page, at LANG/URL (url set), or NULL */
	bool home, feed;    /* listed on the home page; in the Atom feed */
	const char *document; /* layout of its PDF, pdf/LANG/DOCUMENT-NAME.pdf, or NULL */
	const char *const *sections; /* headings a new page starts with: (UI string
	                              * key, English) pairs, NULL-ended, or NULL */
	const char *advice; /* what `kitgen new` tells its author to do next */
} kind_def;

/* The entry of k. Never NULL for k < KIND_COUNT. */
const kind_def *kinds_get(content_kind k);

/* The kind named (its name or its folder), or -1. */
int kinds_by_name(const char *name);

/* The kind whose PDF has this layout ("flyer"), or -1. */
int kinds_by_document(const char *layout);

#endif
