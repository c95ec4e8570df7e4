/* serve: the preview server of `kitgen serve` — OUT/site over HTTP on this
 * machine (libmicrohttpd), with a live-reload script added to the HTML it
 * sends and the diagnostics of a failed build shown in place of pages. */
#ifndef KITGEN_SERVE_H
#define KITGEN_SERVE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>
#include <glib.h>

typedef struct serve serve;

/* An address to listen on: bind is a numeric IPv4/IPv6 address or a host
 * name ("localhost"); *loopback says whether only this machine can reach
 * it. false with err when bind does not resolve. */
bool serve_address(const char *bind, int port, struct sockaddr_storage *addr,
                   bool *loopback, GError **err);

/* Starts serving site_dir (OUT/site, read again at every request, so the
 * build's one-rename swap is seen at once) on addr; port 0 picks a free
 * one. NULL with err when the port cannot be had. */
serve *serve_new(const char *site_dir, const struct sockaddr_storage *addr, GError **err);
/* The port it listens on. */
int serve_port(const serve *s);
/* After each build: ok, or the build's diagnostics (plain text), shown
 * on every HTML page until the next good build. Open pages reload. */
void serve_set_build(serve *s, bool ok, const char *diagnostics);
/* base_url of site.yaml: the 404 page's links through it are made local. */
void serve_set_base_url(serve *s, const char *base_url);
/* Ends open event streams, stops the server and frees it. */
void serve_free(serve *s);

/* Pieces, for tests. */
/* The Content-Type for a file name (static string). */
const char *serve_content_type(const char *path);
/* The path's segments when it is safe to look up below the site (starts
 * with '/', no '..' or '.' segment, no hidden name, no backslash); NULL
 * otherwise. Owned; g_strfreev. */
char **serve_split_path(const char *url);
/* html with the reload script for build_id before its </body>. Owned. */
char *serve_inject(const char *html, size_t len, const char *build_id, size_t *out_len);

#endif
