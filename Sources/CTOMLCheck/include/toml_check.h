// A C view of the few things lastfm-auth asks of a TOML document, answered by toml++ (the
// system's libtomlplusplus-dev headers, compiled in header-only mode: nothing to load at run time).
#ifndef TOML_CHECK_H
#define TOML_CHECK_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 0 when `text` parses as TOML; otherwise 1, with where (1-based) and what toml++ said.
int toml_check_parse(const char *text, size_t length, int *line, int *column, char *message, size_t message_size);

/// The top-level setting `key`: 1 a string (copied to `value`, NUL-terminated), 0 absent,
/// -1 present but not a string, -2 the text does not parse or the string does not fit.
int toml_check_string(const char *text, size_t length, const char *key, char *value, size_t value_size);

/// 1 when both texts parse and hold the same settings once the top-level `keys` are set aside; else 0.
int toml_check_same_except(const char *first, size_t first_length, const char *second, size_t second_length,
                           const char *const *keys, size_t key_count);

#ifdef __cplusplus
}
#endif
#endif
