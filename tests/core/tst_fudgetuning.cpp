// Fudge-factor tuning (ALGORITHM.md §7): the tuned run is cheaper than the untuned one and still
// reaches 1 − δ on held-out queries; tuning is deterministic; the success test, over all logits and
// over the compact truth the tuning keeps, gives the verdict of §1.2 written out.
#include "core/Evaluation.h"
#include "core/ExactSoftmax.h"
#include "core/Rng.h"
#include "datasets/SyntheticDatasets.h"

#include <QtTest>

#include <set>

using namespace ada;

class TestFudgeTuning : public QObject {
    Q_OBJECT

private slots:
    void tunedIsCheaperAndStillPac();
    void tuningIsDeterministic();
    void compactTruthGivesTheFullVerdict();
};

namespace {
Dataset noisyQueries(int m)
{
    SyntheticSpec spec;
    spec.family = SyntheticFamily::Noisy;
    spec.n = 100;
    spec.d = 3000;
    spec.m = m;
    spec.seed = 21;
    return generateSynthetic(spec);
}
// The success test of §1.2 written out over all n logits, as the oracle of both isSuccess overloads:
// k = the arms returned, distinct, each with a true logit at or above the k-th largest, each p̂
// within 1 ± ε of its p.
bool oracleSuccess(const Result& r, const Eigen::VectorXd& logits, double logS, double epsilon)
{
    const auto k = static_cast<Eigen::Index>(r.topK.size());
    if (r.cancelled || k == 0 || k > logits.size() || r.probabilities.size() != r.topK.size())
        return false;
    std::vector<double> sorted(logits.begin(), logits.end());
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    const std::set<int> distinct(r.topK.begin(), r.topK.end());
    if (distinct.size() != r.topK.size())
        return false;
    for (std::size_t a = 0; a < r.topK.size(); ++a) {
        const int i = r.topK[a];
        if (i < 0 || i >= logits.size() || !(logits[i] >= sorted[std::size_t(k - 1)]))
            return false;
        const double p = std::exp(logits[i] - logS);
        if (!(std::abs(r.probabilities[a] - p) <= epsilon * p))
            return false;
    }
    return true;
}
} // namespace

void TestFudgeTuning::tunedIsCheaperAndStillPac()
{
    const Dataset ds = noisyQueries(400);
    ExperimentOptions tuned;
    tuned.config = Config::forPreset(Preset::Paper);
    tuned.config.delta = 0.1;
    tuned.tune = 100;
    const ExperimentReport a = runExperiment(ds, tuned);
    ExperimentOptions untuned = tuned;
    untuned.tune = 0;
    const ExperimentReport b = runExperiment(ds, untuned);
    qInfo("tuned: phi_b %.4g, phi_l %.4g, speedup %.2fx, success %.3f on %zu test queries; untuned: %.2fx, "
          "%.3f",
          a.fudge.bestArms, a.fudge.logNorm, a.speedup, a.successRate, a.outcomes.size(), b.speedup,
          b.successRate);
    QCOMPARE(int(a.outcomes.size()), 300);
    QCOMPARE(int(a.tuneQueries.size()), 100);
    QVERIFY(a.successRate >= 0.9);
    QVERIFY(a.speedup >= b.speedup);
    QVERIFY(a.fudge.bestArms > 0.0 && a.fudge.bestArms <= 10.0);
    QVERIFY(a.fudge.logNorm > 0.0 && a.fudge.logNorm <= 10.0);
}

void TestFudgeTuning::tuningIsDeterministic()
{
    const Dataset ds = noisyQueries(120);
    ExperimentOptions o;
    o.config = Config::forPreset(Preset::Paper);
    o.tune = 40;
    const ExperimentReport a = runExperiment(ds, o);
    const ExperimentReport b = runExperiment(ds, o);
    QCOMPARE(a.fudge.bestArms, b.fudge.bestArms);
    QCOMPARE(a.fudge.logNorm, b.fudge.logNorm);
    QCOMPARE(a.totalPulls, b.totalPulls);
    QCOMPARE(a.tuneQueries, b.tuneQueries);
}

// TopKTruth keeps O(k) of the exact answer; isSuccess against it must agree with isSuccess against
// all n logits on every kind of answer: right, a tie at the k-th value, a wrong arm, an excluded
// arm (−inf), a duplicate, p̂ just inside and outside 1 ± ε, NaN, fewer arms than k (scored as a
// top-(k−1)), and the reference's β-less scoring (§12 I-10).
void TestFudgeTuning::compactTruthGivesTheFullVerdict()
{
    Rng rng(5);
    int checked = 0, successes = 0;
    for (int trial = 0; trial < 400; ++trial) {
        const int n = 2 + int(rng.below(30));
        const int k = 1 + int(rng.below(std::uint64_t(std::min(n - 1, 4))));
        Eigen::VectorXd logits(n);
        for (int i = 0; i < n; ++i)
            logits[i] = double(rng.below(6)) - 2.0; // few distinct values: ties at the k-th are common
        if (trial % 3 == 0)
            logits[int(rng.below(std::uint64_t(n)))] = -std::numeric_limits<double>::infinity();
        const double logS = logSumExp(logits);
        const double beta = 0.5 + rng.uniform01();
        const TopKTruth truth = TopKTruth::from(logits, logS, k);
        QVERIFY(truth.arms.size() >= std::size_t(k));
        const TopKTruth reference = truth.logitsDividedBy(beta);
        const Eigen::VectorXd unscaled = logits / beta;
        for (int variant = 0; variant < 9; ++variant) {
            Result r;
            const std::vector<int> best = topKIndices(logits, k);
            r.topK = best;
            if (variant == 1) // any arm at all, maybe outside the top-k
                r.topK.back() = int(rng.below(std::uint64_t(n)));
            if (variant == 2 && k > 1) // a duplicate
                r.topK.back() = r.topK.front();
            if (variant == 3) // one arm too few
                r.topK.pop_back();
            if (variant == 8 && k > 1) { // one arm too few, the last of them the k-th: right only on a tie
                r.topK.pop_back();
                r.topK.back() = best.back();
            }
            for (int i : r.topK) {
                const double p = std::exp(logits[i] - logS);
                const double factor = variant == 4 ? 1.0 + 0.3 * (1.0 - 1e-9)
                    : variant == 5                 ? 1.0 + 0.3 * (1.0 + 1e-9)
                    : variant == 6                 ? 1.0 + 0.6 * (rng.uniform01() - 0.5)
                                                   : 1.0;
                r.probabilities.push_back(variant == 7 ? std::numeric_limits<double>::quiet_NaN()
                                                       : p * factor);
            }
            if (r.topK.empty())
                continue;
            // k is the number of arms returned, fewer than the truth's k in variants 3 and 8: the
            // compact truth holds that k-th logit too.
            const bool full = oracleSuccess(r, logits, logS, 0.3);
            QCOMPARE(isSuccess(r, logits, logS, 0.3), full);
            QCOMPARE(isSuccess(r, truth, 0.3), full);
            QCOMPARE(isSuccess(r, reference, 0.3), oracleSuccess(r, unscaled, logS, 0.3));
            for (int i = 0; i < n; ++i)
                QCOMPARE(std::isnan(truth.logitOf(i)), !(logits[i] >= truth.kthLogit));
            ++checked;
            successes += full ? 1 : 0;
        }
    }
    QVERIFY(checked > 2500);
    QVERIFY(successes > 300 && successes < checked - 300); // both verdicts well represented
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)TopKTruth::from(Eigen::VectorXd::Zero(3), 0.0, 4));
    // More arms than the truth's k cannot be scored against it: refused, not guessed.
    const Eigen::VectorXd three = Eigen::Vector3d(1.0, 2.0, 3.0);
    Result two;
    two.topK = {2, 1};
    two.probabilities = {std::exp(3.0 - logSumExp(three)), std::exp(2.0 - logSumExp(three))};
    QVERIFY(oracleSuccess(two, three, logSumExp(three), 0.3));
    QVERIFY(isSuccess(two, three, logSumExp(three), 0.3));
    QVERIFY(!isSuccess(two, TopKTruth::from(three, logSumExp(three), 1), 0.3));
    QVERIFY(isSuccess(two, TopKTruth::from(three, logSumExp(three), 2), 0.3));
}

QTEST_APPLESS_MAIN(TestFudgeTuning)
#include "tst_fudgetuning.moc"
