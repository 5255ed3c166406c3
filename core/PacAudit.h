// The PAC audit (issue 9): does AdaptiveSoftmax, with fudge factors tuned as in §7, keep its
// empirical failure rate within δ on queries it was not tuned on? For each δ: tune on a seeded
// subset, run the test queries, count failures (§1.2), and bound the true failure rate with a 95 %
// Clopper–Pearson upper bound. The audit passes a cell when that bound is at most 2δ.
#pragma once

#include "Config.h"
#include "Evaluation.h"
#include "Head.h"

#include <cstdint>
#include <vector>

namespace ada {

struct BinomialInterval { // a Clopper–Pearson interval (ClopperPearson.h)
    double lower = 0.0;
    double upper = 1.0;
};

struct PacAuditOptions {
    std::vector<double> deltas{0.1, 0.05, 0.01};
    int tune = 200;  // tuning queries (§7); fewer when the dataset is small (see auditDataset)
    int test = 2000; // test queries wanted; all that remain when the dataset has fewer
    double epsilon = 0.3;
    // The paper preset's configuration with this sampler (is-wor-ht: the preset itself). Uniform
    // samplers run without importance weights, importance samplers with the preset's.
    Sampler sampler = Sampler::ImportanceWithoutReplacement;
    double confidence = 0.95;
    std::uint64_t seed = 42;      // the algorithm's seed (per-query streams derive from it)
    std::uint64_t splitSeed = 42; // the tune/test split
};

struct PacAuditCell {
    double delta = 0.0;
    int tuneQueries = 0, testQueries = 0, failures = 0;
    double failureRate = 0.0;
    BinomialInterval interval; // of the failure rate
    FudgeFactors fudge;        // as tuned
    double speedup = 0.0;      // sample-complexity speedup on the test queries (§1.3)
    // Whether this many test queries can tell at all: a run failing at exactly rate δ would still
    // have its upper bound within 2δ. With fewer queries a pass is possible, a fail is not judged.
    bool decisive = false;
    bool withinBound = false; // interval.upper ≤ 2δ
    bool cancelled = false;
    [[nodiscard]] bool failed() const { return decisive && !withinBound; }
};

// One cell per δ, in the order of options.deltas. The dataset's first min(m, tune + test) queries
// are used; when fewer than tune + test exist, tuning takes a third of them. Throws
// std::invalid_argument when the dataset has fewer than 4 queries or the options are out of range.
[[nodiscard]] std::vector<PacAuditCell> auditDataset(const Dataset& dataset, const PacAuditOptions& options,
                                                     const ProgressCallback& progress = {});

} // namespace ada
