#include "json_archive.h"

#include <cmath>
#include <cstring>
#include <stdexcept>

namespace coach {

JsonMissingField::JsonMissingField(const std::string& name)
    : JsonReadError("JSON field missing - provided NVP (" + name + ") not found"), field(name) {}

// ---- writing ----

JsonOutputArchive::JsonOutputArchive(unsigned indent) : cereal::OutputArchive<JsonOutputArchive>(this) {
    writer_.SetIndent(' ', indent);
}

std::string JsonOutputArchive::text() {
    // Nothing written at all: no outer object either, as in cereal.
    if (nodes_.size() == 1 && nodes_.back() == Node::in_object) writer_.EndObject();
    nodes_ = {Node::object_not_started};
    return std::string(buffer_.GetString(), buffer_.GetSize());
}

void JsonOutputArchive::write(double value) {
    // RapidJSON would write the name and then stop: the text would not be JSON.
    if (!std::isfinite(value)) throw std::domain_error("JSON has no infinite or NaN numbers");
    writer_.Double(value);
}

void JsonOutputArchive::start_node() {
    write_name();
    nodes_.push_back(Node::object_not_started);
}

void JsonOutputArchive::finish_node() {
    switch (nodes_.back()) {
        case Node::array_not_started: writer_.StartArray(); [[fallthrough]];
        case Node::in_array: writer_.EndArray(); break;
        case Node::object_not_started: writer_.StartObject(); [[fallthrough]];
        case Node::in_object: writer_.EndObject(); break;
    }
    nodes_.pop_back();
}

void JsonOutputArchive::make_array() {
    nodes_.back() = Node::array_not_started;
}

void JsonOutputArchive::write_name() {
    Node& node = nodes_.back();
    if (node == Node::array_not_started) {
        writer_.StartArray();
        node = Node::in_array;
    } else if (node == Node::object_not_started) {
        writer_.StartObject();
        node = Node::in_object;
    }
    if (node == Node::in_array) return;
    // cereal would make up "value0", "value1", ...: names no reader of ours would look for.
    if (!next_name_) throw std::logic_error("a value in a JSON object needs a name (cereal::make_nvp)");
    writer_.Key(next_name_);
    next_name_ = nullptr;
}

// ---- reading ----

JsonInputArchive::JsonInputArchive(std::string_view text) : cereal::InputArchive<JsonInputArchive>(this) {
    document_.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
    if (document_.HasParseError()) throw JsonReadError("not JSON");
    if (!document_.IsObject() && !document_.IsArray()) throw JsonWrongType("JSON text is not an object or array");
    nodes_.push_back({&document_, 0});
}

const rapidjson::Value& JsonInputArchive::value() {
    const char* name = next_name_;
    next_name_ = nullptr;
    Node& node = nodes_.back();
    if (name) {
        const auto named = [&](const rapidjson::Value& key) {
            return key.GetStringLength() == std::strlen(name) && std::memcmp(key.GetString(), name, key.GetStringLength()) == 0;
        };
        // An array has no names: a name asked for in one is missing, as it is in cereal.
        if (!node.value->IsObject()) throw JsonMissingField(name);
        if (node.index >= node.value->MemberCount() || !named(node.value->MemberBegin()[node.index].name)) {
            rapidjson::SizeType at = 0;
            while (at < node.value->MemberCount() && !named(node.value->MemberBegin()[at].name)) ++at;
            if (at == node.value->MemberCount()) throw JsonMissingField(name);
            node.index = at;
        }
    }
    if (node.value->IsObject()) {
        if (node.index >= node.value->MemberCount()) throw JsonReadError("no more JSON members to read");
        return node.value->MemberBegin()[node.index].value;
    }
    if (node.index >= node.value->Size()) throw JsonReadError("no more JSON values to read");
    return (*node.value)[node.index];
}

void JsonInputArchive::start_node() {
    const rapidjson::Value& v = value();
    if (!v.IsObject() && !v.IsArray()) throw JsonWrongType("JSON value is not an object or array");
    nodes_.push_back({&v, 0});
}

void JsonInputArchive::finish_node() {
    nodes_.pop_back();
    advance();
}

std::size_t JsonInputArchive::array_size() const {
    const rapidjson::Value& v = *nodes_.back().value;
    if (!v.IsArray()) throw JsonWrongType("JSON value is not an array");
    return v.Size();
}

void load(JsonInputArchive& ar, std::string& out) {
    const rapidjson::Value& v = ar.value();
    if (!v.IsString()) throw JsonWrongType("JSON value is not a string");
    out.assign(v.GetString(), v.GetStringLength());
    ar.advance();
}

void load(JsonInputArchive& ar, std::nullptr_t&) {
    if (!ar.value().IsNull()) throw JsonWrongType("JSON value is not null");
    ar.advance();
}

}  // namespace coach
