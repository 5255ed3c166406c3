// End to end: the real studio executable runs the default scenario under the X server the test
// is given (xvfb-run in CI), saves a screenshot, and the picture is not blank.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

class TestStudioEndToEnd : public QObject {
    Q_OBJECT

private slots:
    void defaultScenarioScreenshot();
    void badScenarioExitsWithAMessage();
};

void TestStudioEndToEnd::defaultScenarioScreenshot()
{
    QTemporaryDir dir;
    QProcess studio;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    // A real X server when there is one (xvfb-run sets DISPLAY), else the offscreen platform.
    env.insert(QStringLiteral("QT_QPA_PLATFORM"),
               env.contains(QStringLiteral("DISPLAY")) ? "xcb" : "offscreen");
    studio.setProcessEnvironment(env);
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    studio.start(QStringLiteral(STUDIO_PATH), {QStringLiteral("--screenshot"), shot});
    QVERIFY(studio.waitForFinished(60000));
    QVERIFY2(studio.exitStatus() == QProcess::NormalExit && studio.exitCode() == 0,
             qPrintable(QString::fromUtf8(studio.readAllStandardError())));
    QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY2(image.width() >= 800 && image.height() >= 500,
             qPrintable(QString("%1x%2").arg(image.width()).arg(image.height())));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    qInfo("screenshot %dx%d with %lld distinct colours (sampled)", image.width(), image.height(),
          qlonglong(colours.size()));
    QVERIFY(colours.size() > 200);
}

void TestStudioEndToEnd::badScenarioExitsWithAMessage()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\":\"adasoftmax-scenario\",\"dataset\":\"x\",\"config\":{\"eps\":7}}");
    f.close();
    QProcess studio;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    studio.setProcessEnvironment(env);
    studio.start(QStringLiteral(STUDIO_PATH), {QStringLiteral("--scenario"), f.fileName()});
    QVERIFY(studio.waitForFinished(30000));
    QCOMPARE(studio.exitCode(), 2);
    QVERIFY(QString::fromUtf8(studio.readAllStandardError())
                .contains(QStringLiteral("epsilon must lie strictly")));
}

QTEST_GUILESS_MAIN(TestStudioEndToEnd)
#include "tst_studio_e2e.moc"
