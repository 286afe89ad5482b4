// Import and export of the collection plan (`?screen=plan-import`).
//
// A sales manager brings the receivables report their ERP exports, or a spreadsheet of their
// own; a salesperson may copy a block of cells in Excel and paste it. The page reads the file
// or the clipboard and decodes it to UTF-8 (web/plan_import.js: UTF-8 with or without BOM,
// UTF-16 with BOM, else GB18030, which Chinese Excel and WPS write), then hands the text to
// plan_file_arrived(). From there, in steps:
//   choose   pick a file or paste; what columns and formats are understood; export;
//   map      each column with its header and three sample values, and the field it holds
//            (the guess from its header, or the mapping the learner confirmed last time),
//            changed by opening the column's choice; whether the first row is a header;
//   preview  how many accounts are new or updated and how many receivables come in, the first
//            good rows as a table, and every problem as "row 7, column 3 (金额): reason —
//            value"; the good rows import while the broken ones stay out;
//   done     how many rows went in, and the way back to the dashboard.
// A plan file (the JSON this screen exports) is not a table: it restores the whole plan, after
// the learner confirms that it replaces what is there.
// Files stay in the page's memory; nothing is uploaded.
// Limits: a text over 32 MiB is refused before it is read (a plan at its largest exports well
// under that); the preview lists the first 50 problems, and 1,000 when the learner asks for
// all of them (a report broken on every row is better fixed at its source).
#include <algorithm>
#include <cctype>

#include "app.h"
#include "core/plan_store.h"
#include "imgui.h"
#include "ui_table.h"

namespace coach::ui {
namespace {

constexpr std::size_t kMaxImportBytes = std::size_t{32} << 20;
constexpr std::size_t kPreviewRows = 20;
constexpr std::size_t kErrorsShown = 50;
constexpr std::size_t kErrorsAll = 1000;  // "show all" draws this many: a frame stays quick
constexpr std::size_t kSampleRows = 200;  // a column's first values are looked for this far down

// Every field a column may hold, in the order the choice lists them, with its id in the view tree.
struct FieldChoice {
    Field field;
    const char* key;
};
constexpr FieldChoice kFields[] = {
    {Field::account, "account"},   {Field::invoice, "invoice"},           {Field::amount, "amount"},
    {Field::paid, "paid"},         {Field::issued, "issued"},             {Field::due, "due"},
    {Field::segment, "segment"},   {Field::terms_days, "terms"},          {Field::credit_limit, "credit-limit"},
    {Field::currency, "currency"}, {Field::potential, "potential"},       {Field::share_percent, "share"},
    {Field::notes, "notes"},       {Field::none, "none"},
};

// A new import starts from nothing; the dashboard's question about the example is not the import's.
void restart(ImportView& v) {
    const bool confirm_clear = v.confirm_clear;
    v = ImportView{};
    v.confirm_clear = confirm_clear;
}

std::string refusal_text(PlanRefusal r, Lang lang) {
    switch (r) {
        case PlanRefusal::none: return {};
        case PlanRefusal::too_many_accounts: return format(tr(Msg::imp_refused_accounts, lang), {std::to_string(kPlanLimits.accounts)});
        case PlanRefusal::too_many_receivables: return format(tr(Msg::imp_refused_receivables, lang), {std::to_string(kPlanLimits.receivables)});
        case PlanRefusal::too_many_payments: return std::string(tr(Msg::imp_refused_payments, lang));
        case PlanRefusal::text_too_long: return std::string(tr(Msg::imp_refused_text, lang));
        case PlanRefusal::amount_out_of_range:
        case PlanRefusal::not_positive: return std::string(tr(Msg::imp_refused_amount, lang));
        case PlanRefusal::date_out_of_range:
        case PlanRefusal::due_before_issue: return std::string(tr(Msg::imp_refused_date, lang));
        case PlanRefusal::unknown_account:
        case PlanRefusal::unknown_receivable:
        case PlanRefusal::duplicate_id:
        case PlanRefusal::empty_name: return std::string(tr(Msg::imp_refused_other, lang));
    }
    return {};
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool table_empty(const Table& t) {
    for (const auto& row : t.rows)
        for (const std::string& cell : row)
            if (!blank(cell)) return false;
    return true;
}

bool ends_with_json(std::string_view name) {
    if (name.size() < 5) return false;
    std::string tail(name.substr(name.size() - 5));
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return tail == ".json";
}

// A plan file is JSON: an object from its first character (a table never starts with "{").
bool looks_like_plan_file(std::string_view name, std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const std::size_t at = text.find_first_not_of(" \t\r\n");
    return ends_with_json(name) || (at != std::string_view::npos && text[at] == '{');
}

// The header row, below the title rows an ERP report may start with (nullptr: none).
const std::vector<std::string>* header_of(const ImportView& v) {
    if (!v.mapping.header_row || v.mapping.title_rows >= v.table.rows.size()) return nullptr;
    return &v.table.rows[v.mapping.title_rows];
}

bool has_header(const ImportView& v, std::size_t column) {
    const auto* header = header_of(v);
    return header != nullptr && column < header->size() && !blank((*header)[column]);
}

std::size_t first_data_row(const ImportView& v) { return v.mapping.title_rows + (v.mapping.header_row ? 1 : 0); }

// A column as the learner knows it: its header ("金额"), or its number when there is none.
std::string column_name(const ImportView& v, std::size_t column, Lang lang) {
    if (has_header(v, column)) return (*header_of(v))[column];
    return format(tr(Msg::imp_column_plain, lang), {std::to_string(column + 1)});
}

std::string samples(const ImportView& v, std::size_t column, Lang lang) {
    std::string out;
    std::size_t found = 0;
    const std::size_t first = first_data_row(v);
    for (std::size_t r = first; r < v.table.rows.size() && r < first + kSampleRows && found < 3; ++r) {
        const auto& row = v.table.rows[r];
        if (column >= row.size() || blank(row[column])) continue;
        if (found++ > 0) out += tr(Msg::class_and, lang);
        out += row[column];
    }
    return found ? format(tr(Msg::imp_samples, lang), {out}) : std::string(tr(Msg::imp_no_samples, lang));
}

std::string error_line(const ImportView& v, const RowError& e, Lang lang) {
    const std::string reason = describe(e.problem, lang);
    if (e.column == 0) return format(tr(Msg::imp_error_row, lang), {std::to_string(e.row), reason});
    // The column by its header, else by what it was mapped to (its number is said already).
    const std::size_t c = e.column - 1;
    const std::string column = std::to_string(e.column);
    const std::string name = has_header(v, c) ? (*header_of(v))[c] : std::string(field_name(c < v.mapping.columns.size() ? v.mapping.columns[c] : Field::none, lang));
    if (e.value.empty()) return format(tr(Msg::imp_error_cell_empty, lang), {std::to_string(e.row), column, name, reason});
    return format(tr(Msg::imp_error_cell, lang), {std::to_string(e.row), column, name, reason, e.value});
}

void problem_box(Ui& ui, const std::string& id, const std::string& text, const std::string& detail) {
    const Theme& th = *ui.theme;
    begin_box(ui, id, Role::alert);
    text_block(ui, id + ".text", text, ui.metrics.body, th.ink.abgr(), Role::paragraph);
    if (!detail.empty()) caption(ui, id + ".detail", format(ui.t(Msg::class_detail), {detail}));
    end_box(ui, th.notice_fill.abgr(), th.notice_border.abgr());
    gap(ui);
}

void export_section(AppState& state, Ui& ui, AppEffects& effects) {
    if (state.plan.plan.accounts.empty()) return;
    heading(ui, "plan-import.export", ui.t(Msg::imp_export));
    caption(ui, "plan-import.export-about", ui.t(Msg::imp_export_about));
    gap(ui, 0.5f);
    plan_export_buttons(state, ui, effects, "plan-import");
}

void choose_step(AppState& state, Ui& ui, AppEffects& effects) {
    ImportView& v = state.plan_view.import;
    if (!v.problem.empty()) problem_box(ui, "plan-import.problem", v.problem, v.detail);
    paragraph(ui, "plan-import.about", ui.t(Msg::imp_about));
    gap(ui, 0.5f);
    std::string fields;
    for (const FieldChoice& c : kFields) {
        if (c.field == Field::none) continue;
        if (!fields.empty()) fields += ui.t(Msg::class_and);
        fields += field_name(c.field, ui.lang);
    }
    caption(ui, "plan-import.columns", format(ui.t(Msg::imp_columns), {fields}));
    gap(ui, 0.3f);
    caption(ui, "plan-import.formats", ui.t(Msg::imp_formats));
    gap(ui, 0.3f);
    caption(ui, "plan-import.local", ui.t(Msg::imp_local));
    gap(ui);
    if (button(ui, "plan-import-pick", ui.t(Msg::imp_pick_file), {.wide = true, .primary = true})) effects.pick_plan_file = true;
    gap(ui, 0.5f);
    if (button(ui, "plan-import-paste", ui.t(Msg::imp_paste), {.wide = true})) effects.paste_plan = true;
    gap(ui, 0.3f);
    caption(ui, "plan-import.paste-hint", ui.t(Msg::imp_paste_hint));
    gap(ui);
    export_section(state, ui, effects);
}

void map_step(AppState& state, Ui& ui) {
    ImportView& v = state.plan_view.import;
    const Metrics& m = ui.metrics;
    heading(ui, "plan-import.map", ui.t(Msg::imp_map_heading));
    const std::size_t data_rows = v.table.rows.size() - std::min(v.table.rows.size(), first_data_row(v));
    caption(ui, "plan-import.source", format(ui.t(Msg::imp_source), {v.source, v.encoding, std::to_string(data_rows)}));
    if (v.mapping.title_rows > 0) caption(ui, "plan-import.title-rows", format(ui.t(Msg::imp_title_rows), {std::to_string(v.mapping.title_rows)}));
    gap(ui, 0.5f);
    paragraph(ui, "plan-import.map-about", ui.t(Msg::imp_map_about));
    gap(ui, 0.5f);
    if (choice_row(ui, "plan-import-header", ui.t(Msg::imp_header_row), {.role = Role::checkbox, .on = v.mapping.header_row}))
        v.mapping.header_row = !v.mapping.header_row;
    gap(ui);

    int toggled = -2;
    std::optional<std::pair<std::size_t, Field>> chosen;
    begin_group(ui, "plan-columns", Role::list, ui.t(Msg::imp_map_heading));
    for (std::size_t c = 0; c < v.mapping.columns.size(); ++c) {
        const std::string id = "plan-column-" + std::to_string(c + 1);
        const std::string name = column_name(v, c, ui.lang);
        const Field field = v.mapping.columns[c];
        const std::string label = has_header(v, c) ? format(ui.t(Msg::imp_column_choice), {std::to_string(c + 1), name, field_name(field, ui.lang)})
                                                   : format(ui.t(Msg::imp_column_choice_plain), {std::to_string(c + 1), field_name(field, ui.lang)});
        const bool open = v.open_column == static_cast<int>(c);
        begin_group(ui, id + "-item", Role::listitem, name);
        if (button(ui, id, label, {.wide = true, .expanded = open})) toggled = static_cast<int>(c);
        gap(ui, 0.2f);
        caption(ui, id + ".samples", samples(v, c, ui.lang));
        if (open) {
            gap(ui, 0.3f);
            ImGui::Indent(m.margin);
            begin_group(ui, id + "-fields", Role::radiogroup, format(ui.t(Msg::imp_column_fields), {name}));
            for (const FieldChoice& choice : kFields) {
                if (radio(ui, id + "-" + choice.key, field_name(choice.field, ui.lang), field == choice.field)) chosen = {c, choice.field};
                gap(ui, 0.2f);
            }
            end_group(ui);
            ImGui::Unindent(m.margin);
        }
        end_group(ui);
        gap(ui, 0.5f);
    }
    end_group(ui);
    if (chosen) {
        v.mapping.columns[chosen->first] = chosen->second;
        v.open_column = -1;
        state.focus_next = "plan-column-" + std::to_string(chosen->first + 1);
    } else if (toggled >= 0) {
        v.open_column = v.open_column == toggled ? -1 : toggled;
    }

    gap(ui, 0.5f);
    const bool has_account = std::find(v.mapping.columns.begin(), v.mapping.columns.end(), Field::account) != v.mapping.columns.end();
    if (!has_account) {
        caption(ui, "plan-import.needs-account", ui.t(Msg::imp_map_needs_account));
        gap(ui, 0.3f);
    }
    if (button(ui, "plan-import-preview", ui.t(Msg::imp_preview), {.wide = true, .primary = true, .disabled = !has_account})) {
        v.preview = read_rows(state.plan.plan, v.table, v.mapping, plan_today(state), new_plan_id(state));
        v.step = ImportStep::preview;
        v.all_errors = false;
        v.refused = PlanRefusal::none;
        v.open_column = -1;
        state.focus_next = "plan-import.preview";
        state.scroll_to_top = true;
    }
    gap(ui, 0.5f);
    if (button(ui, "plan-import-another", ui.t(Msg::imp_choose_another), {.wide = true})) {
        restart(v);
        state.focus_next = "plan-import-pick";
    }
}

// The currency a row's amounts are in: the row's own, else the account's it updates, else the default.
std::string row_currency(const Plan& plan, const ImportPreview& p, const ImportedRow& row) {
    if (std::find(p.fields.begin(), p.fields.end(), Field::currency) != p.fields.end() && !row.fields.currency.empty()) return row.fields.currency;
    for (const Account& a : plan.accounts)
        if (a.name == row.account) return a.currency;
    return kDefaultCurrency;
}

void preview_step(AppState& state, Ui& ui) {
    ImportView& v = state.plan_view.import;
    const ImportPreview& p = v.preview;
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    heading(ui, "plan-import.preview", ui.t(Msg::imp_preview));
    gap(ui, 0.5f);
    text_block(ui, "plan-import.counts",
               format(ui.t(Msg::imp_preview_counts), {std::to_string(p.new_accounts), std::to_string(p.updated_accounts), std::to_string(p.receivables)}),
               m.body, th.ink.abgr(), Role::status);
    gap(ui);

    if (p.errors.empty()) {
        paragraph(ui, "plan-import.no-errors", ui.t(Msg::imp_preview_no_errors));
    } else {
        std::size_t rows = 0;  // the errors come in row order: a row's problems stand together
        for (std::size_t k = 0; k < p.errors.size(); ++k) rows += k == 0 || p.errors[k].row != p.errors[k - 1].row;
        heading(ui, "plan-import.errors-heading", format(ui.t(Msg::imp_preview_errors), {std::to_string(rows), std::to_string(p.errors.size())}));
        gap(ui, 0.5f);
        const std::size_t shown = std::min(p.errors.size(), v.all_errors ? kErrorsAll : kErrorsShown);
        begin_group(ui, "plan-errors", Role::list, ui.t(Msg::imp_errors_list));
        for (std::size_t k = 0; k < shown; ++k)
            text_block(ui, "plan-error-" + std::to_string(k + 1), error_line(v, p.errors[k], ui.lang), m.body, th.ink.abgr(), Role::listitem);
        end_group(ui);
        if (shown < p.errors.size()) {
            gap(ui, 0.5f);
            if (v.all_errors) caption(ui, "plan-import.errors-more", format(ui.t(Msg::imp_errors_more), {std::to_string(p.errors.size() - shown)}));
            else if (button(ui, "plan-errors-all", format(ui.t(Msg::imp_errors_all), {std::to_string(p.errors.size())}), {.wide = true})) v.all_errors = true;
        }
    }
    gap(ui);

    if (!p.rows.empty()) {
        const std::size_t shown = std::min(p.rows.size(), kPreviewRows);
        heading(ui, "plan-import.rows-heading", format(ui.t(Msg::imp_preview_rows), {std::to_string(shown), std::to_string(p.rows.size())}));
        gap(ui, 0.5f);
        begin_group(ui, "plan-preview", Role::table, ui.t(Msg::imp_preview));
        for (std::size_t k = 0; k < shown; ++k) {
            const ImportedRow& row = p.rows[k];
            std::vector<std::string> cells{format(ui.t(Msg::imp_cell_row), {std::to_string(row.row)}), row.account};
            if (row.has_receivable) {
                const std::string currency = row_currency(state.plan.plan, p, row);
                const Receivable& r = row.receivable;
                if (!r.invoice.empty()) cells.push_back(format(ui.t(Msg::imp_cell_invoice), {r.invoice}));
                cells.push_back(format_money(r.amount, currency, ui.lang));
                cells.push_back(format(ui.t(Msg::imp_cell_due), {format_day(r.due, ui.lang)}));
                Money paid = 0;
                for (const Payment& pay : r.payments) paid += pay.amount;
                if (paid > 0) cells.push_back(format(ui.t(Msg::imp_cell_paid), {format_money(paid, currency, ui.lang)}));
            } else {
                cells.push_back(std::string(ui.t(Msg::imp_cell_account_only)));
            }
            flow_row(ui, "plan-preview-row-" + std::to_string(row.row), cells, {.ink_cell = 1, .rule = true});
        }
        end_group(ui);
        gap(ui);
    }

    if (v.refused != PlanRefusal::none)
        problem_box(ui, "plan-import.refused", format(ui.t(Msg::imp_refused), {refusal_text(v.refused, ui.lang)}), {});
    if (p.rows.empty()) {
        paragraph(ui, "plan-import.nothing", ui.t(Msg::imp_nothing));
        gap(ui, 0.5f);
    } else if (button(ui, "plan-import-go", format(ui.t(Msg::imp_rows), {std::to_string(p.rows.size())}), {.wide = true, .primary = true})) {
        const PlanRefusal refused = change(state, import_action(p));
        if (refused != PlanRefusal::none) {
            v.refused = refused;
            state.focus_next = "plan-import.refused";
        } else {
            change(state, RememberMapping{mapping_to_remember(v.table, v.mapping, state.plan.plan.mapping)});
            v.imported_rows = p.rows.size();
            v.step = ImportStep::done;
            state.focus_next = "plan-import.done";
            state.scroll_to_top = true;
        }
    }
    gap(ui, 0.5f);
    if (button(ui, "plan-import-back", ui.t(Msg::imp_back_to_columns), {.wide = true})) {
        v.step = ImportStep::map;
        v.refused = PlanRefusal::none;
        state.focus_next = "plan-import.map";
        state.scroll_to_top = true;
    }
}

void restore_step(AppState& state, Ui& ui) {
    ImportView& v = state.plan_view.import;
    if (!v.restore) {
        restart(v);
        return;
    }
    heading(ui, "plan-import.restore", ui.t(Msg::imp_restore_heading));
    gap(ui, 0.5f);
    paragraph(ui, "plan-import.restore-about",
              format(ui.t(Msg::imp_restore_about), {v.source, std::to_string(v.restore->accounts.size()), std::to_string(receivable_count(*v.restore)),
                                                     std::to_string(state.plan.plan.accounts.size())}));
    gap(ui);
    if (v.refused != PlanRefusal::none)
        problem_box(ui, "plan-import.refused", format(ui.t(Msg::imp_refused), {refusal_text(v.refused, ui.lang)}), {});
    if (button(ui, "plan-restore-yes", ui.t(Msg::imp_restore_yes), {.wide = true, .primary = true})) {
        const PlanRefusal refused = change(state, ReplacePlan{*v.restore});
        if (refused != PlanRefusal::none) {
            v.refused = refused;
            state.focus_next = "plan-import.refused";
        } else {
            v.imported_rows = v.restore->accounts.size();
            v.restore.reset();
            v.restored = true;
            v.step = ImportStep::done;
            state.focus_next = "plan-import.done";
        }
    }
    gap(ui, 0.5f);
    if (button(ui, "plan-restore-no", ui.t(Msg::dash_cancel), {.wide = true})) {
        restart(v);
        state.focus_next = "plan-import-pick";
    }
}

void done_step(AppState& state, Ui& ui, AppEffects& effects) {
    ImportView& v = state.plan_view.import;
    const Theme& th = *ui.theme;
    const std::string text = v.restored ? format(ui.t(Msg::imp_restored), {std::to_string(v.imported_rows)})
                                        : format(ui.t(Msg::imp_done), {std::to_string(v.imported_rows), std::to_string(v.preview.new_accounts),
                                                                               std::to_string(v.preview.updated_accounts), std::to_string(v.preview.receivables)});
    begin_box(ui, "plan-import-done-box", Role::status);
    text_block(ui, "plan-import.done", text, ui.metrics.body, th.ink.abgr(), Role::paragraph);
    end_box(ui, th.good_fill.abgr(), th.good_border.abgr());
    gap(ui);
    if (button(ui, "plan-import-dashboard", ui.t(Msg::imp_to_dashboard), {.wide = true, .primary = true})) {
        restart(v);
        go(state, effects, Up{});
        return;
    }
    gap(ui, 0.5f);
    if (button(ui, "plan-import-again", ui.t(Msg::imp_again), {.wide = true})) {
        restart(v);
        state.focus_next = "plan-import-pick";
    }
    gap(ui);
    export_section(state, ui, effects);
}

}  // namespace

void plan_file_arrived(AppState& state, std::string_view name, std::string_view text, std::string_view encoding) {
    ImportView& v = state.plan_view.import;
    restart(v);
    v.source = std::string(name);
    v.encoding = std::string(encoding);
    state.scroll_to_top = true;
    state.focus_next = "plan-import.title";
    if (text.size() > kMaxImportBytes) {
        v.problem = format(tr(Msg::imp_file_too_large, state.lang), {v.source, std::to_string(kMaxImportBytes >> 20)});
        v.detail = std::to_string(text.size()) + " bytes";
        return;
    }
    if (looks_like_plan_file(name, text)) {
        PlanFileRead read = read_plan_file(text);
        if (!read.plan) {
            v.problem = format(tr(Msg::imp_file_problem, state.lang), {v.source, describe(read.error, state.lang)});
            v.detail = read.error.detail;
            return;
        }
        v.restore = std::move(read.plan);
        v.step = ImportStep::restore;
        state.focus_next = "plan-import.restore";
        return;
    }
    v.table = read_table(text);
    if (table_empty(v.table)) {
        v.problem = format(tr(Msg::imp_file_empty, state.lang), {v.source});
        v.table = {};
        return;
    }
    v.mapping = guess_columns(v.table, state.plan.plan.mapping);
    v.step = ImportStep::map;
    state.focus_next = "plan-import.map";
}

void plan_paste_refused(AppState& state, std::string_view detail) {
    ImportView& v = state.plan_view.import;
    restart(v);
    v.problem = std::string(tr(Msg::imp_paste_refused, state.lang));
    v.detail = std::string(detail);
    state.focus_next = "plan-import.problem.text";
}

void plan_export_buttons(AppState& state, Ui& ui, AppEffects& effects, std::string_view id_prefix) {
    const Plan& plan = state.plan.plan;
    const std::string prefix(id_prefix);
    if (button(ui, prefix + "-export-ledger", ui.t(Msg::dash_export_ledger), {.wide = true})) {
        std::string csv = ledger_csv(plan, plan_today(state), ui.lang);
        // The byte order mark tells Excel and WPS the file is UTF-8 (else they read it as GBK).
        if (csv.rfind("\xEF\xBB\xBF", 0) != 0) csv.insert(0, "\xEF\xBB\xBF");
        effects.download = FileOut{"-ledger", "csv", "text/csv;charset=utf-8", std::move(csv)};
    }
    gap(ui, 0.5f);
    if (button(ui, prefix + "-export-plan", ui.t(Msg::dash_export_plan), {.wide = true}))
        effects.download = FileOut{"-plan", "json", "application/json", write_plan_file(plan)};
}

void draw_plan_import(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen_with_title(state, ui, effects, "plan-import", ui.t(Msg::dash_import_export));
    scroll_to_top(state);
    gap(ui, 0.5f);
    if (plan_missing(state, ui)) {  // as the dashboard: the practice font and the records first
        end_screen(ui);
        return;
    }
    ImportView& v = state.plan_view.import;
    switch (v.step) {
        case ImportStep::choose: choose_step(state, ui, effects); break;
        case ImportStep::map: map_step(state, ui); break;
        case ImportStep::preview: preview_step(state, ui); break;
        case ImportStep::done: done_step(state, ui, effects); break;
        case ImportStep::restore: restore_step(state, ui); break;
    }
    end_screen(ui);
}

}  // namespace coach::ui
