// The studio's main window: a thin assembly of the panels, the views, the run controller and the
// playback controller. The run flow (load → run → replay) lives in MainWindow.cpp; menus, file
// actions and exports in MainWindowActions.cpp; the layout of docks in MainWindowLayout.cpp.
#pragma once

#include "Lessons.h"
#include "PlaybackController.h"
#include "RunController.h"
#include "Scenario.h"

#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <vector>

class QCustomPlot;
class QDockWidget;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace ada {

class DatasetPanel;
class EliminationView;
class ExplainerView;
class LessonPanel;
class MessageBanner;
class ParameterPanel;
class PartitionView;
class PlaybackBar;
class PullsView;
class RecentFiles;
class ReportPanel;
class ResultSummaryView;
class ShortcutOverlay;
class TimelineView;
class VarianceLabPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads the scenario's dataset on the worker, then applies its query and configuration and runs.
    void openScenario(const Scenario& scenario);
    [[nodiscard]] Scenario currentScenario() const;
    // After the first run finishes and the replay is at its end: save a PNG of the window to
    // `path` and quit with 0 (1 if it cannot be written, 2 if the run failed).
    void screenshotAfterRun(const QString& path);
    // With screenshotAfterRun: run the variance lab's paper preset first and show it in the shot.
    void showVarianceLabInScreenshot() { varianceShot_ = true; }
    // With screenshotAfterRun: run the speedup report on the dataset first and show it in the shot.
    void showReportInScreenshot() { reportShot_ = true; }
    // Shows `step` on every view now (no coalescing): what one replay frame draws.
    void renderStep(int step);
    void showRun(RunDataPtr run);
    // Lessons ▸ N: loads the lesson's scenario and shows its text beside the views. With
    // screenshotAfterRun, the picture is taken at step `screenshotStep` (a step without its own run).
    void startLesson(int index, int screenshotStep = 0);
    [[nodiscard]] LessonPanel* lessons() const { return lessons_; }
    [[nodiscard]] ShortcutOverlay* shortcutOverlay() const { return shortcutOverlay_; }
    void showShortcutOverlay();
    void showAbout();

    // File actions without dialogs (the menu asks for the path); they report errors in the window.
    void openPath(const QString& path);
    bool exportResultsTo(const QString& path, bool json);
    bool exportPlotTo(QCustomPlot* plot, const QString& path);
    bool exportAllPlotsTo(const QString& folder);
    bool saveScenarioTo(const QString& path);

    [[nodiscard]] RunController& controller() { return controller_; }
    [[nodiscard]] PlaybackController& playback() { return playback_; }
    [[nodiscard]] ParameterPanel* parameters() const { return parameters_; }
    [[nodiscard]] ReportPanel* reportPanel() const { return report_; }
    [[nodiscard]] DatasetPtr dataset() const { return dataset_; }
    [[nodiscard]] RunDataPtr run() const { return run_; }
    [[nodiscard]] QString lastError() const { return lastError_; }
    [[nodiscard]] int redrawCount() const { return redraws_; }
    // The plot views with their file-name stems ("elimination", "pulls", "timeline", "partition").
    [[nodiscard]] std::vector<std::pair<QString, QCustomPlot*>> namedPlots() const;
    [[nodiscard]] std::vector<QCustomPlot*> plots() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // MainWindowLayout.cpp
    void buildCentral();
    void buildDocks();
    void buildStatusBar();
    void restoreLayout();
    void saveLayout();
    void resetLayout(); // View > Reset layout: the first start's docks, in place and sized
    // The first start's arrangement for the window's present size: every dock in its own place, or,
    // in a small window, the two right-hand views tabbed (short) and the explainer and the result
    // tabbed (narrow), so that each keeps a usable size.
    void applyDefaultLayout();
    void bringViewToFront(LessonView view); // a lesson step's view, shown and its tab raised
    // The run's views (pulls, partition, timeline, explainer, result) describe the Run tab: on the
    // Variance lab and the Speedup report they give their room to those tabs' plots, and come back,
    // as they were, on the Run tab. A floating or closed dock is left as it is.
    void fitDocksToTab(int index);
    void restoreRunDocks();
    // MainWindowActions.cpp
    void buildMenus();
    void buildSettingsMenu();
    void buildShortcuts();
    // MainWindowLessons.cpp
    void connectLessons();
    void showLessonDock(); // raised over the controls, wide enough for the lesson's text
    void chooseHeadFile();
    void chooseScenarioFile();
    void chooseExportPlot(int index); // -1: all views into a folder
    void chooseExportResults(bool json);
    void chooseSaveScenario();
    void chooseSaveDataset();
    // MainWindow.cpp: the run flow
    void connectControllers();
    void requestLoad(const QString& name);
    void requestRun();
    void requestTune();
    void onDatasetLoaded(DatasetPtr dataset);
    void onRunFinished(RunDataPtr run);
    void showError(const QString& message);
    void scheduleRedraw();
    void takeScreenshotSoon();

    RunController controller_;
    RunController reportController_; // the speedup report's own worker: runs do not cancel it
    PlaybackController playback_;
    DatasetPtr dataset_;
    RunDataPtr run_;
    Scenario pending_; // the scenario being loaded (its query and config apply on load)
    bool applyPending_ = false;
    bool tuning_ = false;
    EliminationView* elimination_;
    PullsView* pulls_;
    TimelineView* timeline_;
    PartitionView* partition_;
    ExplainerView* explainer_;
    ResultSummaryView* summary_;
    VarianceLabPanel* varianceLab_;
    ReportPanel* report_;
    ParameterPanel* parameters_;
    DatasetPanel* datasets_;
    PlaybackBar* playbackBar_;
    MessageBanner* banner_;
    LessonPanel* lessons_;
    QDockWidget* lessonDock_ = nullptr;
    QDockWidget* pullsDock_ = nullptr;
    QDockWidget* partitionDock_ = nullptr;
    QDockWidget* explainerDock_ = nullptr;
    QDockWidget* summaryDock_ = nullptr;
    QDockWidget* timelineDock_ = nullptr;
    struct SetAsideDock {
        QDockWidget* dock;
        bool inFront; // its tab was the one shown
    };
    std::vector<SetAsideDock> setAside_;     // the run's docks hidden while another tab is shown
    std::function<void()> defaultDockSizes_; // set by buildDocks, applied by applyDefaultLayout
    QByteArray defaultDockState_;            // the docks as buildDocks arranges them (resetLayout)
    ShortcutOverlay* shortcutOverlay_ = nullptr;
    int lessonShotStep_ = 0;
    bool lessonShotArmed_ = false;
    QTabWidget* tabs_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    RecentFiles* recent_ = nullptr;
    QTimer redrawTimer_;
    QTimer runDebounce_;
    QString screenshotPath_;
    bool varianceShot_ = false;
    bool reportShot_ = false;
    QString lastError_;
    int redraws_ = 0;
};

} // namespace ada
