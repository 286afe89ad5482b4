// course_describe: a content problem as one line in the reader's language, "file:line:
// reason" (or "file 第 n 行：reason"). Instructors read these from the build and from the
// app when their course file is refused, so the wording lives in i18n.cpp with every other
// message; this file only picks the message and fills it in.
#include "course.h"
#include "course_detail.h"

namespace coach {

std::string describe(const ContentError& e, Lang lang) {
    const auto type_name = [&](const std::string& t) -> std::string {
        if (t == "object") return std::string(tr(Msg::type_object, lang));
        if (t == "list") return std::string(tr(Msg::type_list, lang));
        if (t == "number") return std::string(tr(Msg::type_number, lang));
        if (t == "true/false") return std::string(tr(Msg::type_boolean, lang));
        return std::string(tr(Msg::type_text, lang));
    };
    std::string reason;
    switch (e.problem) {
        case ContentProblem::not_json: reason = describe(e.json, lang, course_detail::kContentLimits); break;
        case ContentProblem::not_course: reason = tr(Msg::content_not_course, lang); break;
        case ContentProblem::missing_field: reason = format(tr(Msg::content_missing_field, lang), {e.subject}); break;
        case ContentProblem::wrong_type: reason = format(tr(Msg::content_wrong_type, lang), {e.subject, type_name(e.detail)}); break;
        case ContentProblem::missing_translation:
            reason = format(tr(Msg::content_missing_translation, lang), {e.subject, tr(e.detail == "zh" ? Msg::lang_name_zh : Msg::lang_name_en, lang)});
            break;
        case ContentProblem::empty: reason = format(tr(Msg::content_empty, lang), {e.subject}); break;
        case ContentProblem::bad_id: reason = format(tr(Msg::content_bad_id, lang), {e.subject}); break;
        case ContentProblem::duplicate_id: reason = format(tr(Msg::content_duplicate_id, lang), {e.subject}); break;
        case ContentProblem::unknown_lesson: reason = format(tr(Msg::content_unknown_lesson, lang), {e.subject}); break;
        case ContentProblem::dangling_link: reason = format(tr(Msg::content_dangling_link, lang), {e.subject}); break;
        case ContentProblem::bad_link: reason = format(tr(Msg::content_bad_link, lang), {e.subject}); break;
        case ContentProblem::link_mismatch: reason = format(tr(Msg::content_link_mismatch, lang), {e.subject}); break;
        case ContentProblem::unknown_value: reason = format(tr(Msg::content_unknown_value, lang), {e.subject, e.detail}); break;
        case ContentProblem::missing_glyph: reason = format(tr(Msg::content_missing_glyph, lang), {e.subject, e.detail}); break;
        case ContentProblem::file_name:
            reason = format(tr(e.detail == "quiz" ? Msg::content_quiz_file_name : Msg::content_file_name, lang), {e.subject});
            break;
        case ContentProblem::fetch_failed: reason = format(tr(Msg::content_fetch_failed, lang), {e.detail}); break;
        case ContentProblem::not_quizzes: reason = tr(Msg::content_not_quizzes, lang); break;
        case ContentProblem::unknown_item_type: reason = format(tr(Msg::content_unknown_item_type, lang), {e.subject}); break;
        case ContentProblem::unknown_page: reason = format(tr(Msg::content_unknown_page, lang), {e.detail, e.subject}); break;
        case ContentProblem::bad_answer_key:
            reason = format(tr(e.detail == "single" ? Msg::content_single_answer : Msg::content_multiple_answer, lang), {e.subject});
            break;
        case ContentProblem::too_few: reason = format(tr(Msg::content_too_few, lang), {e.subject, e.detail}); break;
        case ContentProblem::too_many: reason = format(tr(Msg::content_too_many, lang), {e.subject, e.detail}); break;
        case ContentProblem::unknown_start: reason = format(tr(Msg::content_unknown_start, lang), {e.subject}); break;
        case ContentProblem::unknown_next: reason = format(tr(Msg::content_unknown_next, lang), {e.subject, e.detail}); break;
        case ContentProblem::unreachable_node:
            reason = format(tr(e.detail == "ending" ? Msg::content_unreachable_ending : Msg::content_unreachable_node, lang), {e.subject});
            break;
        case ContentProblem::endless_node: reason = format(tr(Msg::content_endless_node, lang), {e.subject}); break;
        case ContentProblem::no_full_score: reason = format(tr(Msg::content_no_full_score, lang), {e.subject}); break;
        case ContentProblem::bad_pass_mark: reason = format(tr(Msg::content_bad_pass_mark, lang), {e.subject, e.detail}); break;
        case ContentProblem::bad_score: reason = format(tr(Msg::content_bad_score, lang), {e.subject, e.detail}); break;
        case ContentProblem::plain_text: reason = format(tr(Msg::content_plain_text, lang), {e.subject}); break;
        case ContentProblem::wrong_steps: reason = format(tr(Msg::assessment_wrong_steps, lang), {e.subject}); break;
        case ContentProblem::too_few_in_step: reason = format(tr(Msg::assessment_too_few_in_step, lang), {e.subject, e.detail}); break;
        case ContentProblem::too_few_on_side: reason = format(tr(Msg::assessment_too_few_on_side, lang), {e.subject, e.detail}); break;
        case ContentProblem::too_few_buying_team: reason = format(tr(Msg::assessment_too_few_buying_team, lang), {e.detail}); break;
        case ContentProblem::reversed_count: reason = format(tr(Msg::assessment_reversed_count, lang), {e.subject, e.detail}); break;
    }
    return format(tr(Msg::content_location, lang), {e.where.file, std::to_string(e.where.line), reason});
}

}  // namespace coach
