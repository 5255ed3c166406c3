#include "PlaybackController.h"

#include <algorithm>
#include <cmath>

namespace ada {

PlaybackController::PlaybackController(QObject* parent)
    : QObject(parent)
{
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &PlaybackController::advance);
    setSpeed(1.0);
}

void PlaybackController::setRun(RunDataPtr run)
{
    pause();
    run_ = std::move(run);
    step_ = 0;
    emit runChanged();
    emit stepChanged(step_);
}

int PlaybackController::nextRoundStep(const Trace& trace, int from)
{
    const int count = static_cast<int>(trace.snapshots.size());
    if (count == 0)
        return 0;
    from = std::clamp(from, 0, count - 1);
    const Phase current = trace.snapshots[std::size_t(from)].phase;
    for (int i = from + 1; i < count; ++i) {
        const Snapshot& s = trace.snapshots[std::size_t(i)];
        if (s.kind == EventKind::Round || s.phase != current)
            return i;
    }
    return count - 1;
}

void PlaybackController::setSpeed(double factor)
{
    speed_ = std::clamp(factor, kMinSpeed, kMaxSpeed);
    timer_.setInterval(std::max(1, static_cast<int>(std::lround(1000.0 / (kBaseStepsPerSecond * speed_)))));
}

void PlaybackController::play()
{
    if (steps() == 0 || playing())
        return;
    if (atEnd())
        seek(0);
    timer_.start();
    emit playingChanged(true);
}

void PlaybackController::pause()
{
    if (!playing())
        return;
    timer_.stop();
    emit playingChanged(false);
}

void PlaybackController::togglePlay()
{
    playing() ? pause() : play();
}

void PlaybackController::advance()
{
    if (atEnd()) {
        pause();
        emit reachedEnd();
        return;
    }
    seek(step_ + 1);
    if (atEnd()) {
        pause();
        emit reachedEnd();
    }
}

void PlaybackController::stepBatch()
{
    pause();
    seek(step_ + 1);
}

void PlaybackController::stepRound()
{
    pause();
    if (run_)
        seek(nextRoundStep(run_->trace, step_));
}

void PlaybackController::stepBack()
{
    pause();
    seek(step_ - 1);
}

void PlaybackController::reset()
{
    pause();
    seek(0);
}

void PlaybackController::toEnd()
{
    pause();
    if (steps() == 0)
        return;
    seek(steps() - 1);
    emit reachedEnd();
}

void PlaybackController::seek(int step)
{
    if (steps() == 0)
        return;
    step = std::clamp(step, 0, steps() - 1);
    if (step == step_)
        return;
    step_ = step;
    emit stepChanged(step_);
}

} // namespace ada
