#include "VarianceCommand.h"

#include "CliOptions.h"
#include "DatasetCommands.h"
#include "OutputFormat.h"

#include "core/ExactSoftmax.h"
#include "core/Rng.h"
#include "core/VarianceLab.h"
#include "datasets/DatasetLoader.h"

#include <QCommandLineParser>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>
#include <thread>

namespace ada::cli {

namespace {

QString csvNumber(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 10) : QString();
}
QString cell(double v)
{
    return std::isfinite(v) ? formatNumber(v) : QStringLiteral("—");
}

} // namespace

int varianceCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription("The variance lab (ALGORITHM.md §9): for one row of the head and one "
                                     "query, the observed MSE and bias of\n"
                                     "each column sampler against the sample size t, its own variance "
                                     "estimate, and its closed-form variance.");
    parser.addPositionalArgument("DATASET", "A head file or dataset name (see adasoftmax --help)");
    parser.addOptions({
        {"row", "The arm: an index, a /vocab name, 'top' or 'random' (default top).", "I", "top"},
        {"query", "The query index (default 0).", "J", "0"},
        {"reps", "Repetitions per sample size (default 200).", "R", "200"},
        {"grid", "Sample sizes: '10,50,200', 'log:N' or 'linear:N' (default log:20, from 10 to d).", "LIST"},
        {"estimators",
         "Comma list of uniform-wr, uniform-wor, uniform-wor-fpc, is-wr, is-wor-ht, is-wor-dr (default all).",
         "LIST"},
        {"weights", "Importance weightings for is-*: comma list of query, head, both (default all).", "LIST"},
        {"temperature", "β, overriding the file's temperature.", "B"},
        {"seed", "The seed (default 42).", "S", "42"},
        {"threads", "Worker threads (default: all cores; results do not depend on it).", "N"},
        {"csv", "Write one row per (estimator, weights, t) to FILE.", "FILE"},
    });
    if (!parseCommandLine(parser, arguments, "variance"))
        return kExitOk;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        throw UsageError(positional.isEmpty()
                             ? "missing DATASET; see adasoftmax variance --help"
                             : "expected one DATASET, got " + std::to_string(positional.size()));
    const Dataset ds = loadDatasetWithProgress(positional.front());
    const int m = static_cast<int>(ds.queryCount());
    const int query = parseInt("--query", parser.value("query"));
    if (m < 1)
        throw UsageError(ds.name + " has no queries (/queries/x)");
    if (query < 0 || query >= m)
        throw UsageError("--query " + std::to_string(query) + " is outside [0, " + std::to_string(m - 1)
                         + "]");
    const double beta = parser.isSet("temperature")
        ? parseDouble("--temperature", parser.value("temperature"))
        : ds.head.temperature;
    if (!(beta > 0.0 && std::isfinite(beta)))
        throw UsageError("--temperature must be a positive number");

    VarianceLabOptions o;
    o.seed = parseUnsigned("--seed", parser.value("seed"));
    o.repetitions = parseInt("--reps", parser.value("reps"));
    o.threads = parser.isSet("threads") ? parseInt("--threads", parser.value("threads"))
                                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    o.grid = parseSampleSizes(toStdString(parser.value("grid")), static_cast<int>(ds.head.dim()));
    if (parser.isSet("estimators")) {
        o.estimators.clear();
        for (const QString& e : parser.value("estimators").split(',', Qt::SkipEmptyParts))
            o.estimators.push_back(parseLabEstimator(toStdString(e.trimmed())));
    }
    if (parser.isSet("weights")) {
        o.weightings.clear();
        for (const QString& w : parser.value("weights").split(',', Qt::SkipEmptyParts))
            o.weightings.push_back(parseImportanceWeights(toStdString(w.trimmed())));
    }

    const Eigen::VectorXf xf = ds.queries.row(query).transpose();
    const Eigen::VectorXd logits = exactLogits(ds.head, xf, beta);
    int row = 0;
    try {
        row = resolveArm(toStdString(parser.value("row")), ds.vocab, logits, o.seed);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--") + e.what());
    }
    const Eigen::VectorXd a = ds.head.weight.row(row).cast<double>().transpose();
    const Eigen::VectorXd l1 = ds.head.weight.cast<double>().cwiseAbs().colwise().sum().transpose();
    ProgressPrinter progress;
    const VarianceLabResult r = runVarianceLab(a, xf.cast<double>(), l1, beta, o, std::ref(progress));
    progress.finish();

    QString name = QString::number(row);
    if (std::size_t(row) < ds.vocab.size())
        name += " (" + QString::fromStdString(ds.vocab[std::size_t(row)]) + ")";
    QTextStream out(stdout);
    out << renderKeyValues({
        {"dataset", QString::fromStdString(ds.name)},
        {"row", name},
        {"query", QString::number(query)},
        {"logit (β·A_i·x)", formatNumber(r.mu, 6)},
        {"d / nonzero x_j", QString::number(r.dim) + " / " + QString::number(r.effectiveDim)},
        {"repetitions", QString::number(o.repetitions)},
    });
    // Three sample sizes per curve on the terminal (first, middle, last); the CSV has them all.
    TextTable table({"estimator", "weights", "t", "MSE", "bias", "predicted var", "mean v̂", "sd v̂"});
    for (const VarianceCurve& c : r.curves) {
        const std::size_t last = c.points.size() - 1;
        for (std::size_t g : {std::size_t(0), last / 2, last}) {
            const VarianceCurvePoint& p = c.points[g];
            table.addRow({toString(c.estimator).data(), toString(c.weights).data(), QString::number(p.t),
                          cell(p.mse), cell(p.bias), cell(p.predictedVariance), cell(p.varianceEstimateMean),
                          cell(p.varianceEstimateSd)});
            if (last == 0)
                break;
        }
    }
    out << '\n' << table.render();

    if (parser.isSet("csv")) {
        QSaveFile file(parser.value("csv"));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
            throw IoError("cannot write " + toStdString(parser.value("csv")) + ": "
                          + toStdString(file.errorString()));
        QTextStream csv(&file);
        csv << "estimator,weights,t,mse,bias,predicted_var,var_estimate_mean,var_estimate_sd\n";
        for (const VarianceCurve& c : r.curves)
            for (const VarianceCurvePoint& p : c.points)
                csv << toString(c.estimator).data() << ',' << toString(c.weights).data() << ',' << p.t << ','
                    << csvNumber(p.mse) << ',' << csvNumber(p.bias) << ',' << csvNumber(p.predictedVariance)
                    << ',' << csvNumber(p.varianceEstimateMean) << ',' << csvNumber(p.varianceEstimateSd)
                    << '\n';
        csv.flush();
        if (!file.commit())
            throw IoError("cannot write " + toStdString(parser.value("csv")) + ": "
                          + toStdString(file.errorString()));
    }
    return kExitOk;
}

} // namespace ada::cli
