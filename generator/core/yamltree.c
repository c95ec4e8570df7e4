/* yamltree: libyaml events folded into a tree of maps, sequences and
 * scalars that remember where they were written. */
#include <string.h>
#include <glib.h>
#include <yaml.h>
#include "core/yamltree.h"
#include "core/xmltext.h"

/* Deep nesting is refused rather than recursed into without bound. */
#define YT_MAX_DEPTH 200

typedef struct {
	yaml_parser_t parser;
	const char *file;
	int line0; /* added to libyaml's 0-based line */
	const char *text;  /* the input, to turn libyaml's character columns */
	size_t len;        /* into the byte columns every other tool uses */
	GArray *line_starts; /* byte offset of each line */
	diag_list *d;
	bool failed;
} yt_reader;

/* 1-based byte column of a libyaml mark (which counts characters). */
static int yt_col(const yt_reader *r, const yaml_mark_t *m)
{
	if (!r->line_starts || m->line >= r->line_starts->len)
		return (int)m->column + 1;
	size_t p = g_array_index(r->line_starts, size_t, m->line);
	for (size_t c = 0; c < m->column && p < r->len && r->text[p] != '\n'; c++)
		p += (size_t)(g_utf8_skip[(unsigned char)r->text[p]]);
	return (int)(p - g_array_index(r->line_starts, size_t, m->line)) + 1;
}

static yt_node *yt_node_new(const yt_reader *r, yt_kind kind, const yaml_mark_t *m)
{
	yt_node *n = g_new0(yt_node, 1);
	n->kind = kind;
	n->line = (int)m->line + r->line0;
	n->col = yt_col(r, m);
	return n;
}

void yt_free(yt_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->count; i++) {
		yt_free(n->items[i]);
		if (n->keys)
			g_free(n->keys[i]);
	}
	g_free(n->items);
	g_free(n->keys);
	g_free(n->key_lines);
	g_free(n->key_cols);
	g_free(n->value);
	g_free(n);
}

static void yt_append(yt_node *parent, yt_node *child, const char *key,
                      int kline, int kcol)
{
	size_t i = parent->count++;
	parent->items = g_renew(yt_node *, parent->items, parent->count);
	parent->items[i] = child;
	if (parent->kind == YT_MAP) {
		parent->keys = g_renew(char *, parent->keys, parent->count);
		parent->key_lines = g_renew(int, parent->key_lines, parent->count);
		parent->key_cols = g_renew(int, parent->key_cols, parent->count);
		parent->keys[i] = g_strdup(key);
		parent->key_lines[i] = kline;
		parent->key_cols[i] = kcol;
	}
}

static void yt_parser_error(yt_reader *r)
{
	yaml_parser_t *p = &r->parser;
	const yaml_mark_t *m = p->problem ? &p->problem_mark : &p->context_mark;
	if (p->error == YAML_READER_ERROR) {
		/* Bad bytes: libyaml knows only the offset. */
		int line = r->line0, col = 1;
		for (size_t i = 0; i < p->problem_offset && i < r->len; i++)
			r->text[i] == '\n' ? (line++, col = 1) : col++;
		diag_error(r->d, r->file, line, col, "remove the character or save the file as UTF-8",
		           "invalid YAML: %s", p->problem ? p->problem : "unreadable input");
		r->failed = true;
		return;
	}
	/* libyaml says where it gave up and, apart, what it was inside of
	 * ("while parsing a flow sequence") and where that began. */
	char *where = p->context
	                      ? g_strdup_printf(" (%s that starts at line %d, column %d)",
	                                        g_str_has_prefix(p->context, "while parsing ")
	                                                ? p->context + 14
	                                                : p->context,
	                                        (int)p->context_mark.line + r->line0,
	                                        yt_col(r, &p->context_mark))
	                      : g_strdup("");
	diag_error(r->d, r->file, (int)m->line + r->line0, yt_col(r, m),
	           "check indentation, quote values that contain ':' or '#', "
	           "and close every bracket and quote",
	           "invalid YAML: %s%s", p->problem ? p->problem : "malformed YAML", where);
	g_free(where);
	r->failed = true;
}

/* Reads the next event; false (error recorded) when the parser fails. */
static bool yt_next(yt_reader *r, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&r->parser, ev)) {
		yt_parser_error(r);
		return false;
	}
	return true;
}

static yt_node *yt_read_node(yt_reader *r, yaml_event_t *ev, int depth);

static yt_node *yt_read_children(yt_reader *r, yt_node *n, yaml_event_type_t end,
                                 int depth)
{
	for (;;) {
		yaml_event_t ev;
		if (!yt_next(r, &ev))
			return yt_free(n), NULL;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			return n;
		}
		if (n->kind == YT_SEQ) {
			yt_node *c = yt_read_node(r, &ev, depth + 1);
			if (!c)
				return yt_free(n), NULL;
			yt_append(n, c, NULL, 0, 0);
			continue;
		}
		/* A map: a scalar key, then its value. */
		if (ev.type != YAML_SCALAR_EVENT) {
			diag_error(r->d, r->file, (int)ev.start_mark.line + r->line0,
			           yt_col(r, &ev.start_mark), "write keys as plain words",
			           "a map key must be plain text");
			yaml_event_delete(&ev);
			r->failed = true;
			return yt_free(n), NULL;
		}
		char *key = g_strdup((const char *)ev.data.scalar.value);
		int kl = (int)ev.start_mark.line + r->line0, kc = yt_col(r, &ev.start_mark);
		yaml_event_delete(&ev);
		for (size_t i = 0; i < n->count; i++)
			if (!strcmp(n->keys[i], key))
				diag_error(r->d, r->file, kl, kc, "remove one of the two",
				           "key '%s' repeats the key on line %d", key,
				           n->key_lines[i]);
		yaml_event_t vev;
		yt_node *v = yt_next(r, &vev) ? yt_read_node(r, &vev, depth + 1) : NULL;
		if (!v)
			return g_free(key), yt_free(n), NULL;
		yt_append(n, v, key, kl, kc);
		g_free(key);
	}
}

/* Builds the node that starts with ev (consumed). */
static yt_node *yt_read_node(yt_reader *r, yaml_event_t *ev, int depth)
{
	yt_node *n = NULL;
	int line = (int)ev->start_mark.line + r->line0, col = yt_col(r, &ev->start_mark);
	if (depth > YT_MAX_DEPTH) {
		diag_error(r->d, r->file, line, col, "flatten the structure",
		           "YAML nested more than %d levels deep", YT_MAX_DEPTH);
		yaml_event_delete(ev);
		r->failed = true;
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		/* Escapes such as "\x1b" or "\uFFFF" make characters no page or
		 * feed can hold: refuse them where they are written. */
		for (const char *p = (const char *)ev->data.scalar.value; *p; p++) {
			size_t bad = xmltext_bad_at(p);
			if (!bad)
				continue;
			if (bad == 1)
				diag_error(r->d, r->file, line, col, "remove the escape (\\b, \\x1b, …)",
				           "control character 0x%02X in a value", (unsigned char)*p);
			else
				diag_error(r->d, r->file, line, col, "remove the escape (\\uFFFE, \\uFFFF)",
				           "character U+%s in a value, which no page can hold",
				           (unsigned char)p[2] == 0xBE ? "FFFE" : "FFFF");
			yaml_event_delete(ev);
			r->failed = true;
			return NULL;
		}
		n = yt_node_new(r, YT_SCALAR, &ev->start_mark);
		n->value = g_strdup((const char *)ev->data.scalar.value);
		n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		yaml_event_delete(ev);
		return n;
	case YAML_SEQUENCE_START_EVENT:
		n = yt_node_new(r, YT_SEQ, &ev->start_mark);
		yaml_event_delete(ev);
		return yt_read_children(r, n, YAML_SEQUENCE_END_EVENT, depth);
	case YAML_MAPPING_START_EVENT:
		n = yt_node_new(r, YT_MAP, &ev->start_mark);
		yaml_event_delete(ev);
		return yt_read_children(r, n, YAML_MAPPING_END_EVENT, depth);
	case YAML_ALIAS_EVENT:
		diag_error(r->d, r->file, line, col, "write the value out in full",
		           "YAML aliases (*name) are not supported");
		break;
	default:
		diag_error(r->d, r->file, line, col, NULL, "unexpected YAML structure");
		break;
	}
	yaml_event_delete(ev);
	r->failed = true;
	return NULL;
}

yt_node *yt_parse(const char *text, size_t len, const char *file, int first_line,
                  diag_list *d)
{
	yt_reader r = {.file = file, .line0 = first_line, .d = d, .text = text, .len = len};
	r.line_starts = g_array_new(FALSE, FALSE, sizeof(size_t));
	size_t zero = 0;
	g_array_append_val(r.line_starts, zero);
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n') {
			size_t next = i + 1;
			g_array_append_val(r.line_starts, next);
		}
	yaml_parser_initialize(&r.parser);
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
	yt_node *root = NULL;
	yaml_event_t ev;
	/* stream start, then document start or an empty stream */
	while (!r.failed && yt_next(&r, &ev)) {
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (t == YAML_STREAM_START_EVENT || t == YAML_DOCUMENT_START_EVENT ||
		    t == YAML_DOCUMENT_END_EVENT) {
			yaml_event_delete(&ev);
			continue;
		}
		if (root) {
			diag_error(d, file, (int)ev.start_mark.line + first_line,
			           yt_col(&r, &ev.start_mark), "keep one document",
			           "more than one YAML document");
			yaml_event_delete(&ev);
			r.failed = true;
			break;
		}
		root = yt_read_node(&r, &ev, 0);
	}
	yaml_parser_delete(&r.parser);
	g_array_free(r.line_starts, TRUE);
	r.line_starts = NULL;
	if (r.failed) {
		yt_free(root);
		return NULL;
	}
	if (!root) { /* empty text is an empty map */
		yaml_mark_t m = {0, 0, 0};
		root = yt_node_new(&r, YT_MAP, &m);
	}
	return root;
}

yt_node *yt_parse_file(const char *path, diag_list *d)
{
	char *text;
	gsize len;
	GError *err = NULL;
	if (!g_file_get_contents(path, &text, &len, &err)) {
		diag_error(d, NULL, 0, 0,
		           "check the path; kitgen reads content/site.yaml unless --content "
		           "names another folder",
		           "cannot read %s: %s", path, err->message);
		g_error_free(err);
		return NULL;
	}
	const char *bad;
	if (!g_utf8_validate(text, (gssize)len, &bad)) {
		int line = 1, col = 1;
		for (const char *p = text; p < bad; p++)
			*p == '\n' ? (line++, col = 1) : col++;
		diag_error(d, path, line, col, "save the file as UTF-8",
		           "invalid UTF-8 byte 0x%02X", (unsigned char)*bad);
		g_free(text);
		return NULL;
	}
	yt_node *n = yt_parse(text, len, path, 1, d);
	g_free(text);
	return n;
}

yt_node *yt_get(const yt_node *map, const char *key)
{
	if (!map || map->kind != YT_MAP)
		return NULL;
	for (size_t i = 0; i < map->count; i++)
		if (!strcmp(map->keys[i], key))
			return map->items[i];
	return NULL;
}

const char *yt_str(const yt_node *map, const char *key)
{
	yt_node *n = yt_get(map, key);
	return n && n->kind == YT_SCALAR ? n->value : NULL;
}

const char *yt_lang_str(const yt_node *n, const char *lang)
{
	if (!n)
		return NULL;
	if (n->kind == YT_SCALAR)
		return n->value;
	return yt_str(n, lang);
}

bool yt_is_true(const yt_node *n)
{
	return n && n->kind == YT_SCALAR && !n->quoted &&
	       (!strcmp(n->value, "true") || !strcmp(n->value, "yes"));
}

const char *yt_find_todo(const char *s)
{
	for (const char *p = s; (p = strstr(p, "TODO")); p += 4)
		if ((p == s || !g_ascii_isalnum(p[-1])) && !g_ascii_isalnum(p[4]))
			return p;
	return NULL;
}

void yt_warn_placeholders(const yt_node *n, const char *path, diag_list *d)
{
	if (!n)
		return;
	if (n->kind == YT_SCALAR && n->value && yt_find_todo(n->value))
		diag_warn(d, path, n->line, n->col, "replace it with the real text before publishing",
		          "placeholder left: '%s'", n->value);
	for (size_t i = 0; n->kind != YT_SCALAR && i < n->count; i++)
		yt_warn_placeholders(n->items[i], path, d);
}
