#include "view_description.h"

#include <cmath>
#include <cstdio>

namespace coach {
namespace {

std::string number(float v) {
    if (!std::isfinite(v)) return "0";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(v));
    return buf;
}

}  // namespace

std::string view_kind_name(ViewItemKind kind) {
    switch (kind) {
        case ViewItemKind::heading: return "heading";
        case ViewItemKind::text: return "text";
        case ViewItemKind::button: return "button";
        case ViewItemKind::input: return "input";
        case ViewItemKind::link: return "link";
    }
    return "text";
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

std::string to_json(const ViewDescription& view) {
    std::string out = "{\"screen\":" + json_quote(view.screen) + ",\"lang\":" + json_quote(view.lang) + ",\"items\":[";
    for (std::size_t i = 0; i < view.items.size(); ++i) {
        const ViewItem& it = view.items[i];
        if (i) out += ',';
        out += "{\"kind\":\"" + view_kind_name(it.kind) + "\",\"id\":" + json_quote(it.id) + ",\"text\":" + json_quote(it.text) +
               ",\"x\":" + number(it.rect.x) + ",\"y\":" + number(it.rect.y) + ",\"w\":" + number(it.rect.w) +
               ",\"h\":" + number(it.rect.h) + ",\"group\":" + json_quote(it.group) + ",\"enabled\":" + (it.enabled ? "true" : "false") + "}";
    }
    out += "]}";
    return out;
}

}  // namespace coach
