// Replay of a recorded Trace (DESIGN.md "Threading in the GUI"): the current step, play/pause at a
// chosen speed, step one pull batch, step one round, step back, seek, reset and run to end. It never
// recomputes anything: it only moves an index into the run's snapshots and says so. No widgets; the
// PlaybackBar shows it, the main window redraws the views when the step changes (coalesced).
#pragma once

#include "widgets/RunData.h"

#include <QObject>
#include <QTimer>

namespace ada {

class PlaybackController : public QObject {
    Q_OBJECT

public:
    static constexpr double kBaseStepsPerSecond = 15.0; // snapshots per second at 1×
    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 16.0;

    explicit PlaybackController(QObject* parent = nullptr);

    // A new run starts paused at step 0.
    void setRun(RunDataPtr run);
    [[nodiscard]] const RunDataPtr& run() const { return run_; }
    [[nodiscard]] int step() const { return step_; }
    [[nodiscard]] int steps() const { return run_ ? run_->steps() : 0; }
    [[nodiscard]] bool atEnd() const { return steps() == 0 || step_ >= steps() - 1; }
    [[nodiscard]] bool playing() const { return timer_.isActive(); }
    [[nodiscard]] double speed() const { return speed_; }
    // Milliseconds between two steps while playing, at the current speed.
    [[nodiscard]] int intervalMs() const { return timer_.interval(); }

    // The next step that ends an elimination round or starts another phase, after `from`
    // (the last step if there is none).
    [[nodiscard]] static int nextRoundStep(const Trace& trace, int from);

    void setSpeed(double factor); // clamped to [0.25, 16]
    void play();                  // from the start again if at the end
    void pause();
    void togglePlay();
    void stepBatch(); // the next snapshot
    void stepRound(); // nextRoundStep
    void stepBack();
    void reset();
    void toEnd();
    void seek(int step); // clamped to the run

signals:
    void stepChanged(int step);
    void playingChanged(bool playing);
    void runChanged();
    void reachedEnd(); // playing arrived at the last step (or toEnd was asked for)

private:
    void advance();

    RunDataPtr run_;
    int step_ = 0;
    double speed_ = 1.0;
    QTimer timer_;
};

} // namespace ada
