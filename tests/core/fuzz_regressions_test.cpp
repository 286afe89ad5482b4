// Every input the fuzzer ever crashed on is kept in tests/fixtures/fuzz/, one file each, named
// for what it found, and replayed here through the fuzz target's own property
// (tests/fuzz/document_property.h): a regression then fails the native, sanitized and
// WebAssembly runs, not only a fuzz run. The fuzz run also starts from these files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/document_property.h"
#include "test_support.h"

TEST_CASE("every input the fuzzer once crashed on keeps the document property", "[fuzz][fixtures]") {
    const std::filesystem::path folder = std::filesystem::path(COACH_SOURCE_DIR) / "tests" / "fixtures" / "fuzz";
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    REQUIRE_FALSE(names.empty());
    CHECK(std::find(names.begin(), names.end(), "lone-low-surrogate-escape-in-goal.json") != names.end());
    for (const std::string& name : names) {
        CAPTURE(name);
        CHECK(coach::fuzz::document_property(coach::test::read_source_file("tests/fixtures/fuzz/" + name)) == "");
    }
}
