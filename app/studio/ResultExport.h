// A finished run as files (DESIGN.md "Files and formats"): per-arm CSV (arm, name, pulls, estimate,
// variance, true logit) and JSON (scenario with its configuration, the result, per-arm rows). No
// widgets: the main window asks for a path, these build the bytes and write them.
#pragma once

#include "Scenario.h"

#include "widgets/RunData.h"

#include <QByteArray>
#include <QString>

namespace ada {

// The per-arm table at the run's last snapshot, with a header line. Names are quoted (RFC 4180).
[[nodiscard]] QByteArray resultsCsv(const RunData& run);

// {"scenario": {...}, "result": {top_k, probabilities, log_s_hat, log_s, total_pulls, exact_pulls,
//  speedup}, "arms": [{arm, name, pulls, estimate, variance, true_logit}, ...]}
[[nodiscard]] QByteArray resultsJson(const RunData& run, const Scenario& scenario);

// Writes atomically (QSaveFile); throws std::runtime_error naming the file on failure.
void writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace ada
