#include "export_text.h"

#include "utf8.h"
#include "view_tree.h"

namespace coach {

std::string csv_field(std::string_view raw) {
    std::string text = valid_text(raw);
    // Formula injection: see export_text.h.
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r'))
        text.insert(text.begin(), '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void csv_row(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (const std::string_view f : fields) {
        if (!first) out += ',';
        out += csv_field(f);
        first = false;
    }
    out += "\r\n";
}

void csv_row(std::string& out, const std::vector<std::string>& fields) {
    bool first = true;
    for (const std::string& f : fields) {
        if (!first) out += ',';
        out += csv_field(f);
        first = false;
    }
    out += "\r\n";
}

// Escaping is the view tree's (one JSON string writer for the app); valid text first, so an
// exported file is always UTF-8 a program can read.
std::string json_string(std::string_view raw) { return json_quote(valid_text(raw)); }

}  // namespace coach
