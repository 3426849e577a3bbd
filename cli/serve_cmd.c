/*
 * serve_cmd.c -- `hearsay serve --db FILE [--host 127.0.0.1] [--port 8080]
 * [--threads N]`: options, the libmicrohttpd daemon, and a clean stop on
 * SIGINT or SIGTERM.
 *
 * SIGINT and SIGTERM are blocked before any thread starts (threads inherit
 * the mask), and the main thread waits for them with sigwait(): no work
 * happens in a signal handler. On a signal the daemon stops accepting,
 * finishes the requests in flight, and the database handles are closed.
 */
#include "serve.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char S_help[] =
    "Usage: hearsay serve --db FILE [--host ADDR] [--port N] [--threads N]\n"
    "\n"
    "A local web app over an index (see 'hearsay index'): search quotations by\n"
    "words, speaker, outlet and date; see a speaker's attributions over time;\n"
    "quotations repeated across articles; each article with its attributions\n"
    "highlighted. The database is opened read-only.\n"
    "\n"
    "  --db FILE      the index to serve (required)\n"
    "  --host ADDR    address to listen on, IPv4 or IPv6 (default 127.0.0.1:\n"
    "                 loopback only; 0.0.0.0 serves the network)\n"
    "  --port N       port (default 8080; 0 picks a free one)\n"
    "  --threads N    request threads (default 8, at most 64)\n"
    "\n"
    "Pages: /  /speakers  /speaker?name=  /repeats  /article?doc=\n"
    "JSON:  /api/search?q=&speaker=&since=&until=&outlet=&limit=\n"
    "       /api/speakers?top=N  /api/repeats?limit=N  /api/article/DOC\n"
    "\n"
    "Prints the address it serves on standard output, then runs until SIGINT\n"
    "(Ctrl-C) or SIGTERM. Exit status: 0 stopped cleanly, 1 could not start,\n"
    "2 usage error.\n";

typedef struct {
    const char *db, *host;
    int port, threads;
} S_opts;

static int S_int_arg(const char *s, int lo, int hi, int *out) {
    size_t v;
    if (cli_parse_size(s, &v) || strpbrk(s, "kKmMgG") || v < (size_t)lo || v > (size_t)hi) return -1;
    *out = (int)v;
    return 0;
}

/* Parses argv into o; returns -1 to exit with *rc. */
static int S_parse(int argc, char **argv, S_opts *o, int *rc) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) return *rc = cli_print_help(S_help), -1;
        int has = !strcmp(a, "--db") || !strcmp(a, "--host") || !strcmp(a, "--port") || !strcmp(a, "--threads");
        if (!has) return *rc = cli_usage_error("serve", "unknown argument '%s'", a), -1;
        if (!v) return *rc = cli_usage_error("serve", "option '%s' needs a value", a), -1;
        i++;
        if (!strcmp(a, "--db")) o->db = v;
        else if (!strcmp(a, "--host")) o->host = v;
        else if (!strcmp(a, "--port") ? S_int_arg(v, 0, 65535, &o->port) : S_int_arg(v, 1, 64, &o->threads))
            return *rc = cli_usage_error("serve", "bad value '%s' for %s", v, a), -1;
    }
    if (!o->db) return *rc = cli_usage_error("serve", "--db FILE is required"), -1;
    return 0;
}

/* The listening address; 0, or -1 when host is not an IP address. */
static int S_addr(const S_opts *o, struct sockaddr_storage *ss, unsigned *flags) {
    struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;
    memset(ss, 0, sizeof *ss);
    if (inet_pton(AF_INET, o->host, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)o->port);
        return 0;
    }
    if (inet_pton(AF_INET6, o->host, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)o->port);
        *flags |= MHD_USE_IPv6;
        return 0;
    }
    return -1;
}

static enum MHD_Result S_handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                 const char *version, const char *upload, size_t *upload_size, void **con) {
    return sv_req_answer(cls, c, url, method) == MHD_YES ? MHD_YES : MHD_NO;
}

static struct MHD_Daemon *S_start(sv_server *srv, const S_opts *o) {
    struct sockaddr_storage ss;
    unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD;
    if (S_addr(o, &ss, &flags)) {
        cli_error("--host '%s' is not an IPv4 or IPv6 address", o->host);
        return NULL;
    }
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, S_handler, srv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o->threads, MHD_OPTION_CONNECTION_LIMIT, 1000u,
        MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_LISTEN_BACKLOG_SIZE, 256u, MHD_OPTION_END);
    if (!d) cli_error("cannot listen on %s port %d (in use, or not an address of this machine?)", o->host, o->port);
    return d;
}

/* Serves until SIGINT or SIGTERM. */
static int S_run(sv_server *srv, const S_opts *o, const sigset_t *sigs) {
    struct MHD_Daemon *d = S_start(srv, o);
    if (!d) return CLI_EXIT_INPUT;
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    int port = info ? info->port : o->port;
    int v6 = strchr(o->host, ':') != NULL;
    printf("http://%s%s%s:%d/\n", v6 ? "[" : "", o->host, v6 ? "]" : "", port);
    fflush(stdout);
    cli_error("serving %s on port %d with %d threads; Ctrl-C stops", o->db, port, o->threads);
    int sig = 0;
    sigwait(sigs, &sig);
    cli_error("%s: stopping", sig == SIGINT ? "SIGINT" : "SIGTERM");
    MHD_stop_daemon(d);
    return CLI_EXIT_OK;
}

int cmd_serve(int argc, char **argv) {
    S_opts o = {NULL, "127.0.0.1", 8080, 8};
    int rc = CLI_EXIT_OK;
    if (S_parse(argc, argv, &o, &rc)) return rc;
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    sv_server srv = {.model = hearsay_model_builtin()};
    char err[512];
    if (sv_pool_init(&srv.pool, o.db, (size_t)o.threads, err, sizeof err)) {
        cli_error("cannot open the index: %s", err);
        return CLI_EXIT_INPUT;
    }
    rc = S_run(&srv, &o, &sigs);
    sv_pool_destroy(&srv.pool);
    return cli_finish_stdout(rc);
}
