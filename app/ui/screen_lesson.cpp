// One lesson, one page at a time: key ideas set off in a box, examples in another, whose
// words a block is (the talk's, or the course's own note), glossary terms tappable, and
// next/previous by button, swipe or arrow key. Every page is its own address and history
// entry; every page opened is saved as progress.
#include "app.h"
#include "imgui.h"

namespace coach::ui {
namespace {

void go_to(AppState& state, AppEffects& effects, const Lesson& lesson, int step) {
    const long next = static_cast<long>(here(state).page) + step;
    if (next < 0) return;
    if (next >= static_cast<long>(lesson.pages.size())) {  // past the last page: the lesson is done
        go(state, effects, Up{});
        return;
    }
    go(state, effects, Open{lesson_route(state, lesson.id, static_cast<std::size_t>(next))});
}

// Returns the glossary term tapped in the block, or "".
std::string draw_block(Ui& ui, const Block& block, const std::string& id) {
    std::string term;
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    switch (block.kind) {
        case BlockKind::paragraph: term = linked_text(ui, id, block.text.in(ui.lang), m.body, th.ink.abgr()); break;
        case BlockKind::key_idea:
        case BlockKind::example: {
            const bool key = block.kind == BlockKind::key_idea;
            const std::string_view label = ui.t(key ? Msg::block_key_idea : Msg::block_example);
            begin_box(ui, id + ".box", Role::group, label);
            text_block(ui, id + ".label", label, m.small, (key ? th.accent : th.muted).abgr(), Role::text);
            term = linked_text(ui, id, block.text.in(ui.lang), key ? m.heading * 0.9f : m.body, th.ink.abgr());
            end_box(ui, (key ? th.key_idea_fill : th.example_fill).abgr(), (key ? th.key_idea_border : th.example_border).abgr());
            break;
        }
        case BlockKind::list:
            begin_group(ui, id, Role::list);
            for (std::size_t i = 0; i < block.items.size(); ++i) {
                const std::string item = id + "." + std::to_string(i);
                begin_group(ui, item + ".item", Role::listitem);
                // A round bullet centred on the first line.
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const float line_h = font_px(m.body);
                ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + 6, at.y + line_h * 0.5f), 3.0f, th.accent.abgr(), 16);
                ImGui::Indent(m.margin * 1.25f);
                const std::string t = linked_text(ui, item, block.items[i].in(ui.lang), m.body, th.ink.abgr());
                if (!t.empty()) term = t;
                ImGui::Unindent(m.margin * 1.25f);
                end_group(ui);
            }
            end_group(ui);
            break;
    }
    return term;
}

}  // namespace

void draw_lesson(AppState& state, Ui& ui, AppEffects& effects) {
    const Route route = here(state);
    const Lesson* lesson = state.course.lesson(route.lesson);
    if (lesson == nullptr || route.page >= lesson->pages.size()) {
        go(state, effects, Replace{Route{.screen = Screen::lessons}});
        return;
    }
    const Page& page = lesson->pages[route.page];
    begin_screen(ui, "lesson", page.title.in(ui.lang));
    if (state.scroll_to_top) {
        ImGui::SetScrollY(0);
        state.scroll_to_top = false;
    }
    if (button(ui, "lesson.back", ui.t(Msg::back))) go(state, effects, Up{});
    gap(ui, 0.5f);
    draw_notice(state, ui, effects);
    caption(ui, "lesson.name", lesson->title.in(ui.lang));
    const std::string indicator = format(ui.t(Msg::page_indicator), {std::to_string(route.page + 1), std::to_string(lesson->pages.size())});
    progress_bar(ui, "lesson.progress", route.page + 1, lesson->pages.size(), indicator, false);  // the pager says it below
    gap(ui, 0.5f);
    title(ui, "lesson.title", page.title.in(ui.lang));
    gap(ui, 0.5f);
    begin_group(ui, "lesson.content", Role::region, page.title.in(ui.lang));
    const Voice* voice = nullptr;
    std::string term;
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        const Block& block = page.blocks[i];
        const std::string id = "block." + std::to_string(i);
        // Whose words these are, said again only where it changes.
        if (voice == nullptr || *voice != block.voice)
            text_block(ui, id + ".voice", ui.t(block.voice == Voice::speaker ? Msg::voice_speaker : Msg::voice_course), ui.metrics.small,
                       ui.theme->muted.abgr(), Role::text);
        voice = &block.voice;
        const std::string t = draw_block(ui, block, id);
        if (!t.empty()) term = t;
        gap(ui, 0.75f);
    }
    end_group(ui);
    gap(ui);
    const bool last = route.page + 1 == lesson->pages.size();
    int step = pager(ui, "page", indicator, route.page > 0, ui.t(last ? Msg::lesson_finish : Msg::page_next));
    gap(ui, 0.5f);
    if (link_button(ui, "lesson.plain", ui.t(Msg::plain_version), plain_url(lesson->id, ui.lang))) effects.open_url = plain_url(lesson->id, ui.lang);
    if (step == 0 && route.term.empty()) step = swipe_or_arrows();
    end_screen(ui);
    if (!term.empty()) {
        Route with_term = route;
        with_term.term = term;
        go(state, effects, Open{with_term});
    } else if (step != 0) {
        go_to(state, effects, *lesson, step);
    }
}

}  // namespace coach::ui
