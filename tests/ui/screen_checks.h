// screen_checks: what the screen tests share beyond drawing (headless.h): finding a node that
// must be there, and a collection plan as the app holds it once its records are read.
#pragma once
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/plan.h"
#include "headless.h"

namespace coach::test {

inline const ViewNode& must_find(const Headless& app, const std::string& id) {
    const ViewNode* n = app.tree().find(id);
    INFO("looking for " << id << " on " << app.tree().screen);
    REQUIRE(n != nullptr);
    return *n;
}

// The plan's records have been read, holding `plan`.
inline void with_plan(Headless& app, Plan plan) {
    app.state.plan.loaded = true;
    app.state.plan.plan = std::move(plan);
    ++app.state.plan.revision;
}

// A receivable of `amount` minor units, its invoice number "INV-" + id.
inline Receivable receivable(std::string id, Money amount, Day issued, Day due, std::vector<Payment> payments = {}) {
    return Receivable{.id = id, .invoice = "INV-" + id, .amount = amount, .issued = issued, .due = due, .payments = std::move(payments)};
}

}  // namespace coach::test
