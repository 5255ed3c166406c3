// The guided lessons (Lessons menu): each is a built-in scenario plus a few steps of explanatory
// text shown beside the views, and an action that puts the views where the text talks about them.
// The content is data: a table of tr()-wrapped strings (so lupdate extracts it and the lessons are
// translated like the rest of the studio), built when asked so the installed translator applies.
#pragma once

#include "Scenario.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace ada {

// What entering a step does to the replay or the studio.
enum class LessonAction {
    None,
    Start,          // replay at step 0 (nothing pulled yet)
    EndOfWarmup,    // the last warm-up snapshot: every arm has its first estimate and interval
    PredictRound,   // the user predicts which arm the next elimination round drops
    Play,           // replay from the start at the current speed
    PartitionStart, // where the partition phase's stage 2 starts, every arm's target set
    End,            // the last snapshot: the result
    VarianceLab,    // switch to the Variance lab and run its paper figure
    ManyQueries,    // run many queries per δ on the worker and tabulate the failure rate
};

// The docked view a step's text talks about: entering the step brings it to the front, so that it
// is in sight where the layout keeps it in a tab behind another (a small window) or closed.
enum class LessonView { None, Pulls, Partition, Result };

struct LessonStep {
    QString title;
    QString html; // rich text; formulas in plain Unicode
    LessonAction action = LessonAction::None;
    std::optional<Config> config
        = std::nullopt; // applied (and run) on entering the step, e.g. another sampler
    LessonView view = LessonView::None;
};

// One row of lesson 5's experiment: δ and the fudge factors for one batch of queries.
struct LessonExperiment {
    double delta = 0.1;
    double fudge = 1.0; // φ_b = φ_ℓ
};

struct Lesson {
    QString title;
    QString summary;
    Scenario scenario;
    std::vector<LessonStep> steps;
    std::vector<LessonExperiment> experiments = {}; // for LessonAction::ManyQueries
    int experimentQueries = 0;                      // queries per row of the many-query table
};

class Lessons {
    Q_DECLARE_TR_FUNCTIONS(Lessons)

public:
    // The five lessons, in teaching order, in the current language.
    [[nodiscard]] static std::vector<Lesson> all();
};

} // namespace ada
