// The exact (Clopper–Pearson) confidence interval of a binomial proportion: what an observed
// failure count x out of n trials says about the true failure rate. Used by the PAC audit
// (PacAudit.h) to bound the failure rate of AdaptiveSoftmax at each δ.
#pragma once

namespace ada {

struct BinomialInterval {
    double lower = 0.0;
    double upper = 1.0;
};

// The two-sided Clopper–Pearson interval at `confidence` (e.g. 0.95): lower = the p at which
// P(X ≥ x) = α/2 (0 when x = 0), upper = the p at which P(X ≤ x) = α/2 (1 when x = n), with
// α = 1 − confidence. Exact to about 1e-12 (bisection on the binomial tail).
// Throws std::invalid_argument unless 0 ≤ x ≤ n, n ≥ 1 and 0 < confidence < 1.
[[nodiscard]] BinomialInterval clopperPearsonInterval(long long x, long long n, double confidence = 0.95);

// P(X ≤ x) for X ~ Binomial(n, p), summed in log space (stable for n in the millions).
[[nodiscard]] double binomialCdf(long long x, long long n, double p);

} // namespace ada
