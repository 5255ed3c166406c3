#include "EliminationView.h"

#include "PlotStyle.h"

#include <QCheckBox>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ada {

namespace {
constexpr int kBuckets = 150; // aggregated arms are drawn as a min–max band over this many buckets
}

EliminationView::EliminationView(QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
    , truthBox_(new QCheckBox(tr("Show true logits"), this))
{
    setObjectName(QStringLiteral("eliminationView"));
    installTitledPlot(this, plot_, tr("Elimination"));
    layout()->addWidget(truthBox_);
    truthBox_->setChecked(true);
    truthBox_->setAccessibleName(tr("Show true logits"));
    plot_->xAxis->setLabel(tr("arms, best estimate first (contenders in detail, the rest aggregated)"));
    plot_->yAxis->setLabel(tr("estimated logit μ̂ ± confidence half-width"));

    auto scatter = [this](QColor c, QCPScatterStyle::ScatterShape shape, double size, const QString& name) {
        QCPGraph* g = plot_->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(shape, c, c, size));
        g->setPen(QPen(c));
        g->setName(name);
        return g;
    };
    bandUpper_ = plot_->addGraph();
    bandLower_ = plot_->addGraph();
    bandUpper_->setPen(QPen(PlotStyle::eliminated()));
    bandLower_->setPen(QPen(PlotStyle::eliminated()));
    bandUpper_->setBrush(QColor(170, 170, 170, 70));
    bandUpper_->setChannelFillGraph(bandLower_);
    bandUpper_->setName(tr("other arms (min–max)"));
    bandLower_->removeFromLegend(); // one legend entry for the band
    eliminated_ = scatter(PlotStyle::eliminated(), QCPScatterStyle::ssDisc, 4, tr("eliminated"));
    survivors_ = scatter(PlotStyle::survivor(), QCPScatterStyle::ssDisc, 5, tr("contender"));
    truth_ = scatter(PlotStyle::truth(), QCPScatterStyle::ssCross, 6, tr("true logit"));
    leader_ = scatter(PlotStyle::leader(), QCPScatterStyle::ssDisc, 9, tr("leader"));
    eliminatedBars_ = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
    eliminatedBars_->setDataPlottable(eliminated_);
    eliminatedBars_->setPen(QPen(PlotStyle::eliminated()));
    eliminatedBars_->removeFromLegend();
    survivorBars_ = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
    survivorBars_->setDataPlottable(survivors_);
    survivorBars_->setPen(QPen(PlotStyle::survivor()));
    survivorBars_->removeFromLegend();
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot_->setMouseTracking(true);
    connect(plot_, &QCustomPlot::mouseMove, this, &EliminationView::showTooltip);
    connect(truthBox_, &QCheckBox::toggled, this, &EliminationView::setShowTruth);
}

void EliminationView::setRun(RunDataPtr run)
{
    run_ = std::move(run);
    step_ = -1;
    if (run_ && run_->steps() > 0)
        showStep(run_->steps() - 1);
}

void EliminationView::setShowTruth(bool show)
{
    truthBox_->setChecked(show);
    truth_->setVisible(show);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void EliminationView::showStep(int step)
{
    if (!run_ || step < 0 || step >= run_->steps())
        return;
    step_ = step;
    const Snapshot& s = run_->trace.snapshots[std::size_t(step)];
    const int n = static_cast<int>(s.estimates.size());
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    const auto& mu = s.estimates;
    std::sort(order.begin(), order.end(),
              [&mu](int a, int b) { return mu[std::size_t(a)] > mu[std::size_t(b)]; });

    // Detail: the contenders and the best arms by estimate, up to kDetailLimit; aggregate the rest.
    detailed_.clear();
    std::vector<int> rest;
    for (int arm : order) {
        const bool contender = s.survivors.empty() || s.survivors[std::size_t(arm)] != 0;
        const bool early = static_cast<int>(detailed_.size()) < kDetailLimit;
        if (early
            && (contender || static_cast<int>(detailed_.size()) < kDetailLimit / 2 || n <= kDetailLimit))
            detailed_.push_back(arm);
        else
            rest.push_back(arm);
    }
    QVector<double> sx, sy, se, ex, ey, ee, tx, ty, lx, ly;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t i = 0; i < detailed_.size(); ++i) {
        const int arm = detailed_[i];
        const double y = mu[std::size_t(arm)];
        double w = confidenceHalfWidth(*run_, s, arm);
        const bool contender = s.survivors.empty() || s.survivors[std::size_t(arm)] != 0;
        if (!std::isfinite(w))
            w = 0.0; // unpulled: no interval yet
        (contender ? sx : ex).push_back(double(i));
        (contender ? sy : ey).push_back(y);
        (contender ? se : ee).push_back(w);
        tx.push_back(double(i));
        ty.push_back(run_->trueLogits.size() > arm ? run_->trueLogits[arm] : 0.0);
        lo = std::min({lo, y - w, ty.back()});
        hi = std::max({hi, y + w, ty.back()});
        if (arm == s.leader) {
            lx.push_back(double(i));
            ly.push_back(y);
        }
    }
    QVector<double> bx, bUpper, bLower;
    if (!rest.empty()) {
        const double x0 = double(detailed_.size());
        const std::size_t per = (rest.size() + kBuckets - 1) / kBuckets;
        for (std::size_t b = 0; b * per < rest.size(); ++b) {
            double bmin = std::numeric_limits<double>::infinity(), bmax = -bmin;
            for (std::size_t k = b * per; k < std::min(rest.size(), (b + 1) * per); ++k) {
                bmin = std::min(bmin, mu[std::size_t(rest[k])]);
                bmax = std::max(bmax, mu[std::size_t(rest[k])]);
            }
            // Spread the buckets over as much x-range as the detailed arms use, at most.
            bx.push_back(x0 + double(b) * std::max(1.0, double(detailed_.size()) / kBuckets));
            bUpper.push_back(bmax);
            bLower.push_back(bmin);
            lo = std::min(lo, bmin);
            hi = std::max(hi, bmax);
        }
    }
    survivors_->setData(sx, sy, true);
    survivorBars_->setData(se);
    eliminated_->setData(ex, ey, true);
    eliminatedBars_->setData(ee);
    truth_->setData(tx, ty, true);
    truth_->setVisible(truthBox_->isChecked());
    leader_->setData(lx, ly, true);
    bandUpper_->setData(bx, bUpper, true);
    if (rest.empty())
        bandUpper_->removeFromLegend();
    else if (!plot_->legend->hasItemWithPlottable(bandUpper_))
        bandUpper_->addToLegend();
    bandLower_->setData(bx, bLower, true);
    const double right = bx.isEmpty() ? double(detailed_.size()) : bx.back() + 1.0;
    plot_->xAxis->setRange(-1.0, std::max(right, 2.0));
    if (std::isfinite(lo) && std::isfinite(hi)) {
        const double pad = 0.05 * std::max(hi - lo, 1e-9);
        plot_->yAxis->setRange(lo - pad, hi + pad);
    }
    int contenders = 0;
    for (auto v : s.survivors)
        contenders += v != 0;
    auto* title = static_cast<QCPTextElement*>(plot_->plotLayout()->element(0, 0));
    title->setText(tr("%1 · round %2 · %3 of %4 arms still contending · %5 pulls")
                       .arg(QString::fromUtf8(toString(s.phase).data()))
                       .arg(s.round)
                       .arg(contenders)
                       .arg(n)
                       .arg(s.totalPulls));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void EliminationView::showTooltip(QMouseEvent* event)
{
    if (!run_ || step_ < 0 || detailed_.empty())
        return;
    const double x = plot_->xAxis->pixelToCoord(event->position().x());
    const int i = static_cast<int>(std::lround(x));
    if (i < 0 || i >= static_cast<int>(detailed_.size())) {
        QToolTip::hideText();
        return;
    }
    const Snapshot& s = run_->trace.snapshots[std::size_t(step_)];
    const int arm = detailed_[std::size_t(i)];
    const auto a = std::size_t(arm);
    const double w = confidenceHalfWidth(*run_, s, arm);
    QToolTip::showText(
        event->globalPosition().toPoint(),
        tr("<b>%1</b><br>pulls: %2 of D = %3<br>estimate μ̂: %4<br>interval: ± %5<br>variance: %6"
           "<br>true logit: %7")
            .arg(run_->armName(arm).toHtmlEscaped())
            .arg(s.depths[a])
            .arg(run_->effectiveDim)
            .arg(s.estimates[a], 0, 'g', 5)
            .arg(w, 0, 'g', 4)
            .arg(s.variances[a], 0, 'g', 4)
            .arg(run_->trueLogits.size() > arm ? run_->trueLogits[arm] : 0.0, 0, 'g', 5),
        plot_);
}

} // namespace ada
