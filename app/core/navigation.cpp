#include "navigation.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace coach {
namespace {

NavResult unchanged(const Nav& nav) { return {nav, HistoryOp::none, 0, false}; }

NavResult push(const Nav& nav, const Route& route) {
    if (route == nav.here()) return unchanged(nav);
    NavResult r{nav, HistoryOp::push, 0, true};
    r.nav.stack.push_back(route);
    return r;
}

NavResult replace(const Nav& nav, const Route& route) {
    if (route == nav.here()) return unchanged(nav);
    NavResult r{nav, HistoryOp::replace, 0, true};
    r.nav.stack.back() = route;
    return r;
}

NavResult back_by(const Nav& nav, std::size_t n) {
    NavResult r{nav, HistoryOp::go_back, static_cast<int>(n), true};
    r.nav.stack.resize(nav.stack.size() - n);
    return r;
}

NavResult up(const Nav& nav) {
    const Route& here = nav.here();
    if (!here.term.empty()) {  // a term is its own entry when it was opened here
        if (nav.stack.size() >= 2) {
            Route without = here;
            without.term.clear();
            if (nav.stack[nav.stack.size() - 2] == without) return back_by(nav, 1);
        }
        Route without = here;
        without.term.clear();
        return replace(nav, without);
    }
    if (here.screen == Screen::home) return unchanged(nav);
    const Route target = parent(here);
    // The parent as last visited (a lesson list the learner came from) is an entry to go
    // back to; walk down the stack to the nearest one of its screen.
    for (std::size_t i = nav.stack.size() - 1; i-- > 0;) {
        if (nav.stack[i].screen == target.screen && nav.stack[i].term.empty()) return back_by(nav, nav.stack.size() - 1 - i);
    }
    return replace(nav, target);
}

NavResult popped(const Nav& nav, const Popped& p) {
    NavResult r{nav, HistoryOp::none, 0, false};
    if (p.index + 1 == nav.stack.size() && nav.here() == p.route) return r;  // already there (the app went back itself)
    r.nav.stack.resize(std::min(p.index, nav.stack.size()));
    if (r.nav.stack.size() < p.index) r.nav.stack.resize(p.index);  // a forward jump past what the app knew
    r.nav.stack.push_back(p.route);
    r.changed = !(p.route == nav.here());
    return r;
}

std::string number(std::size_t n) { return std::to_string(n); }

long parse_positive(std::string_view text) {
    long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 1) return 0;
    return value;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string_view screen_name(Screen screen) {
    switch (screen) {
        case Screen::home: return "home";
        case Screen::settings: return "settings";
        case Screen::lessons: return "lessons";
        case Screen::lesson: return "lesson";
        case Screen::quotes: return "quotes";
        case Screen::glossary: return "glossary";
        case Screen::quizzes: return "quizzes";
        case Screen::quiz: return "quiz";
        case Screen::review: return "review";
        case Screen::assessment: return "assessment";
        case Screen::profile: return "profile";
        case Screen::class_view: return "class";
        case Screen::plan: return "plan";
        case Screen::accounts: return "accounts";
        case Screen::account: return "account";
        case Screen::plan_import: return "plan-import";
    }
    return "home";
}

std::optional<Screen> parse_screen(std::string_view name) {
    for (Screen s : {Screen::home, Screen::settings, Screen::lessons, Screen::lesson, Screen::quotes, Screen::glossary, Screen::quizzes,
                     Screen::quiz, Screen::review, Screen::assessment, Screen::profile, Screen::class_view, Screen::plan, Screen::accounts,
                     Screen::account, Screen::plan_import})
        if (screen_name(s) == name) return s;
    return std::nullopt;
}

Route parent(const Route& route) {
    switch (route.screen) {
        case Screen::lesson:
        case Screen::quotes:
        case Screen::glossary: return Route{.screen = Screen::lessons};
        case Screen::quiz:
        case Screen::review: return Route{.screen = Screen::quizzes};
        case Screen::assessment: return route.statement > 0 ? Route{.screen = Screen::assessment} : Route{};
        case Screen::class_view: return Route{.screen = Screen::profile};
        case Screen::accounts:
        case Screen::plan_import: return Route{.screen = Screen::plan};
        case Screen::account: return Route{.screen = Screen::accounts};
        default: return Route{};
    }
}

NavResult navigate(const Nav& nav, const NavEvent& event) {
    return std::visit(
        [&](const auto& e) -> NavResult {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, Open>) return push(nav, e.route);
            else if constexpr (std::is_same_v<E, Replace>) return replace(nav, e.route);
            else if constexpr (std::is_same_v<E, Back>) return nav.stack.size() > 1 ? back_by(nav, 1) : unchanged(nav);
            else if constexpr (std::is_same_v<E, Up>) return up(nav);
            else return popped(nav, e);
        },
        event);
}

std::string percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/' || c == ':') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string to_query(const Route& route, Lang lang, std::string_view content) {
    std::string q = "?lang=" + std::string(lang_code(lang));
    switch (route.screen) {
        case Screen::home: break;
        case Screen::lesson: q += "&lesson=" + percent_encode(route.lesson) + "&page=" + number(route.page + 1); break;
        case Screen::quotes: q += "&screen=quotes&quote=" + number(route.quote + 1); break;
        case Screen::quiz:
            q += "&screen=quiz&quiz=" + percent_encode(route.quiz) + "&item=" + (route.result ? std::string("done") : number(route.item + 1));
            break;
        case Screen::review:
            q += "&screen=review";
            if (!route.deck.empty()) q += "&deck=" + percent_encode(route.deck);
            break;
        case Screen::assessment:
            q += "&screen=assessment";
            if (route.statement > 0) q += "&statement=" + number(route.statement);
            break;
        case Screen::account: q += "&screen=account&account=" + percent_encode(route.account); break;
        default: q += "&screen=" + std::string(screen_name(route.screen)); break;
    }
    if (!route.term.empty()) q += "&term=" + percent_encode(route.term);
    if (!content.empty()) q += "&content=" + percent_encode(content);
    return q;
}

Link parse_query(std::string_view query) {
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);
    Link link;
    bool result = false;  // item=done
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        const std::string key = percent_decode(pair.substr(0, eq));
        const std::string value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1));
        if (key == "lang") link.lang = value;
        else if (key == "content") link.content = value;
        else if (key == "lesson") link.lesson_asked = value;
        else if (key == "term") link.term_asked = value;
        else if (key == "screen") link.screen_asked = value;
        else if (key == "page") link.page_asked = parse_positive(value);
        else if (key == "quote") link.quote_asked = parse_positive(value);
        else if (key == "quiz") link.quiz_asked = value;
        else if (key == "deck") link.deck_asked = value;
        else if (key == "statement") link.statement_asked = parse_positive(value);
        else if (key == "start") link.start = value;
        else if (key == "account") link.account_asked = value;
        else if (key == "item") {
            result = value == "done";
            link.item_asked = parse_positive(value);
        }
    }
    Route& r = link.route;
    if (!link.lesson_asked.empty()) {
        r.screen = Screen::lesson;
        r.lesson = link.lesson_asked;
        r.page = link.page_asked > 0 ? static_cast<std::size_t>(link.page_asked - 1) : 0;
    } else if (!link.quiz_asked.empty() && (link.screen_asked.empty() || link.screen_asked == "quiz")) {
        r.screen = Screen::quiz;
        r.quiz = link.quiz_asked;
        r.result = result;
        r.item = !result && link.item_asked > 0 ? static_cast<std::size_t>(link.item_asked - 1) : 0;
    } else if (const auto s = parse_screen(link.screen_asked); s && *s != Screen::lesson) {
        r.screen = *s;
        if (*s == Screen::quotes) r.quote = link.quote_asked > 0 ? static_cast<std::size_t>(link.quote_asked - 1) : 0;
        if (*s == Screen::review) r.deck = link.deck_asked;
        if (*s == Screen::account) r.account = link.account_asked;
        if (*s == Screen::assessment) r.statement = link.statement_asked > 0 ? static_cast<std::size_t>(link.statement_asked) : 0;
    }
    r.term = link.term_asked;
    return link;
}

Resolved resolve(const Link& link, const Course& course, ResolveOptions options) {
    Resolved out{link.route, LinkProblem::none, {}};
    Route& r = out.route;
    const auto fail = [&](LinkProblem problem, std::string asked) {
        if (out.problem == LinkProblem::none) {
            out.problem = problem;
            out.asked = std::move(asked);
        }
    };
    if (!link.screen_asked.empty() && link.lesson_asked.empty() && r.screen == Screen::home && link.screen_asked != "home")
        fail(LinkProblem::unknown_screen, link.screen_asked);
    if (r.screen == Screen::lesson) {
        const Lesson* lesson = course.lesson(r.lesson);
        if (lesson == nullptr || lesson->pages.empty()) {
            fail(LinkProblem::unknown_lesson, link.lesson_asked);
            r = Route{.screen = Screen::lessons};
        } else if (r.page >= lesson->pages.size()) {
            fail(LinkProblem::page_out_of_range, std::to_string(link.page_asked));
            r.page = lesson->pages.size() - 1;
        }
    }
    if (r.screen == Screen::quotes && r.quote >= course.quotes.size()) {
        fail(LinkProblem::quote_out_of_range, std::to_string(link.quote_asked));
        r.quote = course.quotes.empty() ? 0 : course.quotes.size() - 1;
        if (course.quotes.empty()) r = Route{.screen = Screen::lessons};
    }
    if (r.screen == Screen::quiz && options.quizzes_loaded) {
        const Quiz* quiz = course.quiz(r.quiz);
        if (quiz == nullptr || quiz->items.empty()) {
            fail(LinkProblem::unknown_quiz, link.quiz_asked);
            r = Route{.screen = Screen::quizzes};
        } else if (!r.result && r.item == quiz->items.size()) {  // one past the last item: the result page
            r.result = true;
            r.item = 0;
        } else if (!r.result && r.item > quiz->items.size()) {
            fail(LinkProblem::item_out_of_range, std::to_string(link.item_asked));
            r.item = quiz->items.size() - 1;
        }
    }
    if (r.screen == Screen::review && !r.deck.empty() && r.deck != "quotes") {
        fail(LinkProblem::unknown_deck, link.deck_asked);
        r.deck.clear();
    }
    if (r.screen == Screen::assessment && options.statements && r.statement > *options.statements) {
        fail(LinkProblem::statement_out_of_range, std::to_string(link.statement_asked));
        r.statement = *options.statements;
    }
    if (!link.term_asked.empty() && course.term(link.term_asked) == nullptr) {
        fail(LinkProblem::unknown_term, link.term_asked);
        r.term.clear();
    }
    if (link.term_asked.empty()) r.term.clear();
    else if (course.term(link.term_asked) != nullptr) r.term = link.term_asked;
    return out;
}

std::string describe(const Resolved& resolved, Lang lang) {
    switch (resolved.problem) {
        case LinkProblem::none: return {};
        case LinkProblem::unknown_screen: return format(tr(Msg::link_unknown_screen, lang), {resolved.asked});
        case LinkProblem::unknown_lesson: return format(tr(Msg::link_unknown_lesson, lang), {resolved.asked});
        case LinkProblem::page_out_of_range:
            return format(tr(Msg::link_page_out_of_range, lang), {resolved.asked, std::to_string(resolved.route.page + 1)});
        case LinkProblem::unknown_term: return format(tr(Msg::link_unknown_term, lang), {resolved.asked});
        case LinkProblem::quote_out_of_range:
            return format(tr(Msg::link_quote_out_of_range, lang), {resolved.asked, std::to_string(resolved.route.quote + 1)});
        case LinkProblem::unknown_quiz: return format(tr(Msg::link_unknown_quiz, lang), {resolved.asked});
        case LinkProblem::item_out_of_range:
            return format(tr(Msg::link_item_out_of_range, lang), {resolved.asked, std::to_string(resolved.route.item + 1)});
        case LinkProblem::unknown_deck: return format(tr(Msg::link_unknown_deck, lang), {resolved.asked});
        case LinkProblem::statement_out_of_range:
            return format(tr(Msg::link_statement_out_of_range, lang), {resolved.asked, std::to_string(resolved.route.statement)});
    }
    return {};
}

}  // namespace coach
