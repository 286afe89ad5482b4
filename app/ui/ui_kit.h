// ui_kit: the widgets every screen is built from, on top of Dear ImGui.
//
// Each widget draws itself and publishes itself into the frame's view tree (core/view_tree.h)
// with its role, name, state and rectangle; no screen builds nodes by hand. The same id that
// names a node is how the page drives the widget by meaning: a widget whose id is in
// `Ui::input.activate` acts as if tapped, the one whose id is `Ui::input.focus` draws the focus
// ring and scrolls into view, and a text field takes its text from `Ui::input.edits`.
//
// Keyboard focus, Tab order and text editing belong to the page's mirror of the tree (real
// <button>, <a> and <input> elements, web/mirror.js): the browser moves focus in reading order,
// Enter and Space click, and an input edits text with the platform's IME, clipboard, undo and
// emoji. The canvas shows what the mirror holds. Sizes are CSS pixels; text sizes are ems
// (the size of one ideograph), converted to Dear ImGui's font size in one place (font_px).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>
#include <string>
#include <string_view>

#include "core/i18n.h"
#include "core/theme.h"
#include "core/view_tree.h"

struct ImFont;

namespace coach::ui {

// Sizes of one visual language, in CSS pixels at 100 % text size. Text sizes are ems: a body
// em of 17 px draws each ideograph 17 px wide, like 17 px text on a phone.
struct Metrics {
    float body = 17;          // running text
    float small = 15;         // captions, badges
    float heading = 21;       // section headings
    float title = 28;         // the screen title
    float margin = 16;        // space from the viewport edge on a phone
    float column_max = 760;   // reading width on a wide screen
    float touch_target = 48;  // smallest height of anything tappable
    float gap = 12;           // space between blocks
    float focus_ring = 3;     // width of the keyboard focus ring
};

// Dear ImGui sizes a font by its ascender-to-descender height; Noto Sans CJK's is 1.448 em
// (hhea 1160 + 288 per 1000 units), so an em of `em` CSS px needs a font size of em * 1.448.
inline constexpr float kFontSizePerEm = 1.448f;
inline float font_px(float em) { return em * kFontSizePerEm; }

// A character no loaded font has is drawn as a visible box, □ (U+25A1; it is in the first-load
// font because this line names it), never as "?": the text itself is kept as typed.
inline constexpr unsigned kMissingGlyph = 0x25A1;

// Metrics for a text size (100..200 %): text and touch targets grow, margins stay.
Metrics scaled(Metrics base, int text_percent);

// A text field's state as the page's input holds it (byte offsets into `text`).
struct FieldEdit {
    std::string text;
    int selection_start = 0, selection_end = 0;
    std::string preedit;  // an IME's unfinished text at the caret, shown underlined
    bool fresh = true;    // the page sent it since the last frame: its text is the learner's latest
};

// What the page asks of this frame, by meaning.
struct FrameInput {
    std::string activate;                   // a node to act on as if tapped
    std::string focus;                      // the node with the keyboard focus
    bool focus_visible = false;             // the focus came from the keyboard: draw the ring
    std::string scroll_to;                  // bring this node into view this frame
    std::map<std::string, FieldEdit> edits; // text fields being edited, by id
};

// Scrolling that goes on after the finger lifts (a fling); kept from frame to frame.
struct Motion {
    bool reduced = false;     // the system asks for reduced motion: no fling
    float start_scroll = 0;   // where the screen was when the finger went down
    bool dragging = false;    // the finger moves the screen
    float velocity = 0;       // CSS px a second, positive = content moves up
};

// Everything a screen needs to draw one frame.
struct Ui {
    Lang lang = Lang::zh;
    ImFont* font = nullptr;
    Metrics metrics;
    const Theme* theme = &coach::theme(ThemeId::light);
    FrameInput input;
    ViewTree tree;
    TreeBuilder build{tree};
    Motion* motion = nullptr;  // the app's (AppState::motion); must be set before drawing
    bool activated = false;  // a widget took input.activate this frame
    bool animating = false;  // something moves by itself: draw the next frame too
    bool holding = false;    // a widget follows the pointer (a row being dragged): the screen does not scroll
    std::string focus_request;  // a widget asks the page to focus it (a tapped text field)
    struct OpenBox {
        std::size_t node;  // its group in the tree
        float right;       // the column's right edge before the box narrowed it
    };
    std::vector<OpenBox> boxes;  // begin_box ... end_box, innermost last

    Ui() = default;
    Ui(const Ui&) = delete;
    Ui& operator=(const Ui&) = delete;

    std::string_view t(Msg msg) const { return tr(msg, lang); }
};

// A full-viewport, vertically scrolling screen with a centred reading column. The title is
// what the document title and the screen reader announce on arrival.
void begin_screen(Ui& ui, std::string_view screen_id, std::string_view title_text);
void end_screen(Ui& ui);

// Text wrapped by the core's line breaker (Chinese rules); `em` is its size, `width` 0 means
// the rest of the line. Published as one node with the whole text as its name.
void text_block(Ui& ui, std::string_view id, std::string_view text, float em, unsigned color, Role role, float width = 0,
                int level = 0);
void title(Ui& ui, std::string_view id, std::string_view text);    // heading level 1
void heading(Ui& ui, std::string_view id, std::string_view text);  // heading level 2
void paragraph(Ui& ui, std::string_view id, std::string_view text);
void caption(Ui& ui, std::string_view id, std::string_view text);
void gap(Ui& ui, float scale = 1.0f);

// Lesson text with glossary links ([[shown|term-id]]): a paragraph whose links are link nodes.
// Returns the id of the term tapped (or activated) this frame, or "".
std::string linked_text(Ui& ui, std::string_view id, std::string_view source, float em, unsigned color, float width = 0);

// A thin bar showing how far along something is; `label` is its name and spoken value, shown
// below it as a caption unless `show_label` is false (where the screen says it elsewhere).
void progress_bar(Ui& ui, std::string_view id, std::size_t done, std::size_t total, std::string_view label, bool show_label = true);

// Previous / "page x of y" / next, in one row. Returns -1, 0 or +1.
int pager(Ui& ui, std::string_view id, std::string_view indicator, bool has_prev, std::string_view next_label);

// A horizontal swipe (finger or mouse) or the left/right arrow keys: -1 back, +1 on, else 0.
int swipe_or_arrows();
// Escape was pressed this frame (outside a text field: the page keeps it there).
bool escape_pressed();

// Containers: what is drawn between begin and end is their content in the view tree.
void begin_group(Ui& ui, std::string_view id, Role role, std::string_view name = {});
void end_group(Ui& ui);
// A tinted box (key idea, example, notice) around its content, sized to it.
void begin_box(Ui& ui, std::string_view id, Role role, std::string_view name = {});
void end_box(Ui& ui, unsigned fill, unsigned border);

// A large tappable card: title, one line about it, and an optional badge ("3 reviews due").
bool card(Ui& ui, std::string_view id, std::string_view title, std::string_view about, std::string_view badge);
// A button sized for a finger whose label wraps to the width it has; `wide` fills the column.
struct ButtonStyle {
    bool wide = false;
    bool primary = false;  // the main action: filled with the accent
    bool current = false;  // the chosen one of a set (a language, a theme)
    std::string_view lang; // a label in another language than the screen's
    bool disabled = false; // shown but not usable yet (Check before the answer is whole)
    // The accessible name, where the label needs its context ("Move up: Research the
    // customer" for a button labelled "Move up"); it must contain the label. "" = the label.
    std::string_view name;
    // A button that shows and hides what follows it (a score's statements): open or closed,
    // said as the node's expanded state. nullopt: an ordinary button.
    std::optional<bool> expanded;
};
bool button(Ui& ui, std::string_view id, std::string_view label, ButtonStyle style = {});
// One choice of a set (wrap a set in begin_group(..., Role::radiogroup, name)); drawn as a
// button, the chosen one outlined.
bool radio(Ui& ui, std::string_view id, std::string_view label, bool checked, std::string_view lang = {});
// What a checked answer says about one choice; always said in words too (the node's
// description), never by colour alone.
enum class Verdict { none, right, wrong };

// One choice of a quiz item as a full-width row: a round mark (one of a set: Role::radio), a
// square one (any of a set: Role::checkbox) or none (Role::button, `on` meaning selected: an
// item of a matching pair), the label wrapped, and an optional badge ("1": the pair it is
// in). Once checked, `verdict` tints the row and draws a tick or a cross, and the node says it
// (state.correct, and `note` as its description, also drawn under the label).
struct RowStyle {
    Role role = Role::button;
    bool on = false;  // checked (radio, checkbox) or selected (button)
    std::string_view badge;
    Verdict verdict = Verdict::none;
    std::string_view note;
    bool disabled = false;  // the answer is checked: the row no longer changes it
    float width = 0;        // 0: the rest of the column
};
bool choice_row(Ui& ui, std::string_view id, std::string_view label, const RowStyle& style);

// A list the learner puts in order. Each row can be dragged by its handle (finger or mouse:
// the row follows the pointer and the others make room), and has "move up" and "move down"
// buttons, named with the row ("Move up: <row>"), for the keyboard and screen readers.
// Rows are shown in `order` (indices into `rows`); the result is the new order when the
// learner moved a row this frame. Button ids are the row's id + "-up" / "-down".
struct SortRow {
    std::string_view id;     // the row: a list item
    std::string_view label;
    Verdict verdict = Verdict::none;
    std::string_view note;    // said with the row (its place, once checked)
    std::string_view detail;  // drawn under the row (why it stands where it does)
};
// Kept by the screen between frames while a row is dragged.
struct SortDrag {
    int row = -1;                 // the row being dragged (index into rows), -1 for none
    float grab = 0;               // where in the row the pointer holds it, from its top
    std::vector<float> centres;   // each row's centre when the drag began (by row index)
    std::vector<float> heights;   // each row's height as last drawn (by row index)
};
std::optional<std::vector<std::uint32_t>> sortable_list(Ui& ui, std::string_view id, std::string_view name, std::span<const SortRow> rows,
                                                        const std::vector<std::uint32_t>& order, SortDrag& drag, bool locked);

// A link that leaves the app (opens `href` in the page).
bool link_button(Ui& ui, std::string_view id, std::string_view label, std::string_view href);
// A one-line text field with a label above it. Its text is edited in the page's input (see
// FrameInput::edits); returns true when `value` changed this frame.
bool text_field(Ui& ui, std::string_view id, std::string_view label, std::string& value, std::string_view hint);

}  // namespace coach::ui
