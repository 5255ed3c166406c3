#include "RecentFiles.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace ada {

namespace {
const QString kKey = QStringLiteral("files/recent");
}

RecentFiles::RecentFiles(QMenu* menu, QObject* parent)
    : QObject(parent)
    , menu_(menu)
{
    rebuild();
}

QStringList RecentFiles::paths()
{
    return QSettings().value(kKey).toStringList();
}

void RecentFiles::add(const QString& path)
{
    QStringList recent = paths();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMax)
        recent.removeLast();
    QSettings().setValue(kKey, recent);
    rebuild();
}

void RecentFiles::clear()
{
    QSettings().remove(kKey);
    rebuild();
}

void RecentFiles::rebuild()
{
    menu_->clear();
    const QStringList recent = paths();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction* action
            = menu_->addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (!recent.isEmpty()) {
        menu_->addSeparator();
        connect(menu_->addAction(tr("Clear list")), &QAction::triggered, this, &RecentFiles::clear);
    }
    menu_->setEnabled(!recent.isEmpty());
}

} // namespace ada
