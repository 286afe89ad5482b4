// The self-assessment's screens, drawn headless and driven by meaning as the page's mirror
// drives them: the introduction, every statement rated by activating its radio rows, the
// profile with its charts' text alternatives, the statements behind a score, where to start,
// the exports and the share card; an assessment in progress that resumes (after a reload
// too); the class view with loaded and refused files; and home's next step.
//
// The assessment is built here, small (two statements a step), so the expected figures can be
// worked out by hand and do not move with the wording of content/assessment.json.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/learner_json.h"
#include "core/review.h"
#include "headless.h"
#include "screen_checks.h"
#include "ui/chart.h"

using namespace coach;
using namespace coach::test;

namespace {

const Route kIntro{.screen = Screen::assessment};
const Route kProfile{.screen = Screen::profile};
const Route kClass{.screen = Screen::class_view};
Route statement(std::size_t n) { return Route{.screen = Screen::assessment, .statement = n}; }

Text text(std::string zh, std::string en) { return Text{std::move(zh), std::move(en), {}}; }

// Twelve statements, two a step; six on each side, three about the buying team, two reversed.
// Their links name real pages of content/.
Assessment sample_assessment() {
    Assessment a{.id = "sample-assessment", .title = text("训练前自我评估", "Before training: a self-assessment"),
                 .about = text("看看你的起点。", "See where you start.")};
    a.steps = {{"research", text("研究客户", "Research the customer")},   {"relationship", text("建立关系", "Build the relationship")},
               {"marketing", text("营销", "Marketing")},                  {"closing", text("成单", "Close the order")},
               {"collection", text("回款", "Collect payment")},           {"repeat-sale", text("二次销售", "Sell again")}};
    const auto add = [&](std::string id, std::string step, BrainSide side, RatingScale scale, bool reversed, bool team, LessonLink link) {
        a.statements.push_back(Statement{.id = id, .text = text("陈述 " + id, "Statement " + id), .scale = scale, .reversed = reversed,
                                         .step = std::move(step), .side = side, .buying_team = team, .link = std::move(link)});
    };
    using enum BrainSide;
    const RatingScale often = RatingScale::frequency, agree = RatingScale::agreement;
    add("r1", "research", left, often, false, false, {"six-steps", "why-key-accounts"});
    add("r2", "research", right, agree, false, true, {"buyer-roles", "four-kinds"});
    add("rel1", "relationship", right, often, false, false, {"left-right-brain", "right-brain"});
    add("rel2", "relationship", right, agree, true, false, {"left-right-brain", "gift-example"});
    add("m1", "marketing", right, often, false, false, {"six-steps", "six-steps"});
    add("m2", "marketing", left, often, false, true, {"buyer-roles", "one-two-one"});
    add("c1", "closing", left, agree, false, false, {"credit-management", "three-actions"});
    add("c2", "closing", right, often, false, false, {"buyer-roles", "payment-traits"});
    add("col1", "collection", left, often, true, false, {"credit-management", "old-before-new"});
    add("col2", "collection", left, agree, false, false, {"credit-management", "payment-habit"});
    add("rs1", "repeat-sale", right, often, false, true, {"team-kpi", "kpi-logic"});
    add("rs2", "repeat-sale", left, often, false, false, {"six-steps", "collection-hub"});
    return a;
}

// The ratings tapped, statement by statement, and what they score (worked out by hand):
//   research (5, 3) 75%, relationship (4, reversed 2) 75%, marketing (2, 1) 13% (12.5 rounds up),
//   closing (5, 5) 100%, collection (reversed 5, 1) 0%, repeat sale (3, 4) 63%;
//   left (r1 m2 c1 col1 col2 rs2) 46%, right (r2 rel1 rel2 m1 c2 rs1) 63%, buying team (r2 m2 rs1) 33%.
// Where to start: the weakest statements are col1, col2 (collection, the weaker step) and m2 at
// 0, then m1; col2's lesson is already named, so credit-management, buyer-roles, six-steps.
constexpr std::uint32_t kRatings[] = {5, 3, 4, 2, 2, 1, 5, 5, 5, 1, 3, 4};

void with_assessment(Headless& app) { app.state.assessment = sample_assessment(); }

// Every statement rated by tapping, from the first (where the app is); ends on the last.
void rate_all(Headless& app, const std::uint32_t (&ratings)[12]) {
    app.draw();
    for (std::size_t i = 0; i < 12; ++i) {
        INFO("statement " << i + 1);
        REQUIRE(app.state.nav.here() == statement(i + 1));
        REQUIRE(app.activate("assessment-rate-" + std::to_string(ratings[i])));
    }
}

std::string page_title(const Headless& app, std::string_view lesson, std::string_view page) {
    for (const Page& p : app.state.course.lesson(lesson)->pages)
        if (p.id == page) return p.title.en;
    return {};
}

}  // namespace

TEST_CASE("the whole assessment by tapping: every statement rated, then the profile with its figures", "[assessment-screens]") {
    Headless app;
    with_assessment(app);
    app.open(kIntro, Lang::en);
    CHECK(must_find(app, "assessment.title").name == "Before training: a self-assessment");
    CHECK(must_find(app, "assessment.size").name == "12 statements, about 5 minutes.");
    CHECK(app.tree().find("assessment-continue") == nullptr);  // nothing started
    CHECK(app.tree().find("assessment-see-profile") == nullptr);  // nothing finished
    REQUIRE(app.activate("assessment-start"));
    CHECK(app.state.nav.here() == statement(1));
    const std::size_t depth = app.state.nav.stack.size();

    // A statement: where it stands, its step, the statement as the title, its scale as radios.
    CHECK(must_find(app, "assessment.progress").state.value_text == "Statement 1 of 12");
    CHECK(must_find(app, "assessment.step").name == "Research the customer");
    CHECK(must_find(app, "assessment.statement").name == "Statement r1");
    CHECK(must_find(app, "assessment.statement").state.level == 1);
    CHECK(must_find(app, "assessment-ratings").role == Role::radiogroup);
    CHECK(child_ids(app.tree(), "assessment-ratings") ==
          std::vector<std::string>{"assessment-rate-1", "assessment-rate-2", "assessment-rate-3", "assessment-rate-4", "assessment-rate-5"});
    CHECK(must_find(app, "assessment-rate-1").name == "Never");
    CHECK(must_find(app, "assessment-rate-5").name == "Always");
    CHECK(must_find(app, "assessment-rate-5").role == Role::radio);
    CHECK(must_find(app, "assessment-rate-5").state.checked == false);
    CHECK(must_find(app, "assessment-next").name == "Skip");  // not rated: moving on skips it
    CHECK(app.tree().find("assessment-previous") == nullptr);
    app.open(statement(2), Lang::en);
    CHECK(must_find(app, "assessment-rate-1").name == "Strongly disagree");  // an agreement statement
    CHECK(must_find(app, "assessment-rate-3").name == "Neither agree nor disagree");
    app.state.nav = Nav{{kIntro, statement(1)}};  // as Start left it

    rate_all(app, kRatings);
    CHECK(app.state.nav.here() == statement(12));  // the last one stays for "see my profile"
    CHECK(app.state.nav.stack.size() == depth);  // each step replaced the address: one history entry
    CHECK(must_find(app, "assessment-rate-4").state.checked == true);
    CHECK(app.tree().find("assessment.unrated") == nullptr);  // everything rated
    CHECK(app.focus_requested() == "assessment-finish");
    CHECK(app.state.store.doc.open_assessment.ratings.size() == 12);  // every tap kept at once
    CHECK(app.state.store.doc.assessments.empty());

    app.state.now_ms = kMorning;
    REQUIRE(app.activate("assessment-finish"));
    CHECK(app.state.nav.here() == kProfile);
    REQUIRE(app.state.store.doc.assessments.size() == 1);
    CHECK(app.state.store.doc.assessments[0].at == kMorning);
    CHECK(app.state.store.doc.open_assessment.ratings.empty());
    app.draw();

    CHECK(must_find(app, "profile.taken").name == "Taken on 2025-11-26 · 12 of 12 statements rated");
    const ViewNode& chart = must_find(app, "profile-chart");
    const std::string chart_text = chart.name;
    CHECK(chart.role == Role::figure);
    CHECK(chart.name == "Research the customer 75%; Build the relationship 75%; Marketing 13%; Close the order 100%; Collect payment 0%; "
                        "Sell again 63%");
    CHECK(chart.rect.h > 0);
    CHECK(must_find(app, "profile-balance").name == "Left brain: collection discipline 46%; Right brain: relationship and EQ 63%");
    CHECK(must_find(app, "profile-buying-team").name == "Buying-team coverage (1+2+1) 33%");

    // Where to start: one page per lesson, weakest first.
    CHECK(child_ids(app.tree(), "profile-start-with") ==
          std::vector<std::string>{"profile-start-credit-management-old-before-new", "profile-start-buyer-roles-one-two-one",
                                   "profile-start-six-steps-six-steps"});
    CHECK(must_find(app, "profile-start-credit-management-old-before-new").name.find(page_title(app, "credit-management", "old-before-new")) !=
          std::string::npos);
    CHECK(must_find(app, "profile-result-0").name == "2025-11-26 · 12 statements rated");

    SECTION("a score opens the statements behind it, each with the rating in words") {
        CHECK(must_find(app, "profile-score-collection").name == "Collect payment 0%");
        CHECK(must_find(app, "profile-score-collection").state.expanded == false);
        REQUIRE(app.activate("profile-score-collection"));
        CHECK(must_find(app, "profile-score-collection").state.expanded == true);
        CHECK(child_ids(app.tree(), "profile-score-collection-statements") ==
              std::vector<std::string>{"profile-score-collection-col1", "profile-score-collection-col2"});
        CHECK(must_find(app, "profile-score-collection-col1.text").name == "Statement col1");
        CHECK(must_find(app, "profile-score-collection-col1.rating").name == "Your rating: Always · Scored in reverse");
        CHECK(must_find(app, "profile-score-collection-col2.rating").name == "Your rating: Strongly disagree");
        REQUIRE(app.activate("profile-score-buying-team"));  // another one: the first closes
        CHECK(app.tree().find("profile-score-collection-statements") == nullptr);
        CHECK(child_ids(app.tree(), "profile-score-buying-team-statements").size() == 3);
        REQUIRE(app.activate("profile-score-buying-team"));  // and closes again
        CHECK(app.tree().find("profile-score-buying-team-statements") == nullptr);
    }
    SECTION("start with: a page opens") {
        REQUIRE(app.activate("profile-start-credit-management-old-before-new"));
        CHECK(app.state.nav.here() == page_route(app.state, LessonLink{"credit-management", "old-before-new"}));
    }
    SECTION("exports under the name typed, as JSON and as CSV") {
        app.input.focus = "profile-name";
        app.input.edits["profile-name"] = {"王小明", 9, 9, ""};
        app.draw();
        CHECK(app.state.store.doc.prefs.name == "王小明");
        REQUIRE(app.activate("profile-export-json"));
        REQUIRE(app.effects().download.has_value());
        CHECK(app.effects().download->suffix == "-assessment");
        CHECK(app.effects().download->extension == "json");
        CHECK(app.effects().download->text ==
              assessment_results_json(*app.state.assessment, app.state.store.doc.assessments, "王小明", app.state.now_ms));
        REQUIRE(app.activate("profile-export-csv"));
        REQUIRE(app.effects().download.has_value());
        CHECK(app.effects().download->extension == "csv");
        CHECK(app.effects().download->type == "text/csv;charset=utf-8");
        CHECK(app.effects().download->text == assessment_results_csv(*app.state.assessment, app.state.store.doc.assessments, "王小明", Lang::en));
    }
    SECTION("the share card: drawn at the top, saved once, closed") {
        app.input.edits["profile-name"] = {"Alex", 4, 4, ""};
        app.draw();
        REQUIRE(app.activate("profile-share"));
        CHECK(app.state.profile_view.share_card);
        const ViewNode& card = must_find(app, "profile-card");
        CHECK(card.role == Role::figure);
        CHECK(card.name == "Before training: a self-assessment · Alex · 2025-11-26");
        CHECK(must_find(app, "profile-card.steps").name == chart_text);
        CHECK(card.rect.y < must_find(app, "profile.taken").rect.y);  // above the rest
        // Saved once, as drawn: the rectangle the card takes on screen.
        REQUIRE(app.effects().share_card.has_value());
        CHECK(app.effects().share_card->y == Approx(card.rect.y));
        CHECK(app.effects().share_card->w == Approx(card.rect.w));
        CHECK(app.effects().share_card->h == Approx(card.rect.h));
        app.draw();
        CHECK_FALSE(app.effects().share_card.has_value());  // later frames do not ask again
        REQUIRE(app.activate("profile-card-close"));
        CHECK_FALSE(app.state.profile_view.share_card);
        CHECK(app.tree().find("profile-card") == nullptr);
    }
    SECTION("taken again later: the first and the latest side by side, with the change") {
        REQUIRE(app.activate("profile-take-again"));
        CHECK(app.state.nav.here() == statement(1));
        constexpr std::uint32_t kBetter[] = {5, 5, 4, 2, 4, 3, 5, 5, 3, 3, 3, 4};  // marketing, collection and research up
        rate_all(app, kBetter);
        app.state.now_ms = kMorning + 9 * kDayMs;
        REQUIRE(app.activate("assessment-finish"));
        app.draw();
        REQUIRE(app.state.store.doc.assessments.size() == 2);
        CHECK(must_find(app, "profile-chart").name ==
              "Latest 2025-12-05; First 2025-11-26; Research the customer 100% (first 75%, +25); Build the relationship 75% (first 75%, ±0); "
              "Marketing 63% (first 13%, +50); Close the order 100% (first 100%, ±0); Collect payment 50% (first 0%, +50); "
              "Sell again 63% (first 63%, ±0)");
        CHECK(child_ids(app.tree(), "profile-results") == std::vector<std::string>{"profile-result-1", "profile-result-0"});  // latest first
        CHECK(must_find(app, "profile-result-1").name == "2025-12-05 · 12 statements rated");
    }
}

TEST_CASE("an assessment in progress: continue where it was left, go back and change a rating, or start again", "[assessment-screens]") {
    Headless app;
    with_assessment(app);
    app.open(statement(1), Lang::en);
    REQUIRE(app.activate("assessment-rate-4"));
    REQUIRE(app.activate("assessment-rate-2"));
    REQUIRE(app.activate("assessment-rate-5"));
    CHECK(app.state.nav.here() == statement(4));

    SECTION("the introduction offers to continue at the first statement not rated") {
        app.open(kIntro, Lang::en);
        CHECK(app.tree().find("assessment-start") == nullptr);
        CHECK(must_find(app, "assessment-continue").name == "Continue where you left off (4 of 12)");
        CHECK(must_find(app, "assessment.saved").name == "You have rated 3 so far; every rating is saved.");
        REQUIRE(app.activate("assessment-continue"));
        CHECK(app.state.nav.here() == statement(4));
        app.open(kIntro, Lang::zh);
        CHECK(must_find(app, "assessment-continue").name == "从上次停下的地方继续（第 4 / 12 条）");
    }
    SECTION("a skipped statement is where continue leads") {
        REQUIRE(app.activate("assessment-next"));  // 4 skipped
        REQUIRE(app.activate("assessment-rate-3"));  // 5 rated
        CHECK(app.state.nav.here() == statement(6));
        app.open(kIntro, Lang::en);
        CHECK(must_find(app, "assessment-continue").name == "Continue where you left off (4 of 12)");
    }
    SECTION("previous shows the rating given, and a new tap changes it") {
        REQUIRE(app.activate("assessment-previous"));
        CHECK(app.state.nav.here() == statement(3));
        CHECK(must_find(app, "assessment-rate-5").state.checked == true);
        CHECK(must_find(app, "assessment-next").name == "Next");
        REQUIRE(app.activate("assessment-rate-1"));
        CHECK(app.state.nav.here() == statement(4));
        CHECK(rating_of(app.state.store.doc.open_assessment, *app.state.assessment, 2) == 1);
        CHECK(app.state.store.doc.open_assessment.ratings.size() == 3);
    }
    SECTION("start again drops the ratings in progress") {
        app.open(kIntro, Lang::en);
        REQUIRE(app.activate("assessment-start-again"));
        CHECK(app.state.nav.here() == statement(1));
        CHECK(app.state.store.doc.open_assessment.ratings.empty());
        CHECK(must_find(app, "assessment-rate-4").state.checked == false);
    }
    SECTION("the last statement says what is not rated; nothing is lost by finishing early") {
        app.open(statement(12), Lang::en);
        CHECK(must_find(app, "assessment.unrated").name == "9 statements are not rated; they do not count in your profile.");
        CHECK(app.tree().find("assessment-next") == nullptr);
        REQUIRE(app.activate("assessment-finish"));
        REQUIRE(app.state.store.doc.assessments.size() == 1);
        app.draw();
        CHECK(must_find(app, "profile.taken").name.find("3 of 12 statements rated") != std::string::npos);
        CHECK(must_find(app, "profile-chart").name.find("Marketing (not rated)") != std::string::npos);
    }
}

TEST_CASE("ratings survive a reload: the saved document resumes at the same statement", "[assessment-screens]") {
    std::string saved, url;
    {
        Headless app;
        with_assessment(app);
        app.open(statement(1), Lang::en);
        REQUIRE(app.activate("assessment-rate-2"));
        REQUIRE(app.activate("assessment-rate-4"));
        saved = write_document(StoredDocument{app.state.store.doc, 1});
        url = to_query(app.state.nav.here(), app.state.lang);
    }
    Headless reloaded;
    with_assessment(reloaded);
    const ReadResult read = read_document(saved);
    REQUIRE(read.ok());
    reloaded.state.store.doc = read.stored->doc;
    const Resolved link = resolve(parse_query(url), reloaded.state.course, {.statements = 12});
    REQUIRE(link.problem == LinkProblem::none);
    reloaded.open(link.route, Lang::en);
    CHECK(reloaded.state.nav.here() == statement(3));
    reloaded.open(statement(2), Lang::en);
    CHECK(must_find(reloaded, "assessment-rate-4").state.checked == true);
    reloaded.open(kIntro, Lang::en);
    CHECK(must_find(reloaded, "assessment-continue").name == "Continue where you left off (3 of 12)");
}

TEST_CASE("before the assessment arrives, its screens say it is loading, or why it cannot", "[assessment-screens]") {
    Headless app;
    app.open(kIntro, Lang::en);
    CHECK(must_find(app, "assessment.status").name == "Loading the self-assessment…");
    CHECK(must_find(app, "assessment.status").role == Role::status);
    app.open(kProfile, Lang::en);
    CHECK(must_find(app, "assessment.status").name == "Loading the self-assessment…");
    app.state.assessment_problem = "HTTP 404";
    app.open(kClass, Lang::zh);
    CHECK(must_find(app, "assessment.status").name == "自我评估无法加载：HTTP 404");
    // Only the title and the note: the rest of the screen's words come with the assessment.
    CHECK(must_find(app, "class.title").name == "学员总览");
    CHECK(app.tree().find("class-open-files") == nullptr);
    with_assessment(app);
    app.open(statement(40), Lang::en);  // a link past the end, checked once it is here
    CHECK(app.state.nav.here() == statement(12));
    CHECK(app.state.link_problem == "The self-assessment has no statement 40, so statement 12 is shown.");
}

TEST_CASE("the profile without a result says so and offers to start", "[assessment-screens]") {
    Headless app;
    with_assessment(app);
    app.open(kProfile, Lang::en);
    CHECK(must_find(app, "profile.none").name.find("You have not finished a self-assessment yet.") == 0);
    CHECK(app.tree().find("profile-chart") == nullptr);
    REQUIRE(app.activate("profile-start"));
    CHECK(app.state.nav.here() == statement(1));
    app.open(kProfile, Lang::en);
    REQUIRE(app.activate("profile-class-view"));
    CHECK(app.state.nav.here() == kClass);
}

TEST_CASE("the class view: loaded files, a refused one with its reason, the figures and the class CSV", "[assessment-screens]") {
    Headless app;
    with_assessment(app);
    const Assessment a = sample_assessment();
    const auto result = [&](std::uint32_t every, std::int64_t at) {
        AssessmentResult r{.assessment = a.id, .at = at};
        for (const Statement& s : a.statements) r.ratings.push_back({s.id, every});
        return r;
    };
    // 王小明 took it twice (the latest counts: all "often", 75% everywhere except reversed ones);
    // the second file has no name and rates everything "sometimes" (50%).
    app.state.class_view.files.push_back(ResultFile{"wang.json", "王小明", {result(1, kMorning - 10 * kDayMs), result(4, kMorning)}});
    app.state.class_view.files.push_back(ResultFile{"li.json", "", {result(3, kMorning - kDayMs)}});
    const ResultFileRead refused = read_result_file("{\"format\":\"something-else\"}", "notes.json", a);
    REQUIRE_FALSE(refused.file.has_value());
    app.state.class_view.rejected.push_back({refused.name, describe(refused, Lang::en), refused.detail});
    app.open(kClass, Lang::en);

    CHECK(must_find(app, "class.local").name == "Result files are read on this computer only; nothing is uploaded.");
    CHECK(must_find(app, "class.learners").name == "2 learners");
    // Research: 王小明 (often, often) 75%, the other 50%: mean 63 (62.5), spread 13 (12.5), 50–75.
    CHECK(must_find(app, "class-chart").role == Role::figure);
    CHECK(must_find(app, "class-chart").name.find("Research the customer: mean 63%, spread 13, lowest 50%, highest 75%, count 2") == 0);
    // Relationship has a reversed statement: "often" scores 25% there, so 王小明 has 50%, the other 50%.
    CHECK(must_find(app, "class-chart").name.find("Build the relationship: mean 50%, spread 0, lowest 50%, highest 50%, count 2") !=
          std::string::npos);
    CHECK(must_find(app, "class.weakest").name == "Weakest steps: Build the relationship, Collect payment");
    CHECK(must_find(app, "class-table").role == Role::table);
    CHECK(must_find(app, "class-row-research").role == Role::row);
    CHECK(child_ids(app.tree(), "class-row-research") ==
          std::vector<std::string>{"class-row-research.c0", "class-row-research.c1", "class-row-research.c2", "class-row-research.c3",
                                   "class-row-research.c4", "class-row-research.c5"});
    CHECK(must_find(app, "class-row-research.c0").role == Role::cell);
    CHECK(must_find(app, "class-row-research.c1.text").name == "Mean 63%");
    CHECK(must_find(app, "class-row-research.c5.text").name == "Count 2");
    CHECK(must_find(app, "class-file-0.name").name == "王小明 · 2025-11-26");  // the latest result's day
    CHECK(must_find(app, "class-file-0.file").name == "wang.json");
    CHECK(must_find(app, "class-file-1.name").name == "li.json · 2025-11-25");
    CHECK(must_find(app, "class-remove-0").name == "Remove: 王小明");
    CHECK(must_find(app, "class-rejected-0.reason").name == describe(refused, Lang::en));
    CHECK(must_find(app, "class-rejected-0.reason").name.find("notes.json") != std::string::npos);
    if (!refused.detail.empty()) CHECK(must_find(app, "class-rejected-0.detail").name == "Technical detail: " + refused.detail);

    REQUIRE(app.activate("class-open-files"));
    CHECK(app.effects().pick_result_files);
    REQUIRE(app.activate("class-export-csv"));
    REQUIRE(app.effects().download.has_value());
    CHECK(app.effects().download->suffix == "-class");
    CHECK(app.effects().download->extension == "csv");
    CHECK(app.effects().download->text == class_csv(a, app.state.class_view.files, Lang::en));

    SECTION("a file removed leaves the class") {
        REQUIRE(app.activate("class-remove-0"));
        REQUIRE(app.state.class_view.files.size() == 1);
        CHECK(must_find(app, "class.learners").name == "1 learner");
        CHECK(must_find(app, "class-file-0.name").name == "li.json · 2025-11-25");
    }
    SECTION("clear empties it") {
        REQUIRE(app.activate("class-clear"));
        CHECK(app.state.class_view.files.empty());
        CHECK(app.state.class_view.rejected.empty());
        CHECK(must_find(app, "class.empty").name == "No result files are open yet.");
        CHECK(app.tree().find("class-clear") == nullptr);
    }
}

TEST_CASE("home: an invitation before any result, the suggested page after one", "[assessment-screens]") {
    Headless app;
    app.open(Route{}, Lang::en);
    // Known from the first frame, before the assessment has loaded.
    CHECK(must_find(app, "home.assessment-invite").name == "Before training: take the 5-minute self-assessment");
    CHECK(app.tree().find("home-suggestion") == nullptr);
    REQUIRE(app.activate("home.assessment-invite"));
    CHECK(app.state.nav.here() == kIntro);

    with_assessment(app);
    app.open(statement(1), Lang::en);
    rate_all(app, kRatings);
    REQUIRE(app.activate("assessment-finish"));
    app.open(Route{}, Lang::en);
    CHECK(app.tree().find("home.assessment-invite") == nullptr);
    CHECK(must_find(app, "home.suggested").name == "Suggested next step (from your self-assessment)");
    const ViewNode& next = must_find(app, "home-suggestion");
    CHECK(next.name == app.state.course.lesson("credit-management")->title.en + " · " + page_title(app, "credit-management", "old-before-new"));
    REQUIRE(app.activate("home-suggestion"));
    CHECK(app.state.nav.here() == page_route(app.state, LessonLink{"credit-management", "old-before-new"}));
}

TEST_CASE("chart numbers add up: the change is the difference of the percents shown", "[assessment-screens]") {
    CHECK(ui::whole_percent(0.125) == "13");
    CHECK(ui::whole_percent(1.2) == "100");
    CHECK(ui::change_text(0.625, 0.125) == "+50");
    CHECK(ui::change_text(0.5, 0.75) == "-25");
    CHECK(ui::change_text(0.7504, 0.7496) == "±0");  // both shown as 75
    ui::ScoreChart chart{.bars = {{"研究客户", 0.75, 0.5}, {"营销", std::nullopt, std::nullopt}}, .latest_legend = "最近 2026-12-05",
                         .first_legend = "首次 2026-11-20"};
    CHECK(ui::score_chart_text(Lang::zh, chart) == "最近 2026-12-05；首次 2026-11-20；研究客户 75%（首次 50%，+25）；营销（未评分）");
    const ui::ClassBar bars[] = {{"回款", 0, 0, 0, 0, 0}};
    CHECK(ui::class_chart_text(Lang::zh, bars) == "回款：没有评分");
}

TEST_CASE("every assessment screen is well formed and fits a phone at 200 % text, in both languages", "[assessment-screens]") {
    Headless app;
    with_assessment(app);
    app.open(statement(1), Lang::en);
    rate_all(app, kRatings);
    REQUIRE(app.activate("assessment-finish"));
    app.state.now_ms = kMorning + 9 * kDayMs;
    app.open(statement(1), Lang::en);
    rate_all(app, kRatings);
    REQUIRE(app.activate("assessment-finish"));  // two results: the compared chart
    app.open(statement(1), Lang::en);
    REQUIRE(app.activate("assessment-rate-3"));  // and one in progress
    app.state.profile_view.open_score = "collection";
    app.state.class_view.files.push_back(ResultFile{"a-very-long-file-name-from-a-learner-export.json", "王小明", app.state.store.doc.assessments});
    app.state.class_view.rejected.push_back({"notes.txt", "“notes.txt” cannot be read: it is not JSON.", "Invalid value. at offset 0"});
    const std::vector<Route> places{kIntro, statement(1), statement(2), statement(12), kProfile, kClass, Route{}};
    for (int percent : {100, 200}) {
        change(app.state.store, SetReading{{static_cast<std::uint32_t>(percent), ""}});
        for (Lang lang : {Lang::zh, Lang::en}) {
            for (bool card : {false, true}) {
                app.state.profile_view.share_card = card;
                for (const Route& place : places) {
                    app.width = 360;
                    app.open(place, lang);
                    INFO(to_query(place, lang) << " at " << percent << " %" << (card ? " with the share card" : ""));
                    CHECK(app.state.nav.here() == place);
                    check_well_formed(app.tree());
                    check_fits(app.tree(), 360);
                }
            }
        }
    }
}
