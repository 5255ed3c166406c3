#include "SpeedupReport.h"

#include "AdaptiveSoftmax.h"
#include "ClopperPearson.h"
#include "ExactSoftmax.h"
#include "FudgeTuning.h"
#include "Rng.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace ada {

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

std::string deltaLabel(double delta)
{
    std::string s = std::to_string(delta);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

struct Truth {
    Eigen::VectorXd logits;
    double logPartition = 0.0;
};

// A baseline's answer as a Result, so that it is scored by exactly the adaptive method's criterion.
Result asResult(std::vector<int> topK, std::vector<double> probabilities)
{
    Result r;
    r.topK = std::move(topK);
    r.probabilities = std::move(probabilities);
    return r;
}

} // namespace

std::vector<std::pair<int, int>> defaultSvdSweep(int arms, int rank, int k)
{
    std::vector<std::pair<int, int>> sweep;
    for (const double wf : {0.125, 0.25, 0.5})
        for (const double nf : {1.0 / 16.0, 0.125, 0.25}) {
            const int w = std::clamp(static_cast<int>(std::lround(wf * rank)), 1, rank);
            const int n = std::clamp(static_cast<int>(std::lround(nf * arms)), std::max(k, 1), arms);
            if (std::find(sweep.begin(), sweep.end(), std::make_pair(w, n)) == sweep.end())
                sweep.emplace_back(w, n);
        }
    return sweep;
}

void summariseRow(ReportRow& row, double confidence)
{
    const auto& q = row.perQuery;
    row.testQueries = static_cast<int>(q.size());
    std::vector<double> fractions, fullFractions;
    double method = 0.0, exact = 0.0, cost = 0.0;
    row.successes = 0;
    row.phasePullsPerQuery = {};
    for (const ReportQuery& r : q) {
        // pulls / (n·D) and pulls / (n·d) (§1.3); a zero query (D = 0) costs nothing either way.
        fractions.push_back(r.exactCost > 0 ? double(r.cost) / double(r.exactCost) : 0.0);
        fullFractions.push_back(r.fullCost > 0 ? double(r.cost) / double(r.fullCost) : 0.0);
        method += r.seconds;
        exact += r.exactSeconds;
        cost += double(r.cost);
        row.successes += r.success ? 1 : 0;
        for (std::size_t p = 0; p < r.phasePulls.size(); ++p)
            row.phasePullsPerQuery[p] += double(r.phasePulls[p]);
    }
    row.sampleSpeedup = paperSpeedup(fractions);
    row.sampleSpeedupD = paperSpeedup(fullFractions);
    row.timeSpeedup = method > 0.0 ? exact / method : 0.0;
    if (q.empty()) {
        row.successRate = 0.0;
        row.successCi = {0.0, 1.0};
        return;
    }
    const double m = double(q.size());
    row.successRate = double(row.successes) / m;
    row.successCi = clopperPearson(row.successes, row.testQueries, confidence);
    row.costPerQuery = cost / m;
    row.secondsPerQuery = method / m;
    for (double& p : row.phasePullsPerQuery)
        p /= m;
}

double targetDelta(const SpeedupReport& report, const ReportRow& row)
{
    if (row.delta > 0.0)
        return row.delta;
    return report.deltas.empty() ? 0.0 : *std::max_element(report.deltas.begin(), report.deltas.end());
}

SpeedupReport runSpeedupReport(const Dataset& dataset, const SpeedupReportOptions& options,
                               const ProgressCallback& progress)
{
    dataset.validate();
    Config config = options.config;
    config.validate();
    if (options.deltas.empty())
        throw std::invalid_argument("the report needs at least one δ");
    for (double delta : options.deltas)
        if (!(delta > 0.0 && delta < 1.0))
            throw std::invalid_argument("every δ must lie in (0, 1), got " + std::to_string(delta));
    if (!(options.confidence > 0.0 && options.confidence < 1.0))
        throw std::invalid_argument("the confidence level must lie in (0, 1)");
    const int available = static_cast<int>(dataset.queryCount());
    if (available < 2)
        throw std::invalid_argument("the report needs at least two queries (some to tune, some to test); "
                                    + dataset.name + " has " + std::to_string(available));
    const int m = options.queries < 0 ? available : options.queries;
    if (m < 2 || m > available)
        throw std::invalid_argument("the number of queries must lie in [2, " + std::to_string(available)
                                    + "], got " + std::to_string(m));
    const int n = static_cast<int>(dataset.head.arms());
    const int d = static_cast<int>(dataset.head.dim());
    if (config.k >= n)
        throw std::invalid_argument("k = " + std::to_string(config.k)
                                    + " must be smaller than n = " + std::to_string(n));
    const int tune = options.tune >= 0 ? options.tune : std::min(200, m / 2);
    if (tune >= m)
        throw std::invalid_argument("the tuning queries (" + std::to_string(tune)
                                    + ") must be fewer than the queries used (" + std::to_string(m) + ")");

    SpeedupReport report;
    report.dataset = dataset.name;
    report.arms = n;
    report.dim = d;
    report.epsilon = config.epsilon;
    report.k = config.k;
    report.seed = options.seed;
    report.deltas = options.deltas;
    // §7: a seeded permutation picks the tuning queries; the rest, in their natural order, are tested.
    // The same split for every δ, so that the rows differ only in δ.
    Rng splitRng(options.seed);
    const std::vector<int> perm = splitRng.permutation(m);
    report.tuneQueries.assign(perm.begin(), perm.begin() + tune);
    report.testQueries.assign(perm.begin() + tune, perm.end());
    std::sort(report.tuneQueries.begin(), report.tuneQueries.end());
    std::sort(report.testQueries.begin(), report.testQueries.end());
    const int tests = static_cast<int>(report.testQueries.size());

    config.seed = options.seed;
    const PreparedHead prepared(dataset.head, config);
    const double beta = prepared.temperature();
    bool cancelled = false;
    auto tick = [&](int done, int total, const std::string& stage) {
        if (!cancelled && progress && !progress(done, total, stage))
            cancelled = true;
        return !cancelled;
    };

    // Ground truth once per test query, outside every timed region.
    std::vector<Truth> truth(static_cast<std::size_t>(tests));
    for (int t = 0; t < tests; ++t) {
        const int q = report.testQueries[std::size_t(t)];
        Truth& tr = truth[std::size_t(t)];
        tr.logits = exactLogits(dataset.head, dataset.queries.row(q).transpose(), beta);
        excludeArms(tr.logits, dataset.excludedFor(q));
        tr.logPartition = logSumExp(tr.logits);
    }
    auto score = [&](int t, const Result& r) {
        return isSuccess(r, truth[std::size_t(t)].logits, truth[std::size_t(t)].logPartition, config.epsilon);
    };
    // Exact softmax timed beside every method on every query (same process, same queries, same cache
    // state for this query's data), so each row's time speedup compares like with like.
    auto timeExact = [&](int q) {
        const auto t0 = Clock::now();
        const ExactSoftmaxResult exact = exactSoftmax(dataset.head, dataset.queries.row(q).transpose(), beta,
                                                      config.k, dataset.excludedFor(q));
        const auto t1 = Clock::now();
        volatile double sink = exact.logPartition; // keeps the computation observable
        (void)sink;
        return seconds(t0, t1);
    };
    std::vector<std::int64_t> effectiveDim(static_cast<std::size_t>(tests), d);
    std::vector<double> exactTimes(static_cast<std::size_t>(tests), 0.0);
    const std::int64_t full = std::int64_t(n) * d;

    // Adaptive: tune per δ (§7), then every test query (§1.2, §1.3).
    for (std::size_t di = 0; di < options.deltas.size() && !cancelled; ++di) {
        Config c = config;
        c.delta = options.deltas[di];
        c.validate();
        const std::string label = deltaLabel(c.delta);
        if (tune > 0) {
            const std::string stage = "tune δ=" + label;
            c.fudge = tuneFudgeFactors(
                prepared, dataset.queries, report.tuneQueries, c,
                [&](int done, int total, std::string_view) { return tick(done, total, stage); },
                dataset.excludedArms);
            if (cancelled)
                break;
        }
        ReportRow row;
        row.method = "adaptive";
        row.delta = c.delta;
        row.params = {
            {"fudge_best", c.fudge.bestArms}, {"fudge_log", c.fudge.logNorm}, {"tune_queries", double(tune)}};
        const std::string stage = "test δ=" + label;
        for (int t = 0; t < tests && tick(t, tests, stage); ++t) {
            const int q = report.testQueries[std::size_t(t)];
            const auto x = dataset.queries.row(q).transpose();
            Config qc = c;
            qc.seed = queryConfigSeed(c, q);
            ReportQuery rq;
            rq.query = q;
            rq.exactSeconds = timeExact(q);
            const auto t0 = Clock::now();
            Result r = runAdaptiveSoftmax(prepared, x, qc, nullptr, dataset.excludedFor(q));
            rq.seconds = seconds(t0, Clock::now());
            rq.cost = r.totalPulls;
            rq.exactCost = r.exactPulls();
            rq.fullCost = full;
            rq.success = score(t, r);
            rq.phasePulls = r.phasePulls;
            rq.topK = r.topK;
            rq.probabilities = r.probabilities;
            if (di == 0) {
                effectiveDim[std::size_t(t)] = r.effectiveDim;
                exactTimes[std::size_t(t)] = rq.exactSeconds;
            }
            row.perQuery.push_back(std::move(rq));
        }
        if (cancelled)
            break;
        summariseRow(row, options.confidence);
        report.rows.push_back(std::move(row));
    }

    // Exact softmax: the brute force the speedups are measured against, n·D(x) in the §1.3 accounting
    // (it need not touch columns that are zero in x); its time speedup is 1 by definition.
    if (!cancelled) {
        ReportRow row;
        row.method = "exact";
        for (int t = 0; t < tests; ++t) {
            const int q = report.testQueries[std::size_t(t)];
            const ExactSoftmaxResult exact = exactSoftmax(dataset.head, dataset.queries.row(q).transpose(),
                                                          beta, config.k, dataset.excludedFor(q));
            ReportQuery rq;
            rq.query = q;
            rq.cost = std::int64_t(n) * effectiveDim[std::size_t(t)];
            rq.exactCost = rq.cost;
            rq.fullCost = full;
            rq.seconds = rq.exactSeconds = exactTimes[std::size_t(t)];
            std::vector<double> p;
            for (int i : exact.topK)
                p.push_back(std::exp(exact.logits[i] - exact.logPartition));
            rq.success = score(t, asResult(exact.topK, p));
            rq.topK = exact.topK;
            rq.probabilities = std::move(p);
            row.perQuery.push_back(std::move(rq));
        }
        summariseRow(row, options.confidence);
        report.rows.push_back(std::move(row));
    }

    // SVD-softmax (§11.1): the SVD once per head (reused from the caller's cache when given), then the sweep.
    if (options.svd && !cancelled) {
        if (options.svdCache) {
            report.svd = options.svdCache;
        } else {
            tick(0, 1, "svd (offline)");
            const auto t0 = Clock::now();
            report.svd = std::make_shared<const SvdSoftmax>(dataset.head);
            report.svdSeconds = seconds(t0, Clock::now());
        }
        const int r = report.svd->rank();
        if (n <= d)
            report.notes.push_back(
                {ReportNote::Kind::SvdCannotWin,
                 {n, d},
                 "SVD-softmax cannot beat exact softmax on this head: n = " + std::to_string(n)
                     + " ≤ d = " + std::to_string(d)
                     + ", so the transform Vᵀx alone costs r·d = n·d multiplications (§11.1)."});
        const auto sweep = options.svdSweep.empty() ? defaultSvdSweep(n, r, config.k) : options.svdSweep;
        const int total = static_cast<int>(sweep.size()) * tests;
        for (std::size_t s = 0; s < sweep.size() && !cancelled; ++s) {
            const auto [w, nc] = sweep[s];
            ReportRow row;
            row.method = "svd";
            row.params = {
                {"W", double(w)}, {"N", double(nc)}, {"rank", double(r)}, {"svd_seconds", report.svdSeconds}};
            for (int t = 0; t < tests && tick(int(s) * tests + t, total, "svd"); ++t) {
                const int q = report.testQueries[std::size_t(t)];
                const auto x = dataset.queries.row(q).transpose();
                ReportQuery rq;
                rq.query = q;
                rq.exactSeconds = timeExact(q);
                const auto t0 = Clock::now();
                const SvdSoftmax::Output out = report.svd->run(x, w, nc, config.k, beta);
                rq.seconds = seconds(t0, Clock::now());
                std::vector<double> p;
                for (int i : out.topK)
                    p.push_back(std::exp(out.logits[i] - out.logPartition));
                rq.cost = out.multiplications;
                rq.exactCost = std::int64_t(n) * effectiveDim[std::size_t(t)];
                rq.fullCost = full;
                rq.success = score(t, asResult(out.topK, p));
                rq.topK = out.topK;
                rq.probabilities = std::move(p);
                row.perQuery.push_back(std::move(rq));
            }
            if (cancelled)
                break;
            summariseRow(row, options.confidence);
            report.rows.push_back(std::move(row));
        }
    }

    // Hierarchical softmax fitted to this head (§11.3) on the tuning queries, which the adaptive
    // method also sees (and no test query): the same data budget for both.
    if (options.hsm && !cancelled) {
        if (tune == 0) {
            report.notes.push_back(
                {ReportNote::Kind::HsmSkipped,
                 {},
                 "hierarchical softmax skipped: it is fitted on the tuning queries and there are none."});
        } else {
            const auto t0 = Clock::now();
            HierarchicalSoftmax hsm(dataset.head, options.seed);
            HsmFitOptions fitOptions = options.hsmOptions;
            fitOptions.seed = options.seed;
            const bool fitted = hsm.fit(
                dataset.head, dataset.queries, report.tuneQueries, beta, fitOptions,
                [&](int done, int total, std::string_view) { return tick(done, total, "hsm fit"); });
            report.hsmFitSeconds = seconds(t0, Clock::now());
            if (fitted && !cancelled) {
                if (tune < d)
                    report.notes.push_back(
                        {ReportNote::Kind::HsmFewFitQueries,
                         {tune, d, hsm.fitRank()},
                         "hierarchical softmax fitted on only " + std::to_string(tune)
                             + " queries (the tuning queries), fewer than d = " + std::to_string(d)
                             + ": each node's regression is L2-penalised in a rank-"
                             + std::to_string(hsm.fitRank())
                             + " subspace of them; more fitting queries would help it (§11.3 asks for "
                               "many)."});
                ReportRow row;
                row.method = "hsm";
                row.params = {{"depth", double(hsm.depth())},
                              {"nodes", double(hsm.internalNodes())},
                              {"fit_queries", double(tune)},
                              {"fit_rank", double(hsm.fitRank())},
                              {"fit_seconds", report.hsmFitSeconds}};
                for (int t = 0; t < tests && tick(t, tests, "hsm"); ++t) {
                    const int q = report.testQueries[std::size_t(t)];
                    const auto x = dataset.queries.row(q).transpose();
                    ReportQuery rq;
                    rq.query = q;
                    rq.exactSeconds = timeExact(q);
                    const auto t1 = Clock::now();
                    HierarchicalSoftmax::Output out = hsm.run(x, config.k);
                    rq.seconds = seconds(t1, Clock::now());
                    rq.cost = out.multiplications;
                    rq.exactCost = std::int64_t(n) * effectiveDim[std::size_t(t)];
                    rq.fullCost = full;
                    rq.success = score(t, asResult(out.topK, out.probabilities));
                    rq.topK = std::move(out.topK);
                    rq.probabilities = std::move(out.probabilities);
                    row.perQuery.push_back(std::move(rq));
                }
                if (!cancelled) {
                    summariseRow(row, options.confidence);
                    report.rows.push_back(std::move(row));
                }
            }
        }
    }
    if (!cancelled && progress)
        progress(1, 1, "done");
    report.cancelled = cancelled;
    return report;
}

} // namespace ada
