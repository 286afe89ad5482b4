// A module that is not built yet: says so, and leads back home.
#include "app.h"

namespace coach::ui {
void draw_module(AppState& state, Ui& ui, AppEffects& effects) {
    const ModuleInfo* info = module_info(here(state).module);
    if (info == nullptr) {
        go(state, effects, Replace{Route{}});
        return;
    }
    if (info->ready) {  // built since the address was made: its own screen
        go(state, effects, Replace{module_route(state, info->module)});
        return;
    }
    begin_screen_with_title(state, ui, effects, "module." + std::string(info->id), ui.t(info->title));
    caption(ui, "module.status", ui.t(Msg::coming_soon));
    gap(ui);
    paragraph(ui, "module.body", ui.t(Msg::module_not_ready));
    end_screen(ui);
}

}  // namespace coach::ui
