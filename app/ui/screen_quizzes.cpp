// The quizzes: the review of missed items (how many are due today, or when the next is),
// the quote cards, every quiz with its size, best score and where the learner left off, and
// the export of results for an instructor, under the name the learner gives.
#include "app.h"
#include "core/quote_deck.h"
#include "core/review.h"
#include "quiz_items.h"

namespace coach::ui {
namespace {

// Missed items whose quiz and item still exist (a changed course may have dropped some).
std::size_t items_due(const AppState& state) {
    std::size_t n = 0;
    for (const std::string& key : due(state.store.doc.review, state.now_ms, state.utc_offset_minutes)) {
        const auto slash = key.find('/');
        const Quiz* quiz = slash == std::string::npos ? nullptr : state.course.quiz(std::string_view(key).substr(0, slash));
        if (quiz != nullptr && quiz->item(std::string_view(key).substr(slash + 1)) != nullptr) ++n;
    }
    return n;
}

std::string review_about(const AppState& state, const Ui& ui) {
    const std::size_t n = items_due(state);
    if (n == 1) return std::string(ui.t(Msg::review_due_one));
    if (n > 1) return format(ui.t(Msg::review_due_many), {std::to_string(n)});
    const std::int64_t next = next_due_day(state.store.doc.review, state.now_ms, state.utc_offset_minutes);
    if (next == 0) return std::string(ui.t(Msg::review_empty));
    return format(ui.t(Msg::review_next_due), {when_due(state, next, ui.lang)});
}

std::string quiz_about(const AppState& state, const Ui& ui, const Quiz& quiz) {
    std::string about = format(ui.t(Msg::quiz_item_count), {std::to_string(quiz.items.size())});
    if (const AttemptRecord* best = best_attempt(state, quiz.id)) {
        about += " · " + format(ui.t(Msg::quiz_best), {percent(best->score)});
        about += " · " + std::string(ui.t(best->passed ? Msg::quiz_passed : Msg::quiz_not_passed));
    } else {
        about += " · " + std::string(ui.t(Msg::quiz_not_taken));
    }
    return about;
}

void export_section(AppState& state, Ui& ui, AppEffects& effects) {
    heading(ui, "results", ui.t(Msg::results_export));
    paragraph(ui, "results.about", ui.t(Msg::results_export_about));
    gap(ui, 0.5f);
    std::string name = state.store.doc.prefs.name;
    if (text_field(ui, "name", ui.t(Msg::name_label), name, ui.t(Msg::name_hint))) change(state, SetName{name});
    gap(ui, 0.5f);
    if (button(ui, "export-csv", ui.t(Msg::export_csv), {.wide = true})) effects.export_results = ResultsFormat::csv;
    gap(ui, 0.5f);
    if (button(ui, "export-json", ui.t(Msg::export_json), {.wide = true})) effects.export_results = ResultsFormat::json;
}

}  // namespace

void draw_quizzes(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen_with_title(state, ui, effects, "quizzes", ui.t(Msg::module_quizzes));
    gap(ui, 0.5f);
    const bool missing = quizzes_missing(state, ui);
    begin_group(ui, "quizzes.review", Role::list, ui.t(Msg::review));
    if (!missing && card(ui, "review", ui.t(Msg::review), review_about(state, ui), {}))
        go(state, effects, Open{Route{.screen = Screen::review}});
    if (!missing && !state.course.quotes.empty()) {
        const QuoteCardsToday today = quote_cards_today(state.course.quotes, state.store.doc.quote_review, state.now_ms, state.utc_offset_minutes);
        if (card(ui, "quote-review", ui.t(Msg::quote_deck),
                 format(ui.t(Msg::quote_deck_about), {std::to_string(today.due.size()), std::to_string(today.fresh.size())}), {}))
            go(state, effects, Open{Route{.screen = Screen::review, .deck = "quotes"}});
    }
    end_group(ui);
    gap(ui);
    if (!missing) {
        heading(ui, "quizzes.heading", ui.t(Msg::quizzes_all));
        gap(ui, 0.5f);
        if (state.course.quizzes.empty()) paragraph(ui, "quizzes.none", ui.t(Msg::quizzes_none));
        begin_group(ui, "quizzes.list", Role::list, ui.t(Msg::quizzes_all));
        for (const Quiz& quiz : state.course.quizzes) {
            const QuizSession* open = find_open_quiz(state.store.doc, quiz.id);
            const bool resumable = open != nullptr && open->items.size() == quiz.items.size() && !open->finished();
            const std::string badge = resumable ? format(ui.t(Msg::quiz_continue_at), {std::to_string(open->current + 1)}) : std::string();
            if (card(ui, "quiz-" + quiz.id, quiz.title.in(ui.lang), quiz_about(state, ui, quiz), badge))
                go(state, effects, Open{Route{.screen = Screen::quiz, .quiz = quiz.id, .item = resumable ? open->current : 0}});
        }
        end_group(ui);
        gap(ui);
    }
    export_section(state, ui, effects);
    end_screen(ui);
}

}  // namespace coach::ui
