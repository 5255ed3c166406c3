#include "PartitionView.h"

#include "LocaleNumbers.h"
#include "PlotStyle.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace ada {

PartitionView::PartitionView(QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("partitionView"));
    installTitledPlot(this, plot_, tr("Partition function S = Σ exp(μᵢ)"));
    QCPAxisRect* upper = plot_->axisRect();
    upper->axis(QCPAxis::atBottom)->setLabel(tr("replay step"));
    upper->axis(QCPAxis::atLeft)->setLabel(tr("log Ŝ"));
    bandHigh_ = plot_->addGraph();
    bandLow_ = plot_->addGraph();
    bandHigh_->setPen(Qt::NoPen);
    bandLow_->setPen(Qt::NoPen);
    bandHigh_->setBrush(QColor(44, 160, 44, 45));
    bandHigh_->setChannelFillGraph(bandLow_);
    bandHigh_->setName(tr("true log S + log(1 ± ε)"));
    plot_->legend->removeItem(plot_->legend->itemCount() - 1);
    truth_ = plot_->addGraph();
    truth_->setPen(QPen(PlotStyle::truth(), 1.5, Qt::DashLine));
    truth_->setName(tr("true log S"));
    estimate_ = plot_->addGraph();
    estimate_->setPen(QPen(PlotStyle::phase(Phase::Partition), 2));
    estimate_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    estimate_->setName(tr("running log Ŝ"));
    plot_->legend->setVisible(true);
    upper->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

    lower_ = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(2, 0, lower_);
    for (QCPAxis* axis : lower_->axes()) {
        axis->grid()->setPen(QPen(QColor(225, 225, 225), 0, Qt::DotLine));
        axis->setTickLabelFont(upper->axis(QCPAxis::atLeft)->tickLabelFont());
        axis->setLabelFont(upper->axis(QCPAxis::atLeft)->labelFont());
    }
    QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
    lower_->axis(QCPAxis::atBottom)->setScaleType(QCPAxis::stLogarithmic);
    lower_->axis(QCPAxis::atBottom)->setTicker(logTicker);
    lower_->axis(QCPAxis::atLeft)->setScaleType(QCPAxis::stLogarithmic);
    lower_->axis(QCPAxis::atLeft)->setTicker(logTicker);
    lower_->axis(QCPAxis::atBottom)->setLabel(tr("variance target Vᵢ (Algorithm 2)"));
    lower_->axis(QCPAxis::atLeft)->setLabel(tr("current variance vᵢ"));
    targets_ = plot_->addGraph(lower_->axis(QCPAxis::atBottom), lower_->axis(QCPAxis::atLeft));
    targets_->setLineStyle(QCPGraph::lsNone);
    targets_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, PlotStyle::phase(Phase::Partition), 4));
    targets_->removeFromLegend();
    diagonal_ = new QCPItemStraightLine(plot_);
    diagonal_->setClipAxisRect(lower_);
    diagonal_->point1->setAxes(lower_->axis(QCPAxis::atBottom), lower_->axis(QCPAxis::atLeft));
    diagonal_->point2->setAxes(lower_->axis(QCPAxis::atBottom), lower_->axis(QCPAxis::atLeft));
    diagonal_->point1->setCoords(1e-12, 1e-12);
    diagonal_->point2->setCoords(1e6, 1e6);
    diagonal_->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    diagonalNote_ = new QCPItemText(plot_);
    diagonalNote_->setClipAxisRect(lower_);
    diagonalNote_->position->setAxisRect(lower_);
    diagonalNote_->position->setType(QCPItemPosition::ptAxisRectRatio);
    diagonalNote_->position->setCoords(0.01, 0.02);
    diagonalNote_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    diagonalNote_->setTextAlignment(Qt::AlignLeft);
    diagonalNote_->setColor(QColor(90, 90, 90));
    note_ = new QCPItemText(plot_);
    note_->position->setType(QCPItemPosition::ptAxisRectRatio);
    note_->position->setCoords(0.5, 0.5);
    note_->setColor(QColor(90, 90, 90));
    note_->setBrush(QColor(255, 255, 255, 225)); // legible over the truth's line and band
    note_->setPadding(QMargins(6, 3, 6, 3));
    note_->setClipAxisRect(plot_->axisRect());
    // Before each replot the notes take the longest form that fits their plot (in a narrow dock they
    // were cut off at its edge), and the legend shows or not.
    connect(plot_, &QCustomPlot::beforeReplot, this, [this] {
        // The targets often span less than a decade, with linear ticks 0.0005, 0.001, …: as many as
        // keep their labels apart, and the axis label in a shorter form where the full one is cut.
        QCPAxis* targetAxis = lower_->axis(QCPAxis::atBottom);
        fitTickCount(targetAxis);
        targetAxis->setLabel(firstFormThatFits(
            {tr("variance target Vᵢ (Algorithm 2)"), tr("variance target Vᵢ"), tr("target Vᵢ")},
            targetAxis->labelFont(), lower_->width() + 2 * lower_->margins().right()));
        diagonalNote_->setText(
            firstFormThatFits({tr("dashed: vᵢ = Vᵢ; an arm below it has met its target"),
                               tr("dashed: vᵢ = Vᵢ;\nan arm below it has met its target"),
                               tr("dashed: vᵢ = Vᵢ;\nan arm below it\nhas met its target")},
                              diagonalNote_->font(), lower_->width() - 8));
        // The legend shows once there are estimates to explain (it would cover the note before), and
        // only where the plot can hold it: a short dock had it over the title, a narrow one over the
        // axis and its label.
        const QSize legendSize = plot_->legend->minimumOuterSizeHint();
        plot_->legend->setVisible(!note_->visible() && plot_->axisRect()->height() >= legendSize.height() + 8
                                  && plot_->axisRect()->width() >= legendSize.width() + 8);
        note_->setText(firstFormThatFits({tr("log Ŝ is estimated in the partition phase"),
                                          tr("log Ŝ is estimated\nin the partition phase")},
                                         note_->font(), plot_->axisRect()->width() - 8));
    });
}

void PartitionView::setRun(RunDataPtr run)
{
    run_ = std::move(run);
    if (!run_ || run_->steps() == 0)
        return;
    const double s = run_->trueLogPartition;
    const double eps = run_->config.epsilon;
    const double last = run_->steps() - 1;
    const double end = last + 0.5; // the truth and its band span the whole axis
    truth_->setData(QVector<double>{-0.5, end}, QVector<double>{s, s}, true);
    bandHigh_->setData(QVector<double>{-0.5, end}, QVector<double>{s + std::log1p(eps), s + std::log1p(eps)},
                       true);
    bandLow_->setData(QVector<double>{-0.5, end}, QVector<double>{s + std::log1p(-eps), s + std::log1p(-eps)},
                      true);
    firstPartitionStep_ = 0;
    for (int i = 0; i < run_->steps(); ++i)
        if (run_->trace.snapshots[std::size_t(i)].phase >= Phase::Partition) {
            firstPartitionStep_ = i;
            break;
        }
    // The running estimate only exists from the partition phase on: show that stretch.
    plot_->xAxis->setRange(firstPartitionStep_ - 0.5, last + 0.5);
    showStep(run_->steps() - 1);
}

void PartitionView::showStep(int step)
{
    if (!run_ || step < 0 || step >= run_->steps())
        return;
    QVector<double> x, y;
    for (int i = 0; i <= step; ++i) {
        const Snapshot& s = run_->trace.snapshots[std::size_t(i)];
        if ((s.phase == Phase::Partition || s.phase == Phase::Done) && std::isfinite(s.logPartition)) {
            x.push_back(double(i));
            y.push_back(s.logPartition);
        }
    }
    estimate_->setData(x, y, true);
    note_->setVisible(x.isEmpty());
    const double truth = run_->trueLogPartition;
    double lo = truth + std::log1p(-run_->config.epsilon), hi = truth + std::log1p(run_->config.epsilon);
    for (double v : y) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    plot_->yAxis->setRange(lo - 0.1 * (hi - lo), hi + 0.1 * (hi - lo));

    const Snapshot& s = run_->trace.snapshots[std::size_t(step)];
    if (y.isEmpty())
        setPlotTitle(plot_, tr("Partition function S = Σ exp(μᵢ) · %1").arg(phaseName(s.phase)));
    else
        setPlotTitle(plot_,
                     tr("Partition function · log Ŝ = %1 vs log S = %2 · Ŝ/S − 1 = %3 %, ε = %4 %")
                         .arg(localeNumber(y.back(), 'f', 4))
                         .arg(localeNumber(truth, 'f', 4))
                         .arg(localeNumber(100.0 * std::expm1(y.back() - truth), 'f', 2))
                         .arg(localeNumber(100.0 * run_->config.epsilon, 'g', 3)));
    QVector<double> tx, ty;
    double tmin = 1e300, tmax = 0.0;
    if (s.phase == Phase::Partition || s.phase == Phase::Done)
        for (std::size_t i = 0; i < s.targets.size() && i < s.variances.size(); ++i) {
            const double t = s.targets[i], v = s.variances[i];
            if (t > 0 && v > 0 && std::isfinite(t) && std::isfinite(v)) {
                tx.push_back(t);
                ty.push_back(v);
                tmin = std::min({tmin, t, v});
                tmax = std::max({tmax, t, v});
            }
        }
    targets_->setData(tx, ty);
    diagonalNote_->setVisible(!tx.isEmpty());
    if (!tx.isEmpty()) {
        lower_->axis(QCPAxis::atBottom)->setRange(tmin / 2, tmax * 2);
        lower_->axis(QCPAxis::atLeft)->setRange(tmin / 2, tmax * 2);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ada
