// Baselines (ALGORITHM.md §11): exact logits, the two softmax algorithms, top-k, SVD-softmax, and the
// orthonormal Walsh–Hadamard transform used by the RHT option (§3.6).
#include "core/ExactSoftmax.h"
#include "core/Hadamard.h"
#include "core/Rng.h"
#include "core/SvdSoftmax.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace ada;

namespace {

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

} // namespace

class TestBaselines : public QObject {
    Q_OBJECT

private slots:
    void exactLogitsMatchNaiveLoop();
    void logSumExpIsStable();
    void twoPassEqualsThreePass_data();
    void twoPassEqualsThreePass();
    void topKBreaksTiesByIndex();
    void svdAtFullWidthIsExact();
    void svdFindsAClearWinnerWithASmallPreview();
    void svdRefusesBadWidths();
    void hadamardMatchesSylvesterAndIsOrthonormal();
};

void TestBaselines::exactLogitsMatchNaiveLoop()
{
    const Head h = randomHead(37, 301, 1, true);
    const Eigen::VectorXf x = randomQuery(301, 2);
    const Eigen::VectorXd mu = exactLogits(h, x, 0.7);
    for (int i = 0; i < 37; ++i) {
        double acc = 0.0;
        for (int j = 0; j < 301; ++j)
            acc += double(h.weight(i, j)) * double(x[j]);
        const double expected = 0.7 * (acc + double(h.bias[i]));
        QVERIFY(std::abs(mu[i] - expected) <= 1e-12 * (1.0 + std::abs(expected)));
    }
    const ExactSoftmaxResult r = exactSoftmax(h, x, 0.7, 3);
    QCOMPARE(r.multiplications, qint64(37 * 301));
    QCOMPARE(int(r.topK.size()), 3);
    QCOMPARE(r.topK, topKIndices(mu, 3));
}

void TestBaselines::logSumExpIsStable()
{
    Eigen::VectorXd v(3);
    v << 1000.0, 1000.0, -1000.0;
    QVERIFY(std::abs(logSumExp(v) - (1000.0 + std::log(2.0))) < 1e-12);
    v << -std::numeric_limits<double>::infinity(), 0.0, 0.0;
    QVERIFY(std::abs(logSumExp(v) - std::log(2.0)) < 1e-15);
    v.setConstant(-std::numeric_limits<double>::infinity());
    QCOMPARE(logSumExp(v), -std::numeric_limits<double>::infinity());
    QCOMPARE(logSumExp(Eigen::VectorXd()), -std::numeric_limits<double>::infinity());
}

void TestBaselines::twoPassEqualsThreePass_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("shift");
    QTest::newRow("unit") << 1.0 << 0.0;
    QTest::newRow("wide") << 200.0 << 0.0;
    QTest::newRow("large positive") << 5.0 << 700.0;
    QTest::newRow("beyond exp range") << 50.0 << 1.0e4; // exp overflows; both must still normalise
    QTest::newRow("very negative") << 5.0 << -1.0e4;
}

void TestBaselines::twoPassEqualsThreePass()
{
    QFETCH(double, scale);
    QFETCH(double, shift);
    Rng rng(9);
    Eigen::VectorXd z(5000);
    for (Eigen::Index i = 0; i < z.size(); ++i)
        z[i] = shift + scale * rng.normal();
    const Eigen::VectorXd a = softmaxThreePass(z), b = softmaxTwoPass(z);
    QVERIFY(std::abs(a.sum() - 1.0) < 1e-12);
    QVERIFY(std::abs(b.sum() - 1.0) < 1e-12);
    QVERIFY(b.allFinite());
    QVERIFY2((a - b).cwiseAbs().maxCoeff() <= 1e-14 + 1e-12 * a.maxCoeff(),
             qPrintable(QString::number((a - b).cwiseAbs().maxCoeff())));
}

void TestBaselines::topKBreaksTiesByIndex()
{
    Eigen::VectorXd v(6);
    v << 1.0, 3.0, 3.0, -1.0, 3.0, 2.0;
    QCOMPARE(topKIndices(v, 4), (std::vector<int>{1, 2, 4, 5}));
    QCOMPARE(topKIndices(v, 0), std::vector<int>{});
    QCOMPARE(int(topKIndices(v, 10).size()), 6);
}

void TestBaselines::svdAtFullWidthIsExact()
{
    // §11.1: W = r and N = n reproduce exact softmax.
    const Head h = randomHead(40, 25, 3, true);
    const Eigen::VectorXf x = randomQuery(25, 4);
    const SvdSoftmax svd(h);
    QCOMPARE(svd.rank(), 25);
    const auto out = svd.run(x, svd.rank(), 40, 2, 1.3);
    const ExactSoftmaxResult exact = exactSoftmax(h, x, 1.3, 2);
    QVERIFY((out.logits - exact.logits).cwiseAbs().maxCoeff() < 1e-9);
    QVERIFY(std::abs(out.logPartition - exact.logPartition) < 1e-9);
    QCOMPARE(out.topK, exact.topK);
    QCOMPARE(out.multiplications, qint64(25 * 25 + 40 * 25 + 40 * 25)); // r·d + n·W + N·r
}

void TestBaselines::svdFindsAClearWinnerWithASmallPreview()
{
    // A low-rank head plus a planted winner: a narrow preview already ranks it among the candidates.
    Head h = randomHead(500, 64, 5, false);
    const Eigen::VectorXf x = randomQuery(64, 6);
    h.weight.row(123) = 3.0f * x.transpose() / x.norm();
    const SvdSoftmax svd(h);
    const auto out = svd.run(x, 16, 50, 1, 1.0);
    QCOMPARE(out.topK.front(), 123);
    QVERIFY(out.multiplications < std::int64_t(500) * 64 + 64 * 64);
}

void TestBaselines::svdRefusesBadWidths()
{
    const Head h = randomHead(10, 8, 7, false);
    const SvdSoftmax svd(h);
    const Eigen::VectorXf x = randomQuery(8, 8);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)svd.run(x, 0, 5, 1, 1.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)svd.run(x, 9, 5, 1, 1.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)svd.run(x, 4, 11, 1, 1.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)svd.run(x, 4, 1, 2, 1.0));
}

void TestBaselines::hadamardMatchesSylvesterAndIsOrthonormal()
{
    // H_8 by Sylvester's construction, scaled by 1/√8.
    Eigen::MatrixXd h = Eigen::MatrixXd::Ones(1, 1);
    while (h.rows() < 8) {
        Eigen::MatrixXd next(2 * h.rows(), 2 * h.cols());
        next << h, h, h, -h;
        h = next;
    }
    h /= std::sqrt(8.0);
    Rng rng(10);
    Eigen::VectorXd v(8), w(8);
    for (int j = 0; j < 8; ++j) {
        v[j] = rng.normal();
        w[j] = rng.normal();
    }
    Eigen::VectorXd hv = v, hw = w;
    fastWalshHadamard(hv);
    fastWalshHadamard(hw);
    QVERIFY((hv - h * v).cwiseAbs().maxCoeff() < 1e-14);
    QVERIFY(std::abs(hv.dot(hw) - v.dot(w)) < 1e-12); // inner products are preserved
    Eigen::VectorXd back = hv;
    fastWalshHadamard(back);
    QVERIFY((back - v).cwiseAbs().maxCoeff() < 1e-14); // H is its own inverse
    QCOMPARE(nextPowerOfTwo(1), Eigen::Index(1));
    QCOMPARE(nextPowerOfTwo(100), Eigen::Index(128));
    QCOMPARE(nextPowerOfTwo(128), Eigen::Index(128));
    Eigen::VectorXd bad(6);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fastWalshHadamard(bad));
}

QTEST_APPLESS_MAIN(TestBaselines)
#include "tst_baselines.moc"
