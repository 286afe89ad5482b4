// libFuzzer target: the collection plan's import (read_table, guess_columns, read_rows,
// import_action) and its ledger, on arbitrary bytes. Built natively with AddressSanitizer and
// UndefinedBehaviorSanitizer (see tests/fuzz/CMakeLists.txt). Beyond "no crash":
// plan_import_property.h, the good rows apply and the resulting ledger reads back the same.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "plan_import_property.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string broken = coach::fuzz::plan_import_property(text);
    if (!broken.empty()) {
        std::fprintf(stderr, "plan import property broken: %s\n", broken.c_str());
        __builtin_trap();
    }
    return 0;
}
