// The profile: what the learner's latest self-assessment says, and what to do with it.
//
// From the top: the date and how much was rated; the six steps as bars (with more than one
// result, the first beside the latest and the change); the left and right brain as one split
// bar; the buying-team coverage; each score as a button that opens the statements behind it
// with the learner's rating in words; where to start (the lesson pages core/assessment.h
// picks); the export of every result under the learner's name (JSON for the instructor's
// class view, CSV for a spreadsheet) and a share card; take it again; every result by date;
// the class view for instructors.
//
// The share card is a compact copy of the profile (title, name, date, the six bars, the
// balance) in a frame at the top of the screen. Once it has been drawn where the screen
// shows it, the screen asks the platform, once, to save that rectangle as a picture
// (AppEffects::share_card).
// Limits: the profile always shows the latest result; older ones are listed by date only.
#include "assessment_view.h"
#include "chart.h"
#include "imgui.h"

namespace coach::ui {
namespace {

std::optional<double> value_of(const Profile* p, std::string_view id) {
    if (p == nullptr) return std::nullopt;
    const Score* s = p->find(id);
    if (s == nullptr || s->rated == 0) return std::nullopt;
    return s->value;
}

// The six steps of the latest result, beside the first when there is more than one.
ScoreChart steps_chart(const AppState& state, const Ui& ui, const Profile& latest, const Profile* first, std::string latest_day,
                       std::string first_day) {
    const Assessment& a = *state.assessment;
    ScoreChart chart;
    for (const Score& s : latest.scores)
        if (s.kind == ScoreKind::step) chart.bars.push_back({score_label(a, s, ui.lang), value_of(&latest, s.id), value_of(first, s.id)});
    if (first != nullptr) {
        chart.latest_legend = format(ui.t(Msg::chart_latest), {latest_day});
        chart.first_legend = format(ui.t(Msg::chart_first), {first_day});
    }
    return chart;
}

Balance balance_of(const AppState& state, const Ui& ui, const Profile& latest, const Profile* first) {
    const Assessment& a = *state.assessment;
    Balance b;
    for (const Score& s : latest.scores) {
        if (s.kind == ScoreKind::left_side) b.left_label = score_label(a, s, ui.lang);
        if (s.kind == ScoreKind::right_side) b.right_label = score_label(a, s, ui.lang);
    }
    b.left = value_of(&latest, "left");
    b.right = value_of(&latest, "right");
    b.left_first = value_of(first, "left");
    b.right_first = value_of(first, "right");
    return b;
}

std::string score_button_label(const Assessment& a, const Score& s, Lang lang) {
    const std::string label = score_label(a, s, lang);
    return s.rated > 0 ? format(tr(Msg::chart_value, lang), {label, whole_percent(s.value)}) : format(tr(Msg::chart_not_rated, lang), {label});
}

// The card, and the request to save it as a picture once it is all on screen as drawn.
void share_card(AppState& state, Ui& ui, AppEffects& effects, const AssessmentResult& latest, const Profile& p) {
    const Assessment& a = *state.assessment;
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    const std::string& name = state.store.doc.prefs.name;
    const std::string day = day_text(latest.at, state.utc_offset_minutes);
    std::string card_name = a.title.in(ui.lang);
    if (!name.empty()) card_name += " · " + name;
    card_name += " · " + day;
    begin_box(ui, "profile-card", Role::figure, card_name);
    const std::size_t box = ui.tree.nodes.size() - 1;
    text_block(ui, "profile-card.title", a.title.in(ui.lang), m.heading, th.ink.abgr(), Role::text);
    if (!name.empty()) text_block(ui, "profile-card.name", name, m.body, th.ink.abgr(), Role::text);
    caption(ui, "profile-card.date", day);
    gap(ui, 0.5f);
    score_chart(ui, "profile-card.steps", steps_chart(state, ui, p, nullptr, day, {}));
    balance_bar(ui, "profile-card.balance", balance_of(state, ui, p, nullptr));
    // Paper inside the frame: the charts' colours are checked against paper (chart.h).
    end_box(ui, th.paper.abgr(), th.control_border.abgr());
    // The picture is taken from what the canvas shows, so only once the screen has scrolled to
    // the top and laid the card out there; the request goes out once per showing of the card.
    const ViewRect r = ui.tree.nodes[box].rect;
    if (!state.profile_view.share_card_sent && !state.scroll_to_top && ImGui::GetScrollY() == 0 && r.h > 0) {
        const float visible = ImGui::GetMainViewport()->Size.y - r.y;  // a card taller than the screen: what shows
        effects.share_card = ViewRect{r.x, r.y, r.w, std::min(r.h, std::max(visible, 0.0f))};
        state.profile_view.share_card_sent = true;
    }
    gap(ui, 0.5f);
    caption(ui, "profile-card.saved", ui.t(Msg::profile_share_saved));
    gap(ui, 0.5f);
    if (button(ui, "profile-card-close", ui.t(Msg::profile_share_close), {.wide = true})) {
        state.profile_view.share_card = false;
        state.profile_view.share_card_sent = false;
        state.focus_next = "profile-share";
    }
    gap(ui);
}

void score_statements(AppState& state, Ui& ui, const AssessmentResult& latest, const Profile& p) {
    const Assessment& a = *state.assessment;
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    heading(ui, "profile.statements", ui.t(Msg::profile_statements));
    caption(ui, "profile.statements-hint", ui.t(Msg::profile_statements_hint));
    gap(ui, 0.5f);
    std::string toggled;
    begin_group(ui, "profile-scores", Role::list, ui.t(Msg::profile_statements));
    for (const Score& s : p.scores) {
        const std::string id = "profile-score-" + s.id;
        const bool open = state.profile_view.open_score == s.id;
        if (button(ui, id, score_button_label(a, s, ui.lang), {.wide = true, .expanded = open})) toggled = s.id;
        gap(ui, 0.3f);
        if (!open) continue;
        ImGui::Indent(m.margin);
        begin_group(ui, id + "-statements", Role::list, score_label(a, s, ui.lang));
        for (const std::size_t i : s.statements) {
            const Statement& st = a.statements[i];
            const std::uint32_t r = rating_of(latest, a, i);
            std::string rating = r ? format(ui.t(Msg::profile_rating), {ui.t(rating_msg(st.scale, r))}) : std::string(ui.t(Msg::profile_not_rated));
            if (st.reversed) rating += " · " + std::string(ui.t(Msg::profile_reversed));
            const std::string item = id + "-" + st.id;
            begin_group(ui, item, Role::listitem, st.text.in(ui.lang));
            text_block(ui, item + ".text", st.text.in(ui.lang), m.body, th.ink.abgr(), Role::paragraph);
            caption(ui, item + ".rating", rating);
            end_group(ui);
            gap(ui, 0.4f);
        }
        end_group(ui);
        ImGui::Unindent(m.margin);
        gap(ui, 0.5f);
    }
    end_group(ui);
    if (!toggled.empty()) state.profile_view.open_score = state.profile_view.open_score == toggled ? std::string() : toggled;
}

void start_with(AppState& state, Ui& ui, AppEffects& effects, const Profile& p) {
    heading(ui, "profile.start-with", ui.t(Msg::profile_start_with));
    if (p.start_with.empty()) {
        paragraph(ui, "profile.ready", ui.t(Msg::profile_ready));
        return;
    }
    caption(ui, "profile.start-with-about", ui.t(Msg::profile_start_with_about));
    gap(ui, 0.5f);
    begin_group(ui, "profile-start-with", Role::list, ui.t(Msg::profile_start_with));
    for (const LessonLink& link : p.start_with) {
        if (button(ui, "profile-start-" + link.lesson + "-" + link.page, page_label(state, link, ui.lang), {.wide = true}))
            go(state, effects, Open{page_route(state, link)});
        gap(ui, 0.4f);
    }
    end_group(ui);
}

void export_section(AppState& state, Ui& ui, AppEffects& effects, const std::vector<AssessmentResult>& results) {
    const Assessment& a = *state.assessment;
    heading(ui, "profile.export", ui.t(Msg::profile_export));
    paragraph(ui, "profile.export-about", ui.t(Msg::profile_export_about));
    gap(ui, 0.5f);
    // The same name as the quizzes' export: one learner, one name, exactly as typed.
    std::string name = state.store.doc.prefs.name;
    if (text_field(ui, "profile-name", ui.t(Msg::name_label), name, ui.t(Msg::name_hint))) change(state, SetName{name});
    gap(ui, 0.5f);
    if (button(ui, "profile-export-json", ui.t(Msg::export_json), {.wide = true}))
        effects.download = FileOut{"-assessment", "json", "application/json", assessment_results_json(a, results, name, state.now_ms)};
    gap(ui, 0.5f);
    if (button(ui, "profile-export-csv", ui.t(Msg::export_csv), {.wide = true}))
        effects.download = FileOut{"-assessment", "csv", "text/csv;charset=utf-8", assessment_results_csv(a, results, name, ui.lang)};
    gap(ui, 0.5f);
    if (button(ui, "profile-share", ui.t(Msg::profile_share), {.wide = true})) {
        state.profile_view.share_card = true;
        state.profile_view.share_card_sent = false;
        state.scroll_to_top = true;  // the card is drawn at the top, and saved from there
        state.focus_next = "profile-card-close";
    }
}

}  // namespace

void draw_profile(AppState& state, Ui& ui, AppEffects& effects) {
    const Metrics& m = ui.metrics;
    const Theme& th = *ui.theme;
    begin_screen_with_title(state, ui, effects, "profile", practice_title(ui, Screen::profile));
    scroll_to_top(state);
    gap(ui, 0.5f);
    if (assessment_missing(state, ui)) {  // nothing else until its words' font is here
        end_screen(ui);
        return;
    }
    const std::vector<AssessmentResult> results = finished_results(state);
    if (results.empty()) {
        paragraph(ui, "profile.none", ui.t(Msg::profile_none));
        gap(ui);
        if (button(ui, "profile-start", ui.t(Msg::assessment_start), {.wide = true, .primary = true}))
            go(state, effects, Open{assessment_start(state)});  // where an assessment in progress was left
        gap(ui);
        if (button(ui, "profile-class-view", ui.t(Msg::profile_class_view), {.wide = true})) go(state, effects, Open{Route{.screen = Screen::class_view}});
        end_screen(ui);
        return;
    }
    const Assessment& a = *state.assessment;
    const AssessmentResult& latest = results.back();
    const Profile now = profile(a, latest);
    const std::optional<Profile> before = results.size() > 1 ? std::optional<Profile>(profile(a, results.front())) : std::nullopt;
    const Profile* first = before ? &*before : nullptr;
    const std::string latest_day = day_text(latest.at, state.utc_offset_minutes);
    const std::string first_day = day_text(results.front().at, state.utc_offset_minutes);

    if (state.profile_view.share_card) share_card(state, ui, effects, latest, now);
    caption(ui, "profile.taken", format(ui.t(Msg::profile_taken), {latest_day, std::to_string(now.rated), std::to_string(a.statements.size())}));
    gap(ui);

    heading(ui, "profile.steps", ui.t(Msg::profile_steps));
    gap(ui, 0.5f);
    score_chart(ui, "profile-chart", steps_chart(state, ui, now, first, latest_day, first_day));
    heading(ui, "profile.sides", ui.t(Msg::profile_sides));
    gap(ui, 0.5f);
    balance_bar(ui, "profile-balance", balance_of(state, ui, now, first));
    gap(ui, 0.5f);
    if (const Score* team = now.find("buying-team")) {  // its own bar; the legend above already says which bar is which
        score_chart(ui, "profile-buying-team", ScoreChart{.bars = {{score_label(a, *team, ui.lang), value_of(&now, team->id), value_of(first, team->id)}}});
    }
    gap(ui);

    score_statements(state, ui, latest, now);
    gap(ui);
    start_with(state, ui, effects, now);
    gap(ui);
    export_section(state, ui, effects, results);
    gap(ui);
    if (button(ui, "profile-take-again", ui.t(Msg::profile_take_again), {.wide = true, .primary = true})) go(state, effects, Open{statement_route(1)});
    gap(ui);

    heading(ui, "profile.results", ui.t(Msg::profile_all_results));
    begin_group(ui, "profile-results", Role::list, ui.t(Msg::profile_all_results));
    for (std::size_t k = results.size(); k-- > 0;) {  // the latest first
        const std::string line = format(ui.t(Msg::profile_result_line),
                                        {day_text(results[k].at, state.utc_offset_minutes), std::to_string(profile(a, results[k]).rated)});
        text_block(ui, "profile-result-" + std::to_string(k), line, m.body, th.ink.abgr(), Role::listitem);
    }
    end_group(ui);
    gap(ui);
    if (button(ui, "profile-class-view", ui.t(Msg::profile_class_view), {.wide = true})) go(state, effects, Open{Route{.screen = Screen::class_view}});
    end_screen(ui);
}

}  // namespace coach::ui
