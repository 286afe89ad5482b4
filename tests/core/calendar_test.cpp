#include <catch2/catch.hpp>

#include "core/calendar.h"

using namespace coach;

TEST_CASE("division for dates rounds down on both sides of 1970", "[calendar]") {
    CHECK(floor_div(7, 2) == 3);
    CHECK(floor_div(-1, 1000) == -1);  // the last millisecond of 1969 is in day -1
    CHECK(floor_div(-1000, 1000) == -1);
    CHECK(floor_div(-1001, 1000) == -2);
    CHECK(floor_div(0, 86400) == 0);
}

TEST_CASE("a day number is the civil date it names", "[calendar]") {
    CHECK(civil_date(0) == CivilDate{1970, 1, 1});
    CHECK(civil_date(-1) == CivilDate{1969, 12, 31});
    CHECK(civil_date(59) == CivilDate{1970, 3, 1});       // 1970 is no leap year
    CHECK(civil_date(11016) == CivilDate{2000, 2, 29});   // 2000 is one (divisible by 400)
    CHECK(civil_date(20418) == CivilDate{2025, 11, 26});  // 1764115200000 ms
    CHECK(civil_date(20786) == CivilDate{2026, 11, 29});
    // Every day follows the one before, through a century that is no leap year (2100).
    CivilDate before = civil_date(47481);  // 2099-12-31
    CHECK(before == CivilDate{2099, 12, 31});
    for (std::int64_t d = 47482; d < 47482 + 800; ++d) {
        const CivilDate now = civil_date(d);
        const bool next_day = now.year == before.year && now.month == before.month && now.day == before.day + 1;
        const bool next_month = now.day == 1 && ((now.year == before.year && now.month == before.month + 1) || (now.month == 1 && before.month == 12 && now.year == before.year + 1));
        CHECK((next_day || next_month));
        CHECK_FALSE((now.month == 2 && now.day == 29 && now.year == 2100));
        before = now;
    }
}

TEST_CASE("a download is named by the learner's local day, not the UTC one", "[calendar]") {
    // 2026-11-29 07:30 in China is 2026-11-28 23:30 UTC: the file carries the learner's date.
    const std::int64_t beijing_morning = 1795908600000;
    CHECK(download_name(beijing_morning, 8 * 60, "") == "collection-coach-2026-11-29.json");
    CHECK(download_name(beijing_morning, 0, "") == "collection-coach-2026-11-28.json");
    // 2026-11-29 02:00 UTC is still the evening of the 28th for a learner at UTC-5.
    const std::int64_t new_york_evening = 1795917600000;
    CHECK(download_name(new_york_evening, -5 * 60, "-results", "csv") == "collection-coach-results-2026-11-28.csv");
    CHECK(download_name(new_york_evening, 0, "-results", "csv") == "collection-coach-results-2026-11-29.csv");
    // Local midnight in China (16:00 UTC) starts the new day; a millisecond before is the old one.
    const std::int64_t beijing_midnight = 1795881600000;
    CHECK(download_name(beijing_midnight, 480, "-profile", "png") == "collection-coach-profile-2026-11-29.png");
    CHECK(download_name(beijing_midnight - 1, 480, "-profile", "png") == "collection-coach-profile-2026-11-28.png");
    // Before 1970 the day still rounds down: 23:00 UTC on 1969-12-31 is 1970-01-01 in China.
    CHECK(download_name(-3600000, 0, "") == "collection-coach-1969-12-31.json");
    CHECK(download_name(-3600000, 480, "") == "collection-coach-1970-01-01.json");
}
