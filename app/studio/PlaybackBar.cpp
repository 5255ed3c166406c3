#include "PlaybackBar.h"

#include "widgets/PlotStyle.h"

#include "PlaybackController.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace ada {

PlaybackBar::PlaybackBar(PlaybackController* controller, QWidget* parent)
    : QWidget(parent)
    , controller_(controller)
{
    setObjectName(QStringLiteral("playbackBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    // The studio's own SVG icons (resources/icons), the same on every platform and theme.
    auto button = [this, layout](const char* icon, const QString& tip, void (PlaybackController::*slot)()) {
        auto* b = new QToolButton(this);
        b->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icon))));
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setAutoRaise(true);
        layout->addWidget(b);
        connect(b, &QToolButton::clicked, controller_, slot);
        return b;
    };
    button("reset", tr("Reset (R)"), &PlaybackController::reset);
    button("step-back", tr("Step back (←)"), &PlaybackController::stepBack);
    playButton_ = button("play", tr("Play / pause (Space)"), &PlaybackController::togglePlay);
    button("step-forward", tr("Step one pull batch (→)"), &PlaybackController::stepBatch);
    button("step-round", tr("Step one round (Shift+→)"), &PlaybackController::stepRound);
    button("to-end", tr("Run to end (End)"), &PlaybackController::toEnd);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setAccessibleName(tr("timeline"));
    slider_->setToolTip(tr("Drag to scrub through the recorded run"));
    slider_->setMinimumWidth(100); // enough to scrub with when the docks leave the run little room
    layout->addWidget(slider_, 1);
    speed_ = new QComboBox(this);
    for (double s : {0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0})
        speed_->addItem(QStringLiteral("%1×").arg(s), s);
    speed_->setCurrentIndex(speed_->findData(1.0));
    speed_->setAccessibleName(tr("playback speed"));
    speed_->setToolTip(
        tr("Replay speed (1× = %1 snapshots per second)").arg(PlaybackController::kBaseStepsPerSecond));
    layout->addWidget(speed_);
    label_ = new QLabel(this);
    label_->setMinimumWidth(label_->fontMetrics().horizontalAdvance(
        QStringLiteral("step 8888 / 8888 · partition · 88,888,888 pulls")));
    layout->addWidget(label_);

    connect(slider_, &QSlider::valueChanged, controller_, &PlaybackController::seek);
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this] { controller_->setSpeed(speed_->currentData().toDouble()); });
    connect(controller_, &PlaybackController::runChanged, this, &PlaybackBar::onRunChanged);
    connect(controller_, &PlaybackController::stepChanged, this, &PlaybackBar::onStepChanged);
    connect(controller_, &PlaybackController::playingChanged, this, &PlaybackBar::onPlayingChanged);
    onRunChanged();
}

void PlaybackBar::onRunChanged()
{
    const QSignalBlocker block(slider_);
    slider_->setRange(0, std::max(0, controller_->steps() - 1));
    slider_->setPageStep(std::max(1, controller_->steps() / 20));
    onStepChanged(controller_->step());
}

void PlaybackBar::onStepChanged(int step)
{
    {
        const QSignalBlocker block(slider_);
        slider_->setValue(step);
    }
    const RunDataPtr& run = controller_->run();
    if (!run || run->steps() == 0) {
        label_->setText(tr("no run"));
        return;
    }
    const Snapshot& s = run->trace.snapshots[std::size_t(step)];
    label_->setText(tr("step %1 / %2 · %3 · %L4 pulls")
                        .arg(step + 1)
                        .arg(run->steps())
                        .arg(phaseName(s.phase))
                        .arg(s.totalPulls));
}

void PlaybackBar::onPlayingChanged(bool playing)
{
    playButton_->setIcon(
        QIcon(playing ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/play.svg")));
}

} // namespace ada
