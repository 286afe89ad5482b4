#include "quiz.h"

#include <algorithm>
#include <deque>
#include <set>
#include <utility>

namespace coach {
namespace {

// The picks that mean something: in range, each once, in the learner's order.
std::vector<std::uint32_t> usable_picks(const std::vector<std::uint32_t>& picks, std::size_t count) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t p : picks) {
        if (p < count && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
    return out;
}

std::vector<MatchPick> usable_matches(const std::vector<MatchPick>& matches, std::size_t count) {
    std::vector<MatchPick> out;
    for (const MatchPick& m : matches) {
        if (m.left < count && m.right < count && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    }
    return out;
}

double floored(double x) { return std::max(0.0, x); }

double score_single(const QuizItem& item, const QuizResponse& r) {
    const auto picks = usable_picks(r.picks, item.options.size());
    return picks.size() == 1 && item.options[picks[0]].correct ? 1.0 : 0.0;
}

double score_multiple(const QuizItem& item, const QuizResponse& r) {
    std::size_t right_total = 0, wrong_total = 0, right_chosen = 0, wrong_chosen = 0;
    for (const ChoiceOption& o : item.options) (o.correct ? right_total : wrong_total) += 1;
    for (std::uint32_t p : usable_picks(r.picks, item.options.size())) (item.options[p].correct ? right_chosen : wrong_chosen) += 1;
    if (right_chosen + wrong_chosen == 0) return 0.0;
    const double right_share = right_total ? double(right_chosen) / double(right_total) : 1.0;
    const double wrong_share = wrong_total ? double(wrong_chosen) / double(wrong_total) : 0.0;
    return floored(right_share - wrong_share);
}

double score_ordering(const QuizItem& item, const QuizResponse& r) {
    const std::size_t n = item.steps.size();
    const auto order = usable_picks(r.picks, n);
    if (n < 2) return order.size() == n ? 1.0 : 0.0;
    std::vector<std::ptrdiff_t> position(n, -1);
    for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = std::ptrdiff_t(i);
    long long in_order = 0, out_of_order = 0;
    for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = a + 1; b < n; ++b) {
            const bool right = position[a] >= 0 && position[b] >= 0 && position[a] < position[b];
            (right ? in_order : out_of_order) += 1;
        }
    }
    const double pairs = double(n * (n - 1) / 2);
    return floored(double(in_order - out_of_order) / pairs);
}

double score_matching(const QuizItem& item, const QuizResponse& r) {
    const std::size_t n = item.pairs.size();
    if (n == 0) return 0.0;
    long long right = 0, wrong = 0;
    for (const MatchPick& m : usable_matches(r.matches, n)) (m.left == m.right ? right : wrong) += 1;
    return floored(double(right - wrong) / double(n));
}

QuizResponse best_scenario_path(const Scenario& s) {
    // Breadth first, so among the paths to the best ending the first found is the shortest.
    std::deque<std::pair<const ScenarioNode*, std::vector<std::uint32_t>>> queue;
    std::set<std::string> seen;
    if (const ScenarioNode* first = s.node(s.start)) {
        queue.push_back({first, {}});
        seen.insert(first->id);
    }
    std::optional<std::pair<double, std::vector<std::uint32_t>>> best;
    while (!queue.empty()) {
        auto [node, path] = std::move(queue.front());
        queue.pop_front();
        for (std::uint32_t i = 0; i < node->replies.size(); ++i) {
            std::vector<std::uint32_t> next_path = path;
            next_path.push_back(i);
            const std::string& next = node->replies[i].next;
            if (const ScenarioEnding* e = s.ending(next)) {
                if (!best || e->score > best->first) best = {e->score, next_path};
            } else if (const ScenarioNode* n = s.node(next); n && seen.insert(n->id).second) {
                queue.push_back({n, std::move(next_path)});
            }
        }
    }
    return QuizResponse{.picks = best ? best->second : std::vector<std::uint32_t>{}};
}

void check(const QuizItem& item, ItemProgress& p) {
    p.phase = ItemPhase::checked;
    p.checks += 1;
    if (!p.scored) {
        p.score = score_item(item, p.response);
        p.scored = true;
    }
}

struct Update {
    const Quiz& quiz;
    QuizSession& session;

    const QuizItem& item() const { return quiz.items[session.current]; }
    ItemProgress& progress() const { return session.items[session.current]; }

    void operator()(const AnswerItem& e) const {
        ItemProgress& p = progress();
        if (p.phase != ItemPhase::answering) return;
        if (item().kind != QuizItemKind::scenario) {
            p.response = e.response;
            return;
        }
        if (e.response.picks.empty()) return;
        std::vector<std::uint32_t> path = p.response.picks;
        path.push_back(e.response.picks.front());
        const ScenarioPlace place = walk(item().scenario, path);
        if (!place.valid) return;
        p.response.picks = std::move(path);
        if (place.ending) check(item(), p);
    }
    void operator()(const CheckItem&) const {
        ItemProgress& p = progress();
        if (p.phase == ItemPhase::answering && complete(item(), p.response)) check(item(), p);
    }
    void operator()(const RetryItem&) const {
        ItemProgress& p = progress();
        if (p.phase != ItemPhase::checked) return;
        p.phase = ItemPhase::answering;
        p.response = {};
    }
    void operator()(const ShowSolution&) const {
        ItemProgress& p = progress();
        if (p.phase == ItemPhase::solution_shown) return;
        p.phase = ItemPhase::solution_shown;
        if (!p.scored) {
            p.score = 0;
            p.scored = true;
        }
    }
    void operator()(const NextItem&) const {
        if (session.current + 1 < session.items.size()) ++session.current;
    }
    void operator()(const PreviousItem&) const {
        if (session.current > 0) --session.current;
    }
    void operator()(const GoToItem& e) const {
        if (e.index < session.items.size()) session.current = e.index;
    }
    void operator()(const FinishQuiz& e) const {
        AttemptRecord record{.quiz = quiz.id, .at = e.at};
        std::vector<double> scores;
        for (std::size_t i = 0; i < quiz.items.size(); ++i) {
            const ItemProgress& p = session.items[i];
            const double s = p.scored ? p.score : 0.0;
            scores.push_back(s);
            record.answers.push_back(ItemAnswer{
                .item = quiz.items[i].id,
                .response = p.response,
                .score = s,
                .checks = p.checks,
                .solution_shown = p.phase == ItemPhase::solution_shown,
            });
        }
        record.score = quiz_score(scores);
        record.passed = passed(record.score, quiz.pass_mark);
        session.attempt = std::move(record);
    }
};

}  // namespace

const ScenarioNode* Scenario::node(std::string_view id) const {
    for (const ScenarioNode& n : nodes) {
        if (n.id == id) return &n;
    }
    return nullptr;
}

const ScenarioEnding* Scenario::ending(std::string_view id) const {
    for (const ScenarioEnding& e : endings) {
        if (e.id == id) return &e;
    }
    return nullptr;
}

const QuizItem* Quiz::item(std::string_view id) const {
    for (const QuizItem& i : items) {
        if (i.id == id) return &i;
    }
    return nullptr;
}

ScenarioPlace walk(const Scenario& scenario, const std::vector<std::uint32_t>& replies) {
    ScenarioPlace place{.node = scenario.node(scenario.start)};
    if (!place.node) return ScenarioPlace{.valid = false};
    for (std::uint32_t r : replies) {
        if (!place.node || r >= place.node->replies.size()) return ScenarioPlace{.valid = false};
        const std::string& next = place.node->replies[r].next;
        place.node = scenario.node(next);
        place.ending = place.node ? nullptr : scenario.ending(next);
        if (!place.node && !place.ending) return ScenarioPlace{.valid = false};
    }
    return place;
}

double score_item(const QuizItem& item, const QuizResponse& response) {
    switch (item.kind) {
    case QuizItemKind::single_choice:
    case QuizItemKind::true_false: return score_single(item, response);
    case QuizItemKind::multiple_choice: return score_multiple(item, response);
    case QuizItemKind::ordering: return score_ordering(item, response);
    case QuizItemKind::matching: return score_matching(item, response);
    case QuizItemKind::scenario: {
        const ScenarioPlace place = walk(item.scenario, response.picks);
        return place.ending ? std::clamp(place.ending->score, 0.0, 1.0) : 0.0;
    }
    }
    return 0.0;
}

bool complete(const QuizItem& item, const QuizResponse& response) {
    switch (item.kind) {
    case QuizItemKind::single_choice:
    case QuizItemKind::true_false: return usable_picks(response.picks, item.options.size()).size() == 1;
    case QuizItemKind::multiple_choice: return !usable_picks(response.picks, item.options.size()).empty();
    case QuizItemKind::ordering: return usable_picks(response.picks, item.steps.size()).size() == item.steps.size();
    case QuizItemKind::matching: {
        const auto matches = usable_matches(response.matches, item.pairs.size());
        std::vector<int> times(item.pairs.size(), 0);
        for (const MatchPick& m : matches) times[m.left] += 1;
        return std::all_of(times.begin(), times.end(), [](int t) { return t == 1; });
    }
    case QuizItemKind::scenario: return walk(item.scenario, response.picks).ending != nullptr;
    }
    return false;
}

QuizResponse solution(const QuizItem& item) {
    QuizResponse r;
    switch (item.kind) {
    case QuizItemKind::single_choice:
    case QuizItemKind::true_false:
        for (std::uint32_t i = 0; i < item.options.size(); ++i) {
            if (item.options[i].correct) {
                r.picks.push_back(i);
                break;
            }
        }
        break;
    case QuizItemKind::multiple_choice:
        for (std::uint32_t i = 0; i < item.options.size(); ++i) {
            if (item.options[i].correct) r.picks.push_back(i);
        }
        break;
    case QuizItemKind::ordering:
        for (std::uint32_t i = 0; i < item.steps.size(); ++i) r.picks.push_back(i);
        break;
    case QuizItemKind::matching:
        for (std::uint32_t i = 0; i < item.pairs.size(); ++i) r.matches.push_back({i, i});
        break;
    case QuizItemKind::scenario: r = best_scenario_path(item.scenario); break;
    }
    return r;
}

double quiz_score(const std::vector<double>& item_scores) {
    if (item_scores.empty()) return 0.0;
    double sum = 0;
    for (double s : item_scores) sum += s;
    return sum / double(item_scores.size());
}

bool passed(double score, double pass_mark) { return score + 1e-9 >= pass_mark; }

std::vector<LessonLink> pages_to_reread(const Quiz& quiz, const AttemptRecord& attempt) {
    std::vector<LessonLink> links;
    for (const QuizItem& item : quiz.items) {
        const auto answer = std::find_if(attempt.answers.begin(), attempt.answers.end(), [&](const ItemAnswer& a) { return a.item == item.id; });
        if (answer == attempt.answers.end() || answer->score >= 1.0) continue;
        if (item.link.lesson.empty()) continue;
        if (std::find(links.begin(), links.end(), item.link) == links.end()) links.push_back(item.link);
    }
    return links;
}

QuizSession start(const Quiz& quiz) {
    QuizSession s;
    s.quiz = quiz.id;
    s.items.resize(quiz.items.size());
    return s;
}

QuizSession update(const Quiz& quiz, QuizSession session, const QuizEvent& event) {
    // A session of another quiz (or of an older version of this one) is left alone.
    if (session.finished() || session.items.size() != quiz.items.size() || session.current >= quiz.items.size()) return session;
    std::visit(Update{quiz, session}, event);
    return session;
}

}  // namespace coach
