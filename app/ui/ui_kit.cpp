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

void report(Ui& ui, ViewItemKind kind, std::string_view id, std::string_view text, ImVec2 min, ImVec2 max,
            std::string_view group = {}, bool enabled = true) {
    ui.view.items.push_back({kind, std::string(id), std::string(text), rect_of(min, max), std::string(group), enabled});
}

// On a touch screen a drag scrolls the screen (ImGui itself only scrolls by wheel) and is
// not a tap: whatever the finger went down on is released without being activated.
void touch_scroll(Ui& ui) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.MouseSource != ImGuiMouseSource_TouchScreen || !io.MouseDown[0]) return;
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, ui.metrics.touch_target * 0.2f)) return;
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId != 0 && g.InputTextState.ID != g.ActiveId) ImGui::ClearActiveID();
}

}  // namespace

void begin_screen(Ui& ui, std::string_view screen_id) {
    ui.view.screen = std::string(screen_id);
    ui.view.lang = std::string(lang_code(ui.lang));
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float side = std::max(ui.metrics.margin, (vp->Size.x - ui.metrics.column_max) * 0.5f);
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, ui.metrics.margin * 1.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::paper);
    const std::string name = "##screen." + std::string(screen_id);
    ImGui::Begin(name.c_str(), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
    ImGui::PushFont(ui.font, ui.metrics.body);
}

void end_screen(Ui& ui) {
    gap(ui, 2.0f);
    touch_scroll(ui);
    ImGui::PopFont();
    ImGui::End();
}

void text_block(Ui& ui, std::string_view id, std::string_view text, float size, unsigned color, ViewItemKind kind, float width) {
    ImFont* font = ui.font;
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    const auto measure = [&](std::string_view s) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    };
    ImGui::PushFont(font, size);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, size * 0.35f));  // CJK reads better with air
    for (const TextLine& line : break_lines(text, width, measure)) {
        const char* b = text.data() + line.begin;
        const char* e = text.data() + line.end;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::TextUnformatted(b, e);
        report(ui, kind, id, std::string_view(b, e - b), pos, ImVec2(pos.x + line.width, pos.y + ImGui::GetTextLineHeight()), id);
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void title(Ui& ui, std::string_view id, std::string_view text) { text_block(ui, id, text, ui.metrics.title, color::ink, ViewItemKind::heading); }
void heading(Ui& ui, std::string_view id, std::string_view text) { text_block(ui, id, text, ui.metrics.heading, color::ink, ViewItemKind::heading); }
void paragraph(Ui& ui, std::string_view id, std::string_view text) { text_block(ui, id, text, ui.metrics.body, color::ink, ViewItemKind::text); }
void caption(Ui& ui, std::string_view id, std::string_view text) { text_block(ui, id, text, ui.metrics.small, color::muted, ViewItemKind::text); }

void gap(Ui& ui, float scale) { ImGui::Dummy(ImVec2(1, ui.metrics.gap * scale)); }

std::string linked_text(Ui& ui, std::string_view id, std::string_view source, float size, unsigned color, float width) {
    const RichText rich = parse_rich_text(source);
    const std::string& text = rich.plain;
    ImFont* font = ui.font;
    const auto measure = [&](std::string_view s) { return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x; };
    std::string tapped;
    ImGui::PushFont(font, size);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, size * 0.35f));
    const float line_height = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    int segment = 0;
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
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
        for (const TextLink& link : rich.links) {
            if (link.end <= line.begin || link.begin >= line.end) continue;
            draw(std::max(link.begin, line.begin), color);
            const float x0 = x;
            draw(std::min(link.end, line.end), color::accent);
            dl->AddLine(ImVec2(x0, pos.y + line_height - 1), ImVec2(x, pos.y + line_height - 1), color::accent, 1.0f);
            ImGui::SetCursorScreenPos(ImVec2(x0, pos.y));
            const std::string button_id = "##" + std::string(id) + ".link" + std::to_string(segment++);
            if (ImGui::InvisibleButton(button_id.c_str(), ImVec2(std::max(x - x0, 1.0f), line_height))) tapped = link.term;
            report(ui, ViewItemKind::link, "term." + link.term, std::string_view(text).substr(link.begin, link.end - link.begin),
                   ImVec2(x0, pos.y), ImVec2(x, pos.y + line_height), id);
        }
        draw(line.end, color);
        ImGui::SetCursorScreenPos(pos);
        ImGui::Dummy(ImVec2(std::max(line.width, 1.0f), line_height));
        report(ui, ViewItemKind::text, id, std::string_view(text).substr(line.begin, line.end - line.begin), pos,
               ImVec2(pos.x + line.width, pos.y + line_height), id);
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
    return tapped;
}

void progress_bar(Ui& ui, std::string_view id, float fraction, std::string_view label) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = 6.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), color::line, height * 0.5f);
    if (fraction > 0) dl->AddRectFilled(pos, ImVec2(pos.x + width * std::min(fraction, 1.0f), pos.y + height), color::accent, height * 0.5f);
    ImGui::Dummy(ImVec2(width, height));
    if (!label.empty()) caption(ui, id, label);
}

int pager(Ui& ui, std::string_view id, std::string_view indicator, bool has_prev, std::string_view next_label) {
    int step = 0;
    const float width = ImGui::GetContentRegionAvail().x;
    const float start_x = ImGui::GetCursorPosX();
    const float row_y = ImGui::GetCursorPosY();
    const std::string base(id);
    if (has_prev) {
        if (button(ui, base + ".prev", ui.t(Msg::page_prev))) step = -1;
    } else {
        ImGui::Dummy(ImVec2(1, ui.metrics.touch_target));
    }
    const ImVec2 size = ui.font->CalcTextSizeA(ui.metrics.small, FLT_MAX, 0.0f, indicator.data(), indicator.data() + indicator.size());
    ImGui::SetCursorPos(ImVec2(start_x + (width - size.x) * 0.5f, row_y + (ui.metrics.touch_target - size.y) * 0.5f));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(ui.font, ui.metrics.small, at, color::muted, indicator.data(), indicator.data() + indicator.size());
    report(ui, ViewItemKind::text, base + ".indicator", indicator, at, ImVec2(at.x + size.x, at.y + size.y));
    const ImVec2 next_size = ui.font->CalcTextSizeA(ui.metrics.body, FLT_MAX, 0.0f, next_label.data(), next_label.data() + next_label.size());
    ImGui::SetCursorPos(ImVec2(start_x + width - next_size.x - ui.metrics.margin * 2, row_y));
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(color::accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(0xFF2A2FA0));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(0xFFFFFFFF));
    if (button(ui, base + ".next", next_label)) step = 1;
    ImGui::PopStyleColor(3);
    return step;
}

int swipe_or_arrows() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput) {
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false)) return -1;
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, false)) return 1;
    }
    if (!ImGui::IsMouseReleased(ImGuiMouseButton_Left) || !ImGui::IsMousePosValid()) return 0;
    const float dx = io.MousePos.x - io.MouseClickedPos[0].x;
    const float dy = io.MousePos.y - io.MouseClickedPos[0].y;
    if (std::fabs(dx) < 60.0f || std::fabs(dx) < 2.0f * std::fabs(dy)) return 0;
    return dx < 0 ? 1 : -1;
}

void begin_box(Ui& ui) {
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
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetItemRectMin();
    const ImVec2 bottom(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(top, bottom, fill, 12.0f);
    dl->AddRect(top, bottom, border, 12.0f);
    dl->ChannelsMerge();
}

bool card(Ui& ui, std::string_view id, std::string_view title_text, std::string_view about, std::string_view badge) {
    const Metrics& m = ui.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = m.margin;
    const float inner = width - 2 * pad;
    const auto measure_at = [&](float size) {
        return [&, size](std::string_view s) { return ui.font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x; };
    };
    const auto title_lines = break_lines(title_text, inner, measure_at(m.heading));
    const auto about_lines = break_lines(about, inner, measure_at(m.body));
    const float line_gap = 1.3f;
    float height = pad * 2 + title_lines.size() * m.heading * line_gap + about_lines.size() * m.body * line_gap;
    if (!badge.empty()) height += m.small * 1.8f;
    height = std::max(height, m.touch_target * 1.5f);

    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    const std::string imgui_id = "##" + std::string(id);
    const bool clicked = ImGui::InvisibleButton(imgui_id.c_str(), ImVec2(width, height));
    const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, hot ? color::card_hover : color::card, 14.0f);
    dl->AddRect(min, max, hot ? color::accent : color::line, 14.0f, 0, hot ? 2.0f : 1.0f);
    dl->AddRectFilled(ImVec2(min.x, min.y + 14), ImVec2(min.x + 5, max.y - 14), color::accent);

    float y = min.y + pad;
    for (const TextLine& l : title_lines) {
        dl->AddText(ui.font, m.heading, ImVec2(min.x + pad, y), color::ink, title_text.data() + l.begin, title_text.data() + l.end);
        y += m.heading * line_gap;
    }
    for (const TextLine& l : about_lines) {
        dl->AddText(ui.font, m.body, ImVec2(min.x + pad, y), color::muted, about.data() + l.begin, about.data() + l.end);
        y += m.body * line_gap;
    }
    if (!badge.empty()) {
        const ImVec2 size = ui.font->CalcTextSizeA(m.small, FLT_MAX, 0.0f, badge.data(), badge.data() + badge.size());
        const ImVec2 b0(min.x + pad, y + m.small * 0.3f);
        dl->AddRectFilled(b0, ImVec2(b0.x + size.x + 16, b0.y + size.y + 6), 0xFFE8ECF5, 8.0f);
        dl->AddText(ui.font, m.small, ImVec2(b0.x + 8, b0.y + 3), color::accent, badge.data(), badge.data() + badge.size());
    }
    std::string label(title_text);
    if (!badge.empty()) label += " · " + std::string(badge);
    report(ui, ViewItemKind::button, id, label, min, max);
    ImGui::Dummy(ImVec2(1, m.gap * 0.5f));
    return clicked;
}

bool button(Ui& ui, std::string_view id, std::string_view label, bool wide) {
    const Metrics& m = ui.metrics;
    const std::string text = std::string(label) + "##" + std::string(id);
    const ImVec2 label_size = ui.font->CalcTextSizeA(m.body, FLT_MAX, 0.0f, label.data(), label.data() + label.size());
    const ImVec2 size(wide ? ImGui::GetContentRegionAvail().x : label_size.x + m.margin * 2, m.touch_target);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, m.touch_target * 0.5f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Button(text.c_str(), size);
    ImGui::PopStyleVar();
    report(ui, ViewItemKind::button, id, label, pos, ImVec2(pos.x + size.x, pos.y + size.y));
    return clicked;
}

namespace {
int grow_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* value = static_cast<std::string*>(data->UserData);
        value->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = value->data();
    }
    return 0;
}
}  // namespace

bool text_field(Ui& ui, std::string_view id, std::string_view label, std::string& value, std::string_view hint) {
    const Metrics& m = ui.metrics;
    caption(ui, std::string(id) + ".label", label);
    const std::string imgui_id = "##" + std::string(id);
    const std::string hint_z(hint);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(m.margin * 0.75f, (m.touch_target - m.body) * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 10.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool changed = ImGui::InputTextWithHint(imgui_id.c_str(), hint_z.c_str(), value.data(), value.capacity() + 1,
                                                  ImGuiInputTextFlags_CallbackResize, grow_string, &value);
    ImGui::PopStyleVar(3);
    const ImVec2 max = ImGui::GetItemRectMax();
    // A phone keyboard takes half the screen: keep the field being edited in view.
    if (ImGui::IsItemActive() && (max.y > ImGui::GetWindowPos().y + ImGui::GetWindowHeight() || pos.y < ImGui::GetWindowPos().y))
        ImGui::SetScrollHereY(0.5f);
    report(ui, ViewItemKind::input, id, value, pos, max);
    return changed;
}

}  // namespace coach::ui
