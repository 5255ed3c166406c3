// Speedup view (DESIGN.md "Views"): the speedup report's table (methods × δ: sample and time
// speedups, success rate with its 95 % Clopper–Pearson interval, cost and time per query; misses of
// 1 − δ in bold red) and three plots: sample speedup against δ with error bars, the distribution of
// per-query pulls, and success rate against cost for every method.
#pragma once

#include "core/SpeedupReport.h"

#include <QWidget>

#include <memory>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace ada {

class SpeedupReportView : public QWidget {
    Q_OBJECT

public:
    explicit SpeedupReportView(QWidget* parent = nullptr);
    void setReport(std::shared_ptr<const SpeedupReport> report); // null clears
    [[nodiscard]] const std::shared_ptr<const SpeedupReport>& report() const { return report_; }
    [[nodiscard]] QTableWidget* table() const { return table_; }
    [[nodiscard]] QLabel* notes() const { return notes_; } // the report's caveats, one per line
    [[nodiscard]] QCustomPlot* speedupPlot() const { return speedup_; }
    [[nodiscard]] QCustomPlot* pullsPlot() const { return pulls_; }
    [[nodiscard]] QCustomPlot* costPlot() const { return cost_; }

    // Half-width of the 95 % interval of a row's sample speedup 1/f̄ (f = cost / (n·D) per query), by
    // the delta method: 1.96 · sd(f)/√M / f̄². What the speedup plot's error bars show.
    [[nodiscard]] static double sampleSpeedupHalfWidth(const ReportRow& row);

private:
    void fillTable();
    // A caveat of the report in the studio's language.
    [[nodiscard]] QString noteText(const ReportNote& note) const;
    // The row's parameters (φ_b, φ_ℓ, tuning queries; W, N; depth, …) as the language writes them.
    [[nodiscard]] QString paramsText(const ReportRow& row) const;
    void plotSpeedup();
    void plotPulls();
    void plotCost();

    std::shared_ptr<const SpeedupReport> report_;
    QTableWidget* table_;
    QLabel* notes_;
    QCustomPlot* speedup_;
    QCustomPlot* pulls_;
    QCustomPlot* cost_;
};

} // namespace ada
