// The course content through the same code the app and the validator use.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "core/course.h"
#include "core/rich_text.h"
#include "test_support.h"

using namespace coach;

namespace {

using coach::test::content_files;

std::string all_errors(const CourseLoad& load) {
    std::string out;
    for (const ContentError& e : load.errors) out += describe(e, Lang::en) + "\n";
    return out;
}

}  // namespace

TEST_CASE("the course in content/ loads without a problem", "[course]") {
    const CourseLoad load = load_course_files(content_files());
    INFO(all_errors(load));
    REQUIRE(load.ok());
    const Course& c = load.course;
    CHECK(c.id == "key-account-collection");
    REQUIRE(c.lessons.size() == 5);
    CHECK(c.lessons[0].id == "six-steps");
    CHECK(c.lessons[4].id == "team-kpi");
    CHECK(c.quotes.size() == 6);
    for (const char* term : {"collection", "accounts-receivable", "bad-debt", "dso"}) CHECK(c.term(term) != nullptr);
    for (const Lesson& l : c.lessons) {
        CAPTURE(l.id);
        bool key_idea = false;
        for (const Page& p : l.pages)
            for (const Block& b : p.blocks) key_idea = key_idea || b.kind == BlockKind::key_idea;
        CHECK(key_idea);
        CHECK(l.pages.size() >= 4);
    }
}

TEST_CASE("the bundle reads back as the same course", "[course]") {
    const auto files = content_files();
    const CourseLoad from_files = load_course_files(files);
    const CourseLoad from_bundle = load_course_bundle(bundle_course_files(files), "course.json");
    INFO(all_errors(from_bundle));
    REQUIRE(from_bundle.ok());
    REQUIRE(from_bundle.course.lessons.size() == from_files.course.lessons.size());
    for (std::size_t i = 0; i < from_files.course.lessons.size(); ++i) {
        const Lesson& a = from_files.course.lessons[i];
        const Lesson& b = from_bundle.course.lessons[i];
        CHECK(a.id == b.id);
        REQUIRE(a.pages.size() == b.pages.size());
        for (std::size_t p = 0; p < a.pages.size(); ++p) {
            CHECK(a.pages[p].title.zh == b.pages[p].title.zh);
            REQUIRE(a.pages[p].blocks.size() == b.pages[p].blocks.size());
            for (std::size_t k = 0; k < a.pages[p].blocks.size(); ++k) CHECK(a.pages[p].blocks[k].text.en == b.pages[p].blocks[k].text.en);
        }
    }
    CHECK(from_bundle.course.glossary.size() == from_files.course.glossary.size());
}

TEST_CASE("broken content: every problem with its file and line", "[course]") {
    const CourseLoad load = load_course_files(content_files("tests/fixtures/content-broken"));
    const std::string errors = all_errors(load);
    INFO(errors);
    CHECK_THAT(errors, Catch::Contains("course.json:4: “about” has no English text."));
    CHECK_THAT(errors, Catch::Contains("lessons/1-first.json:17: The id “page” is used more than once."));
    CHECK_THAT(errors, Catch::Contains("lessons/1-first.json:10: A link points to the term “collection”"));
    CHECK_THAT(errors, Catch::Contains("quotes.json:3: There is no lesson with the id “no-such-lesson”."));
    CHECK_THAT(describe(load.errors.front(), Lang::zh), Catch::Contains("第 4 行"));
}

TEST_CASE("a bundle that is not a course says so", "[course]") {
    CourseLoad load = load_course_bundle(R"({"hello": 1})", "other.json");
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].problem == ContentProblem::not_course);
    load = load_course_bundle("{\"format\": \"collection-coach-course\", \"lessons\": [", "cut.json");
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].problem == ContentProblem::not_json);
    CHECK_THAT(describe(load.errors[0], Lang::en), Catch::Contains("cut.json:1: This is not valid JSON"));
}

TEST_CASE("glyph check names characters the font lacks", "[course]") {
    CourseLoad load = load_course_files(content_files());
    std::vector<ContentError> errors;
    check_glyphs(load.course, [](char32_t c) { return c != U'款'; }, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].problem == ContentProblem::missing_glyph);
    CHECK(errors[0].detail == "6B3E");
}

TEST_CASE("glossary links in lesson text", "[rich_text]") {
    RichText r = parse_rich_text("先看[[应收账款|accounts-receivable]]，再看[[账龄|ageing]]。");
    CHECK(r.plain == "先看应收账款，再看账龄。");
    REQUIRE(r.links.size() == 2);
    CHECK(r.plain.substr(r.links[0].begin, r.links[0].end - r.links[0].begin) == "应收账款");
    CHECK(r.links[1].term == "ageing");
    CHECK(r.error.empty());
    r = parse_rich_text("broken [[link and [[|x]]");
    CHECK(r.links.empty());
    CHECK(r.error == "[[link and [[|x]]");
    CHECK(parse_rich_text("plain").plain == "plain");
}
