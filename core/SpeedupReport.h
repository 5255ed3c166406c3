// The speedup report (issue "Speedup report"; DESIGN.md "Speedup view"): on one head, what adaptive
// sampling saves against exact softmax and the other approximations, at several δ, with the success
// rate it was bought at. For each δ the fudge factors are tuned on a seeded subset of the queries
// (ALGORITHM.md §7) and every other query is run and scored (§1.2, §1.3); exact softmax, an
// SVD-softmax sweep (§11.1) and a hierarchical softmax fitted to the head (§11.3) run on the same
// test queries and are scored the same way (isSuccess).
#pragma once

#include "Config.h"
#include "Evaluation.h"
#include "Head.h"
#include "HierarchicalSoftmax.h"
#include "SvdSoftmax.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ada {

struct SpeedupReportOptions {
    Config config;                               // ε, k, preset, sampler, …; δ and fudge are set per row
    std::vector<double> deltas{0.1, 0.05, 0.01}; // one adaptive row each
    int queries = -1;                            // the first M queries; −1: all
    int tune = -1;                               // tuning queries; −1: min(200, M/2)
    std::uint64_t seed = 42;                     // the split, the algorithm's seeds, the HSM tree
    bool svd = true;
    std::vector<std::pair<int, int>> svdSweep;  // (W, N); empty: defaultSvdSweep()
    std::shared_ptr<const SvdSoftmax> svdCache; // the head's SVD if already computed (else computed here)
    bool hsm = true;
    HsmFitOptions hsmOptions;
    double confidence = 0.95; // of the Clopper–Pearson interval
};

// One method on one test query. `cost` is pulls (adaptive) or multiplications (baselines).
struct ReportQuery {
    int query = 0;
    std::int64_t cost = 0;
    std::int64_t exactCost = 0; // n·D(x) (§1.3)
    std::int64_t fullCost = 0;  // n·d
    bool success = false;
    double seconds = 0.0;                                 // this method on this query
    double exactSeconds = 0.0;                            // exact softmax on this query, timed beside it
    std::array<std::int64_t, kCostedPhases> phasePulls{}; // adaptive only
    std::vector<int> topK;
    std::vector<double> probabilities; // p̂ of topK
};

struct ReportRow {
    std::string method;  // "adaptive", "exact", "svd" or "hsm"
    double delta = -1.0; // the adaptive rows' δ; −1 for baselines (they have no δ)
    std::vector<std::pair<std::string, double>> params; // φ_b, φ_ℓ; W, N; depth, fit queries, …
    double sampleSpeedup = 0.0;                         // 1 / mean of cost / (n·D) (§1.3)
    double sampleSpeedupD = 0.0;                        // 1 / mean of cost / (n·d)
    double timeSpeedup = 0.0;                           // Σ exact seconds / Σ method seconds
    int successes = 0;
    int testQueries = 0;
    double successRate = 0.0;
    std::pair<double, double> successCi{0.0, 1.0};
    double costPerQuery = 0.0;                              // mean pulls or multiplications
    double secondsPerQuery = 0.0;                           // mean wall-clock
    std::array<double, kCostedPhases> phasePullsPerQuery{}; // adaptive only: mean pulls per phase
    std::vector<ReportQuery> perQuery;

    // The success target 1 − δ this row is held to: its own δ, or the largest δ for a baseline.
    [[nodiscard]] bool meets(double target) const { return successRate >= 1.0 - target; }
};

// A caveat printed beside the report's table: its kind and numbers, so that a view can say it in its
// own language, and the English sentence the CLI and the exports print.
struct ReportNote {
    enum class Kind {
        SvdCannotWin,     // values: n, d (n ≤ d)
        HsmSkipped,       // no values: no tuning queries to fit on
        HsmFewFitQueries, // values: fit queries, d, fit rank
    };
    Kind kind = Kind::HsmSkipped;
    std::vector<std::int64_t> values;
    std::string text;
};

struct SpeedupReport {
    std::string dataset;
    int arms = 0;
    int dim = 0;
    double epsilon = 0.3;
    int k = 1;
    std::uint64_t seed = 42;
    std::vector<double> deltas;
    std::vector<int> tuneQueries;
    std::vector<int> testQueries;
    double svdSeconds = 0.0;               // the offline SVD (0 when reused from the cache)
    std::shared_ptr<const SvdSoftmax> svd; // for reuse by the caller
    double hsmFitSeconds = 0.0;
    std::vector<ReportNote> notes; // caveats worth printing beside the table
    std::vector<ReportRow> rows;
    bool cancelled = false;
};

// A sweep of (W, N) around the public defaults W ≈ r/8, N ≈ n/16 (§11.1): W ∈ r·{1/8, 1/4, 1/2},
// N ∈ n·{1/16, 1/8, 1/4}, clamped to [1, r] and [k, n], without duplicates.
[[nodiscard]] std::vector<std::pair<int, int>> defaultSvdSweep(int arms, int rank, int k);

// Recomputes a row's summary fields from its perQuery entries (what the report does, and what a
// reader of the per-query JSON can do).
void summariseRow(ReportRow& row, double confidence);

// Throws std::invalid_argument for an unusable combination (no queries, tune ≥ M, bad δ, bad config).
// Progress stages: "tune δ=…", "test δ=…", "exact", "svd", "hsm fit", "hsm"; returning false cancels
// (the report then has cancelled = true and only the rows finished so far).
[[nodiscard]] SpeedupReport runSpeedupReport(const Dataset& dataset, const SpeedupReportOptions& options,
                                             const ProgressCallback& progress = {});

// Plain-text renderings (no I/O): the Markdown tables (methods × δ, then the cost of each phase) and
// CSV with one line per row. Cells whose success rate is below 1 − δ are marked.
[[nodiscard]] std::string formatReportMarkdown(const SpeedupReport& report);
[[nodiscard]] std::string formatReportCsv(const SpeedupReport& report);
// "W=98, N=1" from a row's params.
[[nodiscard]] std::string formatParams(const ReportRow& row);
// The δ a row is held to: its own, or the largest of the report's δ for a baseline.
[[nodiscard]] double targetDelta(const SpeedupReport& report, const ReportRow& row);

} // namespace ada
