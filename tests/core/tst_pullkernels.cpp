// The fast pull path (issue 7) against the straightforward one: the same head, query, config and
// seed give the same bits — every sampler, k = 1 and k > 1, with bias, with excluded arms, observed
// or not — and the lazily materialised column order equals the eager one prefix by prefix.
#include "core/AdaptiveSoftmax.h"
#include "core/ColumnOrder.h"
#include "core/Rng.h"
#include "datasets/SyntheticDatasets.h"

#include <QtTest>

#include <cstring>

using namespace ada;

namespace {

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Every field of a result, bit for bit; the name of the first field that differs, or empty.
QString firstDifference(const Result& a, const Result& b)
{
    if (a.topK != b.topK)
        return "topK";
    if (a.logits.size() != b.logits.size() || a.probabilities.size() != b.probabilities.size())
        return "sizes";
    for (std::size_t i = 0; i < a.logits.size(); ++i)
        if (!sameBits(a.logits[i], b.logits[i]) || !sameBits(a.probabilities[i], b.probabilities[i]))
            return QString("logit/probability %1").arg(i);
    if (!sameBits(a.logPartition, b.logPartition))
        return "logPartition";
    if (a.pullsPerArm != b.pullsPerArm)
        return "pullsPerArm";
    if (a.totalPulls != b.totalPulls || a.phasePulls != b.phasePulls)
        return "pulls";
    if (a.eliminationRounds != b.eliminationRounds)
        return "eliminationRounds";
    return {};
}

// Counts events and lets the run go on: an observed run computes every intermediate estimate.
class CountingObserver : public RunObserver {
public:
    bool onEvent(const RunEvent&) override
    {
        ++events;
        return true;
    }
    int events = 0;
};

Dataset llmLike()
{
    return generateSynthetic(parseSyntheticSpec("synthetic:llm-like?n=3000&d=256&m=4&seed=3"));
}

Dataset withBias(Dataset data)
{
    Rng rng(9);
    data.head.bias.resize(data.head.arms());
    for (Eigen::Index i = 0; i < data.head.arms(); ++i)
        data.head.bias[i] = float(0.5 * rng.normal());
    return data;
}

} // namespace

class TestPullKernels : public QObject {
    Q_OBJECT

private slots:
    void fastEqualsStraightforward_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("bias");
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("fudge");
        QTest::newRow("llm-like k=1") << "llm-like" << false << 1 << 1.0;
        QTest::newRow("llm-like k=1 tuned fudge") << "llm-like" << false << 1 << 0.05;
        QTest::newRow("llm-like k=3 bias") << "llm-like" << true << 3 << 0.3;
        QTest::newRow("noisy") << "synthetic:noisy?n=40&d=3000&m=3&seed=2" << false << 1 << 1.0;
        QTest::newRow("random-mu k=2") << "synthetic:random-mu?n=60&d=2000&m=3&seed=4" << false << 2 << 0.5;
        QTest::newRow("high-variance") << "synthetic:high-variance?n=20&d=500&m=2&seed=1" << true << 1 << 1.0;
    }
    void fastEqualsStraightforward()
    {
        QFETCH(QString, spec);
        QFETCH(bool, bias);
        QFETCH(int, k);
        QFETCH(double, fudge);
        Dataset data
            = spec == "llm-like" ? llmLike() : generateSynthetic(parseSyntheticSpec(spec.toStdString()));
        if (bias)
            data = withBias(std::move(data));
        const std::vector<int> excluded{1, 7, 8};
        for (Sampler sampler : kAllSamplers) {
            Config c = Config::forPreset(Preset::Paper);
            c.sampler = sampler;
            c.weights = c.importanceSampling() ? ImportanceWeights::Both : ImportanceWeights::None;
            c.k = k;
            c.fudge = {fudge, fudge * 0.1};
            const PreparedHead fast(data.head, c, PullKernels::Fast);
            const PreparedHead plain(data.head, c, PullKernels::Straightforward);
            QCOMPARE(fast.columnMajor() != nullptr, data.head.arms() >= 64); // no copy for a few arms
            QVERIFY(plain.columnMajor() == nullptr);
            for (Eigen::Index q = 0; q < data.queryCount(); ++q) {
                c.seed = 100 + std::uint64_t(q);
                const Eigen::VectorXf x = data.queries.row(q).transpose();
                const std::span<const int> masked
                    = q % 2 == 1 ? std::span<const int>(excluded) : std::span<const int>{};
                const Result a = runAdaptiveSoftmax(fast, x, c, nullptr, masked);
                const Result b = runAdaptiveSoftmax(plain, x, c, nullptr, masked);
                const QString where
                    = QString("%1, query %2").arg(QString::fromUtf8(toString(sampler))).arg(q);
                QVERIFY2(firstDifference(a, b).isEmpty(), qPrintable(where + ": " + firstDifference(a, b)));
                QVERIFY2(a.bytesRead > 0 && b.bytesRead > 0, qPrintable(where));
                // Observed, the fast path computes the estimates it skips otherwise: same bits.
                CountingObserver observer;
                const Result o = runAdaptiveSoftmax(fast, x, c, &observer, masked);
                QVERIFY(observer.events > 0);
                QVERIFY2(firstDifference(a, o).isEmpty(),
                         qPrintable(where + " (observed): " + firstDifference(a, o)));
            }
        }
    }

    // The lazy order equals the eager one at every prefix, for every sampler.
    void lazyOrderIsTheEagerPrefix()
    {
        const Dataset data = llmLike();
        for (Sampler sampler : kAllSamplers) {
            Config c = Config::forPreset(Preset::Paper);
            c.sampler = sampler;
            c.weights = c.importanceSampling() ? ImportanceWeights::Both : ImportanceWeights::None;
            const PreparedHead prepared(data.head, c);
            const Eigen::VectorXd x = data.queries.row(0).transpose().cast<double>();
            Rng r1(5), r2(5);
            SamplingPlan eager = makeSamplingPlan(prepared, x, c, r1, false);
            SamplingPlan lazy = makeSamplingPlan(prepared, x, c, r2, true);
            const std::int64_t D = eager.effectiveDim;
            QCOMPARE(eager.prefix(), D);
            QVERIFY(lazy.prefix() < D);
            for (std::int64_t want : {1, 17, 70, 200, 256}) {
                lazy.extendTo(want);
                QVERIFY(lazy.prefix() >= std::min(want, D));
                for (std::int64_t s = 0; s < lazy.prefix(); ++s) {
                    QCOMPARE(lazy.column(s), eager.column(s));
                    if (sampler == Sampler::ImportanceWithoutReplacement)
                        QVERIFY(sameBits(lazy.threshold(s), eager.threshold(s)));
                    if (sampler == Sampler::ImportanceWithoutReplacementDesRaj)
                        QVERIFY(sameBits(lazy.desRajFactor(s), eager.desRajFactor(s)));
                }
            }
        }
    }

    // The cost model counts what the fast path reads: at least the pulled elements' lines, at most a
    // few passes over A per query on this small head.
    void bytesReadIsPlausible()
    {
        const Dataset data = llmLike();
        const Config c = Config::forPreset(Preset::Paper);
        const PreparedHead prepared(data.head, c);
        const Result r = runAdaptiveSoftmax(prepared, data.queries.row(0).transpose(), c);
        const double matrixBytes = 4.0 * double(data.head.arms()) * double(data.head.dim());
        QVERIFY(r.bytesRead >= 4 * r.totalPulls / 2);
        QVERIFY(double(r.bytesRead) < 8.0 * matrixBytes);
    }
};

QTEST_APPLESS_MAIN(TestPullKernels)
#include "tst_pullkernels.moc"
