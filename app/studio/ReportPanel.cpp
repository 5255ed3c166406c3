#include "ReportPanel.h"

#include "widgets/PlotExport.h"
#include "widgets/SpeedupReportView.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>

#include <stdexcept>

namespace ada {

ReportPanel::ReportPanel(RunController& controller, QWidget* parent)
    : QWidget(parent)
    , controller_(controller)
    , deltas_(new QLineEdit(QStringLiteral("0.1, 0.05, 0.01")))
    , tune_(new QSpinBox)
    , queries_(new QSpinBox)
    , seed_(new QSpinBox)
    , svd_(new QCheckBox(tr("SVD-softmax")))
    , hsm_(new QCheckBox(tr("hierarchical softmax")))
    , runButton_(new QPushButton(tr("Run report")))
    , cancelButton_(new QPushButton(tr("Cancel")))
    , exportButton_(new QPushButton(tr("Export…")))
    , progress_(new QProgressBar)
    , status_(new QLabel)
    , view_(new SpeedupReportView)
{
    setObjectName(QStringLiteral("reportPanel"));
    deltas_->setToolTip(tr("The δ values, comma-separated; one adaptive row each"));
    deltas_->setAccessibleName(tr("deltas"));
    tune_->setRange(0, 100000);
    tune_->setSpecialValueText(tr("auto: min(200, M/2)"));
    tune_->setToolTip(tr("Tuning queries (they also fit the hierarchical softmax)"));
    queries_->setRange(0, 10000000);
    queries_->setSpecialValueText(tr("all"));
    queries_->setToolTip(tr("Use the first M queries of the dataset"));
    seed_->setRange(0, 2147483647);
    seed_->setValue(42);
    svd_->setChecked(true);
    hsm_->setChecked(true);
    progress_->setRange(0, 100);
    progress_->setVisible(false);
    cancelButton_->setEnabled(false);

    auto* baselines = new QHBoxLayout;
    baselines->addWidget(svd_);
    baselines->addWidget(hsm_);
    baselines->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("δ values"), deltas_);
    form->addRow(tr("tuning queries"), tune_);
    form->addRow(tr("queries used"), queries_);
    form->addRow(tr("seed"), seed_);
    form->addRow(tr("baselines"), baselines);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(runButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(exportButton_);
    buttons->addWidget(progress_, 1);
    buttons->addWidget(status_, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(view_, 1);

    connect(runButton_, &QPushButton::clicked, this, &ReportPanel::run);
    connect(cancelButton_, &QPushButton::clicked, this, &ReportPanel::cancel);
    connect(exportButton_, &QPushButton::clicked, this, &ReportPanel::chooseExport);
    connect(&controller_, &RunController::reportFinished, this,
            [this](std::shared_ptr<const SpeedupReport> report) {
                view_->setReport(report);
                status_->setText(tr("done: %1 test queries").arg(report->testQueries.size()));
            });
    connect(&controller_, &RunController::failed, this,
            [this](const QString& message) { status_->setText(tr("failed: %1").arg(message)); });
    connect(&controller_, &RunController::progress, this, [this](int percent, const QString& stage) {
        progress_->setValue(percent);
        progress_->setFormat(stage + QStringLiteral(" %p%"));
    });
    connect(&controller_, &RunController::busyChanged, this, [this](bool busy) {
        progress_->setVisible(busy);
        cancelButton_->setEnabled(busy);
        runButton_->setEnabled(!busy);
        if (!busy)
            progress_->setValue(0);
    });
}

void ReportPanel::setDataset(DatasetPtr dataset)
{
    dataset_ = std::move(dataset);
    view_->setReport(nullptr); // a report describes one head
    if (dataset_) {
        const int m = static_cast<int>(dataset_->queryCount());
        queries_->setMaximum(std::max(0, m));
        tune_->setMaximum(std::max(0, m - 1));
    }
    status_->setText(
        dataset_
            ? tr("%1: %2 queries").arg(QString::fromStdString(dataset_->name)).arg(dataset_->queryCount())
            : QString());
}

SpeedupReportOptions ReportPanel::options() const
{
    SpeedupReportOptions o;
    if (configSource_)
        if (const std::optional<Config> c = configSource_())
            o.config = *c;
    o.deltas.clear();
    for (const QString& part : deltas_->text().split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const double d = part.trimmed().toDouble(&ok);
        if (!ok || !(d > 0.0 && d < 1.0))
            throw std::invalid_argument(
                tr("every δ must be a number in (0, 1), got '%1'").arg(part.trimmed()).toStdString());
        o.deltas.push_back(d);
    }
    if (o.deltas.empty())
        throw std::invalid_argument(tr("give at least one δ, e.g. 0.1, 0.05, 0.01").toStdString());
    o.tune = tune_->value() == 0 ? -1 : tune_->value();
    o.queries = queries_->value() == 0 ? -1 : queries_->value();
    o.seed = static_cast<std::uint64_t>(seed_->value());
    o.svd = svd_->isChecked();
    o.hsm = hsm_->isChecked();
    return o;
}

void ReportPanel::run()
{
    if (!dataset_) {
        status_->setText(tr("load a dataset first"));
        return;
    }
    SpeedupReportOptions o;
    try {
        o = options();
    } catch (const std::invalid_argument& e) {
        status_->setText(QString::fromUtf8(e.what()));
        return;
    }
    view_->setReport(nullptr);
    status_->setText(tr("running…"));
    controller_.runReport(dataset_, o);
}

void ReportPanel::cancel()
{
    controller_.cancel(); // the worker sees a newer request id at its next query and stops
    status_->setText(tr("cancelled"));
}

QString ReportPanel::status() const
{
    return status_->text();
}

bool ReportPanel::exportTo(const QString& path)
{
    const auto& report = view_->report();
    if (!report) {
        status_->setText(tr("nothing to export: run the report first"));
        return false;
    }
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("md") || suffix == QLatin1String("csv")) {
        const std::string text
            = suffix == QLatin1String("md") ? formatReportMarkdown(*report) : formatReportCsv(*report);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text)
            || file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
            status_->setText(tr("cannot write %1: %2").arg(path, file.errorString()));
            return false;
        }
        return true;
    }
    // Plots: one file per plot, the stem suffixed with its name.
    QString error;
    const QString stem = info.path() + QLatin1Char('/') + info.completeBaseName();
    const std::pair<const char*, QCustomPlot*> plots[] = {
        {"-speedup.", view_->speedupPlot()}, {"-pulls.", view_->pullsPlot()}, {"-cost.", view_->costPlot()}};
    for (const auto& [name, plot] : plots)
        if (!exportPlot(plot, stem + QLatin1String(name) + info.suffix(), &error)) {
            status_->setText(error);
            return false;
        }
    return true;
}

void ReportPanel::chooseExport()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the speedup report"), QString(),
        tr("Markdown (*.md);;CSV (*.csv);;Plots as PNG (*.png);;Plots as PDF (*.pdf);;Plots as SVG (*.svg)"));
    if (!path.isEmpty())
        exportTo(path);
}

} // namespace ada
