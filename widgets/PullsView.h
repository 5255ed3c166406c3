// Pulls view: how many columns each arm has been charged (its prefix depth), sorted, against the
// exact cost D per arm (DESIGN.md "Views").
#pragma once

#include "RunData.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;

namespace ada {

class PullsView : public QWidget, public RunView {
    Q_OBJECT

public:
    explicit PullsView(QWidget* parent = nullptr);
    void setRun(RunDataPtr run) override;
    void showStep(int step) override;
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    [[nodiscard]] QCPGraph* profile() const { return profile_; }

private:
    QCustomPlot* plot_;
    QCPGraph* profile_;
    QCPItemStraightLine* exactLine_;
    RunDataPtr run_;
};

} // namespace ada
