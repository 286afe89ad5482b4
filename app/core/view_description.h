// view_description: a read-only account of what the last frame showed.
//
// A canvas is opaque to everything but eyes: tests, screen readers and embedding pages see
// pixels only. Each frame the UI lists what it drew (screen, language, text items, buttons
// and fields with their rectangles in CSS pixels) and the page publishes it as
// `window.coach`. Browser tests assert on it; a screen-reader mirror can be built from it.
#pragma once
#include <string>
#include <vector>

namespace coach {

enum class ViewItemKind { heading, text, button, input, link };

struct ViewRect {
    float x = 0, y = 0, w = 0, h = 0;
};

struct ViewItem {
    ViewItemKind kind = ViewItemKind::text;
    std::string id;    // stable id for tests and assistive tech ("module.lessons", "goal")
    std::string text;  // what the learner reads (for an input: its current value)
    ViewRect rect;
    std::string group;  // items that belong together, e.g. the lines of one paragraph
    bool enabled = true;
};

struct ViewDescription {
    std::string screen;  // "home", "module.lessons", ...
    std::string lang;    // "zh" | "en"
    std::vector<ViewItem> items;
};

std::string view_kind_name(ViewItemKind kind);
std::string to_json(const ViewDescription& view);

// JSON string escaping (RFC 8259): quotes, backslashes and control characters.
std::string json_quote(std::string_view text);

}  // namespace coach
