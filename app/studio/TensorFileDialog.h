// Opening a safetensors or NumPy file in the studio: the file's 2-D tensors (from its headers), the
// one the loader would pick preselected, and a queries file (.npy/.npz of hidden states) when the
// file has none. The result is a dataset name of the PATH?tensor=…&queries=… form (DatasetLoader.h).
#pragma once

#include "datasets/DatasetInspection.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace ada {

class TensorFileDialog : public QDialog {
    Q_OBJECT

public:
    // `listing` from listFile(); `needsQueries` when the format carries no queries (safetensors,
    // .npy, an .npz without x/X/queries).
    TensorFileDialog(const FileListing& listing, bool needsQueries, QWidget* parent = nullptr);
    [[nodiscard]] QString datasetName() const;

    // True when opening `path` should go through this dialog (safetensors, .npy, .npz).
    [[nodiscard]] static bool wanted(const QString& path);
    // Shows the dialog when it is wanted; returns the dataset name to load, or an empty string when
    // the user cancelled. Files that need no choice return `path` unchanged.
    [[nodiscard]] static QString choose(const QString& path, QWidget* parent);

private:
    void updateOk();

    FileListing listing_;
    QComboBox* tensor_;
    QLineEdit* queries_;
    QLabel* hint_;
    QDialogButtonBox* buttons_;
    bool needsQueries_;
};

} // namespace ada
