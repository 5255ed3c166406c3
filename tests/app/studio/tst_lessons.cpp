// Every guided lesson loads its built-in scenario and plays through to its last step offscreen:
// runs arrive, predictions are answered, and the many-query table of lesson 5 fills (on the worker).
#include "app/studio/LessonPanel.h"
#include "app/studio/Lessons.h"
#include "app/studio/MainWindow.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

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
    window.resize(1400, 900);
    window.show();
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
