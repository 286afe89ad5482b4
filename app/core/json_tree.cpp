#include "json_config.h"  // first: RapidJSON compiled the same way everywhere
#include "json_tree.h"

#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"

namespace coach {
namespace {

struct TreeBuilder : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder> {
    const rapidjson::MemoryStream& stream;
    JsonValue root;
    std::vector<JsonValue*> open;  // containers being filled
    std::string pending_key;

    explicit TreeBuilder(const rapidjson::MemoryStream& s) : stream(s) {}

    JsonValue& add(JsonValue::Type type) {
        JsonValue* slot = &root;
        if (!open.empty()) {
            JsonValue& parent = *open.back();
            if (parent.type == JsonValue::Type::array) {
                slot = &parent.items.emplace_back();
            } else {
                parent.members.push_back({std::move(pending_key), JsonValue{}});
                slot = &parent.members.back().value;
            }
        }
        slot->type = type;
        slot->offset = stream.Tell();
        return *slot;
    }
    bool scalar(JsonValue::Type type, std::string text = {}) {
        add(type).text = std::move(text);
        return true;
    }
    bool Null() { return scalar(JsonValue::Type::null); }
    bool Bool(bool b) { return scalar(JsonValue::Type::boolean, b ? "true" : "false"); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return scalar(JsonValue::Type::number, std::string(s, n)); }
    bool String(const char* s, rapidjson::SizeType n, bool) { return scalar(JsonValue::Type::string, std::string(s, n)); }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        pending_key.assign(s, n);
        return true;
    }
    bool StartObject() {
        open.push_back(&add(JsonValue::Type::object));
        return true;
    }
    bool StartArray() {
        open.push_back(&add(JsonValue::Type::array));
        return true;
    }
    bool EndObject(rapidjson::SizeType) {
        open.pop_back();
        return true;
    }
    bool EndArray(rapidjson::SizeType) {
        open.pop_back();
        return true;
    }
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const auto& [name, value] : members)
        if (name == key) return &value;
    return nullptr;
}

std::string_view json_type_name(JsonValue::Type type) {
    switch (type) {
        case JsonValue::Type::null: return "null";
        case JsonValue::Type::boolean: return "true/false";
        case JsonValue::Type::number: return "number";
        case JsonValue::Type::string: return "text";
        case JsonValue::Type::array: return "list";
        case JsonValue::Type::object: return "object";
    }
    return "value";
}

JsonTree parse_json_tree(std::string_view text, const JsonLimits& limits) {
    JsonTree tree;
    tree.check = check_json(text, limits);
    if (!tree.check.ok()) return tree;
    rapidjson::MemoryStream stream(text.data(), text.size());
    TreeBuilder builder(stream);
    rapidjson::Reader reader;
    // The `open` pointers stay valid: values are only ever appended to the innermost open
    // container, so no vector holding an open container grows while it is open.
    constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag;
    if (reader.Parse<kFlags>(stream, builder)) tree.root = std::move(builder.root);
    return tree;
}

}  // namespace coach
