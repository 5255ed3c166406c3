// PlaybackController: replays a recorded Trace without recomputing: steps, rounds, back, seek,
// speed, reset, run to end, and play reaching the end.
#include "app/studio/PlaybackBar.h"
#include "app/studio/PlaybackController.h"
#include "datasets/SyntheticDatasets.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

using namespace ada;

class TestPlaybackController : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void startsPausedAtStepZero();
    void stepBatchBackAndSeekClamp();
    void stepRoundStopsAtRoundsAndPhaseChanges();
    void speedIsClampedAndSetsTheInterval_data();
    void speedIsClampedAndSetsTheInterval();
    void playReachesTheEndAndStops();
    void playAtTheEndRestarts();
    void toEndAndReset();
    void noRunIsHarmless();
    void barSaysTheStepInTheRoomItHas();

private:
    RunDataPtr run_;
};

void TestPlaybackController::initTestCase()
{
    const Dataset ds = generateSynthetic(parseSyntheticSpec("synthetic:noisy?n=40&d=4000&m=2&seed=1"));
    run_ = recordRun(ds, 0, Config::forPreset(Preset::Paper));
    QVERIFY(run_);
    QVERIFY2(run_->steps() > 5, qPrintable(QString::number(run_->steps())));
}

void TestPlaybackController::startsPausedAtStepZero()
{
    PlaybackController p;
    QSignalSpy steps(&p, &PlaybackController::stepChanged);
    p.setRun(run_);
    QCOMPARE(p.step(), 0);
    QCOMPARE(p.steps(), run_->steps());
    QVERIFY(!p.playing());
    QCOMPARE(steps.count(), 1);
}

void TestPlaybackController::stepBatchBackAndSeekClamp()
{
    PlaybackController p;
    p.setRun(run_);
    p.stepBatch();
    p.stepBatch();
    QCOMPARE(p.step(), 2);
    p.stepBack();
    QCOMPARE(p.step(), 1);
    p.seek(-5);
    QCOMPARE(p.step(), 0);
    p.stepBack();
    QCOMPARE(p.step(), 0);
    p.seek(1 << 30);
    QCOMPARE(p.step(), run_->steps() - 1);
    QVERIFY(p.atEnd());
    p.stepBatch();
    QCOMPARE(p.step(), run_->steps() - 1);
}

void TestPlaybackController::stepRoundStopsAtRoundsAndPhaseChanges()
{
    PlaybackController p;
    p.setRun(run_);
    const auto& snaps = run_->trace.snapshots;
    int visited = 0;
    while (!p.atEnd()) {
        const int from = p.step();
        p.stepRound();
        const int to = p.step();
        QVERIFY(to > from);
        // Every snapshot skipped over is a pull batch of the same phase; the landing one ends a
        // round, starts another phase, or is the last.
        for (int i = from + 1; i < to; ++i) {
            QVERIFY(snaps[std::size_t(i)].kind != EventKind::Round);
            QVERIFY(snaps[std::size_t(i)].phase == snaps[std::size_t(from)].phase);
        }
        const Snapshot& s = snaps[std::size_t(to)];
        QVERIFY(s.kind == EventKind::Round || s.phase != snaps[std::size_t(from)].phase
                || to == run_->steps() - 1);
        ++visited;
    }
    QVERIFY(visited >= 2);
    QVERIFY(visited < run_->steps()); // coarser than stepping batches
}

void TestPlaybackController::speedIsClampedAndSetsTheInterval_data()
{
    QTest::addColumn<double>("asked");
    QTest::addColumn<double>("speed");
    QTest::newRow("0.1 → 0.25") << 0.1 << 0.25;
    QTest::newRow("0.25") << 0.25 << 0.25;
    QTest::newRow("1") << 1.0 << 1.0;
    QTest::newRow("16") << 16.0 << 16.0;
    QTest::newRow("100 → 16") << 100.0 << 16.0;
}

void TestPlaybackController::speedIsClampedAndSetsTheInterval()
{
    QFETCH(double, asked);
    QFETCH(double, speed);
    PlaybackController p;
    p.setSpeed(asked);
    QCOMPARE(p.speed(), speed);
    const double expected = 1000.0 / (PlaybackController::kBaseStepsPerSecond * speed);
    QVERIFY2(std::abs(p.intervalMs() - expected) <= 1.0, qPrintable(QString::number(p.intervalMs())));
}

void TestPlaybackController::playReachesTheEndAndStops()
{
    PlaybackController p;
    p.setRun(run_);
    p.setSpeed(16.0);
    QSignalSpy end(&p, &PlaybackController::reachedEnd);
    QSignalSpy playing(&p, &PlaybackController::playingChanged);
    QElapsedTimer clock;
    clock.start();
    p.play();
    QVERIFY(p.playing());
    QTRY_COMPARE_WITH_TIMEOUT(end.count(), 1, 10000);
    QVERIFY(!p.playing());
    QCOMPARE(p.step(), run_->steps() - 1);
    QCOMPARE(playing.count(), 2); // started, stopped
    // Expected ≈ steps / (15·16) seconds; allow generous slack for a loaded machine.
    qInfo("%d steps replayed at 16x in %lld ms", run_->steps(), clock.elapsed());
}

void TestPlaybackController::playAtTheEndRestarts()
{
    PlaybackController p;
    p.setRun(run_);
    p.toEnd();
    p.play();
    QCOMPARE(p.step(), 0);
    QVERIFY(p.playing());
    p.togglePlay();
    QVERIFY(!p.playing());
}

void TestPlaybackController::toEndAndReset()
{
    PlaybackController p;
    p.setRun(run_);
    QSignalSpy end(&p, &PlaybackController::reachedEnd);
    p.play();
    p.toEnd();
    QVERIFY(!p.playing());
    QCOMPARE(p.step(), run_->steps() - 1);
    QCOMPARE(end.count(), 1);
    p.reset();
    QCOMPARE(p.step(), 0);
    // A new run starts paused at zero.
    p.seek(3);
    p.play();
    p.setRun(run_);
    QCOMPARE(p.step(), 0);
    QVERIFY(!p.playing());
}

void TestPlaybackController::noRunIsHarmless()
{
    PlaybackController p;
    p.play();
    p.stepBatch();
    p.stepRound();
    p.stepBack();
    p.toEnd();
    p.seek(5);
    QCOMPARE(p.step(), 0);
    QVERIFY(!p.playing());
    QCOMPARE(PlaybackController::nextRoundStep(Trace{}, 3), 0);
}

// The bar's line says the step, phase and pulls where it has room and the step alone where it has
// not, so that a narrow run tab (a small screen's docks beside it) need not be as wide as the full
// line; at a given width its size does not change while the replay moves on.
void TestPlaybackController::barSaysTheStepInTheRoomItHas()
{
    PlaybackController p;
    PlaybackBar bar(&p);
    p.setRun(run_);
    p.seek(3);
    auto* line = bar.findChild<QLabel*>();
    QVERIFY(line);
    const QString brief = QStringLiteral("step 4 / %1").arg(run_->steps());
    bar.resize(1000, 40);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QTRY_VERIFY2(line->text().startsWith(brief + QStringLiteral(" · ")), qPrintable(line->text()));
    QVERIFY(line->text().endsWith(QStringLiteral(" pulls")));
    const int wide = line->width();
    p.toEnd(); // the longest line of the run: its label does not grow
    QCOMPARE(line->width(), wide);
    // Narrower than the full line needs, but as wide as the bar's minimum: the step alone.
    const int minimum = bar.minimumSizeHint().width();
    QVERIFY2(minimum < bar.sizeHint().width() - 100, qPrintable(QStringLiteral("%1").arg(minimum)));
    bar.resize(minimum, 40);
    p.seek(3);
    QTRY_COMPARE(line->text(), brief);
    QVERIFY(QFontMetrics(line->font()).horizontalAdvance(line->text()) <= line->width());
    bar.resize(1000, 40);
    QTRY_VERIFY(line->text().startsWith(brief + QStringLiteral(" · ")));
}

QTEST_MAIN(TestPlaybackController) // the bar is a widget: a QApplication (offscreen in CTest)
#include "tst_playbackcontroller.moc"
