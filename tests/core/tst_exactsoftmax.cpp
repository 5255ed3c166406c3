// Exact softmax, the baseline every figure is compared with (ALGORITHM.md §1, §11.2): exact logits,
// log-sum-exp, the three-pass and the two-pass (Dukhan & Ablavatski) softmax, top-k.
#include "core/ExactSoftmax.h"
#include "core/Rng.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace ada;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Head randomHead(int n, int d, std::uint64_t seed, bool bias)
{
    Rng rng(seed);
    Head h;
    h.weight.resize(n, d);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < d; ++j)
            h.weight(i, j) = float(rng.normal());
    if (bias) {
        h.bias.resize(n);
        for (int i = 0; i < n; ++i)
            h.bias[i] = float(rng.normal());
    }
    return h;
}

Eigen::VectorXf randomQuery(int d, std::uint64_t seed)
{
    Rng rng(seed);
    Eigen::VectorXf x(d);
    for (int j = 0; j < d; ++j)
        x[j] = float(rng.normal());
    return x;
}

Eigen::VectorXd fromList(const QList<double>& l)
{
    Eigen::VectorXd v(l.size());
    for (qsizetype i = 0; i < l.size(); ++i)
        v[i] = l[i];
    return v;
}

} // namespace

class TestExactSoftmax : public QObject {
    Q_OBJECT

private slots:
    void logitsMatchNaiveLoop_data();
    void logitsMatchNaiveLoop();
    void exactSoftmaxFillsTheResult();
    void logSumExpIsStable_data();
    void logSumExpIsStable();
    void logSumExpMatchesTheDefinition();
    void twoPassEqualsThreePass_data();
    void twoPassEqualsThreePass();
    void masksAndDegenerateInputs();
    void outputOverloadsCheckTheSize();
    void topKTiesAndBounds_data();
    void topKTiesAndBounds();
};

void TestExactSoftmax::logitsMatchNaiveLoop_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("d");
    QTest::addColumn<double>("beta");
    QTest::addColumn<bool>("bias");
    QTest::newRow("bias, beta 0.7") << 37 << 301 << 0.7 << true;
    QTest::newRow("no bias, beta 1") << 50 << 64 << 1.0 << false;
    QTest::newRow("d not a multiple of 4") << 13 << 7 << 2.5 << true;
    QTest::newRow("d = 1") << 5 << 1 << 1.0 << true;
    QTest::newRow("beta 0") << 9 << 16 << 0.0 << true;
    QTest::newRow("negative beta") << 20 << 33 << -1.5 << true;
    QTest::newRow("GPT-2 width") << 300 << 768 << 1.0 << true;
}

void TestExactSoftmax::logitsMatchNaiveLoop()
{
    QFETCH(int, n);
    QFETCH(int, d);
    QFETCH(double, beta);
    QFETCH(bool, bias);
    const Head h = randomHead(n, d, 1, bias);
    const Eigen::VectorXf x = randomQuery(d, 2);
    const Eigen::VectorXd mu = exactLogits(h, x, beta);
    QCOMPARE(mu.size(), Eigen::Index(n));
    for (int i = 0; i < n; ++i) {
        double acc = 0.0, magnitude = 0.0;
        for (int j = 0; j < d; ++j) {
            acc += double(h.weight(i, j)) * double(x[j]);
            magnitude += std::abs(double(h.weight(i, j)) * double(x[j]));
        }
        const double b = bias ? double(h.bias[i]) : 0.0;
        const double expected = beta * (acc + b);
        // Relative to the size of the terms: a sum that cancels cannot be held to its own magnitude.
        const double scale = std::abs(beta) * (magnitude + std::abs(b));
        QVERIFY2(
            std::abs(mu[i] - expected) <= 1e-12 * scale,
            qPrintable(
                QStringLiteral("arm %1: %2 vs %3").arg(i).arg(mu[i], 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }
}

void TestExactSoftmax::exactSoftmaxFillsTheResult()
{
    Head h = randomHead(64, 48, 3, true);
    h.temperature = 5.0; // the temperature argument is what counts, not the head's default
    const Eigen::VectorXf x = randomQuery(48, 4);
    const ExactSoftmaxResult r = exactSoftmax(h, x, 0.8, 5);
    QCOMPARE(r.multiplications, qint64(64 * 48));
    QVERIFY((r.logits - exactLogits(h, x, 0.8)).cwiseAbs().maxCoeff() == 0.0);
    QCOMPARE(r.logPartition, logSumExp(r.logits));
    QCOMPARE(r.topK, topKIndices(r.logits, 5));
    const Eigen::VectorXd p = (r.logits.array() - r.logPartition).exp();
    QVERIFY(std::abs(p.sum() - 1.0) < 1e-14);
    QVERIFY((p - softmaxThreePass(r.logits)).cwiseAbs().maxCoeff() < 1e-14); // exp(z − log Z) carries |z|·ε
}

void TestExactSoftmax::logSumExpIsStable_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("expected");
    QTest::newRow("+1000 twice, -1000") << QList<double>{1000.0, 1000.0, -1000.0} << 1000.0 + std::log(2.0);
    QTest::newRow("-1000 twice") << QList<double>{-1000.0, -1000.0} << -1000.0 + std::log(2.0);
    QTest::newRow("one -inf") << QList<double>{-kInf, 0.0, 0.0} << std::log(2.0);
    QTest::newRow("single") << QList<double>{3.5} << 3.5;
    QTest::newRow("all -inf") << QList<double>{-kInf, -kInf} << -kInf;
    QTest::newRow("empty") << QList<double>{} << -kInf;
    QTest::newRow("+inf") << QList<double>{0.0, kInf} << kInf;
}

void TestExactSoftmax::logSumExpIsStable()
{
    QFETCH(QList<double>, values);
    QFETCH(double, expected);
    const double got = logSumExp(fromList(values));
    if (std::isinf(expected))
        QCOMPARE(got, expected);
    else
        QVERIFY2(std::abs(got - expected) <= 1e-15 * std::max(1.0, std::abs(expected)),
                 qPrintable(QString::number(got, 'g', 17)));
}

void TestExactSoftmax::logSumExpMatchesTheDefinition()
{
    Rng rng(5);
    Eigen::VectorXd v(200);
    for (Eigen::Index i = 0; i < v.size(); ++i)
        v[i] = rng.uniform(-5.0, 5.0);
    double naive = 0.0;
    for (Eigen::Index i = 0; i < v.size(); ++i)
        naive += std::exp(v[i]);
    QVERIFY(std::abs(logSumExp(v) - std::log(naive)) < 1e-14);
}

void TestExactSoftmax::twoPassEqualsThreePass_data()
{
    // Logits shift + scale·N(0,1), or uniform in [lo, hi] when uniform is set.
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("shift");
    QTest::addColumn<double>("scale");
    QTest::addColumn<bool>("uniform");
    QTest::addColumn<bool>("naiveOverflows");
    QTest::newRow("unit normal") << 5000 << 0.0 << 1.0 << false << false;
    QTest::newRow("wide normal") << 5000 << 0.0 << 200.0 << false << true;
    QTest::newRow("near +700") << 5000 << 700.0 << 5.0 << false << true;
    QTest::newRow("near -700") << 5000 << -700.0 << 5.0 << false << false;
    QTest::newRow("uniform +-700") << 5000 << -700.0 << 700.0 << true << false;
    QTest::newRow("near +1e4") << 5000 << 1.0e4 << 50.0 << false << true;
    QTest::newRow("near -1e4") << 5000 << -1.0e4 << 50.0 << false << false;
    QTest::newRow("uniform +-1e4") << 5000 << -1.0e4 << 1.0e4 << true << true;
    QTest::newRow("n = 1") << 1 << 3.0 << 1.0 << false << false;
    QTest::newRow("n between blocks") << 1537 << 0.0 << 10.0 << false << false;
    QTest::newRow("GPT-2 vocabulary") << 50257 << 0.0 << 5.0 << false << false;
}

void TestExactSoftmax::twoPassEqualsThreePass()
{
    QFETCH(int, n);
    QFETCH(double, shift);
    QFETCH(double, scale);
    QFETCH(bool, uniform);
    QFETCH(bool, naiveOverflows);
    Rng rng(9);
    Eigen::VectorXd z(n);
    for (Eigen::Index i = 0; i < z.size(); ++i)
        z[i] = uniform ? rng.uniform(shift, scale) : shift + scale * rng.normal();
    // The rows meant to overflow the naive exp(z)/Σexp(z) really do.
    QCOMPARE(!std::isfinite(std::exp(z.maxCoeff())), naiveOverflows);
    const Eigen::VectorXd a = softmaxThreePass(z), b = softmaxTwoPass(z);
    QVERIFY(a.allFinite());
    QVERIFY(b.allFinite());
    QVERIFY((b.array() >= 0.0).all());
    QVERIFY2(std::abs(a.sum() - 1.0) < 1e-13, qPrintable(QString::number(a.sum() - 1.0)));
    QVERIFY2(std::abs(b.sum() - 1.0) < 1e-13, qPrintable(QString::number(b.sum() - 1.0)));
    const double maxAbs = (a - b).cwiseAbs().maxCoeff();
    QVERIFY2(maxAbs <= 1e-14, qPrintable(QString::number(maxAbs)));
    // Entrywise too, wherever the probability is not vanishingly small: both are exact up to a few
    // roundings (Eigen's exp flushes results below ~e^−708 to a tiny constant, hence the floor).
    for (Eigen::Index i = 0; i < n; ++i)
        if (a[i] > 1e-290)
            QVERIFY2(
                std::abs(a[i] - b[i]) <= 1e-13 * a[i],
                qPrintable(
                    QStringLiteral("entry %1: %2 vs %3").arg(i).arg(a[i], 0, 'g', 17).arg(b[i], 0, 'g', 17)));
}

void TestExactSoftmax::masksAndDegenerateInputs()
{
    // A −∞ (masked) logit gets probability exactly 0 from the two-pass softmax, not NaN.
    Eigen::VectorXd z(4);
    z << 0.0, -kInf, 1.0, -kInf;
    const Eigen::VectorXd b = softmaxTwoPass(z), a = softmaxThreePass(z);
    QCOMPARE(b[1], 0.0);
    QCOMPARE(b[3], 0.0);
    QVERIFY(std::abs(b[0] - 1.0 / (1.0 + std::exp(1.0))) < 1e-16);
    QVERIFY(std::abs(b.sum() - 1.0) < 1e-15);
    QVERIFY((a - b).cwiseAbs().maxCoeff() < 1e-15);
    // Equal logits give the uniform distribution, at any offset.
    for (double offset : {0.0, 700.0, -1.0e4, 9.0e5}) {
        const Eigen::VectorXd p = softmaxTwoPass(Eigen::VectorXd::Constant(7, offset));
        QVERIFY2((p.array() - 1.0 / 7.0).abs().maxCoeff() < 1e-16, qPrintable(QString::number(offset)));
    }
    QCOMPARE(softmaxTwoPass(Eigen::VectorXd()).size(), Eigen::Index(0));
    QCOMPARE(softmaxThreePass(Eigen::VectorXd()).size(), Eigen::Index(0));
}

void TestExactSoftmax::outputOverloadsCheckTheSize()
{
    Eigen::VectorXd z(3), out(3), wrong(2);
    z << 1.0, 2.0, 3.0;
    softmaxTwoPass(z, out);
    QCOMPARE(out, softmaxTwoPass(z));
    softmaxThreePass(z, out);
    QCOMPARE(out, softmaxThreePass(z));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, softmaxTwoPass(z, wrong));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, softmaxThreePass(z, wrong));
}

void TestExactSoftmax::topKTiesAndBounds_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<int>("k");
    QTest::addColumn<std::vector<int>>("expected");
    const QList<double> v{1.0, 3.0, 3.0, -1.0, 3.0, 2.0};
    QTest::newRow("ties by lower index") << v << 4 << std::vector<int>{1, 2, 4, 5};
    QTest::newRow("tie cut at k") << v << 2 << std::vector<int>{1, 2};
    QTest::newRow("k = 0") << v << 0 << std::vector<int>{};
    QTest::newRow("k > n: all, sorted") << v << 10 << std::vector<int>{1, 2, 4, 5, 0, 3};
    QTest::newRow("all equal") << QList<double>{0.5, 0.5, 0.5} << 3 << std::vector<int>{0, 1, 2};
    QTest::newRow("-inf last") << QList<double>{-kInf, -3.0, -kInf} << 2 << std::vector<int>{1, 0};
}

void TestExactSoftmax::topKTiesAndBounds()
{
    QFETCH(QList<double>, values);
    QFETCH(int, k);
    QFETCH(std::vector<int>, expected);
    QCOMPARE(topKIndices(fromList(values), k), expected);
}

QTEST_APPLESS_MAIN(TestExactSoftmax)
#include "tst_exactsoftmax.moc"
