#ifndef CSECRET_SHIM_H
#define CSECRET_SHIM_H

// libsecret, the Secret Service's client library (GNOME Keyring, KWallet, KeePassXC), opened with
// dlopen only when a secret is read or written in the keyring: start-up pays nothing and a machine
// without it loses nothing. No header is needed at build time: the few functions and the schema
// are declared here as libsecret 0.18+ documents them (secret-password.h, secret-schema.h), with
// GLib's types spelled out. C calls the variadic functions; Swift calls these wrappers.
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/// GLib's GError.
typedef struct {
    uint32_t domain;
    int code;
    char *message;
} csecret_error;

/// libsecret's SecretSchema (string attributes only).
typedef struct {
    const char *name;
    int type;
} csecret_schema_attribute;

typedef struct {
    const char *name;
    int flags;
    csecret_schema_attribute attributes[32];
    int reserved;
    void *reserved1, *reserved2, *reserved3, *reserved4, *reserved5, *reserved6, *reserved7;
} csecret_schema;

/// The functions we call, found with dlsym.
typedef struct {
    int (*store)(const csecret_schema *schema, const char *collection, const char *label, const char *password,
                 void *cancellable, csecret_error **error, ...);
    char *(*lookup)(const csecret_schema *schema, void *cancellable, csecret_error **error, ...);
    int (*clear)(const csecret_schema *schema, void *cancellable, csecret_error **error, ...);
    void (*free_password)(char *password);
    void *(*service_get)(int flags, void *cancellable, csecret_error **error);
    void *(*collection_for_alias)(void *service, const char *alias, int flags, void *cancellable, csecret_error **error);
    int (*collection_locked)(void *collection);
    void (*unref)(void *object);
    void (*free_error)(csecret_error *error);
    uint32_t (*error_quark)(void);
    int (*unlock)(void *service, void *objects, void *cancellable, void **unlocked, csecret_error **error);
    void *(*collection_create)(void *service, const char *label, const char *alias, int flags, void *cancellable, csecret_error **error);
    void *(*cancellable_new)(void);
    void (*cancellable_cancel)(void *cancellable);
    int (*cancellable_is_cancelled)(void *cancellable);
    void *(*list_append)(void *list, void *data);
    void (*list_free)(void *list);
    void (*list_free_full)(void *list, void (*free_item)(void *));
} csecret_api;

/// Our items: found again by the credentials file, the profile and the kind of secret; the service
/// and its API root are there for people browsing the keyring (seahorse, secret-tool search).
static const csecret_schema csecret_lastfm_auth_schema = {
    "org.lastfm-auth.Secret", 0,
    {{"application", 0}, {"file", 0}, {"profile", 0}, {"kind", 0}, {"service", 0}, {"api_root", 0}, {NULL, 0}},
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL};

/// libsecret's SECRET_ERROR_IS_LOCKED.
#define CSECRET_IS_LOCKED 2

/// GLib's messages (a libsecret 0.20 critical when a prompt is withdrawn, "g_task_return_error:
/// assertion 'error != NULL' failed") would be written into the wizard's screen or the plain
/// front's lines; they say nothing a person can act on, so they are dropped.
static void csecret_quiet_log(const char *domain, int level, const char *message, void *data) {
    (void)domain;
    (void)level;
    (void)message;
    (void)data;
}

/// Opens libsecret and fills `api`; on failure returns 0 with the reason in `error`.
static inline int csecret_load(csecret_api *api, char *error, size_t size) {
    void *library = dlopen("libsecret-1.so.0", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(error, size, "%s", dlerror());
        return 0;
    }
    *(void **)&api->store = dlsym(library, "secret_password_store_sync");
    *(void **)&api->lookup = dlsym(library, "secret_password_lookup_sync");
    *(void **)&api->clear = dlsym(library, "secret_password_clear_sync");
    *(void **)&api->free_password = dlsym(library, "secret_password_free");
    *(void **)&api->free_error = dlsym(library, "g_error_free");
    *(void **)&api->error_quark = dlsym(library, "secret_error_get_quark");
    *(void **)&api->service_get = dlsym(library, "secret_service_get_sync");
    *(void **)&api->collection_for_alias = dlsym(library, "secret_collection_for_alias_sync");
    *(void **)&api->collection_locked = dlsym(library, "secret_collection_get_locked");
    *(void **)&api->unref = dlsym(library, "g_object_unref");
    *(void **)&api->unlock = dlsym(library, "secret_service_unlock_sync");
    *(void **)&api->collection_create = dlsym(library, "secret_collection_create_sync");
    // GLib's, found through libsecret's own dependencies.
    *(void **)&api->cancellable_new = dlsym(library, "g_cancellable_new");
    *(void **)&api->cancellable_cancel = dlsym(library, "g_cancellable_cancel");
    *(void **)&api->cancellable_is_cancelled = dlsym(library, "g_cancellable_is_cancelled");
    *(void **)&api->list_append = dlsym(library, "g_list_append");
    *(void **)&api->list_free = dlsym(library, "g_list_free");
    *(void **)&api->list_free_full = dlsym(library, "g_list_free_full");
    if (!api->unlock || !api->collection_create || !api->cancellable_new || !api->cancellable_cancel || !api->cancellable_is_cancelled
        || !api->list_append || !api->list_free || !api->list_free_full) {
        snprintf(error, size, "libsecret lacks secret_service_unlock_sync or another function it should have");
        return 0;
    }
    void *(*set_default_handler)(void (*)(const char *, int, const char *, void *), void *);
    *(void **)&set_default_handler = dlsym(library, "g_log_set_default_handler");
    if (set_default_handler != NULL) set_default_handler(csecret_quiet_log, NULL);
    if (!api->store || !api->lookup || !api->clear || !api->free_password || !api->free_error || !api->error_quark
        || !api->service_get || !api->collection_for_alias || !api->collection_locked || !api->unref) {
        snprintf(error, size, "libsecret lacks secret_password_store_sync or another function it should have");
        return 0;
    }
    return 1;
}

/// What a call ended with: 0 done, 1 failed (reason in `message`), 2 failed because the keyring is locked.
static inline int csecret_outcome(const csecret_api *api, csecret_error *failure, char *message, size_t size) {
    if (failure == NULL) return 0;
    snprintf(message, size, "%s", failure->message ? failure->message : "unknown error");
    int locked = failure->domain == api->error_quark() && failure->code == CSECRET_IS_LOCKED;
    api->free_error(failure);
    return locked ? 2 : 1;
}

/// Stores `secret` in the default collection under the attributes, replacing an item that has them.
static inline int csecret_store(const csecret_api *api, const char *label, const char *secret, const char *file,
                                const char *profile, const char *kind, const char *service, const char *api_root,
                                char *message, size_t size) {
    csecret_error *failure = NULL;
    int stored = api->store(&csecret_lastfm_auth_schema, NULL, label, secret, NULL, &failure, "application", "lastfm-auth",
                            "file", file, "profile", profile, "kind", kind, "service", service, "api_root", api_root, NULL);
    int outcome = csecret_outcome(api, failure, message, size);
    if (outcome == 0 && !stored) {
        snprintf(message, size, "the keyring did not store the item");
        return 1;
    }
    return outcome;
}

/// Whether the default collection, where our items go, is locked: a lookup then finds nothing
/// without saying why.
static inline int csecret_default_locked(const csecret_api *api) {
    csecret_error *failure = NULL;
    void *service = api->service_get(0, NULL, &failure);
    if (failure != NULL) api->free_error(failure);
    if (service == NULL) return 0;
    failure = NULL;
    void *collection = api->collection_for_alias(service, "default", 0, NULL, &failure);
    if (failure != NULL) api->free_error(failure);
    api->unref(service);
    if (collection == NULL) return 0;
    int locked = api->collection_locked(collection);
    api->unref(collection);
    return locked;
}

/// The default collection, where our items go: 0 unlocked, 1 locked, 2 missing (no collection has
/// the alias yet: a fresh keyring), -1 unknown (the service did not answer; reason in `message`).
static inline int csecret_default_state(const csecret_api *api, char *message, size_t size) {
    csecret_error *failure = NULL;
    void *service = api->service_get(0, NULL, &failure);
    if (service == NULL) {
        snprintf(message, size, "%s", failure && failure->message ? failure->message : "no Secret Service");
        if (failure != NULL) api->free_error(failure);
        return -1;
    }
    void *collection = api->collection_for_alias(service, "default", 0, NULL, &failure);
    api->unref(service);
    if (failure != NULL) {
        snprintf(message, size, "%s", failure->message ? failure->message : "unknown error");
        api->free_error(failure);
        return -1;
    }
    if (collection == NULL) return 2;
    int locked = api->collection_locked(collection);
    api->unref(collection);
    return locked ? 1 : 0;
}

/// A handle that ends a prompt from another thread (GCancellable).
static inline void *csecret_cancellable_new(const csecret_api *api) { return api->cancellable_new(); }
static inline void csecret_cancel(const csecret_api *api, void *cancellable) { api->cancellable_cancel(cancellable); }
static inline void csecret_cancellable_free(const csecret_api *api, void *cancellable) { api->unref(cancellable); }

/// Asks the Secret Service to unlock the default collection, or to create it ("Login") when there
/// is none: the desktop shows its prompt and this waits for the person. 0 unlocked or created,
/// 1 failed (reason in `message`), 3 the person dismissed the prompt, 4 cancelled (`cancellable`).
static inline int csecret_unlock_default(const csecret_api *api, void *cancellable, char *message, size_t size) {
    csecret_error *failure = NULL;
    void *service = api->service_get(0, cancellable, &failure);
    if (service == NULL) {
        snprintf(message, size, "%s", failure && failure->message ? failure->message : "no Secret Service");
        if (failure != NULL) api->free_error(failure);
        return api->cancellable_is_cancelled(cancellable) ? 4 : 1;
    }
    int outcome = 0;
    void *collection = api->collection_for_alias(service, "default", 0, cancellable, &failure);
    if (failure == NULL && collection == NULL) {
        collection = api->collection_create(service, "Login", "default", 0, cancellable, &failure);
        if (failure == NULL && collection == NULL) outcome = 3;
    } else if (failure == NULL && api->collection_locked(collection)) {
        void *objects = api->list_append(NULL, collection);
        void *unlocked = NULL;
        int count = api->unlock(service, objects, cancellable, &unlocked, &failure);
        api->list_free(objects);
        if (unlocked != NULL) api->list_free_full(unlocked, api->unref);
        // No error and nothing unlocked: the person closed the prompt.
        if (failure == NULL && count < 1) outcome = 3;
    }
    if (failure != NULL) {
        snprintf(message, size, "%s", failure->message ? failure->message : "unknown error");
        api->free_error(failure);
        outcome = api->cancellable_is_cancelled(cancellable) ? 4 : 1;
    }
    if (collection != NULL) api->unref(collection);
    api->unref(service);
    return outcome;
}

/// Looks the secret up into `found` (a copy the caller frees, NULL when there is no such item).
static inline int csecret_lookup(const csecret_api *api, const char *file, const char *profile, const char *kind,
                                 char **found, char *message, size_t size) {
    csecret_error *failure = NULL;
    char *secret = api->lookup(&csecret_lastfm_auth_schema, NULL, &failure, "application", "lastfm-auth",
                               "file", file, "profile", profile, "kind", kind, NULL);
    int outcome = csecret_outcome(api, failure, message, size);
    *found = NULL;
    if (secret != NULL) {
        *found = strdup(secret);
        api->free_password(secret);
    } else if (outcome == 0 && csecret_default_locked(api)) {
        snprintf(message, size, "its password is needed to unlock it");
        return 2;
    }
    return outcome;
}

/// Removes every item of the profile (both kinds).
static inline int csecret_clear(const csecret_api *api, const char *file, const char *profile, char *message, size_t size) {
    csecret_error *failure = NULL;
    api->clear(&csecret_lastfm_auth_schema, NULL, &failure, "application", "lastfm-auth", "file", file, "profile", profile, NULL);
    return csecret_outcome(api, failure, message, size);
}

#endif
