#include "DatasetPanel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

namespace ada {

DatasetPanel::DatasetPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("datasetPanel"));
    family_ = new QComboBox(this);
    for (const char* f : {"noisy", "sanity", "random-mu", "high-variance"})
        family_->addItem(QString::fromLatin1(f));
    family_->setAccessibleName(tr("synthetic family"));
    auto intSpin = [this](int lo, int hi, int value, const QString& name) {
        auto* s = new QSpinBox(this);
        s->setRange(lo, hi);
        s->setValue(value);
        s->setAccessibleName(name);
        s->setGroupSeparatorShown(true);
        return s;
    };
    n_ = intSpin(2, 256000, 40, tr("arms n"));
    d_ = intSpin(1, 1000000, 4000, tr("dimension d"));
    m_ = intSpin(1, 10000, 20, tr("queries m"));
    seed_ = intSpin(0, 1000000, 1, tr("data seed"));
    auto* generate = new QPushButton(tr("Generate"), this);
    auto* open = new QPushButton(tr("Open file…"), this);
    auto* embedded = new QPushButton(tr("Fashion-MNIST head (built in)"), this);
    embedded->setToolTip(
        tr("A real head shipped with the studio: logistic regression on Fashion-MNIST pixels, "
           "10 classes, 300 test images as queries"));
    info_ = new QLabel(tr("no dataset"), this);
    info_->setWordWrap(true);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout(this);
    form->addRow(tr("family"), family_);
    form->addRow(tr("n (arms)"), n_);
    form->addRow(tr("d (columns)"), d_);
    form->addRow(tr("m (queries)"), m_);
    form->addRow(tr("data seed"), seed_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(generate);
    buttons->addWidget(open);
    form->addRow(buttons);
    form->addRow(embedded);
    form->addRow(info_);
    connect(generate, &QPushButton::clicked, this, [this] { emit loadRequested(syntheticSpec()); });
    connect(open, &QPushButton::clicked, this, &DatasetPanel::openFileRequested);
    connect(embedded, &QPushButton::clicked, this,
            [this] { emit loadRequested(QStringLiteral("embedded:fmnist-pixels")); });
}

QString DatasetPanel::syntheticSpec() const
{
    return QStringLiteral("synthetic:%1?n=%2&d=%3&m=%4&seed=%5")
        .arg(family_->currentText())
        .arg(n_->value())
        .arg(d_->value())
        .arg(m_->value())
        .arg(seed_->value());
}

void DatasetPanel::showDataset(const Dataset& ds)
{
    // A synthetic spec is one long unbreakable word: show the family and seed (the shape follows),
    // and the full name in the tooltip.
    const QString name = QString::fromStdString(ds.name);
    QString shown = name;
    if (name.startsWith(QLatin1String("synthetic:")) && name.contains(QLatin1Char('?'))) {
        shown = name.section(QLatin1Char('?'), 0, 0);
        const QRegularExpressionMatch seed = QRegularExpression(QStringLiteral("seed=(\\d+)")).match(name);
        if (seed.hasMatch())
            shown += tr(", data seed %1").arg(seed.captured(1));
    } else if (QFileInfo(name).isAbsolute()) {
        shown = QFileInfo(name).fileName();
    }
    info_->setToolTip(name);
    QString text = tr("<b>%1</b><br>n = %2 arms × d = %3 columns, %4 queries")
                       .arg(shown.toHtmlEscaped())
                       .arg(ds.head.arms())
                       .arg(ds.head.dim())
                       .arg(ds.queryCount());
    if (!ds.description.empty())
        text += QStringLiteral("<br>") + QString::fromStdString(ds.description).toHtmlEscaped();
    if (ds.noiseBound)
        text += tr("<br>known noise bound σ² = %1").arg(*ds.noiseBound);
    info_->setText(text);
}

} // namespace ada
