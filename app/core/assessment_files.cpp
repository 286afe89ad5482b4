// assessment_files: the self-assessment's files. A learner exports their results (JSON, for
// the instructor's class view; CSV, for a spreadsheet); an instructor loads the JSON files of
// a class, one per learner, and may download the class as CSV. The formats are stated in
// assessment.h; text is written by export_text.h's rules (RFC 4180, formula guard, JSON
// escapes), times and percents by results_export.h's.
//
// Reading is strict about the shape and lenient about the content: a file must say it is our
// format and version, name this assessment, and hold well-formed results, or it is refused
// with one reason in the learner's words; but a rating of a statement this assessment does
// not have (one since removed from content/) is skipped, and the file keeps the ratings it
// knows. Ratings are read from "ratings" alone: the "scores" written beside them are for
// people and other programs, and are computed afresh from the ratings.
// Limits: one file is one learner; nothing here can tell two files of the same learner apart.
#include <algorithm>
#include <charconv>
#include <set>
#include <string>

#include "assessment.h"
#include "export_text.h"
#include "json_tree.h"
#include "results_export.h"

namespace coach {

namespace {

using Type = JsonValue::Type;

// A result file nests four levels ({results:[{ratings:{}}]}) and holds one entry per result
// and per statement rated.
constexpr JsonLimits kResultFileLimits{.max_bytes = kResultFileMaxBytes, .max_depth = 8, .max_entries = 10000};

// Results of this assessment: those that name it, and those from before results named one.
bool ours(const Assessment& a, const AssessmentResult& r) { return r.assessment.empty() || r.assessment == a.id; }

std::vector<std::string> score_headers(const Assessment& a, const std::vector<Score>& scores, Lang lang) {
    std::vector<std::string> out;
    for (const Score& s : scores) out.push_back(format(tr(Msg::assessment_csv_score, lang), {score_label(a, s, lang)}));
    return out;
}

// A JSON number that is a whole number, read exactly (at_ms needs all 64 bits).
std::optional<std::int64_t> whole_number(const JsonValue& v) {
    if (v.type != Type::number) return std::nullopt;
    std::int64_t n = 0;
    const char* end = v.text.data() + v.text.size();
    const auto [at, ec] = std::from_chars(v.text.data(), end, n);
    if (ec != std::errc() || at != end) return std::nullopt;
    return n;
}

ResultFileRead refused(ResultFileRead read, ResultFileProblem problem, std::string detail) {
    read.problem = problem;
    read.detail = std::move(detail);
    read.file.reset();
    return read;
}

}  // namespace

std::string assessment_results_json(const Assessment& assessment, const std::vector<AssessmentResult>& results, std::string_view learner,
                                    std::int64_t now_ms) {
    std::string out = "{\"format\":" + json_string(kResultFileFormat) + ",\"version\":" + std::to_string(kResultFileVersion) +
                      ",\"course\":" + json_string(kCourseId) + ",\"assessment\":" + json_string(assessment.id) +
                      ",\"learner\":" + json_string(learner) + ",\"exported_at\":" + json_string(utc_iso8601(now_ms)) + ",\"results\":[";
    bool first_result = true;
    for (const AssessmentResult& result : results) {
        if (!ours(assessment, result)) continue;
        out += first_result ? "" : ",";
        first_result = false;
        // Ratings by statement id, in the assessment's order (results by position are named here).
        out += "{\"at\":" + json_string(utc_iso8601(result.at)) + ",\"at_ms\":" + std::to_string(result.at) + ",\"ratings\":{";
        bool first = true;
        for (std::size_t i = 0; i < assessment.statements.size(); ++i) {
            const std::uint32_t rating = rating_of(result, assessment, i);
            if (!statement_score(assessment.statements[i], rating)) continue;
            out += (first ? "" : ",") + json_string(assessment.statements[i].id) + ":" + std::to_string(rating);
            first = false;
        }
        out += "},\"scores\":{";
        first = true;
        for (const Score& s : profile(assessment, result).scores) {
            out += (first ? "" : ",") + json_string(s.id) + ":" + (s.rated > 0 ? score_percent(s.value) : std::string("null"));
            first = false;
        }
        out += "}}";
    }
    out += "]}";
    return out;
}

std::string assessment_results_csv(const Assessment& assessment, const std::vector<AssessmentResult>& results, std::string_view learner, Lang lang) {
    std::string out(kCsvByteOrderMark);
    const std::vector<Score> shape = profile(assessment, {}).scores;
    std::vector<std::string> header{std::string(tr(Msg::csv_learner, lang)), std::string(tr(Msg::assessment_csv_taken, lang))};
    for (std::string& h : score_headers(assessment, shape, lang)) header.push_back(std::move(h));
    for (const Statement& s : assessment.statements) header.push_back(s.id);
    csv_row(out, header);
    for (const AssessmentResult& result : results) {
        if (!ours(assessment, result)) continue;
        std::vector<std::string> row{std::string(learner), utc_iso8601(result.at)};
        for (const Score& s : profile(assessment, result).scores) row.push_back(s.rated > 0 ? score_percent(s.value) : std::string());
        for (std::size_t i = 0; i < assessment.statements.size(); ++i) {
            const std::uint32_t rating = rating_of(result, assessment, i);
            row.push_back(statement_score(assessment.statements[i], rating) ? std::to_string(rating) : std::string());
        }
        csv_row(out, row);
    }
    return out;
}

ResultFileRead read_result_file(std::string_view text, std::string_view file_name, const Assessment& assessment) {
    ResultFileRead read;
    read.name = std::string(file_name);
    // A file saved again by a Windows editor may have gained a byte order mark.
    if (text.substr(0, kCsvByteOrderMark.size()) == kCsvByteOrderMark) text.remove_prefix(kCsvByteOrderMark.size());

    const JsonTree tree = parse_json_tree(text, kResultFileLimits);
    if (!tree.root) {
        read.json = tree.check;
        if (tree.check.problem == JsonProblem::too_large) return refused(read, ResultFileProblem::too_large, std::to_string(tree.check.measured));
        return refused(read, ResultFileProblem::not_json, describe(tree.check, Lang::en, kResultFileLimits));
    }
    const JsonValue& root = *tree.root;
    if (root.type != Type::object) return refused(read, ResultFileProblem::not_results, {});
    const JsonValue* format = root.find("format");
    if (format == nullptr || format->type != Type::string || format->text != kResultFileFormat)
        return refused(read, ResultFileProblem::not_results, format && format->type == Type::string ? format->text : std::string());

    const JsonValue* version_field = root.find("version");
    const std::optional<std::int64_t> version = version_field ? whole_number(*version_field) : std::nullopt;
    if (!version || *version < 1) return refused(read, ResultFileProblem::wrong_shape, "version");
    if (*version > kResultFileVersion) return refused(read, ResultFileProblem::future_version, version_field->text);

    const JsonValue* id = root.find("assessment");
    if (id == nullptr || id->type != Type::string) return refused(read, ResultFileProblem::wrong_shape, "assessment");
    if (id->text != assessment.id) return refused(read, ResultFileProblem::other_assessment, id->text);

    ResultFile file;
    file.name = read.name;
    if (const JsonValue* learner = root.find("learner")) {
        if (learner->type != Type::string) return refused(read, ResultFileProblem::wrong_shape, "learner");
        file.learner = learner->text;
    }
    const JsonValue* results = root.find("results");
    if (results == nullptr || results->type != Type::array) return refused(read, ResultFileProblem::wrong_shape, "results");
    if (results->items.empty()) return refused(read, ResultFileProblem::no_results, {});

    for (std::size_t i = 0; i < results->items.size(); ++i) {
        const JsonValue& rv = results->items[i];
        const std::string path = "results[" + std::to_string(i) + "]";
        if (rv.type != Type::object) return refused(read, ResultFileProblem::wrong_shape, path);
        AssessmentResult result;
        result.assessment = assessment.id;
        const JsonValue* at = rv.find("at_ms");
        const std::optional<std::int64_t> at_ms = at ? whole_number(*at) : std::nullopt;
        if (!at_ms) return refused(read, ResultFileProblem::wrong_shape, path + ".at_ms");
        result.at = *at_ms;
        const JsonValue* ratings = rv.find("ratings");
        if (ratings == nullptr || ratings->type != Type::object) return refused(read, ResultFileProblem::wrong_shape, path + ".ratings");
        std::set<std::string> seen;
        for (const JsonMember& m : ratings->members) {
            const std::string field = path + ".ratings." + m.name;
            const std::optional<std::int64_t> value = whole_number(m.value);
            if (!value || *value < 0 || *value > 5 || !seen.insert(m.name).second) return refused(read, ResultFileProblem::wrong_shape, field);
            // A statement no longer asked, or a rating taken back (0): nothing to keep.
            if (assessment.statement(m.name) == nullptr || *value == 0) continue;
            result.ratings.push_back({m.name, static_cast<std::uint32_t>(*value)});
        }
        file.results.push_back(std::move(result));
    }
    std::stable_sort(file.results.begin(), file.results.end(), [](const AssessmentResult& x, const AssessmentResult& y) { return x.at < y.at; });
    read.file = std::move(file);
    return read;
}

std::string describe(const ResultFileRead& read, Lang lang) {
    const std::string& name = read.name;
    switch (read.problem) {
        case ResultFileProblem::none: return {};
        case ResultFileProblem::not_json: return format(tr(Msg::result_file_not_json, lang), {name, describe(read.json, lang, kResultFileLimits)});
        case ResultFileProblem::too_large: {
            // Rounded up, so a file just over the limit does not read as exactly at it.
            const std::size_t kb = (read.json.measured + 1023) / 1024;
            return format(tr(Msg::result_file_too_large, lang), {name, std::to_string(kb), std::to_string(kResultFileMaxBytes / 1024)});
        }
        case ResultFileProblem::not_results: return format(tr(Msg::result_file_not_results, lang), {name});
        case ResultFileProblem::other_assessment: return format(tr(Msg::result_file_other_assessment, lang), {name, read.detail});
        case ResultFileProblem::future_version:
            return format(tr(Msg::result_file_future_version, lang), {name, read.detail, std::to_string(kResultFileVersion)});
        case ResultFileProblem::no_results: return format(tr(Msg::result_file_no_results, lang), {name});
        case ResultFileProblem::wrong_shape: return format(tr(Msg::result_file_wrong_shape, lang), {name, read.detail});
    }
    return {};
}

std::string class_csv(const Assessment& assessment, const std::vector<ResultFile>& files, Lang lang) {
    std::string out(kCsvByteOrderMark);
    const std::vector<Score> shape = profile(assessment, {}).scores;
    std::vector<std::string> header{std::string(tr(Msg::csv_learner, lang)), std::string(tr(Msg::assessment_csv_taken, lang))};
    for (std::string& h : score_headers(assessment, shape, lang)) header.push_back(std::move(h));
    csv_row(out, header);

    std::vector<Profile> profiles;
    for (const ResultFile& file : files) {
        if (file.results.empty()) continue;
        // The latest result; of two taken at the same moment, the later in the file.
        const AssessmentResult* latest = &file.results.front();
        for (const AssessmentResult& r : file.results)
            if (r.at >= latest->at) latest = &r;
        profiles.push_back(profile(assessment, *latest));
        std::vector<std::string> row{file.learner.empty() ? file.name : file.learner, utc_iso8601(latest->at)};
        for (const Score& s : profiles.back().scores) row.push_back(s.rated > 0 ? score_percent(s.value) : std::string());
        csv_row(out, row);
    }

    const ClassProfile c = class_profile(assessment, profiles);
    const auto summary = [&](Msg label, double ScoreSpread::*figure) {
        std::vector<std::string> row{std::string(tr(label, lang)), std::string()};
        for (const ScoreSpread& s : c.scores) row.push_back(s.count > 0 ? score_percent(s.*figure) : std::string());
        csv_row(out, row);
    };
    summary(Msg::class_csv_mean, &ScoreSpread::mean);
    summary(Msg::class_csv_spread, &ScoreSpread::spread);
    summary(Msg::class_csv_low, &ScoreSpread::low);
    summary(Msg::class_csv_high, &ScoreSpread::high);
    return out;
}

}  // namespace coach
