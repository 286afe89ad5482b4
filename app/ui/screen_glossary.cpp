// The glossary: every term of the course with its meaning.
#include "app.h"

namespace coach::ui {

void draw_glossary(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen_with_title(state, ui, effects, "glossary", ui.t(Msg::glossary));
    gap(ui);
    begin_group(ui, "glossary.terms", Role::list, ui.t(Msg::glossary));
    for (const Term& term : state.course.glossary) {
        begin_group(ui, "glossary." + term.id + ".item", Role::listitem);
        heading(ui, "glossary." + term.id, term.term.in(ui.lang));
        paragraph(ui, "glossary." + term.id + ".definition", term.definition.in(ui.lang));
        end_group(ui);
        gap(ui);
    }
    end_group(ui);
    end_screen(ui);
}

}  // namespace coach::ui
