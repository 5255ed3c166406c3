// The llm-like synthetic family (LlmLikeSynthetic.h, docs/llm-like.md): the spec grammar with its
// error messages, determinism whatever the thread count, shapes, the structure the calibration
// relies on (outlier dimensions, frequency offset, peaked softmax) and the tied option.
#include "datasets/DatasetError.h"
#include "datasets/LlmLikeSynthetic.h"
#include "datasets/SyntheticDatasets.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

using namespace ada;

namespace {

bool sameBytes(const RowMatrixF& a, const RowMatrixF& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<std::size_t>(a.size())) == 0;
}

Dataset generate(const std::string& spec)
{
    return generateSynthetic(parseSyntheticSpec(spec));
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Mean |x_j| over the queries, per column.
std::vector<double> meanAbsColumns(const RowMatrixF& x)
{
    std::vector<double> out(static_cast<std::size_t>(x.cols()));
    for (Eigen::Index j = 0; j < x.cols(); ++j)
        out[static_cast<std::size_t>(j)] = x.col(j).cast<double>().cwiseAbs().mean();
    return out;
}

// Columns whose mean |x_j| is more than 8× the median column's.
std::vector<int> outlierColumns(const RowMatrixF& x)
{
    const std::vector<double> mean = meanAbsColumns(x);
    const double typical = median(mean);
    std::vector<int> out;
    for (std::size_t j = 0; j < mean.size(); ++j)
        if (mean[j] > 8.0 * typical)
            out.push_back(static_cast<int>(j));
    return out;
}

std::vector<double> topProbabilities(const Dataset& ds)
{
    const Eigen::MatrixXd logits = (ds.head.weight.cast<double>() * ds.queries.cast<double>().transpose());
    std::vector<double> out;
    for (Eigen::Index q = 0; q < logits.cols(); ++q) {
        const double mx = logits.col(q).maxCoeff();
        out.push_back(1.0 / (logits.col(q).array() - mx).exp().sum());
    }
    return out;
}

} // namespace

class TestLlmLike : public QObject {
    Q_OBJECT

private slots:
    void parseDefaults()
    {
        const SyntheticSpec s = parseSyntheticSpec("synthetic:llm-like");
        QCOMPARE(int(s.family), int(SyntheticFamily::LlmLike));
        QCOMPARE(s.n, 50257);
        QCOMPARE(s.d, 768);
        QCOMPARE(s.m, 1000);
        QCOMPARE(s.seed, std::uint64_t{0});
        QVERIFY(s.llm == LlmLikeParams{});
        QCOMPARE(formatSyntheticSpec(s), std::string("synthetic:llm-like?n=50257&d=768&m=1000&seed=0"));
        QCOMPARE(toString(SyntheticFamily::LlmLike), std::string_view("llm-like"));
        // The paper's families keep their own defaults.
        QCOMPARE(parseSyntheticSpec("synthetic:noisy").n, 100);
    }

    void parseEveryParameter()
    {
        const std::string text = "synthetic:llm-like?n=300&d=64&m=7&seed=5&outliers=3&outlier-scale=40"
                                 "&topics=2&top=12.5&gap=0.75&spread=1.5&zipf=1.2&bias=0.25&rank=8"
                                 "&shared=0.5&align=0.6&tied=1";
        const SyntheticSpec s = parseSyntheticSpec(text);
        QCOMPARE(s.n, 300);
        QCOMPARE(s.d, 64);
        QCOMPARE(s.m, 7);
        QCOMPARE(s.seed, std::uint64_t{5});
        QCOMPARE(s.llm.outliers, 3);
        QCOMPARE(s.llm.outlierScale, 40.0);
        QCOMPARE(s.llm.topics, 2);
        QCOMPARE(s.llm.top, 12.5);
        QCOMPARE(s.llm.gap, 0.75);
        QCOMPARE(s.llm.spread, 1.5);
        QCOMPARE(s.llm.zipf, 1.2);
        QCOMPARE(s.llm.bias, 0.25);
        QCOMPARE(s.llm.rank, 8);
        QCOMPARE(s.llm.shared, 0.5);
        QCOMPARE(s.llm.align, 0.6);
        QVERIFY(s.llm.tied);
        // Every key is non-default here, so the canonical form is the input (same key order).
        QCOMPARE(formatSyntheticSpec(s), text);
        const SyntheticSpec again = parseSyntheticSpec(formatSyntheticSpec(s));
        QVERIFY(again.llm == s.llm);
        // Keys may come in any order; defaults are left out of the canonical form.
        QCOMPARE(formatSyntheticSpec(parseSyntheticSpec("synthetic:llm-like?tied=1&top=14&n=10&d=16&m=2")),
                 std::string("synthetic:llm-like?n=10&d=16&m=2&seed=0&tied=1"));
    }

    void parseBad_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message"); // the whole message after "TEXT: "
        const QString p = "synthetic:llm-like?";
        QTest::newRow("not a number") << p + "top=abc"
                                      << "the value of top ('abc') is not a finite number";
        QTest::newRow("nan") << p + "gap=nan"
                             << "the value of gap ('nan') is not a finite number";
        QTest::newRow("inf") << p + "spread=inf"
                             << "the value of spread ('inf') is not a finite number";
        QTest::newRow("empty double") << p + "zipf="
                                      << "the value of zipf ('') is not a finite number";
        QTest::newRow("int with a point") << p + "outliers=1.5"
                                          << "the value of outliers ('1.5') is not an integer";
        QTest::newRow("int out of range") << p + "rank=99999999999"
                                          << "the value of rank ('99999999999') is out of range";
        QTest::newRow("tied not 0/1") << p + "tied=yes"
                                      << "the value of tied ('yes') is not 0 or 1";
        QTest::newRow("top < 0") << p + "top=-1"
                                 << "top must be between 0 and 100, got -1";
        QTest::newRow("spread = 0") << p + "spread=0"
                                    << "spread must be in (0, 20], got 0";
        QTest::newRow("align > 1") << p + "align=1.5"
                                   << "align must be in (0, 1], got 1.5";
        QTest::newRow("shared > 1") << p + "shared=2"
                                    << "shared must be between 0 and 1, got 2";
        QTest::newRow("outliers > 64") << p + "outliers=65"
                                       << "outliers must be between 0 and 64, got 65";
        QTest::newRow("outlier-scale < 1") << p + "outlier-scale=0.5"
                                           << "outlier-scale must be between 1 and 1000, got 0.5";
        QTest::newRow("n too big")
            << p + "n=256001"
            << "n must be at most 256000 for llm-like (Gemma-7B's vocabulary, the largest head of the "
               "paper), got 256001";
        QTest::newRow("d too big")
            << p + "d=4097"
            << "d must be at most 4096 for llm-like (the hidden size of Llama-3-8B and Mistral-7B), got 4097";
        QTest::newRow("outliers ≥ d") << p + "d=6"
                                      << "outliers must be less than d = 6, got 6";
        QTest::newRow("topics > n") << p + "n=3"
                                    << "topics must be at most n = 3, got 4";
        QTest::newRow("rank > d") << p + "d=12"
                                  << "rank must be at most d = 12, got 16";
        QTest::newRow("n < 2") << p + "n=1"
                               << "n must be at least 2, got 1";
        QTest::newRow("duplicate") << p + "top=3&top=4"
                                   << "the key 'top' is given twice";
        QTest::newRow("peaks")
            << p + "peaks=2"
            << "unknown key 'peaks' for family llm-like (accepted: n, d, m, seed, outliers, "
               "outlier-scale, topics, top, gap, spread, zipf, bias, rank, shared, align, tied)";
        QTest::newRow("unknown family")
            << "synthetic:llm?n=5"
            << "unknown family 'llm' (accepted: sanity, noisy, random-mu, high-variance) or llm-like";
    }
    void parseBad()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        try {
            (void)parseSyntheticSpec(text.toStdString());
            QFAIL("no DatasetError");
        } catch (const DatasetError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), text + ": " + message);
        }
    }

    void handBuiltSpecsAreChecked()
    {
        SyntheticSpec spec;
        spec.family = SyntheticFamily::LlmLike;
        spec.n = 100;
        spec.d = 32;
        spec.llm.top = -2.0;
        try {
            (void)generateSynthetic(spec);
            QFAIL("no DatasetError");
        } catch (const DatasetError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).endsWith("top must be between 0 and 100, got -2"), e.what());
        }
    }

    void memoryLimit()
    {
        // Refused before anything is allocated: 256 000 × 4096 (+ 1 query) is 3.91 GiB.
        try {
            (void)generateLlmLike(LlmLikeParams{}, 256000, 4096, 1, 0, "big", std::uint64_t{1} << 30);
            QFAIL("no DatasetError");
        } catch (const DatasetError& e) {
            QCOMPARE(
                QString::fromUtf8(e.what()),
                QString(
                    "big: the head and queries need 3.91 GiB in float32, more than the limit of 1.00 GiB"));
        }
        QCOMPARE(llmLikeBytes(256000, 4096, 1000), std::uint64_t{4} * 257000 * 4096);
    }

    void determinism()
    {
        // n > 1024 rows: several row blocks, so the thread count could matter if streams were shared.
        const LlmLikeParams p;
        const Dataset one = generateLlmLike(p, 2500, 48, 9, 7, "t", 0, 1);
        const Dataset three = generateLlmLike(p, 2500, 48, 9, 7, "t", 0, 3);
        QVERIFY(sameBytes(one.head.weight, three.head.weight));
        QVERIFY(sameBytes(one.queries, three.queries));
        const Dataset viaSpec = generate("synthetic:llm-like?n=2500&d=48&m=9&seed=7");
        QVERIFY(sameBytes(one.head.weight, viaSpec.head.weight));
        QVERIFY(sameBytes(one.queries, viaSpec.queries));
        const Dataset other = generate("synthetic:llm-like?n=2500&d=48&m=9&seed=8");
        QVERIFY(!sameBytes(one.head.weight, other.head.weight));
        QVERIFY(!sameBytes(one.queries, other.queries));
        // More queries extend the list without changing the first ones (one stream per query).
        const Dataset more = generate("synthetic:llm-like?n=2500&d=48&m=12&seed=7");
        QVERIFY(sameBytes(one.head.weight, more.head.weight));
        QVERIFY(sameBytes(one.queries, more.queries.topRows(9)));
    }

    void shapesAndMetadata()
    {
        const Dataset ds = generate("synthetic:llm-like?n=300&d=40&m=5&seed=1");
        QCOMPARE(ds.head.arms(), Eigen::Index(300));
        QCOMPARE(ds.head.dim(), Eigen::Index(40));
        QCOMPARE(ds.queries.rows(), Eigen::Index(5));
        QCOMPARE(ds.queries.cols(), Eigen::Index(40));
        QCOMPARE(ds.head.temperature, 1.0);
        QVERIFY(!ds.head.hasBias());
        QVERIFY(ds.vocab.empty());
        QVERIFY(!ds.noiseBound.has_value()); // data-driven, unlike the paper's families
        QCOMPARE(ds.name, std::string("synthetic:llm-like?n=300&d=40&m=5&seed=1"));
        ds.validate();
        // Degenerate but valid settings still give finite data.
        generate("synthetic:llm-like?n=50&d=8&m=3&outliers=0&topics=0&rank=0&zipf=0&bias=0").validate();
        generate("synthetic:llm-like?n=4&d=2&m=3&outliers=1&topics=4&rank=1&shared=1&tied=1").validate();
    }

    void outlierDimensions()
    {
        const Dataset ds = generate("synthetic:llm-like?n=2000&d=256&m=40&seed=3");
        // Exactly `outliers` columns are massive, in every query with the same sign.
        const std::vector<int> dims = outlierColumns(ds.queries);
        QCOMPARE(int(dims.size()), LlmLikeParams{}.outliers);
        const double typical = median(meanAbsColumns(ds.queries));
        for (int j : dims) {
            const float sign = ds.queries(0, j) > 0 ? 1.0f : -1.0f;
            for (Eigen::Index q = 0; q < ds.queries.rows(); ++q) {
                QVERIFY(ds.queries(q, j) * sign > 0.0f);
                QVERIFY(std::abs(ds.queries(q, j)) > 10.0 * typical);
            }
            // The head's columns there are small, so the logits stay sane.
            const double col = ds.head.weight.col(j).cast<double>().cwiseAbs().maxCoeff();
            const double bulk
                = std::sqrt(ds.head.weight.cast<double>().squaredNorm() / double(ds.head.weight.size()));
            QVERIFY2(col < bulk,
                     qPrintable(QString("column %1: max %2, bulk rms %3").arg(j).arg(col).arg(bulk)));
        }
        // outliers=0 has none; outliers=9 has nine.
        QVERIFY(outlierColumns(generate("synthetic:llm-like?n=500&d=128&m=20&outliers=0").queries).empty());
        QCOMPARE(outlierColumns(generate("synthetic:llm-like?n=500&d=128&m=20&outliers=9").queries).size(),
                 std::size_t{9});
    }

    void frequentTokensScoreHigher()
    {
        // The outlier dims carry the frequency offset: the 20 most frequent tokens average a higher
        // logit than the 1000 rarest, by about bias·(their log-frequency difference).
        const Dataset ds = generate("synthetic:llm-like?n=8192&d=128&m=30&seed=2&topics=0");
        const Eigen::MatrixXd logits = ds.head.weight.cast<double>() * ds.queries.cast<double>().transpose();
        const double frequent = logits.topRows(20).mean();
        const double rare = logits.bottomRows(1000).mean();
        double expected = 0.0; // 0.4·(mean log-rank of the rare − mean log-rank of the frequent)
        for (int i = 0; i < 20; ++i)
            expected -= std::log(i + 1.0) / 20.0;
        for (int i = 8192 - 1000; i < 8192; ++i)
            expected += std::log(i + 1.0) / 1000.0;
        expected *= LlmLikeParams{}.bias;
        QVERIFY2(std::abs((frequent - rare) - expected) < 0.25 * expected,
                 qPrintable(QString("difference %1, expected %2").arg(frequent - rare).arg(expected)));
    }

    void peakedLikeAnLlm()
    {
        // docs/llm-like.md: median top-1 probability 0.2–0.6 at LLM sizes; a smaller vocabulary has
        // less background mass, so 8192 × 256 sits higher, in the range measured over seeds.
        const Dataset ds = generate("synthetic:llm-like?n=8192&d=256&m=200&seed=11");
        const std::vector<double> p1 = topProbabilities(ds);
        const double med = median(p1);
        QVERIFY2(med >= 0.3 && med <= 0.8, qPrintable(QString("median top-1 probability %1").arg(med)));
        // Not degenerate either way: some queries are confident, some are not.
        QVERIFY(*std::max_element(p1.begin(), p1.end()) > 0.9);
        QVERIFY(*std::min_element(p1.begin(), p1.end()) < 0.2);
    }

    void tiedQueriesAreBuiltFromRows()
    {
        // With (almost) no noise and one candidate, the bulk of the query points along the
        // candidate's row: exactly when tied, at cosine `align` otherwise.
        const std::string base = "synthetic:llm-like?n=3000&d=128&m=10&seed=4&topics=1&spread=0.001";
        const Dataset tied = generate(base + "&tied=1");
        const Dataset untied = generate(base + "&align=0.6");
        QVERIFY(sameBytes(tied.head.weight, untied.head.weight)); // the option only changes queries
        // The outlier dimensions are drawn from the seed alone; at this tiny spread they no longer
        // stand out in the queries (their size follows the noise), so find them at the default spread.
        const std::vector<int> dims
            = outlierColumns(generate("synthetic:llm-like?n=3000&d=128&m=10&seed=4").queries);
        QCOMPARE(int(dims.size()), LlmLikeParams{}.outliers);
        for (Eigen::Index q = 0; q < tied.queries.rows(); ++q) {
            double cosTied = 0.0, cosUntied = 0.0;
            for (const Dataset* ds : {&tied, &untied}) {
                Eigen::VectorXd h = ds->queries.row(q).cast<double>().transpose();
                for (int j : dims)
                    h[j] = 0.0;
                const Eigen::VectorXd logits = ds->head.weight.cast<double>() * h;
                Eigen::Index best = 0;
                logits.maxCoeff(&best);
                Eigen::VectorXd row = ds->head.weight.row(best).cast<double>().transpose();
                for (int j : dims)
                    row[j] = 0.0;
                (ds == &tied ? cosTied : cosUntied) = row.dot(h) / (row.norm() * h.norm());
            }
            QVERIFY2(cosTied > 0.999, qPrintable(QString::number(cosTied)));
            QVERIFY2(std::abs(cosUntied - 0.6) < 0.01, qPrintable(QString::number(cosUntied)));
        }
    }
};

QTEST_APPLESS_MAIN(TestLlmLike)
#include "tst_llmlike.moc"
