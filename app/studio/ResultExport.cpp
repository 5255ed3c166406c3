#include "ResultExport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ada {

namespace {

// JSON has no NaN or infinity: an unpulled arm's variance is written as null.
QJsonValue finiteOrNull(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QString csvNumber(double v)
{
    if (std::isfinite(v))
        return QString::number(v, 'g', 17);
    return std::isnan(v) ? QStringLiteral("nan") : v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
}

const Snapshot* lastSnapshot(const RunData& run)
{
    return run.trace.snapshots.empty() ? nullptr : &run.trace.snapshots.back();
}

} // namespace

QByteArray resultsCsv(const RunData& run)
{
    QByteArray bytes = "arm,name,pulls,estimate,variance,true_logit\n";
    const Snapshot* last = lastSnapshot(run);
    if (!last)
        return bytes;
    for (std::size_t i = 0; i < last->estimates.size(); ++i) {
        QString name = run.armName(int(i));
        name.replace(QLatin1Char('"'), QLatin1String("\"\""));
        const double truth = Eigen::Index(i) < run.trueLogits.size() ? run.trueLogits[Eigen::Index(i)] : NAN;
        bytes += QStringLiteral("%1,\"%2\",%3,%4,%5,%6\n")
                     .arg(i)
                     .arg(name)
                     .arg(i < last->depths.size() ? last->depths[i] : 0)
                     .arg(csvNumber(last->estimates[i]))
                     .arg(csvNumber(i < last->variances.size() ? last->variances[i] : NAN))
                     .arg(csvNumber(truth))
                     .toUtf8();
    }
    return bytes;
}

QByteArray resultsJson(const RunData& run, const Scenario& scenario)
{
    QJsonArray arms;
    if (const Snapshot* last = lastSnapshot(run))
        for (std::size_t i = 0; i < last->estimates.size(); ++i)
            arms.append(QJsonObject{
                {"arm", int(i)},
                {"name", run.armName(int(i))},
                {"pulls", qint64(i < last->depths.size() ? last->depths[i] : 0)},
                {"estimate", finiteOrNull(last->estimates[i])},
                {"variance", finiteOrNull(i < last->variances.size() ? last->variances[i] : NAN)},
                {"true_logit",
                 Eigen::Index(i) < run.trueLogits.size() ? finiteOrNull(run.trueLogits[Eigen::Index(i)])
                                                         : QJsonValue(QJsonValue::Null)},
            });
    const Result& r = run.trace.result;
    QJsonArray top;
    QJsonArray topNames;
    for (int i : r.topK) {
        top.append(i);
        topNames.append(run.armName(i));
    }
    QJsonArray probabilities;
    for (double p : r.probabilities)
        probabilities.append(finiteOrNull(p));
    const double speedup = double(r.exactPulls()) / double(std::max<std::int64_t>(r.totalPulls, 1));
    const QJsonObject result{
        {"top_k", top},
        {"top_k_names", topNames},
        {"probabilities", probabilities},
        {"log_s_hat", finiteOrNull(r.logPartition)},
        {"log_s", finiteOrNull(run.trueLogPartition)},
        {"total_pulls", qint64(r.totalPulls)},
        {"exact_pulls", qint64(r.exactPulls())},
        {"speedup", speedup},
        {"arms_n", qint64(run.arms)},
        {"dim_d", qint64(run.dim)},
    };
    return QJsonDocument(QJsonObject{{"scenario", scenario.toJson()}, {"result", result}, {"arms", arms}})
        .toJson(QJsonDocument::Indented);
}

void writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw std::runtime_error(QCoreApplication::translate("ada::Scenario", "cannot write %1: %2")
                                     .arg(path, file.errorString())
                                     .toStdString());
}

} // namespace ada
