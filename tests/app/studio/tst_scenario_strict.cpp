// Scenario files, the strict parts: the documented shape without the optional "format"/"version",
// seeds as numbers or strings, misspelt keys and wrong types refused with the key's name.
#include "app/studio/Scenario.h"

#include <QJsonDocument>
#include <QtTest>

using namespace ada;

namespace {

Scenario parse(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        throw std::logic_error("test JSON is malformed");
    return Scenario::fromJson(doc.object());
}

} // namespace

class TestScenarioStrict : public QObject {
    Q_OBJECT

private slots:
    void documentedShapeOpens();
    void seedsAsNumbersOrStrings();
    void writtenSeedRoundTrips_data();
    void writtenSeedRoundTrips();
    void refusals_data();
    void refusals();
};

void TestScenarioStrict::documentedShapeOpens()
{
    const Scenario s = parse(R"({"dataset": "synthetic:noisy?n=40&d=4000&m=20&seed=1", "query": 2,
        "config": {"eps": 0.2, "delta": 0.05, "k": 3, "temperature": 0.5, "preset": "theory",
                   "sampler": "uniform-wor-fpc", "weights": "none", "exact_winner": true,
                   "warmup_cap": 0.5, "fudge_best": 0.01, "fudge_log": 0.2, "seed": 12345}})");
    QCOMPARE(s.query, 2);
    QCOMPARE(s.config.epsilon, 0.2);
    QCOMPARE(s.config.delta, 0.05);
    QCOMPARE(s.config.k, 3);
    QCOMPARE(*s.config.temperature, 0.5);
    QVERIFY(s.config.preset == Preset::Theory);
    QVERIFY(s.config.sampler == Sampler::UniformWithoutReplacementFpc);
    QVERIFY(s.config.weights == ImportanceWeights::None);
    QVERIFY(s.config.exactWinner); // the explicit value beats the preset's
    QCOMPARE(s.config.warmupCap, 0.5);
    QCOMPARE(s.config.fudge.bestArms, 0.01);
    QCOMPARE(s.config.fudge.logNorm, 0.2);
    QCOMPARE(s.config.seed, std::uint64_t(12345));
}

void TestScenarioStrict::seedsAsNumbersOrStrings()
{
    QCOMPARE(parse(R"({"dataset":"a","config":{"seed":"18446744073709551615"}})").config.seed,
             18446744073709551615ULL);
    QCOMPARE(parse(R"({"dataset":"a","config":{"seed":7}})").config.seed, std::uint64_t(7));
    QCOMPARE(parse(R"({"dataset":"a"})").config.seed, std::uint64_t(42));
}

void TestScenarioStrict::writtenSeedRoundTrips_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::newRow("0") << quint64(0);
    QTest::newRow("2^53") << (quint64(1) << 53);
    QTest::newRow("2^53+1") << (quint64(1) << 53) + 1;
    QTest::newRow("max") << quint64(18446744073709551615ULL);
}

void TestScenarioStrict::writtenSeedRoundTrips()
{
    QFETCH(quint64, seed);
    Scenario s;
    s.config.seed = seed;
    const QByteArray json = QJsonDocument(s.toJson()).toJson();
    QCOMPARE(quint64(Scenario::fromJson(QJsonDocument::fromJson(json).object()).config.seed), seed);
}

void TestScenarioStrict::refusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("misspelt config key") << QByteArray(R"({"dataset":"a","config":{"epsilon":0.2}})")
                                         << "unknown key \"epsilon\" in \"config\"";
    QTest::newRow("misspelt top key")
        << QByteArray(R"({"dataset":"a","querry":1})") << "unknown key \"querry\"";
    QTest::newRow("seed negative") << QByteArray(R"({"dataset":"a","config":{"seed":-1}})")
                                   << "\"seed\" must be a non-negative integer";
    QTest::newRow("seed fraction") << QByteArray(R"({"dataset":"a","config":{"seed":1.5}})")
                                   << "\"seed\" must be a non-negative integer";
    QTest::newRow("seed text") << QByteArray(R"({"dataset":"a","config":{"seed":"abc"}})")
                               << "\"seed\" must be a non-negative integer";
    QTest::newRow("hadamard type") << QByteArray(R"({"dataset":"a","config":{"hadamard":"yes"}})")
                                   << "\"hadamard\" must be true or false";
    QTest::newRow("exact winner type") << QByteArray(R"({"dataset":"a","config":{"exact_winner":1}})")
                                       << "\"exact_winner\" must be true or false";
    QTest::newRow("dataset type") << QByteArray(R"({"dataset":3})") << "\"dataset\" must be a string";
    QTest::newRow("query type") << QByteArray(R"({"dataset":"a","query":"2"})")
                                << "\"query\" must be a number";
    QTest::newRow("query huge") << QByteArray(R"({"dataset":"a","query":1e12})")
                                << "\"query\" must be a non-negative integer";
    QTest::newRow("k fraction") << QByteArray(R"({"dataset":"a","config":{"k":1.5}})")
                                << "\"k\" must be an integer";
    QTest::newRow("config type") << QByteArray(R"({"dataset":"a","config":[1]})")
                                 << "\"config\" must be an object";
    QTest::newRow("sampler") << QByteArray(R"({"dataset":"a","config":{"sampler":"gumbel"}})")
                             << "unknown sampler 'gumbel'";
    QTest::newRow("is without weights")
        << QByteArray(R"({"dataset":"a","config":{"sampler":"is-wr","weights":"none"}})") << "weight";
    QTest::newRow("fudge zero") << QByteArray(R"({"dataset":"a","config":{"fudge_best":0}})")
                                << "fudge factors must be positive";
    QTest::newRow("temperature") << QByteArray(R"({"dataset":"a","config":{"temperature":-1}})")
                                 << "temperature must be a positive";
    QTest::newRow("warm-up cap") << QByteArray(R"({"dataset":"a","config":{"warmup_cap":2}})")
                                 << "warm-up cap";
}

void TestScenarioStrict::refusals()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    try {
        (void)parse(json);
        QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
    }
}

QTEST_GUILESS_MAIN(TestScenarioStrict)
#include "tst_scenario_strict.moc"
