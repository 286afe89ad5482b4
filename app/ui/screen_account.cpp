// One account of the collection plan (`?screen=account&account=ID`): its fields, its figures,
// its receivables and their payments, and every change to them.
//
// From the top: what the last change to the account did (a status; a change to a receivable or
// a payment is said above the receivables, where it was made), the account's fields with Edit
// (the form: name, segment, potential, share, stage, credit limit, payment terms, currency,
// notes), the ageing as a table with the account's figures (overdue ratio, days late, DSO,
// revenue and collected in the last 365 days, credit-limit use), the stage with its KPI focus
// as lesson 5 teaches it and a link to that lesson page, then the receivables: Add receivable
// (invoice, amount, issue date, due date: empty means issue date plus the account's terms,
// note), the chosen receivable with its payments and Record payment (date: today, amount: what
// is still open; part payments are the point), and the table of every receivable (ui_table.h,
// clipped: an account may hold 2,000). Remove account asks once.
//
// `?screen=account` with no account (or an empty one) is a new account: the form alone;
// saving it makes the account, and the address then names it.
//
// Everything typed is kept as typed until Save. Names, notes and invoice numbers are stored
// exactly; amounts are read by read_amount and dates by read_date (plan_csv.h, the import's own
// readers, so "1,234.50", "¥1234.5", "2026/11/29" and "2026年11月29日" work here too); a
// currency code is trimmed and upper-cased. A number that cannot be read is refused naming its
// field; what the plan refuses (refusal(), plan.h) is said in words, and nothing changes.
// A change is made after the frame is drawn, so nothing drawn refers to a plan that moved.
// Limits: receivables are listed by due date, oldest first, and do not sort by column; a
// receivable's fields cannot be edited here (remove it and add it again).
#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <functional>
#include <numeric>
#include <utility>

#include "assessment_view.h"
#include "core/plan_csv.h"
#include "imgui.h"
#include "ui_table.h"

namespace coach::ui {
namespace {

// A field of a form, and the breathing space below it.
void form_field(Ui& ui, std::string_view id, std::string_view label, std::string& value, std::string_view hint) {
    text_field(ui, id, label, value, hint);
    gap(ui, 0.5f);
}

constexpr std::string_view kReceivables = "account-receivables";

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// A whole number as a learner types it ("35", " 35 ", "35%", "35％"); nullopt for anything else.
std::optional<std::uint32_t> whole_number(std::string_view s, std::uint32_t max) {
    s = trimmed(s);
    for (std::string_view percent : {"%", "％"})
        if (s.size() >= percent.size() && s.substr(s.size() - percent.size()) == percent) s = trimmed(s.substr(0, s.size() - percent.size()));
    if (s.empty() || s.size() > 9) return std::nullopt;
    std::uint32_t n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::uint32_t>(c - '0');
    }
    if (n > max) return std::nullopt;
    return n;
}

// An amount as a form shows it for editing: "1234.50" (read_amount reads it back).
std::string plain_amount(Money m) {
    const std::string cents = std::to_string(m % 100);
    return std::to_string(m / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}
std::string plain_day(Day d) { return format_day(d, Lang::zh); }  // 2026-11-29 in either language: read_date reads it

// What is still to be paid counting every payment recorded, also one dated after today: the
// most a new payment may be.
Money unpaid(const Receivable& r) { return open_amount(r, kPlanLimits.latest); }

std::string_view stage_name(const Ui& ui, Stage s) { return ui.t(s == Stage::attack ? Msg::acc_stage_attack : Msg::acc_stage_defense); }

Msg bucket_msg(Bucket b) {
    switch (b) {
        case Bucket::not_due: return Msg::acc_bucket_not_due;
        case Bucket::days_1_30: return Msg::acc_bucket_1_30;
        case Bucket::days_31_60: return Msg::acc_bucket_31_60;
        case Bucket::days_61_90: return Msg::acc_bucket_61_90;
        case Bucket::over_90: return Msg::acc_bucket_over_90;
    }
    return Msg::acc_bucket_not_due;
}

Msg kpi_msg(Kpi k) {
    switch (k) {
        case Kpi::revenue: return Msg::acc_kpi_revenue;
        case Kpi::profit: return Msg::acc_kpi_profit;
        case Kpi::amount_collected: return Msg::acc_kpi_collected;
        case Kpi::collection_speed: return Msg::acc_kpi_speed;
    }
    return Msg::acc_kpi_revenue;
}

// What the plan refused, in words (the form says which field when it can).
std::string refusal_text(PlanRefusal r, Lang lang) {
    switch (r) {
        case PlanRefusal::none: return {};
        case PlanRefusal::too_many_accounts: return format(tr(Msg::acc_refused_accounts, lang), {grouped(kPlanLimits.accounts)});
        case PlanRefusal::too_many_receivables:
            return format(tr(Msg::acc_refused_receivables, lang), {grouped(kPlanLimits.receivables_per_account), grouped(kPlanLimits.receivables)});
        case PlanRefusal::too_many_payments: return format(tr(Msg::acc_refused_payments, lang), {grouped(kPlanLimits.payments_per_receivable)});
        case PlanRefusal::text_too_long:
            return format(tr(Msg::acc_refused_too_long, lang), {std::to_string(kPlanLimits.name_chars), std::to_string(kPlanLimits.invoice_chars),
                                                                grouped(kPlanLimits.note_chars)});
        case PlanRefusal::amount_out_of_range: return std::string(tr(Msg::acc_refused_out_of_range, lang));
        case PlanRefusal::date_out_of_range: return std::string(tr(Msg::acc_refused_date, lang));
        case PlanRefusal::due_before_issue: return std::string(tr(Msg::acc_refused_due_before_issue, lang));
        case PlanRefusal::unknown_account: return std::string(tr(Msg::acc_refused_unknown_account, lang));
        case PlanRefusal::unknown_receivable: return std::string(tr(Msg::acc_refused_unknown_receivable, lang));
        case PlanRefusal::duplicate_id: return std::string(tr(Msg::acc_refused_duplicate, lang));
        case PlanRefusal::empty_name: return std::string(tr(Msg::acc_refused_empty_name, lang));
        case PlanRefusal::not_positive: return std::string(tr(Msg::acc_refused_not_positive, lang));
    }
    return {};
}

// The form filled from an account, or empty for a new one.
AccountForm form_of(const Account* a) {
    AccountForm f;
    if (a == nullptr) {
        f.terms = "30";
        f.currency = kDefaultCurrency;
        return f;
    }
    f.editing = a->id;
    f.name = a->name;
    f.segment = a->segment;
    f.potential = a->potential ? plain_amount(a->potential) : "";
    f.share = std::to_string(a->share_percent);
    f.credit_limit = a->credit_limit ? plain_amount(a->credit_limit) : "";
    f.terms = std::to_string(a->terms_days);
    f.currency = a->currency;
    f.notes = a->notes;
    f.stage = a->stage == StageChoice::attack ? "attack" : a->stage == StageChoice::defense ? "defense" : "";
    return f;
}

// The form read into an account's fields, or the first problem in words.
struct AccountRead {
    Account account;
    std::string problem;
};
AccountRead read_form(const AccountForm& f, Account base, Lang lang) {
    AccountRead out;
    const auto amount = [&](std::string_view text, Msg field, Money& into) {
        if (!out.problem.empty()) return;
        if (trimmed(text).empty()) {
            into = 0;
            return;
        }
        const AmountRead a = read_amount(text);
        if (a.amount) into = *a.amount;
        else out.problem = format(tr(Msg::account_bad_field, lang), {tr(field, lang), describe(a.problem, lang)});
    };
    base.name = f.name;
    base.segment = f.segment;
    base.notes = f.notes;
    amount(f.potential, Msg::account_field_potential, base.potential);
    if (out.problem.empty()) {
        if (trimmed(f.share).empty()) base.share_percent = 0;
        else if (const auto share = whole_number(f.share, 100)) base.share_percent = *share;
        else out.problem = std::string(tr(Msg::account_bad_share, lang));
    }
    amount(f.credit_limit, Msg::account_field_credit, base.credit_limit);
    if (out.problem.empty()) {
        if (trimmed(f.terms).empty()) base.terms_days = 30;
        else if (const auto terms = whole_number(f.terms, kPlanLimits.max_terms_days)) base.terms_days = *terms;
        else out.problem = format(tr(Msg::account_bad_terms, lang), {std::to_string(kPlanLimits.max_terms_days)});
    }
    std::string currency(trimmed(f.currency));
    for (char& c : currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    base.currency = currency.empty() ? std::string(kDefaultCurrency) : currency;
    base.stage = f.stage == "attack" ? StageChoice::attack : f.stage == "defense" ? StageChoice::defense : StageChoice::from_share;
    out.account = std::move(base);
    return out;
}

// A date field: the day, or the problem in words naming the field.
std::optional<Day> day_field(std::string_view text, Msg field, Lang lang, std::string& problem) {
    if (trimmed(text).empty()) {
        problem = format(tr(Msg::account_need_field, lang), {tr(field, lang)});
        return std::nullopt;
    }
    const DateRead d = read_date(text);
    if (!d.day) problem = format(tr(Msg::account_bad_field, lang), {tr(field, lang), describe(d.problem, lang)});
    return d.day;
}
std::optional<Money> amount_field(std::string_view text, Msg field, Lang lang, std::string& problem) {
    if (trimmed(text).empty()) {
        problem = format(tr(Msg::account_need_field, lang), {tr(field, lang)});
        return std::nullopt;
    }
    const AmountRead a = read_amount(text);
    if (!a.amount) problem = format(tr(Msg::account_bad_field, lang), {tr(field, lang), describe(a.problem, lang)});
    return a.amount;
}

void problem_line(Ui& ui, std::string_view id, const std::string& problem) {
    if (problem.empty()) return;
    text_block(ui, id, problem, ui.metrics.body, ui.theme->ink.abgr(), Role::alert);
    gap(ui, 0.5f);
}

float text_width(const Ui& ui, float em, std::string_view s) {
    return ui.font->CalcTextSizeA(font_px(em), FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

// A field shown as text: its label, and its value beside it at the right when both fit one
// line, else below it.
void field_item(Ui& ui, const std::string& id, std::string_view label, std::string_view value) {
    const Metrics& m = ui.metrics;
    begin_group(ui, id, Role::listitem, format(ui.t(Msg::account_field_value), {label, value}));
    const float width = ImGui::GetContentRegionAvail().x;
    const float label_w = text_width(ui, m.small, label) + 1, value_w = text_width(ui, m.body, value) + 1;
    if (label_w + m.gap * 2 + value_w <= width) {
        const ImVec2 at = ImGui::GetCursorPos();
        const float line = font_px(m.body);
        ImGui::SetCursorPos(ImVec2(at.x, at.y + (line - font_px(m.small)) * 0.6f));
        caption(ui, id + ".label", label);
        ImGui::SetCursorPos(ImVec2(at.x + width - value_w, at.y));
        text_block(ui, id + ".value", value, m.body, ui.theme->ink.abgr(), Role::text, value_w);
        ImGui::SetCursorPos(ImVec2(at.x, at.y + line));
        ImGui::Dummy(ImVec2(1, m.gap * 0.2f));
        // A faint rule, as in a printed statement, leads the eye from the label to its value.
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y), ImVec2(p.x + width, p.y), ui.theme->line.abgr(), 1.0f);
    } else {
        caption(ui, id + ".label", label);
        text_block(ui, id + ".value", value, m.body, ui.theme->ink.abgr(), Role::text);
    }
    end_group(ui);
    gap(ui, 0.4f);
}

// What one frame of the page decided to do, done after the frame is drawn.
using Then = std::function<void()>;

struct Page {
    AppState& state;
    Ui& ui;
    AppEffects& effects;
    AccountView& v;
    Then then;
    Lang lang() const { return ui.lang; }
};

void account_form(Page& p, const Account* account) {
    Ui& ui = p.ui;
    AccountForm& f = p.v.account;
    begin_group(ui, "account-form", Role::group, ui.t(account ? Msg::account_edit_heading : Msg::account_new_heading));
    if (account != nullptr) {  // a new account's form is the whole page, and its title says so
        heading(ui, "account-form.heading", ui.t(Msg::account_edit_heading));
        gap(ui, 0.5f);
    }
    form_field(ui, "account-form.name", ui.t(Msg::account_field_name), f.name, ui.t(Msg::account_hint_name));
    form_field(ui, "account-form.segment", ui.t(Msg::account_field_segment), f.segment, ui.t(Msg::account_hint_optional));
    form_field(ui, "account-form.potential", ui.t(Msg::account_field_potential), f.potential, ui.t(Msg::account_hint_amount));
    form_field(ui, "account-form.share", ui.t(Msg::account_field_share), f.share, ui.t(Msg::account_hint_share));
    caption(ui, "account-form.stage-label", ui.t(Msg::account_field_stage));
    begin_group(ui, "account-form.stage", Role::radiogroup, ui.t(Msg::account_field_stage));
    if (radio(ui, "account-form.stage.from-share", ui.t(Msg::account_stage_from_share_choice), f.stage.empty())) f.stage.clear();
    gap(ui, 0.3f);
    if (radio(ui, "account-form.stage.attack", ui.t(Msg::acc_stage_attack), f.stage == "attack")) f.stage = "attack";
    gap(ui, 0.3f);
    if (radio(ui, "account-form.stage.defense", ui.t(Msg::acc_stage_defense), f.stage == "defense")) f.stage = "defense";
    end_group(ui);
    gap(ui, 0.5f);
    form_field(ui, "account-form.credit-limit", ui.t(Msg::account_field_credit), f.credit_limit, ui.t(Msg::account_hint_credit));
    form_field(ui, "account-form.terms", ui.t(Msg::account_field_terms), f.terms, ui.t(Msg::account_hint_terms));
    form_field(ui, "account-form.currency", ui.t(Msg::account_field_currency), f.currency, kDefaultCurrency);
    text_field(ui, "account-form.notes", ui.t(Msg::account_field_notes), f.notes, ui.t(Msg::account_hint_optional));
    gap(ui);
    problem_line(ui, "account-form.problem", f.problem);
    const bool save = button(ui, "account-form.save", ui.t(Msg::account_save), {.wide = true, .primary = true});
    gap(ui, 0.5f);
    const bool cancel = button(ui, "account-form.cancel", ui.t(Msg::account_cancel), {.wide = true});
    end_group(ui);
    if (cancel) {
        p.v.editing_account = false;
        f = AccountForm{};
        if (account == nullptr) go(p.state, p.effects, Up{});  // nothing else on this page
        else p.state.focus_next = "account-edit";
    }
    if (!save) return;
    AccountRead read = read_form(f, account ? *account : Account{}, p.lang());
    if (!read.problem.empty()) {
        f.problem = std::move(read.problem);
        p.state.focus_next = "account-form.problem";
        return;
    }
    p.then = [&p, account_data = std::move(read.account), is_new = account == nullptr]() mutable {
        AppState& state = p.state;
        AccountView& v = p.v;
        if (is_new) account_data.id = new_plan_id(state);
        const std::string id = account_data.id;
        const PlanRefusal r = is_new ? change(state, AddAccount{std::move(account_data)}) : change(state, EditAccount{std::move(account_data)});
        if (r != PlanRefusal::none) {
            v.account.problem = refusal_text(r, state.lang);
            state.focus_next = "account-form.problem";
            return;
        }
        v = AccountView{.showing = id};
        v.done = std::string(tr(is_new ? Msg::account_added : Msg::account_saved, state.lang));
        state.focus_next = "account.done";
        if (is_new) go(state, p.effects, Replace{Route{.screen = Screen::account, .account = id}});
    };
}

void account_fields(Page& p, const Account& a) {
    Ui& ui = p.ui;
    const Lang lang = p.lang();
    const std::string_view none = ui.t(Msg::account_not_given);
    begin_group(ui, "account.fields", Role::list, ui.t(Msg::account_details));
    field_item(ui, "account.field.segment", ui.t(Msg::account_field_segment), a.segment.empty() ? none : std::string_view(a.segment));
    field_item(ui, "account.field.potential", ui.t(Msg::account_field_potential), a.potential ? format_money(a.potential, a.currency, lang) : std::string(none));
    field_item(ui, "account.field.share", ui.t(Msg::account_field_share), std::to_string(a.share_percent) + "%");
    const std::string stage(stage_name(ui, stage_of(a)));
    field_item(ui, "account.field.stage", ui.t(Msg::account_field_stage),
               a.stage == StageChoice::from_share ? format(ui.t(Msg::account_stage_by_share), {stage}) : format(ui.t(Msg::account_stage_by_hand), {stage}));
    field_item(ui, "account.field.credit", ui.t(Msg::account_field_credit),
               a.credit_limit ? format_money(a.credit_limit, a.currency, lang) : std::string(ui.t(Msg::accounts_no_limit)));
    field_item(ui, "account.field.terms", ui.t(Msg::account_field_terms), format_days(static_cast<int>(a.terms_days), lang));
    field_item(ui, "account.field.currency", ui.t(Msg::account_field_currency), a.currency);
    field_item(ui, "account.field.notes", ui.t(Msg::account_field_notes), a.notes.empty() ? none : std::string_view(a.notes));
    end_group(ui);
    gap(ui, 0.5f);
    if (button(ui, "account-edit", ui.t(Msg::account_edit), {.wide = true})) {
        p.v.account = form_of(&a);
        p.v.editing_account = true;
        p.v.done.clear();
        p.state.focus_next = "account-form.name";
    }
}

void account_figures_section(Page& p, const Account& a, const AccountFigures& f) {
    Ui& ui = p.ui;
    const Lang lang = p.lang();
    heading(ui, "account.figures-heading", ui.t(Msg::account_figures));
    gap(ui, 0.5f);
    const std::string total_text = format_money(f.ageing.total(), a.currency, lang);  // the widest of its amounts
    const TableColumn columns[] = {
        {"bucket", ui.t(Msg::account_col_bucket), {}, false, true},
        {"amount", ui.t(Msg::account_col_amount), total_text, true, true},
    };
    static constexpr std::string_view kKeys[] = {"not-due", "1-30", "31-60", "61-90", "over-90", "total"};
    data_table(ui, {.id = "account-ageing",
                    .caption = ui.t(Msg::account_ageing),
                    .columns = columns,
                    .rows = kBucketCount + 1,
                    .key = [](std::size_t r) { return std::string(kKeys[r]); },
                    .cell =
                        [&](std::size_t r, std::size_t c) {
                            if (c == 0) return std::string(ui.t(r < kBucketCount ? bucket_msg(static_cast<Bucket>(r)) : Msg::account_total));
                            return format_money(r < kBucketCount ? f.ageing.open[r] : f.ageing.total(), a.currency, lang);
                        },
                    .first_lines = 1});
    gap(ui);
    begin_group(ui, "account.figures", Role::list, ui.t(Msg::account_figures));
    field_item(ui, "account.figure.overdue-ratio", ui.t(Msg::account_overdue_ratio), format_percent(overdue_ratio(f.ageing)));
    field_item(ui, "account.figure.days-late", ui.t(Msg::account_days_late), format_days(f.late_days, lang));
    field_item(ui, "account.figure.dso", ui.t(Msg::account_dso), format_days(static_cast<int>(std::lround(f.dso)), lang));
    field_item(ui, "account.figure.revenue", ui.t(Msg::account_revenue), format_money(f.revenue, a.currency, lang));
    field_item(ui, "account.figure.collected", ui.t(Msg::account_collected), format_money(f.collected, a.currency, lang));
    field_item(ui, "account.figure.credit-use", ui.t(Msg::account_credit_use),
               f.credit_use ? format_percent(*f.credit_use) : std::string(ui.t(Msg::accounts_no_limit)));
    end_group(ui);
    gap(ui);

    // The stage and what it is measured on (lesson 5), with the lesson page that says why.
    heading(ui, "account.kpi-heading", ui.t(Msg::account_kpi_heading));
    gap(ui, 0.3f);
    paragraph(ui, "account.kpi-about", ui.t(f.stage == Stage::attack ? Msg::account_attack_about : Msg::account_defense_about));
    gap(ui, 0.5f);
    caption(ui, "account.kpi-label", ui.t(Msg::account_kpi_focus));
    begin_group(ui, "account.kpis", Role::list, ui.t(Msg::account_kpi_focus));
    for (Kpi k : kpi_focus(f.stage)) {
        const std::string id = "account.kpi." + std::to_string(static_cast<int>(k));
        text_block(ui, id, ui.t(kpi_msg(k)), ui.metrics.body, ui.theme->ink.abgr(), Role::listitem);
    }
    end_group(ui);
    gap(ui, 0.5f);
    if (f.ageing.overdue() > 0) {
        paragraph(ui, "account.old-first", format(ui.t(Msg::account_old_first), {format_money(f.ageing.overdue(), a.currency, lang)}));
        gap(ui, 0.5f);
    }
    const LessonLink link{"team-kpi", f.stage == Stage::attack ? "attack-stage" : "defense-stage"};
    if (button(ui, "account-kpi-lesson", format(ui.t(Msg::account_read_lesson), {page_label(p.state, link, lang)}), {.wide = true}))
        go(p.state, p.effects, Open{page_route(p.state, link)});
}

void receivable_form(Page& p, const Account& a) {
    Ui& ui = p.ui;
    ReceivableForm& f = p.v.receivable;
    begin_box(ui, "receivable-form", Role::group, ui.t(Msg::account_add_receivable));
    heading(ui, "receivable-form.heading", ui.t(Msg::account_add_receivable));
    gap(ui, 0.5f);
    form_field(ui, "receivable-form.invoice", ui.t(Msg::receivable_invoice), f.invoice, ui.t(Msg::receivable_hint_invoice));
    form_field(ui, "receivable-form.amount", ui.t(Msg::receivable_amount), f.amount, ui.t(Msg::account_hint_amount));
    form_field(ui, "receivable-form.issued", ui.t(Msg::receivable_issued), f.issued, ui.t(Msg::account_hint_date));
    form_field(ui, "receivable-form.due", ui.t(Msg::receivable_due), f.due,
               format(ui.t(Msg::receivable_hint_due), {std::to_string(a.terms_days)}));
    text_field(ui, "receivable-form.note", ui.t(Msg::account_field_notes), f.note, ui.t(Msg::account_hint_optional));
    gap(ui);
    problem_line(ui, "receivable-form.problem", f.problem);
    const bool save = button(ui, "receivable-form.save", ui.t(Msg::receivable_save), {.wide = true, .primary = true});
    gap(ui, 0.5f);
    const bool cancel = button(ui, "receivable-form.cancel", ui.t(Msg::account_cancel), {.wide = true});
    end_box(ui, ui.theme->card.abgr(), ui.theme->control_border.abgr());
    if (cancel) {
        p.v.adding_receivable = false;
        f = ReceivableForm{};
        p.state.focus_next = "account-add-receivable";
        return;
    }
    if (!save) return;
    const Lang lang = p.lang();
    f.problem.clear();
    Receivable r{.invoice = f.invoice, .note = f.note};
    if (trimmed(f.invoice).empty()) f.problem = format(ui.t(Msg::account_need_field), {ui.t(Msg::receivable_invoice)});
    std::optional<Money> amount;
    std::optional<Day> issued, due;
    if (f.problem.empty()) amount = amount_field(f.amount, Msg::receivable_amount, lang, f.problem);
    if (f.problem.empty()) issued = day_field(f.issued, Msg::receivable_issued, lang, f.problem);
    if (f.problem.empty()) {
        if (trimmed(f.due).empty()) due = *issued + static_cast<Day>(a.terms_days);
        else due = day_field(f.due, Msg::receivable_due, lang, f.problem);
    }
    if (!f.problem.empty()) {
        p.state.focus_next = "receivable-form.problem";
        return;
    }
    r.amount = *amount;
    r.issued = *issued;
    r.due = *due;
    p.then = [&p, account = a.id, r = std::move(r)]() mutable {
        AppState& state = p.state;
        r.id = new_plan_id(state);
        const std::string invoice = r.invoice;
        const PlanRefusal refused = change(state, AddReceivable{account, std::move(r)});
        if (refused != PlanRefusal::none) {
            p.v.receivable.problem = refusal_text(refused, state.lang);
            state.focus_next = "receivable-form.problem";
            return;
        }
        p.v.adding_receivable = false;
        p.v.receivable = ReceivableForm{};
        p.v.done = format(tr(Msg::receivable_added, state.lang), {invoice});
        p.v.done_below = true;
        state.focus_next = "account.done";
    };
}

// The chosen receivable: what it owes, its payments, and Record payment.
void chosen_receivable(Page& p, const Account& a, const Receivable& r, Day today) {
    Ui& ui = p.ui;
    const Lang lang = p.lang();
    PaymentForm& f = p.v.payment;
    const Money open = open_amount(r, today);
    const std::string name = format(ui.t(Msg::receivable_heading), {r.invoice});
    begin_box(ui, "account-receivable", Role::group, name);
    heading(ui, "account-receivable.heading", name);
    paragraph(ui, "account-receivable.summary",
              format(ui.t(Msg::receivable_summary), {format_money(r.amount, a.currency, lang), format_money(paid_by(r, today), a.currency, lang),
                                                     format_money(open, a.currency, lang), format_day(r.due, lang)}));
    if (!r.note.empty()) caption(ui, "account-receivable.note", r.note);
    gap(ui, 0.5f);
    caption(ui, "account-payments.label", ui.t(Msg::receivable_payments));
    std::optional<std::size_t> remove_payment;
    if (r.payments.empty()) {
        text_block(ui, "account-payments.none", ui.t(Msg::receivable_no_payments), ui.metrics.body, ui.theme->ink.abgr(), Role::text);
    } else {
        begin_group(ui, "account-payments", Role::list, ui.t(Msg::receivable_payments));
        for (std::size_t i = 0; i < r.payments.size(); ++i) {
            const Payment& pay = r.payments[i];
            std::string line = format(ui.t(Msg::receivable_payment_line), {format_day(pay.date, lang), format_money(pay.amount, a.currency, lang)});
            if (!pay.note.empty()) line += " · " + pay.note;
            const std::string id = "account-payment." + std::to_string(i);
            begin_group(ui, id, Role::listitem, line);
            text_block(ui, id + ".text", line, ui.metrics.body, ui.theme->ink.abgr(), Role::text);
            if (button(ui, id + ".remove", ui.t(Msg::receivable_payment_remove), {.name = format(ui.t(Msg::receivable_payment_remove_named), {line})}))
                remove_payment = i;
            end_group(ui);
            gap(ui, 0.3f);
        }
        end_group(ui);
    }
    gap(ui);
    const Money left = unpaid(r);
    bool save = false;
    if (left > 0) {
        heading(ui, "payment-form.heading", ui.t(Msg::receivable_record_payment));
        text_field(ui, "payment-form.date", ui.t(Msg::payment_date), f.date, ui.t(Msg::account_hint_date));
        gap(ui, 0.5f);
        text_field(ui, "payment-form.amount", ui.t(Msg::payment_amount), f.amount, ui.t(Msg::account_hint_amount));
        gap(ui, 0.5f);
        text_field(ui, "payment-form.note", ui.t(Msg::account_field_notes), f.note, ui.t(Msg::account_hint_optional));
        gap(ui);
        problem_line(ui, "payment-form.problem", f.problem);
        save = button(ui, "payment-form.save", ui.t(Msg::receivable_record_payment), {.wide = true, .primary = true});
    } else {
        text_block(ui, "account-receivable.paid-up", ui.t(Msg::receivable_paid_up), ui.metrics.body, ui.theme->ink.abgr(), Role::text);
    }
    gap(ui, 0.5f);
    bool remove = false, keep = false;
    if (p.v.confirm_remove_receivable) {
        text_block(ui, "account-receivable.confirm", format(ui.t(Msg::receivable_remove_question), {r.invoice}), ui.metrics.body, ui.theme->ink.abgr(),
                   Role::alert);
        gap(ui, 0.5f);
        remove = button(ui, "account-receivable.remove-confirm", ui.t(Msg::account_remove_confirm), {.wide = true});
        gap(ui, 0.5f);
        keep = button(ui, "account-receivable.remove-keep", ui.t(Msg::account_remove_keep), {.wide = true});
    } else if (button(ui, "account-receivable.remove", ui.t(Msg::receivable_remove), {.wide = true})) {
        p.v.confirm_remove_receivable = true;
        p.state.focus_next = "account-receivable.remove-keep";
    }
    gap(ui, 0.5f);
    const bool close = button(ui, "account-receivable.close", ui.t(Msg::receivable_close), {.wide = true});
    end_box(ui, ui.theme->card.abgr(), ui.theme->control_border.abgr());

    const std::string account = a.id, receivable = r.id;
    if (keep) {
        p.v.confirm_remove_receivable = false;
        p.state.focus_next = "account-receivable.remove";
    }
    if (close) {
        p.v.payment = PaymentForm{};
        p.v.confirm_remove_receivable = false;
        p.state.focus_next = table_open_id(kReceivables, receivable);
    }
    if (remove) {
        p.then = [&p, account, receivable, invoice = r.invoice] {
            AppState& state = p.state;
            const PlanRefusal refused = change(state, RemoveReceivable{account, receivable});
            p.v.payment = PaymentForm{};
            p.v.confirm_remove_receivable = false;
            p.v.done = refused == PlanRefusal::none ? format(tr(Msg::receivable_removed, state.lang), {invoice}) : refusal_text(refused, state.lang);
            p.v.done_below = true;
            state.focus_next = "account.done";
        };
    }
    if (remove_payment) {
        p.then = [&p, account, receivable, index = *remove_payment] {
            AppState& state = p.state;
            const PlanRefusal refused = change(state, RemovePayment{account, receivable, index});
            p.v.done = refused == PlanRefusal::none ? std::string(tr(Msg::payment_removed, state.lang)) : refusal_text(refused, state.lang);
            p.v.done_below = true;
            if (const Account* now = find_account(state.plan.plan, account))
                if (const Receivable* rec = find_receivable(*now, receivable)) p.v.payment.amount = plain_amount(unpaid(*rec));
            state.focus_next = "account.done";
        };
    }
    if (!save) return;
    f.problem.clear();
    const std::optional<Day> date = day_field(f.date, Msg::payment_date, lang, f.problem);
    std::optional<Money> amount;
    if (f.problem.empty()) amount = amount_field(f.amount, Msg::payment_amount, lang, f.problem);
    // More than is open would leave the receivable overpaid, which the ageing cannot show.
    if (f.problem.empty() && *amount > left) f.problem = format(ui.t(Msg::payment_too_much), {format_money(left, a.currency, lang)});
    if (!f.problem.empty()) {
        p.state.focus_next = "payment-form.problem";
        return;
    }
    p.then = [&p, account, receivable, pay = Payment{.date = *date, .amount = *amount, .note = f.note}, currency = a.currency] {
        AppState& state = p.state;
        const PlanRefusal refused = change(state, AddPayment{account, receivable, pay});
        if (refused != PlanRefusal::none) {
            p.v.payment.problem = refusal_text(refused, state.lang);
            state.focus_next = "payment-form.problem";
            return;
        }
        p.v.done = format(tr(Msg::payment_recorded, state.lang), {format_money(pay.amount, currency, state.lang)});
        p.v.done_below = true;
        p.v.payment.note.clear();
        p.v.payment.problem.clear();
        if (const Account* now = find_account(state.plan.plan, account))
            if (const Receivable* rec = find_receivable(*now, receivable)) p.v.payment.amount = plain_amount(unpaid(*rec));
        state.focus_next = "account.done";
    };
}

void receivables_section(Page& p, const Account& a, const AccountFigures& figures, Day today) {
    Ui& ui = p.ui;
    const Lang lang = p.lang();
    heading(ui, "account.receivables-heading", ui.t(Msg::account_receivables));
    caption(ui, "account.receivables-count",
            format(ui.t(Msg::account_receivables_count), {grouped(a.receivables.size()), grouped(figures.open_receivables)}));
    gap(ui, 0.5f);
    if (p.v.adding_receivable) {
        receivable_form(p, a);
    } else if (button(ui, "account-add-receivable", ui.t(Msg::account_add_receivable), {.wide = true})) {
        p.v.adding_receivable = true;
        p.v.receivable = ReceivableForm{.issued = plain_day(today)};
        p.v.done.clear();
        p.state.focus_next = "receivable-form.invoice";
    }
    gap(ui);
    if (!p.v.done.empty() && p.v.done_below) {
        text_block(ui, "account.done", p.v.done, ui.metrics.body, ui.theme->ink.abgr(), Role::status);
        gap(ui, 0.5f);
    }
    const Receivable* chosen = p.v.payment.receivable.empty() ? nullptr : find_receivable(a, p.v.payment.receivable);
    if (chosen != nullptr) {
        chosen_receivable(p, a, *chosen, today);
        gap(ui);
    }
    if (a.receivables.empty()) {
        paragraph(ui, "account.no-receivables", ui.t(Msg::account_no_receivables));
        return;
    }
    // Oldest due first: what to collect first is at the top.
    std::vector<std::size_t> order(a.receivables.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return a.receivables[x].due < a.receivables[y].due; });
    const std::string money_sample = format_money(88'888'888, kDefaultCurrency, lang);
    const std::string day_sample = format_day(20000, lang);  // 4 Oct 2024: a wide month
    const std::string days_sample = format_days(365, lang);
    const TableColumn columns[] = {
        {"invoice", ui.t(Msg::receivable_invoice), {}, false, true},
        {"amount", ui.t(Msg::receivable_amount), money_sample, true, false},
        {"paid", ui.t(Msg::receivable_paid), money_sample, true, false},
        {"open", ui.t(Msg::accounts_col_open), money_sample, true, true},
        {"issued", ui.t(Msg::receivable_issued), day_sample, false, false},
        {"due", ui.t(Msg::receivable_due), day_sample, false, false},
        {"days", ui.t(Msg::receivable_days), days_sample, true, true},
        {"bucket", ui.t(Msg::account_col_bucket), ui.t(Msg::acc_bucket_over_90), false, false},
    };
    const TableResult table = data_table(
        ui, {.id = kReceivables,
             .caption = ui.t(Msg::account_receivables),
             .columns = columns,
             .rows = order.size(),
             .key = [&](std::size_t row) { return a.receivables[order[row]].id; },
             .cell =
                 [&](std::size_t row, std::size_t c) {
                     const Receivable& r = a.receivables[order[row]];
                     const Money open = open_amount(r, today);
                     const int days = days_past_due(r, today);
                     switch (c) {
                         case 0: return r.invoice;
                         case 1: return format_money(r.amount, a.currency, lang);
                         case 2: return format_money(paid_by(r, today), a.currency, lang);
                         case 3: return format_money(open, a.currency, lang);
                         case 4: return format_day(r.issued, lang);
                         case 5: return format_day(r.due, lang);
                         case 6: return open == 0 ? std::string(ui.t(Msg::receivable_paid_up))
                                        : days <= 0 ? std::string(ui.t(Msg::acc_bucket_not_due)) : format_days(days, lang);
                         default: return std::string(ui.t(open == 0 ? Msg::receivable_paid_up : bucket_msg(bucket_of(days))));
                     }
                 },
             .open_rows = true,
             .open_hint = ui.t(Msg::receivable_open_hint),
             .current = p.v.payment.receivable});
    if (!table.focus.empty()) p.state.focus_next = table.focus;
    if (table.opened) {
        const Receivable& r = a.receivables[order[*table.opened]];
        p.v.payment = PaymentForm{.receivable = r.id, .date = plain_day(today), .amount = plain_amount(unpaid(r))};
        p.v.confirm_remove_receivable = false;
        p.v.done.clear();
        p.state.focus_next = "payment-form.date";
    }
}

void remove_section(Page& p, const Account& a) {
    Ui& ui = p.ui;
    if (!p.v.confirm_remove) {
        if (button(ui, "account-remove", ui.t(Msg::account_remove), {.wide = true})) {
            p.v.confirm_remove = true;
            p.state.focus_next = "account-remove.keep";
        }
        return;
    }
    begin_box(ui, "account-remove.box", Role::group, ui.t(Msg::account_remove));
    text_block(ui, "account-remove.question", format(ui.t(Msg::account_remove_question), {a.name, grouped(a.receivables.size())}), ui.metrics.body,
               ui.theme->ink.abgr(), Role::alert);
    gap(ui, 0.5f);
    const bool remove = button(ui, "account-remove.confirm", ui.t(Msg::account_remove_confirm), {.wide = true});
    gap(ui, 0.5f);
    const bool keep = button(ui, "account-remove.keep", ui.t(Msg::account_remove_keep), {.wide = true, .primary = true});
    end_box(ui, ui.theme->notice_fill.abgr(), ui.theme->notice_border.abgr());
    if (keep) {
        p.v.confirm_remove = false;
        p.state.focus_next = "account-remove";
    }
    if (remove) {
        p.then = [&p, id = a.id] {
            change(p.state, RemoveAccount{id});
            p.v = AccountView{};
            go(p.state, p.effects, Up{});
        };
    }
}

}  // namespace

void draw_account(AppState& state, Ui& ui, AppEffects& effects) {
    const Route route = here(state);
    AccountView& v = state.plan_view.account;
    const bool ready = plan_ready(state);
    const Account* account = ready ? find_account(state.plan.plan, route.account) : nullptr;
    std::string_view title = plan_title(ui, Screen::account);
    if (ready && route.account.empty()) title = ui.t(Msg::account_new_heading);
    if (account != nullptr) title = account->name;
    const bool arriving = std::exchange(state.scroll_to_top, false);  // before Back, which sets it for the list
    begin_screen_with_title(state, ui, effects, "account", title);
    if (arriving) ImGui::SetScrollY(0);
    gap(ui, 0.5f);
    if (plan_missing(state, ui)) {
        end_screen(ui);
        return;
    }
    // Another account (or a new one) gets fresh forms; a new one starts in its form.
    if (v.showing != route.account || (route.account.empty() && !v.editing_account)) {
        v = AccountView{.showing = route.account};
        if (route.account.empty()) {
            v.account = form_of(nullptr);
            v.editing_account = true;
        }
    }
    Page p{state, ui, effects, v, nullptr};
    if (route.account.empty()) {
        account_form(p, nullptr);
        end_screen(ui);
        if (p.then) p.then();
        return;
    }
    if (account == nullptr) {
        paragraph(ui, "account.unknown", ui.t(Msg::account_unknown));
        gap(ui);
        if (button(ui, "account-to-list", ui.t(Msg::account_to_list), {.wide = true})) go(state, effects, Up{});
        end_screen(ui);
        return;
    }
    const Account& a = *account;
    const PlanFigures& all = plan_figures(state);
    const auto index = static_cast<std::size_t>(account - state.plan.plan.accounts.data());
    const AccountFigures figures = index < all.accounts.size() ? all.accounts[index] : account_figures(a, all.today);
    if (!v.done.empty() && !v.done_below) {
        text_block(ui, "account.done", v.done, ui.metrics.body, ui.theme->ink.abgr(), Role::status);
        gap(ui, 0.5f);
    }
    if (v.editing_account) account_form(p, &a);
    else account_fields(p, a);
    gap(ui);
    account_figures_section(p, a, figures);
    gap(ui);
    receivables_section(p, a, figures, all.today);
    gap(ui);
    remove_section(p, a);
    end_screen(ui);
    if (p.then) p.then();
}

}  // namespace coach::ui
