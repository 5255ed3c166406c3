// Every guided lesson loads its built-in scenario and plays through to its last step offscreen:
// runs arrive, predictions are answered, and the many-query table of lesson 5 fills (on the worker).
// Each step shows the docked view its text talks about, although the layout of a small window (a
// 1 280 × 720 screen) keeps some of them in tabs behind others.
#include "app/studio/LessonPanel.h"
#include "app/studio/Lessons.h"
#include "app/studio/MainWindow.h"

#include <QDockWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace ada;

class TestLessons : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyLessonHasContent();
    void lessonRunsToCompletion_data();
    void lessonRunsToCompletion();

private:
    QTemporaryDir settingsDir_;
};

void TestLessons::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName(QStringLiteral("AdaSoftmax"));
    QCoreApplication::setApplicationName(QStringLiteral("AdaSoftmax Studio Test"));
}

void TestLessons::everyLessonHasContent()
{
    const std::vector<Lesson> lessons = Lessons::all();
    QCOMPARE(int(lessons.size()), 5);
    for (const Lesson& l : lessons) {
        QVERIFY(!l.title.isEmpty() && !l.summary.isEmpty());
        QVERIFY(l.scenario.dataset.startsWith(QLatin1String("synthetic:"))); // built-in data only
        QVERIFY(l.steps.size() >= 3);
        for (const LessonStep& s : l.steps)
            QVERIFY(!s.title.isEmpty() && !s.html.isEmpty());
    }
}

void TestLessons::lessonRunsToCompletion_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < 5; ++i)
        QTest::newRow(qPrintable(QStringLiteral("lesson %1").arg(i + 1))) << i;
}

void TestLessons::lessonRunsToCompletion()
{
    QFETCH(int, index);
    MainWindow window;
    window.resize(1280, 740);
    window.show();
    QTRY_COMPARE(window.size(), QSize(1280, 740));
    window.findChild<QAction*>(QStringLiteral("resetLayoutAction"))->trigger(); // its default layout
    const auto dock = [&](LessonView view) {
        const char* name = view == LessonView::Pulls ? "pullsDock"
            : view == LessonView::Partition          ? "partitionDock"
                                                     : "summaryDock";
        return window.findChild<QDockWidget*>(QString::fromLatin1(name));
    };
    // A dock in a tab behind another is visible to Qt, but laid out off the window.
    const auto inFront = [](const QDockWidget* d) { return d->isVisible() && !d->visibleRegion().isEmpty(); };
    // The small window's layout: the partition view behind the pulls, the result behind the explainer.
    QTRY_VERIFY(!inFront(dock(LessonView::Partition)) && !inFront(dock(LessonView::Result)));
    const std::vector<LessonStep> steps = Lessons::all()[std::size_t(index)].steps;
    window.startLesson(index);
    LessonPanel* panel = window.lessons();
    QVERIFY(panel->active());
    int predictions = 0;
    QString verdict;                 // the prediction feedback once the elimination is over
    std::vector<std::int64_t> pulls; // each step's run: lesson 3 compares the samplers' costs
    for (;;) {
        QTRY_VERIFY_WITH_TIMEOUT(panel->ready(), 120000);
        QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError()));
        QVERIFY(!panel->text().isEmpty());
        pulls.push_back(window.run()->trace.result.totalPulls);
        const LessonStep& step = steps[std::size_t(panel->stepIndex())];
        if (step.view != LessonView::None)
            QTRY_VERIFY2(inFront(dock(step.view)), qPrintable(step.title));
        if (step.action == LessonAction::PartitionStart) { // stage 2, with every arm's target to show
            const Snapshot& s = window.run()->trace.snapshots[std::size_t(window.playback().step())];
            QVERIFY(s.phase == Phase::Partition);
            QVERIFY(!s.targets.empty());
            QVERIFY(!std::isfinite(s.logPartition)); // no running estimate before stage 2's pulls
        }
        qInfo() << "step" << panel->stepIndex() << toString(window.run()->config.sampler).data()
                << pulls.back();
        while (panel->predicting()) { // answer every round with the first surviving arm
            const int before = window.playback().step();
            panel->predict(panel->candidates().front());
            QVERIFY(window.playback().step() > before);
            QVERIFY(!panel->feedback().isEmpty());
            ++predictions;
            verdict = panel->feedback();
            qInfo().noquote() << verdict; // how the rounds went, for the log
        }
        if (panel->stepIndex() == panel->stepCount() - 1)
            break;
        panel->next();
    }
    QVERIFY(panel->finished());
    if (index == 1) {
        QVERIFY2(predictions >= 2, "lesson 2 offers at least two rounds to predict");
        QVERIFY2(verdict.contains(QLatin1String("The elimination is over")), qPrintable(verdict));
    }
    if (index == 2) { // uniform with replacement, without replacement (FPC), importance sampling
        qInfo() << "pulls per sampler:" << pulls[0] << pulls[1] << pulls[2];
        QVERIFY(pulls[1] <= pulls[0]);
        QVERIFY(pulls[2] < pulls[0]);
    }
    if (index == 4) {
        QCOMPARE(panel->experimentRows(), 4);
        qInfo().noquote() << panel->text(); // the failure-rate table, for the log
    }
    panel->next(); // Finish closes the lesson
    QVERIFY(!panel->active());
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
