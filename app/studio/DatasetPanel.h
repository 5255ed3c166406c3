// Where the data comes from: a synthetic family with its parameters, a built-in real head, or a
// file (Open File, recent files, drag and drop onto the window), and a line describing what is
// loaded.
#pragma once

#include "core/Head.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;

namespace ada {

class DatasetPanel : public QWidget {
    Q_OBJECT

public:
    explicit DatasetPanel(QWidget* parent = nullptr);
    void showDataset(const Dataset& dataset);
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
};

} // namespace ada
