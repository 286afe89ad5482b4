// web_shell: calls from C++ out to the page (web/shell.js), one function per request.
//
// On the web the app owns no window: the page owns the canvas, the hidden text input, the
// clipboard and storage, and the app asks it for them. Each call lands on `Module.shell`,
// the object shell.js hands to the module when it creates it.
#pragma once

namespace coach::web {

// Publishes the last frame's ViewDescription (JSON) as `window.coach`.
void shell_publish_view(const char* json);
// Where ImGui's text cursor is (CSS pixels) and whether a field wants typing: the page
// moves its hidden input there and focuses it, so IME and phone keyboards work.
void shell_text_input(bool active, float x, float y, float line_height);
// ImGui copied or cut text; the page hands it to the next copy/cut event.
void shell_set_clipboard(const char* text);
// Remembers one small preference across visits.
void shell_remember(const char* key, const char* value);

}  // namespace coach::web
