#include "plan_view.h"

#include <cmath>
#include <cstdio>

#include "app.h"
#include "core/calendar.h"

namespace coach::ui {

Day plan_today(const AppState& state) { return local_day(state.now_ms, state.utc_offset_minutes); }

const PlanFigures& plan_figures(AppState& state) {
    PlanView& v = state.plan_view;
    const Day today = plan_today(state);
    if (v.figures_revision != state.plan.revision || v.figures_day != today) {
        v.figures = figures(state.plan.plan, today);
        v.figures_revision = state.plan.revision;
        v.figures_day = today;
    }
    return v.figures;
}

const std::vector<std::uint32_t>& listed_accounts(AppState& state) {
    PlanView& v = state.plan_view;
    const PlanFigures& f = plan_figures(state);
    if (v.listed_revision != state.plan.revision || v.listed_day != f.today || !(v.listed_query == v.accounts.query)) {
        v.listed = list_accounts(state.plan.plan, f, v.accounts.query);
        v.listed_revision = state.plan.revision;
        v.listed_day = f.today;
        v.listed_query = v.accounts.query;
    }
    return v.listed;
}

std::string new_plan_id(AppState& state) {
    static std::uint32_t counter = 0;  // ids made in the same millisecond still differ
    std::string id;
    for (std::uint64_t t = static_cast<std::uint64_t>(state.now_ms); t > 0; t /= 36) id.insert(id.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[t % 36]);
    return id + "-" + std::to_string(++counter);
}

std::string format_money(Money amount, std::string_view currency, Lang lang) {
    const bool negative = amount < 0;
    const std::uint64_t a = negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    std::string whole = std::to_string(a / 100);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
    char cents[4];
    std::snprintf(cents, sizeof cents, "%02u", static_cast<unsigned>(a % 100));
    std::string sign = negative ? "-" : "";
    if (currency == "CNY") return sign + (lang == Lang::zh ? "¥" : "CNY ") + whole + "." + cents;
    return sign + std::string(currency) + " " + whole + "." + cents;
}

std::string format_days(int days, Lang lang) {
    return format(tr(days == 1 || days == -1 ? Msg::acc_day_one : Msg::acc_days, lang), {std::to_string(days)});
}

std::string format_percent(double fraction) { return std::to_string(std::llround(fraction * 100)) + "%"; }

std::string_view plan_title(const Ui& ui, Screen screen) {
    return ui.t(screen == Screen::account ? Msg::account_title : Msg::accounts_title);
}

bool plan_ready(const AppState& state) {
    const bool font_coming = !state.quizzes_loaded && state.quizzes_problem.empty();
    return state.plan.loaded && !font_coming;
}

bool plan_missing(const AppState& state, Ui& ui) {
    if (plan_ready(state)) return false;
    text_block(ui, "plan.status", ui.t(Msg::acc_loading), ui.metrics.body, ui.theme->ink.abgr(), Role::status);
    gap(ui);
    return true;
}

std::string format_day(Day day, Lang lang) {
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const CivilDate d = civil_date(day);
    char buf[32];
    if (lang == Lang::zh) std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(d.year), d.month, d.day);
    else std::snprintf(buf, sizeof buf, "%d %s %04lld", d.day, kMonths[d.month - 1], static_cast<long long>(d.year));
    return buf;
}

}  // namespace coach::ui
