// The plan's figures, each on a case worked out by hand (the arithmetic is in the comments).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <limits>
#include <string>

#include "core/plan_analytics.h"
#include "core/plan_sample.h"

using namespace coach;

namespace {

// 2026-03-15. Month starts: 2026-01-01 = 20454, 02-01 = 20485, 03-01 = 20513.
constexpr Day kToday = 20527;
constexpr Day kJan10 = 20463, kFeb10 = 20494, kFeb20 = 20504, kMar10 = 20522;

Receivable invoice(Money amount, Day issued, Day due, std::string number = "FP") {
    static int next = 0;
    Receivable r;
    r.id = "r" + std::to_string(++next);
    r.invoice = std::move(number);
    r.amount = amount;
    r.issued = issued;
    r.due = due;
    return r;
}

Account customer(std::string name, std::string currency = kDefaultCurrency) {
    Account a;
    a.id = name;
    a.name = std::move(name);
    a.currency = std::move(currency);
    return a;
}

// An account owing `overdue` (due 10 days ago) and `revenue` invoiced this year.
Account owing(std::string name, Money overdue, Money revenue = 0, std::string currency = kDefaultCurrency) {
    Account a = customer(std::move(name), std::move(currency));
    if (overdue > 0) a.receivables.push_back(invoice(overdue, kToday - 40, kToday - 10));
    if (revenue > 0) {
        Receivable paid = invoice(revenue, kToday - 100, kToday - 70);
        paid.payments.push_back({kToday - 70, revenue, {}});
        a.receivables.push_back(paid);
    }
    return a;
}

}  // namespace

TEST_CASE("the ageing buckets meet at 0, 30, 60 and 90 days past due", "[plan][analytics]") {
    CHECK(bucket_of(-5) == Bucket::not_due);
    CHECK(bucket_of(0) == Bucket::not_due);  // due today is not yet overdue
    CHECK(bucket_of(1) == Bucket::days_1_30);
    CHECK(bucket_of(30) == Bucket::days_1_30);
    CHECK(bucket_of(31) == Bucket::days_31_60);
    CHECK(bucket_of(60) == Bucket::days_31_60);
    CHECK(bucket_of(61) == Bucket::days_61_90);
    CHECK(bucket_of(90) == Bucket::days_61_90);
    CHECK(bucket_of(91) == Bucket::over_90);
    CHECK(days_past_due(invoice(1, kToday - 40, kToday - 10), kToday) == 10);
    CHECK(days_past_due(invoice(1, kToday, kToday + 3), kToday) == -3);

    // One receivable at each boundary, amounts 1, 2, 4, ... 256 so each bucket's sum names its members.
    Account a = customer("甲");
    const int days[] = {-5, 0, 1, 30, 31, 60, 61, 90, 91};
    Money amount = 1;
    for (int d : days) {
        a.receivables.push_back(invoice(amount, kToday - d - 30, kToday - d));
        amount *= 2;
    }
    // The 91-day one (256) is paid 56 in part; a payment dated tomorrow does not count yet.
    a.receivables.back().payments = {{kToday - 1, 56, {}}, {kToday + 1, 100, {}}};
    const Ageing ageing = ageing_of(a, kToday);
    CHECK(ageing.open[0] == 1 + 2);    // -5, 0
    CHECK(ageing.open[1] == 4 + 8);    // 1, 30
    CHECK(ageing.open[2] == 16 + 32);  // 31, 60
    CHECK(ageing.open[3] == 64 + 128); // 61, 90
    CHECK(ageing.open[4] == 256 - 56); // 91, part paid
    CHECK(ageing.total() == 3 + 12 + 48 + 192 + 200);
    CHECK(ageing.overdue() == 12 + 48 + 192 + 200);

    const AccountFigures f = account_figures(a, kToday);
    CHECK(f.oldest_days == 91);
    CHECK(f.worst == Bucket::over_90);
    CHECK(f.open_receivables == 9);
    // Paid in full: the receivable leaves the ageing and the count of open ones.
    a.receivables.back().payments.push_back({kToday, 200, {}});
    CHECK(ageing_of(a, kToday).open[4] == 0);
    CHECK(account_figures(a, kToday).oldest_days == 90);
    CHECK(account_figures(a, kToday).worst == Bucket::days_61_90);
    CHECK(account_figures(a, kToday).open_receivables == 8);
}

TEST_CASE("the overdue ratio is overdue over open, 0 when nothing is open", "[plan][analytics]") {
    CHECK(overdue_ratio(Ageing{}) == 0);
    CHECK(overdue_ratio(Ageing{{100, 200, 0, 0, 100}}) == Approx(0.75));  // 300 / 400
    CHECK(overdue_ratio(Ageing{{100, 0, 0, 0, 0}}) == 0);
    const Account nothing_due = customer("甲");
    CHECK(account_figures(nothing_due, kToday).worst == Bucket::not_due);
    CHECK(account_figures(nothing_due, kToday).oldest_days == 0);
}

TEST_CASE("DSO by countback sets the open amount against each month's sales", "[plan][analytics]") {
    // Sales: January 400,000 (Jan 10), February 200,000 (Feb 10), March 100,000 (Mar 10).
    // Open on 2026-03-15: March's 100,000 + February's 200,000 + 100,000 of January's (300,000
    // came in on Feb 20) = 400,000.
    //   March, 15 days so far: 100,000 < 400,000, all 15 days; 300,000 left.
    //   February, 28 days: 200,000 < 300,000, all 28 days; 100,000 left.
    //   January, 31 days: 400,000 covers 100,000: 31 * 100,000 / 400,000 = 7.75 days.
    //   DSO = 15 + 28 + 7.75 = 50.75.
    Account a = customer("甲");
    Receivable jan = invoice(400'000, kJan10, kJan10 + 30);
    jan.payments.push_back({kFeb20, 300'000, {}});
    a.receivables = {jan, invoice(200'000, kFeb10, kFeb10 + 30), invoice(100'000, kMar10, kMar10 + 30)};
    CHECK(dso_countback(a, kToday) == Approx(50.75));
    CHECK(account_figures(a, kToday).dso == Approx(50.75));

    // Nothing open: 0. Open but no sales for 24 months: every month's days (the cap).
    CHECK(dso_countback(customer("空"), kToday) == 0);
    Account ancient = customer("老");
    ancient.receivables.push_back(invoice(1'000, kToday - 1000, kToday - 970));
    // March so far (15) and the 23 months before it, 2024-04-01 (19814) to 2026-02-28: 20513 - 19814 = 699.
    CHECK(dso_countback(ancient, kToday) == Approx(15 + 699));
}

TEST_CASE("the plan's DSO adds the accounts in one currency", "[plan][analytics]") {
    // Two CNY accounts: March sales 100,000 (open 100,000) and February sales 300,000 (open 100,000).
    // Open 200,000: March 100,000 -> 15 days, 100,000 left; February 300,000 covers it: 28 / 3.
    // DSO = 15 + 9.333 = 24.333. The USD account is another currency and does not count.
    Plan plan;
    Account x = customer("甲");
    x.receivables.push_back(invoice(100'000, kMar10, kMar10 + 30));
    Account y = customer("乙");
    Receivable feb = invoice(300'000, kFeb10, kFeb10 + 30);
    feb.payments.push_back({kFeb20, 200'000, {}});
    y.receivables.push_back(feb);
    Account z = customer("丙", "USD");
    z.receivables.push_back(invoice(9'000'000, kJan10, kJan10 + 30));
    plan.accounts = {x, y, z};
    CHECK(dso_countback(plan, "CNY", kToday) == Approx(15 + 28.0 / 3));
    CHECK(figures(plan, kToday).dso == Approx(15 + 28.0 / 3));
    // The USD account alone: 9,000,000 open, January's sales 9,000,000: 15 + 28 + 31 = 74.
    CHECK(dso_countback(plan, "USD", kToday) == Approx(74));
}

TEST_CASE("days late is the amount-weighted mean of payment date minus due date", "[plan][analytics]") {
    Account a = customer("甲");
    CHECK(days_late(a) == 0);  // no payments: on time
    Receivable r = invoice(5'000, kToday - 60, kToday - 30);
    // 1,000 paid 10 days late, 3,000 paid 2 days late: (10*1,000 + 2*3,000) / 4,000 = 4.
    r.payments = {{kToday - 20, 1'000, {}}, {kToday - 28, 3'000, {}}};
    a.receivables.push_back(r);
    CHECK(days_late(a) == 4);
    // Another invoice: 4,000 paid 9 days late: (16,000 + 36,000) / 8,000 = 6.5, rounded to 7.
    Receivable s = invoice(4'000, kToday - 50, kToday - 20);
    s.payments = {{kToday - 11, 4'000, {}}};
    a.receivables.push_back(s);
    CHECK(days_late(a) == 7);
    CHECK(account_figures(a, kToday).late_days == 7);
    // Paying early counts below zero: 1,000 paid 3 days before the due date.
    Account early = customer("乙");
    Receivable e = invoice(1'000, kToday - 30, kToday);
    e.payments = {{kToday - 3, 1'000, {}}};
    early.receivables.push_back(e);
    CHECK(days_late(early) == -3);
}

TEST_CASE("the forecast expects each open amount on its due date plus the payment habit", "[plan][analytics]") {
    Account a = customer("甲");
    // Habit: 100,000 paid 7 days late, and the part payment below 11 days early:
    // (7 * 100,000 - 11 * 40) / 100,040 = 6.99, so 7.
    Receivable habit = invoice(100'000, kToday - 100, kToday - 70);
    habit.payments = {{kToday - 63, 100'000, {}}};
    a.receivables.push_back(habit);
    // Expected date = due + 7:
    a.receivables.push_back(invoice(1, kToday - 40, kToday - 10));     // today - 3: late
    a.receivables.push_back(invoice(2, kToday - 37, kToday - 7));      // today: week 0
    a.receivables.push_back(invoice(4, kToday - 31, kToday - 1));      // today + 6: week 0
    a.receivables.push_back(invoice(8, kToday - 30, kToday));          // today + 7: week 1
    a.receivables.push_back(invoice(16, kToday, kToday + 76));         // today + 83: week 11
    a.receivables.push_back(invoice(32, kToday, kToday + 77));         // today + 84: later
    Receivable part = invoice(64, kToday - 20, kToday + 10);           // today + 17: week 2, 24 open
    part.payments = {{kToday - 1, 40, {}}};
    a.receivables.push_back(part);
    REQUIRE(days_late(a) == 7);
    const Forecast f = forecast_of(a, kToday);
    CHECK(f.late == 1);
    CHECK(f.weeks[0] == 2 + 4);
    CHECK(f.weeks[1] == 8);
    CHECK(f.weeks[2] == 24);
    CHECK(f.weeks[11] == 16);
    CHECK(f.later == 32);
    Money in_weeks = 0;
    for (Money m : f.weeks) in_weeks += m;
    CHECK(in_weeks + f.late + f.later == ageing_of(a, kToday).total());  // every open amount lands somewhere
}

TEST_CASE("revenue and collected count the last 365 days", "[plan][analytics]") {
    Account a = customer("甲");
    Receivable oldest = invoice(1, kToday - 365, kToday - 335);  // a day too old
    Receivable first = invoice(2, kToday - 364, kToday - 334);   // the first day counted
    Receivable latest = invoice(4, kToday, kToday + 30);
    Receivable future = invoice(8, kToday + 1, kToday + 31);     // dated tomorrow: not yet revenue
    oldest.payments = {{kToday - 365, 1, {}}};
    first.payments = {{kToday - 364, 2, {}}};
    latest.payments = {{kToday, 1, {}}, {kToday + 1, 3, {}}};    // the second is not in yet
    a.receivables = {oldest, first, latest, future};
    CHECK(revenue_of(a, kToday) == 2 + 4);
    CHECK(collected_of(a, kToday) == 2 + 1);
}

TEST_CASE("credit use is open over the limit, none without a limit", "[plan][analytics]") {
    Account a = owing("甲", 150);
    CHECK_FALSE(credit_use(a, kToday).has_value());
    a.credit_limit = 100;
    REQUIRE(credit_use(a, kToday).has_value());
    CHECK(*credit_use(a, kToday) == Approx(1.5));
    a.credit_limit = 600;
    CHECK(*credit_use(a, kToday) == Approx(0.25));
    CHECK(*account_figures(a, kToday).credit_use == Approx(0.25));
}

TEST_CASE("attack is measured on revenue, defense on profit and collection", "[plan][analytics]") {
    CHECK(kpi_focus(Stage::attack) == std::vector<Kpi>{Kpi::revenue});
    CHECK(kpi_focus(Stage::defense) == std::vector<Kpi>{Kpi::profit, Kpi::amount_collected, Kpi::collection_speed});
    Account a = customer("甲");
    a.share_percent = 60;
    CHECK(account_figures(a, kToday).stage == Stage::defense);
}

TEST_CASE("the plan's totals are in its main currency", "[plan][analytics]") {
    CHECK(figures({}, kToday).currency == "CNY");
    Plan plan;
    plan.accounts = {owing("甲", 100, 0, "USD"), owing("乙", 200, 0, "USD"), owing("丙", 400)};
    PlanFigures f = figures(plan, kToday);
    CHECK(f.today == kToday);
    CHECK(f.currency == "USD");
    CHECK(f.other_currency_accounts == 1);
    CHECK(f.ageing.open[1] == 300);  // 100 + 200, not the CNY 400
    CHECK(f.overdue_ratio == 1.0);
    CHECK(f.accounts.size() == 3);
    CHECK(f.accounts[2].ageing.open[1] == 400);  // each account keeps its own figures
    CHECK(f.receivables == 3);
    CHECK(f.open_receivables == 3);

    plan.accounts = {owing("甲", 100, 0, "USD"), owing("丙", 400)};  // tied with CNY: CNY
    CHECK(figures(plan, kToday).currency == "CNY");
    plan.accounts = {owing("甲", 100, 0, "USD"), owing("丙", 400, 0, "EUR")};  // tied without CNY: alphabetical
    CHECK(figures(plan, kToday).currency == "EUR");
}

TEST_CASE("20/80: accounts by revenue with the cumulative share", "[plan][analytics]") {
    // Revenue 50, 30, 10, 6, 4 (of 100) in CNY, one USD account and one with none left out.
    // Cumulative: 0.5, 0.8, 0.9, 0.96, 1.0; two accounts make 80 %.
    Plan plan;
    plan.accounts = {owing("小", 0, 4), owing("大", 0, 50), owing("美", 0, 1'000, "USD"), owing("中", 0, 30),
                     owing("无", 0, 0), owing("丁", 0, 6), owing("丙", 0, 10)};
    const PlanFigures f = figures(plan, kToday);
    REQUIRE(f.pareto.size() == 5);
    CHECK(f.pareto[0].account == 1);
    CHECK(f.pareto[0].revenue == 50);
    CHECK(f.pareto[0].cumulative == Approx(0.5));
    CHECK(f.pareto[1].account == 3);
    CHECK(f.pareto[1].cumulative == Approx(0.8));
    CHECK(f.pareto[2].account == 6);
    CHECK(f.pareto[2].cumulative == Approx(0.9));
    CHECK(f.pareto[3].cumulative == Approx(0.96));
    CHECK(f.pareto[4].account == 0);
    CHECK(f.pareto[4].cumulative == Approx(1.0));
    CHECK(f.pareto_80 == 2);

    // 50 + 29 = 79 of 100 is short of 80 %: three accounts.
    plan.accounts[3] = owing("中", 0, 29);
    plan.accounts[0] = owing("小", 0, 5);
    CHECK(figures(plan, kToday).pareto_80 == 3);
    CHECK(figures({}, kToday).pareto_80 == 0);
}

TEST_CASE("the ten accounts with most overdue, ties by name", "[plan][analytics]") {
    Plan plan;
    for (int i = 0; i < 12; ++i) plan.accounts.push_back(owing("客户" + std::to_string(i), 100 + i));
    plan.accounts.push_back(owing("未逾期", 0, 5));
    plan.accounts.push_back(owing("美元", 10'000, 0, "USD"));  // another currency: not compared
    plan.accounts[3] = owing("B", 111);                          // ties with 客户11 (111): "B" < "客户11"
    const PlanFigures f = figures(plan, kToday);
    REQUIRE(f.top_overdue.size() == 10);
    CHECK(f.top_overdue[0] == 3);
    CHECK(f.top_overdue[1] == 11);
    CHECK(f.top_overdue[2] == 10);
    CHECK(f.top_overdue[3] == 9);
    CHECK(f.top_overdue[9] == 2);  // 102 (客户3 became B); 客户1 and 客户0 are left out
}

TEST_CASE("the account list searches, filters and sorts", "[plan][analytics]") {
    Plan plan;
    Account a = owing("Xiangjiang Machinery", 300, 50);
    a.segment = "工程机械";
    a.receivables[0].invoice = "INV-2026-001";
    a.credit_limit = 1'000;  // use 0.3
    Account b = owing("湘江机械集团", 300, 80);
    b.share_percent = 60;  // defense
    b.credit_limit = 300;  // use 1.0
    Account c = owing("岳麓医药", 0, 10);
    c.segment = "医药";
    Account d = customer("星城电子");
    d.receivables.push_back(invoice(500, kToday - 150, kToday - 100, "FP-0099"));  // over 90
    plan.accounts = {a, b, c, d};
    const PlanFigures f = figures(plan, kToday);
    const auto list = [&](ListQuery q) { return list_accounts(plan, f, q); };
    using L = std::vector<std::uint32_t>;

    ListQuery q;  // by overdue, largest first: 500, then 300 and 300 by name, then 0
    CHECK(list(q) == L{3, 0, 1, 2});
    q.search = "xIANG";  // ASCII case ignored
    CHECK(list(q) == L{0});
    q.search = "机械";  // name or segment
    CHECK(list(q) == L{0, 1});
    q.search = "inv-2026";  // an invoice number
    CHECK(list(q) == L{0});
    q.search = "0099";
    CHECK(list(q) == L{3});
    q.search = "医药";
    CHECK(list(q) == L{2});
    q.search = "无此客户";
    CHECK(list(q).empty());

    q = {};
    q.bucket = Bucket::days_1_30;
    CHECK(list(q) == L{0, 1});
    q.bucket = Bucket::over_90;
    CHECK(list(q) == L{3});
    q = {};
    q.stage = Stage::defense;
    CHECK(list(q) == L{1});
    q.stage = Stage::attack;
    CHECK(list(q) == L{3, 0, 2});

    // Names in byte order (code point order for Chinese), both ways.
    q = {};
    q.sort = SortKey::name;
    q.descending = false;
    CHECK(list(q) == L{0, 2, 3, 1});  // X < 岳 (U+5CB3) < 星 (U+661F) < 湘 (U+6E58)
    q.descending = true;
    CHECK(list(q) == L{1, 3, 2, 0});

    q.sort = SortKey::revenue;
    CHECK(list(q) == L{3, 1, 0, 2});  // 500 (星城's invoice is 150 days old), 80, 50, 10
    q.descending = false;
    CHECK(list(q) == L{2, 0, 1, 3});
    q.sort = SortKey::open;
    CHECK(list(q) == L{2, 0, 1, 3});  // 0, 300 (by name), 500
    q.sort = SortKey::oldest;
    q.descending = true;
    CHECK(list(q) == L{3, 0, 1, 2});  // 100 days, 10, 10, 0
    // Credit use: those without a limit last, whichever way round.
    q.sort = SortKey::credit_use;
    CHECK(list(q) == L{1, 0, 2, 3});
    q.descending = false;
    CHECK(list(q) == L{0, 1, 2, 3});
    q.sort = SortKey::dso;
    q.descending = true;
    // 星城: 500 open, 500 invoiced in October: 15 + 28 + 31 + 31 + 30 + 31 = 166 days.
    // Xiangjiang: 300 open, 300 invoiced in February: 15 + 28 = 43. 湘江 the same; 岳麓 0.
    CHECK(f.accounts[3].dso == Approx(166));
    CHECK(f.accounts[0].dso == Approx(43));
    CHECK(list(q) == L{3, 0, 1, 2});
}

TEST_CASE("the generated plan is the same for a seed and holds the limits", "[plan][analytics]") {
    const Plan p = generated_plan(60, 600, kToday, 7);
    CHECK(p == generated_plan(60, 600, kToday, 7));
    CHECK_FALSE(p == generated_plan(60, 600, kToday, 8));
    CHECK(p.accounts.size() == 60);
    CHECK(receivable_count(p) == 600);
    CHECK(refusal({}, ReplacePlan{p}) == PlanRefusal::none);
    const PlanFigures f = figures(p, kToday);
    CHECK(f.other_currency_accounts > 0);
    CHECK(f.ageing.overdue() > 0);
    CHECK(f.ageing.open[0] > 0);
    std::size_t over_limit = 0;
    for (const AccountFigures& a : f.accounts)
        if (a.credit_use && *a.credit_use > 1.0) ++over_limit;
    CHECK(over_limit > 0);
}

TEST_CASE("figures and the list of 5,000 accounts with 50,000 receivables", "[.bench][plan]") {
    const Plan plan = generated_plan(5'000, 50'000, kToday, 1);
    ListQuery query;
    query.search = "机械";
    const auto start = std::chrono::steady_clock::now();
    constexpr int kRuns = 20;
    std::size_t listed = 0;
    for (int i = 0; i < kRuns; ++i) {
        const PlanFigures f = figures(plan, kToday);
        listed += list_accounts(plan, f, query).size() + list_accounts(plan, f, ListQuery{}).size();
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / kRuns;
    std::printf("plan figures + two lists, 5,000 accounts / 50,000 receivables: %.2f ms (%zu listed)\n", ms, listed / kRuns);
    CHECK(listed > 0);
}

TEST_CASE("sums at the plan's limits stop at the largest amount instead of wrapping", "[plan][analytics]") {
    // 50 accounts of 2,000 receivables of the largest amount: 100,000 * 10^14 = 10^19 > 2^63 - 1.
    constexpr Money kMax = std::numeric_limits<Money>::max();
    Account big = customer("大");
    for (int i = 0; i < 2000; ++i) big.receivables.push_back(invoice(kPlanLimits.max_amount, kToday, kToday + 30));
    Plan plan;
    for (int i = 0; i < 50; ++i) plan.accounts.push_back(big);
    const PlanFigures f = figures(plan, kToday);
    CHECK(f.accounts[0].ageing.open[0] == 2000 * kPlanLimits.max_amount);  // one account is exact
    CHECK(f.ageing.open[0] == kMax);
    CHECK(f.ageing.total() == kMax);
    CHECK(f.forecast.weeks[4] == kMax);  // due in 30 days, habit 0: week 4
    CHECK(f.pareto_80 == 40);            // each account 1/50 of the revenue: 40 make 80 %

    // One account paid 50 times the largest amount on each of 2,000 receivables: 10^19 collected.
    Account overpaid = customer("多付");
    for (int i = 0; i < 2000; ++i) {
        Receivable r = invoice(kPlanLimits.max_amount, kToday - 30, kToday);
        r.payments.assign(50, Payment{kToday, kPlanLimits.max_amount, {}});
        overpaid.receivables.push_back(std::move(r));
    }
    CHECK(collected_of(overpaid, kToday) == kMax);
    CHECK(ageing_of(overpaid, kToday).total() == 0);
}
