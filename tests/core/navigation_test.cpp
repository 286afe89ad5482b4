// Navigation as data: the screen stack, its history operations, and the URL form.
#include <catch2/catch.hpp>

#include "core/navigation.h"

using namespace coach;

namespace {

Course small_course() {
    Course c;
    Lesson credit{.id = "credit-management"};
    credit.pages.resize(5);
    Lesson steps{.id = "six-steps"};
    steps.pages.resize(3);
    c.lessons = {steps, credit};
    c.quotes.resize(6);
    c.glossary.push_back(Term{.id = "dso"});
    Quiz quiz{.id = "six-steps"};
    quiz.items.resize(3);
    c.quizzes = {quiz};
    return c;
}

Route quiz_item(std::string id, std::size_t item) { return Route{.screen = Screen::quiz, .quiz = std::move(id), .item = item}; }
Route quiz_result(std::string id) { return Route{.screen = Screen::quiz, .quiz = std::move(id), .result = true}; }
const Route kQuizzes{.screen = Screen::quizzes};

Route lesson(std::string id, std::size_t page, std::string term = {}) {
    return Route{.screen = Screen::lesson, .lesson = std::move(id), .page = page, .term = std::move(term)};
}

const Route kHome{};
const Route kLessons{.screen = Screen::lessons};

Nav walk(std::initializer_list<NavEvent> events, Nav nav = {}) {
    for (const NavEvent& e : events) nav = navigate(nav, e).nav;
    return nav;
}

}  // namespace

TEST_CASE("open pushes a new entry; the same place changes nothing", "[navigation]") {
    const NavResult r = navigate(Nav{}, Open{kLessons});
    CHECK(r.op == HistoryOp::push);
    CHECK(r.changed);
    CHECK(r.nav.stack == std::vector<Route>{kHome, kLessons});
    const NavResult again = navigate(r.nav, Open{kLessons});
    CHECK(again.op == HistoryOp::none);
    CHECK_FALSE(again.changed);
    CHECK(again.nav.stack.size() == 2);
}

TEST_CASE("back walks through what was visited, lesson pages included", "[navigation]") {
    Nav nav = walk({Open{kLessons}, Open{lesson("six-steps", 0)}, Open{lesson("six-steps", 1)}, Open{lesson("six-steps", 2)}});
    REQUIRE(nav.stack.size() == 5);
    NavResult r = navigate(nav, Back{});
    CHECK(r.op == HistoryOp::go_back);
    CHECK(r.back_by == 1);
    CHECK(r.nav.here() == lesson("six-steps", 1));
    r = navigate(walk({Back{}, Back{}, Back{}}, r.nav), Back{});
    CHECK(r.nav.here() == kHome);
    // At the first entry the app has nothing to undo: the browser leaves, as for any page.
    const NavResult at_first = navigate(r.nav, Back{});
    CHECK(at_first.op == HistoryOp::none);
    CHECK(at_first.nav.stack.size() == 1);
}

TEST_CASE("up goes to the parent screen, back over every page read", "[navigation]") {
    const Nav nav = walk({Open{kLessons}, Open{lesson("six-steps", 0)}, Open{lesson("six-steps", 1)}, Open{lesson("six-steps", 2)}});
    const NavResult r = navigate(nav, Up{});
    CHECK(r.op == HistoryOp::go_back);
    CHECK(r.back_by == 3);
    CHECK(r.nav.here() == kLessons);
    CHECK(r.changed);
    const NavResult home = navigate(r.nav, Up{});
    CHECK(home.nav.here() == kHome);
    CHECK(navigate(home.nav, Up{}).op == HistoryOp::none);
}

TEST_CASE("a deep link is the first entry: up replaces it with the parent", "[navigation]") {
    const Nav nav{{lesson("credit-management", 2)}};
    const NavResult r = navigate(nav, Up{});
    CHECK(r.op == HistoryOp::replace);
    CHECK(r.nav.stack == std::vector<Route>{kLessons});
    CHECK(navigate(r.nav, Up{}).nav.stack == std::vector<Route>{kHome});
}

TEST_CASE("a glossary term opens over a page and closes back to it", "[navigation]") {
    const Nav reading = walk({Open{kLessons}, Open{lesson("credit-management", 2)}});
    const NavResult opened = navigate(reading, Open{lesson("credit-management", 2, "dso")});
    CHECK(opened.op == HistoryOp::push);
    CHECK(opened.nav.here().term == "dso");
    const NavResult closed = navigate(opened.nav, Up{});  // Close, Escape, a tap outside
    CHECK(closed.op == HistoryOp::go_back);
    CHECK(closed.back_by == 1);
    CHECK(closed.nav.here() == lesson("credit-management", 2));
    // A term opened by a link has no entry below it: closing it replaces the entry.
    const NavResult linked = navigate(Nav{{lesson("credit-management", 2, "dso")}}, Up{});
    CHECK(linked.op == HistoryOp::replace);
    CHECK(linked.nav.here() == lesson("credit-management", 2));
}

TEST_CASE("the browser's back and forward set the stack to the entry it shows", "[navigation]") {
    const Nav nav = walk({Open{kLessons}, Open{lesson("six-steps", 0)}, Open{lesson("six-steps", 1)}});
    const NavResult back = navigate(nav, Popped{2, lesson("six-steps", 0)});
    CHECK(back.changed);
    CHECK(back.op == HistoryOp::none);
    CHECK(back.nav.stack.size() == 3);
    CHECK(back.nav.here() == lesson("six-steps", 0));
    const NavResult forward = navigate(back.nav, Popped{3, lesson("six-steps", 1)});
    CHECK(forward.nav.stack.size() == 4);
    CHECK(forward.nav.here() == lesson("six-steps", 1));
    // The pop that follows the app's own history.back() finds the app already there.
    const NavResult own = navigate(forward.nav, Popped{3, lesson("six-steps", 1)});
    CHECK_FALSE(own.changed);
    CHECK(own.nav.stack == forward.nav.stack);
}

TEST_CASE("replace changes the entry without adding one", "[navigation]") {
    const Nav nav = walk({Open{kLessons}});
    const NavResult r = navigate(nav, Replace{Route{.screen = Screen::quotes, .quote = 3}});
    CHECK(r.op == HistoryOp::replace);
    CHECK(r.nav.stack.size() == 2);
    CHECK(r.nav.here().quote == 3);
}

TEST_CASE("every route has a URL form that reads back as the same route", "[navigation]") {
    const Route routes[] = {
        kHome,
        kLessons,
        Route{.screen = Screen::settings},
        Route{.screen = Screen::glossary},
        Route{.screen = Screen::plan},
        Route{.screen = Screen::accounts},
        Route{.screen = Screen::account, .account = "mi1kz0-3"},
        Route{.screen = Screen::account, .account = "湘江 & co"},
        Route{.screen = Screen::plan_import},
        Route{.screen = Screen::quotes, .quote = 4},
        lesson("credit-management", 2),
        lesson("credit-management", 2, "dso"),
        kQuizzes,
        quiz_item("six-steps", 0),
        quiz_item("six-steps", 2),
        quiz_result("six-steps"),
        Route{.screen = Screen::review},
        Route{.screen = Screen::review, .deck = "quotes"},
        Route{.screen = Screen::assessment},
        Route{.screen = Screen::assessment, .statement = 7},
        Route{.screen = Screen::profile},
        Route{.screen = Screen::class_view},
    };
    for (const Route& route : routes) {
        for (Lang lang : {Lang::zh, Lang::en}) {
            const std::string q = to_query(route, lang);
            const Link link = parse_query(q);
            INFO(q);
            CHECK(link.route == route);
            CHECK(link.lang == lang_code(lang));
        }
    }
    CHECK(to_query(lesson("credit-management", 2), Lang::zh) == "?lang=zh&lesson=credit-management&page=3");
    CHECK(to_query(Route{.screen = Screen::quotes, .quote = 1}, Lang::en) == "?lang=en&screen=quotes&quote=2");
    CHECK(to_query(kQuizzes, Lang::zh) == "?lang=zh&screen=quizzes");
    CHECK(to_query(quiz_item("six-steps", 2), Lang::zh) == "?lang=zh&screen=quiz&quiz=six-steps&item=3");
    CHECK(to_query(quiz_result("six-steps"), Lang::en) == "?lang=en&screen=quiz&quiz=six-steps&item=done");
    CHECK(to_query(Route{.screen = Screen::review, .deck = "quotes"}, Lang::zh) == "?lang=zh&screen=review&deck=quotes");
}

TEST_CASE("the quizzes have their own screens: a quiz goes up to the list, the list up to home", "[navigation]") {
    CHECK(parent(quiz_item("six-steps", 2)) == kQuizzes);
    CHECK(parent(quiz_result("six-steps")) == kQuizzes);
    CHECK(parent(Route{.screen = Screen::review, .deck = "quotes"}) == kQuizzes);
    CHECK(parent(kQuizzes) == kHome);
    // Each item is an entry, as a lesson page is: up walks back over all of them.
    const Nav nav = walk({Open{kQuizzes}, Open{quiz_item("six-steps", 0)}, Open{quiz_item("six-steps", 1)}, Open{quiz_result("six-steps")}});
    const NavResult r = navigate(nav, Up{});
    CHECK(r.op == HistoryOp::go_back);
    CHECK(r.back_by == 3);
    CHECK(r.nav.here() == kQuizzes);
    // The browser's back from the result page returns to the last item.
    CHECK(navigate(nav, Back{}).nav.here() == quiz_item("six-steps", 1));
    // The old module address for the quizzes now opens the quizzes screen.
    CHECK(parse_query("?screen=quizzes").route == kQuizzes);
}

TEST_CASE("the self-assessment's screens: addresses, an instructor's start link, and where up leads", "[navigation][assessment]") {
    const Route intro{.screen = Screen::assessment}, seventh{.screen = Screen::assessment, .statement = 7};
    CHECK(to_query(seventh, Lang::zh) == "?lang=zh&screen=assessment&statement=7");
    CHECK(to_query(Route{.screen = Screen::class_view}, Lang::en) == "?lang=en&screen=class");
    CHECK(to_query(Route{.screen = Screen::profile}, Lang::en) == "?lang=en&screen=profile");
    // ?start=assessment is the app's to place (it knows where the learner left off).
    const Link start = parse_query("?lang=zh&start=assessment");
    CHECK(start.start == "assessment");
    // A statement up goes to the introduction, the introduction home, the class view to the profile.
    CHECK(parent(seventh) == intro);
    CHECK(parent(intro) == kHome);
    CHECK(parent(Route{.screen = Screen::class_view}) == Route{.screen = Screen::profile});
    CHECK(parent(Route{.screen = Screen::profile}) == kHome);
    // The old module address opens the assessment itself.
    CHECK(parse_query("?screen=assessment").route == intro);
    // A statement past the last is checked once the statements are known, and kept until then.
    const Course course;
    CHECK(resolve(parse_query("?screen=assessment&statement=30"), course).route == Route{.screen = Screen::assessment, .statement = 30});
    const Resolved r = resolve(parse_query("?screen=assessment&statement=30"), course, {.statements = 24});
    CHECK(r.route == Route{.screen = Screen::assessment, .statement = 24});
    CHECK(r.problem == LinkProblem::statement_out_of_range);
    CHECK(describe(r, Lang::en) == "The self-assessment has no statement 30, so statement 24 is shown.");
}

TEST_CASE("an instructor's course file stays in the address", "[navigation]") {
    const std::string q = to_query(kLessons, Lang::zh, "https://example.org/课程 1.json?v=2&x=1");
    const Link link = parse_query(q);
    CHECK(link.content == "https://example.org/课程 1.json?v=2&x=1");
    CHECK(link.route == kLessons);
}

TEST_CASE("percent encoding round-trips any text", "[navigation]") {
    const std::string text = "a b&c=d%e+f/回款?#";
    CHECK(percent_decode(percent_encode(text)) == text);
    CHECK(percent_decode("%E5%9B%9E%e6%ac%be") == "回款");
    CHECK(percent_decode("100%") == "100%");  // a stray percent stays
    CHECK(percent_decode("a+b") == "a b");
}

TEST_CASE("links are checked against the course and say what went wrong", "[navigation]") {
    const Course course = small_course();
    SECTION("a good link opens its place") {
        const Resolved r = resolve(parse_query("?lesson=credit-management&page=3&term=dso"), course);
        CHECK(r.problem == LinkProblem::none);
        CHECK(r.route == lesson("credit-management", 2, "dso"));
    }
    SECTION("an unknown lesson opens the lessons, naming it") {
        const Resolved r = resolve(parse_query("?lesson=nope"), course);
        CHECK(r.problem == LinkProblem::unknown_lesson);
        CHECK(r.route == kLessons);
        CHECK(describe(r, Lang::en).find("“nope”") != std::string::npos);
        CHECK(describe(r, Lang::zh).find("课程列表") != std::string::npos);
    }
    SECTION("a page past the end opens the last page") {
        const Resolved r = resolve(parse_query("?lesson=six-steps&page=9"), course);
        CHECK(r.problem == LinkProblem::page_out_of_range);
        CHECK(r.route == lesson("six-steps", 2));
        CHECK(describe(r, Lang::en) == "This lesson has no page 9, so its last page (page 3) is shown.");
    }
    SECTION("an unknown term stays closed") {
        const Resolved r = resolve(parse_query("?lesson=six-steps&term=nope"), course);
        CHECK(r.problem == LinkProblem::unknown_term);
        CHECK(r.route == lesson("six-steps", 0));
    }
    SECTION("an unknown screen opens home") {
        const Resolved r = resolve(parse_query("?screen=nowhere"), course);
        CHECK(r.problem == LinkProblem::unknown_screen);
        CHECK(r.route == kHome);
    }
    SECTION("a quote past the deck opens the last card") {
        const Resolved r = resolve(parse_query("?screen=quotes&quote=7"), course);
        CHECK(r.problem == LinkProblem::quote_out_of_range);
        CHECK(r.route.quote == 5);
    }
    SECTION("an unknown quiz opens the quizzes list, naming it") {
        const Resolved r = resolve(parse_query("?screen=quiz&quiz=nope&item=2"), course);
        CHECK(r.problem == LinkProblem::unknown_quiz);
        CHECK(r.route == kQuizzes);
        CHECK(describe(r, Lang::en).find("“nope”") != std::string::npos);
        CHECK(describe(r, Lang::zh).find("测验列表") != std::string::npos);
    }
    SECTION("a quiz link opens its item") {
        const Resolved r = resolve(parse_query("?lang=zh&screen=quiz&quiz=six-steps&item=2"), course);
        CHECK(r.problem == LinkProblem::none);
        CHECK(r.route == quiz_item("six-steps", 1));
    }
    SECTION("one past the last item is the result page; further opens the last item") {
        const Resolved done = resolve(parse_query("?screen=quiz&quiz=six-steps&item=4"), course);
        CHECK(done.problem == LinkProblem::none);
        CHECK(done.route == quiz_result("six-steps"));
        const Resolved past = resolve(parse_query("?screen=quiz&quiz=six-steps&item=9"), course);
        CHECK(past.problem == LinkProblem::item_out_of_range);
        CHECK(past.route == quiz_item("six-steps", 2));
        CHECK(describe(past, Lang::en) == "This quiz has no item 9, so its last item (item 3) is shown.");
    }
    SECTION("before the quizzes have loaded, a quiz link is kept as asked") {
        const Resolved r = resolve(parse_query("?screen=quiz&quiz=later&item=7"), Course{}, {.quizzes_loaded = false});
        CHECK(r.problem == LinkProblem::none);
        CHECK(r.route == quiz_item("later", 6));
    }
    SECTION("an unknown review deck opens the review of missed items") {
        const Resolved r = resolve(parse_query("?screen=review&deck=flashcards"), course);
        CHECK(r.problem == LinkProblem::unknown_deck);
        CHECK(r.route == Route{.screen = Screen::review});
        CHECK(resolve(parse_query("?screen=review&deck=quotes"), course).route.deck == "quotes");
    }
    SECTION("no link, no problem") {
        const Resolved r = resolve(parse_query(""), course);
        CHECK(r.problem == LinkProblem::none);
        CHECK(r.route == kHome);
        CHECK(describe(r, Lang::zh).empty());
    }
}

TEST_CASE("the collection plan's screens: addresses and where up leads", "[navigation][plan]") {
    const Route dashboard{.screen = Screen::plan}, list{.screen = Screen::accounts}, account{.screen = Screen::account, .account = "湘江-1"};
    CHECK(to_query(dashboard, Lang::zh) == "?lang=zh&screen=plan");
    CHECK(to_query(list, Lang::en) == "?lang=en&screen=accounts");
    CHECK(to_query(account, Lang::en) == "?lang=en&screen=account&account=%E6%B9%98%E6%B1%9F-1");
    CHECK(to_query(Route{.screen = Screen::plan_import}, Lang::en) == "?lang=en&screen=plan-import");
    CHECK(parse_query("?screen=account&account=%E6%B9%98%E6%B1%9F-1").route == account);
    // The address of the plan before it was built (a module that said "coming soon") opens the dashboard.
    CHECK(parse_query("?screen=plan").route == dashboard);
    // An account id belongs only to the account screen.
    CHECK(parse_query("?screen=accounts&account=x").route == list);
    CHECK(parent(account) == list);
    CHECK(parent(list) == dashboard);
    CHECK(parent(Route{.screen = Screen::plan_import}) == dashboard);
    CHECK(parent(dashboard) == kHome);
}
