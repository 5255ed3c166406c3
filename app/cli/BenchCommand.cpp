#include "BenchCommand.h"

#include "BenchSuite.h"
#include "BenchTiming.h"
#include "CliOptions.h"
#include "DatasetCommands.h"
#include "OutputFormat.h"

#include "core/AdaptiveSoftmax.h"
#include "core/Evaluation.h"
#include "datasets/DatasetLoader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <functional>
#include <numeric>
#include <optional>
#include <vector>

namespace ada::cli {

namespace {

const QString kRepetitions = QStringLiteral("repetitions");
const QString kSuite = QStringLiteral("suite");
const QString kQuick = QStringLiteral("quick");
const QString kOnly = QStringLiteral("only");
const QString kKernels = QStringLiteral("kernels");
constexpr int kDefaultRepetitions = 5;

// Bytes of A per query as a fraction of what exact softmax streams (n·d float32).
double bytesOfA(const ada::Dataset& dataset)
{
    return 4.0 * double(dataset.head.arms()) * double(dataset.head.dim());
}

double bytesFraction(const InterleavedTiming& r, const ada::Dataset& dataset)
{
    return r.meanBytesRead / bytesOfA(dataset);
}

QString summary(const InterleavedTiming& r, const ada::Config& config, const ada::Dataset& dataset,
                int queries)
{
    const int repetitions = static_cast<int>(r.exactSeconds.size());
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
    const QString success = QStringLiteral("success rate %1").arg(formatPercent(r.successRate()));
    rows.emplace_back(
        QStringLiteral("time speedup"),
        QStringLiteral("%1x  (exact / adaptive; %2)").arg(formatNumber(r.timeSpeedup()), success));
    rows.emplace_back(
        QStringLiteral("sample speedup"),
        QStringLiteral("%1x  (1 / mean of pulls/(n*D); %2)").arg(formatNumber(r.sampleSpeedup), success));
    rows.emplace_back(QStringLiteral("pulls per query"), formatNumber(r.meanPulls));
    rows.emplace_back(QStringLiteral("exact pulls (n*D)"), formatNumber(r.meanExactPulls));
    rows.emplace_back(QStringLiteral("bytes of A read"),
                      QStringLiteral("%1 per query (%2 of n*d*4)")
                          .arg(formatNumber(r.meanBytesRead), formatPercent(bytesFraction(r, dataset))));
    rows.emplace_back(
        QStringLiteral("cache-line floor"),
        QStringLiteral("%1 per query: the pulls' least bytes of A (time speedup <= %2x at "
                       "exact's bandwidth)")
            .arg(formatNumber(r.meanFloorBytes),
                 formatNumber(r.meanFloorBytes > 0 ? bytesOfA(dataset) / r.meanFloorBytes : 0.0)));
    for (int p = 0; p < kCostedPhases; ++p) {
        const auto i = static_cast<std::size_t>(p);
        rows.emplace_back(QStringLiteral("  %1").arg(QString::fromUtf8(toString(Phase(p)).data())),
                          QStringLiteral("%1 pulls, %2 bytes per query")
                              .arg(formatNumber(r.meanPhasePulls[i]), formatNumber(r.meanPhaseBytes[i])));
    }
    rows.emplace_back(QStringLiteral("checksum"), formatNumber(r.checksum, 12));
    QString text = renderKeyValues(rows) + u'\n';

    TextTable table({QStringLiteral("repetition"), QStringLiteral("exact/query"),
                     QStringLiteral("adaptive/query"), QStringLiteral("ratio")});
    for (int i = 0; i < repetitions; ++i) {
        const double e = r.exactSeconds[static_cast<std::size_t>(i)];
        const double a = r.adaptiveSeconds[static_cast<std::size_t>(i)];
        table.addRow({QString::number(i + 1), formatSeconds(e), formatSeconds(a),
                      formatNumber(a > 0.0 ? e / a : 0.0)});
    }
    return text + table.render();
}

QJsonObject benchJson(const InterleavedTiming& r, const ada::Config& config, const ada::Dataset& dataset,
                      int queries)
{
    QJsonObject out;
    addConfigFields(out, config, dataset);
    out.insert(QStringLiteral("queries"), queries);
    out.insert(QStringLiteral("repetitions"), static_cast<int>(r.exactSeconds.size()));
    out.insert(QStringLiteral("fudge"), fudgeJson(config.fudge));
    out.insert(QStringLiteral("exact_s_per_query"), r.medianExact);
    out.insert(QStringLiteral("adaptive_s_per_query"), r.medianAdaptive);
    out.insert(QStringLiteral("time_speedup"), r.timeSpeedup());
    out.insert(QStringLiteral("sample_speedup"), r.sampleSpeedup);
    out.insert(QStringLiteral("success_rate"), r.successRate());
    out.insert(QStringLiteral("pulls_per_query"), r.meanPulls);
    out.insert(QStringLiteral("exact_pulls_per_query"), r.meanExactPulls);
    out.insert(QStringLiteral("bytes_touched"), r.meanBytesRead);
    out.insert(QStringLiteral("checksum"), r.checksum);
    QJsonArray reps;
    for (std::size_t i = 0; i < r.exactSeconds.size(); ++i)
        reps.append(QJsonObject{{QStringLiteral("exact_s_per_query"), r.exactSeconds[i]},
                                {QStringLiteral("adaptive_s_per_query"), r.adaptiveSeconds[i]}});
    out.insert(QStringLiteral("per_repetition"), reps);
    return out;
}

SuiteOptions readSuiteOptions(const QCommandLineParser& parser, std::optional<int> repetitions)
{
    if (!parser.positionalArguments().isEmpty())
        throw UsageError("--suite takes no DATASET (it loads its own heads), got '"
                         + parser.positionalArguments().first().toStdString() + "'");
    for (const QString& option :
         {QStringLiteral("queries"), QStringLiteral("preset"), QStringLiteral("weights")})
        if (parser.isSet(option))
            throw UsageError("--" + option.toStdString()
                             + " does not apply to --suite (each head has its own configuration)");
    SuiteOptions out;
    out.quick = parser.isSet(kQuick);
    out.jsonPath = parser.value(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("json")) && out.jsonPath.isEmpty())
        throw UsageError("--json needs a file name");
    if (parser.isSet(QStringLiteral("delta")))
        out.delta = parseDouble(QStringLiteral("delta"), parser.value(QStringLiteral("delta")));
    if (parser.isSet(QStringLiteral("seed")))
        out.seed = parseUnsigned(QStringLiteral("seed"), parser.value(QStringLiteral("seed")));
    if (repetitions)
        out.repetitions = *repetitions;
    if (parser.isSet(kOnly)) {
        out.only = parser.value(kOnly).trimmed();
        if (out.only.isEmpty())
            throw UsageError("--only needs part of a head's name, for example --only GloVe");
    }
    if (parser.isSet(QStringLiteral("sampler"))) {
        out.paperSampler
            = parseSamplerOption(QStringLiteral("sampler"), parser.value(QStringLiteral("sampler")));
        ada::Config paper = ada::Config::forPreset(ada::Preset::Paper);
        paper.sampler = out.paperSampler;
        if (!paper.importanceSampling())
            throw UsageError(
                "--sampler with --suite takes an importance sampler (is-wr, is-wor-ht or "
                "is-wor-dr): the suite's real and LLM-shaped heads use the paper preset's weights");
    }
    return out;
}

} // namespace

int benchCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Time exact softmax and AdaptiveSoftmax on the same queries of DATASET, interleaved query by "
        "query, after one untimed pass over them, and report the median per-query time of each over the "
        "repetitions, their ratio, the "
        "sample speedup and the success rate. The fudge factors are not tuned here: they come from "
        "--fudge-best and --fudge-log (default 1).\n\n"
        "With --suite (and no DATASET) it runs the benchmark suite instead: LLM-shaped, Fashion-MNIST "
        "and the paper's synthetic heads, each with tuned fudge factors, and prints the performance "
        "table with the cost model (bytes of A read, bandwidth of each path). Its LLM-shaped and real "
        "heads run the paper preset with the sampler --sampler names (default is-wor-dr, Des Raj's "
        "incremental estimator; is-wor-ht is the preset's own). --quick runs a small version of it in "
        "seconds."));
    addCommonOptions(parser);
    parser.addOption({kSuite, QStringLiteral("Run the benchmark suite (no DATASET).")});
    parser.addOption({kQuick, QStringLiteral("With --suite: the small version (seconds, for tests).")});
    parser.addOption({kOnly,
                      QStringLiteral("With --suite: run only the heads whose name contains TEXT "
                                     "(case-insensitive), for example GloVe or \"GPT-2\"."),
                      QStringLiteral("TEXT")});
    parser.addOption({kKernels,
                      QStringLiteral("fast (default) or straightforward: how the pulls read A. Both give the "
                                     "same bits; straightforward is the arm-by-arm reference shape."),
                      QStringLiteral("KIND")});
    parser.addOption({kRepetitions,
                      QStringLiteral("Timed passes over the queries (default %1).").arg(kDefaultRepetitions),
                      QStringLiteral("R")});
    if (!parseCommandLine(parser, arguments, QStringLiteral("bench")))
        return kExitOk;
    const std::optional<int> repetitionsGiven = parser.isSet(kRepetitions)
        ? std::optional<int>(parseInt(kRepetitions, parser.value(kRepetitions)))
        : std::nullopt;
    if (repetitionsGiven && *repetitionsGiven < 1)
        throw UsageError("--repetitions must be at least 1, got " + std::to_string(*repetitionsGiven));
    if (parser.isSet(kSuite))
        return runSuite(readSuiteOptions(parser, repetitionsGiven));
    if (parser.isSet(kQuick))
        throw UsageError("--quick only applies to --suite");
    if (parser.isSet(kOnly))
        throw UsageError("--only only applies to --suite");
    ada::PullKernels kernels = ada::PullKernels::Fast;
    if (parser.isSet(kKernels)) {
        const QString kind = parser.value(kKernels);
        if (kind == QLatin1String("straightforward"))
            kernels = ada::PullKernels::Straightforward;
        else if (kind != QLatin1String("fast"))
            throw UsageError("--kernels expects fast or straightforward, got '" + kind.toStdString() + "'");
    }
    const CommonOptions options = readCommonOptions(parser);
    const int repetitions = repetitionsGiven.value_or(kDefaultRepetitions);

    const ada::Dataset dataset = loadDatasetWithProgress(options.dataset);
    const int queries = resolveQueryCount(options, dataset);
    const ada::Config config = buildConfig(options.algorithm, dataset);

    const ada::PreparedHead prepared(dataset.head, config, kernels);
    std::vector<int> indices(static_cast<std::size_t>(queries));
    std::iota(indices.begin(), indices.end(), 0);
    ProgressPrinter progress;
    const InterleavedTiming result
        = timeInterleaved(dataset, prepared, config, indices, repetitions, std::ref(progress));
    progress.finish();
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
