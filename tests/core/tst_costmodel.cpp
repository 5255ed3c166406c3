// The cost model's cache-line floor (core/CostModel.h, issue 7) against a brute-force oracle that
// tries every split depth h of every 16-arm group with sets, on real runs of every sampler; and the
// floor's sandwich: at least pulls × 4 bytes (a line holds 16 floats), at most the column-major cost.
#include "core/AdaptiveSoftmax.h"
#include "core/ColumnOrder.h"
#include "core/CostModel.h"
#include "core/Rng.h"
#include "datasets/SyntheticDatasets.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

using namespace ada;

namespace {

bool withReplacement(Sampler s)
{
    return s == Sampler::UniformWithReplacement || s == Sampler::ImportanceWithReplacement;
}

// The floor by its definition: for each group of 16 arms and each h, the distinct columns drawn
// below h, plus for each arm the lines (column / 16) of the columns first drawn in [h, t_i).
std::int64_t bruteForceFloor(const PreparedHead& prepared, const Eigen::VectorXf& query, const Config& config,
                             const Result& result)
{
    Rng rng(config.seed);
    const SamplingPlan plan = makeSamplingPlan(prepared, prepared.transformQuery(query), config, rng, false);
    const std::int64_t D = plan.effectiveDim;
    const auto d = static_cast<std::int64_t>(prepared.weight().cols());
    std::set<std::int64_t> positiveLines;
    for (std::int64_t j = 0; j < d; ++j) {
        const auto u = static_cast<std::size_t>(j);
        const bool positive = !plan.logWeight.empty() ? std::isfinite(plan.logWeight[u])
            : !plan.drawProbability.empty()           ? plan.drawProbability[u] > 0.0
                                                      : true;
        if (positive)
            positiveLines.insert(j / 16);
    }
    std::int64_t total = 0;
    const auto& depths = result.pullsPerArm;
    for (std::size_t from = 0; from < depths.size(); from += 16) {
        std::vector<std::int64_t> group;
        for (std::size_t i = from; i < std::min(depths.size(), from + 16); ++i) {
            const std::int64_t t = std::min(depths[i], D);
            if (withReplacement(config.sampler) && t >= D)
                total += static_cast<std::int64_t>(positiveLines.size());
            else if (t > 0)
                group.push_back(t);
        }
        if (group.empty())
            continue;
        const std::int64_t deepest = *std::max_element(group.begin(), group.end());
        std::int64_t best = std::numeric_limits<std::int64_t>::max();
        for (std::int64_t h = 0; h <= deepest; ++h) {
            std::set<int> below;
            for (std::int64_t s = 0; s < h; ++s)
                below.insert(plan.column(s));
            std::int64_t lines = static_cast<std::int64_t>(below.size());
            for (std::int64_t t : group) {
                std::set<int> rowLines;
                for (std::int64_t s = h; s < t; ++s)
                    if (!below.count(plan.column(s)))
                        rowLines.insert(plan.column(s) / 16);
                lines += static_cast<std::int64_t>(rowLines.size());
            }
            best = std::min(best, lines);
        }
        total += best;
    }
    return 64 * total;
}

} // namespace

class TestCostModel : public QObject {
    Q_OBJECT

private slots:
    void floorMatchesTheBruteForceOracle_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<double>("fudge");
        QTest::newRow("llm-like") << "synthetic:llm-like?n=200&d=96&m=3&seed=5" << 0.2;
        QTest::newRow("llm-like, loose") << "synthetic:llm-like?n=150&d=80&m=2&seed=6" << 1.0;
        QTest::newRow("noisy") << "synthetic:noisy?n=40&d=120&m=2&seed=2" << 1.0;
    }
    void floorMatchesTheBruteForceOracle()
    {
        QFETCH(QString, spec);
        QFETCH(double, fudge);
        const Dataset data = generateSynthetic(parseSyntheticSpec(spec.toStdString()));
        for (Sampler sampler : kAllSamplers) {
            Config c = Config::forPreset(Preset::Paper);
            c.sampler = sampler;
            c.weights = c.importanceSampling() ? ImportanceWeights::Both : ImportanceWeights::None;
            c.fudge = {fudge, fudge * 0.1};
            const PreparedHead prepared(data.head, c);
            for (Eigen::Index q = 0; q < data.queryCount(); ++q) {
                c.seed = 7 + std::uint64_t(q);
                const Eigen::VectorXf x = data.queries.row(q).transpose();
                const Result r = runAdaptiveSoftmax(prepared, x, c);
                const std::int64_t floor = lineFloorBytes(prepared, x, c, r);
                const QString where
                    = QString("%1, query %2").arg(QString::fromUtf8(toString(sampler))).arg(q);
                QCOMPARE(floor, bruteForceFloor(prepared, x, c, r));
                // A line holds 16 floats, so distinct sampled pairs need pulls × 4 bytes at least;
                // reading whole columns of every group costs at most 64 bytes per column and group.
                if (!withReplacement(sampler))
                    QVERIFY2(floor >= 4 * r.totalPulls, qPrintable(where));
                const std::int64_t groups = (r.arms + 15) / 16;
                QVERIFY2(floor <= 64 * groups * std::max<std::int64_t>(r.effectiveDim, 1) + 64 * groups * 16,
                         qPrintable(where));
                QVERIFY2(floor > 0, qPrintable(where));
            }
        }
    }

    // Hand-made depths: one group of 16 arms over d = 64 with a uniform order. All arms at depth t
    // read t column lines (h = t); one arm alone at depth 64 reads its 4 row lines (h = 0).
    void handMadeDepths()
    {
        const Dataset data = generateSynthetic(parseSyntheticSpec("synthetic:noisy?n=16&d=64&m=1&seed=1"));
        Config c = Config::forPreset(Preset::Theory);
        c.sampler = Sampler::UniformWithoutReplacement;
        c.weights = ImportanceWeights::None;
        const PreparedHead prepared(data.head, c);
        const Eigen::VectorXf x = data.queries.row(0).transpose();
        Result r;
        r.arms = 16;
        r.pullsPerArm.assign(16, 10);
        QCOMPARE(lineFloorBytes(prepared, x, c, r), std::int64_t(64 * 10));
        r.pullsPerArm.assign(16, 0);
        r.pullsPerArm[3] = 64;
        QCOMPARE(lineFloorBytes(prepared, x, c, r), std::int64_t(64 * 4));
        r.pullsPerArm.assign(16, 0);
        QCOMPARE(lineFloorBytes(prepared, x, c, r), std::int64_t(0));
    }
};

QTEST_APPLESS_MAIN(TestCostModel)
#include "tst_costmodel.moc"
