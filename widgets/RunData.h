// Everything the views need about one recorded run: the Trace the worker recorded, and the exact
// answer to draw next to it. Immutable once built, shared between views by pointer.
#pragma once

#include "core/Config.h"
#include "core/Head.h"
#include "core/Trace.h"

#include <Eigen/Core>
#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ada {

struct RunData {
    Trace trace;                    // snapshots + final Result
    Eigen::VectorXd trueLogits;     // exact β·(A·x + b), n entries
    double trueLogPartition = 0.0;  // exact log S
    std::vector<std::string> vocab; // arm names (may be empty: views show "arm i")
    Config config;                  // the configuration the run used (fudge included)
    std::int64_t arms = 0;          // n
    std::int64_t dim = 0;           // d
    std::int64_t effectiveDim = 0;  // D(x)
    QString datasetName;
    int queryIndex = 0;

    [[nodiscard]] int steps() const { return static_cast<int>(trace.snapshots.size()); }
    [[nodiscard]] QString armName(int arm) const
    {
        return arm >= 0 && arm < static_cast<int>(vocab.size())
            ? QString::fromStdString(vocab[std::size_t(arm)])
            : QCoreApplication::translate("ada::RunData", "arm %1").arg(arm);
    }
    // δ′ of the phases' confidence bounds: δ/2 with an exact winner, δ/3 otherwise (§6.1).
    [[nodiscard]] double deltaPrime() const
    {
        return config.exactWinner ? config.delta / 2.0 : config.delta / 3.0;
    }
    // The elimination constant L = log(6·n·max(log D, 1)/δ′) of Cᵢ = √(2·vᵢ·L) (§4).
    [[nodiscard]] double eliminationLogTerm() const
    {
        const double logD = std::max(std::log(std::max(double(effectiveDim), 1.0)), 1.0);
        return std::log(6.0 * double(arms) * logD / deltaPrime());
    }
};

using RunDataPtr = std::shared_ptr<const RunData>;

// Runs AdaptiveSoftmax on query `query` of `dataset` on the calling thread (the studio calls it on its
// worker) and keeps what the views need: the Trace and the exact answer. The query's seed is derived
// as in every multi-query run (queryConfigSeed). `keepGoing`, if given, is asked at every event;
// returning false cancels the run, and the result is then null. Throws std::invalid_argument.
[[nodiscard]] RunDataPtr recordRun(const Dataset& dataset, int query, const Config& config,
                                   const std::function<bool(const RunEvent&)>& keepGoing = {});

// The confidence half-width to draw for `arm` at a snapshot: the elimination's own interval while
// it runs, otherwise √(2·v·L) with the elimination constant L = log(6·n·max(log D, 1)/δ′) (§4).
[[nodiscard]] double confidenceHalfWidth(const RunData& run, const Snapshot& snapshot, int arm);

// What every view implements: take a run, then show the state after snapshot `step`
// (0 ≤ step < steps()). Views never compute anything expensive in showStep: O(n) at most.
class RunView {
public:
    virtual ~RunView() = default;
    virtual void setRun(RunDataPtr run) = 0;
    virtual void showStep(int step) = 0;
};

} // namespace ada
