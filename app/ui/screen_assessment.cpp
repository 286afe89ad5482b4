// The self-assessment: an introduction, then one statement at a time rated on its five-point
// scale, and after the last one the profile.
//
// Each statement has its own address (?screen=assessment&statement=7), so a reload comes back
// to it. A rating is kept in the learner's document the moment it is tapped (RateStatement),
// and the screen moves on to the next statement by replacing the address rather than adding
// one: two dozen taps leave one history entry, and the browser's back leaves the assessment
// for the introduction. "Previous" steps back the same way, and a rating can be changed at
// any time until the learner finishes. "Skip" leaves a statement unrated: it then counts for
// nothing (assessment.h). The introduction offers to continue where the learner left off
// (the first statement not rated) or to start again.
//
// Also here: what the assessment's screens and home's suggestion share (assessment_view.h).
#include <algorithm>
#include <cstdio>

#include "assessment_view.h"
#include "core/calendar.h"
#include "core/review.h"
#include "imgui.h"

namespace coach::ui {

std::vector<AssessmentResult> finished_results(const AppState& state) {
    std::vector<AssessmentResult> out;
    if (!state.assessment) return out;
    for (const AssessmentResult& r : state.store.doc.assessments)
        if (r.assessment.empty() || r.assessment == state.assessment->id) out.push_back(r);
    return out;
}

std::optional<AssessmentResult> open_result(const AppState& state) {
    const AssessmentResult& open = state.store.doc.open_assessment;
    if (!state.assessment || open.ratings.empty() || open.assessment != state.assessment->id) return std::nullopt;
    return open;
}

Route statement_route(std::size_t number) { return Route{.screen = Screen::assessment, .statement = number}; }

const AssessmentResult* latest_result(const ResultFile& file) {
    const AssessmentResult* latest = nullptr;
    for (const AssessmentResult& r : file.results)
        if (latest == nullptr || r.at >= latest->at) latest = &r;
    return latest;
}

std::string day_text(std::int64_t ms, int utc_offset_minutes) {
    const CivilDate d = civil_date(floor_div(ms + static_cast<std::int64_t>(utc_offset_minutes) * 60 * 1000, kDayMs));
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(d.year), d.month, d.day);
    return buf;
}

std::string page_label(const AppState& state, const LessonLink& link, Lang lang) {
    const Lesson* lesson = state.course.lesson(link.lesson);
    if (lesson == nullptr) return link.lesson + " · " + link.page;
    std::string page = link.page;
    for (const Page& p : lesson->pages)
        if (p.id == link.page) page = p.title.in(lang);
    return format(tr(Msg::lesson_and_page, lang), {lesson->title.in(lang), page});
}

Msg rating_msg(RatingScale scale, std::uint32_t value) {
    static constexpr Msg kFrequency[] = {Msg::rate_never, Msg::rate_rarely, Msg::rate_sometimes, Msg::rate_often, Msg::rate_always};
    static constexpr Msg kAgreement[] = {Msg::rate_strongly_disagree, Msg::rate_disagree, Msg::rate_neither, Msg::rate_agree,
                                         Msg::rate_strongly_agree};
    const std::size_t i = std::clamp<std::uint32_t>(value, 1, 5) - 1;
    return scale == RatingScale::frequency ? kFrequency[i] : kAgreement[i];
}

namespace {

void draw_intro(AppState& state, Ui& ui, AppEffects& effects, const Assessment& a) {
    const std::size_t count = a.statements.size();
    begin_screen_with_title(state, ui, effects, "assessment", a.title.in(ui.lang));
    scroll_to_top(state);
    gap(ui, 0.5f);
    paragraph(ui, "assessment.about", a.about.in(ui.lang));
    gap(ui, 0.5f);
    caption(ui, "assessment.size", format(ui.t(Msg::assessment_size), {std::to_string(count)}));
    gap(ui, 0.5f);
    paragraph(ui, "assessment.how", ui.t(Msg::assessment_how));
    gap(ui);

    enum class Act { none, start, resume, restart, profile } act = Act::none;
    const std::optional<AssessmentResult> open = open_result(state);
    const std::size_t resume_at = assessment_start(state).statement;  // the first statement not rated
    if (open) {
        caption(ui, "assessment.saved", format(ui.t(Msg::assessment_rated_so_far), {std::to_string(profile(a, *open).rated)}));
        gap(ui, 0.5f);
        if (button(ui, "assessment-continue", format(ui.t(Msg::assessment_continue), {std::to_string(resume_at), std::to_string(count)}),
                   {.wide = true, .primary = true}))
            act = Act::resume;
        gap(ui, 0.5f);
        if (button(ui, "assessment-start-again", ui.t(Msg::assessment_start_again), {.wide = true})) act = Act::restart;
    } else if (button(ui, "assessment-start", ui.t(Msg::assessment_start), {.wide = true, .primary = true})) {
        act = Act::start;
    }
    if (!finished_results(state).empty()) {
        gap(ui, 0.5f);
        if (button(ui, "assessment-see-profile", ui.t(Msg::assessment_see_profile), {.wide = true})) act = Act::profile;
    }
    end_screen(ui);

    switch (act) {
        case Act::none: break;
        case Act::restart: change(state, DiscardAssessment{}); [[fallthrough]];
        case Act::start: go(state, effects, Open{statement_route(1)}); break;
        case Act::resume: go(state, effects, Open{statement_route(resume_at)}); break;
        case Act::profile: go(state, effects, Open{Route{.screen = Screen::profile}}); break;
    }
}

void draw_statement(AppState& state, Ui& ui, AppEffects& effects, const Assessment& a, std::size_t number) {
    const std::size_t count = a.statements.size();
    const std::size_t index = number - 1;
    const Statement& s = a.statements[index];
    const std::optional<AssessmentResult> open = open_result(state);
    const std::uint32_t rating = open ? rating_of(*open, a, index) : 0;
    const std::size_t rated = open ? profile(a, *open).rated : 0;
    const bool last = number == count;
    const std::string indicator = format(ui.t(Msg::statement_indicator), {std::to_string(number), std::to_string(count)});

    // The document title stays the assessment's; the screen's own title (where focus lands on
    // arrival) is the statement, so a screen reader says it first.
    begin_screen(ui, "assessment", a.title.in(ui.lang));
    scroll_to_top(state);
    if (button(ui, "assessment.back", ui.t(Msg::back))) go(state, effects, Up{});
    gap(ui, 0.5f);
    draw_notice(state, ui, effects);
    progress_bar(ui, "assessment.progress", number, count, indicator);
    gap(ui, 0.5f);
    if (const AssessmentStep* step = a.step(s.step)) caption(ui, "assessment.step", step->name.in(ui.lang));
    title(ui, "assessment.statement", s.text.in(ui.lang));
    gap(ui);
    caption(ui, "assessment.scale", ui.t(s.scale == RatingScale::frequency ? Msg::scale_frequency_hint : Msg::scale_agreement_hint));
    gap(ui, 0.5f);

    std::uint32_t picked = 0;
    begin_group(ui, "assessment-ratings", Role::radiogroup, s.text.in(ui.lang));
    for (std::uint32_t v = 1; v <= 5; ++v) {
        if (choice_row(ui, "assessment-rate-" + std::to_string(v), ui.t(rating_msg(s.scale, v)), {.role = Role::radio, .on = rating == v}))
            picked = v;
        gap(ui, 0.4f);
    }
    end_group(ui);
    gap(ui);

    enum class Act { none, previous, next, finish } act = Act::none;
    if (last) {
        // Finishing with nothing rated would make no result (FinishAssessment drops it).
        if (rated == 0) caption(ui, "assessment.unrated", ui.t(Msg::assessment_nothing_rated));
        else if (rated < count) caption(ui, "assessment.unrated", format(ui.t(Msg::assessment_unrated), {std::to_string(count - rated)}));
        gap(ui, 0.5f);
        if (button(ui, "assessment-finish", ui.t(Msg::assessment_see_profile), {.wide = true, .primary = true, .disabled = rated == 0}))
            act = Act::finish;
    } else if (button(ui, "assessment-next", ui.t(rating ? Msg::statement_next : Msg::statement_skip), {.wide = true, .primary = rating != 0})) {
        act = Act::next;
    }
    gap(ui, 0.5f);
    if (number > 1 && button(ui, "assessment-previous", ui.t(Msg::statement_previous), {.wide = true})) act = Act::previous;
    end_screen(ui);

    if (picked != 0) {
        change(state, RateStatement{a.id, s.id, picked, state.now_ms});
        if (!last) act = Act::next;
        else state.focus_next = "assessment-finish";  // the one thing left to do
    }
    switch (act) {
        case Act::none: break;
        case Act::previous: go(state, effects, Replace{statement_route(number - 1)}); break;
        case Act::next: go(state, effects, Replace{statement_route(number + 1)}); break;
        case Act::finish:
            change(state, FinishAssessment{state.now_ms});
            state.profile_view = {};
            go(state, effects, Replace{Route{.screen = Screen::profile}});
            break;
    }
}

}  // namespace

void draw_assessment(AppState& state, Ui& ui, AppEffects& effects) {
    if (!state.assessment) {
        begin_screen_with_title(state, ui, effects, "assessment", practice_title(ui, Screen::assessment));
        assessment_missing(state, ui);
        end_screen(ui);
        return;
    }
    const Assessment& a = *state.assessment;
    const Route route = here(state);
    const std::size_t count = a.statements.size();
    if (route.statement > count) {  // an address from before the content changed: the last statement, said so
        const Resolved resolved = resolve(parse_query(to_query(route, state.lang)), state.course, {.statements = count});
        if (resolved.problem != LinkProblem::none) state.link_problem = describe(resolved, state.lang);
        go(state, effects, Replace{resolved.route.screen == Screen::assessment ? resolved.route : statement_route(count)});
        return;
    }
    if (route.statement == 0) draw_intro(state, ui, effects, a);
    else draw_statement(state, ui, effects, a, route.statement);
}

}  // namespace coach::ui
