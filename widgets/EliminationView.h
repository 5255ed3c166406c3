// Elimination view (DESIGN.md "Views"): every arm's estimate with its confidence interval, survivors
// against eliminated arms, the leader, and optionally the true logits. For large n it draws the
// contenders in detail and the rest as an aggregated band, so it stays fluid at 50 000 arms.
#pragma once

#include "RunData.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPErrorBars;
class QCheckBox;

namespace ada {

class EliminationView : public QWidget, public RunView {
    Q_OBJECT

public:
    explicit EliminationView(QWidget* parent = nullptr);
    void setRun(RunDataPtr run) override;
    void showStep(int step) override;
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    void setShowTruth(bool show);

    // What the last showStep drew, for tests: the arms drawn in detail (x order), and how many of
    // all arms were aggregated instead.
    [[nodiscard]] const std::vector<int>& detailedArms() const { return detailed_; }
    static constexpr int kDetailLimit = 300;

private:
    void showTooltip(QMouseEvent* event);

    QCustomPlot* plot_;
    QCheckBox* truthBox_;
    QCPGraph* survivors_;
    QCPGraph* eliminated_;
    QCPGraph* leader_;
    QCPGraph* truth_;
    QCPGraph* bandUpper_;
    QCPGraph* bandLower_;
    QCPErrorBars* survivorBars_;
    QCPErrorBars* eliminatedBars_;
    RunDataPtr run_;
    int step_ = -1;
    std::vector<int> detailed_;
};

} // namespace ada
