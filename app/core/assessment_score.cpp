// assessment_score: what a learner's ratings add up to, and what a class's profiles add up to.
// Pure arithmetic over the assessment as read (assessment_parse.cpp); the rules are stated
// once, at the top of assessment.h.
//
// Two decisions worth knowing: a statement not rated counts for nothing, so a half-finished
// assessment scores what it has rather than being pulled down by blanks; and "where to start"
// names lesson pages, one per lesson, so three weak statements about collecting money send
// the learner to three different lessons rather than three pages of one.
#include <algorithm>
#include <cmath>
#include <string>

#include "assessment.h"

namespace coach {

namespace {

constexpr std::string_view kLeft = "left", kRight = "right", kBuyingTeam = "buying-team";
constexpr double kWeak = 0.5;          // a statement at or below this is where to start
constexpr std::size_t kStartWith = 3;  // pages named at most

// The scores of a profile, in order, with the statements behind each (no values yet).
std::vector<Score> empty_scores(const Assessment& a) {
    std::vector<Score> scores;
    for (const AssessmentStep& step : a.steps) scores.push_back({ScoreKind::step, step.id, 0, 0, {}});
    scores.push_back({ScoreKind::left_side, std::string(kLeft), 0, 0, {}});
    scores.push_back({ScoreKind::right_side, std::string(kRight), 0, 0, {}});
    scores.push_back({ScoreKind::buying_team, std::string(kBuyingTeam), 0, 0, {}});
    for (std::size_t i = 0; i < a.statements.size(); ++i) {
        const Statement& s = a.statements[i];
        for (Score& score : scores) {
            const bool behind = (score.kind == ScoreKind::step && score.id == s.step) ||
                                (score.kind == ScoreKind::left_side && s.side == BrainSide::left) ||
                                (score.kind == ScoreKind::right_side && s.side == BrainSide::right) ||
                                (score.kind == ScoreKind::buying_team && s.buying_team);
            if (behind) score.statements.push_back(i);
        }
    }
    return scores;
}

}  // namespace

std::optional<double> statement_score(const Statement& statement, std::uint32_t rating) {
    if (rating < 1 || rating > 5) return std::nullopt;
    const double r = rating;
    return statement.reversed ? (5 - r) / 4 : (r - 1) / 4;
}

std::uint32_t rating_of(const AssessmentResult& result, const Assessment& assessment, std::size_t statement_index) {
    if (statement_index >= assessment.statements.size()) return 0;
    const std::string& id = assessment.statements[statement_index].id;
    for (const Rating& r : result.ratings)
        if (!r.statement.empty() && r.statement == id) return r.value;
    // Version 3 of the document kept one rating per position, naming no statement.
    if (statement_index < result.ratings.size() && result.ratings[statement_index].statement.empty()) return result.ratings[statement_index].value;
    return 0;
}

const Score* Profile::find(std::string_view id) const {
    for (const Score& s : scores)
        if (s.id == id) return &s;
    return nullptr;
}

Profile profile(const Assessment& assessment, const AssessmentResult& result) {
    Profile p;
    p.scores = empty_scores(assessment);
    std::vector<std::optional<double>> each(assessment.statements.size());
    for (std::size_t i = 0; i < each.size(); ++i) {
        each[i] = statement_score(assessment.statements[i], rating_of(result, assessment, i));
        p.rated += each[i].has_value();
    }
    for (Score& score : p.scores) {
        double sum = 0;
        for (const std::size_t i : score.statements)
            if (each[i]) {
                sum += *each[i];
                ++score.rated;
            }
        score.value = score.rated > 0 ? sum / static_cast<double>(score.rated) : 0;
    }

    // Where to start: weakest statement first; ties go to the weaker step, then file order.
    const auto step_value = [&](const Statement& s) {
        const Score* step = p.find(s.step);
        return step ? step->value : 1.0;
    };
    std::vector<std::size_t> weak;
    for (std::size_t i = 0; i < each.size(); ++i)
        if (each[i] && *each[i] <= kWeak) weak.push_back(i);
    std::stable_sort(weak.begin(), weak.end(), [&](std::size_t x, std::size_t y) {
        if (*each[x] != *each[y]) return *each[x] < *each[y];
        return step_value(assessment.statements[x]) < step_value(assessment.statements[y]);
    });
    for (const std::size_t i : weak) {
        if (p.start_with.size() == kStartWith) break;
        const LessonLink& link = assessment.statements[i].link;
        const bool named = std::any_of(p.start_with.begin(), p.start_with.end(), [&](const LessonLink& l) { return l.lesson == link.lesson; });
        if (!named) p.start_with.push_back(link);
    }
    return p;
}

std::string score_label(const Assessment& assessment, const Score& score, Lang lang) {
    switch (score.kind) {
        case ScoreKind::step: {
            const AssessmentStep* step = assessment.step(score.id);
            return step ? step->name.in(lang) : score.id;
        }
        case ScoreKind::left_side: return std::string(tr(Msg::assessment_left_brain, lang));
        case ScoreKind::right_side: return std::string(tr(Msg::assessment_right_brain, lang));
        case ScoreKind::buying_team: return std::string(tr(Msg::assessment_buying_team, lang));
    }
    return score.id;
}

ClassProfile class_profile(const Assessment& assessment, const std::vector<Profile>& profiles) {
    ClassProfile c;
    c.learners = profiles.size();
    for (const Score& shape : empty_scores(assessment)) {
        ScoreSpread s{shape.id, shape.kind, 0, 0, 0, 0, 0};
        std::vector<double> values;
        for (const Profile& p : profiles)
            if (const Score* score = p.find(shape.id); score && score->rated > 0) values.push_back(score->value);
        s.count = values.size();
        if (!values.empty()) {
            double sum = 0;
            for (const double v : values) sum += v;
            s.mean = sum / static_cast<double>(values.size());
            // Population, not sample: the class is all the learners there are, not a sample of them.
            double squares = 0;
            for (const double v : values) squares += (v - s.mean) * (v - s.mean);
            s.spread = std::sqrt(squares / static_cast<double>(values.size()));
            s.low = *std::min_element(values.begin(), values.end());
            s.high = *std::max_element(values.begin(), values.end());
        }
        c.scores.push_back(std::move(s));
    }
    // The two weakest steps; ties keep the course's order. A step no one rated is not weak.
    std::vector<const ScoreSpread*> steps;
    for (const ScoreSpread& s : c.scores)
        if (s.kind == ScoreKind::step && s.count > 0) steps.push_back(&s);
    std::stable_sort(steps.begin(), steps.end(), [](const ScoreSpread* x, const ScoreSpread* y) { return x->mean < y->mean; });
    for (std::size_t i = 0; i < steps.size() && i < 2; ++i) c.weakest_steps.push_back(steps[i]->id);
    return c;
}

}  // namespace coach
