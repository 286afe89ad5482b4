#include "view_tree.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace coach {
namespace {

std::string number(double v) {
    if (!std::isfinite(v)) return "0";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

void append_state(std::string& out, const NodeState& s) {
    std::string fields;
    const auto flag = [&](const char* name, bool on) {
        if (on) fields += std::string(fields.empty() ? "" : ",") + "\"" + name + "\":true";
    };
    const auto field = [&](const char* name, const std::string& json) {
        fields += std::string(fields.empty() ? "" : ",") + "\"" + name + "\":" + json;
    };
    flag("selected", s.selected);
    flag("disabled", s.disabled);
    flag("current", s.current);
    flag("focused", s.focused);
    if (s.checked) field("checked", *s.checked ? "true" : "false");
    if (s.expanded) field("expanded", *s.expanded ? "true" : "false");
    if (s.correct) field("correct", *s.correct ? "true" : "false");
    if (s.value) field("value", number(*s.value));
    if (s.min) field("min", number(*s.min));
    if (s.max) field("max", number(*s.max));
    if (!s.value_text.empty()) field("valueText", json_quote(s.value_text));
    if (s.level > 0) field("level", std::to_string(s.level));
    if (!fields.empty()) out += ",\"state\":{" + fields + "}";
}

void append_node(std::string& out, const ViewTree& tree, std::size_t index) {
    const ViewNode& n = tree.nodes[index];
    out += "{\"id\":" + json_quote(n.id) + ",\"role\":\"" + std::string(role_name(n.role)) + "\",\"name\":" + json_quote(n.name);
    if (!n.description.empty()) out += ",\"description\":" + json_quote(n.description);
    if (!n.lang.empty()) out += ",\"lang\":" + json_quote(n.lang);
    if (!n.href.empty()) out += ",\"href\":" + json_quote(n.href);
    append_state(out, n.state);
    out += ",\"rect\":[" + number(n.rect.x) + "," + number(n.rect.y) + "," + number(n.rect.w) + "," + number(n.rect.h) + "]";
    if (!n.children.empty()) {
        out += ",\"children\":[";
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            if (i) out += ',';
            append_node(out, tree, n.children[i]);
        }
        out += ']';
    }
    out += '}';
}

}  // namespace

const ViewNode* ViewTree::find(std::string_view id) const {
    for (const ViewNode& n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

std::size_t TreeBuilder::add(ViewNode node) {
    const auto at = std::lower_bound(ids_.begin(), ids_.end(), node.id);
    if (at != ids_.end() && *at == node.id) {
        ++tree_->duplicates;
        for (int n = 2;; ++n) {
            std::string candidate = node.id + "#" + std::to_string(n);
            if (!std::binary_search(ids_.begin(), ids_.end(), candidate)) {
                node.id = std::move(candidate);
                break;
            }
        }
    }
    ids_.insert(std::lower_bound(ids_.begin(), ids_.end(), node.id), node.id);
    if (node.state.focused) tree_->focus = node.id;
    const std::size_t parent = open_.empty() ? 0 : open_.back();
    const ViewRect rect = node.rect;
    tree_->nodes.push_back(std::move(node));
    const std::size_t index = tree_->nodes.size() - 1;
    tree_->nodes[parent].children.push_back(index);
    for (std::size_t container : open_) include(container, rect);
    return index;
}

std::size_t TreeBuilder::open(ViewNode node) {
    const std::size_t index = add(std::move(node));
    open_.push_back(index);
    return index;
}

void TreeBuilder::close() {
    if (!open_.empty()) open_.pop_back();
}

void TreeBuilder::include(std::size_t container, const ViewRect& r) {
    if (r.w <= 0 && r.h <= 0) return;
    ViewRect& c = tree_->nodes[container].rect;
    if (c.w <= 0 && c.h <= 0) {
        c = r;
        return;
    }
    const float x0 = std::min(c.x, r.x), y0 = std::min(c.y, r.y);
    const float x1 = std::max(c.x + c.w, r.x + r.w), y1 = std::max(c.y + c.h, r.y + r.h);
    c = {x0, y0, x1 - x0, y1 - y0};
}

std::string_view role_name(Role role) {
    switch (role) {
        case Role::screen: return "screen";
        case Role::heading: return "heading";
        case Role::paragraph: return "paragraph";
        case Role::text: return "text";
        case Role::button: return "button";
        case Role::link: return "link";
        case Role::textbox: return "textbox";
        case Role::checkbox: return "checkbox";
        case Role::radio: return "radio";
        case Role::radiogroup: return "radiogroup";
        case Role::list: return "list";
        case Role::listitem: return "listitem";
        case Role::dialog: return "dialog";
        case Role::alert: return "alert";
        case Role::status: return "status";
        case Role::progressbar: return "progressbar";
        case Role::table: return "table";
        case Role::row: return "row";
        case Role::cell: return "cell";
        case Role::figure: return "figure";
        case Role::group: return "group";
        case Role::region: return "region";
    }
    return "group";
}

std::string json_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

std::string to_json(const ViewTree& tree) {
    std::string out = "{\"version\":2,\"screen\":" + json_quote(tree.screen) + ",\"lang\":" + json_quote(tree.lang) +
                      ",\"title\":" + json_quote(tree.title) + ",\"focus\":" + json_quote(tree.focus) + ",\"root\":";
    append_node(out, tree, 0);
    out += '}';
    return out;
}

}  // namespace coach
