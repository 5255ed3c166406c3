// Explainer: the current phase in two or three sentences with its formula (plain Unicode math),
// filled with the run's own numbers and kept in sync with the replay.
#pragma once

#include "RunData.h"

#include <QWidget>

class QTextBrowser;

namespace ada {

class ExplainerView : public QWidget, public RunView {
    Q_OBJECT

public:
    explicit ExplainerView(QWidget* parent = nullptr);
    void setRun(RunDataPtr run) override;
    void showStep(int step) override;
    [[nodiscard]] QString text() const;

private:
    QTextBrowser* browser_;
    RunDataPtr run_;
};

} // namespace ada
