// assessment_view: what the self-assessment's screens (the statements, the profile, the class
// view) and home's suggestion read from the app's state in the same way.
//
// The assessment itself arrives after the first frame (AppState::assessment); the learner's
// ratings live in the document: the one in progress (open_assessment) and every finished
// result (assessments). A result belongs to the assessment shown when it names it, or names
// none (results from before they did); results of another assessment (an older or an
// instructor's file) are left alone, never shown as this one's.
// Limits: dates are the learner's local day by the offset the platform gives now, so a result
// taken before a change of time zone is dated by today's offset.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"

namespace coach::ui {

// The self-assessment arrives after the first frame, and with it the font of the words only
// its screens use (app/CMakeLists.txt lists them with --after). Until it is there, each of its
// screens draws its title and one note and nothing else; both are named here, in a header the
// first-load screens include, so the font tool keeps their characters in the first load.
inline std::string_view practice_title(const Ui& ui, Screen screen) {
    switch (screen) {
        case Screen::profile: return ui.t(Msg::profile_title);
        case Screen::class_view: return ui.t(Msg::class_title);
        default: return ui.t(Msg::module_assessment);
    }
}

// The self-assessment has not arrived (yet): says so (loading, or why it could not be
// loaded) and returns true; false once it is there.
inline bool assessment_missing(const AppState& state, Ui& ui) {
    if (state.assessment) return false;
    const std::string text = state.assessment_problem.empty() ? std::string(ui.t(Msg::assessment_loading))
                                                              : format(ui.t(Msg::assessment_unavailable), {state.assessment_problem});
    text_block(ui, "assessment.status", text, ui.metrics.body, ui.theme->ink.abgr(), Role::status);
    gap(ui);
    return true;
}

// Every finished result of the assessment shown, oldest first (empty before it has loaded).
// Copies: a change to the document (a name typed on the same screen) replaces what it holds.
std::vector<AssessmentResult> finished_results(const AppState& state);

// The assessment in progress, when it is this assessment's and has at least one rating.
std::optional<AssessmentResult> open_result(const AppState& state);

// The route of statement `number` (from 1; 0 is the introduction).
Route statement_route(std::size_t number);

// The words of a rating on a statement's scale: 从不 … 总是, 非常不同意 … 非常同意.
Msg rating_msg(RatingScale scale, std::uint32_t value);

// The result a class view counts for one learner's file: the latest; of two taken at the same
// moment, the later in the file (as class_csv() counts it).
const AssessmentResult* latest_result(const ResultFile& file);

// "2026-11-20": the learner's local day of a moment (ms since 1970).
std::string day_text(std::int64_t ms, int utc_offset_minutes);

// A lesson page as "lesson title · page title" (the page's id when the course lacks it).
std::string page_label(const AppState& state, const LessonLink& link, Lang lang);

}  // namespace coach::ui
