#include "i18n.h"

#include <array>
#include <cctype>

namespace coach {
namespace {

constexpr std::array kMessages{
    MessageText{Msg::app_title, "回款教练", "Collection Coach"},
    MessageText{Msg::app_subtitle, "大客户销售与回款实战练习", "Key-account selling and payment collection, in practice"},
    MessageText{Msg::home_intro,
                "这门课来自“销售团队如何迭代升级”线上分享会。搞定大客户的六个步骤——研究客户、建立关系、营销、成单、回款、二次销售——都以回款为核心：不以回款为目的的大客户销售是没有意义的。在这里，你可以逐课复习要点，用测验检验理解，在培训前做一次自我评估，并为自己的客户制定回款计划。",
                "This course comes from the webinar \"How a sales team upgrades itself\". The six steps to win a key account - research the customer, build relationships, market, close, collect, sell again - all turn on collection: key-account selling not aimed at collection is meaningless. Here you can review each lesson, check your understanding with quizzes, assess yourself before training, and build a collection plan for your own accounts."},
    MessageText{Msg::home_modules, "学习模块", "Modules"},
    MessageText{Msg::switch_language, "English", "中文"},
    MessageText{Msg::module_lessons, "课程", "Lessons"},
    MessageText{Msg::module_lessons_about, "六步法、左右脑、采购角色、信用管理与团队", "Six steps, left and right brain, buyer roles, credit, the team"},
    MessageText{Msg::module_quizzes, "测验", "Quizzes"},
    MessageText{Msg::module_quizzes_about, "每道题都告诉你为什么", "Every answer tells you why"},
    MessageText{Msg::module_assessment, "自我评估", "Self-assessment"},
    MessageText{Msg::module_assessment_about, "培训前看看自己的起点", "See where you start before training"},
    MessageText{Msg::module_plan, "回款计划", "Collection plan"},
    MessageText{Msg::module_plan_about, "你的客户、应收、账龄、联系人与跟进", "Your accounts, receivables, ageing, contacts and follow-ups"},
    MessageText{Msg::coming_soon, "即将开放", "Coming soon"},
    MessageText{Msg::module_not_ready, "这个模块还在制作中，还不能使用。完成后会出现在首页，你在这里输入的内容不会丢失。",
                "This module is still being built and cannot be used yet. It will open from the home screen when it is ready; nothing you entered here will be lost."},
    MessageText{Msg::back, "返回", "Back"},
    MessageText{Msg::goal_label, "我的学习目标", "My goal for this course"},
    MessageText{Msg::goal_hint, "例如：三个月内把平均账龄降到60天", "e.g. bring average ageing under 60 days in three months"},
};
static_assert(kMessages.size() == static_cast<std::size_t>(Msg::count_), "every Msg needs its Chinese and English text");

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return s.size() == prefix.size() || s[prefix.size()] == '-' || s[prefix.size()] == '_';
}

bool looks_like_language_tag(std::string_view tag) {
    if (tag.size() < 2 || tag.size() > 35) return false;
    for (char c : tag)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    return true;
}

}  // namespace

std::optional<Lang> parse_lang(std::string_view tag) {
    if (starts_with_ci(tag, "zh")) return Lang::zh;
    if (starts_with_ci(tag, "en")) return Lang::en;
    return std::nullopt;
}

std::string_view lang_code(Lang lang) { return lang == Lang::zh ? "zh" : "en"; }

Lang choose_lang(std::string_view url_lang, std::string_view remembered, std::string_view browser) {
    if (auto lang = parse_lang(url_lang)) return *lang;
    if (auto lang = parse_lang(remembered)) return *lang;
    if (auto lang = parse_lang(browser)) return *lang;
    // A browser in another language reads English better than Chinese.
    return looks_like_language_tag(browser) ? Lang::en : Lang::zh;
}

std::string_view tr(Msg msg, Lang lang) {
    const MessageText& m = kMessages[static_cast<std::size_t>(msg)];
    return lang == Lang::zh ? m.zh : m.en;
}

std::span<const MessageText> all_messages() { return kMessages; }

}  // namespace coach
