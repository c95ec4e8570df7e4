/* print: the generic paginator. Lays out a print document (an XHTML subset
 * with classes, made by a theme's XSLT) into pages and draws them as a PDF. */
#ifndef KITGEN_PRINT_H
#define KITGEN_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>
#include "core/diag.h"

typedef struct print_style print_style;

/* Loads a theme's print/style.yaml over the built-in defaults. NULL path:
 * defaults only. Returns NULL (errors in d) when the file is unusable;
 * unknown keys and bad values are warnings and keep the default. */
print_style *print_style_load(const char *yaml_path, diag_list *d);
void print_style_free(print_style *s);

/* Where the private fontconfig comes from (defaults: "fonts/fonts.conf",
 * cache "out/.cache/fontconfig"). Strings are copied. */
void print_style_set_fonts(print_style *s, const char *conf_path,
                           const char *cache_dir);

/* The date every PDF carries, in seconds since 1970 (UTC): same input,
 * same bytes. Without it, SOURCE_DATE_EPOCH of the environment (default
 * 0), for tools that run the paginator alone. */
void print_style_set_date(print_style *s, gint64 epoch);

/* Lays out doc and writes it to pdf_path. base_dir: where img src are
 * resolved (paths may not leave it). Returns 0, or -1 when d received
 * errors (the PDF may still be written, e.g. with a broken link dropped).
 * The PDF is dated as print_style_set_date says. */
int print_render(xmlDocPtr doc, const char *base_dir, const print_style *style,
                 const char *pdf_path, diag_list *d);

/* ---- Layout only, for tests and tools --------------------------------- */

typedef enum {
	PRINT_BOX_TEXT,     /* lines of a paragraph, list item, quote, pre */
	PRINT_BOX_HEADING,  /* lines of h1..h6 */
	PRINT_BOX_RULE,     /* hr */
	PRINT_BOX_IMAGE,
	PRINT_BOX_ROW,      /* one table row (or a slice of a tall row) */
	PRINT_BOX_HEAD_ROW, /* a table header row, repeated on each page */
	PRINT_BOX_TOC,      /* one TOC entry */
	PRINT_BOX_FOOTNOTE, /* a footnote at the foot of the page */
	PRINT_BOX_HEADER,   /* running header */
	PRINT_BOX_FOOTER,   /* page label */
	PRINT_BOX_PANEL     /* a container's background, behind its blocks */
} print_box_kind;

typedef struct {
	print_box_kind kind;
	double x, y, w, h;  /* points, from the page's top left corner */
	int block;          /* index of the laid-out block, document order */
	int first_line, n_lines; /* text boxes: which lines of the block */
	double src_y;       /* offset inside the block where this box starts */
	int table, row;     /* table boxes: table number and row, else -1 */
	int footnote;       /* footnote boxes: the footnote's number */
	const char *tag;    /* element name ("p", "h2", "tr", ...) */
	const char *id;     /* element id or NULL; borrowed from the layout */
	int column;         /* 0, or the column of a multi-column flow */
} print_box;

typedef struct {
	print_box *boxes;
	size_t n_boxes;
	bool cover;         /* no header/footer (a cover, or a bare page) */
	int chapter;        /* running chapter index, -1 before the first */
	double foot_top;    /* top of the footnote area (= body bottom if none) */
} print_page;

typedef struct {
	print_page *pages;
	size_t n_pages;
	double page_w, page_h;
	double body_top, body_bottom, body_left, body_right;
	int passes;         /* how many pagination passes until nothing moved */
	struct print_doc *doc; /* internal */
} print_layout;

/* Lays out without drawing. Free with print_layout_free. */
print_layout *print_layout_doc(xmlDocPtr doc, const char *base_dir,
                               const print_style *style, diag_list *d);
void print_layout_free(print_layout *l);

#endif
