#include "VarianceLab.h"

#include "ColumnOrder.h"
#include "Rng.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

namespace ada {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::array<std::pair<LabEstimator, std::string_view>, 6> kNames{{
    {LabEstimator::UniformWr, "uniform-wr"},
    {LabEstimator::UniformWor, "uniform-wor"},
    {LabEstimator::UniformWorFpc, "uniform-wor-fpc"},
    {LabEstimator::IsWr, "is-wr"},
    {LabEstimator::IsWorHt, "is-wor-ht"},
    {LabEstimator::IsWorDr, "is-wor-dr"},
}};

bool isImportance(LabEstimator e)
{
    return e == LabEstimator::IsWr || e == LabEstimator::IsWorHt || e == LabEstimator::IsWorDr;
}

// One draw of an estimator at sample size t: the estimate and its own variance estimate.
struct Draw {
    double estimate = 0.0;
    double varianceEstimate = kNaN;
};

// Sample variance (ddof = 1) of y over t values, given Σy and Σy².
double sampleVariance(double sum, double sumSq, int t)
{
    if (t < 2)
        return kNaN;
    const double mean = sum / t;
    return std::max(0.0, (sumSq - t * mean * mean) / (t - 1));
}

struct Problem {
    Eigen::VectorXd f; // β·a_j·x_j
    double mu = 0.0;
    int d = 0;
};

struct Weighting {
    std::vector<double> q;          // q_j, 0 outside the support
    std::vector<double> logQ;       // log q_j, −inf outside
    std::vector<int> support;       // columns with q_j > 0
    std::vector<double> cumulative; // over `support`, for i.i.d. draws
};

Weighting makeWeighting(const Problem& p, const Eigen::VectorXd& x, const Eigen::VectorXd& l1,
                        ImportanceWeights w)
{
    Weighting out;
    Eigen::VectorXd raw = Eigen::VectorXd::Ones(p.d);
    if (w == ImportanceWeights::Head || w == ImportanceWeights::Both)
        raw.array() *= l1.array();
    if (w == ImportanceWeights::Query || w == ImportanceWeights::Both)
        raw.array() *= x.array().abs();
    const double total = raw.sum();
    out.q.assign(std::size_t(p.d), 0.0);
    out.logQ.assign(std::size_t(p.d), -std::numeric_limits<double>::infinity());
    double acc = 0.0;
    for (int j = 0; j < p.d; ++j)
        if (raw[j] > 0.0) {
            out.q[std::size_t(j)] = raw[j] / total;
            out.logQ[std::size_t(j)] = std::log(raw[j]) - std::log(total);
            out.support.push_back(j);
            acc += raw[j] / total;
            out.cumulative.push_back(acc);
        }
    return out;
}

Draw drawUniform(const Problem& p, int t, bool replacement, bool fpc, Rng& rng, std::vector<int>& scratch)
{
    const double d = p.d;
    double sum = 0.0, sumSq = 0.0;
    if (replacement) {
        for (int s = 0; s < t; ++s) {
            const double y = d * p.f[Eigen::Index(rng.below(std::uint64_t(p.d)))];
            sum += y;
            sumSq += y * y;
        }
    } else {
        // A partial Fisher–Yates shuffle: the first t entries are a uniform sample without replacement.
        scratch.resize(std::size_t(p.d));
        std::iota(scratch.begin(), scratch.end(), 0);
        for (int s = 0; s < t; ++s) {
            std::swap(scratch[std::size_t(s)], scratch[std::size_t(s) + rng.below(std::uint64_t(p.d - s))]);
            const double y = d * p.f[scratch[std::size_t(s)]];
            sum += y;
            sumSq += y * y;
        }
    }
    Draw out;
    out.estimate = sum / t;
    out.varianceEstimate = sampleVariance(sum, sumSq, t) / t;
    if (fpc) // unbiased for the without-replacement variance (1 − t/d)·S²/t
        out.varianceEstimate *= (d - t) / d;
    return out;
}

Draw drawImportanceWr(const Problem& p, const Weighting& w, int t, Rng& rng)
{
    double sum = 0.0, sumSq = 0.0;
    for (int s = 0; s < t; ++s) {
        const double u = rng.uniform01() * w.cumulative.back();
        auto it = std::upper_bound(w.cumulative.begin(), w.cumulative.end(), u);
        if (it == w.cumulative.end())
            --it;
        const int j = w.support[std::size_t(it - w.cumulative.begin())];
        const double y = p.f[j] / w.q[std::size_t(j)];
        sum += y;
        sumSq += y * y;
    }
    return {sum / t, sampleVariance(sum, sumSq, t) / t};
}

// One Gumbel key ℓ_j + G_j per column of the support (§3.2), unsorted; the order is the keys decreasing.
void drawGumbelKeys(const Weighting& w, Rng& rng, std::vector<std::pair<double, int>>& keys)
{
    keys.clear();
    for (int j : w.support)
        keys.emplace_back(w.logQ[std::size_t(j)] + rng.gumbel(), j);
}

constexpr auto kGreaterKey = [](const auto& a, const auto& b) { return a.first > b.first; };

// Gumbel-top-t with the threshold Horvitz–Thompson estimator (§3.3d). `chosen` receives the sample
// and their inclusion probabilities ρ (for the histograms).
Draw drawImportanceWor(const Problem& p, const Weighting& w, int t, Rng& rng,
                       std::vector<std::pair<double, int>>& keys, std::vector<std::pair<int, double>>* chosen)
{
    const int support = static_cast<int>(w.support.size());
    drawGumbelKeys(w, rng, keys);
    const int take = std::min(t, support);
    // Only the t + 1 largest keys matter: partial selection, not a full sort.
    const int need = std::min(take + 1, support);
    std::nth_element(keys.begin(), keys.begin() + (need - 1), keys.end(), kGreaterKey);
    double tau = -std::numeric_limits<double>::infinity(); // t ≥ |support|: everything is included
    if (take < support) {
        // Within the t + 1 largest, put the smallest at position t: it is the threshold τ.
        std::nth_element(keys.begin(), keys.begin() + take, keys.begin() + take + 1, kGreaterKey);
        tau = keys[std::size_t(take)].first;
    }
    Draw out;
    out.estimate = 0.0;
    out.varianceEstimate = 0.0;
    if (chosen)
        chosen->clear();
    for (int s = 0; s < take; ++s) {
        const int j = keys[std::size_t(s)].second;
        const double rho = inclusionProbability(w.logQ[std::size_t(j)], tau);
        const double fj = p.f[j];
        out.estimate += fj / rho;
        out.varianceEstimate += fj * fj * (1.0 - rho) / (rho * rho);
        if (chosen)
            chosen->emplace_back(j, rho);
    }
    return out;
}

// Gumbel-top-t in draw order with Des Raj's ordered estimator: z_s = Σ_{r<s} f_r + f_s·(1 − Q_s)/q_s,
// where Q_s is the probability drawn before s; the estimate is the mean of the z and its variance
// estimate their sample variance over t. Written independently of the engine's running sums.
Draw drawImportanceDesRaj(const Problem& p, const Weighting& w, int t, Rng& rng,
                          std::vector<std::pair<double, int>>& keys)
{
    const int support = static_cast<int>(w.support.size());
    drawGumbelKeys(w, rng, keys);
    const int take = std::min(t, support);
    std::partial_sort(keys.begin(), keys.begin() + take, keys.end(), kGreaterKey);
    std::vector<double> z(static_cast<std::size_t>(take));
    double drawnSum = 0.0, drawnQ = 0.0;
    for (int s = 0; s < take; ++s) {
        const int j = keys[std::size_t(s)].second;
        const double q = w.q[std::size_t(j)];
        z[std::size_t(s)] = drawnSum + p.f[j] * std::max(1.0 - drawnQ, q) / q;
        drawnSum += p.f[j];
        drawnQ += q;
    }
    Draw out;
    if (take == support) { // a census: the sum is exact
        out.estimate = drawnSum;
        out.varianceEstimate = 0.0;
        return out;
    }
    double mean = 0.0;
    for (double v : z)
        mean += v;
    mean /= take;
    double ss = 0.0;
    for (double v : z)
        ss += (v - mean) * (v - mean);
    out.estimate = mean;
    out.varianceEstimate = take > 1 ? ss / (take - 1) / take : kNaN;
    return out;
}

double predictedVariance(const Problem& p, const Weighting* w, LabEstimator e, int t)
{
    const double d = p.d;
    switch (e) {
    case LabEstimator::UniformWr:
    case LabEstimator::UniformWor:
    case LabEstimator::UniformWorFpc: {
        // S² = (1/(d−1))·Σ (d f_j − μ)², the exact population variance of one pull with ddof 1. The
        // without-replacement variance is (1 − t/d)·S²/t exactly (§12 I-23: the reference used √FPC).
        double ss = 0.0;
        for (Eigen::Index j = 0; j < p.f.size(); ++j)
            ss += (d * p.f[j] - p.mu) * (d * p.f[j] - p.mu);
        const double popVar = ss / d; // with-replacement per-pull variance
        const double s2 = p.d > 1 ? ss / (d - 1) : 0.0;
        if (e == LabEstimator::UniformWr)
            return popVar / t;
        if (e == LabEstimator::UniformWor)
            return s2 / t; // what the engine's conservative σ̂²/t assumes (§3.3b, no FPC)
        return s2 / t * (d - t) / d;
    }
    case LabEstimator::IsWr: {
        double second = 0.0;
        for (int j : w->support)
            second += p.f[j] * p.f[j] / w->q[std::size_t(j)];
        return (second - p.mu * p.mu) / t;
    }
    case LabEstimator::IsWorHt: // no closed form for successive sampling
    case LabEstimator::IsWorDr: return kNaN;
    }
    return kNaN;
}

} // namespace

std::string_view toString(LabEstimator estimator)
{
    for (const auto& [e, name] : kNames)
        if (e == estimator)
            return name;
    return "unknown";
}

LabEstimator parseLabEstimator(std::string_view text)
{
    for (const auto& [e, name] : kNames)
        if (name == text)
            return e;
    throw std::invalid_argument(
        "unknown estimator '" + std::string(text)
        + "' (accepted: uniform-wr, uniform-wor, uniform-wor-fpc, is-wr, is-wor-ht, is-wor-dr)");
}

std::vector<int> parseSampleSizes(std::string_view spec, int d)
{
    std::vector<int> grid;
    if (spec.empty() || d < 1)
        return grid; // runVarianceLab's default
    auto toInt = [&spec](std::string_view text) {
        int value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size())
            throw std::invalid_argument("sample sizes: '" + std::string(text) + "' in '" + std::string(spec)
                                        + "' is not an integer");
        return value;
    };
    const auto colon = spec.find(':');
    if (colon != std::string_view::npos) {
        const std::string_view kind = spec.substr(0, colon);
        if (kind != "log" && kind != "linear")
            throw std::invalid_argument("sample sizes: expected 'log:N' or 'linear:N', got '"
                                        + std::string(spec) + "'");
        const int count = toInt(spec.substr(colon + 1));
        if (count < 1 || count > 1000)
            throw std::invalid_argument("sample sizes: the number of sizes must lie in [1, 1000]");
        const double lo = std::min(10, d), hi = d;
        for (int i = 0; i < count; ++i) {
            const double f = count == 1 ? 1.0 : double(i) / (count - 1);
            grid.push_back(static_cast<int>(
                std::lround(kind == "log" ? lo * std::pow(hi / lo, f) : lo + (hi - lo) * f)));
        }
        grid.erase(std::unique(grid.begin(), grid.end()), grid.end());
        return grid;
    }
    std::size_t start = 0;
    while (start <= spec.size()) {
        const std::size_t comma = std::min(spec.find(',', start), spec.size());
        std::string_view item = spec.substr(start, comma - start);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        if (!item.empty())
            grid.push_back(toInt(item));
        start = comma + 1;
    }
    return grid;
}

int resolveArm(std::string_view text, const std::vector<std::string>& vocab,
               const Eigen::Ref<const Eigen::VectorXd>& logits, std::uint64_t seed)
{
    const auto n = static_cast<int>(logits.size());
    if (n < 1)
        throw std::invalid_argument("there are no arms");
    if (text == "top") {
        Eigen::Index best = 0;
        logits.maxCoeff(&best);
        return static_cast<int>(best);
    }
    if (text == "random")
        return static_cast<int>(Rng(seed).below(std::uint64_t(n)));
    int index = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
    if (ec == std::errc() && end == text.data() + text.size()) {
        if (index < 0 || index >= n)
            throw std::invalid_argument("row " + std::to_string(index) + " is outside [0, "
                                        + std::to_string(n - 1) + "]");
        return index;
    }
    for (std::size_t i = 0; i < vocab.size(); ++i)
        if (vocab[i] == text)
            return static_cast<int>(i);
    throw std::invalid_argument("row '" + std::string(text) + "' is not an index, 'top', 'random'"
                                + (vocab.empty() ? std::string(" (the dataset has no /vocab names)")
                                                 : std::string(" or a name in the dataset's /vocab")));
}

VarianceLabResult runVarianceLab(const Eigen::Ref<const Eigen::VectorXd>& row,
                                 const Eigen::Ref<const Eigen::VectorXd>& x,
                                 const Eigen::Ref<const Eigen::VectorXd>& columnL1, double beta,
                                 const VarianceLabOptions& options, const ProgressCallback& progress)
{
    if (row.size() != x.size() || columnL1.size() != x.size() || x.size() < 1)
        throw std::invalid_argument(
            "the row, the query and the column norms must have the same length d ≥ 1");
    if (!row.allFinite() || !x.allFinite() || !columnL1.allFinite())
        throw std::invalid_argument("the row and the query must be finite");
    if (options.repetitions < 2)
        throw std::invalid_argument("the variance lab needs at least 2 repetitions, got "
                                    + std::to_string(options.repetitions));
    Problem p;
    p.d = static_cast<int>(x.size());
    p.f = beta * row.cwiseProduct(x);
    p.mu = p.f.sum();
    VarianceLabResult result;
    result.mu = p.mu;
    result.dim = p.d;
    result.effectiveDim = static_cast<int>((x.array() != 0.0).count());

    std::vector<int> grid = options.grid;
    if (grid.empty()) { // 20 log-spaced sizes from 10 (or d) to d, deduplicated
        const double lo = std::min(10, p.d), hi = p.d;
        for (int i = 0; i < 20; ++i)
            grid.push_back(static_cast<int>(std::lround(lo * std::pow(hi / lo, i / 19.0))));
        grid.erase(std::unique(grid.begin(), grid.end()), grid.end());
    }
    for (int t : grid)
        if (t < 1 || t > p.d)
            throw std::invalid_argument("sample sizes must lie in [1, d = " + std::to_string(p.d) + "], got "
                                        + std::to_string(t));

    // The curves: uniform estimators once, importance ones per weighting (skipping empty supports).
    struct CurveSpec {
        LabEstimator estimator;
        ImportanceWeights weights;
        Weighting weighting;
    };
    std::vector<CurveSpec> specs;
    for (LabEstimator e : options.estimators) {
        if (!isImportance(e)) {
            specs.push_back({e, ImportanceWeights::None, {}});
            continue;
        }
        for (ImportanceWeights w : options.weightings) {
            if (w == ImportanceWeights::None)
                continue;
            Weighting wt = makeWeighting(p, x, columnL1, w);
            if (!wt.support.empty())
                specs.push_back({e, w, std::move(wt)});
        }
    }
    result.curves.resize(specs.size());
    for (std::size_t c = 0; c < specs.size(); ++c) {
        result.curves[c].estimator = specs[c].estimator;
        result.curves[c].weights = specs[c].weights;
        result.curves[c].points.resize(grid.size());
    }

    // Every (curve, t) is one task with its own seeds, so the thread count never changes the bits.
    const int tasks = static_cast<int>(specs.size() * grid.size());
    std::atomic<int> next{0}, done{0};
    std::atomic<bool> cancel{false};
    std::mutex progressMutex;
    auto worker = [&] {
        std::vector<int> scratch;
        std::vector<std::pair<double, int>> keys;
        for (int task = next++; task < tasks && !cancel; task = next++) {
            const auto c = std::size_t(task) / grid.size(), g = std::size_t(task) % grid.size();
            const CurveSpec& spec = specs[c];
            const int t = grid[g];
            double sum = 0.0, sumSq = 0.0, vSum = 0.0, vSumSq = 0.0;
            int vCount = 0;
            for (int r = 0; r < options.repetitions; ++r) {
                Rng rng(deriveSeed(options.seed, (std::uint64_t(task) << 32) | std::uint64_t(r)));
                Draw draw;
                switch (spec.estimator) {
                case LabEstimator::UniformWr: draw = drawUniform(p, t, true, false, rng, scratch); break;
                case LabEstimator::UniformWor: draw = drawUniform(p, t, false, false, rng, scratch); break;
                case LabEstimator::UniformWorFpc: draw = drawUniform(p, t, false, true, rng, scratch); break;
                case LabEstimator::IsWr: draw = drawImportanceWr(p, spec.weighting, t, rng); break;
                case LabEstimator::IsWorHt:
                    draw = drawImportanceWor(p, spec.weighting, t, rng, keys, nullptr);
                    break;
                case LabEstimator::IsWorDr:
                    draw = drawImportanceDesRaj(p, spec.weighting, t, rng, keys);
                    break;
                }
                const double e = draw.estimate - p.mu;
                sum += e;
                sumSq += e * e;
                if (std::isfinite(draw.varianceEstimate)) {
                    vSum += draw.varianceEstimate;
                    vSumSq += draw.varianceEstimate * draw.varianceEstimate;
                    ++vCount;
                }
            }
            VarianceCurvePoint& pt = result.curves[c].points[g];
            const double reps = options.repetitions;
            pt.t = t;
            pt.bias = sum / reps;
            pt.mse = sumSq / reps;
            pt.predictedVariance = predictedVariance(p, &spec.weighting, spec.estimator, t);
            pt.varianceEstimateMean = vCount > 0 ? vSum / vCount : kNaN;
            pt.varianceEstimateSd = vCount > 1
                ? std::sqrt(std::max(0.0,
                                     (vSumSq - vCount * pt.varianceEstimateMean * pt.varianceEstimateMean)
                                         / (vCount - 1)))
                : kNaN;
            const int finished = ++done;
            if (progress) {
                std::lock_guard lock(progressMutex);
                if (!progress(finished, tasks, "variance lab"))
                    cancel = true;
            }
        }
    };
    const int threads = std::max(1, std::min(options.threads, tasks));
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i)
        pool.emplace_back(worker);
    worker();
    for (auto& th : pool)
        th.join();
    result.cancelled = cancel;
    if (result.cancelled)
        return result;

    // Histograms from Gumbel-top-t samples at the middle of the grid, with the first importance
    // weighting: the sampled (A_ij, x_j) pairs, and the second-order Horvitz–Thompson term over pairs
    // of the 64 heaviest columns, with π_j and π_jk estimated from the same samples.
    const CurveSpec* ht = nullptr;
    for (const CurveSpec& s : specs)
        if (s.estimator == LabEstimator::IsWorHt) {
            ht = &s;
            break;
        }
    if (ht) {
        const int t = grid[grid.size() / 2];
        const Weighting& w = ht->weighting;
        std::vector<int> heavy = w.support;
        std::sort(heavy.begin(), heavy.end(),
                  [&w](int a, int b) { return w.q[std::size_t(a)] > w.q[std::size_t(b)]; });
        heavy.resize(std::min<std::size_t>(heavy.size(), 64));
        std::vector<int> slot(std::size_t(p.d), -1);
        for (std::size_t s = 0; s < heavy.size(); ++s)
            slot[std::size_t(heavy[s])] = static_cast<int>(s);
        const std::size_t h = heavy.size();
        std::vector<double> single(h, 0.0), joint(h * h, 0.0);
        std::vector<std::pair<double, double>> pairs;
        std::vector<std::pair<double, int>> keys;
        std::vector<std::pair<int, double>> chosen;
        const int reps = std::max(options.repetitions, 400);
        for (int r = 0; r < reps; ++r) {
            Rng rng(deriveSeed(options.seed ^ 0x4853544fULL, std::uint64_t(r)));
            drawImportanceWor(p, w, t, rng, keys, &chosen);
            std::vector<int> in;
            for (const auto& [j, rho] : chosen) {
                if (pairs.size() < 20000)
                    pairs.emplace_back(row[j], x[j]);
                if (slot[std::size_t(j)] >= 0)
                    in.push_back(slot[std::size_t(j)]);
            }
            for (int a : in) {
                single[std::size_t(a)] += 1.0;
                for (int b : in)
                    joint[std::size_t(a) * h + std::size_t(b)] += 1.0;
            }
        }
        constexpr int kBins = 40;
        Histogram2D& hp = result.pairs;
        hp.bins = pairs.empty() ? 0 : kBins;
        hp.xMin = hp.yMin = std::numeric_limits<double>::infinity();
        hp.xMax = hp.yMax = -std::numeric_limits<double>::infinity();
        for (const auto& [a, b] : pairs) {
            hp.xMin = std::min(hp.xMin, a);
            hp.xMax = std::max(hp.xMax, a);
            hp.yMin = std::min(hp.yMin, b);
            hp.yMax = std::max(hp.yMax, b);
        }
        // A single value (a query whose x_j are all equal, say) gets a bin range around it, so that it
        // falls in the middle bin and the plot's axis has a width.
        auto widen = [](double& lo, double& hi) {
            if (!(hi > lo)) {
                const double half = 0.5 * std::max(1.0, std::abs(lo));
                lo -= half;
                hi += half;
            }
        };
        if (!pairs.empty()) {
            widen(hp.xMin, hp.xMax);
            widen(hp.yMin, hp.yMax);
            hp.counts.assign(std::size_t(kBins * kBins), 0.0);
        }
        auto bin = [](double v, double lo, double hi) {
            return std::clamp(static_cast<int>((v - lo) / (hi - lo) * kBins), 0, kBins - 1);
        };
        for (const auto& [a, b] : pairs)
            hp.counts[std::size_t(bin(b, hp.yMin, hp.yMax) * kBins + bin(a, hp.xMin, hp.xMax))] += 1.0;

        std::vector<double> terms;
        for (std::size_t a = 0; a < h; ++a)
            for (std::size_t b = a + 1; b < h; ++b) {
                const double pa = single[a] / reps, pb = single[b] / reps, pab = joint[a * h + b] / reps;
                if (pa > 0.0 && pb > 0.0)
                    terms.push_back(p.f[heavy[a]] * p.f[heavy[b]] * (pab - pa * pb) / (pa * pb));
            }
        Histogram1D& ht1 = result.secondOrderTerm;
        if (!terms.empty()) {
            const auto [lo, hi] = std::minmax_element(terms.begin(), terms.end());
            ht1.min = *lo;
            ht1.max = *hi;
            widen(ht1.min, ht1.max);
            ht1.counts.assign(kBins, 0.0);
            for (double v : terms)
                ht1.counts[std::size_t(bin(v, ht1.min, ht1.max))] += 1.0;
        }
    }
    return result;
}

} // namespace ada
