// navigation: where the learner is, as data.
//
// The screens form a stack of typed screen states (Route), the way a browser's history is a
// stack of pages: `stack.back()` is what is shown, and the stack's index is the history
// entry's index (the page stores it in `history.state`). Everything that moves the learner
// goes through one pure function, `navigate(nav, event)`, which returns the new stack and
// what the browser's history must do to match (push an entry, replace it, go back n). No
// screen changes the screen itself; screens ask by event.
//
// Every route has a URL form (`to_query`), so the address always says where the learner is
// and a reload, a bookmark or a shared link opens the same place. The reverse, `parse_query`
// then `resolve`, checks a link against the course and says in a learner's words what did
// not work (`LinkProblem`) and where the app went instead.
//
// Two kinds of "back":
//   - Back (the browser's button, a phone's gesture, Escape over a glossary term): the entry
//     before, lesson pages included, as on any web page. At the first entry the browser
//     leaves the app, as it does for any page.
//   - Up (the drawn Back button, Escape on a screen): the parent screen (a lesson -> the
//     lessons, the lessons -> home). When the parent is on the stack, up goes back to it
//     (history.go(-n)); after a deep link it is not, so up replaces the entry.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "course.h"
#include "i18n.h"

namespace coach {

enum class Screen {
    home, settings, lessons, lesson, quotes, glossary, quizzes, quiz, review, assessment, profile, class_view,
    plan, accounts, account, plan_import,  // the collection plan: dashboard, account list, one account, import
};

// One screen state. Fields that do not apply to the screen stay at their defaults, so two
// routes to the same place compare equal.
struct Route {
    Screen screen = Screen::home;
    std::string lesson;     // Screen::lesson: the lesson's id
    std::size_t page = 0;   // Screen::lesson: the page, from 0
    std::size_t quote = 0;  // Screen::quotes: the card, from 0
    std::string quiz;       // Screen::quiz: the quiz's id
    std::size_t item = 0;   // Screen::quiz: the item shown, from 0
    bool result = false;    // Screen::quiz: the result page after the last item (item stays 0)
    std::string deck;       // Screen::review: "" for the missed items, "quotes" for the quote deck
    std::size_t statement = 0;  // Screen::assessment: the statement shown, from 1; 0 = the introduction
    std::string account;    // Screen::account: the account's id
    std::string term;       // a glossary term shown over the screen ("" = none)

    bool operator==(const Route&) const = default;
};

struct Nav {
    std::vector<Route> stack{Route{}};  // never empty; back() is shown
    const Route& here() const { return stack.back(); }
};

// What the browser's history does to match a navigation.
enum class HistoryOp { none, push, replace, go_back };

struct NavResult {
    Nav nav;
    HistoryOp op = HistoryOp::none;
    int back_by = 0;      // HistoryOp::go_back: how many entries
    bool changed = false; // the route shown changed (focus moves to the new screen's title)
};

// The events that move the learner.
struct Open {  // a new place: pushed (a route equal to the current one changes nothing)
    Route route;
};
struct Replace {  // the same place in another state, without a history entry
    Route route;
};
struct Back {};  // the entry before; at the first entry nothing (the browser leaves)
struct Up {};    // a term closes, else the parent screen
struct Popped {  // the browser moved to entry `index` (back or forward) showing `route`
    std::size_t index = 0;
    Route route;
};
using NavEvent = std::variant<Open, Replace, Back, Up, Popped>;

NavResult navigate(const Nav& nav, const NavEvent& event);

// The parent of a screen (home has none: it is its own parent).
Route parent(const Route& route);

// The URL form: "screen=lessons", "lesson=credit-management&page=3&term=dso",
// "screen=quotes&quote=2", "screen=quiz&quiz=six-steps&item=3" (the result page after the
// last item: "item=done"), "screen=review", "screen=review&deck=quotes",
// "screen=assessment&statement=4" (the introduction without statement), "screen=profile",
// "screen=class", "screen=plan", "screen=accounts", "screen=account&account=ID" and "screen=plan-import". Pages, cards and
// items count from 1, as people do. `lang` is always written, so a reload keeps the language
// shown; `content` (an instructor's course file) is kept as given.
std::string to_query(const Route& route, Lang lang, std::string_view content = {});

// What an address asks for, before it is checked against the course.
struct Link {
    Route route;
    std::string lang;     // as given ("" = none)
    std::string content;  // ?content=, decoded
    std::string lesson_asked, term_asked, screen_asked, quiz_asked, deck_asked, account_asked;  // the raw values, to name them when wrong
    long page_asked = 0, quote_asked = 0, item_asked = 0, statement_asked = 0;  // as given, from 1 (0 = none)
    // ?start=assessment: an instructor's link that opens the self-assessment at once, where
    // the learner left it (the app decides where that is: resolve() cannot see the learner).
    std::string start;
};
Link parse_query(std::string_view query);  // with or without the leading '?'

// Why a link did not open what it named, in a learner's terms.
enum class LinkProblem {
    none, unknown_screen, unknown_lesson, page_out_of_range, unknown_term, quote_out_of_range, unknown_quiz, item_out_of_range, unknown_deck,
    statement_out_of_range,
};
struct Resolved {
    Route route;  // always a place that exists
    LinkProblem problem = LinkProblem::none;
    std::string asked;  // the value that did not work
};
// The quizzes load after the first frame (their own file and font): until they are there,
// a link to a quiz cannot be checked and is kept as asked; the quiz screen checks it again
// when they arrive.
struct ResolveOptions {
    bool quizzes_loaded = true;
    // The self-assessment arrives with the quizzes: its statement count once it is there
    // (nullopt until then: a statement link is kept as asked).
    std::optional<std::size_t> statements;
};
// Checks a link against the course: an unknown lesson opens the lessons list, a page past
// the end opens the last page, an unknown term is left closed, an unknown quiz opens the
// quizzes list, an item past the end opens the last item (one past it is the result page).
Resolved resolve(const Link& link, const Course& course, ResolveOptions options = {});

// The message for a link problem: what did not work and what the app did instead.
std::string describe(const Resolved& resolved, Lang lang);

std::string_view screen_name(Screen screen);  // "home", "lessons", ... (also the view's screen)
std::optional<Screen> parse_screen(std::string_view name);

std::string percent_encode(std::string_view text);
std::string percent_decode(std::string_view text);

}  // namespace coach
