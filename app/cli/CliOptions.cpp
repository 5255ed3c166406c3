#include "CliOptions.h"

#include "datasets/DatasetError.h"

#include <QTextStream>

#include <cmath>

namespace ada::cli {

namespace {

// One place for the option names, so reading and declaring cannot drift apart.
const QString kQueries = QStringLiteral("queries");
const QString kJson = QStringLiteral("json");
const QString kEps = QStringLiteral("eps");
const QString kDelta = QStringLiteral("delta");
const QString kK = QStringLiteral("k");
const QString kTemperature = QStringLiteral("temperature");
const QString kPreset = QStringLiteral("preset");
const QString kSampler = QStringLiteral("sampler");
const QString kWeights = QStringLiteral("weights");
const QString kExactWinner = QStringLiteral("exact-winner");
const QString kWarmupCap = QStringLiteral("warmup-cap");
const QString kHadamard = QStringLiteral("hadamard");
const QString kFudgeBest = QStringLiteral("fudge-best");
const QString kFudgeLog = QStringLiteral("fudge-log");
const QString kNoiseBound = QStringLiteral("noise-bound");
const QString kSeed = QStringLiteral("seed");

std::optional<QString> valueOf(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name))
        return std::nullopt;
    return parser.value(name);
}

// The core's parsers throw std::invalid_argument listing the accepted names; on the command line
// that is a usage error, with the option named.
template <typename Parse>
auto parseName(const QString& option, const QString& text, Parse parse)
{
    try {
        return parse(toStdString(text));
    } catch (const std::invalid_argument& e) {
        throw UsageError("--" + toStdString(option) + ": " + e.what());
    }
}

bool isUniform(ada::Sampler sampler)
{
    return sampler == ada::Sampler::UniformWithReplacement
        || sampler == ada::Sampler::UniformWithoutReplacement
        || sampler == ada::Sampler::UniformWithoutReplacementFpc;
}

} // namespace

std::string toStdString(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return std::string(utf8.constData(), static_cast<std::size_t>(utf8.size()));
}

double parseDouble(const QString& option, const QString& text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        throw UsageError("--" + toStdString(option) + " expects a number, got '" + toStdString(text) + "'");
    return value;
}

int parseInt(const QString& option, const QString& text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok)
        throw UsageError("--" + toStdString(option) + " expects an integer, got '" + toStdString(text) + "'");
    return value;
}

std::uint64_t parseUnsigned(const QString& option, const QString& text)
{
    bool ok = false;
    const qulonglong value = text.trimmed().toULongLong(&ok);
    if (!ok)
        throw UsageError("--" + toStdString(option) + " expects a non-negative integer, got '"
                         + toStdString(text) + "'");
    return value;
}

ada::Sampler parseSamplerOption(const QString& option, const QString& text)
{
    return parseName(option, text, [](const std::string& s) { return ada::parseSampler(s); });
}

void addCommonOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("DATASET"),
                                 QStringLiteral("An HDF5 head file, or synthetic:FAMILY?n=…&d=…&m=…&seed=… "
                                                "(FAMILY: sanity, noisy, random-mu, high-variance)."));
    parser.addOptions({
        {kQueries, QStringLiteral("Use the first M queries (default: all)."), QStringLiteral("M")},
        {kJson, QStringLiteral("Also write the results as JSON to FILE."), QStringLiteral("FILE")},
        {kEps, QStringLiteral("Multiplicative accuracy ε of p̂, in (0, 1) (default 0.3)."),
         QStringLiteral("E")},
        {kDelta, QStringLiteral("Failure probability δ, in (0, 1) (default 0.1)."), QStringLiteral("D")},
        {kK, QStringLiteral("Top-k size, 1 ≤ k < n (default 1)."), QStringLiteral("K")},
        {kTemperature, QStringLiteral("Override the head's temperature β."), QStringLiteral("B")},
        {kPreset, QStringLiteral("paper, theory or reference (default paper)."), QStringLiteral("PRESET")},
        {kSampler,
         QStringLiteral("uniform-wr, uniform-wor, uniform-wor-fpc, is-wr, is-wor-ht or is-wor-dr "
                        "(default: the preset's)."),
         QStringLiteral("SAMPLER")},
        {kWeights, QStringLiteral("Importance weights: none, head, query or both (default: the preset's)."),
         QStringLiteral("W")},
        {kExactWinner, QStringLiteral("Compute the top-k logits exactly: yes or no (default: the preset's)."),
         QStringLiteral("yes|no")},
        {kWarmupCap, QStringLiteral("Warm-up cap c_init in (0, 1] (default: the preset's)."),
         QStringLiteral("C")},
        {kHadamard, QStringLiteral("Apply the randomised Hadamard transform.")},
        {kFudgeBest, QStringLiteral("Fudge factor φ_b of the best-arm phase (default 1, or tuned)."),
         QStringLiteral("F")},
        {kFudgeLog, QStringLiteral("Fudge factor φ_ℓ of the partition phase (default 1, or tuned)."),
         QStringLiteral("F")},
        {kNoiseBound,
         QStringLiteral("Known per-pull variance σ² (default: the synthetic family's for "
                        "uniform samplers, else the data-driven proxy)."),
         QStringLiteral("V")},
        {kSeed, QStringLiteral("The algorithm's seed (default 42)."), QStringLiteral("S")},
    });
}

bool parseCommandLine(QCommandLineParser& parser, const QStringList& arguments, const QString& commandName)
{
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments))
        throw UsageError(toStdString(parser.errorText()) + " (see 'adasoftmax " + toStdString(commandName)
                         + " --help')");
    if (parser.isSet(help)) {
        // The usage line would name argv[0]'s full path and omit the subcommand.
        QString text = parser.helpText();
        const QString exe = arguments.isEmpty() ? QString() : arguments.first();
        const qsizetype at = exe.isEmpty() ? -1 : text.indexOf(exe);
        if (at >= 0)
            text.replace(at, exe.size(), QStringLiteral("adasoftmax ") + commandName);
        QTextStream(stdout) << text;
        return false;
    }
    return true;
}

CommonOptions readCommonOptions(const QCommandLineParser& parser)
{
    CommonOptions out;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        throw UsageError("missing DATASET (an HDF5 head file or synthetic:FAMILY?n=…&d=…&m=…&seed=…)");
    if (positional.size() > 1)
        throw UsageError("unexpected argument '" + toStdString(positional.at(1)) + "' (only one DATASET)");
    out.dataset = positional.first();
    if (const auto v = valueOf(parser, kQueries))
        out.queries = parseInt(kQueries, *v);
    out.jsonPath = parser.value(kJson);
    if (parser.isSet(kJson) && out.jsonPath.isEmpty())
        throw UsageError("--json needs a file name");

    AlgorithmOptions& a = out.algorithm;
    if (const auto v = valueOf(parser, kPreset))
        a.preset = parseName(kPreset, *v, [](const std::string& s) { return ada::parsePreset(s); });
    if (const auto v = valueOf(parser, kEps))
        a.epsilon = parseDouble(kEps, *v);
    if (const auto v = valueOf(parser, kDelta))
        a.delta = parseDouble(kDelta, *v);
    if (const auto v = valueOf(parser, kK))
        a.k = parseInt(kK, *v);
    if (const auto v = valueOf(parser, kTemperature))
        a.temperature = parseDouble(kTemperature, *v);
    if (const auto v = valueOf(parser, kSampler))
        a.sampler = parseSamplerOption(kSampler, *v);
    if (const auto v = valueOf(parser, kWeights))
        a.weights
            = parseName(kWeights, *v, [](const std::string& s) { return ada::parseImportanceWeights(s); });
    if (const auto v = valueOf(parser, kExactWinner)) {
        if (*v == QLatin1String("yes"))
            a.exactWinner = true;
        else if (*v == QLatin1String("no"))
            a.exactWinner = false;
        else
            throw UsageError("--exact-winner expects yes or no, got '" + toStdString(*v) + "'");
    }
    if (const auto v = valueOf(parser, kWarmupCap))
        a.warmupCap = parseDouble(kWarmupCap, *v);
    a.hadamard = parser.isSet(kHadamard);
    if (const auto v = valueOf(parser, kFudgeBest))
        a.fudgeBest = parseDouble(kFudgeBest, *v);
    if (const auto v = valueOf(parser, kFudgeLog))
        a.fudgeLog = parseDouble(kFudgeLog, *v);
    if (const auto v = valueOf(parser, kNoiseBound))
        a.noiseBound = parseDouble(kNoiseBound, *v);
    if (const auto v = valueOf(parser, kSeed))
        a.seed = parseUnsigned(kSeed, *v);
    return out;
}

ada::Config buildConfig(const AlgorithmOptions& options, const ada::Dataset& dataset)
{
    ada::Config base;
    base.epsilon = options.epsilon;
    base.delta = options.delta;
    base.k = options.k;
    base.temperature = options.temperature;
    base.noiseBound = options.noiseBound;
    base.seed = options.seed;
    ada::Config config = ada::Config::forPreset(options.preset, base);

    if (options.sampler) {
        config.sampler = *options.sampler;
        // A sampler change carries its natural weighting with it: uniform sampling ignores weights,
        // and importance sampling without weights would be no importance sampling at all.
        if (isUniform(config.sampler))
            config.weights = ada::ImportanceWeights::None;
        else if (config.weights == ada::ImportanceWeights::None)
            config.weights = ada::ImportanceWeights::Both;
    }
    if (options.weights)
        config.weights = *options.weights;
    if (options.exactWinner)
        config.exactWinner = *options.exactWinner;
    if (options.warmupCap)
        config.warmupCap = *options.warmupCap;
    config.hadamard = options.hadamard;
    if (options.fudgeBest)
        config.fudge.bestArms = *options.fudgeBest;
    if (options.fudgeLog)
        config.fudge.logNorm = *options.fudgeLog;
    // The family's σ² is the theory configuration's known bound (§6.3); importance-sampled pulls
    // have a different variance, so there the data-driven proxy stays in charge.
    if (!options.noiseBound && dataset.noiseBound && isUniform(config.sampler))
        config.noiseBound = dataset.noiseBound;
    config.validate();
    return config;
}

int resolveQueryCount(const CommonOptions& options, const ada::Dataset& dataset)
{
    const int available = static_cast<int>(dataset.queryCount());
    if (available < 1)
        throw ada::DatasetError(dataset.name
                                + " has no queries (/queries/x); this command needs at least one");
    const int n = static_cast<int>(dataset.head.arms());
    if (options.algorithm.k >= n)
        throw UsageError("--k " + std::to_string(options.algorithm.k)
                         + " must be smaller than the number of arms n = " + std::to_string(n) + " of "
                         + dataset.name);
    if (!options.queries)
        return available;
    const int m = *options.queries;
    if (m < 1)
        throw UsageError("--queries must be at least 1, got " + std::to_string(m));
    if (m > available)
        throw UsageError("--queries " + std::to_string(m) + " exceeds the " + std::to_string(available)
                         + " queries of " + dataset.name);
    return m;
}

} // namespace ada::cli
