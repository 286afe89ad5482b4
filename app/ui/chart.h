// chart: the self-assessment's pictures of scores and the collection plan's of amounts, drawn with Dear ImGui's draw list, each
// published as one figure whose accessible name reads every value it shows.
//
// Four pictures:
//   - score bars: one row per score (a step, a side, the buying team): its name, a bar from 0
//     to 100 % and the percent. With a learner's first result beside the latest, each row has
//     two bars, the latest solid and the first hollow (told apart by shape, not colour alone),
//     a legend with both dates, and the change ("+25") after the name;
//   - the balance: one bar split between the left brain and the right brain, in proportion to
//     their scores, with both percents;
//   - class bars: the mean of each score as a bar, with a whisker under it: a thick line one
//     spread either side of the mean, a thin line from the lowest to the highest;
//   - amount bars: money per group (an ageing bucket, a week), against the largest group.
// Bars run horizontally so six names and their percents fit a 360 px phone at 200 % text:
// names wrap above their bar instead of squeezing beside it.
//
// Sizes are CSS pixels from the text size's metrics (ui.metrics), as every widget's are, so
// the picture grows with the learner's text size and stays crisp at any pixel density. Every
// colour comes from the theme and is a pairing the theme's contrast table already checks on
// paper: the solid bars are `progress_fill`, the hollow bars and the balance's right part
// `control_border` (3:1 on paper, like a field's outline), text `ink` and `muted`,
// whiskers `ink` and `muted`, grid lines `line` (decorative). A chart is drawn on paper (or
// in a box filled with paper), never on a tinted surface.
// Limits: no axis numbers beyond the values at the bars (a score's scale is always 0–100 %); the
// text alternative is one long name, which a screen reader reads in one go.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ui_kit.h"

namespace coach::ui {

// One score of a learner: 0..1, or none when nothing behind it was rated.
struct ScoreBar {
    std::string label;
    std::optional<double> latest;
    std::optional<double> first;  // the first result, drawn beside the latest (none: not compared)
};

struct ScoreChart {
    std::vector<ScoreBar> bars;
    // The dates of the two results, for the legend ("最近 2026-12-05", "首次 2026-11-20"),
    // drawn when some bar has a first value; left empty where a chart above already has it.
    std::string latest_legend, first_legend;
};

// One score of a class (core/assessment.h, ScoreSpread), 0..1; `count` 0 = no one rated it.
struct ClassBar {
    std::string label;
    std::size_t count = 0;
    double mean = 0, spread = 0, low = 0, high = 0;
};

// The left and right brain of one learner; `first_*` set when a first result is compared.
struct Balance {
    std::string left_label, right_label;  // the scores' full names, for the text alternative
    std::optional<double> left, right;
    std::optional<double> left_first, right_first;
};

// The pictures; each publishes one node with role figure named `id`.
void score_chart(Ui& ui, std::string_view id, const ScoreChart& chart);
void balance_bar(Ui& ui, std::string_view id, const Balance& balance);
void class_chart(Ui& ui, std::string_view id, std::span<const ClassBar> bars);

// Their text alternatives (the figures' names): "研究客户 75%（首次 50%，+25）；…".
std::string score_chart_text(Lang lang, const ScoreChart& chart);
std::string balance_text(Lang lang, const Balance& balance);
std::string class_chart_text(Lang lang, std::span<const ClassBar> bars);

// Amounts as bars (the collection plan's ageing and cash-in forecast): one row per bar, its
// label, a bar as long as its share of the largest value, and the amount in words. Where the
// labels fit beside the bars (a wide screen, normal text) a row is one line; otherwise each
// label stands on its own line above its bar. Solid bars are `progress_fill`, hollow ones
// (what the chart sets apart: not yet due, outside the forecast's weeks) `control_border`,
// drawn as outlines, so shape tells them apart as well as the words.
struct AmountBar {
    std::string label;       // "未到期", "2025-12-01 起的一周"
    double value = 0;        // in any unit (minor units of money): bars are drawn against the largest
    std::string value_text;  // "¥1,000.00"
    bool hollow = false;
};
// `name` opens the figure's text alternative ("账龄：未到期 ¥1,000.00；…").
void amount_chart(Ui& ui, std::string_view id, std::string_view name, std::span<const AmountBar> bars);
std::string amount_chart_text(Lang lang, std::string_view name, std::span<const AmountBar> bars);

// A score as a whole percent ("75"), and the change between two scores as the difference of
// the percents shown ("+25", "-10", "±0"), so the numbers on screen add up.
std::string whole_percent(double score);
std::string change_text(double latest, double first);

}  // namespace coach::ui
