#include "learner.h"

#include <algorithm>

namespace coach {
namespace {

struct Apply {
    LearnerDoc& doc;
    void operator()(const SetLang& a) const { doc.prefs.lang = a.lang; }
    void operator()(const SetGoal& a) const { doc.prefs.goal = a.goal; }
    void operator()(const SetReading& a) const { doc.reading = a.reading; }
    void operator()(const OpenLessonPage& a) const {
        // The lesson opened last goes last: that is where "continue" leads.
        LessonProgress p{a.lesson, 0, 0, 0};
        auto it = std::find_if(doc.lessons.begin(), doc.lessons.end(), [&](const LessonProgress& q) { return q.lesson == a.lesson; });
        if (it != doc.lessons.end()) {
            p = *it;
            doc.lessons.erase(it);
        }
        p.page = a.page;
        p.page_count = a.page_count;
        p.pages_seen = std::max(p.pages_seen, std::min(a.page + 1, a.page_count));
        doc.lessons.push_back(p);
    }
    void operator()(const ReplaceDocument& a) const { doc = a.doc; }
    void operator()(const SetName& a) const { doc.prefs.name = a.name; }
    void operator()(const SaveQuizSession& a) const {
        drop_open_quiz(a.session.quiz);
        doc.open_quizzes.push_back(a.session);
    }
    void operator()(const DiscardQuizSession& a) const { drop_open_quiz(a.quiz); }
    void operator()(const FinishAttempt& a) const {
        // Every item of the attempt is a review result: below full score it is (again) due
        // tomorrow; fully right, a card that was due moves up a box (review.h).
        drop_open_quiz(a.attempt.quiz);
        for (const ItemAnswer& answer : a.attempt.answers) {
            doc.review = schedule(std::move(doc.review), ItemResult{.key = review_key(a.attempt.quiz, answer.item),
                                                                    .correct = answer.score >= 1.0,
                                                                    .now_ms = a.attempt.at,
                                                                    .utc_offset_minutes = a.utc_offset_minutes});
        }
        doc.attempts.push_back(a.attempt);
    }
    void operator()(const AnswerReview& a) const {
        // The deck decides whether cards enroll (review.h), not the screen that asks.
        ItemResult result = a.result;
        result.enroll = a.deck == ReviewDeck::quotes;
        ReviewState& state = result.enroll ? doc.quote_review : doc.review;
        state = schedule(std::move(state), result);
    }
    void operator()(const RateStatement& a) const {
        AssessmentResult& open = doc.open_assessment;
        if (open.assessment != a.assessment) open = AssessmentResult{.assessment = a.assessment};
        open.at = a.at;
        const auto it = std::find_if(open.ratings.begin(), open.ratings.end(), [&](const Rating& r) { return r.statement == a.statement; });
        if (a.value == 0) {
            if (it != open.ratings.end()) open.ratings.erase(it);
        } else if (it != open.ratings.end()) {
            it->value = a.value;
        } else {
            open.ratings.push_back(Rating{a.statement, a.value});
        }
    }
    void operator()(const FinishAssessment& a) const {
        // An assessment with nothing rated says nothing about the learner: it is not a result.
        if (!doc.open_assessment.ratings.empty()) {
            doc.open_assessment.at = a.at;
            doc.assessments.push_back(std::move(doc.open_assessment));
        }
        doc.open_assessment = {};
    }
    void operator()(const DiscardAssessment&) const { doc.open_assessment = {}; }
    void operator()(const PlanMovedIn&) const { doc.early_plan.clear(); }
    void drop_open_quiz(std::string_view quiz) const {
        std::erase_if(doc.open_quizzes, [&](const QuizSession& s) { return s.quiz == quiz; });
    }
};

}  // namespace

LearnerDoc apply(LearnerDoc doc, const LearnerAction& action) {
    std::visit(Apply{doc}, action);
    return doc;
}

const QuizSession* find_open_quiz(const LearnerDoc& doc, std::string_view quiz) {
    for (const QuizSession& s : doc.open_quizzes)
        if (s.quiz == quiz) return &s;
    return nullptr;
}

std::string review_key(std::string_view quiz, std::string_view item) {
    std::string key(quiz);
    key += '/';
    key += item;
    return key;
}

const LessonProgress* find_lesson(const LearnerDoc& doc, std::string_view lesson) {
    for (const LessonProgress& p : doc.lessons)
        if (p.lesson == lesson) return &p;
    return nullptr;
}

}  // namespace coach
