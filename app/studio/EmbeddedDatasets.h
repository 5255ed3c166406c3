// Datasets compiled into the studio (resources/): a small real head that works on a fresh machine
// with nothing downloaded. HDF5 reads files, so the resource is copied to the cache once.
#pragma once

#include <QString>
#include <QStringList>

namespace ada {

// Names accepted as datasets, e.g. "embedded:fmnist-pixels".
QStringList embeddedDatasetNames();
[[nodiscard]] bool isEmbeddedDataset(const QString& name);

// The path of the extracted copy in the cache directory; throws std::runtime_error naming the
// problem (unknown name, unwritable cache).
[[nodiscard]] QString extractEmbeddedDataset(const QString& name);

} // namespace ada
