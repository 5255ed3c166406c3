#include "PullsView.h"

#include "PlotStyle.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <functional>

namespace ada {

PullsView::PullsView(QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("pullsView"));
    installTitledPlot(this, plot_, tr("Pulls per arm"));
    plot_->xAxis->setLabel(tr("arms, most pulled first"));
    plot_->yAxis->setLabel(tr("pulls (columns charged)"));
    profile_ = plot_->addGraph();
    profile_->setLineStyle(QCPGraph::lsStepLeft);
    profile_->setPen(QPen(PlotStyle::survivor(), 1.5));
    profile_->setBrush(QColor(31, 119, 180, 60));
    profile_->setName(tr("pulls"));
    exactLine_ = new QCPItemStraightLine(plot_);
    exactLine_->setPen(QPen(PlotStyle::leader(), 1.2, Qt::DashLine));
    auto* label = new QCPItemText(plot_);
    label->setText(tr("exact: D per arm"));
    label->setColor(PlotStyle::leader());
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(0.98, 0.11); // just below the dashed line at D
    label->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
}

void PullsView::setRun(RunDataPtr run)
{
    run_ = std::move(run);
    if (!run_)
        return;
    const double D = double(std::max<std::int64_t>(run_->effectiveDim, 1));
    exactLine_->point1->setCoords(0, D);
    exactLine_->point2->setCoords(1, D);
    plot_->yAxis->setRange(0, D * 1.08);
    plot_->xAxis->setRange(0, double(run_->arms));
    if (run_->steps() > 0)
        showStep(run_->steps() - 1);
}

void PullsView::showStep(int step)
{
    if (!run_ || step < 0 || step >= run_->steps())
        return;
    const Snapshot& s = run_->trace.snapshots[std::size_t(step)];
    std::vector<std::int64_t> depths = s.depths;
    std::sort(depths.begin(), depths.end(), std::greater<>());
    QVector<double> x(qsizetype(depths.size()) + 1), y(qsizetype(depths.size()) + 1);
    for (qsizetype i = 0; i < qsizetype(depths.size()); ++i) {
        x[i] = double(i);
        y[i] = double(depths[std::size_t(i)]);
    }
    x.back() = double(depths.size()); // close the last step
    y.back() = depths.empty() ? 0.0 : double(depths.back());
    profile_->setData(x, y, true);
    const double exact = double(run_->arms) * double(std::max<std::int64_t>(run_->effectiveDim, 1));
    auto* title = static_cast<QCPTextElement*>(plot_->plotLayout()->element(0, 0));
    title->setText(tr("Pulls per arm · %1 of n·D = %2 (%3 %)")
                       .arg(s.totalPulls)
                       .arg(qint64(exact))
                       .arg(100.0 * double(s.totalPulls) / exact, 0, 'f', 2));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ada
