// The semantic view tree: nesting, unique ids, containers sized to their content, JSON v2.
#include <catch2/catch.hpp>

#include "core/view_tree.h"

using namespace coach;

TEST_CASE("json_quote escapes what JSON requires and keeps UTF-8", "[view_tree]") {
    CHECK(json_quote("回款") == "\"回款\"");
    CHECK(json_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_quote("line\nnext\x01") == "\"line\\nnext\\u0001\"");
}

TEST_CASE("the builder nests nodes and sizes containers to their children", "[view_tree]") {
    ViewTree tree;
    TreeBuilder b(tree);
    const std::size_t list = b.open({.id = "lessons.list", .role = Role::list, .name = "课程"});
    b.add({.id = "lesson.a", .role = Role::button, .name = "A", .rect = {10, 20, 100, 48}});
    b.add({.id = "lesson.b", .role = Role::button, .name = "B", .rect = {10, 80, 120, 48}});
    b.close();
    b.add({.id = "after", .role = Role::paragraph, .name = "x", .rect = {0, 200, 5, 5}});
    REQUIRE(tree.nodes[0].children.size() == 2);
    const ViewNode& l = tree.nodes[list];
    CHECK(l.children.size() == 2);
    CHECK(l.rect.x == 10);
    CHECK(l.rect.y == 20);
    CHECK(l.rect.w == 120);
    CHECK(l.rect.h == 108);
}

TEST_CASE("a duplicate id is counted and made unique", "[view_tree]") {
    ViewTree tree;
    TreeBuilder b(tree);
    b.add({.id = "back", .role = Role::button});
    b.add({.id = "back", .role = Role::button});
    CHECK(tree.duplicates == 1);
    CHECK(tree.find("back#2") != nullptr);
}

TEST_CASE("the focused node is the tree's focus", "[view_tree]") {
    ViewTree tree;
    TreeBuilder b(tree);
    b.add({.id = "a", .role = Role::button});
    b.add({.id = "b", .role = Role::button, .state = {.focused = true}});
    CHECK(tree.focus == "b");
}

TEST_CASE("JSON version 2 carries role, name, state and rectangle", "[view_tree]") {
    ViewTree tree{.screen = "home", .lang = "zh", .title = "回款教练"};
    TreeBuilder b(tree);
    b.add({.id = "home.title", .role = Role::heading, .name = "回款教练", .state = {.level = 1}, .rect = {16, 24, 120.25f, 40}});
    NodeState progress{.value = 5, .min = 0, .max = 28};
    progress.value_text = "5 / 28";
    b.add({.id = "home.course", .role = Role::progressbar, .name = "进度", .state = progress, .rect = {16, 70, 300, 6}});
    b.add({.id = "lang.en", .role = Role::button, .name = "English", .state = {.current = true}, .lang = "en"});
    CHECK(to_json(tree) ==
          "{\"version\":2,\"screen\":\"home\",\"lang\":\"zh\",\"title\":\"回款教练\",\"focus\":\"\",\"root\":"
          "{\"id\":\"screen\",\"role\":\"screen\",\"name\":\"\",\"rect\":[0,0,0,0],\"children\":["
          "{\"id\":\"home.title\",\"role\":\"heading\",\"name\":\"回款教练\",\"state\":{\"level\":1},\"rect\":[16,24,120.2,40]},"
          "{\"id\":\"home.course\",\"role\":\"progressbar\",\"name\":\"进度\",\"state\":{\"value\":5,\"min\":0,\"max\":28,\"valueText\":\"5 / 28\"},\"rect\":[16,70,300,6]},"
          "{\"id\":\"lang.en\",\"role\":\"button\",\"name\":\"English\",\"lang\":\"en\",\"state\":{\"current\":true},\"rect\":[0,0,0,0]}]}}");
}
