#include "Trace.h"

namespace ada {

bool Recorder::onEvent(const RunEvent& event)
{
    Snapshot s;
    s.kind = event.kind;
    s.phase = event.phase;
    s.round = event.round;
    s.estimates.assign(event.estimates.begin(), event.estimates.end());
    s.variances.assign(event.variances.begin(), event.variances.end());
    s.depths.assign(event.depths.begin(), event.depths.end());
    s.survivors.assign(event.survivors.begin(), event.survivors.end());
    s.halfWidths.assign(event.halfWidths.begin(), event.halfWidths.end());
    s.targets.assign(event.targets.begin(), event.targets.end());
    s.totalPulls = event.totalPulls;
    s.leader = event.leader;
    s.logPartition = event.logPartition;
    trace_.snapshots.push_back(std::move(s));
    return !stop_.load(std::memory_order_relaxed);
}

void Recorder::onResult(const Result& result)
{
    trace_.result = result;
    trace_.complete = !result.cancelled;
}

} // namespace ada
