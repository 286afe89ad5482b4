#include "web_shell.h"

#include <emscripten.h>

// clang-format off
EM_JS(void, js_publish_view, (const char* json), { Module.shell.publishView(UTF8ToString(json)); });
EM_JS(void, js_text_input, (int active, float x, float y, float h), { Module.shell.textInput(!!active, x, y, h); });
EM_JS(void, js_set_clipboard, (const char* text), { Module.shell.setClipboard(UTF8ToString(text)); });
EM_JS(void, js_language_chosen, (const char* lang), { Module.shell.languageChosen(UTF8ToString(lang)); });
EM_JS(void, js_schedule_flush, (), { Module.shell.scheduleFlush(); });
EM_JS(void, js_download, (const char* name, const char* text), { Module.shell.download(UTF8ToString(name), UTF8ToString(text)); });
EM_JS(void, js_pick_file, (), { Module.shell.pickFile(); });
EM_JS(void, js_check_storage, (), { Module.shell.checkStorage(); });
// clang-format on

namespace coach::web {

void shell_publish_view(const char* json) { js_publish_view(json); }
void shell_text_input(bool active, float x, float y, float line_height) { js_text_input(active ? 1 : 0, x, y, line_height); }
void shell_set_clipboard(const char* text) { js_set_clipboard(text); }
void shell_language_chosen(const char* lang) { js_language_chosen(lang); }
void shell_schedule_flush() { js_schedule_flush(); }
void shell_download(const char* filename, const char* text) { js_download(filename, text); }
void shell_pick_file() { js_pick_file(); }
void shell_check_storage() { js_check_storage(); }

}  // namespace coach::web
