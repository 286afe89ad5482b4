// learner_json: the learner document as JSON, for browser storage and for export files.
//
// Format: an envelope naming the app, the course and the write generation, around the
// document serialized by cereal with class versions:
//   {"app":"collection-coach","course":"key-account-collection","generation":12,
//    "document":{"cereal_class_version":1,"prefs":{...},"lessons":[...],...}}
// Version history (each has a committed fixture under tests/fixtures/):
//   0  before documents: two loose keys, `collection-coach:lang` and `collection-coach:goal`
//   1  the document above
// Reading never throws and never trusts the input: json_guard checks size, depth, entries
// and that every string is valid Unicode text first, and every failure comes back as a
// ReadError that says what is wrong. Writing writes only valid text (utf8.h), so whatever
// is written reads back as the same document.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "i18n.h"
#include "json_guard.h"
#include "learner.h"

namespace coach {

inline constexpr std::uint32_t kLearnerDocVersion = 2;  // 2 added `reading`
inline constexpr const char* kAppId = "collection-coach";

enum class ReadFailure {
    none,
    too_large,
    too_deep,
    too_many_entries,
    not_unicode,     // a string or key that is not valid Unicode text (utf8.h)
    not_json,
    not_coach,       // valid JSON, but not a Collection Coach document
    other_course,    // a Collection Coach document of another course
    future_version,  // written by a newer version of the app
    wrong_shape,     // a field missing or of the wrong type
};

struct ReadError {
    ReadFailure failure = ReadFailure::none;
    JsonCheck json;            // size, depth, entries or syntax details
    std::uint32_t version = 0; // for future_version
    std::string detail;        // technical detail (field name, course id)
};

struct StoredDocument {
    LearnerDoc doc;
    std::uint64_t generation = 0;
    bool operator==(const StoredDocument&) const = default;
};

struct ReadResult {
    std::optional<StoredDocument> stored;
    ReadError error;
    bool ok() const { return stored.has_value(); }
};

// `pretty` indents for a file a person may open; storage stays compact. Text that is not
// valid (which no reader and no typed text lets in) is written as U+FFFD, never as is.
std::string write_document(const StoredDocument& stored, bool pretty = false);
ReadResult read_document(std::string_view text, const JsonLimits& limits = {});

// Version 0: the loose keys of the first release.
LearnerDoc migrate_loose_keys(std::string_view lang, std::string_view goal);

// What went wrong, in the learner's language, one sentence.
std::string describe(const ReadError& error, Lang lang);

}  // namespace coach
