#include "MainWindow.h"

#include "DatasetPanel.h"
#include "LessonPanel.h"
#include "MessageBanner.h"
#include "ParameterPanel.h"
#include "PlaybackBar.h"
#include "ReportPanel.h"
#include "VarianceLabPanel.h"
#include "widgets/EliminationView.h"
#include "widgets/ExplainerView.h"
#include "widgets/LocaleNumbers.h"
#include "widgets/PartitionView.h"
#include "widgets/PullsView.h"
#include "widgets/ResultSummaryView.h"
#include "widgets/TimelineView.h"

#include <QApplication>
#include <QJsonDocument>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace ada {

namespace {
constexpr int kRedrawIntervalMs = 30; // coalesced redraws: at most ≈ 33 per second
constexpr int kRunDebounceMs = 150;   // a burst of parameter changes starts one run
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , elimination_(new EliminationView)
    , pulls_(new PullsView)
    , timeline_(new TimelineView)
    , partition_(new PartitionView)
    , explainer_(new ExplainerView)
    , summary_(new ResultSummaryView)
    , varianceLab_(new VarianceLabPanel(controller_))
    , report_(new ReportPanel(reportController_))
    , parameters_(new ParameterPanel)
    , datasets_(new DatasetPanel)
    , playbackBar_(new PlaybackBar(&playback_))
    , banner_(new MessageBanner)
    , lessons_(new LessonPanel(&playback_, &controller_))
{
    setWindowTitle(tr("AdaSoftmax Studio"));
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    report_->setConfigSource([this] { return parameters_->config(); });
    buildCentral();
    buildDocks();
    buildStatusBar();
    buildMenus();
    buildShortcuts();
    connectControllers();
    connectLessons();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectControllers()
{
    // Redraws are coalesced: a step change arms one single-shot timer if it is not already armed.
    redrawTimer_.setSingleShot(true);
    redrawTimer_.setInterval(kRedrawIntervalMs);
    connect(&redrawTimer_, &QTimer::timeout, this, [this] { renderStep(playback_.step()); });
    connect(&playback_, &PlaybackController::stepChanged, this, &MainWindow::scheduleRedraw);
    connect(timeline_, &TimelineView::seekRequested, &playback_, [this](int step) {
        playback_.pause();
        playback_.seek(step);
    });

    // A parameter change starts a new run (debounced; the new run cancels the previous one).
    runDebounce_.setSingleShot(true);
    runDebounce_.setInterval(kRunDebounceMs);
    connect(&runDebounce_, &QTimer::timeout, this, &MainWindow::requestRun);
    connect(parameters_, &ParameterPanel::changed, &runDebounce_, qOverload<>(&QTimer::start));
    connect(parameters_, &ParameterPanel::runRequested, this, &MainWindow::requestRun);
    connect(parameters_, &ParameterPanel::tuneRequested, this, &MainWindow::requestTune);
    connect(datasets_, &DatasetPanel::loadRequested, this, &MainWindow::requestLoad);
    connect(datasets_, &DatasetPanel::openFileRequested, this, &MainWindow::chooseHeadFile);

    connect(&controller_, &RunController::datasetLoaded, this, &MainWindow::onDatasetLoaded);
    connect(&controller_, &RunController::runFinished, this, &MainWindow::onRunFinished);
    connect(&controller_, &RunController::failed, this, &MainWindow::showError);
    connect(&controller_, &RunController::datasetSaved, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Saved the dataset as %1").arg(path), 10000);
    });
    connect(&controller_, &RunController::fudgeTuned, this, [this](FudgeFactors f) {
        tuning_ = false;
        parameters_->setTuning(false);
        parameters_->setFudge(f); // a change: it starts a run with the tuned factors
        statusBar()->showMessage(tr("Tuned on up to 200 queries: φ_b = %1, φ_ℓ = %2")
                                     .arg(localeNumber(f.bestArms, 'g', 3))
                                     .arg(localeNumber(f.logNorm, 'g', 3)),
                                 10000);
    });
    connect(&controller_, &RunController::progress, this, [this](int percent, const QString& stage) {
        progressBar_->setValue(percent);
        progressBar_->setFormat(stage + QStringLiteral(" %p%"));
    });
    connect(&controller_, &RunController::busyChanged, this, [this](bool busy) {
        progressBar_->setVisible(busy);
        cancelButton_->setVisible(busy);
        if (!busy) {
            progressBar_->setValue(0);
            if (tuning_) { // cancelled or superseded
                tuning_ = false;
                parameters_->setTuning(false);
            }
        }
    });
    connect(cancelButton_, &QPushButton::clicked, &controller_, &RunController::cancel);
}

void MainWindow::openScenario(const Scenario& scenario)
{
    pending_ = scenario;
    applyPending_ = true;
    requestLoad(scenario.dataset);
}

Scenario MainWindow::currentScenario() const
{
    Scenario s;
    s.dataset = dataset_ ? QString::fromStdString(dataset_->name) : pending_.dataset;
    s.query = parameters_->query();
    s.config = parameters_->config().value_or(pending_.config);
    return s;
}

void MainWindow::screenshotAfterRun(const QString& path)
{
    screenshotPath_ = path;
}

void MainWindow::requestLoad(const QString& name)
{
    banner_->dismiss();
    statusBar()->showMessage(tr("Loading %1…").arg(name));
    controller_.loadDataset(name);
}

void MainWindow::onDatasetLoaded(DatasetPtr dataset)
{
    dataset_ = std::move(dataset);
    datasets_->showDataset(*dataset_);
    varianceLab_->setDataset(dataset_);
    report_->setDataset(dataset_);
    parameters_->setDatasetShape(static_cast<int>(dataset_->head.arms()),
                                 static_cast<int>(dataset_->queryCount()));
    bool scenarioSetsTemperature = false;
    if (applyPending_) {
        applyPending_ = false;
        const int lastQuery = std::max(0, int(dataset_->queryCount()) - 1);
        if (pending_.query > lastQuery)
            banner_->show(
                MessageBanner::Level::Warning,
                tr("the scenario's query %1 does not exist in %2 (queries 0 … %3); showing query %3")
                    .arg(pending_.query)
                    .arg(QString::fromStdString(dataset_->name))
                    .arg(lastQuery));
        parameters_->setConfig(pending_.config, std::min(pending_.query, lastQuery));
        scenarioSetsTemperature = pending_.config.temperature.has_value();
    }
    if (!scenarioSetsTemperature) // β comes from the head file unless the scenario says otherwise
        parameters_->setTemperature(dataset_->head.temperature);
    statusBar()->showMessage(tr("Loaded %1").arg(QString::fromStdString(dataset_->name)), 5000);
    requestRun();
}

void MainWindow::requestRun()
{
    runDebounce_.stop();
    if (!dataset_)
        return;
    const std::optional<Config> config = parameters_->config();
    if (!config) { // the panel shows why and has disabled its Run button
        statusBar()->showMessage(tr("Fix the parameters first: %1").arg(parameters_->errorText()), 8000);
        return;
    }
    if (dataset_->queryCount() < 1) {
        showError(tr("%1 has no queries to run").arg(QString::fromStdString(dataset_->name)));
        return;
    }
    Config c = *config;
    // Synthetic families carry their known noise bound; the theory configuration uses it (§6.3).
    if (dataset_->noiseBound && !c.importanceSampling())
        c.noiseBound = dataset_->noiseBound;
    playback_.pause();
    statusBar()->showMessage(tr("Running…"));
    controller_.startRun(dataset_, parameters_->query(), c);
}

void MainWindow::requestTune()
{
    const std::optional<Config> config = parameters_->config();
    if (!dataset_ || !config)
        return;
    tuning_ = true;
    parameters_->setTuning(true);
    statusBar()->showMessage(tr("Tuning fudge factors on up to 200 queries…"));
    controller_.tuneFudge(dataset_, *config);
}

void MainWindow::onRunFinished(RunDataPtr run)
{
    banner_->dismiss();
    showRun(std::move(run));
    const Result& r = run_->trace.result;
    // In a lesson the step decides where the replay stands, so the run is not "replaying".
    statusBar()->showMessage(
        (lessons_->active() ? tr("Run finished: %L1 pulls, %2× fewer than exact")
                            : tr("Run finished: %L1 pulls, %2× fewer than exact; replaying"))
            .arg(r.totalPulls)
            .arg(localeNumber(double(r.exactPulls()) / double(std::max<std::int64_t>(r.totalPulls, 1)), 'f',
                              1)),
        8000);
    QSettings().setValue(QStringLiteral("scenario/last"),
                         QJsonDocument(currentScenario().toJson()).toJson(QJsonDocument::Compact));
    if (lessons_->active()) { // the lesson's step says where the replay stands
        lessons_->runArrived();
        if (!screenshotPath_.isEmpty() && !lessonShotArmed_) {
            lessonShotArmed_ = true; // a step with its own run comes back here: advance only once
            for (int i = 0; i < lessonShotStep_; ++i)
                lessons_->next();
            // A step's own run or its many-query table finishes later: take the picture when ready.
            auto* poll = new QTimer(this);
            connect(poll, &QTimer::timeout, this, [this, poll] {
                if (!lessons_->ready())
                    return;
                poll->deleteLater();
                takeScreenshotSoon();
            });
            poll->start(100);
        }
        return;
    }
    if (screenshotPath_.isEmpty()) {
        playback_.play();
        return;
    }
    playback_.toEnd();
    renderStep(playback_.step());
    if (varianceShot_) {
        tabs_->setCurrentIndex(1);
        connect(&controller_, &RunController::varianceLabFinished, this, &MainWindow::takeScreenshotSoon);
        varianceLab_->applyPaperPreset();
        varianceLab_->run();
    } else if (reportShot_) {
        tabs_->setCurrentWidget(report_);
        connect(&reportController_, &RunController::reportFinished, this, &MainWindow::takeScreenshotSoon);
        report_->run();
    } else {
        takeScreenshotSoon();
    }
}

void MainWindow::takeScreenshotSoon()
{
    const QString path = std::exchange(screenshotPath_, QString()); // only the first run's picture
    QTimer::singleShot(400, this, [this, path] {
        renderStep(playback_.step());
        const QPixmap shot = grab();
        const bool ok = shot.save(path, "PNG");
        QApplication::exit(ok ? 0 : 1);
    });
}

void MainWindow::showRun(RunDataPtr run)
{
    run_ = std::move(run);
    for (RunView* v :
         std::initializer_list<RunView*>{elimination_, pulls_, timeline_, partition_, explainer_, summary_})
        v->setRun(run_);
    playback_.setRun(run_);
}

void MainWindow::renderStep(int step)
{
    ++redraws_;
    for (RunView* v :
         std::initializer_list<RunView*>{elimination_, pulls_, timeline_, partition_, explainer_})
        v->showStep(step);
}

void MainWindow::scheduleRedraw()
{
    if (!redrawTimer_.isActive())
        redrawTimer_.start();
}

void MainWindow::showError(const QString& message)
{
    lastError_ = message;
    banner_->show(MessageBanner::Level::Error, message);
    statusBar()->showMessage(message, 10000);
    if (!screenshotPath_.isEmpty())
        QApplication::exit(2); // a screenshot run that cannot produce its picture fails visibly
}

} // namespace ada
