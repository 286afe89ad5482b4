#include "quiz_items.h"

#include <algorithm>
#include <cmath>

#include "core/quiz_order.h"
#include "imgui.h"

namespace coach::ui {
namespace {

bool picked(const QuizResponse& r, std::uint32_t i) { return std::find(r.picks.begin(), r.picks.end(), i) != r.picks.end(); }

const MatchPick* match_of_left(const QuizResponse& r, std::uint32_t left) {
    for (const MatchPick& m : r.matches)
        if (m.left == left) return &m;
    return nullptr;
}

const MatchPick* match_of_right(const QuizResponse& r, std::uint32_t right) {
    for (const MatchPick& m : r.matches)
        if (m.right == right) return &m;
    return nullptr;
}

// The item view belongs to one showing; another item (or a retake) starts it afresh.
ItemView& view_for(AppState& state, const ItemShowing& s) {
    const std::string key = s.seed + "#" + std::to_string(s.round);
    if (state.item_view.showing != key) state.item_view = ItemView{.showing = key};
    return state.item_view;
}

Msg hint_for(QuizItemKind kind) {
    switch (kind) {
        case QuizItemKind::single_choice: return Msg::hint_single;
        case QuizItemKind::true_false: return Msg::hint_true_false;
        case QuizItemKind::multiple_choice: return Msg::hint_multiple;
        case QuizItemKind::ordering: return Msg::hint_ordering;
        case QuizItemKind::matching: return Msg::hint_matching;
        case QuizItemKind::scenario: return Msg::hint_scenario;
    }
    return Msg::hint_single;
}

std::string_view voice_label(const Ui& ui, Voice voice) { return ui.t(voice == Voice::speaker ? Msg::voice_speaker : Msg::voice_course); }

std::optional<AnswerItem> choices(Ui& ui, const ItemShowing& s, const QuizResponse& shown) {
    const QuizItem& item = *s.item;
    const ItemPhase phase = s.progress->phase;
    const bool multiple = item.kind == QuizItemKind::multiple_choice;
    // True/false keeps its fixed order (true first): shuffling two words only confuses.
    std::vector<std::uint32_t> order;
    if (item.kind != QuizItemKind::true_false) order = shuffled_order(item.options.size(), s.seed, s.round);
    std::optional<AnswerItem> answer;
    begin_group(ui, "options", multiple ? Role::group : Role::radiogroup, item.prompt.in(ui.lang));
    for (std::size_t k = 0; k < item.options.size(); ++k) {
        const auto i = static_cast<std::uint32_t>(order.empty() ? k : order[k]);
        const ChoiceOption& option = item.options[i];
        const bool chosen = picked(shown, i);
        RowStyle style{.role = multiple ? Role::checkbox : Role::radio, .on = chosen, .disabled = phase != ItemPhase::answering};
        if (phase == ItemPhase::solution_shown) {
            if (option.correct) {
                style.verdict = Verdict::right;
                style.note = ui.t(Msg::option_right);
            }
        } else if (phase == ItemPhase::checked) {
            if (chosen) {
                style.verdict = option.correct ? Verdict::right : Verdict::wrong;
                style.note = ui.t(option.correct ? Msg::option_chosen_right : Msg::option_chosen_wrong);
            } else if (option.correct) {
                style.verdict = Verdict::right;
                style.note = ui.t(item.kind == QuizItemKind::multiple_choice ? Msg::option_missed : Msg::option_right);
            }
        }
        const std::string id = "option-" + option.id;
        if (choice_row(ui, id, option.text.in(ui.lang), style)) {
            QuizResponse next = shown;
            if (!multiple) next.picks = {i};
            else if (chosen) std::erase(next.picks, i);
            else next.picks.push_back(i);
            answer = AnswerItem{std::move(next)};
        }
        const std::string& feedback = option.feedback.in(ui.lang);
        if (style.verdict != Verdict::none && !feedback.empty()) {
            ImGui::Indent(ui.metrics.margin);
            text_block(ui, id + ".feedback", feedback, ui.metrics.small, ui.theme->ink.abgr(), Role::text);
            ImGui::Unindent(ui.metrics.margin);
        }
        gap(ui, 0.5f);
    }
    end_group(ui);
    return answer;
}

std::optional<AnswerItem> ordering(Ui& ui, ItemView& view, const ItemShowing& s, const QuizResponse& shown) {
    const QuizItem& item = *s.item;
    const bool checked = s.progress->phase != ItemPhase::answering;
    std::vector<std::string> ids, notes;
    std::vector<SortRow> rows;
    ids.reserve(item.steps.size());
    notes.reserve(item.steps.size());
    for (const OrderStep& step : item.steps) {
        ids.push_back("step-" + step.id);
        rows.push_back({.id = ids.back(), .label = step.text.in(ui.lang)});
    }
    if (checked) {
        for (std::size_t k = 0; k < shown.picks.size() && k < rows.size(); ++k) {
            const std::uint32_t i = shown.picks[k];
            if (i >= rows.size()) continue;
            const bool right = i == k;
            notes.push_back(right ? std::string(ui.t(Msg::step_right_place)) : format(ui.t(Msg::step_wrong_place), {std::to_string(i + 1)}));
            rows[i].verdict = right ? Verdict::right : Verdict::wrong;
            rows[i].note = notes.back();
            rows[i].detail = item.steps[i].feedback.in(ui.lang);
        }
    }
    if (auto moved = sortable_list(ui, "steps", item.prompt.in(ui.lang), rows, shown.picks, view.drag, checked))
        return AnswerItem{QuizResponse{.picks = std::move(*moved)}};
    return std::nullopt;
}

std::optional<AnswerItem> matching(Ui& ui, ItemView& view, const ItemShowing& s, const QuizResponse& shown) {
    const QuizItem& item = *s.item;
    const Metrics& m = ui.metrics;
    const auto n = static_cast<std::uint32_t>(item.pairs.size());
    const bool answering = s.progress->phase == ItemPhase::answering;
    const bool solution = s.progress->phase == ItemPhase::solution_shown;
    if (!answering) view.match_left = view.match_right = -1;
    const auto right_order = shuffled_order(n, s.seed + "/right", s.round);
    // Pairs are numbered in the order of their left items, the same number on both halves.
    std::vector<std::string> badge_of_left(n);
    int count = 0;
    for (std::uint32_t i = 0; i < n; ++i)
        if (match_of_left(shown, i)) badge_of_left[i] = std::to_string(++count);

    std::optional<AnswerItem> answer;
    const auto pair_up = [&](std::uint32_t left, std::uint32_t right) {
        QuizResponse next = shown;
        std::erase_if(next.matches, [&](const MatchPick& p) { return p.left == left || p.right == right; });
        next.matches.push_back({left, right});
        answer = AnswerItem{std::move(next)};
        view.match_left = view.match_right = -1;
    };
    const auto unpair = [&](const MatchPick& pick) {
        QuizResponse next = shown;
        const MatchPick gone = pick;
        std::erase(next.matches, gone);
        answer = AnswerItem{std::move(next)};
        view.match_left = view.match_right = -1;
    };

    const float avail = ImGui::GetContentRegionAvail().x;
    const float col_gap = m.gap;
    // Two columns side by side while each keeps room for a few words; else one above the other.
    const bool side_by_side = (avail - col_gap) / 2 >= m.body * 9;
    const float col_w = side_by_side ? (avail - col_gap) / 2 : avail;
    std::vector<std::string> notes;
    notes.reserve(2 * n);

    const auto column = [&](bool left_side) {
        begin_group(ui, left_side ? "match-left" : "match-right", Role::group, ui.t(left_side ? Msg::match_left_column : Msg::match_right_column));
        for (std::uint32_t k = 0; k < n; ++k) {
            const std::uint32_t i = left_side ? k : right_order[k];
            const MatchPair& pair = item.pairs[i];
            const MatchPick* pick = left_side ? match_of_left(shown, i) : match_of_right(shown, i);
            RowStyle style{.width = col_w};
            style.disabled = !answering;
            style.on = answering && (left_side ? view.match_left == int(i) : view.match_right == int(i));
            if (pick) style.badge = badge_of_left[pick->left];
            if (pick && !answering) {
                const bool right = pick->left == pick->right;
                style.verdict = right ? Verdict::right : Verdict::wrong;
                notes.push_back(right ? std::string(ui.t(Msg::match_right))
                                      : format(ui.t(Msg::match_wrong), {left_side ? pair.right.in(ui.lang) : pair.left.in(ui.lang)}));
                style.note = notes.back();
                if (solution) style.note = {};
            } else if (pick) {
                const MatchPair& other = item.pairs[left_side ? pick->right : pick->left];
                notes.push_back(format(ui.t(Msg::match_paired_with), {left_side ? other.right.in(ui.lang) : other.left.in(ui.lang)}));
                style.note = notes.back();
            } else if (style.on) {
                style.note = ui.t(Msg::match_selected);
            }
            const std::string id = std::string(left_side ? "match-left-" : "match-right-") + pair.id;
            if (choice_row(ui, id, left_side ? pair.left.in(ui.lang) : pair.right.in(ui.lang), style)) {
                // Tap one of each side to pair them; tap a paired item to undo its pair.
                int& mine = left_side ? view.match_left : view.match_right;
                const int other = left_side ? view.match_right : view.match_left;
                if (pick) unpair(*pick);
                else if (other >= 0) pair_up(left_side ? i : std::uint32_t(other), left_side ? std::uint32_t(other) : i);
                else mine = mine == int(i) ? -1 : int(i);
            }
            gap(ui, 0.5f);
        }
        end_group(ui);
    };
    if (side_by_side) {
        ImGui::BeginGroup();
        column(true);
        ImGui::EndGroup();
        ImGui::SameLine(0, col_gap);
        ImGui::BeginGroup();
        column(false);
        ImGui::EndGroup();
    } else {
        column(true);
        gap(ui, 0.5f);
        column(false);
    }
    if (!answering) {  // why each pair belongs together
        for (const MatchPair& pair : item.pairs) {
            const std::string& feedback = pair.feedback.in(ui.lang);
            if (feedback.empty()) continue;
            text_block(ui, "pair-" + pair.id + ".feedback", format(ui.t(Msg::pair_feedback), {pair.left.in(ui.lang), pair.right.in(ui.lang), feedback}),
                       m.small, ui.theme->ink.abgr(), Role::text);
            gap(ui, 0.25f);
        }
    }
    return answer;
}

std::optional<AnswerItem> scenario(Ui& ui, const ItemShowing& s, const QuizResponse& shown) {
    const Scenario& sc = s.item->scenario;
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    std::optional<AnswerItem> answer;
    const auto said = [&](std::string_view who, std::string_view what) {
        return who.empty() ? std::string(what) : format(ui.t(Msg::speaker_says), {who, what});
    };
    // The conversation so far stays above, as a transcript: who said what, and how it landed.
    const bool talked = !shown.picks.empty();
    if (talked) begin_group(ui, "conversation", Role::list, s.item->prompt.in(ui.lang));
    const ScenarioNode* node = sc.node(sc.start);
    const ScenarioEnding* ending = nullptr;
    for (std::size_t k = 0; k < shown.picks.size() && node != nullptr; ++k) {
        const std::uint32_t r = shown.picks[k];
        if (r >= node->replies.size()) break;
        const ScenarioReply& reply = node->replies[r];
        const std::string turn = "turn-" + std::to_string(k);
        begin_group(ui, turn, Role::listitem);
        text_block(ui, turn + ".line", said(node->speaker.in(ui.lang), node->prompt.in(ui.lang)), m.body, th.ink.abgr(), Role::paragraph);
        text_block(ui, turn + ".reply", said(ui.t(Msg::scenario_you), reply.text.in(ui.lang)), m.body, th.ink.abgr(), Role::paragraph);
        if (!reply.feedback.in(ui.lang).empty()) {
            ImGui::Indent(m.margin);
            text_block(ui, turn + ".reaction", reply.feedback.in(ui.lang), m.small, th.muted.abgr(), Role::text);
            ImGui::Unindent(m.margin);
        }
        end_group(ui);
        gap(ui, 0.5f);
        const std::string& next = reply.next;
        ending = sc.node(next) ? nullptr : sc.ending(next);
        node = sc.node(next);
    }
    if (talked) end_group(ui);
    if (node != nullptr) {  // still talking: what they say now, and the replies to choose from
        if (!node->speaker.in(ui.lang).empty()) caption(ui, "now.speaker", node->speaker.in(ui.lang));
        paragraph(ui, "now.line", node->prompt.in(ui.lang));
        gap(ui, 0.5f);
        begin_group(ui, "replies", Role::group, ui.t(Msg::hint_scenario));
        for (std::uint32_t r = 0; r < node->replies.size(); ++r) {
            const ScenarioReply& reply = node->replies[r];
            if (button(ui, "reply-" + reply.id, reply.text.in(ui.lang), {.wide = true, .disabled = s.progress->phase != ItemPhase::answering}))
                answer = AnswerItem{QuizResponse{.picks = {r}}};
            gap(ui, 0.4f);
        }
        end_group(ui);
    } else if (ending != nullptr) {
        const bool good = ending->score >= 1.0;
        begin_box(ui, "ending", Role::status, ui.t(Msg::scenario_outcome));
        text_block(ui, "ending.label", ui.t(Msg::scenario_outcome), m.small, th.muted.abgr(), Role::text);
        text_block(ui, "ending.outcome", ending->outcome.in(ui.lang), m.body, th.ink.abgr(), Role::paragraph);
        text_block(ui, "ending.score", format(ui.t(Msg::result_score), {percent(ending->score)}), m.body, th.ink.abgr(), Role::text);
        end_box(ui, (good ? th.good_fill : th.notice_fill).abgr(), (good ? th.good_border : th.notice_border).abgr());
    }
    return answer;
}

}  // namespace

std::string percent(double fraction) { return std::to_string(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 100))); }

Msg verdict_msg(double score) {
    return score >= 1.0 ? Msg::verdict_correct : score > 0.0 ? Msg::verdict_partly : Msg::verdict_incorrect;
}

QuizResponse shown_response(const ItemShowing& s) {
    const QuizItem& item = *s.item;
    if (s.progress->phase == ItemPhase::solution_shown) return solution(item);
    if (item.kind == QuizItemKind::ordering && s.progress->response.picks.empty())
        return QuizResponse{.picks = shuffled_order(item.steps.size(), s.seed, s.round)};
    return s.progress->response;
}

std::optional<AnswerItem> draw_item(AppState& state, Ui& ui, AppEffects& effects, const ItemShowing& s) {
    const QuizItem& item = *s.item;
    ItemView& view = view_for(state, s);
    caption(ui, "prompt.voice", voice_label(ui, item.voice));
    const std::string term = linked_text(ui, "prompt", item.prompt.in(ui.lang), ui.metrics.heading * 0.9f, ui.theme->ink.abgr());
    gap(ui, 0.5f);
    if (s.progress->phase == ItemPhase::answering) caption(ui, "hint", ui.t(hint_for(item.kind)));
    gap(ui, 0.5f);
    const QuizResponse shown = shown_response(s);
    std::optional<AnswerItem> answer;
    switch (item.kind) {
        case QuizItemKind::single_choice:
        case QuizItemKind::true_false:
        case QuizItemKind::multiple_choice: answer = choices(ui, s, shown); break;
        case QuizItemKind::ordering: answer = ordering(ui, view, s, shown); break;
        case QuizItemKind::matching: answer = matching(ui, view, s, shown); break;
        case QuizItemKind::scenario: answer = scenario(ui, s, shown); break;
    }
    if (!term.empty()) {
        Route with_term = here(state);
        with_term.term = term;
        go(state, effects, Open{with_term});
    }
    return answer;
}

void draw_item_feedback(AppState& state, Ui& ui, AppEffects& effects, const ItemShowing& s) {
    const ItemProgress& p = *s.progress;
    if (p.phase == ItemPhase::answering) return;
    const QuizItem& item = *s.item;
    const Theme& th = *ui.theme;
    const Metrics& m = ui.metrics;
    // What the answer on screen is worth; the score that counts is the first check's.
    const bool solution = p.phase == ItemPhase::solution_shown;
    const double now = solution ? p.score : score_item(item, p.response);
    const bool right = now >= 1.0;
    begin_box(ui, "verdict", Role::status);
    if (solution) {
        text_block(ui, "verdict.text", format(ui.t(Msg::verdict_solution), {percent(p.score)}), m.body, th.ink.abgr(), Role::paragraph);
    } else {
        text_block(ui, "verdict.text", format(ui.t(Msg::verdict_score), {ui.t(verdict_msg(now)), percent(now)}), m.body, th.ink.abgr(),
                   Role::paragraph);
        if (p.checks > 1 && std::fabs(now - p.score) > 1e-9)
            text_block(ui, "verdict.counted", format(ui.t(Msg::verdict_first_counts), {percent(p.score)}), m.small, th.ink.abgr(), Role::text);
    }
    end_box(ui, (right ? th.good_fill : th.notice_fill).abgr(), (right ? th.good_border : th.notice_border).abgr());
    gap(ui, 0.5f);
    std::string term;
    if (const std::string& why = item.explanation.in(ui.lang); !why.empty()) {
        // Whose words the explanation is: the talk's own case, or the course's note.
        caption(ui, "explanation.voice", std::string(ui.t(Msg::explanation)) + " · " + std::string(voice_label(ui, item.voice)));
        term = linked_text(ui, "explanation", why, m.body, th.ink.abgr());
        gap(ui, 0.5f);
    }
    if (const Lesson* lesson = state.course.lesson(item.link.lesson)) {
        const Route to = page_route(state, item.link);
        if (to.page < lesson->pages.size() &&
            button(ui, "reread", format(ui.t(Msg::reread), {lesson->pages[to.page].title.in(ui.lang)}), {.wide = true}))
            go(state, effects, Open{to});
    }
    if (!term.empty()) {
        Route with_term = here(state);
        with_term.term = term;
        go(state, effects, Open{with_term});
    }
}

}  // namespace coach::ui
