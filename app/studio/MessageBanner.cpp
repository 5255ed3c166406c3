#include "MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace ada {

MessageBanner::MessageBanner(QWidget* parent)
    : QWidget(parent)
    , label_(new QLabel(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setAttribute(Qt::WA_StyledBackground, true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label_, 1);
    auto* close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss message"));
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, this, &MessageBanner::dismiss);
    setVisible(false);
}

void MessageBanner::show(Level level, const QString& message)
{
    static const char* const kStyles[] = {
        "#messageBanner { background:#fdecea; border:1px solid #f5c6c0; } QLabel { color:#a12a1f; }",
        "#messageBanner { background:#fff4e5; border:1px solid #f7d9a8; } QLabel { color:#8a5300; }",
        "#messageBanner { background:#e8f1fb; border:1px solid #b8d4f0; } QLabel { color:#1d4f7a; }",
    };
    static const char* const kPrefixes[] = {QT_TR_NOOP("Error"), QT_TR_NOOP("Warning"), QT_TR_NOOP("Note")};
    setStyleSheet(QString::fromLatin1(kStyles[int(level)]));
    label_->setText(QStringLiteral("<b>%1:</b> %2").arg(tr(kPrefixes[int(level)]), message.toHtmlEscaped()));
    setVisible(true);
}

void MessageBanner::dismiss()
{
    setVisible(false);
}

QString MessageBanner::text() const
{
    return isVisible() ? label_->text() : QString();
}

} // namespace ada
