// quiz_items: one quiz item as the learner answers it, shared by the quiz and the review.
//
// Every kind of item is drawn here, on ui_kit's widgets: single choice and true/false as radio
// rows, multiple choice as checkbox rows, ordering as a sortable list (drag, or move up and
// down), matching as two columns paired by tapping one item of each, and a scenario as a
// conversation that grows with each reply. Choices are shown in a shuffled order that stays
// put (core/quiz_order.h). Once an answer is checked every choice says whether it was right,
// in the view tree and in words, with its own feedback.
//
// The widgets never change the session themselves: they return the event the learner caused
// (an AnswerItem), which the screen passes through update() and saves. Only what is not an
// answer (a pair half made, a row held) lives in AppState::item_view.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app.h"
#include "core/quiz.h"

namespace coach::ui {

// One showing of an item: the item, how far the learner got, and what its shuffles follow.
struct ItemShowing {
    const QuizItem* item = nullptr;
    const ItemProgress* progress = nullptr;
    std::string seed;         // "quiz-id/item-id": the same order on every draw and reload
    std::uint32_t round = 0;  // how often the quiz was finished before: a retake shuffles anew
};

// The answer on screen: the learner's, the solution once shown, or, for an ordering item not
// touched yet, the shuffled order it starts in (any order is a whole answer).
QuizResponse shown_response(const ItemShowing& showing);

// The prompt with whose words it is, what to do, the item's controls and, once checked, what
// each choice says. Returns the learner's answer this frame, if they gave one.
std::optional<AnswerItem> draw_item(AppState& state, Ui& ui, AppEffects& effects, const ItemShowing& showing);

// After a check: correct, partly or incorrect with the score, the explanation with whose words
// it is, and a button to reread the page that teaches it.
void draw_item_feedback(AppState& state, Ui& ui, AppEffects& effects, const ItemShowing& showing);

// A fraction as whole percent: "85".
std::string percent(double fraction);

// "Correct", "Partly correct" or "Incorrect" for an item's score.
Msg verdict_msg(double score);

}  // namespace coach::ui
