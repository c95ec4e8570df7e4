/* cmd_serve: kitgen serve — build, serve OUT/site on this machine, and
 * build again when content or theme change; open pages reload.
 *
 * Each build is `kitgen build` itself, run as a child process with the same
 * options: the same code path, staging folder and one-rename swap (so the
 * server always reads a whole site, old or new), the build's own cache of
 * unchanged outputs, and a crash or leak in a build cannot take the server
 * down. Its diagnostics are captured and shown in the browser. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib-unix.h>
#include "cli/cli.h"
#include "load/config.h"
#include "build/guard.h"
#include "build/out.h"
#include "site/serve.h"

/* An editor's save is a few events within a millisecond or two; a longer
 * burst (git checkout) keeps restarting the wait. Every millisecond here
 * is one the reader waits for the reload (issue 13: 0.5 s for a page). */
#define KG_DEBOUNCE_MS 100

typedef struct {
	const kg_options *o;
	serve *server;
	char *self, *site_dir;
	GMainLoop *loop;
	int inotify;
	GHashTable *watches; /* wd -> folder (owned) */
	char *out_abs;       /* OUT, never watched: a build must not start a build */
	GSubprocess *child;  /* the build running, or NULL */
	guint debounce;      /* timeout source, or 0 */
	bool pending;        /* changes came during the build */
	bool quitting;
	char *changed;       /* first file changed since the last build */
	gint64 build_start;
	int builds;
	/* A preview builds in phases, so that an edit shows at once: the pages
	 * (with the PDFs of the last build), then the PDFs in the background,
	 * then the pages again when PDFs changed (downloads lists them). An
	 * edit during the PDF phase stops it and starts again with the pages. */
	enum { KG_PAGES, KG_PDFS, KG_PAGES_AGAIN } phase;
} kg_server;

/* Editors' and tools' temporary, swap and backup files: no build, no log
 * line for those (vim's .swp and 4913, emacs's #x# and .#x, sed -i's
 * sedXXXXXX, JetBrains' ___jb_tmp___, x~, x.bak, x.orig). */
static bool kg_ignored(const char *name)
{
	static const char *const suffixes[] = {"~", ".swp", ".swo", ".swx", ".tmp", ".bak",
	                                       ".orig", ".rej", ".kate-swp", "___jb_tmp___",
	                                       "___jb_old___", NULL};
	for (const char *const *x = suffixes; *x; x++)
		if (g_str_has_suffix(name, *x))
			return true;
	bool sed_temp = strlen(name) == 9 && g_str_has_prefix(name, "sed") &&
	                strspn(name + 3, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                                 "0123456789") == 6;
	return name[0] == '.' || name[0] == '#' || sed_temp || !strcmp(name, "4913");
}

/* Watches dir and every folder below it (symlinks not followed). */
static void kg_watch_tree(kg_server *s, const char *dir)
{
	char *abs = g_canonicalize_filename(dir, NULL);
	bool is_out = !strcmp(abs, s->out_abs);
	g_free(abs);
	if (is_out)
		return;
	const uint32_t mask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
	                      IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR |
	                      IN_DONT_FOLLOW | IN_EXCL_UNLINK;
	int wd = inotify_add_watch(s->inotify, dir, mask);
	if (wd < 0) {
		fprintf(stderr, "kitgen serve: cannot watch %s: %s\n", dir, g_strerror(errno));
		return;
	}
	g_hash_table_replace(s->watches, GINT_TO_POINTER(wd), g_strdup(dir));
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *n;
	while (d && (n = g_dir_read_name(d))) {
		if (kg_ignored(n))
			continue;
		char *p = g_build_filename(dir, n, NULL);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			kg_watch_tree(s, p);
		g_free(p);
	}
	if (d)
		g_dir_close(d);
}


/* The 404 page links through base_url: tell the server which it is. */
static void kg_read_base_url(kg_server *s)
{
	char *path = g_build_filename(s->o->content, "site.yaml", NULL);
	diag_list *d = diag_new();
	site_config *c = config_load(path, d);
	if (c)
		serve_set_base_url(s->server, c->base_url);
	config_free(c);
	diag_free(d);
	g_free(path);
}

static void kg_start_build(kg_server *s);

static const char *kg_phase_name(const kg_server *s)
{
	return s->o->only ? s->o->only : s->phase == KG_PDFS ? "PDFs" : "pages";
}


static gboolean kg_debounced(gpointer data)
{
	kg_server *s = data;
	s->debounce = 0;
	kg_start_build(s);
	return G_SOURCE_REMOVE;
}

/* Waits for the changes to settle (an editor's save is several events,
 * `git checkout` hundreds) before building once. */
static void kg_changed(kg_server *s, const char *path)
{
	if (!s->changed)
		s->changed = g_strdup(path);
	if (s->child && s->phase == KG_PDFS) { /* the pages first: the PDFs can wait */
		g_subprocess_send_signal(s->child, SIGTERM);
		s->phase = KG_PAGES;
		s->pending = true;
		return;
	}
	if (s->child) {
		s->pending = true;
		return;
	}
	if (s->debounce)
		g_source_remove(s->debounce);
	s->debounce = g_timeout_add(KG_DEBOUNCE_MS, kg_debounced, s);
}

static gboolean kg_on_inotify(gint fd, GIOCondition cond, gpointer data)
{
	(void)cond;
	kg_server *s = data;
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t len;
	while ((len = read(fd, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + len;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			p += sizeof *e + e->len;
			const char *dir = g_hash_table_lookup(s->watches, GINT_TO_POINTER(e->wd));
			if (e->mask & IN_Q_OVERFLOW) {
				kg_changed(s, "(many files)");
				continue;
			}
			if (e->mask & IN_IGNORED) {
				g_hash_table_remove(s->watches, GINT_TO_POINTER(e->wd));
				continue;
			}
			if (!dir || (e->len && kg_ignored(e->name)))
				continue;
			char *path = e->len ? g_build_filename(dir, e->name, NULL) : g_strdup(dir);
			char *abs = g_canonicalize_filename(path, NULL);
			bool in_out = g_str_has_prefix(abs, s->out_abs) &&
			              (!abs[strlen(s->out_abs)] || abs[strlen(s->out_abs)] == '/');
			g_free(abs);
			if (in_out) { /* OUT inside a watched folder: its own writes */
				g_free(path);
				continue;
			}
			/* A new folder (mkdir, or moved in): watch it and all in it. */
			if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)))
				kg_watch_tree(s, path);
			kg_changed(s, path);
			g_free(path);
		}
	}
	return G_SOURCE_CONTINUE;
}

static void kg_built(GObject *source, GAsyncResult *res, gpointer data)
{
	kg_server *s = data;
	char *out = NULL, *err = NULL;
	GError *error = NULL;
	g_subprocess_communicate_utf8_finish(G_SUBPROCESS(source), res, &out, &err, &error);
	bool ok = !error && g_subprocess_get_if_exited(s->child) &&
	          g_subprocess_get_exit_status(s->child) == 0;
	g_clear_object(&s->child);
	double secs = (double)(g_get_monotonic_time() - s->build_start) / 1e6;
	if (s->quitting) {
		/* Ctrl-C during a build: whatever it printed is not news. */
	} else if (error) {
		fprintf(stderr, "kitgen serve: cannot run the build: %s\n", error->message);
		serve_set_build(s->server, false, error->message);
	} else {
		if (err && *err)
			fputs(err, stderr);
		if (ok && out && *out && !s->o->quiet)
			fputs(out, stdout);
		if (ok) {
			kg_read_base_url(s);
			if (!s->o->quiet)
				printf("kitgen serve: build %d (%s) done in %.1f s; open pages reload\n",
				       s->builds, kg_phase_name(s), secs);
		} else if (s->pending && s->phase == KG_PAGES) {
			/* the PDF phase, stopped for a newer edit: not a failure */
		} else {
			fprintf(stderr, "kitgen serve: build %d failed; the browser shows why, and "
			                "assets of the last good build, until the next good build\n",
			        s->builds);
		}
		if (ok || !(s->pending && s->phase == KG_PAGES))
			serve_set_build(s->server, ok, err && *err ? err : "the build failed");
	}
	fflush(stdout);
	bool next = ok && !s->quitting && !s->pending && !s->o->only;
	int made = 0;
	const char *m = out ? strstr(out, " made, ") : NULL;
	while (m && m > out && g_ascii_isdigit(m[-1]))
		m--;
	if (m)
		made = atoi(m);
	g_free(out);
	g_free(err);
	if (error)
		g_error_free(error);
	if (s->quitting) {
		g_main_loop_quit(s->loop);
	} else if (s->pending) {
		s->pending = false;
		s->phase = KG_PAGES;
		kg_changed(s, s->changed ? s->changed : "");
	} else if (next && s->phase == KG_PAGES) {
		s->phase = KG_PDFS;
		kg_start_build(s);
	} else if (next && s->phase == KG_PDFS && made > 0) {
		s->phase = KG_PAGES_AGAIN;
		kg_start_build(s);
	} else {
		s->phase = KG_PAGES;
	}
}

/* Runs `kitgen build` with this run's options, asynchronously: the phase's
 * half (--only site or pdf) unless the options name one. */
static void kg_start_build(kg_server *s)
{
	const kg_options *o = s->o;
	const char *only = o->only ? o->only : s->phase == KG_PDFS ? "pdf" : "site";
	GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(argv, g_strdup(s->self));
	g_ptr_array_add(argv, g_strdup("build"));
	const char *pairs[][2] = {{"--content", o->content}, {"--theme", o->theme},
	                          {"--out", o->out},         {"--fonts", o->fonts},
	                          {"--lang", o->lang},       {"--only", only}};
	for (size_t i = 0; i < G_N_ELEMENTS(pairs); i++)
		if (pairs[i][1]) {
			g_ptr_array_add(argv, g_strdup(pairs[i][0]));
			g_ptr_array_add(argv, g_strdup(pairs[i][1]));
		}
	if (o->jobs > 0)
		g_ptr_array_add(argv, g_strdup_printf("--jobs=%d", o->jobs));
	if (o->strict)
		g_ptr_array_add(argv, g_strdup("--strict"));
	if (o->drafts)
		g_ptr_array_add(argv, g_strdup("--drafts"));
	g_ptr_array_add(argv, NULL);
	s->builds++;
	if (!o->quiet) {
		if (s->changed)
			printf("kitgen serve: %s changed; building %s…\n", s->changed, kg_phase_name(s));
		else
			printf("kitgen serve: building %s…\n", kg_phase_name(s));
		fflush(stdout);
	}
	g_clear_pointer(&s->changed, g_free);
	s->build_start = g_get_monotonic_time();
	GError *error = NULL;
	s->child = g_subprocess_newv((const char *const *)argv->pdata,
	                             G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
	                             &error);
	g_ptr_array_free(argv, TRUE);
	if (!s->child) {
		fprintf(stderr, "kitgen serve: cannot run the build: %s\n", error->message);
		serve_set_build(s->server, false, error->message);
		g_error_free(error);
		return;
	}
	g_subprocess_communicate_utf8_async(s->child, NULL, NULL, kg_built, s);
}

/* Ctrl-C: stop the build if one runs (its staging folder is removed),
 * then the server. A second Ctrl-C does not wait for the build. */
static gboolean kg_on_signal(gpointer data)
{
	kg_server *s = data;
	if (s->child) {
		g_subprocess_send_signal(s->child, s->quitting ? SIGKILL : SIGTERM);
		s->quitting = true;
		return G_SOURCE_CONTINUE;
	}
	s->quitting = true;
	g_main_loop_quit(s->loop);
	return G_SOURCE_CONTINUE;
}

int cmd_serve(const kg_options *o)
{
	const char *bind = o->bind ? o->bind : "127.0.0.1";
	int port = o->port;
	if (port < 0 || port > 65535) {
		fprintf(stderr, "kitgen serve: --port %d: use 1 to 65535 (0: any free port)\n", port);
		return 2;
	}
	struct sockaddr_storage addr;
	bool loopback = false;
	GError *err = NULL;
	if (!serve_address(bind, port, &addr, &loopback, &err)) {
		fprintf(stderr, "kitgen serve: %s\n", err->message);
		g_error_free(err);
		return 2;
	}
	if (!loopback && !o->allow_remote) {
		fprintf(stderr,
		        "kitgen serve: --bind %s is not a loopback address: the preview would be "
		        "open to the network.\n"
		        "  = hint: use --bind 127.0.0.1 (the default), or add --allow-remote if "
		        "everyone who can reach this machine may read the unpublished site\n",
		        bind);
		return 2;
	}
	kg_server s = {.o = o, .inotify = -1};
	s.self = g_file_read_link("/proc/self/exe", NULL);
	if (!s.self) {
		fprintf(stderr, "kitgen serve: cannot find the kitgen executable\n");
		return 1;
	}
	char *out = kg_out_for_langs(o); /* a --lang build's partial site */
	s.site_dir = g_build_filename(out, "site", NULL);
	s.out_abs = g_canonicalize_filename(o->out, NULL);
	g_free(out);
	s.watches = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	s.inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (s.inotify < 0) {
		fprintf(stderr, "kitgen serve: inotify: %s\n", g_strerror(errno));
		return 1;
	}
	/* Watch before the first build: a save during it is not missed. */
	kg_watch_tree(&s, o->content);
	kg_watch_tree(&s, o->theme);
	s.server = serve_new(s.site_dir, &addr, &err);
	if (!s.server) {
		fprintf(stderr, "kitgen serve: %s\n", err->message);
		g_error_free(err);
		close(s.inotify);
		g_hash_table_destroy(s.watches);
		g_free(s.out_abs);
		g_free(s.site_dir);
		g_free(s.self);
		return 1;
	}
	kg_read_base_url(&s);
	bool v6 = addr.ss_family == AF_INET6;
	char host[64];
	if (v6)
		g_snprintf(host, sizeof host, "[%s]", bind);
	else
		g_strlcpy(host, !strcmp(bind, "localhost") ? "127.0.0.1" : bind, sizeof host);
	/* The address line is always printed: it is what the command is for
	 * (and tests started with --port 0 read the port from it). */
	printf("kitgen serve: http://%s:%d/ serving %s; watching %s and %s; Ctrl-C stops\n",
	       host, serve_port(s.server), s.site_dir, o->content, o->theme);
	fflush(stdout);
	s.loop = g_main_loop_new(NULL, FALSE);
	guint io = g_unix_fd_add(s.inotify, G_IO_IN, kg_on_inotify, &s);
	guint sigint = g_unix_signal_add(SIGINT, kg_on_signal, &s);
	guint sigterm = g_unix_signal_add(SIGTERM, kg_on_signal, &s);
	kg_start_build(&s);
	g_main_loop_run(s.loop);
	g_source_remove(io);
	g_source_remove(sigint);
	g_source_remove(sigterm);
	if (s.debounce)
		g_source_remove(s.debounce);
	serve_free(s.server);
	GError *lock_err = NULL; /* staging folders of no running build only */
	int lock = guard_lock(o->out, &lock_err);
	if (lock >= 0)
		out_stage_clean(s.site_dir);
	g_clear_error(&lock_err);
	guard_unlock(lock);
	close(s.inotify);
	g_main_loop_unref(s.loop);
	g_hash_table_destroy(s.watches);
	g_free(s.changed);
	g_free(s.out_abs);
	g_free(s.site_dir);
	g_free(s.self);
	if (!o->quiet)
		printf("kitgen serve: stopped\n");
	return 0;
}
