#include "RunData.h"

#include "core/AdaptiveSoftmax.h"
#include "core/Evaluation.h"
#include "core/ExactSoftmax.h"

#include <algorithm>
#include <cmath>

namespace ada {

namespace {

// Records every event, and stops when `keepGoing` says so.
class GuardedRecorder final : public RunObserver {
public:
    explicit GuardedRecorder(const std::function<bool(const RunEvent&)>& keepGoing)
        : keepGoing_(keepGoing)
    {
    }
    bool onEvent(const RunEvent& event) override
    {
        return (!keepGoing_ || keepGoing_(event)) && recorder_.onEvent(event);
    }
    void onResult(const Result& result) override { recorder_.onResult(result); }
    Trace take() { return recorder_.takeTrace(); }

private:
    const std::function<bool(const RunEvent&)>& keepGoing_;
    Recorder recorder_;
};

} // namespace

RunDataPtr recordRun(const Dataset& dataset, int query, const Config& config,
                     const std::function<bool(const RunEvent&)>& keepGoing)
{
    if (query < 0 || query >= dataset.queryCount())
        throw std::invalid_argument("query " + std::to_string(query) + " is outside the dataset's "
                                    + std::to_string(dataset.queryCount()) + " queries");
    const Head& head = dataset.head;
    const Eigen::VectorXf x = dataset.queries.row(query).transpose();
    Config c = config;
    c.seed = queryConfigSeed(config, query);
    // One query: a column-major copy of A would cost a full pass over A before the first pull.
    const PreparedHead prepared(head, c, PullKernels::Straightforward);
    GuardedRecorder recorder(keepGoing);
    const Result result = runAdaptiveSoftmax(prepared, x, c, &recorder, dataset.excludedFor(query));
    if (result.cancelled)
        return nullptr;
    auto run = std::make_shared<RunData>();
    run->trace = recorder.take();
    run->trueLogits = exactLogits(head, x, prepared.temperature());
    excludeArms(run->trueLogits, dataset.excludedFor(query));
    run->trueLogPartition = logSumExp(run->trueLogits);
    run->vocab = dataset.vocab;
    run->config = c;
    run->arms = head.arms();
    run->dim = head.dim();
    run->effectiveDim = result.effectiveDim;
    run->datasetName = QString::fromStdString(dataset.name);
    run->queryIndex = query;
    return run;
}

double confidenceHalfWidth(const RunData& run, const Snapshot& snapshot, int arm)
{
    const auto a = static_cast<std::size_t>(arm);
    if (a < snapshot.halfWidths.size() && snapshot.phase == Phase::Elimination)
        return snapshot.halfWidths[a];
    if (a >= snapshot.variances.size())
        return 0.0;
    const double v = snapshot.variances[a];
    if (!std::isfinite(v))
        return std::numeric_limits<double>::infinity();
    return std::sqrt(2.0 * v * run.eliminationLogTerm());
}

} // namespace ada
