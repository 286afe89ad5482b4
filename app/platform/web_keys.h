// web_keys: DOM KeyboardEvent.key names -> ImGui keys.
#pragma once
#include "imgui.h"

namespace coach::web {

// ImGuiKey_None for keys the app does not use.
ImGuiKey imgui_key_from_dom(const char* key);

}  // namespace coach::web
