// Top-k identification by round-based successive elimination (ALGORITHM.md §4), and the run
// context the phases of Algorithm 1 share (engine, observer, survivors).
#pragma once

#include "ArmEngine.h"
#include "RunObserver.h"

#include <optional>
#include <utility>
#include <vector>

namespace ada {

// The maximal runs of `arms` (ascending and distinct).
[[nodiscard]] std::vector<ArmRun> runsOf(const std::vector<int>& arms);

// State of one run that every phase reads and the observer sees.
struct RunContext {
    RunContext(ArmEngine& e, const Config& c, RunObserver* o)
        : engine(e)
        , config(c)
        , observer(o)
    {
    }

    ArmEngine& engine;
    const Config& config;
    RunObserver* observer = nullptr; // null: no events are built at all
    Phase phase = Phase::Warmup;
    int round = 0;
    std::vector<int> candidates;       // arms not excluded for this query, ascending (setCandidates)
    std::vector<ArmRun> candidateRuns; // the same as runs of consecutive arms
    // For the observer only (left empty in an unobserved run, which never reads them):
    std::vector<std::uint8_t> survivors; // 1 while a top-k contender
    std::vector<double> halfWidths;      // elimination CIs (filled during elimination)
    std::vector<double> targets;         // per-arm variance targets of the current pull
    int leader = -1;
    double logPartition = 0.0;
    // An upper bound of v_i over the candidates, where the run knows one without a scan (after a
    // fresh warm-up: ArmEngine::lastDesRajBatch); the first elimination round then knows from it
    // alone when no candidate is active.
    std::optional<double> largestCandidateVariance;
    bool stopped = false;

    void setCandidates(std::vector<int> arms)
    {
        candidates = std::move(arms);
        candidateRuns = runsOf(candidates);
    }

    // Sends one event; returns false (and remembers it) if the observer asked to stop.
    bool notify(EventKind kind);
};

// Returns the k arms with the largest estimates among the final contenders, best first
// (the reference returns them in ascending-estimate order, §12 I-9). Empty if stopped.
std::vector<int> identifyTopK(RunContext& ctx, double deltaBestArms, int k, double fudge);

} // namespace ada
