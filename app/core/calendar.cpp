#include "calendar.h"

#include <cstdio>

namespace coach {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

CivilDate civil_date(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = floor_div(z, 146097);
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const auto day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

std::string download_name(std::int64_t now_ms, int utc_offset_minutes, std::string_view suffix,
                          std::string_view extension) {
    const CivilDate date = civil_date(floor_div(now_ms + std::int64_t{utc_offset_minutes} * 60000, 86400000));
    char day[32];
    std::snprintf(day, sizeof day, "-%04lld-%02d-%02d.", static_cast<long long>(date.year), date.month, date.day);
    std::string name = "collection-coach";
    name.append(suffix).append(day).append(extension);
    return name;
}

}  // namespace coach
