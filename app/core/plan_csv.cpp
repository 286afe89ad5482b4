// plan_csv: the import of receivables from an ERP report or a spreadsheet, and the ledger out
// (the rules a learner sees are in plan_csv.h; the choices behind them are here).
//
// The table keeps every cell byte for byte as the file has it; only reading a cell as a name,
// a number or a date trims it (spaces, tabs, no-break and ideographic spaces) and folds the
// full-width forms a Chinese keyboard types (１２３，４５６．７８, （）) to ASCII. Names are
// trimmed because an ERP pads its columns and "A公司 " must not become a second account.
//
// Choices a sales manager would expect and the header leaves open:
//   - Separator: the candidate (tab, semicolon, comma) that gives the most rows of the same
//     width over the first 20 rows wins; then the wider rows; then tab before semicolon before
//     comma, since a tab is the least likely to appear inside text.
//   - Header: the row among the first 10 that names the most known columns (an ERP report puts
//     its title and period above it: those rows are `title_rows`). No row names any, and the
//     first holds a date or a number: there is no header, and columns are guessed from what
//     they hold. A column the remembered mapping names keeps that choice, "not imported" too.
//   - A balance column (余额, Open, Outstanding) is read as the amount when the table has no
//     amount column of its own: an ageing report lists only what is still open.
//   - Account fields (segment, terms, ...) may be given on any row of the account: the first
//     row that gives a value wins; a field no row gives keeps the existing account's value (or
//     the default of a new account), so an empty cell never blanks what the learner set.
//   - Notes on a row with an invoice belong to the invoice; on a row without one, to the account.
//   - Issue date missing: today, or the due date less the terms when that is earlier. Due date
//     missing: the issue date plus the account's terms. A paid amount becomes one payment dated
//     today (never before the issue date): the table has no payment date.
//   - Amounts are read with two decimals whatever the currency, as the app keeps every
//     currency in hundredths (plan_view's money format).
//   - A share without "%" below 1 with decimals (0.35) is a fraction, as a spreadsheet stores
//     a percentage; 35 and 35% are both 35 %.
//   - Total lines (合计, 小计, 总计, Total, Subtotal) are reported and left out, never accounts.
//   - Reading the ledger back: a cell the ledger guarded against formulas ('=A1) loses the
//     apostrophe again, so a name that starts with = or - comes back as it was.
#include "plan_csv.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "calendar.h"
#include "export_text.h"
#include "plan_analytics.h"
#include "utf8.h"

namespace coach {
namespace {

// ---- text --------------------------------------------------------------------------------

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' || c == 0xA0 || c == 0x3000 || c == 0xFEFF;
}

std::string_view trim(std::string_view s) {
    // Most cells have no padding: decode only when an end may hold a space.
    const auto space = [](std::string_view end, bool front) {
        const auto c = static_cast<unsigned char>(front ? end.front() : end.back());
        if (c < 0x80) return c <= ' ';
        for (const std::string_view wide : {"\xC2\xA0", "\xE3\x80\x80", "\xEF\xBB\xBF"})
            if (front ? end.starts_with(wide) : end.ends_with(wide)) return true;
        return false;
    };
    if (s.empty() || (!space(s, true) && !space(s, false))) return s;
    std::size_t begin = 0;
    while (begin < s.size()) {
        const Utf8Step step = utf8_decode(s, begin);
        if (!step.valid() || !is_space(step.code_point)) break;
        begin += step.length;
    }
    std::size_t end = begin;
    for (std::size_t at = begin; at < s.size();) {
        const Utf8Step step = utf8_decode(s, at);
        at += step.length;
        if (!step.valid() || !is_space(step.code_point)) end = at;
    }
    return s.substr(begin, end - begin);
}

// Full-width ASCII forms (U+FF01..U+FF5E) to ASCII, ideographic and no-break spaces to a
// space, 【】 to []; everything else as it is.
std::string fold_width(std::string_view s) {
    // Only U+00A0 (C2), U+3000 and 【】 (E3) and the full-width forms (EF) fold: most cells have none.
    if (std::none_of(s.begin(), s.end(), [](char c) { return c == '\xC2' || c == '\xE3' || c == '\xEF'; })) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t at = 0; at < s.size();) {
        const Utf8Step step = utf8_decode(s, at);
        const char32_t c = step.code_point;
        if (step.valid() && c >= 0xFF01 && c <= 0xFF5E) out += static_cast<char>(c - 0xFEE0);
        else if (step.valid() && (c == 0x3000 || c == 0xA0)) out += ' ';
        else if (step.valid() && c == 0x3010) out += '[';
        else if (step.valid() && c == 0x3011) out += ']';
        else out.append(s, at, step.length);
        at += step.length;
    }
    return out;
}

// The formula guard and its inverse. export_text.h's csv_field puts an apostrophe before a cell
// that starts with = + - @ tab or CR; the ledger also puts one before a text that already starts
// with apostrophes and then such a character ('=x), so that reading drops exactly one
// apostrophe before any run of them followed by such a character, and gets back what was written.
bool guarded_form(std::string_view text) {
    const std::size_t first = text.find_first_not_of('\'');
    return first != std::string_view::npos && text[first] != '\0' && std::strchr("=+-@\t\r", text[first]) != nullptr;
}

// A cell as text: valid UTF-8, trimmed, and without the ledger's formula guard.
std::string cell_text(std::string_view raw) {
    std::string text = valid_text(trim(raw));  // trim reads invalid bytes as text, as valid_text keeps them
    if (text.size() >= 2 && text[0] == '\'' && guarded_form(text)) text = std::string(trim(text.substr(1)));
    return text;
}

// A cell as a number or date reads it: folded, trimmed, and without Excel's text apostrophe.
std::string cell_value(std::string_view raw) {
    std::string text = fold_width(trim(raw));  // trim knows the wide spaces fold_width would make
    if (!text.empty() && text[0] == '\'') text = std::string(trim(text.substr(1)));
    return text;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}
bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(s[i]) != lower(prefix[i])) return false;
    return true;
}
bool ends_with_ci(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && starts_with_ci(s.substr(s.size() - suffix.size()), suffix);
}
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

// ---- dates -------------------------------------------------------------------------------

// Howard Hinnant's days_from_civil, the inverse of calendar.h's civil_date.
Day days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = floor_div(y, 400);
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<Day>(era * 146097 + doe - 719468);
}

int days_in_month(std::int64_t y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

DateRead civil_read(std::int64_t y, std::int64_t m, std::int64_t d) {
    if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999 || d > days_in_month(y, static_cast<int>(m))) return {std::nullopt, RowProblem::bad_date};
    const Day day = days_from_civil(y, static_cast<int>(m), static_cast<int>(d));
    if (day < kPlanLimits.earliest || day > kPlanLimits.latest) return {std::nullopt, RowProblem::date_out_of_range};
    return {day, RowProblem::none};
}

// Reads a run of digits at `at` (at most `max` of them); the value and how many were read.
struct Digits {
    std::int64_t value = 0;
    std::size_t count = 0;
};
Digits digits_at(std::string_view s, std::size_t at, std::size_t max = 9) {
    Digits d;
    while (at + d.count < s.size() && is_digit(s[at + d.count]) && d.count < max) {
        d.value = d.value * 10 + (s[at + d.count] - '0');
        ++d.count;
    }
    return d;
}

// What may follow a date: a time of day (Excel writes "2026/11/29 0:00" for a date cell that
// holds a time too), with seconds, fractions, AM/PM or a zone.
bool is_time_tail(std::string_view rest) {
    if (rest.empty()) return true;
    if (rest[0] != ' ' && rest[0] != 'T') return false;
    rest = trim(rest.substr(1));
    std::size_t i = 0;
    bool colon = false;
    while (i < rest.size() && (is_digit(rest[i]) || rest[i] == ':' || rest[i] == '.')) colon |= rest[i++] == ':';
    if (!colon || !is_digit(rest[0])) return false;
    const std::string_view zone = trim(rest.substr(i));
    if (zone.empty() || zone == "Z") return true;
    if (zone.size() == 2 && (starts_with_ci(zone, "am") || starts_with_ci(zone, "pm"))) return true;
    return (zone[0] == '+' || zone[0] == '-') && zone.size() <= 6 && all_digits(zone.substr(1, 2));
}

int month_of_name(std::string_view word) {
    static constexpr std::string_view kNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                                  "july",    "august",   "september", "october", "november", "december"};
    const std::string w = lower(word);
    if (w == "sept") return 9;
    for (int m = 0; m < 12; ++m)
        if (w == kNames[m] || (w.size() == 3 && kNames[m].substr(0, 3) == w)) return m + 1;
    return 0;
}

// Excel's day numbers count from 1900-01-01 = 1 and, like Lotus 1-2-3, take 1900 for a leap
// year: serial 60 is 29 February 1900, a day that never was.
DateRead serial_read(std::string_view s) {
    const std::size_t dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    if (whole.size() > 7 || !all_digits(whole)) return {std::nullopt, RowProblem::bad_date};
    if (dot != std::string_view::npos && !all_digits(s.substr(dot + 1))) return {std::nullopt, RowProblem::bad_date};
    const std::int64_t serial = digits_at(whole, 0, 7).value;
    if (serial < 1 || serial == 60 || serial > 2958465) return {std::nullopt, RowProblem::bad_date};
    const Day day = static_cast<Day>(serial < 60 ? serial - 25568 : serial - 25569);
    if (day < kPlanLimits.earliest || day > kPlanLimits.latest) return {std::nullopt, RowProblem::date_out_of_range};
    return {day, RowProblem::none};
}

// 29 Nov 2026, 29-Nov-2026, 29-Nov-26 (Excel's d-mmm-yy), Nov 29, 2026, November 29 2026.
DateRead month_name_read(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == ',' || s[i] == '/' || s[i] == '.')) ++i;
        std::size_t j = i;
        if (j < s.size() && is_digit(s[j])) while (j < s.size() && is_digit(s[j])) ++j;
        else while (j < s.size() && is_alpha(s[j])) ++j;
        if (j == i) {
            if (i < s.size()) return {std::nullopt, RowProblem::bad_date};
            break;
        }
        parts.push_back(s.substr(i, j - i));
        i = j;
        if (parts.size() == 3) break;
    }
    if (parts.size() != 3 || !is_time_tail(s.substr(i))) return {std::nullopt, RowProblem::bad_date};
    std::string_view day = parts[0], month = parts[1], year = parts[2];
    if (!all_digits(day)) std::swap(day, month);
    const int m = month_of_name(month);
    if (m == 0 || !all_digits(day) || !all_digits(year) || day.size() > 2) return {std::nullopt, RowProblem::bad_date};
    std::int64_t y = digits_at(year, 0).value;
    if (year.size() == 2) y += 2000;
    else if (year.size() != 4) return {std::nullopt, RowProblem::bad_date};
    return civil_read(y, m, digits_at(day, 0).value);
}

// ---- amounts and numbers -----------------------------------------------------------------

bool strip_prefix_ci(std::string& s, std::string_view prefix) {
    if (!starts_with_ci(s, prefix)) return false;
    s.erase(0, prefix.size());
    return true;
}
bool strip_suffix_ci(std::string& s, std::string_view suffix) {
    if (!ends_with_ci(s, suffix)) return false;
    s.erase(s.size() - suffix.size());
    return true;
}

constexpr std::string_view kCurrencyMarks[] = {"US$", "HK$", "RMB", "CNY", "USD", "EUR", "HKD", "GBP", "JPY",
                                               "人民币", "元", "\xC2\xA5" /* ¥ */, "\xEF\xBF\xA5" /* ￥ */, "$", "\xE2\x82\xAC" /* € */, "\xC2\xA3" /* £ */};

bool strip_currency_prefix(std::string& s) {
    for (const std::string_view mark : kCurrencyMarks)
        if (strip_prefix_ci(s, mark)) return true;
    return false;
}
bool strip_currency_suffix(std::string& s) {
    for (const std::string_view mark : kCurrencyMarks)
        if (strip_suffix_ci(s, mark)) return true;
    return false;
}

// A plain decimal: digits with optional thousands commas (groups of three) and one point.
// Returns false when it is not one; `whole` and `fraction` are its digits.
bool split_decimal(std::string_view s, std::string& whole, std::string& fraction) {
    whole.clear();
    fraction.clear();
    const std::size_t point = s.find('.');
    const std::string_view w = s.substr(0, point);
    if (point != std::string_view::npos) {
        fraction = std::string(s.substr(point + 1));
        if (!all_digits(fraction) && !fraction.empty()) return false;
    }
    if (w.find(',') != std::string_view::npos) {
        std::size_t start = 0, group = 0;
        while (true) {
            const std::size_t comma = w.find(',', start);
            const std::string_view part = w.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
            if (!all_digits(part) || (group == 0 ? part.size() > 3 : part.size() != 3)) return false;
            whole += part;
            ++group;
            if (comma == std::string_view::npos) break;
            start = comma + 1;
        }
    } else {
        if (!w.empty() && !all_digits(w)) return false;
        whole = std::string(w);
    }
    return !whole.empty() || !fraction.empty();
}

std::optional<std::uint32_t> read_terms(std::string_view raw) {
    std::string s = lower(cell_value(raw));
    for (const std::string_view prefix : {"net", "n"})
        if (s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0 && (is_digit(s[prefix.size()]) || s[prefix.size()] == ' ')) {
            s = std::string(trim(s.substr(prefix.size())));
            break;
        }
    for (const std::string_view suffix : {"天", "日", "days", "day", "d"})
        if (strip_suffix_ci(s, suffix)) {
            s = std::string(trim(s));
            break;
        }
    std::string whole, fraction;
    if (s.find(',') != std::string::npos || !split_decimal(s, whole, fraction) || whole.empty() || whole.size() > 5) return std::nullopt;
    if (fraction.find_first_not_of('0') != std::string::npos) return std::nullopt;
    const auto days = static_cast<std::uint32_t>(digits_at(whole, 0).value);
    if (days > kPlanLimits.max_terms_days) return std::nullopt;
    return days;
}

std::optional<std::uint32_t> read_share(std::string_view raw) {
    std::string s = cell_value(raw);
    const bool percent = !s.empty() && s.back() == '%';
    if (percent) s = std::string(trim(std::string_view(s).substr(0, s.size() - 1)));
    std::string whole, fraction;
    if (s.find(',') != std::string::npos || !split_decimal(s, whole, fraction) || whole.size() > 3) return std::nullopt;
    fraction.resize(std::min<std::size_t>(fraction.size(), 6), '0');
    const std::int64_t w = whole.empty() ? 0 : digits_at(whole, 0).value;
    std::int64_t micro = w * 1'000'000;  // the value in millionths
    std::int64_t f = 0;
    for (std::size_t i = 0; i < 6; ++i) f = f * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    micro += f;
    if (!percent && w == 0 && f > 0) micro *= 100;  // 0.35: a spreadsheet's stored percentage
    const std::int64_t rounded = (micro + 500'000) / 1'000'000;
    if (rounded > 100) return std::nullopt;
    return static_cast<std::uint32_t>(rounded);
}

std::optional<std::string> read_currency(std::string_view raw) {
    const std::string s = cell_value(raw);
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"人民币", "CNY"}, {"RMB", "CNY"}, {"元", "CNY"},     {"美元", "USD"}, {"欧元", "EUR"}, {"港币", "HKD"},
        {"港元", "HKD"},   {"日元", "JPY"}, {"英镑", "GBP"}, {"新台币", "TWD"}, {"澳元", "AUD"}, {"新加坡元", "SGD"},
    };
    for (const auto& [name, code] : kNames)
        if (starts_with_ci(s, name) && s.size() == name.size()) return std::string(code);
    if (s.size() == 3 && std::all_of(s.begin(), s.end(), is_alpha)) {
        std::string code = s;
        for (char& c : code) c = static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
        return code;
    }
    return std::nullopt;
}

// A report's total line names itself in its account cell or its first cell: 合计, 小计, 总计,
// 累计 (also at the end of a label such as "A公司 小计", or spaced out as "合  计"), Total,
// Subtotal, Grand total.
bool is_total_label(std::string_view text) {
    if (text.find("\xE8\xAE\xA1") == std::string_view::npos) {  // no 计: only the English words are left
        const std::size_t first = text.find_first_not_of(" \t");
        if (first == std::string_view::npos || !std::strchr("tTsSgG", text[first])) return false;
    }
    const std::string folded = lower(fold_width(text));
    std::string squeezed;
    for (const char c : folded)
        if (!std::strchr(" \t\r\n:-", c)) squeezed += c;
    for (const std::string_view word : {"合计", "小计", "总计", "累计"})
        if (squeezed.size() >= word.size() && squeezed.compare(squeezed.size() - word.size(), word.size(), word) == 0) return true;
    for (const std::string_view word : {"total", "totals", "subtotal", "grandtotal", "sum"})
        if (squeezed == word) return true;
    return false;
}

// ---- the table ---------------------------------------------------------------------------

// RFC 4180 with the usual leniency: a quote opens a quoted field only at the field's start,
// text after a closing quote is kept, and an unclosed quote runs to the end of the text.
std::vector<std::vector<std::string>> parse_rows(std::string_view text, char separator, std::size_t max_rows) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool field_started = false;  // something of the current field was read (a quote counts)
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        if (!field_started && c == '"') {
            ++i;
            while (i < n) {
                const std::size_t quote = text.find('"', i);
                if (quote == std::string_view::npos) {
                    cell.append(text.substr(i));
                    i = n;
                    break;
                }
                cell.append(text.substr(i, quote - i));
                if (quote + 1 < n && text[quote + 1] == '"') {
                    cell += '"';
                    i = quote + 2;
                } else {
                    i = quote + 1;
                    break;
                }
            }
            field_started = true;
            continue;
        }
        if (c == separator) {
            row.push_back(std::move(cell));
            cell.clear();
            field_started = false;
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            row.push_back(std::move(cell));
            cell.clear();
            rows.push_back(std::move(row));
            row.clear();
            field_started = false;
            i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
            if (rows.size() >= max_rows) return rows;
            continue;
        }
        std::size_t end = i;
        while (end < n && text[end] != separator && text[end] != '\r' && text[end] != '\n') ++end;
        cell.append(text.substr(i, end - i));
        field_started = true;
        i = end;
    }
    if (field_started || !row.empty()) {
        row.push_back(std::move(cell));
        rows.push_back(std::move(row));
    }
    return rows;
}

bool blank_row(const std::vector<std::string>& row) {
    return std::all_of(row.begin(), row.end(), [](const std::string& cell) { return trim(cell).empty(); });
}

char sniff_separator(std::string_view text) {
    constexpr std::size_t kSampleRows = 20;
    constexpr std::size_t kSampleBytes = 64 * 1024;
    const std::string_view sample = text.substr(0, kSampleBytes);
    char best = ',';
    std::pair<std::size_t, std::size_t> best_score{0, 0};  // rows of the usual width, that width
    for (const char separator : {'\t', ';', ','}) {  // most specific first: ties keep it
        std::unordered_map<std::size_t, std::size_t> widths;
        for (const auto& row : parse_rows(sample, separator, kSampleRows))
            if (!(row.size() == 1 && row[0].empty())) ++widths[row.size()];
        std::pair<std::size_t, std::size_t> score{0, 0};
        for (const auto& [width, rows] : widths)
            if (width > 1 && std::pair{rows, width} > score) score = {rows, width};
        if (score > best_score) {
            best_score = score;
            best = separator;
        }
    }
    return best;
}

// ---- headers -----------------------------------------------------------------------------

// A header as it is compared: folded, ASCII lower case, without spaces and the punctuation
// that varies between reports ("Invoice No." = "invoice no" = "INVOICE_NO", "*客户名称").
std::string header_key(std::string_view header) {
    const std::string folded = fold_width(cell_text(header));
    std::string key;
    for (const char c : folded)
        if (!std::strchr(" \t\r\n._-:*#'\"", c)) key += lower(c);
    return key;
}

// The key without a trailing unit or remark in brackets: 金额(元), 账期(天), Amount [CNY]. Not
// when the unit scales the numbers (金额(万元), Amount (k)): read as yuan they would be off by
// thousands, so such a column waits for the learner to map it.
std::string header_key_stem(const std::string& key) {
    if (key.size() < 3 || (key.back() != ')' && key.back() != ']')) return {};
    const std::size_t open = key.find_last_of(key.back() == ')' ? '(' : '[');
    if (open == std::string::npos || open == 0) return {};
    const std::string unit = key.substr(open + 1, key.size() - open - 2);
    if (unit.find("万") != std::string::npos || unit.find("千") != std::string::npos || unit.find("亿") != std::string::npos) return {};
    for (const std::string_view scaled : {"k", "thousand", "thousands", "000", "m", "mn", "million", "millions"})
        if (unit == scaled) return {};
    return key.substr(0, open);
}

struct Synonym {
    Field field;
    bool balance;  // an open balance: the amount only when no column is the amount itself
};

const std::unordered_map<std::string, Synonym>& synonyms() {
    static const std::unordered_map<std::string, Synonym> table = [] {
        // Vectors, not initializer_lists: a list inside a pair would not keep its elements alive.
        const std::pair<Field, std::vector<std::string_view>> kFields[] = {
            {Field::account,
             {"客户", "客户名称", "客户全称", "客户简称", "单位名称", "购货单位", "购买方", "购买方名称", "购方名称", "往来单位", "往来单位名称",
              "客户单位", "公司名称", "customer", "customername", "account", "accountname", "client", "clientname", "company",
              "companyname", "buyer", "soldto", "billto"}},
            {Field::invoice,
             {"发票号", "发票号码", "单据编号", "单据号", "单号", "发票编号", "invoice", "invoiceno", "invoicenumber", "invoiceid", "invno",
              "documentno", "documentnumber", "docno", "billno", "reference", "ref"}},
            {Field::amount,
             {"金额", "应收金额", "价税合计", "含税金额", "发票金额", "开票金额", "本期应收", "应收", "应收账款", "原币金额", "本币金额", "amount",
              "invoiceamount", "total", "totalamount", "grossamount", "invoicetotal", "amountinvoiced"}},
            {Field::paid,
             {"已收", "已收金额", "已回款", "回款金额", "已收款", "已收款金额", "收款金额", "本期收回", "已核销金额", "核销金额", "paid", "received",
              "amountpaid", "amountreceived", "paidamount", "payments", "collected"}},
            {Field::issued,
             {"开票日期", "发票日期", "单据日期", "业务日期", "日期", "记账日期", "invoicedate", "date", "documentdate", "docdate", "postingdate",
              "issuedate", "issued", "billdate"}},
            {Field::due,
             {"到期日", "到期日期", "应收日期", "付款到期日", "收款到期日", "due", "duedate", "paymentdue", "dueon", "netduedate"}},
            {Field::terms_days,
             {"账期", "账期天数", "付款期限", "信用期", "信用天数", "信用期限", "收款期限", "terms", "paymentterms", "creditterms", "termsdays",
              "netdays"}},
            {Field::credit_limit, {"信用额度", "授信额度", "信用限额", "creditlimit", "creditline"}},
            {Field::currency, {"币种", "币别", "货币", "currency", "curr", "ccy"}},
            {Field::potential,
             {"年采购潜力", "采购潜力", "潜力", "年采购额", "potential", "annualpotential", "purchasepotential", "annualpurchasepotential"}},
            {Field::share_percent, {"份额", "占有率", "市场份额", "我方份额", "份额占比", "share", "ourshare", "walletshare", "shareofwallet", "share%"}},
            {Field::segment, {"行业", "客户分类", "客户类别", "客户类型", "分类", "segment", "industry", "customergroup", "category"}},
            {Field::notes, {"备注", "说明", "摘要", "notes", "note", "remark", "remarks", "comment", "comments", "memo"}},
        };
        std::unordered_map<std::string, Synonym> map;
        for (const auto& [field, names] : kFields)
            for (const std::string_view name : names) map.emplace(header_key(name), Synonym{field, false});
        for (const std::string_view name : {"余额", "应收余额", "未收金额", "未收", "未回款金额", "期末余额", "欠款", "欠款金额", "balance", "open",
                                            "openamount", "outstanding", "amountoutstanding", "balancedue", "amountdue"})
            map.emplace(header_key(name), Synonym{Field::amount, true});
        return map;
    }();
    return table;
}

std::optional<Synonym> synonym_of(const std::string& key) {
    const auto& table = synonyms();
    if (auto it = table.find(key); it != table.end()) return it->second;
    if (const std::string stem = header_key_stem(key); !stem.empty())
        if (auto it = table.find(stem); it != table.end()) return it->second;
    return std::nullopt;
}

std::optional<Field> remembered_field(const std::string& key, const std::vector<ColumnChoice>& remembered) {
    if (key.empty()) return std::nullopt;
    for (const ColumnChoice& choice : remembered)
        if (header_key(choice.header) == key) return choice.field;
    return std::nullopt;
}

bool looks_like_data(std::string_view cell) {
    if (trim(cell).empty()) return false;
    const DateRead d = read_date(cell);
    if (d.day || d.problem == RowProblem::ambiguous_date) return true;
    const AmountRead a = read_amount(cell);
    return a.amount || a.problem == RowProblem::negative_amount || a.problem == RowProblem::too_precise || a.problem == RowProblem::amount_too_large;
}

// What a column holds, for a table without headers.
enum class Kind { empty, date, money, integer, code, text };
Kind kind_of(std::string_view raw) {
    const std::string s = cell_value(raw);
    if (s.empty()) return Kind::empty;
    // A bare number may be a serial date, but in a column of numbers it is an amount or a code.
    if (s.find_first_not_of("0123456789.") != std::string::npos) {
        const DateRead d = read_date(s);
        if (d.day || d.problem == RowProblem::ambiguous_date) return Kind::date;
    }
    const AmountRead a = read_amount(s);
    if (a.amount || a.problem == RowProblem::negative_amount || a.problem == RowProblem::too_precise) {
        if (!all_digits(s)) return Kind::money;
        return s.size() > 1 && s[0] == '0' ? Kind::code : Kind::integer;
    }
    return std::any_of(s.begin(), s.end(), is_digit) ? Kind::code : Kind::text;
}

void guess_by_content(const Table& table, std::size_t first_data, ColumnMapping& mapping, std::vector<bool>& decided,
                      std::vector<bool>& used) {
    constexpr std::size_t kSample = 200;
    const std::size_t width = mapping.columns.size();
    std::vector<Kind> kinds(width, Kind::empty);
    for (std::size_t c = 0; c < width; ++c) {
        if (decided[c]) continue;
        std::array<std::size_t, 6> counts{};
        std::size_t filled = 0;
        for (std::size_t r = first_data; r < table.rows.size() && r < first_data + kSample; ++r) {
            if (c >= table.rows[r].size()) continue;
            const Kind k = kind_of(table.rows[r][c]);
            if (k == Kind::empty) continue;
            ++counts[static_cast<std::size_t>(k)];
            ++filled;
        }
        for (std::size_t k = 1; k < counts.size(); ++k)
            if (filled > 0 && counts[k] * 5 >= filled * 4) kinds[c] = static_cast<Kind>(k);
        // Integers among amounts with decimals are amounts too (1000 beside 1,234.50).
        if (kinds[c] == Kind::empty && filled > 0 && (counts[2] + counts[3]) * 5 >= filled * 4) kinds[c] = Kind::money;
    }
    auto take = [&](std::size_t c, Field f) {
        if (decided[c] || used[static_cast<std::size_t>(f)]) return false;
        mapping.columns[c] = f;
        decided[c] = used[static_cast<std::size_t>(f)] = true;
        return true;
    };
    for (std::size_t c = 0; c < width; ++c) {
        switch (kinds[c]) {
            case Kind::date: take(c, Field::issued) || take(c, Field::due); break;
            case Kind::money: take(c, Field::amount) || take(c, Field::paid); break;
            case Kind::text: take(c, Field::account); break;
            case Kind::code: take(c, Field::invoice); break;
            default: break;
        }
    }
    for (std::size_t c = 0; c < width; ++c)
        if (kinds[c] == Kind::integer) take(c, Field::amount) || take(c, Field::invoice);
}

// ---- rows --------------------------------------------------------------------------------

constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::notes) + 1;
constexpr Field kAccountFields[] = {Field::segment,   Field::terms_days,    Field::credit_limit, Field::currency,
                                    Field::potential, Field::share_percent, Field::notes};

struct NameState {
    const Account* existing = nullptr;
    Account account;                       // the fields as the import leaves them
    std::array<bool, kFieldCount> given{};  // set by a row of this import
    bool accepted = false;                 // has a good row
    std::size_t added = 0;                 // receivables that do not replace one
    std::unordered_set<std::string> existing_invoices;
    std::unordered_set<std::string> invoices;  // in this import
};

struct PendingRow {
    std::size_t index = 0;  // into table.rows
    std::size_t name = 0;   // into the name states
    bool bad = false;
    std::optional<std::string> currency;
    std::optional<std::string> segment, notes;
    std::optional<std::uint32_t> terms, share;
    std::optional<Money> credit_limit, potential;
    bool has_receivable = false;
    std::string invoice;
    std::optional<Money> amount, paid;
    std::optional<Day> issued, due;
};

}  // namespace

// ---- public: reading ---------------------------------------------------------------------

Table read_table(std::string_view text) {
    if (text.substr(0, 3) == kCsvByteOrderMark) text.remove_prefix(3);
    Table table;
    table.separator = sniff_separator(text);
    table.rows = parse_rows(text, table.separator, static_cast<std::size_t>(-1));
    while (!table.rows.empty() && table.rows.back().size() == 1 && table.rows.back()[0].empty()) table.rows.pop_back();
    return table;
}

DateRead read_date(std::string_view text) {
    const std::string s = cell_value(text);
    if (s.empty()) return {std::nullopt, RowProblem::bad_date};
    if (!is_digit(s[0])) return month_name_read(s);
    const Digits a = digits_at(s, 0, 8);
    const std::size_t at = a.count;
    if (at == s.size() || (s[at] == '.' && s.find_first_not_of("0123456789", at + 1) == std::string::npos)) {
        if (at == 8 && s.size() == 8 && (s[0] == '1' || s[0] == '2'))  // 20261129
            return civil_read(a.value / 10000, a.value / 100 % 100, a.value % 100);
        return serial_read(s);
    }
    if (a.count > 4) return {std::nullopt, RowProblem::bad_date};
    // 2026年11月29日, also spaced out as 2026 年 1 月 5 日
    const auto skip_spaces = [&](std::size_t i) {
        while (i < s.size() && s[i] == ' ') ++i;
        return i;
    };
    if (s.compare(skip_spaces(at), 3, "年") == 0) {
        std::size_t i = skip_spaces(skip_spaces(at) + 3);
        const Digits m = digits_at(s, i, 2);
        i = skip_spaces(i + m.count);
        if (m.count == 0 || s.compare(i, 3, "月") != 0) return {std::nullopt, RowProblem::bad_date};
        i = skip_spaces(i + 3);
        const Digits d = digits_at(s, i, 2);
        i += d.count;
        if (d.count == 0) return {std::nullopt, RowProblem::bad_date};
        const std::size_t j = skip_spaces(i);
        if (s.compare(j, 3, "日") == 0 || s.compare(j, 3, "号") == 0) i = j + 3;
        if (a.count != 4 || !is_time_tail(s.substr(i))) return {std::nullopt, RowProblem::bad_date};
        return civil_read(a.value, m.value, d.value);
    }
    const char sep = s[at];
    if (sep == ' ' || ((sep == '-' || sep == '/' || sep == '.') && at + 1 < s.size() && is_alpha(s[at + 1]))) return month_name_read(s);
    if (sep != '-' && sep != '/' && sep != '.') return {std::nullopt, RowProblem::bad_date};
    const Digits b = digits_at(s, at + 1, 4);
    const std::size_t at2 = at + 1 + b.count;
    if (b.count == 0 || b.count > 2 || at2 >= s.size() || s[at2] != sep) return {std::nullopt, RowProblem::bad_date};
    const Digits c = digits_at(s, at2 + 1, 4);
    const std::size_t end = at2 + 1 + c.count;
    if (c.count == 0 || (end < s.size() && is_digit(s[end])) || !is_time_tail(s.substr(end))) return {std::nullopt, RowProblem::bad_date};
    if (a.count == 4) {
        if (c.count > 2) return {std::nullopt, RowProblem::bad_date};
        return civil_read(a.value, b.value, c.value);
    }
    // Day and month in either order: only a part over 12 (or two equal parts) tells which.
    if (c.count != 4 || a.count > 2) return {std::nullopt, RowProblem::bad_date};
    if (a.value > 12 && b.value <= 12) return civil_read(c.value, b.value, a.value);
    if (b.value > 12 && a.value <= 12) return civil_read(c.value, a.value, b.value);
    if (a.value == b.value) return civil_read(c.value, a.value, b.value);
    if (a.value > 12 && b.value > 12) return {std::nullopt, RowProblem::bad_date};
    if (a.value == 0 || b.value == 0) return {std::nullopt, RowProblem::bad_date};
    return {std::nullopt, RowProblem::ambiguous_date};
}

AmountRead read_amount(std::string_view text, int decimals) {
    std::string s;
    for (const char c : cell_value(text))
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') s += c;
    if (s.empty()) return {std::nullopt, RowProblem::missing_amount};
    bool negative = false, sign = false;
    auto parens = [&] {
        if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
            s = s.substr(1, s.size() - 2);
            negative = true;
        }
    };
    parens();
    for (bool changed = true, symbol = false; changed;) {
        changed = false;
        if (!sign && !s.empty() && (s[0] == '-' || s[0] == '+')) {
            negative |= s[0] == '-';
            s.erase(0, 1);
            sign = changed = true;
        }
        if (!symbol && strip_currency_prefix(s)) symbol = changed = true;
    }
    for (bool changed = true, symbol = false; changed;) {
        changed = false;
        if (!sign && !s.empty() && s.back() == '-') {  // 1,234.56- as SAP writes a credit
            negative = true;
            s.pop_back();
            sign = changed = true;
        }
        if (!symbol && strip_currency_suffix(s)) symbol = changed = true;
    }
    parens();
    std::string whole, fraction;
    if (!split_decimal(s, whole, fraction)) return {std::nullopt, RowProblem::bad_amount};
    const std::size_t first = whole.find_first_not_of('0');
    whole = first == std::string::npos ? std::string() : whole.substr(first);
    const auto places = static_cast<std::size_t>(std::clamp(decimals, 0, 6));
    const bool zero = whole.empty() && fraction.find_first_not_of('0') == std::string::npos;
    if (negative && !zero) return {std::nullopt, RowProblem::negative_amount};
    if (fraction.size() > places && fraction.find_first_not_of('0', places) != std::string::npos)
        return {std::nullopt, RowProblem::too_precise};
    if (whole.size() + places > 17) return {std::nullopt, RowProblem::amount_too_large};  // beyond any limit, and int64
    Money value = whole.empty() ? 0 : digits_at(whole, 0, 17).value;
    for (std::size_t i = 0; i < places; ++i) value = value * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    if (value > kPlanLimits.max_amount) return {std::nullopt, RowProblem::amount_too_large};
    return {value, RowProblem::none};
}

ColumnMapping guess_columns(const Table& table, const std::vector<ColumnChoice>& remembered) {
    ColumnMapping mapping;
    std::size_t width = 0;
    for (const auto& row : table.rows) width = std::max(width, row.size());
    mapping.columns.assign(width, Field::none);
    if (table.rows.empty()) return mapping;

    // The header: the row among the first ten that names the most columns.
    constexpr std::size_t kHeaderSearch = 10;
    std::size_t best_row = 0, best_named = 0;
    for (std::size_t r = 0; r < table.rows.size() && r < kHeaderSearch; ++r) {
        std::size_t named = 0;
        bool data = false;
        for (const std::string& cell : table.rows[r]) {
            const std::string key = header_key(cell);
            if (!key.empty() && (remembered_field(key, remembered) || synonym_of(key))) ++named;
            data |= looks_like_data(cell);
        }
        if (named > best_named && (named >= 2 || !data)) {
            best_named = named;
            best_row = r;
        }
    }
    std::vector<bool> decided(width, false), used(kFieldCount, false);
    if (best_named > 0) {
        mapping.header_row = true;
        mapping.title_rows = best_row;
        const auto& header = table.rows[best_row];
        std::vector<std::string> keys(width);
        for (std::size_t c = 0; c < header.size(); ++c) keys[c] = header_key(header[c]);
        for (std::size_t c = 0; c < width; ++c)  // remembered: the learner's own choice
            if (const auto field = remembered_field(keys[c], remembered); field && (*field == Field::none || !used[static_cast<std::size_t>(*field)])) {
                mapping.columns[c] = *field;
                decided[c] = true;
                if (*field != Field::none) used[static_cast<std::size_t>(*field)] = true;
            }
        for (const bool balance : {false, true})
            for (std::size_t c = 0; c < width; ++c) {
                if (decided[c] || keys[c].empty()) continue;
                const auto synonym = synonym_of(keys[c]);
                if (!synonym || synonym->balance != balance || used[static_cast<std::size_t>(synonym->field)]) continue;
                mapping.columns[c] = synonym->field;
                decided[c] = used[static_cast<std::size_t>(synonym->field)] = true;
            }
        return mapping;
    }
    mapping.header_row = !std::any_of(table.rows[0].begin(), table.rows[0].end(), looks_like_data);
    guess_by_content(table, mapping.header_row ? 1 : 0, mapping, decided, used);
    return mapping;
}

std::vector<ColumnChoice> mapping_to_remember(const Table& table, const ColumnMapping& mapping, const std::vector<ColumnChoice>& before) {
    std::vector<ColumnChoice> out;
    std::unordered_set<std::string> named;
    auto add = [&](std::string header, Field field) {
        std::string key = header_key(header);
        if (out.size() >= kRememberedHeaders || key.empty() || utf8_count(header) > kPlanLimits.name_chars || !named.insert(std::move(key)).second)
            return;
        out.push_back({std::move(header), field});
    };
    if (mapping.header_row && mapping.title_rows < table.rows.size()) {
        const auto& header = table.rows[mapping.title_rows];
        for (std::size_t c = 0; c < header.size() && c < mapping.columns.size(); ++c) add(cell_text(header[c]), mapping.columns[c]);
    }
    for (const ColumnChoice& choice : before) add(cell_text(choice.header), choice.field);
    return out;
}

ImportPreview read_rows(const Plan& plan, const Table& table, const ColumnMapping& mapping, Day today, std::string_view id_seed) {
    const PlanLimits& limits = kPlanLimits;
    ImportPreview preview;
    std::array<std::ptrdiff_t, kFieldCount> column{};
    column.fill(-1);
    for (std::size_t c = 0; c < mapping.columns.size(); ++c)
        if (mapping.columns[c] != Field::none && column[static_cast<std::size_t>(mapping.columns[c])] < 0)
            column[static_cast<std::size_t>(mapping.columns[c])] = static_cast<std::ptrdiff_t>(c);
    for (const Field f : kAccountFields)
        if (column[static_cast<std::size_t>(f)] >= 0) preview.fields.push_back(f);
    const auto col = [&](Field f) { return column[static_cast<std::size_t>(f)]; };
    const auto column_number = [&](Field f) { return static_cast<std::size_t>(col(f) + 1); };  // 0 when unmapped
    static const std::string kEmpty;
    const auto cell = [&](const std::vector<std::string>& row, Field f) -> const std::string& {
        const std::ptrdiff_t c = col(f);
        return c >= 0 && static_cast<std::size_t>(c) < row.size() ? row[static_cast<std::size_t>(c)] : kEmpty;
    };
    const auto error = [&](std::size_t index, Field f, RowProblem problem) {
        const std::string& raw = cell(table.rows[index], f);
        preview.errors.push_back({index + 1, column_number(f), problem, valid_text(raw)});
    };

    std::unordered_map<std::string_view, const Account*> existing;
    for (const Account& a : plan.accounts) existing.emplace(a.name, &a);
    std::unordered_map<std::string, std::size_t> name_index;
    std::vector<NameState> names;
    std::vector<PendingRow> rows;
    rows.reserve(table.rows.size());

    // Pass 1: the account each row belongs to, and its currency.
    const std::size_t first = mapping.title_rows + (mapping.header_row ? 1 : 0);
    for (std::size_t index = first; index < table.rows.size(); ++index) {
        const auto& row = table.rows[index];
        if (blank_row(row)) continue;
        const std::string name = cell_text(cell(row, Field::account));
        const auto first_filled = std::find_if(row.begin(), row.end(), [](const std::string& c) { return !trim(c).empty(); });
        const bool first_is_name = first_filled != row.end() && col(Field::account) == first_filled - row.begin();
        const bool name_total = is_total_label(name);
        if (name_total || (!first_is_name && first_filled != row.end() && is_total_label(cell_text(*first_filled)))) {
            const std::size_t c = name_total ? column_number(Field::account) : static_cast<std::size_t>(first_filled - row.begin()) + 1;
            preview.errors.push_back({index + 1, c, RowProblem::total_row, valid_text(name_total ? cell(row, Field::account) : *first_filled)});
            continue;
        }
        if (name.empty()) {
            error(index, Field::account, RowProblem::missing_account);
            continue;
        }
        if (utf8_count(name) > limits.name_chars) {
            error(index, Field::account, RowProblem::too_long);
            continue;
        }
        PendingRow p;
        p.index = index;
        auto [it, added] = name_index.emplace(name, names.size());
        if (added) {
            NameState state;
            if (auto e = existing.find(name); e != existing.end()) {
                state.existing = e->second;
                state.account = *e->second;
                state.account.receivables.clear();
            } else {
                state.account.name = name;
            }
            names.push_back(std::move(state));
        }
        p.name = it->second;
        // The account's currency is settled first (the first row that names one), so a later
        // row in another currency is reported rather than read in the wrong money.
        if (!trim(cell(row, Field::currency)).empty()) {
            p.currency = read_currency(cell(row, Field::currency));
            if (!p.currency) {
                error(index, Field::currency, RowProblem::bad_currency);
                p.bad = true;
            } else if (!names[p.name].given[static_cast<std::size_t>(Field::currency)]) {
                names[p.name].account.currency = *p.currency;
                names[p.name].given[static_cast<std::size_t>(Field::currency)] = true;
            } else if (*p.currency != names[p.name].account.currency) {
                error(index, Field::currency, RowProblem::mixed_currency);
                p.bad = true;
            }
        }
        rows.push_back(std::move(p));
    }

    // Pass 2: every cell of every row, read.
    for (PendingRow& p : rows) {
        const auto& row = table.rows[p.index];
        const auto text = [&](Field f, std::size_t max_chars, std::optional<std::string>& out) {
            if (trim(cell(row, f)).empty()) return;
            std::string t = cell_text(cell(row, f));
            if (utf8_count(t) > max_chars) {
                error(p.index, f, RowProblem::too_long);
                p.bad = true;
            } else {
                out = std::move(t);
            }
        };
        const auto money = [&](Field f, std::optional<Money>& out, bool number_field) {
            if (trim(cell(row, f)).empty()) return;
            const AmountRead a = read_amount(cell(row, f));
            if (a.amount) {
                out = a.amount;
                return;
            }
            error(p.index, f, number_field && a.problem == RowProblem::bad_amount ? RowProblem::bad_number : a.problem);
            p.bad = true;
        };
        const auto date = [&](Field f, std::optional<Day>& out) {
            if (trim(cell(row, f)).empty()) return;
            const DateRead d = read_date(cell(row, f));
            if (d.day) out = d.day;
            else {
                error(p.index, f, d.problem);
                p.bad = true;
            }
        };
        const auto number = [&](Field f, std::optional<std::uint32_t>& out, auto read) {
            if (trim(cell(row, f)).empty()) return;
            out = read(cell(row, f));
            if (!out) {
                error(p.index, f, RowProblem::bad_number);
                p.bad = true;
            }
        };
        text(Field::segment, limits.name_chars, p.segment);
        number(Field::terms_days, p.terms, read_terms);
        money(Field::credit_limit, p.credit_limit, true);
        money(Field::potential, p.potential, true);
        number(Field::share_percent, p.share, read_share);
        text(Field::notes, limits.note_chars, p.notes);
        for (const Field f : {Field::invoice, Field::amount, Field::paid, Field::issued, Field::due})
            p.has_receivable |= !trim(cell(row, f)).empty();
        if (!p.has_receivable) continue;
        std::optional<std::string> invoice;
        text(Field::invoice, limits.invoice_chars, invoice);
        p.invoice = invoice.value_or("");
        if (trim(cell(row, Field::amount)).empty()) {
            error(p.index, Field::amount, RowProblem::missing_amount);
            p.bad = true;
        } else {
            money(Field::amount, p.amount, false);
            if (p.amount && *p.amount == 0) {
                error(p.index, Field::amount, RowProblem::zero_amount);
                p.bad = true;
            }
        }
        money(Field::paid, p.paid, false);
        date(Field::issued, p.issued);
        date(Field::due, p.due);
    }

    // The account fields: the first good row that gives one wins.
    for (const PendingRow& p : rows) {
        if (p.bad) continue;
        NameState& n = names[p.name];
        auto give = [&](Field f, const auto& value, auto& target) {
            if (!value || n.given[static_cast<std::size_t>(f)]) return;
            target = *value;
            n.given[static_cast<std::size_t>(f)] = true;
        };
        give(Field::segment, p.segment, n.account.segment);
        give(Field::terms_days, p.terms, n.account.terms_days);
        give(Field::credit_limit, p.credit_limit, n.account.credit_limit);
        give(Field::potential, p.potential, n.account.potential);
        give(Field::share_percent, p.share, n.account.share_percent);
        if (!p.has_receivable) give(Field::notes, p.notes, n.account.notes);
    }

    // Pass 3: dates completed, duplicates and limits, in the table's order.
    preview.rows.reserve(rows.size());
    std::size_t accounts_now = plan.accounts.size();
    std::size_t receivables_now = receivable_count(plan);
    std::size_t account_ids = 0, receivable_ids = 0;
    std::unordered_set<std::size_t> updated;
    for (PendingRow& p : rows) {
        if (p.bad) continue;
        NameState& n = names[p.name];
        const std::size_t r = p.index + 1;
        Receivable receivable;
        bool replaces = false;
        if (p.has_receivable) {
            const Day terms = static_cast<Day>(n.account.terms_days);
            Day issued = p.issued ? *p.issued : (p.due ? std::max(kPlanLimits.earliest, std::min(today, *p.due - terms)) : today);
            Day due = p.due ? *p.due : issued + terms;
            if (due > limits.latest) {
                preview.errors.push_back({r, column_number(p.issued ? Field::issued : Field::due), RowProblem::date_out_of_range,
                                          valid_text(cell(table.rows[p.index], p.issued ? Field::issued : Field::due))});
                continue;
            }
            if (due < issued) {
                error(p.index, Field::due, RowProblem::due_before_issue);
                continue;
            }
            if (p.paid && *p.paid > *p.amount) {
                error(p.index, Field::paid, RowProblem::paid_more_than_amount);
                continue;
            }
            if (!p.invoice.empty() && n.invoices.count(p.invoice) > 0) {
                error(p.index, Field::invoice, RowProblem::duplicate_invoice);
                continue;
            }
            if (n.existing && !p.invoice.empty()) {
                if (n.existing_invoices.empty())
                    for (const Receivable& e : n.existing->receivables) n.existing_invoices.insert(e.invoice);
                replaces = n.existing_invoices.count(p.invoice) > 0;
            }
            receivable.invoice = p.invoice;
            receivable.amount = *p.amount;
            receivable.issued = issued;
            receivable.due = due;
            receivable.note = p.notes.value_or("");
            if (p.paid && *p.paid > 0) receivable.payments.push_back({std::max(today, issued), *p.paid, {}});
        }
        const bool new_account = !n.existing && !n.accepted;
        const std::size_t account_receivables = (n.existing ? n.existing->receivables.size() : 0) + n.added;
        if ((new_account && accounts_now >= limits.accounts) ||
            (p.has_receivable && !replaces && (receivables_now >= limits.receivables || account_receivables >= limits.receivables_per_account))) {
            preview.errors.push_back({r, 0, RowProblem::over_limit, {}});
            continue;
        }
        if (new_account) {
            n.account.id = std::string(id_seed) + "-a" + std::to_string(++account_ids);
            ++accounts_now;
            ++preview.new_accounts;
        } else if (n.existing && updated.insert(p.name).second) {
            ++preview.updated_accounts;
        }
        n.accepted = true;
        ImportedRow out;
        out.row = r;
        out.account = n.account.name;
        out.has_receivable = p.has_receivable;
        if (p.has_receivable) {
            n.invoices.insert(p.invoice);
            if (!replaces) {
                ++n.added;
                ++receivables_now;
            }
            receivable.id = std::string(id_seed) + "-r" + std::to_string(++receivable_ids);
            out.receivable = std::move(receivable);
            ++preview.receivables;
        }
        preview.rows.push_back(std::move(out));
    }
    // Every row of an account carries the account as the whole import leaves it.
    for (ImportedRow& row : preview.rows) row.fields = names[name_index.at(row.account)].account;
    std::stable_sort(preview.errors.begin(), preview.errors.end(),
                     [](const RowError& a, const RowError& b) { return a.row != b.row ? a.row < b.row : a.column < b.column; });
    return preview;
}

ImportAccounts import_action(const ImportPreview& preview) {
    ImportAccounts action;
    action.fields = preview.fields;
    std::unordered_map<std::string_view, std::size_t> index;
    for (const ImportedRow& row : preview.rows) {
        auto [it, added] = index.emplace(row.account, action.accounts.size());
        if (added) {
            action.accounts.push_back(row.fields);
            action.accounts.back().receivables.clear();
        }
        if (row.has_receivable) action.accounts[it->second].receivables.push_back(row.receivable);
    }
    return action;
}

// ---- public: the ledger ------------------------------------------------------------------

namespace {

std::string plain_money(Money amount) {
    const bool negative = amount < 0;
    const std::uint64_t a = negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    std::string cents = std::to_string(a % 100);
    if (cents.size() < 2) cents.insert(cents.begin(), '0');
    return (negative ? "-" : "") + std::to_string(a / 100) + "." + cents;
}

std::string iso_day(Day day) {
    const CivilDate d = civil_date(day);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year), d.month, d.day);
    return buf;
}

Msg bucket_message(Bucket b) {
    switch (b) {
        case Bucket::not_due: return Msg::plan_csv_not_due;
        case Bucket::days_1_30: return Msg::plan_csv_days_1_30;
        case Bucket::days_31_60: return Msg::plan_csv_days_31_60;
        case Bucket::days_61_90: return Msg::plan_csv_days_61_90;
        case Bucket::over_90: return Msg::plan_csv_over_90;
    }
    return Msg::plan_csv_not_due;
}

// Numbers the ledger writes itself go out bare (a negative day count is no formula); text
// goes through export_text.h's guard.
void append_row(std::string& out, const std::vector<std::string>& cells, const std::vector<bool>& number) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        if (number[i]) out += cells[i];
        else out += csv_field(!cells[i].empty() && cells[i][0] == '\'' && guarded_form(cells[i]) ? "'" + cells[i] : cells[i]);
    }
    out += "\r\n";
}

}  // namespace

std::string ledger_csv(const Plan& plan, Day today, Lang lang) {
    std::string out(kCsvByteOrderMark);
    const std::vector<std::string> header = {
        std::string(field_name(Field::account, lang)),  std::string(field_name(Field::segment, lang)),
        std::string(field_name(Field::invoice, lang)),  std::string(field_name(Field::currency, lang)),
        std::string(field_name(Field::amount, lang)),   std::string(field_name(Field::paid, lang)),
        std::string(tr(Msg::plan_csv_open, lang)),      std::string(field_name(Field::issued, lang)),
        std::string(field_name(Field::due, lang)),      std::string(tr(Msg::plan_csv_days_past_due, lang)),
        std::string(tr(Msg::plan_csv_bucket, lang)),    std::string(tr(Msg::plan_csv_stage, lang)),
    };
    append_row(out, header, std::vector<bool>(header.size(), false));
    const std::vector<bool> numbers = {false, false, false, false, true, true, true, false, false, true, false, false};
    for (const Account& a : plan.accounts) {
        const std::string stage(tr(stage_of(a) == Stage::attack ? Msg::plan_csv_attack : Msg::plan_csv_defense, lang));
        if (a.receivables.empty()) {
            append_row(out, {a.name, a.segment, "", a.currency, "", "", "", "", "", "", "", stage}, numbers);
            continue;
        }
        for (const Receivable& r : a.receivables) {
            const Money open = open_amount(r, today);
            const int days = days_past_due(r, today);
            append_row(out,
                       {a.name, a.segment, r.invoice, a.currency, plain_money(r.amount), plain_money(paid_by(r, today)), plain_money(open),
                        iso_day(r.issued), iso_day(r.due), open > 0 ? std::to_string(days) : std::string(),
                        std::string(tr(open > 0 ? bucket_message(bucket_of(days)) : Msg::plan_csv_settled, lang)), stage},
                       numbers);
        }
    }
    return out;
}

// ---- public: words -----------------------------------------------------------------------

std::string_view field_name(Field field, Lang lang) {
    switch (field) {
        case Field::none: return tr(Msg::plan_csv_field_none, lang);
        case Field::account: return tr(Msg::plan_csv_field_account, lang);
        case Field::segment: return tr(Msg::plan_csv_field_segment, lang);
        case Field::invoice: return tr(Msg::plan_csv_field_invoice, lang);
        case Field::amount: return tr(Msg::plan_csv_field_amount, lang);
        case Field::paid: return tr(Msg::plan_csv_field_paid, lang);
        case Field::issued: return tr(Msg::plan_csv_field_issued, lang);
        case Field::due: return tr(Msg::plan_csv_field_due, lang);
        case Field::terms_days: return tr(Msg::plan_csv_field_terms, lang);
        case Field::credit_limit: return tr(Msg::plan_csv_field_credit_limit, lang);
        case Field::currency: return tr(Msg::plan_csv_field_currency, lang);
        case Field::potential: return tr(Msg::plan_csv_field_potential, lang);
        case Field::share_percent: return tr(Msg::plan_csv_field_share, lang);
        case Field::notes: return tr(Msg::plan_csv_field_notes, lang);
    }
    return tr(Msg::plan_csv_field_none, lang);
}

std::string describe(RowProblem problem, Lang lang) {
    const PlanLimits& l = kPlanLimits;
    switch (problem) {
        case RowProblem::none: return std::string(tr(Msg::plan_csv_problem_none, lang));
        case RowProblem::missing_account: return std::string(tr(Msg::plan_csv_problem_missing_account, lang));
        case RowProblem::missing_amount: return std::string(tr(Msg::plan_csv_problem_missing_amount, lang));
        case RowProblem::bad_amount: return std::string(tr(Msg::plan_csv_problem_bad_amount, lang));
        case RowProblem::negative_amount: return std::string(tr(Msg::plan_csv_problem_negative_amount, lang));
        case RowProblem::too_precise: return std::string(tr(Msg::plan_csv_problem_too_precise, lang));
        case RowProblem::amount_too_large: return std::string(tr(Msg::plan_csv_problem_amount_too_large, lang));
        case RowProblem::bad_date: return std::string(tr(Msg::plan_csv_problem_bad_date, lang));
        case RowProblem::ambiguous_date: return std::string(tr(Msg::plan_csv_problem_ambiguous_date, lang));
        case RowProblem::date_out_of_range: return std::string(tr(Msg::plan_csv_problem_date_out_of_range, lang));
        case RowProblem::due_before_issue: return std::string(tr(Msg::plan_csv_problem_due_before_issue, lang));
        case RowProblem::paid_more_than_amount: return std::string(tr(Msg::plan_csv_problem_paid_more, lang));
        case RowProblem::bad_number:
            return format(tr(Msg::plan_csv_problem_bad_number, lang), {std::to_string(l.max_terms_days)});
        case RowProblem::too_long:
            return format(tr(Msg::plan_csv_problem_too_long, lang),
                          {std::to_string(l.name_chars), std::to_string(l.invoice_chars), std::to_string(l.note_chars)});
        case RowProblem::duplicate_invoice: return std::string(tr(Msg::plan_csv_problem_duplicate_invoice, lang));
        case RowProblem::over_limit:
            return format(tr(Msg::plan_csv_problem_over_limit, lang),
                          {std::to_string(l.accounts), std::to_string(l.receivables), std::to_string(l.receivables_per_account)});
        case RowProblem::total_row: return std::string(tr(Msg::plan_csv_problem_total_row, lang));
        case RowProblem::zero_amount: return std::string(tr(Msg::plan_csv_problem_zero_amount, lang));
        case RowProblem::bad_currency: return std::string(tr(Msg::plan_csv_problem_bad_currency, lang));
        case RowProblem::mixed_currency: return std::string(tr(Msg::plan_csv_problem_mixed_currency, lang));
    }
    return std::string(tr(Msg::plan_csv_problem_none, lang));
}

}  // namespace coach
