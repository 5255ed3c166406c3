// Where the data comes from: a synthetic family with its parameters, a built-in real head, or a
// file (Open File, recent files, drag and drop onto the window), and a line describing what is
// loaded.
#pragma once

#include "core/Head.h"
#include "datasets/SyntheticDatasets.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace ada {

class DatasetPanel : public QWidget {
    Q_OBJECT

public:
    explicit DatasetPanel(QWidget* parent = nullptr);
    // Describes the loaded data; a generated one also sets the generator's controls to its family,
    // shape and seed (a scenario or a lesson loads other data than the controls showed).
    void showDataset(const Dataset& dataset);
    // What Generate loads: the controls' family, n, d, m and seed, with the family's other parameters
    // (high-variance's peaks, llm-like's) those of the loaded data where it is of that family.
    [[nodiscard]] QString syntheticSpec() const;

signals:
    void loadRequested(const QString& name);
    void openFileRequested();

private:
    QComboBox* family_;
    QComboBox* builtin_;
    QSpinBox* n_;
    QSpinBox* d_;
    QSpinBox* m_;
    QSpinBox* seed_;
    QLabel* info_;
    std::optional<SyntheticSpec> loaded_; // the loaded data's spec, when it was generated
};

} // namespace ada
