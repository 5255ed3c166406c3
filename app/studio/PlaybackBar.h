// The playback controls under the elimination view: reset, step back, play/pause, step one pull
// batch, step one round, run to end, a timeline slider to scrub, the speed (0.25×–16×) and a line
// saying where the replay is (step, phase and pulls; the step alone where the run tab is narrow).
// It only shows and drives a PlaybackController.
#pragma once

#include <QWidget>

class QComboBox;
class QSlider;
class QToolButton;

namespace ada {

class PlaybackController;
class StepLabel;

class PlaybackBar : public QWidget {
    Q_OBJECT

public:
    explicit PlaybackBar(PlaybackController* controller, QWidget* parent = nullptr);
    [[nodiscard]] PlaybackController* controller() const { return controller_; }

private:
    void onRunChanged();
    void onStepChanged(int step);
    void onPlayingChanged(bool playing);

    PlaybackController* controller_;
    QToolButton* playButton_;
    QSlider* slider_;
    QComboBox* speed_;
    StepLabel* label_;
};

} // namespace ada
