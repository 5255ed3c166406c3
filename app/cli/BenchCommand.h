// `adasoftmax bench DATASET`: wall-clock of AdaptiveSoftmax against exact softmax on the same
// queries, interleaved query by query, with the sample speedup and the success rate beside the
// time speedup (a speedup means nothing without the accuracy it was bought at).
#pragma once

#include <QStringList>

namespace ada::cli {

// `arguments` is argv without the subcommand (argv[0] first). Returns the exit status; throws
// UsageError, IoError, DatasetError or std::invalid_argument, which main() reports.
int benchCommand(const QStringList& arguments);

} // namespace ada::cli
