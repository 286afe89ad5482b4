// The quiz screens, drawn headless and driven by meaning as the page's mirror drives them: the
// quizzes list, every kind of item answered by activating controls, the result, the review of
// missed items and the quote cards, and a session that survives a reload.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/learner_json.h"
#include "core/quote_deck.h"
#include "core/review.h"
#include "headless.h"
#include "screen_checks.h"
#include "imgui.h"

using namespace coach;
using namespace coach::test;

namespace {

Route item(std::size_t n, std::string quiz = "sample") { return Route{.screen = Screen::quiz, .quiz = std::move(quiz), .item = n}; }
Route result(std::string quiz = "sample") { return Route{.screen = Screen::quiz, .quiz = std::move(quiz), .result = true}; }
const Route kQuizzes{.screen = Screen::quizzes};

const ItemProgress* progress_of(const Headless& app, std::size_t index, std::string_view quiz = "sample") {
    const QuizSession* s = find_open_quiz(app.state.store.doc, quiz);
    return s != nullptr && index < s->items.size() ? &s->items[index] : nullptr;
}

// The step ids of the ordering item as shown, top to bottom.
std::vector<std::string> shown_steps(const Headless& app) {
    std::vector<std::string> steps;
    for (const std::string& id : child_ids(app.tree(), "steps")) steps.push_back(id.substr(std::string("step-").size()));
    return steps;
}

// Every item of the sample quiz answered right, by activating controls only.
void answer_all_right(Headless& app, Lang lang) {
    app.open(item(0), lang);
    REQUIRE(app.activate("option-a"));
    REQUIRE(app.activate("check"));
    REQUIRE(app.activate("next"));
    REQUIRE(app.activate("option-true"));
    REQUIRE(app.activate("check"));
    REQUIRE(app.activate("next"));
    REQUIRE(app.activate("option-a"));
    REQUIRE(app.activate("option-b"));
    REQUIRE(app.activate("check"));
    REQUIRE(app.activate("next"));
    const std::vector<std::string> right{"research", "relate", "market", "close"};
    for (std::size_t target = 0; target < right.size(); ++target) {
        for (int guard = 0; guard < 8 && shown_steps(app)[target] != right[target]; ++guard) REQUIRE(app.activate("step-" + right[target] + "-up"));
    }
    REQUIRE(app.activate("check"));
    REQUIRE(app.activate("next"));
    for (const char* pair : {"user", "payer", "decider"}) {
        REQUIRE(app.activate(std::string("match-left-") + pair));
        REQUIRE(app.activate(std::string("match-right-") + pair));
    }
    REQUIRE(app.activate("check"));
    REQUIRE(app.activate("next"));
    REQUIRE(app.activate("reply-a"));
    REQUIRE(app.activate("reply-a"));
}

}  // namespace

TEST_CASE("every quiz screen is well formed and fits 360 px at 200 % in both languages", "[quiz-screens]") {
    Headless app(360, 740);
    // Something in every state: an attempt finished (the result page), items due for review.
    answer_all_right(app, Lang::zh);
    REQUIRE(app.activate("finish"));
    change(app.state.store, AnswerReview{ReviewDeck::items, ItemResult{.key = "sample/talk", .correct = false, .now_ms = kMorning - kDayMs,
                                                                      .utc_offset_minutes = kBeijing}});
    std::vector<Route> places{kQuizzes, result(), Route{.screen = Screen::review}, Route{.screen = Screen::review, .deck = "quotes"}};
    for (std::size_t i = 0; i < sample_quiz().items.size(); ++i) places.push_back(item(i));
    for (int percent : {100, 200}) {
        change(app.state.store, SetReading{{static_cast<std::uint32_t>(percent), ""}});
        for (Lang lang : {Lang::zh, Lang::en}) {
            for (const Route& place : places) {
                app.open(place, lang);
                INFO(to_query(place, lang) << " at " << percent << " %");
                CHECK(app.state.nav.here() == place);  // drawn, not sent elsewhere
                check_well_formed(app.tree());
                check_fits(app.tree(), 360);
            }
        }
    }
}

TEST_CASE("the quizzes list shows each quiz, the review, the quote cards and the export", "[quiz-screens]") {
    Headless app;
    app.open(Route{}, Lang::en);
    // Home's quizzes module is ready and opens the list.
    CHECK(must_find(app, "module.quizzes").description.find("Coming soon") == std::string::npos);
    REQUIRE(app.activate("module.quizzes"));
    REQUIRE(app.state.nav.here() == kQuizzes);
    for (const Quiz& quiz : app.state.course.quizzes) CHECK(app.tree().find("quiz-" + quiz.id) != nullptr);
    CHECK(must_find(app, "quiz-sample").description.find("6 items") != std::string::npos);
    CHECK(must_find(app, "quiz-sample").description.find("Not taken yet") != std::string::npos);
    CHECK(must_find(app, "review").description == "Nothing to review yet: items you miss in a quiz come back here the next day.");
    CHECK(must_find(app, "quote-review").description == "0 due today, 5 new");

    SECTION("items due today, or when the next one is") {
        change(app.state.store, AnswerReview{ReviewDeck::items, ItemResult{.key = "sample/pick", .now_ms = kMorning - kDayMs, .utc_offset_minutes = kBeijing}});
        change(app.state.store, AnswerReview{ReviewDeck::items, ItemResult{.key = "sample/many", .now_ms = kMorning - kDayMs, .utc_offset_minutes = kBeijing}});
        app.draw();
        CHECK(must_find(app, "review").description == "2 items due today");
        app.state.lang = Lang::zh;
        app.draw();
        CHECK(must_find(app, "review").description == "今天有 2 题要复习");
        change(app.state.store, AnswerReview{ReviewDeck::items, ItemResult{.key = "sample/pick", .now_ms = kMorning, .utc_offset_minutes = kBeijing}});
        change(app.state.store, AnswerReview{ReviewDeck::items, ItemResult{.key = "sample/many", .now_ms = kMorning, .utc_offset_minutes = kBeijing}});
        app.draw();
        CHECK(must_find(app, "review").description == "今天没有要复习的题，下一题明天到期。");
    }
    SECTION("a quiz in progress says where to continue, and opens there") {
        app.open(item(0), Lang::en);
        REQUIRE(app.activate("option-b"));
        REQUIRE(app.activate("next"));
        REQUIRE(app.activate("next"));
        app.open(kQuizzes, Lang::en);
        CHECK(must_find(app, "quiz-sample").description.find("Continue at item 3") != std::string::npos);
        REQUIRE(app.activate("quiz-sample"));
        CHECK(app.state.nav.here() == item(2));
    }
    SECTION("the name for exports is kept exactly as typed, and the export buttons ask the platform") {
        const std::string typed = "王小明 Ünal 😀";
        app.input.focus = "name";
        app.input.edits["name"] = {typed, 3, 3, ""};
        app.draw();
        CHECK(app.state.store.doc.prefs.name == typed);
        CHECK(must_find(app, "name").state.value_text == typed);
        REQUIRE(app.activate("export-csv"));
        CHECK(app.effects().export_results == ui::ResultsFormat::csv);
        REQUIRE(app.activate("export-json"));
        CHECK(app.effects().export_results == ui::ResultsFormat::json);
    }
}

TEST_CASE("a single-choice item: choose, check, and every option says whether it was right", "[quiz-screens]") {
    Headless app;
    app.open(item(0), Lang::en);
    CHECK(must_find(app, "quiz.progress").state.value_text == "Item 1 of 6");
    CHECK(must_find(app, "prompt.voice").name == "From the talk");  // whose words the question is
    CHECK(must_find(app, "options").role == Role::radiogroup);
    CHECK(must_find(app, "option-a").role == Role::radio);
    CHECK(must_find(app, "check").state.disabled);  // nothing chosen yet
    CHECK_FALSE(app.activate("check"));
    CHECK(progress_of(app, 0) == nullptr);

    REQUIRE(app.activate("option-b"));
    CHECK(must_find(app, "option-b").state.checked == true);
    CHECK(must_find(app, "option-a").state.checked == false);
    CHECK_FALSE(must_find(app, "check").state.disabled);
    REQUIRE(app.activate("check"));
    CHECK(must_find(app, "option-b").state.correct == false);
    CHECK(must_find(app, "option-b").description == "Your choice, wrong");
    CHECK(must_find(app, "option-b.feedback").name == "After closing comes collection.");
    CHECK(must_find(app, "option-a").state.correct == true);
    CHECK(must_find(app, "option-a").description == "Right answer");
    CHECK_FALSE(must_find(app, "option-c").state.correct.has_value());  // neither chosen nor right: no mark
    CHECK(app.tree().find("option-c.feedback") == nullptr);
    CHECK(must_find(app, "verdict").role == Role::status);
    CHECK(must_find(app, "verdict.text").name == "Incorrect: score 0%");
    CHECK(app.focus_requested() == "verdict");  // the Check button is gone: focus goes to what it said
    CHECK(must_find(app, "explanation.voice").name == "Why · From the talk");
    CHECK(must_find(app, "reread").name == "Reread: " + app.state.course.lesson("six-steps")->pages[2].title.en);
    const ItemProgress* p = progress_of(app, 0);
    REQUIRE(p != nullptr);
    CHECK(p->phase == ItemPhase::checked);
    CHECK(p->score == 0.0);

    SECTION("try again: the first check is the one that counts") {
        REQUIRE(app.activate("retry"));
        CHECK(must_find(app, "check").state.disabled);
        REQUIRE(app.activate("option-a"));
        REQUIRE(app.activate("check"));
        CHECK(must_find(app, "verdict.text").name == "Correct: score 100%");
        CHECK(must_find(app, "verdict.counted").name == "Only the first check counts: this item counts 0%.");
        CHECK(progress_of(app, 0)->score == 0.0);
        CHECK(app.tree().find("retry") == nullptr);
        CHECK(app.tree().find("solution") == nullptr);
    }
    SECTION("show the answer: the right option marked, no more retry") {
        REQUIRE(app.activate("solution"));
        CHECK(must_find(app, "option-a").state.checked == true);
        CHECK(must_find(app, "option-a").state.correct == true);
        CHECK(app.tree().find("retry") == nullptr);
        CHECK(must_find(app, "verdict.text").name == "The answer is shown; this item counts 0%.");
    }
    SECTION("reread opens the page; the browser's back returns to the item as it was") {
        REQUIRE(app.activate("reread"));
        CHECK(app.state.nav.here() == Route{.screen = Screen::lesson, .lesson = "six-steps", .page = 2});
        app.browser_back();
        CHECK(app.state.nav.here() == item(0));
        CHECK(must_find(app, "option-b").state.correct == false);
        CHECK(app.tree().find("verdict") != nullptr);
    }
}

TEST_CASE("true/false keeps its order; multiple choice scores every right box", "[quiz-screens]") {
    Headless app;
    app.open(item(1), Lang::zh);
    const auto options = child_ids(app.tree(), "options");
    REQUIRE(options.size() == 2);
    CHECK(options[0] == "option-true");
    CHECK(must_find(app, "hint").name == "判断这句话对不对。");

    app.open(item(2), Lang::en);
    CHECK(must_find(app, "options").role == Role::group);
    CHECK(must_find(app, "option-a").role == Role::checkbox);
    REQUIRE(app.activate("option-a"));
    REQUIRE(app.activate("option-c"));
    REQUIRE(app.activate("option-c"));  // a second tap clears it
    CHECK(must_find(app, "option-c").state.checked == false);
    REQUIRE(app.activate("check"));
    CHECK(must_find(app, "verdict.text").name == "Partly correct: score 50%");
    CHECK(must_find(app, "option-a").state.correct == true);
    CHECK(must_find(app, "option-b").description == "A right answer you did not choose");
}

TEST_CASE("an ordering item is put in order with the move buttons alone", "[quiz-screens]") {
    Headless app;
    app.open(item(3), Lang::en);
    const std::vector<std::string> start = shown_steps(app);
    REQUIRE(start.size() == 4);
    CHECK(start != std::vector<std::string>{"research", "relate", "market", "close"});  // never shown solved
    app.draw();
    CHECK(shown_steps(app) == start);  // the same order on every frame
    CHECK(must_find(app, "step-" + start[0] + "-up").state.disabled);
    CHECK(must_find(app, "step-" + start[3] + "-down").state.disabled);
    CHECK(must_find(app, "step-research-up").name == "Move up: Research the customer");
    CHECK_FALSE(must_find(app, "check").state.disabled);  // any order is an answer

    const std::vector<std::string> right{"research", "relate", "market", "close"};
    for (std::size_t target = 0; target < right.size(); ++target) {
        for (int guard = 0; guard < 8 && shown_steps(app)[target] != right[target]; ++guard)
            REQUIRE(app.activate("step-" + right[target] + "-up"));
    }
    CHECK(shown_steps(app) == right);
    REQUIRE(app.activate("check"));
    const ItemProgress* p = progress_of(app, 3);
    REQUIRE(p != nullptr);
    CHECK(p->score == 1.0);
    CHECK(must_find(app, "verdict.text").name == "Correct: score 100%");
    for (const std::string& step : right) CHECK(must_find(app, "step-" + step).state.correct == true);
    CHECK(must_find(app, "step-research.detail").name == "Know them first.");
    CHECK(must_find(app, "step-research-up").state.disabled);  // checked: the order is kept
}

TEST_CASE("an ordering row can be dragged by its handle with a finger or a mouse", "[quiz-screens]") {
    Headless app;
    app.open(item(3), Lang::en);
    const std::vector<std::string> start = shown_steps(app);
    const ViewNode first = must_find(app, "step-" + start[0]);
    const ViewNode last = must_find(app, "step-" + start[3]);
    ImGuiIO& io = ImGui::GetIO();
    // Down on the last row's handle (its left edge), up past the first row's middle, release.
    const ImVec2 grip(last.rect.x + 12, last.rect.y + 20);
    io.AddMousePosEvent(grip.x, grip.y);
    app.draw(1);
    io.AddMouseButtonEvent(0, true);
    app.draw(1);
    for (int i = 1; i <= 8; ++i) {
        io.AddMousePosEvent(grip.x, grip.y + (first.rect.y + 5 - grip.y) * i / 8.0f);
        app.draw(1);
    }
    CHECK(progress_of(app, 3) == nullptr);  // nothing answered while the row is held
    io.AddMouseButtonEvent(0, false);
    app.draw(2);
    const std::vector<std::string> after = shown_steps(app);
    REQUIRE(after.size() == 4);
    CHECK(after[0] == start[3]);
    CHECK(std::vector<std::string>(after.begin() + 1, after.end()) == std::vector<std::string>(start.begin(), start.begin() + 3));
    const ItemProgress* p = progress_of(app, 3);
    REQUIRE(p != nullptr);  // the new order is the learner's answer, saved
    CHECK(p->response.picks.size() == 4);
}

TEST_CASE("a matching item is paired by tapping a left item, then a right one", "[quiz-screens]") {
    Headless app;
    app.open(item(4), Lang::en);
    CHECK(must_find(app, "check").state.disabled);
    REQUIRE(app.activate("match-left-user"));
    CHECK(must_find(app, "match-left-user").state.selected);
    CHECK(must_find(app, "match-left-user").description == "Selected: now choose the one that goes with it");
    REQUIRE(app.activate("match-right-payer"));  // a wrong pair first
    CHECK_FALSE(must_find(app, "match-left-user").state.selected);
    CHECK(must_find(app, "match-left-user").description == "Paired with “The payment process”");
    CHECK(must_find(app, "match-right-payer").description == "Paired with “User”");
    REQUIRE(app.activate("match-left-user"));  // tapping a paired item undoes the pair
    CHECK(must_find(app, "match-left-user").description.empty());
    CHECK(progress_of(app, 4)->response.matches.empty());
    // The other way round works too: right first, then left.
    REQUIRE(app.activate("match-right-user"));
    REQUIRE(app.activate("match-left-user"));
    for (const char* pair : {"payer", "decider"}) {
        REQUIRE(app.activate(std::string("match-left-") + pair));
        REQUIRE(app.activate(std::string("match-right-") + pair));
    }
    REQUIRE(app.activate("check"));
    CHECK(progress_of(app, 4)->score == 1.0);
    for (const char* pair : {"user", "payer", "decider"}) {
        CHECK(must_find(app, std::string("match-left-") + pair).state.correct == true);
        CHECK(must_find(app, std::string("match-right-") + pair).state.correct == true);
    }
    CHECK(must_find(app, "pair-user.feedback").name == "User — Whether it works: Users look at results.");
}

TEST_CASE("a scenario is walked reply by reply to its best ending, the conversation kept above", "[quiz-screens]") {
    Headless app;
    app.open(item(5), Lang::en);
    CHECK(app.tree().find("check") == nullptr);  // replies move it on; the ending checks it
    CHECK(must_find(app, "now.line").name == "Money is tight this month.");
    REQUIRE(app.activate("reply-a"));
    CHECK(must_find(app, "turn-0.line").name == "Finance head: Money is tight this month.");
    CHECK(must_find(app, "turn-0.reply").name == "You: Which day can you pay?");
    CHECK(must_find(app, "turn-0.reaction").name == "She thinks.");
    CHECK(must_find(app, "now.line").name == "Next Wednesday.");
    REQUIRE(app.activate("reply-a"));
    CHECK(must_find(app, "ending.outcome").name == "Paid in full on Wednesday.");
    CHECK(must_find(app, "ending.score").name == "Score 100%");
    CHECK(app.tree().find("turn-1.line") != nullptr);
    CHECK(app.tree().find("reply-a") == nullptr);
    const ItemProgress* p = progress_of(app, 5);
    REQUIRE(p != nullptr);
    CHECK(p->phase == ItemPhase::checked);
    CHECK(p->score == 1.0);
    CHECK(must_find(app, "verdict.text").name == "Correct: score 100%");
    CHECK(app.focus_requested() == "verdict");
}

TEST_CASE("finishing keeps the attempt, shows the result and puts missed items in tomorrow's review", "[quiz-screens]") {
    Headless app;
    app.open(item(0), Lang::en);
    REQUIRE(app.activate("option-b"));  // wrong
    REQUIRE(app.activate("check"));
    REQUIRE(app.activate("next"));
    REQUIRE(app.activate("option-true"));  // right
    REQUIRE(app.activate("check"));
    app.open(item(5), Lang::en);  // the rest skipped
    CHECK(must_find(app, "quiz.unanswered").name == "4 items are not answered yet; unanswered items count 0.");
    REQUIRE(app.activate("finish"));
    CHECK(app.state.nav.here() == result());
    REQUIRE(app.state.store.doc.attempts.size() == 1);
    const AttemptRecord& attempt = app.state.store.doc.attempts[0];
    CHECK(attempt.quiz == "sample");
    CHECK(attempt.at == kMorning);
    CHECK(attempt.score == Approx(1.0 / 6));
    CHECK_FALSE(attempt.passed);
    CHECK(find_open_quiz(app.state.store.doc, "sample") == nullptr);
    app.draw();
    CHECK(must_find(app, "result.score").name == "Score 17%");
    CHECK(must_find(app, "result.passed").name == "Not passed yet: the pass mark is 80%.");
    CHECK(must_find(app, "result.item-yes-no").name == "Item 2: Correct (100%)");
    CHECK(must_find(app, "result.item-pick").name == "Item 1: Incorrect (0%)");
    CHECK(must_find(app, "result.item-talk").name == "Item 6: Not answered (0%)");  // skipped, not wrong
    CHECK(app.tree().find("reread-six-steps-collection-hub") != nullptr);
    CHECK(app.tree().find("reread-six-steps-who-owns-collection") == nullptr);  // answered right

    // Missed items: not due today, due tomorrow.
    const ReviewState& review = app.state.store.doc.review;
    CHECK(due(review, kMorning, kBeijing).empty());
    const auto tomorrow = due(review, kMorning + kDayMs, kBeijing);
    CHECK(std::find(tomorrow.begin(), tomorrow.end(), "sample/pick") != tomorrow.end());
    CHECK(std::find(tomorrow.begin(), tomorrow.end(), "sample/talk") != tomorrow.end());
    CHECK(std::find(tomorrow.begin(), tomorrow.end(), "sample/yes-no") == tomorrow.end());

    SECTION("a reread button opens its page") {
        REQUIRE(app.activate("reread-six-steps-collection-hub"));
        CHECK(app.state.nav.here() == Route{.screen = Screen::lesson, .lesson = "six-steps", .page = 2});
    }
    SECTION("retake starts afresh at the first item, in a new order") {
        REQUIRE(app.activate("retake"));
        CHECK(app.state.nav.here() == item(0));
        CHECK(app.tree().find("verdict") == nullptr);
        CHECK(must_find(app, "check").state.disabled);
    }
    SECTION("the next day the review asks the missed items again") {
        app.state.now_ms = kMorning + kDayMs;
        app.open(Route{.screen = Screen::review}, Lang::en);
        const std::size_t left = due(app.state.store.doc.review, app.state.now_ms, kBeijing).size();
        CHECK(must_find(app, "review.left").name == std::to_string(left) + " left today");
        CHECK(must_find(app, "review.from").name == "From the quiz: Practice quiz");
        REQUIRE(app.tree().find("option-a") != nullptr);  // the first missed item: pick
        REQUIRE(app.activate("option-a"));
        REQUIRE(app.activate("check"));
        CHECK(must_find(app, "option-a").state.correct == true);
        CHECK(must_find(app, "verdict.text").name == "Correct: score 100%");
        const auto card = std::find_if(app.state.store.doc.review.cards.begin(), app.state.store.doc.review.cards.end(),
                                       [](const ReviewCard& c) { return c.key == "sample/pick"; });
        REQUIRE(card != app.state.store.doc.review.cards.end());
        CHECK(card->box == 2);  // right when due: up a box
        CHECK(app.tree().find("check") == nullptr);
        REQUIRE(app.activate("next"));
        CHECK(must_find(app, "review.left").name == std::to_string(left - 1) + " left today");
        CHECK(app.tree().find("verdict") == nullptr);
    }
}

TEST_CASE("the review says when nothing is due and when the next item is", "[quiz-screens]") {
    Headless app;
    change(app.state.store, AnswerReview{ReviewDeck::items, ItemResult{.key = "sample/pick", .now_ms = kMorning, .utc_offset_minutes = kBeijing}});
    app.open(Route{.screen = Screen::review}, Lang::zh);
    CHECK(must_find(app, "review.done").name == "今天的复习完成了。");
    CHECK(must_find(app, "review.next").name == "下一题明天到期。");
    REQUIRE(app.activate("back-to-quizzes"));
    CHECK(app.state.nav.here() == kQuizzes);
}

TEST_CASE("the quote cards: the first half, the rest on request, then knew it or not yet", "[quiz-screens]") {
    Headless app;
    app.open(Route{.screen = Screen::review, .deck = "quotes"}, Lang::zh);
    const Quote& first = app.state.course.quotes[0];
    const QuoteCut cut = cut_quote(first.text.zh, Lang::zh);
    CHECK(must_find(app, "review.left").name == "今天还剩 5 张");
    CHECK(must_find(app, "quote.cue").name == cut.cue);
    CHECK(app.tree().find("quote.rest") == nullptr);
    CHECK(app.tree().find("knew") == nullptr);
    REQUIRE(app.activate("reveal"));
    CHECK(must_find(app, "quote.rest").name == cut.rest);
    CHECK(app.focus_requested() == "quote.rest");  // the keyboard lands on what appeared
    REQUIRE(app.activate("knew"));
    const auto& cards = app.state.store.doc.quote_review.cards;
    REQUIRE(cards.size() == 1);
    CHECK(cards[0].key == first.id);
    CHECK(cards[0].box == 2);
    CHECK(must_find(app, "quote.cue").name == cut_quote(app.state.course.quotes[1].text.zh, Lang::zh).cue);
    CHECK(must_find(app, "review.left").name == "今天还剩 4 张");
    REQUIRE(app.activate("reveal"));
    REQUIRE(app.activate("not-yet"));
    CHECK(app.state.store.doc.quote_review.cards.back().box == 1);
}

TEST_CASE("a session survives a reload: the saved document resumes at the same item", "[quiz-screens]") {
    std::string saved, url;
    {
        Headless app;
        app.open(item(0), Lang::en);
        REQUIRE(app.activate("option-b"));
        REQUIRE(app.activate("check"));
        REQUIRE(app.activate("next"));
        REQUIRE(app.activate("next"));
        REQUIRE(app.activate("option-a"));  // item 3 half answered
        CHECK(app.state.nav.here() == item(2));
        saved = write_document(StoredDocument{app.state.store.doc, 1});
        url = to_query(app.state.nav.here(), app.state.lang);
    }
    Headless reloaded;
    const ReadResult read = read_document(saved);
    REQUIRE(read.ok());
    reloaded.state.store.doc = read.stored->doc;
    const Resolved link = resolve(parse_query(url), reloaded.state.course);
    REQUIRE(link.problem == LinkProblem::none);
    reloaded.open(link.route, Lang::en);
    CHECK(reloaded.state.nav.here() == item(2));
    CHECK(must_find(reloaded, "option-a").state.checked == true);  // the answer in progress
    CHECK_FALSE(must_find(reloaded, "check").state.disabled);
    reloaded.open(item(0), Lang::en);
    CHECK(must_find(reloaded, "option-b").state.correct == false);  // checked before the reload
    CHECK(must_find(reloaded, "verdict.text").name == "Incorrect: score 0%");
    reloaded.open(kQuizzes, Lang::en);
    CHECK(must_find(reloaded, "quiz-sample").description.find("Continue at item 1") != std::string::npos);
}

TEST_CASE("quiz links: checked once the quizzes arrive, and up goes to the list", "[quiz-screens]") {
    Headless app;
    const std::vector<Quiz> quizzes = app.state.course.quizzes;
    app.state.course.quizzes.clear();
    app.state.quizzes_loaded = false;
    const Resolved early = resolve(parse_query("?screen=quiz&quiz=sample&item=4"), app.state.course, {.quizzes_loaded = false});
    app.open(early.route, Lang::en);
    CHECK(app.state.nav.here() == item(3));  // kept as asked
    CHECK(must_find(app, "quizzes.status").name == "Loading the quizzes…");
    app.state.course.quizzes = quizzes;
    app.state.quizzes_loaded = true;
    app.draw();
    CHECK(app.state.nav.here() == item(3));
    CHECK(app.tree().find("steps") != nullptr);

    SECTION("an unknown quiz opens the list and says so") {
        app.open(item(0, "nope"), Lang::en);
        CHECK(app.state.nav.here() == kQuizzes);
        CHECK(app.state.link_problem == "The link asked for a quiz “nope” that does not exist, so the list of quizzes is shown.");
    }
    SECTION("the quizzes could not be loaded: the list says why") {
        app.state.quizzes_loaded = false;
        app.state.quizzes_problem = "network error";
        app.open(kQuizzes, Lang::en);
        CHECK(must_find(app, "quizzes.status").name == "The quizzes could not be loaded: network error");
        // Nothing else: the quiz screens' words come with the practice font.
        CHECK(app.tree().find("review") == nullptr);
        CHECK(app.tree().find("quote-review") == nullptr);
    }
    SECTION("Back goes up to the quizzes list") {
        REQUIRE(app.activate("quiz.back"));
        CHECK(app.state.nav.here() == kQuizzes);
    }
}

TEST_CASE("every item of the course's own quizzes draws well formed and fits 360 px at 200 %", "[quiz-screens]") {
    Headless app(360, 740);
    change(app.state.store, SetReading{{200, ""}});
    std::size_t drawn = 0;
    for (const Quiz& quiz : app.state.course.quizzes) {
        if (quiz.id == "sample") continue;
        for (std::size_t i = 0; i < quiz.items.size(); ++i) {
            for (Lang lang : {Lang::zh, Lang::en}) {
                app.open(item(i, quiz.id), lang);
                INFO(quiz.id << " item " << i + 1 << " (" << quiz.items[i].id << ") in " << lang_code(lang));
                CHECK(app.state.nav.here() == item(i, quiz.id));
                check_well_formed(app.tree());
                check_fits(app.tree(), 360);
                // The solution shown: every choice marked, still within the width.
                REQUIRE(app.activate("solution"));
                CHECK(app.tree().find("verdict") != nullptr);
                check_fits(app.tree(), 360);
                change(app.state.store, DiscardQuizSession{quiz.id});
                ++drawn;
            }
        }
    }
    // The course's quizzes are optional here (the sample covers every kind), but when content
    // has them every one of their items was drawn.
    std::size_t expected = 0;
    for (const Quiz& quiz : app.state.course.quizzes) expected += quiz.id == "sample" ? 0 : 2 * quiz.items.size();
    CHECK(drawn == expected);
}
