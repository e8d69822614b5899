#ifndef CMICROHTTPD_SHIM_H
#define CMICROHTTPD_SHIM_H

// GNU libmicrohttpd for the loopback callback, opened with dlopen when a browser page is handed
// out (never before the first frame; a machine without it keeps the desktop page). Only the header
// is used at build time (libmicrohttpd-dev). It parses the request line, headers and query; this
// shim turns its access callback into one plain call: the request's few fields in, a reply out.
#include <arpa/inet.h>
#include <dlfcn.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/// The libmicrohttpd functions we call, found with dlsym.
typedef struct {
    struct MHD_Daemon *(*start_daemon)(unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc, void *apc_cls,
                                       MHD_AccessHandlerCallback dh, void *dh_cls, ...);
    void (*stop_daemon)(struct MHD_Daemon *daemon);
    const union MHD_DaemonInfo *(*get_daemon_info)(struct MHD_Daemon *daemon, enum MHD_DaemonInfoType info_type, ...);
    const char *(*lookup_connection_value)(struct MHD_Connection *connection, enum MHD_ValueKind kind, const char *key);
    struct MHD_Response *(*create_response_from_buffer)(size_t size, void *buffer, enum MHD_ResponseMemoryMode mode);
    int (*add_response_header)(struct MHD_Response *response, const char *header, const char *content);
    int (*queue_response)(struct MHD_Connection *connection, unsigned int status_code, struct MHD_Response *response);
    void (*destroy_response)(struct MHD_Response *response);
    MHD_socket (*quiesce_daemon)(struct MHD_Daemon *daemon);
    const char *(*get_version)(void);
} cmhd_api;

/// Opens libmicrohttpd and fills `api`; on failure returns 0 with dlerror's words in `error`.
static inline int cmhd_load(cmhd_api *api, char *error, size_t size) {
    static const char *const names[] = {"libmicrohttpd.so.12", "libmicrohttpd.so"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        snprintf(error, size, "%s", dlerror());
        return 0;
    }
#define CMHD_FIND(field, symbol)                                                       \
    if ((*(void **)&api->field = dlsym(library, symbol)) == NULL) {                   \
        snprintf(error, size, "libmicrohttpd has no %s", symbol);                      \
        return 0;                                                                      \
    }
    CMHD_FIND(start_daemon, "MHD_start_daemon")
    CMHD_FIND(stop_daemon, "MHD_stop_daemon")
    CMHD_FIND(get_daemon_info, "MHD_get_daemon_info")
    CMHD_FIND(lookup_connection_value, "MHD_lookup_connection_value")
    CMHD_FIND(create_response_from_buffer, "MHD_create_response_from_buffer")
    CMHD_FIND(add_response_header, "MHD_add_response_header")
    CMHD_FIND(queue_response, "MHD_queue_response")
    CMHD_FIND(destroy_response, "MHD_destroy_response")
    CMHD_FIND(quiesce_daemon, "MHD_quiesce_daemon")
    CMHD_FIND(get_version, "MHD_get_version")
#undef CMHD_FIND
    return 1;
}

/// One request, as far as the callback cares: every field is NULL when the request had none.
typedef struct {
    const char *method;
    const char *path;
    const char *host;
    const char *token;
} cmhd_request;

/// The answer to one request: an HTML page. `body` is malloc'd by the handler (strdup) and freed
/// here once the response holds its own copy.
typedef struct {
    unsigned int status;
    char *body;
} cmhd_reply;

/// Decides the reply to a request. Called on libmicrohttpd's thread for the connection, so it
/// may block (the callback waits there for the session before it answers the browser).
typedef void (*cmhd_handler)(void *context, const cmhd_request *request, cmhd_reply *reply);

/// What the access callback needs: the table, and the handler with its context; `in_flight`
/// counts the requests answered whose response is not yet sent (atomic).
typedef struct {
    const cmhd_api *api;
    cmhd_handler handler;
    void *context;
    int in_flight;
    /// The port it listens on, once known (atomic): the accept policy looks the peer up by it.
    int port;
    /// Connections refused because another user's process made them (atomic), for the log.
    int foreign;
} cmhd_server;

/// The user whose process holds the socket at the other end of a loopback connection to `port`
/// from `peer`, as the kernel's table says (/proc/net/tcp: the client's socket is listed with
/// its local address the peer's, its remote address ours, and its owner's uid); -1 if not found.
static inline long cmhd_peer_uid(const struct sockaddr_in *peer, int port) {
    FILE *table = fopen("/proc/net/tcp", "re");
    if (table == NULL) return -1;
    char line[512];
    long found = -1;
    // The header line first, then: "sl: LOCAL:PORT REMOTE:PORT st queues timer retransmits uid ...";
    // addresses are the raw 32-bit values in hex, ports in host order.
    if (fgets(line, sizeof line, table) != NULL) {
        while (found < 0 && fgets(line, sizeof line, table) != NULL) {
            unsigned int local_address, local_port, remote_address, remote_port, state;
            unsigned long uid;
            if (sscanf(line, " %*u: %8X:%4X %8X:%4X %2X %*X:%*X %*X:%*X %*X %lu", &local_address, &local_port,
                       &remote_address, &remote_port, &state, &uid) != 6) continue;
            if (local_address == peer->sin_addr.s_addr && local_port == ntohs(peer->sin_port)
                && remote_address == htonl(INADDR_LOOPBACK) && (int)remote_port == port) found = (long)uid;
        }
    }
    fclose(table);
    return found;
}

/// libmicrohttpd's accept policy: only a connection made by a process of the user this runs as.
/// Every user can learn the listener's port (and, from a process's arguments, more); a browser of
/// another user must not bring a token, a decline or a slow request to it.
static enum MHD_Result cmhd_accept(void *cls, const struct sockaddr *address, socklen_t length) {
    cmhd_server *server = cls;
    if (address == NULL || address->sa_family != AF_INET || length < (socklen_t)sizeof(struct sockaddr_in)) return MHD_NO;
    long uid = cmhd_peer_uid((const struct sockaddr_in *)address, __atomic_load_n(&server->port, __ATOMIC_SEQ_CST));
    if (uid >= 0 && (uid_t)uid == geteuid()) return MHD_YES;
    __atomic_add_fetch(&server->foreign, 1, __ATOMIC_SEQ_CST);
    return MHD_NO;
}

static enum MHD_Result cmhd_access(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
                                   const char *version, const char *upload_data, size_t *upload_data_size, void **req_cls) {
    (void)version;
    (void)upload_data;
    (void)upload_data_size;
    cmhd_server *server = cls;
    // The request's mark that it was answered (any non-NULL pointer; the server's is at hand).
    if (*req_cls == server) return MHD_YES;
    *req_cls = server;
    __atomic_add_fetch(&server->in_flight, 1, __ATOMIC_SEQ_CST);
    cmhd_request request = {
        .method = method,
        .path = url,
        .host = server->api->lookup_connection_value(connection, MHD_HEADER_KIND, "Host"),
        .token = server->api->lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, "token"),
    };
    cmhd_reply reply = {.status = 500, .body = NULL};
    server->handler(server->context, &request, &reply);
    // Answered on the first call, before any body is read: nothing here takes a body.
    struct MHD_Response *response = server->api->create_response_from_buffer(reply.body == NULL ? 0 : strlen(reply.body),
                                                                              reply.body == NULL ? (void *)"" : (void *)reply.body, MHD_RESPMEM_MUST_COPY);
    free(reply.body);
    if (response == NULL) return MHD_NO;
    server->api->add_response_header(response, "Content-Type", "text/html; charset=utf-8");
    server->api->add_response_header(response, "Cache-Control", "no-store");
    // Closed once answered: no idle keep-alive connection holds the listener open at the end.
    server->api->add_response_header(response, "Connection", "close");
    server->api->add_response_header(response, "Referrer-Policy", "no-referrer");
    server->api->add_response_header(response, "X-Content-Type-Options", "nosniff");
    server->api->add_response_header(response, "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    enum MHD_Result queued = server->api->queue_response(connection, reply.status, response);
    server->api->destroy_response(response);
    return queued;
}

static void cmhd_completed(void *cls, struct MHD_Connection *connection, void **req_cls, enum MHD_RequestTerminationCode code) {
    (void)connection;
    (void)code;
    if (*req_cls == cls) __atomic_sub_fetch(&((cmhd_server *)cls)->in_flight, 1, __ATOMIC_SEQ_CST);
    *req_cls = NULL;
}

/// Starts a daemon on 127.0.0.1 at a port the system picks, one thread per connection, at most
/// `connections` at once, each with `memory` bytes for its request line and headers (a longer
/// request is refused by libmicrohttpd) and closed after `timeout` idle seconds. NULL on failure.
static inline struct MHD_Daemon *cmhd_start(cmhd_server *server, unsigned int connections, size_t memory, unsigned int timeout) {
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = 0;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return server->api->start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ITC, 0, cmhd_accept, server,
                                     cmhd_access, server,
                                     MHD_OPTION_NOTIFY_COMPLETED, cmhd_completed, server,
                                     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&address,
                                     MHD_OPTION_CONNECTION_LIMIT, connections,
                                     MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory,
                                     MHD_OPTION_CONNECTION_TIMEOUT, timeout,
                                     MHD_OPTION_STRICT_FOR_CLIENT, 1,
                                     MHD_OPTION_END);
}

/// The port the daemon listens on, 0 if unknown; kept in `server` for the accept policy.
static inline uint16_t cmhd_port(cmhd_server *server, struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = server->api->get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    uint16_t port = info == NULL ? 0 : info->port;
    __atomic_store_n(&server->port, (int)port, __ATOMIC_SEQ_CST);
    return port;
}

/// Stops the daemon: no new connection is taken, the responses already answered get up to
/// `wait_ms` to reach their browsers, then the threads are joined and the socket closed.
static inline void cmhd_stop(cmhd_server *server, struct MHD_Daemon *daemon, int wait_ms) {
    MHD_socket listening = server->api->quiesce_daemon(daemon);
    for (int waited = 0; waited < wait_ms && __atomic_load_n(&server->in_flight, __ATOMIC_SEQ_CST) > 0; waited += 5) {
        struct timespec pause = {0, 5 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    server->api->stop_daemon(daemon);
    if (listening != MHD_INVALID_SOCKET) close(listening);
}

#endif
