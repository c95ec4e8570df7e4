/* search: the site's search index, an output made from the same model as
 * the pages. Written as .js chunks that a page loads with <script> tags, so
 * it works from a web host and from file:// (assets/search.js reads it). */
#ifndef KITGEN_SEARCH_H
#define KITGEN_SEARCH_H

#include "build/reads.h"
#include "build/cache.h"
#include "model/model.h"
#include "site/site.h"

/* What the index is made from and where it goes: nothing else is read. */
typedef struct {
	model *model;         /* the items per language (borrowed) */
	GPtrArray *downloads; /* site_download*: PDFs, found by title; may be NULL */
	const char *out_dir;  /* the build's output folder: OUT_DIR/search/ */
	reads_book *book;     /* the values of what documents read (reads.h), or NULL */
	out_cache *cache;     /* previous outputs to reuse, or NULL */
	const char *cache_dir; /* OUT/.cache: each document's tokens, or NULL */
	int jobs;             /* threads, 1 or more */
	diag_list *d;
	/* Filled in by search_build. */
	size_t docs, chunks, bytes; /* bytes: of the files written */
} search_job;

/* Writes OUT_DIR/search/index.js (the manifest: chunk boundaries and the
 * documents' languages), search/c/HASH.js (postings of a range of tokens)
 * and search/d/N.js (one document's address, title and text for the
 * snippet). false when a file could not be written. */
bool search_build(search_job *job);

/* The tokens of text as the index and assets/search.js see them: folded
 * (NFD, accents U+0300–U+036F removed, NFC, lower case), split into words
 * by ICU's word break iterator; runs of Han, Hangul and kana (across word
 * boundaries that touch) give their character bigrams, or the character
 * when alone; other words of two characters or more are tokens. emit gets
 * each token (UTF-8, NUL-terminated) in text order. */
void search_tokenize(const char *text, void (*emit)(const char *token, void *data), void *data);

#endif
