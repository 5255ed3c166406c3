#include "ReportCommand.h"

#include "CliOptions.h"
#include "DatasetCommands.h"
#include "OutputFormat.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>

namespace ada::cli {

namespace {

const QString kDeltas = QStringLiteral("deltas");
const QString kTune = QStringLiteral("tune");
const QString kCsv = QStringLiteral("csv");
const QString kNoSvd = QStringLiteral("no-svd");
const QString kNoHsm = QStringLiteral("no-hsm");
const QString kSvdSweep = QStringLiteral("svd-sweep");
const QString kHsmRank = QStringLiteral("hsm-rank");

// JSON has no infinity (a head whose every query is zero costs nothing): null then.
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonValue deltaValue(double delta)
{
    return delta > 0 ? QJsonValue(delta) : QJsonValue(QJsonValue::Null);
}

const char* const kPhaseKeys[ada::kCostedPhases] = {"warmup", "elimination", "winner", "partition"};

QJsonObject phaseObject(const std::array<double, ada::kCostedPhases>& values)
{
    QJsonObject out;
    for (int p = 0; p < ada::kCostedPhases; ++p)
        out.insert(QLatin1String(kPhaseKeys[p]), values[std::size_t(p)]);
    return out;
}

template <typename T>
QJsonArray array(const std::vector<T>& values)
{
    QJsonArray out;
    for (const T& v : values)
        out.append(QJsonValue(static_cast<std::conditional_t<std::is_integral_v<T>, qint64, double>>(v)));
    return out;
}

void checkOutputDirectory(const QString& path, const QString& option)
{
    if (path.isEmpty())
        return;
    const QDir dir = QFileInfo(path).absoluteDir();
    if (!dir.exists())
        throw IoError("cannot write " + toStdString(path) + " (--" + toStdString(option) + "): the folder "
                      + toStdString(dir.path()) + " does not exist");
}

void writeTextFile(const QString& path, const std::string& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        throw IoError("cannot write " + toStdString(path) + ": " + toStdString(file.errorString()));
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit())
        throw IoError("cannot write " + toStdString(path) + ": " + toStdString(file.errorString()));
}

std::vector<double> parseDeltas(const QString& text)
{
    std::vector<double> out;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        const double delta = parseDouble(kDeltas, part);
        if (!(delta > 0.0 && delta < 1.0))
            throw UsageError("--deltas: every δ must lie in (0, 1), got " + toStdString(part.trimmed()));
        out.push_back(delta);
    }
    if (out.empty())
        throw UsageError("--deltas needs at least one value, e.g. 0.1,0.05,0.01");
    return out;
}

std::vector<std::pair<int, int>> parseSweep(const QString& text)
{
    std::vector<std::pair<int, int>> out;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList wn = part.split(u':');
        if (wn.size() != 2)
            throw UsageError("--svd-sweep expects W:N pairs separated by commas, e.g. 16:100,32:200; got '"
                             + toStdString(part) + "'");
        out.emplace_back(parseInt(kSvdSweep, wn[0]), parseInt(kSvdSweep, wn[1]));
    }
    if (out.empty())
        throw UsageError("--svd-sweep needs at least one W:N pair");
    return out;
}

} // namespace

QJsonObject reportToJson(const ada::SpeedupReport& report, const ada::Config& config,
                         const ada::Dataset& dataset)
{
    QJsonObject head;
    addConfigFields(head, config, dataset);
    head.remove(QStringLiteral("delta")); // every adaptive row has its own
    head.insert(QStringLiteral("seed"), static_cast<qint64>(report.seed));
    head.insert(QStringLiteral("deltas"), array(report.deltas));
    head.insert(QStringLiteral("tune_queries"), static_cast<int>(report.tuneQueries.size()));
    head.insert(QStringLiteral("test_queries"), static_cast<int>(report.testQueries.size()));
    head.insert(QStringLiteral("tune_query_indices"), array(report.tuneQueries));
    head.insert(QStringLiteral("svd_seconds"), report.svdSeconds);
    head.insert(QStringLiteral("hsm_fit_seconds"), report.hsmFitSeconds);
    QJsonArray notes;
    for (const ReportNote& note : report.notes)
        notes.append(QString::fromStdString(note.text));
    head.insert(QStringLiteral("notes"), notes);

    QJsonArray rows, perQuery;
    for (std::size_t r = 0; r < report.rows.size(); ++r) {
        const ada::ReportRow& row = report.rows[r];
        QJsonObject params;
        for (const auto& [key, value] : row.params)
            params.insert(QString::fromStdString(key), value);
        QJsonObject o{
            {QStringLiteral("method"), QString::fromStdString(row.method)},
            {QStringLiteral("delta"), deltaValue(row.delta)},
            {QStringLiteral("params"), params},
            {QStringLiteral("sample_speedup"), number(row.sampleSpeedup)},
            {QStringLiteral("sample_speedup_d"), number(row.sampleSpeedupD)},
            {QStringLiteral("time_speedup"), number(row.timeSpeedup)},
            {QStringLiteral("success_rate"), row.successRate},
            {QStringLiteral("success_ci"), QJsonArray{row.successCi.first, row.successCi.second}},
            {QStringLiteral("test_queries"), row.testQueries},
            {QStringLiteral("successes"), row.successes},
            {QStringLiteral("cost_per_query"), row.costPerQuery},
            {QStringLiteral("seconds_per_query"), row.secondsPerQuery},
            {QStringLiteral("meets_target"), row.meets(ada::targetDelta(report, row))},
        };
        if (row.method == "adaptive")
            o.insert(QStringLiteral("phase_pulls_per_query"), phaseObject(row.phasePullsPerQuery));
        rows.append(o);
        for (const ada::ReportQuery& q : row.perQuery) {
            QJsonObject pq{
                {QStringLiteral("row"), static_cast<int>(r)},
                {QStringLiteral("method"), QString::fromStdString(row.method)},
                {QStringLiteral("delta"), deltaValue(row.delta)},
                {QStringLiteral("query"), q.query},
                {QStringLiteral("cost"), static_cast<qint64>(q.cost)},
                {QStringLiteral("exact_cost"), static_cast<qint64>(q.exactCost)},
                {QStringLiteral("full_cost"), static_cast<qint64>(q.fullCost)},
                {QStringLiteral("success"), q.success},
                {QStringLiteral("seconds"), q.seconds},
                {QStringLiteral("exact_seconds"), q.exactSeconds},
                {QStringLiteral("top_k"), array(q.topK)},
                {QStringLiteral("p_hat"), array(q.probabilities)},
            };
            if (row.method == "adaptive") {
                std::array<double, ada::kCostedPhases> phases{};
                for (std::size_t p = 0; p < phases.size(); ++p)
                    phases[p] = double(q.phasePulls[p]);
                pq.insert(QStringLiteral("phase_pulls"), phaseObject(phases));
            }
            perQuery.append(pq);
        }
    }
    return QJsonObject{{QStringLiteral("head"), head},
                       {QStringLiteral("rows"), rows},
                       {QStringLiteral("per_query"), perQuery}};
}

int reportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The speedup report: for each δ, tune the fudge factors on a seeded subset of DATASET's queries, "
        "run every other query, and compare AdaptiveSoftmax's sample and wall-clock speedups and success "
        "rate (with a 95% Clopper-Pearson interval) with exact softmax, an SVD-softmax sweep and a "
        "hierarchical softmax fitted to the head, on the same test queries. Progress on stderr, the "
        "Markdown table on stdout. --delta is replaced by --deltas here."));
    addCommonOptions(parser);
    parser.addOptions({
        {kDeltas, QStringLiteral("The δ values, comma-separated (default 0.1,0.05,0.01)."),
         QStringLiteral("LIST")},
        {kTune,
         QStringLiteral("Tuning queries, which also fit the hierarchical softmax (default min(200, M/2))."),
         QStringLiteral("N")},
        {kCsv, QStringLiteral("Also write the table as CSV to FILE."), QStringLiteral("FILE")},
        {kNoSvd, QStringLiteral("Leave out the SVD-softmax baseline.")},
        {kNoHsm, QStringLiteral("Leave out the hierarchical softmax baseline.")},
        {kSvdSweep,
         QStringLiteral(
             "SVD-softmax (W, N) pairs as W:N,W:N (default: W in r/8, r/4, r/2 × N in n/16, n/8, n/4)."),
         QStringLiteral("LIST")},
        {kHsmRank, QStringLiteral("Dimensions of the hierarchical softmax's node regressions (default 64)."),
         QStringLiteral("R")},
    });
    if (!parseCommandLine(parser, arguments, QStringLiteral("report")))
        return kExitOk;
    const CommonOptions options = readCommonOptions(parser);
    ada::SpeedupReportOptions report;
    if (parser.isSet(kDeltas))
        report.deltas = parseDeltas(parser.value(kDeltas));
    else if (parser.isSet(QStringLiteral("delta")))
        report.deltas = {options.algorithm.delta};
    if (parser.isSet(kTune)) {
        report.tune = parseInt(kTune, parser.value(kTune));
        if (report.tune < 1)
            throw UsageError(
                "--tune must be at least 1 (the tuning queries also fit the hierarchical softmax), got "
                + std::to_string(report.tune));
    }
    report.svd = !parser.isSet(kNoSvd);
    report.hsm = !parser.isSet(kNoHsm);
    if (parser.isSet(kSvdSweep))
        report.svdSweep = parseSweep(parser.value(kSvdSweep));
    if (parser.isSet(kHsmRank)) {
        report.hsmOptions.rank = parseInt(kHsmRank, parser.value(kHsmRank));
        if (report.hsmOptions.rank < 1)
            throw UsageError("--hsm-rank must be at least 1");
    }
    const QString csvPath = parser.value(kCsv);
    if (parser.isSet(kCsv) && csvPath.isEmpty())
        throw UsageError("--csv needs a file name");
    checkOutputDirectory(options.jsonPath, QStringLiteral("json"));
    checkOutputDirectory(csvPath, kCsv);

    const ada::Dataset dataset = loadDatasetWithProgress(options.dataset);
    const int queries = resolveQueryCount(options, dataset);
    if (queries < 2)
        throw UsageError("the report needs at least two queries (some to tune, some to test)");
    if (report.tune >= queries)
        throw UsageError("--tune " + std::to_string(report.tune)
                         + " must be smaller than the number of queries used (" + std::to_string(queries)
                         + "), so that some are left to test");
    const int n = static_cast<int>(dataset.head.arms());
    for (const auto& [w, c] : report.svdSweep)
        if (w < 1 || w > std::min<int>(n, int(dataset.head.dim())) || c < options.algorithm.k || c > n)
            throw UsageError("--svd-sweep " + std::to_string(w) + ":" + std::to_string(c)
                             + " is out of range: W in [1, min(n, d)], N in [k, n] for this head");
    report.config = buildConfig(options.algorithm, dataset);
    report.queries = queries;
    report.seed = report.config.seed;

    ProgressPrinter progress;
    const ada::SpeedupReport result
        = ada::runSpeedupReport(dataset, report, [&progress](int done, int total, std::string_view stage) {
              return progress(done, total, stage);
          });
    progress.finish();

    QTextStream out(stdout);
    out << QString::fromStdString(ada::formatReportMarkdown(result));
    out.flush();
    if (!csvPath.isEmpty()) {
        writeTextFile(csvPath, ada::formatReportCsv(result));
        QTextStream(stderr) << "wrote " << csvPath << u'\n';
    }
    if (!options.jsonPath.isEmpty()) {
        writeJsonFile(options.jsonPath, reportToJson(result, report.config, dataset));
        QTextStream(stderr) << "wrote " << options.jsonPath << u'\n';
    }
    return kExitOk;
}

} // namespace ada::cli
