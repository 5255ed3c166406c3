// SVD-softmax (Shim et al. 2017; ALGORITHM.md §11.1): the preview / candidates / full-view baseline.
#include "core/ExactSoftmax.h"
#include "core/Rng.h"
#include "core/SvdSoftmax.h"

#include <QtTest>

#include <Eigen/SVD>

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

// β·(rank-W truncation of A)·x (+ bias), computed independently with JacobiSVD. Singular vectors
// are defined up to sign, but each σ_k u_k v_kᵀ is not, so this is the preview z̃ whatever the signs.
Eigen::VectorXd independentPreview(const Head& h, const Eigen::VectorXf& x, int w, double beta)
{
    const Eigen::MatrixXd a = h.weight.cast<double>();
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(a, Eigen::ComputeThinU | Eigen::ComputeThinV);
    const Eigen::VectorXd xt = svd.matrixV().leftCols(w).transpose() * x.cast<double>();
    Eigen::VectorXd z = svd.matrixU().leftCols(w) * (svd.singularValues().head(w).asDiagonal() * xt);
    if (h.hasBias())
        z += h.bias.cast<double>();
    return beta * z;
}

} // namespace

class TestSvdSoftmax : public QObject {
    Q_OBJECT

private slots:
    void fullWidthIsExact_data();
    void fullWidthIsExact();
    void candidatesAreExactOthersArePreviews();
    void multiplicationCount_data();
    void multiplicationCount();
    void findsAClearTopArmCheaply();
    void cannotWinWhenNIsAtMostD();
    void refusesBadArguments_data();
    void refusesBadArguments();
};

void TestSvdSoftmax::fullWidthIsExact_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("d");
    QTest::addColumn<bool>("bias");
    QTest::addColumn<double>("beta");
    QTest::newRow("tall, bias") << 40 << 25 << true << 1.3;
    QTest::newRow("tall, no bias") << 200 << 16 << false << 1.0;
    QTest::newRow("wide (n < d)") << 10 << 30 << true << 0.5;
    QTest::newRow("square") << 24 << 24 << false << 2.0;
}

void TestSvdSoftmax::fullWidthIsExact()
{
    // §11.1: with W = r and N = n every logit is computed in full, so this is exact softmax.
    QFETCH(int, n);
    QFETCH(int, d);
    QFETCH(bool, bias);
    QFETCH(double, beta);
    const Head h = randomHead(n, d, 3, bias);
    const Eigen::VectorXf x = randomQuery(d, 4);
    const SvdSoftmax svd(h);
    QCOMPARE(svd.rank(), std::min(n, d));
    const auto out = svd.run(x, svd.rank(), n, 3, beta);
    const ExactSoftmaxResult exact = exactSoftmax(h, x, beta, 3);
    const double err = (out.logits - exact.logits).cwiseAbs().maxCoeff();
    QVERIFY2(err < 1e-9, qPrintable(QString::number(err)));
    QVERIFY(std::abs(out.logPartition - exact.logPartition) < 1e-9);
    QCOMPARE(out.topK, exact.topK);
}

void TestSvdSoftmax::candidatesAreExactOthersArePreviews()
{
    // W < r, N < n: the N largest previews are recomputed in full, the rest keep their preview.
    constexpr int n = 120, d = 20, w = 4, candidates = 15;
    constexpr double beta = 0.9;
    const Head h = randomHead(n, d, 5, true);
    const Eigen::VectorXf x = randomQuery(d, 6);
    const SvdSoftmax svd(h);
    const auto out = svd.run(x, w, candidates, 2, beta);
    const Eigen::VectorXd exact = exactLogits(h, x, beta);
    const Eigen::VectorXd preview = independentPreview(h, x, w, beta);
    const std::vector<int> chosen = topKIndices(preview, candidates);
    std::vector<bool> isCandidate(n, false);
    for (int i : chosen)
        isCandidate[std::size_t(i)] = true;
    for (int i = 0; i < n; ++i) {
        const double expected = isCandidate[std::size_t(i)] ? exact[i] : preview[i];
        QVERIFY2(std::abs(out.logits[i] - expected) < 1e-9,
                 qPrintable(QStringLiteral("arm %1: %2 vs %3").arg(i).arg(out.logits[i]).arg(expected)));
    }
    QVERIFY(std::abs(out.logPartition - logSumExp(out.logits)) < 1e-12);
    // Top-k: the best candidates by their full logit, best first.
    Eigen::VectorXd candidateLogits = Eigen::VectorXd::Constant(n, -std::numeric_limits<double>::infinity());
    for (int i : chosen)
        candidateLogits[i] = exact[i];
    QCOMPARE(out.topK, topKIndices(candidateLogits, 2));
}

void TestSvdSoftmax::multiplicationCount_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("d");
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("candidates");
    QTest::newRow("tall") << 100 << 20 << 5 << 12;
    QTest::newRow("tall, W = r, N = n") << 100 << 20 << 20 << 100;
    QTest::newRow("wide") << 10 << 30 << 3 << 4;
}

void TestSvdSoftmax::multiplicationCount()
{
    QFETCH(int, n);
    QFETCH(int, d);
    QFETCH(int, w);
    QFETCH(int, candidates);
    const Head h = randomHead(n, d, 7, false);
    const SvdSoftmax svd(h);
    const qint64 r = std::min(n, d);
    const auto out = svd.run(randomQuery(d, 8), w, candidates, 1, 1.0);
    QCOMPARE(out.multiplications, r * d + qint64(n) * w + qint64(candidates) * r); // r·d + n·W + N·r
}

void TestSvdSoftmax::findsAClearTopArmCheaply()
{
    // A head with a decaying spectrum (as trained heads have) and one arm clearly on top: a narrow
    // preview ranks it among a few candidates, at a fraction of n·d.
    constexpr int n = 2000, d = 64, w = 8, candidates = 50;
    Head h = randomHead(n, d, 9, false);
    Eigen::VectorXf decay(d);
    for (int j = 0; j < d; ++j)
        decay[j] = float(std::pow(2.0, -j / 4.0));
    for (int i = 0; i < n; ++i)
        h.weight.row(i).array() *= decay.transpose().array();
    const Eigen::VectorXf x = randomQuery(d, 10);
    constexpr int winner = 1234;
    const Eigen::VectorXf direction = decay.cwiseProduct(x).normalized();
    const double othersBest = exactLogits(h, x, 1.0).cwiseAbs().maxCoeff();
    h.weight.row(winner) = float(3.0 * othersBest / direction.dot(x)) * direction.transpose();
    const SvdSoftmax svd(h);
    const auto out = svd.run(x, w, candidates, 1, 1.0);
    const ExactSoftmaxResult exact = exactSoftmax(h, x, 1.0, 1);
    QCOMPARE(exact.topK.front(), winner);
    QCOMPARE(out.topK.front(), winner);
    QVERIFY(std::abs(out.logits[winner] - exact.logits[winner]) < 1e-9);
    // The winner dominates the partition function, so the mixed logits get it nearly right too.
    QVERIFY2(std::abs(out.logPartition - exact.logPartition) < 1e-3,
             qPrintable(QString::number(out.logPartition - exact.logPartition)));
    QVERIFY(out.multiplications < qint64(n) * d / 4);
}

void TestSvdSoftmax::cannotWinWhenNIsAtMostD()
{
    // §11.1: for n ≤ d the transform alone costs r·d = n·d, so no (W, N) beats exact softmax.
    constexpr int n = 10, d = 30;
    const Head h = randomHead(n, d, 11, true);
    const SvdSoftmax svd(h);
    const Eigen::VectorXf x = randomQuery(d, 12);
    for (int w = 1; w <= svd.rank(); ++w)
        for (int candidates = 1; candidates <= n; ++candidates)
            QVERIFY(svd.run(x, w, candidates, 1, 1.0).multiplications > qint64(n) * d);
}

void TestSvdSoftmax::refusesBadArguments_data()
{
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("candidates");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("dim");
    QTest::newRow("W = 0") << 0 << 5 << 1 << 8;
    QTest::newRow("W > r") << 9 << 5 << 1 << 8;
    QTest::newRow("N > n") << 4 << 11 << 1 << 8;
    QTest::newRow("N < k") << 4 << 1 << 2 << 8;
    QTest::newRow("k = 0") << 4 << 5 << 0 << 8;
    QTest::newRow("wrong query dimension") << 4 << 5 << 1 << 7;
}

void TestSvdSoftmax::refusesBadArguments()
{
    QFETCH(int, w);
    QFETCH(int, candidates);
    QFETCH(int, k);
    QFETCH(int, dim);
    const Head h = randomHead(10, 8, 13, false);
    const SvdSoftmax svd(h);
    QCOMPARE(svd.rank(), 8);
    const Eigen::VectorXf x = randomQuery(dim, 14);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)svd.run(x, w, candidates, k, 1.0));
}

QTEST_APPLESS_MAIN(TestSvdSoftmax)
#include "tst_svdsoftmax.moc"
