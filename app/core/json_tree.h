// json_tree: JSON parsed into plain values that remember where they stood in the text, so a
// content error can name its file and line. Used for course content, where the messages are
// for the people who write it; the learner document goes through cereal (learner_json.h).
// The text passes json_guard first (size, depth, entries), so parsing cannot run away.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_guard.h"

namespace coach {

struct JsonMember;

struct JsonValue {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    std::string text;  // a string's value, a number as written, or "true" / "false"
    std::vector<JsonValue> items;                              // array
    std::vector<JsonMember> members;                           // object, in file order
    std::size_t offset = 0;                                    // where the value ends in the text

    const JsonValue* find(std::string_view key) const;
};

struct JsonMember {
    std::string name;
    JsonValue value;
};

struct JsonTree {
    std::optional<JsonValue> root;
    JsonCheck check;  // why there is no root
};

JsonTree parse_json_tree(std::string_view text, const JsonLimits& limits = {});

std::string_view json_type_name(JsonValue::Type type);

}  // namespace coach
