// The glossary: every term of the course with its meaning.
#include "app.h"

namespace coach::ui {

void draw_glossary(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen_with_title(state, ui, effects, "glossary", Screen::lessons, ui.t(Msg::glossary));
    gap(ui);
    for (const Term& term : state.course.glossary) {
        heading(ui, "glossary." + term.id, term.term.in(ui.lang));
        paragraph(ui, "glossary." + term.id + ".definition", term.definition.in(ui.lang));
        gap(ui);
    }
    end_screen(ui);
}

}  // namespace coach::ui
