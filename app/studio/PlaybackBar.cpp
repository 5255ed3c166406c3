#include "PlaybackBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace ada {

namespace {
constexpr double kBaseStepsPerSecond = 12.0;
}

PlaybackBar::PlaybackBar(QWidget* parent)
    : QWidget(parent)
    , timer_(new QTimer(this))
{
    setObjectName(QStringLiteral("playbackBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    auto button
        = [this, layout](QStyle::StandardPixmap icon, const QString& tip, void (PlaybackBar::*slot)()) {
              auto* b = new QToolButton(this);
              b->setIcon(style()->standardIcon(icon));
              b->setToolTip(tip);
              b->setAccessibleName(tip);
              layout->addWidget(b);
              connect(b, &QToolButton::clicked, this, slot);
              return b;
          };
    button(QStyle::SP_MediaSkipBackward, tr("Reset (R)"), &PlaybackBar::reset);
    button(QStyle::SP_MediaSeekBackward, tr("Step back (←)"), &PlaybackBar::stepBack);
    playButton_ = button(QStyle::SP_MediaPlay, tr("Play / pause (Space)"), &PlaybackBar::togglePlay);
    button(QStyle::SP_MediaSeekForward, tr("Step one pull batch (→)"), &PlaybackBar::stepBatch);
    button(QStyle::SP_ArrowRight, tr("Step one round (Shift+→)"), &PlaybackBar::stepRound);
    button(QStyle::SP_MediaSkipForward, tr("Run to end (End)"), &PlaybackBar::toEnd);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setAccessibleName(tr("timeline"));
    layout->addWidget(slider_, 1);
    speed_ = new QComboBox(this);
    for (double s : {0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0})
        speed_->addItem(QStringLiteral("%1×").arg(s), s);
    speed_->setCurrentIndex(2);
    speed_->setAccessibleName(tr("playback speed"));
    layout->addWidget(speed_);
    label_ = new QLabel(this);
    label_->setMinimumWidth(230);
    layout->addWidget(label_);
    connect(timer_, &QTimer::timeout, this, &PlaybackBar::advance);
    connect(slider_, &QSlider::valueChanged, this, &PlaybackBar::seek);
    connect(speed_, &QComboBox::currentIndexChanged, this, [this] {
        timer_->setInterval(
            static_cast<int>(1000.0 / (kBaseStepsPerSecond * speed_->currentData().toDouble())));
    });
    timer_->setInterval(static_cast<int>(1000.0 / kBaseStepsPerSecond));
    updateLabel();
}

void PlaybackBar::setRun(RunDataPtr run)
{
    run_ = std::move(run);
    step_ = 0;
    slider_->blockSignals(true);
    slider_->setRange(0, run_ ? std::max(0, run_->steps() - 1) : 0);
    slider_->setValue(0);
    slider_->blockSignals(false);
    updateLabel();
    emit stepChanged(step_);
}

bool PlaybackBar::playing() const
{
    return timer_->isActive();
}

void PlaybackBar::play()
{
    if (!run_ || run_->steps() == 0)
        return;
    if (step_ >= run_->steps() - 1)
        seek(0);
    timer_->start();
    playButton_->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
}

void PlaybackBar::pause()
{
    timer_->stop();
    playButton_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
}

void PlaybackBar::togglePlay()
{
    playing() ? pause() : play();
}

void PlaybackBar::advance()
{
    if (!run_ || step_ >= run_->steps() - 1) {
        pause();
        return;
    }
    seek(step_ + 1);
}

void PlaybackBar::stepBatch()
{
    pause();
    seek(step_ + 1);
}

void PlaybackBar::stepRound()
{
    // The next snapshot that ends an elimination round or starts a new phase.
    pause();
    if (!run_)
        return;
    const Phase current = run_->trace.snapshots[std::size_t(step_)].phase;
    for (int i = step_ + 1; i < run_->steps(); ++i) {
        const Snapshot& s = run_->trace.snapshots[std::size_t(i)];
        if (s.kind == EventKind::Round || s.phase != current) {
            seek(i);
            return;
        }
    }
    seek(run_->steps() - 1);
}

void PlaybackBar::stepBack()
{
    pause();
    seek(step_ - 1);
}

void PlaybackBar::reset()
{
    pause();
    seek(0);
}

void PlaybackBar::toEnd()
{
    pause();
    if (run_)
        seek(run_->steps() - 1);
}

void PlaybackBar::seek(int step)
{
    if (!run_ || run_->steps() == 0)
        return;
    step = std::clamp(step, 0, run_->steps() - 1);
    if (step == step_ && slider_->value() == step)
        return;
    step_ = step;
    slider_->blockSignals(true);
    slider_->setValue(step);
    slider_->blockSignals(false);
    updateLabel();
    emit stepChanged(step_);
}

void PlaybackBar::updateLabel()
{
    if (!run_ || run_->steps() == 0) {
        label_->setText(tr("no run"));
        return;
    }
    const Snapshot& s = run_->trace.snapshots[std::size_t(step_)];
    label_->setText(tr("step %1 / %2 · %3 · %4 pulls")
                        .arg(step_ + 1)
                        .arg(run_->steps())
                        .arg(QString::fromUtf8(toString(s.phase).data()))
                        .arg(s.totalPulls));
}

} // namespace ada
