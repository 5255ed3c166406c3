#include "ShortcutOverlay.h"

#include <QKeyEvent>
#include <QPainter>

namespace ada {

ShortcutOverlay::ShortcutOverlay(std::vector<ShortcutEntry> entries, QWidget* parent)
    : QWidget(parent)
    , entries_(std::move(entries))
{
    setObjectName(QStringLiteral("shortcutOverlay"));
    setAccessibleName(tr("Keyboard shortcuts"));
    setFocusPolicy(Qt::StrongFocus);
    hide();
}

void ShortcutOverlay::showOver()
{
    setGeometry(parentWidget()->rect());
    raise();
    show();
    setFocus();
}

QString ShortcutOverlay::text() const
{
    QStringList lines;
    for (const ShortcutEntry& e : entries_)
        lines << tr("%1: %2").arg(e.key.toString(QKeySequence::NativeText), e.what);
    return lines.join(QLatin1Char('\n'));
}

void ShortcutOverlay::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(0, 0, 0, 150));
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    p.setFont(font);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics fm(font), fmBold(bold); // keys are drawn bold: measure them so
    const int line = fm.height() * 3 / 2;
    int keyWidth = 0, whatWidth = fm.horizontalAdvance(tr("Keyboard shortcuts"));
    for (const ShortcutEntry& e : entries_) {
        keyWidth = std::max(keyWidth, fmBold.horizontalAdvance(e.key.toString(QKeySequence::NativeText)));
        whatWidth = std::max(whatWidth, fm.horizontalAdvance(e.what));
    }
    const int w = keyWidth + whatWidth + 5 * fm.height(), h = line * (int(entries_.size()) + 3);
    const QRect card(rect().center() - QPoint(w / 2, h / 2), QSize(w, h));
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(palette().window());
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(card, 12, 12);
    p.setPen(palette().windowText().color());
    int y = card.top() + line;
    p.setFont(bold);
    p.drawText(QRect(card.left(), y - line / 2, w, line), Qt::AlignCenter, tr("Keyboard shortcuts"));
    y += line;
    for (const ShortcutEntry& e : entries_) {
        const int x = card.left() + 2 * fm.height();
        p.setFont(bold);
        p.drawText(QRect(x, y, keyWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                   e.key.toString(QKeySequence::NativeText));
        p.setFont(font);
        p.drawText(QRect(x + keyWidth + fm.height(), y, whatWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                   e.what);
        y += line;
    }
    p.setFont(this->font());
    p.drawText(QRect(card.left(), card.bottom() - line, w, line), Qt::AlignCenter,
               tr("Press any key or click to close"));
}

void ShortcutOverlay::keyPressEvent(QKeyEvent* event)
{
    event->accept();
    hide();
}

void ShortcutOverlay::mousePressEvent(QMouseEvent* event)
{
    event->accept();
    hide();
}

} // namespace ada
