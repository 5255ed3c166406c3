// The variance lab (ALGORITHM.md §3.3, §9, §15.2, §15.5): unbiasedness of every estimator, the
// Horvitz–Thompson variance estimate's calibration, the exact finite-population variance by
// enumeration, importance sampling against uniform, and determinism across thread counts.
#include "core/Rng.h"
#include "core/VarianceLab.h"
#include "datasets/SyntheticDatasets.h"

#include <QtTest>

#include <cmath>
#include <cstring>

using namespace ada;

namespace {

struct Case {
    Eigen::VectorXd row, x, l1;
};

// Heavy-tailed query (ratio of normals, clipped), optionally with 40% exact zeros.
Case heavyTailed(int d, bool sparse, std::uint64_t seed)
{
    Rng rng(seed);
    Case c;
    c.row.resize(d);
    c.x.resize(d);
    c.l1.resize(d);
    for (int j = 0; j < d; ++j) {
        c.row[j] = rng.normal();
        c.l1[j] = std::abs(c.row[j]) + std::abs(rng.normal());
        const double v = std::clamp(rng.normal() / std::max(0.05, std::abs(rng.normal())), -40.0, 40.0);
        c.x[j] = sparse && rng.uniform01() < 0.4 ? 0.0 : v;
    }
    return c;
}

const VarianceCurve* find(const VarianceLabResult& r, LabEstimator e, ImportanceWeights w)
{
    for (const auto& c : r.curves)
        if (c.estimator == e && c.weights == w)
            return &c;
    return nullptr;
}

} // namespace

class TestVarianceLab : public QObject {
    Q_OBJECT

private slots:
    void unbiasedAndCalibrated_data();
    void unbiasedAndCalibrated();
    void fpcVarianceIsExactByEnumeration();
    void importanceBeatsUniformOnHighVariance();
    void threadCountDoesNotChangeTheBits();
    void pairHistogramSpansItsPairs();
    void badInputsAreRefused();
};

void TestVarianceLab::unbiasedAndCalibrated_data()
{
    QTest::addColumn<bool>("sparse");
    QTest::newRow("heavy-tailed") << false;
    QTest::newRow("heavy-tailed sparse") << true;
}

void TestVarianceLab::unbiasedAndCalibrated()
{
    // 4 000 repetitions per point: |bias| within 4 standard errors for every estimator; the
    // Horvitz–Thompson and Des Raj variance estimates within 15% of the observed MSE (§15.2), and the
    // closed-form variances within 15% of it too.
    QFETCH(bool, sparse);
    const Case c = heavyTailed(200, sparse, 5);
    VarianceLabOptions o;
    o.grid = {10, 50, 120};
    o.repetitions = 4000;
    o.threads = 2;
    const VarianceLabResult r = runVarianceLab(c.row, c.x, c.l1, 1.0, o);
    QCOMPARE(int(r.curves.size()), 3 + 3 * 3);
    for (const VarianceCurve& curve : r.curves)
        for (const VarianceCurvePoint& pt : curve.points) {
            const double se = std::sqrt(pt.mse / o.repetitions);
            QVERIFY2(std::abs(pt.bias) <= 4.0 * se + 1e-9,
                     qPrintable(QString("%1/%2 t=%3: bias %4, se %5")
                                    .arg(toString(curve.estimator).data(), toString(curve.weights).data())
                                    .arg(pt.t)
                                    .arg(pt.bias)
                                    .arg(se)));
            if (std::isfinite(pt.predictedVariance) && curve.estimator != LabEstimator::UniformWor) {
                const double ratio = pt.predictedVariance / pt.mse;
                QVERIFY2(ratio > 0.85 && ratio < 1.15, qPrintable(QString("predicted/mse %1").arg(ratio)));
            }
            if ((curve.estimator == LabEstimator::IsWorHt || curve.estimator == LabEstimator::IsWorDr)
                && pt.mse > 1e-12) {
                const double ratio = pt.varianceEstimateMean / pt.mse;
                qInfo("%s/%s t=%d: mean v̂ / MSE = %.3f", toString(curve.estimator).data(),
                      toString(curve.weights).data(), pt.t, ratio);
                QVERIFY2(ratio > 0.85 && ratio < 1.15, qPrintable(QString("v/mse %1").arg(ratio)));
            }
        }
}

void TestVarianceLab::fpcVarianceIsExactByEnumeration()
{
    // d = 9, t = 4: average the squared error over all C(9, 4) = 126 equally likely subsets.
    const Case c = heavyTailed(9, false, 3);
    const int d = 9, t = 4;
    const double mu = c.row.cwiseProduct(c.x).sum();
    double total = 0.0;
    int subsets = 0;
    for (int mask = 0; mask < (1 << d); ++mask) {
        if (__builtin_popcount(unsigned(mask)) != t)
            continue;
        double sum = 0.0;
        for (int j = 0; j < d; ++j)
            if (mask & (1 << j))
                sum += c.row[j] * c.x[j];
        const double est = double(d) / t * sum;
        total += (est - mu) * (est - mu);
        ++subsets;
    }
    QCOMPARE(subsets, 126);
    const double exact = total / subsets;
    VarianceLabOptions o;
    o.estimators = {LabEstimator::UniformWorFpc};
    o.grid = {t};
    o.repetitions = 2;
    const VarianceLabResult r = runVarianceLab(c.row, c.x, c.l1, 1.0, o);
    const double predicted = r.curves.front().points.front().predictedVariance;
    QVERIFY2(std::abs(predicted - exact) <= 1e-10 * exact,
             qPrintable(QString("%1 vs %2").arg(predicted).arg(exact)));
}

void TestVarianceLab::importanceBeatsUniformOnHighVariance()
{
    // §15.5 on the lab: the high-variance family's spiky columns make uniform sampling's MSE far
    // larger than Gumbel-top-k importance sampling's at every sample size.
    SyntheticSpec spec;
    spec.family = SyntheticFamily::HighVariance;
    spec.n = 10;
    spec.d = 100;
    const Dataset ds = generateSynthetic(spec);
    const Eigen::VectorXd row = ds.head.weight.row(0).cast<double>().transpose();
    const Eigen::VectorXd x = ds.queries.row(0).cast<double>().transpose();
    const Eigen::VectorXd l1 = ds.head.weight.cast<double>().cwiseAbs().colwise().sum().transpose();
    VarianceLabOptions o;
    o.estimators = {LabEstimator::UniformWr, LabEstimator::IsWorHt};
    o.weightings = {ImportanceWeights::Both};
    o.grid = {5, 20, 50, 90};
    o.repetitions = 500;
    const VarianceLabResult r = runVarianceLab(row, x, l1, 1.0, o);
    const auto* uniform = find(r, LabEstimator::UniformWr, ImportanceWeights::None);
    const auto* is = find(r, LabEstimator::IsWorHt, ImportanceWeights::Both);
    QVERIFY(uniform && is);
    for (std::size_t g = 0; g < o.grid.size(); ++g)
        QVERIFY2(
            is->points[g].mse < uniform->points[g].mse,
            qPrintable(
                QString("t=%1: %2 vs %3").arg(o.grid[g]).arg(is->points[g].mse).arg(uniform->points[g].mse)));
}

void TestVarianceLab::threadCountDoesNotChangeTheBits()
{
    const Case c = heavyTailed(150, true, 8);
    VarianceLabOptions o;
    o.repetitions = 50;
    o.threads = 1;
    const VarianceLabResult a = runVarianceLab(c.row, c.x, c.l1, 0.5, o);
    o.threads = 2;
    const VarianceLabResult b = runVarianceLab(c.row, c.x, c.l1, 0.5, o);
    QCOMPARE(a.curves.size(), b.curves.size());
    for (std::size_t i = 0; i < a.curves.size(); ++i)
        for (std::size_t g = 0; g < a.curves[i].points.size(); ++g) {
            const auto &p = a.curves[i].points[g], &q = b.curves[i].points[g];
            QVERIFY(std::memcmp(&p.mse, &q.mse, sizeof(double)) == 0);
            QVERIFY(std::memcmp(&p.varianceEstimateMean, &q.varianceEstimateMean, sizeof(double)) == 0);
        }
    QVERIFY(!a.pairs.counts.empty());
    QVERIFY(!a.secondOrderTerm.counts.empty());
    QCOMPARE(a.pairs.counts, b.pairs.counts);
}

// §9's histogram of sampled (A_ij, x_j) pairs: its edges are the sampled extremes, so the first and the
// last bin of each axis hold a pair; a query whose x_j are all equal puts every pair in the middle row
// of a range around that value (the view needs an axis with a width).
void TestVarianceLab::pairHistogramSpansItsPairs()
{
    const Case c = heavyTailed(150, true, 8);
    VarianceLabOptions o;
    o.repetitions = 50;
    for (const bool constantQuery : {false, true}) {
        const Eigen::VectorXd x = constantQuery ? Eigen::VectorXd::Constant(c.x.size(), 0.75) : c.x;
        const Histogram2D h = runVarianceLab(c.row, x, c.l1, 0.5, o).pairs;
        QCOMPARE(h.bins, 40);
        QCOMPARE(h.counts.size(), std::size_t(40 * 40));
        QVERIFY(h.xMax > h.xMin && h.yMax > h.yMin);
        QVERIFY(h.xMin >= c.row.minCoeff() && h.xMax <= c.row.maxCoeff());
        auto count = [&h](int xBin, int yBin) { return h.counts[std::size_t(yBin * h.bins + xBin)]; };
        double total = 0.0, firstColumn = 0.0, lastColumn = 0.0, firstRow = 0.0, lastRow = 0.0,
               middleRow = 0.0;
        for (int y = 0; y < h.bins; ++y)
            for (int xBin = 0; xBin < h.bins; ++xBin) {
                total += count(xBin, y);
                firstColumn += xBin == 0 ? count(xBin, y) : 0.0;
                lastColumn += xBin == h.bins - 1 ? count(xBin, y) : 0.0;
                firstRow += y == 0 ? count(xBin, y) : 0.0;
                lastRow += y == h.bins - 1 ? count(xBin, y) : 0.0;
                middleRow += y == h.bins / 2 ? count(xBin, y) : 0.0;
            }
        QVERIFY(total > 1000.0 && total <= 20000.0); // 400 repetitions or more; at most 20 000 pairs kept
        QVERIFY(firstColumn > 0.0 && lastColumn > 0.0);
        if (constantQuery) {
            QCOMPARE(h.yMin, 0.25);
            QCOMPARE(h.yMax, 1.25);
            QCOMPARE(middleRow, total);
        } else {
            QVERIFY(firstRow > 0.0 && lastRow > 0.0);
        }
    }
}

void TestVarianceLab::badInputsAreRefused()
{
    const Case c = heavyTailed(20, false, 1);
    VarianceLabOptions o;
    o.grid = {21};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)runVarianceLab(c.row, c.x, c.l1, 1.0, o));
    o.grid = {5};
    o.repetitions = 1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)runVarianceLab(c.row, c.x, c.l1, 1.0, o));
    Eigen::VectorXd bad = c.x;
    bad[2] = std::nan("");
    o.repetitions = 10;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)runVarianceLab(c.row, bad, c.l1, 1.0, o));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)parseLabEstimator("gumbel"));
}

QTEST_APPLESS_MAIN(TestVarianceLab)
#include "tst_variancelab.moc"
