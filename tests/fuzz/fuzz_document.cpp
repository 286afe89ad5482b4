// libFuzzer target: the document reader and the import path, on arbitrary bytes.
// Built natively with AddressSanitizer and UndefinedBehaviorSanitizer (see tests/fuzz/CMakeLists.txt).
// Beyond "no crash": whatever reads must write back and read again to the same document.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/learner_json.h"
#include "core/store.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const coach::ReadResult read = coach::read_document(text);
    if (read.ok()) {
        const coach::ReadResult again = coach::read_document(coach::write_document(*read.stored));
        if (!again.ok() || !(*again.stored == *read.stored)) __builtin_trap();
    } else {
        (void)coach::describe(read.error, coach::Lang::zh);
        (void)coach::describe(read.error, coach::Lang::en);
    }
    coach::Store store;
    coach::change(store, coach::SetGoal{"before"});
    const coach::LearnerDoc before = store.doc;
    if (!coach::import_document(store, text) && !(store.doc == before)) __builtin_trap();  // a bad import changes nothing
    return 0;
}
