// plan_analytics: the figures of plan_analytics.h.
//
// One scan per account (`scan`) reads each receivable once and fills everything the account's
// figures need: the ageing, the oldest overdue receivable, revenue and collected, the payment
// habit, and the account's invoiced amount per calendar month for DSO. The month boundaries
// are worked out once per call (`Months`), so a receivable finds its month with a few
// comparisons. The public single-account functions run the same scan, so the list, the account
// page and the dashboard can never disagree. Nothing here allocates per receivable.
//
// Plan totals add many accounts' amounts; at the plan's limits (100,000 receivables of up to a
// trillion each) such a sum could pass what 64 bits hold, so plan-level sums saturate instead of
// wrapping. Within one account, invoiced amounts cannot (2,000 of them), but payments can (50 per
// receivable, and a receivable may be overpaid), so the amount collected saturates too.
#include "plan_analytics.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "calendar.h"

namespace coach {
namespace {

constexpr std::size_t kDsoMonths = 24;
constexpr Day kYearDays = 365;

Money add_saturated(Money a, Money b) {
    Money sum = 0;
    if (__builtin_add_overflow(a, b, &sum)) return b > 0 ? std::numeric_limits<Money>::max() : std::numeric_limits<Money>::min();
    return sum;
}

// The current calendar month (up to today) and the 23 before it, with the month of each day
// of them in a table by age (today - day): a receivable finds its month by one lookup, with no
// branch to mispredict on dates in random order.
struct Months {
    Day today = 0;
    std::array<int, kDsoMonths> days{};  // the current month: the days up to and including today
    std::size_t span = 0;                // days covered, today back to the first of the oldest month
    std::array<std::uint8_t, kDsoMonths * 31> month_by_age{};

    explicit Months(Day t) : today(t) {
        Day end = t;
        for (std::size_t k = 0; k < kDsoMonths; ++k) {
            const int day_of_month = civil_date(end).day;
            days[k] = day_of_month;
            for (int d = 0; d < day_of_month; ++d) month_by_age[span++] = static_cast<std::uint8_t>(k);
            end -= day_of_month;
        }
    }
    // Which month a day falls in; kDsoMonths when after today or before the oldest month.
    std::size_t index_of(Day day) const {
        const auto age = static_cast<std::size_t>(static_cast<std::int64_t>(today) - day);  // huge when after today
        return age < span ? month_by_age[age] : kDsoMonths;
    }
};

using MonthSales = std::array<Money, kDsoMonths + 1>;  // the last slot gathers what is outside the 24 months

double countback(Money open, const MonthSales& sales, const Months& months) {
    double dso = 0;
    Money left = open;
    for (std::size_t k = 0; k < kDsoMonths && left > 0; ++k) {
        if (sales[k] >= left) return dso + months.days[k] * (static_cast<double>(left) / static_cast<double>(sales[k]));
        dso += months.days[k];
        left -= sales[k];
    }
    return dso;
}

double ratio(Money part, Money whole) { return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

struct Scan {
    AccountFigures figures;
    Forecast forecast;
    MonthSales sales{};
    Money open_for_dso = 0;  // open on receivables issued by today
};

int rounded_mean(double weighted, double weight) { return weight > 0 ? static_cast<int>(std::lround(weighted / weight)) : 0; }

int habit_of(const Account& account) {
    double weighted = 0, paid = 0;
    for (const Receivable& r : account.receivables)
        for (const Payment& p : r.payments) {
            weighted += static_cast<double>(p.amount) * static_cast<double>(p.date - r.due);
            paid += static_cast<double>(p.amount);
        }
    return rounded_mean(weighted, paid);
}

// An open receivable waiting for the account's habit to be known before it is placed in a week.
struct Expected {
    Day due;
    Money open;
};

// Space the caller keeps across accounts, so figures() allocates it once, not per account.
struct Scratch {
    std::vector<Money> paid;        // per receivable of the account, up to today
    std::vector<Expected> pending;  // open receivables, placed in the forecast once the habit is known
};

void scan(const Account& account, Day today, const Months& months, Scan& out, Scratch& scratch) {
    AccountFigures& f = out.figures;
    f.stage = stage_of(account);
    const Day year_start = today - (kYearDays - 1);
    const std::size_t n = account.receivables.size();
    // First the payments alone: a short loop, so the processor fetches many payment blocks
    // (each its own allocation) at once instead of waiting for them one by one.
    double weighted_late = 0, weight = 0;
    scratch.paid.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Receivable& r = account.receivables[i];
        Money paid = 0;
        for (const Payment& p : r.payments) {
            weighted_late += static_cast<double>(p.amount) * static_cast<double>(p.date - r.due);
            weight += static_cast<double>(p.amount);
            const bool in = p.date <= today;
            paid += in ? p.amount : 0;
            if (in && p.date >= year_start) f.collected = add_saturated(f.collected, p.amount);
        }
        scratch.paid[i] = paid;
    }
    std::vector<Expected>& pending = scratch.pending;
    pending.clear();
    for (std::size_t i = 0; i < n; ++i) {
        const Receivable& r = account.receivables[i];
        const Money paid = scratch.paid[i];
        // Written to be compiled without branches where the data decides (paid or not, how
        // old): a paid receivable adds 0 to its bucket and its month's open amount.
        const bool this_year = r.issued <= today && r.issued >= year_start;
        f.revenue += this_year ? r.amount : 0;
        out.sales[months.index_of(r.issued)] += r.amount;  // the slot past the 24 months is never read
        const Money open = std::max<Money>(0, r.amount - paid);
        const bool is_open = open > 0;
        f.open_receivables += is_open ? 1 : 0;
        out.open_for_dso += r.issued <= today ? open : 0;
        const int past_due = today - r.due;
        f.ageing.open[static_cast<std::size_t>(bucket_of(past_due))] += open;
        f.oldest_days = std::max(f.oldest_days, is_open ? past_due : 0);
        if (is_open) pending.push_back({r.due, open});
    }
    f.late_days = rounded_mean(weighted_late, weight);
    // Slots: weeks 0..11, then late, then later.
    std::array<Money, kForecastWeeks + 2> slots{};
    for (const Expected& e : pending) {
        const Day expected = e.due + f.late_days;
        const Day week = (expected - today) / 7;
        const std::size_t slot = expected < today ? kForecastWeeks : week < static_cast<Day>(kForecastWeeks) ? static_cast<std::size_t>(week) : kForecastWeeks + 1;
        slots[slot] += e.open;
    }
    std::copy_n(slots.begin(), kForecastWeeks, out.forecast.weeks.begin());
    out.forecast.late = slots[kForecastWeeks];
    out.forecast.later = slots[kForecastWeeks + 1];
    f.worst = bucket_of(f.oldest_days);
    f.dso = countback(out.open_for_dso, out.sales, months);
    if (account.credit_limit > 0) f.credit_use = ratio(f.ageing.total(), account.credit_limit);
}

Scan scan(const Account& account, Day today) {
    Scan s;
    Scratch scratch;
    scan(account, today, Months(today), s, scratch);
    return s;
}

// The currency most accounts use; CNY when there are none or CNY ties for most, otherwise the
// first in alphabetical order among those tied (so the choice never depends on account order).
std::string main_currency(const Plan& plan) {
    std::vector<std::pair<std::string_view, std::size_t>> counts;
    for (const Account& a : plan.accounts) {
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == a.currency; });
        if (it == counts.end()) counts.emplace_back(a.currency, 1); else ++it->second;
    }
    std::string_view best = kDefaultCurrency;
    std::size_t best_count = 0;
    for (const auto& [currency, count] : counts) {
        if (count > best_count || (count == best_count && best != kDefaultCurrency && (currency == kDefaultCurrency || currency < best))) {
            best = currency;
            best_count = count;
        }
    }
    return std::string(best);
}

// ASCII letters fold to lower case; every other byte (all of UTF-8's multi-byte sequences)
// stays as it is, so Chinese matches exactly.
char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A search string folded once; one without ASCII letters (Chinese, digits) is matched by the
// library's plain substring search, which is much quicker than folding every byte.
struct Needle {
    std::string folded;
    bool has_letters = false;

    explicit Needle(std::string_view text) : folded(text) {
        for (char& c : folded) {
            c = fold(c);
            if (c >= 'a' && c <= 'z') has_letters = true;
        }
    }
    bool found_in(std::string_view text) const {
        if (!has_letters) return text.find(folded) != std::string_view::npos;
        const std::size_t m = folded.size();
        for (std::size_t i = 0; i + m <= text.size(); ++i) {
            if (fold(text[i]) != folded[0]) continue;
            std::size_t k = 1;
            while (k < m && fold(text[i + k]) == folded[k]) ++k;
            if (k == m) return true;
        }
        return false;
    }
    bool matches(const Account& a) const {
        if (folded.empty() || found_in(a.name) || found_in(a.segment)) return true;
        for (const Receivable& r : a.receivables)
            if (found_in(r.invoice)) return true;
        return false;
    }
};

}  // namespace

Bucket bucket_of(int days) {
    // 1..30 -> 1, 31..60 -> 2, 61..90 -> 3, beyond -> 4; arithmetic rather than a chain of
    // branches, which receivables in random order would mispredict.
    const int bucket = days <= 0 ? 0 : std::min(4, (days - 1) / 30 + 1);
    return static_cast<Bucket>(bucket);
}

Money Ageing::total() const {
    Money sum = 0;
    for (Money m : open) sum = add_saturated(sum, m);
    return sum;
}

Money Ageing::overdue() const {
    Money sum = 0;
    for (std::size_t b = 1; b < kBucketCount; ++b) sum = add_saturated(sum, open[b]);
    return sum;
}

int days_past_due(const Receivable& r, Day today) { return today - r.due; }
Ageing ageing_of(const Account& account, Day today) { return scan(account, today).figures.ageing; }
double overdue_ratio(const Ageing& ageing) { return ratio(ageing.overdue(), ageing.total()); }
int days_late(const Account& account) { return habit_of(account); }
double dso_countback(const Account& account, Day today) { return scan(account, today).figures.dso; }

double dso_countback(const Plan& plan, std::string_view currency, Day today) {
    const Months months(today);
    MonthSales sales{};
    Money open = 0;
    Scratch scratch;
    for (const Account& a : plan.accounts) {
        if (a.currency != currency) continue;
        Scan s;
        scan(a, today, months, s, scratch);
        open = add_saturated(open, s.open_for_dso);
        for (std::size_t k = 0; k < kDsoMonths; ++k) sales[k] = add_saturated(sales[k], s.sales[k]);
    }
    return countback(open, sales, months);
}

Money revenue_of(const Account& account, Day today) { return scan(account, today).figures.revenue; }
Money collected_of(const Account& account, Day today) { return scan(account, today).figures.collected; }
std::optional<double> credit_use(const Account& account, Day today) { return scan(account, today).figures.credit_use; }
Forecast forecast_of(const Account& account, Day today) { return scan(account, today).forecast; }

std::vector<Kpi> kpi_focus(Stage stage) {
    if (stage == Stage::attack) return {Kpi::revenue};
    return {Kpi::profit, Kpi::amount_collected, Kpi::collection_speed};
}

AccountFigures account_figures(const Account& account, Day today) { return scan(account, today).figures; }

PlanFigures figures(const Plan& plan, Day today) {
    PlanFigures out;
    out.today = today;
    out.currency = main_currency(plan);
    out.accounts.reserve(plan.accounts.size());
    const Months months(today);
    MonthSales sales{};
    Money open_for_dso = 0;
    Scratch scratch;
    for (std::size_t i = 0; i < plan.accounts.size(); ++i) {
        const Account& a = plan.accounts[i];
        Scan s;
        scan(a, today, months, s, scratch);
        out.receivables += a.receivables.size();
        out.open_receivables += s.figures.open_receivables;
        if (a.currency != out.currency) {
            ++out.other_currency_accounts;
        } else {
            for (std::size_t b = 0; b < kBucketCount; ++b) out.ageing.open[b] = add_saturated(out.ageing.open[b], s.figures.ageing.open[b]);
            for (std::size_t w = 0; w < kForecastWeeks; ++w) out.forecast.weeks[w] = add_saturated(out.forecast.weeks[w], s.forecast.weeks[w]);
            out.forecast.late = add_saturated(out.forecast.late, s.forecast.late);
            out.forecast.later = add_saturated(out.forecast.later, s.forecast.later);
            for (std::size_t k = 0; k < kDsoMonths; ++k) sales[k] = add_saturated(sales[k], s.sales[k]);
            open_for_dso = add_saturated(open_for_dso, s.open_for_dso);
            if (s.figures.revenue > 0) out.pareto.push_back({i, s.figures.revenue, 0});
            if (s.figures.ageing.overdue() > 0) out.top_overdue.push_back(i);
        }
        out.accounts.push_back(s.figures);
    }
    out.overdue_ratio = overdue_ratio(out.ageing);
    out.dso = countback(open_for_dso, sales, months);

    std::sort(out.pareto.begin(), out.pareto.end(),
              [](const ParetoRow& x, const ParetoRow& y) { return x.revenue != y.revenue ? x.revenue > y.revenue : x.account < y.account; });
    // Shares in double: exact for any realistic sum, and still right where a saturated sum of
    // money would not be. Added in the same order both times, so the last share is exactly 1.
    double total_revenue = 0;
    for (const ParetoRow& row : out.pareto) total_revenue += static_cast<double>(row.revenue);
    double running = 0;
    for (ParetoRow& row : out.pareto) {
        running += static_cast<double>(row.revenue);
        row.cumulative = running / total_revenue;
        if (out.pareto_80 == 0 && row.cumulative >= 0.8) out.pareto_80 = static_cast<std::size_t>(&row - out.pareto.data()) + 1;
    }

    const auto more_overdue = [&](std::size_t x, std::size_t y) {
        const Money ox = out.accounts[x].ageing.overdue(), oy = out.accounts[y].ageing.overdue();
        if (ox != oy) return ox > oy;
        if (plan.accounts[x].name != plan.accounts[y].name) return plan.accounts[x].name < plan.accounts[y].name;
        return x < y;
    };
    const std::size_t top = std::min<std::size_t>(10, out.top_overdue.size());
    std::partial_sort(out.top_overdue.begin(), out.top_overdue.begin() + static_cast<std::ptrdiff_t>(top), out.top_overdue.end(), more_overdue);
    out.top_overdue.resize(top);
    return out;
}

std::vector<std::uint32_t> list_accounts(const Plan& plan, const PlanFigures& figures, const ListQuery& query) {
    // Figures of another plan (a frame between a change and the recomputation) list what both know.
    const std::size_t n = std::min(plan.accounts.size(), figures.accounts.size());
    const Needle needle(query.search);

    // The sort key next to the name, so sorting reads one compact array. Accounts without a
    // credit limit have no credit use and come after every account with one, either way round.
    struct Row {
        double key;
        bool has_key;
        std::string_view name;
        std::uint32_t index;
    };
    std::vector<Row> rows;
    rows.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const AccountFigures& f = figures.accounts[i];
        if (query.bucket && f.ageing.open[static_cast<std::size_t>(*query.bucket)] <= 0) continue;
        if (query.stage && f.stage != *query.stage) continue;
        if (!needle.matches(plan.accounts[i])) continue;
        double key = 0;
        bool has_key = true;
        switch (query.sort) {
            case SortKey::name: break;
            case SortKey::open: key = static_cast<double>(f.ageing.total()); break;
            case SortKey::overdue: key = static_cast<double>(f.ageing.overdue()); break;
            case SortKey::oldest: key = f.oldest_days; break;
            case SortKey::revenue: key = static_cast<double>(f.revenue); break;
            case SortKey::credit_use:
                has_key = f.credit_use.has_value();
                key = f.credit_use.value_or(0.0);
                break;
            case SortKey::dso: key = f.dso; break;
        }
        rows.push_back({key, has_key, plan.accounts[i].name, static_cast<std::uint32_t>(i)});
    }

    const bool descending = query.descending;
    const bool name_descending = descending && query.sort == SortKey::name;
    std::sort(rows.begin(), rows.end(), [&](const Row& x, const Row& y) {
        if (x.has_key != y.has_key) return x.has_key;
        if (x.key != y.key) return descending ? x.key > y.key : x.key < y.key;
        if (const int c = x.name.compare(y.name); c != 0) return name_descending ? c > 0 : c < 0;
        return x.index < y.index;
    });
    std::vector<std::uint32_t> out;
    out.reserve(rows.size());
    for (const Row& row : rows) out.push_back(row.index);
    return out;
}

}  // namespace coach
