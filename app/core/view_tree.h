// view_tree: what a frame shows, by meaning.
//
// A canvas is opaque to everything but eyes. Each frame every widget of the UI kit publishes
// itself here as a node — role, accessible name, state, rectangle in CSS pixels — nested the
// way the screen is (a list holds its items, a dialog its content). The page serves the tree
// as `window.coach` (version 2, see README), builds the screen-reader mirror from it, and
// routes `activate(id)`, `focus(id)` and `set_value(id, text)` back into the app. Tests use
// it to drive the app by meaning instead of by coordinates.
//
// Ids are unique within a tree and stable across frames (they name what a node is:
// "lesson.next", "block.3", "term.dso"), so the mirror can update by difference. A duplicate
// is a bug in a screen; the builder keeps the tree well-formed anyway by suffixing it
// ("#2") and counting it in `duplicates`, which tests require to be zero.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach {

enum class Role {
    screen,  // the root: one per frame
    heading,
    paragraph,
    text,  // a short run of text that is not a paragraph (a caption, a label)
    button,
    link,
    textbox,
    checkbox,
    radio,
    radiogroup,
    list,
    listitem,
    dialog,
    alert,
    status,
    progressbar,
    table,
    row,
    cell,
    figure,  // a picture; its name is the text alternative
    group,
    region,  // a landmark (the main content)
};

struct ViewRect {
    float x = 0, y = 0, w = 0, h = 0;
};

struct NodeState {
    bool selected = false;
    bool disabled = false;
    bool current = false;   // the current page or choice (aria-current)
    bool focused = false;   // has the keyboard focus
    std::optional<bool> checked;   // checkbox, radio
    std::optional<bool> expanded;  // something that opens and closes
    std::optional<bool> correct;   // a checked answer: this choice is right (true) or wrong (false)
    std::optional<double> value, min, max;  // progress bars, sliders
    std::string value_text;  // a textbox's text, or a value said in words ("5 of 28")
    int level = 0;           // heading level 1..6
};

struct ViewNode {
    std::string id;
    Role role = Role::group;
    std::string name;         // the accessible name: what a screen reader says
    std::string description;  // said after the name (a hint, a badge)
    NodeState state;
    ViewRect rect;
    std::string lang;  // set where it differs from the tree's (a language named in itself)
    std::string href;  // a link that leaves the app (a plain version)
    std::vector<std::size_t> children;  // indices into ViewTree::nodes
};

struct ViewTree {
    std::string screen;  // "home", "lesson", ...
    std::string lang;    // "zh" | "en"
    std::string title;   // the screen's title, for the document title
    std::string focus;   // the id of the focused node, or ""
    std::vector<ViewNode> nodes{ViewNode{.id = "screen", .role = Role::screen}};  // nodes[0] is the root
    int duplicates = 0;

    const ViewNode* find(std::string_view id) const;
};

// Builds a tree in drawing order: open a container, add leaves, close it.
class TreeBuilder {
public:
    explicit TreeBuilder(ViewTree& tree) : tree_(&tree) {}
    std::size_t add(ViewNode node);   // a leaf under the open container; returns its index
    std::size_t open(ViewNode node);  // a container: what follows goes inside until close()
    void close();
    ViewNode& node(std::size_t index) { return tree_->nodes[index]; }
    std::size_t depth() const { return open_.size(); }
    // Grows a container's rectangle to hold a child's (containers learn their size last).
    void include(std::size_t container, const ViewRect& rect);

private:
    ViewTree* tree_;
    std::vector<std::size_t> open_;
    std::vector<std::string> ids_;  // sorted, to catch duplicates
};

std::string_view role_name(Role role);

// window.coach version 2: {"version":2,"screen","lang","title","focus","root":{...}} with each
// node as {"id","role","name","description"?,"state"{...}?,"rect":[x,y,w,h],"children"?}.
std::string to_json(const ViewTree& tree);

// JSON string escaping (RFC 8259): quotes, backslashes and control characters.
std::string json_quote(std::string_view text);

}  // namespace coach
