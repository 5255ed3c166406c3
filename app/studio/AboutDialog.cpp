#include "AboutDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

#ifndef ADASOFTMAX_VERSION
#define ADASOFTMAX_VERSION "unknown"
#endif
#ifndef ADASOFTMAX_REVISION
#define ADASOFTMAX_REVISION "unknown"
#endif

namespace ada {

QString AboutDialog::version()
{
    return QStringLiteral(ADASOFTMAX_VERSION);
}

QString AboutDialog::revision()
{
    return QStringLiteral(ADASOFTMAX_REVISION);
}

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About AdaSoftmax Studio"));
    setObjectName(QStringLiteral("aboutDialog"));
    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/adasoftmax.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);
    text_ = tr("<h2>AdaSoftmax Studio</h2>"
               "<p>Version %1 · source revision %2 · Qt %3</p>"
               "<p>Top-k softmax and its partition function by adaptive sampling, with (ε, δ) "
               "guarantees: watch the algorithm work round by round, compare variance estimators, and "
               "measure what it would save on your own model's output layer.</p>")
                .arg(version(), revision(), QString::fromLatin1(qVersion()));
    auto* label = new QLabel(text_);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(tr("About the studio"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(label, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    resize(520, 260);
}

QString AboutDialog::text() const
{
    return text_;
}

} // namespace ada
