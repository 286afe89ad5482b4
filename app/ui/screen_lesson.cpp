// One lesson, one page at a time: key ideas set off in a box, examples in another, whose
// words a block is (the talk's, or the course's own note), glossary terms tappable, and
// next/previous by button, swipe or arrow key. Every page opened is saved as progress.
#include "app.h"
#include "imgui.h"

namespace coach::ui {
namespace {

void go_to(AppState& state, const Lesson& lesson, int step) {
    const long next = static_cast<long>(state.page) + step;
    if (next < 0) return;
    if (next >= static_cast<long>(lesson.pages.size())) {  // past the last page: the lesson is done
        state.screen = Screen::lessons;
        return;
    }
    open_lesson(state, lesson.id, static_cast<std::size_t>(next));
}

void draw_block(AppState& state, Ui& ui, const Block& block, const std::string& id) {
    std::string term;
    const Metrics& m = ui.metrics;
    switch (block.kind) {
        case BlockKind::paragraph: term = linked_text(ui, id, block.text.in(ui.lang), m.body, color::ink); break;
        case BlockKind::key_idea:
        case BlockKind::example: {
            const bool key = block.kind == BlockKind::key_idea;
            begin_box(ui);
            text_block(ui, id + ".label", ui.t(key ? Msg::block_key_idea : Msg::block_example), m.small, key ? color::accent : color::muted,
                       ViewItemKind::text);
            term = linked_text(ui, id, block.text.in(ui.lang), key ? m.heading * 0.9f : m.body, color::ink,
                               ImGui::GetContentRegionAvail().x - m.margin * 0.75f);
            end_box(ui, key ? 0xFFEEF0FB : 0xFFF3F4F5, key ? color::accent : color::line);
            break;
        }
        case BlockKind::list:
            for (std::size_t i = 0; i < block.items.size(); ++i) {
                const ImVec2 at = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + 6, at.y + m.body * 0.75f), 3.0f, color::accent);
                ImGui::Indent(m.margin * 1.25f);
                const std::string t = linked_text(ui, id + "." + std::to_string(i), block.items[i].in(ui.lang), m.body, color::ink);
                if (!t.empty()) term = t;
                ImGui::Unindent(m.margin * 1.25f);
            }
            break;
    }
    if (!term.empty()) state.term = term;
}

}  // namespace

void draw_lesson(AppState& state, Ui& ui, AppEffects& effects) {
    const Lesson* lesson = state.course.lesson(state.lesson);
    if (lesson == nullptr || state.page >= lesson->pages.size()) {
        state.screen = Screen::lessons;
        return;
    }
    const Page& page = lesson->pages[state.page];
    begin_screen(ui, "lesson");
    if (state.scroll_to_top) {
        ImGui::SetScrollY(0);
        state.scroll_to_top = false;
    }
    if (button(ui, "back", ui.t(Msg::back))) state.screen = Screen::lessons;
    gap(ui, 0.5f);
    draw_notice(state, ui, effects);
    caption(ui, "lesson.title", lesson->title.in(ui.lang));
    progress_bar(ui, "lesson.progress", float(state.page + 1) / float(lesson->pages.size()), {});
    gap(ui, 0.5f);
    heading(ui, "page.title", page.title.in(ui.lang));
    gap(ui, 0.5f);
    const Voice* voice = nullptr;
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        const Block& block = page.blocks[i];
        const std::string id = "block." + std::to_string(i);
        // Whose words these are, said again only where it changes.
        if (voice == nullptr || *voice != block.voice)
            text_block(ui, id + ".voice", ui.t(block.voice == Voice::speaker ? Msg::voice_speaker : Msg::voice_course), ui.metrics.small,
                       color::muted, ViewItemKind::text);
        voice = &block.voice;
        draw_block(state, ui, block, id);
        gap(ui, 0.75f);
    }
    gap(ui);
    const bool last = state.page + 1 == lesson->pages.size();
    const std::string indicator = format(ui.t(Msg::page_indicator), {std::to_string(state.page + 1), std::to_string(lesson->pages.size())});
    int step = pager(ui, "page", indicator, state.page > 0, ui.t(last ? Msg::lesson_finish : Msg::page_next));
    if (step == 0 && state.term.empty()) step = swipe_or_arrows();
    end_screen(ui);
    if (step != 0) go_to(state, *lesson, step);
}

}  // namespace coach::ui
