#include "json_config.h"  // first: RapidJSON compiled the same way everywhere
#include "json_guard.h"

#include <vector>

#include "rapidjson/error/error.h"
#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"

namespace coach {
namespace {

// Counts depth and entries; returning false stops the reader at once.
struct GuardHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, GuardHandler> {
    const JsonLimits& limits;
    std::vector<std::size_t> entries;  // per open container
    JsonProblem problem = JsonProblem::none;
    std::size_t measured = 0;

    explicit GuardHandler(const JsonLimits& l) : limits(l) {}

    bool value() {
        if (entries.empty()) return true;
        if (++entries.back() > limits.max_entries) {
            problem = JsonProblem::too_many_entries;
            measured = entries.back();
            return false;
        }
        return true;
    }
    bool open() {
        if (!value()) return false;
        entries.push_back(0);
        if (entries.size() > limits.max_depth) {
            problem = JsonProblem::too_deep;
            measured = entries.size();
            return false;
        }
        return true;
    }
    bool close() {
        entries.pop_back();
        return true;
    }
    bool Default() { return value(); }
    bool StartObject() { return open(); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(); }
    bool EndArray(rapidjson::SizeType) { return close(); }
    bool Key(const char*, rapidjson::SizeType, bool) { return true; }  // a member is counted by its value
};

JsonSyntax syntax_of(rapidjson::ParseErrorCode code) {
    using namespace rapidjson;
    switch (code) {
        case kParseErrorDocumentEmpty: return JsonSyntax::empty;
        case kParseErrorDocumentRootNotSingular: return JsonSyntax::trailing_text;
        case kParseErrorObjectMissCommaOrCurlyBracket:
        case kParseErrorArrayMissCommaOrSquareBracket:
        case kParseErrorObjectMissColon:
        case kParseErrorObjectMissName: return JsonSyntax::missing_separator;
        case kParseErrorStringMissQuotationMark:
        case kParseErrorStringEscapeInvalid:
        case kParseErrorStringUnicodeEscapeInvalidHex:
        case kParseErrorStringUnicodeSurrogateInvalid:
        case kParseErrorStringInvalidEncoding: return JsonSyntax::bad_string;
        default: return JsonSyntax::bad_value;
    }
}

}  // namespace

std::string describe(const JsonCheck& j, Lang lang, const JsonLimits& limits) {
    const auto n = [](std::size_t v) { return std::to_string(v); };
    switch (j.problem) {
        case JsonProblem::none: return {};
        case JsonProblem::too_large: return format(tr(Msg::read_too_large, lang), {n(j.measured / 1024), n(limits.max_bytes / 1024)});
        case JsonProblem::too_deep: return format(tr(Msg::read_too_deep, lang), {n(limits.max_depth), n(j.line), n(j.column)});
        case JsonProblem::too_many_entries: return format(tr(Msg::read_too_many, lang), {n(limits.max_entries), n(j.line), n(j.column)});
        case JsonProblem::syntax: break;
    }
    Msg why = Msg::json_bad_value;
    switch (j.syntax) {
        case JsonSyntax::empty: return std::string(tr(Msg::json_empty, lang));
        case JsonSyntax::truncated: why = Msg::json_truncated; break;
        case JsonSyntax::bad_string: why = Msg::json_bad_string; break;
        case JsonSyntax::missing_separator: why = Msg::json_missing_separator; break;
        case JsonSyntax::trailing_text: why = Msg::json_trailing_text; break;
        default: break;
    }
    return format(tr(Msg::read_not_json, lang), {n(j.line), n(j.column), tr(why, lang)});
}

void line_and_column(std::string_view text, std::size_t offset, std::size_t& line, std::size_t& column) {
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') { ++line; column = 1; }
        else if ((c & 0xC0) != 0x80) ++column;  // count code points, not bytes
    }
}

JsonCheck check_json(std::string_view text, const JsonLimits& limits) {
    JsonCheck check;
    if (text.size() > limits.max_bytes) {
        check.problem = JsonProblem::too_large;
        check.measured = text.size();
        return check;
    }
    GuardHandler handler(limits);
    rapidjson::Reader reader;
    rapidjson::MemoryStream stream(text.data(), text.size());
    constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
    const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
    if (!result) {
        line_and_column(text, result.Offset(), check.line, check.column);
        if (handler.problem != JsonProblem::none) {
            check.problem = handler.problem;
            check.measured = handler.measured;
        } else {
            check.problem = JsonProblem::syntax;
            const bool at_end = result.Offset() >= text.size();
            check.syntax = at_end && result.Code() != rapidjson::kParseErrorDocumentEmpty ? JsonSyntax::truncated : syntax_of(result.Code());
        }
    }
    return check;
}

}  // namespace coach
