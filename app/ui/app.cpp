#include "app.h"

#include <algorithm>
#include <utility>

#include "core/review.h"
#include "imgui.h"

namespace coach::ui {

namespace {
constexpr ModuleInfo kModules[] = {
    {Module::lessons, "lessons", Msg::module_lessons, Msg::module_lessons_about},
    {Module::quizzes, "quizzes", Msg::module_quizzes, Msg::module_quizzes_about},
    {Module::assessment, "assessment", Msg::module_assessment, Msg::module_assessment_about},
    {Module::plan, "plan", Msg::module_plan, Msg::module_plan_about},
};

// Arriving somewhere: start at the top, say so to the page, and count a lesson page as read.
void arrive(AppState& state, AppEffects& effects) {
    state.scroll_to_top = true;
    effects.arrived = true;
    const Route& r = state.nav.here();
    if (r.screen != Screen::lesson) return;
    const Lesson* lesson = state.course.lesson(r.lesson);
    if (lesson == nullptr || lesson->pages.empty()) return;
    change(state, OpenLessonPage{lesson->id, static_cast<std::uint32_t>(std::min(r.page, lesson->pages.size() - 1)),
                                 static_cast<std::uint32_t>(lesson->pages.size())});
}
}  // namespace

std::span<const ModuleInfo> modules() { return kModules; }

Route module_route(const AppState& state, Module module) {
    switch (module) {
        case Module::lessons: return Route{.screen = Screen::lessons};
        case Module::quizzes: return Route{.screen = Screen::quizzes};
        case Module::assessment:
            return state.store.doc.assessments.empty() ? Route{.screen = Screen::assessment} : Route{.screen = Screen::profile};
        case Module::plan: return Route{.screen = Screen::plan};
    }
    return Route{};
}

Route assessment_start(const AppState& state) {
    Route r{.screen = Screen::assessment};
    if (!state.assessment) return r;
    const Assessment& a = *state.assessment;
    const AssessmentResult& open = state.store.doc.open_assessment;
    r.statement = 1;
    if (open.assessment != a.id) return r;
    for (std::size_t i = 0; i < a.statements.size(); ++i) {
        const bool rated = std::any_of(open.ratings.begin(), open.ratings.end(), [&](const Rating& x) { return x.statement == a.statements[i].id; });
        if (!rated) {
            r.statement = i + 1;
            return r;
        }
    }
    r.statement = a.statements.size();  // every one rated, not yet finished: the last, to finish
    return r;
}

void open_link(AppState& state, AppEffects& effects, const Link& link, std::size_t history_index) {
    ResolveOptions options{.quizzes_loaded = state.quizzes_loaded};
    if (state.assessment) options.statements = state.assessment->statements.size();
    Resolved resolved = resolve(link, state.course, options);
    state.start_assessment = link.start == "assessment" && !state.assessment;
    if (link.start == "assessment") resolved = Resolved{assessment_start(state)};
    go(state, effects, Popped{history_index, resolved.route});
    state.link_problem = describe(resolved, state.lang);
}

void assessment_arrived(AppState& state, AppEffects& effects) {
    const Route route = state.nav.here();
    if (route.screen != Screen::assessment) return;
    if (std::exchange(state.start_assessment, false)) {
        go(state, effects, Replace{assessment_start(state)});
        return;
    }
    const std::size_t n = state.assessment ? state.assessment->statements.size() : 0;
    if (route.statement > n) {
        state.link_problem = describe(Resolved{Route{.screen = Screen::assessment, .statement = n}, LinkProblem::statement_out_of_range,
                                               std::to_string(route.statement)},
                                      state.lang);
        go(state, effects, Replace{Route{.screen = Screen::assessment, .statement = n}});
    }
}

void add_result_file(AppState& state, std::string_view name, std::string_view text) {
    ClassView& view = state.class_view;
    if (!state.assessment) {
        view.rejected.push_back({std::string(name), std::string(tr(Msg::assessment_not_loaded, state.lang)), state.assessment_problem});
        return;
    }
    ResultFileRead read = read_result_file(text, name, *state.assessment);
    if (!read.file) {
        view.rejected.push_back({std::string(name), describe(read, state.lang), read.detail});
        return;
    }
    // The same file opened twice counts once: the later copy replaces the earlier.
    std::erase_if(view.files, [&](const ResultFile& f) { return f.name == read.file->name; });
    std::erase_if(view.rejected, [&](const RejectedFile& f) { return f.name == name; });
    view.files.push_back(std::move(*read.file));
}

int text_percent(const AppState& state) {
    const int percent = static_cast<int>(std::min<std::uint32_t>(state.store.doc.reading.text_percent, 200));
    return std::max(100, percent / 25 * 25);
}

ThemeId theme_id(const AppState& state) {
    return choose_theme({}, state.store.doc.reading.theme, state.system.dark, state.system.more_contrast);
}

void change(AppState& state, const LearnerAction& action) { coach::change(state.store, action); }

PlanRefusal change(AppState& state, const PlanAction& action) { return coach::change(state.plan, action); }

Route here(const AppState& state) { return state.nav.here(); }

void go(AppState& state, AppEffects& effects, const NavEvent& event) {
    NavResult r = navigate(state.nav, event);
    if (r.op == HistoryOp::none && !r.changed) return;
    // A term opening or closing over the same screen is not a new screen (no scroll, no progress).
    const auto without_term = [](Route r) {
        r.term.clear();
        return r;
    };
    const bool only_term = without_term(r.nav.here()) == without_term(state.nav.here());
    state.nav = std::move(r.nav);
    if (r.op != HistoryOp::none) effects.history.push_back({r.op, r.back_by});
    if (r.changed && !only_term) arrive(state, effects);
    else if (r.changed) effects.arrived = true;  // a term opened or closed: focus moves to it or back
}

Route lesson_route(const AppState& state, std::string_view id, std::size_t page) {
    Route r{.screen = Screen::lesson, .lesson = std::string(id)};
    if (const Lesson* lesson = state.course.lesson(id); lesson != nullptr && !lesson->pages.empty())
        r.page = std::min(page, lesson->pages.size() - 1);
    return r;
}

std::optional<Route> continue_route(const AppState& state) {
    const auto& lessons = state.store.doc.lessons;
    for (auto it = lessons.rbegin(); it != lessons.rend(); ++it) {  // the most recently opened first
        const Lesson* lesson = state.course.lesson(it->lesson);
        if (lesson != nullptr && it->pages_seen < lesson->pages.size()) return lesson_route(state, lesson->id, it->page);
    }
    if (lessons.empty()) return std::nullopt;  // nothing started: the lessons list is the way in
    for (const Lesson& lesson : state.course.lessons) {
        const Progress p = lesson_progress(state, lesson);
        if (p.read < p.total) {
            const LessonProgress* stored = find_lesson(state.store.doc, lesson.id);
            return lesson_route(state, lesson.id, stored ? stored->page : 0);
        }
    }
    return std::nullopt;
}

Progress lesson_progress(const AppState& state, const Lesson& lesson) {
    const LessonProgress* p = find_lesson(state.store.doc, lesson.id);
    return {p ? std::min<std::size_t>(p->pages_seen, lesson.pages.size()) : 0, lesson.pages.size()};
}

Progress course_progress(const AppState& state) {
    Progress total;
    for (const Lesson& l : state.course.lessons) {
        const Progress p = lesson_progress(state, l);
        total.read += p.read;
        total.total += p.total;
    }
    return total;
}

void recheck_quiz_link(AppState& state, AppEffects& effects) {
    const Route& route = state.nav.here();
    if (route.screen != Screen::quiz) return;
    const Resolved resolved = resolve(parse_query(to_query(route, state.lang)), state.course);
    if (resolved.problem != LinkProblem::none) state.link_problem = describe(resolved, state.lang);
    if (!(resolved.route == route)) go(state, effects, Replace{resolved.route});
}

std::uint32_t attempts_at(const AppState& state, std::string_view quiz) {
    std::uint32_t n = 0;
    for (const AttemptRecord& a : state.store.doc.attempts) n += a.quiz == quiz;
    return n;
}

const AttemptRecord* best_attempt(const AppState& state, std::string_view quiz) {
    const AttemptRecord* best = nullptr;
    for (const AttemptRecord& a : state.store.doc.attempts)
        if (a.quiz == quiz && (best == nullptr || a.score > best->score)) best = &a;
    return best;
}

Route page_route(const AppState& state, const LessonLink& link) {
    std::size_t page = 0;
    if (const Lesson* lesson = state.course.lesson(link.lesson)) {
        for (std::size_t i = 0; i < lesson->pages.size(); ++i)
            if (lesson->pages[i].id == link.page) page = i;
    }
    return lesson_route(state, link.lesson, page);
}

std::string when_due(const AppState& state, std::int64_t day_start, Lang lang) {
    const std::int64_t today = local_day_start(state.now_ms, state.utc_offset_minutes);
    const std::int64_t days = std::max<std::int64_t>(1, (day_start - today + kDayMs / 2) / kDayMs);
    if (days == 1) return std::string(tr(Msg::when_tomorrow, lang));
    return format(tr(Msg::when_in_days, lang), {std::to_string(days)});
}

std::string plain_url(std::string_view lesson, Lang lang) {
    return "lessons/" + std::string(lesson.empty() ? "index" : lesson) + "." + std::string(lang_code(lang)) + ".html";
}

void scroll_to_top(AppState& state) {
    if (!state.scroll_to_top) return;
    ImGui::SetScrollY(0);
    state.scroll_to_top = false;
}

void begin_screen_with_title(AppState& state, Ui& ui, AppEffects& effects, std::string_view screen_id, std::string_view title_text) {
    begin_screen(ui, screen_id, title_text);
    if (button(ui, std::string(screen_id) + ".back", ui.t(Msg::back))) go(state, effects, Up{});
    gap(ui);
    draw_notice(state, ui, effects);
    title(ui, std::string(screen_id) + ".title", title_text);
}

namespace {

// A plan screen in the build without the plan (plan_screens.h): a line saying it is on its way
// while the page opens the same address in the build with it.
void plan_elsewhere(Ui& ui, AppEffects& effects) {
    text_block(ui, "plan.status", ui.t(Msg::acc_loading), ui.metrics.body, ui.theme->ink.abgr(), Role::status);
    effects.load_plan_build = true;
}

}  // namespace

void draw_app(AppState& state, Ui& ui, AppEffects& effects) {
    ui.lang = state.lang;
    ui.motion = &state.motion;
    if (!state.focus_next.empty()) ui.focus_request = std::exchange(state.focus_next, {});
    const Route route = state.nav.here();
    switch (route.screen) {
        case Screen::home: draw_home(state, ui, effects); break;
        case Screen::settings: draw_settings(state, ui, effects); break;
        case Screen::lessons: draw_lessons(state, ui, effects); break;
        case Screen::lesson: draw_lesson(state, ui, effects); break;
        case Screen::quotes: draw_quotes(state, ui, effects); break;
        case Screen::glossary: draw_glossary(state, ui, effects); break;
        case Screen::quizzes: draw_quizzes(state, ui, effects); break;
        case Screen::quiz: draw_quiz(state, ui, effects); break;
        case Screen::review: draw_review(state, ui, effects); break;
        case Screen::assessment: draw_assessment(state, ui, effects); break;
        case Screen::profile: draw_profile(state, ui, effects); break;
        case Screen::class_view: draw_class(state, ui, effects); break;
        case Screen::plan:
        case Screen::accounts:
        case Screen::account:
        case Screen::plan_import:
            if (state.plan_screens) state.plan_screens->draw(state, ui, effects);
            else plan_elsewhere(ui, effects);
            break;
    }
    draw_term_sheet(state, ui, effects);
    // Escape closes a term or goes up a screen (the page keeps it inside text fields).
    if (escape_pressed() && state.nav.here() == route) go(state, effects, Up{});
}

// The quiz screens draw nothing of their own before the quizzes arrive: their messages come
// with the practice font (app/CMakeLists.txt), so this note is the one text they show until then.
bool quizzes_missing(const AppState& state, Ui& ui) {
    if (state.quizzes_loaded) return false;
    const std::string text = state.quizzes_problem.empty() ? std::string(ui.t(Msg::quizzes_loading))
                                                           : format(ui.t(Msg::quizzes_unavailable), {state.quizzes_problem});
    text_block(ui, "quizzes.status", text, ui.metrics.body, ui.theme->ink.abgr(), Role::status);
    gap(ui);
    return true;
}

}  // namespace coach::ui
