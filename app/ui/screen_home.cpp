// The home screen: the course title, the four modules as large targets, the language
// switch, the learner's goal for the course, and the self-assessment's next step.
#include "app.h"
#include "assessment_view.h"
#include "core/review.h"
#include "imgui.h"

namespace coach::ui {
namespace {

void language_switch(AppState& state, Ui& ui, AppEffects& effects) {
    // The button names the other language in that language, so either reader can find it.
    const Lang other = state.lang == Lang::zh ? Lang::en : Lang::zh;
    const std::string_view label = ui.t(Msg::switch_language);
    const float label_w = ui.font->CalcTextSizeA(font_px(ui.metrics.body), FLT_MAX, 0.0f, label.data(), label.data() + label.size()).x +
                          ui.metrics.margin * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - label_w));
    if (button(ui, "lang.switch", label, {.lang = lang_code(other)})) {
        state.lang = other;
        change(state, SetLang{std::string(lang_code(state.lang))});
        effects.lang_changed = true;
    }
}

// Once the learner has started: every lesson with how far they got, one tap from reading on.
void lesson_rows(AppState& state, Ui& ui, AppEffects& effects) {
    const Progress total = course_progress(state);
    if (total.read == 0) return;
    gap(ui, 0.5f);
    heading(ui, "home.progress", ui.t(Msg::your_progress));
    progress_bar(ui, "home.course", total.read, total.total,
                 format(ui.t(Msg::course_progress), {std::to_string(total.read), std::to_string(total.total)}));
    gap(ui, 0.5f);
    begin_group(ui, "home.lessons", Role::list, ui.t(Msg::your_progress));
    for (const Lesson& lesson : state.course.lessons) {
        const Progress p = lesson_progress(state, lesson);
        const std::string label = lesson.title.in(ui.lang) + "  " + std::to_string(p.read) + " / " + std::to_string(p.total);
        const LessonProgress* stored = find_lesson(state.store.doc, lesson.id);
        if (button(ui, "home.lesson." + lesson.id, label, {.wide = true}))
            go(state, effects, Open{lesson_route(state, lesson.id, stored ? stored->page : 0)});
        // A thin bar inside the button's bottom, clear of its rounded ends.
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        const float inset = ui.metrics.touch_target * 0.6f;
        const float fraction = p.total ? float(p.read) / float(p.total) : 0.0f;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float y = max.y - 7;
        dl->AddLine(ImVec2(min.x + inset, y), ImVec2(max.x - inset, y), ui.theme->progress_track.abgr(), 3.0f);
        if (fraction > 0) dl->AddLine(ImVec2(min.x + inset, y), ImVec2(min.x + inset + (max.x - min.x - 2 * inset) * fraction, y), ui.theme->progress_fill.abgr(), 3.0f);
        ImGui::Dummy(ImVec2(1, ui.metrics.gap * 0.25f));
    }
    end_group(ui);
}

// Before any self-assessment, an invitation to take it; after one, the first lesson page it
// suggests, one tap away. Nothing when the result names no page (ready for the whole course:
// the modules below are the way on).
void assessment_next_step(AppState& state, Ui& ui, AppEffects& effects) {
    if (state.store.doc.assessments.empty()) {  // known from the first frame: no jump when the assessment loads
        if (card(ui, "home.assessment-invite", ui.t(Msg::home_assessment_invite), ui.t(Msg::home_assessment_invite_about), {}))
            go(state, effects, Open{Route{.screen = Screen::assessment}});
        gap(ui, 0.5f);
        return;
    }
    const std::vector<AssessmentResult> results = finished_results(state);  // empty until the assessment has loaded
    if (results.empty()) return;
    const Profile p = profile(*state.assessment, results.back());
    if (p.start_with.empty()) return;
    const LessonLink& link = p.start_with.front();
    caption(ui, "home.suggested", ui.t(Msg::home_suggested));
    gap(ui, 0.3f);
    if (button(ui, "home-suggestion", page_label(state, link, ui.lang), {.wide = true}))
        go(state, effects, Open{page_route(state, link)});
    gap(ui, 0.5f);
}

}  // namespace

void draw_home(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen(ui, "home", ui.t(Msg::app_title));
    language_switch(state, ui, effects);
    draw_notice(state, ui, effects);
    title(ui, "home.title", ui.t(Msg::app_title));
    caption(ui, "home.subtitle", ui.t(Msg::app_subtitle));
    gap(ui);
    paragraph(ui, "home.intro", ui.t(Msg::home_intro));
    gap(ui, 1.5f);
    continue_button(state, ui, effects);
    assessment_next_step(state, ui, effects);
    lesson_rows(state, ui, effects);
    gap(ui, 0.5f);
    heading(ui, "home.modules", ui.t(Msg::home_modules));
    gap(ui, 0.5f);
    begin_group(ui, "home.module-list", Role::list, ui.t(Msg::home_modules));
    for (const ModuleInfo& m : modules()) {
        const std::string id = "module." + std::string(m.id);
        std::string badge;
        if (m.module == Module::lessons) {
            const Progress p = course_progress(state);
            if (p.read > 0) badge = format(ui.t(Msg::course_progress), {std::to_string(p.read), std::to_string(p.total)});
        }
        if (m.module == Module::quizzes) {
            const std::size_t n = due_count(state.store.doc.review, state.now_ms, state.utc_offset_minutes);
            if (n > 0) badge = n == 1 ? std::string(ui.t(Msg::review_due_one)) : format(ui.t(Msg::review_due_many), {std::to_string(n)});
        }
        if (card(ui, id, ui.t(m.title), ui.t(m.about), badge)) {
            go(state, effects, Open{module_route(state, m.module)});
        }
    }
    if (card(ui, "settings", ui.t(Msg::settings), ui.t(Msg::settings_about), {})) {
        go(state, effects, Open{Route{.screen = Screen::settings}});
        effects.check_storage = true;
    }
    end_group(ui);
    gap(ui);
    std::string goal = state.store.doc.prefs.goal;
    if (text_field(ui, "goal", ui.t(Msg::goal_label), goal, ui.t(Msg::goal_hint))) change(state, SetGoal{goal});
    end_screen(ui);
}

}  // namespace coach::ui
