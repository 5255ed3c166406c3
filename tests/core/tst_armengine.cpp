// The arm-pull engine (ALGORITHM.md §3): exactness at full depth, the pull schedule, unbiasedness
// and variance calibration of every estimator, importance sampling against uniform, and the RHT.
#include "core/AdaptiveSoftmax.h"
#include "core/ArmEngine.h"
#include "core/BestArms.h"
#include "core/ColumnOrder.h"
#include "core/ExactSoftmax.h"
#include "core/LogPartition.h"
#include "core/Rng.h"
#include "datasets/LlmLikeSynthetic.h"
#include "datasets/SyntheticDatasets.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <numeric>

using namespace ada;

namespace {

Config samplerConfig(Sampler s, ImportanceWeights w, bool hadamard = false)
{
    Config c = Config::forPreset(Preset::Paper);
    c.sampler = s;
    c.weights = c.importanceSampling() ? w : ImportanceWeights::None;
    c.hadamard = hadamard;
    return c;
}

ArmEngine makeEngine(const PreparedHead& prepared, const Eigen::VectorXf& query, const Config& c,
                     std::uint64_t seed, ArmEngine::InitialState initial = ArmEngine::InitialState::Set)
{
    const Eigen::VectorXd x = prepared.transformQuery(query);
    Rng rng(seed);
    SamplingPlan plan = makeSamplingPlan(prepared, x, c, rng);
    return ArmEngine(prepared, prepared.temperature() * x, std::move(plan), c, initial);
}

// A two-row head whose row 0 times a heavy-tailed, partly sparse query is the estimand.
struct Fixture {
    Head head;
    Eigen::VectorXf x;
    double mu = 0.0;
};

Fixture heavyTailedFixture(int d)
{
    Fixture f;
    Rng rng(2024);
    f.head.weight.resize(2, d);
    f.x.resize(d);
    for (int j = 0; j < d; ++j) {
        f.head.weight(0, j) = float(rng.normal());
        f.head.weight(1, j) = float(rng.normal());
        // Cauchy-like tails (ratio of normals), clipped so the variance is finite; 10% zeros.
        const double v = rng.normal() / std::max(0.05, std::abs(rng.normal()));
        f.x[j] = rng.uniform01() < 0.1 ? 0.0f : float(std::clamp(v, -50.0, 50.0));
    }
    f.mu = exactLogits(f.head, f.x, 1.0)[0];
    return f;
}

} // namespace

class TestArmEngine : public QObject {
    Q_OBJECT

private slots:
    void exactAtFullDepth_data();
    void exactAtFullDepth();
    void pullScheduleDepths();
    void deferredEngineMatchesSetEngine();
    void firstStageIsDoneAfterWarmupAndDeepPulls();
    void estimatorsAreUnbiased_data();
    void estimatorsAreUnbiased();
    void importanceBeatsUniformOnHighVariance();
    void hadamardPadsPreservesAndSpreads();
};

void TestArmEngine::exactAtFullDepth_data()
{
    QTest::addColumn<int>("sampler");
    QTest::addColumn<int>("weights");
    QTest::addColumn<bool>("hadamard");
    for (bool rht : {false, true}) {
        const char* suffix = rht ? " rht" : "";
        QTest::newRow(qPrintable(QString("uniform-wr%1").arg(suffix)))
            << int(Sampler::UniformWithReplacement) << int(ImportanceWeights::None) << rht;
        QTest::newRow(qPrintable(QString("uniform-wor%1").arg(suffix)))
            << int(Sampler::UniformWithoutReplacement) << int(ImportanceWeights::None) << rht;
        QTest::newRow(qPrintable(QString("uniform-wor-fpc%1").arg(suffix)))
            << int(Sampler::UniformWithoutReplacementFpc) << int(ImportanceWeights::None) << rht;
        for (auto w : {ImportanceWeights::Head, ImportanceWeights::Query, ImportanceWeights::Both}) {
            QTest::newRow(qPrintable(QString("is-wr %1%2").arg(int(w)).arg(suffix)))
                << int(Sampler::ImportanceWithReplacement) << int(w) << rht;
            QTest::newRow(qPrintable(QString("is-wor-ht %1%2").arg(int(w)).arg(suffix)))
                << int(Sampler::ImportanceWithoutReplacement) << int(w) << rht;
            QTest::newRow(qPrintable(QString("is-wor-dr %1%2").arg(int(w)).arg(suffix)))
                << int(Sampler::ImportanceWithoutReplacementDesRaj) << int(w) << rht;
        }
    }
}

void TestArmEngine::exactAtFullDepth()
{
    // §15.1: pulling to t = D returns β·A_i·x to floating-point precision, with v = 0.
    QFETCH(int, sampler);
    QFETCH(int, weights);
    QFETCH(bool, hadamard);
    const Fixture f = heavyTailedFixture(300);
    const Config c = samplerConfig(Sampler(sampler), ImportanceWeights(weights), hadamard);
    const PreparedHead prepared(f.head, c);
    ArmEngine engine = makeEngine(prepared, f.x, c, 3);
    const int arms[] = {0, 1};
    engine.pullTo(arms, engine.effectiveDim());
    const Eigen::VectorXd mu = exactLogits(f.head, f.x, 1.0);
    const double tol = hadamard ? 1e-5 : 1e-10; // the RHT copy of A is stored in float
    for (int i : arms) {
        QVERIFY2(std::abs(engine.estimates()[i] - mu[i]) <= tol * (1.0 + std::abs(mu[i])),
                 qPrintable(QString("%1 vs %2").arg(engine.estimates()[i]).arg(mu[i])));
        QCOMPARE(engine.variances()[i], 0.0);
    }
    if (hadamard)
        QCOMPARE(engine.effectiveDim(), 512);
}

void TestArmEngine::pullScheduleDepths()
{
    // §15.3: depths follow ⌈16·1.5^k⌉ and stop at the cap.
    const Fixture f = heavyTailedFixture(5000);
    const Config c = samplerConfig(Sampler::UniformWithoutReplacement, ImportanceWeights::None);
    const PreparedHead prepared(f.head, c);
    ArmEngine engine = makeEngine(prepared, f.x, c, 1);
    const int arms[] = {0};
    const double target[] = {1e-300};
    ArmEngine::PullRequest request;
    request.arms = arms;
    request.targets = target;
    request.cap = 1000;
    QList<qint64> depths;
    QVERIFY(engine.pullToVariance(request, [&] {
        depths << engine.depths()[0];
        return true;
    }));
    const QList<qint64> expected{16, 24, 36, 54, 81, 122, 183, 274, 411, 616, 923, 1000};
    QCOMPARE(depths, expected);
    QCOMPARE(engine.totalPulls(), qint64(1000));
}

void TestArmEngine::deferredEngineMatchesSetEngine()
{
    // pullFresh on an engine whose initial state was deferred writes what pullTo writes on one whose
    // state was set, bit for bit, and the initial state (μ̂ = β·b, v = ∞, depth 0) of the arms outside
    // the runs: with a bias, masked (three runs) and not, at a depth below D and at D (the exact
    // sums, taken arm by arm after setting the state). Only the fast kernels under is-wor-dr defer.
    Dataset data = generateLlmLike(LlmLikeParams{}, 400, 64, 2, 3, "llm-like");
    Rng biasRng(8);
    data.head.bias = Eigen::VectorXf::NullaryExpr(400, [&] { return float(biasRng.normal()); });
    std::vector<int> masked;
    for (int i = 0; i < 400; ++i)
        if (i != 0 && i != 17 && i != 18 && i != 250)
            masked.push_back(i);
    std::vector<int> unmasked(400);
    std::iota(unmasked.begin(), unmasked.end(), 0);
    const Eigen::VectorXf x = data.queries.row(0).transpose();
    for (const Sampler sampler :
         {Sampler::ImportanceWithoutReplacementDesRaj, Sampler::ImportanceWithoutReplacement}) {
        for (const PullKernels kernels : {PullKernels::Fast, PullKernels::Straightforward}) {
            const Config c = samplerConfig(sampler, ImportanceWeights::Both);
            const PreparedHead prepared(data.head, c, kernels);
            for (const std::vector<int>* arms : {&masked, &unmasked}) {
                for (const std::int64_t depth : {std::int64_t(16), std::int64_t(1000)}) {
                    ArmEngine set = makeEngine(prepared, x, c, 9);
                    ArmEngine deferred = makeEngine(prepared, x, c, 9, ArmEngine::InitialState::Deferred);
                    const bool defers = sampler == Sampler::ImportanceWithoutReplacementDesRaj
                        && kernels == PullKernels::Fast;
                    QCOMPARE(deferred.awaitsPullFresh(), defers);
                    QVERIFY(!set.awaitsPullFresh());
                    set.pullTo(*arms, depth);
                    deferred.pullFresh(*arms, runsOf(*arms), depth);
                    QVERIFY(!deferred.awaitsPullFresh());
                    QCOMPARE(deferred.totalPulls(), set.totalPulls());
                    QCOMPARE(deferred.bytesRead(), set.bytesRead());
                    QCOMPARE(deferred.shallowestPullSinceMark(), set.shallowestPullSinceMark());
                    for (std::size_t i = 0; i < 400; ++i) {
                        QCOMPARE(deferred.depths()[i], set.depths()[i]);
                        QVERIFY(std::memcmp(&deferred.estimates()[i], &set.estimates()[i], sizeof(double))
                                == 0);
                        QVERIFY(std::memcmp(&deferred.variances()[i], &set.variances()[i], sizeof(double))
                                == 0);
                    }
                    if (arms == &masked) {
                        QCOMPARE(deferred.depths()[17], std::int64_t(0));
                        QCOMPARE(deferred.estimates()[17], double(data.head.bias[17]));
                        QVERIFY(std::isinf(deferred.variances()[17]));
                    }
                }
            }
        }
    }
}

void TestArmEngine::firstStageIsDoneAfterWarmupAndDeepPulls()
{
    // Algorithm 1 skips Algorithm 2's first stage when its warm-up ran it with the same parameters
    // and no pull since left an arm below the cap (PartitionParameters::firstStageDone). Here the
    // warm-up and the elimination run as in Algorithm 1, on fast and straightforward kernels, and
    // whenever the engine's record allows the skip, the stage itself must pull nothing.
    const Dataset data = generateLlmLike(LlmLikeParams{}, 3000, 256, 6, 11, "llm-like");
    int skippable = 0, notSkippable = 0;
    for (const Sampler sampler :
         {Sampler::ImportanceWithoutReplacementDesRaj, Sampler::ImportanceWithoutReplacement,
          Sampler::UniformWithoutReplacement}) {
        for (const double warmupCap : {0.1, 1.0}) {
            for (const PullKernels kernels : {PullKernels::Fast, PullKernels::Straightforward}) {
                Config c = samplerConfig(sampler, ImportanceWeights::Both);
                c.warmupCap = warmupCap;
                // With c_init = 1 and a small φ_ℓ the warm-up stops long before its cap of D.
                c.fudge = {0.2, warmupCap == 1.0 ? 1e-4 : 0.01};
                const PreparedHead prepared(data.head, c, kernels);
                for (int q = 0; q < int(data.queries.rows()); ++q) {
                    ArmEngine engine = makeEngine(prepared, data.queries.row(q).transpose(), c, 40 + q);
                    QCOMPARE(engine.shallowestPullSinceMark(), std::numeric_limits<std::int64_t>::max());
                    const int n = engine.arms();
                    const std::int64_t D = engine.effectiveDim();
                    const std::int64_t cap = std::max<std::int64_t>(std::int64_t(std::floor(warmupCap * D)),
                                                                    std::min<std::int64_t>(D, 16));
                    std::vector<int> all(static_cast<std::size_t>(n));
                    std::iota(all.begin(), all.end(), 0);
                    const double v0[1] = {firstStageTarget(n, c.delta / 2.0)};
                    ArmEngine::PullRequest warm;
                    warm.arms = all;
                    warm.targets = v0;
                    warm.fudge = c.fudge.logNorm;
                    warm.cap = cap;
                    warm.batched = true;
                    QVERIFY(engine.pullToVariance(warm, [] { return true; }));
                    engine.markPulls();
                    const std::vector<std::int64_t> warmDepths(engine.depths().begin(),
                                                               engine.depths().end());
                    RunContext ctx{engine, c, nullptr};
                    ctx.setCandidates(ScratchVector<int>(all.begin(), all.end()), runsOf(all));
                    const std::vector<int> top = identifyTopK(ctx, c.delta / 2.0, 1, c.fudge.bestArms);
                    QCOMPARE(int(top.size()), 1);
                    const std::int64_t shallowest = engine.shallowestPullSinceMark();
                    // The record bounds every arm pulled since the mark from below; none pulled: no record.
                    bool anyPulled = false;
                    for (std::size_t i = 0; i < all.size(); ++i)
                        if (engine.depths()[i] != warmDepths[i]) {
                            anyPulled = true;
                            QVERIFY(engine.depths()[i] >= shallowest);
                        }
                    if (!anyPulled)
                        QCOMPARE(shallowest, std::numeric_limits<std::int64_t>::max());
                    if (shallowest < cap) {
                        ++notSkippable;
                        continue;
                    }
                    ++skippable;
                    ArmEngine::PullRequest first = warm;
                    first.batched = false; // as Algorithm 2's first stage runs it
                    const std::int64_t before = engine.totalPulls();
                    QVERIFY(engine.pullToVariance(first, [] { return true; }));
                    QCOMPARE(engine.totalPulls(), before);
                }
            }
        }
    }
    // Both branches occur: with the cap at D (c_init = 1) the elimination pulls stay below it.
    QVERIFY2(skippable > 0 && notSkippable > 0,
             qPrintable(QString("skippable %1, not %2").arg(skippable).arg(notSkippable)));
}

void TestArmEngine::estimatorsAreUnbiased_data()
{
    QTest::addColumn<int>("sampler");
    QTest::addColumn<bool>("checkVariance");
    QTest::newRow("uniform-wr") << int(Sampler::UniformWithReplacement) << false;
    QTest::newRow("uniform-wor") << int(Sampler::UniformWithoutReplacement) << false;
    QTest::newRow("is-wr") << int(Sampler::ImportanceWithReplacement) << true;
    QTest::newRow("is-wor-ht") << int(Sampler::ImportanceWithoutReplacement) << true;
    // Des Raj's z are uncorrelated, each unbiased given the draws before it, so both the mean and
    // the sample variance of the z over t are unbiased (for μ and for Var(μ̂)).
    QTest::newRow("is-wor-dr") << int(Sampler::ImportanceWithoutReplacementDesRaj) << true;
}

void TestArmEngine::estimatorsAreUnbiased()
{
    // §15.2: over 10⁴ redraws |mean − μ| stays within 4 standard errors at t = 5%, 25%, 60% of D,
    // and the data-driven variance estimates match the observed MSE within 10% (mean(v̂)/MSE).
    QFETCH(int, sampler);
    QFETCH(bool, checkVariance);
    constexpr int kReps = 10000;
    const Fixture f = heavyTailedFixture(200);
    const Config c = samplerConfig(Sampler(sampler), ImportanceWeights::Query);
    const PreparedHead prepared(f.head, c);
    const int D = makeEngine(prepared, f.x, c, 0).effectiveDim();
    for (double fraction : {0.05, 0.25, 0.6}) {
        const auto t = static_cast<std::int64_t>(std::lround(fraction * D));
        double sum = 0.0, sumSq = 0.0, vSum = 0.0;
        for (int r = 0; r < kReps; ++r) {
            ArmEngine engine = makeEngine(prepared, f.x, c, deriveSeed(77, std::uint64_t(r)));
            const int arm[] = {0};
            engine.pullTo(arm, t);
            const double e = engine.estimates()[0] - f.mu;
            sum += e;
            sumSq += e * e;
            vSum += engine.variances()[0];
        }
        const double bias = sum / kReps;
        const double mse = sumSq / kReps;
        const double se = std::sqrt((mse - bias * bias) / kReps);
        qInfo("t=%lld: bias %.4g (se %.3g), mse %.4g, mean v %.4g", static_cast<long long>(t), bias, se, mse,
              vSum / kReps);
        QVERIFY2(std::abs(bias) <= 4.0 * se, qPrintable(QString("bias %1, se %2").arg(bias).arg(se)));
        if (checkVariance) {
            const double ratio = (vSum / kReps) / mse;
            QVERIFY2(ratio > 0.9 && ratio < 1.1, qPrintable(QString("mean v / mse = %1").arg(ratio)));
        }
    }
}

void TestArmEngine::importanceBeatsUniformOnHighVariance()
{
    // §15.5: on the high-variance example (n = 10, d = 100), the mean absolute error averaged over
    // t = 1..d is lower with importance sampling than without.
    SyntheticSpec spec;
    spec.family = SyntheticFamily::HighVariance;
    spec.n = 10;
    spec.d = 100;
    const Dataset ds = generateSynthetic(spec);
    const Eigen::VectorXf x = ds.queries.row(0).transpose();
    const Eigen::VectorXd mu = exactLogits(ds.head, x, 1.0);
    auto meanAbsError = [&](const Config& c) {
        const PreparedHead prepared(ds.head, c);
        double total = 0.0;
        int count = 0;
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            ArmEngine engine = makeEngine(prepared, x, c, seed);
            std::vector<int> arms(10);
            std::iota(arms.begin(), arms.end(), 0);
            for (int t = 1; t <= 100; ++t) {
                engine.pullTo(arms, t);
                for (int i = 0; i < 10; ++i)
                    total += std::abs(engine.estimates()[static_cast<std::size_t>(i)] - mu[i]);
                count += 10;
            }
        }
        return total / count;
    };
    const double uniform
        = meanAbsError(samplerConfig(Sampler::UniformWithoutReplacement, ImportanceWeights::None));
    const double importance
        = meanAbsError(samplerConfig(Sampler::ImportanceWithoutReplacement, ImportanceWeights::Both));
    qInfo("mean absolute error: uniform %.3f, importance %.3f", uniform, importance);
    QVERIFY(importance < uniform);
}

void TestArmEngine::hadamardPadsPreservesAndSpreads()
{
    // §15.6: pads to a power of two, lowers the largest per-row pull variance, keeps A_0·x.
    SyntheticSpec spec;
    spec.family = SyntheticFamily::HighVariance;
    spec.n = 10;
    spec.d = 100;
    const Dataset ds = generateSynthetic(spec);
    const Eigen::VectorXf x = ds.queries.row(0).transpose();
    Config plain = samplerConfig(Sampler::UniformWithoutReplacement, ImportanceWeights::None);
    Config rht = plain;
    rht.hadamard = true;
    const PreparedHead p0(ds.head, plain), p1(ds.head, rht);
    QCOMPARE(p1.weight().cols(), Eigen::Index(128));
    auto maxRowPullVariance = [&](const PreparedHead& p) {
        const Eigen::VectorXd q = p.transformQuery(x);
        const double d = double(q.size());
        double worst = 0.0;
        for (Eigen::Index i = 0; i < p.weight().rows(); ++i) {
            const Eigen::ArrayXd f = p.weight().row(i).cast<double>().transpose().array() * q.array() * d;
            worst = std::max(worst, (f - f.mean()).square().mean());
        }
        return worst;
    };
    const double before = maxRowPullVariance(p0), after = maxRowPullVariance(p1);
    qInfo("max per-row pull variance: %.1f without RHT, %.1f with", before, after);
    QVERIFY(after < before);
    ArmEngine engine = makeEngine(p1, x, rht, 5);
    const int arm[] = {0};
    engine.pullTo(arm, engine.effectiveDim());
    const double exact = exactLogits(ds.head, x, 1.0)[0];
    QVERIFY(std::abs(engine.estimates()[0] - exact) <= 1e-5 * (1.0 + std::abs(exact)));
}

QTEST_APPLESS_MAIN(TestArmEngine)
#include "tst_armengine.moc"
