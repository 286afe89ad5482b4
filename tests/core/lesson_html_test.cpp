// The plain version of the course: static pages whose structure a reader, a printer and a
// screen reader can rely on, built from a small course made here and from content/ itself.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "core/course.h"
#include "core/lesson_html.h"
#include "test_support.h"

using namespace coach;

namespace {

Text bi(std::string zh, std::string en) { return Text{std::move(zh), std::move(en), {}}; }

Block block(BlockKind kind, Voice voice, Text text) {
    Block b;
    b.kind = kind;
    b.voice = voice;
    b.text = std::move(text);
    return b;
}

// Three lessons, so the middle one has both neighbours.
Course sample_course() {
    Course c;
    c.id = "sample";
    c.title = bi("样课", "Sample course");
    c.about = bi("关于", "About");
    c.glossary = {{"collection", bi("回款", "Collection"), bi("把钱收回来。", "Getting paid.")},
                  {"dso", bi("应收账款周转天数", "DSO"), bi("天数。", "Days.")}};
    Block list;
    list.kind = BlockKind::list;
    list.voice = Voice::speaker;
    list.items = {bi("研究客户", "Research"), bi("建立关系", "Relationships"), bi("[[回款|collection]]", "[[Collect|collection]]")};
    Page first{"first", bi("第一页", "First page"),
               {block(BlockKind::paragraph, Voice::speaker, bi("先说[[回款|collection]]。", "First, [[collection|collection]].")), list,
                block(BlockKind::key_idea, Voice::speaker, bi("回款是核心。", "Collection is the hub.")),
                block(BlockKind::paragraph, Voice::course, bi("课程的话。", "The course's words.")),
                block(BlockKind::example, Voice::course, bi("例如这样。", "For example, this."))}};
    Page second{"second", bi("第二页", "Second page"), {block(BlockKind::paragraph, Voice::course, bi("第二页的话。", "Second page text."))}};
    c.lessons = {{"alpha", bi("甲课", "Lesson alpha"), bi("甲的概要", "Alpha summary"), {first, second}},
                 {"beta", bi("乙课", "Lesson beta"), bi("乙的概要", "Beta summary"), {second}},
                 {"gamma", bi("丙课", "Lesson gamma"), bi("丙的概要", "Gamma summary"), {second}}};
    c.quotes = {{"q", bi("不以回款为目的的销售没有意义。", "Selling not aimed at collection is meaningless."), "alpha"}};
    return c;
}

std::map<std::string, std::string> by_name(const std::vector<HtmlFile>& files) {
    std::map<std::string, std::string> out;
    for (const HtmlFile& f : files) out[f.name] = f.html;
    return out;
}

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The text between the first `open` and the next `close` after it.
std::string between(const std::string& text, std::string_view open, std::string_view close) {
    const std::size_t a = text.find(open);
    if (a == std::string::npos) return {};
    const std::size_t b = text.find(close, a + open.size());
    return b == std::string::npos ? std::string{} : text.substr(a + open.size(), b - a - open.size());
}

// Whether every element opened is closed, in order. A '<' that the text let through
// unescaped would open an element that is never closed, so this also checks the escaping.
std::string unbalanced(const std::string& html) {
    static const std::set<std::string> empty_elements = {"meta", "link", "br"};
    std::vector<std::string> open;
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        if (html.compare(at, 9, "<!doctype") == 0) continue;
        const bool closing = html[at + 1] == '/';
        const std::size_t name_at = at + (closing ? 2 : 1);
        const std::size_t end = html.find_first_of(" >", name_at);
        if (end == std::string::npos) return "unterminated tag at " + std::to_string(at);
        const std::string name = html.substr(name_at, end - name_at);
        if (name == "style") {  // its text is CSS, not markup
            at = html.find("</style>", at);
            if (at == std::string::npos) return "unclosed style";
            continue;
        }
        if (!closing) {
            if (!empty_elements.count(name)) open.push_back(name);
        } else if (open.empty() || open.back() != name) {
            return "</" + name + "> closes " + (open.empty() ? std::string("nothing") : "<" + open.back() + ">");
        } else {
            open.pop_back();
        }
    }
    return open.empty() ? std::string{} : "<" + open.back() + "> is never closed";
}

// Every value of an attribute, in document order.
std::vector<std::string> attribute_values(const std::string& html, std::string_view attribute) {
    std::vector<std::string> out;
    const std::string key = " " + std::string(attribute) + "=\"";
    for (std::size_t at = html.find(key); at != std::string::npos; at = html.find(key, at + 1)) {
        const std::size_t begin = at + key.size();
        out.push_back(html.substr(begin, html.find('"', begin) - begin));
    }
    return out;
}

using coach::test::content_files;

}  // namespace

TEST_CASE("a page per lesson and language, then the glossary and the contents", "[lesson_html]") {
    std::vector<std::string> names;
    for (const HtmlFile& f : plain_lessons(sample_course())) names.push_back(f.name);
    CHECK(names == std::vector<std::string>{"alpha.zh.html", "beta.zh.html", "gamma.zh.html", "glossary.zh.html", "index.zh.html",
                                            "alpha.en.html", "beta.en.html", "gamma.en.html", "glossary.en.html", "index.en.html"});
    CHECK(plain_file_name("credit-management", Lang::en) == "credit-management.en.html");
}

TEST_CASE("a lesson page: one h1, an h2 for each page in order, the page's language", "[lesson_html]") {
    const auto files = by_name(plain_lessons(sample_course()));
    const std::string& zh = files.at("alpha.zh.html");
    const std::string& en = files.at("alpha.en.html");
    CHECK(zh.rfind("<!doctype html>\n<html lang=\"zh-CN\">", 0) == 0);
    CHECK(en.rfind("<!doctype html>\n<html lang=\"en\">", 0) == 0);
    CHECK(count(zh, "<h1") == 1);
    CHECK(between(zh, "<h1>", "</h1>") == "甲课");
    CHECK(between(en, "<title>", "</title>") == "Lesson alpha · Collection Coach");
    REQUIRE(count(en, "<h2") == 2);
    const std::size_t first = en.find("<h2>First page</h2>"), second = en.find("<h2>Second page</h2>");
    CHECK(first != std::string::npos);
    CHECK(second != std::string::npos);
    CHECK(first < second);
    CHECK_THAT(en, Catch::Contains("<section id=\"second\">\n<h2>Second page</h2>"));  // a page can be linked by its id
    CHECK_THAT(en, Catch::Contains("<p class=\"summary\">Alpha summary</p>"));
    CHECK(count(en, "<script") == 0);
    CHECK_THAT(en, Catch::Contains("@media print"));
}

TEST_CASE("blocks read as in the app: lists, key ideas, examples, whose words", "[lesson_html]") {
    const auto files = by_name(plain_lessons(sample_course()));
    const std::string page = between(files.at("alpha.zh.html"), "<section id=\"first\">", "</section>");
    const std::string list = between(page, "<ul>", "</ul>");
    CHECK(count(list, "<li>") == 3);
    CHECK_THAT(list, Catch::StartsWith("\n<li>研究客户</li>"));
    CHECK(between(page, "<aside class=\"key-idea\">", "</aside>") == "\n<p class=\"label\">要点</p>\n<p>回款是核心。</p>\n");
    CHECK(between(page, "<figure class=\"example\">", "</figure>") == "\n<figcaption>例子</figcaption>\n<p>例如这样。</p>\n");
    // Speaker, speaker, speaker, then course, course: each voice said once, where it changes.
    CHECK(count(page, "分享会内容") == 1);
    CHECK(count(page, "课程补充") == 1);
    CHECK(page.find("分享会内容") < page.find("先说"));
    CHECK(page.find("回款是核心") < page.find("课程补充"));
    CHECK(page.find("课程补充") < page.find("课程的话"));
    const std::string en = files.at("alpha.en.html");
    CHECK_THAT(en, Catch::Contains("<p class=\"voice-label\">From the talk</p>"));
    CHECK_THAT(en, Catch::Contains("<p class=\"label\">Key idea</p>"));
    CHECK_THAT(en, Catch::Contains("<figcaption>Example</figcaption>"));
}

TEST_CASE("glossary terms link to their entry on the glossary page of the same language", "[lesson_html]") {
    Course c = sample_course();
    const auto files = by_name(plain_lessons(c));
    CHECK_THAT(files.at("alpha.zh.html"), Catch::Contains("<p>先说<a class=\"term\" href=\"glossary.zh.html#collection\">回款</a>。</p>"));
    CHECK_THAT(files.at("alpha.en.html"), Catch::Contains("First, <a class=\"term\" href=\"glossary.en.html#collection\">collection</a>."));
    const std::string glossary = files.at("glossary.en.html");
    CHECK_THAT(glossary, Catch::Contains("<dt id=\"collection\">Collection</dt>\n<dd>Getting paid.</dd>"));
    CHECK(count(glossary, "<dt ") == 2);
    // A course that failed its checks may link a term it lacks: the words stay, unlinked.
    c.lessons[0].pages[0].blocks[0].text = bi("看[[账龄|ageing]]。", "See [[ageing|ageing]].");
    const std::string zh = by_name(plain_lessons(c)).at("alpha.zh.html");
    CHECK_THAT(zh, Catch::Contains("<p>看账龄。</p>"));
    CHECK(count(zh, "#ageing") == 0);
}

TEST_CASE("every text is escaped: nothing from the content becomes markup", "[lesson_html]") {
    Course c = sample_course();
    const std::string evil = "<script>alert(\"x\")</script> & 'q'";
    const std::string shown = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;";
    c.title = bi(evil, evil);
    c.lessons[1].title = bi(evil, evil);
    c.lessons[0].pages[0].title = bi(evil, evil);
    c.lessons[0].pages[0].blocks[0].text = bi("[[" + evil + "|collection]] " + evil, "[[" + evil + "|collection]] " + evil);
    c.lessons[0].pages[0].blocks[1].items[0] = bi(evil, evil);
    c.glossary[1].definition = bi(evil, evil);
    c.quotes[0].text = bi(evil, evil);
    for (const HtmlFile& f : plain_lessons(c)) {
        CAPTURE(f.name);
        CHECK(count(f.html, "<script") == 0);
        CHECK(unbalanced(f.html).empty());
    }
    const auto files = by_name(plain_lessons(c));
    CHECK_THAT(files.at("alpha.en.html"), Catch::Contains("<h2>" + shown + "</h2>"));
    CHECK_THAT(files.at("alpha.en.html"), Catch::Contains("<a class=\"term\" href=\"glossary.en.html#collection\">" + shown + "</a> " + shown));
    CHECK_THAT(files.at("alpha.en.html"), Catch::Contains("<br>" + shown + "</a>"));  // the next lesson's title in the pager
    CHECK_THAT(files.at("glossary.zh.html"), Catch::Contains("<dd>" + shown + "</dd>"));
    CHECK_THAT(files.at("index.en.html"), Catch::Contains("<title>" + shown + " · Collection Coach</title>"));
    CHECK(html_escape("a<b>&\"c\"'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;");
    CHECK(html_escape("two\nlines") == "two\nlines");  // only running text turns a line break into <br>
}

TEST_CASE("each page links the previous and next lesson, the contents, the glossary and its other language", "[lesson_html]") {
    const auto files = by_name(plain_lessons(sample_course()));
    const auto hrefs = [&](const std::string& name) {
        const auto v = attribute_values(files.at(name), "href");
        return std::set<std::string>(v.begin(), v.end());
    };
    const std::string first = files.at("alpha.en.html"), middle = files.at("beta.en.html"), last = files.at("gamma.zh.html");
    CHECK(count(first, "rel=\"prev\"") == 0);
    CHECK_THAT(first, Catch::Contains("<a rel=\"next\" href=\"beta.en.html\"><span class=\"label\">Next lesson</span><br>Lesson beta</a>"));
    CHECK_THAT(middle, Catch::Contains("<a rel=\"prev\" href=\"alpha.en.html\">"));
    CHECK_THAT(middle, Catch::Contains("<a rel=\"next\" href=\"gamma.en.html\">"));
    CHECK_THAT(last, Catch::Contains("<a rel=\"prev\" href=\"beta.zh.html\"><span class=\"label\">上一课</span><br>乙课</a>"));
    CHECK(count(last, "rel=\"next\"") == 0);
    for (const auto& [name, html] : files) {
        CAPTURE(name);
        const bool zh = name.find(".zh.") != std::string::npos;
        const std::string lang = zh ? "zh" : "en", other = zh ? "en" : "zh";
        const std::string page = name.substr(0, name.find('.'));
        const auto links = hrefs(name);
        CHECK(links.count("index." + lang + ".html") == 1);
        CHECK(links.count("glossary." + lang + ".html") == 1);
        CHECK(links.count(page + "." + other + ".html") == 1);
        CHECK_THAT(html, Catch::Contains("hreflang=\"" + std::string(zh ? "en" : "zh-CN") + "\" lang=\"" + (zh ? "en" : "zh-CN") + "\">" +
                                         (zh ? "English" : "中文") + "</a>"));
    }
    // The contents page lists every lesson in order and the quotes with the lesson that teaches them.
    const std::string index = files.at("index.zh.html");
    CHECK(index.find("href=\"alpha.zh.html\">甲课</a>") < index.find("href=\"beta.zh.html\">乙课</a>"));
    CHECK(index.find("href=\"beta.zh.html\">乙课</a>") < index.find("href=\"gamma.zh.html\">丙课</a>"));
    CHECK_THAT(index, Catch::Contains("<blockquote><p>不以回款为目的的销售没有意义。</p></blockquote><p class=\"from\">出自：<a href=\"alpha.zh.html\">甲课</a></p>"));
    CHECK_THAT(index, Catch::Contains("<a href=\"index.zh.html\" aria-current=\"page\">"));
}

TEST_CASE("the link to the app opens the same lesson in the same language", "[lesson_html]") {
    const Course c = sample_course();
    CHECK_THAT(by_name(plain_lessons(c)).at("beta.zh.html"), Catch::Contains("<a href=\"../index.html?lesson=beta&amp;lang=zh\">"));
    CHECK_THAT(by_name(plain_lessons(c)).at("index.en.html"), Catch::Contains("<a href=\"../index.html?lang=en\">"));
    PlainOptions other_course;
    other_course.app = "https://coach.example/?content=https://school.example/c.json";
    CHECK_THAT(by_name(plain_lessons(c, other_course)).at("beta.en.html"),
               Catch::Contains("href=\"https://coach.example/?content=https://school.example/c.json&amp;lesson=beta&amp;lang=en\""));
    PlainOptions none;
    none.app.clear();
    for (const HtmlFile& f : plain_lessons(c, none)) CHECK(count(f.html, "index.html?") == 0);
}

TEST_CASE("a lesson id the contents or the glossary page already uses is named", "[lesson_html]") {
    Course c = sample_course();
    CHECK(plain_name_clashes(c).empty());
    c.lessons[1].id = "glossary";
    c.lessons[2].id = "index";
    CHECK(plain_name_clashes(c) == std::vector<std::string>{"glossary", "index"});
}

TEST_CASE("the plain version of content/: well formed, every link leads somewhere", "[lesson_html]") {
    const CourseLoad load = load_course_files(content_files());
    REQUIRE(load.ok());
    CHECK(plain_name_clashes(load.course).empty());
    const auto files = by_name(plain_lessons(load.course));
    CHECK(files.size() == 2 * load.course.lessons.size() + 4);
    std::map<std::string, std::set<std::string>> ids;
    for (const auto& [name, html] : files) {
        const auto v = attribute_values(html, "id");
        ids[name] = std::set<std::string>(v.begin(), v.end());
        CHECK(v.size() == ids[name].size());  // no id twice on a page
    }
    for (const auto& [name, html] : files) {
        CAPTURE(name);
        CHECK(unbalanced(html).empty());
        CHECK(count(html, "<script") == 0);
        CHECK(count(html, "<h1") == 1);
        CHECK(count(html, "[[") == 0);  // every glossary link was turned into a link
        for (const std::string& href : attribute_values(html, "href")) {
            if (href.rfind("../index.html?", 0) == 0) continue;  // the app, outside this folder
            CAPTURE(href);
            const std::size_t hash = href.find('#');
            const std::string file = hash == 0 ? name : href.substr(0, hash);
            REQUIRE(files.count(file) == 1);
            if (hash != std::string::npos) CHECK(ids[file].count(href.substr(hash + 1)) == 1);
        }
    }
    for (const Lesson& l : load.course.lessons)
        CHECK(count(files.at(plain_file_name(l.id, Lang::en)), "<h2") == l.pages.size());
}
