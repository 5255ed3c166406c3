// Scenario files: round trip, and clear errors for malformed or out-of-range content.
#include "app/studio/Scenario.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace ada;

class TestScenario : public QObject {
    Q_OBJECT

private slots:
    void roundTrip();
    void badFilesNameTheProblem_data();
    void badFilesNameTheProblem();
};

void TestScenario::roundTrip()
{
    QTemporaryDir dir;
    Scenario s;
    s.dataset = QStringLiteral("synthetic:sanity?n=30&d=500&m=4&seed=9");
    s.query = 3;
    s.config = Config::forPreset(Preset::Theory);
    s.config.epsilon = 0.2;
    s.config.k = 2;
    s.config.seed = 18446744073709551615ULL;
    s.config.fudge = {0.25, 0.5};
    s.config.noiseBound = 0.1;
    const QString path = dir.filePath(QStringLiteral("s.json"));
    s.save(path);
    const Scenario t = Scenario::load(path);
    QCOMPARE(t.dataset, s.dataset);
    QCOMPARE(t.query, 3);
    QCOMPARE(t.config.epsilon, 0.2);
    QCOMPARE(t.config.k, 2);
    QCOMPARE(t.config.seed, s.config.seed);
    QVERIFY(t.config.preset == Preset::Theory);
    QVERIFY(t.config.sampler == Sampler::UniformWithoutReplacement);
    QCOMPARE(t.config.fudge.bestArms, 0.25);
    QCOMPARE(t.config.fudge.logNorm, 0.5);
    QCOMPARE(*t.config.noiseBound, 0.1);
}

void TestScenario::badFilesNameTheProblem_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    const QByteArray head = R"({"format":"adasoftmax-scenario","version":1,"dataset":"synthetic:noisy",)";
    QTest::newRow("not json") << QByteArray("{oops") << "not valid JSON";
    QTest::newRow("array") << QByteArray("[1,2]") << "a scenario is a JSON object";
    QTest::newRow("wrong format") << QByteArray(R"({"format":"x","dataset":"a"})") << "\"format\" must be";
    QTest::newRow("newer version") << QByteArray(
        R"({"format":"adasoftmax-scenario","version":2,"dataset":"a"})")
                                   << "newer than this build reads";
    QTest::newRow("no dataset") << QByteArray(R"({"format":"adasoftmax-scenario"})")
                                << "\"dataset\" is missing";
    QTest::newRow("eps type") << head + R"("config":{"eps":"big"}})"
                              << "\"eps\" must be a number";
    QTest::newRow("eps range") << head + R"("config":{"eps":1.5}})"
                               << "epsilon must lie strictly between 0 and 1";
    QTest::newRow("delta range") << head + R"("config":{"delta":0}})"
                                 << "delta must lie strictly between 0 and 1";
    QTest::newRow("k zero") << head + R"("config":{"k":0}})"
                            << "k must be at least 1";
    QTest::newRow("preset") << head + R"("config":{"preset":"fast"}})"
                            << "unknown preset 'fast'";
    QTest::newRow("query") << head + R"("query":-1})"
                           << "\"query\" must be a non-negative integer";
}

void TestScenario::badFilesNameTheProblem()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    try {
        (void)Scenario::load(path);
        QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(path), e.what());
    }
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
