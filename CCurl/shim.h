#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

// libcurl, loaded with dlopen on the first request rather than linked: linking it adds 33 shared
// libraries and ~7 ms to every start, and most runs draw their first frame long before they talk
// to a server. Only the header is used at build time (libcurl4-openssl-dev).
#include <curl/curl.h>
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/// The libcurl functions we call, found with dlsym.
typedef struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL *handle);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    void (*easy_reset)(CURL *handle);
    void (*easy_cleanup)(CURL *handle);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *text);
    void (*slist_free_all)(struct curl_slist *list);
} ccurl_api;

/// Opens libcurl and fills `api`; on failure returns 0 with dlerror's words in `error`.
static inline int ccurl_load(ccurl_api *api, char *error, size_t size) {
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        snprintf(error, size, "%s", dlerror());
        return 0;
    }
#define CCURL_FIND(field, symbol)                                                      \
    if ((*(void **)&api->field = dlsym(library, symbol)) == NULL) {                   \
        snprintf(error, size, "libcurl has no %s", symbol);                            \
        return 0;                                                                      \
    }
    CCURL_FIND(global_init, "curl_global_init")
    CCURL_FIND(easy_init, "curl_easy_init")
    CCURL_FIND(easy_setopt, "curl_easy_setopt")
    CCURL_FIND(easy_perform, "curl_easy_perform")
    CCURL_FIND(easy_getinfo, "curl_easy_getinfo")
    CCURL_FIND(easy_reset, "curl_easy_reset")
    CCURL_FIND(easy_cleanup, "curl_easy_cleanup")
    CCURL_FIND(slist_append, "curl_slist_append")
    CCURL_FIND(slist_free_all, "curl_slist_free_all")
#undef CCURL_FIND
    // Before curl_global_init: OpenSSL must not free itself in an atexit handler, or a process
    // that exits while a request thread still uses it (Ctrl-C during a request) corrupts its heap.
    // 0x00080000 is OPENSSL_INIT_NO_ATEXIT (OpenSSL 3); with a GnuTLS libcurl the symbol is absent.
    int (*init_crypto)(uint64_t, const void *);
    *(void **)&init_crypto = dlsym(library, "OPENSSL_init_crypto");
    if (init_crypto != NULL) init_crypto(0x00080000ULL, NULL);
    return 1;
}

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: one typed door each.
static inline CURLcode ccurl_set_long(const ccurl_api *api, CURL *handle, CURLoption option, long value) {
    return api->easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_set_size(const ccurl_api *api, CURL *handle, CURLoption option, curl_off_t value) {
    return api->easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_set_pointer(const ccurl_api *api, CURL *handle, CURLoption option, const void *value) {
    return api->easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_set_data_callback(const ccurl_api *api, CURL *handle, CURLoption option, curl_write_callback callback) {
    return api->easy_setopt(handle, option, callback);
}
static inline CURLcode ccurl_set_progress_callback(const ccurl_api *api, CURL *handle, curl_xferinfo_callback callback) {
    return api->easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}
static inline CURLcode ccurl_get_long(const ccurl_api *api, CURL *handle, CURLINFO info, long *value) {
    return api->easy_getinfo(handle, info, value);
}

#endif
