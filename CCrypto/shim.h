#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H

// The system's OpenSSL libcrypto, for the one MD5 of each request's signature, opened with dlopen
// at the first signature: the process loads it anyway with libcurl at the first request, and a
// run that signs nothing pays nothing. No header is needed at build time: the two functions are
// declared here as OpenSSL documents them (EVP_Digest(3), EVP_md5(3)), with opaque pointers.
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/// The libcrypto functions we call, found with dlsym.
typedef struct {
    const void *(*md5)(void);
    int (*digest)(const void *data, size_t count, unsigned char *md, unsigned int *size, const void *type, void *engine);
} ccrypto_api;

/// Opens libcrypto (OpenSSL 3, then 1.1) and fills `api`; on failure returns 0 with the reason in `error`.
static inline int ccrypto_load(ccrypto_api *api, char *error, size_t size) {
    static const char *const names[] = {"libcrypto.so.3", "libcrypto.so.1.1"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        snprintf(error, size, "%s", dlerror());
        return 0;
    }
    // Before anything else of OpenSSL runs: no clean-up in an atexit handler, as CCurl/shim.h
    // does for libcurl (a process that exits while a request thread still uses OpenSSL would
    // corrupt its heap). 0x00080000 is OPENSSL_INIT_NO_ATEXIT (OpenSSL 1.1.1b and 3).
    int (*init_crypto)(uint64_t, const void *);
    *(void **)&init_crypto = dlsym(library, "OPENSSL_init_crypto");
    if (init_crypto != NULL) init_crypto(0x00080000ULL, NULL);
    *(void **)&api->md5 = dlsym(library, "EVP_md5");
    *(void **)&api->digest = dlsym(library, "EVP_Digest");
    if (api->md5 == NULL || api->digest == NULL) {
        snprintf(error, size, "libcrypto has no EVP_md5 or EVP_Digest");
        return 0;
    }
    return 1;
}

#endif
