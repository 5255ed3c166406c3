// Round timeline: cumulative pulls against the replay step, coloured by phase (warm-up, elimination
// rounds, winner, partition); the current step is marked, and a click seeks (DESIGN.md "Views").
#pragma once

#include "RunData.h"

#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPItemStraightLine;

namespace ada {

class TimelineView : public QWidget, public RunView {
    Q_OBJECT

public:
    explicit TimelineView(QWidget* parent = nullptr);
    void setRun(RunDataPtr run) override;
    void showStep(int step) override;
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    [[nodiscard]] double markerStep() const;
    // The bars of one costed phase (warm-up … partition): key = step, value = cumulative pulls.
    [[nodiscard]] QCPBars* phaseBars(Phase phase) const;

signals:
    void seekRequested(int step);

private:
    QCustomPlot* plot_;
    std::vector<QCPBars*> phases_;
    QCPItemStraightLine* marker_;
    RunDataPtr run_;
};

// The name DESIGN.md uses for this view.
using RoundTimelineView = TimelineView;

} // namespace ada
