// The Clopper–Pearson interval (core/BinomialInterval.h) against known values: 0/10 → upper 0.3085
// and 5/10 → [0.1871, 0.8129] (textbook; R's binom.test agrees), the rest from an independent
// Python computation with exact binomial coefficients (math.comb) and bisection.
#include "core/BinomialInterval.h"

#include <QtTest>

#include <stdexcept>

using namespace ada;

class TestBinomialInterval : public QObject {
    Q_OBJECT

private slots:
    void knownValues_data();
    void knownValues();
    void cdfMatchesDirectSum();
    void rejectsBadArguments();
};

void TestBinomialInterval::knownValues_data()
{
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::newRow("0/10") << 0 << 10 << 0.0 << 0.30849711;
    QTest::newRow("5/10") << 5 << 10 << 0.18708603 << 0.81291397;
    QTest::newRow("10/10") << 10 << 10 << 0.69150289 << 1.0;
    QTest::newRow("1/100") << 1 << 100 << 0.00025315 << 0.05445939;
    QTest::newRow("20/2000") << 20 << 2000 << 0.00611866 << 0.01540213;
}

void TestBinomialInterval::knownValues()
{
    QFETCH(int, x);
    QFETCH(int, n);
    QFETCH(double, lower);
    QFETCH(double, upper);
    const BinomialInterval ci = clopperPearsonInterval(x, n, 0.95);
    QVERIFY2(std::abs(ci.lower - lower) < 2e-7, qPrintable(QString::number(ci.lower, 'g', 10)));
    QVERIFY2(std::abs(ci.upper - upper) < 2e-7, qPrintable(QString::number(ci.upper, 'g', 10)));
}

void TestBinomialInterval::cdfMatchesDirectSum()
{
    // n = 12, p = 0.3: the textbook sum.
    double direct = 0.0;
    for (int i = 0; i <= 4; ++i)
        direct += std::tgamma(13.0) / (std::tgamma(i + 1.0) * std::tgamma(13.0 - i)) * std::pow(0.3, i)
            * std::pow(0.7, 12 - i);
    QVERIFY(std::abs(binomialCdf(4, 12, 0.3) - direct) < 1e-12);
    QCOMPARE(binomialCdf(12, 12, 0.3), 1.0);
    QCOMPARE(binomialCdf(-1, 12, 0.3), 0.0);
}

void TestBinomialInterval::rejectsBadArguments()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)clopperPearsonInterval(3, 2));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)clopperPearsonInterval(0, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)clopperPearsonInterval(1, 5, 1.0));
}

QTEST_APPLESS_MAIN(TestBinomialInterval)
#include "tst_binomialinterval.moc"
