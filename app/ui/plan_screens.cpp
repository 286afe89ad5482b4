// plan_screens: the table that puts the collection plan's screens into a build (plan_screens.h),
// and the plan's notice, which only those screens show.
#include "plan_screens.h"

#include "app.h"
#include "core/plan_store.h"

namespace coach::ui {

namespace {

// The plan's storage news (plan_store.h), on the plan's screens only: elsewhere it would be
// about data the learner is not looking at.
void plan_notice(AppState& state, Ui& ui, AppEffects& effects) {
    PlanStore& plan = state.plan;
    const Screen s = state.nav.here().screen;
    if (plan.notice == PlanNotice::none || (s != Screen::plan && s != Screen::accounts && s != Screen::account && s != Screen::plan_import)) return;
    const Theme& th = *ui.theme;
    const bool good = plan.notice == PlanNotice::imported || plan.notice == PlanNotice::conflict_merged;
    const bool unsaved = plan.notice == PlanNotice::quota || plan.notice == PlanNotice::unavailable;
    const bool kept = plan.notice == PlanNotice::recovered || plan.notice == PlanNotice::unreadable_kept;
    begin_box(ui, "plan.notice", good ? Role::status : Role::alert);
    text_block(ui, "plan.notice.text", notice_text(plan, ui.lang), ui.metrics.body, th.ink.abgr(), Role::paragraph);
    if (unsaved && button(ui, "plan.notice.export", ui.t(Msg::action_export)))
        effects.download = FileOut{"-plan", "json", "application/json", write_plan_file(plan.plan)};
    if (kept && !plan.unreadable_keys.empty() && button(ui, "plan.notice.download", ui.t(Msg::action_download_unreadable)))
        effects.download_plan_unreadable = true;
    if (button(ui, "plan.notice.dismiss", ui.t(Msg::action_dismiss))) dismiss_notice(plan);
    end_box(ui, (good ? th.good_fill : th.notice_fill).abgr(), (good ? th.good_border : th.notice_border).abgr());
    gap(ui);
}

void draw_plan_screen(AppState& state, Ui& ui, AppEffects& effects) {
    switch (state.nav.here().screen) {
        case Screen::plan: draw_plan(state, ui, effects); break;
        case Screen::accounts: draw_accounts(state, ui, effects); break;
        case Screen::account: draw_account(state, ui, effects); break;
        case Screen::plan_import: draw_plan_import(state, ui, effects); break;
        default: break;
    }
}

}  // namespace

const PlanScreens kPlanScreens{.draw = draw_plan_screen, .notice = plan_notice};

}  // namespace coach::ui
