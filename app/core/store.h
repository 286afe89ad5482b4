// store: how the learner document lives in browser storage without ever losing work.
//
// Pure policy; the platform does the reads and writes it plans (web/storage.js holds the
// one browser-specific part). The rules:
//   - Atomic: each write replaces one key whole (localStorage.setItem either stores the whole
//     value or throws), and a value is only ever read back through read_document, so a
//     damaged value is never taken for the document.
//   - Generations: every write of the document carries generation N+1; the value it replaces
//     is first copied to the backup key, so the last good generation is always kept.
//   - Batched: changes are actions applied in memory at once and written later in one go
//     (the page flushes after a pause in typing, and at once when the page is hidden or
//     closed).
//   - Two tabs: before writing, the store re-reads the stored document; if another tab wrote
//     a newer generation, this tab's pending actions are replayed on top of it instead of
//     overwriting it. A storage event from another tab does the same at once.
//   - Bad data: an unreadable document is kept under an `unreadable/<time>` key and offered
//     as a download; the app runs on the backup (or empty). If even that copy cannot be
//     made, the store holds all writes until the learner has downloaded it.
//   - Full quota: a failed write keeps everything in memory, says so, offers an export, and
//     is retried.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "learner.h"
#include "learner_json.h"

namespace coach {

struct StorageKeys {
    std::string document;        // the current generation
    std::string backup;          // the generation before it
    std::string unreadable_prefix;  // + time in ms: values that could not be read
    std::string loose_lang, loose_goal;  // version 0 (see learner_json.h)
};
StorageKeys storage_keys(std::string_view course = kCourseId);

enum class Notice { none, recovered, started_empty, hold, quota, unavailable, import_failed, imported };

struct Unreadable {
    std::string key;   // where it is kept; empty while it could not be stored
    std::string text;  // the raw value, byte for byte
};

struct Store {
    LearnerDoc doc;                      // what the learner sees: base + pending
    LearnerDoc base;                     // the document as last read from or written to storage
    std::uint64_t generation = 0;        // generation of `base`
    std::vector<LearnerAction> pending;  // changes not yet written
    bool dirty = false;                  // something must be written (pending, a migration, a recovery)
    bool hold = false;                   // writes wait: an unreadable value is not yet safe elsewhere
    Notice notice = Notice::none;
    ReadError read_error;                // why the last read or import failed
    std::vector<Unreadable> unreadable;  // kept values that could not be read
    std::string last_written;            // the document text this tab last wrote or read
};

// What the page found in storage at start.
struct Found {
    std::optional<std::string> document, backup;
    std::optional<std::string> loose_lang, loose_goal;
    std::vector<Unreadable> unreadable;
};

// One storage operation; `value` nullopt removes the key. Plans run in order and stop at the
// first failure; every prefix of a plan leaves a good copy in storage.
struct Write {
    std::string key;
    std::optional<std::string> value;
};

struct FlushPlan {
    std::vector<Write> writes;
    std::uint64_t generation = 0;  // of the document being written
    LearnerDoc doc;                // what is being written
};

enum class WriteOutcome { ok, quota, unavailable };

// Start: read what storage holds. `repairs` are writes to run before anything else (keeping an
// unreadable value under its own key); report their outcome with repairs_done.
Store load(const Found& found, std::int64_t now_ms, std::vector<Write>& repairs);
void repairs_done(Store& store, WriteOutcome outcome);

// A learner's change: applied at once, written at the next flush.
void change(Store& store, const LearnerAction& action);

// What to write now, given the document text storage holds at this moment; nullopt when
// there is nothing to write (or writes are held).
std::optional<FlushPlan> plan_flush(Store& store, const std::optional<std::string>& stored_document, std::int64_t now_ms);
void flush_done(Store& store, const FlushPlan& plan, WriteOutcome outcome);

// Another tab wrote the document (storage event).
void external_change(Store& store, const std::optional<std::string>& stored_document);

// Import a file: the document replaces the current one, or nothing changes and the notice
// says why. Export: the whole document as a file.
bool import_document(Store& store, std::string_view text);
std::string export_document(const Store& store);

// The learner downloaded kept unreadable data: writes may go on.
void unreadable_downloaded(Store& store);
void dismiss_notice(Store& store);

// The notice in the learner's language ("" for none).
std::string notice_text(const Store& store, Lang lang);

}  // namespace coach
