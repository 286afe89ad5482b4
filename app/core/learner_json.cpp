#include "json_config.h"  // first: RapidJSON compiled the same way everywhere
#include "learner_json.h"

#include "cereal/types/vector.hpp"
#include "json_archive.h"
#include "utf8.h"

#include <algorithm>
#include <cmath>

namespace coach {
namespace {

struct FutureVersion {
    std::uint32_t version;
};

// A value the reader refuses beyond its JSON type (an unknown item phase): wrong_shape, named.
struct BadValue {
    const char* field;
};

// Version 1 and 2 quiz attempts, read only to migrate them (see learner_json.h).
struct LegacyQuizAttempt {
    std::string quiz;
    std::int64_t at = 0;
    std::vector<std::uint32_t> answers;
    std::uint32_t score = 0;
};

// Version 1 to 3 self-assessment results, read only to migrate them (see learner_json.h).
struct LegacyAssessment {
    std::int64_t at = 0;
    std::vector<std::uint32_t> answers;
};

// The prefs object with the version of the document around it: `name` came with version 3.
struct VersionedPrefs {
    Preferences& prefs;
    std::uint32_t version;
};

}  // namespace

// Scores are written to a millionth and read back the same way; see learner_json.h.
double stored_score(double score) {
    if (!(score > 0)) return 0;  // also NaN
    if (score >= 1) return 1;
    return std::round(score * 1e6) / 1e6;
}

namespace {

template <class Archive>
void score_nvp(Archive& ar, const char* name, double& score) {
    double value = stored_score(score);
    ar(cereal::make_nvp(name, value));
    score = stored_score(value);
}

const char* phase_name(ItemPhase phase) {
    switch (phase) {
        case ItemPhase::answering: return "answering";
        case ItemPhase::checked: return "checked";
        case ItemPhase::solution_shown: return "solution_shown";
    }
    return "answering";
}

template <class Archive>
void serialize(Archive& ar, VersionedPrefs& v) {
    ar(cereal::make_nvp("lang", v.prefs.lang), cereal::make_nvp("goal", v.prefs.goal));
    if (v.version >= 3) ar(cereal::make_nvp("name", v.prefs.name));
}
template <class Archive>
void serialize(Archive& ar, LegacyQuizAttempt& q) {
    ar(cereal::make_nvp("quiz", q.quiz), cereal::make_nvp("at", q.at), cereal::make_nvp("answers", q.answers), cereal::make_nvp("score", q.score));
}

}  // namespace

template <class Archive>
void serialize(Archive& ar, ReadingPrefs& r) {
    ar(cereal::make_nvp("text_percent", r.text_percent), cereal::make_nvp("theme", r.theme));
}
template <class Archive>
void serialize(Archive& ar, LessonProgress& p) {
    ar(cereal::make_nvp("lesson", p.lesson), cereal::make_nvp("page", p.page), cereal::make_nvp("pages_seen", p.pages_seen),
       cereal::make_nvp("page_count", p.page_count));
}
template <class Archive>
void serialize(Archive& ar, MatchPick& m) {
    ar(cereal::make_nvp("left", m.left), cereal::make_nvp("right", m.right));
}
template <class Archive>
void serialize(Archive& ar, QuizResponse& r) {
    ar(cereal::make_nvp("picks", r.picks), cereal::make_nvp("matches", r.matches));
}
template <class Archive>
void serialize(Archive& ar, ItemAnswer& a) {
    ar(cereal::make_nvp("item", a.item), cereal::make_nvp("response", a.response));
    score_nvp(ar, "score", a.score);
    ar(cereal::make_nvp("checks", a.checks), cereal::make_nvp("solution_shown", a.solution_shown));
}
template <class Archive>
void serialize(Archive& ar, AttemptRecord& a) {
    ar(cereal::make_nvp("quiz", a.quiz), cereal::make_nvp("at", a.at), cereal::make_nvp("answers", a.answers));
    score_nvp(ar, "score", a.score);
    ar(cereal::make_nvp("passed", a.passed));
}
template <class Archive>
void serialize(Archive& ar, ItemProgress& p) {
    std::string phase = phase_name(p.phase);
    ar(cereal::make_nvp("response", p.response), cereal::make_nvp("phase", phase));
    if constexpr (Archive::is_loading::value) {
        if (phase == "answering") p.phase = ItemPhase::answering;
        else if (phase == "checked") p.phase = ItemPhase::checked;
        else if (phase == "solution_shown") p.phase = ItemPhase::solution_shown;
        else throw BadValue{"phase"};
    }
    ar(cereal::make_nvp("scored", p.scored));
    score_nvp(ar, "score", p.score);
    ar(cereal::make_nvp("checks", p.checks));
}
void save(JsonOutputArchive& ar, const QuizSession& s) {
    // The index is written as 32 bits: size_t is 64 bits natively and 32 in WebAssembly.
    const std::uint32_t current = static_cast<std::uint32_t>(s.current);
    ar(cereal::make_nvp("quiz", s.quiz), cereal::make_nvp("current", current), cereal::make_nvp("items", s.items));
    if (s.attempt) ar(cereal::make_nvp("attempt", *s.attempt));
    else ar(cereal::make_nvp("attempt", nullptr));
}
void load(JsonInputArchive& ar, QuizSession& s) {
    std::uint32_t current = 0;
    ar(cereal::make_nvp("quiz", s.quiz), cereal::make_nvp("current", current), cereal::make_nvp("items", s.items));
    // A place beyond the last item (a hand-edited file) is read as the last item.
    s.current = s.items.empty() ? 0 : std::min<std::size_t>(current, s.items.size() - 1);
    // "attempt" is null while the quiz is open. A missing field is refused like any other; a
    // value that is not null must be an attempt record.
    bool open = true;
    try {
        std::nullptr_t none;
        ar(cereal::make_nvp("attempt", none));
    } catch (const JsonWrongType&) {
        open = false;  // the field is there and is not null
    }
    if (!open) {
        AttemptRecord attempt;
        ar(cereal::make_nvp("attempt", attempt));
        s.attempt = std::move(attempt);
    } else {
        s.attempt.reset();
    }
}
template <class Archive>
void serialize(Archive& ar, ReviewCard& c) {
    // A box outside the schedule (a hand-edited file) is read, and written, as the nearest one.
    c.box = std::clamp<std::uint32_t>(c.box, 1, kLearnedBox);
    ar(cereal::make_nvp("key", c.key), cereal::make_nvp("box", c.box), cereal::make_nvp("due_ms", c.due_ms));
    c.box = std::clamp<std::uint32_t>(c.box, 1, kLearnedBox);
}
template <class Archive>
void serialize(Archive& ar, ReviewState& s) {
    ar(cereal::make_nvp("cards", s.cards));
}
template <class Archive>
void serialize(Archive& ar, Rating& r) {
    ar(cereal::make_nvp("statement", r.statement), cereal::make_nvp("value", r.value));
}
template <class Archive>
void serialize(Archive& ar, AssessmentResult& a) {
    ar(cereal::make_nvp("assessment", a.assessment), cereal::make_nvp("at", a.at), cereal::make_nvp("ratings", a.ratings));
}
namespace {
template <class Archive>
void serialize(Archive& ar, LegacyAssessment& a) {
    ar(cereal::make_nvp("at", a.at), cereal::make_nvp("answers", a.answers));
}
}  // namespace
template <class Archive>
void serialize(Archive& ar, EarlyAccount& a) {
    ar(cereal::make_nvp("id", a.id), cereal::make_nvp("name", a.name), cereal::make_nvp("receivable_cents", a.receivable_cents),
       cereal::make_nvp("ageing_days", a.ageing_days), cereal::make_nvp("notes", a.notes));
}
namespace {
// Versions 1 to 4: {"plan": {"accounts": [...]}}, read only to keep its accounts (learner_json.h).
struct EarlyPlan {
    std::vector<EarlyAccount>& accounts;
};
template <class Archive>
void serialize(Archive& ar, EarlyPlan& p) {
    ar(cereal::make_nvp("accounts", p.accounts));
}
}  // namespace

namespace {

// Version 1 and 2 "quiz_attempts": see the version history in learner_json.h.
AttemptRecord migrate_attempt(const LegacyQuizAttempt& old) {
    AttemptRecord a;
    a.quiz = old.quiz;
    a.at = old.at;
    a.score = old.answers.empty() ? 0 : stored_score(double(old.score) / double(old.answers.size()));
    a.passed = false;
    return a;
}

// Results before version 4 rated by position and named no assessment: each answer becomes a
// rating without a statement id, in its place (a 0 stays, holding the place of a statement
// not rated), which rating_of() (assessment.h) reads by position.
AssessmentResult migrate_assessment(const LegacyAssessment& old) {
    AssessmentResult a;
    a.at = old.at;
    for (std::uint32_t value : old.answers) a.ratings.push_back(Rating{{}, value});
    return a;
}

}  // namespace

template <class Archive>
void serialize(Archive& ar, LearnerDoc& d, const std::uint32_t version) {
    if (version > kLearnerDocVersion) throw FutureVersion{version};
    VersionedPrefs prefs{d.prefs, version};
    ar(cereal::make_nvp("prefs", prefs), cereal::make_nvp("lessons", d.lessons));
    if (version >= 3) {
        ar(cereal::make_nvp("attempts", d.attempts), cereal::make_nvp("open_quizzes", d.open_quizzes),
           cereal::make_nvp("review", d.review), cereal::make_nvp("quote_review", d.quote_review));
    } else if constexpr (Archive::is_loading::value) {
        std::vector<LegacyQuizAttempt> old;
        ar(cereal::make_nvp("quiz_attempts", old));
        d.attempts.clear();
        for (const LegacyQuizAttempt& q : old) d.attempts.push_back(migrate_attempt(q));
    }
    if (version >= 4) {
        ar(cereal::make_nvp("assessments", d.assessments));
    } else if constexpr (Archive::is_loading::value) {
        std::vector<LegacyAssessment> old;
        ar(cereal::make_nvp("assessments", old));
        d.assessments.clear();
        for (const LegacyAssessment& a : old) d.assessments.push_back(migrate_assessment(a));
    }
    if (version >= 5) {
        ar(cereal::make_nvp("early_plan", d.early_plan));
    } else if constexpr (Archive::is_loading::value) {
        EarlyPlan early{d.early_plan};
        ar(cereal::make_nvp("plan", early));
    }
    if (version >= 2) ar(cereal::make_nvp("reading", d.reading));
    if (version >= 4) ar(cereal::make_nvp("open_assessment", d.open_assessment));
}

namespace {

// Every text field of the document, for write_document: a field added above belongs here too.
LearnerDoc with_valid_text(LearnerDoc d) {
    const auto fix = [](std::string& s) { s = valid_text(s); };
    const auto fix_attempt = [&](AttemptRecord& a) {
        fix(a.quiz);
        for (ItemAnswer& answer : a.answers) fix(answer.item);
    };
    fix(d.prefs.lang);
    fix(d.prefs.goal);
    fix(d.prefs.name);
    fix(d.reading.theme);
    for (LessonProgress& p : d.lessons) fix(p.lesson);
    for (AttemptRecord& a : d.attempts) fix_attempt(a);
    for (QuizSession& s : d.open_quizzes) {
        fix(s.quiz);
        if (s.attempt) fix_attempt(*s.attempt);
    }
    for (ReviewCard& c : d.review.cards) fix(c.key);
    for (ReviewCard& c : d.quote_review.cards) fix(c.key);
    const auto fix_result = [&](AssessmentResult& a) {
        fix(a.assessment);
        for (Rating& r : a.ratings) fix(r.statement);
    };
    for (AssessmentResult& a : d.assessments) fix_result(a);
    fix_result(d.open_assessment);
    for (EarlyAccount& a : d.early_plan) {
        fix(a.id);
        fix(a.name);
        fix(a.notes);
    }
    return d;
}

}  // namespace

}  // namespace coach

CEREAL_CLASS_VERSION(coach::LearnerDoc, coach::kLearnerDocVersion)

namespace coach {

std::string write_document(const StoredDocument& stored, bool pretty) {
    // Storage: no indent, which still puts each member on a line of its own (json_archive.h).
    JsonOutputArchive ar(pretty ? 2 : 0);
    std::string app = kAppId, course = kCourseId;
    LearnerDoc doc = with_valid_text(stored.doc);  // not const: saving clamps values in place (serialize)
    std::uint64_t generation = stored.generation;
    ar(cereal::make_nvp("app", app), cereal::make_nvp("course", course), cereal::make_nvp("generation", generation),
       cereal::make_nvp("document", doc));
    return ar.text();
}

namespace {

ReadResult failure(ReadFailure f, std::string detail = {}) {
    ReadResult r;
    r.error.failure = f;
    r.error.detail = std::move(detail);
    return r;
}

}  // namespace

ReadResult read_document(std::string_view text, const JsonLimits& limits) {
    ReadResult result;
    const JsonCheck check = check_json(text, limits);
    if (!check.ok()) {
        result.error.json = check;
        switch (check.problem) {
            case JsonProblem::too_large: result.error.failure = ReadFailure::too_large; break;
            case JsonProblem::too_deep: result.error.failure = ReadFailure::too_deep; break;
            case JsonProblem::too_many_entries: result.error.failure = ReadFailure::too_many_entries; break;
            case JsonProblem::not_unicode: result.error.failure = ReadFailure::not_unicode; break;
            default: result.error.failure = ReadFailure::not_json; break;
        }
        return result;
    }
    try {
        JsonInputArchive ar(text);
        std::string app, course;
        try {
            ar(cereal::make_nvp("app", app));
        } catch (const JsonReadError&) {
            return failure(ReadFailure::not_coach);
        }
        if (app != kAppId) return failure(ReadFailure::not_coach, app);
        ar(cereal::make_nvp("course", course));
        if (course != kCourseId) return failure(ReadFailure::other_course, course);
        StoredDocument stored;
        ar(cereal::make_nvp("generation", stored.generation), cereal::make_nvp("document", stored.doc));
        result.stored = std::move(stored);
    } catch (const FutureVersion& f) {
        result = failure(ReadFailure::future_version);
        result.error.version = f.version;
    } catch (const BadValue& b) {
        result = failure(ReadFailure::wrong_shape, b.field);
    } catch (const JsonMissingField& e) {
        result = failure(ReadFailure::wrong_shape, e.field);
    } catch (const std::exception&) {
        result = failure(ReadFailure::wrong_shape);
    }
    return result;
}

LearnerDoc migrate_loose_keys(std::string_view lang, std::string_view goal) {
    LearnerDoc doc;
    if (parse_lang(lang)) doc.prefs.lang = std::string(lang_code(*parse_lang(lang)));
    doc.prefs.goal = std::string(goal);
    return doc;
}

std::string describe(const ReadError& error, Lang lang) {
    switch (error.failure) {
        case ReadFailure::none: return {};
        case ReadFailure::too_large:
        case ReadFailure::too_deep:
        case ReadFailure::too_many_entries:
        case ReadFailure::not_unicode:
        case ReadFailure::not_json: return describe(error.json, lang);
        case ReadFailure::not_coach: return std::string(tr(Msg::read_not_coach, lang));
        case ReadFailure::other_course: return format(tr(Msg::read_other_course, lang), {error.detail});
        case ReadFailure::future_version:
            return format(tr(Msg::read_future_version, lang), {std::to_string(error.version), std::to_string(kLearnerDocVersion)});
        case ReadFailure::wrong_shape:
            return error.detail.empty() ? std::string(tr(Msg::read_wrong_shape, lang)) : format(tr(Msg::read_wrong_shape_field, lang), {error.detail});
    }
    return {};
}

}  // namespace coach
