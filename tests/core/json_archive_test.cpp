// The in-memory JSON archives against what cereal's own JSON archive writes, byte for byte,
// and reading as tolerant of order, and as strict about types, as the document needs.
#include "core/json_archive.h"  // first: it configures RapidJSON (json_config.h)

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cereal/archives/json.hpp"  // only here: what the document was written with before
#include "cereal/types/vector.hpp"

using namespace coach;

namespace {

struct Invoice {
    std::string id;
    std::int64_t cents = 0;
    std::uint32_t days_overdue = 0;
    bool paid = false;
    double share = 0;
    bool operator==(const Invoice&) const = default;
};
template <class Archive>
void serialize(Archive& ar, Invoice& i) {
    ar(cereal::make_nvp("id", i.id), cereal::make_nvp("cents", i.cents), cereal::make_nvp("days_overdue", i.days_overdue),
       cereal::make_nvp("paid", i.paid), cereal::make_nvp("share", i.share));
}

struct NoNotes {
    bool operator==(const NoNotes&) const = default;
};
template <class Archive>
void serialize(Archive&, NoNotes&) {}

struct Customer {
    std::string name;
    std::uint64_t ledger = 0;
    std::int32_t credit_days = 0;
    std::vector<std::uint32_t> reminders;
    std::vector<Invoice> invoices;
    Invoice last;
    NoNotes notes;
    std::uint32_t version_read = 0;  // not written: the class version it was read with
    bool operator==(const Customer&) const = default;
};
template <class Archive>
void serialize(Archive& ar, Customer& c, const std::uint32_t version) {
    c.version_read = version;
    ar(cereal::make_nvp("name", c.name), cereal::make_nvp("ledger", c.ledger), cereal::make_nvp("credit_days", c.credit_days),
       cereal::make_nvp("reminders", c.reminders), cereal::make_nvp("invoices", c.invoices), cereal::make_nvp("last", c.last),
       cereal::make_nvp("notes", c.notes));
}

template <class T>
std::string write(const T& value, unsigned indent = 0) {
    JsonOutputArchive ar(indent);
    ar(cereal::make_nvp("value", value));
    return ar.text();
}
template <class T>
std::string cereal_writes(const T& value, unsigned indent = 0) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(out, cereal::JSONOutputArchive::Options(324, cereal::JSONOutputArchive::Options::IndentChar::space, indent));
        ar(cereal::make_nvp("value", value));
    }
    return out.str();
}
template <class T>
T read(std::string_view text) {
    JsonInputArchive ar(text);
    T value{};
    ar(cereal::make_nvp("value", value));
    return value;
}
// The field a read names as missing; "" when it reads, or fails another way.
template <class T>
std::string missing(std::string_view text) {
    try {
        read<T>(text);
    } catch (const JsonMissingField& e) {
        return e.field;
    } catch (const JsonReadError&) {
    }
    return {};
}

Customer sample_customer() {
    Customer c;
    c.name = "华东机电 \"总部\"\n\t🌱 \\ /";
    c.ledger = std::numeric_limits<std::uint64_t>::max();
    c.credit_days = std::numeric_limits<std::int32_t>::min();
    c.reminders = {0, 7, std::numeric_limits<std::uint32_t>::max()};
    c.invoices = {{"A-1", std::numeric_limits<std::int64_t>::min(), 95, true, 0.688889},
                  {"", std::numeric_limits<std::int64_t>::max(), 0, false, 1e-7}};
    c.last = {"A-2", -12345678, 30, false, 1};
    return c;
}

}  // namespace

CEREAL_CLASS_VERSION(Customer, 2)

TEST_CASE("every supported type survives a round trip", "[json_archive]") {
    Customer c = sample_customer();
    c.version_read = 2;
    for (const unsigned indent : {0u, 2u}) {
        CHECK(read<Customer>(write(c, indent)) == c);
        CHECK(read<Invoice>(write(c.last, indent)) == c.last);
        CHECK(read<std::vector<Invoice>>(write(c.invoices, indent)) == c.invoices);
        CHECK(read<std::vector<std::uint32_t>>(write(std::vector<std::uint32_t>{}, indent)).empty());
        CHECK(read<std::string>(write(std::string("回款"), indent)) == "回款");
        CHECK(read<double>(write(0.333333, indent)) == 0.333333);
        CHECK(read<bool>(write(true, indent)));
    }
}

TEST_CASE("what is written is what cereal's own JSON archive writes, byte for byte", "[json_archive]") {
    const Customer c = sample_customer();
    for (const unsigned indent : {0u, 2u, 4u}) {
        CAPTURE(indent);
        CHECK(write(c, indent) == cereal_writes(c, indent));
        CHECK(write(Customer{}, indent) == cereal_writes(Customer{}, indent));
        CHECK(write(c.invoices, indent) == cereal_writes(c.invoices, indent));
        CHECK(write(std::vector<Invoice>{}, indent) == cereal_writes(std::vector<Invoice>{}, indent));
        CHECK(write(0.0, indent) == cereal_writes(0.0, indent));
        CHECK(write(nullptr, indent) == cereal_writes(nullptr, indent));
    }
}

TEST_CASE("no indent still puts each member on a line; an indent of 2 indents each level", "[json_archive]") {
    const Invoice i{"A-1", 500, 3, true, 0.5};
    CHECK(write(i) == "{\n\"value\": {\n\"id\": \"A-1\",\n\"cents\": 500,\n\"days_overdue\": 3,\n\"paid\": true,\n\"share\": 0.5\n}\n}");
    CHECK(write(std::vector<std::uint32_t>{1, 2}, 2) == "{\n  \"value\": [\n    1,\n    2\n  ]\n}");
    // Empty containers and classes stay on one line; a versioned class says its version first.
    CHECK(write(Customer{}, 2) ==
          "{\n  \"value\": {\n    \"cereal_class_version\": 2,\n    \"name\": \"\",\n    \"ledger\": 0,\n    \"credit_days\": 0,\n"
          "    \"reminders\": [],\n    \"invoices\": [],\n    \"last\": {\n      \"id\": \"\",\n      \"cents\": 0,\n"
          "      \"days_overdue\": 0,\n      \"paid\": false,\n      \"share\": 0.0\n    },\n    \"notes\": {}\n  }\n}");
    // Nothing written: no outer object either.
    JsonOutputArchive nothing(2);
    CHECK(nothing.text().empty());
}

TEST_CASE("members are found by name whatever their order, unknown ones ignored", "[json_archive]") {
    const Invoice i = read<Invoice>(R"({"value":{"share":0.25,"paid":true,"extra":[1,{}],"days_overdue":4,"id":"B","cents":-3}})");
    CHECK(i == Invoice{"B", -3, 4, true, 0.25});
    // A name is looked for where the last member was read, then from the start: of two
    // members of one name, the one that follows, else the first.
    const std::string twice = R"({"b":2,"a":1,"c":3,"b":4})";
    std::uint32_t a = 0, b = 0, c = 0;
    JsonInputArchive in_order(twice);
    in_order(cereal::make_nvp("a", a), cereal::make_nvp("c", c), cereal::make_nvp("b", b));
    CHECK((a == 1 && c == 3 && b == 4));
    JsonInputArchive searched(twice);
    searched(cereal::make_nvp("a", a), cereal::make_nvp("b", b), cereal::make_nvp("c", c));
    CHECK((a == 1 && b == 2 && c == 3));
    // The class version is found by name too.
    const Customer c2 = read<Customer>(
        R"({"value":{"notes":{},"last":{"id":"","cents":0,"days_overdue":0,"paid":false,"share":0},"invoices":[],"reminders":[5],)"
        R"("credit_days":-1,"ledger":9,"name":"x","cereal_class_version":1}})");
    CHECK(c2.version_read == 1);
    CHECK(c2.reminders == std::vector<std::uint32_t>{5});
    CHECK(c2.credit_days == -1);
}

TEST_CASE("a missing member is named", "[json_archive][bad_input]") {
    CHECK(missing<Invoice>(R"({"value":{"id":"A","cents":1,"paid":true,"share":0}})") == "days_overdue");
    CHECK(missing<Invoice>(R"({"valeu":{}})") == "value");
    CHECK(missing<Invoice>(R"({"value":{}})") == "id");
    // Within a list, the member of the element.
    CHECK(missing<std::vector<Invoice>>(R"({"value":[{"id":"A","cents":1,"days_overdue":2,"paid":true}]})") == "share");
    // No version: the version is what is missing.
    CHECK(missing<Customer>(R"({"value":{"name":"x"}})") == "cereal_class_version");
    // An array has no names: what is asked of it is missing (as in cereal).
    CHECK(missing<Invoice>(R"({"value":["A",1,2,true,0]})") == "id");
    CHECK(missing<std::uint32_t>("[1]") == "value");
    // The message keeps cereal's shape.
    CHECK_THROWS_WITH(read<Invoice>(R"({"value":{}})"), Catch::Contains("provided NVP (id) not found"));
}

TEST_CASE("a value of the wrong type is refused, not converted", "[json_archive][bad_input]") {
    const auto refused = [](const auto& read_it) {
        try {
            read_it();
        } catch (const JsonWrongType&) {
            return true;
        }
        return false;
    };
    CHECK(refused([] { read<std::uint32_t>(R"({"value":"3"})"); }));
    CHECK(refused([] { read<std::uint32_t>(R"({"value":-1})"); }));
    CHECK(refused([] { read<std::uint32_t>(R"({"value":4294967296})"); }));
    CHECK(refused([] { read<std::uint32_t>(R"({"value":2.0})"); }));
    CHECK(refused([] { read<std::int32_t>(R"({"value":2147483648})"); }));
    CHECK(refused([] { read<std::int64_t>(R"({"value":1.5})"); }));
    CHECK(refused([] { read<std::int64_t>(R"({"value":9223372036854775808})"); }));
    CHECK(refused([] { read<std::uint64_t>(R"({"value":-1})"); }));
    CHECK(refused([] { read<bool>(R"({"value":1})"); }));
    CHECK(refused([] { read<bool>(R"({"value":"true"})"); }));
    CHECK(refused([] { read<double>(R"({"value":"0.5"})"); }));
    CHECK(refused([] { read<double>(R"({"value":null})"); }));
    CHECK(refused([] { read<std::string>(R"({"value":5})"); }));
    CHECK(refused([] { read<std::nullptr_t>(R"({"value":0})"); }));
    CHECK(refused([] { read<Invoice>(R"({"value":"A-1"})"); }));
    CHECK(refused([] { read<std::vector<std::uint32_t>>(R"({"value":{}})"); }));
    CHECK(refused([] { read<std::vector<std::uint32_t>>(R"({"value":[1,"2"]})"); }));
    CHECK(refused([] { JsonInputArchive top_level_number("5"); }));
    // What does read: the edges of each range, an integer where a double is asked for, null.
    CHECK(read<std::uint32_t>(R"({"value":4294967295})") == 4294967295u);
    CHECK(read<std::int32_t>(R"({"value":-2147483648})") == std::numeric_limits<std::int32_t>::min());
    CHECK(read<std::int64_t>(R"({"value":-9223372036854775808})") == std::numeric_limits<std::int64_t>::min());
    CHECK(read<std::uint64_t>(R"({"value":18446744073709551615})") == std::numeric_limits<std::uint64_t>::max());
    CHECK(read<double>(R"({"value":1})") == 1.0);
    CHECK_NOTHROW(read<std::nullptr_t>(R"({"value":null})"));
}

TEST_CASE("text that is not JSON, and values JSON cannot hold, are errors", "[json_archive][bad_input]") {
    CHECK_THROWS_AS(JsonInputArchive("{\"value\":"), JsonReadError);
    CHECK_THROWS_AS(JsonInputArchive(""), JsonReadError);
    CHECK_THROWS_AS(write(std::numeric_limits<double>::quiet_NaN()), std::domain_error);
    CHECK_THROWS_AS(write(std::numeric_limits<double>::infinity()), std::domain_error);
    // A value in an object without a name: cereal would invent "value0", which nothing reads.
    JsonOutputArchive ar(0);
    CHECK_THROWS_AS(ar(std::uint32_t{1}), std::logic_error);
}
