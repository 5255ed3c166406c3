// `adasoftmax audit`: the PAC audit of issue 9 (core/PacAudit.h) over every synthetic family and
// every built-in real head, printed as one table. Exit 1 when a decisive cell's 95 % upper bound on
// the failure rate exceeds 2δ.
#pragma once

#include <QStringList>

namespace ada::cli {

int auditCommand(const QStringList& arguments);

} // namespace ada::cli
