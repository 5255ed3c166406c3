// The studio's main window: a thin assembly of the panels, the views and the run controller.
#pragma once

#include "RunController.h"
#include "Scenario.h"

#include <QMainWindow>
#include <QTimer>

#include <vector>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QCustomPlot;
class QDockWidget;

namespace ada {

class DatasetPanel;
class EliminationView;
class ExplainerView;
class ParameterPanel;
class PartitionView;
class PlaybackBar;
class PullsView;
class ResultSummaryView;
class TimelineView;
class VarianceLabPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openScenario(const Scenario& scenario);
    [[nodiscard]] Scenario currentScenario() const;
    // After the next run finishes: show its last step, save a screenshot to `path`, and quit.
    void screenshotAfterRun(const QString& path);
    // With screenshotAfterRun: run the variance lab's paper preset first and show it in the shot.
    void showVarianceLabInScreenshot() { varianceShot_ = true; }
    // Shows `step` on every view now (no coalescing): what a replay frame draws.
    void renderStep(int step);
    void showRun(RunDataPtr run);
    [[nodiscard]] RunController& controller() { return controller_; }
    [[nodiscard]] PlaybackBar* playback() const { return playback_; }
    [[nodiscard]] QString lastError() const { return lastError_; }
    [[nodiscard]] std::vector<QCustomPlot*> plots() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildDocks();
    void buildMenus();
    void buildShortcuts();
    void openPath(const QString& path);
    void requestLoad(const QString& name);
    void requestRun();
    void onDatasetLoaded(DatasetPtr dataset);
    void onRunFinished(RunDataPtr run);
    void showError(const QString& message);
    void scheduleRedraw();
    void addRecentFile(const QString& path);
    void rebuildRecentMenu();
    void exportPlots();
    void exportResults(bool json);
    void saveScenarioAs();
    void takeScreenshotSoon();
    void openScenarioFile();

    RunController controller_;
    DatasetPtr dataset_;
    RunDataPtr run_;
    Scenario pending_; // the scenario being loaded (its query and config apply on load)
    bool applyPending_ = false;
    EliminationView* elimination_;
    PullsView* pulls_;
    TimelineView* timeline_;
    PartitionView* partition_;
    ExplainerView* explainer_;
    ResultSummaryView* summary_;
    VarianceLabPanel* varianceLab_;
    class QTabWidget* tabs_ = nullptr;
    bool varianceShot_ = false;
    ParameterPanel* parameters_;
    DatasetPanel* datasets_;
    PlaybackBar* playback_;
    QLabel* banner_;
    QProgressBar* progressBar_;
    QPushButton* cancelButton_;
    QMenu* recentMenu_ = nullptr;
    QTimer redrawTimer_;
    QTimer runDebounce_;
    QString screenshotPath_;
    QString lastError_;
};

} // namespace ada
