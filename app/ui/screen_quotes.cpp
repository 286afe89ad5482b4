// The course quotes (课程金句) as a deck of cards: swipe, arrow keys or buttons; each card
// leads to the lesson that teaches it.
#include "app.h"
#include "imgui.h"

namespace coach::ui {

void draw_quotes(AppState& state, Ui& ui, AppEffects& effects) {
    const auto& quotes = state.course.quotes;
    if (quotes.empty()) {
        go(state, effects, Replace{Route{.screen = Screen::lessons}});
        return;
    }
    Route route = here(state);
    const std::size_t at = std::min(route.quote, quotes.size() - 1);
    const Quote& quote = quotes[at];
    begin_screen_with_title(state, ui, effects, "quotes", ui.t(Msg::quotes));
    gap(ui);
    begin_box(ui, "quote.card", Role::figure, quote.text.in(ui.lang));
    gap(ui);
    text_block(ui, "quote.text", quote.text.in(ui.lang), ui.metrics.heading, ui.theme->ink.abgr(), Role::paragraph);
    gap(ui);
    if (const Lesson* lesson = state.course.lesson(quote.lesson)) {
        // The label wraps inside the card on a narrow screen.
        if (button(ui, "quote.lesson", format(ui.t(Msg::quote_from), {lesson->title.in(ui.lang)})))
            go(state, effects, Open{lesson_route(state, lesson->id, 0)});
    }
    end_box(ui, ui.theme->card.abgr(), ui.theme->line.abgr());
    gap(ui);
    const std::string indicator = std::to_string(at + 1) + " / " + std::to_string(quotes.size());
    const bool last = at + 1 == quotes.size();
    int step = pager(ui, "quote", indicator, at > 0, ui.t(last ? Msg::quote_done : Msg::page_next));
    if (step == 0) step = swipe_or_arrows();
    end_screen(ui);
    if (step > 0 && last) {
        go(state, effects, Up{});
    } else if (step != 0 && !(step < 0 && at == 0)) {
        route.quote = at + step;
        go(state, effects, Open{route});
    }
}

}  // namespace coach::ui
