// web_plan_bench: the benchmark's measurements of the app's own work, for `./coach bench`.
//
// The benchmark drives the app by meaning from outside; what it cannot see from there is how
// long the core's pure functions take on the plan the app holds, apart from drawing. So this
// one entry point runs them on the plan as it is, several times, and answers with the timings.
// It changes nothing: the figures it computes are thrown away.
#include <emscripten.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/plan_analytics.h"
#include "web_api.h"
#include "web_state.h"

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* coach_plan_measure(int repeats) {
    static std::string result;
    const coach::ui::AppState& app = coach::web::web_state().app;
    const coach::Plan& plan = app.plan.plan;
    const coach::Day today = coach::local_day(app.now_ms, app.utc_offset_minutes);
    std::vector<double> figures_ms, list_ms;
    std::size_t listed = 0;
    for (int i = 0; i < std::max(repeats, 1); ++i) {
        const double t0 = emscripten_get_now();
        const coach::PlanFigures f = coach::figures(plan, today);
        const double t1 = emscripten_get_now();
        listed = coach::list_accounts(plan, f, coach::ListQuery{}).size();
        const double t2 = emscripten_get_now();
        figures_ms.push_back(t1 - t0);
        list_ms.push_back(t2 - t1);
    }
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    result = "{\"accounts\":" + std::to_string(plan.accounts.size()) + ",\"receivables\":" + std::to_string(coach::receivable_count(plan)) +
             ",\"listed\":" + std::to_string(listed) + ",\"figuresMs\":" + std::to_string(median(figures_ms)) +
             ",\"listMs\":" + std::to_string(median(list_ms)) + "}";
    return result.c_str();
}

}  // extern "C"
