// The algorithm reports its progress to an observer (DESIGN.md "Data flow"): the GUI records a
// Trace from it, the CLI a progress line, tests assert on it. With no observer attached the
// algorithm builds no events at all.
#pragma once

#include "Result.h"

#include <cstdint>
#include <limits>
#include <span>

namespace ada {

enum class EventKind {
    PhaseStarted, // a new phase begins (state as it stands)
    PullBatch,    // one pull_to_var iteration brought some arms to a new depth (§3.7)
    Round,        // one elimination round finished filtering (§4); survivors updated
};

// A view of the engine's state at one event. Spans point into the engine and are valid only
// during the callback; copy what you keep.
struct RunEvent {
    EventKind kind = EventKind::PhaseStarted;
    Phase phase = Phase::Warmup;
    int round = 0;                           // elimination round (1-based; 0 before elimination)
    std::span<const double> estimates;       // μ̂_i
    std::span<const double> variances;       // v_i as the phase uses them (φ-multiplied); +inf if unpulled
    std::span<const std::int64_t> depths;    // t_i
    std::span<const std::uint8_t> survivors; // 1 while arm i is still a top-k contender
    std::span<const double> halfWidths;      // elimination confidence half-widths (empty elsewhere)
    std::span<const double> targets;         // per-arm variance targets of the current pull (may be empty)
    std::int64_t totalPulls = 0;
    int leader = -1; // current best estimate among survivors
    // Running log Ŝ: NaN until the partition phase has one (its first events come before any pull).
    double logPartition = std::numeric_limits<double>::quiet_NaN();
};

class RunObserver {
public:
    virtual ~RunObserver() = default;
    // Return false to stop the run; it then ends with Result::cancelled = true.
    virtual bool onEvent(const RunEvent& event) = 0;
    virtual void onResult(const Result& result) { (void)result; }
};

} // namespace ada
