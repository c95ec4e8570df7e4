/* test_links: links and images in Markdown resolved to pages and files of
 * content/, unsafe or missing targets reported where they are written, and
 * the XML that md_render makes of a page. */
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include "testutil.h"
#include "load/markdown.h"
#include "model/model.h"

typedef struct {
	char *root;
	site_config *config;
	content_set *set;
	media_set *media;
	diag_list *d;  /* loading */
	diag_list *ld; /* the test's own links */
	md_context ctx;
	content_item *a; /* systems/a/index.en.md */
	struct rendered *cur; /* the last render(), freed by the next or by teardown */
} fixture;

static void rendered_free(struct rendered *r);

static int setup(void **state)
{
	fixture *f = g_new0(fixture, 1);
	f->root = tu_fixture("links");
	char *site = g_build_filename(f->root, "site.yaml", NULL);
	f->d = diag_new();
	f->ld = diag_new();
	f->config = config_load(site, f->d);
	g_free(site);
	if (!f->config)
		return -1;
	f->set = content_load(f->root, f->config, 0, NULL, f->d);
	f->media = media_new(f->root);
	f->ctx = (md_context){f->set, f->config, f->media, f->ld, NULL, NULL};
	content_group *g = content_group_find(f->set, KIND_SYSTEM, "a");
	f->a = g ? content_group_item(g, "en") : NULL;
	*state = f;
	return f->d->count || !f->a ? -1 : 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	rendered_free(f->cur);
	media_free(f->media);
	content_free(f->set);
	config_free(f->config);
	diag_free(f->d);
	diag_free(f->ld);
	g_free(f->root);
	g_free(f);
	return 0;
}

/* Resolves target as written in systems/a/index.en.md on line 10, col 3. */
static bool resolve(fixture *f, const char *target, char **ref, char **media)
{
	return md_resolve(&f->ctx, f->a, target, 10, 3, ref, media);
}

static void expect_ref(fixture *f, const char *target, const char *want)
{
	char *ref = (char *)"unset", *media = (char *)"unset";
	bool ok = resolve(f, target, &ref, &media);
	if (!ok || !ref || strcmp(ref, want)) {
		print_error("%s: expected ref %s, got %s (%s)\n", target, want,
		            ref ? ref : "NULL", ok ? "ok" : "error");
		assert_diag(f->ld, -1, NULL, -1, -1, "no such diagnostic");
	}
	assert_null(media);
	assert_no_diags(f->ld);
	g_free(ref);
}

static void test_page_links(void **state)
{
	fixture *f = *state;
	expect_ref(f, "../other/index.en.md", "systems/other/");
	expect_ref(f, "../other/index.ko.md", "systems/other/");
	/* the same page in another language, beside this file */
	expect_ref(f, "index.ko.md", "systems/a/");
	expect_ref(f, "./index.ko.md", "systems/a/");
	/* a #fragment is kept */
	expect_ref(f, "../other/index.en.md#usage", "systems/other/#usage");
	/* other kinds: cities/NAME.LANG.md; free pages live at the top */
	expect_ref(f, "../../cities/x.en.md", "cities/x/");
	expect_ref(f, "../../pages/about.en.md", "about/");
	/* a path with a detour that stays inside content/ */
	expect_ref(f, "../../systems/../cities/x.en.md", "cities/x/");
	/* %-escapes are decoded */
	expect_ref(f, "../other/index%2Een.md", "systems/other/");
}

/* A link need not name a language: index.md and NAME.md name the page. */
static void test_language_free_links(void **state)
{
	fixture *f = *state;
	expect_ref(f, "../other/index.md", "systems/other/");
	expect_ref(f, "../../cities/x.md", "cities/x/");
}

static void test_external_links(void **state)
{
	fixture *f = *state;
	static const char *const ok[] = {"https://example.org/a?b=c#d", "http://example.org",
	                                  "HTTPS://EXAMPLE.ORG", "mailto:someone@example.org",
	                                  "tel:+82-2-120", "#usage", ""};
	for (size_t i = 0; i < G_N_ELEMENTS(ok); i++) {
		char *ref = (char *)"unset", *media = (char *)"unset";
		assert_true(resolve(f, ok[i], &ref, &media));
		/* left for the renderer to write as it is */
		assert_null(ref);
		assert_null(media);
	}
	assert_no_diags(f->ld);
}

static void expect_error(fixture *f, const char *target, const char *text)
{
	diag_list *d = diag_new();
	md_context ctx = f->ctx;
	ctx.d = d;
	char *ref = NULL, *media = NULL;
	bool ok = md_resolve(&ctx, f->a, target, 10, 3, &ref, &media);
	if (ok)
		print_error("%s: accepted as ref %s, media %s\n", target, ref ? ref : "NULL",
		            media ? media : "NULL");
	bool nothing = !ref && !media;
	bool one = d->errors == 1;
	/* at the position given, in this page's file */
	bool placed = tu_has_diag(d, DIAG_ERROR, "links/systems/a/index.en.md", 10, 3, text);
	g_free(ref);
	g_free(media);
	diag_free(d);
	assert_false(ok);
	assert_true(nothing);
	assert_true(one);
	assert_true(placed);
}

static void test_unsafe_links(void **state)
{
	fixture *f = *state;
	expect_error(f, "javascript:alert(1)", "javascript");
	expect_error(f, "JavaScript:alert(1)", "javascript");
	expect_error(f, "data:text/html,<script>alert(1)</script>", "data");
	expect_error(f, "vbscript:msgbox", "vbscript");
	expect_error(f, "file:///etc/passwd", "file");
	expect_error(f, "../../../etc/passwd", "outside content/");
	expect_error(f, "../../../../../../../../etc/passwd", "outside content/");
	/* climbing out and back in is still climbing out */
	expect_error(f, "../../../links/systems/other/index.en.md", "outside content/");
	expect_error(f, "%2e%2e/%2e%2e/%2e%2e/etc/passwd", "outside content/");
	expect_error(f, "/etc/passwd", "absolute");
	expect_error(f, "//evil.example.org/x", "absolute");
}

/* A link to a page of any kind that has a web page resolves to the address
 * the build writes that page at (model_page_path, from kinds.c); a link to
 * a kind without one (kits: PDFs only) is an error. Diagnostics have pages
 * (LANG/diagnostics/NAME/), so a link to one must resolve. */
static void test_links_follow_pages(void **state)
{
	fixture *f = *state;
	static const struct {
		content_kind kind;
		const char *target, *slug;
	} links[] = {
		{KIND_SYSTEM, "../other/index.en.md", "other"},
		{KIND_CITY, "../../cities/x.en.md", "x"},
		{KIND_STUDY, "../../studies/x-2020.en.md", "x-2020"},
		{KIND_PAGE, "../../pages/about.en.md", "about"},
		{KIND_KIT, "../../kits/visit.en.md", "visit"},
		{KIND_DIAGNOSTIC, "../../diagnostics/x-2020.en.md", "x-2020"},
	};
	assert_int_equal(G_N_ELEMENTS(links), KIND_COUNT); /* one link per kind */
	for (size_t i = 0; i < G_N_ELEMENTS(links); i++) {
		if (!model_kind_has_page(links[i].kind)) {
			expect_error(f, links[i].target, "has no web page");
			continue;
		}
		char *path = model_page_path(links[i].kind, links[i].slug, "en");
		expect_ref(f, links[i].target, path + strlen("en/"));
		g_free(path);
	}
	expect_ref(f, "../../diagnostics/x-2020.en.md#scores", "diagnostics/x-2020/#scores");
	expect_error(f, "../../kits/visit.en.md", "a kit has no web page");
}

static void test_missing_targets(void **state)
{
	fixture *f = *state;
	/* a page that does not exist, named like one */
	expect_error(f, "../missing/index.en.md", "missing");
	expect_error(f, "../../cities/nowhere.en.md", "nowhere");
	/* a file that does not exist */
	expect_error(f, "missing.png", "does not exist");
	/* a folder is not a file */
	expect_error(f, "../other", "does not exist");
}

/* A link that names a language file in a language the site does not have
 * (a typo: "kr" for "ko") names no page; it must not pass as the page. */
static void test_link_undefined_language(void **state)
{
	fixture *f = *state;
	expect_error(f, "../other/index.kr.md", "kr");
	expect_error(f, "../../cities/x.english.md", "english");
}

/* A file beside the page becomes a media path inside content/. */
static void test_media_links(void **state)
{
	fixture *f = *state;
	char *ref = (char *)"unset", *media = NULL;
	assert_true(resolve(f, "notes.txt", &ref, &media));
	assert_null(ref);
	assert_string_equal(media, "systems/a/notes.txt");
	g_free(media);
	assert_true(resolve(f, "../a/diagram.png", &ref, &media));
	assert_string_equal(media, "systems/a/diagram.png");
	g_free(media);
	assert_no_diags(f->ld);
	/* both are now registered for copying */
	assert_non_null(g_hash_table_lookup(f->media->files, "systems/a/notes.txt"));
	assert_non_null(g_hash_table_lookup(f->media->files, "systems/a/diagram.png"));
}

/* --- md_render -------------------------------------------------------- */

typedef struct rendered {
	xmlDocPtr doc;
	content_item *it;
} rendered;

static void rendered_free(rendered *r)
{
	if (!r)
		return;
	xmlFreeDoc(r->doc);
	tu_item_free(r->it);
	g_free(r);
}

/* Renders body (after a 4-line front matter) as systems/a/index.en.md.
 * The document is <content><body/><toc/></content>. Borrowed: the fixture
 * keeps it until the next render or the end of the test, so a failed
 * assertion leaks nothing. */
static const rendered *render(fixture *f, const char *body)
{
	rendered_free(f->cur);
	rendered *r = f->cur = g_new0(rendered, 1);
	char *text = g_strdup_printf("---\ntitle: T\nsummary: S\n---\n%s", body);
	r->it = tu_item(KIND_SYSTEM, f->root, "systems/a/index.en.md", text, f->ld);
	g_free(text);
	assert_non_null(r->it);
	r->doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(r->doc, NULL, BAD_CAST "content", NULL);
	xmlDocSetRootElement(r->doc, root);
	xmlNodePtr toc = NULL;
	xmlNodePtr b = md_render(&f->ctx, r->it, r->doc, &toc);
	assert_non_null(b);
	assert_non_null(toc);
	xmlAddChild(root, b);
	xmlAddChild(root, toc);
	return r;
}

/* The string value of an XPath expression. Owned. */
static char *xs(const rendered *r, const char *expr)
{
	xmlXPathContextPtr x = xmlXPathNewContext(r->doc);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, x);
	assert_non_null(o);
	xmlChar *s = xmlXPathCastToString(o);
	char *out = g_strdup((const char *)s);
	xmlFree(s);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(x);
	return out;
}

#define assert_xpath(r, expr, want)                                              \
	do {                                                                     \
		char *got_ = xs((r), (expr));                                    \
		bool eq_ = !strcmp(got_, (want));                                \
		if (!eq_)                                                        \
			print_error("%s: got \"%s\", want \"%s\"\n", (expr), got_, \
			            (want));                                     \
		g_free(got_);                                                    \
		assert_true(eq_);                                                \
	} while (0)

static void test_render_links(void **state)
{
	fixture *f = *state;
	const rendered *r = render(f, "See [other](../other/index.en.md#usage), "
	                       "[web](https://example.org/) and [notes](notes.txt).\n");
	assert_no_diags(f->ld);
	assert_xpath(r, "count(//body/p/a)", "3");
	assert_xpath(r, "//a[1]/@ref", "systems/other/#usage");
	assert_xpath(r, "count(//a[1]/@href)", "0");
	assert_xpath(r, "//a[2]/@href", "https://example.org/");
	assert_xpath(r, "//a[3]/@media", "systems/a/notes.txt");
	assert_xpath(r, "//a[1]", "other");
}

/* A broken link is reported at its own line and column in the file, so the
 * front matter's lines count. In links/systems/broken/index.en.md (front
 * matter on lines 1-5, body from line 6):
 *   9: "See [the missing page](...)"       '[' at col 5
 *  12: "continues with [another](...)"     '[' at col 16
 *  14: "- item with [third](...)"          '[' at col 13
 *  16: "> quoted ![picture](nope.png)"     '!' at col 10 */
static void test_render_error_positions(void **state)
{
	fixture *f = *state;
	content_group *g = content_group_find(f->set, KIND_SYSTEM, "broken");
	assert_non_null(g);
	content_item *it = content_group_item(g, "en");
	assert_int_equal(it->body_line, 6);
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr toc;
	xmlNodePtr body = md_render(&f->ctx, it, doc, &toc);
	xmlDocSetRootElement(doc, body);
	xmlFreeNode(toc);
	const char *file = "links/systems/broken/index.en.md";
	assert_int_equal(f->ld->errors, 4);
	assert_diag(f->ld, DIAG_ERROR, file, 9, 5, "missing");
	assert_diag(f->ld, DIAG_ERROR, file, 12, 16, "gone");
	assert_diag(f->ld, DIAG_ERROR, file, 14, 13, "nowhere");
	assert_diag(f->ld, DIAG_ERROR, file, 16, 10, "nope.png");
	xmlFreeDoc(doc);
}

/* A page's own image gets its size, read from the file (3 × 2 pixels). */
static void test_render_image(void **state)
{
	fixture *f = *state;
	const rendered *r = render(f, "![A red *rectangle*](diagram.png \"Figure\")\n");
	assert_no_diags(f->ld);
	assert_xpath(r, "count(//img)", "1");
	assert_xpath(r, "//img/@media", "systems/a/diagram.png");
	assert_xpath(r, "//img/@width", "3");
	assert_xpath(r, "//img/@height", "2");
	assert_xpath(r, "//img/@alt", "A red rectangle");
	assert_xpath(r, "count(//img/@src)", "0");
	const media_file *m = g_hash_table_lookup(f->media->files, "systems/a/diagram.png");
	assert_non_null(m);
	assert_int_equal(m->width, 3);
	assert_int_equal(m->height, 2);

	/* not an image: no size */
	r = render(f, "![notes](notes.txt)\n");
	assert_xpath(r, "//img/@media", "systems/a/notes.txt");
	assert_xpath(r, "count(//img/@width)", "0");

	/* an external image keeps its URL */
	r = render(f, "![logo](https://example.org/logo.png)\n");
	assert_xpath(r, "//img/@src", "https://example.org/logo.png");
	assert_xpath(r, "count(//img/@media)", "0");
	assert_no_diags(f->ld);
}

/* An unsafe link leaves no href behind: its text stays, the target goes. */
static void test_render_unsafe_link(void **state)
{
	fixture *f = *state;
	const rendered *r = render(f, "Click [here](javascript:alert(1)).\n");
	assert_int_equal(f->ld->errors, 1);
	assert_diag(f->ld, DIAG_ERROR, "systems/a/index.en.md", 5, 7, "javascript");
	assert_xpath(r, "//a", "here");
	assert_xpath(r, "count(//a/@*)", "0");
	assert_xpath(r, "count(//@*[contains(., 'javascript')])", "0");
}

static const char *const raw_html =
	"<script>alert(1)</script>\n"
	"\n"
	"<div class=\"note\">Boxed</div>\n"
	"\n"
	"Text with <b onclick=\"x()\">bold</b> inline.\n";

static void test_render_raw_html_dropped(void **state)
{
	fixture *f = *state;
	assert_false(f->config->trusted_html);
	const rendered *r = render(f, raw_html);
	assert_xpath(r, "count(//script)", "0");
	assert_xpath(r, "count(//div)", "0");
	assert_xpath(r, "count(//b)", "0");
	assert_xpath(r, "count(//@onclick)", "0");
	/* the markup is gone, not shown as text */
	assert_xpath(r, "contains(string(//body), 'alert')", "false");
	assert_xpath(r, "contains(string(//body), '<')", "false");
	assert_xpath(r, "contains(string(//body), 'Boxed')", "false");
	/* the Markdown text around it stays */
	assert_xpath(r, "normalize-space(//body/p)", "Text with bold inline.");
}

/* With trusted_html the same blocks become elements (so the test above is
 * about the setting, not about HTML never working). */
static void test_render_raw_html_trusted(void **state)
{
	fixture *f = *state;
	f->config->trusted_html = true;
	const rendered *r = render(f, raw_html);
	f->config->trusted_html = false;
	assert_xpath(r, "//div[@class='note']", "Boxed");
}

/* Inline HTML on a trusted site: the element keeps what is written inside
 * it. cmark-gfm hands over "<b>" and "</b>" as separate nodes with the
 * text between them as Markdown text. */
static void test_render_raw_html_trusted_inline(void **state)
{
	fixture *f = *state;
	f->config->trusted_html = true;
	const rendered *r = render(f, "Text with <b>bold</b> and <span class=\"k\">kept</span>.\n");
	f->config->trusted_html = false;
	assert_xpath(r, "//p/b", "bold");
	assert_xpath(r, "//p/span[@class='k']", "kept");
	assert_xpath(r, "normalize-space(//p)", "Text with bold and kept.");
}

static void test_render_footnotes(void **state)
{
	fixture *f = *state;
	const rendered *r = render(f, "Claim[^src] and another[^two], again[^src].\n"
	                       "\n"
	                       "[^two]: Second note.\n"
	                       "[^src]: First note.\n");
	assert_no_diags(f->ld);
	/* three references; numbered by first use, not by definition order */
	assert_xpath(r, "count(//fnref)", "3");
	assert_xpath(r, "(//fnref)[1]/@n", "1");
	assert_xpath(r, "(//fnref)[2]/@n", "2");
	assert_xpath(r, "(//fnref)[3]/@n", "1");
	/* only the first reference to a note is the back link's target */
	assert_xpath(r, "(//fnref)[1]/@first", "true");
	assert_xpath(r, "(//fnref)[2]/@first", "true");
	assert_xpath(r, "count((//fnref)[3]/@first)", "0");
	/* the notes, once each, at the end of the body, in the same order */
	assert_xpath(r, "count(//body/footnotes)", "1");
	assert_xpath(r, "count(//body/footnotes/fn)", "2");
	assert_xpath(r, "//footnotes/fn[1]/@n", "1");
	assert_xpath(r, "normalize-space(//footnotes/fn[1])", "First note.");
	assert_xpath(r, "//footnotes/fn[2]/@n", "2");
	assert_xpath(r, "normalize-space(//footnotes/fn[2])", "Second note.");
	assert_xpath(r, "name(//body/*[last()])", "footnotes");
}

static void test_render_heading_ids(void **state)
{
	fixture *f = *state;
	const rendered *r = render(f, "# Title\n\n"
	                       "## Overview\n\ntext\n\n"
	                       "## Overview\n\n"
	                       "### How *it* works\n\n"
	                       "## Overview\n\n"
	                       "#### Deep\n");
	assert_no_diags(f->ld);
	assert_xpath(r, "//h1/@id", "title");
	assert_xpath(r, "(//h2)[1]/@id", "overview");
	assert_xpath(r, "(//h2)[2]/@id", "overview-2");
	assert_xpath(r, "(//h2)[3]/@id", "overview-3");
	assert_xpath(r, "//h3/@id", "how-it-works");
	/* the table of contents: levels 2 and 3, same ids, plain text */
	assert_xpath(r, "count(//toc/h)", "4");
	assert_xpath(r, "//toc/h[2]/@id", "overview-2");
	assert_xpath(r, "//toc/h[3]", "How it works");
	assert_xpath(r, "//toc/h[3]/@level", "3");
	assert_xpath(r, "//toc/h[1]/@level", "2");
	/* every id in the page is unique */
	assert_xpath(r, "count(//body//*[@id = preceding::*/@id])", "0");
}

/* An id made by -2 must not clash with a heading written "Overview 2". */
static void test_render_heading_ids_clash(void **state)
{
	fixture *f = *state;
	const rendered *r = render(f, "## Overview 2\n\n## Overview\n\n## Overview\n");
	assert_xpath(r, "(//h2)[1]/@id", "overview-2");
	assert_xpath(r, "(//h2)[2]/@id", "overview");
	char *third = xs(r, "(//h2)[3]/@id");
	assert_string_not_equal(third, "overview");
	assert_string_not_equal(third, "overview-2");
	g_free(third);
}

static void test_render_heading_ids_korean(void **state)
{
	fixture *f = *state;
	const rendered *r = render(f, "## 개요\n\n## 정책과 법적 근거\n\n## 개요\n\n## 성과 (2013년)\n");
	assert_no_diags(f->ld);
	assert_xpath(r, "(//h2)[1]/@id", "개요");
	assert_xpath(r, "(//h2)[2]/@id", "정책과-법적-근거");
	assert_xpath(r, "(//h2)[3]/@id", "개요-2");
	assert_xpath(r, "(//h2)[4]/@id", "성과-2013년");
	assert_xpath(r, "//toc/h[2]", "정책과 법적 근거");
}

/* Text is text: markup-like characters in Markdown reach the XML escaped
 * by construction, never as elements. */
static void test_render_text_is_text(void **state)
{
	fixture *f = *state;
	const rendered *r = render(f, "a &lt;b&gt; `<i>x</i>` 1 < 2 & 3\n");
	assert_xpath(r, "count(//body//*[not(self::p or self::code)])", "0");
	assert_xpath(r, "//code", "<i>x</i>");
	assert_xpath(r, "normalize-space(//p)", "a <b> <i>x</i> 1 < 2 & 3");
}

/* Trusted raw HTML with element names XML cannot carry (libxml2's HTML
 * parser makes <https:> of an autolink and <0a> of <b:0a>): what is inside
 * stays, the elements go (found by fuzz_markdown). */
static void test_render_raw_html_bad_element_names(void **state)
{
	fixture *f = *state;
	f->config->trusted_html = true;
	const rendered *r = render(f, "<div>\n<https://example.org>x <i>i<b:0a>y</b:0a></i>\n</div>\n");
	f->config->trusted_html = false;
	/* Without the cleaning: <div><https:>x <i>i<0a/></i></https:></div>. */
	assert_xpath(r, "count(//div//*)", "1");
	assert_xpath(r, "//div/i", "i");
	assert_xpath(r, "normalize-space(//div)", "x i");
}

/* Trusted raw HTML attributes with a prefix (<a p:x="1">) are XML names,
 * but their prefix names no namespace: the page would not parse again as
 * XML. They go; the others stay (found by fuzz_markdown). */
static void test_render_raw_html_prefixed_attributes(void **state)
{
	fixture *f = *state;
	f->config->trusted_html = true;
	const rendered *r = render(f, "<div>\n<a p:x=\"1\" title=\"t\">text</a>\n</div>\n");
	f->config->trusted_html = false;
	assert_xpath(r, "count(//div/a/@*)", "1");
	assert_xpath(r, "//div/a/@title", "t");
	xmlBufferPtr buf = xmlBufferCreate();
	xmlNodeDump(buf, r->doc, xmlDocGetRootElement(r->doc), 0, 0);
	xmlDocPtr back = xmlReadMemory((const char *)xmlBufferContent(buf), xmlBufferLength(buf),
	                               "back.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
	assert_non_null(back);
	xmlFreeDoc(back);
	xmlBufferFree(buf);
}

/* Control characters of the page never reach an attribute either (a link
 * URL, its title, an image's text, a code block's language): XML 1.0 cannot
 * carry them (found by fuzz_markdown). */
static void test_render_attributes_drop_controls(void **state)
{
	fixture *f = *state;
	const rendered *r = render(f, "See https://example.org/a\002b and [x](https://example.org/c "
	                              "\"t&#2;itle\") ![i&#3;mg](https://example.org/p.png).\n\n"
	                              "```c\001x\ncode\n```\n");
	assert_xpath(r, "//a[1]/@href", "https://example.org/ab");
	assert_xpath(r, "//a[2]/@title", "title");
	assert_xpath(r, "//img/@alt", "img");
	assert_xpath(r, "//code/@class", "language-cx");
	/* cmark-gfm writes &#xFFFF; as a lone byte FF. */
	r = render(f, "a&#xFFFF;b&#xFFFE;c \xEF\xBF\xBF [x](https://example.org/&#xFFFF;)\n");
	assert_xpath(r, "//p", "abc  x");
	assert_xpath(r, "//a/@href", "https://example.org/");
	xmlBufferPtr buf = xmlBufferCreate();
	xmlNodeDump(buf, r->doc, xmlDocGetRootElement(r->doc), 0, 0);
	xmlDocPtr back = xmlReadMemory((const char *)xmlBufferContent(buf), xmlBufferLength(buf),
	                               "back.xml", NULL, XML_PARSE_NONET);
	assert_non_null(back);
	xmlFreeDoc(back);
	xmlBufferFree(buf);
}

/* Pages are rendered on several threads at once. cmark-gfm switches the
 * extensions' inline characters (~ for strikethrough, : and w for
 * autolinks) on and off in one table shared by every parser, so without
 * kitgen's lock one thread's page could lose its strikethrough while
 * another finished (seen as ~~x~~ in a built page). */
enum { RT_THREADS = 4, RT_ROUNDS = 150 };

typedef struct {
	fixture *f;
	int bad; /* renders that lost an extension */
} render_thread;

static gpointer render_many(gpointer data)
{
	render_thread *t = data;
	diag_list *d = diag_new();
	md_context ctx = t->f->ctx;
	ctx.d = d;
	const char *text = "---\ntitle: T\nsummary: S\n---\n"
	                   "Words ~~gone~~ here, see www.example.org now.\n";
	for (int i = 0; i < RT_ROUNDS; i++) {
		content_item *it = tu_item(KIND_SYSTEM, t->f->root, "systems/a/index.en.md", text, d);
		xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr toc = NULL;
		xmlNodePtr b = it ? md_render(&ctx, it, doc, &toc) : NULL;
		xmlDocSetRootElement(doc, xmlNewDocNode(doc, NULL, BAD_CAST "content", NULL));
		if (b)
			xmlAddChild(xmlDocGetRootElement(doc), b);
		if (toc)
			xmlAddChild(xmlDocGetRootElement(doc), toc);
		xmlXPathContextPtr x = xmlXPathNewContext(doc);
		xmlXPathObjectPtr o = xmlXPathEvalExpression(
			BAD_CAST "count(//del) = 1 and count(//a[@href]) = 1", x);
		if (!o || !xmlXPathCastToBoolean(o))
			t->bad++;
		xmlXPathFreeObject(o);
		xmlXPathFreeContext(x);
		xmlFreeDoc(doc);
		tu_item_free(it);
	}
	if (d->count)
		t->bad++;
	diag_free(d);
	return NULL;
}

static void test_render_in_threads(void **state)
{
	render_thread t[RT_THREADS];
	GThread *th[RT_THREADS];
	for (int i = 0; i < RT_THREADS; i++) {
		t[i] = (render_thread){*state, 0};
		th[i] = g_thread_new("render", render_many, &t[i]);
	}
	int bad = 0;
	for (int i = 0; i < RT_THREADS; i++) {
		g_thread_join(th[i]);
		bad += t[i].bad;
	}
	if (bad)
		print_error("%d of %d renders lost strikethrough or autolinks\n", bad,
		            RT_THREADS * RT_ROUNDS);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_page_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_links_follow_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_language_free_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_external_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unsafe_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_targets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_link_undefined_language, setup, teardown),
		cmocka_unit_test_setup_teardown(test_media_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_error_positions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_image, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_unsafe_link, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_raw_html_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_raw_html_trusted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_raw_html_trusted_inline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_footnotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_heading_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_heading_ids_clash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_heading_ids_korean, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_text_is_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_attributes_drop_controls, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_raw_html_bad_element_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_raw_html_prefixed_attributes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_in_threads, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
