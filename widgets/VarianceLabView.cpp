#include "VarianceLabView.h"

#include "LocaleNumbers.h"
#include "PlotStyle.h"

#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ada {

namespace {

QColor curveColour(std::size_t i)
{
    static const QColor palette[]
        = {QColor(31, 119, 180),  QColor(255, 127, 14), QColor(44, 160, 44),   QColor(214, 39, 40),
           QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194), QColor(127, 127, 127),
           QColor(188, 189, 34),  QColor(23, 190, 207), QColor(57, 59, 121),   QColor(132, 60, 57)};
    return palette[i % (sizeof(palette) / sizeof(palette[0]))];
}

QString curveName(const VarianceCurve& c)
{
    QString name = QString::fromUtf8(toString(c.estimator).data());
    if (c.weights != ImportanceWeights::None)
        name += QStringLiteral(" [%1]").arg(QString::fromUtf8(toString(c.weights).data()));
    return name;
}

// A sequential colour scale that stays readable on the plots' white background (viridis' stops):
// the fewest pairs are dark violet, the most light yellow.
QCPColorGradient pairGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(68, 1, 84));
    g.setColorStopAt(0.25, QColor(59, 82, 139));
    g.setColorStopAt(0.5, QColor(33, 145, 140));
    g.setColorStopAt(0.75, QColor(94, 201, 98));
    g.setColorStopAt(1.0, QColor(253, 231, 37));
    return g;
}

// The histogram's bins span [min, max] edge to edge, while a colour map places its cells' centres at
// the ends of its range: the cells go half a bin inside the edges.
void fillPairHeatMap(QCPColorMap* map, const Histogram2D& h)
{
    auto centres = [&h](double lo, double hi) {
        const double half = (hi - lo) / (2.0 * h.bins);
        return QCPRange(lo + half, hi - half);
    };
    map->data()->setSize(h.bins, h.bins);
    map->data()->setRange(centres(h.xMin, h.xMax), centres(h.yMin, h.yMax));
    for (int y = 0; y < h.bins; ++y)
        for (int x = 0; x < h.bins; ++x) {
            const double count = h.counts[std::size_t(y * h.bins + x)];
            map->data()->setCell(x, y, std::log1p(count));
            // An empty bin shows the background: most of the plane is empty, and a dark "zero" colour
            // over all of it hid the few cells that hold pairs.
            map->data()->setAlpha(x, y, count > 0 ? 255 : 0);
        }
    map->setInterpolate(false);
}

} // namespace

VarianceLabView::VarianceLabView(QWidget* parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
    , histograms_(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("varianceLabView"));
    installTitledPlot(this, plot_, tr("MSE against sample size"));
    static_cast<QVBoxLayout*>(layout())->addWidget(histograms_, 2);
    static_cast<QVBoxLayout*>(layout())->setStretch(0, 3);
    applyPlotStyle(histograms_);
    QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(logTicker);
    }
    plot_->xAxis->setLabel(tr("sample size t"));
    plot_->yAxis->setLabel(tr("MSE ── predicted - - v̂ ± sd ▒"));
    plot_->legend->setVisible(true);
    plot_->setMouseTracking(true);
    connect(plot_, &QCustomPlot::mouseMove, this, &VarianceLabView::showTooltip);
}

std::pair<QCPGraph*, QCPGraph*> VarianceLabView::graphsOf(std::size_t curve) const
{
    return curve < graphs_.size() ? graphs_[curve] : std::pair<QCPGraph*, QCPGraph*>{nullptr, nullptr};
}

void VarianceLabView::setResult(std::shared_ptr<const VarianceLabResult> result, const QString& caption)
{
    result_ = std::move(result);
    plot_->clearGraphs();
    graphs_.clear();
    histograms_->clearPlottables();
    qDeleteAll(histograms_->findChildren<QCPMarginGroup*>()); // the last result's, or they pile up
    histograms_->plotLayout()->clear();
    if (!result_)
        return;
    static_cast<QCPTextElement*>(plot_->plotLayout()->element(0, 0))
        ->setText(tr("MSE against sample size · %1 · logit %2")
                      .arg(caption)
                      .arg(localeNumber(result_->mu, 'g', 5)));
    double lo = 1e300, hi = 0.0;
    auto keep = [&](double v) {
        if (v > 0 && std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    };
    // An estimate that is exact (t ≥ D without replacement) has an MSE at rounding level; such points
    // would stretch the log axis by twenty decades, so anything below 1e-12 of the largest is left out.
    double largest = 0.0;
    for (const VarianceCurve& c : result_->curves)
        for (const VarianceCurvePoint& p : c.points)
            largest
                = std::max({largest, p.mse, std::isfinite(p.predictedVariance) ? p.predictedVariance : 0.0});
    const double floor = 1e-12 * largest;
    for (std::size_t i = 0; i < result_->curves.size(); ++i) {
        const VarianceCurve& c = result_->curves[i];
        const QColor colour = curveColour(i);
        QVector<double> t, mse, pred, up, down, pt;
        for (const VarianceCurvePoint& p : c.points) {
            // Log axes cannot show 0 (an exact estimate at t = D): such points are left out.
            if (p.mse > floor) {
                t.push_back(p.t);
                mse.push_back(p.mse);
                keep(p.mse);
            }
            if (std::isfinite(p.predictedVariance) && p.predictedVariance > floor) {
                pt.push_back(p.t);
                pred.push_back(p.predictedVariance);
                keep(p.predictedVariance);
            }
            if (p.mse > floor && std::isfinite(p.varianceEstimateMean) && p.varianceEstimateMean > 0) {
                up.push_back(p.varianceEstimateMean + std::max(0.0, p.varianceEstimateSd));
                down.push_back(
                    std::max(p.varianceEstimateMean - p.varianceEstimateSd, p.varianceEstimateMean * 1e-3));
            }
        }
        QCPGraph* observed = plot_->addGraph();
        observed->setPen(QPen(colour, 2));
        observed->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
        observed->setName(curveName(c));
        observed->setData(t, mse, true);
        QCPGraph* predicted = nullptr;
        if (!pred.isEmpty()) {
            predicted = plot_->addGraph();
            predicted->setPen(QPen(colour, 1.5, Qt::DashLine));
            predicted->setData(pt, pred, true);
            predicted->removeFromLegend();
        }
        if (up.size() == t.size() && !up.isEmpty()) {
            QCPGraph* upper = plot_->addGraph();
            QCPGraph* lower = plot_->addGraph();
            QColor fill = colour;
            fill.setAlpha(35);
            upper->setPen(Qt::NoPen);
            lower->setPen(Qt::NoPen);
            upper->setBrush(fill);
            upper->setChannelFillGraph(lower);
            upper->setData(t, up, true);
            lower->setData(t, down, true);
            upper->removeFromLegend();
            lower->removeFromLegend();
        }
        graphs_.emplace_back(observed, predicted);
        if (!c.points.empty())
            plot_->xAxis->setRange(std::max(1, c.points.front().t) * 0.8, c.points.back().t * 1.25);
    }
    if (hi > 0)
        plot_->yAxis->setRange(lo / 2, hi * 2);

    // Histograms (§9, last paragraph).
    auto* left = new QCPAxisRect(histograms_);
    auto* right = new QCPAxisRect(histograms_);
    histograms_->plotLayout()->addElement(0, 0, left);
    const Histogram2D& h2 = result_->pairs;
    if (h2.bins > 0) {
        auto* map = new QCPColorMap(left->axis(QCPAxis::atBottom), left->axis(QCPAxis::atLeft));
        fillPairHeatMap(map, h2);
        auto* scale = new QCPColorScale(histograms_);
        histograms_->plotLayout()->addElement(0, 1, scale);
        scale->setBarWidth(8);
        scale->axis()->setLabel(tr("ln(1 + pairs)"));
        map->setColorScale(scale); // the map takes the scale's gradient: set the gradient after
        map->setGradient(pairGradient());
        map->setDataRange(QCPRange(
            0.0,
            std::max(std::log1p(*std::max_element(h2.counts.begin(), h2.counts.end())), std::log1p(1.0))));
        // The bar spans the plot's height, not the whole row's.
        auto* margins = new QCPMarginGroup(histograms_);
        left->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
        scale->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
        left->axis(QCPAxis::atBottom)->setLabel(tr("sampled A_ij"));
        left->axis(QCPAxis::atLeft)->setLabel(tr("x_j"));
        // The bins' outer edges: the outer cells show whole.
        left->axis(QCPAxis::atBottom)->setRange(h2.xMin, h2.xMax);
        left->axis(QCPAxis::atLeft)->setRange(h2.yMin, h2.yMax);
    }
    histograms_->plotLayout()->addElement(0, histograms_->plotLayout()->columnCount(), right);
    const Histogram1D& h1 = result_->secondOrderTerm;
    if (!h1.counts.empty()) {
        auto* bars = new QCPBars(right->axis(QCPAxis::atBottom), right->axis(QCPAxis::atLeft));
        const double width = (h1.max - h1.min) / double(h1.counts.size());
        QVector<double> x, y;
        for (std::size_t i = 0; i < h1.counts.size(); ++i) {
            x.push_back(h1.min + (double(i) + 0.5) * width);
            y.push_back(h1.counts[i]);
        }
        bars->setWidth(width > 0 ? width : 1.0);
        bars->setData(x, y, true);
        bars->setBrush(QColor(255, 127, 14, 160));
        bars->setPen(Qt::NoPen);
        right->axis(QCPAxis::atBottom)
            ->setLabel(tr("second-order HT term\nf_j f_k (π_jk − π_j π_k)/(π_j π_k)"));
        right->axis(QCPAxis::atLeft)->setLabel(tr("pairs"));
        right->axis(QCPAxis::atBottom)->setRange(h1.min - width, h1.max + width);
        right->axis(QCPAxis::atLeft)->setRange(0, *std::max_element(y.begin(), y.end()) * 1.1);
    }
    QList<QCPAxis*> axes = left->axes() + right->axes();
    if (auto* scale = qobject_cast<QCPColorScale*>(histograms_->plotLayout()->element(0, 1)))
        axes.push_back(scale->axis());
    for (QCPAxis* a : axes) {
        a->setTickLabelFont(plot_->xAxis->tickLabelFont());
        a->setLabelFont(plot_->xAxis->labelFont());
    }
    plot_->replot();
    histograms_->replot();
}

void VarianceLabView::showTooltip(QMouseEvent* event)
{
    if (!result_ || graphs_.empty())
        return;
    const double px = event->position().x(), py = event->position().y();
    double best = 12.0; // pixels
    QString text;
    for (std::size_t i = 0; i < graphs_.size(); ++i)
        for (QCPGraph* g : {graphs_[i].first, graphs_[i].second}) {
            if (!g)
                continue;
            for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) {
                const double dx = plot_->xAxis->coordToPixel(it->key) - px;
                const double dy = plot_->yAxis->coordToPixel(it->value) - py;
                const double dist = std::hypot(dx, dy);
                if (dist < best) {
                    best = dist;
                    text = tr("%1 · %2<br>t = %3: %4")
                               .arg(curveName(result_->curves[i]),
                                    g == graphs_[i].first ? tr("observed MSE") : tr("predicted variance"))
                               .arg(it->key)
                               .arg(localeNumber(it->value, 'g', 4));
                }
            }
        }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
}

} // namespace ada
