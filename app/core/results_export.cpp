#include "results_export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "calendar.h"
#include "export_text.h"
#include "quiz.h"
#include "utf8.h"

namespace coach {
namespace {


// What was answered, as the course's ids (see results_export.h). nullopt in `ids` or in a
// pair stands for a position the item does not have.
struct AnswerIds {
    const QuizItem* item = nullptr;  // null: the course no longer has the item
    std::vector<std::optional<std::string>> ids;
    std::vector<std::pair<std::optional<std::string>, std::optional<std::string>>> pairs;  // matching
};

template <class T>
std::optional<std::string> id_at(const std::vector<T>& list, std::uint32_t index) {
    if (index >= list.size()) return std::nullopt;
    return list[index].id;
}

AnswerIds answer_ids(const Quiz* quiz, const ItemAnswer& answer) {
    AnswerIds out;
    out.item = quiz ? quiz->item(answer.item) : nullptr;
    if (!out.item) return out;
    const QuizItem& item = *out.item;
    const QuizResponse& r = answer.response;
    switch (item.kind) {
        case QuizItemKind::single_choice:
        case QuizItemKind::true_false:
        case QuizItemKind::multiple_choice: {
            // In the item's order, each once: the learner's clicking order means nothing here.
            for (const std::uint32_t pick : std::set<std::uint32_t>(r.picks.begin(), r.picks.end())) out.ids.push_back(id_at(item.options, pick));
            break;
        }
        case QuizItemKind::ordering:
            for (const std::uint32_t pick : r.picks) out.ids.push_back(id_at(item.steps, pick));
            break;
        case QuizItemKind::matching: {
            std::vector<MatchPick> matches = r.matches;
            std::stable_sort(matches.begin(), matches.end(), [](const MatchPick& a, const MatchPick& b) { return a.left < b.left; });
            for (const MatchPick& m : matches) out.pairs.emplace_back(id_at(item.pairs, m.left), id_at(item.pairs, m.right));
            break;
        }
        case QuizItemKind::scenario: {
            const ScenarioNode* node = item.scenario.node(item.scenario.start);
            for (const std::uint32_t pick : r.picks) {
                if (!node || pick >= node->replies.size()) {
                    out.ids.push_back(std::nullopt);
                    node = nullptr;  // lost: the rest of the path cannot be followed
                    continue;
                }
                const ScenarioReply& reply = node->replies[pick];
                out.ids.push_back(reply.id);
                node = item.scenario.node(reply.next);  // null at an ending
            }
            break;
        }
    }
    return out;
}

std::string answer_text(const AnswerIds& a) {
    if (!a.item) return {};
    const auto name = [](const std::optional<std::string>& id) { return id ? *id : std::string("?"); };
    std::string out;
    if (a.item->kind == QuizItemKind::matching) {
        for (const auto& [left, right] : a.pairs) {
            if (!out.empty()) out += ';';
            out += name(left) + "=" + name(right);
        }
        return out;
    }
    const bool sequence = a.item->kind == QuizItemKind::ordering || a.item->kind == QuizItemKind::scenario;
    for (const auto& id : a.ids) {
        if (!out.empty()) out += sequence ? '>' : ';';
        out += name(id);
    }
    return out;
}

const char* kind_name(QuizItemKind kind) {
    switch (kind) {
        case QuizItemKind::single_choice: return "single_choice";
        case QuizItemKind::multiple_choice: return "multiple_choice";
        case QuizItemKind::true_false: return "true_false";
        case QuizItemKind::ordering: return "ordering";
        case QuizItemKind::matching: return "matching";
        case QuizItemKind::scenario: return "scenario";
    }
    return "";
}

std::string json_id(const std::optional<std::string>& id) { return id ? json_string(*id) : "null"; }

std::string json_text(const Text& t) { return "{\"zh\":" + json_string(t.zh) + ",\"en\":" + json_string(t.en) + "}"; }

std::string json_answer(const AnswerIds& a) {
    std::string out = "[";
    if (a.item->kind == QuizItemKind::matching) {
        for (const auto& [left, right] : a.pairs) {
            if (out.size() > 1) out += ',';
            out += "{\"left\":" + json_id(left) + ",\"right\":" + json_id(right) + "}";
        }
    } else {
        for (const auto& id : a.ids) {
            if (out.size() > 1) out += ',';
            out += json_id(id);
        }
    }
    return out + "]";
}

}  // namespace

std::string utc_iso8601(std::int64_t ms) {
    const std::int64_t seconds = floor_div(ms, 1000);
    const std::int64_t days = floor_div(seconds, 86400);
    const std::int64_t in_day = seconds - days * 86400;
    const CivilDate date = civil_date(days);
    const auto digits = [](std::int64_t n, std::size_t width) {
        std::string d = std::to_string(n < 0 ? -n : n);
        if (d.size() < width) d.insert(0, width - d.size(), '0');
        return n < 0 ? "-" + d : d;
    };
    return digits(date.year, 4) + "-" + digits(date.month, 2) + "-" + digits(date.day, 2) + "T" + digits(in_day / 3600, 2) + ":" + digits(in_day / 60 % 60, 2) +
           ":" + digits(in_day % 60, 2) + "Z";
}

std::string score_percent(double score) {
    // Tenths of a percent, as an integer: no locale, no binary fraction printed.
    const long long tenths = std::llround(std::clamp(std::isnan(score) ? 0.0 : score, 0.0, 1.0) * 1000);
    std::string out = std::to_string(tenths / 10);
    if (tenths % 10 != 0) out += "." + std::to_string(tenths % 10);
    return out;
}

std::string results_csv(const LearnerDoc& doc, const Course& course, Lang lang) {
    std::string out(kCsvByteOrderMark);
    csv_row(out, {tr(Msg::csv_learner, lang), tr(Msg::csv_quiz, lang), tr(Msg::csv_quiz_title, lang), tr(Msg::csv_finished, lang),
                  tr(Msg::csv_quiz_score, lang), tr(Msg::csv_passed, lang), tr(Msg::csv_item, lang), tr(Msg::csv_prompt, lang),
                  tr(Msg::csv_answer, lang), tr(Msg::csv_item_score, lang), tr(Msg::csv_checks, lang), tr(Msg::csv_solution_shown, lang)});
    const auto yes_no = [&](bool b) { return tr(b ? Msg::csv_yes : Msg::csv_no, lang); };
    for (const AttemptRecord& attempt : doc.attempts) {
        const Quiz* quiz = course.quiz(attempt.quiz);
        const std::string title = quiz ? quiz->title.in(lang) : std::string();
        const std::string at = utc_iso8601(attempt.at), score = score_percent(attempt.score);
        if (attempt.answers.empty()) {
            csv_row(out, {doc.prefs.name, attempt.quiz, title, at, score, yes_no(attempt.passed), "", "", "", "", "", ""});
            continue;
        }
        for (const ItemAnswer& answer : attempt.answers) {
            const AnswerIds ids = answer_ids(quiz, answer);
            const std::string prompt = ids.item ? ids.item->prompt.in(lang) : std::string();
            csv_row(out, {doc.prefs.name, attempt.quiz, title, at, score, yes_no(attempt.passed), answer.item, prompt, answer_text(ids),
                          score_percent(answer.score), std::to_string(answer.checks), yes_no(answer.solution_shown)});
        }
    }
    return out;
}

std::string results_json(const LearnerDoc& doc, const Course& course, std::int64_t now_ms) {
    std::string out = "{\"app\":\"collection-coach\",\"course\":" + json_string(course.id) + ",\"learner\":" + json_string(doc.prefs.name) +
                      ",\"exported_at\":" + json_string(utc_iso8601(now_ms)) + ",\"attempts\":[";
    bool first_attempt = true;
    for (const AttemptRecord& attempt : doc.attempts) {
        const Quiz* quiz = course.quiz(attempt.quiz);
        if (!first_attempt) out += ',';
        first_attempt = false;
        out += "{\"quiz\":" + json_string(attempt.quiz) + ",\"title\":" + (quiz ? json_text(quiz->title) : std::string("null")) +
               ",\"at\":" + json_string(utc_iso8601(attempt.at)) + ",\"score_percent\":" + score_percent(attempt.score) +
               ",\"passed\":" + (attempt.passed ? "true" : "false") + ",\"answers\":[";
        bool first_answer = true;
        for (const ItemAnswer& answer : attempt.answers) {
            const AnswerIds ids = answer_ids(quiz, answer);
            if (!first_answer) out += ',';
            first_answer = false;
            out += "{\"item\":" + json_string(answer.item) + ",\"kind\":" + (ids.item ? json_string(kind_name(ids.item->kind)) : "null") +
                   ",\"answer\":" + (ids.item ? json_answer(ids) : "null") + ",\"score_percent\":" + score_percent(answer.score) +
                   ",\"checks\":" + std::to_string(answer.checks) + ",\"solution_shown\":" + (answer.solution_shown ? "true" : "false") + "}";
        }
        out += "]}";
    }
    out += "]}";
    return out;
}

}  // namespace coach
