// MainWindow: menus, keyboard shortcuts, files in and out (head files, scenarios, plots, results),
// and drag and drop. Every dialog only asks for a path; the *To() functions do the work and report
// errors in the window, so tests drive them without dialogs.
#include "MainWindow.h"

#include "Lessons.h"
#include "MessageBanner.h"
#include "Preferences.h"
#include "RecentFiles.h"
#include "ResultExport.h"
#include "ShortcutOverlay.h"
#include "TensorFileDialog.h"
#include "widgets/EliminationView.h"
#include "widgets/PartitionView.h"
#include "widgets/PlotExport.h"
#include "widgets/PullsView.h"
#include "widgets/TimelineView.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMimeData>
#include <QShortcut>
#include <QStatusBar>
#include <qcustomplot.h>

namespace ada {

namespace {
QString headFilter()
{
    return QObject::tr(
        "Model heads (*.h5 *.hdf5 *.safetensors *.index.json *.npy *.npz);;HDF5 head files (*.h5 "
        "*.hdf5);;safetensors (*.safetensors *.index.json);;NumPy (*.npy *.npz);;Scenarios "
        "(*.json);;All files (*)");
}
QString plotFilter()
{
    return QObject::tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)");
}
} // namespace

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open head file…"), QKeySequence::Open,
                    this, &MainWindow::chooseHeadFile);
    recent_ = new RecentFiles(file->addMenu(tr("Open &recent")), this);
    connect(recent_, &RecentFiles::openRequested, this, &MainWindow::openPath);
    file->addSeparator();
    file->addAction(tr("Save dataset as &HDF5…"), this, &MainWindow::chooseSaveDataset);
    file->addAction(tr("Open s&cenario…"), this, &MainWindow::chooseScenarioFile);
    file->addAction(tr("&Save scenario…"), QKeySequence::Save, this, &MainWindow::chooseSaveScenario);
    file->addSeparator();
    QMenu* plots = file->addMenu(tr("Export &plot"));
    const auto named = namedPlots();
    for (int i = 0; i < int(named.size()); ++i)
        plots->addAction(
            tr("%1 view…")
                .arg(named[std::size_t(i)].first.at(0).toUpper() + named[std::size_t(i)].first.mid(1)),
            this, [this, i] { chooseExportPlot(i); });
    plots->addSeparator();
    plots->addAction(tr("&All views into a folder…"), this, [this] { chooseExportPlot(-1); });
    file->addAction(tr("Export results as &CSV…"), this, [this] { chooseExportResults(false); });
    file->addAction(tr("Export results as &JSON…"), this, [this] { chooseExportResults(true); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    QAction* reset = view->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    reset->setStatusTip(tr("Put every panel back where it was at the first start"));

    QMenu* lessons = menuBar()->addMenu(tr("&Lessons"));
    lessons->setObjectName(QStringLiteral("lessonsMenu"));
    const std::vector<Lesson> all = Lessons::all();
    for (int i = 0; i < int(all.size()); ++i) {
        QAction* a = lessons->addAction(QIcon(QStringLiteral(":/icons/lesson.svg")),
                                        all[std::size_t(i)].title, this, [this, i] { startLesson(i); });
        a->setStatusTip(all[std::size_t(i)].summary);
    }

    buildSettingsMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(QIcon(QStringLiteral(":/icons/keyboard.svg")), tr("&Keyboard shortcuts"),
                    QKeySequence(Qt::Key_F1), this, &MainWindow::showShortcutOverlay);
    help->addAction(QIcon(QStringLiteral(":/icons/about.svg")), tr("&About AdaSoftmax Studio"), this,
                    &MainWindow::showAbout);
}

void MainWindow::buildSettingsMenu()
{
    // Both settings apply at the next start (Preferences.h says why).
    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QMenu* language = settings->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(language);
    const QString current = languageSetting();
    for (const LanguageChoice& choice : languageChoices()) {
        QAction* a = language->addAction(choice.name);
        a->setCheckable(true);
        a->setChecked(choice.code == current);
        a->setData(choice.code);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = choice.code] {
            setLanguageSetting(code);
            banner_->show(MessageBanner::Level::Info, tr("The language changes when the studio restarts."));
        });
    }
    QMenu* theme = settings->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(theme);
    const std::pair<Theme, QString> choices[]
        = {{Theme::System, tr("Follow the system")}, {Theme::Light, tr("Light")}, {Theme::Dark, tr("Dark")}};
    for (const auto& [value, name] : choices) {
        QAction* a = theme->addAction(name);
        a->setCheckable(true);
        a->setChecked(value == themeSetting());
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, value] {
            setThemeSetting(value);
            banner_->show(
                MessageBanner::Level::Info,
                tr("The theme changes when the studio restarts; plots always export in the light theme."));
        });
    }
}

void MainWindow::buildShortcuts()
{
    // One table: the shortcuts installed here are the ones the overlay (F1) lists.
    std::vector<ShortcutEntry> entries;
    auto add = [this, &entries](QKeySequence key, void (PlaybackController::*slot)(), const QString& what) {
        auto* s = new QShortcut(key, this);
        s->setObjectName(key.toString(QKeySequence::PortableText));
        connect(s, &QShortcut::activated, &playback_, slot);
        entries.push_back({key, what});
    };
    add(QKeySequence(Qt::Key_Space), &PlaybackController::togglePlay, tr("Play or pause the replay"));
    add(QKeySequence(Qt::Key_Left), &PlaybackController::stepBack, tr("Step back"));
    add(QKeySequence(Qt::Key_Right), &PlaybackController::stepBatch, tr("Step one batch of pulls"));
    add(QKeySequence(Qt::SHIFT | Qt::Key_Right), &PlaybackController::stepRound, tr("Step one round"));
    add(QKeySequence(Qt::Key_R), &PlaybackController::reset, tr("Reset to the start"));
    add(QKeySequence(Qt::Key_End), &PlaybackController::toEnd, tr("Run to the end"));
    entries.push_back({QKeySequence(Qt::Key_F1), tr("Show this list")});
    shortcutOverlay_ = new ShortcutOverlay(std::move(entries), this);
}

std::vector<std::pair<QString, QCustomPlot*>> MainWindow::namedPlots() const
{
    return {{QStringLiteral("elimination"), elimination_->plot()},
            {QStringLiteral("pulls"), pulls_->plot()},
            {QStringLiteral("timeline"), timeline_->plot()},
            {QStringLiteral("partition"), partition_->plot()}};
}

std::vector<QCustomPlot*> MainWindow::plots() const
{
    std::vector<QCustomPlot*> all;
    for (const auto& [name, plot] : namedPlots())
        all.push_back(plot);
    return all;
}

void MainWindow::openPath(const QString& path)
{
    // A sharded checkpoint's index is JSON too, but a dataset, not a scenario.
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
        && !path.endsWith(QLatin1String(".index.json"), Qt::CaseInsensitive)) {
        try {
            openScenario(Scenario::load(path));
        } catch (const std::exception& e) {
            showError(QString::fromUtf8(e.what()));
        }
        return;
    }
    if (!QFileInfo::exists(path)) {
        showError(tr("%1: no such file").arg(path));
        return;
    }
    // safetensors and NumPy files: pick the head tensor and a queries file first.
    const QString name = TensorFileDialog::choose(path, this);
    if (name.isEmpty())
        return; // cancelled
    recent_->add(path);
    requestLoad(name);
}

bool MainWindow::exportResultsTo(const QString& path, bool json)
{
    if (!run_) {
        showError(tr("There is no finished run to export yet"));
        return false;
    }
    try {
        writeFileAtomically(path, json ? resultsJson(*run_, currentScenario()) : resultsCsv(*run_));
    } catch (const std::exception& e) {
        showError(QString::fromUtf8(e.what()));
        return false;
    }
    statusBar()->showMessage(tr("Results written to %1").arg(path), 8000);
    return true;
}

bool MainWindow::exportPlotTo(QCustomPlot* plot, const QString& path)
{
    QString error;
    if (!exportPlot(plot, path, &error)) {
        showError(error);
        return false;
    }
    statusBar()->showMessage(tr("Plot written to %1").arg(path), 8000);
    return true;
}

bool MainWindow::exportAllPlotsTo(const QString& folder)
{
    const QDir dir(folder);
    for (const auto& [name, plot] : namedPlots())
        for (const char* suffix : {".png", ".pdf", ".svg"}) {
            QString error;
            if (!exportPlot(plot, dir.filePath(name + QLatin1String(suffix)), &error)) {
                showError(error);
                return false;
            }
        }
    statusBar()->showMessage(
        tr("Exported %1 plots as PNG, PDF and SVG to %2").arg(namedPlots().size()).arg(folder), 8000);
    return true;
}

bool MainWindow::saveScenarioTo(const QString& path)
{
    try {
        currentScenario().save(path);
    } catch (const std::exception& e) {
        showError(QString::fromUtf8(e.what()));
        return false;
    }
    statusBar()->showMessage(tr("Scenario saved to %1").arg(path), 8000);
    return true;
}

void MainWindow::chooseHeadFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open head file"), QString(), headFilter());
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::chooseScenarioFile()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(), tr("Scenarios (*.json)"));
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::chooseExportPlot(int index)
{
    if (index < 0) {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export all plots into folder"));
        if (!folder.isEmpty())
            exportAllPlotsTo(folder);
        return;
    }
    const auto& [name, plot] = namedPlots()[std::size_t(index)];
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export plot"), name + QStringLiteral(".png"),
                                                plotFilter(), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) // the format follows the suffix; take it from the filter
        path += filter.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
            : filter.contains(QLatin1String("svg"))   ? QStringLiteral(".svg")
                                                      : QStringLiteral(".png");
    exportPlotTo(plot, path);
}

void MainWindow::chooseExportResults(bool json)
{
    if (!run_) {
        showError(tr("There is no finished run to export yet"));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export results"), json ? QStringLiteral("results.json") : QStringLiteral("results.csv"),
        json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportResultsTo(path, json);
}

void MainWindow::chooseSaveScenario()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save scenario"), QStringLiteral("scenario.json"), tr("Scenarios (*.json)"));
    if (!path.isEmpty())
        saveScenarioTo(path);
}

void MainWindow::chooseSaveDataset()
{
    if (!dataset_) {
        showError(tr("There is no dataset to save yet"));
        return;
    }
    const QString suggested = QString::fromStdString(dataset_->name)
                                  .section(QLatin1Char('?'), 0, 0)
                                  .section(QLatin1Char('/'), -1)
                                  .replace(QLatin1Char(':'), QLatin1Char('-'))
                                  .section(QLatin1Char('.'), 0, 0)
        + QStringLiteral(".h5");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save dataset as an HDF5 head file"),
                                                      suggested, tr("HDF5 head files (*.h5)"));
    if (!path.isEmpty())
        controller_.saveDataset(dataset_, path); // written on the worker thread
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    controller_.cancel();
    reportController_.cancel();
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) {
        event->acceptProposedAction();
        openPath(urls.front().toLocalFile());
    }
}

} // namespace ada
