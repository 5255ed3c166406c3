#include "BenchCommand.h"

#include "CliOptions.h"
#include "DatasetCommands.h"
#include "OutputFormat.h"

#include "core/AdaptiveSoftmax.h"
#include "core/Evaluation.h"
#include "core/ExactSoftmax.h"
#include "datasets/DatasetLoader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <vector>

namespace ada::cli {

namespace {

const QString kRepetitions = QStringLiteral("repetitions");
constexpr int kDefaultRepetitions = 5;

struct Repetition {
    double exactSeconds = 0.0;    // per query: Σ over queries / M
    double adaptiveSeconds = 0.0; // per query
};

struct BenchResult {
    std::vector<Repetition> repetitions;
    double medianExact = 0.0;
    double medianAdaptive = 0.0;
    double sampleSpeedup = 0.0;
    double successRate = 0.0;    // over every run of every repetition
    std::int64_t totalPulls = 0; // Σ over queries, one repetition (runs are deterministic)
    std::int64_t exactPulls = 0;
    double checksum = 0.0;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
}

BenchResult benchmark(const ada::Dataset& dataset, const ada::Config& config, int queries, int repetitions)
{
    using Clock = std::chrono::steady_clock;
    // Everything query-independent is prepared outside the timed region, as a server would do once.
    const ada::PreparedHead prepared(dataset.head, config);
    const double beta = prepared.temperature();
    std::vector<Eigen::VectorXf> xs;
    std::vector<ada::Config> configs;
    for (int q = 0; q < queries; ++q) {
        xs.emplace_back(dataset.queries.row(q).transpose());
        ada::Config qc = config;
        qc.seed = ada::queryConfigSeed(config, q); // the same per-query seeds as `run`
        configs.push_back(qc);
    }

    BenchResult out;
    std::vector<double> fractions;
    int successes = 0;
    double checksum = 0.0;
    ProgressPrinter progress;
    for (int r = 0; r < repetitions; ++r) {
        Repetition rep;
        for (int q = 0; q < queries; ++q) {
            const auto qi = static_cast<std::size_t>(q);
            // Interleaved, exact first: both see the same cache state for this query's data, and a
            // slow drift of the machine (frequency, other load) hits both sides alike.
            const auto t0 = Clock::now();
            const ada::ExactSoftmaxResult exact
                = ada::exactSoftmax(dataset.head, xs[qi], beta, config.k, dataset.excludedFor(q));
            const auto t1 = Clock::now();
            const ada::Result result
                = ada::runAdaptiveSoftmax(prepared, xs[qi], configs[qi], nullptr, dataset.excludedFor(q));
            const auto t2 = Clock::now();
            rep.exactSeconds += std::chrono::duration<double>(t1 - t0).count();
            rep.adaptiveSeconds += std::chrono::duration<double>(t2 - t1).count();

            // Results feed a checksum that is printed, so neither computation can be optimised away.
            checksum += exact.logPartition + result.logPartition;
            successes += ada::isSuccess(result, exact.logits, exact.logPartition, config.epsilon) ? 1 : 0;
            if (r == 0) {
                fractions.push_back(ada::budgetFraction(result));
                out.totalPulls += result.totalPulls;
                out.exactPulls += result.exactPulls();
            }
            progress(r * queries + q + 1, repetitions * queries, "bench");
        }
        rep.exactSeconds /= queries;
        rep.adaptiveSeconds /= queries;
        out.repetitions.push_back(rep);
    }
    progress.finish();

    std::vector<double> exactTimes, adaptiveTimes;
    for (const Repetition& rep : out.repetitions) {
        exactTimes.push_back(rep.exactSeconds);
        adaptiveTimes.push_back(rep.adaptiveSeconds);
    }
    out.medianExact = median(exactTimes);
    out.medianAdaptive = median(adaptiveTimes);
    out.sampleSpeedup = ada::paperSpeedup(fractions);
    out.successRate = double(successes) / double(repetitions * queries);
    volatile double sink = checksum; // the store itself is observable behaviour
    out.checksum = sink;
    return out;
}

double timeSpeedup(const BenchResult& r)
{
    return r.medianAdaptive > 0.0 ? r.medianExact / r.medianAdaptive : 0.0;
}

QString summary(const BenchResult& r, const ada::Config& config, const ada::Dataset& dataset, int queries)
{
    const int repetitions = static_cast<int>(r.repetitions.size());
    KeyValues rows = configRows(config, dataset);
    rows.insert(rows.begin() + 3, {QStringLiteral("queries"), QString::number(queries)});
    rows.insert(rows.begin() + 4, {QStringLiteral("repetitions"), QString::number(repetitions)});
    rows.emplace_back(QStringLiteral("fudge factors"),
                      fudgeText(config.fudge) + QStringLiteral(" (given, not tuned)"));
    rows.emplace_back(QStringLiteral("exact softmax"),
                      formatSeconds(r.medianExact)
                          + QStringLiteral(" per query (median of %1)").arg(repetitions));
    rows.emplace_back(QStringLiteral("adaptive softmax"),
                      formatSeconds(r.medianAdaptive)
                          + QStringLiteral(" per query (median of %1)").arg(repetitions));
    const QString success = QStringLiteral("success rate %1").arg(formatPercent(r.successRate));
    rows.emplace_back(
        QStringLiteral("time speedup"),
        QStringLiteral("%1x  (exact / adaptive; %2)").arg(formatNumber(timeSpeedup(r)), success));
    rows.emplace_back(
        QStringLiteral("sample speedup"),
        QStringLiteral("%1x  (1 / mean of pulls/(n*D); %2)").arg(formatNumber(r.sampleSpeedup), success));
    rows.emplace_back(QStringLiteral("total pulls"), formatInteger(r.totalPulls));
    rows.emplace_back(QStringLiteral("exact pulls (sum n*D)"), formatInteger(r.exactPulls));
    rows.emplace_back(QStringLiteral("checksum"), formatNumber(r.checksum, 12));
    QString text = renderKeyValues(rows) + u'\n';

    TextTable table({QStringLiteral("repetition"), QStringLiteral("exact/query"),
                     QStringLiteral("adaptive/query"), QStringLiteral("ratio")});
    for (int i = 0; i < repetitions; ++i) {
        const Repetition& rep = r.repetitions[static_cast<std::size_t>(i)];
        table.addRow(
            {QString::number(i + 1), formatSeconds(rep.exactSeconds), formatSeconds(rep.adaptiveSeconds),
             formatNumber(rep.adaptiveSeconds > 0.0 ? rep.exactSeconds / rep.adaptiveSeconds : 0.0)});
    }
    return text + table.render();
}

QJsonObject benchJson(const BenchResult& r, const ada::Config& config, const ada::Dataset& dataset,
                      int queries)
{
    QJsonObject out;
    addConfigFields(out, config, dataset);
    out.insert(QStringLiteral("queries"), queries);
    out.insert(QStringLiteral("repetitions"), static_cast<int>(r.repetitions.size()));
    out.insert(QStringLiteral("fudge"), fudgeJson(config.fudge));
    out.insert(QStringLiteral("exact_s_per_query"), r.medianExact);
    out.insert(QStringLiteral("adaptive_s_per_query"), r.medianAdaptive);
    out.insert(QStringLiteral("time_speedup"), timeSpeedup(r));
    out.insert(QStringLiteral("sample_speedup"), r.sampleSpeedup);
    out.insert(QStringLiteral("success_rate"), r.successRate);
    out.insert(QStringLiteral("total_pulls"), static_cast<qint64>(r.totalPulls));
    out.insert(QStringLiteral("exact_pulls"), static_cast<qint64>(r.exactPulls));
    out.insert(QStringLiteral("checksum"), r.checksum);
    QJsonArray reps;
    for (const Repetition& rep : r.repetitions)
        reps.append(QJsonObject{{QStringLiteral("exact_s_per_query"), rep.exactSeconds},
                                {QStringLiteral("adaptive_s_per_query"), rep.adaptiveSeconds}});
    out.insert(QStringLiteral("per_repetition"), reps);
    return out;
}

} // namespace

int benchCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Time exact softmax and AdaptiveSoftmax on the same queries of DATASET, interleaved query by "
        "query, and report the median per-query time of each over the repetitions, their ratio, the "
        "sample speedup and the success rate. The fudge factors are not tuned here: they come from "
        "--fudge-best and --fudge-log (default 1)."));
    addCommonOptions(parser);
    parser.addOption({kRepetitions,
                      QStringLiteral("Timed passes over the queries (default %1).").arg(kDefaultRepetitions),
                      QStringLiteral("R")});
    if (!parseCommandLine(parser, arguments, QStringLiteral("bench")))
        return kExitOk;
    const CommonOptions options = readCommonOptions(parser);
    const int repetitions = parser.isSet(kRepetitions) ? parseInt(kRepetitions, parser.value(kRepetitions))
                                                       : kDefaultRepetitions;
    if (repetitions < 1)
        throw UsageError("--repetitions must be at least 1, got " + std::to_string(repetitions));

    const ada::Dataset dataset = loadDatasetWithProgress(options.dataset);
    const int queries = resolveQueryCount(options, dataset);
    const ada::Config config = buildConfig(options.algorithm, dataset);

    const BenchResult result = benchmark(dataset, config, queries, repetitions);
    QTextStream out(stdout);
    out << summary(result, config, dataset, queries);
    out.flush();
    if (!options.jsonPath.isEmpty()) {
        writeJsonFile(options.jsonPath, benchJson(result, config, dataset, queries));
        QTextStream(stderr) << "wrote " << options.jsonPath << u'\n';
    }
    return kExitOk;
}

} // namespace ada::cli
