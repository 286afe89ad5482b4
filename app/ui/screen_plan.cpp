// The collection plan's dashboard (`?screen=plan`): where the learner's own accounts meet the
// course's rule that collection is the hub of key-account selling.
//
// Empty, it says what the plan is for and offers three ways to start: add an account, import
// a report or a spreadsheet, or load the worked example (three accounts from the course's own
// situations). With accounts, from the top: the totals (open, overdue and its share, DSO by
// countback), the ageing of what is open in five buckets, the cash expected in each of the
// next 12 weeks (with what is already late and what comes after), the accounts with the most
// overdue (each opens its account page), the 20/80 view (how few accounts make 80 % of
// revenue), a note when some accounts are in other currencies, and the ways on: the account
// list, import and export. The worked example can be cleared in one step, after one question.
//
// Every figure comes from plan_figures() (computed once per change of the plan or the day,
// never per frame); the charts' names in the view tree read every value they draw.
// The screen's messages come with the practice font (they are not part of the first load), so
// until the practice has arrived, and until the plan's records have been read, it shows its
// title (the module's name, which home shows too) and plan_missing()'s status line.
// Limits: totals and charts are in the plan's main currency only (plan_analytics.h); the
// accounts in other currencies are counted in a note, not converted.
#include <algorithm>
#include <cmath>

#include "app.h"
#include "chart.h"
#include "imgui.h"

namespace coach::ui {
namespace {

std::string bucket_label(Bucket b, Lang lang) {
    switch (b) {
        case Bucket::not_due: return std::string(tr(Msg::dash_bucket_not_due, lang));
        case Bucket::days_1_30: return std::string(tr(Msg::dash_bucket_1_30, lang));
        case Bucket::days_31_60: return std::string(tr(Msg::dash_bucket_31_60, lang));
        case Bucket::days_61_90: return std::string(tr(Msg::dash_bucket_61_90, lang));
        case Bucket::over_90: return std::string(tr(Msg::dash_bucket_over_90, lang));
    }
    return {};
}

std::string percent_text(double share) { return std::to_string(static_cast<long>(std::lround(std::clamp(share, 0.0, 1.0) * 100))); }

void empty_plan(AppState& state, Ui& ui, AppEffects& effects) {
    paragraph(ui, "plan.intro", ui.t(Msg::dash_intro));
    gap(ui);
    heading(ui, "plan.start", ui.t(Msg::dash_start));
    gap(ui, 0.5f);
    if (button(ui, "plan-start-add", ui.t(Msg::dash_add_account), {.wide = true, .primary = true}))
        go(state, effects, Open{Route{.screen = Screen::account}});  // no account named: a new one
    gap(ui, 0.5f);
    if (button(ui, "plan-start-import", ui.t(Msg::dash_import_open), {.wide = true})) go(state, effects, Open{Route{.screen = Screen::plan_import}});
    gap(ui, 0.5f);
    if (button(ui, "plan-start-example", ui.t(Msg::dash_load_example), {.wide = true})) {
        const Day today = plan_today(state);
        if (change(state, LoadExample{worked_example(today, state.lang, new_plan_id(state))}) == PlanRefusal::none) state.focus_next = "plan.title";
    }
    gap(ui, 0.3f);
    caption(ui, "plan.example-about", ui.t(Msg::dash_example_about));
}

void totals(const PlanFigures& f, Ui& ui) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    heading(ui, "plan.totals", ui.t(Msg::dash_totals));
    gap(ui, 0.5f);
    const std::string lines[] = {
        format(ui.t(Msg::dash_total_open), {format_money(f.ageing.total(), f.currency, ui.lang)}),
        format(ui.t(Msg::dash_total_overdue), {format_money(f.ageing.overdue(), f.currency, ui.lang)}),
        format(ui.t(Msg::dash_total_ratio), {percent_text(f.overdue_ratio)}),
        format(ui.t(Msg::dash_total_dso), {std::to_string(static_cast<long>(std::lround(f.dso)))}),
    };
    static constexpr const char* kIds[] = {"plan-total-open", "plan-total-overdue", "plan-total-ratio", "plan-total-dso"};
    begin_group(ui, "plan-totals", Role::list, ui.t(Msg::dash_totals));
    for (std::size_t i = 0; i < std::size(lines); ++i) text_block(ui, kIds[i], lines[i], m.body, th.ink.abgr(), Role::listitem);
    end_group(ui);
    if (f.other_currency_accounts > 0) {
        gap(ui, 0.3f);
        caption(ui, "plan.other-currency", format(ui.t(Msg::dash_other_currency), {std::to_string(f.other_currency_accounts), f.currency}));
    }
}

void ageing_chart(const PlanFigures& f, Ui& ui) {
    heading(ui, "plan.ageing", ui.t(Msg::dash_ageing));
    caption(ui, "plan.ageing-about", ui.t(Msg::dash_ageing_about));
    gap(ui, 0.5f);
    std::vector<AmountBar> bars;
    for (std::size_t i = 0; i < kBucketCount; ++i)
        bars.push_back({bucket_label(static_cast<Bucket>(i), ui.lang), static_cast<double>(f.ageing.open[i]),
                        format_money(f.ageing.open[i], f.currency, ui.lang), i == 0});
    amount_chart(ui, "plan-ageing", ui.t(Msg::dash_ageing), bars);
}

void forecast_chart(const PlanFigures& f, Ui& ui) {
    heading(ui, "plan.forecast", ui.t(Msg::dash_forecast));
    caption(ui, "plan.forecast-about", ui.t(Msg::dash_forecast_about));
    gap(ui, 0.5f);
    std::vector<AmountBar> bars;
    const auto money = [&](Money a) { return format_money(a, f.currency, ui.lang); };
    bars.push_back({std::string(ui.t(Msg::dash_forecast_late)), static_cast<double>(f.forecast.late), money(f.forecast.late), true});
    for (std::size_t w = 0; w < kForecastWeeks; ++w) {
        const Day start = f.today + static_cast<Day>(7 * w);
        bars.push_back({format(ui.t(Msg::dash_week_of), {format_day(start, ui.lang)}), static_cast<double>(f.forecast.weeks[w]),
                        money(f.forecast.weeks[w]), false});
    }
    bars.push_back({std::string(ui.t(Msg::dash_forecast_later)), static_cast<double>(f.forecast.later), money(f.forecast.later), true});
    amount_chart(ui, "plan-forecast", ui.t(Msg::dash_forecast), bars);
}

void top_overdue(AppState& state, const PlanFigures& f, Ui& ui, AppEffects& effects) {
    heading(ui, "plan.top", ui.t(Msg::dash_top_overdue));
    gap(ui, 0.5f);
    if (f.top_overdue.empty()) {
        paragraph(ui, "plan.none-overdue", ui.t(Msg::dash_none_overdue));
        return;
    }
    const Plan& plan = state.plan.plan;
    std::string open;
    begin_group(ui, "plan-top", Role::list, ui.t(Msg::dash_top_overdue));
    for (const std::size_t i : f.top_overdue) {
        if (i >= plan.accounts.size() || i >= f.accounts.size()) continue;
        const Account& a = plan.accounts[i];
        const AccountFigures& af = f.accounts[i];
        const std::string line = format(ui.t(Msg::dash_top_line), {a.name, format_money(af.ageing.overdue(), a.currency, ui.lang), std::to_string(af.oldest_days)});
        if (button(ui, "plan-top-" + a.id, line, {.wide = true})) open = a.id;
        gap(ui, 0.3f);
    }
    end_group(ui);
    if (!open.empty()) go(state, effects, Open{Route{.screen = Screen::account, .account = open}});
}

void pareto(const AppState& state, const PlanFigures& f, Ui& ui) {
    constexpr std::size_t kShown = 10;
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    heading(ui, "plan.pareto", ui.t(Msg::dash_pareto));
    gap(ui, 0.5f);
    if (f.pareto.empty()) {
        paragraph(ui, "plan.pareto-none", ui.t(Msg::dash_pareto_none));
        return;
    }
    paragraph(ui, "plan.pareto-about", format(ui.t(Msg::dash_pareto_about), {std::to_string(f.pareto_80), std::to_string(f.pareto.size())}));
    caption(ui, "plan.pareto-course", ui.t(Msg::dash_pareto_course));
    gap(ui, 0.5f);
    const Plan& plan = state.plan.plan;
    const std::size_t shown = std::min({std::max<std::size_t>(f.pareto_80, 1), f.pareto.size(), kShown});
    begin_group(ui, "plan-pareto", Role::list, ui.t(Msg::dash_pareto));
    for (std::size_t k = 0; k < shown; ++k) {
        const ParetoRow& r = f.pareto[k];
        if (r.account >= plan.accounts.size()) continue;
        const std::string line = format(ui.t(Msg::dash_pareto_line), {std::to_string(k + 1), plan.accounts[r.account].name,
                                                                        format_money(r.revenue, f.currency, ui.lang), percent_text(r.cumulative)});
        text_block(ui, "plan-pareto-" + std::to_string(k + 1), line, m.body, th.ink.abgr(), Role::listitem);
    }
    end_group(ui);
}

// The worked example goes in one step, after one question (the learner's own accounts stay).
void clear_example(AppState& state, Ui& ui) {
    const Plan& plan = state.plan.plan;
    const auto examples = static_cast<std::size_t>(std::count_if(plan.accounts.begin(), plan.accounts.end(), [](const Account& a) { return a.example; }));
    ImportView& v = state.plan_view.import;
    if (examples == 0) {
        v.confirm_clear = false;
        return;
    }
    if (!v.confirm_clear) {
        if (button(ui, "plan-clear-example", ui.t(Msg::dash_clear_example), {.wide = true})) {
            v.confirm_clear = true;
            state.focus_next = "plan-clear-yes";
        }
        return;
    }
    const Theme& th = *ui.theme;
    begin_box(ui, "plan-clear", Role::group, ui.t(Msg::dash_clear_example));
    text_block(ui, "plan-clear.text", format(ui.t(Msg::dash_clear_confirm), {std::to_string(examples)}), ui.metrics.body, th.ink.abgr(), Role::paragraph);
    gap(ui, 0.5f);
    const bool yes = button(ui, "plan-clear-yes", ui.t(Msg::dash_clear_yes), {.wide = true, .primary = true});
    gap(ui, 0.5f);
    const bool no = button(ui, "plan-clear-no", ui.t(Msg::dash_cancel), {.wide = true});
    end_box(ui, th.notice_fill.abgr(), th.notice_border.abgr());
    if (yes) {
        change(state, ClearExample{});
        v.confirm_clear = false;
        state.focus_next = state.plan.plan.accounts.empty() ? "plan-start-example" : "plan.title";
    } else if (no) {
        v.confirm_clear = false;
        state.focus_next = "plan-clear-example";
    }
}

void dashboard(AppState& state, Ui& ui, AppEffects& effects) {
    const PlanFigures& f = plan_figures(state);
    caption(ui, "plan.as-of", format(ui.t(Msg::dash_as_of), {format_day(f.today, ui.lang), std::to_string(state.plan.plan.accounts.size()),
                                                              std::to_string(f.open_receivables)}));
    gap(ui);
    totals(f, ui);
    gap(ui);
    ageing_chart(f, ui);
    gap(ui);
    forecast_chart(f, ui);
    gap(ui);
    top_overdue(state, f, ui, effects);
    gap(ui);
    pareto(state, f, ui);
    gap(ui);
    heading(ui, "plan.more", ui.t(Msg::dash_more));
    gap(ui, 0.5f);
    if (button(ui, "plan-all-accounts", ui.t(Msg::dash_all_accounts), {.wide = true, .primary = true}))
        go(state, effects, Open{Route{.screen = Screen::accounts}});
    gap(ui, 0.5f);
    if (button(ui, "plan-add-account", ui.t(Msg::dash_add_account), {.wide = true})) go(state, effects, Open{Route{.screen = Screen::account}});
    gap(ui, 0.5f);
    if (button(ui, "plan-import", ui.t(Msg::dash_import_export), {.wide = true})) go(state, effects, Open{Route{.screen = Screen::plan_import}});
    gap(ui, 0.5f);
    plan_export_buttons(state, ui, effects, "plan");
    gap(ui);
    clear_example(state, ui);
}

}  // namespace

void draw_plan(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen_with_title(state, ui, effects, "plan", ui.t(Msg::module_plan));
    scroll_to_top(state);
    gap(ui, 0.5f);
    if (plan_missing(state, ui)) {  // nothing else until the practice font and the records are here
        end_screen(ui);
        return;
    }
    if (state.plan.plan.accounts.empty()) empty_plan(state, ui, effects);
    else dashboard(state, ui, effects);
    end_screen(ui);
}

}  // namespace coach::ui
