// A cell's date or amount as the import reads them (plan_csv.h read_date, read_amount): every
// format a Chinese or English ERP or spreadsheet writes, and every refusal.
#include <catch2/catch.hpp>

#include "core/calendar.h"
#include "core/plan_csv.h"

using namespace coach;

namespace {

// The civil date a cell reads as, or the problem.
struct Read {
    CivilDate date{0, 0, 0};
    RowProblem problem = RowProblem::none;
    bool operator==(const Read&) const = default;
};
Read date_of(std::string_view text) {
    const DateRead r = read_date(text);
    if (!r.day) return {{0, 0, 0}, r.problem};
    CHECK(r.problem == RowProblem::none);
    return {civil_date(*r.day), RowProblem::none};
}
Read ymd(std::int64_t y, int m, int d) { return {{y, m, d}, RowProblem::none}; }
Read refused(RowProblem p) { return {{0, 0, 0}, p}; }

std::optional<Money> amount_of(std::string_view text, int decimals = 2) {
    const AmountRead r = read_amount(text, decimals);
    CHECK((r.amount.has_value() == (r.problem == RowProblem::none)));
    return r.amount;
}
RowProblem amount_problem(std::string_view text, int decimals = 2) { return read_amount(text, decimals).problem; }

}  // namespace

TEST_CASE("dates: year first, in every separator an ERP uses", "[plan_csv][values]") {
    CHECK(date_of("2026-11-29") == ymd(2026, 11, 29));
    CHECK(date_of("2026/11/29") == ymd(2026, 11, 29));
    CHECK(date_of("2026.11.29") == ymd(2026, 11, 29));
    CHECK(date_of("2026-1-5") == ymd(2026, 1, 5));
    CHECK(date_of("2026/1/5") == ymd(2026, 1, 5));  // Chinese Excel's short date
    CHECK(date_of("2026年11月29日") == ymd(2026, 11, 29));
    CHECK(date_of("2026年1月5日") == ymd(2026, 1, 5));
    CHECK(date_of("2026 年 1 月 5 日") == ymd(2026, 1, 5));
    CHECK(date_of("20261129") == ymd(2026, 11, 29));
    CHECK(date_of("  2026-11-29 ") == ymd(2026, 11, 29));
    CHECK(date_of("２０２６－１１－２９") == ymd(2026, 11, 29));  // typed in full width
    CHECK(date_of("'2026-11-29") == ymd(2026, 11, 29));          // Excel's text apostrophe
}

TEST_CASE("dates: a time of day after the date is ignored", "[plan_csv][values]") {
    CHECK(date_of("2026/11/29 0:00") == ymd(2026, 11, 29));
    CHECK(date_of("2026-11-29 10:30:15") == ymd(2026, 11, 29));
    CHECK(date_of("2026-11-29T10:30:00Z") == ymd(2026, 11, 29));
    CHECK(date_of("2026-11-29T10:30:00+08:00") == ymd(2026, 11, 29));
    CHECK(date_of("11/29/2026 10:30 PM") == ymd(2026, 11, 29));
    CHECK(date_of("2026年11月29日 9:00") == ymd(2026, 11, 29));
    CHECK(date_of("2026-11-29 later") == refused(RowProblem::bad_date));
    CHECK(date_of("2026-11-29 10") == refused(RowProblem::bad_date));
}

TEST_CASE("dates: day and month in either order only when a part tells which", "[plan_csv][values]") {
    CHECK(date_of("29/11/2026") == ymd(2026, 11, 29));
    CHECK(date_of("11/29/2026") == ymd(2026, 11, 29));
    CHECK(date_of("29.11.2026") == ymd(2026, 11, 29));
    CHECK(date_of("29-11-2026") == ymd(2026, 11, 29));
    CHECK(date_of("5/5/2026") == ymd(2026, 5, 5));  // both ways the same day
    CHECK(date_of("03/04/2026") == refused(RowProblem::ambiguous_date));
    CHECK(date_of("12.01.2026") == refused(RowProblem::ambiguous_date));
    CHECK(date_of("13/13/2026") == refused(RowProblem::bad_date));
    CHECK(date_of("0/5/2026") == refused(RowProblem::bad_date));
    CHECK(date_of("11/29/26") == refused(RowProblem::bad_date));  // which century is not guessed
    CHECK(date_of("26/11/29") == refused(RowProblem::bad_date));
}

TEST_CASE("dates: English month names", "[plan_csv][values]") {
    CHECK(date_of("29 Nov 2026") == ymd(2026, 11, 29));  // how the app writes a date in English
    CHECK(date_of("29-Nov-2026") == ymd(2026, 11, 29));
    CHECK(date_of("29-Nov-26") == ymd(2026, 11, 29));  // Excel's d-mmm-yy
    CHECK(date_of("Nov 29, 2026") == ymd(2026, 11, 29));
    CHECK(date_of("November 29 2026") == ymd(2026, 11, 29));
    CHECK(date_of("29 sept 2026") == ymd(2026, 9, 29));
    CHECK(date_of("29 Foo 2026") == refused(RowProblem::bad_date));
    CHECK(date_of("31 Feb 2026") == refused(RowProblem::bad_date));
}

TEST_CASE("dates: Excel serial numbers, with Lotus's 29 February 1900", "[plan_csv][values]") {
    CHECK(date_of("45000") == ymd(2023, 3, 15));
    CHECK(date_of("45000.75") == ymd(2023, 3, 15));  // a date with a time
    CHECK(date_of("1") == ymd(1900, 1, 1));
    CHECK(date_of("59") == ymd(1900, 2, 28));
    CHECK(date_of("60") == refused(RowProblem::bad_date));  // 1900-02-29 never was
    CHECK(date_of("61") == ymd(1900, 3, 1));
    CHECK(date_of("73050") == ymd(2099, 12, 31));
    CHECK(date_of("73051") == refused(RowProblem::date_out_of_range));
    CHECK(date_of("2958465") == refused(RowProblem::date_out_of_range));  // 9999-12-31: Excel's last day
    CHECK(date_of("2958466") == refused(RowProblem::bad_date));
    CHECK(date_of("0") == refused(RowProblem::bad_date));
    CHECK(date_of("123456789") == refused(RowProblem::bad_date));
}

TEST_CASE("dates: days that do not exist and days out of range", "[plan_csv][values]") {
    CHECK(date_of("2024-02-29") == ymd(2024, 2, 29));
    CHECK(date_of("2023-02-29") == refused(RowProblem::bad_date));
    CHECK(date_of("2026-04-31") == refused(RowProblem::bad_date));
    CHECK(date_of("2026-13-01") == refused(RowProblem::bad_date));
    CHECK(date_of("2026-00-10") == refused(RowProblem::bad_date));
    CHECK(date_of("1900-01-01") == ymd(1900, 1, 1));
    CHECK(date_of("2099-12-31") == ymd(2099, 12, 31));
    CHECK(date_of("1899-12-31") == refused(RowProblem::date_out_of_range));
    CHECK(date_of("2100-01-01") == refused(RowProblem::date_out_of_range));
    CHECK(date_of("") == refused(RowProblem::bad_date));
    CHECK(date_of("明天") == refused(RowProblem::bad_date));
    CHECK(date_of("2026-11") == refused(RowProblem::bad_date));
    CHECK(date_of("2026-11-29-1") == refused(RowProblem::bad_date));
    CHECK(date_of("2026/11-29") == refused(RowProblem::bad_date));
}

TEST_CASE("amounts: separators, currency marks and full-width digits", "[plan_csv][values]") {
    CHECK(amount_of("1234.56") == 123456);
    CHECK(amount_of("1,234.56") == 123456);
    CHECK(amount_of("1,234,567.8") == 123456780);
    CHECK(amount_of("1，234.56") == 123456);  // a full-width comma
    CHECK(amount_of("１２３４．５６") == 123456);
    CHECK(amount_of("¥1234.5") == 123450);
    CHECK(amount_of("￥1,234") == 123400);
    CHECK(amount_of("$1,234.00") == 123400);
    CHECK(amount_of("RMB 1,234.56") == 123456);
    CHECK(amount_of("CNY1234") == 123400);
    CHECK(amount_of("1,234.56 元") == 123456);
    CHECK(amount_of(" 1234 ") == 123400);
    CHECK(amount_of("1 234.56") == 123456);  // spaces between digit groups
    CHECK(amount_of("+1234") == 123400);
    CHECK(amount_of("1234.500") == 123450);  // more decimals, all zero
    CHECK(amount_of(".5") == 50);
    CHECK(amount_of("0") == 0);
    CHECK(amount_of("-0") == 0);
    CHECK(amount_of("'1234") == 123400);
    CHECK(amount_of("1000000000000") == kPlanLimits.max_amount);
}

TEST_CASE("amounts: every refusal", "[plan_csv][values]") {
    CHECK(amount_problem("") == RowProblem::missing_amount);
    CHECK(amount_problem("   ") == RowProblem::missing_amount);
    CHECK(amount_problem("(1,234.00)") == RowProblem::negative_amount);
    CHECK(amount_problem("-1234") == RowProblem::negative_amount);
    CHECK(amount_problem("1,234.56-") == RowProblem::negative_amount);  // SAP's trailing minus
    CHECK(amount_problem("¥-5") == RowProblem::negative_amount);
    CHECK(amount_problem("-¥5") == RowProblem::negative_amount);
    CHECK(amount_problem("¥(5.00)") == RowProblem::negative_amount);
    CHECK(amount_problem("1234.567") == RowProblem::too_precise);
    CHECK(amount_problem("1000000000000.01") == RowProblem::amount_too_large);
    CHECK(amount_problem("99999999999999999999999") == RowProblem::amount_too_large);
    CHECK(amount_problem("1,23") == RowProblem::bad_amount);       // a decimal comma, not a thousands one
    CHECK(amount_problem("1234,56") == RowProblem::bad_amount);
    CHECK(amount_problem("1.234,56") == RowProblem::bad_amount);
    CHECK(amount_problem(",123") == RowProblem::bad_amount);
    CHECK(amount_problem("1.2E+05") == RowProblem::bad_amount);    // Excel's rounded display
    CHECK(amount_problem("12万") == RowProblem::bad_amount);       // a unit is never guessed
    CHECK(amount_problem("abc") == RowProblem::bad_amount);
    CHECK(amount_problem("¥") == RowProblem::bad_amount);
    CHECK(amount_problem(".") == RowProblem::bad_amount);
    CHECK(amount_problem("--5") == RowProblem::bad_amount);
    CHECK(amount_problem("1.2.3") == RowProblem::bad_amount);
}

TEST_CASE("amounts: the decimals a currency has", "[plan_csv][values]") {
    CHECK(amount_of("12", 0) == 12);
    CHECK(amount_of("12.0", 0) == 12);
    CHECK(amount_problem("12.5", 0) == RowProblem::too_precise);
    CHECK(amount_of("1.234", 3) == 1234);
}
