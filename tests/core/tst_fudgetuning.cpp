// Fudge-factor tuning (ALGORITHM.md §7): the tuned run is cheaper than the untuned one and still
// reaches 1 − δ on held-out queries; tuning is deterministic.
#include "core/Evaluation.h"
#include "datasets/SyntheticDatasets.h"

#include <QtTest>

using namespace ada;

class TestFudgeTuning : public QObject {
    Q_OBJECT

private slots:
    void tunedIsCheaperAndStillPac();
    void tuningIsDeterministic();
};

namespace {
Dataset noisyQueries(int m)
{
    SyntheticSpec spec;
    spec.family = SyntheticFamily::Noisy;
    spec.n = 100;
    spec.d = 3000;
    spec.m = m;
    spec.seed = 21;
    return generateSynthetic(spec);
}
} // namespace

void TestFudgeTuning::tunedIsCheaperAndStillPac()
{
    const Dataset ds = noisyQueries(400);
    ExperimentOptions tuned;
    tuned.config = Config::forPreset(Preset::Paper);
    tuned.config.delta = 0.1;
    tuned.tune = 100;
    const ExperimentReport a = runExperiment(ds, tuned);
    ExperimentOptions untuned = tuned;
    untuned.tune = 0;
    const ExperimentReport b = runExperiment(ds, untuned);
    qInfo("tuned: phi_b %.4g, phi_l %.4g, speedup %.2fx, success %.3f on %zu test queries; untuned: %.2fx, "
          "%.3f",
          a.fudge.bestArms, a.fudge.logNorm, a.speedup, a.successRate, a.outcomes.size(), b.speedup,
          b.successRate);
    QCOMPARE(int(a.outcomes.size()), 300);
    QCOMPARE(int(a.tuneQueries.size()), 100);
    QVERIFY(a.successRate >= 0.9);
    QVERIFY(a.speedup >= b.speedup);
    QVERIFY(a.fudge.bestArms > 0.0 && a.fudge.bestArms <= 10.0);
    QVERIFY(a.fudge.logNorm > 0.0 && a.fudge.logNorm <= 10.0);
}

void TestFudgeTuning::tuningIsDeterministic()
{
    const Dataset ds = noisyQueries(120);
    ExperimentOptions o;
    o.config = Config::forPreset(Preset::Paper);
    o.tune = 40;
    const ExperimentReport a = runExperiment(ds, o);
    const ExperimentReport b = runExperiment(ds, o);
    QCOMPARE(a.fudge.bestArms, b.fudge.bestArms);
    QCOMPARE(a.fudge.logNorm, b.fudge.logNorm);
    QCOMPARE(a.totalPulls, b.totalPulls);
    QCOMPARE(a.tuneQueries, b.tuneQueries);
}

QTEST_APPLESS_MAIN(TestFudgeTuning)
#include "tst_fudgetuning.moc"
