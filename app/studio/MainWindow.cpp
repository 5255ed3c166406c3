#include "MainWindow.h"

#include "DatasetPanel.h"
#include "ParameterPanel.h"
#include "PlaybackBar.h"
#include "VarianceLabPanel.h"
#include "widgets/EliminationView.h"
#include "widgets/ExplainerView.h"
#include "widgets/PartitionView.h"
#include "widgets/PlotExport.h"
#include "widgets/PullsView.h"
#include "widgets/ResultSummaryView.h"
#include "widgets/TimelineView.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace ada {

namespace {
constexpr int kMaxRecent = 8;
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , elimination_(new EliminationView)
    , pulls_(new PullsView)
    , timeline_(new TimelineView)
    , partition_(new PartitionView)
    , explainer_(new ExplainerView)
    , summary_(new ResultSummaryView)
    , varianceLab_(new VarianceLabPanel(controller_))
    , parameters_(new ParameterPanel)
    , datasets_(new DatasetPanel)
    , playback_(new PlaybackBar)
    , banner_(new QLabel)
    , progressBar_(new QProgressBar)
    , cancelButton_(new QPushButton(tr("Cancel")))
{
    setWindowTitle(tr("AdaSoftmax Studio"));
    setAcceptDrops(true);
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    banner_->setWordWrap(true);
    banner_->setStyleSheet(
        QStringLiteral("background:#fdecea; color:#a12a1f; padding:6px; border:1px solid #f5c6c0"));
    banner_->setVisible(false);
    banner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(banner_);
    // The run and its replay in one tab, the variance lab (a different experiment) in the other.
    auto* runTab = new QWidget;
    auto* runLayout = new QVBoxLayout(runTab);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(elimination_, 1);
    runLayout->addWidget(playback_);
    tabs_ = new QTabWidget;
    tabs_->addTab(runTab, tr("Run"));
    tabs_->addTab(varianceLab_, tr("Variance lab"));
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);
    buildDocks();
    buildMenus();
    buildShortcuts();

    progressBar_->setRange(0, 100);
    progressBar_->setMaximumWidth(180);
    progressBar_->setVisible(false);
    cancelButton_->setVisible(false);
    statusBar()->addPermanentWidget(progressBar_);
    statusBar()->addPermanentWidget(cancelButton_);
    connect(cancelButton_, &QPushButton::clicked, &controller_, &RunController::cancel);

    // Redraws are coalesced: a step change arms one single-shot timer (≈ 33 per second at most).
    redrawTimer_.setSingleShot(true);
    redrawTimer_.setInterval(30);
    connect(&redrawTimer_, &QTimer::timeout, this, [this] { renderStep(playback_->step()); });
    connect(playback_, &PlaybackBar::stepChanged, this, &MainWindow::scheduleRedraw);
    connect(timeline_, &TimelineView::seekRequested, playback_, &PlaybackBar::seek);

    // A parameter change starts a new run (debounced; the previous run is cancelled).
    runDebounce_.setSingleShot(true);
    runDebounce_.setInterval(150);
    connect(&runDebounce_, &QTimer::timeout, this, &MainWindow::requestRun);
    connect(parameters_, &ParameterPanel::changed, &runDebounce_, qOverload<>(&QTimer::start));
    connect(parameters_, &ParameterPanel::tuneRequested, this, [this] {
        if (dataset_ && parameters_->config()) {
            statusBar()->showMessage(tr("Tuning fudge factors on up to 200 queries…"));
            controller_.tuneFudge(dataset_, *parameters_->config());
        }
    });
    connect(datasets_, &DatasetPanel::loadRequested, this, &MainWindow::requestLoad);
    connect(datasets_, &DatasetPanel::openFileRequested, this, [this] {
        const QString path
            = QFileDialog::getOpenFileName(this, tr("Open head file"), QString(),
                                           tr("Head files (*.h5 *.hdf5);;Scenarios (*.json);;All files (*)"));
        if (!path.isEmpty())
            openPath(path);
    });

    connect(&controller_, &RunController::datasetLoaded, this, &MainWindow::onDatasetLoaded);
    connect(&controller_, &RunController::runFinished, this, &MainWindow::onRunFinished);
    connect(&controller_, &RunController::failed, this, &MainWindow::showError);
    connect(&controller_, &RunController::fudgeTuned, this, [this](FudgeFactors f) {
        parameters_->setFudge(f);
        statusBar()->showMessage(tr("Tuned: φ_b = %1, φ_ℓ = %2").arg(f.bestArms).arg(f.logNorm), 8000);
    });
    connect(&controller_, &RunController::progress, this, [this](int percent, const QString& stage) {
        progressBar_->setValue(percent);
        progressBar_->setFormat(stage + QStringLiteral(" %p%"));
    });
    connect(&controller_, &RunController::busyChanged, this, [this](bool busy) {
        progressBar_->setVisible(busy);
        cancelButton_->setVisible(busy);
        if (!busy)
            progressBar_->setValue(0);
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    rebuildRecentMenu();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks()
{
    auto dock = [this](QWidget* w, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name); // saveState/restoreState need object names
        d->setWidget(w);
        addDockWidget(area, d);
        return d;
    };
    auto* controls = new QWidget;
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->addWidget(datasets_);
    controlsLayout->addWidget(parameters_);
    controlsLayout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(300);
    dock(scroll, tr("Dataset and parameters"), QStringLiteral("controlsDock"), Qt::LeftDockWidgetArea);
    QDockWidget* summary
        = dock(summary_, tr("Result"), QStringLiteral("summaryDock"), Qt::LeftDockWidgetArea);
    QDockWidget* pulls = dock(pulls_, tr("Pulls"), QStringLiteral("pullsDock"), Qt::RightDockWidgetArea);
    QDockWidget* partition
        = dock(partition_, tr("Partition"), QStringLiteral("partitionDock"), Qt::RightDockWidgetArea);
    QDockWidget* timeline
        = dock(timeline_, tr("Timeline"), QStringLiteral("timelineDock"), Qt::BottomDockWidgetArea);
    QDockWidget* explainer
        = dock(explainer_, tr("Explainer"), QStringLiteral("explainerDock"), Qt::BottomDockWidgetArea);
    splitDockWidget(timeline, explainer, Qt::Horizontal);
    resizeDocks({pulls, partition}, {320, 380}, Qt::Vertical);
    resizeDocks({timeline}, {200}, Qt::Vertical);
    resizeDocks({pulls}, {420}, Qt::Horizontal);
    (void)summary;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open head file…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open head file"), QString(),
                                                          tr("Head files (*.h5 *.hdf5);;All files (*)"));
        if (!path.isEmpty())
            openPath(path);
    });
    recentMenu_ = file->addMenu(tr("Open &recent"));
    file->addAction(tr("Open &scenario…"), this, &MainWindow::openScenarioFile);
    file->addAction(tr("&Save scenario…"), QKeySequence::Save, this, &MainWindow::saveScenarioAs);
    file->addSeparator();
    file->addAction(tr("Export &plots…"), this, &MainWindow::exportPlots);
    file->addAction(tr("Export results as &CSV…"), this, [this] { exportResults(false); });
    file->addAction(tr("Export results as &JSON…"), this, [this] { exportResults(true); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        statusBar()->showMessage(
            tr("Space play/pause · ← step back · → step batch · Shift+→ step round · R reset · "
               "End run to end"),
            10000);
    });
}

void MainWindow::buildShortcuts()
{
    auto add = [this](QKeySequence key, void (PlaybackBar::*slot)()) {
        auto* s = new QShortcut(key, this);
        connect(s, &QShortcut::activated, playback_, slot);
    };
    add(QKeySequence(Qt::Key_Space), &PlaybackBar::togglePlay);
    add(QKeySequence(Qt::Key_Left), &PlaybackBar::stepBack);
    add(QKeySequence(Qt::Key_Right), &PlaybackBar::stepBatch);
    add(QKeySequence(Qt::SHIFT | Qt::Key_Right), &PlaybackBar::stepRound);
    add(QKeySequence(Qt::Key_R), &PlaybackBar::reset);
    add(QKeySequence(Qt::Key_End), &PlaybackBar::toEnd);
}

std::vector<QCustomPlot*> MainWindow::plots() const
{
    return {elimination_->plot(), pulls_->plot(), timeline_->plot(), partition_->plot()};
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
    banner_->setVisible(false);
    statusBar()->showMessage(tr("Loading %1…").arg(name));
    controller_.loadDataset(name);
}

void MainWindow::openPath(const QString& path)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        try {
            openScenario(Scenario::load(path));
        } catch (const std::exception& e) {
            showError(QString::fromUtf8(e.what()));
        }
        return;
    }
    addRecentFile(path);
    requestLoad(path);
}

void MainWindow::onDatasetLoaded(DatasetPtr dataset)
{
    dataset_ = std::move(dataset);
    datasets_->showDataset(*dataset_);
    varianceLab_->setDataset(dataset_);
    parameters_->setDatasetShape(static_cast<int>(dataset_->head.arms()),
                                 static_cast<int>(dataset_->queryCount()));
    bool scenarioSetsTemperature = false;
    if (applyPending_) {
        applyPending_ = false;
        parameters_->setConfig(pending_.config,
                               std::min<int>(pending_.query, int(dataset_->queryCount()) - 1));
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
    if (!config) {
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
    playback_->pause();
    statusBar()->showMessage(tr("Running…"));
    controller_.startRun(dataset_, parameters_->query(), c);
}

void MainWindow::onRunFinished(RunDataPtr run)
{
    banner_->setVisible(false);
    showRun(std::move(run));
    statusBar()->showMessage(tr("Run finished: %1 pulls (%2× fewer than exact); replaying")
                                 .arg(run_->trace.result.totalPulls)
                                 .arg(double(run_->trace.result.exactPulls())
                                          / double(std::max<std::int64_t>(run_->trace.result.totalPulls, 1)),
                                      0, 'f', 1),
                             8000);
    QSettings().setValue(QStringLiteral("scenario/last"), QJsonDocument(currentScenario().toJson()).toJson());
    if (!screenshotPath_.isEmpty()) {
        playback_->toEnd();
        renderStep(playback_->step());
        if (varianceShot_) {
            tabs_->setCurrentIndex(1);
            connect(&controller_, &RunController::varianceLabFinished, this, &MainWindow::takeScreenshotSoon);
            varianceLab_->applyPaperPreset();
            varianceLab_->run();
        } else {
            takeScreenshotSoon();
        }
        return;
    }
    playback_->play();
}

void MainWindow::takeScreenshotSoon()
{
    QTimer::singleShot(400, this, [this] {
        const QPixmap shot = grab();
        const bool ok = shot.save(screenshotPath_, "PNG");
        QApplication::exit(ok ? 0 : 1);
    });
}

void MainWindow::showRun(RunDataPtr run)
{
    run_ = std::move(run);
    for (RunView* v :
         std::initializer_list<RunView*>{elimination_, pulls_, timeline_, partition_, explainer_, summary_})
        v->setRun(run_);
    playback_->setRun(run_);
}

void MainWindow::renderStep(int step)
{
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
    banner_->setText(tr("<b>Error:</b> %1").arg(message.toHtmlEscaped()));
    banner_->setVisible(true);
    statusBar()->showMessage(message, 10000);
    if (!screenshotPath_.isEmpty())
        QApplication::exit(2); // a screenshot run that cannot produce its picture fails visibly
}

void MainWindow::addRecentFile(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("files/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("files/recent"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!recentMenu_)
        return;
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("files/recent")).toStringList();
    for (const QString& path : recent)
        recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openPath(path); })
            ->setToolTip(path);
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::exportPlots()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export all plots to folder"));
    if (dir.isEmpty())
        return;
    const QStringList names{QStringLiteral("elimination"), QStringLiteral("pulls"),
                            QStringLiteral("timeline"), QStringLiteral("partition")};
    const auto all = plots();
    for (std::size_t i = 0; i < all.size(); ++i)
        for (const char* suffix : {".png", ".pdf", ".svg"}) {
            QString error;
            if (!exportPlot(all[i], dir + QLatin1Char('/') + names[qsizetype(i)] + QLatin1String(suffix),
                            &error)) {
                showError(error);
                return;
            }
        }
    statusBar()->showMessage(tr("Exported %1 plots as PNG, PDF and SVG to %2").arg(all.size()).arg(dir),
                             8000);
}

void MainWindow::exportResults(bool json)
{
    if (!run_) {
        showError(tr("There is no finished run to export yet"));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export results"), QString(),
                                                      json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    const Snapshot& last = run_->trace.snapshots.back();
    QByteArray bytes;
    if (json) {
        QJsonArray arms;
        for (std::size_t i = 0; i < last.estimates.size(); ++i)
            arms.append(QJsonObject{{"arm", int(i)},
                                    {"name", run_->armName(int(i))},
                                    {"pulls", qint64(last.depths[i])},
                                    {"estimate", last.estimates[i]},
                                    {"variance", last.variances[i]},
                                    {"true_logit", run_->trueLogits[Eigen::Index(i)]}});
        QJsonArray top;
        for (int i : run_->trace.result.topK)
            top.append(i);
        bytes = QJsonDocument(QJsonObject{{"scenario", currentScenario().toJson()},
                                          {"top_k", top},
                                          {"log_s_hat", run_->trace.result.logPartition},
                                          {"log_s", run_->trueLogPartition},
                                          {"total_pulls", qint64(run_->trace.result.totalPulls)},
                                          {"exact_pulls", qint64(run_->trace.result.exactPulls())},
                                          {"arms", arms}})
                    .toJson();
    } else {
        bytes = "arm,name,pulls,estimate,variance,true_logit\n";
        for (std::size_t i = 0; i < last.estimates.size(); ++i) {
            QString name = run_->armName(int(i));
            name.replace(QLatin1Char('"'), QLatin1String("\"\""));
            bytes += QStringLiteral("%1,\"%2\",%3,%4,%5,%6\n")
                         .arg(i)
                         .arg(name)
                         .arg(last.depths[i])
                         .arg(last.estimates[i], 0, 'g', 17)
                         .arg(last.variances[i], 0, 'g', 17)
                         .arg(run_->trueLogits[Eigen::Index(i)], 0, 'g', 17)
                         .toUtf8();
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        showError(tr("cannot write %1: %2").arg(path, file.errorString()));
}

void MainWindow::saveScenarioAs()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save scenario"), QString(), tr("Scenarios (*.json)"));
    if (path.isEmpty())
        return;
    try {
        currentScenario().save(path);
    } catch (const std::exception& e) {
        showError(QString::fromUtf8(e.what()));
    }
}

void MainWindow::openScenarioFile()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(), tr("Scenarios (*.json)"));
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    controller_.cancel();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile())
        openPath(urls.front().toLocalFile());
}

} // namespace ada
