// plan_json: the collection plan's records and its file as JSON (formats in plan_store.h).
//
// Written and read by the project's cereal archives (json_archive.h), as the learner document
// is, and read the same careful way: json_guard checks size, depth, entries and that every
// string is valid Unicode before anything is built, with limits computed from kPlanLimits and
// the byte budgets of plan_store.h; then every account read must be one `refusal` accepts, so
// a record holds nothing the app could not have written. Enumerations are words ("attack",
// "amount"), so a record reads the same whatever the enum's order becomes.
//
// record_size_bound mirrors the writer's layout (json_archive.h: a member or element per line,
// ": " after a name, `indent` spaces a level) to count, without writing, the bytes an account
// takes: each string escaped exactly as RapidJSON escapes it, each number at its longest.
#include "json_config.h"  // first: RapidJSON compiled the same way everywhere
#include "plan_store.h"

#include <algorithm>
#include <unordered_set>

#include "cereal/types/vector.hpp"
#include "json_archive.h"
#include "utf8.h"

namespace coach {
namespace {

struct FutureVersion {
    std::uint32_t version;
};
struct BadValue {
    std::string field;
};

// Text leaves only as valid text (utf8.h): the store keeps it so, this makes sure.
void text_nvp(JsonOutputArchive& ar, const char* name, const std::string& text) {
    if (is_valid_text(text)) ar(cereal::make_nvp(name, text));
    else ar(cereal::make_nvp(name, valid_text(text)));
}
void text_nvp(JsonInputArchive& ar, const char* name, std::string& text) { ar(cereal::make_nvp(name, text)); }

const char* stage_word(StageChoice s) {
    switch (s) {
        case StageChoice::from_share: return "from_share";
        case StageChoice::attack: return "attack";
        case StageChoice::defense: return "defense";
    }
    return "from_share";
}

constexpr std::pair<Field, const char*> kFieldWords[] = {
    {Field::none, "none"},
    {Field::account, "account"},
    {Field::segment, "segment"},
    {Field::invoice, "invoice"},
    {Field::amount, "amount"},
    {Field::paid, "paid"},
    {Field::issued, "issued"},
    {Field::due, "due"},
    {Field::terms_days, "terms_days"},
    {Field::credit_limit, "credit_limit"},
    {Field::currency, "currency"},
    {Field::potential, "potential"},
    {Field::share_percent, "share_percent"},
    {Field::notes, "notes"},
};

const char* field_word(Field f) {
    for (const auto& [field, word] : kFieldWords)
        if (field == f) return word;
    return "none";
}

}  // namespace

template <class Archive>
void serialize(Archive& ar, Payment& p) {
    ar(cereal::make_nvp("date", p.date), cereal::make_nvp("amount", p.amount));
    text_nvp(ar, "note", p.note);
}

template <class Archive>
void serialize(Archive& ar, Receivable& r) {
    text_nvp(ar, "id", r.id);
    text_nvp(ar, "invoice", r.invoice);
    ar(cereal::make_nvp("amount", r.amount), cereal::make_nvp("issued", r.issued), cereal::make_nvp("due", r.due));
    text_nvp(ar, "note", r.note);
    ar(cereal::make_nvp("payments", r.payments));
}

template <class Archive>
void serialize(Archive& ar, Account& a) {
    text_nvp(ar, "id", a.id);
    text_nvp(ar, "name", a.name);
    text_nvp(ar, "segment", a.segment);
    ar(cereal::make_nvp("potential", a.potential), cereal::make_nvp("share_percent", a.share_percent));
    std::string stage = stage_word(a.stage);
    ar(cereal::make_nvp("stage", stage));
    if constexpr (Archive::is_loading::value) {
        if (stage == "from_share") a.stage = StageChoice::from_share;
        else if (stage == "attack") a.stage = StageChoice::attack;
        else if (stage == "defense") a.stage = StageChoice::defense;
        else throw BadValue{"stage"};
    }
    ar(cereal::make_nvp("credit_limit", a.credit_limit), cereal::make_nvp("terms_days", a.terms_days));
    text_nvp(ar, "currency", a.currency);
    text_nvp(ar, "notes", a.notes);
    ar(cereal::make_nvp("example", a.example), cereal::make_nvp("receivables", a.receivables));
}

template <class Archive>
void serialize(Archive& ar, ColumnChoice& c) {
    text_nvp(ar, "header", c.header);
    std::string field = field_word(c.field);
    ar(cereal::make_nvp("field", field));
    if constexpr (Archive::is_loading::value) {
        const auto* found = std::find_if(std::begin(kFieldWords), std::end(kFieldWords), [&](const auto& f) { return field == f.second; });
        if (found == std::end(kFieldWords)) throw BadValue{"field"};
        c.field = found->first;
    }
}

namespace {

// The plan as the file holds it: {"accounts": [...], "mapping": [...]}.
struct PlanBody {
    Plan& plan;
};
template <class Archive>
void serialize(Archive& ar, PlanBody& b) {
    ar(cereal::make_nvp("accounts", b.plan.accounts), cereal::make_nvp("mapping", b.plan.mapping));
}

// The envelope every record and the file start with.
void write_envelope(JsonOutputArchive& ar, const char* kind) {
    std::string app = kAppId, course = kCourseId, k = kind;
    std::uint32_t version = kPlanVersion;
    ar(cereal::make_nvp("app", app), cereal::make_nvp("course", course), cereal::make_nvp("kind", k), cereal::make_nvp("version", version));
}

ReadError error_of(ReadFailure f, std::string detail = {}) {
    ReadError e;
    e.failure = f;
    e.detail = std::move(detail);
    return e;
}

ReadError guard_error(const JsonCheck& check) {
    ReadError e;
    e.json = check;
    switch (check.problem) {
        case JsonProblem::too_large: e.failure = ReadFailure::too_large; break;
        case JsonProblem::too_deep: e.failure = ReadFailure::too_deep; break;
        case JsonProblem::too_many_entries: e.failure = ReadFailure::too_many_entries; break;
        case JsonProblem::not_unicode: e.failure = ReadFailure::not_unicode; break;
        default: e.failure = ReadFailure::not_json; break;
    }
    return e;
}

// Reads the envelope: this app, this course, `kind`, a version this code knows. Another kind is
// not_coach with the kind found as detail ("document" for a learner document, which has none).
std::optional<ReadError> read_envelope(JsonInputArchive& ar, const char* kind) {
    std::string app, course, k;
    try {
        ar(cereal::make_nvp("app", app));
    } catch (const JsonReadError&) {
        return error_of(ReadFailure::not_coach);
    }
    if (app != kAppId) return error_of(ReadFailure::not_coach);
    ar(cereal::make_nvp("course", course));
    if (course != kCourseId) return error_of(ReadFailure::other_course, course);
    try {
        ar(cereal::make_nvp("kind", k));
    } catch (const JsonMissingField&) {
        return error_of(ReadFailure::not_coach, "document");
    }
    if (k != kind) return error_of(ReadFailure::not_coach, k.empty() ? std::string("?") : k);
    std::uint32_t version = 0;
    ar(cereal::make_nvp("version", version));
    if (version > kPlanVersion) {
        ReadError e = error_of(ReadFailure::future_version);
        e.version = version;
        return e;
    }
    return std::nullopt;
}

const char* refusal_word(PlanRefusal r) {
    switch (r) {
        case PlanRefusal::none: return "none";
        case PlanRefusal::too_many_accounts: return "too many accounts";
        case PlanRefusal::too_many_receivables: return "too many receivables";
        case PlanRefusal::too_many_payments: return "too many payments";
        case PlanRefusal::text_too_long: return "text too long";
        case PlanRefusal::amount_out_of_range: return "amount out of range";
        case PlanRefusal::date_out_of_range: return "date out of range";
        case PlanRefusal::due_before_issue: return "due before issue";
        case PlanRefusal::unknown_account: return "unknown account";
        case PlanRefusal::unknown_receivable: return "unknown receivable";
        case PlanRefusal::duplicate_id: return "duplicate id";
        case PlanRefusal::empty_name: return "empty name";
        case PlanRefusal::not_positive: return "not positive";
    }
    return "refused";
}

// Runs `body` over the archive; every way reading can fail becomes a ReadError.
template <class Body>
std::optional<ReadError> read_body(JsonInputArchive& ar, Body&& body) {
    try {
        return body(ar);
    } catch (const FutureVersion& f) {
        ReadError e = error_of(ReadFailure::future_version);
        e.version = f.version;
        return e;
    } catch (const BadValue& b) {
        return error_of(ReadFailure::wrong_shape, b.field);
    } catch (const JsonMissingField& e) {
        return error_of(ReadFailure::wrong_shape, e.field);
    } catch (const std::exception&) {
        return error_of(ReadFailure::wrong_shape);
    }
}

// A file: json_guard first (size, depth, entries, syntax, the text rule), then cereal.
template <class Body>
std::optional<ReadError> read_guarded(std::string_view text, const JsonLimits& limits, Body&& body) {
    const JsonCheck check = check_json(text, limits);
    if (!check.ok()) return guard_error(check);
    std::optional<JsonInputArchive> ar;
    try {
        ar.emplace(text);
    } catch (const std::exception&) {
        return error_of(ReadFailure::not_coach);  // JSON, but not an object or array
    }
    return read_body(*ar, body);
}

// A record: the app reads them by the thousand at start, so in one pass instead of two. Below
// the size limit the parse (iterative, validating UTF-8) is safe on anything, and the text
// read is checked against the rule (utf8.h) after, by `text_ok`; json_guard runs only when
// something failed, to name it. Nesting and entries beyond the limits can then only be in
// members nobody reads, which count for nothing.
template <class Body, class TextOk>
std::optional<ReadError> read_record(std::string_view text, const JsonLimits& limits, Body&& body, TextOk&& text_ok) {
    const auto named = [&](ReadFailure otherwise) -> std::optional<ReadError> {
        const JsonCheck check = check_json(text, limits);
        return check.ok() ? error_of(otherwise) : guard_error(check);
    };
    if (text.size() > limits.max_bytes) return named(ReadFailure::too_large);
    std::optional<JsonInputArchive> ar;
    try {
        ar.emplace(text);
    } catch (const std::exception&) {
        return named(ReadFailure::not_coach);  // not JSON (named by the guard), or not an object or array
    }
    std::optional<ReadError> error = read_body(*ar, body);
    if (!error && !text_ok()) return named(ReadFailure::not_unicode);
    return error;
}

bool valid(const std::string& s) { return is_valid_text(s); }
bool valid(const Account& a) {
    if (!valid(a.id) || !valid(a.name) || !valid(a.segment) || !valid(a.currency) || !valid(a.notes)) return false;
    for (const Receivable& r : a.receivables) {
        if (!valid(r.id) || !valid(r.invoice) || !valid(r.note)) return false;
        for (const Payment& p : r.payments)
            if (!valid(p.note)) return false;
    }
    return true;
}

// ---- sizes ----

// The bytes RapidJSON's writer makes of a string, quotes included.
std::size_t escaped_size(std::string_view s) {
    std::size_t n = 2 + s.size();
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u == '"' || u == '\\' || u == '\b' || u == '\f' || u == '\n' || u == '\r' || u == '\t') n += 1;
        else if (u < 0x20) n += 5;  // \u001F
    }
    return n;
}

constexpr std::size_t kNumber = 20;  // -9223372036854775808
constexpr std::size_t kBool = 5;

// Counts as the writer lays out: a value at `depth` costs its separator and line break, the
// indent, its name with ": ", and itself; a container its brackets and closing line.
struct Bound {
    unsigned indent = 0;
    std::size_t bytes = 0;
    void value(unsigned depth, std::string_view name, std::size_t size) {
        bytes += 2 + std::size_t{indent} * depth + (name.empty() ? 0 : name.size() + 4) + size;
    }
    void text(unsigned depth, std::string_view name, std::string_view s) { value(depth, name, escaped_size(s)); }
    void container(unsigned depth, std::string_view name) { value(depth, name, 2 + 1 + std::size_t{indent} * depth); }
};

// An account object at `depth` (as an element, or the member "account" of a record).
void bound_account(Bound& b, const Account& a, unsigned depth, std::string_view name) {
    b.container(depth, name);
    const unsigned in = depth + 1;
    b.text(in, "id", a.id);
    b.text(in, "name", a.name);
    b.text(in, "segment", a.segment);
    b.value(in, "potential", kNumber);
    b.value(in, "share_percent", kNumber);
    b.value(in, "stage", escaped_size("from_share"));
    b.value(in, "credit_limit", kNumber);
    b.value(in, "terms_days", kNumber);
    b.text(in, "currency", a.currency);
    b.text(in, "notes", a.notes);
    b.value(in, "example", kBool);
    b.container(in, "receivables");
    for (const Receivable& r : a.receivables) {
        const unsigned rd = in + 1, rm = in + 2;
        b.container(rd, {});
        b.text(rm, "id", r.id);
        b.text(rm, "invoice", r.invoice);
        b.value(rm, "amount", kNumber);
        b.value(rm, "issued", kNumber);
        b.value(rm, "due", kNumber);
        b.text(rm, "note", r.note);
        b.container(rm, "payments");
        for (const Payment& p : r.payments) {
            b.container(rm + 1, {});
            b.value(rm + 2, "date", kNumber);
            b.value(rm + 2, "amount", kNumber);
            b.text(rm + 2, "note", p.note);
        }
    }
}

void bound_envelope(Bound& b) {
    b.container(0, {});
    b.text(1, "app", kAppId);
    b.text(1, "course", kCourseId);
    b.value(1, "kind", escaped_size("account"));
    b.value(1, "version", kNumber);
    b.value(1, "generation", kNumber);
}

}  // namespace

std::size_t record_size_bound(const Account& account, bool in_file) {
    Bound b;
    if (in_file) {
        b.indent = 2;
        bound_account(b, account, 3, {});  // {"plan": {"accounts": [ here
    } else {
        bound_envelope(b);
        bound_account(b, account, 1, "account");
    }
    return b.bytes;
}

std::size_t mapping_size_bound(const std::vector<ColumnChoice>& mapping) {
    Bound b{2};
    b.container(2, "mapping");  // {"plan": {"mapping": [ here
    for (const ColumnChoice& c : mapping) {
        b.container(3, {});
        b.text(4, "header", c.header);
        b.value(4, "field", escaped_size(field_word(c.field)));
    }
    return b.bytes;
}

std::size_t plan_file_size_bound(const Plan& plan) {
    Bound b{2};
    bound_envelope(b);
    b.container(1, "plan");
    b.container(2, "accounts");
    std::size_t bytes = b.bytes + mapping_size_bound(plan.mapping);
    for (const Account& a : plan.accounts) bytes += record_size_bound(a, true);
    return bytes;
}

std::size_t head_bytes_bound(const PlanLimits& limits) {
    Bound b;
    bound_envelope(b);
    // Each id at its longest, every code point a control character (6 bytes escaped).
    const std::size_t id = 2 + 6 * limits.id_chars;
    b.container(1, "accounts");
    b.bytes += limits.accounts * (2 + id);
    b.container(1, "mapping");
    const std::size_t header = 2 + 6 * limits.name_chars;
    std::size_t longest_field = 0;
    for (const auto& [field, word] : kFieldWords) longest_field = std::max(longest_field, escaped_size(word));
    b.bytes += limits.mapping_columns * ((2 + 3) + (2 + 10 + header) + (2 + 9 + longest_field));
    return b.bytes;
}

JsonLimits head_json_limits() {
    // Depth: the head, its mapping, a choice. Entries: the id list is the longest.
    const std::size_t mib = std::size_t{1} << 20;
    return {(head_bytes_bound() + mib - 1) / mib * mib, 3, std::max<std::size_t>({kPlanLimits.accounts, kPlanLimits.mapping_columns, 16})};
}

JsonLimits account_json_limits() {
    // Depth: record, account, receivables, a receivable, its payments, a payment.
    return {kAccountRecordBytes, 6, std::max<std::size_t>({kPlanLimits.receivables_per_account, kPlanLimits.payments_per_receivable, 16})};
}

JsonLimits plan_file_json_limits() {
    // Depth: the file nests 8 levels (file, plan, accounts, an account, receivables, a
    // receivable, payments, a payment), but a file a learner picks may be any of the app's
    // files, deeper ones too, and is named for what it is: the learner document's depth.
    return {kPlanFileBytes, JsonLimits{}.max_depth,
            std::max<std::size_t>({kPlanLimits.accounts, kPlanLimits.receivables_per_account, kPlanLimits.payments_per_receivable,
                                   kPlanLimits.mapping_columns, 16})};
}

// ---- records ----

namespace {
// The serialize functions above take the value non-const, as cereal's loading needs; saving
// only reads it (text_nvp writes a fixed copy of invalid text, never into the value), so what
// is written is not copied first: at 5,000 accounts the copies cost as much as the writing.
template <class T>
T& saved(const T& value) {
    return const_cast<T&>(value);
}
}  // namespace

std::string write_head(const Plan& plan, std::uint64_t generation) {
    JsonOutputArchive ar(0);
    write_envelope(ar, "plan");
    std::vector<std::string> ids;
    ids.reserve(plan.accounts.size());
    for (const Account& a : plan.accounts) ids.push_back(is_valid_text(a.id) ? a.id : valid_text(a.id));
    ar(cereal::make_nvp("generation", generation), cereal::make_nvp("accounts", ids), cereal::make_nvp("mapping", saved(plan.mapping)));
    return ar.text();
}

std::string write_account_record(const Account& account, std::uint64_t generation) {
    JsonOutputArchive ar(0);
    write_envelope(ar, "account");
    ar(cereal::make_nvp("generation", generation), cereal::make_nvp("account", saved(account)));
    return ar.text();
}

HeadRead read_head(std::string_view text) {
    HeadRead result;
    PlanHead head;
    const auto error = read_record(text, head_json_limits(), [&](JsonInputArchive& ar) -> std::optional<ReadError> {
        if (auto e = read_envelope(ar, "plan")) return e;
        ar(cereal::make_nvp("generation", head.generation), cereal::make_nvp("accounts", head.accounts),
           cereal::make_nvp("mapping", head.mapping));
        if (head.accounts.size() > kPlanLimits.accounts) return error_of(ReadFailure::wrong_shape, "accounts");
        std::unordered_set<std::string_view> ids;
        ids.reserve(head.accounts.size());
        for (const std::string& id : head.accounts) {
            if (id.empty() || utf8_count(id) > kPlanLimits.id_chars || !ids.insert(id).second) return error_of(ReadFailure::wrong_shape, "accounts");
        }
        if (refusal(Plan{}, RememberMapping{head.mapping}) != PlanRefusal::none) return error_of(ReadFailure::wrong_shape, "mapping");
        return std::nullopt;
    }, [&] {
        return std::all_of(head.accounts.begin(), head.accounts.end(), [](const std::string& id) { return valid(id); }) &&
               std::all_of(head.mapping.begin(), head.mapping.end(), [](const ColumnChoice& c) { return valid(c.header); });
    });
    if (error) result.error = *error;
    else result.head = std::move(head);
    return result;
}

AccountRead read_account_record(std::string_view text) {
    AccountRead result;
    AccountRecord record;
    const auto error = read_record(text, account_json_limits(), [&](JsonInputArchive& ar) -> std::optional<ReadError> {
        if (auto e = read_envelope(ar, "account")) return e;
        ar(cereal::make_nvp("generation", record.generation), cereal::make_nvp("account", record.account));
        // Only what the app could have written: every field within the plan's rules.
        AddAccount check{std::move(record.account)};
        const PlanRefusal why = refusal(Plan{}, check);
        record.account = std::move(check.account);
        if (why != PlanRefusal::none) return error_of(ReadFailure::wrong_shape, std::string("account: ") + refusal_word(why));
        return std::nullopt;
    }, [&] { return valid(record.account); });
    if (error) result.error = *error;
    else result.record = std::move(record);
    return result;
}

// ---- the file ----

std::string write_plan_file(const Plan& plan, bool pretty) {
    JsonOutputArchive ar(pretty ? 2 : 0);
    write_envelope(ar, "plan");
    PlanBody body{saved(plan)};
    ar(cereal::make_nvp("plan", body));
    return ar.text();
}

PlanFileRead read_plan_file(std::string_view text) {
    PlanFileRead result;
    Plan plan;
    const auto error = read_guarded(text, plan_file_json_limits(), [&](JsonInputArchive& ar) -> std::optional<ReadError> {
        if (auto e = read_envelope(ar, "plan")) return e;
        PlanBody body{plan};
        ar(cereal::make_nvp("plan", body));
        ReplacePlan check{std::move(plan)};
        const PlanRefusal why = refusal(Plan{}, check);
        plan = std::move(check.plan);
        if (why != PlanRefusal::none) return error_of(ReadFailure::wrong_shape, std::string("plan: ") + refusal_word(why));
        for (const Account& a : plan.accounts)
            if (record_size_bound(a) > kAccountRecordBytes) return error_of(ReadFailure::too_large);
        return std::nullopt;
    });
    if (error) result.error = *error;
    else result.plan = std::move(plan);
    return result;
}

std::uint64_t head_generation(std::string_view text) {
    constexpr std::string_view key = "\"generation\"";
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
        std::size_t i = at + key.size();
        while (i < text.size() && space(text[i])) ++i;
        if (i >= text.size() || text[i] != ':') continue;
        ++i;
        while (i < text.size() && space(text[i])) ++i;
        const std::size_t digits = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        if (i == digits) continue;
        if (i - digits > 15) return 0;
        std::uint64_t n = 0;
        for (std::size_t d = digits; d < i; ++d) n = n * 10 + static_cast<std::uint64_t>(text[d] - '0');
        return n;
    }
    return 0;
}

std::string describe_plan_error(const ReadError& error, Lang lang, const JsonLimits& limits) {
    if (error.json.problem != JsonProblem::none) return describe(error.json, lang, limits);
    if (error.failure == ReadFailure::future_version)
        return format(tr(Msg::read_future_version, lang), {std::to_string(error.version), std::to_string(kPlanVersion)});
    if (error.failure == ReadFailure::not_coach && !error.detail.empty()) return format(tr(Msg::plan_read_other_kind, lang), {error.detail});
    if (error.failure == ReadFailure::too_large)  // not the JSON's size (above): the byte budgets of plan_store.h
        return format(tr(Msg::plan_read_too_large, lang), {std::to_string(kAccountRecordBytes >> 20), std::to_string(kPlanFileBytes >> 20)});
    return describe(error, lang);
}

}  // namespace coach
