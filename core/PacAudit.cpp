#include "PacAudit.h"

#include "ClopperPearson.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ada {

std::vector<PacAuditCell> auditDataset(const Dataset& dataset, const PacAuditOptions& options,
                                       const ProgressCallback& progress)
{
    if (options.tune < 0 || options.test < 1)
        throw std::invalid_argument("the audit needs tune >= 0 and test >= 1 queries");
    const int available = static_cast<int>(dataset.queryCount());
    if (available < 4)
        throw std::invalid_argument("the audit needs at least 4 queries; the dataset has "
                                    + std::to_string(available));
    const int wanted = options.tune + options.test;
    const int m = std::min(available, wanted);
    // A small dataset (the embedded head's 300 queries) keeps two thirds for testing: the bound on
    // the failure rate needs test queries more than tuning needs precision.
    const int tune = m < wanted ? m / 3 : options.tune;

    std::vector<PacAuditCell> cells;
    for (const double delta : options.deltas) {
        ExperimentOptions eo;
        eo.config = Config::forPreset(Preset::Paper);
        eo.config.sampler = options.sampler;
        if (!eo.config.importanceSampling())
            eo.config.weights = ImportanceWeights::None;
        eo.config.epsilon = options.epsilon;
        eo.config.delta = delta;
        eo.config.seed = options.seed;
        eo.queries = m;
        eo.tune = tune;
        eo.splitSeed = options.splitSeed;
        const ExperimentReport report = runExperiment(dataset, eo, progress);

        PacAuditCell cell;
        cell.delta = delta;
        cell.cancelled = report.cancelled;
        cell.tuneQueries = static_cast<int>(report.tuneQueries.size());
        cell.testQueries = static_cast<int>(report.outcomes.size());
        cell.failures = static_cast<int>(std::count_if(report.outcomes.begin(), report.outcomes.end(),
                                                       [](const QueryOutcome& o) { return !o.success; }));
        cell.fudge = report.fudge;
        cell.speedup = report.speedup;
        if (cell.testQueries > 0) {
            const long long n = cell.testQueries;
            cell.failureRate = double(cell.failures) / double(n);
            const auto [lower, upper] = clopperPearson(cell.failures, cell.testQueries, options.confidence);
            cell.interval = {lower, upper};
            const auto atDelta = static_cast<int>(std::floor(delta * double(n)));
            cell.decisive
                = clopperPearson(atDelta, cell.testQueries, options.confidence).second <= 2.0 * delta;
            cell.withinBound = cell.interval.upper <= 2.0 * delta;
        }
        cells.push_back(cell);
        if (report.cancelled)
            break;
    }
    return cells;
}

} // namespace ada
