#include "LessonPanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace ada {

namespace {

// The last snapshot of the warm-up (every arm has its first estimate), or 0.
int endOfWarmup(const Trace& t)
{
    int last = 0;
    for (int i = 0; i < int(t.snapshots.size()); ++i)
        if (t.snapshots[std::size_t(i)].phase == Phase::Warmup)
            last = i;
    return last;
}

int firstOfPhase(const Trace& t, Phase phase)
{
    for (int i = 0; i < int(t.snapshots.size()); ++i)
        if (t.snapshots[std::size_t(i)].phase == phase)
            return i;
    return std::max(0, int(t.snapshots.size()) - 1);
}

// Where Algorithm 2's second stage starts: the partition phase's last PhaseStarted snapshot, the
// first that carries every arm's target Vᵢ (the phase's first one comes before stage 1, with none).
int stageTwoStart(const Trace& t)
{
    int at = -1;
    for (int i = 0; i < int(t.snapshots.size()); ++i) {
        const Snapshot& s = t.snapshots[std::size_t(i)];
        if (s.phase == Phase::Partition && s.kind == EventKind::PhaseStarted)
            at = i;
    }
    return at >= 0 ? at : firstOfPhase(t, Phase::Partition);
}

// The next snapshot after `from`, still in the warm-up or the elimination, whose survivor set
// differs from the one at `from`: where the next arm is dropped. −1 if no arm is dropped any more.
int nextElimination(const Trace& t, int from)
{
    const auto& before = t.snapshots[std::size_t(from)].survivors;
    for (int i = from + 1; i < int(t.snapshots.size()); ++i) {
        const Snapshot& s = t.snapshots[std::size_t(i)];
        if (s.phase != Phase::Warmup && s.phase != Phase::Elimination)
            return -1;
        if (!s.survivors.empty() && s.survivors != before)
            return i;
    }
    return -1;
}

} // namespace

LessonPanel::LessonPanel(PlaybackController* playback, RunController* controller, QWidget* parent)
    : QWidget(parent)
    , playback_(playback)
    , controller_(controller)
    , title_(new QLabel)
    , body_(new QTextBrowser)
    , choices_(new QWidget)
    , feedback_(new QLabel)
    , progress_(new QLabel)
    , back_(new QPushButton(tr("Back")))
    , next_(new QPushButton(tr("Next")))
    , close_(new QPushButton(tr("Close lesson")))
{
    setObjectName(QStringLiteral("lessonPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    QFont big = title_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title_->setFont(big);
    title_->setWordWrap(true);
    feedback_->setWordWrap(true);
    feedback_->setTextFormat(Qt::RichText);
    body_->setOpenExternalLinks(false);
    body_->setAccessibleName(tr("Lesson text"));
    choices_->setAccessibleName(tr("Predictions"));
    back_->setAccessibleName(tr("Previous lesson step"));
    next_->setAccessibleName(tr("Next lesson step"));
    close_->setAccessibleName(tr("Close the lesson"));
    layout->addWidget(title_);
    layout->addWidget(body_, 1);
    layout->addWidget(choices_);
    layout->addWidget(feedback_);
    auto* nav = new QHBoxLayout;
    nav->addWidget(back_);
    nav->addWidget(progress_, 1, Qt::AlignCenter);
    nav->addWidget(next_);
    layout->addLayout(nav);
    layout->addWidget(close_);
    new QGridLayout(choices_);
    choices_->layout()->setContentsMargins(0, 0, 0, 0);

    connect(back_, &QPushButton::clicked, this, &LessonPanel::back);
    connect(next_, &QPushButton::clicked, this, &LessonPanel::next);
    connect(close_, &QPushButton::clicked, this, &LessonPanel::stop);
    connect(controller_, &RunController::experimentFinished, this, &LessonPanel::onExperimentFinished);
    connect(controller_, &RunController::failed, this, [this] {
        pendingExperiment_ = -1; // the table stops where it is; the banner shows the error
        waitingForRun_ = false;
        render();
    });
    render();
}

void LessonPanel::start(int lessonIndex)
{
    lessons_ = Lessons::all(); // rebuilt each time: always in the current language
    if (lessonIndex < 0 || lessonIndex >= int(lessons_.size()))
        return;
    current_ = lessons_[std::size_t(lessonIndex)];
    lesson_ = lessonIndex;
    step_ = 0;
    right_ = asked_ = 0;
    candidates_.clear();
    experimentRows_.clear();
    pendingExperiment_ = -1;
    feedback_->clear();
    waitingForRun_ = true; // the step's action waits for the scenario's run
    emit lessonStarted(current_.title);
    emit scenarioRequested(current_.scenario);
    if (!current_.steps.empty() && current_.steps.front().view != LessonView::None)
        emit viewRequested(current_.steps.front().view);
    render();
}

void LessonPanel::stop()
{
    if (!active())
        return;
    lesson_ = -1;
    candidates_.clear();
    pendingExperiment_ = -1;
    waitingForRun_ = false;
    render();
    emit lessonStopped();
}

void LessonPanel::next()
{
    if (!active())
        return;
    if (step_ + 1 >= stepCount()) {
        stop();
        return;
    }
    ++step_;
    enterStep();
}

void LessonPanel::back()
{
    if (!active() || step_ == 0)
        return;
    --step_;
    enterStep();
}

void LessonPanel::enterStep()
{
    candidates_.clear();
    feedback_->clear();
    const LessonStep& s = current_.steps[std::size_t(step_)];
    if (s.view != LessonView::None)
        emit viewRequested(s.view);
    if (s.config) { // a different configuration: its run arrives later, then the action applies
        waitingForRun_ = true;
        render();
        emit configRequested(*s.config);
        return;
    }
    applyAction();
    render();
}

void LessonPanel::runArrived()
{
    if (!active())
        return;
    waitingForRun_ = false;
    applyAction();
    render();
}

void LessonPanel::applyAction()
{
    const RunDataPtr& run = playback_->run();
    const LessonAction action = current_.steps[std::size_t(step_)].action;
    if (!run || run->steps() == 0)
        return;
    const Trace& t = run->trace;
    switch (action) {
    case LessonAction::None: break;
    case LessonAction::Start:
        playback_->pause();
        playback_->seek(0);
        break;
    case LessonAction::EndOfWarmup:
        playback_->pause();
        playback_->seek(endOfWarmup(t));
        break;
    case LessonAction::PredictRound:
        playback_->pause();
        playback_->seek(endOfWarmup(t));
        right_ = asked_ = 0;
        offerPrediction();
        break;
    case LessonAction::Play:
        playback_->reset();
        playback_->play();
        break;
    case LessonAction::PartitionStart:
        playback_->pause();
        playback_->seek(stageTwoStart(t));
        break;
    case LessonAction::End:
        playback_->pause();
        playback_->seek(run->steps() - 1);
        break;
    case LessonAction::VarianceLab: emit varianceLabRequested(); break;
    case LessonAction::ManyQueries:
        experimentRows_.clear();
        pendingExperiment_ = 0;
        runNextExperiment();
        break;
    }
}

void LessonPanel::offerPrediction()
{
    candidates_.clear();
    const RunDataPtr& run = playback_->run();
    const int from = playback_->step();
    if (nextElimination(run->trace, from) < 0) {
        const int winner = run->trace.result.topK.empty() ? -1 : run->trace.result.topK.front();
        const QString before = feedback_->text();
        feedback_->setText((before.isEmpty() ? QString() : before + QStringLiteral("<br>"))
                           + tr("The elimination is over: %1 wins. You predicted %2 of %3 rounds correctly.")
                                 .arg(run->armName(winner))
                                 .arg(right_)
                                 .arg(asked_));
    } else {
        const auto& alive = run->trace.snapshots[std::size_t(from)].survivors;
        for (int i = 0; i < int(alive.size()); ++i)
            if (alive[std::size_t(i)] != 0)
                candidates_.push_back(i);
    }
    render();
}

void LessonPanel::predict(int arm)
{
    const RunDataPtr& run = playback_->run();
    if (!run || std::find(candidates_.begin(), candidates_.end(), arm) == candidates_.end())
        return;
    const int from = playback_->step();
    const int to = nextElimination(run->trace, from);
    if (to < 0)
        return;
    const auto& before = run->trace.snapshots[std::size_t(from)].survivors;
    const auto& after = run->trace.snapshots[std::size_t(to)].survivors;
    QStringList dropped;
    bool hit = false;
    for (int i = 0; i < int(before.size()); ++i)
        if (before[std::size_t(i)] != 0 && after[std::size_t(i)] == 0) {
            dropped << run->armName(i);
            hit = hit || i == arm;
        }
    ++asked_;
    right_ += hit ? 1 : 0;
    const QString list = QLocale().createSeparatedList(dropped);
    feedback_->setText(
        hit ? tr("<b>Right:</b> %1 was eliminated (this round dropped %2).").arg(run->armName(arm), list)
            : tr("<b>Not this time:</b> %1 survived; this round dropped %2.").arg(run->armName(arm), list));
    playback_->seek(to);
    offerPrediction();
}

void LessonPanel::runNextExperiment()
{
    const DatasetPtr heads = dataset_ ? dataset_() : nullptr;
    if (!heads || pendingExperiment_ < 0 || pendingExperiment_ >= int(current_.experiments.size())) {
        pendingExperiment_ = -1;
        render();
        return;
    }
    const LessonExperiment& e = current_.experiments[std::size_t(pendingExperiment_)];
    ExperimentOptions options;
    options.config = current_.scenario.config;
    options.config.delta = e.delta;
    options.config.fudge = {e.fudge, e.fudge};
    if (heads->noiseBound && !options.config.importanceSampling()) // as MainWindow::requestRun
        options.config.noiseBound = heads->noiseBound;
    options.queries = std::min<int>(current_.experimentQueries, int(heads->queryCount()));
    options.tune = 0; // the fudge factors are the row's, not tuned
    controller_->runExperiment(heads, options);
    render();
}

void LessonPanel::onExperimentFinished(const std::shared_ptr<const ExperimentReport>& report)
{
    if (pendingExperiment_ < 0 || !active())
        return;
    const LessonExperiment& e = current_.experiments[std::size_t(pendingExperiment_)];
    const int total = int(report->outcomes.size());
    const int failures = int(std::count_if(report->outcomes.begin(), report->outcomes.end(),
                                           [](const QueryOutcome& o) { return !o.success; }));
    const QLocale locale;
    const double rate = total > 0 ? double(failures) / double(total) : 0.0;
    const QString colour = rate > e.delta ? QStringLiteral("#d62728") : QStringLiteral("#2ca02c");
    experimentRows_.push_back(
        QStringLiteral("<tr><td>%1</td><td>%2</td><td align=right>%3 / %4</td>"
                       "<td align=right style='color:%5'><b>%6</b></td>"
                       "<td align=right>%7×</td></tr>")
            .arg(locale.toString(e.delta), locale.toString(e.fudge))
            .arg(failures)
            .arg(total)
            .arg(colour, locale.toString(rate, 'f', 3), locale.toString(report->speedup, 'f', 1)));
    ++pendingExperiment_;
    runNextExperiment();
}

QString LessonPanel::feedback() const
{
    return feedback_->text();
}

QString LessonPanel::text() const
{
    return body_->toPlainText();
}

void LessonPanel::render()
{
    setEnabled(true);
    if (!active()) {
        title_->setText(tr("No lesson"));
        body_->setHtml(tr("<p>Choose a lesson from the <b>Lessons</b> menu.</p>"));
        progress_->clear();
        back_->setEnabled(false);
        next_->setEnabled(false);
        close_->setEnabled(false);
        choices_->hide();
        return;
    }
    const LessonStep& s = current_.steps[std::size_t(step_)];
    title_->setText(current_.title);
    progress_->setText(tr("Step %1 of %2").arg(step_ + 1).arg(stepCount()));
    // Formulas get a tinted box from the palette, so they stay legible in the dark theme too.
    const QColor box = palette().alternateBase().color();
    body_->document()->setDefaultStyleSheet(
        QStringLiteral("p.formula { font-family: serif; font-size: large; background: %1; }")
            .arg(box.name()));
    QString html = QStringLiteral("<h3>%1</h3>%2").arg(s.title.toHtmlEscaped(), s.html);
    if (!experimentRows_.empty() || pendingExperiment_ >= 0) {
        html += QStringLiteral("<table cellspacing=0 cellpadding=4 border=1 style='border-collapse:collapse'>"
                               "<tr><th>δ</th><th>φ</th><th>%1</th><th>%2</th><th>%3</th></tr>")
                    .arg(tr("failures"), tr("failure rate"), tr("speedup"));
        for (const QString& row : experimentRows_)
            html += row;
        html += QStringLiteral("</table>");
        if (pendingExperiment_ >= 0)
            html += QStringLiteral("<p><i>%1</i></p>")
                        .arg(tr("Running %1 queries at δ = %2…")
                                 .arg(current_.experimentQueries)
                                 .arg(QLocale().toString(
                                     current_.experiments[std::size_t(pendingExperiment_)].delta)));
    }
    if (waitingForRun_)
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Waiting for the run…"));
    body_->setHtml(html);
    back_->setEnabled(step_ > 0);
    next_->setEnabled(true);
    next_->setText(step_ + 1 < stepCount() ? tr("Next") : tr("Finish"));
    close_->setEnabled(true);

    // The prediction buttons, one per surviving arm.
    auto* grid = static_cast<QGridLayout*>(choices_->layout());
    while (QLayoutItem* item = grid->takeAt(0)) {
        item->widget()->hide();
        item->widget()->deleteLater(); // a click on this very button may be what re-renders
        delete item;
    }
    const RunDataPtr& run = playback_->run();
    for (int i = 0; i < int(candidates_.size()); ++i) {
        const int arm = candidates_[std::size_t(i)];
        auto* b = new QPushButton(run ? run->armName(arm) : QString::number(arm));
        b->setAccessibleName(tr("Predict that %1 is eliminated next").arg(b->text()));
        connect(b, &QPushButton::clicked, this, [this, arm] { predict(arm); });
        grid->addWidget(b, i / 4, i % 4);
    }
    choices_->setVisible(!candidates_.empty());
}

} // namespace ada
