// The whole window, offscreen: the start-up instance runs and animates; redraws are coalesced;
// a bad file or parameter shows a message and the window stays usable; parameter changes rerun;
// timeline clicks seek; exports, scenarios and the layout land in files and settings.
#include "app/studio/DatasetPanel.h"
#include "app/studio/MainWindow.h"
#include "app/studio/ParameterPanel.h"
#include "widgets/TimelineView.h"

#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
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
    void generatorShowsTheLoadedData();
    void layoutAndLastScenarioPersist();
    void resetLayoutPutsEveryDockBack();
    void smallWindowsTabTheCrampedViews();
    void otherTabsTakeTheRunViewsRoom();

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

// A scenario (or a lesson) loads generated data the dataset panel's generator did not make: the
// generator then shows that data's family, shape and seed, so Generate after changing one value
// makes the same family with the rest unchanged, its family's own parameters included.
void TestMainWindow::generatorShowsTheLoadedData()
{
    auto* panel = window_->findChild<DatasetPanel*>();
    QVERIFY(panel);
    QCOMPARE(panel->syntheticSpec(), QStringLiteral("synthetic:noisy?n=40&d=4000&m=20&seed=1"));
    Scenario s;
    s.dataset = QStringLiteral("synthetic:high-variance?n=30&d=500&m=3&seed=7&peaks=4");
    const RunDataPtr before = window_->run();
    window_->openScenario(s);
    QTRY_VERIFY_WITH_TIMEOUT(window_->run() != before && !window_->controller().busy(), 30000);
    QCOMPARE(panel->syntheticSpec(), s.dataset);
    auto* family = panel->findChild<QComboBox*>();
    QVERIFY(family);
    QCOMPARE(family->currentText(), QStringLiteral("high-variance"));
    QSpinBox* arms = nullptr;
    for (QSpinBox* spin : panel->findChildren<QSpinBox*>())
        if (spin->accessibleName() == QStringLiteral("arms n"))
            arms = spin;
    QVERIFY(arms);
    QCOMPARE(arms->value(), 30);
    arms->setValue(31);
    QCOMPARE(panel->syntheticSpec(), QStringLiteral("synthetic:high-variance?n=31&d=500&m=3&seed=7&peaks=4"));
    // Another family starts from its own defaults for what the controls do not set.
    family->setCurrentText(QStringLiteral("noisy"));
    QCOMPARE(panel->syntheticSpec(), QStringLiteral("synthetic:noisy?n=31&d=500&m=3&seed=7"));
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

namespace {
// A dock in a tab behind another is visible to Qt, but laid out off the window: nothing of it shows.
bool inFront(const QDockWidget* d)
{
    return d->isVisible() && !d->visibleRegion().isEmpty();
}

QDockWidget* dockNamed(const MainWindow& w, const char* name)
{
    auto* d = w.findChild<QDockWidget*>(QString::fromLatin1(name));
    if (!d)
        qFatal("no dock %s", name);
    return d;
}
} // namespace

void TestMainWindow::resetLayoutPutsEveryDockBack()
{
    // The default layout of a window of 1 440 × 900 (what a first start gets on a large screen), as
    // the reset should reproduce it: the offscreen screen's first start is a small window, so the
    // reset sets it up at the larger size first.
    window_.reset();
    QSettings().remove(QStringLiteral("window/state"));
    init();
    MainWindow& w = *window_;
    auto dock = [&](const char* name) { return dockNamed(w, name); };
    auto* reset = w.findChild<QAction*>(QStringLiteral("resetLayoutAction"));
    QVERIFY(reset);
    w.resize(1440, 900);
    reset->trigger();
    QTest::qWait(100); // the layout settles
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

void TestMainWindow::smallWindowsTabTheCrampedViews()
{
    // A first start on the offscreen platform's 800 × 800 screen: a narrow window, not a short one.
    window_.reset();
    QSettings().remove(QStringLiteral("window/state"));
    init();
    MainWindow& w = *window_;
    QDockWidget* pulls = dockNamed(w, "pullsDock");
    QDockWidget* partition = dockNamed(w, "partitionDock");
    QDockWidget* explainer = dockNamed(w, "explainerDock");
    QDockWidget* summary = dockNamed(w, "summaryDock");
    QDockWidget* timeline = dockNamed(w, "timelineDock");
    auto* reset = w.findChild<QAction*>(QStringLiteral("resetLayoutAction"));
    QVERIFY(reset);
    auto tabbed = [&](QDockWidget* a, QDockWidget* b) { return w.tabifiedDockWidgets(a).contains(b); };
    // The explainer and the result share the bottom; the explainer's tab is in front, and both docks
    // stay in their area. The right-hand views keep their own places.
    QVERIFY(tabbed(explainer, summary) && !tabbed(pulls, partition));
    QTRY_VERIFY(inFront(explainer) && !inFront(summary) && inFront(timeline));
    QVERIFY(inFront(pulls) && inFront(partition));
    QCOMPARE(w.dockWidgetArea(summary), Qt::BottomDockWidgetArea);

    struct Case {
        QSize size;
        bool rightTabbed, bottomTabbed;
    };
    // 1 440 × 900: everything split; then the two screens this was made for, and each edge alone.
    // Tabbed, the views stay in their areas.
    for (const Case& c :
         {Case{{1440, 900}, false, false}, Case{{1366, 740}, true, false}, Case{{1280, 740}, true, true},
          Case{{1280, 900}, false, true}, Case{{1600, 1000}, false, false}}) {
        w.resize(c.size);
        QTRY_COMPARE(w.size(), c.size);
        reset->trigger();
        const QString where = QStringLiteral("%1x%2").arg(c.size.width()).arg(c.size.height());
        QVERIFY2(tabbed(pulls, partition) == c.rightTabbed, qPrintable(where));
        QVERIFY2(tabbed(explainer, summary) == c.bottomTabbed, qPrintable(where));
        QTRY_VERIFY2(inFront(partition) == !c.rightTabbed && inFront(pulls), qPrintable(where));
        QTRY_VERIFY2(inFront(summary) == !c.bottomTabbed && inFront(explainer), qPrintable(where));
        QVERIFY2(w.dockWidgetArea(partition) == Qt::RightDockWidgetArea, qPrintable(where));
        QVERIFY2(w.dockWidgetArea(summary) == Qt::BottomDockWidgetArea, qPrintable(where));
        // A tabbed view keeps the column's whole height: more than the split one's half.
        if (c.rightTabbed)
            QTRY_VERIFY2(pulls->height() > w.height() / 2, qPrintable(where));
    }
}

// The run's docks describe the Run tab: the Variance lab and the Speedup report get their room, and
// the Run tab gets them back as they were (the tab in front of a tabbed pair included). A floating
// dock and a closed one are the user's: left alone. A layout saved on another tab keeps them.
void TestMainWindow::otherTabsTakeTheRunViewsRoom()
{
    window_.reset();
    QSettings().remove(QStringLiteral("window/state"));
    init();
    MainWindow& w = *window_;
    auto* reset = w.findChild<QAction*>(QStringLiteral("resetLayoutAction"));
    w.resize(1280, 740); // both pairs tabbed
    QTRY_COMPARE(w.size(), QSize(1280, 740));
    reset->trigger();
    auto* tabs = w.findChild<QTabWidget*>();
    QVERIFY(tabs);
    QDockWidget* pulls = dockNamed(w, "pullsDock");
    QDockWidget* partition = dockNamed(w, "partitionDock");
    QDockWidget* timeline = dockNamed(w, "timelineDock");
    QDockWidget* explainer = dockNamed(w, "explainerDock");
    QDockWidget* summary = dockNamed(w, "summaryDock");
    QDockWidget* controls = dockNamed(w, "controlsDock");
    summary->raise(); // the user's choice of tab, to be kept
    QTRY_VERIFY(inFront(summary) && !inFront(explainer) && inFront(pulls) && !inFront(partition));
    const int runTabHeight = tabs->height();
    for (const int tab : {1, 2}) {
        tabs->setCurrentIndex(tab);
        for (QDockWidget* d : {pulls, partition, timeline, explainer, summary})
            QVERIFY2(!d->isVisible(), qPrintable(d->objectName()));
        QVERIFY(controls->isVisible()); // the report takes ε, k and the sampler from the parameters
        QTRY_VERIFY(tabs->height() > runTabHeight + 100);
    }
    tabs->setCurrentIndex(0);
    QTRY_VERIFY(inFront(summary) && !inFront(explainer) && inFront(pulls) && !inFront(partition));
    QVERIFY(inFront(timeline));
    QTRY_COMPARE(tabs->height(), runTabHeight);

    // Floating and closed docks stay as the user left them.
    partition->setFloating(true);
    timeline->close();
    tabs->setCurrentIndex(1);
    QVERIFY(partition->isVisible() && !pulls->isVisible());
    tabs->setCurrentIndex(0);
    QVERIFY(!timeline->isVisible() && pulls->isVisible());
    reset->trigger();
    QVERIFY(timeline->isVisible() && !partition->isFloating());

    // Closing on the report tab saves the run's docks as shown on the Run tab.
    tabs->setCurrentIndex(2);
    QVERIFY(!pulls->isVisible());
    w.close();
    window_.reset();
    init();
    for (const char* name : {"pullsDock", "timelineDock", "explainerDock"})
        QVERIFY2(inFront(dockNamed(*window_, name)), name);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
