// plan_sample: a large plan made up from a seed, for the benchmark and the performance test.
//
// The dashboard must stay quick at the plan sizes a sales manager's ERP export reaches, so the
// benchmark needs such a plan without shipping one. `generated_plan` makes it: Chinese
// company-like names from syllable tables (unique by a number), a few industries, invoices of
// mixed ages over the last eighteen months, part payments, payers early and late, a few
// accounts over their credit limit and a few in USD. The same seed gives the same plan on
// every platform: the numbers come from the generator's own linear congruential sequence and
// integer arithmetic, never from <random>'s distributions (whose results differ by library).
// Limits: it fills at most kPlanLimits' counts; the data is plausible, not realistic.
#pragma once
#include <cstddef>
#include <cstdint>

#include "plan.h"

namespace coach {

Plan generated_plan(std::size_t accounts, std::size_t receivables, Day today, std::uint32_t seed);

}  // namespace coach
