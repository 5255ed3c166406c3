#include "DatasetPanel.h"

#include "datasets/DatasetError.h"
#include "datasets/DatasetLoader.h"
#include "widgets/LocaleNumbers.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>

namespace ada {

DatasetPanel::DatasetPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("datasetPanel"));
    family_ = new QComboBox(this);
    for (const char* f : {"noisy", "sanity", "random-mu", "high-variance", "llm-like"})
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
    // The built-in real heads: one that ships inside the program, the Fashion-MNIST heads trained
    // on first use, GloVe downloaded on first use. Unavailable ones stay listed, disabled, with the
    // reason (and the command that fixes it) in the tooltip.
    builtin_ = new QComboBox(this);
    builtin_->setAccessibleName(tr("built-in dataset"));
    auto* builtinModel = new QStandardItemModel(builtin_);
    for (const BuiltinDataset& b : builtinDatasets()) {
        if (b.name.starts_with("synthetic:"))
            continue; // generated with the controls above
        auto* item = new QStandardItem(QString::fromStdString(b.name));
        item->setData(QString::fromStdString(b.name), Qt::UserRole);
        item->setToolTip(QString::fromStdString(b.description + "\n" + b.detail));
        if (!b.available)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        builtinModel->appendRow(item);
    }
    builtin_->setModel(builtinModel);
    auto* loadBuiltin = new QPushButton(tr("Load"), this);
    loadBuiltin->setToolTip(
        tr("Load the selected built-in head; the first use of a Fashion-MNIST head "
           "trains it, the first use of GloVe downloads it (progress below, Esc cancels)"));
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
    auto* builtinRow = new QHBoxLayout;
    builtinRow->addWidget(builtin_, 1);
    builtinRow->addWidget(loadBuiltin);
    form->addRow(tr("built in"), builtinRow);
    form->addRow(info_);
    connect(generate, &QPushButton::clicked, this, [this] { emit loadRequested(syntheticSpec()); });
    connect(open, &QPushButton::clicked, this, &DatasetPanel::openFileRequested);
    connect(loadBuiltin, &QPushButton::clicked, this, [this] {
        if (builtin_->currentIndex() >= 0)
            emit loadRequested(builtin_->currentData(Qt::UserRole).toString());
    });
}

QString DatasetPanel::syntheticSpec() const
{
    SyntheticSpec spec = parseSyntheticSpec("synthetic:" + family_->currentText().toStdString());
    if (loaded_ && loaded_->family == spec.family)
        spec = *loaded_;
    spec.n = n_->value();
    spec.d = d_->value();
    spec.m = m_->value();
    spec.seed = static_cast<std::uint64_t>(seed_->value());
    return QString::fromStdString(formatSyntheticSpec(spec));
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
    loaded_.reset();
    if (name.startsWith(QLatin1String("synthetic:"))) {
        try {
            const SyntheticSpec spec = parseSyntheticSpec(ds.name);
            if (const int at = family_->findText(QString::fromLatin1(toString(spec.family)));
                at >= 0 && spec.seed <= std::uint64_t(seed_->maximum())) {
                loaded_ = spec;
                family_->setCurrentIndex(at);
                n_->setValue(spec.n);
                d_->setValue(spec.d);
                m_->setValue(spec.m);
                seed_->setValue(int(spec.seed));
            }
        } catch (const DatasetError&) {
            // Not a generator's name after all: the controls keep what they had.
        }
    }
    QString text = tr("<b>%1</b><br>n = %2 arms × d = %3 columns, %4 queries")
                       .arg(shown.toHtmlEscaped())
                       .arg(localeCount(ds.head.arms()))
                       .arg(localeCount(ds.head.dim()))
                       .arg(localeCount(ds.queryCount()));
    if (!ds.description.empty())
        text += QStringLiteral("<br>") + QString::fromStdString(ds.description).toHtmlEscaped();
    if (ds.noiseBound)
        text += tr("<br>known noise bound σ² = %1").arg(localeNumber(*ds.noiseBound));
    info_->setText(text);
}

} // namespace ada
