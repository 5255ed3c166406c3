// The Variance lab panel (issue: "does the estimator's predicted variance match its observed error
// on my data?"): choose the row, the query, the estimators, the repetitions and the sample sizes;
// see the curves and histograms; export them. Runs on the worker thread.
#pragma once

#include "RunController.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QSpinBox;
class QLabel;

namespace ada {

class VarianceLabView;

class VarianceLabPanel : public QWidget {
    Q_OBJECT

public:
    VarianceLabPanel(RunController& controller, QWidget* parent = nullptr);
    void setDataset(DatasetPtr dataset);
    // The layout of the paper's variance figure (§9): uniform and importance sampling with
    // replacement, Gumbel-top-k with Horvitz–Thompson, query weights, 100 sizes from 10 to d.
    void applyPaperPreset();
    void run();
    [[nodiscard]] VarianceLabView* view() const { return view_; }

private:
    void exportPlots();

    RunController& controller_;
    DatasetPtr dataset_;
    QLineEdit* row_;
    QSpinBox* query_;
    std::vector<std::pair<LabEstimator, QCheckBox*>> estimators_;
    std::vector<std::pair<ImportanceWeights, QCheckBox*>> weights_;
    QSpinBox* reps_;
    QLineEdit* grid_;
    QLabel* status_;
    VarianceLabView* view_;
};

} // namespace ada
