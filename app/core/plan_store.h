// plan_store: how the collection plan lives in browser storage at a sales manager's scale.
//
// The learner document (store.h) is one localStorage value, rewritten whole on every save. A
// plan of 5,000 accounts and 50,000 receivables is several megabytes: with its backup it does
// not fit localStorage's ~5 MB, and rewriting it synchronously on every edit would stall the
// page. So the plan is kept as records (key -> text) in a record store the page provides
// (IndexedDB; web/records.js holds the interface every backend implements, and why). Under
// plan_keys().prefix, with <key> below always the name under the prefix ("head", "account/ID"):
//   head                    {"app","course","kind":"plan","version","generation","accounts":[ids],"mapping":[...]}
//   account/<id>            {"app","course","kind":"account","version","generation","account":{...}}
//   backup/<key>            the value the last write of <key> replaced
//   unreadable/<ms>/<key>   a value that could not be read, kept as it was
// A save writes only the accounts that changed, then the head. The rules of store.h hold:
//   - Atomic: one flush is one transaction of the record store: all of it or none.
//   - Generations: a flush writes the head with generation N+1 and every account it writes
//     with N+1 too; each record a flush replaces or removes is first copied to its backup key
//     in the same transaction, so the value before every write is kept. An account record that
//     cannot be read (or is missing) is read from its backup; a head that cannot be read from
//     the backup head's list, with every readable account record besides (an account the lost
//     head had added is kept, one it had removed comes back from its backup); with no head at
//     all, the plan is every account record there is.
//   - Two tabs: a flush names the generation it expects in the head; the record store refuses
//     the whole transaction when another tab wrote since (PlanOutcome::conflict), and this tab
//     re-reads every record and replays its pending actions on what the other wrote
//     (external_change), so neither overwrites the other. The record store reads a head's
//     generation by a textual rule both sides share (head_generation), so even a head this
//     code cannot read has one generation for both.
//   - Bad data: a record that cannot be read (any ReadError; text that is not valid Unicode,
//     lone UTF-16 surrogates included) is copied to an unreadable key by a `copy` operation the
//     record store carries out itself, so the value is kept byte for byte and never passes
//     through this code; its backup is used. The plan says so (notice_text), and the page can
//     offer the kept values as one file (web/plan_storage.js, downloadUnreadable). Until the copy is
//     confirmed, every flush carries it first, so nothing overwrites an unread value before it
//     is kept. Nothing is ever deleted because it could not be read.
//   - Full quota: a failed flush keeps everything in memory, says so, and the page retries.
//   - Closing the tab: the page flushes when it is hidden, but an IndexedDB transaction begun in
//     `pagehide` may never finish. That costs nothing: records are written only by committed
//     transactions, so what is stored is always a whole generation, and whatever was not
//     written is written by the next flush -- of this tab if it comes back, otherwise it is
//     the unsaved edit of the last second or so (the page flushes 600 ms after an edit).
//   - Limits: the plan never holds more than kPlanLimits (plan.h) allows, and never more than
//     its records can hold: an account record at most kAccountRecordBytes, the plan file at
//     most kPlanFileBytes (counted when changing, by record_size_bound). Every record and file
//     is read with JSON limits computed from these, so what is written reads back.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "learner_json.h"
#include "plan.h"
#include "store.h"

namespace coach {

inline constexpr std::uint32_t kPlanVersion = 1;

struct PlanKeys {
    std::string prefix;             // "collection-coach/key-account-collection/plan/"
    std::string head;               // prefix + "head"
    std::string account_prefix;     // prefix + "account/"
    std::string snapshot;           // prefix + "snapshot/": the snapshot's chunks (plan_snapshot.h)
    std::string backup_prefix;      // prefix + "backup/"
    std::string unreadable_prefix;  // prefix + "unreadable/"
};
PlanKeys plan_keys(std::string_view course = kCourseId);

struct Record {
    std::string key;
    std::string value;
};

// One operation of a flush, carried out in order inside one transaction.
struct RecordOp {
    enum class Kind { put, remove, copy };  // copy: `from`'s current value (if any) to `key`
    Kind kind = Kind::put;
    std::string key;
    std::string value;  // put
    std::string from;   // copy
    bool operator==(const RecordOp&) const = default;
};

// ---- sizes -------------------------------------------------------------------------------
// What a record may weigh. kPlanLimits bounds counts and text lengths, but not their product
// (2,000 receivables of 50 payments with 2,000-character notes would be over a gigabyte), so
// the bytes are bounded too, when changing: an action that would make an account's record or
// the plan file larger is refused. The JSON limits of the readers below follow from these.
inline constexpr std::size_t kAccountRecordBytes = 4u << 20;  // an account with 2,000 plain receivables is ~0.5 MB
inline constexpr std::size_t kPlanFileBytes = 64u << 20;      // 5,000 accounts and 50,000 receivables are ~20 MB
// The head: kPlanLimits.accounts ids of at most id_chars code points, each written in at most
// 6 bytes (a control character is escaped as \u001F), plus the remembered mapping: at most
// mapping_columns headers of name_chars. head_bytes_bound() is that sum; the head's reading
// limit is it, rounded up to a whole MiB.
std::size_t head_bytes_bound(const PlanLimits& limits = kPlanLimits);
JsonLimits head_json_limits();     // bytes: head_bytes_bound(); entries: accounts; depth 3
JsonLimits account_json_limits();  // bytes: kAccountRecordBytes; entries: receivables_per_account; depth 6
JsonLimits plan_file_json_limits();  // bytes: kPlanFileBytes; entries: accounts; depth as the learner document's

// An upper bound of the bytes an account takes as written: as a record (`in_file` false), or
// inside the pretty-printed plan file (true). Exact text escaping, numbers at 20 characters;
// cheap (one pass over the account's text), so every change can count.
std::size_t record_size_bound(const Account& account, bool in_file = false);
// The plan file's bytes, bounded the same way: what PlanStore::file_bytes keeps.
std::size_t plan_file_size_bound(const Plan& plan);
std::size_t mapping_size_bound(const std::vector<ColumnChoice>& mapping);  // its share of the file

// ---- records -----------------------------------------------------------------------------
struct PlanHead {
    std::uint64_t generation = 0;
    std::vector<std::string> accounts;  // ids, in the plan's order
    std::vector<ColumnChoice> mapping;
    bool operator==(const PlanHead&) const = default;
};
struct HeadRead {
    std::optional<PlanHead> head;
    ReadError error;
};
struct AccountRecord {
    Account account;
    std::uint64_t generation = 0;  // of the flush that wrote it
    bool operator==(const AccountRecord&) const = default;
};
struct AccountRead {
    std::optional<AccountRecord> record;
    ReadError error;
};

// Records as they are written and read (exposed for the tests and the benchmark). A read
// refuses, with a ReadError, anything but a record of this app and course, of this kind, of
// version <= kPlanVersion, within the limits above, that `refusal` (plan.h) would accept.
std::string write_head(const Plan& plan, std::uint64_t generation);
std::string write_account_record(const Account& account, std::uint64_t generation);
HeadRead read_head(std::string_view text);
AccountRead read_account_record(std::string_view text);

// The generation a head's text names, by the rule the record store applies to refuse a stale
// flush (web/records.js, headGeneration): the digits after the first `"generation"`, optional
// JSON white space, `:` and optional white space; 0 when there is no such match or it has more
// than 15 digits, and 0 for no head at all. A rule on ASCII alone, so it reads the same in UTF-16
// (the page) and UTF-8 (here), whatever else the text holds.
std::uint64_t head_generation(std::string_view head_text);

// ---- the store ---------------------------------------------------------------------------
// How a commit of the record store went (web/records.js: 'ok', 'quota', 'unavailable', 'conflict').
enum class PlanOutcome { ok, quota, unavailable, conflict };
enum class PlanNotice { none, recovered, unreadable_kept, quota, unavailable, conflict_merged, imported, import_failed };

struct PlanStore {
    bool loaded = false;            // the records have been read (the plan screens wait until then)
    Plan plan;                      // what the learner sees: what storage holds, with `pending` applied
    // The accounts storage holds under their own keys (the head's list as last read or written),
    // and those read from elsewhere (a backup) that the next flush writes under their key again.
    std::vector<std::string> stored, rewrite;
    std::uint64_t generation = 0;   // the stored head's, by head_generation: what a flush expects
    std::uint64_t newest = 0;       // the highest generation any record read or written carries
    std::vector<PlanAction> pending;
    bool dirty = false;
    bool writing = false;           // a flush is being carried out
    std::uint64_t revision = 0;     // +1 on every change of `plan`: screens cache figures by it
    std::size_t file_bytes = 0;     // record_size_bound of the plan file, kept <= kPlanFileBytes
    PlanNotice notice = PlanNotice::none;
    ReadError read_error;           // why a record could not be read (the first such record), or the import
    JsonLimits read_limits;         // what it was read with
    std::size_t unreadable_count = 0;          // records that could not be read at the last read
    std::size_t lost_count = 0;                // accounts neither record nor backup could give
    std::vector<std::string> unreadable_keys;  // where unreadable values are kept (full keys)
    std::vector<RecordOp> keep;                // copies to unreadable keys not yet confirmed stored
    std::vector<std::string> damaged;          // keys whose current value could not be read: no backup copy of them
};

// Start: every record under plan_keys().prefix. `repairs` are ops to run at once, in one
// commit expecting `generation`: the copies that keep unreadable values (report the outcome
// with repairs_done). A plan recovered from backups is `dirty`: the next flush rewrites it.
PlanStore load_plan(std::span<const Record> records, std::int64_t now_ms, std::vector<RecordOp>& repairs);
void repairs_done(PlanStore& store, const std::vector<RecordOp>& repairs, PlanOutcome outcome);
// Start, fast: the head and the snapshot (plan_snapshot.h) alone, when the snapshot shows the
// head's generation and lists the head's accounts and mapping; nullopt otherwise (read every
// record with load_plan). Nothing needs repairing then: the records were whole when it was taken.
std::optional<PlanStore> load_plan_snapshot(std::string_view head_text, std::string_view snapshot_text);

// A change: refused ones (refusal() != none, or too large to store) leave the plan as it is and
// return the refusal. Text that is not valid Unicode is stored as U+FFFD (utf8.h), as typed text
// is everywhere.
PlanRefusal change(PlanStore& store, const PlanAction& action);

struct PlanFlush {
    std::uint64_t expect_generation = 0;  // the head's generation now; the flush is refused otherwise
    std::uint64_t generation = 0;         // the head's generation after it
    std::vector<RecordOp> ops;
    std::vector<std::string> order;       // the plan's accounts as the head lists them: `stored` once written
    std::size_t actions = 0;              // pending actions it carries (the first ones)
};
// Nothing to write (not loaded, nothing changed, a flush under way): nullopt. Else `writing`.
// It writes the accounts the pending actions touched (by their ids; a replaced plan: all), those
// in `rewrite`, the removals, and the head: never the whole plan for one change.
std::optional<PlanFlush> plan_flush(PlanStore& store);

// conflict: nothing was written; the caller reads every record again and calls external_change.
void flush_done(PlanStore& store, const PlanFlush& flush, PlanOutcome outcome);

// Another tab wrote (or this tab's flush met a conflict): every record as storage holds it now.
// The pending actions are replayed on top (those the other tab's plan refuses are dropped).
void external_change(PlanStore& store, std::span<const Record> records, std::int64_t now_ms, std::vector<RecordOp>& repairs);

// The whole plan as one JSON file (export), and back (import: everything at once):
//   {"app":"collection-coach","course":...,"kind":"plan","version":1,"plan":{"accounts":[...],"mapping":[...]}}
// Reading refuses a file of another kind (a learner document, an account record) by name.
std::string write_plan_file(const Plan& plan, bool pretty = true);
struct PlanFileRead {
    std::optional<Plan> plan;
    ReadError error;
};
PlanFileRead read_plan_file(std::string_view text);
// Import: the plan becomes the file's (ReplacePlan, so another tab's replay keeps it whole),
// or nothing changes and the notice says why.
bool import_plan_file(PlanStore& store, std::string_view text);
// What went wrong reading a plan record or file, one sentence in the learner's language;
// `limits` are the ones it was read with (they are named when it was too large).
std::string describe_plan_error(const ReadError& error, Lang lang, const JsonLimits& limits = plan_file_json_limits());

std::string notice_text(const PlanStore& store, Lang lang);
void dismiss_notice(PlanStore& store);

// ---- the early accounts of learner documents before version 5 (learner_json.h) -----------
// Each as a plan account: id "early-" + its id (cut to id_chars), its name and notes, and one
// receivable of its balance, due `ageing_days` before `today`.
std::vector<AddAccount> early_accounts(const std::vector<EarlyAccount>& early, Day today);
// Every early account is among `stored` (PlanStore::stored): the document may let them go.
bool early_accounts_stored(const std::vector<std::string>& stored, const std::vector<EarlyAccount>& early);

}  // namespace coach
