// The algorithm's parameters: ε, δ, k, β, preset, sampler, importance weights, exact winner, fudge
// factors (with a Tune button), seed and query. Invalid combinations are refused here, with the
// message shown at the panel, never at run time.
#pragma once

#include "core/Config.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QLineEdit;

namespace ada {

class ParameterPanel : public QWidget {
    Q_OBJECT

public:
    explicit ParameterPanel(QWidget* parent = nullptr);
    // Limits that depend on the dataset: k < n, query < m.
    void setDatasetShape(int arms, int queries);
    void setConfig(const Config& config, int query);
    void setFudge(const FudgeFactors& fudge);
    // β from the loaded head (its `temperature` attribute), unless a scenario sets one.
    void setTemperature(double beta);
    // The current configuration, or nothing (and the message shown) if it is invalid.
    [[nodiscard]] std::optional<Config> config() const;
    [[nodiscard]] int query() const;
    [[nodiscard]] QString errorText() const;

signals:
    void changed(); // any parameter changed and the result is valid
    void tuneRequested();

private:
    void applyPreset();
    void validateAndNotify();

    QDoubleSpinBox* epsilon_;
    QDoubleSpinBox* delta_;
    QSpinBox* k_;
    QDoubleSpinBox* temperature_;
    QComboBox* preset_;
    QComboBox* sampler_;
    QComboBox* weights_;
    QCheckBox* exactWinner_;
    QDoubleSpinBox* fudgeBest_;
    QDoubleSpinBox* fudgeLog_;
    QPushButton* tune_;
    QLineEdit* seed_;
    QSpinBox* query_;
    QLabel* error_;
    bool updating_ = false;
    int arms_ = 2;
};

} // namespace ada
