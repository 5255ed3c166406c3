// `adasoftmax report DATASET`: the speedup report (issue "Speedup report"): for each δ, tune on a
// seeded subset of the queries, run the rest, and compare the sample and wall-clock speedups and the
// success rate with exact softmax, SVD-softmax and a hierarchical softmax fitted to the head.
#pragma once

#include "core/SpeedupReport.h"

#include <QJsonObject>
#include <QStringList>

namespace ada::cli {

// `arguments` is argv without the subcommand (argv[0] first). Prints progress on stderr and the
// Markdown table on stdout; returns the exit status; throws what main() reports.
int reportCommand(const QStringList& arguments);

// The --json document: {"head": {...}, "rows": [...], "per_query": [...]}.
[[nodiscard]] QJsonObject reportToJson(const ada::SpeedupReport& report, const ada::Config& config,
                                       const ada::Dataset& dataset);

} // namespace ada::cli
