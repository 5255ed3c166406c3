// `adasoftmax run DATASET`: tune the fudge factors on some queries (paper preset), run
// AdaptiveSoftmax on the others, score every run against exact softmax, print a summary and
// optionally write JSON.
#pragma once

#include <QStringList>

namespace ada::cli {

// `arguments` is argv without the subcommand (argv[0] first). Returns the exit status; throws
// UsageError, IoError, DatasetError or std::invalid_argument, which main() reports.
int runCommand(const QStringList& arguments);

} // namespace ada::cli
