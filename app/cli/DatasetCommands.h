// The dataset commands: `datasets` (list the built-in ones), `inspect DATASET` (what a file holds and
// whether it can run), `convert DATASET OUT.h5` (any dataset to the HDF5 head format) and
// `fetch NAME` (the one-time download or training of a built-in dataset, with progress).
#pragma once

#include "datasets/DatasetLoader.h"

#include <QStringList>

namespace ada::cli {

int datasetsCommand(const QStringList& arguments);
int inspectCommand(const QStringList& arguments);
int convertCommand(const QStringList& arguments);
int fetchCommand(const QStringList& arguments);

// loadDataset with a progress line on stderr (training a Fashion-MNIST head, downloading GloVe).
[[nodiscard]] ada::Dataset loadDatasetWithProgress(const QString& name);

} // namespace ada::cli
