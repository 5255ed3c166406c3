// The algorithm's parameters: ε, δ, k, β, preset, sampler, importance weights, exact winner, fudge
// factors (log-scale, with a Tune button), seed and query. Invalid combinations are refused here,
// at the control: the validate() message shows in red under the form and the Run button is
// disabled; no invalid configuration ever reaches the worker.
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
    // While the worker tunes the fudge factors the Tune button says so and is disabled.
    void setTuning(bool tuning);
    // The current configuration, or nothing if it is invalid (errorText() says why).
    [[nodiscard]] std::optional<Config> config() const;
    [[nodiscard]] int query() const;
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] bool runEnabled() const;

signals:
    void changed(); // any parameter changed and the result is valid
    void runRequested();
    void tuneRequested();

private:
    [[nodiscard]] Config rawConfig() const;
    [[nodiscard]] QString problem(const Config& c) const;
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
    QPushButton* run_;
    bool updating_ = false;
    int arms_ = 2;
    double warmupCap_ = 0.1; // not a control: from the preset or the scenario
    bool hadamard_ = false;  // likewise
};

} // namespace ada
