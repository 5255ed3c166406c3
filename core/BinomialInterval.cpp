#include "BinomialInterval.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ada {

double binomialCdf(long long x, long long n, double p)
{
    if (x < 0)
        return 0.0;
    if (x >= n || p <= 0.0)
        return 1.0;
    if (p >= 1.0)
        return 0.0;
    // Σ_{i ≤ x} C(n, i) pⁱ (1 − p)ⁿ⁻ⁱ with each term from lgamma, summed from the largest term
    // outwards via log-sum-exp so neither tail underflows before it matters.
    const double lp = std::log(p), lq = std::log1p(-p);
    const double lgn = std::lgamma(double(n) + 1.0);
    auto logTerm = [&](long long i) {
        return lgn - std::lgamma(double(i) + 1.0) - std::lgamma(double(n - i) + 1.0) + double(i) * lp
            + double(n - i) * lq;
    };
    double maxLog = -INFINITY;
    for (long long i = 0; i <= x; ++i)
        maxLog = std::max(maxLog, logTerm(i));
    double sum = 0.0;
    for (long long i = 0; i <= x; ++i)
        sum += std::exp(logTerm(i) - maxLog);
    return std::min(1.0, std::exp(maxLog + std::log(sum)));
}

BinomialInterval clopperPearsonInterval(long long x, long long n, double confidence)
{
    if (n < 1 || x < 0 || x > n)
        throw std::invalid_argument("clopperPearsonInterval: need 0 <= x <= n and n >= 1, got x = "
                                    + std::to_string(x) + ", n = " + std::to_string(n));
    if (!(confidence > 0.0 && confidence < 1.0))
        throw std::invalid_argument("clopperPearsonInterval: confidence must lie in (0, 1)");
    const double tail = (1.0 - confidence) / 2.0;
    // Both tails are monotone in p, so bisection finds the crossing; 200 halvings reach machine
    // precision from [0, 1].
    auto solve = [](auto&& decreasingInP, double target) {
        double lo = 0.0, hi = 1.0;
        for (int it = 0; it < 200 && hi - lo > 1e-15; ++it) {
            const double mid = 0.5 * (lo + hi);
            (decreasingInP(mid) > target ? lo : hi) = mid;
        }
        return 0.5 * (lo + hi);
    };
    BinomialInterval out;
    // Upper: P(X ≤ x; p) falls as p grows.
    out.upper = x == n ? 1.0 : solve([&](double p) { return binomialCdf(x, n, p); }, tail);
    // Lower: P(X ≥ x; p) = 1 − P(X ≤ x − 1; p) rises with p, so its complement falls.
    out.lower = x == 0 ? 0.0 : solve([&](double p) { return binomialCdf(x - 1, n, p); }, 1.0 - tail);
    return out;
}

} // namespace ada
