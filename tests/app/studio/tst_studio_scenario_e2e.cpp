// End to end through a scenario file: `adasoftmax-studio --scenario FILE --screenshot PNG` opens the
// scenario (theory preset, k = 2, another query), runs it, replays to the end, saves the window and
// exits 0; the picture is large and far from blank. A settings folder of its own keeps the user's
// settings clean, and the last scenario it stores is the one it ran.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

class TestStudioScenarioEndToEnd : public QObject {
    Q_OBJECT

private slots:
    void scenarioScreenshot();
};

void TestStudioScenarioEndToEnd::scenarioScreenshot()
{
    QTemporaryDir dir;
    const QString scenario = dir.filePath(QStringLiteral("teach.json"));
    QFile f(scenario);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"dataset": "synthetic:sanity?n=60&d=3000&m=6&seed=5", "query": 3,
        "config": {"eps": 0.25, "delta": 0.05, "k": 2, "preset": "theory", "seed": 9}})");
    f.close();
    QProcess studio;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString config = dir.filePath(QStringLiteral("config"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"),
               env.contains(QStringLiteral("DISPLAY")) ? QStringLiteral("xcb") : QStringLiteral("offscreen"));
    studio.setProcessEnvironment(env);
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    QElapsedTimer clock;
    clock.start();
    studio.start(QStringLiteral(STUDIO_PATH),
                 {QStringLiteral("--scenario"), scenario, QStringLiteral("--screenshot"), shot});
    QVERIFY(studio.waitForFinished(60000));
    QVERIFY2(studio.exitStatus() == QProcess::NormalExit && studio.exitCode() == 0,
             qPrintable(QString::fromUtf8(studio.readAllStandardError())));
    qInfo("studio ran the scenario and saved its screenshot in %lld ms", clock.elapsed());
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY2(image.width() >= 800 && image.height() >= 500,
             qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            colours.insert(image.pixel(x, y));
    qInfo("screenshot %dx%d, %lld distinct colours", image.width(), image.height(),
          qlonglong(colours.size()));
    // A blank or unpainted window has a few dozen; the run tab, plots and panels several hundred
    // (about 400 where a small screen's layout keeps two views behind tabs, 600 and more otherwise).
    QVERIFY2(colours.size() > 300, qPrintable(QString::number(colours.size())));

    const QSettings stored(config + QStringLiteral("/AdaSoftmax/AdaSoftmax Studio.conf"),
                           QSettings::IniFormat);
    const QByteArray last = stored.value(QStringLiteral("scenario/last")).toByteArray();
    QVERIFY2(last.contains("sanity?n=60") && last.contains("\"query\":3") && last.contains("theory"),
             last.constData());
}

QTEST_GUILESS_MAIN(TestStudioScenarioEndToEnd)
#include "tst_studio_scenario_e2e.moc"
