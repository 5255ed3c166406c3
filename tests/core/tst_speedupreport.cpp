// The speedup report's pieces: Clopper–Pearson against known values, the hierarchical softmax tree
// with exact node probabilities against the flat softmax, SVD-softmax at full width against exact
// softmax inside the report, the summary recomputed from the per-query records, and reproducibility.
#include "core/ClopperPearson.h"
#include "core/ExactSoftmax.h"
#include "core/HierarchicalSoftmax.h"
#include "core/Rng.h"
#include "core/SpeedupReport.h"
#include "datasets/SyntheticDatasets.h"

#include <QtTest>

#include <cmath>

using namespace ada;

namespace {

Dataset noisy(int n, int d, int m, std::uint64_t seed = 3)
{
    SyntheticSpec spec;
    spec.family = SyntheticFamily::Noisy;
    spec.n = n;
    spec.d = d;
    spec.m = m;
    spec.seed = seed;
    return generateSynthetic(spec);
}

// A small report: one δ, few queries, every baseline.
SpeedupReportOptions smallOptions()
{
    SpeedupReportOptions o;
    o.deltas = {0.1};
    o.tune = 10;
    o.seed = 7;
    return o;
}

} // namespace

class TestSpeedupReport : public QObject {
    Q_OBJECT

private slots:
    void clopperPearsonKnownValues_data();
    void clopperPearsonKnownValues();
    void clopperPearsonRefusesBadCounts();
    void hsmWithExactNodesIsTheFlatSoftmax();
    void hsmTreeIsBalanced();
    void hsmFitFindsClearWinners();
    void svdAtFullWidthIsExactInTheReport();
    void rowsAgreeWithTheirQueries();
    void sameSeedSameReport();
    void cancelStopsEarly();
    void refusesBadOptions();
    void markdownMarksMisses();
};

void TestSpeedupReport::clopperPearsonKnownValues_data()
{
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    // Reference values: R's binom.test(x, n)$conf.int (exact beta quantiles).
    QTest::newRow("0/10") << 0 << 10 << 0.0 << 0.3084971;
    QTest::newRow("5/10") << 5 << 10 << 0.1870860 << 0.8129140;
    QTest::newRow("10/10") << 10 << 10 << 0.6915029 << 1.0;
    QTest::newRow("93/100") << 93 << 100 << 0.8610803 << 0.9713947;
    QTest::newRow("1/1") << 1 << 1 << 0.025 << 1.0;
    QTest::newRow("800/800") << 800 << 800 << 0.9953995 << 1.0;
}

void TestSpeedupReport::clopperPearsonKnownValues()
{
    QFETCH(int, x);
    QFETCH(int, n);
    QFETCH(double, lo);
    QFETCH(double, hi);
    const auto [l, h] = clopperPearson(x, n, 0.95);
    QVERIFY2(std::abs(l - lo) < 1e-6, qPrintable(QString::number(l, 'g', 10)));
    QVERIFY2(std::abs(h - hi) < 1e-6, qPrintable(QString::number(h, 'g', 10)));
}

void TestSpeedupReport::clopperPearsonRefusesBadCounts()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)clopperPearson(3, 2));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)clopperPearson(0, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)clopperPearson(1, 2, 1.0));
}

void TestSpeedupReport::hsmWithExactNodesIsTheFlatSoftmax()
{
    for (int n : {2, 3, 7, 16, 37}) {
        const Dataset data = noisy(n, 20, 4, std::uint64_t(n));
        const HierarchicalSoftmax tree(data.head, 1);
        QCOMPARE(tree.internalNodes(), n - 1);
        for (int q = 0; q < 4; ++q) {
            const Eigen::VectorXd logits = exactLogits(data.head, data.queries.row(q).transpose(), 3.0);
            const Eigen::VectorXd flat = softmaxThreePass(logits);
            const Eigen::VectorXd viaTree = tree.leafProbabilities(tree.exactLeftProbabilities(logits));
            QVERIFY2((flat - viaTree).cwiseAbs().maxCoeff() < 1e-12, qPrintable(QString::number(n)));
        }
    }
}

void TestSpeedupReport::hsmTreeIsBalanced()
{
    const Dataset data = noisy(100, 16, 1);
    const HierarchicalSoftmax tree(data.head, 5);
    QCOMPARE(tree.depth(), 7); // ⌈log2 100⌉
    // Unfitted nodes split 50/50, so a greedy descent costs d per level.
    const auto out = tree.run(data.queries.row(0).transpose(), 1);
    QVERIFY(out.multiplications >= 6 * 16 && out.multiplications <= 7 * 16);
}

void TestSpeedupReport::hsmFitFindsClearWinners()
{
    // Queries that point at one row each: the fitted tree should find most winners.
    SyntheticSpec spec;
    spec.family = SyntheticFamily::RandomMu;
    spec.n = 8;
    spec.d = 40;
    spec.m = 1;
    Dataset data = generateSynthetic(spec);
    const int m = 200;
    data.queries.resize(m, 40);
    Rng rng(3);
    std::vector<int> fitQueries;
    for (int q = 0; q < m; ++q) {
        const int target = q % 8;
        for (int j = 0; j < 40; ++j)
            data.queries(q, j) = float(20.0 * data.head.weight(target, j) + 0.05 * rng.normal());
        if (q < 150)
            fitQueries.push_back(q);
    }
    HierarchicalSoftmax tree(data.head, 1);
    QVERIFY(tree.fit(data.head, data.queries, fitQueries, 1.0));
    int hits = 0;
    for (int q = 150; q < m; ++q) {
        const Eigen::VectorXd logits = exactLogits(data.head, data.queries.row(q).transpose(), 1.0);
        hits += tree.run(data.queries.row(q).transpose(), 1).topK.front() == topKIndices(logits, 1).front();
    }
    QVERIFY2(hits >= 40, qPrintable(QString::number(hits)));
}

void TestSpeedupReport::svdAtFullWidthIsExactInTheReport()
{
    const Dataset data = noisy(30, 12, 16); // n ≥ d: rank r = d
    SpeedupReportOptions o = smallOptions();
    o.hsm = false;
    o.svdSweep = {{12, 30}}; // W = d, N = n
    const SpeedupReport report = runSpeedupReport(data, o);
    const ReportRow* exact = nullptr;
    const ReportRow* svd = nullptr;
    for (const ReportRow& row : report.rows) {
        if (row.method == "exact")
            exact = &row;
        if (row.method == "svd")
            svd = &row;
    }
    QVERIFY(exact && svd);
    QCOMPARE(svd->perQuery.size(), exact->perQuery.size());
    for (std::size_t i = 0; i < svd->perQuery.size(); ++i) {
        QCOMPARE(svd->perQuery[i].topK, exact->perQuery[i].topK);
        QVERIFY(std::abs(svd->perQuery[i].probabilities[0] - exact->perQuery[i].probabilities[0]) < 1e-9);
        QVERIFY(svd->perQuery[i].success);
    }
    QCOMPARE(svd->successRate, 1.0);
    QCOMPARE(exact->successRate, 1.0);
}

void TestSpeedupReport::rowsAgreeWithTheirQueries()
{
    const Dataset data = noisy(40, 300, 30);
    SpeedupReportOptions o = smallOptions();
    o.deltas = {0.1, 0.05};
    const SpeedupReport report = runSpeedupReport(data, o);
    QVERIFY(!report.cancelled);
    QCOMPARE(int(report.tuneQueries.size()), 10);
    QCOMPARE(int(report.testQueries.size()), 20);
    QStringList methods;
    for (const ReportRow& row : report.rows)
        methods << QString::fromStdString(row.method);
    QCOMPARE(methods.mid(0, 3), (QStringList{"adaptive", "adaptive", "exact"}));
    QVERIFY(methods.contains("svd"));
    QCOMPARE(methods.last(), QStringLiteral("hsm"));
    for (const ReportRow& row : report.rows) {
        QCOMPARE(row.testQueries, 20);
        double inverse = 0.0, inverseD = 0.0, method = 0.0, exact = 0.0;
        int successes = 0;
        for (const ReportQuery& q : row.perQuery) {
            inverse += double(q.cost) / double(q.exactCost);
            inverseD += double(q.cost) / double(q.fullCost);
            method += q.seconds;
            exact += q.exactSeconds;
            successes += q.success;
            if (row.method == "adaptive") {
                std::int64_t phases = 0;
                for (auto p : q.phasePulls)
                    phases += p;
                QCOMPARE(phases, q.cost);
            }
        }
        QVERIFY(std::abs(row.sampleSpeedup - 20.0 / inverse) < 1e-9 * row.sampleSpeedup);
        QVERIFY(std::abs(row.sampleSpeedupD - 20.0 / inverseD) < 1e-9 * row.sampleSpeedupD);
        QVERIFY(std::abs(row.timeSpeedup - exact / method) < 1e-9 * row.timeSpeedup);
        QCOMPARE(row.successes, successes);
        const auto ci = clopperPearson(successes, 20);
        QCOMPARE(row.successCi, ci);
        QVERIFY(row.successCi.first <= row.successRate && row.successRate <= row.successCi.second);
    }
    QCOMPARE(report.rows[2].sampleSpeedup, 1.0); // exact costs n·D by definition
    QCOMPARE(report.rows[2].timeSpeedup, 1.0);
    QVERIFY(report.rows[0].sampleSpeedup > 1.0);
}

void TestSpeedupReport::sameSeedSameReport()
{
    const Dataset data = noisy(30, 200, 24);
    const SpeedupReport a = runSpeedupReport(data, smallOptions());
    const SpeedupReport b = runSpeedupReport(data, smallOptions());
    QCOMPARE(a.rows.size(), b.rows.size());
    QCOMPARE(a.testQueries, b.testQueries);
    for (std::size_t r = 0; r < a.rows.size(); ++r) {
        QCOMPARE(a.rows[r].params.size(), b.rows[r].params.size());
        for (std::size_t p = 0; p < a.rows[r].params.size(); ++p)
            if (a.rows[r].params[p].first.find("seconds") == std::string::npos)
                QCOMPARE(a.rows[r].params[p], b.rows[r].params[p]);
        QCOMPARE(a.rows[r].sampleSpeedup, b.rows[r].sampleSpeedup);
        QCOMPARE(a.rows[r].successes, b.rows[r].successes);
        for (std::size_t q = 0; q < a.rows[r].perQuery.size(); ++q) {
            QCOMPARE(a.rows[r].perQuery[q].cost, b.rows[r].perQuery[q].cost);
            QCOMPARE(a.rows[r].perQuery[q].probabilities, b.rows[r].perQuery[q].probabilities);
        }
    }
    SpeedupReportOptions other = smallOptions();
    other.seed = 8;
    QVERIFY(runSpeedupReport(data, other).testQueries != a.testQueries);
}

void TestSpeedupReport::cancelStopsEarly()
{
    const Dataset data = noisy(30, 200, 24);
    int calls = 0;
    const SpeedupReport report
        = runSpeedupReport(data, smallOptions(), [&](int, int, std::string_view) { return ++calls < 5; });
    QVERIFY(report.cancelled);
    QVERIFY(report.rows.empty());
    QCOMPARE(calls, 5);
}

void TestSpeedupReport::refusesBadOptions()
{
    const Dataset data = noisy(10, 50, 6);
    SpeedupReportOptions o = smallOptions();
    o.tune = 6;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)runSpeedupReport(data, o));
    o = smallOptions();
    o.deltas = {0.1, 1.5};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)runSpeedupReport(data, o));
    o = smallOptions();
    o.deltas.clear();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)runSpeedupReport(data, o));
}

void TestSpeedupReport::markdownMarksMisses()
{
    SpeedupReport report;
    report.dataset = "test";
    report.deltas = {0.1};
    ReportRow good;
    good.method = "adaptive";
    good.delta = 0.1;
    good.successRate = 0.95;
    ReportRow bad = good;
    bad.successRate = 0.8;
    report.rows = {good, bad};
    const QString md = QString::fromStdString(formatReportMarkdown(report));
    QVERIFY(md.contains(QStringLiteral("| yes |")));
    QVERIFY(md.contains(QStringLiteral("**80.0 %")));
    QVERIFY(md.contains(QStringLiteral("**NO** ✗")));
    const QString csv = QString::fromStdString(formatReportCsv(report));
    QCOMPARE(csv.count(u'\n'), 3);
    QVERIFY(csv.startsWith(QStringLiteral("method,delta,params,sample_speedup,")));
}

QTEST_APPLESS_MAIN(TestSpeedupReport)
#include "tst_speedupreport.moc"
