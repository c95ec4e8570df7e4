/* print internals: the plain structs the passes share (style, blocks,
 * tables, the document being laid out). Not for use outside print/. */
#ifndef KITGEN_PRINT_INT_H
#define KITGEN_PRINT_INT_H

#include <stdint.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include "print.h"
#include "fonts.h"

enum { PRINT_ROLE_SERIF, PRINT_ROLE_SANS, PRINT_ROLE_MONO };
enum { PRINT_ALIGN_LEFT, PRINT_ALIGN_JUSTIFY, PRINT_ALIGN_CENTER,
       PRINT_ALIGN_RIGHT };

/* Computed style of one element. The first group is inherited. */
typedef struct {
	int role;
	double size;        /* pt */
	int weight;         /* PangoWeight */
	bool italic;
	uint32_t color;     /* 0xRRGGBB */
	double line_height; /* factor of the font size, as in CSS */
	int align;          /* left/right mean start/end: mirrored when rtl */
	bool rtl;           /* right-to-left: from dir, else the language */
	int hyphenate;      /* -1 auto (justified text only), 0 never, 1 always */
	/* not inherited */
	double space_before, space_after; /* pt */
	double indent;      /* first line, pt */
	double margin_left, margin_right;
	bool keep_with_next, break_before, keep_together;
	bool has_bg;
	uint32_t bg;
	double padding;
	double border_left, border_bottom; /* widths, pt; 0 = none */
	uint32_t border_color;
	bool upper;         /* small caps-like label: letter spaced */
	double border_top;  /* width, pt; 0 = none */
	/* containers */
	int columns;        /* >= 2: children flow in that many columns */
	double column_gap;
	bool column_span;   /* inside columns: this element spans them all */
	bool bleed;         /* background reaches the paper's edges */
	bool at_bottom;     /* position: bottom of the page (or column) */
	bool bare;          /* pages that start here have no header/footer */
	double min_height;
	/* images: a length, or a percentage of the measure when *_pct */
	double width, max_width, max_height;
	bool width_pct, max_width_pct;
} print_cstyle;

/* One rule: "[.anc ]tag[.cls]" and the properties it sets. */
typedef struct {
	char *anc, *tag, *cls; /* NULL = any */
	int specificity;
	uint64_t set;          /* PRINT_P_* bits */
	bool size_em;          /* size is a factor of the parent's */
	print_cstyle v;
} print_rule;

typedef struct {
	char *lang;            /* NULL = default */
	char *family[3];       /* serif, sans, mono */
} print_stack;

struct print_style {
	char *file;            /* source yaml, for messages */
	gint64 date;           /* the PDF's date, when date_set (print_style_set_date) */
	bool date_set;
	double page_w, page_h;
	bool page_size_set;    /* the style names a size: it beats the locale */
	double m_top, m_bottom, m_left, m_right;
	double header_y, footer_y; /* baselines measured from page top/bottom */
	double cover_top;
	int widows, orphans, toc_depth, outline_depth;
	uint32_t accent, accent_light, rule_color, muted, text;
	print_stack *stacks;
	size_t n_stacks;
	print_rule *rules;
	size_t n_rules;
	char *fonts_conf, *font_cache;
	fonts_ctx *fonts;      /* made on first render, reused */
	size_t layout_budget;  /* bytes of PangoLayouts kept between passes */
	int standard;          /* PRINT_STANDARD_*: what finishing makes */
};

void print_style_compute(const print_style *s, const print_cstyle *parent,
                         const char *tag, const char *classes,
                         const char *const *anc, size_t n_anc,
                         print_cstyle *out);
void print_style_base(const print_style *s, print_cstyle *out);
const char *print_style_family(const print_style *s, const char *lang, int role);
/* A named paper size (A4, A5, Letter, Legal; any case) in points. */
bool print_style_paper(const char *name, double *w, double *h);
PangoFontDescription *print_style_font(const print_style *s,
                                       const print_cstyle *cs, const char *lang);
fonts_ctx *print_style_fonts(const print_style *s, diag_list *d);

/* ---- inline text ------------------------------------------------------ */

typedef struct { int start, end; char *href; int line; } print_link;
typedef struct { int index; char *id; } print_anchor;
typedef struct { int index; int fn; int line; } print_fnref; /* line: measured */

typedef struct {
	GString *text;
	PangoAttrList *attrs;
	GArray *links;   /* print_link */
	GArray *anchors; /* print_anchor */
	GArray *fnrefs;  /* print_fnref */
	PangoAttribute *line_height; /* in attrs, set per layout */
} print_itext;

struct print_doc;
void print_itext_init(print_itext *t);
void print_itext_clear(print_itext *t);
/* Appends the inline content of node's children to t, styled from cs. */
void print_inline_collect(struct print_doc *pd, xmlNodePtr node,
                          const print_cstyle *cs, const char *lang, bool pre,
                          print_itext *t);
/* The same for the siblings first..stop (exclusive). */
void print_inline_range(struct print_doc *pd, xmlNodePtr first, xmlNodePtr stop,
                        const print_cstyle *cs, const char *lang, bool pre,
                        print_itext *t);
void print_itext_upper(print_itext *t, const print_cstyle *cs);
/* Removes len bytes at pos, moving the attributes, links and marks after
 * them (measure.c) */
void print_itext_delete(print_itext *t, int pos, int len);
/* Finishes t: trims, marks Korean words keep-all. */
void print_inline_finish(struct print_doc *pd, print_itext *t, const char *lang);
char *print_inline_plain(xmlNodePtr node); /* text without footnotes */
/* Attribute value, borrowed from the tree; "lang" also finds xml:lang. */
const char *print_prop(xmlNodePtr n, const char *name);
bool print_has_class(const char *classes, const char *cls);

/* What the paginator does with an element beyond styling it, chosen by
 * tag and class from one table (style.c print_roles; docs/theme.md lists
 * them for theme authors). */
typedef enum {
	PRINT_ROLE_NONE,
	PRINT_ROLE_COVER,      /* section.cover: a page of its own, not in the TOC */
	PRINT_ROLE_PART,       /* section.part: a chapter that starts a new page */
	PRINT_ROLE_CHAPTER,    /* section.chapter: its running head; it flows on
	                        * the page the previous one ends on */
	PRINT_ROLE_TOC,        /* nav.toc: filled with the headings and pages */
	PRINT_ROLE_PAGE_BREAK, /* div.page-break, hr.page-break */
	PRINT_ROLE_FOOTNOTE,   /* span.fn: text to the foot of the page */
} print_role;

print_role print_role_of(const char *tag, const char *classes);
bool print_is_inline(const char *tag);

/* ---- locale (locale.c): what a language tag implies, from ICU --------- */

/* True for a language written right to left (ar, fa, he, ur, ...). */
bool print_locale_rtl(const char *lang);
/* The paper a tag with a region uses (en-US: Letter, pt-PT: A4), in
 * points; false when the tag names no region (en, pt): A4 stays. */
bool print_locale_paper(const char *lang, double *w, double *h);

/* ---- hyphenation (hyphen.c) ------------------------------------------- */

/* text with U+00AD soft hyphens at the dictionary's break points of each
 * word of 6 or more letters, or NULL when lang has no dictionary (or the
 * text no break). Owned by the caller. Thread-safe; dictionaries are
 * loaded once per language. */
char *print_hyphen_text(const char *lang, const char *text);
/* Hyphenated lines in a row, at most (measure.c keeps to it) */
#define PRINT_HYPHEN_RUN 2

/* ---- blocks ----------------------------------------------------------- */

typedef enum { PB_TEXT, PB_RULE, PB_IMAGE, PB_ROW, PB_TOC } pb_kind;

typedef struct {
	pb_kind kind;
	const char *tag;       /* interned */
	char *id;              /* owned, may be NULL */
	int src_line;
	const char *lang;      /* interned */
	print_cstyle cs;
	double x, w;           /* relative to the body's left edge */
	double space_before;   /* collapsed with the previous block's after */
	unsigned keep_with_next : 1, break_before : 1, cover : 1, keep_space : 1;
	unsigned bare : 1;     /* no running header/footer on its page */
	unsigned keep_short : 1; /* keep_until is the short list/table rule */
	int keep_until;        /* keep-together: its last block, else 0 */
	int colgroup;          /* print_colgroup index, -1 outside columns */
	int anchor;            /* print_anchor_run index, -1 when not anchored */
	int heading;           /* 1..6 for h1..h6, else 0 */
	int list;              /* depth of the lists it stands in, 0 outside */
	int chapter;           /* -1 before the first chapter */
	double bar_x;          /* quote bar, relative to body left; <0 none */
	print_itext t;
	char *marker;          /* list marker, drawn left of the first line */
	char *plain;           /* headings: text for TOC and outline */
	const void *src;       /* headings: the xmlNode, to match TOC entries */
	/* measured */
	int n_lines;
	double *line_top;      /* n_lines + 1 entries: top of each line, height */
	double *baseline;      /* n_lines entries */
	double height;
	PangoLayout *layout;   /* kept from measuring within the budget */
	/* images */
	char *img_path;
	bool img_svg, img_broken;
	double img_w, img_h;   /* drawn size, pt */
	/* table rows */
	int table, row;
	/* TOC entries */
	int toc_target;        /* block index of the heading */
	int toc_page;
	int toc_level;
} print_block;

typedef struct {
	print_itext t;
	print_cstyle cs;
	const char *lang;
	int col, colspan;
	bool th;
	double mn, mx;         /* min/max content width at scale 1 */
	double w;
	int n_lines;
	double *line_top, *baseline;
	double height;
} print_cell;

typedef struct {
	print_cell *cells;
	int n_cells;
	bool head;
	double height;         /* content height, without padding */
	bool keep;             /* keep-with-next (tr style) */
	double border_top;     /* a rule above the row (tr style), pt */
	uint32_t border_color;
} print_row;

typedef struct {
	print_row *rows;
	int n_rows, n_head, ncols;
	double *col_w, *col_x;
	double x, w, pad, scale;
	bool clip;             /* columns too narrow: cells are clipped */
	bool rtl;              /* the first column is the rightmost */
	int first_block;
	uint32_t head_bg, rule;
} print_table;

/* Blocks that flow in columns: consecutive blocks with the same colgroup.
 * Their x and w are those of the first column. */
typedef struct {
	int ncols;
	double gap, col_w;
	bool rtl;              /* the first column is the rightmost */
} print_colgroup;

/* A container drawn behind its blocks (background, top rule, padding):
 * blocks first..last. top_off/bot_off: from the first block's top to the
 * panel's top edge, from the last block's bottom to its bottom edge. */
typedef struct {
	int first, last;
	int colgroup;          /* the column group it sits in, or -1 */
	double x, w;           /* relative to the body's (or column's) left edge */
	double top_off, bot_off, min_h, pad;
	bool bleed;
	uint32_t bg;
	bool has_bg;
	double border_top;
	uint32_t border_color;
} print_panel;

/* Blocks first..last go to the bottom of the page: lead is the space above
 * the first block that belongs to the run, trail the space below the last. */
typedef struct {
	int first, last;
	double lead, trail;
} print_anchor_run;

typedef struct print_doc {
	const print_style *st;
	diag_list *d;
	const char *file;      /* document URL for messages */
	const char *base_dir;
	PangoFontMap *fontmap;
	PangoContext *pctx;    /* left-to-right paragraphs */
	PangoContext *pctx_rtl; /* right-to-left paragraphs */
	/* this document's paper and margins: the style's, or the paper its
	 * language or front matter asks for; left/right swapped when rtl */
	double page_w, page_h, m_left, m_right;
	bool rtl;              /* the document's base direction */
	char *paper;           /* <meta name="paper">, or NULL */
	int paper_line;        /* its line, for messages */
	print_block *blocks;
	size_t n_blocks, cap_blocks;
	print_block *fnotes;   /* footnote n is fnotes[n - 1] */
	size_t n_fnotes, cap_fnotes;
	print_table *tables;
	size_t n_tables, cap_tables;
	GArray *colgroups;     /* print_colgroup */
	GArray *panels;        /* print_panel, in the order they open */
	GArray *anchors;       /* print_anchor_run */
	struct {               /* while building: what new blocks join */
		int colgroup, anchor;
		bool bare;
		int list;
	} building;
	GPtrArray *chapters;   /* char* titles */
	GHashTable *ids;       /* id -> GINT_TO_POINTER(block + 1) */
	char *title, *author, *subject, *keywords, *page_label, *lang;
	print_cstyle body_cs;
	GHashTable *toc_nodes;  /* heading xmlNode -> TOC block index + 1 */
	double body_w;
	size_t kept_bytes;     /* PangoLayouts kept, against layout_budget */
	int *block_page;        /* first page of each block, from pagination */
	double *block_y;        /* its y there */
	print_layout *layout;
	struct print_tags *tags; /* while drawing a tagged PDF, else NULL */
} print_doc;

/* ---- structure tags (tags.c) --------------------------------------- */

/* What cairo 1.16 cannot write on a structure element, for the finishing
 * step: elem is the element's number in document order (the order of
 * cairo_tag_begin calls, which is the tree's preorder). */
typedef struct {
	int elem;
	const char *key;       /* "Alt", "Lang", "Scope", "ID", or "Continues"
	                        * (value: the element this one continues,
	                        * which finishing merges it into) */
	char *value;
} print_tag_attr;

typedef struct print_tags {
	cairo_t *cr;
	int n_elems;           /* structure elements begun so far */
	GArray *attrs;         /* print_tag_attr, by elem */
	const char *lang;      /* the document's */
	struct { const char *name; int level; } open[48];
	int depth;             /* containers open (Part, Sect, L, Table, ...) */
	int part;              /* chapter of the open Part, -1 */
	int table;             /* table of the open Table, -1 */
	bool *head_done;       /* per block: a header row already tagged */
	GHashTable *leaf_of;   /* print_block * -> its first leaf's elem + 1 */
	int last_block;        /* the block print_tags_enter saw last, -1 */
} print_tags;

void print_tags_init(print_tags *T, cairo_t *cr, const print_doc *pd);
void print_tags_clear(print_tags *T);
/* cairo_tag_begin for a structure element; returns its number */
int print_tag_begin(print_tags *T, const char *name, const char *attrs);
void print_tag_end(print_tags *T, const char *name);
void print_tag_attr_set(print_tags *T, int elem, const char *key, const char *value);
/* A container kept open until print_tags_enter or print_tags_close ends it */
void print_tags_push(print_tags *T, const char *name, int level);
const char *print_tags_top(const print_tags *T); /* "" when none is open */
/* Opens and closes the containers around body block bi before it is drawn
 * (Part, Sect, L/LI/LBody, Table/THead/TBody, TOC) */
void print_tags_enter(print_tags *T, print_doc *pd, int bi, bool head_row);
/* The element a text block's own lines are in: "P", "H2", "Caption", ... */
const char *print_tags_leaf(const print_block *b);
/* A text block's lines drawn in parts (across pages or columns) are one
 * element: True when box part (first_line > 0) of body block bi needs no
 * print_tags_enter, nothing having been entered since its first part. */
bool print_tags_continues(const print_tags *T, int bi, int first_line);
/* Begins the leaf of b's lines; a later part is marked as continuing the
 * first part's element. Returns the element's number. */
int print_tags_leaf_begin(print_tags *T, const print_block *b, int first_line);
/* The same for any element drawn in parts (a table row's slices): key
 * names what is drawn, first is true for its first part. */
int print_tags_part_begin(print_tags *T, const char *name, const void *key, bool first);
/* Closes every open container. */
void print_tags_close(print_tags *T);
/* cairo's rect=[x y w h] of a link */
void print_rect_attr(char *rect, size_t n, double x, double y, double w, double h);
/* Text in another language than its element's: in a span with a lang
 * attribute, or in a script only one language writes (Hangul, kana) that
 * the element's language does not. NULL when a layout has none. */
typedef struct print_line_langs print_line_langs;
print_line_langs *print_tags_langs_new(PangoLayout *layout, const char *doc_lang);
void print_tags_langs_free(print_line_langs *L);
/* Draws a line at the current point in Spans: one for the line, or where
 * L finds another language, one per run of a language (with its /Lang). */
void print_tags_show_line(print_tags *T, cairo_t *cr, PangoLayout *layout,
                          PangoLayoutLine *line, const print_line_langs *L);
/* Links from the footnote marks on a drawn line to their notes */
void print_tags_fnref_links(print_doc *pd, cairo_t *cr, const print_itext *t,
                            PangoLayoutLine *line, double x, double top, double h);

/* ---- finishing (finish.c) ------------------------------------------- */

/* What finishing adds: the standard's identification and what the tags
 * could not say. date: ISO 8601 UTC, as given to cairo. */
typedef struct {
	const char *lang, *title, *author, *subject, *keywords, *date;
	const GArray *attrs;   /* print_tag_attr */
	int standard;          /* PRINT_STANDARD_* */
} print_finish_info;

/* Rewrites the PDF at path in place: clean ActualText, /Lang, alternative
 * text, table scopes, a /ID from the content, and unless standard is NONE
 * artifacts for unmarked content, XMP with PDF/UA-1 and PDF/A-2a
 * identification and an sRGB output intent. Errors name target. */
/* artifact.c: a page's content, unmarked runs wrapped as /Artifact (when
 * artifacts) and soft hyphens taken out of ligatures' ActualText */
GString *print_content_finish(const char *s, size_t n, bool artifacts);
int print_finish(const char *path, const print_finish_info *fi, const char *target,
                 diag_list *d);

print_block *print_doc_add_block(print_doc *pd, pb_kind kind);
void print_block_clear(print_block *b);

/* build.c: XML to blocks */
void print_build(print_doc *pd, xmlDocPtr doc);
/* measure.c */
#define PRINT_TOC_NUM_W 36.0 /* page number column of TOC entries */
PangoLayout *print_text_layout(print_doc *pd, const print_itext *t,
                               const print_cstyle *cs, const char *lang,
                               double width, bool wrap);
void print_measure_lines(print_doc *pd, PangoLayout *l, const print_cstyle *cs,
                         const char *lang, int *n, double **top, double **base);
/* justify.c: stretches the lines of l (set at the start, wrapped at width
 * pt, first-line indent pt) to width when justify: spaces, and in CJK
 * lines the gaps between characters; lines holding an address or a
 * formula stay flush. Returns the first line that ends at a soft hyphen
 * and overflows its measure, or -1. */
int print_justify(PangoLayout *l, const char *text, double width, double indent,
                  bool justify);
/* Han, kana, Hangul, CJK punctuation and full-width forms */
bool print_is_cjk(gunichar u);
/* Adjacent full-width punctuation (」「, ），, 。」): the one whose blank
 * half meets the other's is set half wide (the font's "halt"). */
void print_cjk_punct(print_itext *t);
void print_measure(print_doc *pd);
void print_measure_block(print_doc *pd, print_block *b);
PangoLayout *print_block_layout(print_doc *pd, print_block *b);
/* table.c */
void print_table_build(print_doc *pd, xmlNodePtr table, const print_cstyle *cs,
                       const char *lang, double x, double w, const char *const *anc,
                       size_t n_anc);
void print_table_measure(print_doc *pd, print_table *t);
double print_table_cut(const print_table *t, int row, double start, double avail);
void print_table_draw_row(print_doc *pd, cairo_t *cr, const print_table *t,
                          int row, double x, double y, double start, double end,
                          bool first_slice, bool last_slice);
void print_table_free(print_table *t);
/* image.c */
char *print_image_resolve(print_doc *pd, const char *src, int line);
void print_image_measure(print_doc *pd, print_block *b, double max_h);
void print_image_draw(print_doc *pd, cairo_t *cr, const print_block *b,
                      double x, double y);
/* paginate.c */
print_layout *print_paginate(print_doc *pd);
double print_row_pad(const print_table *t);
/* toc.c */
void print_toc_insert(print_doc *pd, xmlNodePtr nav, const print_cstyle *cs,
                      const char *lang, double x, double w);
void print_toc_link(print_doc *pd);
bool print_toc_resolve(print_doc *pd, const print_layout *l);
void print_outline(print_doc *pd, cairo_surface_t *pdf, const print_layout *l);
/* render.c: held while Pango and cairo work (fonts made and freed too) */
void print_lock(void);
void print_unlock(void);
/* draw.c */
void print_draw(print_doc *pd, cairo_t *cr, cairo_surface_t *pdf,
                const print_layout *l);
void print_draw_text_lines(print_doc *pd, cairo_t *cr, PangoLayout *layout,
                           const print_itext *t, double x, double y,
                           int first, int n, const double *top,
                           const double *base, uint32_t color, double y_off);
char *print_attr_escape(const char *s);

#endif
