#include "BenchSuite.h"

#include "BenchTiming.h"
#include "CliOptions.h"
#include "DatasetCommands.h"
#include "OutputFormat.h"

#include "core/ClopperPearson.h"
#include "core/FudgeTuning.h"
#include "datasets/DatasetLoader.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <functional>
#include <numeric>
#include <vector>

namespace ada::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct SuiteHead {
    QString label;
    QString dataset; // a loadDataset name
    ada::Preset preset;
    int tune;              // tuning queries for the fudge factors (paper preset); 0: φ = 1 (theory preset)
    int test;              // timed, held-out queries after the tuning ones
    bool optional = false; // measured only when already downloaded (no network during a benchmark)
};

// Sizes chosen so that the whole suite stays within 20 minutes on a 2-core machine: fewer queries
// where one exact pass streams gigabytes. The theory preset is the paper's scaling experiment's
// configuration for its synthetic families (ALGORITHM.md §8.2); real and LLM-shaped heads use the
// paper preset with tuned fudge factors (§7).
std::vector<SuiteHead> suiteHeads(bool quick)
{
    using ada::Preset;
    if (quick)
        return {
            {QStringLiteral("LLM-like, small"), QStringLiteral("synthetic:llm-like?n=4000&d=256&m=24"),
             Preset::Paper, 8, 16},
            {QStringLiteral("Fashion-MNIST, embedded"), QStringLiteral("embedded:fmnist-pixels"),
             Preset::Paper, 50, 100},
            {QStringLiteral("noisy, d = 10^4"), QStringLiteral("synthetic:noisy?n=100&d=10000&m=4"),
             Preset::Theory, 0, 4},
        };
    return {
        {QStringLiteral("LLM-like, GPT-2 shape"), QStringLiteral("synthetic:llm-like?m=48"), Preset::Paper,
         16, 32},
        {QStringLiteral("LLM-like, Mistral shape"), QStringLiteral("synthetic:llm-like?n=32000&d=4096&m=28"),
         Preset::Paper, 12, 16},
        {QStringLiteral("LLM-like, Llama-3 shape"), QStringLiteral("synthetic:llm-like?n=128256&d=4096&m=20"),
         Preset::Paper, 8, 12},
        {QStringLiteral("Fashion-MNIST pixels"), QStringLiteral("fmnist:pixels"), Preset::Paper, 200, 1000},
        {QStringLiteral("Fashion-MNIST random features"), QStringLiteral("fmnist:rf"), Preset::Paper, 200,
         1000},
        {QStringLiteral("GloVe 6B 100d (real)"), QStringLiteral("glove:100d"), Preset::Paper, 100, 100, true},
        {QStringLiteral("noisy, d = 10^5"), QStringLiteral("synthetic:noisy?n=100&d=100000&m=10"),
         Preset::Theory, 0, 10},
        {QStringLiteral("sanity, d = 10^5"), QStringLiteral("synthetic:sanity?n=100&d=100000&m=10"),
         Preset::Theory, 0, 10},
        {QStringLiteral("noisy, d = 10^6"), QStringLiteral("synthetic:noisy?n=100&d=1000000&m=5"),
         Preset::Theory, 0, 5},
        {QStringLiteral("sanity, d = 10^6"), QStringLiteral("synthetic:sanity?n=100&d=1000000&m=5"),
         Preset::Theory, 0, 5},
    };
}

// The suite's heads, or those whose label contains options.only; throws UsageError listing the
// labels when none does.
std::vector<SuiteHead> selectedHeads(const SuiteOptions& options)
{
    std::vector<SuiteHead> heads = suiteHeads(options.quick);
    if (options.only.isEmpty())
        return heads;
    QStringList labels;
    for (const SuiteHead& h : heads)
        labels << h.label;
    std::erase_if(heads,
                  [&](const SuiteHead& h) { return !h.label.contains(options.only, Qt::CaseInsensitive); });
    if (heads.empty())
        throw UsageError("--only '" + options.only.toStdString() + "' matches no head of the "
                         + (options.quick ? "quick " : "")
                         + "suite; its heads are: " + labels.join(QStringLiteral("; ")).toStdString());
    return heads;
}

// Resident set of this process in bytes (Linux /proc/self/statm); 0 where unavailable.
double residentBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0.0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toDouble() * 4096.0 : 0.0;
}

// Single-thread read bandwidth of this machine: the best of a few sums over a buffer far larger
// than the caches. Both paths are single-threaded, so this is their common ceiling.
double streamReadBandwidth()
{
    const std::size_t count = std::size_t(64) << 20; // 256 MiB of floats
    const Eigen::VectorXf buffer = Eigen::VectorXf::Ones(static_cast<Eigen::Index>(count));
    double best = 0.0, sink = 0.0;
    for (int pass = 0; pass < 4; ++pass) {
        const auto t0 = Clock::now();
        const double s = buffer.sum(); // vectorised, like the matrix-vector product it bounds
        const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        sink += s;
        best = std::max(best, 4.0 * double(count) / seconds);
    }
    volatile double keep = sink;
    (void)keep;
    return best;
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly | QIODevice::Text))
        for (const QByteArray& line : f.readAll().split('\n'))
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
    return QSysInfo::currentCpuArchitecture();
}

struct HeadOutcome {
    SuiteHead spec;
    ada::Sampler sampler = ada::Sampler::ImportanceWithoutReplacement;
    Eigen::Index n = 0, d = 0;
    ada::FudgeFactors fudge;
    InterleavedTiming timing;
    double tuneSeconds = 0.0;
    double prepareSeconds = 0.0;
    double structuralMemoryRatio = 0.0; // (head + prepared copies) / (n·d·4)
    double residentMemoryRatio = 0.0;   // resident growth from load to prepared, / (n·d·4)
    // Below 100 MB the resident growth says nothing about the head: pages, huge-page rounding and
    // the heap's reuse of the heads before it move it by tens of MB (it read −1.0 to 1 000 there).
    bool residentRatioMeaningful() const { return matrixBytes() >= 100e6; }
    double matrixBytes() const { return 4.0 * double(n) * double(d); }
    double bytesFraction() const { return timing.meanBytesRead / matrixBytes(); }
    double exactBandwidth() const
    {
        return timing.medianExact > 0 ? matrixBytes() / timing.medianExact : 0.0;
    }
    double adaptiveBandwidth() const
    {
        return timing.medianAdaptive > 0 ? timing.meanBytesRead / timing.medianAdaptive : 0.0;
    }
};

HeadOutcome measureHead(const SuiteHead& spec, const SuiteOptions& options, int index, int count)
{
    QTextStream err(stderr);
    const QString tag = QStringLiteral("[%1/%2] %3").arg(index).arg(count).arg(spec.label);
    err << tag << ": loading " << spec.dataset << '\n';
    err.flush();
    HeadOutcome out;
    out.spec = spec;
    const double residentBefore = residentBytes();
    const ada::Dataset dataset = loadDatasetWithProgress(spec.dataset);
    out.n = dataset.head.arms();
    out.d = dataset.head.dim();
    if (dataset.queryCount() < spec.tune + spec.test)
        throw std::invalid_argument(spec.dataset.toStdString() + " has "
                                    + std::to_string(dataset.queryCount()) + " queries; the suite needs "
                                    + std::to_string(spec.tune + spec.test));
    AlgorithmOptions algorithm;
    algorithm.preset = spec.preset;
    if (spec.preset == ada::Preset::Paper)
        algorithm.sampler = options.paperSampler;
    algorithm.delta = options.delta;
    algorithm.seed = options.seed;
    ada::Config config = buildConfig(algorithm, dataset);
    out.sampler = config.sampler;

    const auto t0 = Clock::now();
    const ada::PreparedHead prepared(dataset.head, config);
    out.prepareSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    out.residentMemoryRatio = (residentBytes() - residentBefore) / out.matrixBytes();
    out.structuralMemoryRatio
        = (out.matrixBytes() + 4.0 * double(dataset.head.bias.size()) + double(prepared.bytesHeld()))
        / out.matrixBytes();

    ProgressPrinter progress;
    if (spec.tune > 0) {
        err << tag << ": tuning the fudge factors on " << spec.tune << " queries\n";
        err.flush();
        std::vector<int> tune(static_cast<std::size_t>(spec.tune));
        std::iota(tune.begin(), tune.end(), 0);
        const auto t1 = Clock::now();
        config.fudge = ada::tuneFudgeFactors(prepared, dataset.queries, tune, config, std::ref(progress),
                                             dataset.excludedArms);
        progress.finish();
        out.tuneSeconds = std::chrono::duration<double>(Clock::now() - t1).count();
    }
    out.fudge = config.fudge;
    err << tag << ": timing " << spec.test << " held-out queries x " << options.repetitions << '\n';
    err.flush();
    std::vector<int> test(static_cast<std::size_t>(spec.test));
    std::iota(test.begin(), test.end(), spec.tune);
    out.timing = timeInterleaved(dataset, prepared, config, test, options.repetitions, std::ref(progress));
    progress.finish();
    return out;
}

QString gigabytesPerSecond(double bytesPerSecond)
{
    return formatNumber(bytesPerSecond / 1e9, 3);
}

QString successText(const HeadOutcome& h)
{
    const int trials = static_cast<int>(h.spec.test);
    const auto [lo, hi] = ada::clopperPearson(h.timing.distinctSuccesses, trials);
    return QStringLiteral("%1 [%2, %3] (%4/%5)")
        .arg(formatPercent(double(h.timing.distinctSuccesses) / trials), formatPercent(lo), formatPercent(hi))
        .arg(h.timing.distinctSuccesses)
        .arg(trials);
}

// The cost model in one line: time ratio = (bytes read / n·d·4) × (exact bandwidth / adaptive bandwidth).
QString costModelText(const HeadOutcome& h)
{
    const double bandwidthRatio
        = h.adaptiveBandwidth() > 0 ? h.exactBandwidth() / h.adaptiveBandwidth() : 0.0;
    const double floorFraction = h.timing.meanFloorBytes / h.matrixBytes();
    return QStringLiteral("adaptive/exact time %1 = reads %2 of A's bytes x streams them %3x slower; "
                          "its pulls need at least %4 (cache-line floor), so at the exact path's "
                          "bandwidth the time speedup is at most %5x")
        .arg(formatNumber(h.timing.timeSpeedup() > 0 ? 1.0 / h.timing.timeSpeedup() : 0.0, 3),
             formatPercent(h.bytesFraction()), formatNumber(bandwidthRatio, 3), formatPercent(floorFraction),
             formatNumber(floorFraction > 0 ? 1.0 / floorFraction : 0.0, 3));
}

QString renderTable(const std::vector<HeadOutcome>& heads)
{
    TextTable table({QStringLiteral("head"), QStringLiteral("sampler"), QStringLiteral("n x d"),
                     QStringLiteral("exact/query"), QStringLiteral("adaptive/query"),
                     QStringLiteral("time speedup"), QStringLiteral("sample speedup"),
                     QStringLiteral("success [95 % CI]"), QStringLiteral("A read"),
                     QStringLiteral("GB/s exact | adaptive"), QStringLiteral("memory")});
    for (const HeadOutcome& h : heads)
        table.addRow({h.spec.label, QString::fromUtf8(ada::toString(h.sampler)),
                      QStringLiteral("%1 x %2").arg(h.n).arg(h.d), formatSeconds(h.timing.medianExact),
                      formatSeconds(h.timing.medianAdaptive), formatNumber(h.timing.timeSpeedup(), 3) + u'x',
                      formatNumber(h.timing.sampleSpeedup, 3) + u'x', successText(h),
                      formatPercent(h.bytesFraction()),
                      gigabytesPerSecond(h.exactBandwidth()) + QStringLiteral(" | ")
                          + gigabytesPerSecond(h.adaptiveBandwidth()),
                      formatNumber(h.structuralMemoryRatio, 3) + u'x'});
    return table.render();
}

// Per phase of Algorithm 1: mean pulls and bytes of A read per query.
QJsonObject phasesJson(const InterleavedTiming& t)
{
    QJsonObject phases;
    for (int p = 0; p < ada::kCostedPhases; ++p) {
        const auto i = static_cast<std::size_t>(p);
        phases.insert(QString::fromUtf8(ada::toString(ada::Phase(p)).data()),
                      QJsonObject{{QStringLiteral("pulls"), t.meanPhasePulls[i]},
                                  {QStringLiteral("bytes"), t.meanPhaseBytes[i]}});
    }
    return phases;
}

QJsonObject headJson(const HeadOutcome& h)
{
    const auto [lo, hi] = ada::clopperPearson(h.timing.distinctSuccesses, h.spec.test);
    QJsonArray reps;
    for (std::size_t i = 0; i < h.timing.exactSeconds.size(); ++i)
        reps.append(QJsonObject{{QStringLiteral("exact_s"), h.timing.exactSeconds[i]},
                                {QStringLiteral("adaptive_s"), h.timing.adaptiveSeconds[i]}});
    return QJsonObject{
        {QStringLiteral("name"), h.spec.label},
        {QStringLiteral("dataset"), h.spec.dataset},
        {QStringLiteral("n"), static_cast<qint64>(h.n)},
        {QStringLiteral("d"), static_cast<qint64>(h.d)},
        {QStringLiteral("preset"), QString::fromUtf8(ada::toString(h.spec.preset))},
        {QStringLiteral("sampler"), QString::fromUtf8(ada::toString(h.sampler))},
        {QStringLiteral("fudge"),
         QJsonObject{{QStringLiteral("best_arms"), h.fudge.bestArms},
                     {QStringLiteral("log_norm"), h.fudge.logNorm}}},
        {QStringLiteral("tune_queries"), h.spec.tune},
        {QStringLiteral("test_queries"), h.spec.test},
        {QStringLiteral("exact_s"), h.timing.medianExact},
        {QStringLiteral("adaptive_s"), h.timing.medianAdaptive},
        {QStringLiteral("time_speedup"), h.timing.timeSpeedup()},
        {QStringLiteral("sample_speedup"), h.timing.sampleSpeedup},
        {QStringLiteral("success_rate"), double(h.timing.distinctSuccesses) / h.spec.test},
        {QStringLiteral("success_ci95"), QJsonArray{lo, hi}},
        {QStringLiteral("bytes_touched"), h.timing.meanBytesRead},
        {QStringLiteral("bytes_exact"), h.matrixBytes()},
        {QStringLiteral("bytes_fraction"), h.bytesFraction()},
        {QStringLiteral("bytes_floor"), h.timing.meanFloorBytes},
        {QStringLiteral("time_speedup_bound"),
         h.timing.meanFloorBytes > 0 ? h.matrixBytes() / h.timing.meanFloorBytes : 0.0},
        {QStringLiteral("phases"), phasesJson(h.timing)},
        {QStringLiteral("exact_bandwidth_Bps"), h.exactBandwidth()},
        {QStringLiteral("adaptive_bandwidth_Bps"), h.adaptiveBandwidth()},
        {QStringLiteral("pulls_per_query"), h.timing.meanPulls},
        {QStringLiteral("exact_pulls_per_query"), h.timing.meanExactPulls},
        {QStringLiteral("memory_ratio"), h.structuralMemoryRatio},
        {QStringLiteral("resident_memory_ratio"),
         h.residentRatioMeaningful() ? QJsonValue(h.residentMemoryRatio) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("prepare_s"), h.prepareSeconds},
        {QStringLiteral("tune_s"), h.tuneSeconds},
        {QStringLiteral("per_repetition"), reps},
        {QStringLiteral("checksum"), h.timing.checksum},
    };
}

} // namespace

int runSuite(const SuiteOptions& options)
{
    ada::Config probe;
    probe.delta = options.delta;
    // A bad δ or --only fails before minutes of loading.
    probe.validate();
    const std::vector<SuiteHead> chosen = selectedHeads(options);
    const auto start = Clock::now();
    QTextStream out(stdout);
    QTextStream err(stderr);
    err << "bench --suite: measuring this machine's read bandwidth\n";
    err.flush();
    const double stream = streamReadBandwidth();
    std::vector<SuiteHead> specs;
    QStringList skipped;
    const std::vector<ada::BuiltinDataset> builtins = ada::builtinDatasets();
    for (const SuiteHead& spec : chosen) {
        const auto it = std::find_if(builtins.begin(), builtins.end(), [&](const ada::BuiltinDataset& b) {
            return b.name == spec.dataset.toStdString();
        });
        if (spec.optional && (it == builtins.end() || !it->ready))
            skipped << QStringLiteral("%1 (not downloaded; `adasoftmax fetch %2` adds it)")
                           .arg(spec.label, spec.dataset);
        else
            specs.push_back(spec);
    }
    std::vector<HeadOutcome> heads;
    for (std::size_t i = 0; i < specs.size(); ++i)
        heads.push_back(
            measureHead(specs[i], options, static_cast<int>(i) + 1, static_cast<int>(specs.size())));
    const double total = std::chrono::duration<double>(Clock::now() - start).count();

    out << QStringLiteral(
               "AdaptiveSoftmax benchmark suite%1: delta %2, epsilon 0.3, k 1, %3 repetitions, seed %4\n")
               .arg(options.quick ? QStringLiteral(" (quick)") : QString(), formatPercent(options.delta))
               .arg(options.repetitions)
               .arg(options.seed);
    out << QStringLiteral(
               "machine: %1, %2 cores; single-thread read bandwidth %3 GB/s; both paths single-threaded\n\n")
               .arg(cpuModel())
               .arg(QThread::idealThreadCount())
               .arg(gigabytesPerSecond(stream));
    out << renderTable(heads) << '\n';
    out << "cost model (per head):\n";
    for (const HeadOutcome& h : heads)
        out << "  " << h.spec.label << ": " << costModelText(h) << '\n';
    for (const QString& s : skipped)
        out << "skipped: " << s << '\n';
    out << QStringLiteral("\nsuite time %1; memory = (head + prepared copies) / (n*d*4)\n")
               .arg(formatSeconds(total));
    out.flush();

    if (!options.jsonPath.isEmpty()) {
        QJsonArray array;
        for (const HeadOutcome& h : heads)
            array.append(headJson(h));
        const QJsonObject machine{
            {QStringLiteral("cpu"), cpuModel()},
            {QStringLiteral("cores"), QThread::idealThreadCount()},
            {QStringLiteral("os"), QSysInfo::prettyProductName()},
            {QStringLiteral("compiler"), QStringLiteral(__VERSION__)},
            {QStringLiteral("avx2"), bool(__builtin_cpu_supports("avx2"))},
            {QStringLiteral("stream_read_Bps"), stream},
            {QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        };
        const QJsonObject suite{{QStringLiteral("quick"), options.quick},
                                {QStringLiteral("only"), options.only},
                                {QStringLiteral("delta"), options.delta},
                                {QStringLiteral("epsilon"), 0.3},
                                {QStringLiteral("repetitions"), options.repetitions},
                                {QStringLiteral("seed"), QString::number(options.seed)},
                                {QStringLiteral("total_s"), total},
                                {QStringLiteral("skipped"), QJsonArray::fromStringList(skipped)}};
        writeJsonFile(options.jsonPath,
                      QJsonObject{{QStringLiteral("machine"), machine},
                                  {QStringLiteral("suite"), suite},
                                  {QStringLiteral("heads"), array}});
        err << "wrote " << options.jsonPath << '\n';
    }
    return kExitOk;
}

} // namespace ada::cli
