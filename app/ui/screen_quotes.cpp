// The course quotes (课程金句) as a deck of cards: swipe, arrow keys or buttons; each card
// leads to the lesson that teaches it.
#include "app.h"
#include "imgui.h"

namespace coach::ui {

void draw_quotes(AppState& state, Ui& ui, AppEffects& effects) {
    const auto& quotes = state.course.quotes;
    if (quotes.empty()) {
        state.screen = Screen::lessons;
        return;
    }
    state.quote = std::min(state.quote, quotes.size() - 1);
    const Quote& quote = quotes[state.quote];
    begin_screen_with_title(state, ui, effects, "quotes", Screen::lessons, ui.t(Msg::quotes));
    gap(ui);
    begin_box(ui);
    gap(ui);
    text_block(ui, "quote.text", quote.text.in(ui.lang), ui.metrics.heading, color::ink, ViewItemKind::heading,
               ImGui::GetContentRegionAvail().x - ui.metrics.margin * 0.75f);
    gap(ui);
    if (const Lesson* lesson = state.course.lesson(quote.lesson)) {
        if (button(ui, "quote.lesson", format(ui.t(Msg::quote_from), {lesson->title.in(ui.lang)}))) open_lesson(state, lesson->id, 0);
    }
    end_box(ui, color::card, color::line);
    gap(ui);
    const std::string indicator = std::to_string(state.quote + 1) + " / " + std::to_string(quotes.size());
    const bool last = state.quote + 1 == quotes.size();
    int step = pager(ui, "quote", indicator, state.quote > 0, ui.t(last ? Msg::back : Msg::page_next));
    if (step == 0) step = swipe_or_arrows();
    end_screen(ui);
    if (step > 0 && last) state.screen = Screen::lessons;
    else if (step > 0) state.quote += 1;
    else if (step < 0 && state.quote > 0) state.quote -= 1;
}

}  // namespace coach::ui
