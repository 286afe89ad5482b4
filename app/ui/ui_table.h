// ui_table: a table of many rows inside the screen's scroll, drawn and published only where it
// shows.
//
// The account list holds up to 10,000 accounts and an account up to 2,000 receivables. Every
// row has the same height, computed from the text size and the layout (not from its text), so
// which rows are on screen is arithmetic: only those are laid out, drawn and published into the
// view tree; the rows above and below are empty space of the right height, so the scroll bar
// and the page's scrolling behave as if every row were there. The table's node says which rows
// it holds ("rows 41–60 of 5,000"); each row says its place ("row 41 of 5,000"). A table of
// 20 rows or fewer (a salesperson's own accounts, an ageing table) is published whole.
//
// Layout follows the width, never scrolling sideways: every column gets the width of its
// header and of a typical value (the caller's `sample`); the first column (the name) gets what
// is left and wraps to two lines, the rest one line each. When they do not all fit, the columns
// not marked `keep` go, from the last; when even the kept ones do not fit (a phone at 200 %
// text), each row stacks them: the name on top, then one line per column, label and value.
// Text wider than its place ends in "…" on screen; the node keeps the whole text.
//
// Headers of sortable columns are buttons; the sorted one is `selected` and says its direction
// in its value ("ascending", in the learner's language). Rows that open something are buttons
// too (the first cell holds the button, the whole row takes the tap): Tab reaches the rows on
// screen, Enter and Space open, and while one has the keyboard focus Up and Down move to the row
// above or below, Page Up and Page Down by a screenful, Home and End to the first and the last
// row, scrolling so the row shows (the key then no longer scrolls the screen).
// Limits: one line per cell but the first; Tab alone does not go past the rows on screen (the
// arrows do); a row that scrolls out of view while it has the focus loses it.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ui_kit.h"

namespace coach::ui {

struct TableColumn {
    std::string_view id;      // part of the header's and the cells' node ids
    std::string_view label;   // the header
    std::string_view sample;  // a typically wide value: sizes the column
    bool numeric = false;     // right-aligned
    bool keep = false;        // still shown on a narrow screen
    bool sortable = false;
};

struct TableSpec {
    std::string_view id;
    std::string_view caption;  // the table's accessible name
    std::span<const TableColumn> columns;
    std::size_t rows = 0;
    // The row's id part (stable across frames and sorting: an account's id) and a cell's text;
    // asked only for the rows drawn.
    std::function<std::string(std::size_t row)> key;
    std::function<std::string(std::size_t row, std::size_t column)> cell;
    std::size_t first_lines = 2;  // lines the first column wraps to (1: short labels)
    int sorted = -1;  // the column the rows are sorted by, -1 for none
    bool descending = false;
    bool open_rows = false;      // each row is a button that opens what it shows
    std::string_view open_hint;  // said after a row's name ("opens the account")
    std::string_view current;    // the key of the row marked as chosen (selected), "" for none
    std::optional<std::size_t> reveal;  // scroll this row into view this frame
};

struct TableResult {
    int sort = -1;                      // the header tapped this frame
    std::optional<std::size_t> opened;  // the row tapped or activated this frame
    std::string focus;                  // a row moved to by keys: focus it once drawn (AppState::focus_next)
    std::size_t first = 0, last = 0;    // the rows drawn, [first, last)
};

TableResult data_table(Ui& ui, const TableSpec& spec);

// Node ids, for screens that move focus to a row and for tests.
std::string table_row_id(std::string_view table, std::string_view key);     // the row
std::string table_open_id(std::string_view table, std::string_view key);    // its button
std::string table_sort_id(std::string_view table, std::string_view column); // a header's button

// A count with thousands grouped: 5000 -> "5,000" (both languages write it so in a table).
std::string grouped(std::size_t n);

// A short table's row without columns (the class view, the import's preview): its cells side by
// side while they fit, the rest on the lines below, so a phone at 200 % text never scrolls
// sideways. One cell in ink (what the eye finds the row by), the others muted; `rule` draws a
// faint line under the row (decorative).
struct FlowRowStyle {
    std::size_t ink_cell = 0;
    bool rule = false;
};
void flow_row(Ui& ui, const std::string& id, std::span<const std::string> cells, FlowRowStyle style = {});

}  // namespace coach::ui
