// The views draw what the Trace says (DESIGN.md "Views"): intervals, survivors, pulls, the current
// step, the running log Ŝ; a 50 000-arm trace draws a bounded number of points; plots export.
#include "core/AdaptiveSoftmax.h"
#include "core/ExactSoftmax.h"
#include "core/VarianceLab.h"
#include "datasets/SyntheticDatasets.h"
#include "widgets/EliminationView.h"
#include "widgets/ExplainerView.h"
#include "widgets/PartitionView.h"
#include "widgets/PlotExport.h"
#include "widgets/PlotStyle.h"
#include "widgets/PullsView.h"
#include "widgets/ResultSummaryView.h"
#include "widgets/TimelineView.h"
#include "widgets/VarianceLabView.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

#include <algorithm>

using namespace ada;

namespace {

RunDataPtr record(const char* spec)
{
    return recordRun(generateSynthetic(parseSyntheticSpec(spec)), 0, Config::forPreset(Preset::Paper));
}

} // namespace

class TestViews : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { run_ = record("synthetic:noisy?n=100&d=2000&m=1&seed=1"); }
    void eliminationDrawsTheTrace();
    void pullsTimelinePartitionFollowTheStep();
    void explainerAndSummary();
    void fiftyThousandArmsStayBounded();
    void plotsExport();
    void varianceLabDrawsItsCurves();
    void notesFitNarrowPlots();
    void legendsWrapInNarrowPlots();
    void partitionLegendOnlyWhereItFits();
    void titlesBreakToFitTheirPlot();
    void numbersFollowTheLanguage();
    void gallery();

private:
    RunDataPtr run_;
};

void TestViews::eliminationDrawsTheTrace()
{
    EliminationView view;
    view.resize(900, 500);
    view.setRun(run_);
    int checkedRounds = 0;
    for (int step = 0; step < run_->steps(); ++step) {
        const Snapshot& s = run_->trace.snapshots[std::size_t(step)];
        view.showStep(step);
        // Every detailed contender is plotted at its estimate with its interval, in detail order.
        auto* survivors = view.contenderGraph();
        auto* bars = view.contenderBars();
        QVERIFY(view.errorBarNote().contains(s.phase == Phase::Elimination && !s.halfWidths.empty()
                                                 ? QStringLiteral("elimination's own")
                                                 : QStringLiteral("computed from")));
        int k = 0;
        for (std::size_t i = 0; i < view.detailedArms().size(); ++i) {
            const int arm = view.detailedArms()[i];
            if (!s.survivors.empty() && s.survivors[std::size_t(arm)] == 0)
                continue;
            QVERIFY(k < survivors->data()->size());
            const auto point = survivors->data()->at(k);
            QCOMPARE(point->key, double(i));
            QCOMPARE(point->value, s.estimates[std::size_t(arm)]);
            const double w = confidenceHalfWidth(*run_, s, arm);
            QCOMPARE(bars->data()->at(k).errorPlus, std::isfinite(w) ? w : 0.0);
            ++k;
        }
        QCOMPARE(k, survivors->data()->size());
        // n = 100 is below the detail limit: every arm is drawn, each contender exactly once.
        QCOMPARE(int(view.detailedArms().size()), int(s.estimates.size()));
        const auto contenders
            = std::count_if(s.survivors.begin(), s.survivors.end(), [](auto v) { return v != 0; });
        QCOMPARE(qsizetype(survivors->data()->size()),
                 qsizetype(s.survivors.empty() ? s.estimates.size() : contenders));
        if (s.phase == Phase::Elimination && !s.halfWidths.empty())
            for (int j = 0; j < survivors->data()->size(); ++j) {
                const int arm = view.detailedArms()[std::size_t(survivors->data()->at(j)->key)];
                QCOMPARE(bars->data()->at(j).errorMinus, s.halfWidths[std::size_t(arm)]);
            }
        if (s.kind == EventKind::Round) {
            ++checkedRounds;
            for (int arm = 0; arm < int(s.survivors.size()); ++arm)
                if (s.survivors[std::size_t(arm)])
                    QCOMPARE(s.halfWidths[std::size_t(arm)], confidenceHalfWidth(*run_, s, arm));
        }
    }
    QVERIFY(checkedRounds > 0);

    // Ordered by true logit, x follows the truth and the overlay is monotone.
    view.setOrder(EliminationView::Order::ByTrueLogit);
    view.showStep(run_->steps() / 2);
    const auto* truth = view.truthGraph()->data().data();
    for (int i = 1; i < truth->size(); ++i)
        QVERIFY(truth->at(i)->value <= truth->at(i - 1)->value);
    QCOMPARE(view.detailedArms().front(),
             int(std::distance(run_->trueLogits.data(),
                               std::max_element(run_->trueLogits.data(),
                                                run_->trueLogits.data() + run_->trueLogits.size()))));
}

void TestViews::pullsTimelinePartitionFollowTheStep()
{
    PullsView pulls;
    TimelineView timeline;
    PartitionView partition;
    pulls.setRun(run_);
    timeline.setRun(run_);
    partition.setRun(run_);
    for (int step : {0, run_->steps() / 2, run_->steps() - 1}) {
        const Snapshot& s = run_->trace.snapshots[std::size_t(step)];
        pulls.showStep(step);
        timeline.showStep(step);
        partition.showStep(step);
        std::vector<std::int64_t> depths = s.depths;
        std::sort(depths.begin(), depths.end(), std::greater<>());
        for (std::size_t i = 0; i < depths.size(); ++i)
            QCOMPARE(pulls.profile()->data()->at(int(i))->value, double(depths[i]));
        QCOMPARE(timeline.markerStep(), double(step));
        // The timeline's bar at this step (in its phase's colour) is the cumulative pulls.
        const auto phase = std::min(s.phase, Phase::Partition);
        const auto* bars = timeline.phaseBars(phase)->data().data();
        const auto at = bars->findBegin(double(step), false);
        QVERIFY(at != bars->constEnd());
        QCOMPARE(at->key, double(step));
        QCOMPARE(at->value, double(s.totalPulls));
        // The histogram counts every arm once, each in the bin of its depth.
        const auto& edges = pulls.histogramEdges();
        const auto* hist = pulls.histogram()->data().data();
        QCOMPARE(hist->size(), int(edges.size()));
        double total = 0;
        for (int b = 0; b + 1 < hist->size(); ++b) {
            const auto inBin = std::count_if(s.depths.begin(), s.depths.end(), [&](std::int64_t t) {
                const double v = std::max<double>(double(t), 1.0);
                return v >= edges[std::size_t(b)] && v < edges[std::size_t(b) + 1];
            });
            QCOMPARE(hist->at(b)->value, double(inBin));
            total += hist->at(b)->value;
        }
        QCOMPARE(total, double(s.depths.size()));
        if (s.phase == Phase::Partition || s.phase == Phase::Done) {
            QVERIFY(partition.estimateGraph()->data()->size() > 0);
            QCOMPARE((partition.estimateGraph()->data()->constEnd() - 1)->value, s.logPartition);
        }
    }
    const Snapshot& last = run_->trace.snapshots.back();
    QCOMPARE(last.logPartition, run_->trace.result.logPartition);
    QVERIFY(partition.targetsGraph()->data()->size() > 0); // Algorithm 2's per-arm targets

    // A click on the timeline asks to seek to the step under the mouse.
    timeline.resize(800, 400);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    timeline.plot()->replot();
    QSignalSpy spy(&timeline, &TimelineView::seekRequested);
    const int target = run_->steps() / 3;
    const int px = int(timeline.plot()->xAxis->coordToPixel(double(target)));
    const int py = int(timeline.plot()->yAxis->coordToPixel(1.0));
    QTest::mouseClick(timeline.plot(), Qt::LeftButton, {}, QPoint(px, py));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), target);
}

void TestViews::explainerAndSummary()
{
    ExplainerView explainer;
    explainer.setRun(run_);
    explainer.showStep(0);
    QVERIFY2(explainer.text().contains(QStringLiteral("Warm-up")), qPrintable(explainer.text()));
    for (int step = 0; step < run_->steps(); ++step)
        if (run_->trace.snapshots[std::size_t(step)].phase == Phase::Elimination) {
            explainer.showStep(step);
            QVERIFY(explainer.text().contains(QStringLiteral("Elimination")));
            break;
        }
    // The partition phase: its first snapshots come before any running log Ŝ (NaN), and the text
    // says so instead of a number; once there is one, it gives it.
    bool before = false, during = false;
    for (int step = 0; step < run_->steps(); ++step) {
        const Snapshot& s = run_->trace.snapshots[std::size_t(step)];
        if (s.phase != Phase::Partition)
            continue;
        explainer.showStep(step);
        const QString text = explainer.text();
        QVERIFY2(text.contains(QStringLiteral("Partition function, two stages")), qPrintable(text));
        if (std::isfinite(s.logPartition)) {
            during = true;
            QVERIFY2(text.contains(QStringLiteral("log Ŝ = %1").arg(s.logPartition, 0, 'f', 4)),
                     qPrintable(text));
        } else {
            before = true;
            QVERIFY2(!text.contains(QStringLiteral("log Ŝ = "))
                         && text.contains(QStringLiteral("follows their first pulls")),
                     qPrintable(text));
        }
    }
    QVERIFY(before && during);
    explainer.showStep(run_->steps() - 1);
    QVERIFY(explainer.text().contains(QStringLiteral("Done")));
    ResultSummaryView summary;
    summary.setRun(run_);
    QVERIFY(summary.success()); // the planted arm 0 with an accurate p̂
    QVERIFY(summary.text().contains(QStringLiteral("✓ success")));
    QVERIFY(summary.text().contains(QStringLiteral("arm 0")));
}

void TestViews::fiftyThousandArmsStayBounded()
{
    const RunDataPtr big = record("synthetic:noisy?n=50000&d=64&m=1&seed=1");
    EliminationView view;
    view.resize(1280, 400);
    view.setRun(big);
    for (int step : {0, big->steps() / 2, big->steps() - 1}) {
        view.showStep(step);
        QVERIFY(view.detailedArms().size() <= std::size_t(EliminationView::kDetailLimit));
        int points = 0;
        for (int g = 0; g < view.plot()->graphCount(); ++g)
            points += view.plot()->graph(g)->data()->size();
        QVERIFY2(points < 5000, qPrintable(QString::number(points)));
        const QPixmap pixmap = view.grab();
        QVERIFY(!pixmap.isNull());
    }
    // Stepping stays fluid: a showStep plus a full replot well under the 40 ms frame budget on
    // average (a loose bound against regressions, not a benchmark).
    QElapsedTimer timer;
    timer.start();
    const int frames = 20;
    for (int i = 0; i < frames; ++i) {
        view.showStep(i * (big->steps() - 1) / (frames - 1));
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    }
    const double perFrame = double(timer.elapsed()) / frames;
    qInfo("50 000 arms: %.1f ms per step (showStep + replot)", perFrame);
    QVERIFY2(perFrame < 250, qPrintable(QString::number(perFrame)));
}

void TestViews::plotsExport()
{
    QTemporaryDir dir;
    PullsView view;
    view.resize(640, 400);
    view.setRun(run_);
    const QList<QPair<QString, QByteArray>> formats{{QStringLiteral("p.png"), QByteArray("\x89PNG")},
                                                    {QStringLiteral("p.pdf"), QByteArray("%PDF")},
                                                    {QStringLiteral("p.svg"), QByteArray("<svg")}};
    for (const auto& [name, magic] : formats) {
        QString error;
        QVERIFY2(exportPlot(view.plot(), dir.filePath(name), &error), qPrintable(error));
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 100);
        QVERIFY2(bytes.left(2000).contains(magic), qPrintable(name));
    }
    QString error;
    QVERIFY(!exportPlot(view.plot(), dir.filePath(QStringLiteral("p.bmpx")), &error));
    QVERIFY(error.contains(QStringLiteral("unknown plot format")));
}

void TestViews::varianceLabDrawsItsCurves()
{
    const Dataset ds = generateSynthetic(parseSyntheticSpec("synthetic:high-variance?n=5&d=200&m=1&seed=3"));
    const Eigen::VectorXd row = ds.head.weight.row(0).cast<double>().transpose();
    const Eigen::VectorXd x = ds.queries.row(0).cast<double>().transpose();
    const Eigen::VectorXd l1 = ds.head.weight.cast<double>().cwiseAbs().colwise().sum().transpose();
    VarianceLabOptions o;
    o.grid = {10, 40, 120};
    o.repetitions = 50;
    auto result = std::make_shared<VarianceLabResult>(runVarianceLab(row, x, l1, 1.0, o));
    VarianceLabView view;
    view.resize(900, 700);
    view.setResult(result, QStringLiteral("row 0, query 0"));
    for (std::size_t i = 0; i < result->curves.size(); ++i) {
        const auto [observed, predicted] = view.graphsOf(i);
        QVERIFY(observed);
        // Every plotted observed point is the result's MSE at that t; predicted exists iff a closed form
        // does.
        for (auto it = observed->data()->constBegin(); it != observed->data()->constEnd(); ++it) {
            const auto& points = result->curves[i].points;
            const auto p = std::find_if(points.begin(), points.end(),
                                        [&](const auto& q) { return q.t == int(it->key); });
            QVERIFY(p != points.end());
            QCOMPARE(it->value, p->mse);
        }
        const LabEstimator e = result->curves[i].estimator;
        QCOMPARE(predicted != nullptr, e != LabEstimator::IsWorHt && e != LabEstimator::IsWorDr);
    }
    // §9's heat map: a cell per bin, centred in its bin, whole on the axes; empty bins show the
    // background, so that the few filled ones stand out; a colour scale says what colour means.
    const Histogram2D& h = result->pairs;
    QVERIFY(h.bins > 0);
    auto* map = qobject_cast<QCPColorMap*>(view.histograms()->plottable(0));
    QVERIFY(map && map->colorScale());
    QCOMPARE(map->data()->keySize(), h.bins);
    QCOMPARE(map->data()->valueSize(), h.bins);
    const double halfX = (h.xMax - h.xMin) / (2 * h.bins), halfY = (h.yMax - h.yMin) / (2 * h.bins);
    QVERIFY(std::abs(map->data()->keyRange().lower - (h.xMin + halfX)) <= 1e-9 * halfX);
    QVERIFY(std::abs(map->data()->valueRange().upper - (h.yMax - halfY)) <= 1e-9 * halfY);
    QVERIFY(map->keyAxis()->range().lower <= h.xMin + 1e-9 * halfX);
    QVERIFY(map->keyAxis()->range().upper >= h.xMax - 1e-9 * halfX);
    QVERIFY(map->valueAxis()->range().lower <= h.yMin + 1e-9 * halfY);
    int empty = 0, filled = 0;
    for (int y = 0; y < h.bins; ++y)
        for (int xBin = 0; xBin < h.bins; ++xBin) {
            const bool hasPairs = h.counts[std::size_t(y * h.bins + xBin)] > 0;
            QCOMPARE(int(map->data()->alpha(xBin, y)), hasPairs ? 255 : 0);
            (hasPairs ? filled : empty) += 1;
        }
    QVERIFY(empty > 0 && filled > 0);
    QVERIFY(!view.grab().isNull());
    // Showing another result replaces the histograms, their colour scale and its margin group.
    view.setResult(result, QStringLiteral("row 0, query 0"));
    QCOMPARE(view.histograms()->plottableCount(), 2);
    QCOMPARE(view.histograms()->findChildren<QCPMarginGroup*>().size(), qsizetype(1));
    QVERIFY(!view.grab().isNull());
}

// A note or label drawn inside a plot keeps its whole text in view when the dock is narrow: it takes a
// shorter form or breaks into lines instead of being clipped at the axis rect's edge.
void TestViews::notesFitNarrowPlots()
{
    PullsView pulls;
    PartitionView partition;
    pulls.setRun(run_);
    partition.setRun(run_);
    partition.showStep(0); // before the partition phase: its note stands in the empty plot, alone
    partition.findChild<QCustomPlot*>()->replot();
    QVERIFY(!partition.findChild<QCustomPlot*>()->legend->visible());
    // 210 px: the right-hand column of a 1 280-pixel-wide window.
    for (QWidget* view : std::initializer_list<QWidget*>{&pulls, &partition})
        for (const int width : {1000, 420, 300, 210}) {
            view->resize(width, 400);
            view->show();
            QCoreApplication::processEvents(); // the plot takes its new size
            QCustomPlot* plot = view->findChild<QCustomPlot*>();
            plot->replot(); // the first replot lays out at the new size, the second fits the texts to it
            plot->replot();
            for (int i = 0; i < plot->itemCount(); ++i) {
                const auto* text = qobject_cast<QCPItemText*>(plot->item(i));
                if (!text || !text->visible() || text->text().isEmpty())
                    continue;
                const QCPAxisRect* rect = text->clipAxisRect() ? text->clipAxisRect() : plot->axisRect();
                int widest = 0;
                for (const QString& line : text->text().split(QLatin1Char('\n')))
                    widest = std::max(widest, QFontMetrics(text->font()).horizontalAdvance(line));
                QVERIFY2(widest <= rect->width(),
                         qPrintable(QStringLiteral("%1 px wide: '%2' needs %3 px, has %4")
                                        .arg(width)
                                        .arg(text->text())
                                        .arg(widest)
                                        .arg(rect->width())));
            }
            // The histogram's axis label, centred under its rect, stays inside the plot.
            if (view == &pulls) {
                const QCPAxisRect* hist = plot->axisRects().back();
                const QCPAxis* axis = hist->axis(QCPAxis::atBottom);
                int widest = 0;
                for (const QString& line : axis->label().split(QLatin1Char('\n')))
                    widest = std::max(widest, QFontMetrics(axis->labelFont()).horizontalAdvance(line));
                QVERIFY2(hist->center().x() + widest / 2 <= plot->width(),
                         qPrintable(QStringLiteral("%1 px wide: '%2'").arg(width).arg(axis->label())));
            }
        }
    // The variance-target plot at the end of the run (targets shown): its axis label stays inside the
    // plot and its tick labels, less than a decade apart, do not run into each other.
    partition.showStep(run_->steps() - 1);
    QCustomPlot* plot = partition.findChild<QCustomPlot*>();
    for (const int width : {1000, 420, 300, 210}) {
        partition.resize(width, 500);
        QCoreApplication::processEvents();
        plot->replot();
        plot->replot();
        const QCPAxisRect* lower = plot->axisRects().back();
        const QCPAxis* axis = lower->axis(QCPAxis::atBottom);
        const QFontMetrics label(axis->labelFont()), ticks(axis->tickLabelFont());
        QVERIFY2(lower->center().x() + label.horizontalAdvance(axis->label()) / 2 <= plot->width(),
                 qPrintable(QStringLiteral("%1 px wide: '%2'").arg(width).arg(axis->label())));
        const QVector<double> at = axis->tickVector();
        const QVector<QString> text = axis->tickVectorLabels();
        QVERIFY(!at.isEmpty());
        double previousRight = -1e9;
        for (int t = 0; t < at.size(); ++t) {
            const double x = axis->coordToPixel(at[t]);
            if (x < lower->left() - 1 || x > lower->right() + 1)
                continue; // outside the range: not drawn
            const double half = ticks.horizontalAdvance(text[t]) / 2.0;
            QVERIFY2(
                x - half >= previousRight,
                qPrintable(
                    QStringLiteral("%1 px wide: tick '%2' overlaps the one before").arg(width).arg(text[t])));
            previousRight = x + half;
        }
    }
}

// The timeline's and the elimination plot's legends sit in rows above their plots: in a narrow dock they
// take more rows, every entry whole (its text was cut off when one row was squeezed into the width).
void TestViews::legendsWrapInNarrowPlots()
{
    TimelineView timeline;
    EliminationView elimination;
    timeline.setRun(run_);
    elimination.setRun(run_);
    for (QWidget* view : std::initializer_list<QWidget*>{&timeline, &elimination})
        for (const int width : {1200, 420, 260}) {
            view->resize(width, 500);
            view->show();
            QCoreApplication::processEvents();
            QCustomPlot* plot = view->findChild<QCustomPlot*>();
            plot->replot(); // lays out at the new size; the second replot re-flows the legend for it
            plot->replot();
            QCPLegend* legend = plot->legend;
            int entries = 0;
            for (int i = 0; i < legend->itemCount(); ++i)
                if (const QCPAbstractLegendItem* item = legend->item(i)) {
                    ++entries;
                    QVERIFY2(item->outerRect().width() >= item->minimumOuterSizeHint().width()
                                 && item->outerRect().right() <= plot->width(),
                             qPrintable(QStringLiteral("%1 px: entry %2 at %3 … %4")
                                            .arg(width)
                                            .arg(i)
                                            .arg(item->outerRect().left())
                                            .arg(item->outerRect().right())));
                }
            QVERIFY(entries >= 4);
            // Wide, one row of four; narrow, rows as full as each other.
            if (width == 1200)
                QCOMPARE(legend->wrap(), 4);
            else if (legend->wrap() < 4)
                QVERIFY(entries % legend->wrap() == 0 || entries % legend->wrap() >= legend->wrap() - 1);
        }
    // A plot too short for legend and data gives up the legend, row and all, and takes it back in its
    // row when it grows again.
    for (QWidget* view : std::initializer_list<QWidget*>{&timeline, &elimination}) {
        QCustomPlot* plot = view->findChild<QCustomPlot*>();
        for (const int height : {130, 500}) {
            view->resize(420, height);
            QCoreApplication::processEvents();
            plot->replot();
            plot->replot();
            const bool tall = height == 500;
            QCOMPARE(plot->legend->visible(), tall);
            QCOMPARE(plot->legend->layout() == plot->plotLayout(), tall);
            QCOMPARE(plot->plotLayout()->rowCount(), tall ? 3 : 2);
            if (tall)
                QCOMPARE(plot->plotLayout()->element(1, 0), static_cast<QCPLayoutElement*>(plot->legend));
            else
                QVERIFY(plot->axisRect()->height() >= kLegendMinimumDataHeight / 2);
        }
    }
}

// The partition view's legend sits inside its upper plot: shown once there are estimates, and only
// where that plot is tall enough to hold it (in a short dock it covered the title).
void TestViews::partitionLegendOnlyWhereItFits()
{
    PartitionView view;
    view.setRun(run_); // at the last step: estimates to explain
    QCustomPlot* plot = view.findChild<QCustomPlot*>();
    // Tall and wide enough, too short, too narrow (a 1 280-pixel window's right-hand column), again.
    for (const QSize size : {QSize(420, 600), QSize(420, 220), QSize(210, 600), QSize(420, 600)}) {
        view.resize(size);
        view.show();
        QCoreApplication::processEvents();
        plot->replot();
        plot->replot();
        const QSize legend = plot->legend->minimumOuterSizeHint();
        const bool room = plot->axisRect()->height() >= legend.height() + 8
            && plot->axisRect()->width() >= legend.width() + 8;
        QCOMPARE(room, size == QSize(420, 600));
        QCOMPARE(plot->legend->visible(), room);
    }
}

// A title wider than its plot breaks at " · ", then at spaces, then after hyphens (a German compound
// was clipped at both ends), and loses no word.
void TestViews::titlesBreakToFitTheirPlot()
{
    QWidget box;
    auto* plot = new QCustomPlot;
    installTitledPlot(&box, plot, QString());
    const QString title
        = QStringLiteral("Stichproben-Beschleunigung über δ · 39.997 von n·D = 160.000 (25,00 %, "
                         "4,0× weniger) · fertig");
    setPlotTitle(plot, title);
    for (const int width : {1000, 260, 150}) {
        box.resize(width, 300);
        box.show();
        QCoreApplication::processEvents();
        const auto* element = static_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
        const QFontMetrics metrics(element->font());
        for (const QString& line : element->text().split(QLatin1Char('\n')))
            QVERIFY2(metrics.horizontalAdvance(line) <= plot->width() - 12,
                     qPrintable(QStringLiteral("%1 px: '%2'").arg(width).arg(line)));
        auto letters = [](QString text) {
            return text.remove(QLatin1Char('\n')).remove(QLatin1Char(' ')).remove(QChar(0x00B7));
        };
        QCOMPARE(letters(element->text()), letters(title));
        QCOMPARE(element->text().count(QLatin1Char('\n')) > 0, width < 1000);
    }
}

// The views write numbers as the studio's language does (QLocale's default, set with the language):
// digit groups and the decimal mark of German here, as the plots' axes already did.
void TestViews::numbersFollowTheLanguage()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    PullsView pulls;
    ExplainerView explainer;
    ResultSummaryView summary;
    pulls.setRun(run_);
    explainer.setRun(run_);
    summary.setRun(run_);
    const Result& r = run_->trace.result;
    const double exact = double(run_->arms) * double(run_->effectiveDim);
    const QString pullsText = QLocale().toString(qint64(r.totalPulls));
    const QString percent = QLocale().toString(100.0 * double(r.totalPulls) / exact, 'f', 2);
    QLocale::setDefault(before);
    QVERIFY(r.totalPulls >= 1000 && pullsText.contains(QLatin1Char('.'))
            && percent.contains(QLatin1Char(',')));
    const QString title = static_cast<QCPTextElement*>(pulls.plot()->plotLayout()->element(0, 0))
                              ->property("adaFullTitle")
                              .toString();
    for (const QString& text : {title, explainer.text(), summary.text()}) {
        QVERIFY2(text.contains(pullsText), qPrintable(text));
        QVERIFY2(text.contains(percent + QStringLiteral(" %")), qPrintable(text));
    }
}

// Renders every view once (into $ADA_VIEW_GALLERY when set, else a temporary folder) so a person can
// look at them; checks only that each renders.
void TestViews::gallery()
{
    QTemporaryDir tmp;
    const QString dir = qEnvironmentVariable("ADA_VIEW_GALLERY", tmp.path());
    QDir().mkpath(dir);
    int mid = 0;
    for (int step = 0; step < run_->steps(); ++step)
        if (run_->trace.snapshots[std::size_t(step)].kind == EventKind::Round) {
            mid = step;
            break;
        }
    int part = run_->steps() - 2;
    EliminationView elimination;
    PullsView pulls;
    TimelineView timeline;
    PartitionView partition;
    ExplainerView explainer;
    ResultSummaryView summary;
    const QList<QPair<QWidget*, QString>> views{
        {&elimination, QStringLiteral("elimination")}, {&pulls, QStringLiteral("pulls")},
        {&timeline, QStringLiteral("timeline")},       {&partition, QStringLiteral("partition")},
        {&explainer, QStringLiteral("explainer")},     {&summary, QStringLiteral("summary")}};
    for (const auto& [widget, name] : views) {
        auto* view = dynamic_cast<RunView*>(widget);
        widget->resize(name == QStringLiteral("explainer") || name == QStringLiteral("summary")
                           ? QSize(520, 320)
                           : QSize(1000, 520));
        view->setRun(run_);
        view->showStep(name == QStringLiteral("partition") ? part : mid);
        const QPixmap pixmap = widget->grab();
        QVERIFY(!pixmap.isNull());
        QVERIFY(pixmap.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }
    const RunDataPtr big = record("synthetic:noisy?n=50000&d=64&m=1&seed=1");
    elimination.resize(1280, 400);
    elimination.setRun(big);
    elimination.showStep(big->steps() / 2);
    QVERIFY(elimination.grab().save(dir + QStringLiteral("/elimination-50000.png")));
    pulls.resize(1280, 400);
    pulls.setRun(big);
    QVERIFY(pulls.grab().save(dir + QStringLiteral("/pulls-50000.png")));
}

QTEST_MAIN(TestViews)
#include "tst_views.moc"
