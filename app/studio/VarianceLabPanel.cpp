#include "VarianceLabPanel.h"

#include "widgets/PlotExport.h"
#include "widgets/VarianceLabView.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace ada {

VarianceLabPanel::VarianceLabPanel(RunController& controller, QWidget* parent)
    : QWidget(parent)
    , controller_(controller)
    , row_(new QLineEdit(QStringLiteral("top")))
    , query_(new QSpinBox)
    , reps_(new QSpinBox)
    , grid_(new QLineEdit(QStringLiteral("log:20")))
    , status_(new QLabel)
    , view_(new VarianceLabView)
{
    setObjectName(QStringLiteral("varianceLabPanel"));
    row_->setToolTip(tr("An arm index, a name from the dataset's vocabulary, 'top' or 'random'"));
    row_->setAccessibleName(tr("row"));
    query_->setAccessibleName(tr("query"));
    reps_->setRange(2, 100000);
    reps_->setValue(200);
    reps_->setAccessibleName(tr("repetitions"));
    grid_->setToolTip(tr("Sample sizes: '10,50,200', 'log:N' or 'linear:N' (from 10 to d)"));
    grid_->setAccessibleName(tr("sample sizes"));
    // Two rows of three (uniform, importance): in one row of six the tab was 690 px wide at least,
    // which squeezed the studio's right-hand docks to a sliver in a 1280-px window.
    auto* estimatorRow = new QGridLayout;
    for (LabEstimator e : {LabEstimator::UniformWr, LabEstimator::UniformWor, LabEstimator::UniformWorFpc,
                           LabEstimator::IsWr, LabEstimator::IsWorHt, LabEstimator::IsWorDr}) {
        auto* box = new QCheckBox(QString::fromUtf8(toString(e).data()));
        box->setChecked(true);
        const int at = static_cast<int>(estimators_.size());
        estimatorRow->addWidget(box, at / 3, at % 3);
        estimators_.emplace_back(e, box);
    }
    auto* weightRow = new QHBoxLayout;
    for (ImportanceWeights w : {ImportanceWeights::Query, ImportanceWeights::Head, ImportanceWeights::Both}) {
        auto* box = new QCheckBox(QString::fromUtf8(toString(w).data()));
        box->setChecked(true);
        weightRow->addWidget(box);
        weights_.emplace_back(w, box);
    }
    auto* runButton = new QPushButton(tr("Run"));
    auto* paper = new QPushButton(tr("Paper figure"));
    paper->setToolTip(tr("The layout of the paper's variance figure (§9)"));
    auto* exportButton = new QPushButton(tr("Export…"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(paper);
    buttons->addWidget(runButton);
    buttons->addWidget(exportButton);
    buttons->addWidget(status_, 1);

    auto* form = new QFormLayout;
    form->addRow(tr("row"), row_);
    form->addRow(tr("query"), query_);
    form->addRow(tr("estimators"), estimatorRow);
    form->addRow(tr("importance weights"), weightRow);
    form->addRow(tr("repetitions"), reps_);
    form->addRow(tr("sample sizes"), grid_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(view_, 1);
    connect(runButton, &QPushButton::clicked, this, &VarianceLabPanel::run);
    connect(paper, &QPushButton::clicked, this, [this] {
        applyPaperPreset();
        run();
    });
    connect(exportButton, &QPushButton::clicked, this, &VarianceLabPanel::exportPlots);
    connect(&controller_, &RunController::varianceLabFinished, this,
            [this](std::shared_ptr<const VarianceLabResult> result, const QString& caption) {
                view_->setResult(std::move(result), caption);
                status_->setText(tr("done"));
            });
}

void VarianceLabPanel::setDataset(DatasetPtr dataset)
{
    dataset_ = std::move(dataset);
    query_->setRange(0, std::max(0, int(dataset_->queryCount()) - 1));
}

void VarianceLabPanel::applyPaperPreset()
{
    for (auto& [e, box] : estimators_)
        box->setChecked(e == LabEstimator::UniformWr || e == LabEstimator::IsWr
                        || e == LabEstimator::IsWorHt);
    for (auto& [w, box] : weights_)
        box->setChecked(w == ImportanceWeights::Query);
    grid_->setText(QStringLiteral("linear:100"));
    reps_->setValue(200);
}

void VarianceLabPanel::run()
{
    if (!dataset_) {
        status_->setText(tr("load a dataset first"));
        return;
    }
    VarianceLabOptions o;
    o.estimators.clear();
    for (auto& [e, box] : estimators_)
        if (box->isChecked())
            o.estimators.push_back(e);
    o.weightings.clear();
    for (auto& [w, box] : weights_)
        if (box->isChecked())
            o.weightings.push_back(w);
    o.repetitions = reps_->value();
    try {
        o.grid = parseSampleSizes(grid_->text().toStdString(), int(dataset_->head.dim()));
    } catch (const std::invalid_argument& e) {
        status_->setText(QString::fromUtf8(e.what()));
        return;
    }
    if (o.estimators.empty()) {
        status_->setText(tr("choose at least one estimator"));
        return;
    }
    status_->setText(tr("running…"));
    controller_.runVarianceLab(dataset_, row_->text().trimmed(), query_->value(), dataset_->head.temperature,
                               o);
}

void VarianceLabPanel::exportPlots()
{
    const QString base = QFileDialog::getSaveFileName(this, tr("Export variance plots"), QString(),
                                                      tr("PNG (*.png);;PDF (*.pdf);;SVG (*.svg)"));
    if (base.isEmpty())
        return;
    QString error;
    const QFileInfo info(base);
    const QString histograms = info.path() + QLatin1Char('/') + info.completeBaseName()
        + QStringLiteral("-histograms.") + info.suffix();
    if (!exportPlot(view_->plot(), base, &error) || !exportPlot(view_->histograms(), histograms, &error))
        status_->setText(error);
}

} // namespace ada
