/* search_int: what search.c shares with search_store.c, which keeps each
 * document's tokens in a file and writes the postings from it in bounded
 * memory; not for use outside generator/site/. */
#ifndef KITGEN_SEARCH_INT_H
#define KITGEN_SEARCH_INT_H

#include "site/search.h"

/* s as a JSON string, with no markup characters even inside a script. */
void search_json_str(GString *out, const char *s);

/* Writes OUT_DIR/rel (text), or links the previous build's when key is
 * unchanged; counts its bytes in job->bytes. false on a write error. */
bool search_write(search_job *job, const char *rel, const char *text, const char *key);

/* Every document's tokens, as "token\tweight\n" lines, in one file:
 * OUT/.cache/search-tokens, kept for the next build (each document's lines
 * under its key), or a temporary file without a cache. The postings are
 * made from it a range of tokens at a time, so neither the tokens of all
 * documents nor all postings are held in memory at once. */
typedef struct search_store search_store;

/* Opens the store for ndocs documents, reading the index of the previous
 * build's tokens (keys and places only). NULL, with an error in d, when no
 * file can be written. */
search_store *search_store_open(const search_job *job, size_t ndocs);

/* Document doc's tokens are the previous build's under key: copied, true;
 * false when the previous build has none (then render it). Thread-safe. */
bool search_store_copy(search_store *s, size_t doc, const char *key);

/* Document doc's tokens (token -> weight) under key (may be NULL).
 * Thread-safe. */
void search_store_put(search_store *s, size_t doc, const char *key, GHashTable *tokens);

/* Postings of every token, sorted, cut into chunks of about SEARCH_CHUNK
 * bytes, written as search/c/HASH.js; the manifest gets their list. */
bool search_store_chunks(search_store *s, search_job *job, GString *manifest);

/* Closes the store: with keep, the file becomes the next build's cache;
 * otherwise it is removed. */
void search_store_close(search_store *s, bool keep);

#endif
