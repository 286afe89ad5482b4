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
                "This course comes from the webinar “How a sales team upgrades itself”. The six steps to win a key account — research the customer, build relationships, market, close, collect, sell again — all turn on collection: key-account selling not aimed at collection is meaningless. Here you can review each lesson, check your understanding with quizzes, assess yourself before training, and build a collection plan for your own accounts."},
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
    MessageText{Msg::read_too_large, "数据太大（{} KB，上限是 {} KB）。", "The data is too large ({} KB; the limit is {} KB)."},
    MessageText{Msg::read_too_deep, "数据嵌套超过 {} 层（第 {} 行第 {} 列）。", "The data nests more than {} levels deep (line {}, column {})."},
    MessageText{Msg::read_too_many, "有一个列表超过 {} 条（第 {} 行第 {} 列）。", "A list has more than {} entries (line {}, column {})."},
    MessageText{Msg::read_not_unicode, "第 {} 行第 {} 列的文字里有无效的字符（不是有效的 Unicode 文字，可能是半个表情符号，或用别的编码保存的文字）。",
                "The text at line {}, column {} holds characters that are not valid Unicode (perhaps half of an emoji, or text saved in another encoding)."},
    MessageText{Msg::read_not_json, "这不是有效的 JSON（第 {} 行第 {} 列：{}）。", "This is not valid JSON (line {}, column {}: {})."},
    MessageText{Msg::json_empty, "内容是空的。", "It is empty."},
    MessageText{Msg::json_truncated, "内容在中途断了，可能没有保存完整", "it stops in the middle, probably cut off"},
    MessageText{Msg::json_bad_string, "文字的引号或转义符有误", "a text value is broken (quotes or escapes)"},
    MessageText{Msg::json_missing_separator, "缺少逗号、冒号或括号", "a comma, colon or bracket is missing"},
    MessageText{Msg::json_trailing_text, "数据结束后还有多余的内容", "there is extra text after the end"},
    MessageText{Msg::json_bad_value, "有无法识别的值", "a value cannot be read"},
    MessageText{Msg::read_not_coach, "这不是回款教练的数据。", "This is not Collection Coach data."},
    MessageText{Msg::read_other_course, "这是另一门课程（{}）的数据。", "This data belongs to another course ({})."},
    MessageText{Msg::read_future_version, "这份数据来自更新版本的回款教练（数据版本 {}，本应用最多读到版本 {}），请用最新版本打开。",
                "This data comes from a newer Collection Coach (data version {}; this app reads up to version {}). Open it with the latest version."},
    MessageText{Msg::read_wrong_shape, "数据的结构不对。", "The data does not have the expected structure."},
    MessageText{Msg::read_wrong_shape_field, "数据的结构不对：字段“{}”缺失或类型不对。", "The data does not have the expected structure: the field “{}” is missing or of the wrong type."},
    MessageText{Msg::notice_recovered, "保存的数据无法读取。{}已恢复到上一次完好的备份；无法读取的原始数据已保留，可以下载。",
                "Your saved data could not be read. {} The last good backup was restored; the unreadable data is kept and can be downloaded."},
    MessageText{Msg::notice_started_empty, "保存的数据无法读取。{}没有可用的备份，只能从空白开始；无法读取的原始数据已保留，可以下载。",
                "Your saved data could not be read. {} There is no good backup, so you start afresh; the unreadable data is kept and can be downloaded."},
    MessageText{Msg::notice_hold, "为了保护无法读取的原始数据，在你下载它之前，新的修改暂不保存。",
                "To protect the unreadable data, new changes are not saved until you download it."},
    MessageText{Msg::notice_quota, "浏览器的存储空间已满，最近的修改还没有保存（它们仍在本页中）。请导出一份备份；稍后会自动重试保存。",
                "Browser storage is full, so your latest changes are not saved yet (they are safe in this page). Export a backup; saving is retried automatically."},
    MessageText{Msg::notice_storage_unavailable, "这个浏览器不允许本网站保存数据（可能是隐私模式）。修改只保留到关闭页面为止，请导出备份。",
                "This browser does not let the site save data (private browsing?). Changes last until you close the page; export a backup."},
    MessageText{Msg::notice_import_failed, "无法导入：{}当前的数据没有任何改变。", "Could not import: {} Nothing was changed."},
    MessageText{Msg::notice_imported, "导入成功。原来的数据已保存为备份。", "Imported. Your previous data is kept as the backup."},
    MessageText{Msg::action_download_unreadable, "下载无法读取的数据", "Download the unreadable data"},
    MessageText{Msg::action_export, "导出数据", "Export data"},
    MessageText{Msg::action_import, "导入数据", "Import data"},
    MessageText{Msg::action_dismiss, "知道了", "Dismiss"},
    MessageText{Msg::settings, "设置与数据", "Settings and data"},
    MessageText{Msg::settings_about, "语言、存储、导出与导入", "Language, storage, export and import"},
    MessageText{Msg::settings_language, "语言", "Language"},
    MessageText{Msg::settings_storage, "存储", "Storage"},
    MessageText{Msg::storage_where, "你的学习记录只保存在这台设备的浏览器里。换设备或清理浏览器前，请先导出。",
                "Your progress is stored only in this browser on this device. Export it before you switch devices or clear the browser."},
    MessageText{Msg::storage_persisted, "已获准持久保存：浏览器清理空间时不会删除你的数据。", "Persistent storage granted: the browser will not clear your data to free space."},
    MessageText{Msg::storage_not_persisted, "未获准持久保存：空间紧张时浏览器可能清除本网站的数据，请定期导出备份。",
                "Persistent storage not granted: the browser may clear this site’s data when space runs low, so export a backup now and then."},
    MessageText{Msg::storage_persist_unknown, "正在查询存储状态……", "Checking storage…"},
    MessageText{Msg::storage_used, "已使用 {}，可用空间约 {}。", "{} used of about {} available."},
    MessageText{Msg::content_location, "{} 第 {} 行：{}", "{}:{}: {}"},
    MessageText{Msg::content_not_json, "{}", "{}"},
    MessageText{Msg::content_not_course, "这不是回款教练的课程文件（缺少 \"format\": \"collection-coach-course\"）。", "This is not a Collection Coach course file (no \"format\": \"collection-coach-course\")."},
    MessageText{Msg::content_missing_field, "缺少字段“{}”。", "The field “{}” is missing."},
    MessageText{Msg::content_wrong_type, "“{}”应当是{}。", "“{}” should be {}."},
    MessageText{Msg::content_missing_translation, "“{}”缺少{}。", "“{}” has no {}."},
    MessageText{Msg::lang_name_zh, "中文", "Chinese text"},
    MessageText{Msg::lang_name_en, "英文", "English text"},
    MessageText{Msg::content_empty, "“{}”是空的。", "“{}” is empty."},
    MessageText{Msg::content_bad_id, "id“{}”只能使用小写英文字母、数字和连字符。", "The id “{}” may only use lowercase letters, digits and hyphens."},
    MessageText{Msg::content_duplicate_id, "id“{}”重复了。", "The id “{}” is used more than once."},
    MessageText{Msg::content_unknown_lesson, "没有 id 为“{}”的课。", "There is no lesson with the id “{}”."},
    MessageText{Msg::content_dangling_link, "链接指向的术语“{}”不在术语表里。", "A link points to the term “{}”, which is not in the glossary."},
    MessageText{Msg::content_bad_link, "链接格式不对：{}（应写成 [[显示的文字|术语id]]）。", "A link is malformed: {} (write [[shown text|term-id]])."},
    MessageText{Msg::content_link_mismatch, "中文和英文链接的术语不一致：{}。", "The Chinese and English texts link different terms: {}."},
    MessageText{Msg::content_unknown_value, "“{}”的值“{}”无法识别。", "“{}” has an unknown value “{}”."},
    MessageText{Msg::content_missing_glyph, "字符“{}”（U+{}）不在字体里，会显示成方框。", "The character “{}” (U+{}) is not in the font and would show as a box."},
    MessageText{Msg::content_file_name, "课程文件名应为“编号-{}.json”。", "The lesson file should be named “<number>-{}.json”."},
    MessageText{Msg::content_fetch_failed, "无法下载课程文件：{}", "The course file could not be loaded: {}"},
    MessageText{Msg::type_object, "对象 {…}", "an object {…}"},
    MessageText{Msg::type_list, "列表 […]", "a list […]"},
    MessageText{Msg::type_text, "文字", "text"},
    MessageText{Msg::type_number, "数字", "a number"},
    MessageText{Msg::type_boolean, "true 或 false", "true or false"},
    MessageText{Msg::content_not_quizzes, "这不是回款教练的测验文件（缺少 \"format\": \"collection-coach-quizzes\"）。", "This is not a Collection Coach quiz file (no \"format\": \"collection-coach-quizzes\")."},
    MessageText{Msg::content_quiz_file_name, "测验文件名应为“编号-{}.json”。", "The quiz file should be named “<number>-{}.json”."},
    MessageText{Msg::content_unknown_item_type, "题型“{}”无法识别，可用的题型有 single、multiple、true_false、ordering、matching 和 scenario。",
                "The item type “{}” is unknown; use single, multiple, true_false, ordering, matching or scenario."},
    MessageText{Msg::content_unknown_page, "课“{}”里没有 id 为“{}”的页。", "The lesson “{}” has no page with the id “{}”."},
    MessageText{Msg::content_single_answer, "单选题“{}”必须恰好有一个正确选项。", "The single-choice item “{}” must have exactly one correct option."},
    MessageText{Msg::content_multiple_answer, "多选题“{}”至少要有一个正确选项和一个错误选项，否则全选或全不选就能得分。",
                "The multiple-choice item “{}” needs at least one correct and one wrong option, or ticking all or none would score."},
    MessageText{Msg::content_too_few, "“{}”太少，至少要有 {} 项。", "“{}” has too few entries: it needs at least {}."},
    MessageText{Msg::content_too_many, "“{}”太多，最多只能有 {} 项。", "“{}” has too many entries: it takes at most {}."},
    MessageText{Msg::content_unknown_start, "情景对话从“{}”开始，但它不是这个对话里的节点。", "The scenario starts at “{}”, which is not one of its nodes."},
    MessageText{Msg::content_unknown_next, "回答“{}”指向“{}”，但这个情景对话里没有这个节点或结局。", "The reply “{}” leads to “{}”, which is no node or ending of this scenario."},
    MessageText{Msg::content_unreachable_node, "情景对话的节点“{}”从开头无法到达。", "The scenario node “{}” cannot be reached from the start."},
    MessageText{Msg::content_unreachable_ending, "情景对话的结局“{}”从开头无法到达。", "The scenario ending “{}” cannot be reached from the start."},
    MessageText{Msg::content_endless_node, "从情景对话的节点“{}”出发，怎么回答都走不到结局，对话永远结束不了。",
                "From the scenario node “{}” no replies lead to an ending: the conversation never ends."},
    MessageText{Msg::content_no_full_score, "情景对话“{}”没有得分为 1 的结局，学员没有一条完全正确的路可走。",
                "The scenario “{}” has no ending with the score 1, so no way through it is fully right."},
    MessageText{Msg::content_bad_pass_mark, "及格线“{}”应大于 0 且不超过 1，现在是 {}。", "The pass mark “{}” must be more than 0 and at most 1; it is {}."},
    MessageText{Msg::content_bad_score, "得分“{}”应在 0 到 1 之间，现在是 {}。", "The score “{}” must be from 0 to 1; it is {}."},
    MessageText{Msg::content_plain_text, "测验文字不能带术语链接：{}（直接写文字，不要用 [[ ]]）。", "Quiz text takes no glossary links: {} (write the words without [[ ]])."},
    MessageText{Msg::course_progress, "已学 {} / {} 页", "{} of {} pages read"},
    MessageText{Msg::lesson_progress, "{} / {} 页", "{} / {} pages"},
    MessageText{Msg::lesson_done, "已学完", "Finished"},
    MessageText{Msg::lesson_not_started, "未开始", "Not started"},
    MessageText{Msg::continue_lesson, "继续学习：{}", "Continue: {}"},
    MessageText{Msg::page_indicator, "第 {} / {} 页", "Page {} of {}"},
    MessageText{Msg::page_prev, "上一页", "Previous"},
    MessageText{Msg::page_next, "下一页", "Next"},
    MessageText{Msg::lesson_finish, "学完本课", "Finish the lesson"},
    MessageText{Msg::block_key_idea, "要点", "Key idea"},
    MessageText{Msg::block_example, "例子", "Example"},
    MessageText{Msg::voice_speaker, "分享会内容", "From the talk"},
    MessageText{Msg::voice_course, "课程补充", "Course note"},
    MessageText{Msg::quotes, "课程金句", "Course quotes"},
    MessageText{Msg::quotes_about, "六句要记住的话，左右滑动翻看", "Six lines to remember; swipe through them"},
    MessageText{Msg::quote_from, "出自：{}", "Taught in: {}"},
    MessageText{Msg::glossary, "术语表", "Glossary"},
    MessageText{Msg::glossary_about, "回款、应收账款、账龄……课文里的术语点一下就能看解释", "Collection, receivables, ageing… tap a term in any lesson for its meaning"},
    MessageText{Msg::close, "关闭", "Close"},
    MessageText{Msg::content_rejected, "讲师提供的课程文件（{}）无法使用，现在显示的是内置课程。原因：", "The course file from your instructor ({}) cannot be used, so the built-in course is shown. The reasons:"},
    MessageText{Msg::content_more, "另外还有 {} 个问题。", "And {} more problems."},
    MessageText{Msg::your_progress, "我的学习进度", "Your progress"},
    MessageText{Msg::link_unknown_screen, "链接里的页面“{}”不存在，已为你打开首页。", "The link asked for a screen “{}” that does not exist, so the home screen is shown."},
    MessageText{Msg::link_unknown_lesson, "链接里的课程“{}”不存在，已为你打开课程列表。", "The link asked for a lesson “{}” that does not exist, so the list of lessons is shown."},
    MessageText{Msg::link_page_out_of_range, "这一课没有第 {} 页，已为你打开最后一页（第 {} 页）。", "This lesson has no page {}, so its last page (page {}) is shown."},
    MessageText{Msg::link_unknown_term, "链接里的术语“{}”不在词汇表中。", "The link named a term “{}” that is not in the glossary."},
    MessageText{Msg::link_quote_out_of_range, "没有第 {} 张金句卡，已为你打开第 {} 张。", "There is no quote card {}, so card {} is shown."},
    MessageText{Msg::link_details, "详细信息：{}", "Details: {}"},
    MessageText{Msg::plain_version, "纯文本版", "Plain text version"},
    MessageText{Msg::plain_about, "这是回款教练的纯文本版：不需要 WebAssembly 或 JavaScript，可以直接阅读、打印或保存。",
                "This is the plain text version of Collection Coach: it needs no WebAssembly or JavaScript, and you can read, print or save it as it is."},
    MessageText{Msg::plain_contents, "课程目录", "All lessons"},
    MessageText{Msg::plain_lesson_number, "第 {} 课", "Lesson {}"},
    MessageText{Msg::plain_previous_lesson, "上一课", "Previous lesson"},
    MessageText{Msg::plain_next_lesson, "下一课", "Next lesson"},
    MessageText{Msg::plain_lesson_pages, "本课内容", "In this lesson"},
    MessageText{Msg::plain_lesson_pager, "上一课与下一课", "Previous and next lesson"},
    MessageText{Msg::plain_practise_in_app, "在回款教练中学习本课", "Study this lesson in Collection Coach"},
    MessageText{Msg::plain_open_app, "打开回款教练", "Open Collection Coach"},
    MessageText{Msg::settings_reading, "阅读", "Reading"},
    MessageText{Msg::text_size, "文字大小", "Text size"},
    MessageText{Msg::text_size_value, "{}%", "{}%"},
    MessageText{Msg::text_smaller, "缩小文字", "Smaller text"},
    MessageText{Msg::text_larger, "放大文字", "Larger text"},
    MessageText{Msg::theme_label, "配色", "Colours"},
    MessageText{Msg::theme_auto, "跟随系统", "As the system"},
    MessageText{Msg::theme_light, "浅色", "Light"},
    MessageText{Msg::theme_dark, "深色", "Dark"},
    MessageText{Msg::theme_high_contrast, "高对比度", "High contrast"},
    MessageText{Msg::skip_to_content, "跳到正文", "Skip to content"},
    MessageText{Msg::lesson_done_all, "你已学完全部课程，可以从头复习。", "You have read every lesson; start again to review."},
    MessageText{Msg::quote_done, "看完了", "Done"},
    MessageText{Msg::content_unreachable, "讲师提供的课程文件无法下载（{}），现在显示的是内置课程。", "The instructor’s course file could not be downloaded ({}), so the built-in course is shown."},
    MessageText{Msg::link_unknown_quiz, "链接里的测验“{}”不存在，已为你打开测验列表。", "The link asked for a quiz “{}” that does not exist, so the list of quizzes is shown."},
    MessageText{Msg::link_item_out_of_range, "这个测验没有第 {} 题，已为你打开最后一题（第 {} 题）。", "This quiz has no item {}, so its last item (item {}) is shown."},
    MessageText{Msg::link_unknown_deck, "链接里的复习卡组“{}”不存在，已为你打开错题复习。", "The link asked for a review deck “{}” that does not exist, so the review of missed items is shown."},
    MessageText{Msg::quizzes_loading, "测验正在加载……", "Loading the quizzes…"},
    MessageText{Msg::quizzes_unavailable, "测验无法加载：{}", "The quizzes could not be loaded: {}"},
    MessageText{Msg::quizzes_none, "这门课程没有测验。", "This course has no quizzes."},
    MessageText{Msg::quiz_item_count, "共 {} 题", "{} items"},
    MessageText{Msg::quiz_best, "最好成绩 {}%", "Best score {}%"},
    MessageText{Msg::quiz_passed, "已通过", "Passed"},
    MessageText{Msg::quiz_not_passed, "还没通过", "Not passed yet"},
    MessageText{Msg::quiz_not_taken, "还没做过", "Not taken yet"},
    MessageText{Msg::quiz_continue_at, "继续：第 {} 题", "Continue at item {}"},
    MessageText{Msg::review, "错题复习", "Review"},
    MessageText{Msg::review_due_one, "今天有 1 题要复习", "1 item due today"},
    MessageText{Msg::review_due_many, "今天有 {} 题要复习", "{} items due today"},
    MessageText{Msg::review_next_due, "今天没有要复习的题，下一题{}到期。", "Nothing is due today; the next item is due {}."},
    MessageText{Msg::review_empty, "还没有要复习的题：测验里答错的题会在第二天出现在这里。", "Nothing to review yet: items you miss in a quiz come back here the next day."},
    MessageText{Msg::when_tomorrow, "明天", "tomorrow"},
    MessageText{Msg::when_in_days, "{} 天后", "in {} days"},
    MessageText{Msg::quote_deck, "金句卡片", "Quote cards"},
    MessageText{Msg::quote_deck_about, "今天到期 {} 张，新卡 {} 张", "{} due today, {} new"},
    MessageText{Msg::quote_deck_next_due, "下一张卡片{}到期。", "The next card is due {}."},
    MessageText{Msg::results_export, "导出成绩", "Export results"},
    MessageText{Msg::results_export_about, "把测验成绩交给讲师：先填上名字，再选择文件格式。", "To give your quiz results to your instructor, enter your name, then choose a file format."},
    MessageText{Msg::name_label, "你的名字（会出现在导出的成绩里）", "Your name (shown in exported results)"},
    MessageText{Msg::name_hint, "例如：王小明", "e.g. Alex Wang"},
    MessageText{Msg::export_csv, "导出 CSV（表格）", "Export CSV (spreadsheet)"},
    MessageText{Msg::export_json, "导出 JSON", "Export JSON"},
    MessageText{Msg::item_indicator, "第 {} / {} 题", "Item {} of {}"},
    MessageText{Msg::hint_single, "选一项。", "Choose one."},
    MessageText{Msg::hint_true_false, "判断这句话对不对。", "Is this true or false?"},
    MessageText{Msg::hint_multiple, "选出所有正确的选项。", "Choose every right answer."},
    MessageText{Msg::hint_ordering, "把各步排成正确的顺序：拖动左边的把手，或用“上移”“下移”。", "Put the steps in order: drag a row by its handle, or use Move up and Move down."},
    MessageText{Msg::hint_matching, "先点左边一项，再点右边与它对应的一项；点已配对的一项可取消配对。", "Tap an item on the left, then the one on the right that goes with it; tap a paired item to undo the pair."},
    MessageText{Msg::hint_scenario, "选择你的回答。", "Choose your reply."},
    MessageText{Msg::check, "检查答案", "Check"},
    MessageText{Msg::retry, "再试一次", "Try again"},
    MessageText{Msg::show_solution, "显示答案", "Show the answer"},
    MessageText{Msg::next_item, "下一题", "Next"},
    MessageText{Msg::previous_item, "上一题", "Previous"},
    MessageText{Msg::finish_quiz, "完成测验", "Finish"},
    MessageText{Msg::verdict_correct, "正确", "Correct"},
    MessageText{Msg::verdict_partly, "部分正确", "Partly correct"},
    MessageText{Msg::verdict_incorrect, "不正确", "Incorrect"},
    MessageText{Msg::verdict_score, "{}，得分 {}%", "{}: score {}%"},
    MessageText{Msg::verdict_solution, "已显示答案，这题计 {}%。", "The answer is shown; this item counts {}%."},
    MessageText{Msg::explanation, "解析", "Why"},
    MessageText{Msg::reread, "重读：{}", "Reread: {}"},
    MessageText{Msg::option_right, "正确答案", "Right answer"},
    MessageText{Msg::option_chosen_right, "你的选择，正确", "Your choice, right"},
    MessageText{Msg::option_chosen_wrong, "你的选择，错误", "Your choice, wrong"},
    MessageText{Msg::option_missed, "正确答案，你没有选", "A right answer you did not choose"},
    MessageText{Msg::move_up, "上移", "Move up"},
    MessageText{Msg::move_down, "下移", "Move down"},
    MessageText{Msg::move_up_named, "上移：{}", "Move up: {}"},
    MessageText{Msg::move_down_named, "下移：{}", "Move down: {}"},
    MessageText{Msg::drag_handle, "拖动：{}", "Drag: {}"},
    MessageText{Msg::step_right_place, "位置正确", "In the right place"},
    MessageText{Msg::step_wrong_place, "位置不对，应排第 {}", "In the wrong place; it belongs at {}"},
    MessageText{Msg::match_pair, "配对 {}", "Pair {}"},
    MessageText{Msg::match_paired_with, "已与“{}”配对", "Paired with “{}”"},
    MessageText{Msg::match_selected, "已选中，再选另一边对应的一项", "Selected: now choose the one that goes with it"},
    MessageText{Msg::match_right, "配对正确", "Right pair"},
    MessageText{Msg::match_wrong, "配对错误，应与“{}”配对", "Wrong pair; it goes with “{}”"},
    MessageText{Msg::match_left_column, "左列", "Left column"},
    MessageText{Msg::match_right_column, "右列", "Right column"},
    MessageText{Msg::scenario_you, "你", "You"},
    MessageText{Msg::scenario_outcome, "结局", "Outcome"},
    MessageText{Msg::quiz_unanswered, "还有 {} 题没有作答，完成后未答的题计 0 分。", "{} items are not answered yet; unanswered items count 0."},
    MessageText{Msg::result_score, "得分 {}%", "Score {}%"},
    MessageText{Msg::result_passed, "通过了！及格线是 {}%。", "Passed: the pass mark is {}%."},
    MessageText{Msg::result_not_passed, "还没通过，及格线是 {}%。", "Not passed yet: the pass mark is {}%."},
    MessageText{Msg::result_reread, "建议重读", "Pages to reread"},
    MessageText{Msg::result_all_right, "全部答对，没有需要重读的页面。", "Everything right: no pages to reread."},
    MessageText{Msg::result_review_note, "没答对的题明天会出现在错题复习里。", "Items you missed come back in the review tomorrow."},
    MessageText{Msg::retake, "重新测验", "Take the quiz again"},
    MessageText{Msg::back_to_quizzes, "返回测验列表", "Back to the quizzes"},
    MessageText{Msg::review_left, "今天还剩 {} 题", "{} left today"},
    MessageText{Msg::review_done, "今天的复习完成了。", "Today’s review is done."},
    MessageText{Msg::review_from, "来自测验：{}", "From the quiz: {}"},
    MessageText{Msg::quote_show_rest, "显示后半句", "Show the rest"},
    MessageText{Msg::quote_knew, "我记得", "I knew it"},
    MessageText{Msg::quote_not_yet, "还没记住", "Not yet"},
    MessageText{Msg::quote_cards_left, "今天还剩 {} 张", "{} cards left today"},
    MessageText{Msg::quote_new, "新卡", "New card"},
    MessageText{Msg::quote_cue_hint, "先想一想后半句，再点“显示后半句”。", "Think of how it goes on, then show the rest."},
    MessageText{Msg::pair_feedback, "{} — {}：{}", "{} — {}: {}"},
    MessageText{Msg::speaker_says, "{}：{}", "{}: {}"},
    MessageText{Msg::result_item, "第 {} 题：{}（{}%）", "Item {}: {} ({}%)"},
    MessageText{Msg::result_items, "各题得分", "Each item"},
    MessageText{Msg::review_next, "下一题{}到期。", "The next item is due {}."},
    MessageText{Msg::quote_deck_done, "今天的金句卡片看完了。", "Today’s quote cards are done."},
    MessageText{Msg::quizzes_all, "全部测验", "All quizzes"},
    MessageText{Msg::verdict_first_counts, "只有第一次检查计分：这题计 {}%。", "Only the first check counts: this item counts {}%."},
    // Column headers and values of exported results (results_export.h), for an instructor's spreadsheet.
    MessageText{Msg::csv_learner, "学员", "Learner"},
    MessageText{Msg::csv_quiz, "测验", "Quiz"},
    MessageText{Msg::csv_quiz_title, "测验名称", "Quiz title"},
    MessageText{Msg::csv_finished, "完成时间（UTC）", "Finished (UTC)"},
    MessageText{Msg::csv_quiz_score, "测验得分 %", "Quiz score %"},
    MessageText{Msg::csv_passed, "是否通过", "Passed"},
    MessageText{Msg::csv_item, "题目", "Item"},
    MessageText{Msg::csv_prompt, "题干", "Prompt"},
    MessageText{Msg::csv_answer, "作答", "Answer"},
    MessageText{Msg::csv_item_score, "本题得分 %", "Item score %"},
    MessageText{Msg::csv_checks, "检查次数", "Checks"},
    MessageText{Msg::csv_solution_shown, "看过答案", "Solution shown"},
    MessageText{Msg::csv_yes, "是", "yes"},
    MessageText{Msg::csv_no, "否", "no"},
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

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    auto arg = args.begin();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && arg != args.end()) {
            out += *arg++;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::span<const MessageText> all_messages() { return kMessages; }

}  // namespace coach
