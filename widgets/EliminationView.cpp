#include "EliminationView.h"

#include "LocaleNumbers.h"
#include "PlotStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ada {

namespace {

bool isContender(const Snapshot& s, int arm)
{
    return s.survivors.empty() || s.survivors[std::size_t(arm)] != 0;
}

double trueLogit(const RunData& run, int arm)
{
    return arm < run.trueLogits.size() ? run.trueLogits[arm] : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

EliminationView::EliminationView(QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
    , truthBox_(new QCheckBox(tr("Show true logits"), this))
    , orderBox_(new QComboBox(this))
    , note_(new QLabel(this))
{
    setObjectName(QStringLiteral("eliminationView"));
    installTitledPlot(this, plot_, tr("Elimination"));
    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(6, 0, 6, 2);
    controls->addWidget(new QLabel(tr("Order arms by"), this));
    orderBox_->addItem(tr("current estimate"));
    orderBox_->addItem(tr("true logit"));
    orderBox_->setAccessibleName(tr("Order arms by"));
    orderBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    orderBox_->setMinimumContentsLength(18);
    controls->addWidget(orderBox_);
    controls->addWidget(truthBox_);
    controls->addStretch(1);
    static_cast<QVBoxLayout*>(layout())->addLayout(controls);
    // The note on how the error bars were computed gets a line of its own, the view's whole width:
    // beside the controls a narrow run tab wrapped it into a column of seven lines.
    static_cast<QVBoxLayout*>(layout())->addWidget(note_);
    note_->setContentsMargins(6, 0, 6, 2);
    note_->setWordWrap(true);
    QFont small = note_->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    note_->setFont(small);
    truthBox_->setChecked(true);
    truthBox_->setAccessibleName(tr("Show true logits"));
    plot_->yAxis->setLabel(tr("logit estimate μ̂ᵢ ± confidence half-width Cᵢ"));

    auto scatter = [this](QColor c, QCPScatterStyle::ScatterShape shape, double size, const QString& name) {
        QCPGraph* g = plot_->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(shape, c, c, size));
        g->setPen(QPen(c));
        g->setName(name);
        return g;
    };
    intervalUpper_ = plot_->addGraph();
    intervalLower_ = plot_->addGraph();
    intervalUpper_->setPen(Qt::NoPen);
    intervalLower_->setPen(Qt::NoPen);
    intervalUpper_->setBrush(QColor(170, 170, 170, 45));
    intervalUpper_->setChannelFillGraph(intervalLower_);
    intervalUpper_->setName(tr("other arms: interval envelope"));
    intervalLower_->removeFromLegend();
    bandUpper_ = plot_->addGraph();
    bandLower_ = plot_->addGraph();
    bandUpper_->setPen(QPen(QColor(120, 120, 120)));
    bandLower_->setPen(QPen(QColor(120, 120, 120)));
    bandUpper_->setBrush(QColor(120, 120, 120, 110));
    bandUpper_->setChannelFillGraph(bandLower_);
    bandUpper_->setName(tr("other arms: μ̂ min–max per bucket"));
    bandLower_->removeFromLegend(); // one legend entry per band
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
    survivorBars_->setName(tr("± Cᵢ (confidence half-width)"));
    separator_ = new QCPItemStraightLine(plot_);
    separator_->setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
    separatorLabel_ = new QCPItemText(plot_);
    separatorLabel_->position->setTypeX(QCPItemPosition::ptPlotCoords);
    separatorLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    separatorLabel_->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    separatorLabel_->setColor(QColor(100, 100, 100));
    separatorLabel_->setPadding(QMargins(4, 0, 0, 4));
    // The legend in rows under the title, so it never hides an arm.
    plot_->legend->setVisible(true);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setBorderPen(Qt::NoPen);
    connect(plot_, &QCustomPlot::beforeReplot, this, [this] { fitLegendColumns(plot_, 4, 1); });
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->plotLayout()->insertRow(1);
    plot_->plotLayout()->addElement(1, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    plot_->setMouseTracking(true);
    connect(plot_, &QCustomPlot::mouseMove, this, &EliminationView::showTooltip);
    connect(truthBox_, &QCheckBox::toggled, this, &EliminationView::setShowTruth);
    connect(orderBox_, &QComboBox::currentIndexChanged, this,
            [this](int index) { setOrder(index == 1 ? Order::ByTrueLogit : Order::ByEstimate); });
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

void EliminationView::setOrder(Order order)
{
    orderBox_->setCurrentIndex(order == Order::ByTrueLogit ? 1 : 0);
    if (order == order_)
        return;
    order_ = order;
    if (step_ >= 0)
        showStep(step_);
}

QString EliminationView::errorBarNote() const
{
    if (!run_ || step_ < 0)
        return {};
    const Snapshot& s = run_->trace.snapshots[std::size_t(step_)];
    if (s.phase == Phase::Elimination && !s.halfWidths.empty())
        return tr("Error bars: the elimination's own half-widths Cᵢ = √(2·vᵢ·L), L = %1.")
            .arg(localeNumber(run_->eliminationLogTerm(), 'f', 2));
    return tr("Error bars: Cᵢ = √(2·vᵢ·L) computed from the variances with L = log(6n·log D/δ′) = %1, "
              "δ′ = %2 (no elimination is running).")
        .arg(localeNumber(run_->eliminationLogTerm(), 'f', 2))
        .arg(localeNumber(run_->deltaPrime()));
}

void EliminationView::showStep(int step)
{
    if (!run_ || step < 0 || step >= run_->steps())
        return;
    step_ = step;
    const Snapshot& s = run_->trace.snapshots[std::size_t(step)];
    const int n = static_cast<int>(s.estimates.size());
    const auto& mu = s.estimates;
    ranking_.resize(std::size_t(n));
    std::iota(ranking_.begin(), ranking_.end(), 0);
    if (order_ == Order::ByTrueLogit && run_->trueLogits.size() >= n) {
        const Eigen::VectorXd& t = run_->trueLogits;
        std::sort(ranking_.begin(), ranking_.end(), [&t](int a, int b) { return t[a] > t[b]; });
    } else {
        std::sort(ranking_.begin(), ranking_.end(),
                  [&mu](int a, int b) { return mu[std::size_t(a)] > mu[std::size_t(b)]; });
    }

    // Detail: the best arms by rank and the contenders, up to kDetailLimit; aggregate the rest.
    detailed_.clear();
    rest_.clear();
    for (int arm : ranking_) {
        const int shown = static_cast<int>(detailed_.size());
        if (n <= kDetailLimit || shown < kDetailLimit / 2 || (shown < kDetailLimit && isContender(s, arm)))
            detailed_.push_back(arm);
        else
            rest_.push_back(arm);
    }
    const auto detailCount = qsizetype(detailed_.size());
    QVector<double> sx, sy, se, ex, ey, ee, tx, ty, lx, ly;
    sx.reserve(detailCount);
    sy.reserve(detailCount);
    se.reserve(detailCount);
    tx.reserve(detailCount);
    ty.reserve(detailCount);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t i = 0; i < detailed_.size(); ++i) {
        const int arm = detailed_[i];
        const double y = mu[std::size_t(arm)];
        double w = confidenceHalfWidth(*run_, s, arm);
        if (!std::isfinite(w))
            w = 0.0; // unpulled: no interval yet
        const bool contender = isContender(s, arm);
        (contender ? sx : ex).push_back(double(i));
        (contender ? sy : ey).push_back(y);
        (contender ? se : ee).push_back(w);
        const double t = trueLogit(*run_, arm);
        if (std::isfinite(t)) {
            tx.push_back(double(i));
            ty.push_back(t);
            if (truthBox_->isChecked()) {
                lo = std::min(lo, t);
                hi = std::max(hi, t);
            }
        }
        lo = std::min(lo, y - w);
        hi = std::max(hi, y + w);
        if (arm == s.leader) {
            lx.push_back(double(i));
            ly.push_back(y);
        }
    }

    // The rest: about one bucket per pixel of the half of the axis they get.
    QVector<double> bx, bUpper, bLower, iUpper, iLower;
    restX0_ = double(detailed_.size()) + 1.0;
    if (!rest_.empty()) {
        const double span = std::max(double(detailed_.size()), 50.0);
        const int buckets = std::clamp(std::max(plot_->axisRect()->width(), width() - 80) / 2, 50, 800);
        perBucket_ = (rest_.size() + std::size_t(buckets) - 1) / std::size_t(buckets);
        const std::size_t count = (rest_.size() + perBucket_ - 1) / perBucket_;
        restDx_ = count > 1 ? span / double(count - 1) : 1.0;
        for (std::size_t b = 0; b < count; ++b) {
            double bmin = std::numeric_limits<double>::infinity(), bmax = -bmin;
            double imin = bmin, imax = bmax;
            for (std::size_t k = b * perBucket_; k < std::min(rest_.size(), (b + 1) * perBucket_); ++k) {
                const int arm = rest_[k];
                const double m = mu[std::size_t(arm)];
                bmin = std::min(bmin, m);
                bmax = std::max(bmax, m);
                const double w = confidenceHalfWidth(*run_, s, arm);
                if (std::isfinite(w)) {
                    imin = std::min(imin, m - w);
                    imax = std::max(imax, m + w);
                }
            }
            bx.push_back(restX0_ + double(b) * restDx_);
            bUpper.push_back(bmax);
            bLower.push_back(bmin);
            iUpper.push_back(std::isfinite(imax) ? imax : bmax);
            iLower.push_back(std::isfinite(imin) ? imin : bmin);
            lo = std::min(lo, iLower.back());
            hi = std::max(hi, iUpper.back());
        }
    }
    // Dense detail: thin whiskerless bars so the intervals stay readable.
    const bool dense = double(detailed_.size()) * 4.0 > std::max(plot_->axisRect()->width(), width() - 80);
    for (QCPErrorBars* bars : {survivorBars_, eliminatedBars_}) {
        bars->setWhiskerWidth(dense ? 0 : 6);
        QColor c = bars->pen().color();
        c.setAlpha(dense ? 110 : 255);
        bars->setPen(QPen(c));
    }
    survivors_->setData(sx, sy, true);
    survivorBars_->setData(se);
    eliminated_->setData(ex, ey, true);
    eliminatedBars_->setData(ee);
    truth_->setData(tx, ty, true);
    truth_->setVisible(truthBox_->isChecked());
    leader_->setData(lx, ly, true);
    bandUpper_->setData(bx, bUpper, true);
    bandLower_->setData(bx, bLower, true);
    intervalUpper_->setData(bx, iUpper, true);
    intervalLower_->setData(bx, iLower, true);
    for (QCPGraph* g : {bandUpper_, intervalUpper_}) {
        if (rest_.empty())
            g->removeFromLegend();
        else if (!plot_->legend->hasItemWithPlottable(g))
            g->addToLegend();
    }
    separator_->setVisible(!rest_.empty());
    separatorLabel_->setVisible(!rest_.empty());
    if (!rest_.empty()) {
        const double xs = restX0_ - 0.5;
        separator_->point1->setCoords(xs, 0);
        separator_->point2->setCoords(xs, 1);
        separatorLabel_->position->setCoords(xs, 1.0);
        separatorLabel_->setText(tr("%1 other arms, ~%2 per bucket →").arg(rest_.size()).arg(perBucket_));
    }
    const double right = bx.isEmpty() ? double(detailed_.size()) : bx.back();
    const double xpad = std::max(1.0, 0.01 * right);
    plot_->xAxis->setRange(-xpad, std::max(right, 2.0) + xpad);
    if (std::isfinite(lo) && std::isfinite(hi)) {
        const double pad = 0.05 * std::max(hi - lo, 1e-9);
        plot_->yAxis->setRange(lo - pad, hi + pad);
    }
    plot_->xAxis->setLabel(
        rest_.empty() ? (order_ == Order::ByEstimate ? tr("arms, best estimate first")
                                                     : tr("arms, best true logit first"))
                      : (order_ == Order::ByEstimate
                             ? tr("arms, best estimate first (top and contenders in detail, the rest "
                                  "aggregated)")
                             : tr("arms, best true logit first (top and contenders in detail, the rest "
                                  "aggregated)")));
    int contenders = 0;
    for (auto v : s.survivors)
        contenders += v != 0;
    const QString phase = s.phase == Phase::Elimination ? tr("Elimination, round %1").arg(s.round)
                                                        : tr("Phase: %1").arg(phaseName(s.phase));
    setPlotTitle(plot_,
                 tr("%1 · %2 of %3 arms contending · %4 pulls")
                     .arg(phase)
                     .arg(localeCount(s.survivors.empty() ? n : contenders))
                     .arg(localeCount(n))
                     .arg(localeCount(s.totalPulls)));
    const QString note = errorBarNote();
    note_->setText(note);
    note_->setToolTip(note);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void EliminationView::showTooltip(QMouseEvent* event)
{
    if (!run_ || step_ < 0 || detailed_.empty())
        return;
    const double x = plot_->xAxis->pixelToCoord(event->position().x());
    const Snapshot& s = run_->trace.snapshots[std::size_t(step_)];
    const int i = static_cast<int>(std::lround(x));
    if (i >= 0 && i < static_cast<int>(detailed_.size())) {
        const int arm = detailed_[std::size_t(i)];
        const auto a = std::size_t(arm);
        const double w = confidenceHalfWidth(*run_, s, arm);
        const double mu = s.estimates[a];
        QToolTip::showText(
            event->globalPosition().toPoint(),
            tr("<b>%1</b> (%2)<br>pulls: %3 of D = %4<br>estimate μ̂: %5<br>interval: [%6, %7] (± %8)"
               "<br>variance v: %9<br>true logit: %10")
                .arg(run_->armName(arm).toHtmlEscaped(),
                     isContender(s, arm) ? tr("contender") : tr("eliminated"))
                .arg(localeCount(s.depths[a]))
                .arg(localeCount(run_->effectiveDim))
                .arg(localeNumber(mu, 'g', 5))
                .arg(localeNumber(mu - w, 'g', 5))
                .arg(localeNumber(mu + w, 'g', 5))
                .arg(localeNumber(w, 'g', 4))
                .arg(localeNumber(s.variances[a], 'g', 4))
                .arg(localeNumber(trueLogit(*run_, arm), 'g', 5)),
            plot_);
        return;
    }
    if (!rest_.empty() && x >= restX0_ - 0.5) {
        const auto b = std::size_t(std::max(0L, std::lround((x - restX0_) / restDx_)));
        const std::size_t first = b * perBucket_;
        if (first < rest_.size()) {
            const std::size_t last = std::min(rest_.size(), first + perBucket_) - 1;
            double mmin = std::numeric_limits<double>::infinity(), mmax = -mmin;
            for (std::size_t k = first; k <= last; ++k) {
                mmin = std::min(mmin, s.estimates[std::size_t(rest_[k])]);
                mmax = std::max(mmax, s.estimates[std::size_t(rest_[k])]);
            }
            QToolTip::showText(event->globalPosition().toPoint(),
                               tr("<b>%1 aggregated arms</b><br>e.g. %2<br>estimates μ̂ from %3 to %4")
                                   .arg(last - first + 1)
                                   .arg(run_->armName(rest_[first]).toHtmlEscaped())
                                   .arg(localeNumber(mmin, 'g', 4))
                                   .arg(localeNumber(mmax, 'g', 4)),
                               plot_);
            return;
        }
    }
    QToolTip::hideText();
}

} // namespace ada
