// The SIMD exponential (core/VectorExp.h): within 1 ulp of the correctly rounded exp over its whole
// range, exact at the special values, and its vector loops give the scalar kernel's bits (this
// test is built for the baseline CPU; the library picks its AVX2 loops where the CPU has them).
#include "core/ExactSoftmax.h"
#include "core/Rng.h"
#include "core/VectorExp.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace ada;

namespace {

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// |computed − exact| in units of the last place of the double nearest to `exact`.
double ulpError(double computed, long double exact)
{
    const double nearest = static_cast<double>(exact);
    if (std::isinf(nearest))
        return std::isinf(computed) ? 0.0 : std::numeric_limits<double>::infinity();
    const double ulp = std::nextafter(nearest, std::numeric_limits<double>::infinity()) - nearest;
    return static_cast<double>(std::fabs(static_cast<long double>(computed) - exact) / ulp);
}

// Arguments over the whole range of exp: uniform in [−750, 712], in [−1, 1], tiny, and around the
// thresholds of subnormal results and of overflow.
std::vector<double> arguments()
{
    Rng rng(20261207);
    std::vector<double> x;
    for (int i = 0; i < 100000; ++i)
        x.push_back(-750.0 + 1462.0 * rng.uniform01());
    for (int i = 0; i < 50000; ++i)
        x.push_back(-1.0 + 2.0 * rng.uniform01());
    for (int i = 0; i < 10000; ++i)
        x.push_back((rng.uniform01() - 0.5) * std::ldexp(1.0, -int(rng.below(60))));
    for (int i = 0; i < 10000; ++i) {
        x.push_back(-745.2 + 37.0 * rng.uniform01()); // results from 0 through the subnormals
        x.push_back(709.0 + 0.8 * rng.uniform01());   // up to overflow
    }
    return x;
}

} // namespace

class TestVectorExp : public QObject {
    Q_OBJECT

private slots:
    void withinOneUlpOverTheRange();
    void specialValues();
    void vectorLoopsGiveTheScalarBits();
    void logSumExpAgreesWithALongDoubleSum();
};

void TestVectorExp::withinOneUlpOverTheRange()
{
    double worst = 0.0, worstAt = 0.0;
    for (const double x : arguments()) {
        const double e = ulpError(expKernel(x), std::exp(static_cast<long double>(x)));
        if (e > worst) {
            worst = e;
            worstAt = x;
        }
    }
    qInfo("largest error %.3f ulp, at x = %.17g", worst, worstAt);
    QVERIFY2(worst <= 1.0, qPrintable(QString("%1 ulp at x = %2").arg(worst).arg(worstAt, 0, 'g', 17)));
}

void TestVectorExp::specialValues()
{
    const double inf = std::numeric_limits<double>::infinity();
    QCOMPARE(expKernel(0.0), 1.0);
    QCOMPARE(expKernel(-0.0), 1.0);
    QCOMPARE(expKernel(inf), inf);
    QCOMPARE(expKernel(-inf), 0.0);
    QVERIFY(std::isnan(expKernel(std::numeric_limits<double>::quiet_NaN())));
    // The largest finite result, the first overflow, the smallest subnormal and the first zero,
    // each where the correctly rounded exp has them.
    for (const double x :
         {709.782712893384, 709.7827128933841, 1000.0, -708.3964185322641, -745.1332191019411,
          -745.1332191019412, -1000.0, std::numeric_limits<double>::denorm_min(), 1e-300})
        QVERIFY2(sameBits(expKernel(x), std::exp(x)), qPrintable(QString::number(x, 'g', 17)));
    // The same values through the SIMD loops, whose lanes clamp and shift them together.
    std::vector<double> v = {0.0,
                             -0.0,
                             inf,
                             -inf,
                             std::numeric_limits<double>::quiet_NaN(),
                             709.782712893384,
                             709.7827128933841,
                             1000.0,
                             -708.3964185322641,
                             -745.1332191019411,
                             -745.1332191019412,
                             -1000.0,
                             std::numeric_limits<double>::denorm_min(),
                             1e-300,
                             710.0,
                             -746.0};
    v.insert(v.end(), v.begin(), v.end()); // 32 values: two lockstep calls
    std::vector<double> lanes = v;
    expShiftedInPlace(lanes.data(), lanes.size(), 0.0);
    for (std::size_t i = 0; i < v.size(); ++i)
        QVERIFY2(sameBits(lanes[i], expKernel(v[i])), qPrintable(QString::number(v[i], 'g', 17)));
}

void TestVectorExp::vectorLoopsGiveTheScalarBits()
{
    // Every length around the SIMD widths and the sum's block of 256, so that each tail is taken.
    const std::vector<double> all = arguments();
    // The lockstep of 16 values (VectorExp.cpp) too.
    for (const std::size_t n :
         {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 255, 256, 257, 259, 1000, 4099}) {
        const double shift = n % 2 ? 3.25 : -1.5;
        std::vector<double> v(all.begin(), all.begin() + std::ptrdiff_t(n));
        for (double& x : v)
            x = std::fmod(x, 40.0); // sums of moderate terms, so that rounding shows in them
        std::vector<double> expected(n);
        double partial[4] = {0.0, 0.0, 0.0, 0.0};
        for (std::size_t i = 0; i < n; ++i) {
            expected[i] = expKernel(v[i] - shift);
            partial[i % 4] += expected[i];
        }
        const double sum = sumExpShifted(v.data(), n, shift);
        QVERIFY2(sameBits(sum, (partial[0] + partial[1]) + (partial[2] + partial[3])),
                 qPrintable(QString::number(n)));
        expShiftedInPlace(v.data(), n, shift);
        for (std::size_t i = 0; i < n; ++i)
            QVERIFY2(sameBits(v[i], expected[i]), qPrintable(QString("n = %1, i = %2").arg(n).arg(i)));
    }
}

void TestVectorExp::logSumExpAgreesWithALongDoubleSum()
{
    Rng rng(7);
    for (const int n : {1, 10, 1000, 341479}) {
        Eigen::VectorXd v(n);
        for (int i = 0; i < n; ++i)
            v[i] = 40.0 * (rng.uniform01() - 0.5);
        long double m = v.maxCoeff(), s = 0.0L;
        for (int i = 0; i < n; ++i)
            s += std::exp(static_cast<long double>(v[i]) - m);
        const long double reference = m + std::log(s);
        QVERIFY2(std::fabs(static_cast<long double>(logSumExp(v)) - reference)
                     <= 1e-14L * std::fabs(reference),
                 qPrintable(QString::number(n)));
    }
    QCOMPARE(logSumExp(Eigen::VectorXd::Constant(3, -std::numeric_limits<double>::infinity())),
             -std::numeric_limits<double>::infinity());
}

QTEST_GUILESS_MAIN(TestVectorExp)
#include "tst_vectorexp.moc"
