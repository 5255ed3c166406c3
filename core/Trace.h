// A recorder that keeps every event of a run as a snapshot, so a run can be replayed, stepped
// backwards and scrubbed without recomputing (DESIGN.md "Threading in the GUI").
#pragma once

#include "RunObserver.h"

#include <atomic>
#include <limits>
#include <vector>

namespace ada {

struct Snapshot {
    EventKind kind = EventKind::PhaseStarted;
    Phase phase = Phase::Warmup;
    int round = 0;
    std::vector<double> estimates;
    std::vector<double> variances;
    std::vector<std::int64_t> depths;
    std::vector<std::uint8_t> survivors;
    std::vector<double> halfWidths;
    std::vector<double> targets;
    std::int64_t totalPulls = 0;
    int leader = -1;
    double logPartition = std::numeric_limits<double>::quiet_NaN(); // RunEvent::logPartition
};

struct Trace {
    std::vector<Snapshot> snapshots;
    Result result;
    bool complete = false;
};

// Records a Trace. Cancellation: another thread calls requestStop(); the next event stops the run.
class Recorder final : public RunObserver {
public:
    bool onEvent(const RunEvent& event) override;
    void onResult(const Result& result) override;
    void requestStop() { stop_.store(true, std::memory_order_relaxed); }
    [[nodiscard]] const Trace& trace() const { return trace_; }
    [[nodiscard]] Trace takeTrace() { return std::move(trace_); }

private:
    Trace trace_;
    std::atomic<bool> stop_{false};
};

} // namespace ada
