#include "EmbeddedDatasets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <stdexcept>

namespace ada {

namespace {
const QString kPrefix = QStringLiteral("embedded:");
}

QStringList embeddedDatasetNames()
{
    return {QStringLiteral("embedded:fmnist-pixels")};
}

bool isEmbeddedDataset(const QString& name)
{
    return name.startsWith(kPrefix);
}

QString extractEmbeddedDataset(const QString& name)
{
    if (!embeddedDatasetNames().contains(name))
        throw std::runtime_error(QStringLiteral("unknown built-in dataset '%1' (available: %2)")
                                     .arg(name, embeddedDatasetNames().join(QStringLiteral(", ")))
                                     .toStdString());
    const QString resource = QStringLiteral(":/datasets/%1.h5").arg(name.mid(kPrefix.size()));
    QFile in(resource);
    if (!in.open(QIODevice::ReadOnly))
        throw std::runtime_error(
            QStringLiteral("the built-in dataset %1 is missing from this build").arg(name).toStdString());
    const QString dir
        = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/embedded");
    const QString path = dir + QLatin1Char('/') + QFileInfo(resource).fileName();
    // Reuse an earlier copy only if it is the same size as the resource (a truncated copy is redone).
    if (QFileInfo(path).size() == in.size())
        return path;
    if (!QDir().mkpath(dir))
        throw std::runtime_error(
            QStringLiteral("cannot create the cache directory %1").arg(dir).toStdString());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(in.readAll()) != in.size() || !out.commit())
        throw std::runtime_error(
            QStringLiteral("cannot write %1: %2").arg(path, out.errorString()).toStdString());
    return path;
}

} // namespace ada
