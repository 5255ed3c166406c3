// The Speedup report panel, offscreen: a small report runs on the worker thread and fills the table
// and the three plots; cancel stops a long report and nothing stale arrives afterwards; a bad δ list
// is refused at the panel; exports write Markdown and CSV; the main window has the tab.
#include "app/studio/MainWindow.h"
#include "app/studio/ReportPanel.h"
#include "datasets/SyntheticDatasets.h"
#include "widgets/SpeedupReportView.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace ada;

namespace {

DatasetPtr synthetic(const char* spec)
{
    return std::make_shared<Dataset>(generateSynthetic(parseSyntheticSpec(spec)));
}

} // namespace

class TestReportPanel : public QObject {
    Q_OBJECT

private slots:
    void smallReportFillsTableAndPlots();
    void cancelStopsALongReport();
    void badDeltasAreRefused();
    void exportsMarkdownAndCsv();
    void svdIsReusedForTheSameHead();
    void mainWindowHasTheTab();
};

void TestReportPanel::smallReportFillsTableAndPlots()
{
    RunController controller;
    ReportPanel panel(controller);
    panel.resize(1200, 800);
    panel.show();
    panel.setDataset(synthetic("synthetic:noisy?n=30&d=300&m=30&seed=1"));
    panel.deltasEdit()->setText(QStringLiteral("0.1, 0.05"));
    panel.tuneBox()->setValue(10);
    QSignalSpy busy(&controller, &RunController::busyChanged);
    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    QVERIFY(controller.busy());
    QVERIFY(panel.cancelButton()->isEnabled());
    QVERIFY(!panel.runButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(panel.view()->table()->rowCount() > 0, 30000);
    QVERIFY(!controller.busy());
    QVERIFY(panel.runButton()->isEnabled());
    QTableWidget* table = panel.view()->table();
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("adaptive"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("adaptive"));
    QCOMPARE(table->item(2, 0)->text(), QStringLiteral("exact"));
    QCOMPARE(table->item(table->rowCount() - 1, 0)->text(), QStringLiteral("hsm"));
    QCOMPARE(int(panel.view()->report()->rows.size()), table->rowCount());
    QVERIFY(table->item(0, 6)->text().contains(QStringLiteral("%")));
    QCOMPARE(panel.view()->speedupPlot()->graph(0)->dataCount(), 2); // one point per δ
    QCOMPARE(panel.view()->pullsPlot()->graphCount(), 2);            // one histogram per δ
    QCOMPARE(panel.view()->costPlot()->graphCount(), 4);             // adaptive, exact, svd, hsm
    QVERIFY(panel.status().startsWith(QStringLiteral("done")));
    QVERIFY(panel.view()->notes()->text().contains(QStringLiteral("hierarchical softmax"))); // 10 < d queries
    // The parameters column: in the C locale what the CLI's report writes (core's formatParams); in
    // German, with a decimal comma, translated words and "; " between the parameters.
    const QLocale before;
    const auto report = panel.view()->report();
    QLocale::setDefault(QLocale::c());
    panel.view()->setReport(report);
    for (int r = 0; r < table->rowCount(); ++r)
        QCOMPARE(table->item(r, 2)->text(),
                 QString::fromStdString(formatParams(report->rows[std::size_t(r)])));
    // The notes likewise: the view says core's sentences again from their kind and numbers.
    QStringList notes;
    for (const ReportNote& note : report->notes)
        notes << QStringLiteral("• ") + QString::fromStdString(note.text);
    QVERIFY(!notes.isEmpty());
    QCOMPARE(panel.view()->notes()->text(), notes.join(QLatin1Char('\n')));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    panel.view()->setReport(report);
    const ReportRow& adaptive = report->rows.front();
    QCOMPARE(table->item(0, 2)->text(),
             QStringLiteral("φ_b=%1; φ_ℓ=%2; tuned on 10")
                 .arg(QLocale().toString(adaptive.params[0].second, 'g', 3),
                      QLocale().toString(adaptive.params[1].second, 'g', 3)));
    QLocale::setDefault(before);
}

void TestReportPanel::cancelStopsALongReport()
{
    RunController controller;
    ReportPanel panel(controller);
    panel.show();
    // Long enough that it cannot finish between the click and the cancel.
    panel.setDataset(synthetic("synthetic:noisy?n=400&d=4000&m=300&seed=2"));
    QSignalSpy finished(&controller, &RunController::reportFinished);
    QSignalSpy progress(&controller, &RunController::progress);
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 20000); // the worker is computing
    QVERIFY(panel.progressBar()->isVisible());
    QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
    QVERIFY(!controller.busy());
    QVERIFY(!panel.progressBar()->isVisible());
    QVERIFY(panel.runButton()->isEnabled());
    QCOMPARE(panel.status(), QStringLiteral("cancelled"));
    // The worker stops at its next query; a small report queued behind it runs and is the only result.
    panel.setDataset(synthetic("synthetic:noisy?n=20&d=200&m=20&seed=3"));
    panel.svdBox()->setChecked(false);
    panel.hsmBox()->setChecked(false);
    panel.deltasEdit()->setText(QStringLiteral("0.1"));
    panel.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(panel.view()->report()->arms, 20);
    QCOMPARE(panel.view()->table()->rowCount(), 2); // adaptive and exact
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1); // nothing stale arrived from the cancelled report
}

void TestReportPanel::badDeltasAreRefused()
{
    RunController controller;
    ReportPanel panel(controller);
    panel.setDataset(synthetic("synthetic:noisy?n=20&d=200&m=20&seed=3"));
    panel.deltasEdit()->setText(QStringLiteral("0.1, 2"));
    panel.run();
    QVERIFY(!controller.busy());
    QVERIFY(panel.status().contains(QStringLiteral("(0, 1)")));
}

void TestReportPanel::exportsMarkdownAndCsv()
{
    RunController controller;
    ReportPanel panel(controller);
    panel.setDataset(synthetic("synthetic:noisy?n=20&d=200&m=20&seed=3"));
    panel.deltasEdit()->setText(QStringLiteral("0.1"));
    panel.hsmBox()->setChecked(false);
    QTemporaryDir dir;
    QVERIFY(!panel.exportTo(dir.filePath(QStringLiteral("early.md")))); // nothing yet
    panel.run();
    QTRY_VERIFY_WITH_TIMEOUT(panel.view()->table()->rowCount() > 0, 30000);
    QVERIFY(panel.exportTo(dir.filePath(QStringLiteral("report.md"))));
    QVERIFY(panel.exportTo(dir.filePath(QStringLiteral("report.csv"))));
    QVERIFY(panel.exportTo(dir.filePath(QStringLiteral("plots.png"))));
    QFile md(dir.filePath(QStringLiteral("report.md")));
    QVERIFY(md.open(QIODevice::ReadOnly));
    QVERIFY(md.readAll().contains("| method | δ |"));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("plots-speedup.png"))));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("plots-cost.png"))));
}

void TestReportPanel::svdIsReusedForTheSameHead()
{
    RunController controller;
    ReportPanel panel(controller);
    panel.setDataset(synthetic("synthetic:noisy?n=60&d=80&m=20&seed=4"));
    panel.deltasEdit()->setText(QStringLiteral("0.1"));
    panel.hsmBox()->setChecked(false);
    QSignalSpy finished(&controller, &RunController::reportFinished);
    panel.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const auto first = panel.view()->report();
    QVERIFY(first->svdSeconds > 0.0); // computed for this head
    panel.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    const auto second = panel.view()->report();
    QCOMPARE(second->svdSeconds, 0.0); // reused: not computed again
    QCOMPARE(second->svd, first->svd);
    QCOMPARE(second->rows.size(), first->rows.size());
    for (std::size_t r = 0; r < first->rows.size(); ++r)
        QCOMPARE(second->rows[r].successes, first->rows[r].successes);
}

void TestReportPanel::mainWindowHasTheTab()
{
    QTemporaryDir settings;
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    MainWindow window;
    window.show();
    QVERIFY(window.reportPanel() != nullptr);
    auto* tabs = window.findChild<QTabWidget*>();
    QVERIFY(tabs);
    bool found = false;
    for (int i = 0; i < tabs->count(); ++i)
        found = found || tabs->tabText(i) == QStringLiteral("Speedup report");
    QVERIFY(found);
    window.openScenario(Scenario{});
    QTRY_VERIFY_WITH_TIMEOUT(window.dataset() != nullptr, 30000);
    QVERIFY(window.reportPanel()->status().contains(QString::fromStdString(window.dataset()->name)));
}

QTEST_MAIN(TestReportPanel)
#include "tst_reportpanel.moc"
