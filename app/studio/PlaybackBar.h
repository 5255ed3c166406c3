// Playback of a recorded Trace: play/pause, step one pull batch, step one round, step back, scrub,
// speed, reset and run to end. It never recomputes; it only moves the current step.
#pragma once

#include "widgets/RunData.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace ada {

class PlaybackBar : public QWidget {
    Q_OBJECT

public:
    explicit PlaybackBar(QWidget* parent = nullptr);
    void setRun(RunDataPtr run);
    [[nodiscard]] int step() const { return step_; }
    [[nodiscard]] bool playing() const;

    void play();
    void pause();
    void togglePlay();
    void stepBatch();
    void stepRound();
    void stepBack();
    void reset();
    void toEnd();
    void seek(int step);

signals:
    void stepChanged(int step);

private:
    void advance();
    void updateLabel();

    RunDataPtr run_;
    int step_ = 0;
    QTimer* timer_;
    QToolButton* playButton_;
    QSlider* slider_;
    QComboBox* speed_;
    QLabel* label_;
};

} // namespace ada
