// web_storage: browser storage for the learner document (core/store.h decides what to write).
//
// localStorage, not IndexedDB, because:
//   - a write is one synchronous setItem that stores the whole value or throws: atomic, and
//     it can run inside `pagehide`, where an asynchronous IndexedDB transaction may never
//     finish, so closing the tab loses nothing;
//   - other tabs of the origin get a `storage` event for each write, which is how an edit
//     in one tab shows up in another;
//   - one learner's document is a few KB; the origin's 5 MB (Chrome: 5 M UTF-16 units) is
//     plenty, and a full quota is handled (QuotaExceededError -> WriteOutcome::quota).
// Keys are namespaced by app and course: collection-coach/<course>/document, .../backup,
// .../unreadable/<time>.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/store.h"

namespace coach::web {

std::optional<std::string> storage_get(const std::string& key);
Found storage_found();
// Runs the writes in order, stopping at the first that fails.
WriteOutcome storage_run(const std::vector<Write>& writes);

}  // namespace coach::web
