#include "ui_kit.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/line_breaking.h"
#include "core/rich_text.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace coach::ui {
namespace {

ViewRect rect_of(ImVec2 min, ImVec2 max) { return {min.x, min.y, max.x - min.x, max.y - min.y}; }

float text_width(const Ui& ui, float em, std::string_view s) {
    return ui.font->CalcTextSizeA(font_px(em), FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

// The page asked to act on this widget (a screen reader's click, a test's activate(id)).
bool take_activation(Ui& ui, std::string_view id) {
    if (ui.activated || ui.input.activate != id) return false;
    ui.activated = true;
    return true;
}

bool focused(const Ui& ui, std::string_view id) { return !id.empty() && ui.input.focus == id; }

// The keyboard focus ring around a control, and scrolling it into view when asked.
void focus_decoration(Ui& ui, std::string_view id, ImVec2 min, ImVec2 max, float rounding) {
    if (ui.input.scroll_to == id) ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(min, max), ImGuiScrollFlags_KeepVisibleEdgeY);
    if (!focused(ui, id) || !ui.input.focus_visible) return;
    const float w = ui.metrics.focus_ring;
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - w, min.y - w), ImVec2(max.x + w, max.y + w), ui.theme->focus_ring.abgr(),
                                        rounding + w, 0, w);
}

ViewNode node(Ui& ui, std::string_view id, Role role, std::string_view name, ImVec2 min, ImVec2 max) {
    ViewNode n{.id = std::string(id), .role = role, .name = std::string(name), .rect = rect_of(min, max)};
    n.state.focused = focused(ui, id);
    return n;
}

// On a touch screen a drag scrolls the screen (ImGui itself only scrolls by wheel) and is not
// a tap: whatever the finger went down on is released without being activated. The screen
// follows the finger from its first movement (the distance before the drag was recognised is
// not lost), and a fling keeps scrolling after the finger lifts, slowing down — unless the
// learner asked the system for reduced motion.
void touch_scroll(Ui& ui) {
    ImGuiIO& io = ImGui::GetIO();
    Motion& m = *ui.motion;
    if (ui.holding) {  // a finger on a drag handle moves the row, not the screen
        m.dragging = false;
        m.velocity = 0;
        return;
    }
    const bool touch = io.MouseSource == ImGuiMouseSource_TouchScreen;
    if (touch && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        m = Motion{.reduced = m.reduced, .start_scroll = ImGui::GetScrollY()};
    }
    if (touch && io.MouseDown[0] && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        const float drag = io.MousePos.y - io.MouseClickedPos[0].y;
        if (!m.dragging && ImGui::IsMouseDragging(ImGuiMouseButton_Left, ui.metrics.touch_target * 0.15f)) m.dragging = true;
        if (m.dragging) {
            ImGui::SetScrollY(std::clamp(m.start_scroll - drag, 0.0f, ImGui::GetScrollMaxY()));
            if (io.DeltaTime > 0) m.velocity = 0.6f * m.velocity + 0.4f * (-io.MouseDelta.y / io.DeltaTime);
            if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
        }
        return;
    }
    if (m.dragging) {  // the finger lifted: a fling goes on by itself
        m.dragging = false;
        if (m.reduced || std::fabs(m.velocity) < 200.0f) m.velocity = 0;
    }
    if (m.velocity != 0) {
        const float dt = std::min(io.DeltaTime, 0.05f);
        const float next = ImGui::GetScrollY() + m.velocity * dt;
        ImGui::SetScrollY(std::clamp(next, 0.0f, ImGui::GetScrollMaxY()));
        m.velocity *= std::exp(-4.0f * dt);  // about a second to come to rest
        if (std::fabs(m.velocity) < 20.0f || next <= 0 || next >= ImGui::GetScrollMaxY()) m.velocity = 0;
        ui.animating = m.velocity != 0;
    }
}

// The keys that scroll a page in a browser scroll the screen (the page sends them only when
// no text field has focus).
void key_scroll(Ui& ui) {
    const float line = font_px(ui.metrics.body) * 2;
    const float page = ImGui::GetWindowHeight() * 0.85f;
    float dy = 0;
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) dy = line;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) dy = -line;
    if (ImGui::IsKeyPressed(ImGuiKey_PageDown)) dy = page;
    if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) dy = -page;
    if (ImGui::IsKeyPressed(ImGuiKey_End, false)) dy = ImGui::GetScrollMaxY();
    if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) dy = -ImGui::GetScrollY();
    if (dy != 0) ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + dy, 0.0f, ImGui::GetScrollMaxY()));
}

}  // namespace

Metrics scaled(Metrics base, int text_percent) {
    const float f = std::clamp(text_percent, 100, 200) / 100.0f;
    base.body *= f;
    base.small *= f;
    base.heading *= f;
    base.title *= f;
    base.touch_target = std::max(base.touch_target, base.body * 2.4f);
    base.gap *= std::sqrt(f);
    base.column_max *= f;
    return base;
}

void begin_screen(Ui& ui, std::string_view screen_id, std::string_view title_text) {
    ui.tree.screen = std::string(screen_id);
    ui.tree.lang = std::string(lang_code(ui.lang));
    ui.tree.title = std::string(title_text);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ui.tree.nodes[0].rect = {vp->Pos.x, vp->Pos.y, vp->Size.x, vp->Size.y};
    ui.tree.nodes[0].name = std::string(title_text);
    const float side = std::max(ui.metrics.margin, (vp->Size.x - ui.metrics.column_max) * 0.5f);
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, ui.metrics.margin * 1.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.theme->paper.abgr());
    const std::string name = "##screen." + std::string(screen_id);
    ImGui::Begin(name.c_str(), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
    ImGui::PushFont(ui.font, font_px(ui.metrics.body));
}

void end_screen(Ui& ui) {
    gap(ui, 2.0f);
    touch_scroll(ui);
    key_scroll(ui);
    ImGui::PopFont();
    ImGui::End();
}

void text_block(Ui& ui, std::string_view id, std::string_view text, float em, unsigned color, Role role, float width, int level) {
    ImFont* font = ui.font;
    const float size = font_px(em);
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    const auto measure = [&](std::string_view s) { return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x; };
    ImGui::PushFont(font, size);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, em * 0.45f));  // CJK reads better with air
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImVec2 end = start;
    for (const TextLine& line : break_lines(text, width, measure)) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::TextUnformatted(text.data() + line.begin, text.data() + line.end);
        end = ImVec2(std::max(end.x, pos.x + line.width), pos.y + ImGui::GetTextLineHeight());
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ViewNode n = node(ui, id, role, text, start, end);
    n.state.level = level;
    ui.build.add(std::move(n));
}

void title(Ui& ui, std::string_view id, std::string_view text) {
    text_block(ui, id, text, ui.metrics.title, ui.theme->ink.abgr(), Role::heading, 0, 1);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    focus_decoration(ui, id, min, max, 4.0f);  // focus lands here after navigation
}
void heading(Ui& ui, std::string_view id, std::string_view text) {
    text_block(ui, id, text, ui.metrics.heading, ui.theme->ink.abgr(), Role::heading, 0, 2);
}
void paragraph(Ui& ui, std::string_view id, std::string_view text) {
    text_block(ui, id, text, ui.metrics.body, ui.theme->ink.abgr(), Role::paragraph);
}
void caption(Ui& ui, std::string_view id, std::string_view text) {
    text_block(ui, id, text, ui.metrics.small, ui.theme->muted.abgr(), Role::text);
}

void gap(Ui& ui, float scale) { ImGui::Dummy(ImVec2(1, ui.metrics.gap * scale)); }

std::string linked_text(Ui& ui, std::string_view id, std::string_view source, float em, unsigned color, float width) {
    const RichText rich = parse_rich_text(source);
    const std::string& text = rich.plain;
    ImFont* font = ui.font;
    const float size = font_px(em);
    const auto measure = [&](std::string_view s) { return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x; };
    std::string tapped;
    const std::size_t para = ui.build.open({.id = std::string(id), .role = Role::paragraph, .name = text});
    ImGui::PushFont(font, size);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, em * 0.45f));
    const float line_height = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const unsigned link_color = ui.theme->link.abgr();
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    std::vector<std::size_t> link_nodes(rich.links.size(), SIZE_MAX);
    for (const TextLine& line : break_lines(text, width, measure)) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        float x = pos.x;
        std::size_t at = line.begin;
        const auto draw = [&](std::size_t end, unsigned col) {
            if (end <= at) return;
            dl->AddText(font, size, ImVec2(x, pos.y), col, text.data() + at, text.data() + end);
            x += measure(std::string_view(text).substr(at, end - at));
            at = end;
        };
        for (std::size_t k = 0; k < rich.links.size(); ++k) {
            const TextLink& link = rich.links[k];
            if (link.end <= line.begin || link.begin >= line.end) continue;
            draw(std::max(link.begin, line.begin), color);
            const float x0 = x;
            draw(std::min(link.end, line.end), link_color);
            dl->AddLine(ImVec2(x0, pos.y + line_height - 1), ImVec2(x, pos.y + line_height - 1), link_color, 1.0f);
            ImGui::SetCursorScreenPos(ImVec2(x0, pos.y));
            const std::string link_id = std::string(id) + ".link." + std::to_string(k);
            const std::string imgui_id = "##" + link_id + "." + std::to_string(line.begin);
            if (ImGui::InvisibleButton(imgui_id.c_str(), ImVec2(std::max(x - x0, 1.0f), line_height))) tapped = link.term;
            const ImVec2 lmin(x0, pos.y), lmax(x, pos.y + line_height);
            focus_decoration(ui, link_id, lmin, lmax, 2.0f);
            if (link_nodes[k] == SIZE_MAX) {  // a link broken over two lines is one node
                ViewNode n = node(ui, link_id, Role::link, std::string_view(text).substr(link.begin, link.end - link.begin), lmin, lmax);
                n.href = "#term=" + link.term;
                link_nodes[k] = ui.build.add(std::move(n));
            } else {
                ui.build.include(link_nodes[k], rect_of(lmin, lmax));
                ui.build.include(para, rect_of(lmin, lmax));
            }
            if (take_activation(ui, link_id)) tapped = link.term;
        }
        draw(line.end, color);
        ImGui::SetCursorScreenPos(pos);
        ImGui::Dummy(ImVec2(std::max(line.width, 1.0f), line_height));
        ui.build.include(para, rect_of(pos, ImVec2(pos.x + line.width, pos.y + line_height)));
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ui.build.close();
    return tapped;
}

void progress_bar(Ui& ui, std::string_view id, std::size_t done, std::size_t total, std::string_view label, bool show_label) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = 6.0f;
    const float fraction = total ? std::min(1.0f, float(done) / float(total)) : 0.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), ui.theme->progress_track.abgr(), height * 0.5f);
    if (fraction > 0) dl->AddRectFilled(pos, ImVec2(pos.x + width * fraction, pos.y + height), ui.theme->progress_fill.abgr(), height * 0.5f);
    ImGui::Dummy(ImVec2(width, height));
    ViewNode n = node(ui, id, Role::progressbar, label, pos, ImVec2(pos.x + width, pos.y + height));
    n.state.value = static_cast<double>(done);
    n.state.min = 0;
    n.state.max = static_cast<double>(total);
    n.state.value_text = std::string(label);
    ui.build.add(std::move(n));
    if (show_label && !label.empty()) text_block(ui, std::string(id) + ".label", label, ui.metrics.small, ui.theme->muted.abgr(), Role::text);
}

int pager(Ui& ui, std::string_view id, std::string_view indicator, bool has_prev, std::string_view next_label) {
    int step = 0;
    const std::string base(id);
    begin_group(ui, base, Role::group, indicator);
    const float width = ImGui::GetContentRegionAvail().x;
    const float start_x = ImGui::GetCursorPosX();
    const float row_y = ImGui::GetCursorPosY();
    const float next_w = text_width(ui, ui.metrics.body, next_label) + ui.metrics.margin * 2;
    const float prev_w = text_width(ui, ui.metrics.body, ui.t(Msg::page_prev)) + ui.metrics.margin * 2;
    const float ind_w = text_width(ui, ui.metrics.small, indicator);
    // On a narrow screen (or large text) the indicator goes on its own line above the buttons.
    const bool one_row = prev_w + next_w + ind_w + ui.metrics.gap * 2 <= width;
    float buttons_y = row_y;
    if (!one_row) {
        text_block(ui, base + ".indicator", indicator, ui.metrics.small, ui.theme->muted.abgr(), Role::text);
        buttons_y = ImGui::GetCursorPosY();
    }
    ImGui::SetCursorPos(ImVec2(start_x, buttons_y));
    if (has_prev) {
        if (button(ui, base + ".prev", ui.t(Msg::page_prev))) step = -1;
    } else {
        ImGui::Dummy(ImVec2(1, ui.metrics.touch_target));
    }
    if (one_row) {
        const float line_h = font_px(ui.metrics.small);
        ImGui::SetCursorPos(ImVec2(start_x + (width - ind_w) * 0.5f, row_y + (ui.metrics.touch_target - line_h) * 0.5f));
        text_block(ui, base + ".indicator", indicator, ui.metrics.small, ui.theme->muted.abgr(), Role::text, ind_w + 1);
    }
    ImGui::SetCursorPos(ImVec2(start_x + width - next_w, buttons_y));
    if (button(ui, base + ".next", next_label, {.primary = true})) step = 1;
    end_group(ui);
    return step;
}

int swipe_or_arrows() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false)) return -1;
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, false)) return 1;
    if (!ImGui::IsMouseReleased(ImGuiMouseButton_Left) || !ImGui::IsMousePosValid()) return 0;
    const float dx = io.MousePos.x - io.MouseClickedPos[0].x;
    const float dy = io.MousePos.y - io.MouseClickedPos[0].y;
    if (std::fabs(dx) < 60.0f || std::fabs(dx) < 2.0f * std::fabs(dy)) return 0;
    return dx < 0 ? 1 : -1;
}

bool escape_pressed() { return ImGui::IsKeyPressed(ImGuiKey_Escape, false); }

void begin_group(Ui& ui, std::string_view id, Role role, std::string_view name) {
    ui.build.open({.id = std::string(id), .role = role, .name = std::string(name)});
}

void end_group(Ui& ui) { ui.build.close(); }

void begin_box(Ui& ui, std::string_view id, Role role, std::string_view name) {
    begin_group(ui, id, role, name);
    // Content keeps the same inset on the right as on the left: narrow the column while the
    // box is open (text wraps and buttons end inside the border).
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ui.boxes.push_back({ui.tree.nodes.size() - 1, window->ContentRegionRect.Max.x});
    window->ContentRegionRect.Max.x -= ui.metrics.margin * 0.75f;
    window->WorkRect.Max.x -= ui.metrics.margin * 0.75f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);  // the content first, then the box behind it, sized to what was drawn
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::Indent(ui.metrics.margin * 0.75f);
    ImGui::Dummy(ImVec2(1, ui.metrics.margin * 0.4f));
}

void end_box(Ui& ui, unsigned fill, unsigned border) {
    ImGui::Dummy(ImVec2(1, ui.metrics.margin * 0.2f));
    ImGui::Unindent(ui.metrics.margin * 0.75f);
    ImGui::EndGroup();
    if (!ui.boxes.empty()) {
        ImGuiWindow* window = ImGui::GetCurrentWindow();
        window->WorkRect.Max.x += ui.boxes.back().right - window->ContentRegionRect.Max.x;
        window->ContentRegionRect.Max.x = ui.boxes.back().right;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetItemRectMin();
    const ImVec2 bottom(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(top, bottom, fill, 12.0f);
    dl->AddRect(top, bottom, border, 12.0f);
    dl->ChannelsMerge();
    if (!ui.boxes.empty()) {
        ui.build.include(ui.boxes.back().node, rect_of(top, bottom));
        ui.boxes.pop_back();
    }
    end_group(ui);
}

bool card(Ui& ui, std::string_view id, std::string_view title_text, std::string_view about, std::string_view badge) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = m.margin;
    const float accent_w = 5.0f;
    const float inner = width - 2 * pad - accent_w;
    const auto measure_at = [&](float em) { return [&, em](std::string_view s) { return text_width(ui, em, s); }; };
    const auto title_lines = break_lines(title_text, inner, measure_at(m.heading));
    const auto about_lines = break_lines(about, inner, measure_at(m.body));
    const float line_gap = 1.45f;
    float height = pad * 2 + title_lines.size() * m.heading * line_gap + about_lines.size() * m.body * line_gap;
    const float badge_w = badge.empty() ? 0 : text_width(ui, m.small, badge) + 16;
    if (!badge.empty()) height += m.small * line_gap + 10;
    height = std::max(height, m.touch_target * 1.5f);

    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    const std::string imgui_id = "##" + std::string(id);
    bool clicked = ImGui::InvisibleButton(imgui_id.c_str(), ImVec2(width, height));
    const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = 14.0f;
    dl->AddRectFilled(min, max, (hot ? th.card_hover : th.card).abgr(), rounding);
    // The accent bar sits inside the rounded border, clear of its corners.
    dl->AddRectFilled(ImVec2(min.x + 1, min.y + rounding), ImVec2(min.x + 1 + accent_w, max.y - rounding), th.accent.abgr());
    dl->AddRect(min, max, (hot ? th.accent : th.control_border).abgr(), rounding, 0, hot ? 2.0f : th.control_border_width);

    float y = min.y + pad;
    const float x = min.x + pad + accent_w;
    for (const TextLine& l : title_lines) {
        dl->AddText(ui.font, font_px(m.heading), ImVec2(x, y), th.ink.abgr(), title_text.data() + l.begin, title_text.data() + l.end);
        y += m.heading * line_gap;
    }
    for (const TextLine& l : about_lines) {
        dl->AddText(ui.font, font_px(m.body), ImVec2(x, y), th.muted.abgr(), about.data() + l.begin, about.data() + l.end);
        y += m.body * line_gap;
    }
    if (!badge.empty()) {
        const ImVec2 b0(x, y + 4);
        dl->AddRectFilled(b0, ImVec2(b0.x + badge_w, b0.y + m.small * line_gap + 2), th.badge_fill.abgr(), 8.0f);
        dl->AddText(ui.font, font_px(m.small), ImVec2(b0.x + 8, b0.y + 1), th.badge_text.abgr(), badge.data(), badge.data() + badge.size());
    }
    focus_decoration(ui, id, min, max, rounding);
    ViewNode n = node(ui, id, Role::button, title_text, min, max);
    n.description = std::string(about);
    if (!badge.empty()) n.description += " · " + std::string(badge);
    ui.build.add(std::move(n));
    if (take_activation(ui, id)) clicked = true;
    ImGui::Dummy(ImVec2(1, m.gap * 0.5f));
    return clicked;
}

bool button(Ui& ui, std::string_view id, std::string_view label, ButtonStyle style) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = m.margin;
    // The label wraps when the button would not fit the column (large text, long English).
    const auto measure = [&](std::string_view s) { return text_width(ui, m.body, s); };
    const float natural = measure(label);
    const float max_text = std::max(avail - 2 * pad, 1.0f);
    const auto lines = break_lines(label, std::min(natural, max_text) + 0.5f, measure);
    float text_w = 0;
    for (const TextLine& l : lines) text_w = std::max(text_w, l.width);
    const float line_h = font_px(m.body) * 1.1f;
    const float height = std::max(m.touch_target, lines.size() * line_h + m.body * 0.8f);
    const ImVec2 size(style.wide ? avail : std::min(avail, text_w + 2 * pad), height);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string imgui_id = "##" + std::string(id);
    bool clicked = ImGui::InvisibleButton(imgui_id.c_str(), size) && !style.disabled;
    const bool hovered = ImGui::IsItemHovered() && !style.disabled, active = ImGui::IsItemActive() && !style.disabled;
    const bool primary = style.primary && !style.disabled;
    Rgba fill = primary ? (active ? th.accent_active : hovered ? th.accent_hover : th.accent)
                        : (active ? th.button_active : hovered ? th.button_hover : style.current ? th.button_current : th.button);
    // A control that cannot be used yet is exempt from contrast (WCAG 1.4.3): muted, unfilled.
    const Rgba text = style.disabled ? th.muted : primary ? th.on_accent : th.ink;
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float rounding = std::min(m.touch_target, height) * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, fill.abgr(), rounding);
    if (style.current) dl->AddRect(pos, max, th.button_current_border.abgr(), rounding, 0, 2.0f);
    else if (th.button_border_width > 0 && !primary) dl->AddRect(pos, max, th.control_border.abgr(), rounding, 0, th.button_border_width);
    float y = pos.y + (height - lines.size() * line_h) * 0.5f + (line_h - font_px(m.body)) * 0.5f;
    for (const TextLine& l : lines) {
        const float x = pos.x + (size.x - l.width) * 0.5f;
        dl->AddText(ui.font, font_px(m.body), ImVec2(x, y), text.abgr(), label.data() + l.begin, label.data() + l.end);
        y += line_h;
    }
    focus_decoration(ui, id, pos, max, rounding);
    ViewNode n = node(ui, id, Role::button, style.name.empty() ? label : style.name, pos, max);
    n.state.current = style.current;
    n.state.disabled = style.disabled;
    n.state.expanded = style.expanded;
    n.lang = std::string(style.lang);
    ui.build.add(std::move(n));
    if (!style.disabled && take_activation(ui, id)) clicked = true;
    return clicked;
}

bool radio(Ui& ui, std::string_view id, std::string_view label, bool checked, std::string_view lang) {
    const bool clicked = button(ui, id, label, {.current = checked, .lang = lang});
    ViewNode& n = ui.tree.nodes.back();  // the node button() just published
    n.role = Role::radio;
    n.state.checked = checked;
    n.state.current = false;
    return clicked;
}

namespace {

// A tick (right) or a cross (wrong), drawn with lines so no font is needed; `size` is its box.
void verdict_mark(ImDrawList* dl, ImVec2 centre, float size, Verdict verdict, unsigned color) {
    const float h = size * 0.32f;
    if (verdict == Verdict::right) {
        const ImVec2 pts[] = {ImVec2(centre.x - h, centre.y), ImVec2(centre.x - h * 0.25f, centre.y + h * 0.7f), ImVec2(centre.x + h, centre.y - h * 0.7f)};
        dl->AddPolyline(pts, 3, color, 0, 2.0f);
    } else if (verdict == Verdict::wrong) {
        dl->AddLine(ImVec2(centre.x - h * 0.8f, centre.y - h * 0.8f), ImVec2(centre.x + h * 0.8f, centre.y + h * 0.8f), color, 2.0f);
        dl->AddLine(ImVec2(centre.x - h * 0.8f, centre.y + h * 0.8f), ImVec2(centre.x + h * 0.8f, centre.y - h * 0.8f), color, 2.0f);
    }
}

Rgba verdict_fill(const Theme& th, Verdict v, Rgba otherwise) {
    return v == Verdict::right ? th.good_fill : v == Verdict::wrong ? th.notice_fill : otherwise;
}

std::optional<bool> verdict_state(Verdict v) {
    if (v == Verdict::none) return std::nullopt;
    return v == Verdict::right;
}

}  // namespace

bool choice_row(Ui& ui, std::string_view id, std::string_view label, const RowStyle& style) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const float width = style.width > 0 ? style.width : ImGui::GetContentRegionAvail().x;
    const float pad = m.margin * 0.75f;
    const float space = m.body * 0.5f;
    const bool marked = style.role == Role::radio || style.role == Role::checkbox;
    const float mark = marked ? m.body : 0;
    const float badge_w = style.badge.empty() ? 0 : text_width(ui, m.small, style.badge) + m.small;
    const float verdict_w = style.verdict == Verdict::none ? 0 : m.body;
    const float text_x = pad + (marked ? mark + space : 0) + (badge_w > 0 ? badge_w + space : 0);
    const float text_w = std::max(width - text_x - pad - (verdict_w > 0 ? verdict_w + space : 0), m.body);
    const auto lines = break_lines(label, text_w, [&](std::string_view t) { return text_width(ui, m.body, t); });
    const auto note_lines = break_lines(style.note, text_w, [&](std::string_view t) { return text_width(ui, m.small, t); });
    const float line_h = font_px(m.body) * 1.1f;
    const float note_h = font_px(m.small) * 1.1f;
    const float content_h = lines.size() * line_h + note_lines.size() * note_h;
    const float height = std::max(m.touch_target, content_h + pad * 1.5f);

    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + width, pos.y + height);
    const std::string imgui_id = "##" + std::string(id);
    bool clicked = ImGui::InvisibleButton(imgui_id.c_str(), ImVec2(width, height)) && !style.disabled;
    const bool hovered = ImGui::IsItemHovered() && !style.disabled, active = ImGui::IsItemActive() && !style.disabled;
    const Rgba rest = style.on ? th.button_current : active ? th.button_active : hovered ? th.button_hover : th.button;
    const Rgba border = style.verdict == Verdict::right ? th.good_border
                        : style.verdict == Verdict::wrong ? th.notice_border
                        : style.on ? th.button_current_border : th.control_border;
    const float border_w = style.verdict != Verdict::none || style.on ? 2.0f : th.control_border_width;
    const float rounding = 10.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, verdict_fill(th, style.verdict, rest).abgr(), rounding);
    dl->AddRect(pos, max, border.abgr(), rounding, 0, border_w);

    const unsigned ink = th.ink.abgr();
    const float top = pos.y + (height - content_h) * 0.5f;
    const float first_line_y = top + line_h * 0.5f;
    if (marked) {
        const ImVec2 c(pos.x + pad + mark * 0.5f, first_line_y);
        if (style.role == Role::radio) {
            dl->AddCircle(c, mark * 0.42f, ink, 0, 1.5f);
            if (style.on) dl->AddCircleFilled(c, mark * 0.22f, ink);
        } else {
            dl->AddRect(ImVec2(c.x - mark * 0.42f, c.y - mark * 0.42f), ImVec2(c.x + mark * 0.42f, c.y + mark * 0.42f), ink, 3.0f, 0, 1.5f);
            if (style.on) verdict_mark(dl, c, mark, Verdict::right, ink);
        }
    }
    if (badge_w > 0) {
        const float bx = pos.x + text_x - space - badge_w;
        const float bh = font_px(m.small) * 1.1f;
        dl->AddRectFilled(ImVec2(bx, first_line_y - bh * 0.5f), ImVec2(bx + badge_w, first_line_y + bh * 0.5f), th.badge_fill.abgr(), bh * 0.5f);
        dl->AddText(ui.font, font_px(m.small), ImVec2(bx + m.small * 0.5f, first_line_y - font_px(m.small) * 0.5f), th.badge_text.abgr(),
                    style.badge.data(), style.badge.data() + style.badge.size());
    }
    float y = top + (line_h - font_px(m.body)) * 0.5f;
    for (const TextLine& l : lines) {
        dl->AddText(ui.font, font_px(m.body), ImVec2(pos.x + text_x, y), ink, label.data() + l.begin, label.data() + l.end);
        y += line_h;
    }
    for (const TextLine& l : note_lines) {
        dl->AddText(ui.font, font_px(m.small), ImVec2(pos.x + text_x, y), ink, style.note.data() + l.begin, style.note.data() + l.end);
        y += note_h;
    }
    if (verdict_w > 0) verdict_mark(dl, ImVec2(max.x - pad - verdict_w * 0.5f, first_line_y), verdict_w, style.verdict, ink);
    focus_decoration(ui, id, pos, max, rounding);
    ViewNode n = node(ui, id, style.role, label, pos, max);
    if (marked) n.state.checked = style.on;
    else n.state.selected = style.on;
    n.state.disabled = style.disabled;
    n.state.correct = verdict_state(style.verdict);
    n.description = std::string(style.note);
    ui.build.add(std::move(n));
    if (!style.disabled && take_activation(ui, id)) clicked = true;
    return clicked;
}

std::optional<std::vector<std::uint32_t>> sortable_list(Ui& ui, std::string_view id, std::string_view name, std::span<const SortRow> rows,
                                                        const std::vector<std::uint32_t>& order, SortDrag& drag, bool locked) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const ImGuiIO& io = ImGui::GetIO();
    const std::size_t n = rows.size();
    if (drag.heights.size() != n) drag.heights.assign(n, m.touch_target);
    if (drag.centres.size() != n) drag.centres.assign(n, 0.0f);
    if (locked || drag.row >= static_cast<int>(n)) drag.row = -1;
    std::optional<std::vector<std::uint32_t>> moved;

    // While a row is dragged the others make room where it would drop: where its centre
    // passes theirs as they stood when the drag began (so they do not chase it).
    std::vector<std::uint32_t> shown = order;
    if (drag.row >= 0) {
        const auto r = static_cast<std::uint32_t>(drag.row);
        const float centre = io.MousePos.y - drag.grab + drag.heights[r] * 0.5f;
        std::erase(shown, r);
        std::size_t target = 0;
        for (std::uint32_t other : shown)
            if (drag.centres[other] < centre) ++target;
        shown.insert(shown.begin() + static_cast<std::ptrdiff_t>(target), r);
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {  // dropped
            if (shown != order) moved = shown;
            drag.row = -1;
        } else {
            ui.holding = true;
        }
    }

    const std::string_view up_label = ui.t(Msg::move_up), down_label = ui.t(Msg::move_down);
    const float button_pad = m.margin;
    const float up_w = text_width(ui, m.body, up_label) + 2 * button_pad;
    const float down_w = text_width(ui, m.body, down_label) + 2 * button_pad;
    const float buttons_w = up_w + down_w + m.gap * 0.5f;
    const float handle_w = m.touch_target * 0.75f;
    const float pad = m.margin * 0.5f;
    const float line_h = font_px(m.body) * 1.1f, note_h = font_px(m.small) * 1.1f;
    std::vector<float> centres(n, 0.0f);

    std::size_t list = 0;  // the list's node, once opened below
    const auto draw_row = [&](std::size_t position, std::uint32_t r) {
        const SortRow& row = rows[r];
        const std::string rid(row.id);
        const std::size_t item = ui.build.open({.id = rid, .role = Role::listitem, .name = std::string(row.label)});
        ui.tree.nodes[item].state.correct = verdict_state(row.verdict);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const float tx = p.x + handle_w;
        // The buttons sit beside the text when it keeps most of the row, else below it (side by
        // side, or one above the other when large text leaves no room for both).
        const bool beside = width - handle_w - buttons_w - pad * 3 >= width * 0.45f;
        const float text_w = std::max(beside ? width - handle_w - buttons_w - pad * 3 : width - handle_w - pad, m.body);
        const auto lines = break_lines(row.label, text_w, [&](std::string_view t) { return text_width(ui, m.body, t); });
        const auto note_lines = break_lines(row.note, text_w, [&](std::string_view t) { return text_width(ui, m.small, t); });
        const float text_h = lines.size() * line_h + note_lines.size() * note_h;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        // The row's box goes behind its content, sized once the content is laid out.
        ImDrawListSplitter layers;
        layers.Split(dl, 2);
        layers.SetCurrentChannel(dl, 1);
        float y = p.y + pad;
        for (const TextLine& l : lines) {
            dl->AddText(ui.font, font_px(m.body), ImVec2(tx, y), th.ink.abgr(), row.label.data() + l.begin, row.label.data() + l.end);
            y += line_h;
        }
        for (const TextLine& l : note_lines) {
            dl->AddText(ui.font, font_px(m.small), ImVec2(tx, y), th.ink.abgr(), row.note.data() + l.begin, row.note.data() + l.end);
            y += note_h;
        }
        ViewNode text = node(ui, rid + ".text", Role::text, row.label, ImVec2(tx, p.y + pad), ImVec2(tx + text_w, p.y + pad + text_h));
        text.description = std::string(row.note);
        ui.build.add(std::move(text));

        const std::string up_name = format(ui.t(Msg::move_up_named), {row.label});
        const std::string down_name = format(ui.t(Msg::move_down_named), {row.label});
        const float right = p.x + width - pad;
        ImGui::SetCursorScreenPos(beside ? ImVec2(right - buttons_w, p.y + pad) : ImVec2(tx, p.y + pad + text_h + pad * 0.5f));
        const bool up = button(ui, rid + "-up", up_label, {.disabled = locked || position == 0, .name = up_name});
        float bottom = ImGui::GetItemRectMax().y;
        if (beside || tx + up_w + m.gap * 0.5f + down_w <= right) ImGui::SameLine(0, m.gap * 0.5f);
        else ImGui::SetCursorScreenPos(ImVec2(tx, bottom + m.gap * 0.5f));
        const bool down = button(ui, rid + "-down", down_label, {.disabled = locked || position + 1 == n, .name = down_name});
        bottom = std::max({bottom, ImGui::GetItemRectMax().y, p.y + pad + text_h});
        const float height = std::max(bottom + pad - p.y, m.touch_target);
        const ImVec2 max(p.x + width, p.y + height);
        ui.build.include(item, rect_of(p, max));  // the item is the whole row, handle included
        ui.build.include(list, rect_of(p, max));

        // The handle: pointer only (the buttons are the way for keys and screen readers).
        ImGui::SetCursorScreenPos(p);
        const std::string handle_id = "##" + rid + "-drag";
        ImGui::InvisibleButton(handle_id.c_str(), ImVec2(handle_w, height));
        if (!locked) {
            if (ImGui::IsItemActive()) {
                ui.holding = true;  // a finger here moves the row, never the screen
                if (drag.row < 0 && ImGui::IsMouseDragging(ImGuiMouseButton_Left, m.touch_target * 0.1f)) {
                    drag.row = static_cast<int>(r);
                    drag.grab = io.MouseClickedPos[0].y - p.y;
                }
            }
            const float gx = p.x + handle_w * 0.5f, gy = p.y + height * 0.5f, gw = handle_w * 0.22f;
            for (int k = -1; k <= 1; ++k)
                dl->AddLine(ImVec2(gx - gw, gy + k * 5.0f), ImVec2(gx + gw, gy + k * 5.0f), th.muted.abgr(), 2.0f);
        }
        layers.SetCurrentChannel(dl, 0);
        const Rgba border = row.verdict == Verdict::right ? th.good_border : row.verdict == Verdict::wrong ? th.notice_border : th.control_border;
        dl->AddRectFilled(p, max, verdict_fill(th, row.verdict, th.card).abgr(), 10.0f);
        dl->AddRect(p, max, border.abgr(), 10.0f, 0, row.verdict == Verdict::none ? th.control_border_width : 2.0f);
        layers.Merge(dl);

        if ((up || down) && !moved && drag.row < 0) {
            std::vector<std::uint32_t> next = order;
            const auto at = std::find(next.begin(), next.end(), r);
            if (at != next.end()) {
                const auto i = at - next.begin();
                if (up && i > 0) std::swap(next[i], next[i - 1]);
                if (down && i + 1 < static_cast<std::ptrdiff_t>(next.size())) std::swap(next[i], next[i + 1]);
                moved = std::move(next);
            }
        }
        ImGui::SetCursorScreenPos(p);
        ImGui::Dummy(ImVec2(width, height));
        centres[r] = p.y + height * 0.5f;
        drag.heights[r] = height;
        if (!row.detail.empty()) {
            ImGui::Indent(handle_w);
            text_block(ui, rid + ".detail", row.detail, m.small, th.ink.abgr(), Role::text);
            ImGui::Unindent(handle_w);
        }
        ui.build.close();
    };

    begin_group(ui, id, Role::list, name);
    list = ui.tree.nodes.size() - 1;
    const float list_top = ImGui::GetCursorScreenPos().y;
    std::size_t dragged_at = 0;
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const std::uint32_t r = shown[k];
        if (r >= n) continue;
        if (static_cast<int>(r) == drag.row) {  // its place, kept free while it follows the pointer
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + w, p.y + drag.heights[r]), th.line.abgr(), 10.0f, 0, 1.5f);
            ImGui::Dummy(ImVec2(w, drag.heights[r]));
            dragged_at = k;
        } else {
            draw_row(k, r);
        }
        gap(ui, 0.5f);
    }
    if (drag.row >= 0) {  // drawn last, over the others, where the pointer holds it
        const ImVec2 end = ImGui::GetCursorScreenPos();
        const float h = drag.heights[static_cast<std::size_t>(drag.row)];
        const float y = std::clamp(io.MousePos.y - drag.grab, list_top, std::max(list_top, end.y - h));
        ImGui::SetCursorScreenPos(ImVec2(end.x, y));
        draw_row(dragged_at, static_cast<std::uint32_t>(drag.row));
        ImGui::SetCursorScreenPos(end);
        ImGui::Dummy(ImVec2(1, 0));
    }
    end_group(ui);
    if (drag.row < 0) drag.centres = std::move(centres);
    return moved;
}

bool link_button(Ui& ui, std::string_view id, std::string_view label, std::string_view href) {
    const Theme& th = *ui.theme;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = text_width(ui, ui.metrics.body, label);
    const float h = std::max(ui.metrics.touch_target * 0.75f, font_px(ui.metrics.body));
    const std::string imgui_id = "##" + std::string(id);
    bool clicked = ImGui::InvisibleButton(imgui_id.c_str(), ImVec2(std::max(w, 1.0f), h));
    const float ty = pos.y + (h - font_px(ui.metrics.body)) * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(ui.font, font_px(ui.metrics.body), ImVec2(pos.x, ty), th.link.abgr(), label.data(), label.data() + label.size());
    dl->AddLine(ImVec2(pos.x, ty + font_px(ui.metrics.body) - 2), ImVec2(pos.x + w, ty + font_px(ui.metrics.body) - 2), th.link.abgr(), 1.0f);
    const ImVec2 max(pos.x + w, pos.y + h);
    focus_decoration(ui, id, pos, max, 2.0f);
    ViewNode n = node(ui, id, Role::link, label, pos, max);
    n.href = std::string(href);
    ui.build.add(std::move(n));
    if (take_activation(ui, id)) clicked = true;
    return clicked;
}

bool text_field(Ui& ui, std::string_view id, std::string_view label, std::string& value, std::string_view hint) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const std::string key(id);
    caption(ui, key + ".label", label);
    bool changed = false;
    const auto edit = ui.input.edits.find(key);
    // A new edit from the page is the learner's latest text. An old one is not: the value may
    // have changed since by import or another tab, and the field shows that.
    if (edit != ui.input.edits.end() && edit->second.fresh && edit->second.text != value) {
        value = edit->second.text;  // exactly as typed: the page's input holds the text
        changed = true;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = std::max(m.touch_target, font_px(m.body) + m.body);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + width, pos.y + height);
    const std::string imgui_id = "##" + key;
    if (ImGui::InvisibleButton(imgui_id.c_str(), ImVec2(width, height)) || take_activation(ui, key)) ui.focus_request = key;
    const bool is_focused = focused(ui, key);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, (hovered ? th.card_hover : th.card).abgr(), 10.0f);
    dl->AddRect(pos, max, (is_focused ? th.focus_ring : th.control_border).abgr(), 10.0f, 0, is_focused ? 2.0f : th.control_border_width);

    // The text, the selection, the caret and an IME's unfinished text, scrolled so the caret shows.
    const float pad = m.margin * 0.75f;
    const float size = font_px(m.body);
    const float inner_w = width - 2 * pad;
    const float ty = pos.y + (height - size) * 0.5f;
    const FieldEdit* e = (is_focused && edit != ui.input.edits.end()) ? &edit->second : nullptr;
    std::string shown = value;
    std::size_t caret = value.size(), sel_a = caret, sel_b = caret;
    if (e != nullptr && e->text != value) e = nullptr;  // the page's input is out of date: no caret inside it
    if (e != nullptr) {
        sel_a = std::min<std::size_t>(std::max(e->selection_start, 0), value.size());
        sel_b = std::min<std::size_t>(std::max(e->selection_end, 0), value.size());
        if (sel_b < sel_a) std::swap(sel_a, sel_b);
        caret = sel_b;
        if (!e->preedit.empty()) {
            shown = value.substr(0, sel_a) + e->preedit + value.substr(sel_b);
            caret = sel_a + e->preedit.size();
        }
    }
    const auto x_at = [&](std::size_t byte) { return ui.font->CalcTextSizeA(size, FLT_MAX, 0.0f, shown.data(), shown.data() + byte).x; };
    const float scroll = std::max(0.0f, x_at(caret) - inner_w + 2);
    const float x0 = pos.x + pad - scroll;
    dl->PushClipRect(ImVec2(pos.x + pad - 1, pos.y), ImVec2(max.x - pad + 2, max.y), true);
    if (shown.empty()) {
        dl->AddText(ui.font, size, ImVec2(pos.x + pad, ty), th.placeholder.abgr(), hint.data(), hint.data() + hint.size());
    } else {
        if (e != nullptr && e->preedit.empty() && sel_b > sel_a)
            dl->AddRectFilled(ImVec2(x0 + x_at(sel_a), ty), ImVec2(x0 + x_at(sel_b), ty + size), th.selection.abgr());
        dl->AddText(ui.font, size, ImVec2(x0, ty), th.ink.abgr(), shown.data(), shown.data() + shown.size());
        if (e != nullptr && !e->preedit.empty())
            dl->AddLine(ImVec2(x0 + x_at(sel_a), ty + size), ImVec2(x0 + x_at(sel_a + e->preedit.size()), ty + size), th.ink.abgr(), 1.5f);
    }
    if (is_focused) {
        const float cx = x0 + x_at(caret);
        dl->AddLine(ImVec2(cx, ty), ImVec2(cx, ty + size), th.ink.abgr(), 1.5f);
    }
    dl->PopClipRect();
    focus_decoration(ui, key, pos, max, 10.0f);
    ViewNode n = node(ui, key, Role::textbox, label, pos, max);
    n.state.value_text = value;
    n.description = std::string(hint);
    ui.build.add(std::move(n));
    return changed;
}

}  // namespace coach::ui
