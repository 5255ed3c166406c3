// Top-k identification by round-based successive elimination (ALGORITHM.md §4), and the run
// context the phases of Algorithm 1 share (engine, observer, survivors).
#pragma once

#include "ArmEngine.h"
#include "RunObserver.h"

#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace ada {

// The maximal runs of `arms` (ascending and distinct).
[[nodiscard]] std::vector<ArmRun> runsOf(std::span<const int> arms);

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
    ScratchVector<int> candidates;     // arms not excluded for this query, ascending (setCandidates)
    std::vector<ArmRun> candidateRuns; // the same as runs of consecutive arms
    // For the observer only (left empty in an unobserved run, which never reads them):
    std::vector<std::uint8_t> survivors; // 1 while a top-k contender
    std::vector<double> halfWidths;      // elimination CIs (filled during elimination)
    std::vector<double> targets;         // per-arm variance targets of the current pull
    int leader = -1;
    double logPartition = std::numeric_limits<double>::quiet_NaN(); // no running log Ŝ yet
    // The largest v_i and μ̂_i over the candidates, where the run knows them without a scan (after a
    // fresh warm-up: ArmEngine::lastDesRajBatch); the first elimination round then knows from the
    // first alone when no candidate is active, and takes its leader from the second if it pulled
    // nothing.
    std::optional<double> largestCandidateVariance;
    std::optional<double> largestCandidateEstimate;
    bool stopped = false;

    // `runs` are those of `arms` (runsOf), which the caller knows without a scan of n arms.
    void setCandidates(ScratchVector<int> arms, std::vector<ArmRun> runs)
    {
        candidates = std::move(arms);
        candidateRuns = std::move(runs);
    }

    // Sends one event; returns false (and remembers it) if the observer asked to stop.
    bool notify(EventKind kind);
};

// Returns the k arms with the largest estimates among the final contenders, best first
// (the reference returns them in ascending-estimate order, §12 I-9). Empty if stopped.
std::vector<int> identifyTopK(RunContext& ctx, double deltaBestArms, int k, double fudge);

} // namespace ada
