/* gencorpus: deterministic synthetic catalogues for make bench.
 *
 *   gencorpus OUTDIR N             N pages (half ko, half en, translation
 *                                  pairs) in systems/, cities/, studies/
 *   gencorpus OUTDIR --report P    one study whose F/S report is about P
 *                                  pages of PDF, and the city it names
 *
 * The same arguments always give the same bytes: one fixed-seed PRNG, no
 * clock, no OS randomness, no locale. Links only name pages this run
 * writes, so `kitgen build --strict` succeeds on the result. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* --- PRNG: splitmix64, fixed seed -------------------------------------- */

static uint64_t gc_state = 0x6b697467656e3031ULL; /* "kitgen01" */

static uint64_t gc_next(void)
{
	uint64_t z = (gc_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). n is small, so the modulo bias does not matter here. */
static unsigned gc_rand(unsigned n)
{
	return n ? (unsigned)(gc_next() % n) : 0;
}

static unsigned gc_range(unsigned lo, unsigned hi)
{
	return lo + gc_rand(hi - lo + 1);
}

static int gc_chance(unsigned percent)
{
	return gc_rand(100) < percent;
}

#define GC_PICK(a) ((a)[gc_rand(sizeof(a) / sizeof((a)[0]))])

/* --- output buffer ------------------------------------------------------ */

typedef struct {
	char *s;
	size_t len, cap;
} gc_buf;

static void gc_die(const char *what, const char *path)
{
	fprintf(stderr, "gencorpus: %s %s: %s\n", what, path, strerror(errno));
	exit(1);
}

static void gc_put(gc_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s) {
			fputs("gencorpus: out of memory\n", stderr);
			exit(1);
		}
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void gc_puts(gc_buf *b, const char *s)
{
	gc_put(b, s, strlen(s));
}

static void gc_printf(gc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void gc_printf(gc_buf *b, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		fputs("gencorpus: line too long\n", stderr);
		exit(1);
	}
	gc_put(b, tmp, (size_t)n);
}

static void gc_mkdirs(const char *path)
{
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s", path);
	for (char *p = tmp + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
				gc_die("cannot create", tmp);
			*p = '/';
		}
	if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
		gc_die("cannot create", tmp);
}

/* Writes b to ROOT/REL, creating folders; empties b. */
static void gc_write(const char *root, const char *rel, gc_buf *b)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	gc_mkdirs(path);
	*slash = '/';
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(b->s, 1, b->len, f) != b->len || fclose(f) != 0)
		gc_die("cannot write", path);
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* --- words -------------------------------------------------------------- */

/* Korean nouns of the domain, particles and sentence endings: sentences
 * read like administrative prose and have realistic word lengths (2-4
 * syllables, a particle on most words). */
static const char *const ko_nouns[] = {
	"전자정부", "민원", "시스템", "서울시", "행정", "정보화", "시민", "참여",
	"데이터", "공개", "예산", "사업", "협력", "도시", "기관", "부서", "담당자",
	"결재", "문서", "기록", "관리", "운영", "노하우", "정책", "법령", "제도",
	"교육", "훈련", "평가", "성과", "지표", "분석", "조사", "연구", "계획",
	"단계", "도입", "확산", "구축", "개발", "유지보수", "표준", "보안", "개인정보",
	"통신망", "인터넷", "스마트폰", "지도", "공간정보", "교통", "버스", "주차",
	"청렴", "투명성", "회계", "감사", "계약", "입찰", "조달", "재정", "세금",
	"주민", "의견", "제안", "투표", "토론", "설문", "만족도", "처리", "접수",
	"안내", "상담", "콜센터", "현장", "사진", "위치", "신고", "불편", "개선",
	"효과", "비용", "절감", "시간", "기간", "대표단", "방문", "보고서", "타당성",
	"컨설팅", "공유", "해외", "파트너", "국제기구", "지원", "재원", "차관", "무상원조",
};
static const char *const ko_particles[] = {
	"은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "로", "와",
	"과", "도", "만", "까지", "부터", "에게", "",
};
static const char *const ko_endings[] = {
	"합니다", "했습니다", "있습니다", "됩니다", "되었습니다", "필요합니다",
	"줄었습니다", "늘었습니다", "제공합니다", "운영합니다", "지원합니다",
	"검토했습니다", "제안했습니다", "바뀌었습니다", "이어집니다",
};
static const char *const ko_adverbs[] = {
	"먼저", "또한", "특히", "다만", "그리고", "따라서", "이후", "당시", "현재",
	"매년", "처음", "함께", "직접", "빠르게", "꾸준히",
};
/* Latin words that Korean administrative prose carries as they are. */
static const char *const mixed_latin[] = {
	"IT", "ODA", "GIS", "API", "SMS", "CCTV", "MOU", "WeGO", "F/S", "e-Government",
	"open data", "KPI", "PDF", "Wi-Fi", "ERP", "UN", "OECD", "ISO 27001",
};
static const char *const en_words[] = {
	"the", "the", "the", "of", "of", "and", "and", "to", "to", "in", "a", "a",
	"for", "with", "on", "by", "that", "is", "was", "are", "were", "from", "as",
	"its", "their", "this", "each", "every", "more", "less", "one", "two",
	"city", "cities", "system", "systems", "service", "services", "citizen",
	"citizens", "government", "administration", "office", "offices", "officials",
	"department", "complaint", "complaints", "report", "reports", "document",
	"documents", "approval", "record", "records", "budget", "funding", "project",
	"projects", "study", "studies", "plan", "phase", "phases", "cost", "costs",
	"data", "information", "network", "platform", "application", "mobile",
	"internet", "access", "transparency", "participation", "policy", "law",
	"laws", "regulation", "procedure", "process", "processes", "staff",
	"training", "operation", "operations", "know-how", "result", "results",
	"adoption", "partner", "partners", "delegation", "consulting", "feasibility",
	"infrastructure", "security", "standard", "standards", "survey", "response",
	"handled", "received", "introduced", "launched", "proposed", "reduced",
	"improved", "needed", "shared", "built", "published", "measured", "asked",
	"quickly", "publicly", "directly", "electronically", "together", "first",
	"municipal", "metropolitan", "digital", "electronic", "public", "national",
	"local", "annual", "average", "satisfaction", "waiting", "time", "months",
	"years", "desk", "counter", "call", "center", "map", "photo", "location",
	"traffic", "bus", "waste", "water", "tax", "contract", "procurement", "audit",
};
static const char *const ko_in_en[] = {
	"민원", "전자결재", "다산콜센터", "정보공개", "천만상상 오아시스", "응답소",
	"서울시", "행정", "정보화",
};

/* A Korean sentence: an optional adverb, 4-11 noun+particle words with a
 * Latin term or a number now and then, and a verb ending. */
static void gc_ko_sentence(gc_buf *b)
{
	if (gc_chance(30)) {
		gc_puts(b, GC_PICK(ko_adverbs));
		gc_puts(b, " ");
	}
	unsigned n = gc_range(4, 11);
	for (unsigned i = 0; i < n; i++) {
		if (gc_chance(8))
			gc_puts(b, GC_PICK(mixed_latin));
		else if (gc_chance(5))
			gc_printf(b, "%u년", gc_range(1995, 2025));
		else if (gc_chance(4))
			gc_printf(b, "%u%%", gc_range(3, 97));
		else
			gc_puts(b, GC_PICK(ko_nouns));
		gc_puts(b, GC_PICK(ko_particles));
		gc_puts(b, gc_chance(10) && i + 1 < n ? ", " : " ");
	}
	gc_puts(b, GC_PICK(ko_endings));
	gc_puts(b, ".");
}

/* An English sentence of 8-22 words, with a Korean term (in parentheses)
 * or a figure now and then. */
static void gc_en_sentence(gc_buf *b)
{
	unsigned n = gc_range(8, 22);
	for (unsigned i = 0; i < n; i++) {
		const char *w = GC_PICK(en_words);
		if (i == 0) {
			char cap[64];
			snprintf(cap, sizeof cap, "%s", w);
			cap[0] = (char)(cap[0] >= 'a' && cap[0] <= 'z' ? cap[0] - 32 : cap[0]);
			gc_puts(b, cap);
		} else if (gc_chance(4)) {
			gc_printf(b, "(%s)", GC_PICK(ko_in_en));
		} else if (gc_chance(4)) {
			gc_printf(b, "%u", gc_range(2, 2025));
		} else if (gc_chance(3)) {
			gc_puts(b, GC_PICK(mixed_latin));
		} else {
			gc_puts(b, w);
		}
		gc_puts(b, i + 1 == n ? "." : gc_chance(7) ? ", " : " ");
	}
}

static void gc_sentence(gc_buf *b, int ko)
{
	if (ko)
		gc_ko_sentence(b);
	else
		gc_en_sentence(b);
}

/* A short phrase for headings, table cells and list items. */
static void gc_phrase(gc_buf *b, int ko, unsigned lo, unsigned hi)
{
	unsigned n = gc_range(lo, hi);
	for (unsigned i = 0; i < n; i++) {
		if (i)
			gc_puts(b, " ");
		if (ko)
			gc_puts(b, gc_chance(10) ? GC_PICK(mixed_latin) : GC_PICK(ko_nouns));
		else
			gc_puts(b, GC_PICK(en_words));
	}
}

/* --- the catalogue ------------------------------------------------------- */

static const char *const langs[] = {"ko", "en"};
static const char *const field_ids[] = {
	"citizen-services", "participation", "administration",
	"transparency", "spatial", "governance",
};
static const char *const problem_ids[] = {
	"complaints", "waste", "paper-administration", "participation",
	"transparency", "traffic", "information-access",
};
static const char *const require_ids[] = {
	"mobile-subscriptions", "internet-access", "e-document-law",
	"call-center-staff", "gis-base-map",
};
static const char *const sections_ko[] = {
	"개요", "정책과 법적 근거", "작동 방식", "운영 노하우", "성과", "도입 요건",
};
static const char *const sections_en[] = {
	"Overview", "Policy and legal basis", "How it works", "Operating know-how",
	"Results", "What adoption takes",
};

static void gc_site_yaml(const char *root, gc_buf *b)
{
	gc_puts(b, "# Synthetic catalogue written by tests/bench/gencorpus (make bench).\n"
	           "title: {ko: \"벤치마크 카탈로그\", en: \"Benchmark Catalogue\"}\n"
	           "description: {ko: \"성능 측정용 합성 카탈로그\", "
	           "en: \"A synthetic catalogue for measuring speed\"}\n"
	           "organisation: {ko: \"벤치마크 기관\", en: \"Benchmark Office\"}\n"
	           "base_url: https://bench.example.org/\n"
	           "default_language: ko\n"
	           "trusted_html: false\n"
	           "languages:\n"
	           "  - {code: ko, name: 한국어, dir: ltr, fallback: [en]}\n"
	           "  - {code: en, name: English, dir: ltr, fallback: [ko]}\n"
	           "fields:\n");
	static const char *const names_ko[] = {"민원·시민 서비스", "시민 참여", "행정 업무",
	                                       "투명·청렴", "공간정보", "정보화 거버넌스"};
	static const char *const names_en[] = {"Citizen services", "Participation",
	                                       "Administration", "Transparency",
	                                       "Spatial information", "Governance"};
	for (size_t i = 0; i < sizeof field_ids / sizeof field_ids[0]; i++)
		gc_printf(b, "  - id: %s\n    name: {ko: \"%s\", en: \"%s\"}\n", field_ids[i],
		          names_ko[i], names_en[i]);
	gc_write(root, "site.yaml", b);
}

enum { GC_SYSTEM, GC_CITY, GC_STUDY };

typedef struct {
	unsigned nsys, ncity, nstudy;
} gc_counts;

/* Names are fixed by kind and index so links can be made before the target
 * is written. */
static void gc_name(char *out, size_t n, int kind, unsigned i)
{
	static const char *const pre[] = {"system", "city", "study"};
	snprintf(out, n, "%s-%05u", pre[kind], i);
}

/* The path of page (kind, i) in lang as seen from a file of kind `from`;
 * lang NULL gives the language-free form. */
static void gc_link_path(char *out, size_t n, int from, int kind, unsigned i, const char *lang)
{
	static const char *const dir[] = {"systems", "cities", "studies"};
	char name[32];
	gc_name(name, sizeof name, kind, i);
	const char *up = from == GC_SYSTEM ? "../../" : "../";
	char file[64];
	if (kind == GC_SYSTEM)
		snprintf(file, sizeof file, "%s/index%s%s.md", name, lang ? "." : "", lang ? lang : "");
	else
		snprintf(file, sizeof file, "%s%s%s.md", name, lang ? "." : "", lang ? lang : "");
	if (from == kind && kind == GC_SYSTEM)
		snprintf(out, n, "../%s", file);
	else if (from == kind)
		snprintf(out, n, "%s", file);
	else
		snprintf(out, n, "%s%s/%s", up, dir[kind], file);
}

/* A link to a random page of the corpus, in this language or (one in four)
 * in the language-free form. */
static void gc_link(gc_buf *b, const gc_counts *c, int from, int ko)
{
	unsigned r = gc_rand(c->nsys + c->ncity + c->nstudy);
	int kind = r < c->nsys ? GC_SYSTEM : r < c->nsys + c->ncity ? GC_CITY : GC_STUDY;
	unsigned i = kind == GC_SYSTEM ? r : kind == GC_CITY ? r - c->nsys : r - c->nsys - c->ncity;
	char path[256];
	gc_link_path(path, sizeof path, from, kind, i, gc_chance(25) ? NULL : langs[!ko]);
	gc_puts(b, "[");
	gc_phrase(b, ko, 1, 3);
	gc_printf(b, "](%s)", path);
}

/* A paragraph: sentences with inline emphasis, links and footnote marks. */
static void gc_paragraph(gc_buf *b, const gc_counts *c, int from, int ko, unsigned *notes,
                         unsigned max_notes)
{
	unsigned n = c ? gc_range(1, 4) : gc_range(2, 6);
	for (unsigned i = 0; i < n; i++) {
		if (i)
			gc_puts(b, " ");
		if (c && gc_chance(25)) {
			gc_link(b, c, from, ko);
			gc_puts(b, " ");
		}
		if (gc_chance(12)) {
			const char *mark = gc_chance(50) ? "**" : "*";
			gc_puts(b, mark);
			gc_phrase(b, ko, 1, 3);
			gc_puts(b, mark);
			gc_puts(b, " ");
		}
		if (gc_chance(5)) {
			gc_puts(b, "`");
			gc_puts(b, GC_PICK(mixed_latin));
			gc_puts(b, "` ");
		}
		gc_sentence(b, ko);
		if (*notes < max_notes && gc_chance(15))
			gc_printf(b, "[^%u]", ++*notes);
	}
	gc_puts(b, "\n\n");
}

static void gc_list(gc_buf *b, int ko)
{
	int ordered = gc_chance(40);
	unsigned n = gc_range(3, 6);
	for (unsigned i = 0; i < n; i++) {
		if (ordered)
			gc_printf(b, "%u. ", i + 1);
		else
			gc_puts(b, "- ");
		if (gc_chance(50))
			gc_phrase(b, ko, 2, 6);
		else
			gc_sentence(b, ko);
		gc_puts(b, "\n");
	}
	gc_puts(b, "\n");
}

static void gc_table(gc_buf *b, int ko, unsigned rows_lo, unsigned rows_hi)
{
	unsigned cols = gc_range(2, 4), rows = gc_range(rows_lo, rows_hi);
	gc_puts(b, "|");
	for (unsigned j = 0; j < cols; j++) {
		gc_puts(b, " ");
		gc_phrase(b, ko, 1, 2);
		gc_puts(b, " |");
	}
	gc_puts(b, "\n|");
	for (unsigned j = 0; j < cols; j++)
		gc_puts(b, j == cols - 1 ? "---:|" : "---|");
	gc_puts(b, "\n");
	for (unsigned r = 0; r < rows; r++) {
		gc_puts(b, "|");
		for (unsigned j = 0; j < cols; j++) {
			gc_puts(b, " ");
			if (j == cols - 1)
				gc_printf(b, "%u,%03u", gc_range(1, 999), gc_rand(1000));
			else
				gc_phrase(b, ko, 1, 3);
			gc_puts(b, " |");
		}
		gc_puts(b, "\n");
	}
	gc_puts(b, "\n");
}

static void gc_footnotes(gc_buf *b, int ko, unsigned notes)
{
	for (unsigned i = 1; i <= notes; i++) {
		gc_printf(b, "[^%u]: ", i);
		gc_sentence(b, ko);
		gc_puts(b, "\n");
	}
	if (notes)
		gc_puts(b, "\n");
}

static void gc_front_common(gc_buf *b, int ko, unsigned weight)
{
	gc_puts(b, "title: \"");
	gc_phrase(b, ko, 2, 5);
	gc_puts(b, "\"\nsummary: \"");
	gc_sentence(b, ko);
	gc_printf(b, "\"\nupdated: 20%02u-%02u-%02u\n", gc_range(15, 25), gc_range(1, 12),
	          gc_range(1, 28));
	if (gc_chance(30))
		gc_puts(b, "sample: true\n");
	if (!ko && gc_chance(20))
		gc_puts(b, "translation: draft\n");
	gc_puts(b, "sources:\n  - \"");
	gc_phrase(b, ko, 3, 7);
	gc_printf(b, ", %u\"\nweight: %u\n", gc_range(2005, 2025), weight);
}

/* A body of 3-6 sections (systems: the six fixed ones), each a heading with
 * paragraphs and now and then a list, a table or a sub-heading. */
static void gc_body(gc_buf *b, const gc_counts *c, int from, int ko)
{
	unsigned notes = 0, max_notes = gc_range(0, 3);
	unsigned nsec = from == GC_SYSTEM ? 6 : gc_range(3, 6);
	for (unsigned s = 0; s < nsec; s++) {
		gc_puts(b, "## ");
		if (from == GC_SYSTEM)
			gc_puts(b, ko ? sections_ko[s] : sections_en[s]);
		else
			gc_phrase(b, ko, 1, 4);
		gc_puts(b, "\n\n");
		gc_paragraph(b, c, from, ko, &notes, max_notes);
		if (gc_chance(20))
			gc_list(b, ko);
		if (gc_chance(15))
			gc_table(b, ko, 2, 5);
		if (gc_chance(10)) {
			gc_puts(b, "### ");
			gc_phrase(b, ko, 1, 4);
			gc_puts(b, "\n\n");
			gc_paragraph(b, c, from, ko, &notes, max_notes);
		}
	}
	gc_footnotes(b, ko, notes);
}

static void gc_page(const char *root, gc_buf *b, const gc_counts *c, int kind, unsigned i,
                    int ko)
{
	char name[32], rel[128];
	gc_name(name, sizeof name, kind, i);
	gc_puts(b, "---\n");
	gc_front_common(b, ko, gc_range(1, 50));
	if (kind == GC_SYSTEM) {
		gc_printf(b, "field: %s\nlaunched: %u\nproblems: [%s, %s]\nrequires: [%s]\n",
		          GC_PICK(field_ids), gc_range(1995, 2024), GC_PICK(problem_ids),
		          GC_PICK(problem_ids), GC_PICK(require_ids));
		snprintf(rel, sizeof rel, "systems/%s/index.%s.md", name, langs[!ko]);
	} else if (kind == GC_CITY) {
		gc_puts(b, "country: \"");
		gc_phrase(b, ko, 1, 2);
		gc_printf(b, "\"\ncontinent: \"%s\"\n", ko ? "아시아" : "Asia");
		if (gc_chance(50))
			gc_printf(b, "mou: %u\n", gc_range(2005, 2020));
		snprintf(rel, sizeof rel, "cities/%s.%s.md", name, langs[!ko]);
	} else {
		gc_printf(b, "city: city-%05u\nyear: %u\nscope: %s\nproblem: \"", gc_rand(c->ncity),
		          gc_range(2007, 2024), gc_chance(50) ? "focused" : "master-plan");
		gc_phrase(b, ko, 1, 3);
		gc_printf(b, "\"\nproposed: [system-%05u, system-%05u]\n", gc_rand(c->nsys),
		          gc_rand(c->nsys));
		/* One study in four carries a costed plan: budget table and timeline. */
		if (gc_chance(25)) {
			unsigned y = gc_range(2010, 2024), ph = gc_range(2, 4);
			gc_puts(b, "currency: USD\nphases:\n");
			for (unsigned p = 0; p < ph; p++)
				gc_printf(b, "  - {name: \"%s %u\", start: %u-%02u, months: %u}\n",
				          ko ? "단계" : "Phase", p + 1, y + p, gc_range(1, 12),
				          gc_range(3, 12));
			gc_puts(b, "costs:\n");
			for (unsigned p = 0; p < ph; p++)
				gc_printf(b, "  - {item: \"%s %u\", phase: %u, amount: %u}\n",
				          ko ? "항목" : "Item", p + 1, p + 1, gc_range(10, 500) * 1000);
			gc_puts(b, "funding:\n  - \"ODA\"\n");
		}
		snprintf(rel, sizeof rel, "studies/%s.%s.md", name, langs[!ko]);
	}
	gc_puts(b, "---\n\n");
	gc_body(b, c, kind, ko);
	gc_write(root, rel, b);
}

/* N pages as N/2 translation pairs (an odd last page is ko only): 40 %
 * systems, 25 % cities, 35 % studies, at least one of each. */
static void gc_catalogue(const char *root, unsigned n)
{
	gc_buf b = {0};
	gc_site_yaml(root, &b);
	unsigned groups = (n + 1) / 2;
	gc_counts c;
	c.nsys = groups * 40 / 100;
	c.ncity = groups * 25 / 100;
	if (c.nsys < 1)
		c.nsys = 1;
	if (c.ncity < 1)
		c.ncity = 1;
	c.nstudy = groups > c.nsys + c.ncity ? groups - c.nsys - c.ncity : 1;
	unsigned written = 0;
	for (int kind = GC_SYSTEM; kind <= GC_STUDY; kind++) {
		unsigned count = kind == GC_SYSTEM ? c.nsys : kind == GC_CITY ? c.ncity : c.nstudy;
		for (unsigned i = 0; i < count; i++)
			for (int ko = 1; ko >= 0; ko--)
				if (written < n || kind != GC_STUDY) {
					gc_page(root, &b, &c, kind, i, ko);
					written++;
				}
	}
	free(b.s);
	printf("gencorpus: %u pages (%u systems, %u cities, %u studies, ko+en) in %s\n", written,
	       c.nsys, c.ncity, c.nstudy, root);
}

/* --- the report corpus ----------------------------------------------------- */

/* Markdown characters per PDF page of the default theme's report, measured
 * (make bench prints the real page count). */
#define GC_CHARS_PER_PAGE 2300

static void gc_report(const char *root, unsigned pages)
{
	gc_buf b = {0};
	gc_site_yaml(root, &b);
	for (int ko = 1; ko >= 0; ko--) {
		gc_printf(&b, "---\ntitle: \"%s\"\nsummary: \"%s\"\ncountry: \"%s\"\n---\n\n",
		          ko ? "벤치 시티" : "Bench City",
		          ko ? "보고서 측정용 도시입니다." : "The city of the benchmark report.",
		          ko ? "벤치국" : "Benchland");
		gc_sentence(&b, ko);
		gc_puts(&b, "\n");
		gc_write(root, ko ? "cities/bench-city.ko.md" : "cities/bench-city.en.md", &b);
	}
	/* The report is in English with Korean terms in it; its first chapter
	 * is in Korean, so both Noto Serif and Noto Sans CJK KR are used. */
	gc_printf(&b, "---\ntitle: \"Benchmark feasibility study, %u pages\"\n"
	              "summary: \"A long synthetic F/S report for measuring PDF speed.\"\n"
	              "city: bench-city\nyear: 2024\nscope: master-plan\n"
	              "problem: \"measuring speed\"\n---\n\n",
	          pages);
	size_t target = (size_t)pages * GC_CHARS_PER_PAGE;
	unsigned chapter = 0, notes = 0;
	while (b.len < target) {
		int ko = chapter % 8 == 0;
		chapter++;
		gc_puts(&b, "## ");
		gc_phrase(&b, ko, 2, 5);
		gc_puts(&b, "\n\n");
		unsigned nsub = gc_range(2, 4);
		for (unsigned s = 0; s < nsub; s++) {
			gc_puts(&b, "### ");
			gc_phrase(&b, ko, 2, 5);
			gc_puts(&b, "\n\n");
			unsigned np = gc_range(3, 6);
			for (unsigned p = 0; p < np; p++) {
				unsigned before = notes;
				gc_paragraph(&b, NULL, GC_STUDY, ko, &notes, notes + 1);
				if (notes != before) {
					/* Each footnote defined at once, so the marks stay
					 * unique and in order through the whole body. */
					gc_printf(&b, "[^%u]: ", notes);
					gc_sentence(&b, ko);
					gc_puts(&b, "\n\n");
				}
			}
			if (gc_chance(35))
				gc_list(&b, ko);
			if (gc_chance(30))
				gc_table(&b, ko, 3, 10);
		}
	}
	gc_write(root, "studies/bench-report.en.md", &b);
	free(b.s);
	printf("gencorpus: report of about %u pages (%u chapters, %u footnotes) in %s\n", pages,
	       chapter, notes, root);
}

int main(int argc, char **argv)
{
	char *end;
	if (argc == 3) {
		unsigned long n = strtoul(argv[2], &end, 10);
		if (*end || n < 1 || n > 1000000)
			goto usage;
		gc_catalogue(argv[1], (unsigned)n);
		return 0;
	}
	if (argc == 4 && !strcmp(argv[2], "--report")) {
		unsigned long p = strtoul(argv[3], &end, 10);
		if (*end || p < 1 || p > 100000)
			goto usage;
		gc_report(argv[1], (unsigned)p);
		return 0;
	}
usage:
	fputs("usage: gencorpus OUTDIR N\n       gencorpus OUTDIR --report PAGES\n", stderr);
	return 2;
}
