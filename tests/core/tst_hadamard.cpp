// The orthonormal fast Walsh–Hadamard transform behind the randomised Hadamard option (ALGORITHM.md
// §3.6): it must be H·v/√len with Sylvester's H, its own inverse, and preserve inner products.
#include "core/Hadamard.h"
#include "core/Rng.h"

#include <QtTest>

#include <cmath>

using namespace ada;

namespace {

Eigen::VectorXd randomVector(Eigen::Index len, Rng& rng)
{
    Eigen::VectorXd v(len);
    for (Eigen::Index j = 0; j < len; ++j)
        v[j] = rng.normal();
    return v;
}

// Sylvester's construction H_{2m} = [[H, H], [H, −H]], scaled to be orthonormal.
Eigen::MatrixXd sylvester(Eigen::Index len)
{
    Eigen::MatrixXd h = Eigen::MatrixXd::Ones(1, 1);
    while (h.rows() < len) {
        Eigen::MatrixXd next(2 * h.rows(), 2 * h.cols());
        next << h, h, h, -h;
        h = next;
    }
    return h / std::sqrt(double(len));
}

} // namespace

class TestHadamard : public QObject {
    Q_OBJECT

private slots:
    void nextPowerOfTwo_data();
    void nextPowerOfTwo();
    void matchesSylvester_data();
    void matchesSylvester();
    void isOrthonormal_data();
    void isOrthonormal();
    void randomisedTransformPreservesLogits();
    void rejectsOtherLengths_data();
    void rejectsOtherLengths();
};

void TestHadamard::nextPowerOfTwo_data()
{
    QTest::addColumn<qint64>("d");
    QTest::addColumn<qint64>("expected");
    for (auto [d, p] : {std::pair<qint64, qint64>{1, 1},
                        {2, 2},
                        {3, 4},
                        {100, 128},
                        {128, 128},
                        {129, 256},
                        {768, 1024},
                        {784, 1024},
                        {4096, 4096}})
        QTest::addRow("%lld", d) << d << p;
}

void TestHadamard::nextPowerOfTwo()
{
    QFETCH(qint64, d);
    QFETCH(qint64, expected);
    QCOMPARE(qint64(ada::nextPowerOfTwo(Eigen::Index(d))), expected);
}

void TestHadamard::matchesSylvester_data()
{
    QTest::addColumn<int>("len");
    for (int len : {1, 2, 8, 64})
        QTest::addRow("%d", len) << len;
}

void TestHadamard::matchesSylvester()
{
    QFETCH(int, len);
    const Eigen::MatrixXd h = sylvester(len);
    QVERIFY((h * h.transpose() - Eigen::MatrixXd::Identity(len, len)).cwiseAbs().maxCoeff() < 1e-14);
    // Column by column: the transform of e_j is the j-th column of H.
    for (int j = 0; j < len; ++j) {
        Eigen::VectorXd e = Eigen::VectorXd::Unit(len, j);
        fastWalshHadamard(e);
        QVERIFY((e - h.col(j)).cwiseAbs().maxCoeff() < 1e-15);
    }
    Rng rng(1);
    const Eigen::VectorXd v = randomVector(len, rng);
    Eigen::VectorXd hv = v;
    fastWalshHadamard(hv);
    QVERIFY((hv - h * v).cwiseAbs().maxCoeff() < 1e-13);
}

void TestHadamard::isOrthonormal_data()
{
    QTest::addColumn<int>("len");
    for (int len : {1, 2, 16, 1024, 8192})
        QTest::addRow("%d", len) << len;
}

void TestHadamard::isOrthonormal()
{
    QFETCH(int, len);
    Rng rng(2);
    const Eigen::VectorXd v = randomVector(len, rng), w = randomVector(len, rng);
    Eigen::VectorXd hv = v, hw = w;
    fastWalshHadamard(hv);
    fastWalshHadamard(hw);
    QVERIFY(std::abs(hv.norm() - v.norm()) <= 1e-13 * v.norm());             // norms preserved
    QVERIFY(std::abs(hv.dot(hw) - v.dot(w)) <= 1e-13 * v.norm() * w.norm()); // inner products too
    Eigen::VectorXd back = hv;
    fastWalshHadamard(back);
    QVERIFY((back - v).cwiseAbs().maxCoeff() <= 1e-13 * v.cwiseAbs().maxCoeff()); // H(Hv) = v
}

void TestHadamard::randomisedTransformPreservesLogits()
{
    // §3.6 as the arm engine uses it: zero-pad d to d', flip signs with s, transform rows and query
    // with the same H; every inner product A_i·x is unchanged.
    constexpr int n = 20, d = 300;
    const Eigen::Index padded = ada::nextPowerOfTwo(d);
    QCOMPARE(padded, Eigen::Index(512));
    Rng rng(3);
    const Eigen::MatrixXd a = Eigen::MatrixXd::NullaryExpr(n, d, [&rng] { return rng.normal(); });
    const Eigen::VectorXd x = randomVector(d, rng);
    Eigen::VectorXd signs(padded);
    for (Eigen::Index j = 0; j < padded; ++j)
        signs[j] = rng.rademacher();
    Eigen::VectorXd xt = Eigen::VectorXd::Zero(padded);
    xt.head(d) = x;
    xt = xt.cwiseProduct(signs);
    fastWalshHadamard(xt);
    for (int i = 0; i < n; ++i) {
        Eigen::VectorXd row = Eigen::VectorXd::Zero(padded);
        row.head(d) = a.row(i).transpose();
        row = row.cwiseProduct(signs);
        fastWalshHadamard(row);
        const double expected = a.row(i).dot(x);
        QVERIFY2(std::abs(row.dot(xt) - expected) <= 1e-12 * a.row(i).norm() * x.norm(),
                 qPrintable(QStringLiteral("arm %1").arg(i)));
    }
}

void TestHadamard::rejectsOtherLengths_data()
{
    QTest::addColumn<int>("len");
    for (int len : {0, 3, 6, 12, 768, 1000})
        QTest::addRow("%d", len) << len;
}

void TestHadamard::rejectsOtherLengths()
{
    QFETCH(int, len);
    Eigen::VectorXd v = Eigen::VectorXd::Ones(len);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fastWalshHadamard(v));
    QCOMPARE(v, Eigen::VectorXd::Ones(len)); // untouched
}

QTEST_APPLESS_MAIN(TestHadamard)
#include "tst_hadamard.moc"
