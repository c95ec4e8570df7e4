/* publish: the printed documents — briefing kits, one-page system flyers,
 * F/S reports. Each is a print document composed by the theme's print
 * XSLT from the model and laid out by the paginator into a PDF. */
#ifndef KITGEN_PUBLISH_H
#define KITGEN_PUBLISH_H

#include "build/output.h"
#include "model/model.h"
#include "print/print.h"
#include "site/site.h"
#include "site/xslt.h"

typedef struct {
	model *model;
	const char *theme_dir;
	const char *base_dir;  /* where print documents' images are (the staging site) */
	const char *generator;
	const char *fonts_conf, *fonts_cache; /* private fontconfig for the PDFs */
	int jobs;              /* worker processes, 1 or more (1: this one) */
	int pdf_standard;      /* PRINT_STANDARD_*: what the PDFs conform to */
	out_cache *cache;      /* previous PDFs to reuse, or NULL */
	print_style *style;    /* loaded by publish_open */
	xslt_sheet *sheet;     /* the theme's print/document.xsl */
	struct model_shown *shown; /* print/settings.xml: what documents show of related pages */
	GPtrArray *downloads;  /* site_download*, filled by publish_all */
	int documents;         /* made or reused */
	GMutex lock;
	/* progress (authoring): called after each output is written or reused,
	 * with its path inside the site. May be NULL. */
	void (*on_output)(void *ctx, const char *path);
	void *on_output_ctx;
	diag_list *d;
	GHashTable *used; /* while set, the content_groups a composed document presents */
} publish_job;

/* True when base (site.yaml's base_url) is unset or a reserved example or
 * test domain: PDFs then carry no web address or QR code. */
bool publish_offline(const char *base);

/* Loads the theme's print stylesheet and styles; warns (once) when the
 * base URL is offline. */
bool publish_open(publish_job *job);
void publish_close(publish_job *job);

/* Every document in every language that has the content: PDFs under
 * OUT/pdf/LANG/KIND-NAME.pdf, listed in job->downloads. Made in job->jobs
 * worker processes: cairo 1.16 cannot lay out in two threads at once. */
bool publish_all(publish_job *job, const char *out_dir);

/* Lists the PDFs already under OUT/pdf (kept from an earlier build) in
 * job->downloads, for a build of the website alone. */
void publish_kept(publish_job *job, const char *out_dir);

/* The PDFs as an output (output.h) named "pdf", its self a publish_output:
 * publish_all into out_dir, or with make false (kitgen build --only site)
 * publish_kept, so that the pages still list the PDFs kept. */
typedef struct {
	publish_job *job; /* opened (publish_open) */
	const char *out_dir;
	bool make;
} publish_output;

extern const output_def publish_pdf_output;

/* One document (kind: kit, flyer, report) to pdf_path. */
bool publish_one(publish_job *job, const char *kind, const char *slug, const char *lang,
                 const char *pdf_path);

/* The content a document presents (content_group* set: its own group, its
 * city, systems, diagnosis), as composing it finds them. Owned. */
GHashTable *publish_sources(publish_job *job, const char *layout, const char *slug,
                            const char *lang);

/* The kind of content a layout prints: kit, report (study), flyer (system),
 * diagnostic. */
content_kind publish_layout_kind(const char *layout);

void site_download_free(site_download *d);

#endif
