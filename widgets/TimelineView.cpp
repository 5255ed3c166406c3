#include "TimelineView.h"

#include "LocaleNumbers.h"
#include "PlotStyle.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ada {

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("timelineView"));
    installTitledPlot(this, plot_, tr("Timeline (click to seek)"));
    plot_->xAxis->setLabel(tr("replay step"));
    plot_->yAxis->setLabel(tr("cumulative pulls"));
    for (Phase p : {Phase::Warmup, Phase::Elimination, Phase::Winner, Phase::Partition}) {
        auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
        const QColor c = PlotStyle::phase(p);
        bars->setPen(QPen(c.darker(115)));
        bars->setBrush(c);
        bars->setWidth(0.8);
        bars->setName(phaseName(p));
        phases_.push_back(bars);
    }
    marker_ = new QCPItemStraightLine(plot_);
    marker_->setPen(QPen(Qt::black, 1.5, Qt::DashLine));
    // The legend in a row above the plot (two, or four, in a narrow dock), so it never hides the bars.
    plot_->legend->setVisible(true);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->plotLayout()->insertRow(1);
    plot_->plotLayout()->addElement(1, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    plot_->legend->setBorderPen(Qt::NoPen);
    connect(plot_, &QCustomPlot::beforeReplot, this, [this] { fitLegendColumns(plot_, 4, 1); });
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (!run_ || run_->steps() == 0)
            return;
        const double x = plot_->xAxis->pixelToCoord(event->position().x());
        emit seekRequested(std::clamp(static_cast<int>(std::lround(x)), 0, run_->steps() - 1));
    });
}

void TimelineView::setRun(RunDataPtr run)
{
    run_ = std::move(run);
    for (QCPBars* g : phases_)
        g->data()->clear();
    if (!run_ || run_->steps() == 0)
        return;
    std::vector<QVector<double>> xs(phases_.size()), ys(phases_.size());
    for (int i = 0; i < run_->steps(); ++i) {
        const Snapshot& s = run_->trace.snapshots[std::size_t(i)];
        const auto p = std::min<std::size_t>(std::size_t(s.phase), phases_.size() - 1);
        xs[p].push_back(double(i));
        ys[p].push_back(double(s.totalPulls));
    }
    for (std::size_t p = 0; p < phases_.size(); ++p)
        phases_[p]->setData(xs[p], ys[p], true);
    plot_->xAxis->setRange(-0.5, run_->steps() - 0.5);
    plot_->yAxis->setRange(0, double(std::max<std::int64_t>(run_->trace.result.totalPulls, 1)) * 1.08);
    showStep(run_->steps() - 1);
}

void TimelineView::showStep(int step)
{
    if (!run_ || step < 0 || step >= run_->steps())
        return;
    marker_->point1->setCoords(step, 0);
    marker_->point2->setCoords(step, 1);
    const Snapshot& s = run_->trace.snapshots[std::size_t(step)];
    const QString where
        = s.phase == Phase::Elimination ? tr("elimination round %1").arg(s.round) : phaseName(s.phase);
    setPlotTitle(plot_,
                 tr("Timeline · step %1 of %2 · %3 · %4 pulls so far (click to seek)")
                     .arg(step + 1)
                     .arg(run_->steps())
                     .arg(where)
                     .arg(localeCount(s.totalPulls)));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QCPBars* TimelineView::phaseBars(Phase phase) const
{
    const auto p = std::size_t(phase);
    return p < phases_.size() ? phases_[p] : nullptr;
}

double TimelineView::markerStep() const
{
    return marker_->point1->coords().x();
}

} // namespace ada
