// A small self-assessment for the assessment tests, written out so every line and every
// hand-computed score can be read off it, and the course it links into.
//
// Thirteen statements, one a line (lines 11-23), each step with two except collection with
// three; 8 left and 5 right; 3 about the buying team (map-buyers, meet-finance, ask-referrals);
// 2 reversed (discount-to-close, ship-before-paid): the smallest file that keeps every rule.
//   index line id                 step          side  buying team  reversed  link
//    0    11  know-goals         research      left                         six-steps/why-key-accounts
//    1    12  map-buyers         research      right  yes                     buyer-roles/one-two-one
//    2    13  remember-birthdays relationship  right                         left-right-brain/right-brain
//    3    14  meet-finance       relationship  right  yes                     buyer-roles/payment-traits
//    4    15  plan-visits        marketing     left                          six-steps/six-steps
//    5    16  talk-value         marketing     right                         left-right-brain/two-sides
//    6    17  terms-in-contract  closing       left                          credit-management/three-actions
//    7    18  discount-to-close  closing       left               yes        credit-management/old-before-new
//    8    19  know-overdue       collection    left                          credit-management/old-before-new
//    9    20  ship-before-paid   collection    left               yes        credit-management/old-before-new
//   10    21  ask-old-balance    collection    left                          credit-management/payment-habit
//   11    22  ask-referrals      repeat-sale   right  yes                     six-steps/practice
//   12    23  review-account     repeat-sale   left                          six-steps/collection-hub
#pragma once
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "core/assessment.h"

namespace coach::test {

inline const std::string kAssessmentText = R"({"id": "before-training", "title": {"zh": "训练前自我评估", "en": "Before training"}, "about": {"zh": "五分钟，没有标准答案。", "en": "Five minutes, no right answers."},
 "steps": [
  {"id": "research", "name": {"zh": "研究客户", "en": "Research the customer"}},
  {"id": "relationship", "name": {"zh": "建立关系", "en": "Build the relationship"}},
  {"id": "marketing", "name": {"zh": "营销", "en": "Marketing"}},
  {"id": "closing", "name": {"zh": "成单", "en": "Close the order"}},
  {"id": "collection", "name": {"zh": "回款", "en": "Collect payment"}},
  {"id": "repeat-sale", "name": {"zh": "二次销售", "en": "Sell again"}}
 ],
 "statements": [
  {"id": "know-goals", "text": {"zh": "我了解客户今年的目标。", "en": "I know the customer’s goals this year."}, "scale": "frequency", "step": "research", "side": "left", "link": {"lesson": "six-steps", "page": "why-key-accounts"}},
  {"id": "map-buyers", "text": {"zh": "我画过客户的采购团队。", "en": "I have mapped the buying team."}, "scale": "frequency", "step": "research", "side": "right", "buying_team": true, "link": {"lesson": "buyer-roles", "page": "one-two-one"}},
  {"id": "remember-birthdays", "text": {"zh": "我记得关键人的生日。", "en": "I remember key people’s birthdays."}, "scale": "frequency", "step": "relationship", "side": "right", "link": {"lesson": "left-right-brain", "page": "right-brain"}},
  {"id": "meet-finance", "text": {"zh": "我见过客户的财务负责人。", "en": "I have met the customer’s finance head."}, "scale": "frequency", "step": "relationship", "side": "right", "buying_team": true, "link": {"lesson": "buyer-roles", "page": "payment-traits"}},
  {"id": "plan-visits", "text": {"zh": "我按计划拜访客户。", "en": "I visit customers to a plan."}, "scale": "frequency", "step": "marketing", "side": "left", "link": {"lesson": "six-steps", "page": "six-steps"}},
  {"id": "talk-value", "text": {"zh": "我谈价值，不谈价格。", "en": "I talk value, not price."}, "scale": "agreement", "step": "marketing", "side": "right", "link": {"lesson": "left-right-brain", "page": "two-sides"}},
  {"id": "terms-in-contract", "text": {"zh": "付款条件写进合同。", "en": "Payment terms go into the contract."}, "scale": "frequency", "step": "closing", "side": "left", "link": {"lesson": "credit-management", "page": "three-actions"}},
  {"id": "discount-to-close", "text": {"zh": "为了成单我会放宽账期。", "en": "I give longer terms to close."}, "scale": "agreement", "reversed": true, "step": "closing", "side": "left", "link": {"lesson": "credit-management", "page": "old-before-new"}},
  {"id": "know-overdue", "text": {"zh": "我清楚每个客户的逾期金额。", "en": "I know each account’s overdue balance."}, "scale": "frequency", "step": "collection", "side": "left", "link": {"lesson": "credit-management", "page": "old-before-new"}},
  {"id": "ship-before-paid", "text": {"zh": "旧款没回我也发新货。", "en": "I ship new orders before old ones are paid."}, "scale": "agreement", "reversed": true, "step": "collection", "side": "left", "link": {"lesson": "credit-management", "page": "old-before-new"}},
  {"id": "ask-old-balance", "text": {"zh": "接新单前我先问旧款。", "en": "I ask about the old balance before a new order."}, "scale": "frequency", "step": "collection", "side": "left", "link": {"lesson": "credit-management", "page": "payment-habit"}},
  {"id": "ask-referrals", "text": {"zh": "我请老客户介绍新客户。", "en": "I ask customers for referrals."}, "scale": "frequency", "step": "repeat-sale", "side": "right", "buying_team": true, "link": {"lesson": "six-steps", "page": "practice"}},
  {"id": "review-account", "text": {"zh": "我每季度复盘客户。", "en": "I review each account every quarter."}, "scale": "frequency", "step": "repeat-sale", "side": "left", "link": {"lesson": "six-steps", "page": "collection-hub"}}
 ]})";

inline constexpr const char* kAssessmentName = "assessment.json";

// The lessons and pages the statements link to (ids as in content/), nothing else.
inline Course assessment_course() {
    const auto lesson = [](std::string id, std::vector<std::string> pages) {
        Lesson l;
        l.id = std::move(id);
        for (std::string& p : pages) l.pages.push_back(Page{std::move(p), {}, {}});
        return l;
    };
    Course c;
    c.id = "key-account-collection";
    c.lessons = {lesson("six-steps", {"why-key-accounts", "six-steps", "collection-hub", "who-owns-collection", "practice"}),
                 lesson("left-right-brain", {"two-sides", "left-brain", "right-brain"}),
                 lesson("buyer-roles", {"four-kinds", "payment-traits", "one-two-one"}),
                 lesson("credit-management", {"three-actions", "old-before-new", "payment-habit"})};
    return c;
}

// The fixture, loaded; the tests of scores and files start from it.
inline Assessment test_assessment() {
    AssessmentLoad load = load_assessment(kAssessmentText, kAssessmentName, assessment_course());
    std::string errors;
    for (const ContentError& e : load.errors) errors += describe(e, Lang::en) + "\n";
    INFO(errors);
    REQUIRE(load.assessment.has_value());
    return *load.assessment;
}

// A finished result rating statements by id.
inline AssessmentResult rated(std::int64_t at, std::vector<std::pair<std::string, std::uint32_t>> ratings) {
    AssessmentResult r{"before-training", at, {}};
    for (auto& [id, value] : ratings) r.ratings.push_back({std::move(id), value});
    return r;
}

}  // namespace coach::test
