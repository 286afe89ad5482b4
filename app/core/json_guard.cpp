#include "json_config.h"  // first: RapidJSON compiled the same way everywhere
#include "json_guard.h"

#include <algorithm>
#include <vector>

#include "rapidjson/error/error.h"
#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"
#include "utf8.h"

namespace coach {
namespace {

// Counts depth and entries and checks every string and key; returning false stops the reader
// at once.
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
    bool text(const char* s, rapidjson::SizeType length) {
        if (is_valid_text({s, length})) return true;
        problem = JsonProblem::not_unicode;
        return false;
    }
    bool Default() { return value(); }
    bool String(const char* s, rapidjson::SizeType length, bool) { return text(s, length) && value(); }
    bool StartObject() { return open(); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(); }
    bool EndArray(rapidjson::SizeType) { return close(); }
    bool Key(const char* s, rapidjson::SizeType length, bool) { return text(s, length); }  // a member is counted by its value
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
        case kParseErrorStringUnicodeEscapeInvalidHex: return JsonSyntax::bad_string;
        default: return JsonSyntax::bad_value;
    }
}

// Errors the reader finds itself that break the text rule: raw bytes that are not UTF-8, and a
// high surrogate escape without its low half.
bool not_unicode(rapidjson::ParseErrorCode code) {
    return code == rapidjson::kParseErrorStringInvalidEncoding || code == rapidjson::kParseErrorStringUnicodeSurrogateInvalid;
}

// A multi-byte sequence the end of the text cuts short: the document was cut off, not
// written in another encoding.
bool cut_short(std::string_view text, std::size_t at) {
    if (at >= text.size()) return false;
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || at + length <= text.size()) return false;
    for (std::size_t i = at + 1; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return false;
    return true;
}

unsigned hex4(std::string_view digits) {
    unsigned value = 0;
    for (char c : digits) {
        const unsigned d = c <= '9' ? unsigned(c - '0') : unsigned((c | 0x20) - 'a' + 10);
        value = value * 16 + (d & 0xF);
    }
    return value;
}

// The handler refused a string or key whose raw bytes the reader had already checked, so an
// escape made it invalid: a lone low surrogate (\uDC00..\uDFFF) or \u0000. The reader stopped
// just after the closing quote (`end`); this finds that escape, or else the opening quote.
std::size_t refused_escape(std::string_view text, std::size_t end) {
    end = std::min(end, text.size());
    std::size_t open = 0;
    for (std::size_t i = end >= 2 ? end - 2 : 0; i > 0; --i) {
        if (text[i] != '"') continue;
        std::size_t slashes = 0;
        while (slashes < i && text[i - 1 - slashes] == '\\') ++slashes;
        if (slashes % 2 == 0) {
            open = i;
            break;
        }
    }
    for (std::size_t i = open + 1; i + 6 <= end;) {
        if (text[i] != '\\') { ++i; continue; }
        if (text[i + 1] != 'u') { i += 2; continue; }
        const unsigned unit = hex4(text.substr(i + 2, 4));
        if (unit == 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) return i;
        i += unit >= 0xD800 && unit <= 0xDBFF ? 12 : 6;  // a high half comes with its low half
    }
    return open;
}

}  // namespace

std::string describe(const JsonCheck& j, Lang lang, const JsonLimits& limits) {
    const auto n = [](std::size_t v) { return std::to_string(v); };
    switch (j.problem) {
        case JsonProblem::none: return {};
        case JsonProblem::too_large: return format(tr(Msg::read_too_large, lang), {n(j.measured / 1024), n(limits.max_bytes / 1024)});
        case JsonProblem::too_deep: return format(tr(Msg::read_too_deep, lang), {n(limits.max_depth), n(j.line), n(j.column)});
        case JsonProblem::too_many_entries: return format(tr(Msg::read_too_many, lang), {n(limits.max_entries), n(j.line), n(j.column)});
        case JsonProblem::not_unicode: return format(tr(Msg::read_not_unicode, lang), {n(j.line), n(j.column)});
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

LineIndex index_lines(std::string_view text) {
    LineIndex index;
    index.starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') index.starts.push_back(i + 1);
    return index;
}

std::size_t line_at(const LineIndex& index, std::size_t offset) {
    // The last line starting at or before offset (an offset past the end is on the last line).
    return static_cast<std::size_t>(std::upper_bound(index.starts.begin(), index.starts.end(), offset) - index.starts.begin());
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
        const rapidjson::ParseErrorCode code = result.Code();
        const bool refused_text = handler.problem == JsonProblem::not_unicode;
        line_and_column(text, refused_text ? refused_escape(text, result.Offset()) : result.Offset(), check.line, check.column);
        const bool cut_off = (result.Offset() >= text.size() && code != rapidjson::kParseErrorDocumentEmpty) ||
                             (code == rapidjson::kParseErrorStringInvalidEncoding && cut_short(text, result.Offset()));
        if (handler.problem != JsonProblem::none) {
            check.problem = handler.problem;
            check.measured = handler.measured;
        } else if (not_unicode(code) && !cut_off) {
            check.problem = JsonProblem::not_unicode;
        } else {
            check.problem = JsonProblem::syntax;
            check.syntax = cut_off ? JsonSyntax::truncated : syntax_of(code);
        }
    } else if (stream.Tell() < text.size()) {
        // The reader takes a NUL byte for the end of the text, and so would cereal: whatever
        // follows it would be ignored, not read.
        check.problem = JsonProblem::syntax;
        check.syntax = JsonSyntax::trailing_text;
        line_and_column(text, stream.Tell(), check.line, check.column);
    }
    return check;
}

}  // namespace coach
