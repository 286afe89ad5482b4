#include "lesson_html.h"

#include <array>

#include "rich_text.h"

namespace coach {
namespace {

Lang other(Lang lang) { return lang == Lang::zh ? Lang::en : Lang::zh; }
std::string_view html_lang(Lang lang) { return lang == Lang::zh ? "zh-CN" : "en"; }

// Readable on a phone and on paper: a measure of about 36 characters of Chinese or 75 of
// English, the fonts each system already has (no download), the app's colours, key ideas and
// examples boxed as in the app, and the talk's own words marked by a rule in the margin.
constexpr std::string_view kStyle = R"(
:root { color: #20252A; background: #FFFDFB; }
body { max-width: 36em; margin: 0 auto; padding: 1em 1.25em 3em; font-size: 17px; line-height: 1.8;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
html:lang(en) body { line-height: 1.6;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
a { color: #9C2C25; text-underline-offset: 0.15em; }
a[aria-current] { color: inherit; text-decoration: none; font-weight: 600; }
nav ul, nav ol { list-style: none; margin: 0; padding: 0; }
.site { display: flex; flex-wrap: wrap; gap: 0.25em 1.25em; font-size: 0.9em; padding-bottom: 0.5em; border-bottom: 1px solid #E3E1DD; }
.kicker, .voice-label, .label, figcaption, .from { font-size: 0.85em; color: #5E656B; margin: 0; }
h1 { font-size: 1.6em; line-height: 1.3; margin: 0.75em 0 0.25em; }
h2 { font-size: 1.25em; line-height: 1.4; margin: 2em 0 0.5em; }
.summary { font-size: 1.05em; color: #3B4248; }
.toc ol { list-style: decimal; padding-left: 1.5em; }
.voice { border-left: 3px solid #E3E1DD; padding-left: 0.9em; margin: 1em 0; }
.voice.speaker { border-left-color: #B8362E; }
aside, figure { margin: 0.75em 0; padding: 0.6em 0.9em; border-radius: 6px; }
aside.key-idea { background: #FBF0EE; border: 1px solid #B8362E; }
aside.key-idea p:not(.label) { font-size: 1.1em; }
figure.example { background: #F5F4F3; border: 1px solid #E3E1DD; }
aside p, figure p { margin: 0.2em 0; }
.key-idea .label { color: #B8362E; }
dt { font-weight: 600; margin-top: 1em; }
dd { margin: 0.2em 0 0; }
dt:target { background: #FBF0EE; }
:target { scroll-margin-top: 1em; }
.quotes { list-style: none; padding: 0; }
.quotes li, .lessons li { margin-bottom: 0.75em; }
blockquote { margin: 0; padding-left: 0.9em; border-left: 3px solid #B8362E; font-size: 1.05em; }
blockquote p { margin: 0; }
.from { margin: 0.2em 0 0 1.1em; }
.pager { display: flex; justify-content: space-between; gap: 1em; margin-top: 3em; padding-top: 1em; border-top: 1px solid #E3E1DD; }
.pager a[rel=next] { margin-left: auto; text-align: right; }
footer { margin-top: 2em; font-size: 0.9em; color: #5E656B; }
@page { margin: 18mm 16mm; }
@media print {
  :root { background: none; color: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .site, .toc, .pager, footer { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  aside, figure, li, dt, dd { break-inside: avoid; }
  aside.key-idea, figure.example { background: none; }
}
)";

// `breaks`: for running text, where a line break the author wrote is kept, as the app keeps
// it; never in an attribute value.
void escape_into(std::string& out, std::string_view text, bool breaks = false) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\n':
                if (breaks) out += "<br>";
                else out += c;
                break;
            default: out += c;
        }
    }
}

std::string esc(std::string_view text) {
    std::string out;
    escape_into(out, text);
    return out;
}

// Lesson text: escaped, each glossary link a link into the glossary page. A link to a term
// the glossary lacks (only in a course that failed its checks) stays plain text.
std::string rich_html(std::string_view source, const Course& course, Lang lang) {
    const RichText rich = parse_rich_text(source);
    const std::string glossary = plain_file_name("glossary", lang);
    std::string out;
    std::size_t at = 0;
    for (const TextLink& link : rich.links) {
        escape_into(out, std::string_view(rich.plain).substr(at, link.begin - at), true);
        const std::string_view shown = std::string_view(rich.plain).substr(link.begin, link.end - link.begin);
        if (course.term(link.term) != nullptr) {
            out += "<a class=\"term\" href=\"" + esc(glossary) + "#" + esc(link.term) + "\">";
            escape_into(out, shown, true);
            out += "</a>";
        } else {
            escape_into(out, shown, true);
        }
        at = link.end;
    }
    escape_into(out, std::string_view(rich.plain).substr(at), true);
    return out;
}

// A link to the same page in the other language, named in that language.
std::string other_language_link(std::string_view page, Lang lang) {
    const Lang to = other(lang);
    return "<a href=\"" + esc(plain_file_name(page, to)) + "\" hreflang=\"" + std::string(html_lang(to)) + "\" lang=\"" +
           std::string(html_lang(to)) + "\">" + esc(tr(Msg::switch_language, lang)) + "</a>";
}

// Everything before the page's own content: the document head and the site navigation.
std::string open_page(std::string_view title, std::string_view page, Lang lang) {
    const Lang to = other(lang);
    std::string out = "<!doctype html>\n<html lang=\"" + std::string(html_lang(lang)) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + esc(title) + " · " + esc(tr(Msg::app_title, lang)) + "</title>\n";
    out += "<link rel=\"alternate\" hreflang=\"" + std::string(html_lang(to)) + "\" href=\"" + esc(plain_file_name(page, to)) + "\">\n";
    out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    out += "<header>\n<nav class=\"site\" aria-label=\"" + esc(tr(Msg::plain_version, lang)) + "\">";
    const auto site_link = [&](std::string_view target, std::string_view text) {
        const char* current = target == page ? " aria-current=\"page\"" : "";
        out += "<a href=\"" + esc(plain_file_name(target, lang)) + "\"" + current + ">" + esc(text) + "</a> ";
    };
    site_link("index", tr(Msg::plain_contents, lang));
    site_link("glossary", tr(Msg::glossary, lang));
    out += other_language_link(page, lang) + "</nav>\n</header>\n<main>\n";
    return out;
}

std::string close_page(std::string_view footer) {
    std::string out = "</main>\n";
    if (!footer.empty()) out += "<footer>\n" + std::string(footer) + "</footer>\n";
    return out + "</body>\n</html>\n";
}

std::string app_link(const PlainOptions& options, std::string_view lesson, Lang lang, std::string_view text) {
    if (options.app.empty()) return {};
    std::string url = options.app + (options.app.find('?') == std::string::npos ? "?" : "&");
    if (!lesson.empty()) url += "lesson=" + std::string(lesson) + "&";
    url += "lang=" + std::string(lang_code(lang));
    return "<p><a href=\"" + esc(url) + "\">" + esc(text) + "</a></p>\n";
}

std::string block_html(const Block& block, const Course& course, Lang lang) {
    const Text& text = block.text;
    switch (block.kind) {
        case BlockKind::paragraph: return "<p>" + rich_html(text.in(lang), course, lang) + "</p>\n";
        case BlockKind::key_idea:
            return "<aside class=\"key-idea\">\n<p class=\"label\">" + esc(tr(Msg::block_key_idea, lang)) + "</p>\n<p>" + rich_html(text.in(lang), course, lang) +
                   "</p>\n</aside>\n";
        case BlockKind::example:
            return "<figure class=\"example\">\n<figcaption>" + esc(tr(Msg::block_example, lang)) + "</figcaption>\n<p>" + rich_html(text.in(lang), course, lang) +
                   "</p>\n</figure>\n";
        case BlockKind::list: {
            std::string out = "<ul>\n";
            for (const Text& item : block.items) out += "<li>" + rich_html(item.in(lang), course, lang) + "</li>\n";
            return out + "</ul>\n";
        }
    }
    return {};
}

// One page of a lesson: its title, then its blocks in runs of the same voice, each run
// labelled once with whose words they are (the app says it again only where it changes).
std::string page_html(const Page& page, const Course& course, Lang lang) {
    std::string out = "<section id=\"" + esc(page.id) + "\">\n<h2>" + esc(page.title.in(lang)) + "</h2>\n";
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        const Voice voice = page.blocks[i].voice;
        if (i == 0 || page.blocks[i - 1].voice != voice) {
            if (i > 0) out += "</div>\n";
            const bool speaker = voice == Voice::speaker;
            out += std::string("<div class=\"voice ") + (speaker ? "speaker" : "course") + "\">\n<p class=\"voice-label\">" +
                   esc(tr(speaker ? Msg::voice_speaker : Msg::voice_course, lang)) + "</p>\n";
        }
        out += block_html(page.blocks[i], course, lang);
    }
    if (!page.blocks.empty()) out += "</div>\n";
    return out + "</section>\n";
}

std::string lesson_page(const Course& course, std::size_t index, Lang lang, const PlainOptions& options) {
    const Lesson& lesson = course.lessons[index];
    std::string out = open_page(lesson.title.in(lang), lesson.id, lang);
    out += "<p class=\"kicker\">" + esc(format(tr(Msg::plain_lesson_number, lang), {std::to_string(index + 1)})) + " · " + esc(course.title.in(lang)) + "</p>\n";
    out += "<h1>" + esc(lesson.title.in(lang)) + "</h1>\n";
    out += "<p class=\"summary\">" + esc(lesson.summary.in(lang)) + "</p>\n";
    out += "<nav class=\"toc\" aria-label=\"" + esc(tr(Msg::plain_lesson_pages, lang)) + "\">\n<ol>\n";
    for (const Page& page : lesson.pages) out += "<li><a href=\"#" + esc(page.id) + "\">" + esc(page.title.in(lang)) + "</a></li>\n";
    out += "</ol>\n</nav>\n";
    for (const Page& page : lesson.pages) out += page_html(page, course, lang);
    out += "<nav class=\"pager\" aria-label=\"" + esc(tr(Msg::plain_lesson_pager, lang)) + "\">\n";
    const auto neighbour = [&](const Lesson& to, std::string_view rel, Msg w) {
        out += "<a rel=\"" + std::string(rel) + "\" href=\"" + esc(plain_file_name(to.id, lang)) + "\"><span class=\"label\">" + esc(tr(w, lang)) +
               "</span><br>" + esc(to.title.in(lang)) + "</a>\n";
    };
    if (index > 0) neighbour(course.lessons[index - 1], "prev", Msg::plain_previous_lesson);
    if (index + 1 < course.lessons.size()) neighbour(course.lessons[index + 1], "next", Msg::plain_next_lesson);
    out += "</nav>\n";
    return out + close_page(app_link(options, lesson.id, lang, tr(Msg::plain_practise_in_app, lang)));
}

std::string glossary_page(const Course& course, Lang lang, const PlainOptions& options) {
    std::string out = open_page(tr(Msg::glossary, lang), "glossary", lang);
    out += "<p class=\"kicker\">" + esc(course.title.in(lang)) + "</p>\n<h1>" + esc(tr(Msg::glossary, lang)) + "</h1>\n<dl>\n";
    for (const Term& term : course.glossary)
        out += "<dt id=\"" + esc(term.id) + "\">" + esc(term.term.in(lang)) + "</dt>\n<dd>" + esc(term.definition.in(lang)) + "</dd>\n";
    out += "</dl>\n";
    return out + close_page(app_link(options, {}, lang, tr(Msg::plain_open_app, lang)));
}

std::string index_page(const Course& course, Lang lang, const PlainOptions& options) {
    std::string out = open_page(course.title.in(lang), "index", lang);
    out += "<p class=\"kicker\">" + esc(tr(Msg::app_title, lang)) + " · " + esc(tr(Msg::plain_version, lang)) + "</p>\n";
    out += "<h1>" + esc(course.title.in(lang)) + "</h1>\n<p class=\"summary\">" + esc(course.about.in(lang)) + "</p>\n";
    out += "<p>" + esc(tr(Msg::plain_about, lang)) + "</p>\n";
    out += "<section id=\"lessons\">\n<h2>" + esc(tr(Msg::module_lessons, lang)) + "</h2>\n<ol class=\"lessons\">\n";
    for (const Lesson& lesson : course.lessons)
        out += "<li><a href=\"" + esc(plain_file_name(lesson.id, lang)) + "\">" + esc(lesson.title.in(lang)) + "</a><br>" + esc(lesson.summary.in(lang)) + "</li>\n";
    out += "</ol>\n</section>\n";
    if (!course.quotes.empty()) {
        out += "<section id=\"quotes\">\n<h2>" + esc(tr(Msg::quotes, lang)) + "</h2>\n<ul class=\"quotes\">\n";
        for (const Quote& quote : course.quotes) {
            out += "<li><blockquote><p>" + esc(quote.text.in(lang)) + "</p></blockquote>";
            if (const Lesson* lesson = course.lesson(quote.lesson)) {
                const std::string link = "<a href=\"" + esc(plain_file_name(lesson->id, lang)) + "\">" + esc(lesson->title.in(lang)) + "</a>";
                out += "<p class=\"from\">" + format(esc(tr(Msg::quote_from, lang)), {link}) + "</p>";
            }
            out += "</li>\n";
        }
        out += "</ul>\n</section>\n";
    }
    return out + close_page(app_link(options, {}, lang, tr(Msg::plain_open_app, lang)));
}

}  // namespace

std::string html_escape(std::string_view text) { return esc(text); }

std::string plain_file_name(std::string_view page, Lang lang) { return std::string(page) + "." + std::string(lang_code(lang)) + ".html"; }

std::vector<std::string> plain_name_clashes(const Course& course) {
    std::vector<std::string> clashes;
    for (const Lesson& lesson : course.lessons)
        if (lesson.id == "index" || lesson.id == "glossary") clashes.push_back(lesson.id);
    return clashes;
}

std::vector<HtmlFile> plain_lessons(const Course& course, const PlainOptions& options) {
    std::vector<HtmlFile> files;
    for (Lang lang : {Lang::zh, Lang::en}) {
        for (std::size_t i = 0; i < course.lessons.size(); ++i)
            files.push_back({plain_file_name(course.lessons[i].id, lang), lesson_page(course, i, lang, options)});
        files.push_back({plain_file_name("glossary", lang), glossary_page(course, lang, options)});
        files.push_back({plain_file_name("index", lang), index_page(course, lang, options)});
    }
    return files;
}

}  // namespace coach
