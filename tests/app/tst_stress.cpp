// Stress (issue 9), CTest label "stress", run by the stress stage of .ci/run, not the default suite:
// 1 000 start/cancel/restart cycles of the run controller, and 100 open/close cycles of a ~150 MB
// head file through the controller's load path, each with a bound on resident-memory growth
// (/proc/self/statm) measured after a warm-up, so allocator pools and HDF5's caches are excluded.
#include "app/studio/RunController.h"
#include "datasets/HeadFile.h"
#include "datasets/SyntheticDatasets.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/common/ResidentMemory.h"

#include <algorithm>
#include <random>

using namespace ada;

using ada::test::residentKiB;

class TestStress : public QObject {
    Q_OBJECT

private slots:
    void startCancelRestart1000Times();
    void openClose150MbHead100Times();
};

void TestStress::startCancelRestart1000Times()
{
    RunController controller;
    const auto ds = std::make_shared<const Dataset>(
        generateSynthetic(parseSyntheticSpec("synthetic:noisy?n=200&d=3000&m=5&seed=1")));
    QSignalSpy finished(&controller, &RunController::runFinished);
    const int baseline = RunController::liveTraceCount();
    long rssAt100 = 0;
    for (int i = 0; i < 1000; ++i) {
        Config c = Config::forPreset(Preset::Paper);
        c.seed = std::uint64_t(i);
        controller.startRun(ds, i % 5, c); // restart: supersedes the previous run
        if (i % 2 == 0)
            controller.cancel();
        // Every tenth cycle lets the run get going before the next restart cancels it.
        if (i % 10 == 0)
            QTest::qWait(2);
        else
            QCoreApplication::processEvents();
        if (i == 100)
            rssAt100 = residentKiB();
    }
    controller.startRun(ds, 0, Config::forPreset(Preset::Paper));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 60000);
    QVERIFY(finished.count() >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(RunController::liveTraceCount(), baseline, 5000);
    const long growth = residentKiB() - rssAt100;
    qInfo("run controller: resident %ld KiB at cycle 100, growth to cycle 1000: %ld KiB", rssAt100, growth);
    QVERIFY2(growth < 32 * 1024, qPrintable(QString::number(growth))); // bound: 32 MiB
}

void TestStress::openClose150MbHead100Times()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("head150.h5"));
    {
        // 51 200 × 768 float32 = 157 MB. Values on a coarse grid so gzip (the writer's default) has
        // something to compress and each of the 100 reads stays well under a second.
        Dataset big;
        big.name = "stress";
        big.head.weight.resize(51200, 768);
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> level(-8, 8);
        for (Eigen::Index i = 0; i < big.head.weight.size(); ++i)
            big.head.weight.data()[i] = float(level(rng)) / 8.0f;
        big.queries = big.head.weight.topRows(4);
        writeHeadFile(big, path.toStdString());
    }
    RunController controller;
    QSignalSpy loaded(&controller, &RunController::datasetLoaded);
    QSignalSpy failed(&controller, &RunController::failed);
    long rssAt10 = 0, peak = 0;
    for (int i = 0; i < 100; ++i) {
        loaded.clear();
        controller.loadDataset(path);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        QCOMPARE(loaded.first().first().value<DatasetPtr>()->head.arms(), Eigen::Index(51200));
        peak = std::max(peak, residentKiB());
        loaded.clear(); // the last reference to the dataset goes here: "close"
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 10000);
        if (i == 9)
            rssAt10 = residentKiB();
    }
    const long growth = residentKiB() - rssAt10;
    qInfo("150 MB head: resident %ld KiB after 10 cycles, peak %ld KiB, growth to cycle 100: %ld KiB",
          rssAt10, peak, growth);
    QVERIFY2(growth < 32 * 1024, qPrintable(QString::number(growth))); // bound: 32 MiB (a leak is 150 MB)
}

QTEST_GUILESS_MAIN(TestStress)
#include "tst_stress.moc"
