#include "web_shell.h"

#include <emscripten.h>

// clang-format off
EM_JS(void, js_publish_view, (const char* json), { Module.shell.publishView(UTF8ToString(json)); });
EM_JS(void, js_text_input, (int active, float x, float y, float h), { Module.shell.textInput(!!active, x, y, h); });
EM_JS(void, js_set_clipboard, (const char* text), { Module.shell.setClipboard(UTF8ToString(text)); });
EM_JS(void, js_remember, (const char* key, const char* value), { Module.shell.remember(UTF8ToString(key), UTF8ToString(value)); });
// clang-format on

namespace coach::web {

void shell_publish_view(const char* json) { js_publish_view(json); }
void shell_text_input(bool active, float x, float y, float line_height) { js_text_input(active ? 1 : 0, x, y, line_height); }
void shell_set_clipboard(const char* text) { js_set_clipboard(text); }
void shell_remember(const char* key, const char* value) { js_remember(key, value); }

}  // namespace coach::web
