#include "theme.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace coach {
namespace {

// Today's look. Where an older colour failed its pair it was replaced: the text-field outline
// (was `line`, 1.2:1), the hint text (ImGui's #999, 2.8:1), the focus ring (ImGui's translucent
// blue, 2.8:1), the chosen-language mark (a fill 1.15:1 from its neighbours), and the primary
// button while pressed (fell back to the ordinary pressed fill: white on pale, 1.5:1).
constexpr Theme kLight{
    .paper = rgb(0xF8F5F2),
    .ink = rgb(0x20252A),
    .muted = rgb(0x5E656B),
    .placeholder = rgb(0x5E656B),
    .card = rgb(0xFFFFFF),
    .card_hover = rgb(0xFBF7F6),
    .line = rgb(0xE4DFDC),
    .control_border = rgb(0x8C857F),
    .selection = rgb(0xB8362E, 0x55),
    .accent = rgb(0xB8362E),
    .accent_hover = rgb(0xA02F2A),
    .accent_active = rgb(0x8A2823),
    .on_accent = rgb(0xFFFFFF),
    .link = rgb(0xB8362E),
    .button = rgb(0xF5ECE8),
    .button_hover = rgb(0xF0E2DC),
    .button_active = rgb(0xE6D1C9),
    .button_current = rgb(0xEEDBD5),
    .button_current_border = rgb(0xB8362E),
    .focus_ring = rgb(0x1F5FBF),
    .key_idea_fill = rgb(0xFBF0EE),
    .key_idea_border = rgb(0xB8362E),
    .example_fill = rgb(0xF5F4F3),
    .example_border = rgb(0xE4DFDC),
    .notice_fill = rgb(0xFFF3DD),
    .notice_border = rgb(0xD99A3C),
    .good_fill = rgb(0xE8F4E6),
    .good_border = rgb(0x5E9A5A),
    .badge_fill = rgb(0xF5ECE8),
    .badge_text = rgb(0xB8362E),
    .progress_track = rgb(0xE4DFDC),
    .progress_fill = rgb(0xB8362E),
    .control_border_width = 1,
    .button_border_width = 0,
    .focus_width = 2,
    .dark = false,
};

// The same warm neutrals, dark. The red is lifted until it reads as text on the dark paper,
// so text on the primary button turns dark.
constexpr Theme kDark{
    .paper = rgb(0x1C1B1A),
    .ink = rgb(0xEDEAE6),
    .muted = rgb(0xABA59F),
    .placeholder = rgb(0xABA59F),
    .card = rgb(0x272523),
    .card_hover = rgb(0x312F2C),
    .line = rgb(0x3D3A37),
    .control_border = rgb(0x8F8881),
    .selection = rgb(0xF0857B, 0x55),
    .accent = rgb(0xF0857B),
    .accent_hover = rgb(0xF4A099),
    .accent_active = rgb(0xF7B8B2),
    .on_accent = rgb(0x1C1B1A),
    .link = rgb(0xF0857B),
    .button = rgb(0x33302D),
    .button_hover = rgb(0x3E3B37),
    .button_active = rgb(0x4A4642),
    .button_current = rgb(0x4A3532),
    .button_current_border = rgb(0xF0857B),
    .focus_ring = rgb(0x8AB8FF),
    .key_idea_fill = rgb(0x3A2624),
    .key_idea_border = rgb(0xA84A42),
    .example_fill = rgb(0x2A2927),
    .example_border = rgb(0x45423E),
    .notice_fill = rgb(0x3A301C),
    .notice_border = rgb(0xC8913F),
    .good_fill = rgb(0x213424),
    .good_border = rgb(0x6FA86A),
    .badge_fill = rgb(0x3A2826),
    .badge_text = rgb(0xF0857B),
    .progress_track = rgb(0x3D3A37),
    .progress_fill = rgb(0xF0857B),
    .control_border_width = 1,
    .button_border_width = 0,
    .focus_width = 2,
    .dark = true,
};

// Black on white. Every outline is black and drawn wider, buttons get one too, the boxes keep
// only a faint tint, and the focus ring is a saturated blue that no outline shares.
constexpr Theme kHighContrast{
    .paper = rgb(0xFFFFFF),
    .ink = rgb(0x000000),
    .muted = rgb(0x333333),
    .placeholder = rgb(0x4D4D4D),
    .card = rgb(0xFFFFFF),
    .card_hover = rgb(0xEBEBEB),
    .line = rgb(0x000000),
    .control_border = rgb(0x000000),
    .selection = rgb(0xFFE066),
    .accent = rgb(0xA0000A),
    .accent_hover = rgb(0x7A0008),
    .accent_active = rgb(0x560005),
    .on_accent = rgb(0xFFFFFF),
    .link = rgb(0xA0000A),
    .button = rgb(0xFFFFFF),
    .button_hover = rgb(0xE6E6E6),
    .button_active = rgb(0xCCCCCC),
    .button_current = rgb(0xFFE0DE),
    .button_current_border = rgb(0xA0000A),
    .focus_ring = rgb(0x0038CC),
    .key_idea_fill = rgb(0xFFFFFF),
    .key_idea_border = rgb(0xA0000A),
    .example_fill = rgb(0xFFFFFF),
    .example_border = rgb(0x000000),
    .notice_fill = rgb(0xFFF4CC),
    .notice_border = rgb(0x000000),
    .good_fill = rgb(0xE6F5E6),
    .good_border = rgb(0x000000),
    .badge_fill = rgb(0x000000),
    .badge_text = rgb(0xFFFFFF),
    .progress_track = rgb(0xCCCCCC),
    .progress_fill = rgb(0xA0000A),
    .control_border_width = 2,
    .button_border_width = 2,
    .focus_width = 3,
    .dark = false,
};

constexpr std::array kFields{
    ThemeField{"paper", &Theme::paper, false},
    ThemeField{"ink", &Theme::ink, false},
    ThemeField{"muted", &Theme::muted, false},
    ThemeField{"placeholder", &Theme::placeholder, false},
    ThemeField{"card", &Theme::card, false},
    ThemeField{"card_hover", &Theme::card_hover, false},
    ThemeField{"line", &Theme::line, true},
    ThemeField{"control_border", &Theme::control_border, false},
    ThemeField{"selection", &Theme::selection, false},
    ThemeField{"accent", &Theme::accent, false},
    ThemeField{"accent_hover", &Theme::accent_hover, false},
    ThemeField{"accent_active", &Theme::accent_active, false},
    ThemeField{"on_accent", &Theme::on_accent, false},
    ThemeField{"link", &Theme::link, false},
    ThemeField{"button", &Theme::button, false},
    ThemeField{"button_hover", &Theme::button_hover, false},
    ThemeField{"button_active", &Theme::button_active, false},
    ThemeField{"button_current", &Theme::button_current, false},
    ThemeField{"button_current_border", &Theme::button_current_border, false},
    ThemeField{"focus_ring", &Theme::focus_ring, false},
    ThemeField{"key_idea_fill", &Theme::key_idea_fill, false},
    ThemeField{"key_idea_border", &Theme::key_idea_border, true},
    ThemeField{"example_fill", &Theme::example_fill, false},
    ThemeField{"example_border", &Theme::example_border, true},
    ThemeField{"notice_fill", &Theme::notice_fill, false},
    ThemeField{"notice_border", &Theme::notice_border, true},
    ThemeField{"good_fill", &Theme::good_fill, false},
    ThemeField{"good_border", &Theme::good_border, true},
    ThemeField{"badge_fill", &Theme::badge_fill, false},
    ThemeField{"badge_text", &Theme::badge_text, false},
    ThemeField{"progress_track", &Theme::progress_track, false},
    ThemeField{"progress_fill", &Theme::progress_fill, false},
};

using Role = Rgba Theme::*;

struct PairSpec {
    Role fg, bg, backdrop;
    Need need;
    std::string_view use;
};

// Where each pairing is drawn today (app/ui). Boxes and buttons sit on paper unless said.
// ImGui draws the focus ring 4 px outside a control, so it meets the surface the control sits
// on; it is checked against the button fills as well for widgets that draw it inside.
constexpr PairSpec kPairs[] = {
    // Text on every surface it is drawn on.
    {&Theme::ink, &Theme::paper, &Theme::paper, Need::text, "paragraphs, headings, list items"},
    {&Theme::ink, &Theme::paper, &Theme::paper, Need::large_text, "the screen title (30 px)"},
    {&Theme::ink, &Theme::card, &Theme::paper, Need::text, "card title, glossary sheet, quote, typed text"},
    {&Theme::ink, &Theme::card_hover, &Theme::paper, Need::text, "card title and typed text under the pointer"},
    {&Theme::ink, &Theme::key_idea_fill, &Theme::paper, Need::text, "key-idea text"},
    {&Theme::ink, &Theme::example_fill, &Theme::paper, Need::text, "example text"},
    {&Theme::ink, &Theme::notice_fill, &Theme::paper, Need::text, "notice text"},
    {&Theme::ink, &Theme::good_fill, &Theme::paper, Need::text, "notice text, import done"},
    {&Theme::ink, &Theme::button, &Theme::paper, Need::text, "button label"},
    {&Theme::ink, &Theme::button_hover, &Theme::paper, Need::text, "button label under the pointer"},
    {&Theme::ink, &Theme::button_active, &Theme::paper, Need::text, "button label while pressed"},
    {&Theme::ink, &Theme::button_current, &Theme::paper, Need::text, "label of the chosen option"},
    {&Theme::ink, &Theme::selection, &Theme::card, Need::text, "selected text in a field"},
    {&Theme::muted, &Theme::paper, &Theme::paper, Need::text, "captions, whose words, page indicator"},
    {&Theme::muted, &Theme::card, &Theme::paper, Need::text, "a card's one-line about"},
    {&Theme::muted, &Theme::card_hover, &Theme::paper, Need::text, "a card's about under the pointer"},
    {&Theme::muted, &Theme::example_fill, &Theme::paper, Need::text, "the example label"},
    {&Theme::muted, &Theme::notice_fill, &Theme::paper, Need::text, "problems listed in a notice"},
    {&Theme::muted, &Theme::good_fill, &Theme::paper, Need::text, "captions in a good notice"},
    {&Theme::placeholder, &Theme::card, &Theme::paper, Need::text, "hint in an empty text field"},
    {&Theme::placeholder, &Theme::card_hover, &Theme::paper, Need::text, "hint under the pointer"},
    {&Theme::link, &Theme::paper, &Theme::paper, Need::text, "glossary term in a paragraph or list"},
    {&Theme::link, &Theme::card, &Theme::paper, Need::text, "glossary term on a card surface"},
    {&Theme::link, &Theme::key_idea_fill, &Theme::paper, Need::text, "glossary term in a key idea"},
    {&Theme::link, &Theme::example_fill, &Theme::paper, Need::text, "glossary term in an example"},
    {&Theme::accent, &Theme::key_idea_fill, &Theme::paper, Need::text, "the key-idea label"},
    {&Theme::on_accent, &Theme::accent, &Theme::paper, Need::text, "primary button label (next, finish)"},
    {&Theme::on_accent, &Theme::accent_hover, &Theme::paper, Need::text, "primary button label under the pointer"},
    {&Theme::on_accent, &Theme::accent_active, &Theme::paper, Need::text, "primary button label while pressed"},
    {&Theme::badge_text, &Theme::badge_fill, &Theme::paper, Need::text, "badge on a card"},
    // What shows a control, its state and focus.
    {&Theme::control_border, &Theme::paper, &Theme::paper, Need::non_text, "outline of a text field or card"},
    {&Theme::control_border, &Theme::card, &Theme::paper, Need::non_text, "outline against the field's own fill"},
    {&Theme::accent, &Theme::paper, &Theme::paper, Need::non_text, "a hovered card's outline"},
    {&Theme::accent, &Theme::card_hover, &Theme::paper, Need::non_text, "a hovered card's outline, inside"},
    {&Theme::accent, &Theme::paper, &Theme::paper, Need::non_text, "list bullets"},
    {&Theme::button_current_border, &Theme::paper, &Theme::paper, Need::non_text, "mark of the chosen option"},
    {&Theme::button_current_border, &Theme::button_current, &Theme::paper, Need::non_text, "mark of the chosen option, inside"},
    {&Theme::focus_ring, &Theme::paper, &Theme::paper, Need::non_text, "focus on the screen"},
    {&Theme::focus_ring, &Theme::card, &Theme::paper, Need::non_text, "focus in the glossary sheet or quote box"},
    {&Theme::focus_ring, &Theme::button, &Theme::paper, Need::non_text, "focus next to a button"},
    {&Theme::focus_ring, &Theme::button_hover, &Theme::paper, Need::non_text, "focus next to a hovered button"},
    {&Theme::focus_ring, &Theme::notice_fill, &Theme::paper, Need::non_text, "focus on a button in a notice"},
    {&Theme::focus_ring, &Theme::good_fill, &Theme::paper, Need::non_text, "focus on a button in a good notice"},
    {&Theme::progress_fill, &Theme::progress_track, &Theme::paper, Need::non_text, "progress: done against the whole"},
    {&Theme::progress_fill, &Theme::paper, &Theme::paper, Need::non_text, "progress bar on the screen"},
    {&Theme::progress_fill, &Theme::button, &Theme::paper, Need::non_text, "progress line on a lesson row"},
    {&Theme::progress_fill, &Theme::button_hover, &Theme::paper, Need::non_text, "progress line on a hovered lesson row"},
};

std::string_view role_name(Role role) {
    for (const ThemeField& f : kFields)
        if (f.member == role) return f.name;
    return "?";
}

double linear(std::uint8_t channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

const Theme& theme(ThemeId id) {
    switch (id) {
        case ThemeId::dark: return kDark;
        case ThemeId::high_contrast: return kHighContrast;
        case ThemeId::light: break;
    }
    return kLight;
}

std::string_view theme_name(ThemeId id) {
    switch (id) {
        case ThemeId::dark: return "dark";
        case ThemeId::high_contrast: return "high-contrast";
        case ThemeId::light: break;
    }
    return "light";
}

std::optional<ThemeId> parse_theme(std::string_view name) {
    for (ThemeId id : kThemeIds)
        if (theme_name(id) == name) return id;
    return std::nullopt;
}

ThemeId choose_theme(std::string_view url_theme, std::string_view remembered, bool prefers_dark, bool prefers_more_contrast) {
    if (auto id = parse_theme(url_theme)) return *id;
    if (auto id = parse_theme(remembered)) return *id;
    if (prefers_more_contrast) return ThemeId::high_contrast;
    return prefers_dark ? ThemeId::dark : ThemeId::light;
}

std::span<const ThemeField> theme_fields() { return kFields; }

double relative_luminance(Rgba c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

Rgba over(Rgba top, Rgba below) {
    const double ta = top.a / 255.0, ba = below.a / 255.0;
    const double out_a = ta + ba * (1 - ta);
    if (out_a <= 0) return {0, 0, 0, 0};
    const auto mix = [&](std::uint8_t t, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround((t * ta + b * ba * (1 - ta)) / out_a));
    };
    return {mix(top.r, below.r), mix(top.g, below.g), mix(top.b, below.b), static_cast<std::uint8_t>(std::lround(out_a * 255))};
}

double contrast_ratio(Rgba fg, Rgba bg, Rgba backdrop) {
    backdrop.a = 255;
    const Rgba base = over(bg, backdrop);
    const double a = relative_luminance(over(fg, base));
    const double b = relative_luminance(base);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

double required_ratio(Need need) { return need == Need::text ? 4.5 : 3.0; }

std::vector<ContrastPair> text_pairs(const Theme& t) {
    std::vector<ContrastPair> out;
    out.reserve(std::size(kPairs));
    for (const PairSpec& p : kPairs)
        out.push_back({role_name(p.fg), role_name(p.bg), role_name(p.backdrop), p.use, t.*p.fg, t.*p.bg, t.*p.backdrop, p.need});
    return out;
}

}  // namespace coach
