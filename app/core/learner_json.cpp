#include "json_config.h"  // first: RapidJSON compiled the same way everywhere
#include "learner_json.h"

#include "cereal/types/string.hpp"
#include "cereal/types/vector.hpp"
#include "utf8.h"

#include <sstream>

namespace coach {
namespace {

struct FutureVersion {
    std::uint32_t version;
};

}  // namespace

template <class Archive>
void serialize(Archive& ar, Preferences& p) {
    ar(cereal::make_nvp("lang", p.lang), cereal::make_nvp("goal", p.goal));
}
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
void serialize(Archive& ar, QuizAttempt& q) {
    ar(cereal::make_nvp("quiz", q.quiz), cereal::make_nvp("at", q.at), cereal::make_nvp("answers", q.answers), cereal::make_nvp("score", q.score));
}
template <class Archive>
void serialize(Archive& ar, AssessmentResult& a) {
    ar(cereal::make_nvp("at", a.at), cereal::make_nvp("answers", a.answers));
}
template <class Archive>
void serialize(Archive& ar, Account& a) {
    ar(cereal::make_nvp("id", a.id), cereal::make_nvp("name", a.name), cereal::make_nvp("receivable_cents", a.receivable_cents),
       cereal::make_nvp("ageing_days", a.ageing_days), cereal::make_nvp("notes", a.notes));
}
template <class Archive>
void serialize(Archive& ar, CollectionPlan& p) {
    ar(cereal::make_nvp("accounts", p.accounts));
}
template <class Archive>
void serialize(Archive& ar, LearnerDoc& d, const std::uint32_t version) {
    if (version > kLearnerDocVersion) throw FutureVersion{version};
    // Version 1 is the first document; version 2 added the reading preferences (a version 1
    // document reads with the defaults: 100 %, colours as the system).
    ar(cereal::make_nvp("prefs", d.prefs), cereal::make_nvp("lessons", d.lessons), cereal::make_nvp("quiz_attempts", d.quiz_attempts),
       cereal::make_nvp("assessments", d.assessments), cereal::make_nvp("plan", d.plan));
    if (version >= 2) ar(cereal::make_nvp("reading", d.reading));
}

namespace {

// Every text field of the document, for write_document: a field added above belongs here too.
LearnerDoc with_valid_text(LearnerDoc d) {
    const auto fix = [](std::string& s) { s = valid_text(s); };
    fix(d.prefs.lang);
    fix(d.prefs.goal);
    fix(d.reading.theme);
    for (LessonProgress& p : d.lessons) fix(p.lesson);
    for (QuizAttempt& q : d.quiz_attempts) fix(q.quiz);
    for (Account& a : d.plan.accounts) {
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
    std::ostringstream out;
    {
        const auto options = pretty ? cereal::JSONOutputArchive::Options(324, cereal::JSONOutputArchive::Options::IndentChar::space, 2)
                                    : cereal::JSONOutputArchive::Options::NoIndent();
        cereal::JSONOutputArchive ar(out, options);
        std::string app = kAppId, course = kCourseId;
        LearnerDoc doc = with_valid_text(stored.doc);
        std::uint64_t generation = stored.generation;
        ar(cereal::make_nvp("app", app), cereal::make_nvp("course", course), cereal::make_nvp("generation", generation),
           cereal::make_nvp("document", doc));
    }
    return out.str();
}

namespace {

// The name cereal reports for a missing field: "... provided NVP (prefs) not found".
std::string missing_field(const std::string& what) {
    const auto open = what.find("NVP (");
    if (open == std::string::npos) return {};
    const auto close = what.find(')', open);
    return close == std::string::npos ? std::string{} : what.substr(open + 5, close - open - 5);
}

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
        std::istringstream in{std::string(text)};
        cereal::JSONInputArchive ar(in);
        std::string app, course;
        try {
            ar(cereal::make_nvp("app", app));
        } catch (const cereal::Exception&) {
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
    } catch (const cereal::Exception& e) {
        result = failure(ReadFailure::wrong_shape, missing_field(e.what()));
    } catch (const std::exception& e) {
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
