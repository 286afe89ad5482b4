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
