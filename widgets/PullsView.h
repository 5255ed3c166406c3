// Pulls view: how many columns each arm has been charged (its prefix depth), as a sorted profile
// against the exact cost D per arm, and as a histogram over log-spaced bins (DESIGN.md "Views").
#pragma once

#include "RunData.h"

#include <QWidget>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace ada {

class PullsView : public QWidget, public RunView {
    Q_OBJECT

public:
    explicit PullsView(QWidget* parent = nullptr);
    void setRun(RunDataPtr run) override;
    void showStep(int step) override;
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    // Left: depths sorted descending (point i at key i; one closing point at key n).
    [[nodiscard]] QCPGraph* profile() const { return profile_; }
    // Right: arms per bin, drawn as steps; point b sits at key histogramEdges()[b] with the count of
    // arms whose depth t (at least 1) lies in [edge b, edge b+1); one closing point at the last edge.
    [[nodiscard]] QCPGraph* histogram() const { return histogram_; }
    [[nodiscard]] const std::vector<double>& histogramEdges() const { return edges_; }

private:
    void fitLabels();

    QCustomPlot* plot_;
    QCPAxisRect* histRect_;
    QCPGraph* profile_;
    QCPGraph* histogram_;
    QCPItemStraightLine* exactLine_;
    QCPItemText* exactLabel_;
    QCPItemStraightLine* histExactLine_;
    RunDataPtr run_;
    std::vector<std::int64_t> sorted_; // reused between steps
    std::vector<double> edges_;
};

} // namespace ada
