// libFuzzer target: the document reader and the import path, on arbitrary bytes.
// Built natively with AddressSanitizer and UndefinedBehaviorSanitizer (see tests/fuzz/CMakeLists.txt).
// Beyond "no crash": document_property.h, whatever reads must write back and read again to
// the same document. Every input this target ever crashed on is kept in tests/fixtures/fuzz/
// (named for what it found); the fuzz run starts from them and the core tests replay them.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "document_property.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string broken = coach::fuzz::document_property(text);
    if (!broken.empty()) {
        std::fprintf(stderr, "document property broken: %s\n", broken.c_str());
        __builtin_trap();
    }
    return 0;
}
