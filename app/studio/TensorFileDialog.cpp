#include "TensorFileDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace ada {

namespace {

QString shapeString(const std::vector<std::int64_t>& shape)
{
    return QString::fromStdString(shapeText(shape));
}

bool hasQueryArray(const FileListing& listing)
{
    return std::any_of(listing.tensors.begin(), listing.tensors.end(), [](const TensorInfo& t) {
        return (t.name == "x" || t.name == "X" || t.name == "queries") && t.shape.size() == 2;
    });
}

} // namespace

TensorFileDialog::TensorFileDialog(const FileListing& listing, bool needsQueries, QWidget* parent)
    : QDialog(parent)
    , listing_(listing)
    , needsQueries_(needsQueries)
{
    setObjectName(QStringLiteral("tensorFileDialog"));
    setWindowTitle(tr("Open %1").arg(QFileInfo(QString::fromStdString(listing.path)).fileName()));
    tensor_ = new QComboBox(this);
    tensor_->setAccessibleName(tr("head tensor"));
    for (const TensorInfo& t : listing.tensors) {
        if (t.shape.size() != 2)
            continue;
        tensor_->addItem(
            QStringLiteral("%1   (%2, %3)")
                .arg(QString::fromStdString(t.name), QString::fromStdString(t.dtype), shapeString(t.shape)),
            QString::fromStdString(t.name));
    }
    const int picked = tensor_->findData(QString::fromStdString(listing.headTensor));
    if (picked >= 0)
        tensor_->setCurrentIndex(picked);
    queries_ = new QLineEdit(this);
    queries_->setAccessibleName(tr("queries file"));
    queries_->setPlaceholderText(needsQueries ? tr("required: a .npy (m × d) of hidden states")
                                              : tr("optional: replaces the queries in the file"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    QString format = QString::fromLatin1(fileFormatName(listing.format));
    hint_->setText(listing.tiedEmbedding ? tr("%1. The head is tied to the input embedding %2.")
                                               .arg(format, QString::fromStdString(listing.headTensor))
                                         : tr("%1 with %2 tensors; the loader's own pick is preselected.")
                                               .arg(format)
                                               .arg(listing.tensors.size()));

    auto* form = new QFormLayout(this);
    form->addRow(hint_);
    form->addRow(tr("head tensor (n × d)"), tensor_);
    auto* row = new QHBoxLayout;
    row->addWidget(queries_, 1);
    row->addWidget(browse);
    form->addRow(tr("queries"), row);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    form->addRow(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(queries_, &QLineEdit::textChanged, this, &TensorFileDialog::updateOk);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Queries (hidden states)"), QString(),
                                                          tr("NumPy arrays (*.npy *.npz);;All files (*)"));
        if (!path.isEmpty())
            queries_->setText(path);
    });
    updateOk();
}

void TensorFileDialog::updateOk()
{
    buttons_->button(QDialogButtonBox::Open)
        ->setEnabled(tensor_->count() > 0 && (!needsQueries_ || !queries_->text().trimmed().isEmpty()));
}

QString TensorFileDialog::datasetName() const
{
    QStringList options;
    const QString tensor = tensor_->currentData().toString();
    if (!tensor.isEmpty() && listing_.format != FileFormat::Npy)
        options << QStringLiteral("tensor=") + tensor;
    if (!queries_->text().trimmed().isEmpty())
        options << QStringLiteral("queries=") + queries_->text().trimmed();
    const QString path = QString::fromStdString(listing_.path);
    return options.isEmpty() ? path : path + QLatin1Char('?') + options.join(QLatin1Char('&'));
}

bool TensorFileDialog::wanted(const QString& path)
{
    const FileFormat f = detectFileFormat(path.toStdString());
    return f == FileFormat::Safetensors || f == FileFormat::SafetensorsIndex || f == FileFormat::Npy
        || f == FileFormat::Npz;
}

QString TensorFileDialog::choose(const QString& path, QWidget* parent)
{
    if (!wanted(path))
        return path;
    FileDatasetName name;
    name.path = path.toStdString();
    const FileListing listing = listFile(name);
    if (!listing.error.empty()) {
        // Let the loader report it through the usual error path (banner), with the same message.
        return path;
    }
    const bool needsQueries = listing.format == FileFormat::Safetensors
        || listing.format == FileFormat::SafetensorsIndex || listing.format == FileFormat::Npy
        || !hasQueryArray(listing);
    TensorFileDialog dialog(listing, needsQueries, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.datasetName() : QString();
}

} // namespace ada
