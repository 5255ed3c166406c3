// Elimination view (DESIGN.md "Views"): every arm's estimate with its confidence interval, survivors
// against eliminated arms, the leader, and optionally the true logits. For large n it draws the
// contenders in detail and the rest as aggregated bands (about one bucket per pixel), so it stays
// fluid at 50 000 arms.
#pragma once

#include "RunData.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPErrorBars;
class QCPItemStraightLine;
class QCPItemText;
class QCheckBox;
class QComboBox;
class QLabel;
class QMouseEvent;

namespace ada {

class EliminationView : public QWidget, public RunView {
    Q_OBJECT

public:
    // The x axis: arms sorted by their current estimate μ̂ (default) or by their true logit.
    enum class Order { ByEstimate, ByTrueLogit };

    explicit EliminationView(QWidget* parent = nullptr);
    void setRun(RunDataPtr run) override;
    void showStep(int step) override;
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    void setShowTruth(bool show);
    void setOrder(Order order);
    [[nodiscard]] Order order() const { return order_; }

    // What the last showStep drew, for tests and tooltips: the arms drawn in detail (x = index in
    // this list), the graph of detailed contenders and its error bars (same order as the contenders
    // appear in detailedArms()), and how many arms were aggregated instead.
    [[nodiscard]] const std::vector<int>& detailedArms() const { return detailed_; }
    [[nodiscard]] QCPGraph* contenderGraph() const { return survivors_; }
    [[nodiscard]] QCPErrorBars* contenderBars() const { return survivorBars_; }
    [[nodiscard]] QCPGraph* eliminatedGraph() const { return eliminated_; }
    [[nodiscard]] QCPGraph* truthGraph() const { return truth_; }
    [[nodiscard]] std::size_t aggregatedArms() const { return rest_.size(); }
    // The caption under the plot: how the error bars were computed at this step.
    [[nodiscard]] QString errorBarNote() const;
    // At most this many arms are drawn in detail: the first half of them by rank regardless of
    // state, the rest contenders only.
    static constexpr int kDetailLimit = 400;

private:
    void showTooltip(QMouseEvent* event);

    QCustomPlot* plot_;
    QCheckBox* truthBox_;
    QComboBox* orderBox_;
    QLabel* note_;
    QCPGraph* survivors_;
    QCPGraph* eliminated_;
    QCPGraph* leader_;
    QCPGraph* truth_;
    QCPGraph* bandUpper_; // min–max of the aggregated estimates per bucket
    QCPGraph* bandLower_;
    QCPGraph* intervalUpper_; // envelope of the aggregated intervals per bucket
    QCPGraph* intervalLower_;
    QCPErrorBars* survivorBars_;
    QCPErrorBars* eliminatedBars_;
    QCPItemStraightLine* separator_;
    QCPItemText* separatorLabel_;
    RunDataPtr run_;
    Order order_ = Order::ByEstimate;
    int step_ = -1;
    std::vector<int> ranking_; // all arms in x order (reused between steps)
    std::vector<int> detailed_;
    std::vector<int> rest_;
    std::size_t perBucket_ = 1;
    double restX0_ = 0.0, restDx_ = 1.0;
};

} // namespace ada
