#include "web_storage.h"

#include <emscripten.h>

#include <cstdlib>

// clang-format off
EM_JS(char*, js_storage_get, (const char* key), {
    const value = Module.shell.storage.get(UTF8ToString(key));
    if (value === null) return 0;
    const size = lengthBytesUTF8(value) + 1;
    const ptr = _malloc(size);
    stringToUTF8(value, ptr, size);
    return ptr;
});
EM_JS(int, js_storage_set, (const char* key, const char* value), {
    return Module.shell.storage.set(UTF8ToString(key), value ? UTF8ToString(value) : null);
});
EM_JS(char*, js_storage_keys, (const char* prefix), {
    const keys = Module.shell.storage.keys(UTF8ToString(prefix)).join("\n");
    const size = lengthBytesUTF8(keys) + 1;
    const ptr = _malloc(size);
    stringToUTF8(keys, ptr, size);
    return ptr;
});
// clang-format on

namespace coach::web {
namespace {

std::optional<std::string> take(char* ptr) {
    if (ptr == nullptr) return std::nullopt;
    std::string value(ptr);
    std::free(ptr);
    return value;
}

}  // namespace

std::optional<std::string> storage_get(const std::string& key) { return take(js_storage_get(key.c_str())); }

Found storage_found() {
    const StorageKeys keys = storage_keys();
    Found found{storage_get(keys.document), storage_get(keys.backup), storage_get(keys.loose_lang), storage_get(keys.loose_goal), {}};
    const std::string list = take(js_storage_keys(keys.unreadable_prefix.c_str())).value_or("");
    std::size_t at = 0;
    while (at < list.size()) {
        const std::size_t end = std::min(list.find('\n', at), list.size());
        const std::string key = list.substr(at, end - at);
        if (auto value = storage_get(key)) found.unreadable.push_back({key, *value});
        at = end + 1;
    }
    return found;
}

WriteOutcome storage_run(const std::vector<Write>& writes) {
    for (const Write& w : writes) {
        // 0 stored, 1 quota exceeded, 2 storage unavailable (see web/storage.js)
        const int result = js_storage_set(w.key.c_str(), w.value ? w.value->c_str() : nullptr);
        if (result == 1) return WriteOutcome::quota;
        if (result != 0) return WriteOutcome::unavailable;
    }
    return WriteOutcome::ok;
}

}  // namespace coach::web
