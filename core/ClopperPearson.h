// Exact (Clopper–Pearson) confidence interval for a binomial proportion: the success rate of a
// method on M test queries is reported with it (ALGORITHM.md §1.2; issue "Speedup report").
#pragma once

#include <utility>

namespace ada {

// The two-sided interval [lo, hi] at `confidence` (e.g. 0.95) for `successes` out of `trials`:
// lo solves P(X ≥ x | lo) = α/2 and hi solves P(X ≤ x | hi) = α/2 with α = 1 − confidence,
// lo = 0 when x = 0 and hi = 1 when x = n. Exact, hence conservative: the coverage is at least
// `confidence` for every true proportion. Throws std::invalid_argument unless
// 0 ≤ successes ≤ trials, trials ≥ 1 and confidence ∈ (0, 1).
[[nodiscard]] std::pair<double, double> clopperPearson(int successes, int trials, double confidence = 0.95);

// P(X ≤ x) for X ~ Binomial(n, p), summed in the log domain (stable for n in the tens of thousands).
[[nodiscard]] double binomialCdf(int x, int n, double p);

} // namespace ada
