// Experiment (label "bench", outside the default run): would sampling whole cache lines lift the
// wall-clock bound that scattered single columns put on the LLM-shaped heads (docs/performance.md,
// "What would move the LLM numbers next", item 4)? Not a unit test: it prints numbers and succeeds.
//
// Line-aware design: the columns are permuted once (a fixed seed, as a load-time layout would be)
// and cut into groups of 16, one 64-byte line of a row-major row each. A pull of group g for arm i
// reads that line and adds y_ig = Σ_{j∈g} A_ij·x_j; the groups are drawn by the same Gumbel-top-k
// order and Des Raj estimator as is-wor-dr, with weight W_g = Σ_{j∈g} w_j (w_j = a_j·|x_j|, §3.1).
// The run is exactly AdaptiveSoftmax on the n × G head A'_ig = y_ig / W_g with query x'_g = W_g and
// query-only weights (then w'_g = W_g and A'_ig·x'_g = y_ig), so the existing engine runs it; the
// per-query A' costs a full pass and is built outside any timing (nothing here is timed). A second
// variant keeps the heaviest columns (w_j > 4·mean w) as groups of their own, each a line.
//
// For each design: success against the exact logits (§1.2), the sample speedup in multiplications
// (n·d over Σ multiplications), and the bound on the time speedup at the exact path's bandwidth
// (n·d·4 over the bytes of lines the pulls must read): for single columns the run's cache-line
// floor (core/CostModel.h, both layouts, the best case), for groups one line per group pulled.
// The fudge factors are the suite's tuned ones for single columns, not retuned for groups.
//
// A third design keeps single columns and changes only the layout: the rows in the order of the pulls
// the tuning queries gave them (most first), so that arms that tend to stay contenders share lines.
// Its bound is the same floor over the permuted rows. And, for scale, the floor if each query's rows
// could be ordered by its own pulls (an oracle no layout fixed before the query can be).
#include "core/AdaptiveSoftmax.h"
#include "core/ColumnOrder.h"
#include "core/CostModel.h"
#include "core/Evaluation.h"
#include "core/ExactSoftmax.h"
#include "core/Rng.h"
#include "datasets/DatasetLoader.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <string>
#include <vector>

namespace {

constexpr int kLine = 16; // floats per 64-byte cache line

// The run's floor with A's rows stored in `order` (row k of the layout holds arm order[k]).
std::int64_t floorInRowOrder(const ada::PreparedHead& prepared, const Eigen::VectorXf& x,
                             const ada::Config& c, const ada::Result& r, const std::vector<int>& order)
{
    ada::Result permuted = r;
    for (std::size_t k = 0; k < order.size(); ++k)
        permuted.pullsPerArm[k] = r.pullsPerArm[static_cast<std::size_t>(order[k])];
    return ada::lineFloorBytes(prepared, x, c, permuted);
}

// Arms by decreasing `weight`, ties in arm order.
std::vector<int> orderBy(const std::vector<double>& weight)
{
    std::vector<int> order(weight.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return weight[std::size_t(a)] > weight[std::size_t(b)]; });
    return order;
}

struct Tally {
    int successes = 0;
    double multiplicationFraction = 0.0; // Σ over queries of multiplications / (n·d)
    double byteFraction = 0.0;           // Σ over queries of line bytes / (n·d·4)
};

// Groups of the permuted columns: the heavy ones alone when `heavyAlone`, the rest 16 at a time.
std::vector<std::vector<int>> makeGroups(const std::vector<int>& permutation, const std::vector<double>& w,
                                         bool heavyAlone)
{
    const double mean = std::accumulate(w.begin(), w.end(), 0.0) / double(w.size());
    std::vector<std::vector<int>> groups;
    std::vector<int> rest;
    for (int j : permutation)
        if (heavyAlone && w[std::size_t(j)] > 4.0 * mean)
            groups.push_back({j});
        else
            rest.push_back(j);
    for (std::size_t s = 0; s < rest.size(); s += kLine)
        groups.emplace_back(rest.begin() + std::ptrdiff_t(s),
                            rest.begin() + std::ptrdiff_t(std::min(rest.size(), s + kLine)));
    return groups;
}

// One grouped run of query x; adds its outcome to `tally`.
void runGrouped(const ada::Head& head, const Eigen::VectorXf& x, const std::vector<double>& w,
                const std::vector<std::vector<int>>& groups, const ada::Config& config,
                const Eigen::VectorXd& trueLogits, double trueLogPartition, Tally& tally)
{
    const auto n = head.arms();
    const auto G = static_cast<Eigen::Index>(groups.size());
    ada::Head grouped;
    grouped.temperature = head.temperature;
    grouped.weight.resize(n, G);
    Eigen::VectorXf xg(G);
    std::vector<double> W(std::size_t(G), 0.0);
    for (Eigen::Index g = 0; g < G; ++g) {
        for (int j : groups[std::size_t(g)])
            W[std::size_t(g)] += w[std::size_t(j)];
        xg[g] = float(W[std::size_t(g)]);
    }
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index g = 0; g < G; ++g) {
            double y = 0.0;
            for (int j : groups[std::size_t(g)])
                y += double(head.weight(i, j)) * double(x[j]);
            grouped.weight(i, g) = W[std::size_t(g)] > 0.0 ? float(y / W[std::size_t(g)]) : 0.0f;
        }
    ada::Config gc = config;
    gc.weights = ada::ImportanceWeights::Query;
    const ada::PreparedHead prepared(grouped, gc);
    const ada::Result r = ada::runAdaptiveSoftmax(prepared, xg, gc);
    tally.successes += ada::isSuccess(r, trueLogits, trueLogPartition, gc.epsilon) ? 1 : 0;

    // The run's group order, rebuilt from its seed, prices each arm's prefix in multiplications.
    ada::Rng rng(gc.seed);
    ada::SamplingPlan plan = ada::makeSamplingPlan(prepared, prepared.transformQuery(xg), gc, rng, true);
    const std::int64_t deepest = *std::max_element(r.pullsPerArm.begin(), r.pullsPerArm.end());
    plan.extendTo(deepest);
    std::vector<std::int64_t> prefixSize(std::size_t(deepest) + 1, 0);
    for (std::int64_t s = 0; s < std::min<std::int64_t>(deepest, plan.prefix()); ++s)
        prefixSize[std::size_t(s + 1)]
            = prefixSize[std::size_t(s)] + std::int64_t(groups[std::size_t(plan.column(s))].size());
    std::int64_t multiplications = 0, lines = 0;
    for (std::int64_t t : r.pullsPerArm) {
        multiplications += t >= plan.effectiveDim ? head.dim() : prefixSize[std::size_t(t)];
        lines += t;
    }
    const double exact = double(n) * double(head.dim());
    tally.multiplicationFraction += double(multiplications) / exact;
    tally.byteFraction += double(lines) * 64.0 / (exact * 4.0);
}

// `name`: a loadDataset name (the suite's heads are synthetic:llm-like ones); queries tune … m − 1
// are the suite's held-out ones.
void experiment(const char* label, const std::string& name, int tune)
{
    const ada::Dataset ds = ada::loadDataset(name);
    const auto n = static_cast<int>(ds.head.arms()), d = static_cast<int>(ds.head.dim());
    const auto m = static_cast<int>(ds.queryCount());
    ada::Config config = ada::Config::forPreset(ada::Preset::Paper);
    config.sampler = ada::Sampler::ImportanceWithoutReplacementDesRaj;
    config.fudge = {0.1778279410038923, 0.0031622776601683794}; // the suite's tuned φ_b, φ_ℓ
    const ada::PreparedHead prepared(ds.head, config);
    ada::Rng layoutRng(7);
    const std::vector<int> permutation = layoutRng.permutation(d); // fixed: the load-time layout

    // The layout learnt from the tuning queries: rows ordered by the pulls those runs gave each arm.
    std::vector<double> tuningPulls(static_cast<std::size_t>(n), 0.0);
    for (int q = 0; q < tune; ++q) {
        ada::Config c = config;
        c.seed = ada::queryConfigSeed(config, q);
        const ada::Result r = ada::runAdaptiveSoftmax(prepared, ds.queries.row(q).transpose(), c);
        for (int i = 0; i < n; ++i)
            tuningPulls[std::size_t(i)] += double(r.pullsPerArm[std::size_t(i)]);
    }
    const std::vector<int> learnt = orderBy(tuningPulls);

    Tally single, lines, heavy, reordered, oracle;
    int queries = 0;
    for (int q = tune; q < m; ++q, ++queries) {
        const Eigen::VectorXf x = ds.queries.row(q).transpose();
        ada::Config c = config;
        c.seed = ada::queryConfigSeed(config, q);
        const Eigen::VectorXd logits = ada::exactLogits(ds.head, x, ds.head.temperature);
        const double logPartition = ada::logSumExp(logits);
        const ada::Result r = ada::runAdaptiveSoftmax(prepared, x, c);
        single.successes += ada::isSuccess(r, logits, logPartition, c.epsilon) ? 1 : 0;
        single.multiplicationFraction += ada::budgetFraction(r);
        single.byteFraction += double(ada::lineFloorBytes(prepared, x, c, r)) / (double(n) * d * 4.0);
        for (Tally* t : {&reordered, &oracle}) {
            t->successes = single.successes;
            t->multiplicationFraction = single.multiplicationFraction;
        }
        reordered.byteFraction += double(floorInRowOrder(prepared, x, c, r, learnt)) / (double(n) * d * 4.0);
        std::vector<double> own(r.pullsPerArm.begin(), r.pullsPerArm.end());
        oracle.byteFraction
            += double(floorInRowOrder(prepared, x, c, r, orderBy(own))) / (double(n) * d * 4.0);

        std::vector<double> w(static_cast<std::size_t>(d));
        for (int j = 0; j < d; ++j)
            w[std::size_t(j)] = prepared.columnL1()[j] * std::abs(double(x[j]));
        runGrouped(ds.head, x, w, makeGroups(permutation, w, false), c, logits, logPartition, lines);
        runGrouped(ds.head, x, w, makeGroups(permutation, w, true), c, logits, logPartition, heavy);
        std::fprintf(stderr, "\r%s: query %d of %d", label, queries + 1, m - tune);
    }
    std::fprintf(stderr, "\n");
    std::printf("%s (%d x %d, %d held-out queries, is-wor-dr, epsilon 0.3, delta 10 %%)\n", label, n, d,
                queries);
    std::printf("  %-38s %9s %16s %24s\n", "design", "success", "sample speedup", "time bound (line bytes)");
    const auto row = [&](const char* design, const Tally& t) {
        std::printf("  %-38s %4d/%-4d %15.2fx %23.2fx\n", design, t.successes, queries,
                    queries / t.multiplicationFraction, queries / t.byteFraction);
    };
    row("single columns (floor, both layouts)", single);
    row("  rows in the tuning runs' pull order", reordered);
    row("  rows in each query's own pull order", oracle);
    row("lines of 16 columns", lines);
    row("lines, heavy columns alone", heavy);
    std::fflush(stdout);
}

} // namespace

// Arguments: none (the suite's GPT-2 and Mistral shapes), or "DATASET TUNE" for any head with
// queries, e.g. "synthetic:llm-like?n=128256&d=4096&m=20" 8 for the suite's Llama-3 shape (5 minutes).
int main(int argc, char** argv)
{
    if (argc == 3) {
        experiment(argv[1], argv[1], std::atoi(argv[2]));
        return 0;
    }
    experiment("GPT-2 shape", "synthetic:llm-like?m=48", 16);
    experiment("Mistral shape", "synthetic:llm-like?n=32000&d=4096&m=28", 12);
    return 0;
}
