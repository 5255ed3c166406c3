// MainWindow: the guided lessons (the Lessons menu and the lesson dock), the shortcut overlay and
// the About dialog. The lesson panel drives the replay itself; what needs the window (a scenario
// to load, a configuration to run, the Variance lab) it asks for by signal.
#include "MainWindow.h"

#include "AboutDialog.h"
#include "LessonPanel.h"
#include "ParameterPanel.h"
#include "ShortcutOverlay.h"
#include "VarianceLabPanel.h"

#include <QDockWidget>
#include <QStatusBar>
#include <QTabWidget>

namespace ada {

void MainWindow::showLessonDock()
{
    lessonDock_->show();
    lessonDock_->raise();
    resizeDocks({lessonDock_}, {std::max(lessonDock_->width(), 420)}, Qt::Horizontal);
}

void MainWindow::connectLessons()
{
    lessons_->setDatasetSource([this] { return dataset_; });
    connect(lessons_, &LessonPanel::scenarioRequested, this, [this](const Scenario& s) {
        tabs_->setCurrentIndex(0);
        openScenario(s);
    });
    connect(lessons_, &LessonPanel::configRequested, this, [this](const Config& c) {
        tabs_->setCurrentIndex(0);
        parameters_->setConfig(c, parameters_->query());
        requestRun();
    });
    connect(lessons_, &LessonPanel::varianceLabRequested, this, [this] {
        tabs_->setCurrentIndex(1);
        varianceLab_->applyPaperPreset();
        varianceLab_->run();
    });
    connect(lessons_, &LessonPanel::viewRequested, this, &MainWindow::bringViewToFront);
    connect(lessons_, &LessonPanel::lessonStarted, this, [this](const QString& title) {
        showLessonDock();
        statusBar()->showMessage(tr("Lesson: %1").arg(title), 5000);
    });
    connect(lessons_, &LessonPanel::lessonStopped, this, [this] {
        lessonDock_->hide();
        tabs_->setCurrentIndex(0);
    });
}

void MainWindow::startLesson(int index, int screenshotStep)
{
    lessonShotStep_ = screenshotStep;
    lessons_->start(index);
}

void MainWindow::showShortcutOverlay()
{
    shortcutOverlay_->showOver();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

} // namespace ada
