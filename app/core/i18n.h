// i18n: the two languages of the product and every user-visible UI message in both.
// Chinese is the source language; a message without its English twin does not compile in
// (the table is checked by tests: every id once, both texts non-empty).
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace coach {

enum class Lang { zh, en };

// "zh", "zh-CN", "zh-Hans-SG" -> zh; "en", "en-GB" -> en; anything else -> nullopt.
std::optional<Lang> parse_lang(std::string_view tag);
std::string_view lang_code(Lang lang);  // "zh" | "en"

// Which language the app opens in: a `?lang=` in the address wins, then the learner's
// remembered choice, then the browser's language (any Chinese variant -> zh, any other
// known language -> en); with none of these, Chinese.
Lang choose_lang(std::string_view url_lang, std::string_view remembered, std::string_view browser);

enum class Msg {
    app_title,
    app_subtitle,
    home_intro,
    home_modules,
    switch_language,
    module_lessons,
    module_lessons_about,
    module_quizzes,
    module_quizzes_about,
    module_assessment,
    module_assessment_about,
    module_plan,
    module_plan_about,
    coming_soon,
    module_not_ready,
    back,
    goal_label,
    goal_hint,
    count_  // not a message: the number of messages
};

std::string_view tr(Msg msg, Lang lang);

// The message table, for tests and tools that check every message.
struct MessageText {
    Msg id;
    std::string_view zh;
    std::string_view en;
};
std::span<const MessageText> all_messages();

}  // namespace coach
