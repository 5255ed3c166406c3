// The synthetic families of ALGORITHM.md §8.1: determinism, shapes, the statistical properties the
// algorithm's noise bounds rely on, and the spec grammar with its error messages.
#include "core/Rng.h"
#include "datasets/DatasetError.h"
#include "datasets/SyntheticDatasets.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <numbers>

using namespace ada;

namespace {

bool sameBytes(const RowMatrixF& a, const RowMatrixF& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<std::size_t>(a.size())) == 0;
}

struct Moments {
    double mean = 0.0;
    double variance = 0.0;
};

// Mean and variance of the uniform pulls d·A_ij·x_j of one arm (the estimator's per-pull samples).
Moments pullMoments(const Dataset& ds, Eigen::Index arm, Eigen::Index query)
{
    const auto d = ds.head.dim();
    double sum = 0.0, sum2 = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) {
        const double pull = double(d) * ds.head.weight(arm, j) * ds.queries(query, j);
        sum += pull;
        sum2 += pull * pull;
    }
    const double mean = sum / double(d);
    return {mean, sum2 / double(d) - mean * mean};
}

double logit(const Dataset& ds, Eigen::Index arm, Eigen::Index query)
{
    double s = 0.0;
    for (Eigen::Index j = 0; j < ds.head.dim(); ++j)
        s += double(ds.head.weight(arm, j)) * ds.queries(query, j);
    return s;
}

} // namespace

class TestSynthetic : public QObject {
    Q_OBJECT

private slots:
    void determinism_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("sanity") << "synthetic:sanity?n=7&d=33&m=2&seed=5";
        QTest::newRow("noisy") << "synthetic:noisy?n=7&d=33&m=3&seed=5";
        QTest::newRow("random-mu") << "synthetic:random-mu?n=7&d=33&m=3&seed=5";
        QTest::newRow("high-variance") << "synthetic:high-variance?n=7&d=33&m=2&seed=5&peaks=3";
    }
    void determinism()
    {
        QFETCH(QString, spec);
        const auto s = parseSyntheticSpec(spec.toStdString());
        const Dataset a = generateSynthetic(s);
        const Dataset b = generateSynthetic(s);
        QVERIFY(sameBytes(a.head.weight, b.head.weight));
        QVERIFY(sameBytes(a.queries, b.queries));

        auto other = s;
        other.seed = s.seed + 1;
        const Dataset c = generateSynthetic(other);
        QVERIFY(!sameBytes(a.head.weight, c.head.weight));
        QCOMPARE(c.name, formatSyntheticSpec(other));
    }

    void shapes_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("d");
        QTest::addColumn<int>("m");
        QTest::addColumn<double>("noiseBound"); // < 0: none
        QTest::addColumn<QString>("canonical");
        QTest::newRow("sanity defaults")
            << "synthetic:sanity" << 100 << 1000 << 1 << 0.1 << "synthetic:sanity?n=100&d=1000&m=1&seed=0";
        QTest::newRow("noisy") << "synthetic:noisy?d=50&n=3&m=4" << 3 << 50 << 4 << 1.0
                               << "synthetic:noisy?n=3&d=50&m=4&seed=0";
        QTest::newRow("random-mu") << "synthetic:random-mu?n=2&d=1&seed=9" << 2 << 1 << 1 << -1.0
                                   << "synthetic:random-mu?n=2&d=1&m=1&seed=9";
        QTest::newRow("high-variance") << "synthetic:high-variance?n=4&d=6&m=2" << 4 << 6 << 2 << -1.0
                                       << "synthetic:high-variance?n=4&d=6&m=2&seed=0&peaks=2";
    }
    void shapes()
    {
        QFETCH(QString, spec);
        QFETCH(int, n);
        QFETCH(int, d);
        QFETCH(int, m);
        QFETCH(double, noiseBound);
        QFETCH(QString, canonical);
        const Dataset ds = generateSynthetic(parseSyntheticSpec(spec.toStdString()));
        QCOMPARE(ds.head.arms(), n);
        QCOMPARE(ds.head.dim(), d);
        QCOMPARE(ds.queries.rows(), m);
        QCOMPARE(ds.queries.cols(), d);
        QVERIFY(!ds.head.hasBias());
        QCOMPARE(ds.head.temperature, 1.0);
        QCOMPARE(QString::fromStdString(ds.name), canonical);
        QCOMPARE(ds.noiseBound.has_value(), noiseBound >= 0);
        if (noiseBound >= 0)
            QCOMPARE(*ds.noiseBound, noiseBound);
        QVERIFY(!ds.description.empty());
        QVERIFY(ds.description.find('\n') == std::string::npos);
        ds.validate();
    }

    void noisyProperties()
    {
        const Dataset ds = generateSynthetic(parseSyntheticSpec("synthetic:noisy?n=50&d=20000&m=3&seed=11"));
        const auto n = ds.head.arms();
        const auto d = ds.head.dim();
        // μ_planted = Σ|A_0j| ≈ √(2/π) with sd √((1 − 2/π)/d) ≈ 0.004.
        QVERIFY2(std::abs(logit(ds, 0, 0) - std::sqrt(2.0 / std::numbers::pi)) < 0.03,
                 qPrintable(QString::number(logit(ds, 0, 0))));
        // Every other arm: pulls ~ N(0, 1), so the pooled pull variance is 1 (≈ 10⁶ samples).
        double sum2 = 0.0;
        for (Eigen::Index i = 1; i < n; ++i)
            for (Eigen::Index j = 0; j < d; ++j) {
                const double pull = double(d) * ds.head.weight(i, j) * ds.queries(0, j);
                sum2 += pull * pull;
            }
        const double variance = sum2 / double((n - 1) * d);
        QVERIFY2(std::abs(variance - 1.0) < 0.02, qPrintable(QString::number(variance)));
        QVERIFY(std::abs(logit(ds, 1, 0)) < 6.0 / std::sqrt(double(d))); // μ_i ~ N(0, 1/d)
        // The planted arm rotates with the query: query q is sign(A(q, :)).
        for (Eigen::Index q = 0; q < ds.queries.rows(); ++q)
            for (Eigen::Index j = 0; j < d; ++j)
                QCOMPARE(ds.queries(q, j), ds.head.weight(q, j) > 0 ? 1.0f : -1.0f);
        QVERIFY(std::abs(logit(ds, 2, 2) - std::sqrt(2.0 / std::numbers::pi)) < 0.03);
    }

    void sanityProperties()
    {
        const Dataset ds = generateSynthetic(parseSyntheticSpec("synthetic:sanity?n=30&d=20000&m=2&seed=4"));
        const auto n = ds.head.arms();
        QVERIFY(ds.queries.isOnes());
        // μ_0 = 1 + N(0, 1/(10d)); the others N(0, 1/(10d)): sd ≈ 0.0022.
        QVERIFY2(std::abs(logit(ds, 0, 0) - 1.0) < 0.02, qPrintable(QString::number(logit(ds, 0, 0))));
        double pooled = 0.0;
        for (Eigen::Index i = 0; i < n; ++i) {
            const Moments mom = pullMoments(ds, i, 1);
            QVERIFY(std::abs(mom.mean - (i == 0 ? 1.0 : 0.0)) < 0.02);
            pooled += mom.variance;
        }
        // Pulls d·A_ij have variance d²·(1/(√10·d))² = 0.1, the family's noise bound.
        pooled /= double(n);
        QVERIFY2(std::abs(pooled - 0.1) < 0.003, qPrintable(QString::number(pooled)));
    }

    void randomMuProperties()
    {
        const SyntheticSpec spec = parseSyntheticSpec("synthetic:random-mu?n=10&d=30000&m=3&seed=21");
        const Dataset ds = generateSynthetic(spec);
        // μ is the first n draws of the data's Rng (documented in SyntheticDatasets.h).
        Rng rng(spec.seed);
        for (Eigen::Index i = 0; i < ds.head.arms(); ++i) {
            const double mu = rng.uniform(0.0, 10.0);
            const double ax = logit(ds, i, 0);
            // A x0 = μ exactly in double before A was rounded to float; the rounding costs ~1e-7·|μ|.
            QVERIFY2(std::abs(ax - mu) < 1e-5 * std::max(1.0, mu),
                     qPrintable(QStringLiteral("arm %1: A·x0 = %2, mu = %3")
                                    .arg(i)
                                    .arg(ax, 0, 'g', 12)
                                    .arg(mu, 0, 'g', 12)));
        }
        for (Eigen::Index q = 0; q < ds.queries.rows(); ++q)
            for (Eigen::Index j = 0; j < ds.head.dim(); ++j) {
                QVERIFY(ds.queries(q, j) >= 0.94f);
                QVERIFY(ds.queries(q, j) <= 1.0f);
            }
        // Further queries are fresh draws, not copies of x0.
        QVERIFY(ds.queries.row(1) != ds.queries.row(0));
        QVERIFY(ds.queries.row(2) != ds.queries.row(1));
    }

    void highVarianceProperties_data()
    {
        QTest::addColumn<int>("peaks");
        QTest::newRow("default 2 peaks") << 2;
        QTest::newRow("5 peaks") << 5;
        QTest::newRow("no peaks") << 0;
    }
    void highVarianceProperties()
    {
        QFETCH(int, peaks);
        SyntheticSpec spec;
        spec.family = SyntheticFamily::HighVariance;
        spec.n = 40;
        spec.d = 5000;
        spec.m = 2;
        spec.seed = 3;
        spec.peaks = peaks;
        const Dataset ds = generateSynthetic(spec);
        const auto n = ds.head.arms();
        const auto d = ds.head.dim();
        int plus = 0;
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index j = 0; j < peaks; ++j) {
                QVERIFY(std::abs(ds.head.weight(i, j)) == 10.0f);
                plus += ds.head.weight(i, j) > 0;
            }
        if (peaks > 0) // Rademacher signs: both appear
            QVERIFY(plus > 0 && plus < n * peaks);
        double sum = 0.0, sum2 = 0.0;
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index j = peaks; j < d; ++j) {
                sum += ds.head.weight(i, j);
                sum2 += double(ds.head.weight(i, j)) * ds.head.weight(i, j);
            }
        const double count = double(n * (d - peaks));
        QVERIFY(std::abs(sum / count) < 0.02);
        QVERIFY(std::abs(sum2 / count - 1.0) < 0.03);
        for (Eigen::Index q = 0; q < ds.queries.rows(); ++q)
            for (Eigen::Index j = 0; j < d; ++j)
                QCOMPARE(ds.queries(q, j), j < peaks ? 10.0f : 1.0f);
    }

    void parseGood_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("d");
        QTest::addColumn<int>("m");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("peaks");
        QTest::newRow("defaults") << "synthetic:noisy" << int(SyntheticFamily::Noisy) << 100 << 1000 << 1
                                  << quint64(0) << 2;
        QTest::newRow("empty query") << "synthetic:sanity?" << int(SyntheticFamily::Sanity) << 100 << 1000
                                     << 1 << quint64(0) << 2;
        QTest::newRow("all keys, any order")
            << "synthetic:sanity?seed=9&m=2&d=7&n=5" << int(SyntheticFamily::Sanity) << 5 << 7 << 2
            << quint64(9) << 2;
        QTest::newRow("peaks") << "synthetic:high-variance?peaks=3&n=4" << int(SyntheticFamily::HighVariance)
                               << 4 << 1000 << 1 << quint64(0) << 3;
        QTest::newRow("largest seed")
            << "synthetic:random-mu?seed=18446744073709551615" << int(SyntheticFamily::RandomMu) << 100
            << 1000 << 1 << quint64(18446744073709551615ULL) << 2;
        QTest::newRow("stray ampersands")
            << "synthetic:noisy?&n=3&&d=2&" << int(SyntheticFamily::Noisy) << 3 << 2 << 1 << quint64(0) << 2;
    }
    void parseGood()
    {
        QFETCH(QString, text);
        QFETCH(int, family);
        QFETCH(int, n);
        QFETCH(int, d);
        QFETCH(int, m);
        QFETCH(quint64, seed);
        QFETCH(int, peaks);
        const SyntheticSpec s = parseSyntheticSpec(text.toStdString());
        QCOMPARE(int(s.family), family);
        QCOMPARE(s.n, n);
        QCOMPARE(s.d, d);
        QCOMPARE(s.m, m);
        QCOMPARE(quint64(s.seed), seed);
        QCOMPARE(s.peaks, peaks);
        // The canonical form parses back to the same spec.
        const std::string canonical = formatSyntheticSpec(s);
        const SyntheticSpec again = parseSyntheticSpec(canonical);
        QCOMPARE(formatSyntheticSpec(again), canonical);
        QCOMPARE(again.seed, s.seed);
    }

    void parseBad_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("no prefix") << "noisy?n=5"
                                   << "must start with 'synthetic:'";
        QTest::newRow("unknown family")
            << "synthetic:gaussian?n=5"
            << "unknown family 'gaussian' (accepted: sanity, noisy, random-mu, high-variance)";
        QTest::newRow("empty family") << "synthetic:"
                                      << "unknown family ''";
        QTest::newRow("unknown key") << "synthetic:noisy?x=3"
                                     << "unknown key 'x' for family noisy (accepted: n, d, m, seed)";
        QTest::newRow("peaks on noisy") << "synthetic:noisy?peaks=3"
                                        << "unknown key 'peaks'";
        QTest::newRow("no value") << "synthetic:noisy?n"
                                  << "expected key=value, got 'n'";
        QTest::newRow("not an integer") << "synthetic:noisy?n=abc"
                                        << "the value of n ('abc') is not an integer";
        QTest::newRow("trailing junk") << "synthetic:noisy?d=10x"
                                       << "the value of d ('10x') is not an integer";
        QTest::newRow("float") << "synthetic:noisy?n=1e3"
                               << "the value of n ('1e3') is not an integer";
        QTest::newRow("empty value") << "synthetic:noisy?m="
                                     << "the value of m ('') is not an integer";
        QTest::newRow("negative seed") << "synthetic:noisy?seed=-1"
                                       << "the value of seed ('-1') is not an integer";
        QTest::newRow("out of range") << "synthetic:noisy?n=99999999999"
                                      << "the value of n ('99999999999') is out of range";
        QTest::newRow("duplicate") << "synthetic:noisy?n=5&n=6"
                                   << "the key 'n' is given twice";
        QTest::newRow("n < 2") << "synthetic:sanity?n=1"
                               << "n must be at least 2, got 1";
        QTest::newRow("negative n") << "synthetic:sanity?n=-5"
                                    << "n must be at least 2, got -5";
        QTest::newRow("d < 1") << "synthetic:noisy?d=0"
                               << "d must be at least 1, got 0";
        QTest::newRow("m < 1") << "synthetic:noisy?m=0"
                               << "m must be at least 1, got 0";
        QTest::newRow("peaks > d") << "synthetic:high-variance?d=3&peaks=4"
                                   << "peaks must be between 0 and d = 3, got 4";
        QTest::newRow("too big")
            << "synthetic:noisy?n=100000&d=100000"
            << "n·d = 10000000000 elements (37.25 GiB in float32 with the queries) is more than "
               "the limit of 2^31 elements and 16 GiB";
        QTest::newRow("queries too big") << "synthetic:noisy?n=2&d=100000&m=30000"
                                         << "m·d = 3000000000 elements";
    }
    void parseBad()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        try {
            (void)parseSyntheticSpec(text.toStdString());
            QFAIL("no DatasetError");
        } catch (const DatasetError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(text) || text == "noisy?n=5", e.what());
        }
    }

    void generateChecksHandBuiltSpecs()
    {
        SyntheticSpec spec;
        spec.n = 1;
        QVERIFY_THROWS_EXCEPTION(DatasetError, (void)generateSynthetic(spec));
        spec.n = 3;
        spec.d = 1 << 30;
        spec.m = 1;
        try {
            (void)generateSynthetic(spec);
            QFAIL("no DatasetError");
        } catch (const DatasetError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("elements"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestSynthetic)
#include "tst_synthetic.moc"
