// web_without_plan: the first load's build (app.wasm) has no collection plan. Its plan screens
// draw a line and ask the page to open their address in the build with the plan (app-plan.wasm,
// ui/plan_screens.h); the plan's records stay untouched in the browser until then.
#include "web_state.h"

const coach::ui::PlanScreens* coach::web::linked_plan_screens() { return nullptr; }
