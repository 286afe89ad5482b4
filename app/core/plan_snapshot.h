// plan_snapshot: the whole collection plan as one compact record, so a sales manager's plan
// opens fast.
//
// The records (plan_store.h) are the plan: one JSON record per account, with backups,
// generations and recovery. Reading 5,000 of them at start-up means thousands of IndexedDB
// values and a careful JSON read of each -- about a second for 50,000 receivables. So once a
// flush has settled, the page also stores the plan as one snapshot (as UTF-8 bytes in chunks
// under "snapshot/" below the plan's prefix: web/plan_storage.js says why): a line per account,
// receivable, payment and remembered column, fields between tabs, read by a plain scanner. It
// is derived data, never the only copy:
//   - it names the head generation it shows; at start the page reads the head and the snapshot
//     first, and the snapshot is used only when that generation is the head's, its account
//     list is the head's, its checksum holds and every account is one `refusal` accepts;
//     anything else (older, damaged, missing, another version) and every record is read as
//     before;
//   - it is written in its own commit that expects that generation (a tab that is behind
//     writes nothing) and is never backed up, and other tabs are not told of it;
//   - what it cannot see: a record damaged after the snapshot was written, at the same
//     generation, is read from the snapshot (intact) and rewritten with that account's next
//     change, not at once.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plan.h"

namespace coach {

inline constexpr std::uint32_t kPlanSnapshotVersion = 1;

// First line: "coach-plan-snapshot\t<version>\t<generation>\t<checksum of the rest, 16 hex>";
// then, one a line, "M\t<header>\t<field>", "A\t<id>\t<name>\t<segment>\t<potential>\t<share>\t
// <stage>\t<credit limit>\t<terms>\t<currency>\t<notes>\t<example>", each account's receivables
// "R\t<id>\t<invoice>\t<amount>\t<issued>\t<due>\t<note>", each one's payments
// "P\t<date>\t<amount>\t<note>". Text escapes \\, \t, \n and \r; numbers are decimal.
std::string write_plan_snapshot(const Plan& plan, std::uint64_t generation);
// The plan, when the text is a snapshot of `generation` that reads whole and holds only what
// the app could have written; nullopt otherwise.
std::optional<Plan> read_plan_snapshot(std::string_view text, std::uint64_t generation);
// The generation a snapshot's first line names (0 when it names none).
std::uint64_t snapshot_generation(std::string_view text);

}  // namespace coach
