#include "toml_check.h"
#include <toml++/toml.h>
#include <cstring>
#include <string_view>

namespace {
void copy(std::string_view from, char *to, size_t size) {
    if (size == 0) return;
    size_t count = from.size() < size - 1 ? from.size() : size - 1;
    std::memcpy(to, from.data(), count);
    to[count] = '\0';
}
}  // namespace

extern "C" int toml_check_parse(const char *text, size_t length, int *line, int *column, char *message, size_t message_size) {
    toml::parse_result result = toml::parse(std::string_view(text, length));
    if (result) return 0;
    const toml::parse_error &error = result.error();
    *line = static_cast<int>(error.source().begin.line);
    *column = static_cast<int>(error.source().begin.column);
    copy(error.description(), message, message_size);
    return 1;
}

extern "C" int toml_check_string(const char *text, size_t length, const char *key, char *value, size_t value_size) {
    toml::parse_result result = toml::parse(std::string_view(text, length));
    if (!result) return -2;
    const toml::node *node = result.table().get(key);
    if (node == nullptr) return 0;
    const auto *string = node->as_string();
    if (string == nullptr) return -1;
    const std::string &held = string->get();
    if (held.size() >= value_size) return -2;
    copy(held, value, value_size);
    return 1;
}

extern "C" int toml_check_same_except(const char *first, size_t first_length, const char *second, size_t second_length,
                                      const char *const *keys, size_t key_count) {
    toml::parse_result a = toml::parse(std::string_view(first, first_length));
    toml::parse_result b = toml::parse(std::string_view(second, second_length));
    if (!a || !b) return 0;
    toml::table left = std::move(a).table();
    toml::table right = std::move(b).table();
    for (size_t index = 0; index < key_count; index++) {
        left.erase(keys[index]);
        right.erase(keys[index]);
    }
    return left == right ? 1 : 0;
}
