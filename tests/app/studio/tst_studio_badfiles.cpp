// Every file of the bad-input corpus (tests/data/bad/MANIFEST.tsv) through the studio's open path,
// offscreen: File ▸ Open (openPath, with the tensor dialog accepted as offered) for a plain file, the
// dataset name of a scenario for a file that needs companions (queries, labels, a tensor option).
// Each must put its error in the banner; afterwards a good dataset still loads and runs.
#include "app/studio/MainWindow.h"
#include "app/studio/TensorFileDialog.h"
#include "tests/common/BadCorpus.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace ada;

class TestStudioBadFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyBadFileShowsAnErrorAndTheWindowStaysUsable();

private:
    QTemporaryDir settingsDir_;
    QTemporaryDir cache_;
};

void TestStudioBadFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName(QStringLiteral("AdaSoftmax"));
    QCoreApplication::setApplicationName(QStringLiteral("AdaSoftmax Studio Bad Files Test"));
    QSettings().clear();
    qputenv("XDG_CACHE_HOME", cache_.path().toUtf8()); // never the user's cache
}

void TestStudioBadFiles::everyBadFileShowsAnErrorAndTheWindowStaysUsable()
{
    const auto manifest = badcorpus::readManifest(QStringLiteral(BAD_DIR));
    QVERIFY2(manifest.error.isEmpty(), qPrintable(manifest.error));
    QVERIFY(manifest.cases.size() >= 30);

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.openScenario(Scenario{});
    QTRY_VERIFY_WITH_TIMEOUT(window.run() != nullptr, 30000);

    // The tensor dialog is modal; accept whatever it offers, as a user clicking OK would (the
    // loader, not the dialog, must find the problem).
    int dialogs = 0;
    QTimer acceptDialogs;
    connect(&acceptDialogs, &QTimer::timeout, &window, [&dialogs] {
        if (auto* d = qobject_cast<TensorFileDialog*>(QApplication::activeModalWidget())) {
            ++dialogs;
            d->accept();
        }
    });
    acceptDialogs.start(20);

    QSignalSpy failures(&window.controller(), &RunController::failed);
    QSignalSpy loads(&window.controller(), &RunController::datasetLoaded);
    QStringList problems; // all of them, not only the first
    for (const auto& c : manifest.cases) {
        QTRY_VERIFY_WITH_TIMEOUT(!window.controller().busy(), 30000);
        failures.clear();
        loads.clear();
        const int dialogsBefore = dialogs;
        const QString plainFile = QStringLiteral(BAD_DIR "/") + c.file;
        if (c.dataset == plainFile) {
            window.openPath(c.dataset);
        } else {
            Scenario s;
            s.dataset = c.dataset;
            window.openScenario(s);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!failures.isEmpty() || !loads.isEmpty(), 30000);
        if (c.studioChooses) {
            // The studio's tensor dialog asks which tensor to use where the CLI must refuse.
            if (dialogs == dialogsBefore || loads.isEmpty())
                problems << c.file + QStringLiteral(": expected the tensor dialog to offer a choice");
        } else if (failures.isEmpty()) {
            problems << c.file + QStringLiteral(": no error shown");
        } else if (!window.lastError().contains(c.message)) {
            problems
                << QStringLiteral("%1: expected \"%2\" in \"%3\"").arg(c.file, c.message, window.lastError());
        }
        QVERIFY(window.isVisible());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    acceptDialogs.stop();
    qInfo("%lld bad files opened, %d through the tensor dialog", qlonglong(manifest.cases.size()), dialogs);

    // Still usable: a good dataset loads and runs.
    const RunDataPtr before = window.run();
    Scenario s;
    s.dataset = QStringLiteral("synthetic:sanity?n=12&d=300&m=2&seed=4");
    window.openScenario(s);
    QTRY_VERIFY_WITH_TIMEOUT(window.run() != before && window.run()->arms == 12, 30000);
}

QTEST_MAIN(TestStudioBadFiles)
#include "tst_studio_badfiles.moc"
