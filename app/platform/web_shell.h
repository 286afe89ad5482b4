// web_shell: calls from C++ out to the page (web/shell.js), one function per request.
//
// On the web the app owns no window: the page owns the canvas, the hidden text input, the
// clipboard, storage, downloads and file pickers, and the app asks it for them. Each call
// lands on `Module.shell`, the object shell.js hands to the module when it creates it.
#pragma once

namespace coach::web {

// Publishes the last frame's ViewDescription (JSON) as `window.coach`.
void shell_publish_view(const char* json);
// Where ImGui's text cursor is (CSS pixels) and whether a field wants typing: the page
// moves its hidden input there and focuses it, so IME and phone keyboards work.
void shell_text_input(bool active, float x, float y, float line_height);
// ImGui copied or cut text; the page hands it to the next copy/cut event.
void shell_set_clipboard(const char* text);
// The learner chose a language: a `?lang=` in the address must not undo it on reload.
void shell_language_chosen(const char* lang);
// The document has unwritten changes: the page calls coach_flush after a pause (at once
// when the page is hidden or closed).
void shell_schedule_flush();
// Offers text as a file download.
void shell_download(const char* filename, const char* text);
// Opens a file picker; the chosen file's text comes back through coach_import.
void shell_pick_file();
// Asks the browser about persistence and usage; the answer comes through coach_storage_status.
void shell_check_storage();

}  // namespace coach::web
