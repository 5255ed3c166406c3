// Partition view: the running two-stage estimate log Ŝ against the truth with its ε band, and the
// per-arm variance targets of Algorithm 2 against each arm's current variance (DESIGN.md "Views").
#pragma once

#include "RunData.h"

#include <QWidget>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace ada {

class PartitionView : public QWidget, public RunView {
    Q_OBJECT

public:
    explicit PartitionView(QWidget* parent = nullptr);
    void setRun(RunDataPtr run) override;
    void showStep(int step) override;
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    [[nodiscard]] QCPGraph* estimateGraph() const { return estimate_; }
    [[nodiscard]] QCPGraph* targetsGraph() const { return targets_; }

private:
    QCustomPlot* plot_;
    QCPAxisRect* lower_;
    QCPGraph* estimate_;
    QCPGraph* truth_;
    QCPGraph* bandHigh_;
    QCPGraph* bandLow_;
    QCPGraph* targets_;
    QCPItemStraightLine* diagonal_;
    QCPItemText* note_;
    QCPItemText* diagonalNote_;
    int firstPartitionStep_ = 0;
    RunDataPtr run_;
};

} // namespace ada
