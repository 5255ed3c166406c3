#include "PullsView.h"

#include "LocaleNumbers.h"
#include "PlotStyle.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace ada {

PullsView::PullsView(QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("pullsView"));
    installTitledPlot(this, plot_, tr("Pulls per arm"));
    // Profile and histogram side by side under the one title.
    QCPAxisRect* profileRect = plot_->axisRect();
    plot_->plotLayout()->take(profileRect);
    auto* row = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(1, 0, row);
    row->addElement(0, 0, profileRect);
    histRect_ = new QCPAxisRect(plot_);
    row->addElement(0, 1, histRect_);
    row->setColumnStretchFactors({3.0, 2.0});
    for (QCPAxis* axis : histRect_->axes()) {
        axis->grid()->setPen(QPen(QColor(225, 225, 225), 0, Qt::DotLine));
        axis->setTickLabelFont(plot_->yAxis->tickLabelFont());
        axis->setLabelFont(plot_->yAxis->labelFont());
    }

    plot_->yAxis->setLabel(tr("pulls tᵢ (columns charged)"));
    profile_ = plot_->addGraph();
    profile_->setLineStyle(QCPGraph::lsStepLeft);
    profile_->setPen(QPen(PlotStyle::survivor(), 1.5));
    profile_->setBrush(QColor(31, 119, 180, 60));
    profile_->setName(tr("pulls"));
    exactLine_ = new QCPItemStraightLine(plot_);
    exactLine_->setPen(QPen(PlotStyle::leader(), 1.2, Qt::DashLine));
    exactLabel_ = new QCPItemText(plot_);
    exactLabel_->setColor(PlotStyle::leader());
    exactLabel_->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    exactLabel_->position->setTypeY(QCPItemPosition::ptPlotCoords);
    exactLabel_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    exactLabel_->setPadding(QMargins(0, 3, 4, 0));

    QCPAxis* hx = histRect_->axis(QCPAxis::atBottom);
    QCPAxis* hy = histRect_->axis(QCPAxis::atLeft);
    hx->setScaleType(QCPAxis::stLogarithmic);
    hx->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    hy->setLabel(tr("arms"));
    histogram_ = plot_->addGraph(hx, hy);
    histogram_->setLineStyle(QCPGraph::lsStepLeft);
    histogram_->setPen(QPen(PlotStyle::phase(Phase::Elimination), 1.2));
    histogram_->setBrush(QColor(31, 119, 180, 90));
    histExactLine_ = new QCPItemStraightLine(plot_);
    histExactLine_->setClipAxisRect(histRect_);
    histExactLine_->point1->setAxes(hx, hy);
    histExactLine_->point2->setAxes(hx, hy);
    histExactLine_->setPen(QPen(PlotStyle::leader(), 1.2, Qt::DashLine));
    // Before each replot (with the previous layout's sizes, which the replot keeps) the labels take
    // the longest form that fits: in a narrow dock the full ones were clipped at the plot's edges.
    connect(plot_, &QCustomPlot::beforeReplot, this, &PullsView::fitLabels);
}

void PullsView::fitLabels()
{
    if (run_) {
        const qint64 D = std::max<std::int64_t>(run_->effectiveDim, 1);
        exactLabel_->setText(firstFormThatFits({tr("exact softmax: D = %1 per arm").arg(localeCount(D)),
                                                tr("exact: D = %1 per arm").arg(localeCount(D)),
                                                tr("D = %1").arg(localeCount(D)),
                                                QString()}, // none fits: the dashed line and its tick say it
                                               exactLabel_->font(), plot_->axisRect()->width() - 8));
    }
    // The profile's axis label is centred under its rect and may reach into the margins as far as half
    // the gap to the histogram (whose own label takes at most its right margin of the other half); its
    // ticks as many as stay apart.
    const QCPAxisRect* profileRect = plot_->axisRect();
    plot_->xAxis->setLabel(firstFormThatFits(
        {tr("arms, most pulled first"), tr("arms,\nmost pulled first"), tr("arms")},
        plot_->xAxis->labelFont(), profileRect->width() + 2 * (histRect_->margins().left() / 2)));
    fitTickCount(plot_->xAxis);
    // Centred under the histogram, the label may reach into the margin on either side, as far as the
    // narrower one (the right, at the plot's edge) allows.
    QCPAxis* hx = histRect_->axis(QCPAxis::atBottom);
    hx->setLabel(firstFormThatFits(
        {tr("pulls tᵢ (log-spaced bins)"), tr("pulls tᵢ\n(log-spaced bins)"), tr("pulls tᵢ\n(log bins)")},
        hx->labelFont(), histRect_->width() + 2 * histRect_->margins().right()));
}

void PullsView::setRun(RunDataPtr run)
{
    run_ = std::move(run);
    if (!run_)
        return;
    const double D = double(std::max<std::int64_t>(run_->effectiveDim, 1));
    exactLine_->point1->setCoords(0, D);
    exactLine_->point2->setCoords(1, D);
    exactLabel_->position->setCoords(0.99, D);
    plot_->yAxis->setRange(0, D * 1.08);
    plot_->xAxis->setRange(0, double(run_->arms));
    // About four bins per decade from 1 to just past D.
    edges_.clear();
    const int bins = std::max(4, static_cast<int>(std::ceil(4.0 * std::log10(D + 1.0))));
    const double step = std::log10(D + 1.0) / bins;
    for (int b = 0; b <= bins; ++b)
        edges_.push_back(std::pow(10.0, b * step));
    histRect_->axis(QCPAxis::atBottom)->setRange(0.8, edges_.back() * 1.25);
    histExactLine_->point1->setCoords(D, 0);
    histExactLine_->point2->setCoords(D, 1);
    if (run_->steps() > 0)
        showStep(run_->steps() - 1);
}

void PullsView::showStep(int step)
{
    if (!run_ || step < 0 || step >= run_->steps())
        return;
    const Snapshot& s = run_->trace.snapshots[std::size_t(step)];
    sorted_.assign(s.depths.begin(), s.depths.end());
    std::sort(sorted_.begin(), sorted_.end(), std::greater<>());
    const auto n = qsizetype(sorted_.size());
    QVector<double> x(n + 1), y(n + 1);
    for (qsizetype i = 0; i < n; ++i) {
        x[i] = double(i);
        y[i] = double(sorted_[std::size_t(i)]);
    }
    x.back() = double(n); // close the last step
    y.back() = sorted_.empty() ? 0.0 : double(sorted_.back());
    profile_->setData(x, y, true);

    // Histogram: sorted_ is descending, so walk the bins from the top.
    const auto bins = qsizetype(edges_.size()) - 1;
    QVector<double> hx(bins + 1), hy(bins + 1, 0.0);
    for (qsizetype b = 0; b <= bins; ++b)
        hx[b] = edges_[std::size_t(b)];
    qsizetype b = bins - 1;
    double peak = 1.0;
    for (auto it = sorted_.begin(); it != sorted_.end() && bins > 0; ++it) {
        const double t = std::max<double>(double(*it), 1.0);
        while (b > 0 && t < edges_[std::size_t(b)])
            --b;
        hy[b] += 1.0;
        peak = std::max(peak, hy[b]);
    }
    if (bins > 0)
        hy[bins] = hy[bins - 1]; // close the last step
    histogram_->setData(hx, hy, true);
    histRect_->axis(QCPAxis::atLeft)->setRange(0, peak * 1.1);

    const double exact = double(run_->arms) * double(std::max<std::int64_t>(run_->effectiveDim, 1));
    setPlotTitle(plot_,
                 tr("Pulls · %1 of n·D = %2 (%3 %, %4× fewer) · %5")
                     .arg(localeCount(s.totalPulls))
                     .arg(localeCount(qint64(exact)))
                     .arg(localeNumber(100.0 * double(s.totalPulls) / exact, 'f', 2))
                     .arg(localeNumber(s.totalPulls > 0 ? exact / double(s.totalPulls) : 0.0, 'f', 1))
                     .arg(phaseName(s.phase)));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ada
