// theme: every colour the app draws with, named by what it is for, in three themes.
//
// A screen asks for `theme.muted`, never for a grey: the same screen code then draws the
// light look, the dark one (for `prefers-color-scheme: dark`) and a high-contrast one (black
// on white, strong borders). Each theme is checked against WCAG 2.2 AA by `text_pairs`: every
// pair of colours the UI actually puts on top of each other, with the ratio it must reach
// (1.4.3 for text, 1.4.11 for the parts of a control and for state). Decorative colours
// (dividers, the tinted boxes' outlines) carry no meaning and need no ratio; they are marked
// so in `theme_fields`.
//
// Limits: the check is about colour only. It cannot see sizes (text is assumed normal size
// unless the pair says otherwise), nor whether a widget really draws the pair it claims to;
// a new pairing on screen must be added to `text_pairs` by hand. Compositing of translucent
// colours follows the browser canvas and ImGui's blending: straight alpha, in sRGB values,
// rounded to 8 bits.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace coach {

// A colour as sRGB bytes with straight (not premultiplied) alpha; 255 is opaque.
struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;

    // ImGui's packed ImU32 (IM_COL32): 0xAABBGGRR.
    constexpr std::uint32_t abgr() const {
        return std::uint32_t(a) << 24 | std::uint32_t(b) << 16 | std::uint32_t(g) << 8 | std::uint32_t(r);
    }
    friend constexpr bool operator==(const Rgba&, const Rgba&) = default;
};

// 0xRRGGBB as written in CSS (#RRGGBB), with an optional alpha.
constexpr Rgba rgb(std::uint32_t hex, std::uint8_t alpha = 255) {
    return {std::uint8_t(hex >> 16 & 0xFF), std::uint8_t(hex >> 8 & 0xFF), std::uint8_t(hex & 0xFF), alpha};
}

// Back from ImGui's packed form, for reading old literals.
constexpr Rgba from_abgr(std::uint32_t packed) {
    return {std::uint8_t(packed & 0xFF), std::uint8_t(packed >> 8 & 0xFF), std::uint8_t(packed >> 16 & 0xFF), std::uint8_t(packed >> 24)};
}

struct Theme {
    // Surfaces and text
    Rgba paper;           // the screen's background
    Rgba ink;             // body text, headings, text typed into a field, the text caret
    Rgba muted;           // captions, "whose words", page indicator, a card's one-line about
    Rgba placeholder;     // hint text in an empty text field
    Rgba card;            // a module card, the glossary sheet, a text field, the quote box
    Rgba card_hover;      // a card or text field under the pointer
    Rgba line;            // decorative dividers and outlines of boxes that are not controls
    Rgba control_border;  // the outline that shows where a control is (text field, card): 3:1 on paper
    Rgba selection;       // background of selected text (may be translucent; drawn on card)

    // The 回款 red
    Rgba accent;         // key-idea label, list bullets, a hovered card's outline, the primary button
    Rgba accent_hover;   // the primary button under the pointer
    Rgba accent_active;  // the primary button while pressed
    Rgba on_accent;      // text on the primary button
    Rgba link;           // a glossary term in running text, and its underline

    // Ordinary buttons
    Rgba button;                 // a button at rest
    Rgba button_hover;           // under the pointer
    Rgba button_active;          // while pressed
    Rgba button_current;         // the chosen option of several (the current language)
    Rgba button_current_border;  // the outline that marks the chosen option: 3:1 on paper
    Rgba focus_ring;             // keyboard focus around any control: 3:1 on everything a control sits on

    // Tinted boxes
    Rgba key_idea_fill, key_idea_border;  // a lesson's key idea
    Rgba example_fill, example_border;    // a lesson's example
    Rgba notice_fill, notice_border;      // a notice that needs attention (unreadable data, full storage)
    Rgba good_fill, good_border;          // a notice that something worked (import done)

    // Small marks
    Rgba badge_fill, badge_text;          // the pill on a card ("3 / 12", "2 due")
    Rgba progress_track, progress_fill;   // a progress bar: the whole, and the part done

    // Strokes, in CSS pixels. ImGui 1.92 draws its own keyboard-focus rectangle 2 px wide;
    // a wider `focus_width` needs ui_kit to draw the ring itself.
    float control_border_width = 1;  // text fields and cards
    float button_border_width = 0;   // ordinary buttons; 0 means fill only (the label identifies it)
    float focus_width = 2;           // the keyboard-focus ring

    // For whatever is not named here: ImGui's own defaults, the browser's `color-scheme`.
    bool dark = false;
};

enum class ThemeId { light, dark, high_contrast };
inline constexpr std::array kThemeIds{ThemeId::light, ThemeId::dark, ThemeId::high_contrast};

const Theme& theme(ThemeId id);

// "light" | "dark" | "high-contrast": the spelling in addresses (?theme=) and in storage.
std::string_view theme_name(ThemeId id);
std::optional<ThemeId> parse_theme(std::string_view name);

// Which theme the app opens in: a `?theme=` in the address wins, then the learner's remembered
// choice, then the system: `prefers-contrast: more` -> high contrast, `prefers-color-scheme:
// dark` -> dark, else light.
ThemeId choose_theme(std::string_view url_theme, std::string_view remembered, bool prefers_dark, bool prefers_more_contrast);

// One colour field of Theme, by name, for tables and tests.
struct ThemeField {
    std::string_view name;
    Rgba Theme::*member;
    bool decorative;  // carries no meaning: no contrast requirement
};
std::span<const ThemeField> theme_fields();

// WCAG 2.x relative luminance of the colour's r, g, b (alpha is ignored: composite first).
double relative_luminance(Rgba c);

// `top` laid over `below` (source-over, straight alpha, sRGB values rounded to bytes). The
// result is as opaque as the two together.
Rgba over(Rgba top, Rgba below);

// WCAG contrast ratio, 1 to 21, of `fg` drawn on `bg`. A translucent `bg` is first laid over
// `backdrop`, then a translucent `fg` over the result. Symmetric for opaque colours.
double contrast_ratio(Rgba fg, Rgba bg, Rgba backdrop = rgb(0xFFFFFF));

// What a pair must reach under WCAG 2.2 AA.
enum class Need {
    text,        // 1.4.3, normal text: 4.5
    large_text,  // 1.4.3, text at 24 CSS px and up, or bold at 18.66 and up: 3
    non_text,    // 1.4.11, a control's boundary, its state, focus, a progress bar: 3
};
double required_ratio(Need need);

// One pairing the UI draws.
struct ContrastPair {
    std::string_view fg_role, bg_role, backdrop_role;  // Theme field names
    std::string_view use;                              // where the UI draws it
    Rgba fg, bg, backdrop;
    Need need;

    double ratio() const { return contrast_ratio(fg, bg, backdrop); }
    double required() const { return required_ratio(need); }
};

// Every foreground/background pairing the screens draw, resolved for one theme.
std::vector<ContrastPair> text_pairs(const Theme& theme);

}  // namespace coach
