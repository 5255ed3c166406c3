// The Speedup report panel (issue "Speedup report"): δ values, tuning and test queries, seed and
// baselines; Run, Cancel and Export; the table and plots of SpeedupReportView. The report runs on its
// own RunController (a worker thread), so a parameter change that restarts the main run does not
// cancel a long report; the GUI thread only sends the request and shows the finished report.
#pragma once

#include "RunController.h"

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace ada {

class SpeedupReportView;

class ReportPanel : public QWidget {
    Q_OBJECT

public:
    ReportPanel(RunController& controller, QWidget* parent = nullptr);
    void setDataset(DatasetPtr dataset);
    // Where ε, k, the preset and the sampler come from (the parameter panel); unset: the defaults.
    void setConfigSource(std::function<std::optional<Config>()> source) { configSource_ = std::move(source); }
    // The options the controls describe; throws std::invalid_argument for a bad δ list.
    [[nodiscard]] SpeedupReportOptions options() const;
    void run();
    void cancel();
    bool exportTo(const QString& path); // .md, .csv, or a plot as .png/.pdf/.svg (the three, suffixed)

    [[nodiscard]] SpeedupReportView* view() const { return view_; }
    [[nodiscard]] QLineEdit* deltasEdit() const { return deltas_; }
    [[nodiscard]] QSpinBox* tuneBox() const { return tune_; }
    [[nodiscard]] QSpinBox* queriesBox() const { return queries_; }
    [[nodiscard]] QCheckBox* svdBox() const { return svd_; }
    [[nodiscard]] QCheckBox* hsmBox() const { return hsm_; }
    [[nodiscard]] QPushButton* runButton() const { return runButton_; }
    [[nodiscard]] QPushButton* cancelButton() const { return cancelButton_; }
    [[nodiscard]] QProgressBar* progressBar() const { return progress_; }
    [[nodiscard]] QString status() const;

private:
    void chooseExport();

    RunController& controller_;
    DatasetPtr dataset_;
    std::function<std::optional<Config>()> configSource_;
    QLineEdit* deltas_;
    QSpinBox* tune_;
    QSpinBox* queries_;
    QSpinBox* seed_;
    QCheckBox* svd_;
    QCheckBox* hsm_;
    QPushButton* runButton_;
    QPushButton* cancelButton_;
    QPushButton* exportButton_;
    QProgressBar* progress_;
    QLabel* status_;
    SpeedupReportView* view_;
};

} // namespace ada
