// plan_analytics: what the collection plan's figures say, computed from its dates and amounts.
//
// Everything here is a pure function of the plan and today's date, so the dashboard, the account
// list and the benchmark all see the same numbers, and each one is unit-tested on cases worked
// out by hand. `figures()` computes everything the screens show in one pass over the plan; at
// 5,000 accounts and 50,000 receivables it must stay within 20 ms in the browser (the
// benchmark prints it), so the screens compute it once per change, not per frame.
//
// Definitions (a sales manager's accounts-receivable conventions):
//   - Days past due: today − due date; a receivable is overdue from the day after its due date.
//   - Ageing buckets of the open amount: not due (0 days or fewer), 1–30, 31–60, 61–90, over 90.
//   - Overdue ratio: overdue open amount / total open amount (0 when nothing is open).
//   - DSO, countback: starting with the current month and going back one calendar month at a
//     time, the open receivables are set against each month's invoiced amount; each month fully
//     used counts its days, the month that exhausts them counts the fraction used. A month with
//     no sales adds its days. Limited to 24 months back. Invoices dated after today count
//     neither as open nor as sales.
//   - Days late (payment habit): over the account's payments, the amount-weighted mean of
//     (payment date − due date), rounded to whole days; no payments: 0 (on time).
//   - Cash-in forecast: each open receivable is expected on its due date plus its account's days
//     late; week w (0..11) is days [today + 7w, today + 7w + 6]. Amounts expected before today
//     (already late beyond habit) are in `late`, after the 12 weeks in `later`.
//   - Revenue: invoiced in the last 365 days (issue date in today − 364 .. today).
//   - 20/80: accounts by revenue, largest first, with the cumulative share of all revenue.
//   - Credit-limit use: open amount / credit limit (none without a limit).
//   - Money in different currencies is never added together: totals are per currency, and the
//     dashboard shows the plan's main currency (the one most accounts use).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plan.h"

namespace coach {

enum class Bucket { not_due, days_1_30, days_31_60, days_61_90, over_90 };
inline constexpr std::size_t kBucketCount = 5;
Bucket bucket_of(int days_past_due);

struct Ageing {
    std::array<Money, kBucketCount> open{};  // open amount per bucket
    Money total() const;
    Money overdue() const;  // every bucket but not due
    bool operator==(const Ageing&) const = default;
};

int days_past_due(const Receivable& r, Day today);
Ageing ageing_of(const Account& account, Day today);
// 0..1; 0 when nothing is open.
double overdue_ratio(const Ageing& ageing);
// The account's payment habit (see above).
int days_late(const Account& account);
// DSO by countback, of one account or of every account in `currency`.
double dso_countback(const Account& account, Day today);
double dso_countback(const Plan& plan, std::string_view currency, Day today);
Money revenue_of(const Account& account, Day today);
Money collected_of(const Account& account, Day today);  // paid in the last 365 days
// Open amount / credit limit; nullopt without a limit.
std::optional<double> credit_use(const Account& account, Day today);

inline constexpr std::size_t kForecastWeeks = 12;
struct Forecast {
    std::array<Money, kForecastWeeks> weeks{};
    Money late = 0;   // expected before today (later than the account's habit)
    Money later = 0;  // expected after the 12 weeks
    bool operator==(const Forecast&) const = default;
};
Forecast forecast_of(const Account& account, Day today);

// The KPIs an account's stage measures it on (lesson 5).
enum class Kpi { revenue, profit, amount_collected, collection_speed };
std::vector<Kpi> kpi_focus(Stage stage);

// One account's figures, as the list and the account page show them.
struct AccountFigures {
    Ageing ageing;
    int oldest_days = 0;       // the most days past due of an open receivable (0: none overdue)
    int late_days = 0;         // days_late
    double dso = 0;
    Money revenue = 0;         // last 365 days
    Money collected = 0;       // last 365 days
    std::optional<double> credit_use;
    Stage stage = Stage::attack;
    Bucket worst = Bucket::not_due;  // the oldest bucket with an open amount
    std::size_t open_receivables = 0;
    bool operator==(const AccountFigures&) const = default;
};
AccountFigures account_figures(const Account& account, Day today);

struct ParetoRow {
    std::size_t account = 0;  // index into plan.accounts
    Money revenue = 0;
    double cumulative = 0;    // share of all revenue up to and including this account, 0..1
};

// Everything the dashboard and the list show, in one pass. Totals are in `currency`: the
// plan's main currency (most accounts; CNY for an empty plan).
struct PlanFigures {
    Day today = 0;
    std::string currency = kDefaultCurrency;
    std::vector<AccountFigures> accounts;  // per account, same order as the plan
    Ageing ageing;                         // of the accounts in `currency`
    double overdue_ratio = 0;
    double dso = 0;
    Forecast forecast;
    std::vector<ParetoRow> pareto;          // accounts in `currency` with revenue, largest first
    std::size_t pareto_80 = 0;              // how many accounts make 80 % of revenue
    std::vector<std::size_t> top_overdue;   // up to 10 accounts in `currency` by overdue amount, largest first, ties by name
    std::size_t other_currency_accounts = 0;  // accounts left out of the totals
    std::size_t receivables = 0, open_receivables = 0;  // of the whole plan, every currency
};
PlanFigures figures(const Plan& plan, Day today);

// The account list: which accounts, in which order (indices into plan.accounts).
enum class SortKey { name, open, overdue, oldest, revenue, credit_use, dso };
struct ListQuery {
    std::string search;                  // substring of name, segment or an invoice number (ASCII case ignored)
    // Ties of the sort key go by name (byte order: code point order), then plan order; without
    // a credit limit an account sorts after those with one, whichever the direction.
    std::optional<Bucket> bucket;        // accounts with an open amount in this bucket
    std::optional<Stage> stage;
    SortKey sort = SortKey::overdue;
    bool descending = true;
    bool operator==(const ListQuery&) const = default;
};
std::vector<std::uint32_t> list_accounts(const Plan& plan, const PlanFigures& figures, const ListQuery& query);

}  // namespace coach
