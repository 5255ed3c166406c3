#include "PlaybackBar.h"

#include "widgets/PlotStyle.h"

#include "PlaybackController.h"

#include <QComboBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace ada {

// Where the replay is, in full ("step 9 / 18 · warm-up · 10,960 pulls") where there is room and as the
// step alone where there is not: the phase and the pulls are also in the elimination view's title.
// It asks for the width of the widest full line and needs only that of the widest short one, so
// that the run tab can be narrowed for the docks beside it, and the slider keeps its width while
// the replay plays.
class StepLabel : public QLabel {
public:
    using QLabel::QLabel;

    void setForms(const QString& full, const QString& brief)
    {
        full_ = full;
        brief_ = brief;
        fit();
    }
    // The widest lines of a run of `steps` snapshots and at most `pulls` pulls.
    void reserveFor(int steps, long long pulls)
    {
        const QFontMetrics metrics(font());
        fullWidth_ = briefWidth_ = 0;
        for (Phase p : {Phase::Warmup, Phase::Elimination, Phase::Winner, Phase::Partition, Phase::Done})
            fullWidth_ = std::max(fullWidth_, metrics.horizontalAdvance(fullForm(steps, steps, p, pulls)));
        briefWidth_ = metrics.horizontalAdvance(briefForm(steps, steps));
        updateGeometry();
        fit();
    }
    [[nodiscard]] static QString fullForm(int step, int steps, Phase phase, long long pulls)
    {
        return PlaybackBar::tr("step %1 / %2 · %3 · %L4 pulls")
            .arg(step)
            .arg(steps)
            .arg(phaseName(phase))
            .arg(pulls);
    }
    [[nodiscard]] static QString briefForm(int step, int steps)
    {
        return PlaybackBar::tr("step %1 / %2").arg(step).arg(steps);
    }
    [[nodiscard]] QSize sizeHint() const override { return {fullWidth_ + 4, QLabel::sizeHint().height()}; }
    [[nodiscard]] QSize minimumSizeHint() const override
    {
        return {briefWidth_ + 4, QLabel::minimumSizeHint().height()};
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QLabel::resizeEvent(event);
        fit();
    }

private:
    void fit()
    {
        const bool room = fontMetrics().horizontalAdvance(full_) + 4 <= width();
        setText(room || brief_.isEmpty() ? full_ : brief_);
    }

    QString full_, brief_;
    int fullWidth_ = 0, briefWidth_ = 0;
};

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
    label_ = new StepLabel(this);
    label_->reserveFor(8888, 88888888);
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
    if (const RunDataPtr& run = controller_->run(); run && run->steps() > 0)
        label_->reserveFor(
            run->steps(),
            std::max<long long>(run->trace.result.totalPulls, run->trace.snapshots.back().totalPulls));
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
        label_->setForms(tr("no run"), QString());
        return;
    }
    const Snapshot& s = run->trace.snapshots[std::size_t(step)];
    label_->setForms(StepLabel::fullForm(step + 1, run->steps(), s.phase, s.totalPulls),
                     StepLabel::briefForm(step + 1, run->steps()));
}

void PlaybackBar::onPlayingChanged(bool playing)
{
    playButton_->setIcon(
        QIcon(playing ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/play.svg")));
}

} // namespace ada
