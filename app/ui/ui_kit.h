// ui_kit: the few widgets every screen is built from, on top of Dear ImGui.
//
// Each widget draws and also reports itself into the frame's ViewDescription (kind, id,
// text, rectangle), which the page publishes as `window.coach`: that is how tests and a
// future screen-reader mirror see a canvas UI. Sizes are CSS pixels; the platform sets the
// framebuffer scale so text is rasterized for the screen's real density.
#pragma once
#include <string>
#include <string_view>

#include "core/i18n.h"
#include "core/view_description.h"

struct ImFont;

namespace coach::ui {

// Sizes of one visual language, in CSS pixels. Defaults suit a phone and a desktop alike.
struct Metrics {
    float body = 17;          // running text
    float small = 14;         // captions, badges
    float heading = 22;       // section headings
    float title = 30;         // the screen title
    float margin = 16;        // space from the viewport edge on a phone
    float column_max = 760;   // reading width on a wide screen
    float touch_target = 48;  // smallest height of anything tappable
    float gap = 12;           // space between blocks
};

// Everything a screen needs to draw one frame.
struct Ui {
    Lang lang = Lang::zh;
    ImFont* font = nullptr;
    Metrics metrics;
    ViewDescription view;

    std::string_view t(Msg msg) const { return tr(msg, lang); }
};

// A full-viewport, vertically scrolling screen with a centered reading column.
void begin_screen(Ui& ui, std::string_view screen_id);
void end_screen(Ui& ui);

// Text wrapped by the core's line breaker (Chinese rules), at a given size.
// `width` 0 means the rest of the line.
void text_block(Ui& ui, std::string_view id, std::string_view text, float size, unsigned color, ViewItemKind kind, float width = 0);
void title(Ui& ui, std::string_view id, std::string_view text);
void heading(Ui& ui, std::string_view id, std::string_view text);
void paragraph(Ui& ui, std::string_view id, std::string_view text);
void caption(Ui& ui, std::string_view id, std::string_view text);
void gap(Ui& ui, float scale = 1.0f);

// Lesson text with glossary links ([[shown|term-id]]): wrapped like text_block, links drawn as
// links and tappable. Returns the id of the term tapped this frame, or "".
std::string linked_text(Ui& ui, std::string_view id, std::string_view source, float size, unsigned color, float width = 0);

// A thin bar showing how far along something is (0..1).
void progress_bar(Ui& ui, std::string_view id, float fraction, std::string_view label);

// Previous / "page x of y" / next, in one row. Returns -1, 0 or +1.
int pager(Ui& ui, std::string_view id, std::string_view indicator, bool has_prev, std::string_view next_label);

// A horizontal swipe (finger or mouse) or the left/right arrow keys: -1 back, +1 on, else 0.
int swipe_or_arrows();

// A tinted box around whatever is drawn between begin_box and end_box (sized to it).
void begin_box(Ui& ui);
void end_box(Ui& ui, unsigned fill, unsigned border);

// A large tappable card: title, one line about it, and an optional badge ("coming soon").
bool card(Ui& ui, std::string_view id, std::string_view title, std::string_view about, std::string_view badge);
// A button sized for a finger; `wide` fills the column.
bool button(Ui& ui, std::string_view id, std::string_view label, bool wide = false);
// A one-line text field with a label above it; returns true when the value changed.
bool text_field(Ui& ui, std::string_view id, std::string_view label, std::string& value, std::string_view hint);

// Colors of the visual language (ImU32, ABGR).
namespace color {
inline constexpr unsigned ink = 0xFF2A2520;        // body text
inline constexpr unsigned muted = 0xFF6B655E;      // captions
inline constexpr unsigned accent = 0xFF2E36B8;     // 回款 red
inline constexpr unsigned paper = 0xFFF2F5F8;      // background
inline constexpr unsigned card = 0xFFFFFFFF;
inline constexpr unsigned card_hover = 0xFFF6F7FB;
inline constexpr unsigned line = 0xFFDCDFE4;
}  // namespace color

}  // namespace coach::ui
