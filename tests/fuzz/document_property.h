// document_property: what must hold for any bytes given to the document reader and to import.
// The fuzz target traps when it does not; tests/core/fuzz_regressions_test.cpp replays every
// input the fuzzer ever crashed on (tests/fixtures/fuzz/) through the same function, natively,
// sanitized and as WebAssembly.
//   - reading fails with a message in both languages, or succeeds;
//   - what reads writes back, compact (storage) and indented (export), and reads again as the
//     same document;
//   - import agrees with reading: it takes the same document, or refuses and changes nothing.
// Crashes (sanitizer reports, uncaught exceptions) are found by running it, not reported here.
#pragma once
#include <string>
#include <string_view>

#include "core/learner_json.h"
#include "core/store.h"

namespace coach::fuzz {

// "" when the property holds for `text`, else what broke.
inline std::string document_property(std::string_view text) {
    const ReadResult read = read_document(text);
    if (read.ok()) {
        for (const bool pretty : {false, true}) {
            const char* where = pretty ? "export" : "storage";
            const ReadResult again = read_document(write_document(*read.stored, pretty));
            if (!again.ok()) return std::string("written for ") + where + ", it does not read again: " + describe(again.error, Lang::en);
            if (!(*again.stored == *read.stored)) return std::string("written for ") + where + ", it reads as another document";
        }
    } else if (describe(read.error, Lang::zh).empty() || describe(read.error, Lang::en).empty()) {
        return "refused without a message";
    }
    Store store;
    change(store, SetGoal{"before"});
    const LearnerDoc before = store.doc;
    const bool imported = import_document(store, text);
    if (imported != read.ok()) return "import and reading disagree";
    if (!imported && !(store.doc == before)) return "a refused import changed the document";
    if (imported && !(store.doc == read.stored->doc)) return "import took another document than reading";
    return {};
}

}  // namespace coach::fuzz
