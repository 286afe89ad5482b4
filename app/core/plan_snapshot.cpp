// plan_snapshot: see plan_snapshot.h. One pass to write, one to read: no JSON, no tree.
#include "plan_snapshot.h"

#include <charconv>

#include "utf8.h"

namespace coach {
namespace {

constexpr std::string_view kMagic = "coach-plan-snapshot";

// FNV-1a, 64 bits: a damaged value is found, not an attacker (the records are the plan).
std::uint64_t checksum(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

void put_text(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
}

template <typename Int>
void put_number(std::string& out, Int n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, r.ptr);
}

void tab(std::string& out) { out += '\t'; }

// The fields of one line, as views into the text (escaped): at most kMaxFields.
constexpr std::size_t kMaxFields = 12;
struct Line {
    std::string_view field[kMaxFields];
    std::size_t count = 0;
};

// The next line of `text` (which must end with '\n'), split at tabs; false when it has none or
// more fields than any line.
bool next_line(std::string_view& text, Line& line) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) return false;
    std::string_view rest = text.substr(0, end);
    text.remove_prefix(end + 1);
    line.count = 0;
    for (;;) {
        if (line.count == kMaxFields) return false;
        const std::size_t tab_at = rest.find('\t');
        line.field[line.count++] = rest.substr(0, tab_at);
        if (tab_at == std::string_view::npos) return true;
        rest.remove_prefix(tab_at + 1);
    }
}

// A field's text, unescaped (most fields hold no backslash and are copied as they are).
bool get_text(std::string_view field, std::string& out) {
    if (field.find('\\') == std::string_view::npos) {
        out.assign(field);
        return true;
    }
    out.clear();
    out.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\') {
            out += field[i];
            continue;
        }
        if (++i == field.size()) return false;
        switch (field[i]) {
            case '\\': out += '\\'; break;
            case 't': out += '\t'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            default: return false;
        }
    }
    return true;
}

template <typename Int>
bool get_number(std::string_view field, Int& n) {
    const auto r = std::from_chars(field.data(), field.data() + field.size(), n);
    return r.ec == std::errc{} && r.ptr == field.data() + field.size();
}

std::string hex16(std::uint64_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, n >>= 4) s[static_cast<std::size_t>(i)] = kDigits[n & 15];
    return s;
}

// Reads the lines after the first into a plan; false at the first line that does not fit.
bool read_body(std::string_view body, Plan& plan) {
    Line l;
    Account* account = nullptr;
    Receivable* receivable = nullptr;
    while (!body.empty()) {
        if (!next_line(body, l)) return false;
        const std::string_view* f = l.field;
        const std::string_view kind = f[0];
        if (kind == "R" && l.count == 7 && account != nullptr) {  // the most frequent first
            Receivable& r = account->receivables.emplace_back();
            if (!get_text(f[1], r.id) || !get_text(f[2], r.invoice) || !get_number(f[3], r.amount) || !get_number(f[4], r.issued) ||
                !get_number(f[5], r.due) || !get_text(f[6], r.note))
                return false;
            receivable = &r;
        } else if (kind == "P" && l.count == 4 && receivable != nullptr) {
            Payment& p = receivable->payments.emplace_back();
            if (!get_number(f[1], p.date) || !get_number(f[2], p.amount) || !get_text(f[3], p.note)) return false;
        } else if (kind == "A" && l.count == 12) {
            Account& a = plan.accounts.emplace_back();
            int stage = 0, example = 0;
            if (!get_text(f[1], a.id) || !get_text(f[2], a.name) || !get_text(f[3], a.segment) || !get_number(f[4], a.potential) ||
                !get_number(f[5], a.share_percent) || !get_number(f[6], stage) || !get_number(f[7], a.credit_limit) ||
                !get_number(f[8], a.terms_days) || !get_text(f[9], a.currency) || !get_text(f[10], a.notes) || !get_number(f[11], example))
                return false;
            if (stage < 0 || stage > static_cast<int>(StageChoice::defense) || (example != 0 && example != 1)) return false;
            a.stage = static_cast<StageChoice>(stage);
            a.example = example == 1;
            account = &a;
            receivable = nullptr;
        } else if (kind == "M" && l.count == 3) {
            ColumnChoice& c = plan.mapping.emplace_back();
            int field = 0;
            if (!get_text(f[1], c.header) || !get_number(f[2], field) || field < 0 || field > static_cast<int>(Field::notes)) return false;
            c.field = static_cast<Field>(field);
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string write_plan_snapshot(const Plan& plan, std::uint64_t generation) {
    std::string body;
    std::size_t size = 64;
    for (const Account& a : plan.accounts) size += 96 + a.name.size() + a.notes.size() + a.receivables.size() * 64;
    body.reserve(size);
    for (const ColumnChoice& c : plan.mapping) {
        body += 'M', tab(body), put_text(body, c.header), tab(body), put_number(body, static_cast<int>(c.field)), body += '\n';
    }
    for (const Account& a : plan.accounts) {
        body += 'A', tab(body), put_text(body, a.id), tab(body), put_text(body, a.name), tab(body), put_text(body, a.segment), tab(body);
        put_number(body, a.potential), tab(body), put_number(body, a.share_percent), tab(body), put_number(body, static_cast<int>(a.stage));
        tab(body), put_number(body, a.credit_limit), tab(body), put_number(body, a.terms_days), tab(body), put_text(body, a.currency);
        tab(body), put_text(body, a.notes), tab(body), put_number(body, a.example ? 1 : 0), body += '\n';
        for (const Receivable& r : a.receivables) {
            body += 'R', tab(body), put_text(body, r.id), tab(body), put_text(body, r.invoice), tab(body), put_number(body, r.amount);
            tab(body), put_number(body, r.issued), tab(body), put_number(body, r.due), tab(body), put_text(body, r.note), body += '\n';
            for (const Payment& p : r.payments) {
                body += 'P', tab(body), put_number(body, p.date), tab(body), put_number(body, p.amount), tab(body), put_text(body, p.note);
                body += '\n';
            }
        }
    }
    std::string out;
    out.reserve(body.size() + 64);
    out += kMagic, tab(out), put_number(out, kPlanSnapshotVersion), tab(out), put_number(out, generation), tab(out);
    out += hex16(checksum(body)), out += '\n';
    return out + body;
}

std::uint64_t snapshot_generation(std::string_view text) {
    Line f;
    if (!next_line(text, f) || f.count != 4 || f.field[0] != kMagic) return 0;
    std::uint32_t version = 0;
    std::uint64_t generation = 0;
    if (!get_number(f.field[1], version) || version != kPlanSnapshotVersion || !get_number(f.field[2], generation)) return 0;
    return generation;
}

std::optional<Plan> read_plan_snapshot(std::string_view text, std::uint64_t generation) {
    if (generation == 0 || snapshot_generation(text) != generation) return std::nullopt;
    std::string_view body = text;
    Line first;
    next_line(body, first);  // snapshot_generation has read it
    if (first.field[3] != hex16(checksum(body)) || !is_valid_text(body)) return std::nullopt;
    Plan plan;
    if (!read_body(body, plan)) return std::nullopt;
    // Only what the app could have written: the same check a restored plan file passes.
    if (whole_plan_refusal(plan) != PlanRefusal::none) return std::nullopt;
    return plan;
}

}  // namespace coach
