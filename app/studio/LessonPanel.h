// The lesson beside the views: the current step's text, Back/Next, and the step's interaction (a
// prediction of the next eliminated arm, or a table of many-query runs). It drives only the replay
// (PlaybackController) and asks the main window, by signal, to open scenarios, apply
// configurations and show the Variance lab; many-query runs go to the RunController's worker.
#pragma once

#include "Lessons.h"
#include "PlaybackController.h"
#include "RunController.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace ada {

class LessonPanel : public QWidget {
    Q_OBJECT

public:
    LessonPanel(PlaybackController* playback, RunController* controller, QWidget* parent = nullptr);

    // The dataset the lesson's scenario loaded (many-query runs need it).
    void setDatasetSource(std::function<DatasetPtr()> source) { dataset_ = std::move(source); }

    void start(int lessonIndex);
    void stop();
    void next();
    void back();
    // A run of the lesson's scenario (or of a step's configuration) has been recorded and shown.
    void runArrived();

    [[nodiscard]] bool active() const { return lesson_ >= 0; }
    [[nodiscard]] int lessonIndex() const { return lesson_; }
    [[nodiscard]] int stepIndex() const { return step_; }
    [[nodiscard]] int stepCount() const { return int(current_.steps.size()); }
    // Nothing pending: the step's run, action and many-query runs are done.
    [[nodiscard]] bool ready() const { return active() && !waitingForRun_ && pendingExperiment_ < 0; }
    [[nodiscard]] bool finished() const { return ready() && step_ == stepCount() - 1 && !predicting(); }
    [[nodiscard]] bool predicting() const { return !candidates_.empty(); }
    // Prediction: the arms offered, and choosing one (what a click on its button does).
    [[nodiscard]] const std::vector<int>& candidates() const { return candidates_; }
    void predict(int arm);
    [[nodiscard]] QString feedback() const;
    [[nodiscard]] QString text() const;
    [[nodiscard]] int experimentRows() const { return int(experimentRows_.size()); }

signals:
    void scenarioRequested(const ada::Scenario& scenario);
    void configRequested(const ada::Config& config);
    void varianceLabRequested();
    void viewRequested(ada::LessonView view); // the docked view the step's text talks about
    void lessonStarted(const QString& title);
    void lessonStopped();

private:
    void enterStep();
    void applyAction();
    void offerPrediction();
    void runNextExperiment();
    void onExperimentFinished(const std::shared_ptr<const ExperimentReport>& report);
    void render();
    [[nodiscard]] Config lessonConfig() const;

    PlaybackController* playback_;
    RunController* controller_;
    std::function<DatasetPtr()> dataset_;
    std::vector<Lesson> lessons_;
    Lesson current_;
    int lesson_ = -1;
    int step_ = 0;
    bool waitingForRun_ = false;
    std::vector<int> candidates_;
    int right_ = 0, asked_ = 0;
    int pendingExperiment_ = -1; // index into current_.experiments being run, −1: none
    std::vector<QString> experimentRows_;

    QLabel* title_;
    QTextBrowser* body_;
    QWidget* choices_;
    QLabel* feedback_;
    QLabel* progress_;
    QPushButton* back_;
    QPushButton* next_;
    QPushButton* close_;
};

} // namespace ada
