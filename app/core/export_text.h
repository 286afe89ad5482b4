// export_text: how the files a learner or an instructor downloads write their text, shared by
// every export (results_export.h, assessment.h) so the rules are kept in one place.
//
// CSV, RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, quotes inside
// doubled; rows end in CRLF. Formula injection: a spreadsheet runs a cell that starts with
// = + - @ (or tab or CR) as a formula, and a learner's name or a course's text could start so;
// such a field is written with a leading apostrophe ('=A1), which spreadsheets show as text.
// The byte order mark that Excel and WPS need to read UTF-8 is the caller's first write.
//
// JSON strings: UTF-8, escaped as JSON requires (quote, backslash, control characters).
// Both write only valid text: bytes that are not (utf8.h) become U+FFFD.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace coach {

// The UTF-8 byte order mark a CSV file starts with.
inline constexpr std::string_view kCsvByteOrderMark = "\xEF\xBB\xBF";

std::string csv_field(std::string_view raw);
// Appends one row: the fields, comma-separated, and CRLF.
void csv_row(std::string& out, std::initializer_list<std::string_view> fields);
void csv_row(std::string& out, const std::vector<std::string>& fields);

// A JSON string literal, quotes included.
std::string json_string(std::string_view raw);

}  // namespace coach
