// Review: the missed quiz items due today, asked again, and the quote cards.
//
// The items: each due item in turn, with the same controls as in its quiz; Check, then Next.
// The first check is the answer that counts for the schedule (AnswerReview: fully right moves
// the item up a box, anything less brings it back tomorrow). "n left today"; when none are
// left, when the next one is due.
//
// The quote cards: the first half of a quote (core/quote_deck.h), "show the rest", then "I
// knew it" or "Not yet". Due cards first, then up to five new quotes a day.
#include "app.h"
#include "core/quote_deck.h"
#include "core/review.h"
#include "imgui.h"
#include "quiz_items.h"

namespace coach::ui {
namespace {

struct DueItem {
    const Quiz* quiz = nullptr;
    std::size_t index = 0;  // of the item in its quiz
};

// A review key's quiz item, if the course still has it.
DueItem find_item(const AppState& state, std::string_view key) {
    const std::size_t slash = key.find('/');
    if (slash == std::string_view::npos) return {};
    const Quiz* quiz = state.course.quiz(key.substr(0, slash));
    if (quiz == nullptr) return {};
    for (std::size_t i = 0; i < quiz->items.size(); ++i)
        if (quiz->items[i].id == key.substr(slash + 1)) return {quiz, i};
    return {};
}

std::uint32_t box_of(const ReviewState& review, std::string_view key) {
    for (const ReviewCard& c : review.cards)
        if (c.key == key) return c.box;
    return 0;
}

void nothing_due(AppState& state, Ui& ui, AppEffects& effects, const ReviewState& review, Msg done, Msg next_due) {
    paragraph(ui, "review.done", ui.t(done));
    if (const std::int64_t next = next_due_day(review, state.now_ms, state.utc_offset_minutes); next != 0)
        caption(ui, "review.next", format(ui.t(next_due), {when_due(state, next, ui.lang)}));
    gap(ui);
    if (button(ui, "back-to-quizzes", ui.t(Msg::back_to_quizzes), {.wide = true})) go(state, effects, Up{});
}

void draw_items(AppState& state, Ui& ui, AppEffects& effects) {
    const ReviewState& review = state.store.doc.review;
    std::vector<std::string> keys;
    for (std::string& key : due(review, state.now_ms, state.utc_offset_minutes))
        if (find_item(state, key).quiz != nullptr) keys.push_back(std::move(key));
    ReviewView& v = state.review_view;
    // The item asked stays until the learner moves on; otherwise the first one due.
    DueItem asked = find_item(state, v.key);
    const bool still_due = std::find(keys.begin(), keys.end(), v.key) != keys.end();
    if (asked.quiz == nullptr || (!v.recorded && !still_due) || v.session.items.size() != asked.quiz->items.size()) {
        v = ReviewView{.quote = v.quote, .revealed = v.revealed};
        if (!keys.empty()) {
            v.key = keys.front();
            asked = find_item(state, v.key);
            v.session = update(*asked.quiz, start(*asked.quiz), GoToItem{asked.index});
            v.round = box_of(review, v.key);
        }
    }

    begin_screen_with_title(state, ui, effects, "review", ui.t(Msg::review));
    if (state.scroll_to_top) {
        ImGui::SetScrollY(0);
        state.scroll_to_top = false;
    }
    if (!quizzes_missing(state, ui) && v.key.empty()) {
        nothing_due(state, ui, effects, review, Msg::review_done, Msg::review_next);
        end_screen(ui);
        return;
    }
    if (v.key.empty()) {
        end_screen(ui);
        return;
    }
    const Quiz& quiz = *asked.quiz;
    const QuizItem& item = quiz.items[asked.index];
    const ItemProgress& progress = v.session.items[asked.index];
    const ItemShowing showing{&item, &progress, v.key, v.round};
    text_block(ui, "review.left", format(ui.t(Msg::review_left), {std::to_string(keys.size())}), ui.metrics.body, ui.theme->ink.abgr(),
               Role::status);
    caption(ui, "review.from", format(ui.t(Msg::review_from), {quiz.title.in(ui.lang)}));
    gap(ui, 0.5f);
    begin_group(ui, "item", Role::region, quiz.title.in(ui.lang));
    const std::optional<AnswerItem> answer = draw_item(state, ui, effects, showing);
    end_group(ui);
    gap(ui);
    const QuizResponse shown = shown_response(showing);
    const bool untouched = shown != progress.response;  // an ordering item checked as it first showed
    bool check = false, next = false;
    if (progress.phase == ItemPhase::answering && item.kind != QuizItemKind::scenario) {
        check = button(ui, "check", ui.t(Msg::check), {.wide = true, .primary = true, .disabled = !complete(item, shown)});
        gap(ui, 0.5f);
    }
    draw_item_feedback(state, ui, effects, showing);
    if (v.recorded) {
        gap(ui);
        next = button(ui, "next", ui.t(Msg::next_item), {.wide = true, .primary = true});
    }
    end_screen(ui);

    if (answer) v.session = update(quiz, std::move(v.session), *answer);
    if (check) {
        if (untouched) v.session = update(quiz, std::move(v.session), AnswerItem{shown});
        v.session = update(quiz, std::move(v.session), CheckItem{});
    }
    const ItemProgress& now = v.session.items[asked.index];
    if (!v.recorded && now.phase != ItemPhase::answering) {  // the first check: what the schedule learns
        change(state, AnswerReview{ReviewDeck::items, ItemResult{.key = v.key, .correct = now.score >= 1.0, .now_ms = state.now_ms,
                                                                 .utc_offset_minutes = state.utc_offset_minutes}});
        v.recorded = true;
        state.focus_next = "verdict";
    } else if (answer && item.kind == QuizItemKind::scenario) {
        state.focus_next = "now.line";
    }
    if (next) {
        v.key.clear();
        v.recorded = false;
        state.scroll_to_top = true;
        state.focus_next = "review.left";
    }
}

void draw_quotes_deck(AppState& state, Ui& ui, AppEffects& effects) {
    const ReviewState& review = state.store.doc.quote_review;
    const QuoteCardsToday today = quote_cards_today(state.course.quotes, review, state.now_ms, state.utc_offset_minutes);
    ReviewView& v = state.review_view;
    const bool in_today = std::find(today.due.begin(), today.due.end(), v.quote) != today.due.end() ||
                          std::find(today.fresh.begin(), today.fresh.end(), v.quote) != today.fresh.end();
    if (!in_today) {
        v.quote = today.next();
        v.revealed = false;
    }
    begin_screen_with_title(state, ui, effects, "review-quotes", ui.t(Msg::quote_deck));
    if (quizzes_missing(state, ui)) {  // the deck's words come with the practice font
        end_screen(ui);
        return;
    }
    const Quote* quote = nullptr;
    for (const Quote& q : state.course.quotes)
        if (q.id == v.quote) quote = &q;
    if (quote == nullptr) {
        nothing_due(state, ui, effects, review, Msg::quote_deck_done, Msg::quote_deck_next_due);
        end_screen(ui);
        return;
    }
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const bool fresh = std::find(today.fresh.begin(), today.fresh.end(), v.quote) != today.fresh.end();
    text_block(ui, "review.left", format(ui.t(Msg::quote_cards_left), {std::to_string(today.size())}), m.body, th.ink.abgr(), Role::status);
    gap(ui, 0.5f);
    const QuoteCut cut = cut_quote(quote->text.in(ui.lang), ui.lang);
    begin_box(ui, "quote.card", Role::figure, v.revealed ? quote->text.in(ui.lang) : cut.cue);
    if (fresh) caption(ui, "quote.new", ui.t(Msg::quote_new));
    text_block(ui, "quote.cue", cut.cue, m.heading, th.ink.abgr(), Role::paragraph);
    if (v.revealed && !cut.rest.empty()) text_block(ui, "quote.rest", cut.rest, m.heading, th.ink.abgr(), Role::paragraph);
    end_box(ui, th.card.abgr(), th.line.abgr());
    gap(ui);
    enum class Act { none, reveal, knew, not_yet } act = Act::none;
    if (!v.revealed) {
        caption(ui, "quote.hint", ui.t(Msg::quote_cue_hint));
        gap(ui, 0.5f);
        if (button(ui, "reveal", ui.t(Msg::quote_show_rest), {.wide = true, .primary = true})) act = Act::reveal;
    } else {
        if (button(ui, "knew", ui.t(Msg::quote_knew), {.wide = true, .primary = true})) act = Act::knew;
        gap(ui, 0.5f);
        if (button(ui, "not-yet", ui.t(Msg::quote_not_yet), {.wide = true})) act = Act::not_yet;
    }
    end_screen(ui);
    if (act == Act::reveal) {
        v.revealed = true;
        state.focus_next = cut.rest.empty() ? "quote.cue" : "quote.rest";
    } else if (act != Act::none) {
        change(state, AnswerReview{ReviewDeck::quotes, ItemResult{.key = quote->id, .correct = act == Act::knew, .now_ms = state.now_ms,
                                                                  .utc_offset_minutes = state.utc_offset_minutes, .enroll = true}});
        v.quote.clear();
        v.revealed = false;
        state.focus_next = "review.left";
    }
}

}  // namespace

void draw_review(AppState& state, Ui& ui, AppEffects& effects) {
    if (here(state).deck == "quotes") draw_quotes_deck(state, ui, effects);
    else draw_items(state, ui, effects);
}

}  // namespace coach::ui
