// Helpers shared by the core tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "core/learner_json.h"

namespace coach::test {

// Reads a file under the source tree (works natively and under node with NODERAWFS).
inline std::string read_source_file(const std::string& relative) {
    std::ifstream in(std::string(COACH_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Writes and reads back: the one-line round trip every serialized type is tested with.
inline StoredDocument roundtrip(const StoredDocument& stored, bool pretty = false) {
    return read_document(write_document(stored, pretty)).stored.value_or(StoredDocument{{}, 0xDEAD});
}

// The same document text, claiming another class version.
inline std::string with_class_version(std::string text, int version) {
    const std::string field = "\"cereal_class_version\": " + std::to_string(kLearnerDocVersion);
    const auto at = text.find(field);
    if (at != std::string::npos) text.replace(at, field.size(), "\"cereal_class_version\": " + std::to_string(version));
    return text;
}

// A document with something in every field.
inline LearnerDoc sample_doc() {
    LearnerDoc d;
    d.prefs = {"zh", "回款计划：先收旧款，再接新单"};
    d.reading = {175, "high-contrast"};
    d.lessons = {{"six-steps", 2, 3, 5}, {"credit-management", 0, 1, 5}};
    d.quiz_attempts = {{"six-steps", 1764115200000, {0, 2, 1}, 2}};
    d.assessments = {{1764115100000, {3, 4, 2, 5}}};
    d.plan.accounts = {{"a1", "华东机电 \"总部\"", 12345678, 95, "财务总监：王总\n周三回电"}};
    return d;
}

}  // namespace coach::test
