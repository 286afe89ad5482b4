// The notices every screen shows at the top: data that could not be read, a full quota, an
// import that failed or worked, a course file that could not be used, a link that did not
// open what it named. Each says what happened in a learner's words; technical detail goes
// on a "details" line below.
#include "app.h"
#include "imgui.h"

namespace coach::ui {

namespace {

// A course file given with ?content= that could not be used: which, and why.
void content_notice(AppState& state, Ui& ui) {
    if (state.content_errors.empty() && state.content_details.empty()) return;
    constexpr std::size_t kShown = 6;
    const Theme& th = *ui.theme;
    begin_box(ui, "content.notice", Role::alert);
    if (!state.content_details.empty()) {
        text_block(ui, "content.notice.text", format(ui.t(Msg::content_unreachable), {state.content_source}), ui.metrics.body,
                   th.ink.abgr(), Role::paragraph);
        text_block(ui, "content.details", format(ui.t(Msg::link_details), {state.content_details}), ui.metrics.small, th.muted.abgr(),
                   Role::text);
    } else {
        text_block(ui, "content.notice.text", format(ui.t(Msg::content_rejected), {state.content_source}), ui.metrics.body,
                   th.ink.abgr(), Role::paragraph);
        for (std::size_t i = 0; i < state.content_errors.size() && i < kShown; ++i)
            text_block(ui, "content.problem." + std::to_string(i), describe(state.content_errors[i], ui.lang), ui.metrics.small,
                       th.muted.abgr(), Role::text);
        if (state.content_errors.size() > kShown)
            caption(ui, "content.more", format(ui.t(Msg::content_more), {std::to_string(state.content_errors.size() - kShown)}));
    }
    if (button(ui, "content.dismiss", ui.t(Msg::action_dismiss))) {
        state.content_errors.clear();
        state.content_details.clear();
    }
    end_box(ui, th.notice_fill.abgr(), th.notice_border.abgr());
    gap(ui);
}

// A link that named something the course does not have.
void link_notice(AppState& state, Ui& ui) {
    if (state.link_problem.empty()) return;
    const Theme& th = *ui.theme;
    begin_box(ui, "link.notice", Role::status);
    text_block(ui, "link.notice.text", state.link_problem, ui.metrics.body, th.ink.abgr(), Role::paragraph);
    if (button(ui, "link.dismiss", ui.t(Msg::action_dismiss))) state.link_problem.clear();
    end_box(ui, th.notice_fill.abgr(), th.notice_border.abgr());
    gap(ui);
}

}  // namespace

void draw_notice(AppState& state, Ui& ui, AppEffects& effects) {
    link_notice(state, ui);
    content_notice(state, ui);
    if (state.plan_screens) state.plan_screens->notice(state, ui, effects);
    const Store& store = state.store;
    if (store.notice == Notice::none) return;
    const Theme& th = *ui.theme;
    const bool unreadable = store.notice == Notice::recovered || store.notice == Notice::started_empty || store.notice == Notice::hold;
    const bool unsaved = store.notice == Notice::quota || store.notice == Notice::unavailable;
    const bool good = store.notice == Notice::imported;
    begin_box(ui, "notice", good ? Role::status : Role::alert);
    text_block(ui, "notice.text", notice_text(store, ui.lang), ui.metrics.body, th.ink.abgr(), Role::paragraph);
    if (unreadable && !store.unreadable.empty() && button(ui, "notice.download", ui.t(Msg::action_download_unreadable)))
        effects.download_unreadable = static_cast<int>(store.unreadable.size()) - 1;
    if (unsaved && button(ui, "notice.export", ui.t(Msg::action_export))) effects.export_document = true;
    if (store.notice != Notice::hold) {
        if (button(ui, "notice.dismiss", ui.t(Msg::action_dismiss))) dismiss_notice(state.store);
    }
    end_box(ui, (good ? th.good_fill : th.notice_fill).abgr(), (good ? th.good_border : th.notice_border).abgr());
    gap(ui);
}

}  // namespace coach::ui
