// Config validation messages, presets and the CLI spellings of enums.
#include "core/Config.h"

#include <QtTest>

#include <stdexcept>

using namespace ada;

class TestConfig : public QObject {
    Q_OBJECT

private slots:
    void invalidValuesNameTheParameter_data();
    void invalidValuesNameTheParameter();
    void presetsSetTheirConfiguration();
    void namesRoundTrip();
};

void TestConfig::invalidValuesNameTheParameter_data()
{
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<double>("delta");
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("warmupCap");
    QTest::addColumn<QString>("message");
    QTest::newRow("eps 0") << 0.0 << 0.1 << 1 << 0.1 << "epsilon must lie strictly between 0 and 1";
    QTest::newRow("eps 1.5") << 1.5 << 0.1 << 1 << 0.1 << "epsilon must lie strictly between 0 and 1";
    QTest::newRow("eps nan") << std::nan("") << 0.1 << 1 << 0.1 << "epsilon must be a finite number";
    QTest::newRow("delta 0") << 0.3 << 0.0 << 1 << 0.1 << "delta must lie strictly between 0 and 1";
    QTest::newRow("delta 1") << 0.3 << 1.0 << 1 << 0.1 << "delta must lie strictly between 0 and 1";
    QTest::newRow("k 0") << 0.3 << 0.1 << 0 << 0.1 << "k must be at least 1";
    QTest::newRow("cap 0") << 0.3 << 0.1 << 1 << 0.0 << "warm-up cap";
    QTest::newRow("cap 2") << 0.3 << 0.1 << 1 << 2.0 << "warm-up cap";
}

void TestConfig::invalidValuesNameTheParameter()
{
    QFETCH(double, epsilon);
    QFETCH(double, delta);
    QFETCH(int, k);
    QFETCH(double, warmupCap);
    QFETCH(QString, message);
    Config c;
    c.epsilon = epsilon;
    c.delta = delta;
    c.k = k;
    c.warmupCap = warmupCap;
    try {
        c.validate();
        QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains(message), e.what());
    }
}

void TestConfig::presetsSetTheirConfiguration()
{
    Config base;
    base.epsilon = 0.2;
    base.seed = 7;
    const Config paper = Config::forPreset(Preset::Paper, base);
    QVERIFY(paper.sampler == Sampler::ImportanceWithoutReplacement);
    QVERIFY(paper.weights == ImportanceWeights::Both);
    QVERIFY(paper.exactWinner);
    QCOMPARE(paper.warmupCap, 0.1);
    QCOMPARE(paper.epsilon, 0.2);
    QCOMPARE(paper.seed, std::uint64_t(7));
    const Config theory = Config::forPreset(Preset::Theory, base);
    QVERIFY(theory.sampler == Sampler::UniformWithoutReplacement);
    QVERIFY(!theory.exactWinner);
    QCOMPARE(theory.warmupCap, 1.0);
    QVERIFY(Config::forPreset(Preset::Reference).referenceQuirks());
    QVERIFY(!paper.referenceQuirks());
    Config bad = paper;
    bad.weights = ImportanceWeights::None;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bad.validate());
}

void TestConfig::namesRoundTrip()
{
    for (auto s : {Sampler::UniformWithReplacement, Sampler::UniformWithoutReplacement,
                   Sampler::UniformWithoutReplacementFpc, Sampler::ImportanceWithReplacement,
                   Sampler::ImportanceWithoutReplacement})
        QVERIFY(parseSampler(toString(s)) == s);
    for (auto w : {ImportanceWeights::None, ImportanceWeights::Head, ImportanceWeights::Query,
                   ImportanceWeights::Both})
        QVERIFY(parseImportanceWeights(toString(w)) == w);
    for (auto p : {Preset::Paper, Preset::Theory, Preset::Reference})
        QVERIFY(parsePreset(toString(p)) == p);
    try {
        (void)parseSampler("gumbel");
        QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
        QVERIFY(QString(e.what()).contains(
            "uniform-wr, uniform-wor, uniform-wor-fpc, is-wr, is-wor-ht, is-wor-dr"));
    }
}

QTEST_APPLESS_MAIN(TestConfig)
#include "tst_config.moc"
