// i18n: the two languages of the product and every user-visible UI message in both.
// Chinese is the source language; a message without its English twin does not compile in
// (the table is checked by tests: every id once, both texts non-empty).
#pragma once
#include <optional>
#include <initializer_list>
#include <span>
#include <string>
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
    read_too_large,
    read_too_deep,
    read_too_many,
    read_not_unicode,
    read_not_json,
    json_empty,
    json_truncated,
    json_bad_string,
    json_missing_separator,
    json_trailing_text,
    json_bad_value,
    read_not_coach,
    read_other_course,
    read_future_version,
    read_wrong_shape,
    read_wrong_shape_field,
    notice_recovered,
    notice_started_empty,
    notice_hold,
    notice_quota,
    notice_storage_unavailable,
    notice_import_failed,
    notice_imported,
    action_download_unreadable,
    action_export,
    action_import,
    action_dismiss,
    settings,
    settings_about,
    settings_language,
    settings_storage,
    storage_where,
    storage_persisted,
    storage_not_persisted,
    storage_persist_unknown,
    storage_used,
    content_location,
    content_not_json,
    content_not_course,
    content_missing_field,
    content_wrong_type,
    content_missing_translation,
    lang_name_zh,
    lang_name_en,
    content_empty,
    content_bad_id,
    content_duplicate_id,
    content_unknown_lesson,
    content_dangling_link,
    content_bad_link,
    content_link_mismatch,
    content_unknown_value,
    content_missing_glyph,
    content_file_name,
    content_fetch_failed,
    type_object,
    type_list,
    type_text,
    type_number,
    course_progress,
    lesson_progress,
    lesson_done,
    lesson_not_started,
    continue_lesson,
    page_indicator,
    page_prev,
    page_next,
    lesson_finish,
    block_key_idea,
    block_example,
    voice_speaker,
    voice_course,
    quotes,
    quotes_about,
    quote_from,
    glossary,
    glossary_about,
    close,
    content_rejected,
    content_more,
    your_progress,
    link_unknown_screen,
    link_unknown_lesson,
    link_page_out_of_range,
    link_unknown_term,
    link_quote_out_of_range,
    link_details,
    plain_version,
    plain_about,
    plain_contents,
    plain_lesson_number,
    plain_previous_lesson,
    plain_next_lesson,
    plain_lesson_pages,
    plain_lesson_pager,
    plain_practise_in_app,
    plain_open_app,
    settings_reading,
    text_size,
    text_size_value,
    text_smaller,
    text_larger,
    theme_label,
    theme_auto,
    theme_light,
    theme_dark,
    theme_high_contrast,
    skip_to_content,
    lesson_done_all,
    quote_done,
    content_unreachable,
    count_  // not a message: the number of messages
};

std::string_view tr(Msg msg, Lang lang);

// Fills each "{}" in `pattern` with the next argument, in order.
std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);

// The message table, for tests and tools that check every message.
struct MessageText {
    Msg id;
    std::string_view zh;
    std::string_view en;
};
std::span<const MessageText> all_messages();

}  // namespace coach
