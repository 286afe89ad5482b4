// web_keys: DOM KeyboardEvent.key names -> ImGui keys.
#pragma once
#include "imgui.h"

namespace coach::web {

// ImGuiKey_None for keys the app does not use.
ImGuiKey imgui_key_from_dom(const char* key);

// Modifier bits as shell.js sends them.
enum ModBits { mod_ctrl = 1, mod_shift = 2, mod_alt = 4, mod_super = 8 };

}  // namespace coach::web
