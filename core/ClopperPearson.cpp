#include "ClopperPearson.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ada {

namespace {

// log of the Binomial(n, p) probability of exactly k successes, for 0 < p < 1.
double logPmf(int k, int n, double p)
{
    return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + k * std::log(p)
        + (n - k) * std::log1p(-p);
}

// The p in (0, 1) where the monotone `f(p) − target` changes sign, by bisection. 200 halvings reach
// the resolution of a double long before; bisection needs no derivative and cannot diverge.
template <typename F>
double solve(F f, double target, bool increasing)
{
    double lo = 0.0, hi = 1.0;
    for (int i = 0; i < 200 && hi - lo > 1e-15; ++i) {
        const double mid = 0.5 * (lo + hi);
        const bool above = f(mid) > target;
        if (above == increasing)
            hi = mid;
        else
            lo = mid;
    }
    return 0.5 * (lo + hi);
}

} // namespace

double binomialCdf(int x, int n, double p)
{
    if (x < 0)
        return 0.0;
    if (x >= n || p <= 0.0)
        return 1.0;
    if (p >= 1.0)
        return 0.0;
    // log-sum-exp over the k ≤ x terms: individual terms underflow for large n long before the sum does.
    double maxLog = -std::numeric_limits<double>::infinity();
    for (int k = 0; k <= x; ++k)
        maxLog = std::max(maxLog, logPmf(k, n, p));
    double sum = 0.0;
    for (int k = 0; k <= x; ++k)
        sum += std::exp(logPmf(k, n, p) - maxLog);
    return std::min(1.0, std::exp(maxLog) * sum);
}

std::pair<double, double> clopperPearson(int successes, int trials, double confidence)
{
    if (trials < 1 || successes < 0 || successes > trials)
        throw std::invalid_argument("Clopper–Pearson needs 0 ≤ successes ≤ trials and trials ≥ 1, got "
                                    + std::to_string(successes) + " of " + std::to_string(trials));
    if (!(confidence > 0.0 && confidence < 1.0))
        throw std::invalid_argument("the confidence level must lie in (0, 1), got "
                                    + std::to_string(confidence));
    const double halfAlpha = 0.5 * (1.0 - confidence);
    // P(X ≥ x | p) = 1 − P(X ≤ x − 1 | p) increases with p; P(X ≤ x | p) decreases with p.
    const double lo = successes == 0
        ? 0.0
        : solve([&](double p) { return 1.0 - binomialCdf(successes - 1, trials, p); }, halfAlpha, true);
    const double hi = successes == trials
        ? 1.0
        : solve([&](double p) { return binomialCdf(successes, trials, p); }, halfAlpha, false);
    return {lo, hi};
}

} // namespace ada
