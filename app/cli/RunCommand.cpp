#include "RunCommand.h"

#include "CliOptions.h"
#include "DatasetCommands.h"
#include "OutputFormat.h"

#include "core/Evaluation.h"
#include "datasets/DatasetLoader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <array>
#include <type_traits>

namespace ada::cli {

namespace {

// Above this many test queries the per-query table would drown the summary; JSON has them all.
constexpr int kMaxPerQueryRows = 20;

const QString kTune = QStringLiteral("tune");

// Fails before a long computation rather than after it; QSaveFile still guards the final write.
void checkJsonDirectory(const QString& path)
{
    if (path.isEmpty())
        return;
    const QDir dir = QFileInfo(path).absoluteDir();
    if (!dir.exists())
        throw IoError("cannot write " + toStdString(path) + ": the folder " + toStdString(dir.path())
                      + " does not exist");
}

template <typename T>
QJsonArray toJsonArray(const std::vector<T>& values)
{
    QJsonArray out;
    for (const T& v : values)
        out.append(QJsonValue(static_cast<std::conditional_t<std::is_integral_v<T>, qint64, double>>(v)));
    return out;
}

template <typename T>
QString joined(const std::vector<T>& values)
{
    QStringList parts;
    for (const T& v : values) {
        if constexpr (std::is_integral_v<T>)
            parts.append(QString::number(v));
        else
            parts.append(formatNumber(v));
    }
    return parts.join(u',');
}

std::array<std::int64_t, ada::kCostedPhases> phaseTotals(const ada::ExperimentReport& report)
{
    std::array<std::int64_t, ada::kCostedPhases> totals{};
    for (const ada::QueryOutcome& o : report.outcomes)
        for (int p = 0; p < ada::kCostedPhases; ++p)
            totals[static_cast<std::size_t>(p)] += o.result.phasePulls[static_cast<std::size_t>(p)];
    return totals;
}

int successCount(const ada::ExperimentReport& report)
{
    int count = 0;
    for (const ada::QueryOutcome& o : report.outcomes)
        count += o.success ? 1 : 0;
    return count;
}

QString summary(const ada::ExperimentReport& report, const ada::Config& config, const ada::Dataset& dataset)
{
    const int tested = static_cast<int>(report.outcomes.size());
    const int tuned = static_cast<int>(report.tuneQueries.size());
    KeyValues rows = configRows(config, dataset);
    rows.insert(rows.begin() + 3, {QStringLiteral("queries (test)"), QString::number(tested)});
    rows.insert(rows.begin() + 4, {QStringLiteral("tuning queries"), QString::number(tuned)});
    rows.emplace_back(
        QStringLiteral("fudge factors"),
        fudgeText(report.fudge)
            + (tuned > 0 ? QStringLiteral(" (tuned on %1 queries)").arg(tuned) : QStringLiteral(" (given)")));
    rows.emplace_back(QStringLiteral("total pulls"), formatInteger(report.totalPulls));
    rows.emplace_back(QStringLiteral("exact pulls (sum n*D)"), formatInteger(report.exactPulls));
    rows.emplace_back(QStringLiteral("speedup (samples)"),
                      formatNumber(report.speedup) + QStringLiteral("x  (1 / mean of pulls/(n*D))"));
    rows.emplace_back(QStringLiteral("success rate"),
                      QStringLiteral("%1/%2 = %3 (target >= %4)")
                          .arg(successCount(report))
                          .arg(tested)
                          .arg(formatPercent(report.successRate))
                          .arg(formatPercent(1.0 - config.delta)));
    const double perQuery = tested > 0 ? 1.0 / tested : 0.0;
    rows.emplace_back(QStringLiteral("wall-clock adaptive"),
                      QStringLiteral("%1 (%2 per query)")
                          .arg(formatSeconds(report.wallAdaptiveSeconds),
                               formatSeconds(report.wallAdaptiveSeconds * perQuery)));
    rows.emplace_back(
        QStringLiteral("wall-clock exact"),
        QStringLiteral("%1 (%2 per query)")
            .arg(formatSeconds(report.wallExactSeconds), formatSeconds(report.wallExactSeconds * perQuery)));
    return renderKeyValues(rows);
}

QString perQueryTable(const ada::ExperimentReport& report)
{
    TextTable table({QStringLiteral("query"), QStringLiteral("top-k"), QStringLiteral("p_hat"),
                     QStringLiteral("p"), QStringLiteral("pulls"), QStringLiteral("success")});
    for (const ada::QueryOutcome& o : report.outcomes)
        table.addRow({QString::number(o.query), joined(o.result.topK), joined(o.result.probabilities),
                      joined(o.trueProbabilities), formatInteger(o.result.totalPulls),
                      o.success ? QStringLiteral("yes") : QStringLiteral("NO")});
    return table.render();
}

QJsonObject reportJson(const ada::ExperimentReport& report, const ada::Config& config,
                       const ada::Dataset& dataset)
{
    QJsonObject out;
    addConfigFields(out, config, dataset);
    out.insert(QStringLiteral("queries"), static_cast<int>(report.outcomes.size()));
    out.insert(QStringLiteral("tune_queries"), static_cast<int>(report.tuneQueries.size()));
    out.insert(QStringLiteral("tune_query_indices"), toJsonArray(report.tuneQueries));
    out.insert(QStringLiteral("total_pulls"), static_cast<qint64>(report.totalPulls));
    out.insert(QStringLiteral("exact_pulls"), static_cast<qint64>(report.exactPulls));
    out.insert(QStringLiteral("speedup"), report.speedup);
    out.insert(QStringLiteral("success_rate"), report.successRate);
    out.insert(QStringLiteral("fudge"), fudgeJson(report.fudge));
    out.insert(QStringLiteral("wall_adaptive_s"), report.wallAdaptiveSeconds);
    out.insert(QStringLiteral("wall_exact_s"), report.wallExactSeconds);

    const auto phases = phaseTotals(report);
    // JSON keys are identifiers, so "warmup" rather than the display name "warm-up".
    static const std::array<QString, ada::kCostedPhases> kPhaseKeys{
        QStringLiteral("warmup"), QStringLiteral("elimination"), QStringLiteral("winner"),
        QStringLiteral("partition")};
    QJsonObject phaseObject;
    for (std::size_t p = 0; p < kPhaseKeys.size(); ++p)
        phaseObject.insert(kPhaseKeys[p], static_cast<qint64>(phases[p]));
    out.insert(QStringLiteral("phase_pulls"), phaseObject);

    QJsonArray perQuery;
    for (const ada::QueryOutcome& o : report.outcomes) {
        perQuery.append(QJsonObject{
            {QStringLiteral("query"), o.query},
            {QStringLiteral("pulls"), static_cast<qint64>(o.result.totalPulls)},
            {QStringLiteral("top_k"), toJsonArray(o.result.topK)},
            {QStringLiteral("true_top_k"), toJsonArray(o.trueTopK)},
            {QStringLiteral("p_hat"), toJsonArray(o.result.probabilities)},
            {QStringLiteral("p_true"), toJsonArray(o.trueProbabilities)},
            {QStringLiteral("log_s_hat"), o.result.logPartition},
            {QStringLiteral("log_s"), o.trueLogPartition},
            {QStringLiteral("success"), o.success},
            {QStringLiteral("effective_dim"), static_cast<qint64>(o.result.effectiveDim)},
            {QStringLiteral("elimination_rounds"), o.result.eliminationRounds},
        });
    }
    out.insert(QStringLiteral("per_query"), perQuery);
    return out;
}

} // namespace

int runCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run AdaptiveSoftmax on every test query of DATASET and score it against exact softmax.\n"
        "With the paper preset, the fudge factors are first tuned on a seeded subset of the "
        "queries (--tune), which are then left out of the test."));
    addCommonOptions(parser);
    parser.addOption(
        {kTune,
         QStringLiteral("Tune the fudge factors on N of the queries (default: min(200, M/4) for the "
                        "paper preset, 0 otherwise)."),
         QStringLiteral("N")});
    if (!parseCommandLine(parser, arguments, QStringLiteral("run")))
        return kExitOk;
    const CommonOptions options = readCommonOptions(parser);
    std::optional<int> tune;
    if (parser.isSet(kTune))
        tune = parseInt(kTune, parser.value(kTune));
    if (tune && *tune < 0)
        throw UsageError("--tune must be at least 0, got " + std::to_string(*tune));
    checkJsonDirectory(options.jsonPath);

    const ada::Dataset dataset = loadDatasetWithProgress(options.dataset);
    const int queries = resolveQueryCount(options, dataset);
    if (tune && *tune >= queries)
        throw UsageError("--tune " + std::to_string(*tune)
                         + " must be smaller than the number of queries used (" + std::to_string(queries)
                         + "), so that some are left to test");
    const ada::Config config = buildConfig(options.algorithm, dataset);

    ada::ExperimentOptions experiment;
    experiment.config = config;
    experiment.queries = queries;
    experiment.tune = tune.value_or(-1);
    // One seed names the whole experiment: the tune/test split follows the algorithm's seed.
    experiment.splitSeed = config.seed;

    ProgressPrinter progress;
    const ada::ExperimentReport report
        = ada::runExperiment(dataset, experiment, [&progress](int done, int total, std::string_view stage) {
              return progress(done, total, stage);
          });
    progress.finish();

    QTextStream out(stdout);
    out << summary(report, config, dataset);
    if (!report.outcomes.empty() && report.outcomes.size() <= static_cast<std::size_t>(kMaxPerQueryRows))
        out << u'\n' << perQueryTable(report);
    out.flush();

    if (!options.jsonPath.isEmpty()) {
        writeJsonFile(options.jsonPath, reportJson(report, config, dataset));
        QTextStream(stderr) << "wrote " << options.jsonPath << u'\n';
    }
    return kExitOk;
}

} // namespace ada::cli
