#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>

#include "core/theme.h"

using namespace coach;

namespace {

bool same_colours(const Theme& a, const Theme& b) {
    for (const ThemeField& f : theme_fields())
        if (!(a.*f.member == b.*f.member)) return false;
    return true;
}

std::string failures(const Theme& t) {
    std::ostringstream out;
    for (const ContrastPair& p : text_pairs(t))
        if (p.ratio() < p.required()) out << p.fg_role << " on " << p.bg_role << "; ";
    return out.str();
}

}  // namespace

TEST_CASE("contrast ratio matches hand-computed WCAG values", "[theme]") {
    const Rgba black = rgb(0x000000), white = rgb(0xFFFFFF);
    CHECK(relative_luminance(white) == Approx(1.0));
    CHECK(relative_luminance(black) == 0.0);
    CHECK(contrast_ratio(black, white) == Approx(21.0));
    CHECK(contrast_ratio(white, black) == Approx(21.0));
    CHECK(contrast_ratio(white, white) == Approx(1.0));
    CHECK(contrast_ratio(rgb(0xB8362E), rgb(0xB8362E)) == Approx(1.0));
    // #777 on white: L = ((119/255 + 0.055) / 1.055)^2.4 = 0.18447, (1.05) / (0.23447) = 4.478.
    CHECK(relative_luminance(rgb(0x777777)) == Approx(0.18447).margin(1e-5));
    CHECK(contrast_ratio(rgb(0x777777), white) == Approx(4.478).margin(1e-3));
    CHECK(contrast_ratio(rgb(0x777777), white) < 4.5);  // the classic grey that just fails
    // The two sides of the 0.04045 knee: 10/255 is linear (c / 12.92), 11/255 is on the curve.
    CHECK(relative_luminance(rgb(0x0A0A0A)) == Approx(0.0030353).margin(1e-7));
    CHECK(relative_luminance(rgb(0x0B0B0B)) == Approx(0.0033465).margin(1e-7));
    // Green weighs most: pure channels give their coefficients.
    CHECK(relative_luminance(rgb(0xFF0000)) == Approx(0.2126));
    CHECK(relative_luminance(rgb(0x00FF00)) == Approx(0.7152));
    CHECK(relative_luminance(rgb(0x0000FF)) == Approx(0.0722));
}

TEST_CASE("translucent colours are composited before their contrast is measured", "[theme]") {
    const Rgba white = rgb(0xFFFFFF), black = rgb(0x000000);
    CHECK(over(rgb(0x000000, 128), white) == rgb(0x7F7F7F));  // 255 * (1 - 128/255) = 127
    CHECK(over(rgb(0x123456), white) == rgb(0x123456));       // opaque covers
    CHECK(over(rgb(0x123456, 0), white) == white);            // transparent leaves
    CHECK(over(rgb(0xFF0000, 128), rgb(0x0000FF, 0)) == rgb(0xFF0000, 128));
    CHECK(contrast_ratio(rgb(0x000000, 128), white) == Approx(contrast_ratio(rgb(0x7F7F7F), white)));
    // A transparent background shows the backdrop: white at alpha 0 over black is black.
    CHECK(contrast_ratio(black, rgb(0xFFFFFF, 0), black) == Approx(1.0));
    CHECK(contrast_ratio(black, rgb(0xFFFFFF, 0), white) == Approx(21.0));
}

TEST_CASE("colours pack into ImGui's ABGR order", "[theme]") {
    CHECK(rgb(0xB8362E).abgr() == 0xFF2E36B8u);
    CHECK(rgb(0xB8362E, 0x55).abgr() == 0x552E36B8u);
    CHECK(from_abgr(0xFF2A2520u) == rgb(0x20252A));
    CHECK(from_abgr(0x12345678u).abgr() == 0x12345678u);
}

TEST_CASE("the light theme keeps today's colours where they passed", "[theme]") {
    // The literals app/ui drew with before themes (ImU32, ABGR).
    const Theme& t = theme(ThemeId::light);
    CHECK(t.ink.abgr() == 0xFF2A2520u);
    CHECK(t.muted.abgr() == 0xFF6B655Eu);
    CHECK(t.accent.abgr() == 0xFF2E36B8u);
    CHECK(t.paper.abgr() == 0xFFF2F5F8u);
    CHECK(t.card.abgr() == 0xFFFFFFFFu);
    CHECK(t.card_hover.abgr() == 0xFFF6F7FBu);
    CHECK(t.line.abgr() == 0xFFDCDFE4u);
    CHECK(t.accent_hover.abgr() == 0xFF2A2FA0u);
    CHECK(t.on_accent.abgr() == 0xFFFFFFFFu);
    CHECK(t.badge_fill.abgr() == 0xFFE8ECF5u);
    CHECK(t.key_idea_fill.abgr() == 0xFFEEF0FBu);
    CHECK(t.example_fill.abgr() == 0xFFF3F4F5u);
    CHECK(t.notice_fill.abgr() == 0xFFDDF3FFu);
    CHECK(t.notice_border.abgr() == 0xFF3C9AD9u);
    CHECK(t.good_fill.abgr() == 0xFFE6F4E8u);
    CHECK(t.good_border.abgr() == 0xFF5A9A5Eu);
    CHECK(t.button_current.abgr() == 0xFFD5DBEEu);
    CHECK(t.button.abgr() == 0xFFE8ECF5u);
    CHECK(t.button_hover.abgr() == 0xFFDCE2F0u);
    CHECK(t.button_active.abgr() == 0xFFC9D1E6u);
    CHECK(t.selection.abgr() == 0x552E36B8u);
}

TEST_CASE("every theme meets WCAG 2.2 AA on every pair the UI draws", "[theme]") {
    for (ThemeId id : kThemeIds) {
        const Theme& t = theme(id);
        for (const ContrastPair& p : text_pairs(t)) {
            INFO(theme_name(id) << ": " << p.fg_role << " on " << p.bg_role << " (" << p.use << ") is " << p.ratio()
                                << ":1, needs " << p.required() << ":1");
            CHECK(p.ratio() >= p.required());
        }
    }
}

TEST_CASE("the pair table catches a colour that fails", "[theme]") {
    Theme t = theme(ThemeId::light);
    REQUIRE(failures(t).empty());
    t.muted = rgb(0x999999);  // ImGui's disabled grey: 2.8:1 on white
    CHECK(failures(t).find("muted on card") != std::string::npos);
    t = theme(ThemeId::light);
    t.control_border = t.line;  // the old hairline outline of a text field
    CHECK(failures(t).find("control_border on paper") != std::string::npos);
    t = theme(ThemeId::dark);
    t.on_accent = rgb(0xFFFFFF);  // white on the lifted red
    CHECK(failures(t).find("on_accent on accent") != std::string::npos);
}

TEST_CASE("every colour with a meaning is checked in some pair", "[theme]") {
    std::set<std::string_view> checked;
    for (const ContrastPair& p : text_pairs(theme(ThemeId::light))) {
        checked.insert(p.fg_role);
        checked.insert(p.bg_role);
    }
    std::set<std::string_view> names;
    for (const ThemeField& f : theme_fields()) {
        INFO(f.name);
        CHECK(names.insert(f.name).second);
        if (!f.decorative) CHECK(checked.count(f.name) == 1);
    }
    CHECK_FALSE(checked.count("?"));  // every pair names real fields
}

TEST_CASE("no two themes are the same", "[theme]") {
    for (ThemeId a : kThemeIds)
        for (ThemeId b : kThemeIds) {
            if (a == b) continue;
            INFO(theme_name(a) << " vs " << theme_name(b));
            CHECK_FALSE(same_colours(theme(a), theme(b)));
        }
}

TEST_CASE("each theme looks like its name", "[theme]") {
    const Theme& light = theme(ThemeId::light);
    const Theme& dark = theme(ThemeId::dark);
    const Theme& high = theme(ThemeId::high_contrast);
    CHECK(relative_luminance(light.paper) > relative_luminance(light.ink));
    CHECK(relative_luminance(dark.paper) < relative_luminance(dark.ink));
    CHECK(dark.dark);
    CHECK_FALSE(light.dark);
    CHECK(high.ink == rgb(0x000000));
    CHECK(high.paper == rgb(0xFFFFFF));
    CHECK(contrast_ratio(high.control_border, high.paper) >= 7.0);
    CHECK(high.control_border_width > light.control_border_width);
    CHECK(high.button_border_width > 0);
    CHECK(high.focus_width > light.focus_width);
}

TEST_CASE("theme names round-trip and unknown names are refused", "[theme]") {
    for (ThemeId id : kThemeIds) CHECK(parse_theme(theme_name(id)) == id);
    CHECK(theme_name(ThemeId::high_contrast) == "high-contrast");
    CHECK_FALSE(parse_theme(""));
    CHECK_FALSE(parse_theme("Light"));
    CHECK_FALSE(parse_theme("high_contrast"));
    CHECK_FALSE(parse_theme("sepia"));
}

TEST_CASE("the address wins, then the remembered theme, then the system", "[theme]") {
    CHECK(choose_theme("dark", "light", false, true) == ThemeId::dark);
    CHECK(choose_theme("bogus", "high-contrast", true, false) == ThemeId::high_contrast);
    CHECK(choose_theme("", "", true, true) == ThemeId::high_contrast);
    CHECK(choose_theme("", "", true, false) == ThemeId::dark);
    CHECK(choose_theme("", "", false, false) == ThemeId::light);
}
