#include "ui_table.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "core/line_breaking.h"
#include "core/utf8.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace coach::ui {
namespace {

constexpr std::size_t kWholeTable = 20;  // rows: a salesperson's own accounts, an ageing table

ViewRect rect_of(ImVec2 min, ImVec2 max) { return {min.x, min.y, max.x - min.x, max.y - min.y}; }

float text_width(const Ui& ui, float em, std::string_view s) {
    return ui.font->CalcTextSizeA(font_px(em), FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

// The text as it fits `width`: whole, or cut at a character and ended with "…".
std::string fitted(const Ui& ui, float em, std::string_view s, float width) {
    if (text_width(ui, em, s) <= width) return std::string(s);
    static constexpr std::string_view kEllipsis = "…";
    const float room = width - text_width(ui, em, kEllipsis);
    std::size_t end = 0;
    for (std::size_t at = 0; at < s.size();) {
        const std::size_t next = at + utf8_decode(s, at).length;
        if (text_width(ui, em, s.substr(0, next)) > room) break;
        end = at = next;
    }
    return std::string(s.substr(0, end)) + std::string(kEllipsis);
}

// At most `max_lines` lines of `s` in `width`; the last one ends in "…" when the text goes on.
std::vector<std::string> wrapped(const Ui& ui, float em, std::string_view s, float width, std::size_t max_lines) {
    const auto lines = break_lines(s, width, [&](std::string_view t) { return text_width(ui, em, t); });
    std::vector<std::string> out;
    for (std::size_t k = 0; k < lines.size() && k < max_lines; ++k) {
        const bool last = k + 1 == max_lines && lines.size() > max_lines;
        const std::size_t end = last ? s.size() : lines[k].end;
        out.push_back(fitted(ui, em, s.substr(lines[k].begin, end - lines[k].begin), width));
    }
    return out;
}

bool take_activation(Ui& ui, std::string_view id) {
    if (ui.activated || ui.input.activate != id) return false;
    ui.activated = true;
    return true;
}

bool has_focus(const Ui& ui, std::string_view id) { return !id.empty() && ui.input.focus == id; }

void focus_ring(Ui& ui, std::string_view id, ImVec2 min, ImVec2 max) {
    if (ui.input.scroll_to == id) ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(min, max), ImGuiScrollFlags_KeepVisibleEdgeY);
    if (!has_focus(ui, id) || !ui.input.focus_visible) return;
    const float w = ui.metrics.focus_ring;
    // Inside the row's own rectangle: the rows touch, and the ring must not hide under the next.
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x + w * 0.5f, min.y + w * 0.5f), ImVec2(max.x - w * 0.5f, max.y - w * 0.5f),
                                        ui.theme->focus_ring.abgr(), 6.0f, 0, w);
}

// A small triangle beside the sorted column's label: up for ascending, down for descending.
void sort_mark(ImDrawList* dl, ImVec2 centre, float size, bool descending, unsigned color) {
    const float h = size * 0.3f;
    if (descending)
        dl->AddTriangleFilled(ImVec2(centre.x - h, centre.y - h * 0.6f), ImVec2(centre.x + h, centre.y - h * 0.6f), ImVec2(centre.x, centre.y + h * 0.7f), color);
    else
        dl->AddTriangleFilled(ImVec2(centre.x - h, centre.y + h * 0.6f), ImVec2(centre.x + h, centre.y + h * 0.6f), ImVec2(centre.x, centre.y - h * 0.7f), color);
}

struct Layout {
    std::vector<std::size_t> shown;  // column indices, the first column first
    std::vector<float> x, w;         // per shown column, from the table's left edge (column layout)
    bool stacked = false;
    std::vector<float> stack_y;        // stacked: each column's line, from the row's top
    std::vector<bool> label_above;     // stacked: the label takes a line of its own above the value
    std::size_t name_lines = 2;
    float pad_x = 0, pad_y = 0, line_h = 0, row_h = 0, mark_w = 0;
};

Layout lay_out(const Ui& ui, const TableSpec& spec, float width) {
    const Metrics& m = ui.metrics;
    Layout l;
    l.pad_x = m.margin * 0.5f;
    l.pad_y = m.gap * 0.4f;
    l.line_h = font_px(m.body) * 1.2f;
    l.mark_w = m.body * 0.8f;
    const std::size_t n = spec.columns.size();
    // Each column but the first: its header broken to about half its width, or its sample.
    std::vector<float> natural(n, 0.0f);
    for (std::size_t c = 1; c < n; ++c) {
        const TableColumn& col = spec.columns[c];
        const float sample = text_width(ui, m.body, col.sample);
        const float label = text_width(ui, m.small, col.label);
        float header = 0;
        for (const TextLine& line : break_lines(col.label, std::max(sample, label * 0.55f), [&](std::string_view t) { return text_width(ui, m.small, t); }))
            header = std::max(header, line.width);
        natural[c] = std::max(sample, header + (col.sortable ? l.mark_w : 0.0f)) + 2 * l.pad_x;
    }
    const float first_min = m.body * 7 + 2 * l.pad_x;
    for (std::size_t c = 0; c < n; ++c) l.shown.push_back(c);
    const auto others = [&] {
        float sum = 0;
        for (std::size_t c : l.shown) sum += natural[c];
        return sum;
    };
    while (others() + first_min > width) {
        auto drop = std::find_if(l.shown.rbegin(), l.shown.rend(), [&](std::size_t c) { return c > 0 && !spec.columns[c].keep; });
        if (drop == l.shown.rend()) {
            l.stacked = true;
            break;
        }
        l.shown.erase(std::next(drop).base());
    }
    l.name_lines = std::max<std::size_t>(1, spec.first_lines);
    if (l.stacked) {
        // One line per column, label and value; the label goes above when both do not fit.
        const float room = width - 2 * l.pad_x;
        float y = l.pad_y + l.name_lines * l.line_h;
        l.stack_y.assign(l.shown.size(), 0.0f);
        l.label_above.assign(l.shown.size(), false);
        for (std::size_t k = 1; k < l.shown.size(); ++k) {
            const TableColumn& col = spec.columns[l.shown[k]];
            l.label_above[k] = text_width(ui, m.small, col.label) + m.gap + text_width(ui, m.body, col.sample) > room;
            l.stack_y[k] = y;
            y += l.line_h + (l.label_above[k] ? font_px(m.small) * 1.15f : 0.0f);
        }
        l.row_h = std::max(m.touch_target, y + l.pad_y);
        return l;
    }
    float x = width;
    l.x.assign(l.shown.size(), 0.0f);
    l.w.assign(l.shown.size(), 0.0f);
    for (std::size_t k = l.shown.size(); k-- > 1;) {
        l.w[k] = natural[l.shown[k]];
        x -= l.w[k];
        l.x[k] = x;
    }
    l.w[0] = x;
    // A wide name column holds most names on one line: rows stay short on a desktop.
    if (l.w[0] - 2 * l.pad_x >= m.body * 14) l.name_lines = 1;
    l.row_h = std::max(m.touch_target, l.name_lines * l.line_h + 2 * l.pad_y);
    return l;
}

}  // namespace

std::string table_row_id(std::string_view table, std::string_view key) { return std::string(table) + ".row." + std::string(key); }
std::string table_open_id(std::string_view table, std::string_view key) { return std::string(table) + ".open." + std::string(key); }
std::string table_sort_id(std::string_view table, std::string_view column) { return std::string(table) + ".sort." + std::string(column); }

std::string grouped(std::size_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

TableResult data_table(Ui& ui, const TableSpec& spec) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    TableResult result;
    const std::string base(spec.id);
    const float width = ImGui::GetContentRegionAvail().x;
    const Layout l = lay_out(ui, spec, width);
    const std::size_t n = spec.rows;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float body_px = font_px(m.body), small_px = font_px(m.small);

    const std::size_t table = ui.build.open({.id = base, .role = Role::table, .name = std::string(spec.caption)});

    // The header: one cell per column shown; a sortable column's cell holds its button.
    const ImVec2 head = ImGui::GetCursorScreenPos();
    {
        begin_group(ui, base + ".head", Role::row);
        const float small_line = small_px * 1.15f;
        float head_h = m.touch_target;
        struct Cell {
            std::size_t column;
            ImVec2 min, max;
            std::vector<TextLine> lines;
        };
        std::vector<Cell> cells;
        float flow_x = 0, flow_y = 0;  // stacked: the headers flow, wrapping
        for (std::size_t k = 0; k < l.shown.size(); ++k) {
            const TableColumn& col = spec.columns[l.shown[k]];
            const auto measure = [&](std::string_view t) { return text_width(ui, m.small, t); };
            if (l.stacked) {
                const float w = std::min(width, text_width(ui, m.small, col.label) + 2 * l.pad_x + (col.sortable ? l.mark_w : 0.0f));
                if (flow_x > 0 && flow_x + w > width) {
                    flow_x = 0;
                    flow_y += m.touch_target;
                }
                const ImVec2 min(head.x + flow_x, head.y + flow_y);
                cells.push_back({l.shown[k], min, ImVec2(min.x + w, min.y + m.touch_target),
                                 break_lines(col.label, w - 2 * l.pad_x - (col.sortable ? l.mark_w : 0.0f) + 0.5f, measure)});
                flow_x += w;
                head_h = flow_y + m.touch_target;
            } else {
                const float text_w = l.w[k] - 2 * l.pad_x - (col.sortable ? l.mark_w : 0.0f);
                auto lines = break_lines(col.label, std::max(text_w, 1.0f), measure);
                head_h = std::max(head_h, lines.size() * small_line + 2 * l.pad_y);
                cells.push_back({l.shown[k], ImVec2(head.x + l.x[k], head.y), ImVec2(head.x + l.x[k] + l.w[k], head.y), std::move(lines)});
            }
        }
        for (Cell& cell : cells) {
            if (!l.stacked) cell.max.y = head.y + head_h;
            const TableColumn& col = spec.columns[cell.column];
            const bool sorted = spec.sorted == static_cast<int>(cell.column);
            const std::string cell_id = base + ".head." + std::string(col.id);
            begin_group(ui, cell_id, Role::cell, col.label);
            bool hovered = false;
            if (col.sortable) {
                const std::string sort_id = table_sort_id(base, col.id);
                ImGui::SetCursorScreenPos(cell.min);
                const std::string imgui_id = "##" + sort_id;
                bool clicked = ImGui::InvisibleButton(imgui_id.c_str(), ImVec2(cell.max.x - cell.min.x, cell.max.y - cell.min.y));
                hovered = ImGui::IsItemHovered();
                if (take_activation(ui, sort_id)) clicked = true;
                if (clicked) result.sort = static_cast<int>(cell.column);
                ViewNode node{.id = sort_id, .role = Role::button, .name = std::string(col.label), .rect = rect_of(cell.min, cell.max)};
                node.state.focused = has_focus(ui, sort_id);
                if (sorted) {
                    const std::string_view direction = ui.t(spec.descending ? Msg::table_descending : Msg::table_ascending);
                    node.state.selected = true;
                    node.state.value_text = std::string(direction);
                    node.description = format(ui.t(Msg::table_sorted), {direction});
                }
                ui.build.add(std::move(node));
                if (hovered) dl->AddRectFilled(cell.min, cell.max, th.card_hover.abgr(), 6.0f);
                focus_ring(ui, sort_id, cell.min, cell.max);
            } else {
                ui.build.add({.id = cell_id + ".text", .role = Role::text, .name = std::string(col.label), .rect = rect_of(cell.min, cell.max)});
            }
            // Labels of numbers stand over the numbers, at the right.
            const float block_h = cell.lines.size() * small_line;
            float y = cell.min.y + (cell.max.y - cell.min.y - block_h) * 0.5f + (small_line - small_px) * 0.5f;
            const float mark = col.sortable ? l.mark_w : 0.0f;
            float last_right = cell.min.x;
            for (const TextLine& line : cell.lines) {
                const float x = col.numeric && !l.stacked ? cell.max.x - l.pad_x - mark - line.width : cell.min.x + l.pad_x;
                dl->AddText(ui.font, small_px, ImVec2(x, y), (sorted ? th.ink : th.muted).abgr(), col.label.data() + line.begin,
                            col.label.data() + line.end);
                last_right = x + line.width;
                y += small_line;
            }
            if (sorted) sort_mark(dl, ImVec2(last_right + mark * 0.55f, y - small_line + small_px * 0.5f), m.body, spec.descending, th.ink.abgr());
            end_group(ui);
        }
        ImGui::SetCursorScreenPos(ImVec2(head.x, head.y + head_h));
        dl->AddLine(ImVec2(head.x, head.y + head_h - 1), ImVec2(head.x + width, head.y + head_h - 1), th.control_border.abgr(), 1.0f);
        ImGui::Dummy(ImVec2(width, 0));
        end_group(ui);
    }

    // The rows: only those in the window's view are laid out, drawn and published.
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float view_top = ImGui::GetWindowPos().y, view_h = ImGui::GetWindowHeight();
    const float scroll = ImGui::GetScrollY();
    const float top_in_content = top.y - view_top + scroll;  // the first row's top, in the window's content
    const auto row_in_view = [&](std::size_t r) {  // scroll so row r shows with a margin
        const float row_top = top_in_content + r * l.row_h, row_bottom = row_top + l.row_h;
        const float margin = m.gap;
        if (row_top - margin < scroll) ImGui::SetScrollY(std::max(0.0f, row_top - margin));
        else if (row_bottom + margin > scroll + view_h) ImGui::SetScrollY(row_bottom + margin - view_h);
    };
    if (spec.reveal && *spec.reveal < n) {
        ImGui::SetScrollY(std::max(0.0f, top_in_content + *spec.reveal * l.row_h - view_h * 0.3f));
    }
    const auto clamp_row = [&](float v) { return static_cast<std::size_t>(std::clamp(v, 0.0f, static_cast<float>(n))); };
    // A short table is published whole: a screen reader reads all of it without scrolling.
    const bool whole = n <= kWholeTable;
    const std::size_t first = whole ? 0 : clamp_row(std::floor((view_top - top.y) / l.row_h));
    const std::size_t last = whole ? n : std::max(first, clamp_row(std::ceil((view_top + view_h - top.y) / l.row_h)));
    result.first = first;
    result.last = last;
    std::optional<std::size_t> focused_row;
    for (std::size_t r = first; r < last; ++r) {
        const std::string key = spec.key(r);
        const std::string row_id = table_row_id(base, key);
        const std::string open_id = table_open_id(base, key);
        const ImVec2 min(top.x, top.y + r * l.row_h), max(top.x + width, top.y + (r + 1) * l.row_h);
        std::vector<std::string> cells;
        cells.reserve(l.shown.size());
        for (std::size_t c : l.shown) cells.push_back(spec.cell(r, c));
        const bool chosen = !spec.current.empty() && key == spec.current;
        ViewNode row{.id = row_id, .role = Role::row, .name = cells.empty() ? std::string() : cells[0], .rect = rect_of(min, max)};
        row.description = format(ui.t(Msg::table_row_of), {grouped(r + 1), grouped(n)});
        row.state.selected = chosen;
        ui.build.open(std::move(row));

        bool hovered = false;
        if (spec.open_rows) {
            ImGui::SetCursorScreenPos(min);
            const std::string imgui_id = "##" + row_id;
            if (ImGui::InvisibleButton(imgui_id.c_str(), ImVec2(width, l.row_h))) result.opened = r;
            hovered = ImGui::IsItemHovered();
            if (has_focus(ui, open_id)) focused_row = r;
        }
        if (chosen) {
            dl->AddRectFilled(min, max, th.button_current.abgr(), 6.0f);
            dl->AddRect(min, max, th.button_current_border.abgr(), 6.0f, 0, 2.0f);
        } else if (hovered) {
            dl->AddRectFilled(min, max, th.card_hover.abgr(), 6.0f);
        }
        dl->AddLine(ImVec2(min.x, max.y - 0.5f), ImVec2(max.x, max.y - 0.5f), th.line.abgr(), 1.0f);

        for (std::size_t k = 0; k < l.shown.size(); ++k) {
            const std::size_t c = l.shown[k];
            const TableColumn& col = spec.columns[c];
            const std::string& text = cells[k];
            const std::string cell_id = row_id + "." + std::string(col.id);
            ImVec2 cmin, cmax;
            if (k == 0) {
                const float w = l.stacked ? width : l.w[0];
                const auto lines = wrapped(ui, m.body, text, w - 2 * l.pad_x, l.name_lines);
                const float block = l.stacked ? l.name_lines * l.line_h : lines.size() * l.line_h;
                cmin = ImVec2(min.x, min.y);
                cmax = ImVec2(min.x + w, l.stacked ? min.y + l.pad_y + block : max.y);
                float y = l.stacked ? min.y + l.pad_y : min.y + (l.row_h - block) * 0.5f;
                y += (l.line_h - body_px) * 0.5f;
                for (const std::string& line : lines) {
                    dl->AddText(ui.font, body_px, ImVec2(cmin.x + l.pad_x, y), th.ink.abgr(), line.data(), line.data() + line.size());
                    y += l.line_h;
                }
            } else if (l.stacked) {
                const float y0 = min.y + l.stack_y[k];
                const float label_h = l.label_above[k] ? small_px * 1.15f : 0.0f;
                cmin = ImVec2(min.x, y0);
                cmax = ImVec2(max.x, y0 + label_h + l.line_h);
                const float room = width - 2 * l.pad_x;
                const std::string value = fitted(ui, m.body, text, room);
                const float value_w = text_width(ui, m.body, value);
                const float ty = y0 + label_h + (l.line_h - body_px) * 0.5f;
                dl->AddText(ui.font, body_px, ImVec2(max.x - l.pad_x - value_w, ty), th.ink.abgr(), value.data(), value.data() + value.size());
                const float label_room = l.label_above[k] ? room : room - value_w - m.gap;
                const std::string label = fitted(ui, m.small, col.label, label_room);
                const float label_y = l.label_above[k] ? y0 : y0 + (l.line_h - small_px) * 0.5f;
                dl->AddText(ui.font, small_px, ImVec2(min.x + l.pad_x, label_y), th.muted.abgr(), label.data(), label.data() + label.size());
            } else {
                cmin = ImVec2(min.x + l.x[k], min.y);
                cmax = ImVec2(cmin.x + l.w[k], max.y);
                const std::string value = fitted(ui, m.body, text, l.w[k] - 2 * l.pad_x);
                const float value_w = text_width(ui, m.body, value);
                const float x = col.numeric ? cmax.x - l.pad_x - value_w : cmin.x + l.pad_x;
                dl->AddText(ui.font, body_px, ImVec2(x, min.y + (l.row_h - body_px) * 0.5f), th.ink.abgr(), value.data(), value.data() + value.size());
            }
            ui.build.open({.id = cell_id, .role = Role::cell, .name = text, .rect = rect_of(cmin, cmax)});
            if (k == 0 && spec.open_rows) {
                ViewNode open{.id = open_id, .role = Role::button, .name = text, .rect = rect_of(cmin, cmax)};
                open.description = std::string(spec.open_hint);
                open.state.focused = has_focus(ui, open_id);
                open.state.selected = chosen;
                ui.build.add(std::move(open));
            } else {
                ui.build.add({.id = cell_id + ".text", .role = Role::text, .name = text, .rect = rect_of(cmin, cmax)});
            }
            ui.build.close();
        }
        if (spec.open_rows) {
            focus_ring(ui, open_id, min, max);
            if (take_activation(ui, open_id) || take_activation(ui, row_id)) result.opened = r;
        }
        ui.build.close();
    }
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + n * l.row_h));
    ImGui::Dummy(ImVec2(width, 0));

    const ViewRect shown_rect = rect_of(head, ImVec2(head.x + width, top.y + last * l.row_h));
    ui.build.include(table, shown_rect);
    ViewNode& t = ui.tree.nodes[table];
    if (n == 0) t.state.value_text = ui.t(Msg::table_no_rows);
    else if (last <= first + 1) t.state.value_text = format(ui.t(Msg::table_row_of), {grouped(first + 1), grouped(n)});
    else t.state.value_text = format(ui.t(Msg::table_rows), {grouped(first + 1), grouped(last), grouped(n)});
    ui.build.close();

    // Keys move between rows while one has the focus; the screen does not scroll by them then.
    if (focused_row) {
        const std::size_t r = *focused_row;
        const std::size_t page = std::max<std::size_t>(1, static_cast<std::size_t>(view_h / l.row_h) - 1);
        std::size_t to = r;
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) to = std::min(n - 1, r + 1);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) to = r > 0 ? r - 1 : 0;
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown)) to = std::min(n - 1, r + page);
        if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) to = r > page ? r - page : 0;
        if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) to = 0;
        if (ImGui::IsKeyPressed(ImGuiKey_End, false)) to = n - 1;
        const ImGuiID owner = ImGui::GetID(base.c_str());
        for (ImGuiKey key : {ImGuiKey_DownArrow, ImGuiKey_UpArrow, ImGuiKey_PageDown, ImGuiKey_PageUp, ImGuiKey_Home, ImGuiKey_End})
            ImGui::SetKeyOwner(key, owner, ImGuiInputFlags_LockThisFrame);
        if (to != r) {
            row_in_view(to);
            result.focus = table_open_id(base, spec.key(to));
        }
    }
    return result;
}

void flow_row(Ui& ui, const std::string& id, std::span<const std::string> cells, FlowRowStyle style) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const float width = ImGui::GetContentRegionAvail().x;
    const float space = m.gap * 1.5f;
    begin_group(ui, id, Role::row);
    float x = 0;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        const float w = text_width(ui, m.body, cells[k]) + 1;
        if (k > 0 && x + space + w <= width) {
            ImGui::SameLine(0, space);
            x += space + w;
        } else {
            x = std::min(w, width);
        }
        const std::string cell = id + ".c" + std::to_string(k);
        begin_group(ui, cell, Role::cell);
        text_block(ui, cell + ".text", cells[k], m.body, (k == style.ink_cell ? th.ink : th.muted).abgr(), Role::text, std::min(w, width));
        end_group(ui);
    }
    end_group(ui);
    if (!style.rule) return;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + m.gap * 0.25f), ImVec2(p.x + width, p.y + m.gap * 0.25f), th.line.abgr(), 1.0f);
    gap(ui, 0.5f);
}

}  // namespace coach::ui
