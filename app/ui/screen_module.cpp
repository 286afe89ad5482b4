// A module that is not built yet: says so, and leads back home.
#include "app.h"

namespace coach::ui {
void draw_module(AppState& state, Ui& ui, AppEffects& effects) {
    const ModuleInfo& info = module_info(state.module);
    begin_screen(ui, "module." + std::string(info.id));
    draw_notice(state, ui, effects);
    if (button(ui, "back", ui.t(Msg::back))) state.screen = Screen::home;
    gap(ui);
    title(ui, "module.title", ui.t(info.title));
    caption(ui, "module.status", ui.t(Msg::coming_soon));
    gap(ui);
    paragraph(ui, "module.body", ui.t(Msg::module_not_ready));
    end_screen(ui);
}

}  // namespace coach::ui
