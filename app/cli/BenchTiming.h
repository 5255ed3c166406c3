// Wall-clock of exact softmax against AdaptiveSoftmax on the same queries, interleaved query by
// query (issue 7): what `bench DATASET` and `bench --suite` both measure.
#pragma once

#include "core/AdaptiveSoftmax.h"
#include "core/Evaluation.h"

#include <array>
#include <cstdint>
#include <vector>

namespace ada::cli {

struct InterleavedTiming {
    std::vector<double> exactSeconds;    // per repetition: mean per query
    std::vector<double> adaptiveSeconds; // per repetition: mean per query
    double medianExact = 0.0;            // medians over the repetitions
    double medianAdaptive = 0.0;
    double sampleSpeedup = 0.0; // 1 / mean pulls/(n·D) (§1.3)
    int successes = 0;          // over every run of every repetition
    int runs = 0;
    int distinctSuccesses = 0; // over the first repetition (runs are deterministic, so the others repeat it)
    // Per query, means over the queries (runs are deterministic, so one repetition's counts).
    double meanPulls = 0.0;
    double meanExactPulls = 0.0;                        // n·D
    double meanBytesRead = 0.0;                         // Result::bytesRead
    double meanFloorBytes = 0.0;                        // lineFloorBytes (core/CostModel.h)
    std::array<double, kCostedPhases> meanPhasePulls{}; // Result::phasePulls
    std::array<double, kCostedPhases> meanPhaseBytes{}; // Result::phaseBytes
    double checksum = 0.0; // printed, so that neither computation can be optimised away

    [[nodiscard]] double timeSpeedup() const
    {
        return medianAdaptive > 0.0 ? medianExact / medianAdaptive : 0.0;
    }
    [[nodiscard]] double successRate() const { return runs > 0 ? double(successes) / double(runs) : 0.0; }
};

[[nodiscard]] double median(std::vector<double> values);

// Times `repetitions` passes over `queries` (indices into dataset.queries), exact first then
// adaptive for each query, with the per-query seeds `run` uses. Everything query-independent
// (`prepared`) is built by the caller, outside the timed region, as a server would do once.
[[nodiscard]] InterleavedTiming timeInterleaved(const Dataset& dataset, const PreparedHead& prepared,
                                                const Config& config, const std::vector<int>& queries,
                                                int repetitions, const ProgressCallback& progress = {});

} // namespace ada::cli
