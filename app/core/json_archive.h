// json_archive: cereal archives that write JSON into a std::string and read it from a
// std::string_view, with RapidJSON's in-memory writer and document, so the learner document
// needs none of the standard streams (cereal's own JSON archives take std::ostream and
// std::istream, and with them the whole iostream and locale machinery in the WebAssembly).
//
// The JSON is the one cereal's JSONOutputArchive writes, byte for byte, so documents written
// before read the same and are written back the same:
//   - the values given to the archive are the members of one outer object;
//   - a class is an object, a container (anything that writes a cereal::SizeTag, like
//     std::vector) an array, empty ones `{}` and `[]`;
//   - a versioned class starts with "cereal_class_version": N (cereal writes it);
//   - every member and element is on a line of its own, ": " between name and value,
//     indented by `indent` spaces a level (0 in storage: cereal's "no indent", which still
//     breaks lines).
// Reading is as tolerant of order as cereal's: a name is looked for in the member after the
// last one read, and when that one has another name, among all the members of the object
// (the first of that name); members nobody asks for are ignored.
//
// Limits, all the document needs and no more: every value inside an object is named (a
// cereal::make_nvp); values are bool, integers up to 64 bits, double, std::string and null;
// no save_minimal/load_minimal types, no binary data, no polymorphic pointers.
#pragma once
#include "json_config.h"  // first: RapidJSON compiled the same way everywhere

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "cereal/cereal.hpp"
#include "rapidjson/document.h"
#include "rapidjson/prettywriter.h"
#include "rapidjson/stringbuffer.h"

namespace coach {

// Why a text does not read as the types ask. All derive from cereal::Exception, as the errors
// of cereal's own archives do.
struct JsonReadError : cereal::Exception {
    using cereal::Exception::Exception;
};
// No member of that name in the object being read. The message keeps cereal's shape:
// "JSON field missing - provided NVP (prefs) not found".
struct JsonMissingField : JsonReadError {
    explicit JsonMissingField(const std::string& name);
    std::string field;
};
// A value of another type than the one asked for: a string for a number, a number out of the
// integer's range or with a fraction, an array for an object.
struct JsonWrongType : JsonReadError {
    using JsonReadError::JsonReadError;
};

class JsonOutputArchive : public cereal::OutputArchive<JsonOutputArchive>, public cereal::traits::TextArchive {
public:
    explicit JsonOutputArchive(unsigned indent);
    JsonOutputArchive(const JsonOutputArchive&) = delete;
    JsonOutputArchive& operator=(const JsonOutputArchive&) = delete;

    // Closes the outer object and hands over the text; nothing is written after it.
    std::string text();

    // For the prologue, epilogue and save functions below.
    void start_node();
    void finish_node();
    void make_array();
    void set_next_name(const char* name) { next_name_ = name; }
    void write_name();
    void write(bool value) { writer_.Bool(value); }
    void write(double value);
    void write(std::int64_t value) { writer_.Int64(value); }
    void write(std::uint64_t value) { writer_.Uint64(value); }
    void write(const std::string& value) { writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size())); }
    void write(std::nullptr_t) { writer_.Null(); }

private:
    // An object or array opens at its first value, so an empty one can still become an array.
    enum class Node : unsigned char { object_not_started, in_object, array_not_started, in_array };
    rapidjson::StringBuffer buffer_;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer_{buffer_};
    std::vector<Node> nodes_{Node::object_not_started};
    const char* next_name_ = nullptr;
};

class JsonInputArchive : public cereal::InputArchive<JsonInputArchive>, public cereal::traits::TextArchive {
public:
    // Parses the whole text first (iteratively, validating UTF-8; json_config.h). Text that is
    // not JSON is a JsonReadError, a top level other than an object or array a JsonWrongType.
    explicit JsonInputArchive(std::string_view text);
    JsonInputArchive(const JsonInputArchive&) = delete;
    JsonInputArchive& operator=(const JsonInputArchive&) = delete;

    // For the prologue, epilogue and load functions below.
    void start_node();
    void finish_node();
    void set_next_name(const char* name) { next_name_ = name; }
    std::size_t array_size() const;  // of the node just started
    // The value the next load reads: the member named by set_next_name, else the next one in
    // order. Only after it has been read does `advance` move past it.
    const rapidjson::Value& value();
    void advance() { ++nodes_.back().index; }

private:
    struct Node {
        const rapidjson::Value* value;  // an object or an array
        rapidjson::SizeType index;      // of the member or element read next
    };
    rapidjson::Document document_;
    std::vector<Node> nodes_;
    const char* next_name_ = nullptr;
};

// ---- how each kind of value goes through the archives (found by cereal through ADL) ----

namespace json_archive_detail {
template <class T> struct is_name_value : std::false_type {};
template <class T> struct is_name_value<cereal::NameValuePair<T>> : std::true_type {};
template <class T> struct is_size_tag : std::false_type {};
template <class T> struct is_size_tag<cereal::SizeTag<T>> : std::true_type {};
// A name and a size tag only steer the archive; a scalar is written where it stands; any
// other type (a class, a container) is an object or array of its own.
template <class T> inline constexpr bool is_scalar = std::is_arithmetic_v<T> || std::is_same_v<T, std::string> || std::is_same_v<T, std::nullptr_t>;
template <class T> inline constexpr bool is_node = !is_name_value<T>::value && !is_size_tag<T>::value && !is_scalar<T>;
}  // namespace json_archive_detail

template <class T> void prologue(JsonOutputArchive& ar, const T&) {
    if constexpr (json_archive_detail::is_scalar<T>) ar.write_name();
    else if constexpr (json_archive_detail::is_node<T>) ar.start_node();
}
template <class T> void epilogue(JsonOutputArchive& ar, const T&) {
    if constexpr (json_archive_detail::is_node<T>) ar.finish_node();
}
template <class T> void prologue(JsonInputArchive& ar, const T&) {
    if constexpr (json_archive_detail::is_node<T>) ar.start_node();
}
template <class T> void epilogue(JsonInputArchive& ar, const T&) {
    if constexpr (json_archive_detail::is_node<T>) ar.finish_node();
}

template <class T> void save(JsonOutputArchive& ar, const cereal::NameValuePair<T>& nvp) {
    ar.set_next_name(nvp.name);
    ar(nvp.value);
}
template <class T> void load(JsonInputArchive& ar, cereal::NameValuePair<T>& nvp) {
    ar.set_next_name(nvp.name);
    ar(nvp.value);
}

// A container's size is the length of its array, not a value of its own.
template <class T> void save(JsonOutputArchive& ar, const cereal::SizeTag<T>&) {
    ar.make_array();
}
template <class T> void load(JsonInputArchive& ar, cereal::SizeTag<T>& tag) {
    tag.size = ar.array_size();
}

template <class T>
    requires std::is_arithmetic_v<T>
void save(JsonOutputArchive& ar, const T& value) {
    if constexpr (std::is_same_v<T, bool>) ar.write(value);
    else if constexpr (std::is_floating_point_v<T>) {
        static_assert(sizeof(T) <= sizeof(double), "a long double does not fit in a JSON number");
        ar.write(static_cast<double>(value));
    } else if constexpr (std::is_signed_v<T>) ar.write(static_cast<std::int64_t>(value));
    else ar.write(static_cast<std::uint64_t>(value));
}

template <class T>
    requires std::is_arithmetic_v<T>
void load(JsonInputArchive& ar, T& out) {
    const rapidjson::Value& v = ar.value();
    if constexpr (std::is_same_v<T, bool>) {
        if (!v.IsBool()) throw JsonWrongType("JSON value is not true or false");
        out = v.GetBool();
    } else if constexpr (std::is_floating_point_v<T>) {
        static_assert(sizeof(T) <= sizeof(double), "a long double does not fit in a JSON number");
        if (!v.IsNumber()) throw JsonWrongType("JSON value is not a number");
        out = static_cast<T>(v.GetDouble());
    } else if constexpr (std::is_signed_v<T>) {
        if (!v.IsInt64() || v.GetInt64() < std::numeric_limits<T>::min() || v.GetInt64() > std::numeric_limits<T>::max())
            throw JsonWrongType("JSON value is not an integer in range");
        out = static_cast<T>(v.GetInt64());
    } else {
        if (!v.IsUint64() || v.GetUint64() > std::numeric_limits<T>::max()) throw JsonWrongType("JSON value is not an integer in range");
        out = static_cast<T>(v.GetUint64());
    }
    ar.advance();
}

inline void save(JsonOutputArchive& ar, const std::string& value) {
    ar.write(value);
}
void load(JsonInputArchive& ar, std::string& out);

inline void save(JsonOutputArchive& ar, const std::nullptr_t&) {
    ar.write(nullptr);
}
void load(JsonInputArchive& ar, std::nullptr_t&);  // only a JSON null reads

}  // namespace coach

CEREAL_SETUP_ARCHIVE_TRAITS(coach::JsonInputArchive, coach::JsonOutputArchive)
