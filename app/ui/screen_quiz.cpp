// A quiz, one item at a time, then its result.
//
// Each item is its own address and history entry ("item 3 of 10"), like a lesson page: the
// route says which item is shown, the session in the learner's document says what was
// answered there, so a reload, the browser's back from a reread page, or another day all
// come back to the same item as it was left. Every step goes through update(quiz, session,
// event) and is saved at once (SaveQuizSession).
//
// An item: the prompt, the item's controls, then Check (once the answer is whole), and after
// it what each choice says, correct/partly/incorrect with the score, the explanation and a
// button to reread the page that teaches it; Try again (not after the answer was shown), Show
// the answer, Previous and Next, and Finish after the last item. The result page: the score,
// passed or not against the quiz's pass mark, each item's score, the pages to reread, and
// Take the quiz again.
#include "app.h"
#include "imgui.h"
#include "quiz_items.h"

namespace coach::ui {
namespace {

// The learner's session of this quiz, if one is open and still fits the quiz (a changed quiz
// leaves an old session alone; the first answer starts afresh).
const QuizSession* open_session(const AppState& state, const Quiz& quiz) {
    const QuizSession* open = find_open_quiz(state.store.doc, quiz.id);
    if (open == nullptr || open->finished() || open->items.size() != quiz.items.size()) return nullptr;
    return open;
}

// One or more events on the session, at the item the route shows, saved at once.
QuizSession step(AppState& state, const Quiz& quiz, std::size_t at, std::initializer_list<QuizEvent> events, bool save = true) {
    const QuizSession* open = open_session(state, quiz);
    QuizSession s = update(quiz, open ? *open : start(quiz), GoToItem{at});
    for (const QuizEvent& e : events) s = update(quiz, std::move(s), e);
    if (save) change(state, SaveQuizSession{s});
    return s;
}

Route item_route(const Quiz& quiz, std::size_t item) { return Route{.screen = Screen::quiz, .quiz = quiz.id, .item = item}; }

const AttemptRecord* last_attempt(const AppState& state, std::string_view quiz) {
    const auto& attempts = state.store.doc.attempts;
    for (auto it = attempts.rbegin(); it != attempts.rend(); ++it)
        if (it->quiz == quiz) return &*it;
    return nullptr;
}

void draw_result(AppState& state, Ui& ui, AppEffects& effects, const Quiz& quiz) {
    const AttemptRecord* attempt = last_attempt(state, quiz.id);
    if (attempt == nullptr) {  // nothing finished yet (an old link): the quiz where it stands
        const QuizSession* open = open_session(state, quiz);
        go(state, effects, Replace{item_route(quiz, open ? open->current : 0)});
        return;
    }
    const Theme& th = *ui.theme;
    const Metrics& m = ui.metrics;
    begin_screen_with_title(state, ui, effects, "result", quiz.title.in(ui.lang));
    if (state.scroll_to_top) {
        ImGui::SetScrollY(0);
        state.scroll_to_top = false;
    }
    begin_box(ui, "result.verdict", Role::status);
    text_block(ui, "result.score", format(ui.t(Msg::result_score), {percent(attempt->score)}), m.heading, th.ink.abgr(), Role::paragraph);
    text_block(ui, "result.passed", format(ui.t(attempt->passed ? Msg::result_passed : Msg::result_not_passed), {percent(quiz.pass_mark)}), m.body,
               th.ink.abgr(), Role::paragraph);
    end_box(ui, (attempt->passed ? th.good_fill : th.notice_fill).abgr(), (attempt->passed ? th.good_border : th.notice_border).abgr());
    gap(ui);

    heading(ui, "result.items.heading", ui.t(Msg::result_items));
    begin_group(ui, "result.items", Role::list, ui.t(Msg::result_items));
    for (std::size_t i = 0; i < attempt->answers.size(); ++i) {
        const ItemAnswer& a = attempt->answers[i];
        // An item skipped was not answered wrong: the learner is told which it was.
        const Msg verdict = a.checks == 0 && !a.solution_shown ? Msg::result_not_answered : verdict_msg(a.score);
        text_block(ui, "result.item-" + a.item, format(ui.t(Msg::result_item), {std::to_string(i + 1), ui.t(verdict), percent(a.score)}),
                   m.body, th.ink.abgr(), Role::listitem);
    }
    end_group(ui);
    gap(ui);

    heading(ui, "result.reread", ui.t(Msg::result_reread));
    const std::vector<LessonLink> pages = pages_to_reread(quiz, *attempt);
    if (pages.empty()) {
        paragraph(ui, "result.all-right", ui.t(Msg::result_all_right));
    } else {
        caption(ui, "result.review-note", ui.t(Msg::result_review_note));
        gap(ui, 0.5f);
        begin_group(ui, "result.pages", Role::list, ui.t(Msg::result_reread));
        for (const LessonLink& link : pages) {
            const Lesson* lesson = state.course.lesson(link.lesson);
            if (lesson == nullptr) continue;
            const Route to = page_route(state, link);
            if (to.page >= lesson->pages.size()) continue;
            if (button(ui, "reread-" + link.lesson + "-" + link.page, format(ui.t(Msg::reread), {lesson->pages[to.page].title.in(ui.lang)}),
                       {.wide = true}))
                go(state, effects, Open{to});
            gap(ui, 0.4f);
        }
        end_group(ui);
    }
    gap(ui);
    if (button(ui, "retake", ui.t(Msg::retake), {.wide = true, .primary = true})) {
        change(state, DiscardQuizSession{quiz.id});
        go(state, effects, Open{item_route(quiz, 0)});
    }
    gap(ui, 0.5f);
    if (button(ui, "back-to-quizzes", ui.t(Msg::back_to_quizzes), {.wide = true})) go(state, effects, Up{});
    end_screen(ui);
}

}  // namespace

void draw_quiz(AppState& state, Ui& ui, AppEffects& effects) {
    const Route route = here(state);
    const Quiz* quiz = state.course.quiz(route.quiz);
    if (quiz == nullptr && !state.quizzes_loaded) {  // the quizzes are on their way
        begin_screen_with_title(state, ui, effects, "quiz", ui.t(Msg::module_quizzes));
        quizzes_missing(state, ui);
        end_screen(ui);
        return;
    }
    if (quiz == nullptr || quiz->items.empty() || (!route.result && route.item >= quiz->items.size())) {
        recheck_quiz_link(state, effects);
        return;
    }
    if (route.result) {
        draw_result(state, ui, effects, *quiz);
        return;
    }
    const std::size_t at = route.item;
    const std::size_t count = quiz->items.size();
    const QuizItem& item = quiz->items[at];
    // The route is where the learner is (the browser may have moved it): the session follows,
    // so "continue" in the list leads back here.
    if (const QuizSession* s = open_session(state, *quiz); s != nullptr && s->current != at) step(state, *quiz, at, {});
    const QuizSession* open = open_session(state, *quiz);
    static const ItemProgress kUntouched;
    const ItemProgress& progress = open ? open->items[at] : kUntouched;
    const ItemShowing showing{&item, &progress, quiz->id + "/" + item.id, attempts_at(state, quiz->id)};

    const std::string indicator = format(ui.t(Msg::item_indicator), {std::to_string(at + 1), std::to_string(count)});
    begin_screen(ui, "quiz", quiz->title.in(ui.lang));
    if (state.scroll_to_top) {
        ImGui::SetScrollY(0);
        state.scroll_to_top = false;
    }
    if (button(ui, "quiz.back", ui.t(Msg::back))) go(state, effects, Up{});
    gap(ui, 0.5f);
    draw_notice(state, ui, effects);
    progress_bar(ui, "quiz.progress", at + 1, count, indicator);
    gap(ui, 0.5f);
    title(ui, "quiz.title", quiz->title.in(ui.lang));
    gap(ui, 0.5f);

    begin_group(ui, "item", Role::region, indicator);
    const std::optional<AnswerItem> answer = draw_item(state, ui, effects, showing);
    end_group(ui);
    gap(ui);

    // What can be done with the answer: check it, try again, or see the answer.
    enum class Act { none, check, retry, solution, previous, next, finish } act = Act::none;
    const QuizResponse shown = shown_response(showing);
    const bool answering = progress.phase == ItemPhase::answering;
    if (answering && item.kind != QuizItemKind::scenario) {  // a scenario is checked by its ending
        if (button(ui, "check", ui.t(Msg::check), {.wide = true, .primary = true, .disabled = !complete(item, shown)})) act = Act::check;
        gap(ui, 0.5f);
    }
    // Fully right as it stands (after a retry too): nothing left to try or to show.
    const bool fully_right = progress.phase == ItemPhase::checked && score_item(item, progress.response) >= 1.0;
    if (progress.phase == ItemPhase::checked && !fully_right) {
        if (button(ui, "retry", ui.t(Msg::retry), {.wide = true})) act = Act::retry;
        gap(ui, 0.5f);
    }
    if (progress.phase != ItemPhase::solution_shown && !fully_right) {
        if (button(ui, "solution", ui.t(Msg::show_solution), {.wide = true})) act = Act::solution;
        gap(ui, 0.5f);
    }
    draw_item_feedback(state, ui, effects, showing);
    gap(ui);

    // Moving on: previous, next, and finish after the last item.
    const bool last = at + 1 == count;
    if (last) {
        std::size_t unanswered = 0;
        for (std::size_t i = 0; i < count; ++i) unanswered += !(open && open->items[i].scored);
        if (unanswered > 0) caption(ui, "quiz.unanswered", format(ui.t(Msg::quiz_unanswered), {std::to_string(unanswered)}));
        gap(ui, 0.5f);
    }
    begin_group(ui, "quiz.pager", Role::group, indicator);
    if (last) {
        if (button(ui, "finish", ui.t(Msg::finish_quiz), {.wide = true, .primary = !answering})) act = Act::finish;
    } else if (button(ui, "next", ui.t(Msg::next_item), {.wide = true, .primary = !answering})) {
        act = Act::next;
    }
    gap(ui, 0.5f);
    if (at > 0 && button(ui, "previous", ui.t(Msg::previous_item), {.wide = true})) act = Act::previous;
    end_group(ui);
    end_screen(ui);

    if (answer) {
        const QuizSession s = step(state, *quiz, at, {*answer});
        if (item.kind == QuizItemKind::scenario) state.focus_next = s.items[at].phase == ItemPhase::answering ? "now.line" : "verdict";
        return;
    }
    switch (act) {
        case Act::none: break;
        case Act::check:
            // An ordering item not touched is answered by the order it shows.
            if (shown != progress.response) step(state, *quiz, at, {AnswerItem{shown}, CheckItem{}});
            else step(state, *quiz, at, {CheckItem{}});
            state.focus_next = "verdict";
            break;
        case Act::retry:
            step(state, *quiz, at, {RetryItem{}});
            state.focus_next = "prompt";
            break;
        case Act::solution:
            step(state, *quiz, at, {ShowSolution{}});
            state.focus_next = "verdict";
            break;
        case Act::previous:
            step(state, *quiz, at, {PreviousItem{}});
            go(state, effects, Open{item_route(*quiz, at - 1)});
            break;
        case Act::next:
            step(state, *quiz, at, {NextItem{}});
            go(state, effects, Open{item_route(*quiz, at + 1)});
            break;
        case Act::finish: {
            const QuizSession done = step(state, *quiz, at, {FinishQuiz{state.now_ms}}, false);
            if (done.attempt) change(state, FinishAttempt{*done.attempt, state.utc_offset_minutes});
            go(state, effects, Open{Route{.screen = Screen::quiz, .quiz = quiz->id, .result = true}});
            break;
        }
    }
}

}  // namespace coach::ui
