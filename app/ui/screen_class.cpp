// The class view, for instructors: the self-assessment results of a class, from the files
// the learners exported.
//
// The instructor opens (or drops on the page) one JSON file per learner; the platform reads
// each with read_result_file() into AppState::class_view, which lives in memory only: nothing
// is uploaded or stored, and the screen says so. Each file counts with its latest result.
// Shown: how many learners, each score's mean with its spread as a chart, a table of the
// figures (score, mean, spread, lowest, highest, count), the weakest steps by name, the files
// counted (each can be removed) and the files refused with the reason and its technical
// detail; then the class as CSV, and Clear.
//
// The table reflows instead of scrolling sideways: each row is its cells in reading order,
// each cell saying what it holds ("平均 62%"), wrapping onto further lines on a narrow screen,
// so a phone at 200 % text reads it as well as a desktop. Its rows and cells are published as
// table, row and cell nodes.
// Limits: two files of the same learner count as two learners (nothing in a file tells them apart).

#include "assessment_view.h"
#include "chart.h"
#include "imgui.h"
#include "ui_table.h"

namespace coach::ui {
namespace {

}  // namespace

void draw_class(AppState& state, Ui& ui, AppEffects& effects) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    begin_screen_with_title(state, ui, effects, "class", practice_title(ui, Screen::class_view));
    scroll_to_top(state);
    gap(ui, 0.5f);
    // Files are read against the assessment, and its words come with it: nothing else until then.
    if (assessment_missing(state, ui)) {
        end_screen(ui);
        return;
    }
    paragraph(ui, "class.local", ui.t(Msg::class_local));
    gap(ui, 0.5f);
    if (button(ui, "class-open-files", ui.t(Msg::class_open_files), {.wide = true, .primary = true})) effects.pick_result_files = true;
    gap(ui, 0.3f);
    caption(ui, "class.drop-hint", ui.t(Msg::class_drop_hint));
    gap(ui);
    const Assessment& a = *state.assessment;
    ClassView& cv = state.class_view;
    if (cv.files.empty() && cv.rejected.empty()) paragraph(ui, "class.empty", ui.t(Msg::class_empty));

    std::optional<std::size_t> remove;
    if (!cv.files.empty()) {
        std::vector<Profile> profiles;
        for (const ResultFile& file : cv.files)
            if (const AssessmentResult* r = latest_result(file)) profiles.push_back(profile(a, *r));
        const ClassProfile c = class_profile(a, profiles);
        const std::string learners = c.learners == 1 ? std::string(ui.t(Msg::class_learners_one))
                                                     : format(ui.t(Msg::class_learners_many), {std::to_string(c.learners)});
        text_block(ui, "class.learners", learners, m.heading, th.ink.abgr(), Role::status);
        gap(ui);

        std::vector<ClassBar> bars;
        const std::vector<Score> shape = profile(a, {}).scores;  // the scores' names, in the class's order
        for (std::size_t i = 0; i < c.scores.size() && i < shape.size(); ++i) {
            const ScoreSpread& s = c.scores[i];
            bars.push_back({score_label(a, shape[i], ui.lang), s.count, s.mean, s.spread, s.low, s.high});
        }
        heading(ui, "class.chart-heading", ui.t(Msg::class_chart));
        caption(ui, "class.chart-legend", ui.t(Msg::chart_class_legend));
        gap(ui, 0.5f);
        class_chart(ui, "class-chart", bars);

        if (!c.weakest_steps.empty()) {
            std::string names;
            for (const std::string& id : c.weakest_steps) {
                if (!names.empty()) names += ui.t(Msg::class_and);
                const AssessmentStep* step = a.step(id);
                names += step ? step->name.in(ui.lang) : id;
            }
            paragraph(ui, "class.weakest", format(ui.t(Msg::class_weakest), {names}));
            gap(ui);
        }

        heading(ui, "class.table-heading", ui.t(Msg::class_table));
        gap(ui, 0.5f);
        begin_group(ui, "class-table", Role::table, ui.t(Msg::class_table));
        for (std::size_t i = 0; i < bars.size(); ++i) {
            const ClassBar& b = bars[i];
            std::vector<std::string> cells{b.label};
            if (b.count == 0) {
                cells.push_back(std::string(ui.t(Msg::profile_not_rated)));
            } else {
                cells.push_back(format(ui.t(Msg::class_cell_mean), {whole_percent(b.mean)}));
                cells.push_back(format(ui.t(Msg::class_cell_spread), {whole_percent(b.spread)}));
                cells.push_back(format(ui.t(Msg::class_cell_low), {whole_percent(b.low)}));
                cells.push_back(format(ui.t(Msg::class_cell_high), {whole_percent(b.high)}));
            }
            cells.push_back(format(ui.t(Msg::class_cell_count), {std::to_string(b.count)}));
            flow_row(ui, "class-row-" + c.scores[i].id, cells, {.ink_cell = 0});
            // A faint rule between rows (decorative), where the eye needs it on a narrow screen.
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + m.gap * 0.25f), ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y + m.gap * 0.25f),
                                                th.line.abgr(), 1.0f);
            gap(ui, 0.5f);
        }
        end_group(ui);
        gap(ui);

        heading(ui, "class.files-heading", ui.t(Msg::class_files));
        gap(ui, 0.5f);
        begin_group(ui, "class-files", Role::list, ui.t(Msg::class_files));
        for (std::size_t i = 0; i < cv.files.size(); ++i) {
            const ResultFile& file = cv.files[i];
            const AssessmentResult* r = latest_result(file);
            const std::string who = file.learner.empty() ? file.name : file.learner;
            const std::string line = r ? format(ui.t(Msg::class_file_line), {who, day_text(r->at, state.utc_offset_minutes)}) : who;
            const std::string id = "class-file-" + std::to_string(i);
            begin_group(ui, id, Role::listitem, line);
            text_block(ui, id + ".name", line, m.body, th.ink.abgr(), Role::text);
            if (!file.learner.empty()) caption(ui, id + ".file", file.name);  // which file it came from
            gap(ui, 0.3f);
            if (button(ui, "class-remove-" + std::to_string(i), ui.t(Msg::class_remove), {.name = format(ui.t(Msg::class_remove_named), {who})}))
                remove = i;
            end_group(ui);
            gap(ui, 0.5f);
        }
        end_group(ui);
        gap(ui);
    }

    if (!cv.rejected.empty()) {
        heading(ui, "class.rejected-heading", ui.t(Msg::class_rejected));
        gap(ui, 0.5f);
        begin_group(ui, "class-rejected", Role::list, ui.t(Msg::class_rejected));
        for (std::size_t i = 0; i < cv.rejected.size(); ++i) {
            const RejectedFile& f = cv.rejected[i];
            const std::string id = "class-rejected-" + std::to_string(i);
            begin_group(ui, id, Role::listitem, f.reason);
            text_block(ui, id + ".reason", f.reason, m.body, th.ink.abgr(), Role::paragraph);
            if (!f.detail.empty()) caption(ui, id + ".detail", format(ui.t(Msg::class_detail), {f.detail}));
            end_group(ui);
            gap(ui, 0.5f);
        }
        end_group(ui);
        gap(ui);
    }

    if (!cv.files.empty()) {
        if (button(ui, "class-export-csv", ui.t(Msg::class_export), {.wide = true}))
            effects.download = FileOut{"-class", "csv", "text/csv;charset=utf-8", class_csv(a, cv.files, ui.lang)};
        gap(ui, 0.5f);
    }
    bool clear = false;
    if (!cv.files.empty() || !cv.rejected.empty()) clear = button(ui, "class-clear", ui.t(Msg::class_clear), {.wide = true});
    end_screen(ui);

    if (remove && *remove < cv.files.size()) {
        cv.files.erase(cv.files.begin() + static_cast<std::ptrdiff_t>(*remove));
        state.focus_next = cv.files.empty() ? "class-open-files" : "class.learners";
    }
    if (clear) {
        cv = ClassView{};
        state.focus_next = "class-open-files";
    }
}

}  // namespace coach::ui
