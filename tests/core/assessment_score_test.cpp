// What ratings score, worked by hand on the fixture (assessment_fixture.h lists each
// statement's step, side, buying team and reversal): a rating r scores (r - 1) / 4, reversed
// (5 - r) / 4, and a score is the mean of the rated statements behind it.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "assessment_fixture.h"
#include "core/assessment.h"

using namespace coach;
using coach::test::rated;

namespace {

const Score& score(const Profile& p, const std::string& id) {
    const Score* s = p.find(id);
    REQUIRE(s != nullptr);
    return *s;
}

const ScoreSpread& spread(const ClassProfile& c, const std::string& id) {
    for (const ScoreSpread& s : c.scores)
        if (s.id == id) return s;
    FAIL("no score " << id);
    return c.scores.front();
}

}  // namespace

TEST_CASE("a rating scores (r - 1) / 4, reversed (5 - r) / 4, and 0 is no rating", "[assessment]") {
    const Assessment a = test::test_assessment();
    const Statement& plain = a.statements[0];    // know-goals
    const Statement& reversed = a.statements[9];  // ship-before-paid
    REQUIRE_FALSE(plain.reversed);
    REQUIRE(reversed.reversed);
    CHECK(statement_score(plain, 1) == 0.0);
    CHECK(statement_score(plain, 2) == 0.25);
    CHECK(statement_score(plain, 3) == 0.5);
    CHECK(statement_score(plain, 4) == 0.75);
    CHECK(statement_score(plain, 5) == 1.0);
    CHECK(statement_score(reversed, 5) == 0.0);  // "always" ship before the old balance is paid
    CHECK(statement_score(reversed, 4) == 0.25);
    CHECK(statement_score(reversed, 1) == 1.0);
    CHECK_FALSE(statement_score(plain, 0).has_value());
    CHECK_FALSE(statement_score(plain, 6).has_value());
    CHECK_FALSE(statement_score(reversed, 0).has_value());
}

TEST_CASE("a step's score is the mean of its rated statements, reversed ones turned round", "[assessment]") {
    const Assessment a = test::test_assessment();
    // collection: know-overdue 5 -> 1, ship-before-paid (reversed) 4 -> 0.25, ask-old-balance 2 -> 0.25
    //   (1 + 0.25 + 0.25) / 3 = 0.5
    const Profile p = profile(a, rated(1000, {{"know-overdue", 5}, {"ship-before-paid", 4}, {"ask-old-balance", 2}}));
    CHECK(p.rated == 3);
    REQUIRE(p.scores.size() == 6 + 3);
    CHECK(score(p, "collection").value == 0.5);
    CHECK(score(p, "collection").rated == 3);
    CHECK(score(p, "collection").statements == std::vector<std::size_t>{8, 9, 10});
    // all three are left-brain statements: left is the same mean; nothing else is rated
    CHECK(score(p, "left").value == 0.5);
    CHECK(score(p, "left").rated == 3);
    CHECK(score(p, "right").rated == 0);
    CHECK(score(p, "buying-team").rated == 0);
    CHECK(score(p, "research").rated == 0);
    CHECK(p.start_with == std::vector<LessonLink>{{"credit-management", "old-before-new"}});  // ship-before-paid 0.25, ask-old-balance 0.25: one lesson
}

TEST_CASE("a profile's scores: the six steps in order, then left, right and the buying team", "[assessment]") {
    const Assessment a = test::test_assessment();
    const Profile p = profile(a, {});
    std::vector<std::string> ids;
    for (const Score& s : p.scores) ids.push_back(s.id);
    CHECK(ids == std::vector<std::string>{"research", "relationship", "marketing", "closing", "collection", "repeat-sale", "left", "right", "buying-team"});
    CHECK(p.scores[0].kind == ScoreKind::step);
    CHECK(p.scores[6].kind == ScoreKind::left_side);
    CHECK(p.scores[7].kind == ScoreKind::right_side);
    CHECK(p.scores[8].kind == ScoreKind::buying_team);
    CHECK(score(p, "left").statements == std::vector<std::size_t>{0, 4, 6, 7, 8, 9, 10, 12});
    CHECK(score(p, "right").statements == std::vector<std::size_t>{1, 2, 3, 5, 11});
    CHECK(score(p, "buying-team").statements == std::vector<std::size_t>{1, 3, 11});
    CHECK(p.find("nowhere") == nullptr);
    // nothing rated: no score has a value, and there is nowhere to start
    CHECK(p.rated == 0);
    for (const Score& s : p.scores) CHECK(s.rated == 0);
    CHECK(p.start_with.empty());
}

TEST_CASE("every statement rated: each score by hand, and where to start", "[assessment]") {
    const Assessment a = test::test_assessment();
    const Profile p = profile(a, rated(1000, {
                                                 {"know-goals", 2},          //  0 research      0.25
                                                 {"map-buyers", 3},          //  1 research      0.5
                                                 {"remember-birthdays", 5},  //  2 relationship  1
                                                 {"meet-finance", 1},        //  3 relationship  0
                                                 {"plan-visits", 4},         //  4 marketing     0.75
                                                 {"talk-value", 1},          //  5 marketing     0
                                                 {"terms-in-contract", 2},   //  6 closing       0.25
                                                 {"discount-to-close", 4},   //  7 closing, reversed: (5 - 4) / 4 = 0.25
                                                 {"know-overdue", 1},        //  8 collection    0
                                                 {"ship-before-paid", 5},    //  9 collection, reversed: 0
                                                 {"ask-old-balance", 2},     // 10 collection    0.25
                                                 {"ask-referrals", 5},       // 11 repeat-sale   1
                                                 {"review-account", 3},      // 12 repeat-sale   0.5
                                             }));
    CHECK(p.rated == 13);
    CHECK(score(p, "research").value == 0.375);      // (0.25 + 0.5) / 2
    CHECK(score(p, "relationship").value == 0.5);    // (1 + 0) / 2
    CHECK(score(p, "marketing").value == 0.375);     // (0.75 + 0) / 2
    CHECK(score(p, "closing").value == 0.25);        // (0.25 + 0.25) / 2
    CHECK(score(p, "collection").value == Approx(0.25 / 3));  // (0 + 0 + 0.25) / 3 = 0.0833
    CHECK(score(p, "repeat-sale").value == 0.75);    // (1 + 0.5) / 2
    // left: 0, 4, 6, 7, 8, 9, 10, 12: (0.25 + 0.75 + 0.25 + 0.25 + 0 + 0 + 0.25 + 0.5) / 8 = 2.25 / 8
    CHECK(score(p, "left").value == 0.28125);
    // right: 1, 2, 3, 5, 11: (0.5 + 1 + 0 + 0 + 1) / 5
    CHECK(score(p, "right").value == 0.5);
    // buying team: 1, 3, 11: (0.5 + 0 + 1) / 3
    CHECK(score(p, "buying-team").value == 0.5);

    // At or below 0.5, weakest first; equal statements go by their step's score, then file order:
    //   0:    know-overdue (8) and ship-before-paid (9) (collection 0.083, file order),
    //         talk-value (5, marketing 0.375), meet-finance (3, relationship 0.5)
    //   0.25: ask-old-balance (10, collection), terms-in-contract (6) and discount-to-close (7)
    //         (closing 0.25), know-goals (0, research 0.375)
    //   0.5:  map-buyers (1, research), review-account (12, repeat-sale 0.75)
    // Pages, one per lesson, three at most: credit-management (8; 9 is the same lesson),
    // left-right-brain (5), buyer-roles (3). six-steps (0) would be the fourth.
    CHECK(p.start_with == std::vector<LessonLink>{{"credit-management", "old-before-new"}, {"left-right-brain", "two-sides"}, {"buyer-roles", "payment-traits"}});
}

TEST_CASE("a learner strong everywhere is ready for the whole course", "[assessment]") {
    const Assessment a = test::test_assessment();
    AssessmentResult r{"before-training", 1000, {}};
    // 4 on every statement (0.75), reversed ones 2 (0.75): nothing at or below one half
    for (const Statement& s : a.statements) r.ratings.push_back({s.id, s.reversed ? 2u : 4u});
    const Profile p = profile(a, r);
    CHECK(p.rated == 13);
    for (const Score& s : p.scores) CHECK(s.value == 0.75);
    CHECK(p.start_with.empty());
    // exactly one half is weak: map-buyers 3 -> 0.5
    r.ratings[1].value = 3;
    CHECK(profile(a, r).start_with == std::vector<LessonLink>{{"buyer-roles", "one-two-one"}});
}

TEST_CASE("results of version 3 rate by position", "[assessment]") {
    const Assessment a = test::test_assessment();
    // [5, 0, 3]: know-goals 5, map-buyers not rated, remember-birthdays 3; the rest not rated
    const AssessmentResult v3{"", 1000, {{"", 5}, {"", 0}, {"", 3}}};
    CHECK(rating_of(v3, a, 0) == 5);
    CHECK(rating_of(v3, a, 1) == 0);
    CHECK(rating_of(v3, a, 2) == 3);
    CHECK(rating_of(v3, a, 3) == 0);
    CHECK(rating_of(v3, a, 99) == 0);
    const Profile p = profile(a, v3);
    CHECK(p.rated == 2);
    CHECK(score(p, "research").value == 1.0);  // know-goals alone: (5 - 1) / 4
    CHECK(score(p, "research").rated == 1);
    CHECK(score(p, "relationship").value == 0.5);  // remember-birthdays: (3 - 1) / 4

    // Ratings by id are found wherever they stand, and never read by position.
    const AssessmentResult by_id = rated(1000, {{"review-account", 4}, {"know-goals", 2}});
    CHECK(rating_of(by_id, a, 0) == 2);
    CHECK(rating_of(by_id, a, 12) == 4);
    CHECK(rating_of(by_id, a, 1) == 0);
    // A rating of a statement the assessment no longer has is ignored.
    CHECK(profile(a, rated(1000, {{"gone", 5}})).rated == 0);
}

TEST_CASE("score labels: the step's name, the two sides, the buying team", "[assessment]") {
    const Assessment a = test::test_assessment();
    const Profile p = profile(a, {});
    CHECK(score_label(a, score(p, "collection"), Lang::zh) == "回款");
    CHECK(score_label(a, score(p, "collection"), Lang::en) == "Collect payment");
    CHECK(score_label(a, score(p, "left"), Lang::zh) == "左脑：回款纪律");
    CHECK(score_label(a, score(p, "left"), Lang::en) == "Left brain: collection discipline");
    CHECK(score_label(a, score(p, "right"), Lang::zh) == "右脑：关系与情商");
    CHECK(score_label(a, score(p, "right"), Lang::en) == "Right brain: relationship and EQ");
    CHECK(score_label(a, score(p, "buying-team"), Lang::zh) == "采购团队覆盖（1+2+1）");
    CHECK(score_label(a, score(p, "buying-team"), Lang::en) == "Buying-team coverage (1+2+1)");
}

TEST_CASE("a class: count, mean, population spread, lowest, highest, and the weakest steps", "[assessment]") {
    const Assessment a = test::test_assessment();
    // A: know-overdue 2 (0.25), know-goals 5 (1), map-buyers 5 (1)
    // B: know-overdue 3 (0.5),  know-goals 3 (0.5)
    // C: know-overdue 4 (0.75), remember-birthdays 2 (0.25)
    const std::vector<Profile> profiles{
        profile(a, rated(1, {{"know-overdue", 2}, {"know-goals", 5}, {"map-buyers", 5}})),
        profile(a, rated(2, {{"know-overdue", 3}, {"know-goals", 3}})),
        profile(a, rated(3, {{"know-overdue", 4}, {"remember-birthdays", 2}})),
    };
    const ClassProfile c = class_profile(a, profiles);
    CHECK(c.learners == 3);
    REQUIRE(c.scores.size() == 9);
    CHECK(c.scores[4].id == "collection");  // the same order as a profile's scores

    // collection: 0.25, 0.5, 0.75. mean 0.5; deviations -0.25, 0, 0.25;
    //   population SD = sqrt((0.0625 + 0 + 0.0625) / 3) = sqrt(0.041667) = 0.204124
    const ScoreSpread& collection = spread(c, "collection");
    CHECK(collection.kind == ScoreKind::step);
    CHECK(collection.count == 3);
    CHECK(collection.mean == Approx(0.5));
    CHECK(collection.spread == Approx(0.204124).epsilon(1e-5));
    CHECK(collection.low == 0.25);
    CHECK(collection.high == 0.75);

    // research: A (1 + 1) / 2 = 1, B 0.5; C has none. mean 0.75, SD sqrt((0.0625 + 0.0625) / 2) = 0.25
    const ScoreSpread& research = spread(c, "research");
    CHECK(research.count == 2);
    CHECK(research.mean == Approx(0.75));
    CHECK(research.spread == Approx(0.25));
    CHECK(research.low == 0.5);
    CHECK(research.high == 1.0);

    // relationship: C alone, 0.25, no spread
    CHECK(spread(c, "relationship").count == 1);
    CHECK(spread(c, "relationship").mean == 0.25);
    CHECK(spread(c, "relationship").spread == 0.0);
    CHECK(spread(c, "marketing").count == 0);

    // left: A (0.25 + 1) / 2 = 0.625, B (0.5 + 0.5) / 2 = 0.5, C 0.75. mean 1.875 / 3 = 0.625;
    //   deviations 0, -0.125, 0.125: SD sqrt(0.03125 / 3) = 0.102062
    const ScoreSpread& left = spread(c, "left");
    CHECK(left.kind == ScoreKind::left_side);
    CHECK(left.count == 3);
    CHECK(left.mean == Approx(0.625));
    CHECK(left.spread == Approx(0.102062).epsilon(1e-5));
    // right: A map-buyers 1, C remember-birthdays 0.25: mean 0.625, SD 0.375
    CHECK(spread(c, "right").count == 2);
    CHECK(spread(c, "right").mean == Approx(0.625));
    CHECK(spread(c, "right").spread == Approx(0.375));
    // buying team: A map-buyers 1
    CHECK(spread(c, "buying-team").count == 1);
    CHECK(spread(c, "buying-team").mean == 1.0);

    // weakest: relationship (0.25), then collection (0.5); research 0.75; no one rated the rest
    CHECK(c.weakest_steps == std::vector<std::string>{"relationship", "collection"});
}

TEST_CASE("a class's weakest steps: ties keep the course's order; an empty class has none", "[assessment]") {
    const Assessment a = test::test_assessment();
    // research 0.5 (know-goals 3), closing 0.5 (terms-in-contract 3), collection 0.5 (know-overdue 3)
    const ClassProfile c = class_profile(a, {profile(a, rated(1, {{"know-overdue", 3}, {"terms-in-contract", 3}, {"know-goals", 3}}))});
    CHECK(c.weakest_steps == std::vector<std::string>{"research", "closing"});
    const ClassProfile empty = class_profile(a, {});
    CHECK(empty.learners == 0);
    CHECK(empty.scores.size() == 9);
    for (const ScoreSpread& s : empty.scores) CHECK(s.count == 0);
    CHECK(empty.weakest_steps.empty());
}
