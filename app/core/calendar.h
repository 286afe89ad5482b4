// calendar: dates from the milliseconds since 1970 that the browser's clock gives.
//
// The review counts the learner's local days, exported results are dated in UTC, and
// downloaded files are named by the learner's local date; all three need the same two small
// pieces of arithmetic, kept here once: division that rounds down for dates before 1970 too,
// and the civil (proleptic Gregorian) date of a day number (Howard Hinnant's days_from_civil
// inverse). Limits: no time zones beyond an offset the caller applies, no leap seconds.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace coach {

// a / b rounded towards minus infinity (b > 0): -1 ms lies in day -1, not day 0.
std::int64_t floor_div(std::int64_t a, std::int64_t b);

struct CivilDate {
    std::int64_t year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    bool operator==(const CivilDate&) const = default;
};

// The date of day `days` counted from 1970-01-01 (day 0).
CivilDate civil_date(std::int64_t days);

// "collection-coach-results-2026-11-29.csv" for suffix "-results" and extension "csv": a name
// that sorts by date in a downloads folder, dated by the learner's own calendar (local time =
// UTC + utc_offset_minutes, +480 in China), so an export made in Beijing at 07:30 is not
// named after yesterday, as the UTC date would have it.
std::string download_name(std::int64_t now_ms, int utc_offset_minutes, std::string_view suffix,
                          std::string_view extension = "json");

}  // namespace coach
