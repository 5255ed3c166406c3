// `adasoftmax variance`: the variance lab (ALGORITHM.md §9) on one row and one query of a dataset.
#pragma once

#include <QStringList>

namespace ada::cli {

// `arguments` is argv without the command word (argv[0] first). Returns the exit status.
int varianceCommand(const QStringList& arguments);

} // namespace ada::cli
