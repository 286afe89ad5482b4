#include <catch2/catch.hpp>

#include "core/view_description.h"

using namespace coach;

TEST_CASE("json_quote escapes what JSON requires and keeps UTF-8", "[view_description]") {
    CHECK(json_quote("回款") == "\"回款\"");
    CHECK(json_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_quote("line\nnext\x01") == "\"line\\nnext\\u0001\"");
}

TEST_CASE("a view description lists its items with rectangles", "[view_description]") {
    ViewDescription view{"home", "zh", {}};
    view.items.push_back({ViewItemKind::button, "module.lessons", "课程", {10, 20, 300.25f, 64}, "", true});
    view.items.push_back({ViewItemKind::text, "home.intro", "这门课", {10, 90, 280, 24}, "home.intro", true});
    CHECK(to_json(view) ==
          "{\"screen\":\"home\",\"lang\":\"zh\",\"items\":["
          "{\"kind\":\"button\",\"id\":\"module.lessons\",\"text\":\"课程\",\"x\":10.0,\"y\":20.0,\"w\":300.2,\"h\":64.0,\"group\":\"\",\"enabled\":true},"
          "{\"kind\":\"text\",\"id\":\"home.intro\",\"text\":\"这门课\",\"x\":10.0,\"y\":90.0,\"w\":280.0,\"h\":24.0,\"group\":\"home.intro\",\"enabled\":true}]}");
}
