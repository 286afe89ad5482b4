#include "chart.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/line_breaking.h"
#include "imgui.h"

namespace coach::ui {
namespace {

// Sizes of one chart, from the text size's metrics: a bar is as thick as three quarters of a
// body em, so it grows with the text beside it.
struct Pen {
    Ui& ui;
    ImDrawList* dl;
    float bar;     // a bar's thickness
    float lane;    // a bar's row: the bar or its percent, whichever is taller
    float stroke;  // outlines and whiskers
    explicit Pen(Ui& u)
        : ui(u),
          dl(ImGui::GetWindowDrawList()),
          bar(u.metrics.body * 0.75f),
          lane(std::max(bar, font_px(u.metrics.small) * 1.05f)),
          stroke(std::max(1.5f, u.metrics.body / 10.0f)) {}

    float width(float em, std::string_view s) const {
        return ui.font->CalcTextSizeA(font_px(em), FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    }
    void text(float em, ImVec2 at, Rgba color, std::string_view s) const {
        dl->AddText(ui.font, font_px(em), at, color.abgr(), s.data(), s.data() + s.size());
    }
    // Text wrapped by the line breaker (Chinese rules) to `w`; returns the height it took.
    float wrapped(float em, ImVec2 at, float w, Rgba color, std::string_view s) const {
        const float line_h = font_px(em) * 1.1f;
        float y = at.y;
        for (const TextLine& l : break_lines(s, w, [&](std::string_view t) { return width(em, t); })) {
            text(em, ImVec2(at.x, y), color, s.substr(l.begin, l.end - l.begin));
            y += line_h;
        }
        return y - at.y;
    }
};

enum class BarLook { solid, hollow };

// A bar from `x0` for `value` of `full`: solid, or an outline. A score of 0 still shows as a
// sliver at the axis, so "0%" and "not rated" never look alike.
void draw_bar(const Pen& pen, float x0, float cy, float full, double value, BarLook look, float thickness) {
    const float w = std::max(static_cast<float>(std::clamp(value, 0.0, 1.0)) * full, pen.stroke * 1.5f);
    const ImVec2 a(x0, cy - thickness * 0.5f), b(x0 + w, cy + thickness * 0.5f);
    const float rounding = thickness * 0.2f;
    if (look == BarLook::solid || w <= pen.stroke * 2.5f) {
        pen.dl->AddRectFilled(a, b, (look == BarLook::solid ? pen.ui.theme->progress_fill : pen.ui.theme->control_border).abgr(), rounding);
    } else {  // the outline drawn inside the bar's box, so both bars end at the same place
        const float h = pen.stroke * 0.5f;
        pen.dl->AddRect(ImVec2(a.x + h, a.y + h), ImVec2(b.x - h, b.y - h), pen.ui.theme->control_border.abgr(), rounding, 0, pen.stroke);
    }
}

// The axis at 0 and a faint mark at 100 %, over the rows from `top` to `bottom` (decorative).
void draw_grid(const Pen& pen, float x0, float full, float top, float bottom) {
    pen.dl->AddLine(ImVec2(x0, top), ImVec2(x0, bottom), pen.ui.theme->line.abgr(), 1.0f);
    pen.dl->AddLine(ImVec2(x0 + full, top), ImVec2(x0 + full, bottom), pen.ui.theme->line.abgr(), 1.0f);
}

// A bar's full length in a figure `width` wide: what the column of percents right of the
// bars leaves, that column being as wide as the widest thing it shows.
float bar_length(const Pen& pen, float width, std::string_view not_rated) {
    const Metrics& m = pen.ui.metrics;
    const float column = std::max(pen.width(m.small, "100%"), pen.width(m.small, not_rated)) + m.gap * 0.5f;
    return std::max(width - column, m.body);
}

// One lane: the bar and its percent, or "not rated" where the bar would be.
void draw_lane(const Pen& pen, float x0, float y, float full, std::optional<double> value, BarLook look, Rgba value_color,
               std::string_view not_rated) {
    const Metrics& m = pen.ui.metrics;
    const float cy = y + pen.lane * 0.5f;
    const float ty = cy - font_px(m.small) * 0.5f;
    if (!value) {
        pen.text(m.small, ImVec2(x0 + m.gap * 0.5f, ty), pen.ui.theme->muted, not_rated);
        return;
    }
    draw_bar(pen, x0, cy, full, *value, look, pen.bar);
    pen.text(m.small, ImVec2(x0 + full + m.gap * 0.5f, ty), value_color, whole_percent(*value) + "%");
}

// A legend entry: a small bar in the look it names, then its words.
float legend_entry(const Pen& pen, ImVec2 at, BarLook look, std::string_view words) {
    const Metrics& m = pen.ui.metrics;
    const float swatch = m.body * 1.4f;
    const float h = std::max(pen.bar, font_px(m.small));
    draw_bar(pen, at.x, at.y + h * 0.5f, swatch, 1.0, look, pen.bar);
    pen.text(m.small, ImVec2(at.x + swatch + m.gap * 0.5f, at.y + (h - font_px(m.small)) * 0.5f), pen.ui.theme->ink, words);
    return swatch + m.gap * 0.5f + pen.width(m.small, words);
}

// A figure drawn from `origin`, `width` wide, down to `bottom`: its room in the layout, and its
// node in the view tree, named by its text alternative.
void publish(Ui& ui, std::string_view id, std::string name, ImVec2 origin, float width, float bottom) {
    ImGui::Dummy(ImVec2(width, bottom - origin.y));
    ui.build.add(ViewNode{.id = std::string(id), .role = Role::figure, .name = std::move(name), .rect = {origin.x, origin.y, width, bottom - origin.y}});
}

// "研究客户 75%（首次 50%，+25）", "研究客户 75%", "研究客户（未评分）".
std::string bar_text(Lang lang, std::string_view label, std::optional<double> latest, std::optional<double> first) {
    if (!latest) return format(tr(Msg::chart_not_rated, lang), {label});
    if (!first) return format(tr(Msg::chart_value, lang), {label, whole_percent(*latest)});
    return format(tr(Msg::chart_value_compared, lang), {label, whole_percent(*latest), whole_percent(*first), change_text(*latest, *first)});
}

void join(std::string& out, Lang lang, const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += tr(Msg::chart_joiner, lang);
    out += part;
}

bool compared(const ScoreChart& chart) {
    return std::any_of(chart.bars.begin(), chart.bars.end(), [](const ScoreBar& b) { return b.first.has_value(); });
}

}  // namespace

std::string whole_percent(double score) { return std::to_string(static_cast<int>(std::lround(std::clamp(score, 0.0, 1.0) * 100))); }

std::string change_text(double latest, double first) {
    const long d = std::lround(std::clamp(latest, 0.0, 1.0) * 100) - std::lround(std::clamp(first, 0.0, 1.0) * 100);
    if (d == 0) return "±0";
    return (d > 0 ? "+" : "") + std::to_string(d);
}

std::string score_chart_text(Lang lang, const ScoreChart& chart) {
    std::string out;
    if (compared(chart)) {  // which bar is which, before the values
        join(out, lang, chart.latest_legend);
        join(out, lang, chart.first_legend);
    }
    for (const ScoreBar& b : chart.bars) join(out, lang, bar_text(lang, b.label, b.latest, b.first));
    return out;
}

std::string balance_text(Lang lang, const Balance& balance) {
    std::string out;
    join(out, lang, bar_text(lang, balance.left_label, balance.left, balance.left_first));
    join(out, lang, bar_text(lang, balance.right_label, balance.right, balance.right_first));
    return out;
}

std::string class_chart_text(Lang lang, std::span<const ClassBar> bars) {
    std::string out;
    for (const ClassBar& b : bars) {
        if (b.count == 0) {
            join(out, lang, format(tr(Msg::class_no_value, lang), {b.label}));
            continue;
        }
        join(out, lang, format(tr(Msg::chart_class_value, lang), {b.label, whole_percent(b.mean), whole_percent(b.spread), whole_percent(b.low),
                                                                  whole_percent(b.high), std::to_string(b.count)}));
    }
    return out;
}

void score_chart(Ui& ui, std::string_view id, const ScoreChart& chart) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const Pen pen(ui);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const std::string_view not_rated = ui.t(Msg::profile_not_rated);
    const float full = bar_length(pen, width, not_rated);
    const bool compare = compared(chart);
    float y = origin.y;

    if (compare && !chart.latest_legend.empty()) {  // the legend: side by side where both fit, else one under the other
        const float h = std::max(pen.bar, font_px(m.small));
        const float w1 = legend_entry(pen, ImVec2(origin.x, y), BarLook::solid, chart.latest_legend);
        const float swatch_w = m.body * 1.4f + m.gap * 0.5f;
        const bool beside = w1 + m.gap * 1.5f + swatch_w + pen.width(m.small, chart.first_legend) <= width;
        if (beside) legend_entry(pen, ImVec2(origin.x + w1 + m.gap * 1.5f, y), BarLook::hollow, chart.first_legend);
        else legend_entry(pen, ImVec2(origin.x, y += h + m.gap * 0.4f), BarLook::hollow, chart.first_legend);
        y += h + m.gap;
    }
    for (const ScoreBar& b : chart.bars) {
        const std::string label = b.latest && b.first ? format(ui.t(Msg::chart_label_change), {b.label, change_text(*b.latest, *b.first)}) : b.label;
        y += pen.wrapped(m.body, ImVec2(origin.x, y), width, th.ink, label) + m.gap * 0.25f;
        const float top = y;
        draw_lane(pen, origin.x, y, full, b.latest, BarLook::solid, th.ink, not_rated);
        y += pen.lane;
        if (compare) {
            y += pen.bar * 0.3f;
            draw_lane(pen, origin.x, y, full, b.first, BarLook::hollow, th.muted, not_rated);
            y += pen.lane;
        }
        draw_grid(pen, origin.x, full, top, y);
        y += m.gap;
    }
    publish(ui, id, score_chart_text(ui.lang, chart), origin, width, y);
}

void balance_bar(Ui& ui, std::string_view id, const Balance& balance) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const Pen pen(ui);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const auto side_text = [&](Msg named, std::string_view full_label, std::optional<double> now, std::optional<double> first) {
        if (!now) return format(ui.t(Msg::chart_not_rated), {full_label});
        const std::string shown = format(ui.t(named), {whole_percent(*now)});
        return first ? format(ui.t(Msg::chart_label_change), {shown, change_text(*now, *first)}) : shown;
    };
    const std::string left = side_text(Msg::balance_left, balance.left_label, balance.left, balance.left_first);
    const std::string right = side_text(Msg::balance_right, balance.right_label, balance.right, balance.right_first);
    float y = origin.y;
    // The names stand over the ends of the bar they name: on one line where both fit, else the
    // right one on a line of its own, still at the right.
    const float lw = pen.width(m.body, left), rw = pen.width(m.body, right);
    const float line_h = font_px(m.body) * 1.1f;
    if (lw + rw + m.gap <= width) {
        pen.text(m.body, ImVec2(origin.x, y), th.ink, left);
        pen.text(m.body, ImVec2(origin.x + width - rw, y), th.ink, right);
        y += line_h;
    } else {
        y += pen.wrapped(m.body, ImVec2(origin.x, y), width, th.ink, left);
        if (rw <= width) {
            pen.text(m.body, ImVec2(origin.x + width - rw, y), th.ink, right);
            y += line_h;
        } else {
            y += pen.wrapped(m.body, ImVec2(origin.x, y), width, th.ink, right);
        }
    }
    y += m.gap * 0.25f;
    if (balance.left && balance.right) {
        const double total = *balance.left + *balance.right;
        const float split = static_cast<float>(total > 0 ? *balance.left / total : 0.5);  // both at 0: even
        const float h = pen.bar * 1.4f, gap = pen.stroke;  // paper between the two parts keeps them apart
        const float at = origin.x + width * split;
        const float rounding = h * 0.2f;
        if (split > 0) pen.dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(std::max(origin.x, at - gap), y + h), th.progress_fill.abgr(), rounding);
        if (split < 1) pen.dl->AddRectFilled(ImVec2(std::min(origin.x + width, at + gap), y), ImVec2(origin.x + width, y + h), th.control_border.abgr(), rounding);
        y += h;
    }
    y += m.gap * 0.5f;
    publish(ui, id, balance_text(ui.lang, balance), origin, width, y);
}

std::string amount_chart_text(Lang lang, std::string_view name, std::span<const AmountBar> bars) {
    std::string out;
    for (const AmountBar& b : bars) join(out, lang, format(tr(Msg::dash_chart_value, lang), {b.label, b.value_text}));
    return format(tr(Msg::dash_chart_name, lang), {name, out});
}

void amount_chart(Ui& ui, std::string_view id, std::string_view name, std::span<const AmountBar> bars) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const Pen pen(ui);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    double largest = 0;
    float label_w = 0, value_w = 0;
    for (const AmountBar& b : bars) {
        largest = std::max(largest, b.value);
        label_w = std::max(label_w, pen.width(m.body, b.label));
        value_w = std::max(value_w, pen.width(m.small, b.value_text));
    }
    const float space = m.gap * 0.5f;
    // Beside: the labels in a column of their own, when that leaves the bars at least 30 % of
    // the figure; else every label on its own line above its bar (a phone, large text).
    const bool beside = label_w + space + value_w + space + width * 0.3f <= width;
    const float x0 = beside ? origin.x + label_w + space : origin.x;
    const float full = std::max((beside ? origin.x + width - x0 : width) - value_w - space, m.body);
    const float row = std::max(pen.lane, font_px(m.body) * 1.1f);
    float y = origin.y;
    const float top = y;
    for (const AmountBar& b : bars) {
        if (beside) {
            pen.text(m.body, ImVec2(origin.x, y + (row - font_px(m.body)) * 0.5f), th.ink, b.label);
        } else {
            y += pen.wrapped(m.body, ImVec2(origin.x, y), width, th.ink, b.label) + m.gap * 0.25f;
        }
        const float lane_y = beside ? y + (row - pen.lane) * 0.5f : y;
        const double share = largest > 0 ? std::max(b.value, 0.0) / largest : 0.0;
        draw_bar(pen, x0, lane_y + pen.lane * 0.5f, full, share, b.hollow ? BarLook::hollow : BarLook::solid, pen.bar);
        const float bar_end = x0 + std::max(static_cast<float>(share) * full, pen.stroke * 1.5f);
        pen.text(m.small, ImVec2(bar_end + space, lane_y + (pen.lane - font_px(m.small)) * 0.5f), th.ink, b.value_text);
        y += (beside ? row : pen.lane) + m.gap * (beside ? 0.4f : 0.75f);
    }
    if (beside) pen.dl->AddLine(ImVec2(x0, top), ImVec2(x0, y - m.gap * 0.4f), th.line.abgr(), 1.0f);  // the axis (decorative)
    publish(ui, id, amount_chart_text(ui.lang, name, bars), origin, width, y);
}

void class_chart(Ui& ui, std::string_view id, std::span<const ClassBar> bars) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const Pen pen(ui);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const std::string_view not_rated = ui.t(Msg::profile_not_rated);
    const float full = bar_length(pen, width, not_rated);
    const auto x_of = [&](double v) { return origin.x + full * static_cast<float>(std::clamp(v, 0.0, 1.0)); };
    float y = origin.y;
    for (const ClassBar& b : bars) {
        y += pen.wrapped(m.body, ImVec2(origin.x, y), width, th.ink, b.label) + m.gap * 0.25f;
        const float top = y;
        draw_lane(pen, origin.x, y, full, b.count > 0 ? std::optional<double>(b.mean) : std::nullopt, BarLook::solid, th.ink, not_rated);
        y += pen.lane;
        if (b.count > 0) {
            // The whisker, in its own lane under the bar (ink on paper, never on the bar's fill).
            const float cy = y + pen.bar * 0.6f, tick = pen.bar * 0.45f;
            const ImU32 thin = th.muted.abgr(), thick = th.ink.abgr();
            const float lo = x_of(b.low), hi = x_of(b.high);
            pen.dl->AddLine(ImVec2(lo, cy), ImVec2(hi, cy), thin, pen.stroke * 0.7f);
            pen.dl->AddLine(ImVec2(lo, cy - tick * 0.6f), ImVec2(lo, cy + tick * 0.6f), thin, pen.stroke * 0.7f);
            pen.dl->AddLine(ImVec2(hi, cy - tick * 0.6f), ImVec2(hi, cy + tick * 0.6f), thin, pen.stroke * 0.7f);
            const float a = x_of(b.mean - b.spread), z = x_of(b.mean + b.spread);
            pen.dl->AddLine(ImVec2(a, cy), ImVec2(std::max(z, a + 1.0f), cy), thick, pen.stroke * 2.0f);
            pen.dl->AddLine(ImVec2(a, cy - tick), ImVec2(a, cy + tick), thick, pen.stroke);
            pen.dl->AddLine(ImVec2(z, cy - tick), ImVec2(z, cy + tick), thick, pen.stroke);
            y += pen.bar * 1.2f;
        }
        draw_grid(pen, origin.x, full, top, y);
        y += m.gap;
    }
    publish(ui, id, class_chart_text(ui.lang, bars), origin, width, y);
}

}  // namespace coach::ui
