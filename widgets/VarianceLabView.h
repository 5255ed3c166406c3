// Variance lab view (DESIGN.md "Views"): observed MSE (solid) and predicted variance (dashed) against
// the sample size on log-log axes, one colour per estimator and weighting, a band for the spread of
// each estimator's own variance estimate, and the histograms of §9 (sampled (A_ij, x_j) pairs and
// the second-order Horvitz–Thompson term).
#pragma once

#include "core/VarianceLab.h"

#include <QWidget>

#include <memory>

class QCustomPlot;
class QCPGraph;

namespace ada {

class VarianceLabView : public QWidget {
    Q_OBJECT

public:
    explicit VarianceLabView(QWidget* parent = nullptr);
    void setResult(std::shared_ptr<const VarianceLabResult> result, const QString& caption);
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    [[nodiscard]] QCustomPlot* histograms() const { return histograms_; }
    // The graphs drawn for curve i of the result: observed MSE, predicted variance (null if none).
    [[nodiscard]] std::pair<QCPGraph*, QCPGraph*> graphsOf(std::size_t curve) const;

private:
    void showTooltip(QMouseEvent* event);

    QCustomPlot* plot_;
    QCustomPlot* histograms_;
    std::shared_ptr<const VarianceLabResult> result_;
    std::vector<std::pair<QCPGraph*, QCPGraph*>> graphs_;
};

} // namespace ada
