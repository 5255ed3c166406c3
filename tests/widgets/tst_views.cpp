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
#include "widgets/PullsView.h"
#include "widgets/ResultSummaryView.h"
#include "widgets/TimelineView.h"
#include "widgets/VarianceLabView.h"

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
        auto* survivors = view.plot()->graph(3); // band upper, band lower, eliminated, contender
        auto* bars = qobject_cast<QCPErrorBars*>(view.plot()->plottable(view.plot()->plottableCount() - 1));
        QVERIFY(bars);
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
        if (s.kind == EventKind::Round) {
            ++checkedRounds;
            for (int arm = 0; arm < int(s.survivors.size()); ++arm)
                if (s.survivors[std::size_t(arm)])
                    QCOMPARE(s.halfWidths[std::size_t(arm)], confidenceHalfWidth(*run_, s, arm));
        }
    }
    QVERIFY(checkedRounds > 0);
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
        if (s.phase == Phase::Partition || s.phase == Phase::Done) {
            QVERIFY(partition.estimateGraph()->data()->size() > 0);
            QCOMPARE((partition.estimateGraph()->data()->constEnd() - 1)->value, s.logPartition);
        }
    }
    const Snapshot& last = run_->trace.snapshots.back();
    QCOMPARE(last.logPartition, run_->trace.result.logPartition);
    QVERIFY(partition.targetsGraph()->data()->size() > 0); // Algorithm 2's per-arm targets
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
        QCOMPARE(predicted != nullptr, result->curves[i].estimator != LabEstimator::IsWorHt);
    }
    QVERIFY(!view.grab().isNull());
}

QTEST_MAIN(TestViews)
#include "tst_views.moc"
