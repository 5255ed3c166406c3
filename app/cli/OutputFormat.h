// What the CLI prints and writes: aligned text tables on stdout, a progress line on stderr, and
// JSON files written atomically.
#pragma once

#include "core/Config.h"
#include "core/Head.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <string_view>
#include <utility>
#include <vector>

namespace ada::cli {

// A plain text table: a header row, then rows; numbers right-aligned, text left-aligned.
class TextTable {
public:
    explicit TextTable(QStringList header);
    void addRow(QStringList cells);
    [[nodiscard]] QString render() const;

private:
    QStringList header_;
    QList<QStringList> rows_;
};

// "name  value" lines with the names padded to one width: the run's summary.
using KeyValues = std::vector<std::pair<QString, QString>>;
[[nodiscard]] QString renderKeyValues(const KeyValues& rows);

// The dataset's shape and the configuration the run used: the first rows of every summary, and the
// matching JSON fields (dataset, n, d, eps, delta, k, temperature, preset, sampler, weights, …).
[[nodiscard]] KeyValues configRows(const ada::Config& config, const ada::Dataset& dataset);
void addConfigFields(QJsonObject& object, const ada::Config& config, const ada::Dataset& dataset);
[[nodiscard]] QString fudgeText(const ada::FudgeFactors& fudge);
[[nodiscard]] QJsonObject fudgeJson(const ada::FudgeFactors& fudge);

// Progress of a long computation on stderr. It prints only when the integer percent rises (or
// the stage changes): on a terminal one line rewritten with '\r', elsewhere (logs, pipes, tests)
// one line per 10 % so a log file stays short.
class ProgressPrinter {
public:
    ProgressPrinter();
    // Matches ada::ProgressCallback; always returns true (the CLI never cancels).
    bool operator()(int done, int total, std::string_view stage);
    // Ends the terminal line, if one is open.
    void finish();
    ~ProgressPrinter() { finish(); } // an error mid-run still leaves the terminal tidy

private:
    bool tty_ = false;
    bool lineOpen_ = false;
    int lastPercent_ = -1;
    QString stage_;
};

// Numbers as people read them: a fixed count of significant digits.
[[nodiscard]] QString formatNumber(double value, int significant = 4);
[[nodiscard]] QString formatInteger(long long value); // with thousands separators: 1 234 567
[[nodiscard]] QString formatSeconds(double seconds);  // 12.300 ms, 4.560 s, 87.00 us
[[nodiscard]] QString formatPercent(double fraction); // 0.95 -> "95.0 %"

// Writes `object` (indented) to `path` through QSaveFile, so a failed write leaves no half file.
// Throws IoError naming the path and the reason.
void writeJsonFile(const QString& path, const QJsonObject& object);

} // namespace ada::cli
