/* kinds: the table of content kinds. Adding a kind is an entry here, its
 * templates in the theme and its section in docs/content.md. */
#include <string.h>
#include "load/kinds.h"

#define SHARED_KEYS                                                                    \
	{"title", ST_TEXT, true, "page title", NULL, 0, "\"\""},                           \
	{"summary", ST_TEXT, true, "one or two sentences for lists and previews", NULL, 0, \
	 "\"\""},                                                                          \
	{"updated", ST_DATE, false, "date of the last real change (YYYY-MM-DD)", NULL, 0, \
	 NULL},                                                                            \
	{"sample", ST_BOOL, false, "true when figures are illustrative, not facts", NULL,  \
	 0, "false"},                                                                      \
	{"translation", ST_ENUM, false, "draft (unreviewed) or reviewed", "draft|reviewed", \
	 0, NULL},                                                                         \
	{"sources", ST_TEXTS, false, "where the facts come from", NULL, 0, "[]"},          \
	{"draft", ST_BOOL, false, "true: left out of builds unless --drafts", NULL, 0,    \
	 NULL},                                                                            \
	{"weight", ST_INT, false, "order in lists, smaller first", NULL, 0, NULL}

static const schema_key system_keys[] = {
	SHARED_KEYS,
	{"field", ST_FIELD, true, "one of the fields in site.yaml", NULL, 0, "citizen-services"},
	{"launched", ST_DATE_YEAR, false, "when Seoul started it (YYYY-MM-DD or YYYY)", NULL, 0, NULL},
	{"problems", ST_IDS, false, "problems it answers (complaints, waste, …)", NULL, 0, "[]"},
	{"requires", ST_IDS, false, "what it needs to work (internet-access, …)", NULL, 0, "[]"},
	{"image", ST_FILE, false, "picture beside this file (PNG, JPEG or SVG)", NULL, 0, NULL},
	{"image_alt", ST_TEXT, false, "text alternative of the picture", NULL, 0, NULL},
	{"diagram_title", ST_TEXT, false, "title drawn above the flow diagram", NULL, 0, NULL},
	{"diagram_steps", ST_MAPS, false,
	 "flow diagram drawn in this language, steps left to right: {label, detail}",
	 "label:text!,detail:text", 0, NULL},
	{"diagram_note", ST_TEXT, false, "note drawn under the diagram's steps", NULL, 0, NULL},
	{"diagram_back", ST_BOOL, false, "true: a dashed arrow from the last step back to the first",
	 NULL, 0, NULL},
	{0}};

static const schema_key city_keys[] = {
	SHARED_KEYS,
	{"country", ST_TEXT, true, "the country, in this page's language", NULL, 0, "\"\""},
	{"continent", ST_TEXT, false, "the continent, in this page's language", NULL, 0, NULL},
	{"language", ST_LANG, false, "language its delegations read (pt, am, …)", NULL, 0, NULL},
	{"mou", ST_YEAR, false, "year of the e-government MOU with Seoul", NULL, 0, NULL},
	{0}};

static const schema_key study_keys[] = {
	SHARED_KEYS,
	{"city", ST_REF, true, "the city studied (a file in cities/)", NULL, KIND_CITY, "\"\""},
	{"year", ST_YEAR, true, "year of the study", NULL, 0, "2013"},
	{"scope", ST_ENUM, false, "master-plan or focused", "master-plan|focused", 0, NULL},
	{"problem", ST_TEXT, false, "the problem the city asked about", NULL, 0, NULL},
	{"proposed", ST_REFS, false, "Seoul systems the study proposed", NULL, KIND_SYSTEM, "[]"},
	{"currency", ST_TEXT, false, "ISO 4217 code of the cost figures (USD, KRW, MZN, …)", NULL, 0, NULL},
	{"phases", ST_MAPS, false, "implementation phases: {name, start: YYYY-MM, months}",
	 "name:text!,start:month!,months:int!", 0, NULL},
	{"costs", ST_MAPS, false, "cost lines: {item, phase (number of the phase), amount}",
	 "item:text!,phase:int!,amount:number!", 0, NULL},
	{"funding", ST_TEXTS, false, "funding options (ODA, development banks, …)", NULL, 0, NULL},
	{"paper", ST_ENUM, false, "print paper when the readers' differs from the language's",
	 "a4|a5|letter|legal", 0, NULL},
	{0}};

static const schema_key page_keys[] = {
	SHARED_KEYS,
	{"menu", ST_BOOL, false, "true to list the page in the site's navigation", NULL, 0, "false"},
	{"menu_title", ST_TEXT, false, "short title for the navigation", NULL, 0, NULL},
	{0}};

static const schema_key kit_keys[] = {
	SHARED_KEYS,
	{"city", ST_REF, true, "the visiting city", NULL, KIND_CITY, "\"\""},
	{"delegation", ST_TEXT, true, "who visits", NULL, 0, "\"\""},
	{"date", ST_DATE, true, "day of the briefing (YYYY-MM-DD)", NULL, 0, NULL},
	{"systems", ST_REFS, false, "systems to present, in order", NULL, KIND_SYSTEM, "[]"},
	{"recommend", ST_REF, false, "present the systems a diagnosis recommends (diagnostics/NAME)",
	 NULL, KIND_DIAGNOSTIC, NULL},
	{"contacts", ST_MAPS, false, "list of {name, role, email}", "name:text!,role:text,email:email", 0, "[]"},
	{"paper", ST_ENUM, false, "print paper when the delegation's differs from the language's",
	 "a4|a5|letter|legal", 0, NULL},
	{0}};

static const schema_key diagnostic_keys[] = {
	SHARED_KEYS,
	{"city", ST_REF, true, "the city diagnosed", NULL, KIND_CITY, "\"\""},
	{"date", ST_DATE, true, "date of the values (YYYY-MM-DD)", NULL, 0, NULL},
	{"problems", ST_IDS, false, "problems the city states", NULL, 0, "[]"},
	{"values", ST_NUMBERS, false, "indicator values: id: number", NULL, 0, NULL},
	{0}};

/* The sections a new page starts with: UI string keys (themes' i18n,
 * "new.system.overview"), each with the English heading used when the
 * theme has no string for it. */
static const char *const system_sections[] = {
	"new.system.overview", "Overview",
	"new.system.policy", "Policy and legal basis",
	"new.system.how", "How it works",
	"new.system.knowhow", "Operating know-how",
	"new.system.results", "Results",
	"new.system.adoption", "What adoption takes",
	NULL};
static const char *const city_sections[] = {
	"new.city.cooperation", "Cooperation with Seoul",
	"new.city.studies", "Feasibility studies",
	NULL};
static const char *const study_sections[] = {
	"new.study.about", "About the study",
	"new.study.problem", "The city's problem",
	"new.study.proposal", "Seoul's proposal",
	"new.study.after", "After the study",
	"new.study.plan", "Implementation plan",
	NULL};
static const char *const kit_sections[] = {
	"new.kit.welcome", "Welcome",
	"new.kit.next", "What this visit can lead to",
	NULL};
static const char *const diagnostic_sections[] = {
	"new.diagnostic.about", "About this diagnosis",
	NULL};

/* In content_kind order: groups, the sitemap and the lists follow it. */
static const kind_def kinds[KIND_COUNT] = {
	[KIND_SYSTEM] = {.name = "system", .dir = "systems", .folder_each = true,
	                 .keys = system_keys, .url = "systems/", .list = "systems",
	                 .home = true, .feed = true, .document = "flyer",
	                 .sections = system_sections},
	[KIND_CITY] = {.name = "city", .dir = "cities", .keys = city_keys, .url = "cities/",
	               .list = "cities", .home = true, .feed = true, .sections = city_sections},
	[KIND_STUDY] = {.name = "study", .dir = "studies", .keys = study_keys,
	                .url = "studies/", .list = "studies", .home = true, .feed = true,
	                .document = "report", .sections = study_sections,
	                .advice = "add the systems the study 'proposed', and its phases and "
	                          "costs when known."},
	[KIND_PAGE] = {.name = "page", .dir = "pages", .keys = page_keys, .url = "",
	               .feed = true},
	[KIND_KIT] = {.name = "kit", .dir = "kits", .keys = kit_keys, .document = "kit",
	              .sections = kit_sections,
	              .advice = "list the 'systems' to present, or name a diagnosis in "
	                        "'recommend'."},
	[KIND_DIAGNOSTIC] = {.name = "diagnostic", .dir = "diagnostics",
	                     .keys = diagnostic_keys, .url = "diagnostics/",
	                     .document = "diagnostic", .sections = diagnostic_sections},
};

const kind_def *kinds_get(content_kind k)
{
	return &kinds[k];
}

int kinds_by_name(const char *name)
{
	for (int k = 0; k < KIND_COUNT; k++)
		if (!strcmp(name, kinds[k].dir) || !strcmp(name, kinds[k].name))
			return k;
	return -1;
}

int kinds_by_document(const char *layout)
{
	for (int k = 0; k < KIND_COUNT; k++)
		if (kinds[k].document && !strcmp(layout, kinds[k].document))
			return k;
	return -1;
}
