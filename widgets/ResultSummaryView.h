// Result summary: the top-k with names, p̂ against p, log Ŝ against log S, pulls against n·D, the
// speedup and whether the run succeeded (correct top-k and every p̂ within 1 ± ε).
#pragma once

#include "RunData.h"

#include <QWidget>

class QTextBrowser;

namespace ada {

class ResultSummaryView : public QWidget, public RunView {
    Q_OBJECT

public:
    explicit ResultSummaryView(QWidget* parent = nullptr);
    void setRun(RunDataPtr run) override;
    void showStep(int step) override;
    [[nodiscard]] QString text() const;
    [[nodiscard]] bool success() const { return success_; }

private:
    QTextBrowser* browser_;
    RunDataPtr run_;
    bool success_ = false;
};

} // namespace ada
