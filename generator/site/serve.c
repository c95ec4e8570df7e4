/* serve: OUT/site over HTTP with libmicrohttpd, one thread per connection
 * (the event streams block while they wait for a build). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <microhttpd.h>
#include "site/serve.h"

typedef enum { SERVE_STARTING, SERVE_OK, SERVE_FAILED } serve_state;

struct serve {
	char *site_dir;
	struct MHD_Daemon *daemon;
	GMutex lock; /* guards everything below; connection threads read it */
	GCond changed;
	serve_state state;
	char *build_id;    /* changes at every build: open pages reload */
	char *diagnostics; /* of the last build when it failed */
	char *base_url;
	gint64 started;
	int generation;
	bool stopping;
};

/* ---- pieces ----------------------------------------------------------- */

const char *serve_content_type(const char *path)
{
	static const char *const types[][2] = {
		{".html", "text/html; charset=utf-8"},
		{".htm", "text/html; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".mjs", "text/javascript; charset=utf-8"},
		{".json", "application/json"},
		{".svg", "image/svg+xml"},
		{".png", "image/png"},
		{".jpg", "image/jpeg"},
		{".jpeg", "image/jpeg"},
		{".gif", "image/gif"},
		{".webp", "image/webp"},
		{".ico", "image/vnd.microsoft.icon"},
		{".pdf", "application/pdf"},
		{".xml", "application/xml; charset=utf-8"},
		{".txt", "text/plain; charset=utf-8"},
		{".woff2", "font/woff2"},
		{".woff", "font/woff"},
	};
	const char *dot = strrchr(path, '.');
	if (dot && !strchr(dot, '/'))
		for (size_t i = 0; i < G_N_ELEMENTS(types); i++)
			if (!g_ascii_strcasecmp(dot, types[i][0]))
				return types[i][1];
	return "application/octet-stream";
}

char **serve_split_path(const char *url)
{
	if (!url || url[0] != '/' || strchr(url, '\\'))
		return NULL; /* absolute-form targets, "C:\…" and friends */
	char **parts = g_strsplit(url + 1, "/", -1);
	GPtrArray *segs = g_ptr_array_new();
	bool ok = true;
	for (char **p = parts; *p && ok; p++) {
		if (!**p)
			continue; /* "//" and the trailing slash */
		/* ".." climbs out, "." and hidden names are never site files
		 * (the build writes none; .cache, .git must not be reachable). */
		ok = (*p)[0] != '.';
		if (ok)
			g_ptr_array_add(segs, g_strdup(*p));
	}
	g_strfreev(parts);
	if (!ok) {
		g_ptr_array_set_free_func(segs, g_free);
		g_ptr_array_free(segs, TRUE);
		return NULL;
	}
	g_ptr_array_add(segs, NULL);
	return (char **)g_ptr_array_free(segs, FALSE);
}

/* The script is inline and tiny: the pages carry no Content-Security-Policy
 * that would refuse it, and nothing is written to disk. It listens for the
 * build id; any other id than the page's own means a newer build (or this
 * server restarted): reload. */
static char *serve_script(const char *build_id)
{
	return g_strdup_printf(
		"<script>/* kitgen serve: live reload */(function(){var b=\"%s\";"
		"if(!window.EventSource)return;var s=new EventSource(\"/__kitgen/events\");"
		"s.onmessage=function(e){if(e.data!==b){s.close();location.reload();}};})();"
		"</script>\n",
		build_id);
}

/* html with text put in at byte at. Owned; its length in *out_len. */
static char *serve_insert(const char *html, size_t len, size_t at, const char *text,
                          size_t *out_len)
{
	GString *out = g_string_sized_new(len + strlen(text));
	g_string_append_len(out, html, (gssize)at);
	g_string_append(out, text);
	g_string_append_len(out, html + at, (gssize)(len - at));
	*out_len = out->len;
	return g_string_free(out, FALSE);
}

char *serve_inject(const char *html, size_t len, const char *build_id, size_t *out_len)
{
	char *script = serve_script(build_id);
	/* Before the last </body>, or at the end when there is none. */
	size_t at = len;
	for (size_t i = len >= 7 ? len - 7 + 1 : 0; i-- > 0;)
		if (!g_ascii_strncasecmp(html + i, "</body>", 7)) {
			at = i;
			break;
		}
	char *out = serve_insert(html, len, at, script, out_len);
	g_free(script);
	return out;
}

bool serve_address(const char *bind, int port, struct sockaddr_storage *addr,
                   bool *loopback, GError **err)
{
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res = NULL;
	int rc = getaddrinfo(bind, NULL, &hints, &res);
	if (rc != 0 || !res) {
		g_set_error(err, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
		            "--bind %s: %s", bind, rc ? gai_strerror(rc) : "no address");
		return false;
	}
	/* An IPv4 address first when a name has both ("localhost"). */
	struct addrinfo *pick = res;
	for (struct addrinfo *a = res; a; a = a->ai_next)
		if (a->ai_family == AF_INET) {
			pick = a;
			break;
		}
	memset(addr, 0, sizeof *addr);
	memcpy(addr, pick->ai_addr, pick->ai_addrlen);
	if (addr->ss_family == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *)addr;
		in->sin_port = htons((uint16_t)port);
		*loopback = (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	} else {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)addr;
		in6->sin6_port = htons((uint16_t)port);
		const uint8_t *b = in6->sin6_addr.s6_addr;
		*loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr) ||
		            (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr) && b[12] == 127);
	}
	freeaddrinfo(res);
	return true;
}

/* ---- responses -------------------------------------------------------- */

static enum MHD_Result serve_send(struct MHD_Connection *c, unsigned status,
                                  struct MHD_Response *r, const char *type)
{
	if (!r)
		return MHD_NO;
	if (type)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	/* A preview is never cached: the next build may change anything. */
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	enum MHD_Result ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result serve_text(struct MHD_Connection *c, unsigned status, const char *text)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
		strlen(text), (void *)text, MHD_RESPMEM_MUST_COPY);
	return serve_send(c, status, r, "text/plain; charset=utf-8");
}

/* Sends html (owned, taken) as a page: with the reload script. */
static enum MHD_Result serve_html(serve *s, struct MHD_Connection *c, unsigned status,
                                  char *html, size_t len)
{
	g_mutex_lock(&s->lock);
	char *id = g_strdup(s->build_id);
	g_mutex_unlock(&s->lock);
	size_t n;
	char *page = serve_inject(html, len, id, &n);
	g_free(html);
	g_free(id);
	struct MHD_Response *r = MHD_create_response_from_buffer_with_free_callback(n, page, g_free);
	return serve_send(c, status, r, "text/html; charset=utf-8");
}

/* A page of our own (build failed, still building): the text escaped. */
static enum MHD_Result serve_notice(serve *s, struct MHD_Connection *c, unsigned status,
                                    const char *title, const char *lead, const char *text)
{
	char *t = g_markup_escape_text(title, -1), *l = g_markup_escape_text(lead, -1);
	char *body = g_markup_escape_text(text ? text : "", -1);
	char *html = g_strdup_printf(
		"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		"<title>%s</title><style>"
		"body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}"
		"h1{font-size:1.4rem;color:#b00020}pre{background:#1e1e1e;color:#eee;padding:1rem;"
		"overflow:auto;white-space:pre-wrap;font:14px/1.45 ui-monospace,monospace;border-radius:6px}"
		"p.note{color:#555}</style></head>\n<body>\n<h1 id=\"kitgen-status\">%s</h1>\n<p>%s</p>\n"
		"%s%s%s"
		"<p class=\"note\">kitgen serve reloads this page by itself.</p>\n</body></html>\n",
		t, t, l, *body ? "<pre id=\"kitgen-diagnostics\">" : "", body, *body ? "</pre>\n" : "");
	g_free(t);
	g_free(l);
	g_free(body);
	return serve_html(s, c, status, html, strlen(html));
}

/* The last good page with the failed build's problems above it: the author
 * sees what to fix and, below, the page as it was. Owned. */
static char *serve_with_problems(const char *html, size_t len, const char *diagnostics,
                                 size_t *out_len)
{
	char *text = g_markup_escape_text(diagnostics ? diagnostics : "", -1);
	char *banner = g_strdup_printf(
		"<div id=\"kitgen-status\" role=\"alert\" style=\"all:initial;display:block;"
		"font:15px/1.45 system-ui,sans-serif;background:#fff4f4;color:#222;"
		"border-bottom:3px solid #b00020;padding:1rem\"><strong style=\"color:#b00020\">"
		"kitgen: the build failed.</strong> Below is the last good build of this page."
		"<pre id=\"kitgen-diagnostics\" style=\"white-space:pre-wrap;overflow:auto;"
		"max-height:50vh;background:#1e1e1e;color:#eee;padding:.75rem;"
		"font:13px/1.4 ui-monospace,monospace\">%s</pre></div>\n", text);
	g_free(text);
	/* Right after <body …>, or at the start when there is none. */
	size_t at = 0;
	for (size_t i = 0; i + 5 <= len; i++)
		if (!g_ascii_strncasecmp(html + i, "<body", 5)) {
			const char *gt = memchr(html + i, '>', len - i);
			at = gt ? (size_t)(gt - html) + 1 : 0;
			break;
		}
	char *out = serve_insert(html, len, at, banner, out_len);
	g_free(banner);
	return out;
}

/* Opens path (segments) below the site without following a symlink
 * anywhere: each step is an openat with O_NOFOLLOW from the folder before.
 * The site folder itself is opened by name at each request, so a build's
 * swap of OUT/site is seen whole. -1 with errno when not there. */
static int serve_open(const char *site_dir, char **segs, struct stat *st)
{
	int fd = open(site_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (char **p = segs; fd >= 0 && *p; p++) {
		int next = openat(fd, *p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
		close(fd);
		fd = next;
		struct stat dst;
		if (fd >= 0 && p[1] && (fstat(fd, &dst) != 0 || !S_ISDIR(dst.st_mode))) {
			close(fd);
			fd = -1;
			errno = ENOTDIR;
		}
	}
	if (fd >= 0 && fstat(fd, st) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static char *serve_read_fd(int fd, size_t *len)
{
	GString *s = g_string_new(NULL);
	char buf[65536];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		g_string_append_len(s, buf, n);
	close(fd);
	*len = s->len;
	return g_string_free(s, FALSE);
}

/* The 404 page links through base_url (it is served at any depth); here
 * the site is at "/", so those links are made local. */
static char *serve_localise(serve *s, char *html, size_t *len)
{
	g_mutex_lock(&s->lock);
	char *base = s->base_url && *s->base_url ? g_strconcat("=\"", s->base_url, NULL) : NULL;
	g_mutex_unlock(&s->lock);
	if (!base)
		return html;
	GString *out = g_string_new(NULL);
	const char *p = html, *hit;
	while ((hit = strstr(p, base))) {
		g_string_append_len(out, p, hit - p);
		g_string_append(out, "=\"/");
		p = hit + strlen(base);
	}
	g_string_append(out, p);
	g_free(base);
	g_free(html);
	*len = out->len;
	return g_string_free(out, FALSE);
}

static enum MHD_Result serve_not_found(serve *s, struct MHD_Connection *c)
{
	char *segs[] = {"404.html", NULL};
	struct stat st;
	int fd = serve_open(s->site_dir, segs, &st);
	if (fd < 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		return serve_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
	}
	size_t len;
	char *html = serve_read_fd(fd, &len);
	html = serve_localise(s, html, &len);
	return serve_html(s, c, MHD_HTTP_NOT_FOUND, html, len);
}

/* ---- live reload: Server-Sent Events ---------------------------------- */

typedef struct {
	serve *s;
	char *sent; /* the build id this stream last sent */
} serve_stream;

/* Runs in the connection's own thread: waits for a new build id, sends
 * it; a comment every 15 s keeps proxies and the browser patient and finds
 * out when the page has gone. */
static ssize_t serve_events_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)pos;
	serve_stream *st = cls;
	serve *s = st->s;
	g_mutex_lock(&s->lock);
	gint64 deadline = g_get_monotonic_time() + 15 * G_TIME_SPAN_SECOND;
	while (!s->stopping && !g_strcmp0(st->sent, s->build_id))
		if (!g_cond_wait_until(&s->changed, &s->lock, deadline))
			break;
	ssize_t n;
	if (s->stopping) {
		n = MHD_CONTENT_READER_END_OF_STREAM;
	} else if (!g_strcmp0(st->sent, s->build_id)) {
		n = snprintf(buf, max, ": waiting\n\n");
	} else {
		n = snprintf(buf, max, "retry: 1000\ndata: %s\n\n", s->build_id);
		g_free(st->sent);
		st->sent = g_strdup(s->build_id);
	}
	g_mutex_unlock(&s->lock);
	return n;
}

static void serve_events_free(void *cls)
{
	serve_stream *st = cls;
	g_free(st->sent);
	g_free(st);
}

static enum MHD_Result serve_events(serve *s, struct MHD_Connection *c)
{
	serve_stream *st = g_new0(serve_stream, 1);
	st->s = s;
	struct MHD_Response *r = MHD_create_response_from_callback(
		MHD_SIZE_UNKNOWN, 256, serve_events_read, st, serve_events_free);
	return serve_send(c, MHD_HTTP_OK, r, "text/event-stream");
}

static enum MHD_Result serve_status(serve *s, struct MHD_Connection *c)
{
	static const char *const names[] = {"building", "ok", "failed"};
	g_mutex_lock(&s->lock);
	char *json = g_strdup_printf("{\"build\":\"%s\",\"state\":\"%s\"}\n", s->build_id,
	                             names[s->state]);
	g_mutex_unlock(&s->lock);
	struct MHD_Response *r =
		MHD_create_response_from_buffer_with_free_callback(strlen(json), json, g_free);
	return serve_send(c, MHD_HTTP_OK, r, "application/json");
}

/* ---- requests ---------------------------------------------------------- */

static enum MHD_Result serve_request(void *cls, struct MHD_Connection *c, const char *url,
                                     const char *method, const char *version,
                                     const char *upload, size_t *upload_size, void **req)
{
	(void)version;
	(void)upload;
	serve *s = cls;
	/* First call: headers only. Answer on the second, as MHD expects. */
	if (!*req) {
		*req = s;
		return MHD_YES;
	}
	if (*upload_size)
		return MHD_NO; /* a body nobody asked for */
	if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
		return serve_text(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD\n");
	if (!strcmp(url, "/__kitgen/events"))
		return serve_events(s, c);
	if (!strcmp(url, "/__kitgen/status"))
		return serve_status(s, c);
	char **segs = serve_split_path(url);
	if (!segs)
		return serve_text(c, MHD_HTTP_BAD_REQUEST, "bad path\n");
	struct stat st;
	int fd = serve_open(s->site_dir, segs, &st);
	bool is_dir = fd >= 0 && S_ISDIR(st.st_mode);
	if (is_dir && !g_str_has_suffix(url, "/")) {
		/* Pages link relative to their folder: "en/systems" must be
		 * "en/systems/" for "../" to mean what the build meant. */
		close(fd);
		g_strfreev(segs);
		char *to = g_strconcat(url, "/", NULL);
		struct MHD_Response *r = MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, to);
		g_free(to);
		return serve_send(c, MHD_HTTP_MOVED_PERMANENTLY, r, NULL);
	}
	if (is_dir) {
		int index = openat(fd, "index.html", O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
		close(fd);
		fd = index;
		if (fd >= 0 && fstat(fd, &st) != 0) {
			close(fd);
			fd = -1;
		}
	}
	const char *name = is_dir ? "index.html" : (segs[0] ? segs[g_strv_length(segs) - 1] : "");
	const char *type = serve_content_type(name);
	g_strfreev(segs);
	bool html = g_str_has_prefix(type, "text/html");
	if (fd >= 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		fd = -1;
	}
	g_mutex_lock(&s->lock);
	serve_state state = s->state;
	char *diagnostics = g_strdup(s->diagnostics);
	g_mutex_unlock(&s->lock);
	/* A failed build shows on every page (and on missing ones, where an
	 * author is most likely to look after adding a page) until the next
	 * good one; styles, scripts and images are still the last good site's. */
	if (state == SERVE_FAILED && html && fd >= 0) {
		size_t len;
		char *text = serve_read_fd(fd, &len);
		char *page = serve_with_problems(text, len, diagnostics, &len);
		g_free(text);
		g_free(diagnostics);
		return serve_html(s, c, MHD_HTTP_INTERNAL_SERVER_ERROR, page, len);
	}
	if (state == SERVE_FAILED && fd < 0) {
		enum MHD_Result r = serve_notice(
			s, c, MHD_HTTP_INTERNAL_SERVER_ERROR, "kitgen: the build failed",
			"The last build stopped on these problems, and the last good build has no "
			"page here; this page comes back when the next build succeeds.",
			diagnostics);
		g_free(diagnostics);
		return r;
	}
	g_free(diagnostics);
	if (fd < 0) {
		struct stat rst;
		if (state == SERVE_STARTING && stat(s->site_dir, &rst) != 0)
			return serve_notice(s, c, MHD_HTTP_SERVICE_UNAVAILABLE, "kitgen: building",
			                    "The first build is running; this page reloads when it is done.",
			                    NULL);
		return serve_not_found(s, c);
	}
	if (html) {
		size_t len;
		char *text = serve_read_fd(fd, &len);
		return serve_html(s, c, MHD_HTTP_OK, text, len);
	}
	struct MHD_Response *r = MHD_create_response_from_fd64((uint64_t)st.st_size, fd);
	return serve_send(c, MHD_HTTP_OK, r, type);
}

/* ---- life -------------------------------------------------------------- */

static void serve_new_id(serve *s)
{
	g_free(s->build_id);
	/* The start time makes ids of a restarted server differ too. */
	s->build_id = g_strdup_printf("%" G_GINT64_MODIFIER "x-%d", s->started, s->generation++);
}

serve *serve_new(const char *site_dir, const struct sockaddr_storage *addr, GError **err)
{
	serve *s = g_new0(serve, 1);
	s->site_dir = g_strdup(site_dir);
	g_mutex_init(&s->lock);
	g_cond_init(&s->changed);
	s->started = g_get_real_time();
	serve_new_id(s);
	/* No MHD_USE_ERROR_LOG: a browser leaving a page mid-stream is not news. */
	unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD;
	if (addr->ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	s->daemon = MHD_start_daemon(flags, 0, NULL, NULL, serve_request, s,
	                             MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)addr,
	                             MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)120,
	                             MHD_OPTION_END);
	if (!s->daemon) {
		g_set_error(err, G_IO_ERROR, G_IO_ERROR_FAILED,
		            "cannot listen on port %d (in use? try --port)",
		            ntohs(addr->ss_family == AF_INET6
		                          ? ((const struct sockaddr_in6 *)addr)->sin6_port
		                          : ((const struct sockaddr_in *)addr)->sin_port));
		serve_free(s);
		return NULL;
	}
	return s;
}

int serve_port(const serve *s)
{
	const union MHD_DaemonInfo *i = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	return i ? i->port : 0;
}

void serve_set_build(serve *s, bool ok, const char *diagnostics)
{
	g_mutex_lock(&s->lock);
	s->state = ok ? SERVE_OK : SERVE_FAILED;
	g_free(s->diagnostics);
	s->diagnostics = ok ? NULL : g_strdup(diagnostics);
	serve_new_id(s);
	g_cond_broadcast(&s->changed);
	g_mutex_unlock(&s->lock);
}

void serve_set_base_url(serve *s, const char *base_url)
{
	g_mutex_lock(&s->lock);
	g_free(s->base_url);
	s->base_url = g_strdup(base_url);
	g_mutex_unlock(&s->lock);
}

void serve_free(serve *s)
{
	if (!s)
		return;
	g_mutex_lock(&s->lock);
	s->stopping = true;
	g_cond_broadcast(&s->changed);
	g_mutex_unlock(&s->lock);
	if (s->daemon)
		MHD_stop_daemon(s->daemon); /* joins the connection threads */
	g_cond_clear(&s->changed);
	g_mutex_clear(&s->lock);
	g_free(s->build_id);
	g_free(s->diagnostics);
	g_free(s->base_url);
	g_free(s->site_dir);
	g_free(s);
}
