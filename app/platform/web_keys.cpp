#include "web_keys.h"

#include <cstring>

namespace coach::web {

ImGuiKey imgui_key_from_dom(const char* key) {
    struct Named {
        const char* dom;
        ImGuiKey key;
    };
    static constexpr Named kNamed[] = {
        {"Tab", ImGuiKey_Tab},           {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow},   {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home},           {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert},     {"Delete", ImGuiKey_Delete},       {"Backspace", ImGuiKey_Backspace},
        {" ", ImGuiKey_Space},           {"Enter", ImGuiKey_Enter},         {"Escape", ImGuiKey_Escape},
    };
    for (const Named& n : kNamed)
        if (std::strcmp(key, n.dom) == 0) return n.key;
    // Single letters and digits, for shortcuts such as Ctrl+A, Ctrl+Z.
    if (key[0] != 0 && key[1] == 0) {
        const char c = key[0];
        if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
        if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
        if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
    }
    return ImGuiKey_None;
}

}  // namespace coach::web
