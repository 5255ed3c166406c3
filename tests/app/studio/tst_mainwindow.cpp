// The whole window, offscreen: the start-up instance runs and animates; redraws are coalesced;
// a bad file or parameter shows a message and the window stays usable; parameter changes rerun;
// timeline clicks seek; exports, scenarios and the layout land in files and settings.
#include "app/studio/MainWindow.h"
#include "app/studio/ParameterPanel.h"
#include "widgets/TimelineView.h"

#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ada;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void startupInstanceRunsAndAnimates();
    void redrawsAreCoalesced();
    void timelineClickSeeks();
    void parameterChangeStartsANewRun();
    void invalidParametersStartNoRun();
    void badFileShowsAMessageAndTheWindowStaysUsable();
    void exportsWriteFiles();
    void scenarioSavesAndOpensAgain();
    void layoutAndLastScenarioPersist();
    void resetLayoutPutsEveryDockBack();

private:
    void waitForRun();
    QTemporaryDir settingsDir_;
    QTemporaryDir work_;
    std::unique_ptr<MainWindow> window_;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName(QStringLiteral("AdaSoftmax"));
    QCoreApplication::setApplicationName(QStringLiteral("AdaSoftmax Studio Test"));
    QSettings().clear();
}

void TestMainWindow::init()
{
    window_ = std::make_unique<MainWindow>();
    window_->resize(1280, 800);
    window_->show();
    window_->openScenario(Scenario{}); // the built-in teaching instance
    waitForRun();
}

void TestMainWindow::cleanup()
{
    window_.reset();
}

void TestMainWindow::waitForRun()
{
    QTRY_VERIFY_WITH_TIMEOUT(window_->run() != nullptr, 30000);
}

void TestMainWindow::startupInstanceRunsAndAnimates()
{
    QCOMPARE(window_->dataset()->name, std::string("synthetic:noisy?n=40&d=4000&m=20&seed=1"));
    QCOMPARE(window_->run()->arms, std::int64_t(40));
    QVERIFY(window_->run()->config.preset == Preset::Paper);
    QVERIFY(window_->playback().playing());
    QTRY_VERIFY_WITH_TIMEOUT(window_->playback().step() > 2, 5000);
    QVERIFY(window_->lastError().isEmpty());
}

void TestMainWindow::redrawsAreCoalesced()
{
    PlaybackController& p = window_->playback();
    p.pause();
    QTest::qWait(100);
    const int before = window_->redrawCount();
    for (int i = 0; i < 200; ++i) // a burst of steps with no event loop in between
        p.seek(i % p.steps());
    QTest::qWait(150);
    QCOMPARE(window_->redrawCount() - before, 1);
    // Playing at 16×: far fewer redraws than steps per second would give.
    p.setSpeed(16.0);
    const int start = window_->redrawCount();
    p.play();
    QTest::qWait(600);
    p.pause();
    const int redraws = window_->redrawCount() - start;
    qInfo("%d redraws in 600 ms of 16x playback", redraws);
    QVERIFY2(redraws <= 600 / 30 + 2, qPrintable(QString::number(redraws)));
}

void TestMainWindow::timelineClickSeeks()
{
    auto* timeline = window_->findChild<TimelineView*>();
    QVERIFY(timeline);
    const int target = window_->playback().steps() / 2;
    emit timeline->seekRequested(target);
    QCOMPARE(window_->playback().step(), target);
    QVERIFY(!window_->playback().playing());
}

void TestMainWindow::parameterChangeStartsANewRun()
{
    QDoubleSpinBox* eps = nullptr;
    for (QDoubleSpinBox* s : window_->parameters()->findChildren<QDoubleSpinBox*>())
        if (s->accessibleName() == QStringLiteral("epsilon"))
            eps = s;
    QVERIFY(eps);
    const RunDataPtr first = window_->run();
    eps->setValue(0.2);
    eps->setValue(0.15); // debounced: one run with the last value
    QTRY_VERIFY_WITH_TIMEOUT(window_->run() != first, 30000);
    QCOMPARE(window_->run()->config.epsilon, 0.15);
}

void TestMainWindow::invalidParametersStartNoRun()
{
    ParameterPanel* panel = window_->parameters();
    QComboBox* sampler = nullptr;
    QComboBox* weights = nullptr;
    for (QComboBox* c : panel->findChildren<QComboBox*>()) {
        if (c->findText(QStringLiteral("is-wr")) >= 0)
            sampler = c;
        if (c->findText(QStringLiteral("none")) >= 0)
            weights = c;
    }
    QVERIFY(sampler && weights);
    QTRY_VERIFY_WITH_TIMEOUT(!window_->controller().busy(), 30000);
    const RunDataPtr before = window_->run();
    weights->setCurrentIndex(weights->findText(QStringLiteral("none")));
    sampler->setCurrentIndex(sampler->findText(QStringLiteral("is-wr")));
    QVERIFY(!panel->errorText().isEmpty());
    QVERIFY(!panel->runEnabled());
    QTest::qWait(400); // past the debounce
    QVERIFY(!window_->controller().busy());
    QCOMPARE(window_->run(), before);
}

void TestMainWindow::badFileShowsAMessageAndTheWindowStaysUsable()
{
    window_->openPath(QStringLiteral("/nonexistent/head.h5"));
    QVERIFY(window_->lastError().contains(QStringLiteral("/nonexistent/head.h5")));
    const QString garbage = work_.filePath(QStringLiteral("garbage.h5"));
    QFile f(garbage);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not HDF5");
    f.close();
    window_->openPath(garbage);
    QTRY_VERIFY_WITH_TIMEOUT(window_->lastError().contains(garbage), 10000);
    QVERIFY(window_->isVisible());
    // Still usable: a good dataset loads and runs.
    const RunDataPtr before = window_->run();
    Scenario s;
    s.dataset = QStringLiteral("synthetic:sanity?n=12&d=300&m=2&seed=4");
    window_->openScenario(s);
    QTRY_VERIFY_WITH_TIMEOUT(window_->run() != before && window_->run()->arms == 12, 30000);
}

void TestMainWindow::exportsWriteFiles()
{
    QTRY_VERIFY_WITH_TIMEOUT(!window_->controller().busy(), 30000);
    const QString csv = work_.filePath(QStringLiteral("r.csv"));
    const QString json = work_.filePath(QStringLiteral("r.json"));
    QVERIFY(window_->exportResultsTo(csv, false));
    QVERIFY(window_->exportResultsTo(json, true));
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    QCOMPARE(c.readAll().count('\n'), 41); // header + 40 arms
    const QString folder = work_.filePath(QStringLiteral("plots"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(window_->exportAllPlotsTo(folder));
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 12);
    for (const QString& name : QDir(folder).entryList(QDir::Files))
        QVERIFY2(QFileInfo(QDir(folder).filePath(name)).size() > 500, qPrintable(name));
    QVERIFY(window_->exportPlotTo(window_->plots().front(), work_.filePath(QStringLiteral("one.svg"))));
    QVERIFY(!window_->exportPlotTo(window_->plots().front(), work_.filePath(QStringLiteral("one.bmpx"))));
    QVERIFY(!window_->lastError().isEmpty());
}

void TestMainWindow::scenarioSavesAndOpensAgain()
{
    QTRY_VERIFY_WITH_TIMEOUT(!window_->controller().busy(), 30000);
    const QString path = work_.filePath(QStringLiteral("s.json"));
    QVERIFY(window_->saveScenarioTo(path));
    const Scenario s = Scenario::load(path);
    QCOMPARE(s.dataset, QStringLiteral("synthetic:noisy?n=40&d=4000&m=20&seed=1"));
    QCOMPARE(s.query, 0);
    // Opening a scenario with another query reruns with it.
    Scenario t = s;
    t.query = 5;
    t.config.k = 2;
    t.save(path);
    const RunDataPtr before = window_->run();
    window_->openPath(path);
    QTRY_VERIFY_WITH_TIMEOUT(window_->run() != before && window_->run()->queryIndex == 5, 30000);
    QCOMPARE(window_->run()->config.k, 2);
}

void TestMainWindow::layoutAndLastScenarioPersist()
{
    QTRY_VERIFY_WITH_TIMEOUT(!window_->controller().busy(), 30000);
    window_->close();
    QSettings settings;
    QVERIFY(!settings.value(QStringLiteral("window/state")).toByteArray().isEmpty());
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    const QByteArray last = settings.value(QStringLiteral("scenario/last")).toByteArray();
    QVERIFY(!last.isEmpty());
    const Scenario s = Scenario::fromJson(QJsonDocument::fromJson(last).object());
    QVERIFY(s.dataset.startsWith(QStringLiteral("synthetic:noisy")));
}

void TestMainWindow::resetLayoutPutsEveryDockBack()
{
    // A first start (no saved layout), as the reset should reproduce it.
    window_.reset();
    QSettings().remove(QStringLiteral("window/state"));
    init();
    MainWindow& w = *window_;
    auto dock = [&](const char* name) {
        auto* d = w.findChild<QDockWidget*>(QString::fromLatin1(name));
        if (!d)
            qFatal("no dock %s", name);
        return d;
    };
    QDockWidget* controls = dock("controlsDock");
    QDockWidget* pulls = dock("pullsDock");
    QDockWidget* partition = dock("partitionDock");
    QDockWidget* timeline = dock("timelineDock");
    QDockWidget* summary = dock("summaryDock");
    QDockWidget* lesson = dock("lessonDock");
    const std::vector<QDockWidget*> shown{controls, pulls, partition, timeline, summary};
    std::vector<QSize> firstStart;
    for (QDockWidget* d : shown)
        firstStart.push_back(d->size());
    QCOMPARE(w.dockWidgetArea(pulls), Qt::RightDockWidgetArea);
    // What a user can do to the docks: float one off, move one to another side, close two.
    pulls->setFloating(true);
    pulls->move(5000, 5000);
    w.addDockWidget(Qt::LeftDockWidgetArea, partition);
    timeline->close();
    controls->close();
    QVERIFY(pulls->isFloating() && !timeline->isVisible() && !controls->isVisible());
    QCOMPARE(w.dockWidgetArea(partition), Qt::LeftDockWidgetArea);

    auto* reset = w.findChild<QAction*>(QStringLiteral("resetLayoutAction"));
    QVERIFY(reset);
    reset->trigger();
    QVERIFY(!pulls->isFloating());
    QCOMPARE(w.dockWidgetArea(pulls), Qt::RightDockWidgetArea);
    QCOMPARE(w.dockWidgetArea(partition), Qt::RightDockWidgetArea);
    QCOMPARE(w.dockWidgetArea(timeline), Qt::BottomDockWidgetArea);
    QCOMPARE(w.dockWidgetArea(summary), Qt::BottomDockWidgetArea);
    QCOMPARE(w.dockWidgetArea(controls), Qt::LeftDockWidgetArea);
    QVERIFY(!lesson->isVisible()); // no lesson running
    // Each dock shown again at about its first-start size (the layout settles after the reset).
    for (std::size_t i = 0; i < shown.size(); ++i) {
        QVERIFY2(shown[i]->isVisible(), qPrintable(shown[i]->objectName()));
        QTRY_VERIFY2(std::abs(shown[i]->width() - firstStart[i].width()) <= 40
                         && std::abs(shown[i]->height() - firstStart[i].height()) <= 40,
                     qPrintable(QString("%1: %2x%3, first start %4x%5")
                                    .arg(shown[i]->objectName())
                                    .arg(shown[i]->width())
                                    .arg(shown[i]->height())
                                    .arg(firstStart[i].width())
                                    .arg(firstStart[i].height())));
    }
    QVERIFY(w.run() != nullptr); // the run is still there to replay
    // During a lesson its text stays in view, as wide as a lesson opens it.
    w.startLesson(0);
    QVERIFY(lesson->isVisible());
    QTest::qWait(50);
    const int lessonWidth = lesson->width();
    reset->trigger();
    QVERIFY(lesson->isVisible());
    QCOMPARE(w.dockWidgetArea(lesson), Qt::LeftDockWidgetArea);
    QTRY_VERIFY2(std::abs(lesson->width() - lessonWidth) <= 40,
                 qPrintable(QString("%1 against %2").arg(lesson->width()).arg(lessonWidth)));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
